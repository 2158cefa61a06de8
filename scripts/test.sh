#!/usr/bin/env bash
# Quick start, command 2: every check and test. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatierung (rustfmt)"
cargo fmt --all -- --check

step "Clippy, nativ und wasm32"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "Native Tests: Domäne, Speicher, Import, Golden Files, Property-Tests"
cargo test --locked

step "Release-Build"
trunk build --release

step "Größenbudget (wasm + js + css, gzip): Startseite und gesamt"
node scripts/size-budget.mjs dist 400000 850000

step "Browser-Tests (headless Chromium, Playwright)"
node --test --test-concurrency=1 tests/e2e/

step "Browser-Tests in WebKit (WebKitGTK, die Engine des iPad; WebDriver unter Xvfb)"
xvfb-run -a node --test --test-concurrency=1 tests/webkit/
