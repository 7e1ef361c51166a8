// The SQLite backend of store::Connection: the only file that includes sqlite3.h.

#include <sqlite3.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "common/error.h"
#include "pipeline/store/database.h"

namespace secnlp::store::detail {
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

// byte_slice(text, start, length): the bytes of `text` from 1-based byte `start`, as a blob
// (what `substr(CAST(text AS BLOB), start, length)` gives; PostgreSQL has the same function).
void byte_slice(sqlite3_context* context, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* bytes = static_cast<const char*>(sqlite3_value_blob(argv[0]));
  const std::int64_t size = sqlite3_value_bytes(argv[0]);
  std::int64_t begin = sqlite3_value_int64(argv[1]) - 1;
  std::int64_t end = begin + sqlite3_value_int64(argv[2]);
  begin = std::clamp<std::int64_t>(begin, 0, size);
  end = std::clamp<std::int64_t>(end, begin, size);
  sqlite3_result_blob64(context, bytes ? bytes + begin : "",
                        static_cast<sqlite3_uint64>(end - begin), SQLITE_TRANSIENT);
}

class SqliteStatement final : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, const std::string& path, std::string_view sql)
      : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
      fail(fmt::format("cannot prepare '{}'", sql.substr(0, 60)));
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bind_int(int index, std::int64_t value) override {
    check_bind(sqlite3_bind_int64(stmt_, index, value));
  }
  void bind_double(int index, double value) override {
    check_bind(sqlite3_bind_double(stmt_, index, value));
  }
  void bind_text(int index, std::string_view text) override {
    check_bind(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void bind_blob(int index, std::string_view bytes) override {
    check_bind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  }
  void bind_null(int index) override { check_bind(sqlite3_bind_null(stmt_, index)); }

  bool step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset before throwing: a statement left in its failed state answers every later bind
    // with "bad parameter or other API misuse", so one failure would fail all later documents.
    const int code = sqlite3_extended_errcode(db_);
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw Error(ErrorCode::kDatabase, explain(code, fmt::format("step: {}", message)), path_);
  }

  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::int64_t column_int(int index) const override {
    check_number(index);
    return sqlite3_column_int64(stmt_, index);
  }
  double column_double(int index) const override {
    check_number(index);
    return sqlite3_column_double(stmt_, index);
  }
  std::string column_text(int index) const override {
    const auto* p = sqlite3_column_text(stmt_, index);
    const int n = sqlite3_column_bytes(stmt_, index);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
  }
  std::string_view column_blob(int index) const override {
    const void* p = sqlite3_column_blob(stmt_, index);
    const int n = sqlite3_column_bytes(stmt_, index);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string_view();
  }
  ValueKind column_kind(int index) const override {
    switch (sqlite3_column_type(stmt_, index)) {
      case SQLITE_INTEGER:
        return ValueKind::kInteger;
      case SQLITE_FLOAT:
        return ValueKind::kReal;
      case SQLITE_TEXT:
        return ValueKind::kText;
      case SQLITE_BLOB:
        return ValueKind::kBlob;
      default:
        return ValueKind::kNull;
    }
  }
  int column_count() const override { return sqlite3_column_count(stmt_); }
  std::string column_name(int index) const override {
    const char* name = sqlite3_column_name(stmt_, index);
    return name ? name : "";
  }

 private:
  [[noreturn]] void fail(std::string_view what) const {
    throw Error(
        ErrorCode::kDatabase,
        explain(sqlite3_extended_errcode(db_), fmt::format("{}: {}", what, sqlite3_errmsg(db_))),
        path_);
  }
  void check_bind(int rc) const {
    if (rc != SQLITE_OK) fail("bind");
  }
  // A value of the wrong storage class is what flipped bytes inside a record look like: refuse
  // it rather than print garbage. Text that is a number still converts (SQLite's affinity).
  // Text columns are not checked: queries read text through blobs (byte_slice).
  void check_number(int index) const {
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
                  path_);
  }

  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* stmt_ = nullptr;
};

