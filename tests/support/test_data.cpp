#include "tests/support/test_data.h"

#include <fstream>

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include <unistd.h>

#include "common/error.h"
#include "common/file_io.h"

namespace secnlp::testing {

std::filesystem::path fixture_path(std::string_view relative) {
  return std::filesystem::path(SECNLP_SOURCE_DIR) / "tests" / "data" / relative;
}

std::optional<std::filesystem::path> corpus_root() {
  if (const char* env = std::getenv("SECNLP_DATA"); env && *env) {
    std::filesystem::path p(env);
    if (std::filesystem::is_directory(p)) return p;
    return std::nullopt;
  }
  std::filesystem::path p(SECNLP_DEFAULT_DATA_DIR);
  if (std::filesystem::is_directory(p)) return p;
  return std::nullopt;
}

std::vector<std::filesystem::path> files_under(const std::filesystem::path& root,
                                               const std::vector<std::string>& extensions) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file()) continue;
    for (const auto& wanted : extensions) {
      if (ext == wanted) {
        out.push_back(e.path());
        break;
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  return read_file_bytes(path);
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("secnlp-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace secnlp::testing
