// The PostgreSQL backend of store::Connection, through libpq. libpq is opened on first use
// (dlopen of libpq.so.5) instead of linked: it brings TLS, Kerberos and LDAP libraries whose
// loading would cost every secnlp command start-up time, while only `--db postgresql://...`
// needs them (the same reason corpora/fetch/libcurl.h gives for libcurl).
//
// Statements run through PQexecParams (parse, bind and execute in one round trip): parameters
// are sent as text of unknown type, so that PostgreSQL infers each one's type from its place
// in the statement, as SQLite's loose typing lets the shared SQL assume; blobs are sent as
// binary bytea. Results come as text and are converted on reading; a statement's whole result
// is held in memory until the next reset(), so statements can nest on one connection.

#include <dlfcn.h>
#include <libpq-fe.h>

#include <fmt/format.h>

#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>
#include <vector>

#include "common/error.h"
#include "pipeline/store/database.h"

namespace secnlp::store::detail {
namespace {

constexpr char kSoname[] = "libpq.so.5";

// PostgreSQL type oids (catalog/pg_type.h), for reading text results.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

struct Libpq {
  PGconn* (*connectdb)(const char*);
  ConnStatusType (*status)(const PGconn*);
  char* (*error_message)(const PGconn*);
  void (*finish)(PGconn*);
  PGresult* (*exec)(PGconn*, const char*);
  PGresult* (*exec_params)(PGconn*, const char*, int, const Oid*, const char* const*, const int*,
                           const int*, int);
  ExecStatusType (*result_status)(const PGresult*);
  char* (*result_error_message)(const PGresult*);
  char* (*result_error_field)(const PGresult*, int);
  void (*clear)(PGresult*);
  int (*ntuples)(const PGresult*);
  int (*nfields)(const PGresult*);
  char* (*fname)(const PGresult*, int);
  Oid (*ftype)(const PGresult*, int);
  char* (*getvalue)(const PGresult*, int, int);
  int (*getlength)(const PGresult*, int, int);
  int (*getisnull)(const PGresult*, int, int);
  char* (*cmd_tuples)(PGresult*);
  PQnoticeProcessor (*set_notice_processor)(PGconn*, PQnoticeProcessor, void*);
  int (*put_copy_data)(PGconn*, const char*, int);
  int (*put_copy_end)(PGconn*, const char*);
  PGresult* (*get_result)(PGconn*);
};

Libpq open_libpq() {
  void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr)
    throw Error(ErrorCode::kResource,
                std::string("cannot load libpq, which a postgresql:// database needs (Debian "
                            "package libpq5): ") +
                    dlerror(),
                kSoname);
  auto get = [&]<typename Fn>(Fn& fn, const char* name) {
    fn = reinterpret_cast<Fn>(dlsym(handle, name));
    if (fn == nullptr)
      throw Error(ErrorCode::kResource, std::string("libpq lacks ") + name, kSoname);
  };
  Libpq api{};
  get(api.connectdb, "PQconnectdb");
  get(api.status, "PQstatus");
  get(api.error_message, "PQerrorMessage");
  get(api.finish, "PQfinish");
  get(api.exec, "PQexec");
  get(api.exec_params, "PQexecParams");
  get(api.result_status, "PQresultStatus");
  get(api.result_error_message, "PQresultErrorMessage");
  get(api.result_error_field, "PQresultErrorField");
  get(api.clear, "PQclear");
  get(api.ntuples, "PQntuples");
  get(api.nfields, "PQnfields");
  get(api.fname, "PQfname");
  get(api.ftype, "PQftype");
  get(api.getvalue, "PQgetvalue");
  get(api.getlength, "PQgetlength");
  get(api.getisnull, "PQgetisnull");
  get(api.cmd_tuples, "PQcmdTuples");
  get(api.set_notice_processor, "PQsetNoticeProcessor");
  get(api.put_copy_data, "PQputCopyData");
  get(api.put_copy_end, "PQputCopyEnd");
  get(api.get_result, "PQgetResult");
  return api;  // never closed
}

const Libpq& pq() {
  static const Libpq api = open_libpq();
  return api;
}

std::string trimmed(const char* message) {
  std::string out = message ? message : "unknown error";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
    out.pop_back();
  return out;
}

// Owns a PGresult.
struct Result {
  PGresult* get = nullptr;
  Result() = default;
  explicit Result(PGresult* r) : get(r) {}
  Result(Result&& o) noexcept : get(o.get) { o.get = nullptr; }
  Result& operator=(Result&& o) noexcept {
    std::swap(get, o.get);
    return *this;
  }
  ~Result() {
    if (get) pq().clear(get);
  }
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea's text output ("\x48656c6c6f") as bytes.
std::string decode_bytea(std::string_view text) {
  std::string out;
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text);
  out.resize((text.size() - 2) / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>(hex_value(text[2 + 2 * i]) * 16 + hex_value(text[3 + 2 * i]));
  return out;
}

class PostgresConnection;

class PostgresStatement final : public StatementImpl {
 public:
  PostgresStatement(PostgresConnection& connection, std::string_view sql);

