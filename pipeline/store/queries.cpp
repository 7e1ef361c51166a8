#include "pipeline/store/queries.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/error.h"
#include "common/json.h"
#include "common/log.h"
#include "nlp/sec/section_map.h"
#include "pipeline/names.h"
#include "pipeline/store/database.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::store {
namespace {

// Throws Error(kIo) when the database file does not exist (reading never creates one).
const std::filesystem::path& existing(const std::filesystem::path& db) {
  require_database(db.string());
  return db;
}

// WHERE clause over documents d, with its parameters in order.
std::pair<std::string, std::vector<std::string>> where_clause(const DocumentFilter& f) {
  std::string sql = " WHERE d.status = 'ok'";
  std::vector<std::string> params;
  auto add = [&](const char* condition, std::string value) {
    sql += condition;
    params.push_back(std::move(value));
  };
  if (f.cik) {
    std::string cik = *f.cik;
    cik.erase(0, std::min(cik.find_first_not_of('0'), cik.size()));
    add(" AND ltrim(d.cik, '0') = ?", cik);
  }
  if (f.ticker) {
    sql +=
        " AND (upper(d.ticker) = upper(?) OR (d.cik IS NOT NULL AND ltrim(d.cik, '0') IN "
        "(SELECT ltrim(t.cik, '0') FROM documents t WHERE upper(t.ticker) = upper(?) AND "
        "t.cik IS NOT NULL)))";
    params.push_back(*f.ticker);
    params.push_back(*f.ticker);
  }
  if (f.form) add(" AND upper(d.form) = upper(?)", *f.form);
  if (f.year) add(" AND d.fiscal_year = ?", std::to_string(*f.year));
  if (f.path_contains) add(" AND instr(d.path, ?) > 0", *f.path_contains);
  if (f.as_of)
    add(" AND d.available_at IS NOT NULL AND d.available_at <= ?", as_of_bound(*f.as_of));
  return {sql, params};
}

std::vector<std::string> stored_items(Connection& db) {
  std::vector<std::string> items;
  Statement st = db.prepare("SELECT DISTINCT item FROM sections ORDER BY item");
  while (st.step())
    items.push_back(st.column_text(0));
  return items;
}

pipeline::Cell text_or_null(Statement& st, int i) {
  if (st.column_is_null(i)) return std::monostate{};
  return st.column_text(i);
}

// The filing columns every wide table starts with, read from `st`'s columns first .. first + 7
// (d.path, d.cik, d.ticker, d.form, d.fiscal_year, d.accession, d.filed, d.available_at) into
// row[at] .. row[at + 7]: document (the file name), cik, ticker, form, fiscal_year, accession,
// filed, available_at.
constexpr int kFilingColumns = 8;
void put_filing_cells(Statement& st, int first, std::vector<pipeline::Cell>& row, std::size_t at) {
  row[at] = std::filesystem::path(st.column_text(first)).filename().string();
  for (int k = 1; k < kFilingColumns; ++k) {
    if (k == 4) {
      if (!st.column_is_null(first + k)) row[at + 4] = st.column_int(first + k);
    } else {
      row[at + static_cast<std::size_t>(k)] = text_or_null(st, first + k);
    }
  }
}

const std::vector<std::string> kDefaultMetrics = {
    "words", "sentences", "flesch_kincaid_grade", "gunning_fog", "smog", "flesch_reading_ease"};
const std::vector<std::string> kLmMetrics = {"lm_negative",     "lm_positive",     "lm_uncertainty",
                                             "lm_litigious",    "lm_strong_modal", "lm_weak_modal",
                                             "lm_constraining", "lm_negations"};

}  // namespace

std::string resolve_scope(Connection& db, std::string_view name) {
  return pipeline::require_scope(name, stored_items(db));
}

