#include "tests/support/scratch_database.h"

#include <atomic>
#include <cstdlib>
#include <random>

#include <fmt/format.h>

#include "pipeline/store/database.h"

namespace secnlp::testing {
namespace {

std::string server_url() {
  const char* url = std::getenv("SECNLP_TEST_PG_URL");
  return url ? url : "";
}

}  // namespace

std::vector<std::string> store_backends() {
  return {"sqlite", "postgresql"};
}

std::optional<std::string> backend_unavailable(const std::string& backend) {
  if (backend != "postgresql" || !server_url().empty()) return std::nullopt;
  return "PostgreSQL tests skipped: $SECNLP_TEST_PG_URL is not set (scripts/test.sh starts a "
         "throwaway server and sets it; or point it at a database you may write to)";
}

ScratchDatabase::ScratchDatabase(const std::string& backend) : backend_(backend) {
  if (backend != "postgresql") {
    location_ = (dir_.path() / "t.db").string();
    return;
  }
  static std::atomic<int> counter{0};
  std::random_device random;
  schema_ = fmt::format("t_{}_{}_{}", ::getpid(), counter++, random() % 1000000);
  const std::string base = server_url();
  store::Connection admin(base);
  admin.exec(fmt::format("CREATE SCHEMA {}", schema_));
  location_ = fmt::format("{}{}options=-csearch_path%3D{}", base,
                          base.find('?') == std::string::npos ? "?" : "&", schema_);
}

ScratchDatabase::~ScratchDatabase() {
  if (schema_.empty()) return;
  try {
    store::Connection admin(server_url());
    admin.exec(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_));
  } catch (...) {
  }
}

}  // namespace secnlp::testing
