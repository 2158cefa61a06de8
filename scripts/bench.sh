#!/usr/bin/env bash
# Benchmarks on the generated 10-advisor team book (10,000 customers) in headless Chromium, and
# the offline figures (Lighthouse 12, cold and warm start). Prints figures; does not pass or fail
# on time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
node tests/bench/bench.mjs
# Lighthouse only for measuring, kept out of the project's own packages (large, not for tests).
LIGHTHOUSE_VERSION=12.8.2
if ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" .tools/lighthouse/node_modules/lighthouse/package.json; then
  npm install --prefix .tools/lighthouse --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION"
fi
node tests/bench/offline.mjs
