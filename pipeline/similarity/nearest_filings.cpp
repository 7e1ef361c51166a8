#include "pipeline/similarity/nearest_filings.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "common/hash.h"
#include "common/log.h"
#include "nlp/features/tfidf.h"
#include "nlp/retrieval/inverted_index.h"
#include "pipeline/names.h"
#include "pipeline/similarity/pit_corpus.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/queries.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/sqlite.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::similarity {
namespace {

using store::Connection;
using store::Statement;

struct Row {
  std::int64_t doc_id = 0;
  std::string path, cik, ticker, form, accession, content_hash, config_hash, doc_key;
  std::string available_at;
  std::optional<std::int64_t> year;
};

std::string cache_name(const std::string& scope) {
  std::string safe;
  for (char c : scope)
    safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return safe.empty() ? "filing" : safe;
}

store::PitKey key_of(const Row& r) {
  return {r.available_at, r.accession, r.content_hash};
}

nlp::SparseVector decode(std::string_view blob) {
  nlp::SparseVector v;
  for (const auto& [id, count] : store::decode_term_vector(blob))
    v.push_back(id, count);
  return v;
}

}  // namespace

pipeline::ResultTable nearest_filings(const NearestQuery& query) {
  if (!std::filesystem::exists(query.db))
    throw Error(ErrorCode::kIo, "no such database (run `secnlp process` first)", query.db.string());
  Connection db(query.db.string());
  store::migrate(db);
  const std::string scope = store::resolve_scope(db, query.scope);

  // The filings that have this scope.
  std::vector<Row> rows;
  {
    Statement st = db.prepare(
        "SELECT d.id, d.path, d.cik, d.ticker, d.form, d.fiscal_year, d.accession, "
        "d.content_hash, d.config_hash, d.doc_key, d.available_at FROM documents d "
        "JOIN term_vectors v ON v.doc_id = d.id WHERE d.status = 'ok' AND v.scope = ? "
        "ORDER BY d.id");
    st.bind(1, scope);
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
      r.doc_key = st.column_text(9);
      r.available_at = st.column_text(10);
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
                            scope.empty() ? "term vectors" : "section " + scope));
  }

  // As of when: the candidates are the dated filings at or before that point, in order.
  store::PitKey bound;
  if (!query.as_of.empty()) {
    bound = {store::as_of_bound(query.as_of), "\x7f", ""};
  } else if (target->available_at.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("filing '{}' has no filing date, so 'as of its date' is unknown: give "
                            "--as-of DATE, or dates with `process --metadata`",
                            query.to));
  } else {
    bound = key_of(*target);
  }
  std::vector<const Row*> available;
  std::size_t undated = 0;
  for (const Row& r : rows) {
    if (r.available_at.empty()) {
      ++undated;
    } else if (key_of(r) <= bound) {
      available.push_back(&r);
    }
  }
  std::sort(available.begin(), available.end(),
            [](const Row* a, const Row* b) { return key_of(*a) < key_of(*b); });
  if (undated) log_info("{} undated filings are never candidates", undated);

  // Document frequencies over the available filings (and the target's own vector).
  PitCorpus corpus;
  std::vector<nlp::SparseVector> vectors(available.size());
  nlp::SparseVector target_vector;
  {
    Statement st = db.prepare("SELECT data FROM term_vectors WHERE doc_id = ? AND scope = ?");
    for (std::size_t i = 0; i < available.size(); ++i) {
      st.bind(1, available[i]->doc_id).bind(2, scope);
      if (st.step()) vectors[i] = decode(st.column_blob(0));
      st.reset();
      corpus.add(vectors[i], available[i]->doc_key + "|" + available[i]->content_hash + "|" +
                                 available[i]->config_hash);
    }
    st.bind(1, target->doc_id).bind(2, scope);
    if (st.step()) target_vector = decode(st.column_blob(0));
    st.reset();
  }

  // The cached index, when its stamp is this corpus's.
  const std::uint64_t stamp = hash64(scope + "|" + corpus.stamp());
  const std::filesystem::path cache = query.db.string() + ".nearest-" + cache_name(scope) + ".idx";
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
  auto weighted = [&](const nlp::SparseVector& v) {
    nlp::SparseVector w = v;
    for (std::size_t i = 0; i < w.ids.size(); ++i)
      w.values[i] *= corpus.idf(w.ids[i]);
    return w;
  };
  if (!loaded) {
    nlp::InvertedIndex::Builder builder;
    for (std::size_t i = 0; i < available.size(); ++i)
      builder.add(static_cast<std::uint64_t>(available[i]->doc_id), weighted(vectors[i]));
    index = builder.build();
    index.set_stamp(stamp);
    try {
      index.save(cache);
    } catch (const Error& e) {
      log_warn("{} (index not cached)", e.what());
    }
  }

  // Candidates from the index (single precision), then the best scored exactly.
  const std::size_t pool = std::max<std::size_t>(query.top * 4, query.top + 50);
  const auto hits =
      index.top_k(weighted(target_vector), pool, static_cast<std::uint64_t>(target->doc_id));
  std::unordered_map<std::int64_t, std::size_t> position;
  for (std::size_t i = 0; i < available.size(); ++i)
    position[available[i]->doc_id] = i;
  std::vector<std::pair<double, const Row*>> scored;
  for (const auto& [key, approximate] : hits) {
    (void)approximate;
    const std::size_t i = position.at(static_cast<std::int64_t>(key));
    scored.emplace_back(tfidf_cosine(target_vector, vectors[i], corpus), available[i]);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return key_of(*a.second) < key_of(*b.second);
  });
  if (scored.size() > query.top) scored.resize(query.top);

  pipeline::ResultTable table;
  table.columns = {"rank", "score",       "document",  "cik",          "ticker",
                   "form", "fiscal_year", "accession", "available_at", "section"};
  std::int64_t rank = 0;
  for (const auto& [score, rp] : scored) {
    const Row& r = *rp;
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
    row.emplace_back(r.available_at);
    row.emplace_back(pipeline::scope_label(scope));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace secnlp::similarity
