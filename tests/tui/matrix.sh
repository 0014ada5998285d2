#!/usr/bin/env bash
# A smoke walk at each size and colour depth the session supports (80x24, 120x40, 200x60 with
# none, 8 and 256 colours): questions, review, the rendered advice, the code full screen, back.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

colour_cells() { tmux -L "$TT_SOCK" capture-pane -p -e; }

walk() {
  local size=$1 depth=$2
  shift 2
  local cols=${size%x*} rows=${size#*x}
  tt_start "$cols" "$rows" "$@"
  tt_wait "· workload " || { tt_stop; return; }
  local scr
  scr=$(colour_cells)
  case $depth in
  256) t_has "$size/$depth: 256 colours" "$scr" "38;5;" ;;
  8)
    t_hasnt "$size/$depth: no 256-colour cells" "$scr" "38;5;"
    case "$scr" in *$'\e['*3[0-7]m* | *$'\e['*3[0-7]\;*) t_ok ;; *) t_bad "$size/$depth: no colour" ;; esac
    ;;
  0) case "$scr" in *$'\e['3[0-7]m* | *$'\e['*\;3[0-7]m* | *38\;5\;*) t_bad "$size/$depth: colours" ;; *) t_ok ;; esac ;;
  esac
  t_eq "$size/$depth: full width" "$(tt_screen | sed -n 2p | wc -L)" "$cols"
  t_eq "$size/$depth: status on the last row" "$(tt_screen | sed -n "${rows}p" | grep -c 'Enter choose')" 1
  for _ in $(seq 9); do tt_keys Enter; done
  tt_wait "› See the advice"
  tt_keys Enter
  tt_wait "Lambda advice: "
  scr=$(tt_screen)
  t_has "$size/$depth: advice rendered" "$scr" "■ Pattern: "
  t_eq "$size/$depth: no line wider than the terminal" "$(tt_screen | wc -L)" "$cols"
  tt_keys Left
  tt_wait " Review "
  tt_keys f
  tt_wait "src/main.rs (1/"
  tt_keys Escape Escape
  tt_wait " Review "
  tt_keys q
  tt_wait "Quit anyway? (y/n)"
  tt_keys y
  t_eq "$size/$depth: exit" "$(tt_exit_code)" 0
  tt_stop
}

walk 80x24 0 NO_COLOR=1 TERM=xterm-256color
walk 120x40 8 NO_COLOR= TERM=xterm
walk 200x60 256 NO_COLOR= TERM=xterm-256color
t_done
