#!/usr/bin/env bash
# Benchmarks, called by `./build.sh bench [extension|uniqueness]` (assumes
# pkg/ and dist/ are built and the root node_modules are installed).
#   extension:  the shipped extension in Chromium (bench/extension/run.mjs),
#               bench/results/extension.json; about 8 minutes.
#   uniqueness: native Rust -> exact truth + native numbers; Chromium (WASM +
#               npm peers); datasketch; then one table,
#               bench/results/uniqueness.json. Peers install into bench/.cache only.
# Both update their part of docs/BENCHMARKS.md. Default: both.
set -euo pipefail
WHAT="${1:-all}"
case "$WHAT" in all | extension | uniqueness) ;; *) echo "usage: bench/run.sh [all|extension|uniqueness]" >&2; exit 2 ;; esac
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
CACHE="$BENCH/.cache"
SIZES="${BENCH_SIZES:-1000,10000,100000}"
cd "$ROOT"

if [ "$WHAT" != uniqueness ]; then
  node "$BENCH/extension/run.mjs"
fi
[ "$WHAT" != extension ] || exit 0

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

"$BENCH/corpus.sh"

# Peers, pinned, installed beside the cache (never into the root package.json).
mkdir -p "$CACHE/node" "$CACHE/web"
if ! cmp -s "$BENCH/peers/package-lock.json" "$CACHE/node/package-lock.json"; then
  cp "$BENCH/peers/package.json" "$BENCH/peers/package-lock.json" "$CACHE/node/"
  (cd "$CACHE/node" && npm ci --silent --no-audit --no-fund)
fi
NODE_PATH="$CACHE/node/node_modules" node_modules/.bin/esbuild "$BENCH/web/peers-entry.js" --bundle \
  --format=iife --global-name=Peers --log-level=warning --outfile="$CACHE/web/peers.js"
if ! PYTHONPATH="$CACHE/py" python3 -c "import datasketch" 2>/dev/null; then
  pip install -q --target "$CACHE/py" -r "$BENCH/peers/requirements.txt"
fi

# The uniqueness page also calls members only the benchmark needs (upsertMany,
# score, stats; the `bench-exports` feature): they go into a module of their
# own beside the cache, never into pkg/, which is what ships and what the
# report sizes.
BENCH_PKG="$CACHE/pkg-bench"
CARGO_TARGET_DIR="$ROOT/target/bench-exports" cargo build --quiet --lib --release \
  --target wasm32-unknown-unknown --features bench-exports
rm -rf "$BENCH_PKG" && mkdir -p "$BENCH_PKG"
wasm-bindgen --target web --no-typescript --out-dir "$BENCH_PKG" --out-name glider \
  "$ROOT/target/bench-exports/wasm32-unknown-unknown/release/glider.wasm"
node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "$BENCH_PKG/glider_bg.wasm" -o "$BENCH_PKG/glider_bg.wasm"

files=()
for n in ${SIZES//,/ }; do files+=("$CACHE/bench-$n.json"); done
cargo run --quiet --release --example bench_uniqueness -- "${files[@]}" >"$CACHE/native.log"
GLIDER_PKG="$BENCH_PKG" node "$BENCH/wasm-bench.mjs" "$SIZES"
PYTHONPATH="$CACHE/py" python3 "$BENCH/datasketch_peer.py" "$SIZES"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
node "$BENCH/report.mjs" "$SIZES" "$LOAD_BEFORE" "$LOAD_AFTER"
