#!/usr/bin/env bash
# An event source is one folder templates/sources/<id>/ plus its choice of event_source in
# the decision tree. `check` names every missing or wrong piece with a place: a missing file
# at the choice, a bad source.yaml at its own line and column, a folder without a choice at
# the question, a dynamic partial whose value names no template at its tag. Without this a
# missing piece passed `check` and `new` wrote a main.rs that did not compile.
. "$(dirname "$0")/../lib.sh"

D=$T_TMP/data
fresh() {
  rm -rf "$D" "$T_TMP/user"
  mkdir -p "$D"
  cp -R "$LA_SRC/decision-trees" "$LA_SRC/templates" "$D/"
}
check() { t_run "$1" 2 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" check; }
# Where check must name the sqs choice and the event_source question.
at=$(grep -n -- '- value: sqs$' "$LA_SRC/decision-trees/lambda.yaml" | head -1 | cut -d: -f1)
qat=$(grep -n -- '- id: event_source$' "$LA_SRC/decision-trees/lambda.yaml" | head -1 | cut -d: -f1)

t_run "check of the shipped data" 0 "$LA_BIN" check

# (a) Every piece is required: without any of them, check names each one at the choice.
pieces="handler.tpl test.tpl event.json.tpl uses.tpl cargo.tpl cargo_runtime.tpl
  sam_events.tpl sam_resources.tpl readme.tpl source.yaml"
fresh
for p in $pieces; do rm "$D/templates/sources/sqs/$p"; done
check "check without the pieces of sqs"
for p in $pieces; do
  t_has "names $p at the sqs choice" "$T_ERR" \
    "decision-trees/lambda.yaml:$at:9: event source 'sqs' has no"
  t_has "names $p" "$T_ERR" "templates/sources/sqs/$p is missing"
done
# ... and the template that includes a missing piece says so at its tag.
fresh
rm "$D/templates/sources/sqs/readme.tpl"
check "check without the README part of sqs"
t_has "at the choice" "$T_ERR" "decision-trees/lambda.yaml:$at:9: event source 'sqs' has no README part"
t_has "at the including tag" "$T_ERR" \
  "templates/README.md.tpl:$(grep -n 'event_source.readme' "$D/templates/README.md.tpl" | cut -d: -f1):1: unknown partial 'sources/sqs/readme' (a value of 'event_source.readme')"

# An empty piece is a deliberate nothing: fine.
fresh
: >"$D/templates/sources/sqs/readme.tpl"
t_run "an empty piece" 0 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" check

# (b) A folder that no choice names.
fresh
cp -R "$D/templates/sources/sns" "$D/templates/sources/lambda_url"
check "check with a folder without a choice"
t_has "names the folder at the question" "$T_ERR" \
  "decision-trees/lambda.yaml:$qat:5: templates/sources/lambda_url/ is an event source no choice of 'event_source' names"

# (c) An unknown trait, at its place in source.yaml; `new` refuses it the same way.
fresh
printf '# sqs\ntraits: [batch, orderd]\n' >"$D/templates/sources/sqs/source.yaml"
check "check with an unknown trait"
t_has "names the trait at its place" "$T_ERR" \
  "templates/sources/sqs/source.yaml:2:17: unknown trait 'orderd'; known: lambda_http, batch"
t_run "new with an unknown trait" 2 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" new "$T_TMP/p" \
  --defaults --answer event_source=sqs
t_has "new names the trait" "$T_ERR" "templates/sources/sqs/source.yaml:2:17: unknown trait"
t_eq "new wrote nothing" "$(ls "$T_TMP" | grep -c '^p$')" "0"
# In the user's layer, the message names the user's file.
fresh
mkdir -p "$T_TMP/user/lambda-advisor/templates/sources/sqs"
printf 'traits: [batch]\nmore: 1\n' >"$T_TMP/user/lambda-advisor/templates/sources/sqs/source.yaml"
t_run "check with a user's bad source.yaml" 2 env XDG_CONFIG_HOME="$T_TMP/user" "$LA_BIN" check
t_has "names the user's file" "$T_ERR" \
  "$T_TMP/user/lambda-advisor/templates/sources/sqs/source.yaml:2:1: unknown key 'more'"

# (d) A dynamic partial whose value names no template: at the tag, in check and in new.
fresh
printf 'x\n{{>*crate_name}}\n' >>"$D/templates/README.md.tpl"
check "check with a dynamic partial of a plain name"
t_has "names the tag" "$T_ERR" \
  "templates/README.md.tpl:$(wc -l <"$D/templates/README.md.tpl"):1: dynamic partial '*crate_name': 'crate_name' is not a name that holds a template name"
t_run "new with it" 2 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" new "$T_TMP/p" --defaults
t_has "new names the value" "$T_ERR" "unknown partial 'p' (the value of 'crate_name')"
fresh
printf '{{>*event_source.readm}}\n' >>"$D/templates/rust/tests.tpl"
check "check with a misspelt piece"
t_has "names the misspelt piece" "$T_ERR" "templates/rust/tests.tpl:"
t_has "says why" "$T_ERR" "'event_source.readm' is not a name that holds a template name"

# A new source is one folder plus its choice: check passes and new uses it.
fresh
cp -R "$D/templates/sources/sns" "$D/templates/sources/topic"
awk '{print} /^      - value: direct$/ {d=1} d && /^        help:/ {
  print "      - value: topic"; print "        label: Another topic";
  print "        help: The same as SNS."; d=0 }' "$LA_SRC/decision-trees/lambda.yaml" \
  >"$D/decision-trees/lambda.yaml"
t_run "check with a new source" 0 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" check
t_run "new with the new source" 0 env LAMBDA_ADVISOR_DATA="$D" "$LA_BIN" new "$T_TMP/topic" \
  --defaults --answer event_source=topic
t_has "its sample event" "$(cat "$T_TMP/topic/events/topic.json")" '"EventSource": "aws:sns"'
t_has "its handler" "$(cat "$T_TMP/topic/src/main.rs")" "SnsEvent"
t_has "its traits" "$(cat "$T_TMP/topic/template.yaml")" "EventInvokeConfig"
t_done
