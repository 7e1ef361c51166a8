#!/usr/bin/env bash
# Issue 19: recurrent models initialised from word vectors trained on filings against the bag of
# words on Financial PhraseBank, seeds 1-5 (each seed drives the split and the initialisation), the
# same splits for every model. The defaults are the recipe that tests/cli/phrasebank_recipe_test.cpp
# (corpus label) asserts; several models or sets take tens of minutes on 2 cores.
#
#   scripts/phrasebank_pretrained.sh [SECNLP_BINARY]
# Environment: VECTORS (word2vec text or binary; default: trained here with `secnlp embed` on
# ../shared/data/filings: dim 100, 20 epochs, min-count 3, one thread), SEEDS ("1 2 3 4 5"),
# SET (AllAgree; or 50Agree, 66Agree, 75Agree), MODELS ("bow lstm gru"), THREADS (torch threads
# per model: 1, as the test; figures are reproducible per thread count), RNN_OPTIONS (model
# options of lstm/gru), RNN_LR (0.002), RNN_PATIENCE (6), KEEP=1 keeps the scratch folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secnlp="${1:-$root/build/tools/secnlp}"
data="${SECNLP_DATA:-$root/../shared/data}"
seeds="${SEEDS:-1 2 3 4 5}" set="${SET:-AllAgree}" models="${MODELS:-bow lstm gru}"
threads="${THREADS:-1}"
rnn_options="${RNN_OPTIONS:-bidirectional=true pooling=max embedding_dropout=0.3}"
phrasebank="$data/sentiment/financial_phrasebank_v1.0/Sentences_$set.txt"
[[ -f "$phrasebank" ]] || { echo "missing $phrasebank" >&2; exit 2; }
work="$(mktemp -d)"
[[ "${KEEP:-0}" == 1 ]] && echo "scratch: $work" >&2 || trap 'rm -rf "$work"' EXIT

vectors="${VECTORS:-}"
if [[ -z "$vectors" ]]; then
  start=$SECONDS
  "$secnlp" process --db "$work/filings.db" --progress off "$data/filings" >/dev/null
  "$secnlp" embed --db "$work/filings.db" --lowercase --out "$work/filings.vec" --dim 100 \
    --epochs 20 --min-count 3 --threads 1 >&2
  vectors="$work/filings.vec"
  echo "pretraining (process + embed): $((SECONDS - start)) s" >&2
fi

common=(--data "$phrasebank" --skip-bad-lines --epochs 30 --threads "$threads" --device cpu)
printf '%-5s %4s %8s %8s %6s\n' model seed accuracy macro_f1 secs
for model in $models; do
  for seed in $seeds; do
    args=("${common[@]}" --model "$model" --seed "$seed" --out "$work/$model-$seed")
    if [[ "$model" == bow ]]; then
      args+=(--lr 0.003 --weight-decay 1e-4 --patience 3)
    else
      args+=(--lr "${RNN_LR:-0.002}" --patience "${RNN_PATIENCE:-6}" --pretrained "$vectors")
      for o in $rnn_options; do args+=(--model-option "$o"); done
    fi
    start=$SECONDS
    line=$("$secnlp" -q train "${args[@]}" 2>/dev/null | grep '^test accuracy')
    read -r _ _ acc _ f1 _ <<<"$line"
    printf '%-5s %4s %8s %8s %6s\n' "$model" "$seed" "$acc" "$f1" "$((SECONDS - start))"
  done
done | tee "$work/results.txt"
awk 'NR > 0 && $1 != "model" { n[$1]++; a[$1] += $3; f[$1] += $4 }
     END { for (m in n) printf "mean  %-5s accuracy %.4f  macro-F1 %.4f  (%d seeds)\n", m, a[m] / n[m], f[m] / n[m], n[m] }' \
  "$work/results.txt"