pipeline::ResultTable query_metrics(const MetricsQuery& query) {
  Connection db(existing(query.db).string());
  migrate(db);
  const ReadSnapshot snapshot(db);  // one lock and one snapshot for all its statements
  const std::string scope = resolve_scope(db, query.scope);
  std::set<std::string> available;
  {
    Statement st = db.prepare("SELECT DISTINCT name FROM metrics WHERE scope = ?");
    st.bind(1, scope);
    while (st.step())
      available.insert(st.column_text(0));
  }
  std::vector<std::string> names;
  if (query.names.empty()) {
    for (const auto& n : kDefaultMetrics)
      if (available.count(n)) names.push_back(n);
    for (const auto& n : kLmMetrics)
      if (available.count(n)) names.push_back(n);
  } else if (query.names.size() == 1 && query.names[0] == "all") {
    names.assign(available.begin(), available.end());
  } else {
    names = query.names;
    std::set<std::string> known(available);
    {
      Statement st = db.prepare("SELECT DISTINCT name FROM metrics");
      while (st.step())
        known.insert(st.column_text(0));
    }
    for (const auto& n : pipeline::metric_names())
      known.insert(n.name);
    for (const auto& n : names) {
      if (!known.count(n)) {
        std::vector<std::string> list;
        for (const auto& m : pipeline::metric_names())
          list.push_back(m.name);
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown metric '{}' (known: all, {}; `secnlp names` explains "
                                "each)",
                                n, pipeline::join_names(list)));
      }
      if (!available.count(n)) {
        log_warn("metric '{}' is not stored for {}{}", n,
                 scope.empty() ? "any filing" : "section " + scope,
                 n.rfind("lm_", 0) == 0
                     ? " (LM metrics need `process --lexicon` with that category)"
                     : "");
      }
    }
  }

  pipeline::ResultTable table;
  table.columns = {"document",  "cik",   "ticker",       "form",   "fiscal_year",
                   "accession", "filed", "available_at", "section"};
  const std::size_t first_metric = table.columns.size();
  table.columns.insert(table.columns.end(), names.begin(), names.end());
  std::map<std::string, std::size_t> column_of;
  for (std::size_t i = 0; i < names.size(); ++i)
    column_of[names[i]] = first_metric + i;

  auto [where, params] = where_clause(query.filter);
  Statement docs = db.prepare(
      "SELECT d.id, d.path, d.cik, d.ticker, d.form, d.fiscal_year, d.accession, d.filed, "
      "d.available_at FROM documents d" +
      where + " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path");
  for (std::size_t i = 0; i < params.size(); ++i)
    docs.bind(static_cast<int>(i) + 1, params[i]);
  Statement values = db.prepare("SELECT name, value FROM metrics WHERE doc_id = ? AND scope = ?");
  while (docs.step()) {
    std::vector<pipeline::Cell> row(table.columns.size());
    put_filing_cells(docs, 1, row, 0);
    row[8] = pipeline::scope_label(scope);
    values.bind(1, docs.column_int(0)).bind(2, scope);
    bool any = false;
    while (values.step()) {
      auto it = column_of.find(values.column_text(0));
      if (it == column_of.end() || values.column_is_null(1)) continue;
      row[it->second] = values.column_double(1);
      any = true;
    }
    values.reset();
    if (any || scope.empty()) table.rows.push_back(std::move(row));
  }
  return table;
}

