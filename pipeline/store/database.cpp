#include "pipeline/store/database.h"

#include <re2/re2.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "common/error.h"

namespace secnlp::store {

bool is_postgres_url(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string display_location(std::string_view location) {
  if (!is_postgres_url(location)) return std::string(location);
  // scheme://user:password@host... -> scheme://user:***@host...; a password=... parameter too.
  std::string out(location);
  static const RE2 kUserinfo(R"(^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@)");
  RE2::Replace(&out, kUserinfo, R"(\1:***@)");
  static const RE2 kParameter(R"((?i)([?&]password=)[^&]*)");
  RE2::GlobalReplace(&out, kParameter, R"(\1***)");
  return out;
}

void require_database(const std::string& location) {
  if (is_postgres_url(location)) return;
  if (!std::filesystem::exists(location))
    throw Error(ErrorCode::kIo, "no such database (run `secnlp process` first)", location);
}

Connection::Connection(const std::string& location, bool read_only)
    : backend_(is_postgres_url(location) ? Backend::kPostgres : Backend::kSqlite),
      location_(location),
      display_(display_location(location)) {
  impl_ = backend_ == Backend::kPostgres ? detail::open_postgres(location_, display_)
                                         : detail::open_sqlite(location_, read_only);
}

Connection::~Connection() = default;

void Connection::exec(std::string_view sql) {
  impl_->exec(sql);
}

Statement Connection::prepare(std::string_view sql) {
  return Statement(*this, sql);
}

int Connection::changes() const {
  return impl_->changes();
}

void Connection::fail(std::string_view what) const {
  impl_->fail(what);
  std::abort();  // not reached: fail() throws
}

int Connection::schema_version() {
  return impl_->schema_version();
}

void Connection::set_schema_version(int version) {
  impl_->set_schema_version(version);
}

void Connection::lock_in_transaction(std::string_view key) {
  impl_->lock_in_transaction(key);
}

Statement::Statement(Connection& connection, std::string_view sql)
    : impl_(connection.impl().prepare(sql)) {}

Statement::Statement(Statement&& other) noexcept = default;
Statement::~Statement() = default;

Statement& Statement::bind(int index, std::int64_t value) {
  impl_->bind_int(index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  impl_->bind_double(index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  impl_->bind_text(index, text);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  impl_->bind_blob(index, bytes);
  return *this;
}

Statement& Statement::bind_null(int index) {
  impl_->bind_null(index);
  return *this;
}

bool Statement::step() {
  return impl_->step();
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  impl_->reset();
}

std::int64_t Statement::column_int(int index) const {
  return impl_->column_int(index);
}

double Statement::column_double(int index) const {
  return impl_->column_double(index);
}

std::string Statement::column_text(int index) const {
  return impl_->column_text(index);
}

std::string_view Statement::column_blob(int index) const {
  return impl_->column_blob(index);
}

bool Statement::column_is_null(int index) const {
  return impl_->column_kind(index) == ValueKind::kNull;
}

ValueKind Statement::column_kind(int index) const {
  return impl_->column_kind(index);
}

int Statement::column_count() const {
  return impl_->column_count();
}

std::string Statement::column_name(int index) const {
  return impl_->column_name(index);
}

BulkInsert::BulkInsert(Connection& connection, std::string_view table, std::string_view columns)
    : impl_(connection.impl().bulk(table, columns)) {}
BulkInsert::~BulkInsert() = default;

BulkInsert& BulkInsert::add(std::int64_t value) {
  impl_->add_int(value);
  return *this;
}

BulkInsert& BulkInsert::add(double value) {
  if (std::isfinite(value)) {
    impl_->add_double(value);
  } else {
    impl_->add_null();
  }
  return *this;
}

BulkInsert& BulkInsert::add(std::string_view text) {
  impl_->add_text(text);
  return *this;
}

BulkInsert& BulkInsert::add_blob(std::string_view bytes) {
  impl_->add_blob(bytes);
  return *this;
}

BulkInsert& BulkInsert::add_null() {
  impl_->add_null();
  return *this;
}

void BulkInsert::end_row() {
  impl_->end_row();
}

void BulkInsert::finish() {
  impl_->finish();
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.impl().begin();
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.exec("ROLLBACK");
    } catch (...) {
    }
  }
}

void Transaction::commit() {
  connection_.exec("COMMIT");
  done_ = true;
}

std::string ddl_for(Backend backend, std::string_view sql) {
  std::string out(sql);
  if (backend == Backend::kSqlite) return out;
  static const RE2 kWithoutRowid(R"(\)\s*WITHOUT ROWID)");
  RE2::GlobalReplace(&out, kWithoutRowid, ")");
  static const RE2 kId(R"(\bINTEGER PRIMARY KEY\b)");
  RE2::GlobalReplace(&out, kId, "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  static const RE2 kInteger(R"(\bINTEGER\b)");
  RE2::GlobalReplace(&out, kInteger, "BIGINT");
  static const RE2 kReal(R"(\bREAL\b)");
  RE2::GlobalReplace(&out, kReal, "DOUBLE PRECISION");
  static const RE2 kBlob(R"(\bBLOB\b)");
  RE2::GlobalReplace(&out, kBlob, "BYTEA");
  // Text sorts and compares by bytes, as in SQLite, whatever the database's locale.
  static const RE2 kText(R"(\bTEXT\b)");
  RE2::GlobalReplace(&out, kText, "TEXT COLLATE \"C\"");
  return out;
}

std::string upsert_sql(std::string_view table, std::string_view columns, std::string_view keys) {
  auto split = [](std::string_view list) {
    std::vector<std::string> out;
    std::string current;
    for (char ch : list) {
      if (ch == ',') {
        out.push_back(current);
        current.clear();
      } else if (ch != ' ') {
        current += ch;
      }
    }
    if (!current.empty()) out.push_back(current);
    return out;
  };
  const auto names = split(columns);
  const auto key_names = split(keys);
  std::string values, updates;
  for (const auto& name : names) {
    values += values.empty() ? "?" : ", ?";
    if (std::find(key_names.begin(), key_names.end(), name) != key_names.end()) continue;
    updates += fmt::format("{}{} = excluded.{}", updates.empty() ? "" : ", ", name, name);
  }
  return fmt::format("INSERT INTO {}({}) VALUES({}) ON CONFLICT({}) DO {}", table, columns, values,
                     keys, updates.empty() ? "NOTHING" : "UPDATE SET " + updates);
}

namespace {

bool word_at(std::string_view sql, std::size_t i, std::string_view word) {
  if (i + word.size() > sql.size()) return false;
  if (i > 0 && (std::isalnum(static_cast<unsigned char>(sql[i - 1])) || sql[i - 1] == '_'))
    return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (std::toupper(static_cast<unsigned char>(sql[i + k])) != word[k]) return false;
  const std::size_t end = i + word.size();
  return end == sql.size() ||
         !(std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_');
}

// " NULLS FIRST" after an ascending ORDER BY term, " NULLS LAST" after a descending one, unless
// the term says where its NULLs go.
std::string null_placement(std::string_view term) {
  std::string upper;
  for (char c : term)
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.find("NULLS") != std::string::npos) return "";
  while (!upper.empty() && std::isspace(static_cast<unsigned char>(upper.back())))
    upper.pop_back();
  const bool descending =
      upper.size() >= 4 && upper.compare(upper.size() - 4, 4, "DESC") == 0 &&
      (upper.size() == 4 || !std::isalnum(static_cast<unsigned char>(upper[upper.size() - 5])));
  return descending ? " NULLS LAST" : " NULLS FIRST";
}

}  // namespace

std::string postgres_null_order(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 32);
  struct Order {
    int depth;
    std::size_t term_start;  // in `out`
  };
  std::vector<Order> orders;
  int depth = 0;
  char quote = 0;
  auto close_term = [&](const Order& o) {
    std::size_t end = out.size();
    while (end > o.term_start && std::isspace(static_cast<unsigned char>(out[end - 1])))
      --end;
    const std::string placement =
        null_placement(std::string_view(out).substr(o.term_start, end - o.term_start));
    out.insert(end, placement);
  };
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    const bool in_order = !orders.empty() && orders.back().depth == depth;
    if (in_order) {
      bool ends = c == ';' || (c == ')' && depth == orders.back().depth);
      for (std::string_view keyword :
           {"LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "FETCH", "RETURNING"})
        ends = ends || word_at(sql, i, keyword);
      if (ends) {
        close_term(orders.back());
        orders.pop_back();
      } else if (c == ',') {
        close_term(orders.back());
        out += c;
        orders.back().term_start = out.size();
        continue;
      }
    }
    if (c == '(') ++depth;
    if (c == ')') {
      --depth;
      while (!orders.empty() && orders.back().depth > depth) {
        close_term(orders.back());
        orders.pop_back();
      }
    }
    if (word_at(sql, i, "ORDER")) {
      std::size_t j = i + 5;
      while (j < sql.size() && std::isspace(static_cast<unsigned char>(sql[j])))
        ++j;
      if (word_at(sql, j, "BY")) {
        out.append(sql.substr(i, j + 2 - i));
        i = j + 1;
        orders.push_back({depth, out.size()});
        continue;
      }
    }
    out += c;
  }
  while (!orders.empty()) {
    close_term(orders.back());
    orders.pop_back();
  }
  return out;
}

std::string postgres_parameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int highest = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;  // a doubled quote re-opens at once: same result
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    int number = 0;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
      number = number * 10 + (sql[j++] - '0');
    if (j == i + 1) number = highest + 1;
    highest = std::max(highest, number);
    out += '$';
    out += std::to_string(number);
    i = j - 1;
  }
  return out;
}

}  // namespace secnlp::store
