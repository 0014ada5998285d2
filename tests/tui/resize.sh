#!/usr/bin/env bash
# Resizing mid-session: relayout with nothing lost; below 80x24 a "too small" screen that
# keeps the session; back to a usable size, everything is where it was.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

tt_start 80 24
tt_path workload=mixed io_shape=chain
tt_wait "· cpu_shape "
tt_keys Down
tt_wait "› Many independent items"
tt_resize 140 45
scr=$(tt_screen)
t_eq "full width used" "$(printf '%s\n' "$scr" | sed -n 2p | wc -L)" 140
t_has "cursor kept across the resize" "$scr" "› Many independent items"
t_has "answers kept" "$(printf '%s\n' "$scr" | head -1)" "Both, in stages › A chain, each needs the previous"
t_eq "bottom row is the status line" "$(printf '%s\n' "$scr" | sed -n 45p | grep -c 'Space\|Enter')" 1
# Too small: says so, and keys other than q do nothing.
tmux -L "$TT_SOCK" resize-window -x 70 -y 20
tt_wait "The terminal is too small: 70x20"
tt_wait "at least 80x24"
tt_keys Enter
tt_resize 80 24
tt_wait "· cpu_shape "
scr=$(tt_screen)
t_has "cursor kept after too small" "$scr" "› Many independent items"
t_hasnt "Enter while too small did nothing" "$(printf '%s\n' "$scr" | head -1)" "Many independent"
# Answer on, resize while a prompt is open: the prompt and its text survive.
tt_keys Enter
tt_wait "· event_source "
tt_keys e
tt_wait "Write the advice as Markdown to"
tt_keys BSpace BSpace
tt_type txt
tt_resize 100 30
tt_wait "./lambda-advice.txt"
tt_keys Escape
tt_wait_gone "Write the advice as Markdown to:"
# Too small, then q quits from there with the terminal restored.
tmux -L "$TT_SOCK" resize-window -x 60 -y 10
tt_wait "too small"
# Bug 6: q there still asks about the advice that has not been exported.
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys n
tt_wait_gone "Quit anyway?"
t_has "n stays" "$(tt_screen)" "too small"
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys y
t_eq "exit code" "$(tt_exit_code)" 0
tt_stop
t_done
