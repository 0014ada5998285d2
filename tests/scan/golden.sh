#!/bin/sh
# Golden outputs: the text, JSON and SARIF reports of tests/scan/golden/crate, byte for byte.
# LA_UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
. "$LA_SRC/tests/lib.sh"
G="$LA_SRC/tests/scan/golden"
cd "$G" || exit 1
for fmt in text json sarif; do
  "$LA_BIN" scan crate --format "$fmt" >"$T_TMP/$fmt" 2>"$T_TMP/$fmt.err"
  rc=$?
  t_eq "golden $fmt: exit code" "$rc" 1
  if [ -n "${LA_UPDATE_GOLDEN:-}" ]; then cp "$T_TMP/$fmt" "expected.$fmt"; fi
  if cmp -s "$T_TMP/$fmt" "expected.$fmt"; then t_ok; else
    t_bad "golden $fmt differs: $(diff "expected.$fmt" "$T_TMP/$fmt" | head -20)"
  fi
done
t_has "summary on stderr" "$(cat "$T_TMP/text.err")" "3 findings (0 errors, 2 warnings, 1 note) in 1 file"
# colour: only when asked for (or a terminal without NO_COLOR)
t_run "color always" 1 "$LA_BIN" scan crate --color always
t_has "color escape" "$T_OUT" "$(printf '\033[1;33mwarning')"
t_run "no color in a pipe" 1 "$LA_BIN" scan crate
t_hasnt "no escape" "$T_OUT" "$(printf '\033[')"
t_done
