#!/usr/bin/env bash
# Named entities in one run (issue 18): trains the NER model on FIN5 (`secnlp train --task ner`,
# timed), scores it on FIN3, then runs `secnlp process` on the same filings with one thread
# twice, with the default pipeline and with the default pipeline plus the `entities` stage, and
# prints MB/s of each (fastest of three alternating runs), the entities stage's added seconds,
# and NER tokens per second per core (tokens the stage tagged / its added single-thread time).
#
# Usage: bench/ner_bench.sh [SECNLP_BINARY] [INPUT...]
#   SECNLP_BINARY  default build/tools/secnlp
#   INPUT...       default $SECNLP_DATA/filings/10k-html, else ../shared/data/filings/10k-html
# Environment: SECNLP_DATA (data root; default ../shared/data), BENCH_KEEP=1 keeps the scratch
# folder. MB = 10^6 bytes of raw input. Timing is wall time of whole commands (resources and
# SQLite writes included); on a loaded machine compare the two process runs of the same call.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${SECNLP_DATA:-$ROOT/../shared/data}"
BIN="${1:-$ROOT/build/tools/secnlp}"
[[ $# -gt 0 ]] && shift
INPUTS=("$@")
[[ ${#INPUTS[@]} -eq 0 ]] && INPUTS=("$DATA/filings/10k-html")
NER="$DATA/tagging/sec-filings-ner"
if [[ ! -x "$BIN" ]]; then echo "ner_bench.sh: no secnlp binary at $BIN" >&2; exit 2; fi
if [[ ! -f "$NER/FIN5.txt" ]]; then echo "ner_bench.sh: $NER/FIN5.txt absent" >&2; exit 2; fi

SCRATCH="$(mktemp -d)"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "scratch: $SCRATCH" >&2; else trap 'rm -rf "$SCRATCH"' EXIT; fi

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

t0=$(now)
"$BIN" -q train --task ner --data "$NER/FIN5.txt" --out "$SCRATCH/model" > /dev/null
t1=$(now)
echo "train FIN5: $(elapsed "$t0" "$t1") s"
echo "FIN3 (entity level, conlleval):"
"$BIN" evaluate --model "$SCRATCH/model" --data "$NER/FIN3.txt" 2>/dev/null

STAGES='"submission", "decode", "html", "normalize", "clean", "sections", "sentences", "tokens", "terms", "counts", "readability", "lexicon"'
echo "stages = [$STAGES]" > "$SCRATCH/default.toml"
echo "stages = [$STAGES, \"entities\"]" > "$SCRATCH/entities.toml"
bytes=$(find "${INPUTS[@]}" -type f \( -name '*.htm' -o -name '*.html' -o -name '*.txt' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
# Warm the page cache and the binary.
find "${INPUTS[@]}" -type f -exec cat {} + > /dev/null

run() {  # name toml
  local start end
  start=$(now)
  rm -f "$SCRATCH/$1.db"
  "$BIN" -q process "${INPUTS[@]}" --db "$SCRATCH/$1.db" --pipeline "$SCRATCH/$2" -j 1 \
    --progress off --ner-model "$SCRATCH/model" > /dev/null
  end=$(now)
  elapsed "$start" "$end"
}
# Three alternating runs of each; the fastest of each counts (the least disturbed by other work).
without=999999
with=999999
for _ in 1 2 3; do
  t=$(run without default.toml); without=$(python3 -c "print(min($without, $t))")
  t=$(run with entities.toml); with=$(python3 -c "print(min($with, $t))")
done
tokens=$(sqlite3 "$SCRATCH/with.db" "SELECT CAST(sum(value) AS INTEGER) FROM metrics WHERE scope = '' AND name = 'tokens'")
entities=$(sqlite3 "$SCRATCH/with.db" "SELECT count(*) FROM entities")
python3 - "$bytes" "$without" "$with" "$tokens" "$entities" <<'PY'
import sys
size, without, with_, tokens, entities = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
added = with_ - without
print(f"input: {size/1e6:.1f} MB, {tokens:,} tokens; {entities:,} entities stored")
print(f"process -j1 default pipeline:     {without:7.2f} s  {size/1e6/without:6.2f} MB/s")
print(f"process -j1 default + entities:   {with_:7.2f} s  {size/1e6/with_:6.2f} MB/s")
print(f"entities stage: +{added:.2f} s ({100*added/without:.0f}% of the default pipeline); "
      f"NER {tokens/added if added > 0 else float('nan'):,.0f} tokens/s per core")
PY
