#include "pipeline/similarity/nearest_filings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include "common/error.h"
#include "common/hash.h"
#include "common/log.h"
#include "pipeline/names.h"
#include "pipeline/similarity/nearest_index.h"
#include "pipeline/similarity/pit_corpus.h"
#include "pipeline/store/database.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/queries.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/similarity_records.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::similarity {
namespace {

using store::Connection;
using store::Statement;

// Changes whenever the index file's layout or the meaning of its stamp does.
constexpr std::string_view kIndexFormat = "nearest-pit-1";

struct Target {
  std::int64_t doc_id = 0;
  store::PitKey key;
};

std::string cache_name(const std::string& scope) {
  std::string safe;
  for (char c : scope)
    safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return safe.empty() ? "filing" : safe;
}

nlp::SparseVector decode(std::string_view blob) {
  nlp::SparseVector v;
  for (const auto& [id, count] : store::decode_term_vector(blob))
    v.push_back(id, count);
  return v;
}

// The stored filing `to` names (an accession number, else a substring of its path) among those
// with a term vector for `scope`.
Target find_target(Connection& db, const std::string& scope, const std::string& to) {
  std::vector<Target> found;
  for (const auto& f : store::find_vector_filings(db, scope, to))
    found.push_back({f.doc_id, f.key});
  if (found.size() > 1)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' matches several filings; give the accession number", to));
  if (found.empty())
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("no stored filing '{}' with {}", to,
                            scope.empty() ? "term vectors" : "section " + scope));
  return found.front();
}

// Every dated stored filing with this scope, for the index.
std::vector<NearestRow> read_rows(Connection& db, const std::string& scope) {
  std::vector<NearestRow> rows;
  for (const auto& f : store::dated_vector_filings(db, scope)) {
    NearestRow r;
    r.doc_id = f.doc_id;
    r.key = f.key;
    r.counts = decode(f.data);
    rows.push_back(std::move(r));
  }
  return rows;
}

// Where the index files of a database live: beside a SQLite file; for a PostgreSQL database, in
// the user's cache folder ($XDG_CACHE_HOME, else ~/.cache)/secnlp, named by a hash of the
// database's location (without password), so that each machine that queries keeps its own.
std::filesystem::path index_base(const std::filesystem::path& db_path) {
  if (!store::is_postgres_url(db_path.string())) return db_path;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const std::filesystem::path root = xdg && *xdg     ? std::filesystem::path(xdg)
                                     : home && *home ? std::filesystem::path(home) / ".cache"
                                                     : std::filesystem::temp_directory_path();
  const std::filesystem::path folder = root / "secnlp";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec)
    throw Error(ErrorCode::kIo, "cannot create the cache folder of `similar`: " + ec.message(),
                folder.string());
  return folder /
         fmt::format("postgresql-{:016x}", hash64(store::display_location(db_path.string())));
}

// The index of this scope, rebuilt when the store changed since it was written.
NearestIndex open_index(Connection& db, const std::filesystem::path& db_path,
                        const std::string& scope) {
  const std::int64_t generation = store::term_vectors_generation(db);
  const std::uint64_t stamp = hash64(fmt::format("{}|{}|{}", kIndexFormat, scope, generation));
  const std::filesystem::path path =
      index_base(db_path).string() + ".nearest-" + cache_name(scope) + ".pit";
  if (NearestIndex::read_stamp(path) == stamp) {
    try {
      return NearestIndex::open(path);
    } catch (const Error& e) {
      log_warn("{} (rebuilding the index)", e.what());
    }
  }
  log_info("indexing the stored {} for `similar` (once per change of the database)",
           scope.empty() ? "filings" : "sections " + pipeline::scope_label(scope));
  NearestIndex::build(read_rows(db, scope), stamp, path);
  return NearestIndex::open(path);
}

}  // namespace