// SQLite in-process: a prepared INSERT run per row is as fast as it gets.
class SqliteBulk final : public BulkImpl {
 public:
  SqliteBulk(sqlite3* db, const std::string& path, const std::string& sql)
      : statement_(db, path, sql) {}
  void add_int(std::int64_t value) override { statement_.bind_int(++column_, value); }
  void add_double(double value) override { statement_.bind_double(++column_, value); }
  void add_text(std::string_view text) override { statement_.bind_text(++column_, text); }
  void add_blob(std::string_view bytes) override { statement_.bind_blob(++column_, bytes); }
  void add_null() override { statement_.bind_null(++column_); }
  void end_row() override {
    while (statement_.step()) {
    }
    statement_.reset();
    column_ = 0;
  }
  void finish() override {}

 private:
  SqliteStatement statement_;
  int column_ = 0;
};

class SqliteConnection final : public ConnectionImpl {
 public:
  SqliteConnection(const std::string& path, bool read_only) : path_(path) {
    const int flags =
        read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "cannot allocate connection";
      sqlite3_close(db_);
      db_ = nullptr;
      throw Error(ErrorCode::kDatabase, "cannot open database: " + message, path);
    }
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_create_function_v2(db_, "byte_slice", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               byte_slice, nullptr, nullptr, nullptr);
    try {
      if (!read_only) {
        use_wal();
        exec("PRAGMA synchronous=NORMAL;");
      }
      exec("PRAGMA foreign_keys=ON;");
    } catch (...) {
      // Not a database (or a damaged one): the destructor will not run, so close here.
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw;
    }
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  // Switching a new file to WAL needs its exclusive lock, and SQLite answers SQLITE_BUSY at
  // once, without the busy handler, when another connection is switching it too (each holds a
  // shared lock the other waits on). Processes opening one new database together (the workers of
  // a run) then failed with "database is locked": retry for the busy timeout, and stop as soon
  // as the file is in WAL mode (whoever switched it).
  void use_wal() {
    for (int attempt = 0;; ++attempt) {
      const int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
      if (rc == SQLITE_OK) return;
      if ((rc & 0xFF) != SQLITE_BUSY || attempt >= 1000) exec("PRAGMA journal_mode=WAL");
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  void exec(std::string_view sql) override {
    std::string owned(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw Error(ErrorCode::kDatabase, explain(rc, std::move(text)), path_);
    }
  }
  std::unique_ptr<StatementImpl> prepare(std::string_view sql) override {
    return std::make_unique<SqliteStatement>(db_, path_, sql);
  }
  int changes() const override { return sqlite3_changes(db_); }
  std::unique_ptr<BulkImpl> bulk(std::string_view table, std::string_view columns) override {
    std::string marks = "?";
    for (char c : columns)
      if (c == ',') marks += ", ?";
    return std::make_unique<SqliteBulk>(
        db_, path_, fmt::format("INSERT INTO {}({}) VALUES({})", table, columns, marks));
  }
  void begin() override { exec("BEGIN IMMEDIATE"); }
  void begin_read() override { exec("BEGIN"); }
  int schema_version() override {
    SqliteStatement st(db_, path_, "PRAGMA user_version");
    st.step();
    return static_cast<int>(st.column_int(0));
  }
  void set_schema_version(int version) override {
    exec(fmt::format("PRAGMA user_version = {}", version));
  }
  void lock_in_transaction(std::string_view) override {}
  [[noreturn]] void fail(std::string_view what) const override {
    throw Error(
        ErrorCode::kDatabase,
        explain(sqlite3_extended_errcode(db_), fmt::format("{}: {}", what, sqlite3_errmsg(db_))),
        path_);
  }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace

std::unique_ptr<ConnectionImpl> open_sqlite(const std::string& path, bool read_only) {
  return std::make_unique<SqliteConnection>(path, read_only);
}

}  // namespace secnlp::store::detail
