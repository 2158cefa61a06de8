#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds the app and serves it on
# http://127.0.0.1:8080/ . Open it and press "Beispieldaten laden" to try it with sample data.
# `--dev` serves a debug build (faster to rebuild while developing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
if [ "${1:-}" = "--dev" ]; then
  exec trunk serve
fi
exec trunk serve --release
