#!/usr/bin/env bash
# Builds secnlp against a CUDA libtorch on a machine with an NVIDIA GPU but no package manager,
# bringing the project's Debian 12 library dependencies along as .deb files.
#
# UNTESTED: written on a Debian 12 machine without a GPU or network; nothing below has run on a
# GPU machine yet. Expect to fix details the first time it does (and then remove this line).
#
# Usage:
#   scripts/build-cuda.sh fetch-debs DIR   where apt works (Debian 12, amd64): downloads the .deb
#                                          files of the libraries secnlp builds against and their
#                                          runtime dependencies into DIR (~40 MB), plus
#                                          DIR/requirements.txt (the glibc / libstdc++ symbol
#                                          versions they need). Carry DIR to the GPU machine.
#   scripts/build-cuda.sh build DIR        on the GPU machine: unpacks DIR's .debs into
#                                          DIR/prefix, configures build-cuda/ against them and a
#                                          CUDA libtorch, builds, runs the unit tests (ctest -L
#                                          unit) and a --device cuda smoke test.
# Environment (build):
#   PYTHON       interpreter whose torch is used (default python3); Torch_DIR is its
#                torch.utils.cmake_prefix_path + /Torch
#   TORCH_DIR    a libtorch folder (holding share/cmake/Torch) instead of the Python torch
#   CUDA_HOME    CUDA toolkit root (nvcc); default: nvcc on PATH, else /usr/local/cuda. Torch's
#                CMake files need the toolkit (nvcc, headers) at configure time even though
#                secnlp compiles no CUDA code.
#   JOBS         build parallelism (default nproc)
#   BUILD_DIR    default build-cuda
#   SKIP_TESTS=1 build only
# Needs on the GPU machine: bash, cmake >= 3.25, ninja (or make), a C++20 g++ whose libstdc++
# is at least as new as Debian 12's libraries need (requirements.txt), glibc likewise, python3,
# and either dpkg-deb or python3 (used to unpack the .debs when dpkg-deb is missing).
#
# ABI: Debian builds every C++ library with the C++11 std::string ABI (_GLIBCXX_USE_CXX11_ABI=1).
# PyTorch's Linux wheels used the pre-C++11 ABI until about version 2.6 and the C++11 ABI since; libtorch
# zips exist in both flavours ("cxx11-abi" in the name). A libtorch with the old ABI cannot be
# linked with Debian's RE2, fmt, TBB, gtest...: the script checks torch._C._GLIBCXX_USE_CXX11_ABI
# (or the libtorch's TorchConfig flags) and stops with a message when it is not 1.
#
# Likely trouble spots on first contact (why it says UNTESTED): torch's CMake files looking for
# cuDNN / NVTX in a pip install (the script passes the nvidia.cudnn wheel's folders as hints; a
# libtorch zip via TORCH_DIR bundles them and avoids this), a CUDA toolkit whose major version
# differs from torch.version.cuda (warned), and libtorch API drift since 1.13.
#
# The build uses -DSECNLP_WERROR=OFF: secnlp is developed against Debian's libtorch 1.13 and a
# newer libtorch may deprecate calls it makes (warnings, not errors, there).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARCH_TRIPLET=x86_64-linux-gnu

# The -dev packages secnlp builds against (cmake/SecnlpDependencies.cmake; scripts/setup.sh lists
# the same minus the toolchain, data and Python packages). Their runtime libraries and those
# libraries' dependencies are added by fetch-debs.
DEV_PACKAGES=(
  libicu-dev libre2-dev libfmt-dev libsqlite3-dev libxml2-dev libstemmer-dev libhyphen-dev
  libcli11-dev libtbb-dev libcurl4-openssl-dev libtomlplusplus-dev libstb-dev nlohmann-json3-dev
  zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
  pkgconf-bin  # used when the GPU machine has no pkg-config
)
# Never brought along: the C library, the compiler runtime and the kernel headers must be the GPU
# machine's own (mixing them breaks every program), and a few base libraries every system has.
EXCLUDED_PACKAGES=(
  libc6 libc6-dev libc-bin libc-dev-bin linux-libc-dev libcrypt1 libcrypt-dev libgcc-s1
  gcc-12-base libstdc++6 libnsl2 libnsl-dev libtirpc3 libtirpc-dev libtirpc-common rpcsvc-proto
  libudev1 debconf dpkg perl-base
)

