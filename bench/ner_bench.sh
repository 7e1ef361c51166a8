#!/usr/bin/env bash
# Named entities in one run (issue 18): trains the NER model on FIN5 (`secnlp train --task ner`,
# timed), scores it on FIN3, then runs `secnlp process` on the same filings with one thread
# twice, with the default pipeline and with the default pipeline plus the `entities` stage, and
# prints wall and CPU seconds and MB/s of each (fastest of three alternating runs), the entities
# stage's added seconds, and NER tokens per second per core (tokens the stage tagged / the CPU
# seconds it added to the single-thread run).
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

run() {  # name toml -> "wall_seconds cpu_seconds" (cpu = user + system)
  local start end
  rm -f "$SCRATCH/$1.db"
  start=$(now)
  /usr/bin/time -f '%U %S' -o "$SCRATCH/time" "$BIN" -q process "${INPUTS[@]}" \
    --db "$SCRATCH/$1.db" --pipeline "$SCRATCH/$2" -j 1 --progress off \
    --ner-model "$SCRATCH/model" > /dev/null
  end=$(now)
  echo "$(elapsed "$start" "$end") $(awk '{print $1 + $2}' "$SCRATCH/time")"
}
# Three alternating runs of each; the fastest of each counts (the least disturbed by other work).
# CPU seconds are reported beside wall seconds: on a loaded machine they are the steadier figure.
runs=""
for _ in 1 2 3; do
  runs+="without $(run without default.toml)"$'\n'
  runs+="with $(run with entities.toml)"$'\n'
done
tokens=$(sqlite3 "$SCRATCH/with.db" "SELECT CAST(sum(value) AS INTEGER) FROM metrics WHERE scope = '' AND name = 'tokens'")
entities=$(sqlite3 "$SCRATCH/with.db" "SELECT count(*) FROM entities")
python3 - "$bytes" "$tokens" "$entities" "$runs" <<'PY2'
import sys
size, tokens, entities = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
best = {}
for line in sys.argv[4].splitlines():
    if not line.strip():
        continue
    name, wall, cpu = line.split()
    w, c = best.get(name, (float("inf"), float("inf")))
    best[name] = (min(w, float(wall)), min(c, float(cpu)))
print(f"input: {size/1e6:.1f} MB, {tokens:,} tokens; {entities:,} entities stored")
print("pipeline (process -j1)        wall s   MB/s    CPU s  MB/CPU s")
for name, label in (("without", "default"), ("with", "default + entities")):
    w, c = best[name]
    print(f"{label:<28} {w:7.2f} {size/1e6/w:6.2f}  {c:7.2f}  {size/1e6/c:7.2f}")
added_w = best["with"][0] - best["without"][0]
added_c = best["with"][1] - best["without"][1]
rate = lambda s: f"{tokens/s:,.0f}" if s > 0 else "n/a"
print(f"entities stage: +{added_w:.2f} s wall ({100*added_w/best['without'][0]:.0f}%), "
      f"+{added_c:.2f} CPU s ({100*added_c/best['without'][1]:.0f}%); NER {rate(added_c)} tokens "
      f"per CPU second ({rate(added_w)} per wall second on one thread)")
PY2
