#pragma once
// Point in time: when a filing became available, and the order in which filings did.
//
// The rule (README, "Point in time"):
//  - A filing is available from its EDGAR acceptance time, in US Eastern time as EDGAR states it
//    (<ACCEPTANCE-DATETIME> in the SEC header, acceptanceDateTime in the submissions JSON, an
//    `accepted` column of a --metadata file). Without an acceptance time it is available from
//    the END of its filing date (23:59:59): a filing is never placed earlier than it could have
//    been seen. Without either it is undated: it is never available to other filings, and its
//    own scores cannot be dated (the run summary names such filings).
//  - Filings are ordered by (available_at, accession, content hash): several filings accepted
//    in the same second are ordered by accession, so the order never depends on insertion order.
//  - A cross-filing statistic for a filing (idf, vocabulary size, nearest filings, corpus
//    terms) reads only the filings ordered at or before it. Amendments count as available
//    (their text was public), although they are never paired for year-over-year change.
//  - A score "could have been known" from its filing's available_at; `tradable_from` is that
//    date when the acceptance was before 16:00 ET, else the next weekday (exchange holidays are
//    not modelled).
// Pure functions; safe from any thread.

#include <optional>
#include <string>
#include <string_view>

namespace secnlp::store {

// "20231102180827", "2023-11-02T18:08:27", "2023-11-02 18:08:27", "2023-11-02T18:08:27.000Z"
// -> "2023-11-02T18:08:27" (the clock time as written: EDGAR's times are Eastern, even where
// the submissions JSON appends a Z). nullopt for anything else or an impossible time.
std::optional<std::string> normalize_acceptance(std::string_view text);

// The point-in-time key of a filing: `accepted` (normalized) when present, else `filed`
// (YYYY-MM-DD) + "T23:59:59", else empty (undated).
std::string available_at(std::string_view accepted, std::string_view filed);

// The inclusive upper bound of an --as-of argument: a date "YYYY-MM-DD" means the end of that
// day ("YYYY-MM-DDT23:59:59"); a date and time is normalized as above. Throws
// Error(kInvalidArgument) naming the value when it is neither.
std::string as_of_bound(std::string_view as_of);

// The first trading date on which a score known at `available_at` could be used: the date of
// `available_at` when its time is before 16:00:00, else the next weekday. Empty for empty input.
std::string tradable_from(std::string_view available_at);

// The ordering key of a filing: filings compare by available_at, then accession, then content
// hash. Undated filings (empty available_at) are not ordered and never available.
struct PitKey {
  std::string available_at;
  std::string accession;
  std::string content_hash;

  bool dated() const { return !available_at.empty(); }
  friend bool operator<(const PitKey& a, const PitKey& b) {
    if (a.available_at != b.available_at) return a.available_at < b.available_at;
    if (a.accession != b.accession) return a.accession < b.accession;
    return a.content_hash < b.content_hash;
  }
  friend bool operator<=(const PitKey& a, const PitKey& b) { return !(b < a); }
};

}  // namespace secnlp::store
