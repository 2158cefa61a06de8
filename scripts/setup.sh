#!/usr/bin/env bash
# Installs what Kontaktnetz needs and is missing, at pinned versions. Safe to run again: each
# step checks first. Only crates.io, npm and Debian's packages are used; trunk itself never
# downloads anything (Trunk.toml: offline, tool versions pinned).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than Debian's rustup default here
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

WASM_SPLIT_VERSION=0.2.4

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Rust-Ziel wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION (einmalig ~10 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION (einmalig ~4 min)"
  # No --locked: its lock file pins a crate version the index no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Splits the release wasm into the start module and chunks loaded on first use (scripts/split.mjs).
# The tool has no --version: cargo's list of installed crates says which one is there.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION (einmalig ~1 min)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "Chromium und ChromeDriver aus Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# WebKitGTK (the iPad's engine family) for tests/webkit: WebKitWebDriver with its MiniBrowser,
# which needs an X display: Xvfb through xvfb-run.
if ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null; then
  say "WebKitWebDriver (WebKitGTK) und Xvfb aus Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb xauth
fi

# npm packages exactly as package-lock.json says: playwright-core, axe-core, ical.js,
# selenium-webdriver (drives WebKitWebDriver), and
# binaryen 132 for wasm-opt (Debian's binaryen 108 silently breaks the release build).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm-Pakete laut package-lock.json"
  npm ci --no-audit --no-fund
fi

cargo fetch --locked --quiet
