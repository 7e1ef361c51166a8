#!/usr/bin/env bash
# `secnlp embed map` (exact t-SNE) against scikit-learn's TSNE (exact and Barnes-Hut) on the same
# words of the same vectors: perplexity 30, 1000 iterations, PCA initialisation. Prints the final
# KL divergence and the wall time of each; the issue asks for secnlp's KL within 10% of sklearn's.
#
#   bench/tsne_bench.sh VECTORS [TOP] [SECNLP_BINARY]
# VECTORS: word2vec text or binary (e.g. from `secnlp embed`); TOP: words mapped (500).
# Environment: PYTHON (/usr/bin/python3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vectors="$1" top="${2:-500}" secnlp="${3:-$(dirname "$here")/build/tools/secnlp}"
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start=$(date +%s.%N)
kl=$("$secnlp" -q embed map --vectors "$vectors" --top "$top" --out "$work/map.svg" \
  --coords "$work/coords.tsv" | awk 'NR == 3 {print $2}')
seconds=$(echo "$(date +%s.%N) - $start" | bc)
printf '%-18s %6s %9s %8s %9s\n' tool words kl seconds kl/secnlp
printf '%-18s %6d %9.4f %8.1f %9.3f\n' secnlp "$top" "$kl" "$seconds" 1
for method in exact barnes_hut; do
  "$python" "$here/tsne_bench.py" "$vectors" "$work/coords.tsv" --method "$method" |
    "$python" -c 'import json, sys
r = json.loads(sys.stdin.read()); k = float(sys.argv[1])
print("%-18s %6d %9.4f %8.1f %9.3f" % (r["tool"], r["words"], r["kl"], r["seconds"], r["kl"] / k))' "$kl"
done
