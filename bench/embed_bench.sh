#!/usr/bin/env bash
# secnlp embed (its own word2vec trainer, the default engine) against gensim's Word2Vec on the
# same corpus with the same threads, dimension, window, negatives, epochs, subsampling and
# min-count; one run each.
# Speed = corpus tokens x epochs / wall seconds (secnlp: the `embed --corpus` command's own
# training time, vocabulary scan included; gensim: build_vocab + train). Then both vectors are
# scored on the shared word-pair sets by `secnlp embed evaluate` (gensim's semantics).
#
#   bench/embed_bench.sh [SECNLP_BINARY] [CORPUS]
# CORPUS: one sentence per line (default: made from $BENCH_DB, a database `secnlp process` filled
# from ../shared/data/filings, with `secnlp embed --db DB --lowercase --corpus-out`).
# Environment: BENCH_THREADS (2), BENCH_DIM (100), BENCH_WINDOW (5), BENCH_NEGATIVES (5),
# BENCH_EPOCHS (1), BENCH_SAMPLE (1e-3), BENCH_MIN_COUNT (5), BENCH_MODEL (skipgram),
# PYTHON (/usr/bin/python3), BENCH_KEEP=1 keeps the scratch folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
secnlp="${1:-$root/build/tools/secnlp}"
corpus="${2:-}"
python="${PYTHON:-/usr/bin/python3}"
threads="${BENCH_THREADS:-2}" dim="${BENCH_DIM:-100}" window="${BENCH_WINDOW:-5}"
negatives="${BENCH_NEGATIVES:-5}" epochs="${BENCH_EPOCHS:-1}" sample="${BENCH_SAMPLE:-1e-3}"
min_count="${BENCH_MIN_COUNT:-5}" model="${BENCH_MODEL:-skipgram}"
data="${SECNLP_DATA:-$root/../shared/data}"
work="$(mktemp -d)"
[[ "${BENCH_KEEP:-0}" == 1 ]] || trap 'rm -rf "$work"' EXIT

if [[ -z "$corpus" ]]; then
  db="${BENCH_DB:-$work/filings.db}"
  if [[ ! -f "$db" ]]; then
    "$secnlp" process --db "$db" --progress off "$data/filings" >/dev/null
  fi
  corpus="$work/corpus.txt"
  "$secnlp" embed --db "$db" --lowercase --corpus-out "$corpus" 2>/dev/null
fi
tokens=$(wc -w <"$corpus")
echo "corpus: $corpus ($tokens tokens); threads $threads dim $dim window $window negatives" \
  "$negatives epochs $epochs sample $sample min-count $min_count $model" >&2
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

secnlp_json=$("$secnlp" -q embed --corpus "$corpus" --out "$work/secnlp.vec" --threads "$threads" \
  --dim "$dim" --window "$window" --negatives "$negatives" --epochs "$epochs" \
  --sample "$sample" --min-count "$min_count" --model "$model" | awk 'NR==3 {print $5, $1}')
read -r secnlp_seconds secnlp_words <<<"$secnlp_json"
gensim_json=$("$python" "$here/gensim_word2vec.py" "$corpus" "$work/gensim.vec" \
  --threads "$threads" --dim "$dim" --window "$window" --negatives "$negatives" \
  --epochs "$epochs" --sample "$sample" --min-count "$min_count" --model "$model")
gensim_seconds=$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$gensim_json")
gensim_words=$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["words"])' "$gensim_json")

printf '%-8s %8s %10s %12s %8s\n' tool words seconds tokens/s ratio
awk -v t="$tokens" -v e="$epochs" -v s="$secnlp_seconds" -v g="$gensim_seconds" \
  -v sw="$secnlp_words" -v gw="$gensim_words" 'BEGIN {
  printf "%-8s %8d %10.1f %12.0f %8.2f\n", "secnlp", sw, s, t * e / s, g / s;
  printf "%-8s %8d %10.1f %12.0f %8.2f\n", "gensim", gw, g, t * e / g, 1.0 }'

if [[ -d "$data/embeddings" ]]; then
  for tool in secnlp gensim; do
    echo "== $tool vectors" >&2
    "$secnlp" -q embed evaluate --vectors "$work/$tool.vec" \
      --pairs "$data/embeddings/wordsim353.tsv" "$data/embeddings/simlex999.txt" \
      --analogies "$data/embeddings/questions-words.txt" --format csv | grep -v ',accuracy,.*,,$' || true
  done
fi
