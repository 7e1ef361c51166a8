#!/usr/bin/env bash
# Part-of-speech benchmark, in one run: tagger tokens/s per core on the 10-K sentences beside
# NLTK's PerceptronTagger (trained on the same EWT file; bench/pos_nltk.py), and `secnlp process`
# MB/s on one thread with and without the pos stage.
#
# Usage: bench/pos_bench.sh [BUILD_DIR]
#   BUILD_DIR  default build (needs tools/secnlp and bench/secnlp_pos_bench)
# Environment:
#   SECNLP_DATA  corpus root (default ../shared/data beside the repository): tagging/ud-english-ewt
#                and filings/10k-html
#   BENCH_NLTK   0 skips NLTK (default 1; its training takes minutes)
#   BENCH_KEEP   1 keeps the scratch folder and prints its path
# CPU times come from /usr/bin/time (user + system); on a shared machine they are the steadier
# numbers. MB = 10^6 bytes of raw input.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
DATA="${SECNLP_DATA:-$ROOT/../shared/data}"
EWT="$DATA/tagging/ud-english-ewt"
FILINGS="$DATA/filings/10k-html"
BIN="$BUILD/tools/secnlp"
for f in "$BIN" "$BUILD/bench/secnlp_pos_bench" "$EWT/en_ewt-ud-train.conllu" "$FILINGS"; do
  [[ -e "$f" ]] || { echo "pos_bench: missing $f" >&2; exit 2; }
done
SCRATCH="$(mktemp -d)"
[[ "${BENCH_KEEP:-0}" == 1 ]] && echo "scratch: $SCRATCH" >&2 || trap 'rm -rf "$SCRATCH"' EXIT
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Train (defaults; XPOS, then UPOS), time it and score it on EWT test.
for tagset in xpos upos; do
  model="$SCRATCH/pos"
  [[ $tagset == upos ]] && model="$SCRATCH/pos-upos"
  /usr/bin/time -f "%U %S" -o "$SCRATCH/train.time" "$BIN" -q train --task pos --tagset "$tagset" \
    --data "$EWT/en_ewt-ud-train.conllu" --out "$model" >/dev/null
  echo "secnlp train --task pos --tagset $tagset: $(awk '{printf "%.1f", $1 + $2}' "$SCRATCH/train.time") s CPU"
  "$BIN" evaluate --model "$model" --data "$EWT/en_ewt-ud-test.conllu" | head -1
done

# 2. Tagger tokens/s on the 10-K sentences (tokenized as process does).
"$BUILD/bench/secnlp_pos_bench" "$SCRATCH/pos" "$FILINGS" --sentences "$SCRATCH/sentences.txt"

# 3. NLTK on the same EWT file and the same sentences.
if [[ "${BENCH_NLTK:-1}" == 1 ]]; then
  /usr/bin/python3 "$ROOT/bench/pos_nltk.py" "$EWT" "$SCRATCH/sentences.txt"
fi

# 4. process, one thread, default pipeline vs default + pos (after tokens); best of 3 each.
cat >"$SCRATCH/pos.toml" <<TOML
stages = ["submission", "decode", "html", "normalize", "clean", "sections", "sentences", "tokens",
          "pos", "terms", "counts", "readability", "lexicon"]
[pos]
model = "$SCRATCH/pos"
TOML
MB=$(du -sb "$FILINGS" | awk '{print $1 / 1e6}')
cat "$FILINGS"/*/* >/dev/null  # page cache
for variant in default pos; do
  args=()
  [[ $variant == pos ]] && args=(--pipeline "$SCRATCH/pos.toml")
  : >"$SCRATCH/$variant.runs"
  for run in 1 2 3; do
    rm -f "$SCRATCH/$variant.db"
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$SCRATCH/$variant.time" \
      "$BIN" -q process "$FILINGS" --db "$SCRATCH/$variant.db" -j 1 "${args[@]}" >/dev/null
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" '{print e - s, $1 + $2}' "$SCRATCH/$variant.time" \
      >>"$SCRATCH/$variant.runs"
  done
  sort -n "$SCRATCH/$variant.runs" | head -1 | awk -v mb="$MB" -v v="$variant" '{
    printf "process -j 1, %s pipeline: %.1f MB in %.2f s wall (%.2f MB/s), %.2f s CPU (%.2f MB/s per core)\n",
      v, mb, $1, mb / $1, $2, mb / $2}'
done
