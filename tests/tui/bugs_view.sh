#!/usr/bin/env bash
# Issue 10's bugs around what is shown, one scenario each (numbers as in the issue): 3 the
# code pane after its text got shorter than the offset, 4 the advice pane at 80x24, 9 the
# advice rendered from Markdown, 10 horizontal scroll bounded, 13 Ctrl-L, 14 LANG=C, 15 hints
# and help agree, 16 the scan screen; issue 12: escape sequences shown escaped, signals
# during a scan; OSC 52 copy and Ctrl-Z.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

tt_start 80 24
tt_wait "· workload "
# 4: the advice pane says what it hides, and Tab reaches it to scroll.
tt_wait "more ↓"
tt_keys Tab Tab
tt_wait "scroll the advice"
tt_keys Down Down
tt_wait " 3-"
# 10: Right stops at the longest line, with a marker that there is more on the left.
tt_keys Tab Tab
tt_wait "f full screen"
for _ in $(seq 30); do tt_keys Right; done
tt_wait "‹›"
before=$(tt_screen)
tt_keys Right Right
after=$(tt_screen)
t_eq "10: no scrolling past the longest line" "$after" "$before"
t_has "10: text still shown" "$(tt_screen | sed -n 14,22p)" "›"
# 3: at the end of the code, then a larger terminal: the pane shows code, not blank.
tt_keys Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left
tt_keys End
tt_resize 120 60
# poll until the resized frame is drawn (slow under the sanitizers), at most ~20 s
for _ in $(seq 200); do
  total=$(tt_screen | sed -n 's/.* [0-9]*-\([0-9]*\) of \([0-9]*\) .*/\1 \2/p' | tail -1)
  [ -n "$total" ] && [ "${total% *}" = "${total#* }" ] && break
  sleep 0.1
done
t_eq "3: the last line shown" "${total% *}" "${total#* }"
t_has "3: code on screen" "$(tt_screen | sed -n 40,58p)" "}"
# full screen and back
tt_keys f
tt_wait "src/main.rs (1/"
t_hasnt "f: the question is hidden" "$(tt_screen)" "· workload "
tt_keys ']'
tt_wait "(2/"
tt_keys Escape
tt_wait "· workload "
# 15: the hints name keys that work, and the help says the same.
tt_keys Escape
tt_wait "Tab panes"
tt_keys '?'
tt_wait "Tab moves between the question, the advice and the code"
tt_keys x
tt_wait_gone "─ Help "
# 13: Ctrl-L repaints a screen that something else wrote over.
printf 'GARBAGE-ON-SCREEN' >"$(tmux -L "$TT_SOCK" list-panes -F '#{pane_tty}')"
tt_wait "GARBAGE-ON-SCREEN"
tt_keys C-l
tt_wait_gone "GARBAGE-ON-SCREEN"
# Y: the advise command to the clipboard (OSC 52, which tmux keeps as a buffer).
tmux -L "$TT_SOCK" set-option -g set-clipboard on
tt_keys Y
tt_wait "Copied the advise command"
for _ in $(seq 40); do tmux -L "$TT_SOCK" show-buffer 2>/dev/null | grep -q "advise" && break; sleep 0.05; done
t_has "Y: copied" "$(tmux -L "$TT_SOCK" show-buffer 2>/dev/null)" "lambda-advisor advise"
# Ctrl-Z: here (a pane without job control) the stop is discarded; the session carries on
# with the screen redrawn.
tt_keys C-z
tt_wait "Advice so far"
tt_keys Down
tt_wait "› Computing"
tt_keys Up
tt_wait "› Waiting on I/O"
# 9: the advice as a document: distinct headings, aligned tables, no Markdown marks.
for _ in $(seq 9); do tt_keys Enter; done
tt_wait "› See the advice"
tt_keys Enter
tt_wait "Lambda advice: "
scr=$(tt_screen)
t_has "9: the verdict first" "$scr" "■ Pattern: "
t_has "9: a table with aligned columns" "$scr" "┼"
t_hasnt "9: no raw table" "$scr" "|---|"
t_hasnt "9: no ## left" "$scr" "## "
t_hasnt "9: no fences" "$scr" '```'
t_has "9: a position" "$scr" " of "
# / searches, n finds the next match, ] jumps to the next section.
tt_keys /
tt_wait "Find in the advice"
tt_type "spawn_blocking"
tt_keys Enter
tt_wait "spawn_blocking"
tt_keys ']'
tt_wait "■ "
tt_keys C-c
tt_exit_code >/dev/null
tt_stop

