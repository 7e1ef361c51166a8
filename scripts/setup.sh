#!/usr/bin/env bash
# Installs every Debian package secnlp needs to build, test and benchmark (Debian 12).
# Idempotent: when everything is present it only checks and returns in well under a second.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # libFuzzer targets (scripts/fuzz.sh): clang with its sanitizer and fuzzer runtimes
  clang-14 libclang-rt-14-dev
  # libraries the build links
  libicu-dev libre2-dev libboost-dev libfmt-dev libsqlite3-dev libxml2-dev libstemmer-dev
  libhyphen-dev libcli11-dev libtbb-dev libcurl4-openssl-dev libtomlplusplus-dev libstb-dev
  nlohmann-json3-dev zlib1g-dev
  # libtorch (CPU) for models/; OpenBLAS with pthreads makes CPU training ~7x faster
  libtorch-dev libopenblas0-pthread
  # data the program reads at run time
  wordnet-base pocketsphinx-en-us hyphen-en-us
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3
  # reference tools for fidelity tests and the peer benchmark
  python3 python3-nltk python3-sklearn python3-bs4 python3-lxml python3-snowballstemmer
  python3-torch
  # round 2: tagging/embeddings (fastText, gensim peer), the Python package and its tests,
  # the PostgreSQL store and MPI scale-out
  libfasttext-dev python3-gensim
  pybind11-dev python3-pybind11 python3-dev python3-venv python3-numpy python3-pandas python3-scipy
  python3-pytest python3-nbconvert jupyter-notebook python3-ipykernel python3-distributed
  python3-setuptools python3-wheel python3-tqdm
  postgresql libpq-dev libpqxx-dev libopenmpi-dev openmpi-bin
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages present" >&2
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
echo "setup: done" >&2
