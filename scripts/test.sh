#!/usr/bin/env bash
# README command (2): installs what is missing, builds from scratch-or-cache, and runs the tests.
#   scripts/test.sh              unit tests, then corpus tests (skipped with a message when
#                                ../shared/data and $SECNLP_DATA are both absent)
#   scripts/test.sh --sanitize   unit tests only, built with ASan + UBSan in build-sanitize/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Warnings are errors in CI (CI=true); elsewhere a newer compiler's new warnings do not block.
werror=OFF
if [[ "${CI:-}" == "true" ]]; then werror=ON; fi

# A throwaway PostgreSQL server (Unix socket only, stopped on exit) for the store suite's
# PostgreSQL half and the MPI tests (issue 21); $SECNLP_TEST_PG_URL set by the caller wins.
# Without the server binaries those tests skip with a message saying so.
if [[ -z "${SECNLP_TEST_PG_URL:-}" ]]; then
  pg_dir=$(mktemp -d /tmp/secnlp-pg.XXXXXX)
  trap 'scripts/pg_server.sh stop "$pg_dir"' EXIT
  if SECNLP_TEST_PG_URL=$(scripts/pg_server.sh start "$pg_dir"); then
    export SECNLP_TEST_PG_URL
    echo "test: PostgreSQL for the tests at $SECNLP_TEST_PG_URL" >&2
  else
    # CI always has PostgreSQL: there a server that does not start is a failure, not a skip.
    if [[ "${CI:-}" == "true" ]]; then echo "test: PostgreSQL did not start" >&2; exit 1; fi
    echo "test: could not start PostgreSQL; its tests will skip" >&2
    unset SECNLP_TEST_PG_URL
  fi
fi

# ctest, and when a test fails: run the failed ones once more and print the end of their output
# LAST, after ctest's summary, so that a log cut to its last lines (CI's) still says what
# failed and why, and whether it failed again. The run fails either way.
run_ctest() {
  local dir=$1; shift
  if ctest --test-dir "$dir" "$@" -j"$(nproc)" --output-on-failure; then return 0; fi
  local tmp=$dir/Testing/Temporary failed name
  cp "$tmp/LastTest.log" "$tmp/first-failure.log"
  failed=$(cut -d: -f2- "$tmp/LastTestsFailed.log")
  if ctest --test-dir "$dir" --rerun-failed --output-on-failure >"$tmp/rerun.log" 2>&1; then
    echo "test: the failed tests PASSED when run again (flaky); the end of their first output:" >&2
  else
    echo "test: the failed tests failed again; the end of their first output:" >&2
  fi
  for name in $failed; do
    echo "--- $name" >&2
    awk -v t="$name" '$0 ~ "^[0-9]+/[0-9]+ Test: " && $3 == t {on = 1; next}
                      on && /^<end of output>/ {exit} on' "$tmp/first-failure.log" | tail -n 40 >&2
  done
  return 1
}

if [[ "${1:-}" == "--sanitize" ]]; then
  export SECNLP_BUILD_DIR=build-sanitize
  # libtorch is not built with ASan: the sanitized build leaves models/ torch parts out (their
  # torch-free data, augmentation and report code is still built and tested).
  scripts/build.sh -DSECNLP_SANITIZE=ON -DSECNLP_WERROR=$werror -DSECNLP_BUILD_BENCH=OFF \
    -DSECNLP_WITH_TORCH=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
  run_ctest build-sanitize -L unit
  exit 0
fi

export SECNLP_BUILD_DIR=build
scripts/build.sh -DSECNLP_WERROR=$werror
run_ctest build -L unit
# The example notebook, executed headless as a user runs it; any error fails the run. (Debian's
# python3-nbconvert has no `jupyter-nbconvert` script: `python3 -m nbconvert` is the same.)
if [[ -f build/python/secnlp/__init__.py ]]; then
  echo "test: executing examples/secnlp_python.ipynb" >&2
  PYTHONPATH="$PWD/build/python" SECNLP_BIN="$PWD/build/tools/secnlp" \
    /usr/bin/python3 -m nbconvert --to notebook --execute examples/secnlp_python.ipynb \
    --output-dir build/examples --ExecutePreprocessor.timeout=900 --log-level=WARN
fi
run_ctest build -L corpus
