#!/usr/bin/env bash
# Scale-out benchmark (issue 21), in one run on the same files: `secnlp process` into
#   1. SQLite, one process              (the embedded default)
#   2. PostgreSQL, one process          (a throwaway local server, Unix socket: scripts/pg_server.sh)
#   3. PostgreSQL, `mpirun -n 2`        (two ranks, the work handed out by rank 0)
#   4. SQLite, `mpirun -n 2`            (two writers taking turns on one file)
# Reports wall seconds (median of BENCH_RUNS), input MB/s and rows written per second, and the
# CPU seconds of the secnlp processes and of the PostgreSQL server, to show where the time goes.
#
# Usage: bench/scale_bench.sh [INPUT...]   (default ../shared/data/filings/10k-html)
# Environment: BENCH_RUNS (default 3), BENCH_THREADS worker threads per process (default 1, so
# the ranks are the parallelism), SECNLP_BIN (default build/tools/secnlp).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${SECNLP_BIN:-$ROOT/build/tools/secnlp}"
RUNS="${BENCH_RUNS:-3}"
THREADS="${BENCH_THREADS:-1}"
if [[ $# -gt 0 ]]; then
  INPUTS=("$@")
else
  INPUTS=("${SECNLP_DATA:-$ROOT/../shared/data}/filings/10k-html")
fi
[[ -x "$BIN" ]] || { echo "scale_bench: no secnlp binary at $BIN" >&2; exit 2; }
MPIRUN=(mpirun -n 2 --oversubscribe)
[[ $(id -u) -eq 0 ]] && MPIRUN+=(--allow-run-as-root)

scratch=$(mktemp -d /tmp/secnlp-scale.XXXXXX)
pg=$(mktemp -d /tmp/secnlp-scale-pg.XXXXXX)  # its own folder: the server may run as `postgres`
trap '"$ROOT/scripts/pg_server.sh" stop "$pg"; rm -rf "$scratch"' EXIT
url=$("$ROOT/scripts/pg_server.sh" start "$pg")
bytes=$(find -L "${INPUTS[@]}" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
cat "${INPUTS[@]/%//*}" >/dev/null 2>&1 || true  # page cache

# CPU seconds used so far by the PostgreSQL server's processes.
server_cpu() {
  local total=0 pid
  for pid in $(pgrep -f "postgres.*$pg" || true); do
    total=$(awk -v t="$total" '{print t + ($14 + $15 + $16 + $17) / 100}' "/proc/$pid/stat" 2>/dev/null || echo "$total")
  done
  echo "$total"
}

rows_in() {  # rows of the tables a run writes (documents, sections, metrics, vectors, ...)
  "$BIN" import --from "$1" --db "$scratch/count-$RANDOM.db" --format csv |
    awk -F, 'NR > 1 && $1 != "runs" && $1 != "run_ranks" && $1 != "store_generation" {s += $2} END {print s}'
}

declare -A WALL CPU SERVER ROWS
run_case() {  # name launcher db
  local name=$1 launcher=$2 db=$3 walls=() r
  for ((r = 0; r < RUNS; r++)); do
    local target=$db
    if [[ $db == sqlite ]]; then
      target="$scratch/$name-$r.db"
    else
      local schema="s_${name//-/_}_$r"
      psql "$url" -qc "CREATE SCHEMA $schema"
      target="$url&options=-csearch_path%3D$schema"
    fi
    local before
    before=$(server_cpu)
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$scratch/time" $launcher "$BIN" process "${INPUTS[@]}" \
      --db "$target" --threads "$THREADS" --progress off >/dev/null 2>"$scratch/err" ||
      { cat "$scratch/err" >&2; exit 1; }
    end=$(date +%s.%N)
    walls+=("$(echo "$end - $start" | bc)")
    CPU[$name]=$(awk '{print $1 + $2}' "$scratch/time")
    SERVER[$name]=$(echo "$(server_cpu) - $before" | bc)
    ROWS[$name]=$(rows_in "$target")
  done
  WALL[$name]=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
}

run_case sqlite-1 "" sqlite
run_case postgres-1 "" postgres
if command -v mpirun >/dev/null && [[ -f "$(dirname "$BIN")/libsecnlp_mpi.so" ]]; then
  run_case postgres-mpi2 "${MPIRUN[*]}" postgres
  run_case sqlite-mpi2 "${MPIRUN[*]}" sqlite
fi

echo "# scale_bench $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)); input $(echo "scale=1; $bytes / 1000000" | bc) MB; $RUNS runs, median wall; $THREADS worker thread(s) per process"
printf '%-14s %8s %8s %10s %12s %12s %8s\n' case wall_s MB/s rows/s cpu_secnlp_s cpu_server_s vs_sqlite
for name in sqlite-1 postgres-1 postgres-mpi2 sqlite-mpi2; do
  [[ -n "${WALL[$name]:-}" ]] || continue
  printf '%-14s %8.2f %8.1f %10.0f %12.2f %12.2f %8.2f\n' "$name" "${WALL[$name]}" \
    "$(echo "$bytes / 1000000 / ${WALL[$name]}" | bc -l)" \
    "$(echo "${ROWS[$name]} / ${WALL[$name]}" | bc -l)" "${CPU[$name]}" "${SERVER[$name]}" \
    "$(echo "${WALL[sqlite-1]} / ${WALL[$name]}" | bc -l)"
done
