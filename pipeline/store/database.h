#pragma once
// The one door to the results database: a connection, prepared statements and transactions,
// with SQLite (a file path, the embedded default) or PostgreSQL (a `postgresql://` URL) behind
// it. No header outside pipeline/store/ sees sqlite3.h or libpq-fe.h.
//
// SQL is written once for both backends:
//   - parameters are `?` or `?N` (1-based); PostgreSQL receives them as `$N`;
//   - upserts use `INSERT ... ON CONFLICT (...) DO UPDATE/NOTHING`, new ids come back through
//     `RETURNING id` (both engines have both);
//   - functions the two engines spell differently exist in both under one name: `instr(a, b)`,
//     `json_extract(json, '$.key')`, and `byte_slice(text, start, length)` — the UTF-8 bytes of
//     a text from 1-based byte `start` (a blob; `column_text` reads it as text);
//   - DDL of shared migrations uses INTEGER/REAL/TEXT/BLOB and `INTEGER PRIMARY KEY` for ids;
//     `ddl_for()` maps them (BIGINT, DOUBLE PRECISION, TEXT COLLATE "C", BYTEA, identity).
// Every failure throws secnlp::Error(kDatabase) with the engine's message and the database's
// location (a URL without its password); a damaged SQLite file says so and points to
// `secnlp check`.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/store/location.h"

namespace secnlp::store {

enum class Backend { kSqlite, kPostgres };

// Throws Error(kIo, "no such database (run `secnlp process` first)") when `location` is a file
// path that does not exist; a URL is checked when it is opened.
void require_database(const std::string& location);

// What a column value is, for code that copies or compares whole tables.
enum class ValueKind { kNull, kInteger, kReal, kText, kBlob };

namespace detail {

class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void bind_int(int index, std::int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual std::int64_t column_int(int index) const = 0;
  virtual double column_double(int index) const = 0;
  virtual std::string column_text(int index) const = 0;
  virtual std::string_view column_blob(int index) const = 0;
  virtual ValueKind column_kind(int index) const = 0;
  virtual int column_count() const = 0;
  virtual std::string column_name(int index) const = 0;
};

class BulkImpl {
 public:
  virtual ~BulkImpl() = default;
  virtual void add_int(std::int64_t value) = 0;
  virtual void add_double(double value) = 0;
  virtual void add_text(std::string_view text) = 0;
  virtual void add_blob(std::string_view bytes) = 0;
  virtual void add_null() = 0;
  virtual void end_row() = 0;
  virtual void finish() = 0;
};

class ConnectionImpl {
 public:
  virtual ~ConnectionImpl() = default;
  virtual std::unique_ptr<BulkImpl> bulk(std::string_view table, std::string_view columns) = 0;
  virtual void exec(std::string_view sql) = 0;
  virtual std::unique_ptr<StatementImpl> prepare(std::string_view sql) = 0;
  virtual int changes() const = 0;
  virtual void begin() = 0;
  virtual void begin_read() = 0;
  virtual int schema_version() = 0;
  virtual void set_schema_version(int version) = 0;
  virtual void lock_in_transaction(std::string_view key) = 0;
  [[noreturn]] virtual void fail(std::string_view what) const = 0;
};

}  // namespace detail

class Statement;

class Connection {
 public:
  // Opens `location`: a PostgreSQL URL (credentials from the URL, PGPASSFILE/.pgpass or the
  // PG* variables, as libpq reads them), or a SQLite file, created if needed (WAL mode, a busy
  // timeout, foreign keys on). `read_only` opens a file without creating it.
  explicit Connection(const std::string& location, bool read_only = false);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Backend backend() const { return backend_; }
  // The location as given (keep it out of logs: display_location() hides the password).
  const std::string& location() const { return location_; }
  // The location for messages.
  const std::string& path() const { return display_; }

  // Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int changes() const;
  [[noreturn]] void fail(std::string_view what) const;

  // The schema version (SQLite: PRAGMA user_version; PostgreSQL: a one-row table).
  int schema_version();
  void set_schema_version(int version);
  // Inside a transaction: waits for, then holds until the transaction ends, an exclusive lock
  // named `key`, so that writers racing on one document (or on a migration) take turns. A no-op
  // on SQLite, whose write transactions are already exclusive; on PostgreSQL an advisory lock
  // on the key and the current schema (a secnlp database is a schema, `public` by default).
  void lock_in_transaction(std::string_view key);

