#include "pipeline/similarity/similarity_series.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"
#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "nlp/similarity/levenshtein.h"
#include "nlp/similarity/set_similarity.h"
#include "nlp/similarity/token_interning.h"
#include "nlp/similarity/word_diff.h"
#include "nlp/tokenize/case.h"
#include "nlp/tokenize/pattern_tokenizer.h"
#include "pipeline/similarity/filing_pairs.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/sqlite.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::similarity {
namespace {

using store::Connection;
using store::Statement;

std::string strip_zeros(std::string s) {
  s.erase(0, std::min(s.find_first_not_of('0'), s.size()));
  return s;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool matches(const FilingRef& f, const store::DocumentFilter& filter) {
  if (filter.cik && strip_zeros(f.cik) != strip_zeros(*filter.cik)) return false;
  if (filter.ticker && lower_ascii(f.ticker) != lower_ascii(*filter.ticker)) return false;
  if (filter.form && lower_ascii(f.form) != lower_ascii(*filter.form)) return false;
  if (filter.year && f.fiscal_year != *filter.year) return false;
  if (filter.path_contains && f.path.find(*filter.path_contains) == std::string::npos) return false;
  return true;
}

std::vector<FilingRef> load_filings(Connection& db) {
  std::vector<FilingRef> out;
  Statement st = db.prepare(
      "SELECT id, path, cik, ticker, form, fiscal_year, period, filed, accession FROM documents "
      "WHERE status = 'ok'");
  while (st.step()) {
    FilingRef f;
    f.doc_id = st.column_int(0);
    f.path = st.column_text(1);
    f.cik = strip_zeros(st.column_text(2));
    f.ticker = st.column_text(3);
    f.form = st.column_text(4);
    if (!st.column_is_null(5)) f.fiscal_year = static_cast<int>(st.column_int(5));
    f.period = st.column_text(6);
    f.filed = st.column_text(7);
    f.accession = st.column_text(8);
    f.company = !f.cik.empty() ? f.cik : f.ticker;
    out.push_back(std::move(f));
  }
  return out;
}

nlp::SparseVector to_sparse(const std::vector<store::TermIdCount>& entries) {
  nlp::SparseVector v;
  v.ids.reserve(entries.size());
  v.values.reserve(entries.size());
  for (const auto& [id, count] : entries)
    v.push_back(id, count);
  return v;
}

// Stored term vectors and text of one scope, loaded on first use.
class ScopeData {
 public:
  ScopeData(Connection& db, std::string scope) : db_(db), scope_(std::move(scope)) {}

  const nlp::SparseVector* vector(std::int64_t doc_id) {
    auto it = vectors_.find(doc_id);
    if (it != vectors_.end()) return it->second ? &*it->second : nullptr;
    Statement st = db_.prepare("SELECT data FROM term_vectors WHERE doc_id = ? AND scope = ?");
    st.bind(1, doc_id).bind(2, scope_);
    std::optional<nlp::SparseVector> v;
    if (st.step()) v = to_sparse(store::decode_term_vector(st.column_blob(0)));
    auto& slot = vectors_[doc_id] = std::move(v);
    return slot ? &*slot : nullptr;
  }

  // Lowercase words of the scope's clean text, for the order-aware measures.
  const std::vector<std::string>& words(std::int64_t doc_id) {
    auto it = words_.find(doc_id);
    if (it != words_.end()) return it->second;
    std::string text;
    if (scope_.empty()) {
      Statement st = db_.prepare("SELECT text FROM document_text WHERE doc_id = ?");
      st.bind(1, doc_id);
      if (st.step()) text = st.column_text(0);
    } else {
      Statement st = db_.prepare(
          "SELECT substr(CAST(t.text AS BLOB), s.begin_offset + 1, s.end_offset - s.begin_offset) "
          "FROM sections s JOIN document_text t ON t.doc_id = s.doc_id "
          "WHERE s.doc_id = ? AND s.item = ?");
      st.bind(1, doc_id).bind(2, scope_);
      if (st.step()) text = st.column_text(0);
    }
    std::vector<std::string> out;
    tokenizer_.tokenize(nlp::to_lower(text), out);
    return words_[doc_id] = std::move(out);
  }

  // Document frequencies over the stored vectors of this scope (optionally one company's).
  struct Corpus {
    std::vector<double> idf;
    std::size_t documents = 0;
    std::size_t vocabulary = 0;
  };
  const Corpus& corpus(const std::vector<std::int64_t>& doc_ids, const std::string& key) {
    auto it = corpora_.find(key);
    if (it != corpora_.end()) return it->second;
    std::vector<std::uint32_t> df;
    Corpus c;
    auto add = [&](std::string_view blob) {
      for (const auto& [id, count] : store::decode_term_vector(blob)) {
        if (id >= df.size()) df.resize(id + 1, 0);
        c.vocabulary += df[id]++ == 0;
      }
      ++c.documents;
    };
    if (doc_ids.empty()) {
      Statement st = db_.prepare(
          "SELECT v.data FROM term_vectors v JOIN documents d ON d.id = v.doc_id "
          "WHERE v.scope = ? AND d.status = 'ok'");
      st.bind(1, scope_);
      while (st.step())
        add(st.column_blob(0));
    } else {
      Statement st = db_.prepare("SELECT data FROM term_vectors WHERE doc_id = ? AND scope = ?");
      for (std::int64_t id : doc_ids) {
        st.bind(1, id).bind(2, scope_);
        if (st.step()) add(st.column_blob(0));
        st.reset();
      }
    }
    c.idf = nlp::idf_from_df(df, c.documents, nlp::TfidfOptions{});
    return corpora_[key] = std::move(c);
  }

 private:
  Connection& db_;
  std::string scope_;
  nlp::PatternTokenizer tokenizer_;
  std::unordered_map<std::int64_t, std::optional<nlp::SparseVector>> vectors_;
  std::unordered_map<std::int64_t, std::vector<std::string>> words_;
  std::map<std::string, Corpus> corpora_;
};

// Cells are appended with emplace_back in branches: GCC 12 warns (falsely) about variant
// temporaries built in conditional expressions.
void push_text(std::vector<pipeline::Cell>& row, const std::string& s) {
  if (s.empty()) {
    row.emplace_back(std::monostate{});
  } else {
    row.emplace_back(s);
  }
}

void push_year(std::vector<pipeline::Cell>& row, const std::optional<int>& year) {
  if (year) {
    row.emplace_back(static_cast<std::int64_t>(*year));
  } else {
    row.emplace_back(std::monostate{});
  }
}

// The course-style score over the scope's vocabulary V: (terms in both + terms in neither) / V.
// Stored ids are global, so this counts the intersection and union by merging instead of
// indexing a V-sized vector (nlp::binary_match_ratio, which needs ids below V).
double course_ratio(const nlp::SparseVector& a, const nlp::SparseVector& b,
                    std::size_t vocabulary) {
  if (vocabulary == 0) return 0.0;
  std::size_t both = 0, either = 0, i = 0, j = 0;
  while (i < a.ids.size() || j < b.ids.size()) {
    if (j == b.ids.size() || (i < a.ids.size() && a.ids[i] < b.ids[j])) {
      ++i;
    } else if (i == a.ids.size() || b.ids[j] < a.ids[i]) {
      ++j;
    } else {
      ++both;
      ++i;
      ++j;
    }
    ++either;
  }
  return static_cast<double>(both + (vocabulary - std::min(either, vocabulary))) /
         static_cast<double>(vocabulary);
}

double tfidf_cosine(const nlp::SparseVector& a, const nlp::SparseVector& b,
                    const std::vector<double>& idf) {
  nlp::SparseVector wa = a, wb = b;
  nlp::apply_tfidf(wa, idf, nlp::TfidfOptions{});
  nlp::apply_tfidf(wb, idf, nlp::TfidfOptions{});
  return nlp::cosine_similarity(wa, wb);
}

}  // namespace

const std::vector<std::string>& measure_names() {
  static const std::vector<std::string> kNames = {"cosine_tf",        "cosine_tfidf",   "jaccard",
                                                  "weighted_jaccard", "jaccard_course", "edit",
                                                  "levenshtein",      "simple"};
  return kNames;
}

const std::vector<std::string>& default_measures() {
  static const std::vector<std::string> kDefault = {
      "cosine_tf",      "cosine_tfidf", "jaccard", "weighted_jaccard",
      "jaccard_course", "edit",         "simple"};
  return kDefault;
}

pipeline::ResultTable similarity_series(const SeriesQuery& query) {
  const auto& known = measure_names();
  const std::vector<std::string>& measures =
      query.measures.empty() ? default_measures() : query.measures;
  for (const auto& m : measures) {
    if (std::find(known.begin(), known.end(), m) == known.end()) {
      std::string list;
      for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + k;
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("unknown measure '{}' (known: {})", m, list));
    }
  }
  if (!query.all && !query.filter.cik && !query.filter.ticker) {
    throw Error(ErrorCode::kInvalidArgument,
                "name a company with --cik or --ticker, or use --all for every company");
  }
  if (!std::filesystem::exists(query.db))
    throw Error(ErrorCode::kIo, "no such database (run `secnlp process` first)", query.db.string());
  store::DocumentStore store(query.db);  // opens, migrates, and lets us write the cache
  Connection& db = store.connection();

