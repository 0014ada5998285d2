#!/usr/bin/env bash
# Three full paths through the tree in the guided session, each to the review and the final
# advice, at three terminal sizes (80x24 the smallest); the advice pane, the breadcrumb and the
# exported Markdown must agree with `advise`.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

# run_path NAME COLSxROWS EXPECT_PATTERN EXPECT_ARCH QID=VALUE...
run_path() {
  local name=$1 size=$2 pattern=$3 arch=$4
  shift 4
  tt_start "${size%x*}" "${size#*x}"
  tt_path "$@" || { tt_stop; return; }
  # The review opens on its last row, "See the advice"; Home shows its top.
  tt_wait "› See the advice"
  tt_keys Home
  tt_wait "Your answers. Choose one to change it"
  local scr
  scr=$(tt_screen)
  # The review may be longer than the pane: its end too (End moves to the last row).
  tt_keys End
  tt_wait "› See the advice"
  scr="$scr
$(tt_screen)"
  t_has "$name: pattern in the advice pane" "$scr" "($pattern)"
  t_has "$name: architecture in the advice pane" "$scr" "$arch ·"
  # The review lists every answer by its label; the breadcrumb ends with the last answer.
  local kv v
  for kv in "$@"; do
    case "$(tt_kind "${kv%%=*}")" in
    number) t_has "$name: review shows $kv" "$scr" "    ${kv#*=} " ;;
    *)
      for v in ${kv#*=}; do :; done
      t_has "$name: review shows $kv" "$scr" "    $(tt_label "${kv%%=*}" "${kv#*=}")"
      ;;
    esac
  done
  # The last row of the review opens the advice.
  tt_keys End Enter
  tt_wait "The advice"
  tt_wait "Lambda advice: "
  t_has "$name: the final screen's keys" "$(tt_screen)" "← review  y copy  e export"
  # Export to the default path, then compare with advise for the same answers.
  tt_keys e
  tt_wait "Write the advice as Markdown to"
  tt_wait "./lambda-advice.md"
  tt_keys Enter
  tt_wait "Wrote the advice to $TT_WORK/lambda-advice.md"
  local args=()
  for kv in "$@"; do args+=(--answer "$kv"); done
  t_run "$name: advise" 0 "$LA_BIN" advise --format markdown "${args[@]}"
  if [ -f "$TT_WORK/lambda-advice.md" ]; then
    t_eq "$name: export equals advise --format markdown" "$(cat "$TT_WORK/lambda-advice.md")" "$T_OUT"
  else
    t_bad "$name: no export written"
  fi
  # The advice is exported: q quits at once, exit 0, terminal back to the shell.
  tt_keys q
  t_eq "$name: exit code" "$(tt_exit_code)" 0
  rm -f "$TT_WORK/lambda-advice.md"
  tt_stop
}

run_path io-fan-out 100x30 async-concurrent arm64 \
  workload=io io_shape=fan_out fan_out_size=many event_source=sqs batch_failures=yes \
  clients=http,dynamodb goals=latency memory_mb=2048 duration_ms=3000 native_deps=no

run_path cpu-collection 120x40 spawn-blocking-rayon x86_64 \
  workload=cpu cpu_shape=collection event_source=s3 clients=s3 goals=cost,throughput \
  memory_mb=4096 duration_ms=20000 native_deps=yes

run_path mixed-chain 80x24 mixed-pipeline arm64 \
  workload=mixed io_shape=chain cpu_shape=single_task event_source=api_gateway_rest \
  clients=none goals=cold_start memory_mb=512 duration_ms=60000 cpu_share_pct=40 native_deps=no

t_done
