#pragma once
// Where tests find their inputs.
//
// Unit tests use fixtures committed under tests/data (fixture_path). Corpus tests read the real
// data in $SECNLP_DATA or ../shared/data beside the checkout (corpus_path), and skip with a clear
// message when it is absent, via SECNLP_REQUIRE_CORPUS.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace secnlp::testing {

// tests/data/<relative>.
std::filesystem::path fixture_path(std::string_view relative);

// The corpus root ($SECNLP_DATA, else ../shared/data next to the source tree), if it exists.
std::optional<std::filesystem::path> corpus_root();

// Regular files under `root` (recursively) whose extension is one of `extensions` (e.g.
// {".htm", ".html"}), sorted.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& root,
                                               const std::vector<std::string>& extensions);

// Whole file as bytes; throws secnlp::Error on failure.
std::string read_file(const std::filesystem::path& path);

// Writes `bytes` to `path` (not atomically: test fixtures), creating its folders.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace secnlp::testing

// Declares `const std::filesystem::path var` = corpus_root()/relative, or skips the test with a
// message naming what is missing.
#define SECNLP_REQUIRE_CORPUS(var, relative)                                         \
  const auto var##_root_ = ::secnlp::testing::corpus_root();                         \
  if (!var##_root_ || !std::filesystem::exists(*var##_root_ / (relative)))           \
    GTEST_SKIP() << "corpus data absent: set SECNLP_DATA or provide ../shared/data/" \
                 << (relative);                                                      \
  const std::filesystem::path var = *var##_root_ / (relative)
