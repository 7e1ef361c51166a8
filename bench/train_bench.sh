#!/usr/bin/env bash
# Training throughput: secnlp's lstm and strided_cnn models (bench/train_bench.cpp, through
# models/train/training.h) against the same models in PyTorch (bench/pytorch_peer.py), with the
# same data sizes, batch size, sequence length, optimizer and thread count.
#
# Usage: bench/train_bench.sh [options] [SECNLP_TRAIN_BENCH]
#   SECNLP_TRAIN_BENCH  default build/bench/secnlp_train_bench (else the first
#                       build*/bench/secnlp_train_bench found). Nothing is built here.
#   --threads "1 2"     torch intra-op thread counts to measure (default "1 2"; both tools get the same)
#   --device D          cpu (default) | cuda | cuda:N, for both tools (cuda: a CUDA libtorch build,
#                       e.g. scripts/build-cuda.sh, and a CUDA torch for Python)
#   --runs R            repetitions per configuration; the best run counts (default 3)
#   --epochs E          epochs per run (default 3; the first is a warm-up and not counted)
#   --n-lstm N          sentences of the text task (default 5000)
#   --n-cnn N           images of the vision task (default 12000)
# Environment: PYTHON (default /usr/bin/python3), BENCH_KEEP=1 keeps the scratch folder.
#
# PyTorch runs twice per configuration: as installed ("pytorch": torch.set_num_threads(T) sizes
# torch's pool only, and Debian's OpenBLAS keeps its own pool of one thread per core), and with
# OPENBLAS_NUM_THREADS=1 ("pytorch-blas1": the setting secnlp applies itself; see
# models/train/trainer.h). For every thread count the runs alternate: secnlp lstm, pytorch lstm,
# pytorch-blas1 lstm, then the same for cnn, repeated R times, so that a change in machine load
# hits the tools alike. Each run prints one
# JSON line (see the tools' headers); per tool, task and thread count the best run is kept
# (highest samples/s; the CPU-time column keeps its own best). The table gives training samples
# per second of wall time and per CPU second, epoch seconds, and the speed ratios (samples/s of
# secnlp over those of each PyTorch run: > 1 means secnlp trains faster).
#
# Exit status: 0 when every run succeeded, 1 when a run failed, 2 on bad usage. Slowness never
# fails the benchmark.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-/usr/bin/python3}"
THREADS_LIST="1 2"
DEVICE=cpu
RUNS=3
EPOCHS=3
N_LSTM=5000
N_CNN=12000
BIN=""

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
bad_usage() { echo "train_bench.sh: $*" >&2; usage >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --threads) [[ $# -ge 2 ]] || bad_usage "--threads needs a value"; THREADS_LIST="$2"; shift 2 ;;
    --device) [[ $# -ge 2 ]] || bad_usage "--device needs a value"; DEVICE="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || bad_usage "--runs needs a value"; RUNS="$2"; shift 2 ;;
    --epochs) [[ $# -ge 2 ]] || bad_usage "--epochs needs a value"; EPOCHS="$2"; shift 2 ;;
    --n-lstm) [[ $# -ge 2 ]] || bad_usage "--n-lstm needs a value"; N_LSTM="$2"; shift 2 ;;
    --n-cnn) [[ $# -ge 2 ]] || bad_usage "--n-cnn needs a value"; N_CNN="$2"; shift 2 ;;
    -*) bad_usage "unknown option $1" ;;
    *) [[ -z "$BIN" ]] || bad_usage "more than one binary given"; BIN="$1"; shift ;;
  esac
done
for value in "$RUNS" "$EPOCHS" "$N_LSTM" "$N_CNN" $THREADS_LIST; do
  [[ "$value" =~ ^[0-9]+$ ]] || bad_usage "not a number: $value"
done
[[ "$RUNS" -ge 1 && "$EPOCHS" -ge 2 ]] || bad_usage "--runs must be >= 1 and --epochs >= 2"
[[ -n "${THREADS_LIST// /}" ]] || bad_usage "--threads is empty"

if [[ -z "$BIN" ]]; then
  BIN="$ROOT/build/bench/secnlp_train_bench"
  if [[ ! -x "$BIN" ]]; then
    for candidate in "$ROOT"/build*/bench/secnlp_train_bench; do
      if [[ -x "$candidate" ]]; then BIN="$candidate"; break; fi
    done
  fi
fi
if [[ ! -x "$BIN" ]]; then
  echo "train_bench.sh: secnlp_train_bench not found or not executable: $BIN" >&2
  echo "  build it: cmake --build build --target secnlp_train_bench" >&2
  exit 2
fi
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "train_bench.sh: $PYTHON cannot import torch (Debian: apt-get install python3-torch)" >&2
  exit 2
fi

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/secnlp-train-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
  echo "scratch folder kept: $SCRATCH" >&2
else
  trap 'rm -rf "$SCRATCH"' EXIT
fi
RESULTS="$SCRATCH/results.jsonl"
: >"$RESULTS"

FAILURES=()
# one_run NAME TOOL CMD...: appends the command's JSON lines to $RESULTS (their "tool" renamed
# to TOOL when TOOL is not empty); records a failure.
one_run() {
  local name="$1" tool="$2"
  shift 2
  local status=0
  # TMPDIR: secnlp's model directories (removed by the tool) stay inside the scratch folder.
  TMPDIR="$SCRATCH" "$@" >"$SCRATCH/$name.out" 2>"$SCRATCH/$name.err" || status=$?
  if [[ "$status" -ne 0 ]]; then
    FAILURES+=("$name (exit $status)")
    echo "--- $name failed with exit status $status; last lines of its output:" >&2
    tail -n 20 "$SCRATCH/$name.out" "$SCRATCH/$name.err" >&2 || true
    return 0
  fi
  if [[ -n "$tool" ]]; then
    grep '^{' "$SCRATCH/$name.out" | sed "s/\"tool\":\"[a-z]*\"/\"tool\":\"$tool\"/" >>"$RESULTS" || true
  else
    grep '^{' "$SCRATCH/$name.out" >>"$RESULTS" || true
  fi
  tail -n 1 "$SCRATCH/$name.out" | sed 's/^/  /' >&2
}

echo "secnlp:  $BIN" >&2
echo "pytorch: $PYTHON $ROOT/bench/pytorch_peer.py ($("$PYTHON" -c 'import torch; print(torch.__version__)'))" >&2
echo "device $DEVICE; threads $THREADS_LIST; $RUNS runs of $EPOCHS epochs; lstm n=$N_LSTM, cnn n=$N_CNN" >&2
for threads in $THREADS_LIST; do
  for run in $(seq 1 "$RUNS"); do
    for task in lstm cnn; do
      n=$N_LSTM
      [[ "$task" == cnn ]] && n=$N_CNN
      common=(--task "$task" --n "$n" --epochs "$EPOCHS" --threads "$threads" --device "$DEVICE")
      echo "run $run/$RUNS, $threads thread(s): secnlp $task" >&2
      one_run "secnlp-$task-t$threads-r$run" "" "$BIN" "${common[@]}"
      echo "run $run/$RUNS, $threads thread(s): pytorch $task" >&2
      one_run "pytorch-$task-t$threads-r$run" "" "$PYTHON" "$ROOT/bench/pytorch_peer.py" "${common[@]}"
      echo "run $run/$RUNS, $threads thread(s): pytorch $task, OPENBLAS_NUM_THREADS=1" >&2
      one_run "pytorch-blas1-$task-t$threads-r$run" pytorch-blas1 env OPENBLAS_NUM_THREADS=1 \
        "$PYTHON" "$ROOT/bench/pytorch_peer.py" "${common[@]}"
    done
  done
done

echo
echo "Training throughput, secnlp vs PyTorch, $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m))," \
  "device $DEVICE, best of $RUNS runs"
echo "lstm: n=$N_LSTM (90% trained on), seq 64, batch 64; cnn: n=$N_CNN 1x28x28, batch 64;" \
  "$EPOCHS epochs, the first not counted"
echo
"$PYTHON" - "$RESULTS" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
best = {}
for r in rows:
    key = (r["task"], r["threads"], r["tool"])
    b = best.setdefault(key, {"samples_per_s": 0.0, "samples_per_cpu_s": 0.0,
                              "epoch_seconds": float("inf"), "val_accuracy": 0.0, "runs": 0,
                              "device": r["device"]})
    b["runs"] += 1
    b["samples_per_s"] = max(b["samples_per_s"], r["samples_per_s"])
    b["samples_per_cpu_s"] = max(b["samples_per_cpu_s"], r["samples_per_cpu_s"])
    b["epoch_seconds"] = min(b["epoch_seconds"], r["epoch_seconds"])
    b["val_accuracy"] = max(b["val_accuracy"], r["val_accuracy"])

def ratio(a, b):
    return "%.2fx" % (a / b) if a and b else "-"

header = ("task", "threads", "secnlp samples/s", "pytorch samples/s", "pytorch-blas1 samples/s",
          "ratio (wall)", "ratio vs blas1 (wall)", "secnlp /CPU s", "pytorch /CPU s",
          "pytorch-blas1 /CPU s", "ratio (CPU)", "ratio vs blas1 (CPU)")
print("| " + " | ".join(header) + " |")
print("|" + "|".join("-" * (len(h) + 2) for h in header) + "|")
for task in ("lstm", "cnn"):
    for threads in sorted({k[1] for k in best if k[0] == task}):
        s = best.get((task, threads, "secnlp"))
        p = best.get((task, threads, "pytorch"))
        q = best.get((task, threads, "pytorch-blas1"))
        if not s or not p:
            continue
        q = q or {"samples_per_s": 0.0, "samples_per_cpu_s": 0.0}
        print("| %s | %d | %.0f | %.0f | %.0f | %s | %s | %.0f | %.0f | %.0f | %s | %s |" % (
            task, threads, s["samples_per_s"], p["samples_per_s"], q["samples_per_s"],
            ratio(s["samples_per_s"], p["samples_per_s"]),
            ratio(s["samples_per_s"], q["samples_per_s"]),
            s["samples_per_cpu_s"], p["samples_per_cpu_s"], q["samples_per_cpu_s"],
            ratio(s["samples_per_cpu_s"], p["samples_per_cpu_s"]),
            ratio(s["samples_per_cpu_s"], q["samples_per_cpu_s"])))
print()
print("(samples/s: training samples per second of wall time over a whole epoch, validation pass")
print(" included; /CPU s: the same per second of process CPU time, all threads; ratio: secnlp over")
print(" PyTorch, > 1 = secnlp faster. Final validation accuracy, best run:",
      ", ".join("%s %s %dt %.3f" % (k[2], k[0], k[1], v["val_accuracy"])
                for k, v in sorted(best.items())) + ")")
EOF

if [[ ${#FAILURES[@]} -gt 0 ]]; then
  echo
  echo "FAILED: ${FAILURES[*]}" >&2
  exit 1
fi
