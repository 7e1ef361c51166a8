#include "pipeline/similarity/similarity_series.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"
#include "common/hash.h"
#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "nlp/similarity/levenshtein.h"
#include "nlp/similarity/set_similarity.h"
#include "nlp/similarity/token_interning.h"
#include "nlp/similarity/word_diff.h"
#include "nlp/tokenize/case.h"
#include "nlp/tokenize/pattern_tokenizer.h"
#include "pipeline/names.h"
#include "pipeline/similarity/filing_pairs.h"
#include "pipeline/similarity/pit_corpus.h"
#include "pipeline/store/database.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/similarity_records.h"
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
  for (store::StoredFiling& s : store::stored_filings(db)) {
    FilingRef f;
    f.doc_id = s.doc_id;
    f.path = std::move(s.path);
    f.cik = strip_zeros(s.cik);
    f.ticker = std::move(s.ticker);
    f.form = std::move(s.form);
    f.fiscal_year = s.fiscal_year;
    f.period = std::move(s.period);
    f.filed = std::move(s.filed);
    f.accession = std::move(s.accession);
    f.available_at = std::move(s.available_at);
    f.accepted = std::move(s.accepted);
    f.doc_key = std::move(s.doc_key);
    f.content_hash = std::move(s.content_hash);
    f.config_hash = std::move(s.config_hash);
    f.company = !f.cik.empty() ? f.cik : f.ticker;
    out.push_back(std::move(f));
  }
  return out;
}

std::string identity(const FilingRef& f) {
  return f.doc_key + "|" + f.content_hash + "|" + f.config_hash;
}

store::PitKey pit_key(const FilingRef& f) {
  return {f.available_at, f.accession, f.content_hash};
}

// The key at which an undated filing's own corpus-dependent scores are taken: its period end
// (information public before the period closed), else nothing.
store::PitKey undated_key(const FilingRef& f) {
  return {f.period.size() == 10 ? f.period + "T00:00:00" : std::string(), "", ""};
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
  ScopeData(Connection& db, std::string scope)
      : db_(db), scope_(std::move(scope)), reader_(db, scope_) {}

  const nlp::SparseVector* vector(std::int64_t doc_id) {
    auto it = vectors_.find(doc_id);
    if (it != vectors_.end()) return it->second ? &*it->second : nullptr;
    std::optional<nlp::SparseVector> v;
    if (auto blob = reader_.read(doc_id)) v = to_sparse(store::decode_term_vector(*blob));
    auto& slot = vectors_[doc_id] = std::move(v);
    return slot ? &*slot : nullptr;
  }

  // Lowercase words of the scope's clean text, for the order-aware measures.
  const std::vector<std::string>& words(std::int64_t doc_id) {
    auto it = words_.find(doc_id);
    if (it != words_.end()) return it->second;
    const std::string text = store::scope_text(db_, doc_id, scope_);
    std::vector<std::string> out;
    tokenizer_.tokenize(nlp::to_lower(text), out);
    return words_[doc_id] = std::move(out);
  }

 private:
  Connection& db_;
  std::string scope_;
  store::TermVectorReader reader_;
  nlp::PatternTokenizer tokenizer_;
  std::unordered_map<std::int64_t, std::optional<nlp::SparseVector>> vectors_;
  std::unordered_map<std::int64_t, std::vector<std::string>> words_;
};

// The filings of one group (every company, or one) with this scope, in point-in-time order,
// added to a PitCorpus as the walk advances. Only dated filings are ever available.
class CorpusWalk {
 public:
  CorpusWalk(Connection& db, std::string scope, std::vector<const FilingRef*> filings)
      : scope_(std::move(scope)), filings_(std::move(filings)), read_(db, scope_) {
    std::sort(filings_.begin(), filings_.end(),
              [](const FilingRef* a, const FilingRef* b) { return pit_key(*a) < pit_key(*b); });
  }

  // Adds every filing at or before `key`; keys must not decrease between calls.
  const PitCorpus& advance_to(const store::PitKey& key) {
    while (next_ < filings_.size() && pit_key(*filings_[next_]) <= key) {
      const FilingRef& f = *filings_[next_++];
      if (auto blob = read_.read(f.doc_id))
        corpus_.add(to_sparse(store::decode_term_vector(*blob)), identity(f));
    }
    return corpus_;
  }