DocumentTermMatrix query_dtm(const TermsQuery& query, bool weighted) {
  Connection db(existing(query.db).string());
  migrate(db);
  const ReadSnapshot snapshot(db);  // one lock and one snapshot for all its statements
  const std::string scope = resolve_scope(db, query.scope);
  auto [where, params] = where_clause(query.filter);
  // Point-in-time order, not insertion order: the sums of query_terms then do not depend on
  // how the database was filled.
  Statement st = db.prepare(
      "SELECT v.data, d.id, d.path, d.cik, d.ticker, d.form, d.fiscal_year, d.accession, "
      "d.filed, d.available_at FROM term_vectors v JOIN documents d ON d.id = v.doc_id" +
      where + " AND v.scope = ? ORDER BY d.available_at, d.accession, d.content_hash, d.id");
  int index = 1;
  for (const auto& p : params)
    st.bind(index++, p);
  st.bind(index, scope);
  DocumentTermMatrix m;
  m.rows.columns = {"doc_id",      "document",  "cik",   "ticker",       "form",
                    "fiscal_year", "accession", "filed", "available_at", "section"};
  std::vector<std::vector<TermIdCount>> vectors;
  while (st.step()) {
    vectors.push_back(decode_term_vector(st.column_blob(0)));
    std::vector<pipeline::Cell> row(m.rows.columns.size());
    row[0] = st.column_int(1);
    put_filing_cells(st, 2, row, 1);
    row[9] = pipeline::scope_label(scope);
    m.rows.rows.push_back(std::move(row));
  }
  m.indptr.push_back(0);
  if (vectors.empty()) return m;

  // The terms present, in sklearn's vocabulary order (code points = UTF-8 bytes).
  std::unordered_map<std::uint32_t, std::size_t> column_of;  // stored id -> column
  std::vector<std::pair<std::string, std::uint32_t>> terms;  // (term, stored id)
  {
    Statement term = db.prepare("SELECT term FROM vocabulary WHERE id = ?");
    for (const auto& vec : vectors) {
      for (const auto& [id, count] : vec) {
        if (!column_of.emplace(id, 0).second) continue;
        term.bind(1, static_cast<std::int64_t>(id));
        terms.emplace_back(term.step() ? term.column_text(0) : fmt::format("#{}", id), id);
        term.reset();
      }
    }
  }
  std::sort(terms.begin(), terms.end());
  std::vector<std::uint32_t> df(terms.size(), 0);
  std::vector<std::int64_t> tf(terms.size(), 0);
  for (std::size_t c = 0; c < terms.size(); ++c)
    column_of[terms[c].second] = c;
  for (auto& vec : vectors) {
    for (auto& [id, count] : vec) {
      if (query.vocabulary.binary) count = 1;
      const std::size_t c = column_of[id];
      ++df[c];
      tf[c] += count;
    }
  }
  const std::size_t n_docs = vectors.size();
  const std::vector<std::size_t> kept = nlp::select_features(df, tf, n_docs, query.vocabulary);

  // Kept terms become columns 0..k-1; weight every document as TfidfTransformer does.
  std::vector<std::int64_t> kept_column(terms.size(), -1);
  m.vocabulary.reserve(kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k) {
    kept_column[kept[k]] = static_cast<std::int64_t>(k);
    m.vocabulary.push_back(terms[kept[k]].first);
    m.df.push_back(df[kept[k]]);
    m.count.push_back(tf[kept[k]]);
  }
  if (weighted) m.idf = nlp::idf_from_df(m.df, n_docs, query.tfidf);
  std::vector<std::pair<std::uint32_t, double>> entries;
  nlp::SparseVector row;
  for (const auto& vec : vectors) {
    entries.clear();
    for (const auto& [id, count] : vec) {
      const std::int64_t k = kept_column[column_of[id]];
      if (k >= 0) entries.emplace_back(static_cast<std::uint32_t>(k), count);
    }
    std::sort(entries.begin(), entries.end());
    row.ids.clear();
    row.values.clear();
    for (const auto& [k, value] : entries)
      row.push_back(k, value);
    if (weighted) nlp::apply_tfidf(row, m.idf, query.tfidf);
    m.indices.insert(m.indices.end(), row.ids.begin(), row.ids.end());
    m.data.insert(m.data.end(), row.values.begin(), row.values.end());
    m.indptr.push_back(static_cast<std::int64_t>(m.indices.size()));
  }
  return m;
}

pipeline::ResultTable query_terms(const TermsQuery& query) {
  const DocumentTermMatrix m = query_dtm(query, true);
  pipeline::ResultTable table;
  table.columns = {"term", "count", "df", "idf", "mean_tfidf"};
  const std::size_t n_docs = m.rows.rows.size();
  if (n_docs == 0) return table;
  std::vector<double> tfidf_sum(m.vocabulary.size(), 0.0);
  for (std::size_t i = 0; i < m.indices.size(); ++i)
    tfidf_sum[m.indices[i]] += m.data[i];

  std::vector<std::size_t> order(m.vocabulary.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  auto key = [&](std::size_t k) {
    switch (query.order) {
      case TermOrder::kCount:
        return static_cast<double>(m.count[k]);
      case TermOrder::kDocumentFrequency:
        return static_cast<double>(m.df[k]) + static_cast<double>(m.count[k]) * 1e-12;
      case TermOrder::kTfidf:
        return tfidf_sum[k];
    }
    return 0.0;
  };
  const std::size_t top = std::min(query.top, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      const double ka = key(a), kb = key(b);
                      return ka != kb ? ka > kb : a < b;
                    });
  for (std::size_t r = 0; r < top; ++r) {
    const std::size_t k = order[r];
    table.rows.push_back(
        {m.vocabulary[k], m.count[k], static_cast<std::int64_t>(m.df[k]),
         m.idf.empty() ? pipeline::Cell(std::monostate{}) : pipeline::Cell(m.idf[k]),
         tfidf_sum[k] / static_cast<double>(n_docs)});
  }
  return table;
}

