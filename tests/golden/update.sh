#!/usr/bin/env bash
# Regenerates every tests/golden/<case>/expected.{md,json} from the current build
# (build/src/lambda-advisor, or $LA_BIN). Review the diff before committing it.
exec "$(dirname "$0")/golden.sh" --update
