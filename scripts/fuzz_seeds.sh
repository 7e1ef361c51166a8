#!/usr/bin/env bash
# Assembles the seed corpora of the fuzz targets into DIR/<target>/ (default build-fuzz/seeds):
# the hand-written seeds in tests/fuzz/seeds/<target>/ plus the project's own samples (samples/)
# and test fixtures (tests/data), never ../shared. Large files are cut into pieces that fit the
# targets' -max_len (scripts/fuzz.sh), so that the fuzzer starts from their whole variety.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build-fuzz/seeds}
rm -rf "$out"
mkdir -p "$out"
for d in tests/fuzz/seeds/*/; do
  cp -r "$d" "$out/$(basename "$d")"
done

# add TARGET FILE...: copies files (whole) into TARGET's seeds.
add() {
  local target=$1
  shift
  mkdir -p "$out/$target"
  for f in "$@"; do cp "$f" "$out/$target/$(basename "$f")"; done
}
# pieces TARGET BYTES FILE...: cuts each file into pieces of BYTES bytes (at most 8 per file).
pieces() {
  local target=$1 bytes=$2
  shift 2
  mkdir -p "$out/$target"
  for f in "$@"; do
    split -b "$bytes" -a 2 -d "$f" "$out/$target/$(basename "$f")."
    find "$out/$target" -name "$(basename "$f").*" | sort | tail -n +9 | xargs -r rm -f
  done
}
# prefixed TARGET BYTE FILE...: copies each file with one leading option byte (hex BYTE).
prefixed() {
  local target=$1 byte=$2
  shift 2
  mkdir -p "$out/$target"
  for f in "$@"; do
    { printf "\\x$byte"; cat "$f"; } >"$out/$target/$(basename "$f").$byte"
  done
}

filings=(samples/northwind/*.txt samples/northwind/*.htm)
pieces fuzz_submission 65536 "${filings[@]}"
pieces fuzz_encoding 16384 "${filings[@]}" tests/data/resources/latin1_list.txt
pieces fuzz_sections 65536 samples/northwind/*.txt
pieces fuzz_tokenize 8192 samples/northwind/*.txt tests/data/tokenize/treebank_fixture.tsv \
  tests/data/tokenize/pattern_fixture.tsv
for target in fuzz_html_fast fuzz_html_libxml2; do
  mkdir -p "$out/$target"
  for f in samples/northwind/*.htm; do
    # option byte 0x07: remove numeric tables, drop hidden content, threshold 0.1
    { printf '\x07'; head -c 65535 "$f"; } >"$out/$target/$(basename "$f")"
  done
done
add fuzz_pipeline_toml docs/pipeline.example.toml
add fuzz_full_index samples/northwind/FILINGS_METADATA.csv
# Option byte of fuzz_labelled_text: low 3 bits = format (0 csv, 1 tsv, 2 jsonl, 3 phrasebank,
# 4 stocktwits, 5 sms); bits 3-4 = encoding (0 auto).
prefixed fuzz_labelled_text 00 tests/data/datasets/quoted.csv samples/northwind/FILINGS_METADATA.csv
prefixed fuzz_labelled_text 01 tests/data/datasets/reviews.tsv
prefixed fuzz_labelled_text 02 tests/data/datasets/rows.jsonl
prefixed fuzz_labelled_text 03 tests/data/datasets/Sentences_tiny.txt
prefixed fuzz_labelled_text 04 tests/data/datasets/twits.json
prefixed fuzz_labelled_text 05 tests/data/datasets/SMSSpamCollection
prefixed fuzz_labelled_text 23 tests/data/datasets/Sentences_tiny.txt
echo "fuzz seeds: $(find "$out" -type f | wc -l) files in $out" >&2