std::vector<SectionText> read_section_texts(const std::filesystem::path& db_path,
                                            const DocumentFilter& filter, std::string_view item,
                                            const std::vector<std::int64_t>& doc_ids,
                                            std::size_t* missing_text) {
  Connection db(existing(db_path).string());
  migrate(db);
  auto [where, params] = where_clause(filter);
  const std::string scope = resolve_scope(db, item);
  const bool whole = scope.empty();
  std::string sql =
      whole ? "SELECT d.id, d.path, d.accession, d.ticker, d.fiscal_year, 'filing', t.text, "
              "d.source_type FROM documents d LEFT JOIN document_text t ON t.doc_id = d.id" +
                  where
            : "SELECT d.id, d.path, d.accession, d.ticker, d.fiscal_year, s.item, "
              "byte_slice(t.text, s.begin_offset + 1, s.end_offset - s.begin_offset), "
              "d.source_type FROM sections s JOIN documents d ON d.id = s.doc_id "
              "LEFT JOIN document_text t ON t.doc_id = d.id" +
                  where + " AND upper(s.item) = upper(?)";
  if (!doc_ids.empty()) {
    sql += " AND d.id IN (";
    for (std::size_t i = 0; i < doc_ids.size(); ++i)
      sql += i ? ", ?" : "?";
    sql += ")";
  }
  sql += " ORDER BY d.id";
  Statement st = db.prepare(sql);
  int index = 1;
  for (const auto& p : params)
    st.bind(index++, p);
  if (!whole) st.bind(index++, scope);
  for (auto id : doc_ids)
    st.bind(index++, id);
  std::vector<SectionText> out;
  std::size_t missing = 0;
  while (st.step()) {
    if (st.column_is_null(6)) {
      ++missing;
      continue;
    }
    SectionText row;
    row.doc_id = st.column_int(0);
    row.document = std::filesystem::path(st.column_text(1)).filename().string();
    if (!st.column_is_null(2)) row.accession = st.column_text(2);
    if (!st.column_is_null(3)) row.ticker = st.column_text(3);
    if (!st.column_is_null(4)) row.fiscal_year = static_cast<int>(st.column_int(4));
    row.item = st.column_text(5);
    row.text = st.column_text(6);
    if (!st.column_is_null(7)) row.source_type = st.column_text(7);
    if (row.text.empty()) continue;  // a zero-length entry of a combined item
    out.push_back(std::move(row));
  }
  if (missing_text) *missing_text = missing;
  return out;
}

