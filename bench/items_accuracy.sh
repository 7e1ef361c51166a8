#!/usr/bin/env bash
# Item-extraction accuracy against the gold in ../shared/data/gold (or $SECNLP_DATA/gold):
# runs the sectioning corpus tests of a build and prints their per-item tables.
#   bench/items_accuracy.sh [BUILD_DIR]      (default: build)
# Tables: Tyson FY2022 10-K vs edgar-crawler (token-set Jaccard per item); AAPL/AMZN/GOOG/META
# 10-K item lengths vs the reviewed character counts; the four 10-Qs vs their reviewed
# structure; 553 8-Ks vs edgar-crawler (found / matched at Jaccard >= 0.9 per item).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for t in nlp_sec_items_10k_corpus_test nlp_sec_items_10q_corpus_test nlp_sec_items_8k_corpus_test; do
  bin="$build/tests/nlp/sec/$t"
  if [[ ! -x "$bin" ]]; then
    echo "items_accuracy: $bin not built (run scripts/build.sh)" >&2
    exit 2
  fi
  echo "=== $t"
  "$bin" --gtest_brief=1 2>&1 | grep -vE '^\[ +(RUN|OK) +\]|^\[-+\]|^\[=+\]|^Running main|^Note:'
done
