# Third-party libraries, all from Debian packages (scripts/setup.sh installs them).
# Each becomes an imported target; nothing is downloaded at configure or build time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
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
