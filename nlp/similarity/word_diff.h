#pragma once
// Word-level diff of two documents given as token-id sequences (intern the tokens first with
// token_interning.h so that every comparison is an integer compare), and the year-over-year
// change scores built on it (Cohen, Malloy & Nguyen, "Lazy Prices", Journal of Finance 2020:
// Sim_MinEdit and Sim_Simple).
//
// Algorithms (all exact, all linear memory):
//  - Myers' O((N+M)·D) greedy algorithm with the linear-space divide and conquer on the "middle
//    snake" (Myers 1986, section 4b); common prefix and suffix are stripped first. Fast when
//    the documents are similar (D small): 100,000 words with 1% edits take a few milliseconds.
//  - When a sub-problem would cost Myers more than a bit-parallel LCS pass (documents that
//    differ a lot, D comparable to N+M), that sub-problem is solved with the bit-parallel LCS
//    of Allison & Dix / Hyyrö (64 cells per machine word, O(N·M/64)), and the edit script with
//    Hirschberg's split on top of it. 100,000 very different words take on the order of a
//    second. The choice never changes D, only the cost.
// The distance D here is the indel distance: the minimum number of single-word deletions plus
// insertions that turn a into b (= N + M - 2·LCS). A substituted word counts as one deletion
// plus one insertion. For the distance with substitutions (Levenshtein) see levenshtein.h.
//
// All functions are pure and thread-safe. Ids are arbitrary uint32 values; dense ids (as
// token_interning.h makes) are fastest.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace secnlp::nlp {

// Sizes of a minimal diff: a_size = common + deleted, b_size = common + inserted.
struct DiffStats {
  std::size_t a_size = 0;
  std::size_t b_size = 0;
  std::size_t common = 0;    // words kept: the length of a longest common subsequence
  std::size_t deleted = 0;   // words of a not in the LCS
  std::size_t inserted = 0;  // words of b not in the LCS
  // Indel edit distance D = deleted + inserted.
  std::size_t distance() const { return deleted + inserted; }
  friend bool operator==(const DiffStats&, const DiffStats&) = default;
};

enum class EditOp : std::uint8_t { kEqual, kDelete, kInsert };

// A run of `length` consecutive operations of one kind. kEqual: a[a_pos..+length) ==
// b[b_pos..+length). kDelete: a[a_pos..+length) removed (b_pos = where b stands). kInsert:
// b[b_pos..+length) added (a_pos = where a stands).
struct EditRun {
  EditOp op = EditOp::kEqual;
  std::size_t a_pos = 0;
  std::size_t b_pos = 0;
  std::size_t length = 0;
  friend bool operator==(const EditRun&, const EditRun&) = default;
};

// Counts of a minimal diff without building the script. Cost: O(N + M + D²) expected,
// O(min((N+M)·D, N·M/64)) worst; memory O(N + M).
DiffStats diff_stats(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// A minimal edit script: runs in document order, adjacent runs of the same kind merged (a changed
// region may interleave deletions and insertions). Its totals equal diff_stats(a, b). Cost: as
// diff_stats, about twice; memory O(N + M + runs).
std::vector<EditRun> edit_script(std::span<const std::uint32_t> a,
                                 std::span<const std::uint32_t> b);

// Totals of a script (common = equal words, etc.); a_size/b_size are the sums they imply.
DiffStats stats_of(std::span<const EditRun> script);

// Indel distance D (diff_stats(a, b).distance()).
std::size_t edit_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// Normalised minimum edit distance at word level, in [0, 1]: 1 - D / (N + M), D the indel
// distance (a substitution = delete + insert). Identical documents give 1, documents with no
// word in common give 0, two empty documents give 1. Equals 2·LCS / (N + M): the formula of
// Python's difflib.SequenceMatcher.ratio(), which applies it to its own matching (not always a
// longest one, and with autojunk on long inputs), so difflib can only be lower or equal. This is
// the CLI's default "edit" score: exact, symmetric, fast on long documents.
double edit_similarity(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// What a word processor's "compare documents / track changes" shows: each maximal changed
// region of the diff is an addition (only inserted words), a deletion (only deleted words) or a
// change (both); counts are in words, a change counting max(deleted, inserted) words — the
// number of word positions that were rewritten.
struct ChangeCounts {
  std::size_t added = 0;    // words in regions that only insert
  std::size_t deleted = 0;  // words in regions that only delete
  std::size_t changed = 0;  // Σ max(deleted, inserted) over regions that do both
  std::size_t regions = 0;  // number of changed regions (hunks)
  std::size_t total() const { return added + deleted + changed; }
  friend bool operator==(const ChangeCounts&, const ChangeCounts&) = default;
};

// Change counts of a script from edit_script().
ChangeCounts count_changes(std::span<const EditRun> script);

// Lazy Prices' Sim_Simple. The paper (Cohen, Malloy & Nguyen 2020, section I) describes it as a
// simple side-by-side comparison of the two documents, like the "Track Changes" comparison of
// Microsoft Word or the Unix `diff` command, counting the additions, deletions and changes
// relative to the size of the documents. It gives no formula; this is its operationalisation:
//   Sim_Simple = max(0, 1 - (added + deleted + changed) / ((N + M) / 2))
// with the counts of count_changes() on a minimal word-level diff and the average length of the
// two documents as "document size". Identical (or both empty) gives 1; no common word gives
// 1 - 2·max(N, M)/(N + M) <= 0, clipped to 0. Depends on which minimal script is chosen (the
// grouping of changes into regions), unlike edit_similarity().
double simple_similarity(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
// Same from counts already computed (N = a_size, M = b_size).
double simple_similarity(const ChangeCounts& counts, std::size_t a_size, std::size_t b_size);

}  // namespace secnlp::nlp
