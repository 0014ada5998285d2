#!/usr/bin/env bash
# Issue 10's bugs around answers and prompts, one scenario each (numbers as in the issue):
# 1 the export's command reproduces it byte for byte, 2 a line editor in the path field,
# 7 exporting onto a directory, 8 ~ in paths, 11 the number field after an error, 12 "None"
# exclusive and no empty multi-choice, 17 the write check before the overwrite question and
# r that says why; and --answers FILE, the summary printed on exit.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

mkdir -p "$TT_WORK/home"
tt_start 120 40 HOME="$TT_WORK/home"
tt_wait "· workload "
# 17: r before the last question says why nothing happens.
tt_keys r
tt_wait "The review opens once every question has an answer"
tt_path workload=io io_shape=single event_source=http
tt_wait "· clients "
# 12: None and the other clients exclude each other; an empty list is refused.
tt_keys End Space
tt_wait "[✓] None"
t_hasnt "None unticks the others" "$(tt_screen)" "[✓] HTTP APIs"
tt_keys Home Space
tt_wait "[✓] HTTP APIs"
t_hasnt "a client unticks None" "$(tt_screen)" "[✓] None"
tt_keys Space Enter
tt_wait 'Tick at least one (Space), or "None"'
t_has "still on clients" "$(tt_screen)" "· clients "
tt_keys End Space Enter
tt_wait "· goals "
# 1: untick every goal: refused, so no export can say goals=none.
tt_keys Home Down Space Enter
tt_wait "Tick at least one (Space)"
t_has "still on goals" "$(tt_screen)" "· goals "
tt_keys Space Enter
tt_wait "· memory_mb "
# 11: after an invalid number the next digit starts a new one; a tenth digit is refused aloud.
tt_type 0
tt_keys Enter
tt_wait "0 is not valid here"
tt_type 99999
tt_wait "99999"
t_hasnt "no 099999" "$(tt_screen)" "099999"
tt_type 99999
tt_wait "At most 9 digits"
tt_keys C-u
tt_type 2048
tt_keys Enter
tt_wait "· duration_ms "
tt_keys Enter
tt_wait "· native_deps "
tt_keys Enter
tt_wait "› See the advice"

# 2: typing replaces the proposed path; the editor moves and erases like readline.
tt_keys e
tt_wait "./lambda-advice.md"
tt_type "mXine.md"
tt_keys Left Left Left Left Left Left BSpace
tt_keys Enter
tt_wait "Wrote the advice to $TT_WORK/mine.md"
[ -f "$TT_WORK/mine.md" ] && t_ok || t_bad "2: mine.md not written ($(ls "$TT_WORK"))"
t_hasnt "2: nothing glued" "$(ls "$TT_WORK")" "lambda-advice.mdmine"
tt_keys e
tt_wait "./lambda-advice.md"
tt_keys End C-w
tt_type "other.md"
tt_keys C-a Delete Delete C-e Enter
tt_wait "Wrote the advice to $TT_WORK/other.md"
# 1: the command in the export gives the export again, byte for byte.
cmd=$(awk '/^```sh$/ { on = 1; next } on && /^```$/ { exit } on' "$TT_WORK/mine.md" | tr -d '\\\n')
t_has "1: clients=none in the command" "$cmd" "clients=none"
# shellcheck disable=SC2086
set -- $cmd
shift
t_run "1: the export's command" 0 "$LA_BIN" "$@"
t_eq "1: byte for byte" "$T_OUT" "$(cat "$TT_WORK/mine.md")"
# 7: a directory: the file goes inside it, no "Overwrite it?".
mkdir "$TT_WORK/out"
tt_keys e
tt_wait "./lambda-advice.md"
tt_type "out"
tt_keys Enter
tt_wait "Wrote the advice to $TT_WORK/out/lambda-advice.md"
# 8: ~ is the home directory; Tab completes a path.
mkdir "$TT_WORK/home/reports"
tt_keys e
tt_wait "./lambda-advice.md"
tt_type "~/rep"
tt_keys Tab
tt_wait "~/reports/"
tt_type "a.md"
tt_keys Enter
tt_wait "Wrote the advice to $TT_WORK/home/reports/a.md"
[ -f "$TT_WORK/home/reports/a.md" ] && t_ok || t_bad "8: ~ not expanded"
# 17: a target that cannot be written is refused before any overwrite question, and the
# prompt stays open with the text kept.
tt_keys e
tt_wait "./lambda-advice.md"
tt_keys C-u
tt_type "/dev/null"
tt_keys Enter
tt_wait "/dev/null is not a regular file"
t_hasnt "17: no overwrite question" "$(tt_screen)" "Overwrite it?"
t_has "17: the prompt stays open with the text" "$(tt_screen)" "/dev/null"
tt_keys C-u
tt_type "nodir/x.md"
tt_keys Enter
tt_wait "nodir: no such directory"
tt_keys Escape
tt_wait_gone "Write the advice"
# The summary and the advise command on the way out.
tt_keys q
t_eq "exit" "$(tt_exit_code)" 0
scr=$(tt_screen)
t_has "summary" "$scr" "8 of 8 questions answered"
t_has "command" "$scr" "lambda-advisor advise --answer workload=io"
tt_stop

