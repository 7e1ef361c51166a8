#!/usr/bin/env bash
# End-to-end benchmark: `secnlp process` (1 thread, then all cores) against the Python pipeline a
# user would otherwise write (bench/python_pipeline.py) and the one a speed-minded user would
# write (bench/python_fast_pipeline.py: lxml, scikit-learn tokenizer, cached Porter), on the same
# files, in one run.
#
# Usage: bench/process_bench.sh [SECNLP_BINARY] [INPUT...]
#   SECNLP_BINARY  default build/tools/secnlp (else the first build*/tools/secnlp found)
#   INPUT...       files or directories; default $SECNLP_DATA/filings/10k-html, else
#                  ../shared/data/filings/10k-html beside the repository
# Environment:
#   BENCH_THREADS  worker threads of the parallel run (default: nproc)
#   BENCH_PYTHON   0 skips the Python peer (default 1)
#   PYTHON         interpreter of the peer (default /usr/bin/python3)
#   BENCH_KEEP     1 keeps the scratch folder (databases, logs) and prints its path
#   BENCH_RUNS     secnlp runs per thread count, medians reported (default 5)
#
# Warm-up: before timing, every input file is read once (page cache), and each tool runs once on
# the smallest input (binary, shared libraries, resource files, Python bytecode). The timed runs
# then read from memory. Each secnlp run writes a fresh database in a scratch folder.
#
# Wall time is measured around each whole command: secnlp's includes loading its resources
# (WordNet, CMUdict, hyphenation) and SQLite writes; Python's includes imports and loading
# WordNet (its own processing-only time is printed too). MB = 10^6 bytes of raw input.
# Peak RSS and CPU time (user + system) come from /usr/bin/time -v (else Python's getrusage of the
# child); CPU time is the steadier number on a machine shared with other work.
#
# Exit status: 0 when every run succeeded, 1 when a run failed (including a document that
# secnlp records as failed), 2 on bad usage. Slowness never fails the benchmark.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-/usr/bin/python3}"
THREADS="${BENCH_THREADS:-$(nproc)}"

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then usage; exit 0; fi

