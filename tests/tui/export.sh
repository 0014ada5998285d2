#!/usr/bin/env bash
# Export: a path prompt with ./lambda-advice.md as the default, a question before overwriting,
# an atomic write, where it wrote on screen; the file equals `advise --format markdown`.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

answers=(workload=cpu cpu_shape=single_task event_source=eventbridge clients=s3,secrets_manager
  goals=cold_start,cost memory_mb=1769 duration_ms=120000 native_deps=no)
tt_start 100 30
tt_path "${answers[@]}"
tt_wait "Your answers. Choose one to change it"
args=()
for kv in "${answers[@]}"; do args+=(--answer "$kv"); done
t_run "advise" 0 "$LA_BIN" advise --format markdown "${args[@]}"
want=$T_OUT

# The default path.
tt_keys e
tt_wait "./lambda-advice.md"
tt_keys Enter
tt_wait "Wrote the advice to $TT_WORK/lambda-advice.md"
t_eq "export equals advise" "$(cat "$TT_WORK/lambda-advice.md" 2>/dev/null)" "$want"
t_eq "nothing else written" "$(ls -A "$TT_WORK")" "lambda-advice.md"

# Again: it asks before overwriting; n keeps the file as it was.
echo "keep me" >"$TT_WORK/lambda-advice.md"
tt_keys e
tt_wait "./lambda-advice.md"
tt_keys Enter
tt_wait "already exists."
tt_wait "Overwrite it? (y/n)"
tt_keys n
tt_wait "Cancelled"
t_eq "n keeps the file" "$(cat "$TT_WORK/lambda-advice.md")" "keep me"
tt_keys e
tt_keys Enter
tt_wait "Overwrite it? (y/n)"
tt_keys y
tt_wait "Wrote the advice to $TT_WORK/lambda-advice.md"
t_eq "y overwrites" "$(cat "$TT_WORK/lambda-advice.md")" "$want"

# Another path, typed over the default; a directory that does not exist is an error on
# screen, and the session goes on.
tt_keys e
tt_wait "./lambda-advice.md"
for _ in $(seq 18); do tt_keys BSpace; done
tt_type "sub/dir/advice.md"
tt_keys Enter
tt_wait "sub/dir/advice.md"
t_eq "no file in a missing directory" "$(ls -A "$TT_WORK")" "lambda-advice.md"
mkdir "$TT_WORK/out"
tt_keys e
for _ in $(seq 18); do tt_keys BSpace; done
tt_type "out/ünïcode advice.md"
tt_keys Enter
tt_wait "Wrote the advice to $TT_WORK/out/ünïcode advice.md"
t_eq "UTF-8 path" "$(cat "$TT_WORK/out/ünïcode advice.md" 2>/dev/null)" "$want"
t_eq "no temporary files left" "$(ls -A "$TT_WORK/out")" "ünïcode advice.md"

# Exported: q quits without asking.
tt_keys q
t_eq "exit code" "$(tt_exit_code)" 0
tt_stop
t_done