pipeline::ResultTable query_sections(const SectionsQuery& query) {
  Connection db(existing(query.db).string());
  migrate(db);
  const ReadSnapshot snapshot(db);  // one lock and one snapshot for all its statements
  {
    const std::vector<std::string> stored = stored_items(db);
    for (const auto& item : query.items) {
      if (pipeline::require_scope(item, stored).empty())
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("'{}' is the whole filing, not a section (use `secnlp metrics` "
                                "or `export --what metrics` for whole filings)",
                                item));
    }
  }
  auto [where, params] = where_clause(query.filter);
  std::string sql =
      "SELECT d.id, d.path, d.cik, d.ticker, d.form, d.fiscal_year, d.filed, s.item, s.title, "
      "s.begin_offset, s.end_offset, s.confidence, s.flags, s.method, s.heading, s.refers_to, "
      "d.accession, s.begin_char, s.end_char "
      "FROM sections s JOIN documents d ON d.id = s.doc_id" +
      where;
  if (!query.items.empty()) {
    sql += " AND upper(s.item) IN (";
    for (std::size_t i = 0; i < query.items.size(); ++i)
      sql += i ? ", upper(?)" : "upper(?)";
    sql += ")";
  }
  sql += " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path, s.begin_offset";
  Statement st = db.prepare(sql);
  int index = 1;
  for (const auto& p : params)
    st.bind(index++, p);
  for (const auto& item : query.items)
    st.bind(index++, item);

  const std::vector<std::string> metric_names = {"words", "gunning_fog", "lm_negative_prop",
                                                 "lm_uncertainty_prop"};
  pipeline::ResultTable table;
  table.columns = {"document",   "cik",   "ticker", "form",    "fiscal_year", "accession", "filed",
                   "section",    "title", "begin",  "end",     "begin_char",  "end_char",  "bytes",
                   "confidence", "flags", "method", "heading", "refers_to"};
  table.columns.insert(table.columns.end(), metric_names.begin(), metric_names.end());
  if (query.text) table.columns.push_back("text");
  Statement metric =
      db.prepare("SELECT value FROM metrics WHERE doc_id = ? AND scope = ? AND name = ?");
  Statement text =
      db.prepare("SELECT byte_slice(text, ? + 1, ?) FROM document_text WHERE doc_id = ?");
  while (st.step()) {
    const std::int64_t doc_id = st.column_int(0);
    const std::string item = st.column_text(7);
    const std::int64_t begin = st.column_int(9);
    const std::int64_t end = st.column_int(10);
    std::vector<pipeline::Cell> row;
    row.reserve(table.columns.size());
    row.emplace_back(std::filesystem::path(st.column_text(1)).filename().string());
    for (int column : {2, 3, 4})
      row.push_back(text_or_null(st, column));
    if (st.column_is_null(5)) {
      row.emplace_back(std::monostate{});
    } else {
      row.emplace_back(st.column_int(5));
    }
    row.push_back(text_or_null(st, 16));
    row.push_back(text_or_null(st, 6));
    row.emplace_back(item);
    row.push_back(text_or_null(st, 8));
    row.emplace_back(begin);
    row.emplace_back(end);
    for (int column : {17, 18})
      row.push_back(st.column_is_null(column) ? pipeline::Cell(std::monostate{})
                                              : pipeline::Cell(st.column_int(column)));
    row.emplace_back(end - begin);
    row.emplace_back(st.column_double(11));
    row.emplace_back(nlp::sec::section_flag_names(static_cast<std::uint32_t>(st.column_int(12))));
    row.push_back(text_or_null(st, 13));
    row.push_back(text_or_null(st, 14));
    row.push_back(text_or_null(st, 15));
    for (const auto& name : metric_names) {
      metric.bind(1, doc_id).bind(2, item).bind(3, name);
      row.push_back(metric.step() && !metric.column_is_null(0)
                        ? pipeline::Cell(metric.column_double(0))
                        : pipeline::Cell(std::monostate{}));
      metric.reset();
    }
    if (query.text) {
      text.bind(1, begin).bind(2, end - begin).bind(3, doc_id);
      row.push_back(text.step() ? pipeline::Cell(text.column_text(0))
                                : pipeline::Cell(std::monostate{}));
      text.reset();
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

pipeline::ResultTable query_exhibits(const ExhibitsQuery& query) {
  Connection db(existing(query.db).string());
  migrate(db);
  auto [where, params] = where_clause(query.filter);
  std::string sql =
      "SELECT d.path, d.cik, d.ticker, d.form, d.fiscal_year, e.sequence, e.type, e.filename, "
      "e.description, e.kind, e.bytes, e.text FROM exhibits e JOIN documents d ON d.id = e.doc_id" +
      where;
  if (!query.types.empty()) {
    sql += " AND (";
    for (std::size_t i = 0; i < query.types.size(); ++i)
      sql += i ? " OR upper(e.type) LIKE upper(?) || '%'" : "upper(e.type) LIKE upper(?) || '%'";
    sql += ")";
  }
  sql += " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path, e.sequence";
  Statement st = db.prepare(sql);
  int index = 1;
  for (const auto& p : params)
    st.bind(index++, p);
  for (const auto& t : query.types)
    st.bind(index++, t);
  pipeline::ResultTable table;
  table.columns = {"document", "cik",      "ticker",      "form", "fiscal_year", "sequence",
                   "type",     "filename", "description", "kind", "bytes"};
  if (query.text) table.columns.push_back("text");
  while (st.step()) {
    std::vector<pipeline::Cell> row;
    row.emplace_back(std::filesystem::path(st.column_text(0)).filename().string());
    for (int column : {1, 2, 3})
      row.push_back(text_or_null(st, column));
    if (st.column_is_null(4)) {
      row.emplace_back(std::monostate{});
    } else {
      row.emplace_back(st.column_int(4));
    }
    row.emplace_back(st.column_int(5));
    for (int column : {6, 7, 8, 9})
      row.push_back(text_or_null(st, column));
    row.emplace_back(st.column_int(10));
    if (query.text) row.push_back(text_or_null(st, 11));
    table.rows.push_back(std::move(row));
  }
  return table;
}

pipeline::ResultTable query_entities(const EntitiesQuery& query) {
  Connection db(existing(query.db).string());
  migrate(db);
  auto [where, params] = where_clause(query.filter);
  std::string sql =
      "SELECT e.type, e.text, count(*), count(DISTINCT e.doc_id), avg(e.score) FROM entities e "
      "JOIN documents d ON d.id = e.doc_id" +
      where;
  std::vector<std::string> extra;
  if (!query.scope.empty()) {
    const std::string scope = resolve_scope(db, query.scope);
    if (!scope.empty()) {  // the whole filing: every entity
      sql += " AND e.section = ?";
      extra.push_back(scope);
    }
  }
  if (!query.types.empty()) {
    // An entity type no stored row has is a typo or another model's label: say so, with the
    // types there are, rather than answer with an empty table.
    std::vector<std::string> stored;
    Statement types = db.prepare("SELECT DISTINCT upper(type) FROM entities ORDER BY 1");
    while (types.step())
      stored.push_back(types.column_text(0));
    for (const auto& t : query.types) {
      std::string upper = t;
      for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (std::find(stored.begin(), stored.end(), upper) == stored.end())
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown entity type '{}' (stored: {})", t,
                                stored.empty() ? "none: the entities stage has not run here"
                                               : fmt::format("{}", fmt::join(stored, ", "))));
    }
    sql += " AND upper(e.type) IN (";
    for (std::size_t i = 0; i < query.types.size(); ++i) {
      sql += i ? ", upper(?)" : "upper(?)";
      extra.push_back(query.types[i]);
    }
    sql += ")";
  }
  sql +=
      " GROUP BY e.type, e.text ORDER BY count(*) DESC, count(DISTINCT e.doc_id) DESC, "
      "e.type, e.text LIMIT ?";
  Statement st = db.prepare(sql);
  int index = 1;
  for (const auto& p : params)
    st.bind(index++, p);
  for (const auto& p : extra)
    st.bind(index++, p);
  st.bind(index, static_cast<std::int64_t>(query.top));
  pipeline::ResultTable table;
  table.columns = {"type", "text", "count", "documents", "mean_score"};
  while (st.step())
    table.rows.push_back({st.column_text(0), st.column_text(1), st.column_int(2), st.column_int(3),
                          st.column_double(4)});
  return table;
}

