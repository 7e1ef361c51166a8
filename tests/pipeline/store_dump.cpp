#include "tests/pipeline/store_dump.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "pipeline/store/copy.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::testing {
namespace {

// Every table of the schema (the store's one list, store::store_tables(), plus PostgreSQL's
// schema-version table): whether it is compared. Not compared: how runs went (runs, run_ranks),
// a change counter (store_generation: how many writes, not what they stored), the version.
const std::map<std::string, bool>& known_tables() {
  static const std::map<std::string, bool> tables = [] {
    std::map<std::string, bool> out;
    for (const auto& t : store::store_tables())
      out[t] = true;
    for (const char* t : {"runs", "run_ranks", "store_generation", "secnlp_schema"})
      out[t] = false;
    return out;
  }();
  return tables;
}

// Times a row was written: they differ between any two runs.
const std::set<std::string>& write_times() {
  static const std::set<std::string> names = {"processed_at", "seen_at",     "computed_at", "at",
                                              "started_at",   "finished_at", "fetched_at"};
  return names;
}

// A value as text that is the same on both engines: numbers through their C++ value (SQLite
// prints 15 digits of a REAL, PostgreSQL the shortest exact form).
std::string value_text(const store::Statement& st, int col) {
  switch (st.column_kind(col)) {
    case store::ValueKind::kInteger:
      return std::to_string(st.column_int(col));
    case store::ValueKind::kReal:
      return fmt::format("{}", st.column_double(col));
    default:
      return st.column_text(col);
  }
}

}  // namespace

StoreDump dump_store(store::Connection& db) {
  std::unordered_map<std::int64_t, std::string> doc_keys;
  {
    store::Statement st =
        db.prepare("SELECT id, coalesce(doc_key, 'path:' || path) FROM documents");
    while (st.step())
      doc_keys.emplace(st.column_int(0), st.column_text(1));
  }
  std::unordered_map<std::uint32_t, std::string> terms;
  {
    store::Statement st = db.prepare("SELECT id, term FROM vocabulary");
    while (st.step())
      terms.emplace(static_cast<std::uint32_t>(st.column_int(0)), st.column_text(1));
  }
  auto doc = [&](std::int64_t id) {
    auto it = doc_keys.find(id);
    return it == doc_keys.end() ? fmt::format("<no document {}>", id) : it->second;
  };

  StoreDump out;
  store::Statement tables = db.prepare(
      db.backend() == store::Backend::kSqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() ORDER BY table_name");
  std::vector<std::string> names;
  while (tables.step())
    names.push_back(tables.column_text(0));
  for (const std::string& table : names) {
    auto known = known_tables().find(table);
    if (known == known_tables().end())
      throw std::runtime_error("store_dump does not know table '" + table +
                               "': add it to store_tables() in pipeline/store/copy.cpp");
    if (!known->second) continue;
    store::Statement st = db.prepare(fmt::format("SELECT * FROM \"{}\"", table));
    std::vector<std::string>& rows = out[table];
    std::vector<std::string> columns;
    while (st.step()) {
      if (columns.empty())
        for (int c = 0; c < st.column_count(); ++c)
          columns.push_back(st.column_name(c));
      std::string row;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string& c = columns[i];
        const int col = static_cast<int>(i);
        if (write_times().count(c) || c == "run_id") continue;
        if (c == "id") continue;  // surrogate ids; documents carry doc_key, vocabulary its term
        std::string value;
        if (st.column_is_null(col)) {
          value = "\\N";
        } else if ((c == "doc_id" || c == "prev_doc_id") && table.rfind("training_", 0) != 0) {
          value = doc(st.column_int(col));
        } else if (table == "term_vectors" && c == "data") {
          std::vector<std::pair<std::string, std::uint32_t>> entries;
          for (const auto& [term, count] : store::decode_term_vector(st.column_blob(col))) {
            auto it = terms.find(term);
            entries.emplace_back(it == terms.end() ? fmt::format("<no term {}>", term) : it->second,
                                 count);
          }
          std::sort(entries.begin(), entries.end());
          for (const auto& [term, count] : entries)
            value += fmt::format("{}{}:{}", value.empty() ? "" : " ", term, count);
        } else {
          value = value_text(st, col);
        }
        row += (row.empty() ? "" : "|") + c + "=" + value;
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
  }
  return out;
}

StoreDump dump_store(const std::filesystem::path& db) {
  store::Connection connection(db.string(), /*read_only=*/!store::is_postgres_url(db.string()));
  return dump_store(connection);
}

std::string diff_dumps(const StoreDump& expected, const StoreDump& actual, std::size_t max_lines) {
  std::string out;
  std::size_t lines = 0;
  auto note = [&](const std::string& line) {
    if (lines++ < max_lines) out += line + "\n";
  };
  std::set<std::string> tables;
  for (const auto& [t, rows] : expected)
    tables.insert(t);
  for (const auto& [t, rows] : actual)
    tables.insert(t);
  static const std::vector<std::string> kNone;
  for (const auto& t : tables) {
    const auto e = expected.find(t);
    const auto a = actual.find(t);
    const auto& want = e == expected.end() ? kNone : e->second;
    const auto& got = a == actual.end() ? kNone : a->second;
    if (want == got) continue;
    note(fmt::format("table {}: {} rows expected, {} found", t, want.size(), got.size()));
    std::vector<std::string> missing, extra;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    for (const auto& r : missing)
      note("  - " + r.substr(0, 300));
    for (const auto& r : extra)
      note("  + " + r.substr(0, 300));
  }
  if (lines > max_lines) out += fmt::format("... {} more lines\n", lines - max_lines);
  return out;
}

}  // namespace secnlp::testing
