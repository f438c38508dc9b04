#!/usr/bin/env bash
# Sets up what is missing, then builds in release mode and writes the whole report to reports/.
# Extra arguments go to `report` (for example `--format png,svg,pdf --scale 2`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift run -c release report --all "$@"