  std::vector<FilingRef> filings = load_filings(db);
  std::map<std::string, std::vector<std::int64_t>> company_docs;
  for (const auto& f : filings)
    company_docs[f.company].push_back(f.doc_id);
  std::vector<FilingPair> pairs = pair_filings(std::move(filings));

  ScopeData data(db, query.scope);
  const std::string idf_key = query.idf == IdfScope::kCompany ? "company" : "corpus";
  Statement cached = db.prepare(
      "SELECT value, corpus_size FROM similarity WHERE doc_id = ? AND prev_doc_id = ? AND "
      "scope = ? AND measure = ? AND idf = ?");
  Statement insert = db.prepare(
      "INSERT OR REPLACE INTO similarity(doc_id, prev_doc_id, scope, measure, idf, value, "
      "corpus_size, computed_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  const std::string now = store::utc_now();

  pipeline::ResultTable table;
  table.columns = {"date",
                   "cik",
                   "ticker",
                   "form",
                   "fiscal_year",
                   "accession",
                   "prev_fiscal_year",
                   "prev_accession",
                   "section",
                   "measure",
                   "value"};
  store::Transaction tx(db);
  for (const FilingPair& pair : pairs) {
    if (!matches(pair.current, query.filter)) continue;
    const nlp::SparseVector* a = data.vector(pair.current.doc_id);
    const nlp::SparseVector* b = data.vector(pair.previous.doc_id);
    if (!a || !b) continue;  // the section is missing in one of the two filings
    for (const std::string& measure : measures) {
      // Measures over the idf or the vocabulary depend on the corpus: cached values are valid
      // only for the corpus size they were computed with.
      const bool corpus_dependent = measure == "cosine_tfidf" || measure == "jaccard_course";
      const ScopeData::Corpus* corpus = nullptr;
      if (corpus_dependent) {
        corpus = query.idf == IdfScope::kCompany ? &data.corpus(company_docs[pair.current.company],
                                                                "company:" + pair.current.company)
                                                 : &data.corpus({}, "corpus");
      }
      const std::string stored_idf = measure == "cosine_tfidf" ? idf_key : "";
      double value = 0;
      bool have = false;
      cached.bind(1, pair.current.doc_id)
          .bind(2, pair.previous.doc_id)
          .bind(3, query.scope)
          .bind(4, measure)
          .bind(5, stored_idf);
      if (cached.step() &&
          (!corpus || cached.column_int(1) == static_cast<std::int64_t>(corpus->documents))) {
        value = cached.column_double(0);
        have = true;
      }
      cached.reset();
      if (!have) {
        if (measure == "cosine_tf") {
          value = nlp::cosine_similarity(*a, *b);
        } else if (measure == "cosine_tfidf") {
          value = tfidf_cosine(*a, *b, corpus->idf);
        } else if (measure == "jaccard") {
          value = nlp::jaccard(*a, *b);
        } else if (measure == "weighted_jaccard") {
          value = nlp::weighted_jaccard(*a, *b);
        } else if (measure == "jaccard_course") {
          value = course_ratio(*a, *b, corpus->vocabulary);
        } else {
          const nlp::InternedPair ids =
              nlp::intern_tokens(data.words(pair.current.doc_id), data.words(pair.previous.doc_id));
          value = measure == "edit"          ? nlp::edit_similarity(ids.a, ids.b)
                  : measure == "levenshtein" ? nlp::levenshtein_similarity(ids.a, ids.b)
                                             : nlp::simple_similarity(ids.a, ids.b);
        }
        insert.bind(1, pair.current.doc_id)
            .bind(2, pair.previous.doc_id)
            .bind(3, query.scope)
            .bind(4, measure)
            .bind(5, stored_idf)
            .bind(6, value)
            .bind(7, static_cast<std::int64_t>(corpus ? corpus->documents : 0))
            .bind(8, now)
            .run();
      }
      std::vector<pipeline::Cell> row;
      row.reserve(table.columns.size());
      push_text(row, pair.current.filed);
      push_text(row, pair.current.cik);
      push_text(row, pair.current.ticker);
      push_text(row, pair.current.form);
      push_year(row, pair.current.fiscal_year);
      push_text(row, pair.current.accession);
      push_year(row, pair.previous.fiscal_year);
      push_text(row, pair.previous.accession);
      push_text(row, query.scope.empty() ? std::string("filing") : query.scope);
      push_text(row, measure == "cosine_tfidf" && query.idf == IdfScope::kCompany
                         ? std::string("cosine_tfidf_company")
                         : measure);
      row.emplace_back(value);
      table.rows.push_back(std::move(row));
    }
  }
  tx.commit();
  return table;
}

}  // namespace secnlp::similarity
