#!/usr/bin/env bash
# The README's install step as a user runs it: a venv that sees Debian's numpy/pandas/scipy,
# `pip install --no-build-isolation --no-index .` (offline; packages the CMake build's
# extension), then the README's check on a database made by the CLI.
#   install_test.sh PYTHON SOURCE_DIR BUILD_DIR SECNLP_BINARY
set -euo pipefail
python=$1 src=$2 build=$3 secnlp=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m venv --system-site-packages "$work/venv"
SECNLP_BUILD_DIR="$build" PIP_NO_CACHE_DIR=1 "$work/venv/bin/pip" install --quiet \
  --no-build-isolation --no-index "$src"
"$secnlp" process "$src/samples" --db "$work/samples.db" --progress off > /dev/null
cd "$work"
"$work/venv/bin/python" -c "import secnlp, pandas; print(secnlp.open('samples.db').metrics().head())" \
  | tee "$work/out.txt"
grep -q "9990001_10K_2024" "$work/out.txt"
# the installed package, not the build folder
"$work/venv/bin/python" -c "import secnlp; assert '/venv/' in secnlp.__file__, secnlp.__file__"
