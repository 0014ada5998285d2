#!/usr/bin/env bash
# The rest of what a person sees: help, the code pane (focus, scrolling, Rust colouring),
# colours (256, 8, none with NO_COLOR, vt100), a C locale, and the n and s keys.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

# Help for the current screen: the question's own help and the keys; any key closes it.
tt_start 100 30
tt_wait "· workload "
tt_keys '?'
tt_wait "─ Help "
scr=$(tt_screen)
t_has "help names the question" "$scr" "What does one invocation spend most of its time on?"
tt_keys End
tt_wait "e exports the advice as Markdown"
t_has "status line in help" "$scr" "any other key closes the help"
tt_keys x
tt_wait_gone "─ Help "
t_has "the key that closed help did nothing else" "$(tt_screen)" "· workload "

# The code pane: Tab focuses it, the status line says which keys scroll, Down scrolls.
tt_keys Tab
tt_wait "f full screen"
before=$(tt_screen | sed -n 3,20p | cut -c56-)
tt_keys Down Down Down
tt_wait "4-"
after=$(tt_screen | sed -n 3,20p | cut -c56-)
[ "$before" != "$after" ] && t_ok || t_bad "the code pane did not scroll"
t_has "still on the question" "$(tt_screen)" "· workload "
tt_keys Tab Tab
tt_wait "Enter choose"
tt_keys q
t_eq "exit" "$(tt_exit_code)" 0
tt_stop

# Colours: 256 when the terminal has them, 8 otherwise, none with NO_COLOR or on a vt100.
colour_cells() {
  tmux -L "$TT_SOCK" capture-pane -p -e
}
tt_start 100 30 NO_COLOR= TERM=xterm-256color
tt_wait "· workload "
scr=$(colour_cells)
t_has "256 colours" "$scr" "38;5;"
t_has "code pane: keywords in their colour" "$scr" "38;5;176m"
t_has "code pane: types in theirs" "$scr" "38;5;222m"
tt_keys q
tt_stop
tt_start 100 30 NO_COLOR= TERM=xterm
tt_wait "· workload "
scr=$(colour_cells)
t_hasnt "8 colours: no 256-colour cells" "$scr" "38;5;"
case "$scr" in *$'\e['*3[0-7]m* | *$'\e['*3[0-7]\;*) t_ok ;; *) t_bad "8 colours: no colour cells" ;; esac
tt_keys q
tt_stop
for env in "NO_COLOR=1 TERM=xterm-256color" "NO_COLOR= TERM=vt100"; do
  # shellcheck disable=SC2086
  tt_start 100 30 $env
  tt_wait "· workload "
  scr=$(colour_cells)
  case "$scr" in
  *$'\e['3[0-7]m* | *$'\e['*\;3[0-7]m* | *38\;5\;*) t_bad "$env: colours on screen" ;;
  *) t_ok ;;
  esac
  case "$scr" in
  *$'\e[7m'* | *$'\e['*\;7m*) t_ok ;;
  *) t_bad "$env: the selection is not in reverse video" ;;
  esac
  tt_keys q
  tt_stop
done

# A C locale: ASCII markers instead of UTF-8 glyphs, and the session works.
tt_start 100 30 LC_ALL=C
tt_wait "> Waiting on I/O"
tt_keys q
tt_stop

# n writes a new project where asked; s scans a path.
tt_start 100 30
tt_answer workload io
tt_keys n
tt_wait "Write a new cargo-lambda project into the directory:"
tt_wait "./my-function"
tt_keys Enter
tt_wait "files of a new project to $TT_WORK/my-function"
[ -f "$TT_WORK/my-function/src/main.rs" ] && t_ok || t_bad "n: no src/main.rs written"
t_has "n: the crate is named after the directory" "$(cat "$TT_WORK/my-function/Cargo.toml")" \
  'name = "my-function"'
# The same files as `new` writes for the same answers (unanswered: defaults).
t_run "new" 0 "$LA_BIN" new "$TT_WORK/by-new" --name my-function --defaults --answer workload=io
t_eq "n writes what new writes" "$(cd "$TT_WORK/my-function" && find . -type f | sort | xargs cat)" \
  "$(cd "$TT_WORK/by-new" && find . -type f | sort | xargs cat)"
tt_keys n Enter
tt_wait "is not empty."
tt_wait "replacing files of the same name? (y/n)"
tt_keys n
tt_wait "Cancelled"
# s scans: the default is the current directory when it holds a Cargo.toml.
mkdir -p "$TT_WORK/crate/src"
printf '[package]\nname = "x"\nversion = "0.1.0"\nedition = "2021"\n' >"$TT_WORK/crate/Cargo.toml"
printf 'async fn handler() {\n    std::thread::sleep(std::time::Duration::from_millis(5));\n}\n' \
  >"$TT_WORK/crate/src/main.rs"
tt_keys s
tt_wait "Scan which crate or directory"
tt_type "$TT_WORK/crate"
tt_keys Enter
tt_wait "─ Scan "
tt_wait "$TT_WORK/crate: "
tt_wait "src/main.rs:2:5 warning [blocking-sleep]"
tt_keys BSpace
tt_wait "· io_shape "
tt_keys C-c
tt_exit_code >/dev/null
tt_stop
t_done