# 3 again: at the end of the code, an answer that makes it shorter (io_shape single: fewer
# lines) leaves the pane on the new last line, not blank.
# The line counts come from advise (the panes show the defaults for what is not answered yet).
code_lines() {
    "$LA_BIN" advise --defaults --answer workload=io "$@" --format json |
        python3 -c 'import json,sys; print([f["content"].count("\n") for f in json.load(sys.stdin)["files"] if f["path"] == "src/main.rs"][0])'
}
long=$(code_lines)
short=$(code_lines --answer io_shape=single)
t_has "3: io_shape single makes the code shorter" "$((long > short))" "1"
tt_start 100 30
tt_answer workload io
tt_wait "· io_shape "
tt_keys Tab End
tt_wait " of $long "
tt_keys Tab Tab
tt_wait "Enter choose"
tt_keys End Enter
tt_wait "· event_source "
scr=$(tt_screen)
t_has "3: the code ends at its new last line" "$scr" "-$short of $short "
t_has "3: code lines on screen" "$(printf '%s\n' "$scr" | sed -n 18,27p)" "$short "
tt_keys C-c
tt_exit_code >/dev/null
tt_stop

# 14: LANG=C: a typed UTF-8 name keeps its bytes; UTF-8 text is shown in ASCII, not as ??.
tt_start 100 30 LC_ALL=C LANG=C
tt_wait "- workload "
tt_keys e
tt_wait "./lambda-advice.md"
tt_type "café.md"
tt_keys Enter
tt_wait "Wrote the advice to"
[ -f "$TT_WORK/café.md" ] && t_ok || t_bad "14: café.md not written: $(ls "$TT_WORK")"
t_hasnt "14: no ?? for a character" "$(tt_screen)" "??"
tt_keys C-c
tt_exit_code >/dev/null
tt_stop

# 16 and issue 12: the scan screen (severity counts, a span marker, "scan again" keeps the
# path) and a file name with an escape sequence, shown escaped.
mkdir -p "$TT_WORK/crate/src"
printf '[package]\nname = "x"\nversion = "0.1.0"\nedition = "2021"\n' >"$TT_WORK/crate/Cargo.toml"
printf 'async fn handler() {\n    std::thread::sleep(std::time::Duration::from_millis(5));\n}\n' \
  >"$TT_WORK/crate/src/main.rs"
cp "$TT_WORK/crate/src/main.rs" "$TT_WORK/crate/src/$(printf 'x\033]2;PWNED\007')y.rs"
tt_start 120 40
tt_wait "· workload "
tt_keys s
tt_wait "Scan which crate"
tt_type "crate"
tt_keys Enter
tt_wait "─ Scan "
scr=$(tt_screen)
t_has "16: severity counts" "$scr" "(0 errors, 2 warnings, 0 notes)"
t_has "16: span marker" "$scr" "^~~~"
t_has "12: the escape shown escaped" "$scr" "x^[]2;PWNED^Gy.rs"
t_hasnt "12: no title set" "$(tmux -L "$TT_SOCK" display -p '#{pane_title}')" "PWNED"
tt_keys s
tt_wait "Scan which crate"
t_has "16: scan again proposes the path" "$(tt_screen)" "│ crate "
tt_keys Escape C-c
tt_exit_code >/dev/null
tt_stop

# The mouse: a click highlights a choice (the advice previews it), a second click chooses;
# the wheel moves through the choices. X10 mouse reports (TERM=screen in tmux): ESC [ M,
# then 32 + button, 32 + column, 32 + row (1-based); row 6 is the second choice.
tt_start 100 30
tt_wait "· workload "
tt_type $'\e[M %&\e[M#%&'
tt_wait "› Computing"
tt_wait "Advice if you choose this"
tt_wait ") if you choose this"
t_has "the code preview marks the lines that would change" "$(tt_screen)" "+ //!"
tt_type $'\e[M %&\e[M#%&'
tt_wait "· cpu_shape "
tt_type $'\e[Ma%&'
tt_wait "› Many independent items"
tt_keys C-c
tt_exit_code >/dev/null
tt_stop
# A click on the review: the first highlights the row under it (either of its lines), the
# second opens that answer; "See the advice" likewise. At 100x30 with these answers, row 8 is
# "What invokes the function?" and row 9 its answer; scrolled to the end, row 25 is the last
# answer and row 27 "See the advice".
printf 'workload: io\nio_shape: single\nevent_source: sqs\nbatch_failures: "yes"\nclients: [s3]\ngoals: [cost]\nmemory_mb: 512\nduration_ms: 2000\nnative_deps: "no"\n' >"$TT_WORK/review.yaml"
LA_ARGS="--answers $TT_WORK/review.yaml" tt_start 100 30
tt_wait "› See the advice"
tt_type $'\e[M %)\e[M#%)'
tt_wait "› What invokes the function?"
t_hasnt "review click: one row highlighted" "$(tt_screen)" "› See the advice"
tt_type $'\e[M %(\e[M#%('
tt_wait "Change an answer · event_source"
tt_keys Enter
tt_wait "› What invokes the function?"
tt_keys End
tt_wait "› See the advice"
tt_type $'\e[M %9\e[M#%9'
tt_wait "› Does the function need native"
# (tmux takes an argument ending in ";" for its command separator: the backslash keeps it)
tt_type $'\e[M %;\e[M#%\\;'
tt_wait "› See the advice"
tt_type $'\e[M %;\e[M#%\\;'
tt_wait "Lambda advice: "
tt_keys C-c
tt_exit_code >/dev/null
tt_stop
LA_ARGS=--no-mouse tt_start 100 30
tt_wait "· workload "
tt_type $'\e[M %&\e[M#%&'
tt_keys Down
tt_wait "› Computing"
t_has "--no-mouse: the click did nothing" "$(tt_screen)" "· workload "
tt_keys C-c
tt_exit_code >/dev/null
tt_stop

