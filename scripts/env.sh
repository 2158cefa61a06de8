# Sourced by the scripts: tool paths. wasm-opt comes from npm's binaryen, ahead of any other.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
