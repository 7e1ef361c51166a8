#!/usr/bin/env bash
# Configures and builds secnlp in build/ (or $SECNLP_BUILD_DIR) with all cores.
# Extra arguments are passed to cmake's configure step, e.g. -DSECNLP_SANITIZE=ON.
# $SECNLP_TARGET builds one target only (e.g. secnlp).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SECNLP_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "$@" >&2
cmake --build "$BUILD_DIR" -j"$(nproc)" ${SECNLP_TARGET:+--target "$SECNLP_TARGET"} >&2