  void bind_int(int index, std::int64_t value) override { set(index, std::to_string(value), 0); }
  void bind_double(int index, double value) override { set(index, fmt::format("{}", value), 0); }
  void bind_text(int index, std::string_view text) override { set(index, std::string(text), 0); }
  void bind_blob(int index, std::string_view bytes) override { set(index, std::string(bytes), 1); }
  void bind_null(int index) override {
    slot(index);
    values_[static_cast<std::size_t>(index - 1)].reset();
  }

  bool step() override;
  void reset() override {
    result_ = Result();
    row_ = -1;
    values_.clear();
    formats_.clear();
    blobs_.clear();
  }

  std::int64_t column_int(int index) const override {
    if (null(index)) return 0;
    const Oid type = pq().ftype(result_.get, index);
    if (type == kBool) return *value(index) == 't' ? 1 : 0;
    const char* text = value(index);
    char* end = nullptr;
    const long long whole = std::strtoll(text, &end, 10);
    if (*end == '\0' && end != text) return whole;
    return static_cast<std::int64_t>(number(index));
  }
  double column_double(int index) const override {
    if (null(index)) return 0;
    if (pq().ftype(result_.get, index) == kBool) return *value(index) == 't' ? 1 : 0;
    return number(index);
  }
  std::string column_text(int index) const override {
    if (null(index)) return {};
    return std::string(column_blob(index));
  }
  std::string_view column_blob(int index) const override {
    if (null(index)) return {};
    const char* text = value(index);
    const auto length = static_cast<std::size_t>(pq().getlength(result_.get, row_, index));
    if (pq().ftype(result_.get, index) != kBytea) return {text, length};
    if (blobs_.size() <= static_cast<std::size_t>(index)) blobs_.resize(index + 1);
    blobs_[static_cast<std::size_t>(index)] = decode_bytea({text, length});
    return blobs_[static_cast<std::size_t>(index)];
  }
  ValueKind column_kind(int index) const override {
    if (null(index)) return ValueKind::kNull;
    switch (pq().ftype(result_.get, index)) {
      case kBool:
      case kInt2:
      case kInt4:
      case kInt8:
      case kOid:
        return ValueKind::kInteger;
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return ValueKind::kReal;
      case kBytea:
        return ValueKind::kBlob;
      default:
        return ValueKind::kText;
    }
  }
  int column_count() const override { return result_.get ? pq().nfields(result_.get) : 0; }
  std::string column_name(int index) const override {
    return result_.get ? pq().fname(result_.get, index) : "";
  }

 private:
  void slot(int index) {
    if (index < 1) throw Error(ErrorCode::kDatabase, "bind: parameter index below 1", sql_);
    if (values_.size() < static_cast<std::size_t>(index)) {
      values_.resize(static_cast<std::size_t>(index));
      formats_.resize(static_cast<std::size_t>(index), 0);
    }
  }
  void set(int index, std::string value, int format) {
    slot(index);
    values_[static_cast<std::size_t>(index - 1)] = std::move(value);
    formats_[static_cast<std::size_t>(index - 1)] = format;
  }
  bool null(int index) const {
    return result_.get == nullptr || row_ < 0 || pq().getisnull(result_.get, row_, index);
  }
  const char* value(int index) const { return pq().getvalue(result_.get, row_, index); }
  double number(int index) const {
    if (pq().ftype(result_.get, index) == kBytea) not_a_number(index, "a blob");
    const char* text = value(index);
    char* end = nullptr;
    const double v = std::strtod(text, &end);
    if (end == text || *end != '\0') not_a_number(index, "non-numeric text");
    return v;
  }
  [[noreturn]] void not_a_number(int index, const char* what) const;