# --answers FILE: only the rest is asked.
printf 'workload: cpu\ncpu_shape: collection\n' >"$TT_WORK/answers.yaml"
LA_ARGS="--answers answers.yaml" tt_start 100 30
tt_wait "· event_source "
t_has "--answers: given answers in the breadcrumb" "$(tt_screen | head -1)" "Computing › Many independent items"
t_has "--answers: says so" "$(tt_screen)" "2 answers from answers.yaml"
tt_keys C-c
t_eq "--answers: exit" "$(tt_exit_code)" 130
tt_stop
# The last session's answers are kept under $XDG_STATE_HOME and offered on the next start.
state="$TT_WORK/state"
tt_start 100 30 XDG_STATE_HOME="$state"
tt_path workload=cpu cpu_shape=collection
tt_wait "· event_source "
tt_keys q
tt_wait "Quit anyway? (y/n)"
tt_keys y
tt_exit_code >/dev/null
tt_stop
t_has "saved" "$(cat "$state/lambda-advisor/last-answers.yaml" 2>/dev/null)" "cpu_shape: collection"
t_run "the saved answers are an answers file" 0 "$LA_BIN" advise --defaults \
  --answers "$state/lambda-advisor/last-answers.yaml"
tt_start 100 30 XDG_STATE_HOME="$state"
tt_wait "Your last session answered 2 questions. Resume from those answers?"
tt_keys y
tt_wait "· event_source "
t_has "resumed" "$(tt_screen | head -1)" "Computing › Many independent items"
tt_keys C-c
tt_exit_code >/dev/null
tt_stop
tt_start 100 30 XDG_STATE_HOME="$state"
tt_wait "Resume from those answers?"
tt_keys n
tt_wait "· workload "
t_has "not resumed" "$(tt_screen | head -1)" "no answers yet"
tt_keys C-c
tt_exit_code >/dev/null
tt_stop

# ACCESSIBLE: line by line, numbered choices, each answer echoed back, nothing redrawn.
tt_start 100 30 ACCESSIBLE=1
tt_wait "  1) Waiting on I/O (now)"
tt_type 2
tt_keys Enter
tt_wait "Answer: Computing."
# b goes back with the answer offered again: Enter keeps it.
tt_type b
tt_keys Enter
tt_wait "  2) Computing (now)"
tt_keys Enter
tt_wait "Question 2 of 8"
tt_type 9
tt_keys Enter
tt_wait "Not a valid answer: 9. Try again."
for _ in $(seq 7); do tt_keys Enter; done
tt_wait "The advice: "
tt_type e
tt_keys Enter
tt_wait "Wrote the advice to lambda-advice.md."
t_run "accessible: advise" 0 "$LA_BIN" advise --defaults --answer workload=cpu
t_eq "accessible: the export equals advise" "$(cat "$TT_WORK/lambda-advice.md")" "$T_OUT"
rm -f "$TT_WORK/lambda-advice.md"
# r changes one answer: the answers numbered, the one chosen asked again, then the question
# the change brings in (SQS asks about batch failures), then the advice again.
tt_type r
tt_keys Enter
tt_wait "  3) What invokes the function? HTTP (HTTP API, Function URL, ALB)"
tt_type 3
tt_keys Enter
tt_wait "  2) HTTP (HTTP API, Function URL, ALB) (now)"
tt_type 4
tt_keys Enter
tt_wait "Answer: SQS queue."
tt_wait "Should the function report which records of a batch failed?"
tt_keys Enter
tt_wait "r to change an answer"
tt_type e
tt_keys Enter
tt_wait "Wrote the advice to lambda-advice.md."
t_run "accessible: advise after a change" 0 "$LA_BIN" advise --defaults --answer workload=cpu \
  --answer event_source=sqs
t_eq "accessible: the export after a change equals advise" \
  "$(cat "$TT_WORK/lambda-advice.md")" "$T_OUT"
rm -f "$TT_WORK/lambda-advice.md"
tt_type q
tt_keys Enter
t_eq "accessible: exit" "$(tt_exit_code)" 0
t_has "accessible: the questions stay in the scrollback" \
  "$(tmux -L "$TT_SOCK" capture-pane -p -S -1000)" "Answer: Computing."
tt_stop

printf 'workload: gpu\n' >"$TT_WORK/bad.yaml"
t_run "--answers: a bad file" 2 "$LA_BIN" --answers "$TT_WORK/bad.yaml"
t_has "--answers: located" "$T_ERR" "bad.yaml:1:"
t_done
