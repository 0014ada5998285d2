# Drives the guided session in a private tmux server, as a person would: keys in, screen out.
# Source after tests/lib.sh. Every wait polls the screen with a timeout (no fixed sleeps), so
# the tests also pass under the sanitizers, only slower.
command -v tmux >/dev/null || { echo "tmux is needed for the guided-session tests" >&2; exit 77; }

# The servers' sockets live in this test's temporary directory, removed at the end.
export TMUX_TMPDIR="$T_TMP"
TT_N=0
TT_SOCK="la-tui-$$-0"
TT_WORK="$T_TMP/work"
TT_TIMEOUT=${TT_TIMEOUT:-20}
mkdir -p "$TT_WORK"
trap 'tmux -L "$TT_SOCK" kill-server 2>/dev/null; rm -rf "$T_TMP"' EXIT

# Each session gets its own server (socket): a new server on the socket of one still shutting
# down would die with it.

# tt_start COLS ROWS [VAR=VALUE...]: starts the session in $TT_WORK. When it exits, the pane
# shows "EXIT=<code>" (proof that the shell got the terminal back) and stays open.
tt_start() {
  local cols=$1 rows=$2
  shift 2
  TT_N=$((TT_N + 1))
  TT_SOCK="la-tui-$$-$TT_N"
  # Each session remembers its answers in its own state directory (no resume offers across
  # sessions unless a test shares one on purpose with XDG_STATE_HOME=...).
  local envs=" LC_ALL=C.UTF-8 XDG_STATE_HOME=$TT_WORK/.state-$TT_N"
  for kv in "$@"; do envs="$envs $(printf '%q' "$kv")"; done
  tmux -u -L "$TT_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" \
    "cd $(printf '%q' "$TT_WORK") && env$envs $(printf '%q' "$LA_BIN") ${LA_ARGS:-}; echo EXIT=\$?; sleep 3600"
  tmux -L "$TT_SOCK" set-option -g window-size manual 2>/dev/null || true
  tt_wait "lambda-advisor"
}

tt_stop() {
  tmux -L "$TT_SOCK" kill-server 2>/dev/null || true
}

tt_screen() {
  tmux -L "$TT_SOCK" capture-pane -p
}

tt_keys() {
  tmux -L "$TT_SOCK" send-keys "$@"
}

# tt_type TEXT: types literal text.
tt_type() {
  tmux -L "$TT_SOCK" send-keys -l "$1"
}

# tt_wait TEXT [SECONDS]: waits until the screen shows TEXT; records a failure (with the
# screen) when it does not. Returns non-zero on timeout.
tt_wait() {
  local want=$1 limit=${2:-$TT_TIMEOUT} start=$SECONDS scr
  while :; do
    scr=$(tt_screen 2>/dev/null)
    case "$scr" in *"$want"*) t_ok; return 0 ;; esac
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      t_bad "waited ${limit}s for [$want]; the screen shows:"
      printf '%s\n' "$scr" >&2
      return 1
    fi
    sleep 0.05
  done
}

# tt_resize COLS ROWS: resizes the window and waits until the session has redrawn at that
# size (its top border as wide as the window), so no later check sees the old screen.
tt_resize() {
  local cols=$1 rows=$2 start=$SECONDS
  tmux -L "$TT_SOCK" resize-window -x "$cols" -y "$rows"
  while :; do
    [ "$(tt_screen 2>/dev/null | sed -n 2p | wc -L)" -eq "$cols" ] && { t_ok; return 0; }
    if [ $((SECONDS - start)) -ge "$TT_TIMEOUT" ]; then
      t_bad "no redraw at ${cols}x${rows}; the screen shows:"
      tt_screen >&2
      return 1
    fi
    sleep 0.05
  done
}

# tt_wait_gone TEXT: waits until the screen no longer shows TEXT.
tt_wait_gone() {
  local gone=$1 limit=${2:-$TT_TIMEOUT} start=$SECONDS scr
  while :; do
    scr=$(tt_screen 2>/dev/null)
    case "$scr" in *"$gone"*) ;; *) t_ok; return 0 ;; esac
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      t_bad "waited ${limit}s for [$gone] to go; the screen shows:"
      printf '%s\n' "$scr" >&2
      return 1
    fi
    sleep 0.05
  done
}

