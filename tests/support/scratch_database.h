#pragma once
// A fresh, empty results database for one test, on either store backend, so that one
// parameterised suite runs against both (issue 21):
//   "sqlite"      a file in a temporary folder;
//   "postgresql"  a new schema in the server named by $SECNLP_TEST_PG_URL (scripts/test.sh
//                 starts a throwaway one and sets it), reached through a URL whose search_path
//                 is that schema, and dropped at the end. Tests running in parallel each get
//                 their own schema, so their run locks and ids never meet.
// Without $SECNLP_TEST_PG_URL the PostgreSQL instances skip with a message saying so.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/test_data.h"

namespace secnlp::testing {

// {"sqlite", "postgresql"}: the values of a backend-parameterised suite.
std::vector<std::string> store_backends();

// Why `backend` cannot run here (PostgreSQL without $SECNLP_TEST_PG_URL), or nothing.
std::optional<std::string> backend_unavailable(const std::string& backend);

class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& backend);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // What --db takes: a file path or a postgresql:// URL.
  const std::string& location() const { return location_; }
  std::filesystem::path path() const { return location_; }
  // A folder for the test's other files.
  const std::filesystem::path& folder() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::string backend_;
  std::string schema_;
  std::string location_;
};

}  // namespace secnlp::testing

// In a TEST_P over store_backends(): skips the test when its backend cannot run here.
#define SECNLP_REQUIRE_BACKEND(backend)                                                   \
  do {                                                                                    \
    if (auto why = ::secnlp::testing::backend_unavailable(backend)) GTEST_SKIP() << *why; \
  } while (false)
