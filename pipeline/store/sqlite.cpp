#include "pipeline/store/sqlite.h"

#include <fmt/format.h>

#include <cstdlib>

#include "common/error.h"

namespace secnlp::store {

Connection::Connection(const std::string& path, bool read_only) : path_(path) {
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "cannot allocate connection";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorCode::kDatabase, "cannot open database: " + message, path);
  }
  sqlite3_busy_timeout(db_, 10000);
  sqlite3_extended_result_codes(db_, 1);
  try {
    if (!read_only) exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    exec("PRAGMA foreign_keys=ON;");
  } catch (...) {
    // Not a database (or a damaged one): the destructor will not run, so close here.
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Connection::~Connection() {
  sqlite3_close_v2(db_);
}

namespace {

// SQLite's message, plus what to do when the file itself is damaged (SQLITE_CORRUPT,
// SQLITE_NOTADB): such errors are kDatabase (exit 4) like every other SQLite failure.
std::string explain(int code, std::string message) {
  const int primary = code & 0xff;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    message +=
        " (the database file is damaged or is not a secnlp database; `secnlp check --db "
        "FILE` reports what is wrong)";
  return message;
}

}  // namespace

void Connection::fail(std::string_view what) const {
  throw Error(
      ErrorCode::kDatabase,
      explain(sqlite3_extended_errcode(db_), fmt::format("{}: {}", what, sqlite3_errmsg(db_))),
      path_);
}

void Connection::exec(std::string_view sql) {
  std::string owned(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error(ErrorCode::kDatabase, explain(rc, std::move(text)), path_);
  }
}

Statement Connection::prepare(std::string_view sql) {
  return Statement(*this, sql);
}

std::int64_t Connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const {
  return sqlite3_changes(db_);
}

Statement::Statement(Connection& connection, std::string_view sql) : connection_(&connection) {
  if (sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_,
                         nullptr) != SQLITE_OK) {
    connection.fail(fmt::format("cannot prepare '{}'", sql.substr(0, 60)));
  }
}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) connection_->fail("bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) connection_->fail("bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
      SQLITE_OK)
    connection_->fail("bind");
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
    connection_->fail("bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) connection_->fail("bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset before throwing: a statement left in its failed state answers every later bind with
  // "bad parameter or other API misuse", so one failure would fail all later documents.
  const int code = sqlite3_extended_errcode(connection_->handle());
  const std::string message = sqlite3_errmsg(connection_->handle());
  sqlite3_reset(stmt_);
  throw Error(ErrorCode::kDatabase, explain(code, fmt::format("step: {}", message)),
              connection_->path());
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

// A value of the wrong storage class is what flipped bytes inside a record look like: refuse it
// rather than print garbage. Text that is a number still converts (SQLite's affinity). Text
// columns are not checked: queries read text through blobs (substr of CAST AS BLOB).
void Statement::check_number(int index) const {
  const int type = sqlite3_column_type(stmt_, index);
  bool ok = type != SQLITE_BLOB;
  if (type == SQLITE_TEXT) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
    char* end = nullptr;
    ok = p != nullptr && *p != '\0' && (static_cast<void>(std::strtod(p, &end)), *end == '\0');
  }
  if (!ok)
    throw Error(ErrorCode::kDatabase,
                explain(SQLITE_CORRUPT,
                        fmt::format("column '{}' of '{}' holds {} where a number was expected",
                                    sqlite3_column_name(stmt_, index),
                                    std::string_view(sqlite3_sql(stmt_)).substr(0, 60),
                                    type == SQLITE_BLOB ? "a blob" : "non-numeric text")),
                connection_->path());
}

std::int64_t Statement::column_int(int index) const {
  check_number(index);
  return sqlite3_column_int64(stmt_, index);
}

double Statement::column_double(int index) const {
  check_number(index);
  return sqlite3_column_double(stmt_, index);
}

std::string Statement::column_text(int index) const {
  const auto* p = sqlite3_column_text(stmt_, index);
  const int n = sqlite3_column_bytes(stmt_, index);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
           : std::string();
}

std::string_view Statement::column_blob(int index) const {
  const void* p = sqlite3_column_blob(stmt_, index);
  const int n = sqlite3_column_bytes(stmt_, index);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n))
           : std::string_view();
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.exec("BEGIN IMMEDIATE");
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

}  // namespace secnlp::store