# The question list, for choice positions and defaults (from `questions`, not hard-coded).
TT_QUESTIONS=$("$LA_BIN" questions)

# tt_kind QID: choice, multi, number or yesno.
tt_kind() {
  printf '%s\n' "$TT_QUESTIONS" | sed -n "s/^$1 (\([a-z]*\)).*/\1/p"
}

# tt_values QID: the values of a question, one per line, in menu order.
tt_values() {
  printf '%s\n' "$TT_QUESTIONS" | awk -v q="$1" '
    $0 ~ "^" q " \\(" { inq = 1; next }
    inq && /^[a-z_]+ \(/ { exit }
    inq && /^  values:/ { inv = 1; next }
    inq && inv && /^    / { print $1; next }
    inq && inv { inv = 0 }'
}

# tt_label QID VALUES: the label(s) the screen shows for comma-separated values.
tt_label() {
  local out="" v
  for v in $(printf '%s' "$2" | tr ',' ' '); do
    local l
    l=$(printf '%s\n' "$TT_QUESTIONS" | awk -v q="$1" -v v="$v" '
      $0 ~ "^" q " \\(" { inq = 1; next }
      inq && /^[a-z_]+ \(/ { exit }
      inq && $1 == v && /^    / { sub(/^    [a-z_0-9]+ +/, ""); print; exit }')
    [ "$v" = none ] && [ -z "$l" ] && l=none
    out="${out:+$out, }$l"
  done
  printf '%s' "$out"
}

tt_default() {
  printf '%s\n' "$TT_QUESTIONS" | awk -v q="$1" '
    $0 ~ "^" q " \\(" { inq = 1; next }
    inq && /^[a-z_]+ \(/ { exit }
    inq && /^  default:/ { sub(/^  default: */, ""); print; exit }'
}

# tt_answer QID VALUE: waits for the question, then answers it with the keys a person would
# press: Home and Down to the value and Enter; Space on the choices to change in a
# multi-choice (VALUE: comma-separated, or "none" for no tick); digits and Enter for a number.
tt_answer() {
  local qid=$1 value=$2 kind i v
  tt_wait "· $qid " || return 1
  kind=$(tt_kind "$qid")
  case "$kind" in
  number)
    tt_type "$value"
    tt_keys Enter
    ;;
  multi)
    local def want
    def=",$(tt_default "$qid" | tr -d ' '),"
    want=",$value,"
    tt_keys Home
    i=0
    for v in $(tt_values "$qid"); do
      local in_def=0 in_want=0
      case "$def" in *",$v,"*) in_def=1 ;; esac
      case "$want" in *",$v,"*) in_want=1 ;; esac
      [ "$in_def" != "$in_want" ] && tt_keys Space
      tt_keys Down
      i=$((i + 1))
    done
    tt_keys Enter
    ;;
  *)
    tt_keys Home
    for v in $(tt_values "$qid"); do
      [ "$v" = "$value" ] && break
      tt_keys j
    done
    tt_keys Enter
    ;;
  esac
}

# tt_path QID=VALUE...: answers several questions in turn.
tt_path() {
  local kv
  for kv in "$@"; do tt_answer "${kv%%=*}" "${kv#*=}" || return 1; done
}

# tt_app_pid: the session's process id (a child of the pane's shell), from /proc.
tt_app_pid() {
  local shell f
  shell=$(tmux -L "$TT_SOCK" list-panes -F '#{pane_pid}')
  for f in /proc/[0-9]*/stat; do
    # pid (comm) state ppid ...
    read -r pid comm _ ppid _ 2>/dev/null <"$f" || continue
    [ "$ppid" = "$shell" ] && [ "$comm" = "(lambda-advisor)" ] && { echo "$pid"; return; }
  done
}

# tt_exit_code: waits for the session to end and prints its exit code.
tt_exit_code() {
  tt_wait "EXIT=" >/dev/null || return 1
  tt_screen | sed -n 's/.*EXIT=\([0-9]*\).*/\1/p' | tail -1
}
