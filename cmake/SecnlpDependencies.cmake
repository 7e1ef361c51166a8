# Third-party libraries, all from Debian packages (scripts/setup.sh installs them).
# Each becomes an imported target; nothing is downloaded at configure or build time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(PQ REQUIRED libpq)  # header only: libpq.so.5 is dlopen'ed on first use
pkg_check_modules(FMT REQUIRED IMPORTED_TARGET fmt)
pkg_check_modules(TBB REQUIRED IMPORTED_TARGET tbb)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
find_package(Threads REQUIRED)

# libstemmer (Snowball) and libhyphen ship no pkg-config files.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(secnlp::stemmer INTERFACE IMPORTED)
target_include_directories(secnlp::stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(secnlp::stemmer INTERFACE ${STEMMER_LIBRARY})

find_path(HYPHEN_INCLUDE_DIR hyphen.h REQUIRED)
find_library(HYPHEN_LIBRARY hyphen REQUIRED)
add_library(secnlp::hyphen INTERFACE IMPORTED)
target_include_directories(secnlp::hyphen INTERFACE ${HYPHEN_INCLUDE_DIR})
target_link_libraries(secnlp::hyphen INTERFACE ${HYPHEN_LIBRARY})

# stb (Debian's libstb: stb_image decodes PNG/JPEG/BMP, stb_image_write writes PNG).
find_path(STB_INCLUDE_DIR stb_image.h PATH_SUFFIXES stb REQUIRED)
find_library(STB_LIBRARY stb REQUIRED)
add_library(secnlp::stb INTERFACE IMPORTED)
target_include_directories(secnlp::stb INTERFACE ${STB_INCLUDE_DIR})
target_link_libraries(secnlp::stb INTERFACE ${STB_LIBRARY})

# JSON (datasets, EDGAR submissions JSON) and zlib (gzipped IDX files).
find_package(nlohmann_json 3 REQUIRED)
find_package(ZLIB REQUIRED)

# libtorch (Debian's libtorch-dev on CPU; scripts/build-cuda.sh points Torch_DIR at a CUDA
# libtorch). Without it, models/ and the train/evaluate/predict commands are left out.
if(SECNLP_WITH_TORCH)
  find_package(Torch REQUIRED)
  add_library(secnlp::torch INTERFACE IMPORTED)
  target_link_libraries(secnlp::torch INTERFACE ${TORCH_LIBRARIES})
  target_include_directories(secnlp::torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
endif()

# CLI11 is header-only.
find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
add_library(secnlp::cli11 INTERFACE IMPORTED)
target_include_directories(secnlp::cli11 INTERFACE ${CLI11_INCLUDE_DIR})

if(SECNLP_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(SECNLP_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