die() {
  echo "build-cuda.sh: $*" >&2
  exit 1
}
usage() {
  sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# max_version PATTERN FILE...: the highest version of symbol versions PATTERN_x.y.z the ELF files
# require (objdump -T), e.g. max_version GLIBC_ libfoo.so -> 2.34. Empty when none.
max_version() {
  local pattern="$1"
  shift
  objdump -T "$@" 2>/dev/null | grep -o "${pattern}[0-9][0-9.]*" | sed "s/^${pattern}//" |
    sort -V | tail -n 1
}

# unpack_deb FILE PREFIX: dpkg-deb -x, or (no dpkg) the deb's ar archive opened with Python.
unpack_deb() {
  local deb="$1" prefix="$2"
  if command -v dpkg-deb >/dev/null 2>&1; then
    dpkg-deb -x "$deb" "$prefix"
    return
  fi
  "${PYTHON:-python3}" - "$deb" "$prefix" <<'EOF'
import io, sys, tarfile
deb, prefix = sys.argv[1], sys.argv[2]
data = open(deb, "rb").read()
if not data.startswith(b"!<arch>\n"):
    sys.exit("%s: not a .deb (ar) archive" % deb)
pos = 8
while pos + 60 <= len(data):
    header = data[pos:pos + 60]
    name = header[:16].decode().strip().rstrip("/")
    size = int(header[48:58].decode().strip())
    body = data[pos + 60:pos + 60 + size]
    pos += 60 + size + (size & 1)
    if name.startswith("data.tar"):
        if name.endswith(".zst"):
            sys.exit("%s: zstd-compressed data needs dpkg-deb (or zstd and ar)" % deb)
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tar:
            # Debian's absolute symlinks are rewritten after unpacking: trust the archive.
            trusted = {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
            tar.extractall(prefix, **trusted)
        break
else:
    sys.exit("%s: no data.tar member" % deb)
EOF
}

fetch_debs() {
  local dir="$1"
  command -v apt-get >/dev/null || die "fetch-debs needs apt-get (run it on Debian 12)"
  command -v apt-cache >/dev/null || die "fetch-debs needs apt-cache"
  if [[ -r /etc/os-release ]] && ! grep -q '^VERSION_CODENAME=bookworm' /etc/os-release; then
    echo "build-cuda.sh: warning: not Debian 12 (bookworm); the package names may differ" >&2
  fi
  [[ "$(dpkg --print-architecture)" == amd64 ]] || die "fetch-debs expects an amd64 system"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"

  # The dependency closure (Depends and Pre-Depends, no Recommends), real packages only.
  local closure
  closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances "${DEV_PACKAGES[@]}" |
    grep -v '^ ' | grep -v '^<' | sort -u)
  local packages=() p
  for p in $closure; do
    if printf '%s\n' "${EXCLUDED_PACKAGES[@]}" | grep -qxF "$p"; then continue; fi
    packages+=("$p")
  done
  echo "build-cuda.sh: downloading ${#packages[@]} packages into $dir" >&2
  (cd "$dir" && apt-get download "${packages[@]}")
  printf '%s\n' "${packages[@]}" >"$dir/packages.txt"

  # What the libraries need from the GPU machine's C library and libstdc++.
  local tmp
  tmp=$(mktemp -d)
  for p in "$dir"/*.deb; do dpkg-deb -x "$p" "$tmp"; done
  local libs=()
  mapfile -t libs < <(find "$tmp" -type f -name '*.so*' | sort)
  {
    echo "# written by scripts/build-cuda.sh fetch-debs on $(date -u +%Y-%m-%d)"
    echo "debian=$(cat /etc/debian_version 2>/dev/null || echo unknown)"
    echo "glibc=$(max_version GLIBC_ "${libs[@]}")"
    echo "glibcxx=$(max_version GLIBCXX_ "${libs[@]}")"
    echo "cxxabi=$(max_version CXXABI_ "${libs[@]}")"
  } >"$dir/requirements.txt"
  rm -rf "$tmp"
  cat "$dir/requirements.txt" >&2
  echo "build-cuda.sh: done; $(du -sh "$dir" | cut -f1) in $dir. On the GPU machine:" >&2
  echo "  scripts/build-cuda.sh build $dir" >&2
}

# version_ge A B: A >= B in version order.
version_ge() { [[ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" == "$2" ]]; }

check_machine() {
  local dir="$1" need_glibc need_glibcxx have_glibc libstdcxx have_glibcxx
  for tool in cmake g++ "${PYTHON:-python3}"; do
    command -v "$tool" >/dev/null || die "$tool not found on PATH"
  done
  local cmake_version
  cmake_version=$(cmake --version | head -n 1 | awk '{print $3}')
  version_ge "$cmake_version" 3.25 || die "cmake $cmake_version is too old (need >= 3.25)"
  need_glibc=$(sed -n 's/^glibc=//p' "$dir/requirements.txt" 2>/dev/null || true)
  need_glibcxx=$(sed -n 's/^glibcxx=//p' "$dir/requirements.txt" 2>/dev/null || true)
  have_glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
  if [[ -n "$need_glibc" && -n "$have_glibc" ]] && ! version_ge "$have_glibc" "$need_glibc"; then
    die "this machine's glibc is $have_glibc; the Debian 12 libraries need GLIBC_$need_glibc"
  fi
  libstdcxx=$(readlink -f "$(g++ -print-file-name=libstdc++.so.6)")
  have_glibcxx=$(grep -ao 'GLIBCXX_3\.4\.[0-9]*' "$libstdcxx" 2>/dev/null | sed 's/^GLIBCXX_//' |
    sort -V | tail -n 1 || true)
  if [[ -n "$need_glibcxx" && -n "$have_glibcxx" ]] && ! version_ge "$have_glibcxx" "$need_glibcxx"; then
    die "g++'s libstdc++ ($libstdcxx) provides GLIBCXX_$have_glibcxx;" \
      "the Debian 12 libraries need GLIBCXX_$need_glibcxx (use GCC >= 12)"
  fi
  echo "build-cuda.sh: glibc ${have_glibc:-?} (need ${need_glibc:-?})," \
    "libstdc++ GLIBCXX_${have_glibcxx:-?} (need ${need_glibcxx:-?})" >&2
}

# Sets TORCH_CMAKE_DIR (the folder holding TorchConfig.cmake), TORCH_CUDA_VERSION and
# CUDNN_WHEEL_DIR (Python torch only), and checks the ABI.
find_torch() {
  local python="${PYTHON:-python3}" abi
  if [[ -n "${TORCH_DIR:-}" ]]; then
    TORCH_CMAKE_DIR="$TORCH_DIR"
    [[ -f "$TORCH_CMAKE_DIR/TorchConfig.cmake" ]] || TORCH_CMAKE_DIR="$TORCH_DIR/share/cmake/Torch"
    [[ -f "$TORCH_CMAKE_DIR/TorchConfig.cmake" ]] || die "no TorchConfig.cmake under TORCH_DIR=$TORCH_DIR"
    # libtorch zips record the ABI in the compile flags of their CMake config.
    if grep -q 'D_GLIBCXX_USE_CXX11_ABI=0' "$TORCH_CMAKE_DIR"/TorchConfig.cmake 2>/dev/null; then
      abi=0
    else
      abi=1
    fi
  else
    "$python" -c 'import torch' 2>/dev/null || die "$python cannot import torch (set PYTHON or TORCH_DIR)"
    TORCH_CMAKE_DIR="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')/Torch"
    abi=$("$python" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
    local cuda
    cuda=$("$python" -c 'import torch; print(torch.version.cuda or "")')
    [[ -n "$cuda" ]] || die "$python's torch $("$python" -c 'import torch; print(torch.__version__)') is a CPU build; install a CUDA wheel or set TORCH_DIR"
    TORCH_CUDA_VERSION="$cuda"
    echo "build-cuda.sh: torch $("$python" -c 'import torch; print(torch.__version__)') (CUDA $cuda)," \
      "cuda available: $("$python" -c 'import torch; print(torch.cuda.is_available())')" >&2
    # cuDNN of the nvidia-cudnn wheel, when torch came with one: hints for torch's CMake files.
    CUDNN_WHEEL_DIR=$("$python" -c 'import nvidia.cudnn as m; print(list(m.__path__)[0])' 2>/dev/null || true)
  fi
  if [[ "$abi" != 1 ]]; then
    die "the libtorch at $TORCH_CMAKE_DIR uses the pre-C++11 ABI (_GLIBCXX_USE_CXX11_ABI=0);" \
      "Debian's libraries use the C++11 ABI, so they cannot be linked together. Use a torch" \
      "wheel built with the C++11 ABI (PyTorch 2.7 or later on x86_64) or a 'cxx11-abi' libtorch zip" \
      "with TORCH_DIR=<its folder>."
  fi
}

find_cuda_toolkit() {
  local nvcc=""
  if [[ -n "${CUDA_HOME:-}" ]]; then
    nvcc="$CUDA_HOME/bin/nvcc"
  elif command -v nvcc >/dev/null; then
    nvcc="$(command -v nvcc)"
  elif [[ -x /usr/local/cuda/bin/nvcc ]]; then
    nvcc=/usr/local/cuda/bin/nvcc
  fi
  [[ -n "$nvcc" && -x "$nvcc" ]] ||
    die "no CUDA toolkit (nvcc) found: torch's CMake files need it; set CUDA_HOME"
  CUDA_ROOT="$(cd "$(dirname "$nvcc")/.." && pwd)"
  local release
  release=$("$nvcc" --version | grep -o 'release [0-9][0-9.]*' | awk '{print $2}')
  echo "build-cuda.sh: CUDA toolkit $CUDA_ROOT (release ${release:-?})" >&2
  if [[ -n "${TORCH_CUDA_VERSION:-}" && "${release%%.*}" != "${TORCH_CUDA_VERSION%%.*}" ]]; then
    echo "build-cuda.sh: warning: nvcc is CUDA $release, torch was built for CUDA" \
      "$TORCH_CUDA_VERSION; torch's CMake files may refuse the mix" >&2
  fi
}

# Unpacks every .deb of DIR into DIR/prefix and makes the tree relocatable: absolute symlinks and
# the /usr paths in pkg-config files now point into the prefix.
unpack_all() {
  local dir="$1" prefix="$1/prefix" deb
  ls "$dir"/*.deb >/dev/null 2>&1 || die "no .deb files in $dir (run fetch-debs first)"
  rm -rf "$prefix"
  mkdir -p "$prefix"
  for deb in "$dir"/*.deb; do unpack_deb "$deb" "$prefix"; done
  local link target
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    if [[ "$target" == /* ]]; then ln -sfn "$prefix$target" "$link"; fi
  done < <(find "$prefix" -type l -print0)
  local pc
  while IFS= read -r -d '' pc; do
    sed -E -i "s#(^|[=[:space:]]|-I|-L)/usr(/|\$|[[:space:]])#\1$prefix/usr\2#g" "$pc"
  done < <(find "$prefix" -name '*.pc' -print0)
}

# config_dir NAME: the folder of NAMEConfig.cmake / name-config.cmake under the prefix.
config_dir() {
  local file
  file=$(find "$PREFIX" \( -name "$1Config.cmake" -o -name "$(tr '[:upper:]' '[:lower:]' <<<"$1")-config.cmake" \) \
    -print -quit)
  [[ -n "$file" ]] || die "no CMake config of $1 under $PREFIX"
  dirname "$file"
}

build() {
  local dir="$1"
  [[ -d "$dir" ]] || die "no such folder: $dir"
  dir="$(cd "$dir" && pwd)"
  PREFIX="$dir/prefix"
  local build_dir="$ROOT/${BUILD_DIR:-build-cuda}" jobs="${JOBS:-$(nproc)}"
  check_machine "$dir"
  find_torch
  find_cuda_toolkit
  unpack_all "$dir"

  local libdir="$PREFIX/usr/lib/$ARCH_TRIPLET"
  export PKG_CONFIG_PATH="$libdir/pkgconfig:$PREFIX/usr/share/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
  export PKG_CONFIG_LIBDIR="$PKG_CONFIG_PATH"  # only the prefix's .pc files: no mixing with the host's
  export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export CUDA_HOME="$CUDA_ROOT" CUDAToolkit_ROOT="$CUDA_ROOT"
  local pkg_config
  pkg_config=$(command -v pkg-config || true)
  if [[ -z "$pkg_config" ]]; then
    pkg_config="$PREFIX/usr/bin/pkgconf"
    [[ -x "$pkg_config" ]] || die "no pkg-config on PATH and no pkgconf in $PREFIX"
  fi
  local cudnn_hints=()
  if [[ -n "${CUDNN_WHEEL_DIR:-}" && -d "$CUDNN_WHEEL_DIR/lib" ]]; then
    local cudnn_lib
    cudnn_lib=$(find "$CUDNN_WHEEL_DIR/lib" -name 'libcudnn.so*' -print -quit)
    export CUDNN_ROOT="$CUDNN_WHEEL_DIR"
    cudnn_hints=(-DCUDNN_INCLUDE_PATH="$CUDNN_WHEEL_DIR/include" -DCUDNN_INCLUDE_DIR="$CUDNN_WHEEL_DIR/include")
    [[ -n "$cudnn_lib" ]] && cudnn_hints+=(-DCUDNN_LIBRARY="$cudnn_lib" -DCUDNN_LIBRARY_PATH="$cudnn_lib")
  fi
  local generator=(-G Ninja)
  command -v ninja >/dev/null || generator=(-G "Unix Makefiles")

  cmake -S "$ROOT" -B "$build_dir" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSECNLP_WITH_TORCH=ON -DSECNLP_WERROR=OFF \
    -DTorch_DIR="$TORCH_CMAKE_DIR" \
    -DCMAKE_PREFIX_PATH="$PREFIX/usr" \
    -DCMAKE_LIBRARY_PATH="$libdir" -DCMAKE_INCLUDE_PATH="$PREFIX/usr/include" \
    -DGTest_DIR="$(config_dir GTest)" \
    -Dbenchmark_DIR="$(config_dir benchmark)" \
    -Dnlohmann_json_DIR="$(config_dir nlohmann_json)" \
    -DCUDAToolkit_ROOT="$CUDA_ROOT" \
    -DPKG_CONFIG_EXECUTABLE="$pkg_config" \
    "${cudnn_hints[@]}" \
    -DCMAKE_BUILD_RPATH="$libdir"
  cmake --build "$build_dir" -j"$jobs"

  # For running the binaries later: source this file.
  cat >"$build_dir/env.sh" <<EOF
# Source before running $build_dir binaries: the Debian libraries unpacked by build-cuda.sh.
export LD_LIBRARY_PATH="$libdir\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
EOF

  if [[ "${SKIP_TESTS:-0}" == 1 ]]; then
    echo "build-cuda.sh: built $build_dir (tests skipped)" >&2
    return
  fi
  echo "build-cuda.sh: unit tests" >&2
  (cd "$build_dir" && ctest -L unit --output-on-failure -j"$jobs")
  echo "build-cuda.sh: --device cuda smoke test (secnlp_train_bench, lstm and strided_cnn)" >&2
  "$build_dir/bench/secnlp_train_bench" --task all --n 4000 --epochs 2 --threads 4 --device cuda |
    tee "$build_dir/cuda-smoke.jsonl"
  grep -q '"device":"cuda' "$build_dir/cuda-smoke.jsonl" ||
    die "the smoke test did not run on CUDA (see $build_dir/cuda-smoke.jsonl)"
  echo "build-cuda.sh: OK. Benchmark: bench/train_bench.sh --device cuda $build_dir/bench/secnlp_train_bench" >&2
}

case "${1:-}" in
  fetch-debs)
    [[ $# -eq 2 ]] || { usage >&2; exit 2; }
    fetch_debs "$2"
    ;;
  build)
    [[ $# -eq 2 ]] || { usage >&2; exit 2; }
    build "$2"
    ;;
  -h | --help)
    usage
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
