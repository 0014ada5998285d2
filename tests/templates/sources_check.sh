#!/usr/bin/env bash
# `check` names a missing piece of an event source (handler part, test part, sample event,
# or the section that picks a part) at the event_source choice in the decision tree.
# Without it a missing piece passed `check` and `new` wrote a main.rs that did not compile.
. "$(dirname "$0")/../lib.sh"

fresh() {
  rm -rf "$T_TMP/data"
  mkdir -p "$T_TMP/data"
  cp -R "$LA_SRC/decision-trees" "$LA_SRC/templates" "$T_TMP/data/"
}
check() { t_run "$1" 2 env LAMBDA_ADVISOR_DATA="$T_TMP/data" "$LA_BIN" check; }
# The line the sqs choice is on, as check must name it.
line=$(grep -n -- '- value: sqs$\|value: sqs$' "$LA_SRC/decision-trees/lambda.yaml" | head -1 | cut -d: -f1)

t_run "check of the shipped data" 0 "$LA_BIN" check

for piece in sources/sqs/handler.tpl sources/sqs/test.tpl sources/sqs/event.json.tpl; do
  fresh
  rm "$T_TMP/data/templates/$piece"
  check "check without $piece"
  t_has "names $piece" "$T_ERR" "templates/$piece is missing"
  t_has "at the sqs choice" "$T_ERR" "decision-trees/lambda.yaml:$line:"
done

fresh
sed -i '/{{#event_source.sqs}}/,/{{\/event_source.sqs}}/d' "$T_TMP/data/templates/rust/source.tpl"
check "check without the sqs section of source.tpl"
t_has "names the section" "$T_ERR" "templates/rust/source.tpl has no {{#event_source.sqs}} section"
t_has "at the sqs choice (section)" "$T_ERR" "decision-trees/lambda.yaml:$line:"
t_done
