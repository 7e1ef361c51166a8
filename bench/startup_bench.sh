#!/usr/bin/env bash
# Start-up of secnlp: wall time and peak RSS of the commands that should answer in milliseconds.
#
#   bench/startup_bench.sh [SECNLP_BINARY]
#
# Measures `secnlp --version`, `metrics`, `sections` and `terms` on a database processed from
# samples/ (once, before timing), and `process` of the smallest sample filing (the 42 KB 1999
# text 10-K) into a fresh database each run. Per command, over BENCH_RUNS runs (default 20) after
# one warm-up: median and minimum wall time, median CPU time (user + system) and peak RSS.
# Targets (issue 17), judged on the median wall time: --version and the queries <= 20 ms and
# <= 30 MB; process <= 60 ms. On a busy machine wall time waits for the CPU: compare CPU ms.
# Prints a Markdown table; exits 1 when a command fails, never because of slowness.
#   SECNLP_BINARY  default build/tools/secnlp (else the first build*/tools/secnlp found)
#   PYTHON         default /usr/bin/python3 (runs and times the commands)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${1:-${SECNLP_BINARY:-}}"
if [[ -z "$BIN" ]]; then
  BIN="$ROOT/build/tools/secnlp"
  if [[ ! -x "$BIN" ]]; then
    for candidate in "$ROOT"/build*/tools/secnlp; do
      [[ -x "$candidate" ]] && BIN="$candidate" && break
    done
  fi
fi
[[ -x "$BIN" ]] || { echo "startup_bench: no secnlp binary at $BIN" >&2; exit 2; }
RUNS="${BENCH_RUNS:-20}"
PYTHON="${PYTHON:-/usr/bin/python3}"
export BIN

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
db="$scratch/samples.db"
small="$ROOT/samples/northwind/9990001_10K_1999_0009990001-00-000004.txt"
"$BIN" process "$ROOT/samples" --db "$db" --progress off >/dev/null 2>"$scratch/err" ||
  { cat "$scratch/err" >&2; exit 1; }

# measure NAME LIMIT_MS LIMIT_MB ARGS...: one table row (LIMIT_MB 0: no memory target). Python
# forks and waits (os.wait4) for each run: wall time around it, the child's own CPU time (user +
# system, which a busy machine inflates far less than wall time) and its peak RSS. A command
# whose name starts with "process" gets a fresh database before each run (outside the timing).
measure() {
  "$PYTHON" - "$RUNS" "$scratch" "$@" <<'PY' || exit 1
import glob, os, statistics, sys, time
runs, scratch, name, limit_ms, limit_mb = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
cmd = [os.environ["BIN"]] + sys.argv[6:]
walls, cpus, rss_kb = [], [], 0
for i in range(runs + 1):  # run 0 warms up
    if name.startswith("process"):
        for f in glob.glob(os.path.join(scratch, "one.db*")):
            os.remove(f)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        out = os.open(os.devnull, os.O_WRONLY)
        err = os.open(os.path.join(scratch, "err"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if status != 0:
        sys.stderr.write(open(os.path.join(scratch, "err")).read())
        sys.exit(f"startup_bench: {' '.join(cmd)} failed")
    if i == 0:
        continue
    walls.append(wall)
    cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    rss_kb = max(rss_kb, usage.ru_maxrss)
med, mn, cpu, mb = statistics.median(walls), min(walls), statistics.median(cpus), rss_kb / 1024
met = "yes" if med <= limit_ms and (limit_mb == 0 or mb <= limit_mb) else "no"
target = f"<= {limit_ms:.0f} ms" + (f", <= {limit_mb:.0f} MB" if limit_mb else "")
print(f"| {name:<24} | {med:9.1f} | {mn:7.1f} | {cpu:7.1f} | {mb:11.1f} | {target:<18} | {met:<3} |")
PY
}

echo "secnlp start-up: $BIN, $RUNS runs each, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
echo
echo "| command                  | median ms | min ms  | CPU ms  | peak RSS MB | target             | met |"
echo "|--------------------------|----------:|--------:|--------:|------------:|--------------------|-----|"
measure "--version" 20 30 --version
measure "metrics (samples db)" 20 30 metrics --db "$db"
measure "sections (samples db)" 20 30 sections --db "$db" --item 1A
measure "terms (samples db)" 20 30 terms --db "$db" --top 20
measure "process (42 KB filing)" 60 0 process "$small" --db "$scratch/one.db" --progress off
