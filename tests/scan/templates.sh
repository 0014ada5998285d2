#!/bin/sh
# The projects `lambda-advisor new` writes must scan clean: no finding for a spread of answers
# (every pattern, several event sources and clients).
. "$LA_SRC/tests/lib.sh"
cd "$T_TMP" || exit 1
i=0
while read -r answers; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  if ! "$LA_BIN" new "p$i" --defaults $answers >/dev/null 2>"p$i.err"; then
    t_bad "new $answers: $(cat "p$i.err")"
    continue
  fi
  t_run "scan p$i ($answers)" 0 "$LA_BIN" scan "p$i" --format json --fail-on note
  t_eq "p$i: no findings, not even a note ($answers)" "$T_OUT" "[]"
done <<'A'
--answer workload=io --answer io_shape=fan_out --answer fan_out_size=few --answer clients=http
--answer workload=io --answer io_shape=fan_out --answer fan_out_size=many --answer event_source=sqs --answer batch_failures=yes --answer clients=s3
--answer workload=io --answer io_shape=chain --answer event_source=http --answer clients=dynamodb
--answer workload=io --answer io_shape=single --answer event_source=eventbridge --answer clients=none
--answer workload=cpu --answer cpu_shape=single_task --answer event_source=direct
--answer workload=cpu --answer cpu_shape=collection --answer memory_mb=4096 --answer event_source=kinesis --answer batch_failures=yes
--answer workload=mixed --answer io_shape=fan_out --answer cpu_shape=collection --answer event_source=s3 --answer clients=s3
--answer workload=mixed --answer io_shape=chain --answer cpu_shape=single_task --answer event_source=api_gateway_rest --answer clients=sqs,sns
A
t_done