pipeline::ResultTable nearest_filings(const NearestQuery& query) {
  store::require_database(query.db.string());
  Connection db(query.db.string());
  store::migrate(db);
  const std::string scope = store::resolve_scope(db, query.scope);
  const Target target = find_target(db, scope, query.to);

  // As of when: the candidates are the dated filings at or before that point.
  store::PitKey bound;
  if (!query.as_of.empty()) {
    bound = {store::as_of_bound(query.as_of), "\x7f", ""};
  } else if (target.key.available_at.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("filing '{}' has no filing date, so 'as of its date' is unknown: give "
                            "--as-of DATE, or dates with `process --metadata`",
                            query.to));
  } else {
    bound = target.key;
  }
  if (const std::int64_t undated = store::undated_vector_filings(db, scope); undated > 0)
    log_info("{} undated filings are never candidates", undated);

  const NearestIndex index = open_index(db, query.db, scope);
  // The corpus as of the bound is the index's first `n` filings: the df and idf of every term
  // in it, once (a binary search per term). One extra entry answers ids beyond the index.
  const std::size_t n = index.prefix_end(bound);
  const std::size_t terms = index.terms();
  std::vector<double> idf(terms + 1), idf2(terms + 1);
  for (std::size_t t = 0; t <= terms; ++t) {
    idf[t] = smooth_idf(n, t < terms ? index.df(static_cast<std::uint32_t>(t), n) : 0);
    idf2[t] = idf[t] * idf[t];
  }
  auto slot = [terms](std::uint32_t id) { return std::min<std::size_t>(id, terms); };

  nlp::SparseVector q;
  if (auto blob = store::TermVectorReader(db, scope).read(target.doc_id)) q = decode(*blob);
  std::vector<double> idf_q(q.ids.size());
  std::vector<double> squares(q.ids.size());
  for (std::size_t i = 0; i < q.ids.size(); ++i) {
    idf_q[i] = idf[slot(q.ids[i])];
    squares[i] = q.values[i] * idf_q[i] * q.values[i] * idf_q[i];
  }
  const double q_norm = std::sqrt(ordered_sum(squares));

  // Three passes, each over fewer filings, so that the answer is the exact top k of the
  // point-in-time corpus without the exact cosine of every filing:
  //  1. dot products with every available filing that shares a term (the postings of the query's
  //     terms before the prefix's end), and from them an upper bound of each cosine using a lower
  //     bound of the filing's norm (nearest_index.h);
  //  2. in the order of those bounds, a block at a time (threads), the cosine in plain double
  //     arithmetic with the filing's norm from its stored vector, until no bound left can beat
  //     the k-th cosine (on real filings the first block; on a store where every filing scores
  //     alike, all of them);
  //  3. for the best k (and any within 1e-9 of the k-th), the exact order-independent cosine
  //     that the rest of secnlp computes, which decides the answer and its order.
  std::vector<double> dot(n, 0.0);
  for (std::size_t i = 0; i < q.ids.size(); ++i) {
    const double w = q.values[i] * idf_q[i] * idf_q[i];
    const std::uint32_t available = index.df(q.ids[i], n);
    const std::uint32_t* positions = index.positions(q.ids[i]).data();
    const std::uint32_t* counts = index.counts(q.ids[i]).data();
    for (std::uint32_t k = 0; k < available; ++k)
      dot[positions[k]] += w * counts[k];
  }
  const double shrink =
      1.0 /
      (1.0 + std::log((1.0 + static_cast<double>(index.rows())) / (1.0 + static_cast<double>(n))));
  std::vector<std::pair<double, std::size_t>> bounds;  // (upper bound, position)
  if (q_norm > 0) {
    for (std::size_t p = 0; p < n; ++p) {
      if (dot[p] <= 0 || index.doc_id(p) == target.doc_id) continue;
      const double norm_floor = std::max(index.tf_norm(p), index.all_norm(p) * shrink);
      if (norm_floor > 0) bounds.emplace_back(dot[p] / (q_norm * norm_floor) * (1 + 1e-9), p);
    }
  }
  auto by_bound = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  std::vector<std::pair<double, std::size_t>> near;  // (cosine, position), best first
  auto kth = [&] { return near.size() >= query.top ? near[query.top - 1].first : 0.0; };
  constexpr std::size_t kBlock = 4096;
  std::vector<double> cosines;
  for (std::size_t start = 0; start < bounds.size() && query.top > 0;) {
    // The next block of highest bounds, in order.
    const std::size_t end = std::min(bounds.size(), start + kBlock);
    std::nth_element(bounds.begin() + static_cast<std::ptrdiff_t>(start),
                     bounds.begin() + static_cast<std::ptrdiff_t>(end - 1), bounds.end(), by_bound);
    std::sort(bounds.begin() + static_cast<std::ptrdiff_t>(start),
              bounds.begin() + static_cast<std::ptrdiff_t>(end), by_bound);
    if (near.size() >= query.top && bounds[start].first < kth() * (1 - 1e-9)) break;
    cosines.assign(end - start, 0.0);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(start, end, 256), [&](const auto& range) {
      for (std::size_t i = range.begin(); i != range.end(); ++i) {
        const std::size_t p = bounds[i].second;
        const auto ids = index.row_ids(p);
        const auto counts = index.row_counts(p);
        double norm2 = 0;
        for (std::size_t j = 0; j < ids.size(); ++j) {
          const double c = counts[j];
          norm2 += c * c * idf2[slot(ids[j])];
        }
        cosines[i - start] = dot[p] / (q_norm * std::sqrt(norm2));
      }
    });
    for (std::size_t i = start; i < end; ++i) {
      if (near.size() >= query.top && bounds[i].first < kth() * (1 - 1e-9)) break;
      const double cosine = cosines[i - start];
      if (near.size() >= query.top && cosine < kth() * (1 - 1e-9)) continue;
      near.emplace(std::upper_bound(near.begin(), near.end(), std::make_pair(cosine, i),
                                    [](const auto& a, const auto& b) { return a.first > b.first; }),
                   cosine, bounds[i].second);
      // Keep the best k and whatever is within 1e-9 of the k-th (near ties decide in pass 3).
      while (near.size() > query.top && near.back().first < kth() * (1 - 1e-9))
        near.pop_back();
    }
    start = end;
  }

  struct Scored {
    double score;
    store::PitKey key;
    std::int64_t doc_id;
  };
  std::vector<Scored> top;
  for (const auto& [approximate, p] : near) {
    (void)approximate;
    nlp::SparseVector v;
    std::vector<double> idf_v;
    const auto ids = index.row_ids(p);
    const auto counts = index.row_counts(p);
    for (std::size_t j = 0; j < ids.size(); ++j) {
      v.push_back(ids[j], counts[j]);
      idf_v.push_back(idf[slot(ids[j])]);
    }
    const double score = tfidf_cosine(q, idf_q, v, idf_v);
    if (score > 0) top.push_back({score, index.key(p), index.doc_id(p)});
  }
  std::sort(top.begin(), top.end(), [](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.key < b.key;
  });
  if (top.size() > query.top) top.resize(query.top);

  pipeline::ResultTable table;
  table.columns = {"rank", "score",       "document",  "cik",          "ticker",
                   "form", "fiscal_year", "accession", "available_at", "section"};
  std::int64_t rank = 0;
  for (const Scored& s : top) {
    const std::optional<store::StoredFiling> f = store::stored_filing(db, s.doc_id);
    if (!f) continue;
    std::vector<pipeline::Cell> row;
    row.emplace_back(++rank);
    row.emplace_back(s.score);
    row.emplace_back(std::filesystem::path(f->path).filename().string());
    row.emplace_back(f->cik);
    row.emplace_back(f->ticker);
    row.emplace_back(f->form);
    if (f->fiscal_year) {
      row.emplace_back(static_cast<std::int64_t>(*f->fiscal_year));
    } else {
      row.emplace_back(std::monostate{});
    }
    row.emplace_back(f->accession);
    row.emplace_back(f->available_at);
    row.emplace_back(pipeline::scope_label(scope));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace secnlp::similarity
