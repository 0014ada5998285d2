#!/usr/bin/env bash
# Every way out restores the terminal: q (asking first when the advice is not exported),
# Ctrl-C, SIGTERM; and no session at all without a terminal.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

# Not a terminal: a clear message pointing at advise, exit 2.
t_run "no terminal" 2 "$LA_BIN" </dev/null
t_has "points at advise" "$T_ERR" "lambda-advisor advise"
echo | "$LA_BIN" >/dev/null 2>"$T_TMP/err"
t_eq "stdin not a terminal: exit" "$?" 2
t_run "unknown option" 2 "$LA_BIN" --frobnicate

# Bad knowledge: the error (file:line:col) on a normal screen, exit 2, no curses left behind.
mkdir -p "$T_TMP/data/decision-trees"
printf 'version: 1\nquestions:\n  - id: workload\n    kind: sometimes\n' \
  >"$T_TMP/data/decision-trees/lambda.yaml"
tt_start 100 30 LAMBDA_ADVISOR_DATA="$T_TMP/data"
t_eq "bad tree: exit" "$(tt_exit_code)" 2
t_has "bad tree: located error" "$(tt_screen)" "lambda.yaml:4:11"
tt_stop

# A terminal that cannot address the cursor: a message pointing at advise, exit 2.
tt_start 100 30 TERM=dumb
t_eq "TERM=dumb: exit" "$(tt_exit_code)" 2
t_has "TERM=dumb: says why" "$(tt_screen)" "cannot move the cursor"
tt_stop

# q before any answer quits at once.
tt_start 100 30
tt_wait "· workload "
tt_keys q
t_eq "q without answers" "$(tt_exit_code)" 0
tt_stop

# q with unsaved advice asks; n stays; q then y quits.
tt_start 100 30
tt_answer workload io
tt_wait "· io_shape "
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys n
tt_wait "Cancelled"
t_has "still in the session" "$(tt_screen)" "· io_shape "
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys y
t_eq "q then y" "$(tt_exit_code)" 0
# The shell has the terminal back: what it prints is on a normal screen.
t_hasnt "no session left on screen" "$(tt_screen)" "Advice so far"
tt_stop

# Ctrl-C leaves at once, even with unsaved advice and an open prompt.
tt_start 100 30
tt_answer workload cpu
tt_keys e
tt_wait "Write the advice as Markdown to"
tt_keys C-c
t_eq "Ctrl-C" "$(tt_exit_code)" 130
t_hasnt "Ctrl-C restored the screen" "$(tt_screen)" "Advice so far"
tt_stop

# SIGTERM: the terminal is restored and the exit code says so.
tt_start 100 30
tt_answer workload cpu
tt_wait "· cpu_shape "
kill -TERM "$(tt_app_pid)"
t_eq "SIGTERM" "$(tt_exit_code)" 143
t_hasnt "SIGTERM restored the screen" "$(tt_screen)" "Advice so far"
tt_stop
t_done