BIN="${1:-}"
[[ $# -gt 0 ]] && shift
if [[ -z "$BIN" ]]; then
  BIN="$ROOT/build/tools/secnlp"
  if [[ ! -x "$BIN" ]]; then
    for candidate in "$ROOT"/build*/tools/secnlp; do
      if [[ -x "$candidate" ]]; then BIN="$candidate"; break; fi
    done
  fi
fi
if [[ ! -x "$BIN" ]]; then
  echo "process_bench.sh: secnlp binary not found or not executable: $BIN" >&2
  usage >&2
  exit 2
fi

INPUTS=("$@")
if [[ ${#INPUTS[@]} -eq 0 ]]; then
  DATA="${SECNLP_DATA:-$ROOT/../shared/data}"
  INPUTS=("$DATA/filings/10k-html")
fi
for input in "${INPUTS[@]}"; do
  if [[ ! -e "$input" ]]; then
    echo "process_bench.sh: input not found: $input (set SECNLP_DATA or pass inputs)" >&2
    exit 2
  fi
done

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/secnlp-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
  echo "scratch folder kept: $SCRATCH" >&2
else
  trap 'rm -rf "$SCRATCH"' EXIT
fi

# The documents secnlp takes from the inputs (corpora/inputs: .htm .html .xhtml .txt, hidden
# entries skipped; files named explicitly are always taken), one "size<TAB>path" per line.
list_documents() {
  local input
  for input in "$@"; do
    if [[ -d "$input" ]]; then
      find "$input" -name '.*' -prune -o -type f \( -iname '*.htm' -o -iname '*.html' \
        -o -iname '*.xhtml' -o -iname '*.txt' \) -printf '%s\t%p\n'
    else
      printf '%s\t%s\n' "$(stat -L -c %s "$input")" "$input"
    fi
  done | sort -t $'\t' -u -k2
}
list_documents "${INPUTS[@]}" >"$SCRATCH/documents.tsv"
FILES=$(wc -l <"$SCRATCH/documents.tsv")
if [[ "$FILES" -eq 0 ]]; then
  echo "process_bench.sh: no documents under ${INPUTS[*]}" >&2
  exit 2
fi
TOTAL_BYTES=$(awk -F'\t' '{s += $1} END {printf "%d", s}' "$SCRATCH/documents.tsv")
# (awk reads the whole list: `sort | head` would die of SIGPIPE under pipefail.)
LARGEST_BYTES=$(awk -F'\t' 'NR == 1 || $1 + 0 > m {m = $1 + 0} END {print m}' "$SCRATCH/documents.tsv")
LARGEST_PATH=$(awk -F'\t' 'NR == 1 || $1 + 0 > m {m = $1 + 0; p = $2} END {print p}' \
  "$SCRATCH/documents.tsv")
SMALLEST_PATH=$(awk -F'\t' 'NR == 1 || $1 + 0 < m {m = $1 + 0; p = $2} END {print p}' \
  "$SCRATCH/documents.tsv")

# measure NAME CMD...: runs CMD with stdout/stderr in $SCRATCH/NAME.{out,err}; sets WALL
# (seconds), CPU (user + system seconds), RSS_KB (peak resident set, KiB) and STATUS (exit code).
measure() {
  local name="$1"
  shift
  local start end
  start=$(date +%s.%N)
  set +e
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$SCRATCH/$name.time" "$@" >"$SCRATCH/$name.out" 2>"$SCRATCH/$name.err"
    STATUS=$?
  else
    "$PYTHON" -c '
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:], stdout=open(sys.argv[1] + ".out", "w"),
                     stderr=open(sys.argv[1] + ".err", "w"))
with open(sys.argv[1] + ".time", "w") as f:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("Maximum resident set size (kbytes): %d" % usage.ru_maxrss, file=f)
    print("User time (seconds): %.2f" % usage.ru_utime, file=f)
    print("System time (seconds): %.2f" % usage.ru_stime, file=f)
sys.exit(rc)' "$SCRATCH/$name" "$@"
    STATUS=$?
  fi
  set -e
  end=$(date +%s.%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
  RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$SCRATCH/$name.time" 2>/dev/null)
  RSS_KB=${RSS_KB:-0}
  CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' \
    "$SCRATCH/$name.time" 2>/dev/null)
  CPU=${CPU:-0}
}

FAILURES=()
check() {  # check NAME: records a failed run and shows the end of its output
  if [[ "$STATUS" -ne 0 ]]; then
    FAILURES+=("$1 (exit $STATUS)")
    echo "--- $1 failed with exit status $STATUS; last lines of its output:" >&2
    tail -n 20 "$SCRATCH/$1.out" "$SCRATCH/$1.err" >&2 || true
  fi
}

secnlp_run() {  # secnlp_run NAME THREADS INPUT...
  local name="$1" threads="$2"
  shift 2
  measure "$name" "$BIN" process "$@" --db "$SCRATCH/$name.db" --threads "$threads" --force \
    --progress off --format json
  check "$name"
}

echo "secnlp:  $BIN" >&2
echo "inputs:  ${INPUTS[*]} ($FILES documents, $TOTAL_BYTES bytes)" >&2
echo "warm-up: reading every input once; each tool once on the smallest document" >&2
cut -f2- "$SCRATCH/documents.tsv" | while IFS= read -r path; do cat -- "$path" >/dev/null; done
secnlp_run warmup-secnlp 1 "$SMALLEST_PATH"
BASE_RSS_KB=$RSS_KB
RUN_PYTHON="${BENCH_PYTHON:-1}"
if [[ "$RUN_PYTHON" == 1 ]]; then
  measure warmup-python "$PYTHON" "$ROOT/bench/python_pipeline.py" "$SMALLEST_PATH"
  check warmup-python
fi

# secnlp runs BENCH_RUNS times (default 5) at 1 and at $THREADS threads, alternating, and the
# medians of wall and CPU time are reported (single runs vary by up to 30% on a small VM); peak
# RSS is the largest of the runs.
RUNS="${BENCH_RUNS:-5}"
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
W1=() C1=() S1_RSS=0 WN=() CN=() SN_RSS=0
for ((r = 1; r <= RUNS; r++)); do
  echo "timing:  secnlp, 1 thread (run $r of $RUNS)" >&2
  secnlp_run secnlp-1 1 "${INPUTS[@]}"
  W1+=("$WALL") C1+=("$CPU")
  ((RSS_KB > S1_RSS)) && S1_RSS=$RSS_KB
  echo "timing:  secnlp, $THREADS threads (run $r of $RUNS)" >&2
  secnlp_run secnlp-n "$THREADS" "${INPUTS[@]}"
  WN+=("$WALL") CN+=("$CPU")
  ((RSS_KB > SN_RSS)) && SN_RSS=$RSS_KB
done
S1_WALL=$(median "${W1[@]}") S1_CPU=$(median "${C1[@]}")
SN_WALL=$(median "${WN[@]}") SN_CPU=$(median "${CN[@]}")
echo "secnlp wall seconds per run: 1 thread ${W1[*]}; $THREADS threads ${WN[*]} (medians reported)" >&2
if [[ "$RUN_PYTHON" == 1 ]]; then
  echo "timing:  Python pipeline (1 process)" >&2
  measure python "$PYTHON" "$ROOT/bench/python_pipeline.py" "${INPUTS[@]}"
  check python
  PY_WALL=$WALL PY_CPU=$CPU PY_RSS=$RSS_KB
  echo "timing:  fast Python pipeline (lxml + sklearn + cached Porter, 1 process)" >&2
  measure python-fast "$PYTHON" "$ROOT/bench/python_fast_pipeline.py" "${INPUTS[@]}"
  check python-fast
  PF_WALL=$WALL PF_CPU=$CPU PF_RSS=$RSS_KB
fi

# secnlp's own summary (JSON rows of item/value): processed/failed counts and its own seconds.
secnlp_summary() {
  "$PYTHON" - "$1" <<'EOF' 2>/dev/null || echo "? ? ?"
import json, sys
doc = json.load(open(sys.argv[1]))
# One JSON document per command: {"summary": [{"item": ..., "value": ...}, ...], ...}.
rows = {r["item"]: r["value"] for r in (doc["summary"] if isinstance(doc, dict) else doc)}
seconds = rows.get("seconds") or rows.get("time", "?").split(" ")[0]
print(rows.get("processed", "?"), rows.get("failed", "?"), seconds)
EOF
}

MB=$(awk -v b="$TOTAL_BYTES" 'BEGIN {printf "%.2f", b / 1e6}')
row() {  # row TOOL THREADS WALL CPU RSS_KB
  awk -v tool="$1" -v t="$2" -v mb="$MB" -v s="$3" -v cpu="$4" -v rss="$5" 'BEGIN {
    printf "%-26s %7s %9.2f %9.2f %9.2f %9.2f %12.1f\n", tool, t, mb, s, cpu,
           (s > 0 ? mb / s : 0), rss / 1024
  }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

echo
echo "secnlp process vs the Python pipeline, $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m))"
echo "inputs: ${INPUTS[*]}: $FILES documents"
echo "warm-up: page cache filled, each tool run once on the smallest document"
echo
printf "%-26s %7s %9s %9s %9s %9s %12s\n" tool threads "input MB" seconds "CPU s" "MB/s" \
  "peak RSS MB"
row "secnlp process" 1 "$S1_WALL" "$S1_CPU" "$S1_RSS"
row "secnlp process" "$THREADS" "$SN_WALL" "$SN_CPU" "$SN_RSS"
if [[ "$RUN_PYTHON" == 1 ]]; then
  row "python (bs4+nltk+sklearn)" 1 "$PY_WALL" "$PY_CPU" "$PY_RSS"
  row "python fast (lxml+sklearn)" 1 "$PF_WALL" "$PF_CPU" "$PF_RSS"
fi
echo "(seconds: wall time; CPU s: user + system; MB/s: input MB / wall seconds)"
echo
read -r P1 F1 T1 <<<"$(secnlp_summary "$SCRATCH/secnlp-1.out")"
read -r PN FN TN <<<"$(secnlp_summary "$SCRATCH/secnlp-n.out")"
echo "secnlp's own summary: 1 thread: processed $P1, failed $F1, ${T1}s;" \
  "$THREADS threads: processed $PN, failed $FN, ${TN}s"
if [[ "$RUN_PYTHON" == 1 && -s "$SCRATCH/python.out" ]]; then
  echo "python peer's own report (seconds exclude imports and WordNet loading):"
  echo "  $(tail -n 1 "$SCRATCH/python.out")"
  echo "ratio secnlp(1 thread) / python, wall-time speed-up per core: $(ratio "$PY_WALL" "$S1_WALL")x (goal >= 30x)"
  echo "ratio secnlp(1 thread) / fast python (lxml, sklearn tokenizer, cached Porter; no lemmas):" \
    "$(ratio "$PF_WALL" "$S1_WALL")x"
  echo "  fast peer's own report: $(tail -n 1 "$SCRATCH/python-fast.out")"
  PY_OWN=$("$PYTHON" -c 'import json, sys; print(json.loads(sys.stdin.read().splitlines()[-1])["seconds"])' \
    <"$SCRATCH/python.out" 2>/dev/null || echo 0)
  if [[ "$T1" != "?" ]]; then
    echo "  same ratio on the seconds each tool reports itself (python: after imports and WordNet loading):" \
      "$(ratio "$PY_OWN" "$T1")x"
  fi
fi
SCALING=$(ratio "$S1_WALL" "$SN_WALL")
echo "scaling secnlp($THREADS threads) / secnlp(1 thread): ${SCALING}x" \
  "(efficiency $(awk -v s="$SCALING" -v n="$THREADS" 'BEGIN {printf "%.0f", 100 * s / n}')%; goal near-linear)"
echo "secnlp MB/s per core (1 thread): $(awk -v mb="$MB" -v s="$S1_WALL" 'BEGIN {printf "%.1f", mb / s}')" \
  "per wall second, $(awk -v mb="$MB" -v s="$S1_CPU" 'BEGIN {printf "%.1f", (s > 0 ? mb / s : 0)}')" \
  "per CPU second (goal >= 80)"
LARGEST_MB=$(awk -v b="$LARGEST_BYTES" 'BEGIN {printf "%.2f", b / 1e6}')
echo "largest document: $LARGEST_MB MB ($LARGEST_PATH)"
awk -v l="$LARGEST_BYTES" -v r1="$S1_RSS" -v rn="$SN_RSS" -v base="$BASE_RSS_KB" -v n="$THREADS" 'BEGIN {
  lk = l / 1024
  printf "peak RSS / largest document: 1 thread %.1fx, %d threads %.1fx\n", r1 / lk, n, rn / lk
  printf "  minus the baseline (secnlp on the smallest document, %.1f MB: resources loaded):" \
         " %.1fx, %.1fx\n", base / 1024, (r1 - base) / lk, (rn - base) / lk
}'

if [[ ${#FAILURES[@]} -gt 0 ]]; then
  echo
  echo "FAILED: ${FAILURES[*]}" >&2
  exit 1
fi
