#!/usr/bin/env bash
# Benchmarks on the generated 10-advisor team book (10,000 customers) in headless Chromium.
# Prints figures; does not pass or fail on time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
node tests/bench/bench.mjs