# Ctrl-Z under a shell with job control: stopped with the screen given back; fg redraws it.
TT_N=$((TT_N + 1))
TT_SOCK="la-tui-$$-$TT_N"
tmux -u -L "$TT_SOCK" -f /dev/null new-session -d -x 100 -y 30 \
  "env -i PATH=$(printf '%q' "$PATH") HOME=$(printf '%q' "$TT_WORK") TERM=screen LC_ALL=C.UTF-8 XDG_STATE_HOME=$(printf '%q' "$TT_WORK/.state-z") PS1='sh\$ ' bash --norc --noprofile -i"
tt_wait 'sh$'
tt_type "cd $(printf '%q' "$TT_WORK") && $(printf '%q' "$LA_BIN")"
tt_keys Enter
tt_wait "· workload "
tt_keys C-z
tt_wait "Stopped"
t_hasnt "Ctrl-Z: the screen is the shell's" "$(tt_screen)" "Advice so far"
tt_type fg
tt_keys Enter
tt_wait "Advice so far"
tt_keys Down
tt_wait "› Computing"
tt_keys Enter
tt_wait "· cpu_shape "
tt_keys C-c
tt_wait "lambda-advisor advise --answer workload=cpu"
tt_stop

# Issue 12: an escape sequence in the YAML text (a choice's label) is shown escaped too.
mkdir -p "$TT_WORK/data/decision-trees"
cp "$LA_SRC"/decision-trees/*.yaml "$TT_WORK/data/decision-trees/"
sed -i '0,/label: Waiting on I\/O/s//label: "Waiting \\x1b]2;PWNED\\x07 on I\/O"/' \
  "$TT_WORK/data/decision-trees/lambda.yaml"
tt_start 100 30 LAMBDA_ADVISOR_DATA="$TT_WORK/data"
tt_wait "Waiting ^[]2;PWNED^G on I/O"
t_hasnt "12: no title set from YAML" "$(tmux -L "$TT_SOCK" display -p '#{pane_title}')" "PWNED"
tt_keys C-c
tt_exit_code >/dev/null
tt_stop

# Issue 12 item 5: SIGTERM during a long scan stops it at once, the terminal restored.
mkdir -p "$TT_WORK/big/src"
cp "$TT_WORK/crate/Cargo.toml" "$TT_WORK/big/"
line='async fn h() { std::thread::sleep(std::time::Duration::from_millis(5)); }'
for i in $(seq 2000); do echo "$line"; done >"$TT_WORK/big/src/m0.rs"
for i in $(seq 59); do cp "$TT_WORK/big/src/m0.rs" "$TT_WORK/big/src/m$i.rs"; done
start=$(date +%s%N)
"$LA_BIN" scan "$TT_WORK/big" --format json >/dev/null 2>&1
scan_ms=$((($(date +%s%N) - start) / 1000000))
tt_start 100 30
tt_wait "· workload "
tt_keys s
tt_wait "Scan which crate"
tt_type "big"
tt_keys Enter
tt_wait "Scanning"
start=$(date +%s%N)
kill -TERM "$(tt_app_pid)"
t_eq "SIGTERM during a scan: exit" "$(tt_exit_code)" 143
took=$((($(date +%s%N) - start) / 1000000))
[ "$took" -lt $((scan_ms / 2 + 200)) ] && t_ok || t_bad "SIGTERM waited for the scan: ${took} ms (scan: ${scan_ms} ms)"
t_hasnt "SIGTERM: screen restored" "$(tt_screen)" "Scanning"
tt_stop
t_done
