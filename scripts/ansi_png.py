#!/usr/bin/env python3
"""Renders a terminal screen captured with ANSI colours (tmux capture-pane -e -p) as a PNG.

Usage: ansi_png.py SCREEN.txt OUT.png COLS ROWS   (needs Pillow and DejaVu Sans Mono)"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

src, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf'
BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf'
SIZE = 15
font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
cw = round(font.getlength('M'))
ch = SIZE + 5

BASE = [(0x1d, 0x1f, 0x21), (0xcc, 0x66, 0x66), (0xb5, 0xbd, 0x68), (0xf0, 0xc6, 0x74),
        (0x81, 0xa2, 0xbe), (0xb2, 0x94, 0xbb), (0x8a, 0xbe, 0xb7), (0xc5, 0xc8, 0xc6),
        (0x66, 0x66, 0x66), (0xd5, 0x4e, 0x53), (0xb9, 0xca, 0x4a), (0xe7, 0xc5, 0x47),
        (0x7a, 0xa6, 0xda), (0xc3, 0x97, 0xd8), (0x70, 0xc0, 0xb1), (0xea, 0xea, 0xea)]


def palette(n):
    if n < 16:
        return BASE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return (g, g, g)


FG, BG = BASE[7], BASE[0]
img = Image.new('RGB', (cols * cw + 16, rows * ch + 16), BG)
draw = ImageDraw.Draw(img)
lines = open(src, encoding='utf-8', errors='replace').read().split('\n')[:rows]
# DEC special graphics, which curses selects with SO (\x0e) and leaves with SI (\x0f)
ACS = dict(zip('jklmnqtuvwxa`~', '┘┐┌└┼─├┤┴┬│▒◆·'))
fg, bg, is_bold, rev, acs = FG, BG, False, False, False
for y, line in enumerate(lines):
    x = 0
    for tok in re.split(r'(\x1b\[[0-9;:]*m)', line):
        if tok.startswith('\x1b['):
            codes = [int(c) if c else 0 for c in re.split('[;:]', tok[2:-1])] or [0]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    fg, bg, is_bold, rev = FG, BG, False, False
                elif c == 1:
                    is_bold = True
                elif c == 22:
                    is_bold = False
                elif c == 7:
                    rev = True
                elif c == 27:
                    rev = False
                elif 30 <= c <= 37:
                    fg = BASE[c - 30]
                elif 90 <= c <= 97:
                    fg = BASE[c - 90 + 8]
                elif 40 <= c <= 47:
                    bg = BASE[c - 40]
                elif 100 <= c <= 107:
                    bg = BASE[c - 100 + 8]
                elif c == 39:
                    fg = FG
                elif c == 49:
                    bg = BG
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    if c == 38:
                        fg = palette(codes[i + 2])
                    else:
                        bg = palette(codes[i + 2])
                    i += 2
                elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                    rgb = tuple(codes[i + 2:i + 5])
                    if c == 38:
                        fg = rgb
                    else:
                        bg = rgb
                    i += 4
                i += 1
            continue
        for chr_ in tok:
            if chr_ in '\x0e\x0f':
                acs = chr_ == '\x0e'
                continue
            if ord(chr_) < 32:
                continue
            if acs:
                chr_ = ACS.get(chr_, chr_)
            f, b = (bg, fg) if rev else (fg, bg)
            px, py = 8 + x * cw, 8 + y * ch
            draw.rectangle([px, py, px + cw - 1, py + ch - 1], fill=b)
            if chr_ != ' ':
                draw.text((px, py + 2), chr_, font=bold if is_bold else font, fill=f)
            x += 1
img.save(out, optimize=True)
