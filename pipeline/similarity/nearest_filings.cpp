#include "pipeline/similarity/nearest_filings.h"

#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "common/hash.h"
#include "common/log.h"
#include "nlp/features/tfidf.h"
#include "nlp/retrieval/inverted_index.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/sqlite.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::similarity {
namespace {

using store::Connection;
using store::Statement;

struct Row {
  std::int64_t doc_id = 0;
  std::string path, cik, ticker, form, accession, content_hash, config_hash;
  std::optional<std::int64_t> year;
};

std::string cache_name(const std::string& scope) {
  std::string safe;
  for (char c : scope)
    safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return safe.empty() ? "filing" : safe;
}

}  // namespace

pipeline::ResultTable nearest_filings(const NearestQuery& query) {
  if (!std::filesystem::exists(query.db))
    throw Error(ErrorCode::kIo, "no such database (run `secnlp process` first)", query.db.string());
  Connection db(query.db.string());
  store::migrate(db);

  // The filings that have this scope, and a stamp of their state.
  std::vector<Row> rows;
  std::string state = query.scope;
  {
    Statement st = db.prepare(
        "SELECT d.id, d.path, d.cik, d.ticker, d.form, d.fiscal_year, d.accession, "
        "d.content_hash, d.config_hash FROM documents d JOIN term_vectors v ON v.doc_id = d.id "
        "WHERE d.status = 'ok' AND v.scope = ? ORDER BY d.id");
    st.bind(1, query.scope);
    while (st.step()) {
      Row r;
      r.doc_id = st.column_int(0);
      r.path = st.column_text(1);
      r.cik = st.column_text(2);
      r.ticker = st.column_text(3);
      r.form = st.column_text(4);
      if (!st.column_is_null(5)) r.year = st.column_int(5);
      r.accession = st.column_text(6);
      r.content_hash = st.column_text(7);
      r.config_hash = st.column_text(8);
      state += fmt::format("|{}:{}:{}", r.doc_id, r.content_hash, r.config_hash);
      rows.push_back(std::move(r));
    }
  }
  const Row* target = nullptr;
  for (const Row& r : rows) {
    if (r.accession == query.to ||
        (!query.to.empty() && r.path.find(query.to) != std::string::npos)) {
      if (target)
        throw Error(
            ErrorCode::kInvalidArgument,
            fmt::format("'{}' matches several filings; give the accession number", query.to));
      target = &r;
    }
  }
  if (!target) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("no stored filing '{}' with {}", query.to,
                            query.scope.empty() ? "term vectors" : "section " + query.scope));
  }

  // The cached index, when its stamp matches the database state.
  const std::uint64_t stamp = hash64(state);
  const std::filesystem::path cache =
      query.db.string() + ".nearest-" + cache_name(query.scope) + ".idx";
  nlp::InvertedIndex index;
  bool loaded = false;
  std::error_code ec;
  if (std::filesystem::exists(cache, ec)) {
    try {
      if (nlp::InvertedIndex::read_stamp(cache) == stamp) {
        index = nlp::InvertedIndex::load(cache);
        loaded = true;
      }
    } catch (const Error& e) {
      log_warn("{} (rebuilding the index)", e.what());
    }
  }

  // Document frequencies need every vector; the vectors themselves are kept only to (re)build
  // the index, and otherwise just the query's.
  const std::size_t target_row = static_cast<std::size_t>(target - rows.data());
  std::vector<std::uint32_t> df;
  std::vector<nlp::SparseVector> vectors(loaded ? 1 : rows.size());
  {
    Statement st = db.prepare("SELECT data FROM term_vectors WHERE doc_id = ? AND scope = ?");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      st.bind(1, rows[i].doc_id).bind(2, query.scope);
      if (st.step()) {
        nlp::SparseVector* keep = loaded ? (i == target_row ? &vectors[0] : nullptr) : &vectors[i];
        for (const auto& [id, count] : store::decode_term_vector(st.column_blob(0))) {
          if (keep) keep->push_back(id, count);
          if (id >= df.size()) df.resize(id + 1, 0);
          ++df[id];
        }
      }
      st.reset();
    }
  }
  const std::vector<double> idf = nlp::idf_from_df(df, rows.size(), nlp::TfidfOptions{});
  for (auto& v : vectors)
    nlp::apply_tfidf(v, idf, nlp::TfidfOptions{});
  if (!loaded) {
    nlp::InvertedIndex::Builder builder;
    for (std::size_t i = 0; i < rows.size(); ++i)
      builder.add(static_cast<std::uint64_t>(rows[i].doc_id), vectors[i]);
    index = builder.build();
    index.set_stamp(stamp);
    try {
      index.save(cache);
    } catch (const Error& e) {
      log_warn("{} (index not cached)", e.what());
    }
  }
  const nlp::SparseVector& query_vector = vectors[loaded ? 0 : target_row];

  const auto hits =
      index.top_k(query_vector, query.top, static_cast<std::uint64_t>(target->doc_id));
  std::unordered_map<std::int64_t, const Row*> by_id;
  for (const Row& r : rows)
    by_id[r.doc_id] = &r;

  pipeline::ResultTable table;
  table.columns = {"rank", "score",       "document",  "cik",    "ticker",
                   "form", "fiscal_year", "accession", "section"};
  std::int64_t rank = 0;
  for (const auto& [key, score] : hits) {
    const Row& r = *by_id.at(static_cast<std::int64_t>(key));
    std::vector<pipeline::Cell> row;
    row.emplace_back(++rank);
    row.emplace_back(score);
    row.emplace_back(std::filesystem::path(r.path).filename().string());
    for (const std::string* s : {&r.cik, &r.ticker, &r.form})
      row.emplace_back(*s);
    if (r.year) {
      row.emplace_back(*r.year);
    } else {
      row.emplace_back(std::monostate{});
    }
    row.emplace_back(r.accession);
    row.emplace_back(query.scope.empty() ? std::string("filing") : query.scope);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace secnlp::similarity