 private:
  std::string scope_;
  std::vector<const FilingRef*> filings_;
  store::TermVectorReader read_;
  std::size_t next_ = 0;
  PitCorpus corpus_;
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
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("unknown measure '{}' (known: {})", m, pipeline::join_names(known)));
    }
  }
  if (!query.all && !query.filter.cik && !query.filter.ticker) {
    throw Error(ErrorCode::kInvalidArgument,
                "name a company with --cik or --ticker, or use --all for every company");
  }
  store::require_database(query.db.string());
  store::DocumentStore store(query.db);  // opens, migrates, and lets us write the cache
  Connection& db = store.connection();
  const std::string scope = store::resolve_scope(db, query.scope);
  const std::string as_of = query.filter.as_of ? store::as_of_bound(*query.filter.as_of) : "";

  std::vector<FilingRef> filings = load_filings(db);
  // --ticker also selects the other filings of the companies that filed under that ticker (a
  // ticker is recorded as filed; older filings may carry none).
  std::set<std::string> ticker_ciks;
  if (query.filter.ticker) {
    for (const auto& f : filings)
      if (!f.cik.empty() && lower_ascii(f.ticker) == lower_ascii(*query.filter.ticker))
        ticker_ciks.insert(f.cik);
  }
  std::vector<FilingPair> pairs = pair_filings(filings);
  std::vector<const FilingRef*> everyone;
  std::map<std::string, std::vector<const FilingRef*>> by_company;
  for (const auto& f : filings) {
    if (f.available_at.empty()) continue;  // undated filings are never available to others
    everyone.push_back(&f);
    by_company[f.company].push_back(&f);
  }

  ScopeData data(db, scope);
  const std::string idf_key = query.idf == IdfScope::kCompany ? "company" : "corpus";
  auto is_corpus_measure = [](const std::string& m) {
    return m == "cosine_tfidf" || m == "jaccard_course";
  };
  const bool need_corpus = std::any_of(measures.begin(), measures.end(), is_corpus_measure);

  // The pairs asked for, with their vectors.
  struct Job {
    const FilingPair* pair;
    const nlp::SparseVector* a;
    const nlp::SparseVector* b;
    store::PitKey key;                     // where the corpus is taken
    std::map<std::string, double> values;  // measure -> value
  };
  std::vector<Job> jobs;
  for (const FilingPair& pair : pairs) {
    const FilingRef& cur = pair.current;
    bool selected = matches(cur, query.filter);
    if (!selected && query.filter.ticker && ticker_ciks.count(cur.cik)) {
      store::DocumentFilter rest = query.filter;
      rest.ticker.reset();
      selected = matches(cur, rest);
    }
    if (!selected) continue;
    if (!as_of.empty() && (cur.available_at.empty() || cur.available_at > as_of)) continue;
    const nlp::SparseVector* a = data.vector(cur.doc_id);
    const nlp::SparseVector* b = data.vector(pair.previous.doc_id);
    if (!a || !b) continue;  // the section is missing in one of the two filings
    jobs.push_back({&pair, a, b, cur.available_at.empty() ? undated_key(cur) : pit_key(cur), {}});
  }

  if (query.shard) {
    // This shard's companies, balanced by their number of pairs.
    std::map<std::string, std::uint64_t> pairs_of;
    for (const Job& j : jobs)
      ++pairs_of[j.pair->current.company];
    std::vector<distributed::WeightedItem> companies;
    for (const auto& [company, n] : pairs_of)
      companies.push_back({company, n});
    std::set<std::string> mine;
    for (std::size_t i : distributed::select_shard(companies, *query.shard))
      mine.insert(companies[i].name);
    std::erase_if(jobs, [&](const Job& j) { return !mine.count(j.pair->current.company); });
  }

  store::SimilarityCache cache(db);
  // New scores are written at the end in one short transaction, not while they are computed:
  // the write lock is then held for milliseconds, so several processes (MPI ranks, shards on a
  // shared store) can compute side by side.
  std::vector<store::SimilarityCache::Entry> fresh;

  // Corpus-dependent measures in point-in-time order, each over the filings available at its
  // filing's date (per company for --idf company); the rest in any order.
  std::vector<Job*> order;
  for (auto& j : jobs)
    order.push_back(&j);
  std::stable_sort(order.begin(), order.end(),
                   [](const Job* x, const Job* y) { return x->key < y->key; });
  std::optional<CorpusWalk> corpus_walk;
  std::map<std::string, CorpusWalk> company_walks;
  if (need_corpus && query.idf == IdfScope::kCorpus) corpus_walk.emplace(db, scope, everyone);
  for (Job* job : order) {
    const FilingRef& cur = job->pair->current;
    const FilingRef& prev = job->pair->previous;
    const PitCorpus* corpus = nullptr;
    PitCorpus with_self;  // an undated filing's corpus: the dated ones before it, and itself
    if (need_corpus) {
      CorpusWalk* walk = &*corpus_walk;
      if (query.idf == IdfScope::kCompany) {
        auto it = company_walks.find(cur.company);
        if (it == company_walks.end())
          it = company_walks.try_emplace(cur.company, db, scope, by_company[cur.company]).first;
        walk = &it->second;
      }
      corpus = &walk->advance_to(job->key);
      if (cur.available_at.empty()) {
        with_self = *corpus;
        with_self.add(*job->a, identity(cur));
        corpus = &with_self;
      }
    }
    for (const std::string& measure : measures) {
      const bool corpus_dependent = is_corpus_measure(measure);
      const std::string stored_idf = measure == "cosine_tfidf" ? idf_key : "";
      // Everything the value depends on: both filings' stored states and, for corpus
      // measures, the exact set of filings available at the score's date.
      const std::string inputs = hex_digest(
          identity(cur) + "\n" + identity(prev) +
          (corpus_dependent ? "\n" + stored_idf + "\n" + corpus->stamp() : std::string()));
      const store::CachedScore key{cur.doc_id, prev.doc_id, scope, measure, stored_idf};
      const std::optional<double> cached = cache.lookup(key, inputs);
      double value = cached.value_or(0);
      if (!cached) {
        if (measure == "cosine_tf") {
          value = nlp::cosine_similarity(*job->a, *job->b);
        } else if (measure == "cosine_tfidf") {
          value = tfidf_cosine(*job->a, *job->b, *corpus);
        } else if (measure == "jaccard") {
          value = nlp::jaccard(*job->a, *job->b);
        } else if (measure == "weighted_jaccard") {
          value = nlp::weighted_jaccard(*job->a, *job->b);
        } else if (measure == "jaccard_course") {
          std::size_t vocabulary = corpus->vocabulary();
          for (std::uint32_t id : job->b->ids)  // an undated previous filing's own terms
            vocabulary += corpus->df(id) == 0;
          value = course_ratio(*job->a, *job->b, vocabulary);
        } else {
          const nlp::InternedPair ids =
              nlp::intern_tokens(data.words(cur.doc_id), data.words(prev.doc_id));
          value = measure == "edit"          ? nlp::edit_similarity(ids.a, ids.b)
                  : measure == "levenshtein" ? nlp::levenshtein_similarity(ids.a, ids.b)
                                             : nlp::simple_similarity(ids.a, ids.b);
        }
        fresh.push_back(
            {key, inputs, value,
             static_cast<std::int64_t>(corpus && corpus_dependent ? corpus->documents() : 0)});
      }
      job->values[measure] = value;
    }
  }
  cache.put(fresh);

  pipeline::ResultTable table;
  table.columns = {"filed",
                   "available_at",
                   "tradable_from",
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
  for (const Job& job : jobs) {
    const FilingRef& cur = job.pair->current;
    for (const std::string& measure : measures) {
      std::vector<pipeline::Cell> row;
      row.reserve(table.columns.size());
      push_text(row, cur.filed);
      push_text(row, cur.available_at);
      push_text(row, store::tradable_from(cur.available_at));
      push_text(row, cur.cik);
      push_text(row, cur.ticker);
      push_text(row, cur.form);
      push_year(row, cur.fiscal_year);
      push_text(row, cur.accession);
      push_year(row, job.pair->previous.fiscal_year);
      push_text(row, job.pair->previous.accession);
      push_text(row, pipeline::scope_label(scope));
      push_text(row, measure == "cosine_tfidf" && query.idf == IdfScope::kCompany
                         ? std::string("cosine_tfidf_company")
                         : measure);
      row.emplace_back(job.values.at(measure));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

}  // namespace secnlp::similarity
