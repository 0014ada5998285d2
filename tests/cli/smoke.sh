#!/usr/bin/env bash
# The binary starts, says who it is, and explains itself.
. "$LA_SRC/tests/lib.sh"

t_run version 0 "$LA_BIN" --version
t_has version "$T_OUT" "lambda-advisor "
t_run help 0 "$LA_BIN" --help
for c in advise questions new scan check; do t_has "help lists $c" "$T_OUT" "$c"; done
t_run unknown-command 2 "$LA_BIN" frobnicate
t_has unknown-command "$T_ERR" "unknown command 'frobnicate'"
t_has unknown-command "$T_ERR" "advise, questions, new, scan, check"
t_run not-a-terminal 2 "$LA_BIN" </dev/null
t_has not-a-terminal "$T_ERR" "advise"
t_done
