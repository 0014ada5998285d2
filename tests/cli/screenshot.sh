#!/usr/bin/env bash
# scripts/screenshot renders the README's picture from a real run of the guided session.
. "$LA_SRC/tests/lib.sh"
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 77; }
t_run "screenshot" 0 "$LA_SRC/scripts/screenshot" "$T_TMP/shot.png"
t_run "a PNG of the terminal's size" 0 python3 - "$T_TMP/shot.png" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
assert w > 900 and h > 600, (w, h)   # 110 x 34 cells
assert len(data) > 20000, 'an empty screen compresses to almost nothing'
PY
grep -q '(docs/guided-session.png)' "$LA_SRC/README.md" && [ -f "$LA_SRC/docs/guided-session.png" ] &&
  t_ok || t_bad "README shows docs/guided-session.png"
t_done