  PostgresConnection& connection_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
  Result result_;
  int row_ = -1;
  mutable std::vector<std::string> blobs_;
};

void quiet(void*, const char*) {}

// COPY's text format: tab-separated columns, one line per row, \N for NULL; backslash, tab,
// newline and carriage return escaped; bytea as \\x hex.
class PostgresBulk final : public BulkImpl {
 public:
  PostgresBulk(PostgresConnection& connection, std::string_view table, std::string_view columns)
      : connection_(connection), sql_(fmt::format("COPY {}({}) FROM STDIN", table, columns)) {}
  void add_int(std::int64_t value) override { field(std::to_string(value)); }
  void add_double(double value) override { field(fmt::format("{}", value)); }
  void add_text(std::string_view text) override {
    separate();
    for (char c : text) {
      switch (c) {
        case '\\':
          buffer_ += "\\\\";
          break;
        case '\t':
          buffer_ += "\\t";
          break;
        case '\n':
          buffer_ += "\\n";
          break;
        case '\r':
          buffer_ += "\\r";
          break;
        default:
          buffer_ += c;
      }
    }
  }
  void add_blob(std::string_view bytes) override {
    static constexpr char kHex[] = "0123456789abcdef";
    separate();
    buffer_ += "\\\\x";
    for (unsigned char c : bytes) {
      buffer_ += kHex[c >> 4];
      buffer_ += kHex[c & 15];
    }
  }
  void add_null() override { field("\\N"); }
  void end_row() override {
    buffer_ += '\n';
    first_ = true;
    ++rows_;
  }
  void finish() override;

 private:
  void separate() {
    if (!first_) buffer_ += '\t';
    first_ = false;
  }
  void field(std::string_view text) {
    separate();
    buffer_ += text;
  }

  PostgresConnection& connection_;
  std::string sql_;
  std::string buffer_;
  bool first_ = true;
  std::size_t rows_ = 0;
};

class PostgresConnection final : public ConnectionImpl {
 public:
  PostgresConnection(const std::string& url, const std::string& display) : display_(display) {
    conn_ = pq().connectdb(url.c_str());
    if (conn_ == nullptr || pq().status(conn_) != CONNECTION_OK) {
      const std::string message = conn_ ? trimmed(pq().error_message(conn_)) : "out of memory";
      if (conn_) pq().finish(conn_);
      conn_ = nullptr;
      throw Error(ErrorCode::kDatabase, "cannot open database: " + message, display_);
    }
    // NOTICE messages ("relation already exists, skipping") would go to stderr unasked.
    pq().set_notice_processor(conn_, quiet, nullptr);
    exec("SET client_min_messages = warning; SET standard_conforming_strings = on");
  }
  ~PostgresConnection() override {
    if (conn_) pq().finish(conn_);
  }

