#pragma once
// Moving a results database between engines (issue 21): `secnlp import --from SRC --db DEST`
// copies every table of one secnlp database into another, empty one, row for row with the same
// ids, so that a SQLite file a team outgrew becomes its PostgreSQL database (or a PostgreSQL
// database becomes a file to hand around). Both are brought to the current schema first; the
// copy is one transaction on the destination (all or nothing); PostgreSQL's id sequences are
// moved past the copied ids so later writes continue the numbering.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace secnlp::store {

// The tables of the current schema, parents before children (the order a copy inserts them):
// the one list of them (import copies them, tests/pipeline/store_dump compares them).
const std::vector<std::string>& store_tables();

struct CopySummary {
  std::vector<std::pair<std::string, std::uint64_t>> rows;  // table -> rows copied, in order
};

// Copies `from` into `to` (file paths or postgresql:// URLs). Throws Error(kInvalidArgument)
// when `to` already holds documents, runs or training runs (a copy never merges), and
// Error(kDatabase) for failures of either database.
CopySummary copy_database(const std::string& from, const std::string& to);

}  // namespace secnlp::store
