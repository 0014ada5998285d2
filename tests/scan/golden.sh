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
# on a terminal: colour, unless NO_COLOR is set (script(1) gives the scan a pty)
if command -v script >/dev/null 2>&1; then
  out=$(env -u NO_COLOR script -qec "'$LA_BIN' scan crate" /dev/null 2>&1 </dev/null)
  t_has "tty: colour" "$out" "$(printf '\033[1;33mwarning')"
  out=$(NO_COLOR=1 script -qec "'$LA_BIN' scan crate" /dev/null 2>&1 </dev/null)
  t_hasnt "tty with NO_COLOR: none" "$out" "$(printf '\033[1;33m')"
  t_has "tty with NO_COLOR: the report" "$out" "warning: unwrap/expect/panic"
fi
t_done
