#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang-14 + ASan + UBSan in build-fuzz/ and runs
# each one, starting from its seed corpus (scripts/fuzz_seeds.sh assembles it from samples/,
# tests/data and tests/fuzz/seeds/).
#   scripts/fuzz.sh                  every target for 10 s (CI)
#   scripts/fuzz.sh --long SECONDS   every target for SECONDS (a long run)
#   scripts/fuzz.sh [--long S] NAME  only the targets whose name contains NAME (e.g. html)
# Prints the executions of each target. A crash stops the script with libFuzzer's report; the
# reproducer is left in build-fuzz/crashes/<target>/ (replay: build-fuzz/tests/fuzz/<target>
# FILE). Inputs that grew coverage are kept in build-fuzz/corpus/<target>/ for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=10
if [[ "${1:-}" == "--long" ]]; then
  seconds=${2:?--long needs a number of seconds}
  shift 2
fi
only=${1:-}
BUILD_DIR=${SECNLP_FUZZ_BUILD_DIR:-build-fuzz}
jobs=${SECNLP_FUZZ_JOBS:-$(nproc)}

CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSECNLP_FUZZ=ON -DSECNLP_WITH_TORCH=OFF -DSECNLP_BUILD_TESTS=OFF -DSECNLP_BUILD_BENCH=OFF \
  >/dev/null
cmake --build "$BUILD_DIR" -j"$jobs" --target fuzzers >&2
scripts/fuzz_seeds.sh "$BUILD_DIR/seeds"

# -max_len per target: large enough for the structures each parser reads (a submission with a
# header and a few documents, CIFAR records of 3,073 bytes), small enough to keep runs fast.
declare -A max_len=(
  [fuzz_submission]=65536 [fuzz_html_fast]=65536 [fuzz_html_libxml2]=65536
  [fuzz_encoding]=16384 [fuzz_sections]=65536 [fuzz_tokenize]=8192
  [fuzz_pipeline_toml]=4096 [fuzz_job_file]=4096 [fuzz_idx]=8192 [fuzz_cifar]=16384
  [fuzz_labelled_text]=8192 [fuzz_pretrained_vectors]=8192 [fuzz_model_manifest]=8192
  [fuzz_submissions_json]=16384 [fuzz_full_index]=16384 [fuzz_conll]=8192
  [fuzz_tagging_models]=16384
)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
total=0
for target in $(printf '%s\n' "${!max_len[@]}" | sort); do
  [[ -n "$only" && "$target" != *"$only"* ]] && continue
  corpus="$BUILD_DIR/corpus/$target" crashes="$BUILD_DIR/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  log="$BUILD_DIR/logs/$target.log"
  mkdir -p "$(dirname "$log")"
  # -rss_limit_mb: an input that needs more than 2 GB is a finding (limits must refuse it first).
  if ! "$BUILD_DIR/tests/fuzz/$target" -max_total_time="$seconds" -max_len="${max_len[$target]}" \
      -rss_limit_mb=2048 -timeout=25 -print_final_stats=1 -artifact_prefix="$crashes/" \
      "$corpus" "$BUILD_DIR/seeds/$target" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target FAILED (reproducer in $crashes/, log $log)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  total=$((total + ${runs:-0}))
  printf 'fuzz: %-26s %12s executions in %s s\n' "$target" "${runs:-?}" "$seconds" >&2
done
echo "fuzz: $total executions in all, no crash" >&2
