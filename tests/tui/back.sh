#!/usr/bin/env bash
# Going back (Backspace and Left) and changing answers, on the way and from the review.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

tt_start 200 30
tt_path workload=io io_shape=fan_out
tt_wait "· fan_out_size "
t_has "the advice pane previews the pattern" "$(tt_screen)" "(async-concurrent)"
t_has "breadcrumb after two answers" "$(tt_screen | head -1)" "workload: io › io_shape: fan_out"
# Backspace: back to io_shape, its answer under the cursor and gone from the breadcrumb.
tt_keys BSpace
tt_wait "· io_shape "
scr=$(tt_screen)
t_has "cursor on the previous answer" "$scr" "› Independent calls (fan-out)"
t_hasnt "undone answer left the breadcrumb" "$(printf '%s\n' "$scr" | head -1)" "io_shape:"
# Left: back to workload; choose cpu instead: the io questions are no longer asked.
tt_keys Left
tt_wait "· workload "
tt_answer workload cpu
tt_wait "· cpu_shape "
t_has "changed answer in the breadcrumb" "$(tt_screen | head -1)" "workload: cpu"
t_hasnt "io_shape no longer asked" "$(tt_screen)" "io_shape"
t_has "the advice pane follows the answer" "$(tt_screen)" "(spawn-blocking"
tt_keys BSpace
tt_wait "· workload "
tt_keys BSpace
tt_wait "This is the first question"

# A full path, then change the event source from the review: sqs brings batch_failures in.
tt_path workload=io io_shape=single event_source=http clients=http goals=latency \
  memory_mb=1024 duration_ms=500 native_deps=no
tt_wait "Your answers. Choose one to change it"
t_hasnt "no batch question for http" "$(tt_screen)" "batch"
tt_keys Home Down Down
tt_keys Enter
tt_wait "Change an answer · event_source"
tt_answer event_source sqs
# The newly asked question comes next, then the review again.
tt_answer batch_failures no
tt_wait "Your answers. Choose one to change it"
scr=$(tt_screen)
t_has "review shows the new source" "$scr" "$(tt_label event_source sqs)"
t_has "breadcrumb shows the new question" "$(printf '%s\n' "$scr" | head -1)" "batch_failures: no"
t_has "other answers kept" "$(printf '%s\n' "$scr" | head -1)" "duration_ms: 500"
# Backspace on the review undoes the last answer.
tt_keys BSpace
tt_wait "· batch_failures "
# Escape-free cancel of an edit: from the review, open a question and go back unchanged.
tt_answer batch_failures no
tt_wait "Your answers. Choose one to change it"
tt_keys Home Enter
tt_wait "Change an answer · workload"
tt_keys Left
tt_wait "Your answers. Choose one to change it"
t_has "unchanged after cancelling" "$(tt_screen | head -1)" "workload: io"
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys y
t_eq "exit code" "$(tt_exit_code)" 0
tt_stop
t_done
