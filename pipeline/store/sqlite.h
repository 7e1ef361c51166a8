#pragma once
// Thin RAII adapter over the SQLite C API: the only header that includes sqlite3.h.
// Every failure throws secnlp::Error(kDatabase) carrying SQLite's message and the database path;
// a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) says so and points to `secnlp check`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace secnlp::store {

class Statement;

class Connection {
 public:
  // Opens (creating if needed) the database file; sets WAL mode, a busy timeout, and foreign
  // keys on. `read_only` opens without creating.
  explicit Connection(const std::string& path, bool read_only = false);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. Bind with 1-based indexes; step() returns true while rows come.
class Statement {
 public:
  Statement(Connection& connection, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::uint64_t value) {
    return bind(index, static_cast<std::int64_t>(value));
  }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  bool step();   // true: a row is available
  void run();    // step() to completion, then reset
  void reset();  // ready to bind and run again

  // Column values of the current row. column_int / column_double accept integers, reals, NULL
  // (0) and numeric text; a blob or other text (what a damaged record looks like) throws
  // Error(kDatabase) naming the column. column_text takes any value.
  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string_view column_blob(int index) const;  // valid until the next step()
  bool column_is_null(int index) const;

 private:
  void check_number(int index) const;

  Connection* connection_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Commits on commit(), rolls back on destruction otherwise.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace secnlp::store
