#!/usr/bin/env bash
# Time and memory grow linearly (or better) with the input: each input is measured at two
# sizes, N and 4N (made by gen.py), and the ratios must stay well under quadratic (16x).
# Bounds are generous (noise, fixed start-up costs), never absolute times.
. "$LA_SRC/tests/lib.sh"
G="$LA_SRC/tests/hardening/gen.py"
M="$LA_SRC/tests/hardening/measure.py"
cd "$T_TMP" || exit 1
TIME_MAX=8 # 4x the input: linear is ~4, quadratic 16
MEM_MAX=5
# scale NAME WANT_EXIT SMALL_SETUP LARGE_SETUP -- ARGS...: each setup is a shell command
# making the input; ARGS (the same for both) run the binary on it.
scale() {
  local name=$1 want=$2 small=$3 large=$4
  shift 5
  local a b
  eval "$small"
  a=$(python3 "$M" "$LA_BIN" "$@")
  eval "$large"
  b=$(python3 "$M" "$LA_BIN" "$@")
  set -- $a $b
  echo "$name: small: ${1}s ${2}KB; large: ${4}s ${5}KB"
  [ "$3" = "$want" ] && [ "$6" = "$want" ] && t_ok || t_bad "$name: exit $3 / $6, wanted $want"
  python3 - "$name" "$1" "$2" "$4" "$5" "$TIME_MAX" "$MEM_MAX" <<'P' && t_ok || t_bad "$name: not linear"
import sys
name, t1, m1, t2, m2, tmax, mmax = sys.argv[1], *map(float, sys.argv[2:])
rt, rm = t2 / max(t1, 0.05), m2 / m1
print(f"{name}: time x{rt:.1f} (max {tmax:.0f}), memory x{rm:.1f} (max {mmax:.0f})")
sys.exit(0 if rt <= tmax and rm <= mmax else 1)
P
}

scale yaml-keys 2 'python3 "$G" yaml-keys 25000 k.yaml' 'python3 "$G" yaml-keys 100000 k.yaml' \
  -- check k.yaml
scale gitignore-lines 0 'rm -rf gi; python3 "$G" gitignore 1000 gi' \
  'rm -rf gi; python3 "$G" gitignore 4000 gi' -- scan gi
mkdir -p dep/src
printf '[package]\nname = "d"\nversion = "0.1.0"\n[dependencies]\nlambda_runtime = "0.13"\n' >dep/Cargo.toml
echo 'fn main() {}' >dep/src/main.rs
scale deploy-functions 1 'python3 "$G" deploy 2500 dep/template.yaml' \
  'python3 "$G" deploy 10000 dep/template.yaml' -- scan dep --format json
mkdir -p cg/src
echo 'fn main() {}' >cg/src/main.rs
scale cargo-deps 0 'python3 "$G" cargo 16000 cg/Cargo.toml' 'python3 "$G" cargo 64000 cg/Cargo.toml' \
  -- scan cg
scale line-findings 1 'python3 "$G" longline 10000 l.rs' 'python3 "$G" longline 40000 l.rs' \
  -- scan l.rs --format sarif
# many files without findings: memory stays flat (files are scanned as they are found and
# let go) from 10k to 2 M lines: 2 and 400 files of 5000 lines (time may grow 200x: linear)
mkfiles() { rm -rf many; mkdir -p many; for i in $(seq "$1"); do cp big.rs "many/f$i.rs"; done; }
python3 - <<'P'
with open("big.rs", "w") as f:
    for i in range(5000):
        f.write(f"async fn h{i}(x: u32) -> u32 {{ let y = x.wrapping_mul({i}); y + 1 }}\n")
P
TIME_MAX=400 MEM_MAX=1.3 scale many-files 0 'mkfiles 2' 'mkfiles 400' -- scan many -j 2
t_done
