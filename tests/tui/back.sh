#!/usr/bin/env bash
# Back is not undo: Left, Backspace and Esc go back a screen and never change an answer; the
# review opens on "See the advice" and keeps its cursor on the row that was edited (bug 5).
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

tt_start 200 30
tt_path workload=io io_shape=fan_out
tt_wait "· fan_out_size "
t_has "the advice pane previews the pattern" "$(tt_screen)" "(async-concurrent)"
t_has "breadcrumb with labels" "$(tt_screen | head -1)" "Waiting on I/O › Independent calls (fan-out)"
t_has "stable progress" "$(tt_screen)" "Question 3 of 9 · fan_out_size"
# Backspace: back to io_shape, its answer under the cursor and still in the breadcrumb.
tt_keys BSpace
tt_wait "· io_shape "
scr=$(tt_screen)
t_has "cursor on the previous answer" "$scr" "› Independent calls (fan-out)"
t_has "going back keeps the answer" "$(printf '%s\n' "$scr" | head -1)" "Independent calls (fan-out)"
t_has "progress counts back" "$scr" "Question 2 of 9"
# Left, then Escape: back to workload; nothing changed.
tt_keys Left
tt_wait "· workload "
t_has "still answered" "$(tt_screen | head -1)" "Waiting on I/O › Independent calls (fan-out)"
tt_keys Escape
tt_wait "This is the first question"
# Right walks forward over answered questions without changing them; Enter too.
tt_keys Right
tt_wait "· io_shape "
tt_keys Enter
tt_wait "· fan_out_size "
# Choose cpu instead: the io questions are no longer asked.
tt_keys Left Left
tt_wait "· workload "
tt_answer workload cpu
tt_wait "· cpu_shape "
t_has "changed answer in the breadcrumb" "$(tt_screen | head -1)" "Computing"
t_hasnt "io_shape no longer asked" "$(tt_screen)" "io_shape"
t_has "the advice pane follows the answer" "$(tt_screen)" "(spawn-blocking"
# The code pane marks the lines that answer changed (+ after the line number).
case "$(tt_screen)" in *[0-9]+\ //!*) t_ok ;; *) t_bad "no changed line marked: $(tt_screen)" ;; esac
tt_keys BSpace
tt_wait "· workload "
tt_keys Home Enter
tt_wait "· io_shape "

# A full path, then change the event source from the review: sqs brings batch_failures in.
tt_path io_shape=single event_source=http clients=http goals=latency \
  memory_mb=1024 duration_ms=500 native_deps=no
tt_wait "› See the advice"
t_hasnt "no batch question for http" "$(tt_screen)" "batch"
# Space on the review does not open anything.
tt_keys Space
tt_wait "Enter opens the highlighted line"
tt_keys Home Down Down
tt_keys Enter
tt_wait "Change an answer · event_source"
tt_answer event_source sqs
# The newly asked question comes next, then the review again, on the edited row.
tt_answer batch_failures no
tt_wait "Your answers. Choose one to change it"
scr=$(tt_screen)
t_has "review shows the new source" "$scr" "$(tt_label event_source sqs)"
t_has "review cursor on the edited row" "$scr" "› What invokes the function?"
t_has "breadcrumb shows the new question" "$(printf '%s\n' "$scr" | head -1)" "No, fail or succeed as a whole"
t_has "other answers kept" "$(printf '%s\n' "$scr" | head -1)" "500 ms"
# Cancel an edit: the cursor comes back to that row, the answer unchanged.
tt_keys Down Down
tt_wait "› Which services does the function call?"
tt_keys Enter
tt_wait "Change an answer · clients"
tt_keys Down Space Left
tt_wait "Your answers. Choose one to change it"
scr=$(tt_screen)
t_has "cancel: cursor on the row" "$scr" "› Which services does the function call?"
t_has "cancel: unchanged" "$scr" "    HTTP APIs (reqwest)"
t_hasnt "cancel: S3 not ticked" "$scr" "HTTP APIs (reqwest), S3"
# Back from the review goes to the last question, unchanged; Enter returns to the review.
tt_keys Left
tt_wait "· native_deps "
t_has "last answer kept" "$(tt_screen | head -1)" "› No"
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys y
t_eq "exit code" "$(tt_exit_code)" 0
tt_stop
t_done
