#include "pipeline/store/integrity.h"

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"

namespace secnlp::store {

IntegrityReport check_database(const std::filesystem::path& db) {
  if (is_postgres_url(db.string())) {
    // PostgreSQL checks pages and enforces foreign keys itself: what is left to check is
    // that it answers and which schema it holds.
    Connection connection(db.string());
    IntegrityReport report;
    report.schema_version = connection.schema_version();
    if (report.schema_version > kSchemaVersion)
      report.problems.push_back(
          fmt::format("schema version {} is not one this secnlp knows (0..{})",
                      report.schema_version, kSchemaVersion));
    return report;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db, ec))
    throw Error(ErrorCode::kIo, "no such database", db.string());
  Connection connection(db.string(), /*read_only=*/true);
  IntegrityReport report;
  report.schema_version = connection.schema_version();
  {
    // Up to 100 problems, as SQLite's default; "ok" alone when there are none.
    Statement st = connection.prepare("PRAGMA integrity_check(100)");
    while (st.step()) {
      std::string line = st.column_text(0);
      if (line != "ok") report.problems.push_back(std::move(line));
    }
  }
  {
    Statement st = connection.prepare("PRAGMA foreign_key_check");
    while (st.step())
      report.problems.push_back(fmt::format("foreign key: {} row {} refers to a missing {} row",
                                            st.column_text(0), st.column_text(1),
                                            st.column_text(2)));
  }
  if (report.schema_version < 0 || report.schema_version > kSchemaVersion)
    report.problems.push_back(fmt::format("schema version {} is not one this secnlp knows (0..{})",
                                          report.schema_version, kSchemaVersion));
  return report;
}

}  // namespace secnlp::store