  detail::ConnectionImpl& impl() { return *impl_; }

 private:
  friend class Transaction;
  friend class ReadSnapshot;
  Backend backend_;
  std::string location_;
  std::string display_;
  std::unique_ptr<detail::ConnectionImpl> impl_;
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
  void reset();  // ready to bind and run again (bindings cleared)

  // Column values of the current row. column_int / column_double accept integers, reals, NULL
  // (0) and numeric text; a blob or other text (what a damaged record looks like) throws
  // Error(kDatabase) naming the column. column_text takes any value.
  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string_view column_blob(int index) const;  // valid until the next step()
  bool column_is_null(int index) const;
  ValueKind column_kind(int index) const;
  int column_count() const;
  std::string column_name(int index) const;

 private:
  std::unique_ptr<detail::StatementImpl> impl_;
};

// Rows for one table written in bulk: PostgreSQL's COPY ... FROM STDIN (all rows in one round
// trip), SQLite's prepared INSERT per row (already in-process). Plain inserts: a row whose key
// exists fails, so callers write rows they have just cleared. Values in column order, then
// end_row(); finish() writes what is pending (the destructor drops it).
class BulkInsert {
 public:
  BulkInsert(Connection& connection, std::string_view table, std::string_view columns);
  ~BulkInsert();
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  BulkInsert& add(std::int64_t value);
  BulkInsert& add(int value) { return add(static_cast<std::int64_t>(value)); }
  BulkInsert& add(std::uint64_t value) { return add(static_cast<std::int64_t>(value)); }
  BulkInsert& add(double value);  // NaN and infinities become NULL
  BulkInsert& add(std::string_view text);
  BulkInsert& add(const std::string& text) { return add(std::string_view(text)); }
  BulkInsert& add(const char* text) { return add(std::string_view(text)); }
  BulkInsert& add_blob(std::string_view bytes);
  BulkInsert& add_null();
  void end_row();
  void finish();

 private:
  std::unique_ptr<detail::BulkImpl> impl_;
};

// Commits on commit(), rolls back on destruction otherwise. SQLite: BEGIN IMMEDIATE (the write
// lock at once); PostgreSQL: BEGIN (READ COMMITTED).
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

// A read-only transaction around a query of many statements: one consistent snapshot, and on
// SQLite one shared lock instead of a lock and a file check per statement (`terms` ran ~1,900
// statements in autocommit mode: ~10 ms of its start-up, issue 17). SQLite: BEGIN (deferred);
// PostgreSQL: BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY. Ends on destruction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& connection);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Connection& connection_;
};

// `sql` (DDL in the shared subset: INTEGER, REAL, TEXT, BLOB, `INTEGER PRIMARY KEY`,
// `WITHOUT ROWID`) as `backend` spells it.
std::string ddl_for(Backend backend, std::string_view sql);
// "INSERT INTO table(columns) VALUES(?, ...) ON CONFLICT(keys) DO UPDATE SET c = excluded.c, ..."
// (or DO NOTHING when every column is a key): writes a row or replaces the one with the same
// key, on both backends. `columns` and `keys` are comma-separated column names.
std::string upsert_sql(std::string_view table, std::string_view columns, std::string_view keys);
// `sql` with `?`/`?N` parameters as PostgreSQL's `$N` (quoted text and identifiers untouched).
std::string postgres_parameters(std::string_view sql);
// `sql` with SQLite's NULL order spelled out for PostgreSQL: every ORDER BY term without its own
// NULLS clause gets NULLS FIRST (ascending) or NULLS LAST (descending), where SQLite puts them,
// so that both engines return rows in one order (and sums over them are the same to the bit).
std::string postgres_null_order(std::string_view sql);

namespace detail {
std::unique_ptr<ConnectionImpl> open_sqlite(const std::string& path, bool read_only);
std::unique_ptr<ConnectionImpl> open_postgres(const std::string& url, const std::string& display);
}  // namespace detail

}  // namespace secnlp::store
