#pragma once
// A full check of a results database file (`secnlp check --db FILE`). Reads every page, so it
// costs a pass over the file: run it on demand, not with every query.

#include <filesystem>
#include <string>
#include <vector>

namespace secnlp::store {

// What check_database() found.
struct IntegrityReport {
  // One line per problem: PRAGMA integrity_check's lines, then "foreign key: TABLE row ROWID
  // refers to a missing PARENT row", then a schema version secnlp does not know. Empty: sound.
  std::vector<std::string> problems;
  int schema_version = 0;  // PRAGMA user_version
  bool ok() const { return problems.empty(); }
};

// Opens `db` read-only (never creating it) and runs PRAGMA integrity_check and PRAGMA
// foreign_key_check. Throws Error(kIo, "no such database") when the file does not exist, and
// Error(kDatabase) naming the file when it cannot
// be read as SQLite at all (not a database: the header itself is damaged).
IntegrityReport check_database(const std::filesystem::path& db);

}  // namespace secnlp::store