pipeline::ResultTable export_table(const std::filesystem::path& path, ExportWhat what,
                                   const DocumentFilter& filter) {
  Connection db(existing(path).string());
  migrate(db);
  const ReadSnapshot snapshot(db);  // one lock and one snapshot for all its statements
  auto [where, params] = where_clause(filter);
  const std::string head =
      "SELECT d.filed, d.available_at, d.cik, d.ticker, d.form, d.fiscal_year, d.accession";
  std::string sql;
  pipeline::ResultTable table;
  table.columns = {"filed", "available_at", "cik", "ticker", "form", "fiscal_year", "accession"};
  switch (what) {
    case ExportWhat::kSimilarity:
      sql = head +
            ", p.accession, CASE s.scope WHEN '' THEN 'filing' ELSE s.scope END, "
            "CASE WHEN s.idf = 'company' THEN s.measure || '_company' ELSE s.measure END, s.value "
            "FROM similarity s JOIN documents d ON d.id = s.doc_id "
            "JOIN documents p ON p.id = s.prev_doc_id" +
            where + " ORDER BY d.cik, d.ticker, d.period, d.fiscal_year, s.scope, s.measure";
      table.columns.insert(table.columns.end(), {"prev_accession", "section", "measure", "value"});
      // A score could have been known from its filing's available_at, traded from
      // tradable_from (added below).
      break;
    case ExportWhat::kMetrics:
      sql = head +
            ", d.path, CASE m.scope WHEN '' THEN 'filing' ELSE m.scope END, m.name, m.value "
            "FROM metrics m JOIN documents d ON d.id = m.doc_id" +
            where + " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path, m.scope, m.name";
      table.columns.insert(table.columns.end(), {"document", "section", "measure", "value"});
      break;
    case ExportWhat::kSections:
      sql = head +
            ", d.path, s.item, s.title, s.begin_offset, s.end_offset, s.begin_char, s.end_char, "
            "s.end_offset - s.begin_offset, s.confidence, s.flags, s.method "
            "FROM sections s JOIN documents d ON d.id = s.doc_id" +
            where + " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path, s.begin_offset";
      table.columns.insert(table.columns.end(),
                           {"document", "section", "title", "begin", "end", "begin_char",
                            "end_char", "bytes", "confidence", "flags", "method"});
      break;
    case ExportWhat::kEntities:
      sql = head +
            ", d.path, CASE e.section WHEN '' THEN 'filing' ELSE e.section END, e.sentence, "
            "e.char_begin, e.char_end, e.byte_begin, e.byte_end, e.text, e.type, e.score "
            "FROM entities e JOIN documents d ON d.id = e.doc_id" +
            where + " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path, e.byte_begin";
      table.columns.insert(table.columns.end(),
                           {"document", "section", "sentence", "char_begin", "char_end",
                            "byte_begin", "byte_end", "text", "type", "score"});
      break;
  }
  Statement st = db.prepare(sql);
  for (std::size_t i = 0; i < params.size(); ++i)
    st.bind(static_cast<int>(i) + 1, params[i]);
  const int columns = static_cast<int>(table.columns.size());
  const bool similarity = what == ExportWhat::kSimilarity;
  const std::vector<std::string> sql_columns = table.columns;
  if (similarity) table.columns.insert(table.columns.begin() + 2, "tradable_from");
  while (st.step()) {
    std::vector<pipeline::Cell> row;
    row.reserve(table.columns.size());
    for (int c = 0; c < columns; ++c) {
      const std::string& name = sql_columns[static_cast<std::size_t>(c)];
      if (st.column_is_null(c)) {
        row.emplace_back(std::monostate{});
      } else if (name == "document") {
        row.emplace_back(std::filesystem::path(st.column_text(c)).filename().string());
      } else if (name == "flags") {
        row.emplace_back(
            nlp::sec::section_flag_names(static_cast<std::uint32_t>(st.column_int(c))));
      } else if (name == "value" || name == "confidence" || name == "score") {
        row.emplace_back(st.column_double(c));
      } else if (name == "fiscal_year" || name == "begin" || name == "end" || name == "bytes" ||
                 name == "sentence" || name.ends_with("_begin") || name.ends_with("_end") ||
                 name == "begin_char" || name == "end_char") {
        row.emplace_back(st.column_int(c));
      } else {
        row.emplace_back(st.column_text(c));
      }
    }
    if (similarity) {
      // Built in branches: GCC 12 warns (falsely) about variant temporaries in a conditional.
      std::string tradable;
      if (const auto* available = std::get_if<std::string>(&row[1]))
        tradable = tradable_from(*available);
      pipeline::Cell cell;
      if (!tradable.empty()) cell = std::move(tradable);
      row.insert(row.begin() + 2, std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string edgar_crawler_key(std::string_view item) {
  if (item == "signatures") return "item_SIGNATURE";
  if (item.starts_with("part") && item.size() > 8 && item.substr(5, 4) == "item") {
    std::string number(item.substr(9));  // stored "part2item1a": edgar-crawler writes "1A"
    for (char& c : number)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return fmt::format("part_{}_item_{}", item.substr(4, 1), number);
  }
  if (item.starts_with("item")) return fmt::format("item_{}", item.substr(4));
  if (item.empty() || !(item[0] >= '0' && item[0] <= '9')) return {};
  return fmt::format("item_{}", item);
}

std::size_t export_filings_jsonl(const std::filesystem::path& path, const DocumentFilter& filter,
                                 std::ostream& out) {
  Connection db(existing(path).string());
  migrate(db);
  auto [where, params] = where_clause(filter);
  // Metadata the documents table has no column for is in its metadata JSON.
  Statement docs = db.prepare(
      "SELECT d.id, d.path, d.cik, coalesce(d.company, json_extract(d.metadata, '$.company')), "
      "d.form, d.filed, d.period, json_extract(d.metadata, '$.sic'), "
      "coalesce(json_extract(d.metadata, '$.state_of_inc'), json_extract(d.metadata, "
      "'$.state')), json_extract(d.metadata, '$.state_location'), "
      "json_extract(d.metadata, '$.fiscal_year_end'), d.accession, d.ticker, d.fiscal_year, "
      "d.available_at FROM documents d" +
      where + " ORDER BY d.cik, d.ticker, d.fiscal_year, d.path");
  for (std::size_t i = 0; i < params.size(); ++i)
    docs.bind(static_cast<int>(i) + 1, params[i]);
  Statement sections = db.prepare(
      "SELECT s.item, byte_slice(t.text, s.begin_offset + 1, s.end_offset - s.begin_offset) "
      "FROM sections s JOIN document_text t ON "
      "t.doc_id = s.doc_id WHERE s.doc_id = ? ORDER BY s.begin_offset, s.item");
  auto value = [&](int column) {
    return docs.column_is_null(column) ? std::string("null") : json_quote(docs.column_text(column));
  };
  std::size_t written = 0;
  std::string line;
  while (docs.step()) {
    const std::string cik = docs.column_is_null(2) ? std::string() : docs.column_text(2);
    std::string cik_number = cik;
    cik_number.erase(0, std::min(cik_number.find_first_not_of('0'), cik_number.size()));
    const std::string accession = docs.column_is_null(11) ? std::string() : docs.column_text(11);
    std::string index_link = "null", text_link = "null";
    if (!cik_number.empty() && !accession.empty()) {
      const std::string base =
          fmt::format("https://www.sec.gov/Archives/edgar/data/{}/{}", cik_number, accession);
      index_link = json_quote(base + "-index.html");
      text_link = json_quote(base + ".txt");
    }
    line = "{";
    line += "\"cik\": " + value(2);
    line += ", \"company\": " + value(3);
    line += ", \"filing_type\": " + value(4);
    line += ", \"filing_date\": " + value(5);
    line += ", \"period_of_report\": " + value(6);
    line += ", \"sic\": " + value(7);
    line += ", \"state_of_inc\": " + value(8);
    line += ", \"state_location\": " + value(9);
    line += ", \"fiscal_year_end\": " + value(10);
    line += ", \"filing_html_index\": " + index_link;
    line += ", \"htm_filing_link\": null";
    line += ", \"complete_text_filing_link\": " + text_link;
    line += ", \"filename\": " +
            json_quote(std::filesystem::path(docs.column_text(1)).filename().string());
    line += ", \"accession\": " + value(11);
    line += ", \"ticker\": " + value(12);
    line += ", \"fiscal_year\": " +
            (docs.column_is_null(13) ? std::string("null") : std::to_string(docs.column_int(13)));
    line += ", \"available_at\": " + value(14);
    sections.bind(1, docs.column_int(0));
    while (sections.step()) {
      const std::string key = edgar_crawler_key(sections.column_text(0));
      if (key.empty() || sections.column_is_null(1)) continue;
      line += ", " + json_quote(key) + ": " + json_quote(sections.column_text(1));
    }
    sections.reset();
    line += "}\n";
    out << line;
    ++written;
  }
  return written;
}

pipeline::ResultTable query_runs(const std::filesystem::path& path, std::size_t limit) {
  Connection db(existing(path).string());
  migrate(db);
  Statement st = db.prepare(
      "SELECT r.id, r.command, r.started_at, r.finished_at, r.status, r.docs_total, "
      "r.docs_processed, r.docs_skipped, r.docs_failed, r.bytes / 1e6, "
      "(SELECT count(*) FROM errors e WHERE e.run_id = r.id) FROM runs r ORDER BY r.id DESC "
      "LIMIT ?");
  st.bind(1, static_cast<std::int64_t>(limit));
  pipeline::ResultTable table;
  table.columns = {"run",       "command", "started", "finished", "status", "documents",
                   "processed", "skipped", "failed",  "MB",       "errors"};
  while (st.step()) {
    std::vector<pipeline::Cell> row;
    row.emplace_back(st.column_int(0));
    for (int c : {1, 2, 3, 4})
      row.push_back(text_or_null(st, c));
    for (int c : {5, 6, 7, 8})
      row.emplace_back(st.column_int(c));
    row.emplace_back(st.column_double(9));
    row.emplace_back(st.column_int(10));
    table.rows.push_back(std::move(row));
  }
  return table;
}

StoreSummary summarize_store(const std::filesystem::path& path) {
  Connection db(existing(path).string());
  migrate(db);
  StoreSummary s;
  auto scalar = [&](const char* sql) {
    Statement st = db.prepare(sql);
    return st.step() ? st.column_int(0) : 0;
  };
  s.documents_ok = scalar("SELECT count(*) FROM documents WHERE status = 'ok'");
  s.documents_failed = scalar("SELECT count(*) FROM documents WHERE status = 'error'");
  s.runs = scalar("SELECT count(*) FROM runs");
  s.vocabulary = scalar("SELECT count(*) FROM vocabulary");
  return s;
}

}  // namespace secnlp::store