  void exec(std::string_view sql) override {
    Result r(pq().exec(conn_, std::string(sql).c_str()));
    check(r, sql);
    changes_ = count(r);
  }
  std::unique_ptr<StatementImpl> prepare(std::string_view sql) override {
    return std::make_unique<PostgresStatement>(*this, sql);
  }
  int changes() const override { return changes_; }
  std::unique_ptr<BulkImpl> bulk(std::string_view table, std::string_view columns) override {
    return std::make_unique<PostgresBulk>(*this, table, columns);
  }
  void begin() override { exec("BEGIN"); }
  void begin_read() override { exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  int schema_version() override {
    Result r(pq().exec(conn_, "SELECT to_regclass('secnlp_schema') IS NOT NULL"));
    check(r, "schema version");
    if (std::string_view(pq().getvalue(r.get, 0, 0)) != "t") return 0;
    Result v(pq().exec(conn_, "SELECT max(version) FROM secnlp_schema"));
    check(v, "schema version");
    if (pq().ntuples(v.get) == 0 || pq().getisnull(v.get, 0, 0)) return 0;
    return std::atoi(pq().getvalue(v.get, 0, 0));
  }
  void set_schema_version(int version) override {
    exec(
        fmt::format("CREATE TABLE IF NOT EXISTS secnlp_schema (version INTEGER NOT NULL); "
                    "DELETE FROM secnlp_schema; INSERT INTO secnlp_schema (version) VALUES ({})",
                    version));
  }
  void lock_in_transaction(std::string_view key) override {
    const std::string owned(key);
    const char* values[] = {owned.c_str()};
    Result r(pq().exec_params(
        conn_, "SELECT pg_advisory_xact_lock(hashtextextended($1 || current_schema(), 0))", 1,
        nullptr, values, nullptr, nullptr, 0));
    check(r, "lock");
  }
  [[noreturn]] void fail(std::string_view what) const override {
    throw Error(ErrorCode::kDatabase,
                fmt::format("{}: {}", what, trimmed(pq().error_message(conn_))), display_);
  }

  // Throws Error(kDatabase) unless `r` succeeded; the message has the SQLSTATE and the start of
  // the statement.
  void check(const Result& r, std::string_view sql) const {
    const ExecStatusType status = r.get ? pq().result_status(r.get) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = r.get ? pq().result_error_field(r.get, PG_DIAG_SQLSTATE) : nullptr;
    const std::string message =
        trimmed(r.get ? pq().result_error_message(r.get) : pq().error_message(conn_));
    throw Error(
        ErrorCode::kDatabase,
        fmt::format("{} (SQLSTATE {}) in '{}'", message, state ? state : "?", sql.substr(0, 60)),
        display_);
  }
  static int count(const Result& r) {
    const char* n = r.get ? pq().cmd_tuples(r.get) : nullptr;
    return n && *n ? std::atoi(n) : 0;
  }

  PGconn* conn_ = nullptr;
  std::string display_;
  int changes_ = 0;
};

void PostgresBulk::finish() {
  if (rows_ == 0) return;
  PGconn* conn = connection_.conn_;
  {
    Result start(pq().exec(conn, sql_.c_str()));
    if (!start.get || pq().result_status(start.get) != PGRES_COPY_IN)
      connection_.check(start, sql_);
  }
  if (pq().put_copy_data(conn, buffer_.data(), static_cast<int>(buffer_.size())) != 1 ||
      pq().put_copy_end(conn, nullptr) != 1)
    connection_.fail("COPY");
  // The outcome, then the end of results.
  std::exception_ptr failure;
  while (PGresult* r = pq().get_result(conn)) {
    Result owned(r);
    try {
      connection_.check(owned, sql_);
    } catch (const Error&) {
      if (!failure) failure = std::current_exception();
    }
  }
  buffer_.clear();
  rows_ = 0;
  if (failure) std::rethrow_exception(failure);
}

PostgresStatement::PostgresStatement(PostgresConnection& connection, std::string_view sql)
    : connection_(connection), sql_(postgres_parameters(postgres_null_order(sql))) {}

bool PostgresStatement::step() {
  if (!result_.get) {
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    std::vector<Oid> types(values_.size(), 0);
    for (std::size_t i = 0; i < values_.size(); ++i) {
      if (values_[i]) {
        values[i] = values_[i]->data();
        lengths[i] = static_cast<int>(values_[i]->size());
      }
      if (formats_[i] == 1) types[i] = kBytea;
    }
    Result r(pq().exec_params(connection_.conn_, sql_.c_str(), static_cast<int>(values_.size()),
                              types.data(), values.data(), lengths.data(), formats_.data(), 0));
    connection_.check(r, sql_);
    connection_.changes_ = PostgresConnection::count(r);
    result_ = std::move(r);
    row_ = -1;
  }
  ++row_;
  return row_ < pq().ntuples(result_.get);
}

void PostgresStatement::not_a_number(int index, const char* what) const {
  throw Error(ErrorCode::kDatabase,
              fmt::format("column '{}' of '{}' holds {} where a number was expected",
                          column_name(index), std::string_view(sql_).substr(0, 60), what),
              connection_.display_);
}

}  // namespace

std::unique_ptr<ConnectionImpl> open_postgres(const std::string& url, const std::string& display) {
  return std::make_unique<PostgresConnection>(url, display);
}

}  // namespace secnlp::store::detail
