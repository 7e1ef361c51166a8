#!/usr/bin/env bash
# README command (1): installs what is missing, builds secnlp, and runs the main job on the
# project's own sample filings (samples/) into an SQLite file, then prints what it found.
# Extra arguments go to `secnlp process` (e.g. --lexicon PATH, --force).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
SECNLP_TARGET=secnlp scripts/build.sh
mkdir -p out
bin=build/tools/secnlp
echo "== secnlp process samples --db out/samples.db" >&2
"$bin" process samples --db out/samples.db "$@"
echo
echo "== secnlp metrics --db out/samples.db"
"$bin" metrics --db out/samples.db
echo
echo "== secnlp metrics --db out/samples.db --section 1A   (Risk Factors only)"
"$bin" metrics --db out/samples.db --section 1A
echo
echo "== secnlp sections --db out/samples.db --item 1A --item 7"
"$bin" sections --db out/samples.db --item 1A --item 7 --format csv | cut -d, -f1,5,7-12
echo
echo "== secnlp terms --db out/samples.db --top 15 --by tfidf"
"$bin" terms --db out/samples.db --top 15 --by tfidf
