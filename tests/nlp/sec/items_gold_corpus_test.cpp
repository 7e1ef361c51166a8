// Item boundaries against the reviewed gold set in tests/data/sections/ (issue 16): every 10-K and
// 10-Q of ../shared/data/filings listed there, per item its first and last ~8 words, written by
// reading the filings' text (not by running secnlp). See docs/sections-accuracy.md.
//
// Held out: a filing whose file name (the last path component of "file") has an FNV-1a 32-bit
// hash that is 0 mod 3. Both parts' scores are asserted against the targets (the held-out
// part since it met them, 2026-12-07: a change that loses them there fails) and printed apart (the
// README reports the held-out part).
//
// A boundary agrees when at most one sentence with words (the project's splitter; >= 3 words of
// letters) lies between ours and the reference: page footers and a "PART II" line do not count
// against a boundary, a missed paragraph does. A section is flagged when it has contains-heading,
// too-short, too-long, toc-only or uncertain-end, or confidence < 0.5; every boundary error must
// be flagged and at most 5% of correct sections may be.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpora/edgar/submission.h"
#include "nlp/sec/item_headings.h"
#include "nlp/sec/section_map.h"
#include "nlp/sec/ten_k.h"
#include "nlp/sec/ten_q.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "tests/nlp/sec/items_corpus_util.h"
#include "tests/support/clean_text.h"
#include "tests/support/json_reader.h"
#include "tests/support/test_data.h"

namespace fs = std::filesystem;
using namespace secnlp::nlp::sec;

namespace {

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

// The committed hold-out rule.
bool held_out(std::string_view file) {
  std::size_t slash = file.rfind('/');
  std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
  return fnv1a(name) % 3 == 0;
}

struct Token {
  std::string word;
  std::uint32_t begin, end;
};

bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!alnum(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::string w;
    while (j < text.size() && alnum(text[j])) {
      char c = text[j++];
      w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    out.push_back({std::move(w), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    i = j;
  }
  return out;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : tokens_of(s))
    out.push_back(std::move(t.word));
  return out;
}

// Token indices where `words` occur in a row.
std::vector<long> occurrences(const std::vector<Token>& toks,
                              const std::vector<std::string>& words) {
  std::vector<long> out;
  if (words.empty()) return out;
  for (std::size_t i = 0; i + words.size() <= toks.size(); ++i) {
    if (toks[i].word != words[0]) continue;
    bool ok = true;
    for (std::size_t k = 1; k < words.size() && ok; ++k)
      ok = toks[i + k].word == words[k];
    if (ok) out.push_back(static_cast<long>(i));
  }
  return out;
}

// Where the quote starts: every occurrence of it, else of its first (keep_tail: last) five words
// aligned on the quote's start.
std::vector<long> quote_at(const std::vector<Token>& toks, const std::vector<std::string>& words,
                           bool keep_tail) {
  auto all = occurrences(toks, words);
  if (!all.empty() || words.size() <= 5) return all;
  if (!keep_tail) return occurrences(toks, {words.begin(), words.begin() + 5});
  all = occurrences(toks, {words.end() - 5, words.end()});
  std::vector<long> out;
  for (long at : all)
    if (at >= static_cast<long>(words.size() - 5))
      out.push_back(at - static_cast<long>(words.size() - 5));
  return out;
}

// Whether token `t` is the first on its line (blanks before it do not count).
bool at_line_start(std::string_view text, const Token& t) {
  std::size_t p = t.begin;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t'))
    --p;
  return p == 0 || text[p - 1] == '\n';
}

// The last start in [lo, hi) of the quote; -1 when none. A start quote (`text` given) that is
// only found shortened prefers an occurrence at a line start: a reference start is a heading,
// and the heading's first words also open cross-references ("refer to Part II, Item 7,
// Management's Discussion ...") later in the item.
long find_last(const std::vector<Token>& toks, const std::vector<std::string>& words,
               std::size_t lo, std::size_t hi, bool keep_tail, std::string_view text = {}) {
  long best = -1, best_line_start = -1;
  for (long at : quote_at(toks, words, keep_tail))
    if (at >= static_cast<long>(lo) && at < static_cast<long>(hi)) {
      best = at;
      if (!text.empty() && at_line_start(text, toks[static_cast<std::size_t>(at)]))
        best_line_start = at;
    }
  return best_line_start >= 0 ? best_line_start : best;
}

// Sentences with words that start in [lo, hi).
int sentences_between(std::string_view text, const std::vector<secnlp::nlp::Span>& sentences,
                      std::uint32_t lo, std::uint32_t hi) {
  if (lo > hi) std::swap(lo, hi);
  int n = 0;
  auto it =
      std::lower_bound(sentences.begin(), sentences.end(), lo,
                       [](const secnlp::nlp::Span& s, std::uint32_t pos) { return s.begin < pos; });
  for (; it != sentences.end() && it->begin < hi; ++it) {
    int words = 0;
    bool in_word = false;
    for (std::uint32_t p = it->begin; p < it->end; ++p) {
      char c = text[p];
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (letter && !in_word) ++words;
      in_word = letter;
    }
    if (words >= 3) ++n;
  }
  return n;
}

struct Score {
  int filings = 0, expected = 0, found = 0, invented = 0, located = 0, start_ok = 0, end_ok = 0;
  int correct = 0, correct_flagged = 0, errors = 0, errors_flagged = 0;
  void print(const char* name) const {
    auto pct = [](int a, int b) { return b == 0 ? 100.0 : 100.0 * a / b; };
    std::printf(
        "%-11s filings %3d  items %4d  found %5.1f%%  invented %d  located %4d  start %5.1f%%  "
        "end %5.1f%%  boundaries %5.1f%%  errors flagged %d/%d  correct flagged %5.1f%%\n",
        name, filings, expected, pct(found, expected), invented, located, pct(start_ok, located),
        pct(end_ok, located), pct(start_ok + end_ok, 2 * located), errors_flagged, errors,
        pct(correct_flagged, correct));
  }
};

constexpr std::uint32_t kReviewFlags = kSectionContainsHeading | kSectionTooShort |
                                       kSectionTooLong | kSectionTableOfContentsOnly |
                                       kSectionUncertainEnd;

// The targets on one part: >= 99% of items found, none invented, >= 95% of located
// boundaries within a sentence, every boundary error flagged, <= 5% of correct sections flagged.
void expect_targets(const Score& sc, const char* part) {
  SCOPED_TRACE(part);
  ASSERT_GT(sc.expected, 0);
  EXPECT_GE(sc.found, sc.expected * 99 / 100);
  EXPECT_EQ(sc.invented, 0);
  EXPECT_GE(sc.start_ok + sc.end_ok, 2 * sc.located * 95 / 100);
  EXPECT_EQ(sc.errors_flagged, sc.errors);
  EXPECT_LE(sc.correct_flagged * 100, sc.correct * 5);
}

}  // namespace

TEST(ItemsGoldCorpus, BoundariesAgreeWithReviewedReferences) {
  SECNLP_REQUIRE_CORPUS(filings, "filings");
  const fs::path gold_dir = secnlp::testing::fixture_path("sections");
  const auto gold_files = secnlp::testing::files_under(gold_dir, {".json"});
  ASSERT_FALSE(gold_files.empty()) << gold_dir;
  Score dev, held;
  int missing = 0;
  for (const auto& gf : gold_files) {
    const auto gold = secnlp::testing::parse_json(secnlp::testing::read_file(gf));
    const std::string file = gold.get("file")->str();
    const std::string form = gold.get("form")->str();
    const fs::path path = filings / file;
    if (!fs::exists(path)) {
      ++missing;
      continue;
    }
    const std::string raw = secnlp::testing::read_file(path);
    // A submission (tagged or tag-stripped): its main document, as the pipeline's submission
    // stage takes it.
    std::string_view body = raw;
    if (secnlp::corpora::looks_like_submission(raw)) {
      const auto sub = secnlp::corpora::parse_submission(raw, path.string());
      ASSERT_TRUE(sub.main_document.has_value()) << file;
      body = secnlp::corpora::document_body(raw, sub, *sub.main_document);
    }
    const std::string text = secnlp::testing::default_clean_text(body);
    const bool ten_q = form_family(form) == FormFamily::k10Q;
    const SectionMap map = ten_q ? segment_10q(text, {form, 0}) : segment_10k(text, {form, 0});
    secnlp::nlp::SentenceOptions so;
    if (path.extension() == ".txt") so.line_breaks = secnlp::nlp::LineBreaks::kParagraph;
    const auto sentences = secnlp::nlp::SentenceSplitter(so).split(text);
    const auto toks = tokens_of(text);
    // SECNLP_ITEMS_VERBOSE=1: print every section map; SECNLP_ITEMS_CONTEXT=1: the text around each
    // boundary error.
    if (std::getenv("SECNLP_ITEMS_VERBOSE")) secnlp::testing::items::print_sections(file, map);
    Score& sc = held_out(file) ? held : dev;
    ++sc.filings;
    std::set<std::string> gold_ids;
    std::printf("--- %s%s\n", file.c_str(), held_out(file) ? "  [held out]" : "");
    // Reference starts, from the last item backwards: each the last occurrence of its first
    // words before the next item's start (a TOC line with the same words comes earlier). Then
    // each end: the last occurrence of its last words between its start and the next start.
    const auto& gitems = gold.get("items")->array();
    std::vector<long> starts(gitems.size(), -1), ends(gitems.size(), -1);
    // Whole quotes first; shortened ones (five words) only between the neighbours found.
    std::size_t bound = toks.size();
    for (std::size_t i = gitems.size(); i-- > 0;) {
      const auto w = words_of(gitems[i].get("first")->str());
      long best = -1;
      for (long at : occurrences(toks, w))
        if (at < static_cast<long>(bound)) best = at;
      starts[i] = best;
      if (best >= 0) bound = static_cast<std::size_t>(best);
    }
    for (std::size_t i = 0; i < gitems.size(); ++i) {
      if (starts[i] >= 0) continue;
      std::size_t lo = 0, hi = toks.size();
      for (std::size_t j = i; j-- > 0;)
        if (starts[j] >= 0) {
          lo = static_cast<std::size_t>(starts[j]) + 1;
          break;
        }
      for (std::size_t j = i + 1; j < gitems.size(); ++j)
        if (starts[j] >= 0) {
          hi = static_cast<std::size_t>(starts[j]);
          break;
        }
      starts[i] = find_last(toks, words_of(gitems[i].get("first")->str()), lo, hi, false, text);
    }
    for (std::size_t i = 0; i < gitems.size(); ++i) {
      if (starts[i] < 0) continue;
      std::size_t next = toks.size();
      for (std::size_t j = i + 1; j < gitems.size(); ++j)
        if (starts[j] >= 0) {
          next = static_cast<std::size_t>(starts[j]);
          break;
        }
      const auto last = words_of(gitems[i].get("last")->str());
      long b = find_last(toks, last, static_cast<std::size_t>(starts[i]), next, true);
      if (b >= 0) ends[i] = b + static_cast<long>(last.empty() ? 0 : last.size() - 1);
    }
    for (std::size_t i = 0; i < gitems.size(); ++i) {
      const auto& it = gitems[i];
      const std::string id = it.get("item")->str();
      gold_ids.insert(id);
      ++sc.expected;
      const ItemSection* s = find_section(map, id);
      const bool present = s != nullptr && !(s->flags & kSectionTableOfContentsOnly);
      if (present) ++sc.found;
      if (starts[i] < 0 || ends[i] < 0) {
        std::printf("    %-20s reference words not located%s\n", id.c_str(),
                    present ? "" : " (and not found)");
        continue;
      }
      const std::uint32_t gb = toks[static_cast<std::size_t>(starts[i])].begin;
      const std::uint32_t ge =
          toks[std::min(toks.size() - 1, static_cast<std::size_t>(ends[i]))].end;
      ++sc.located;
      if (!present) {
        ++sc.errors;
        std::printf("    %-20s MISSING\n", id.c_str());
        continue;
      }
      const int ds = sentences_between(text, sentences, s->begin, gb);
      const int de = sentences_between(text, sentences, s->end, ge);
      const bool sok = ds <= 1, eok = de <= 1;
      sc.start_ok += sok;
      sc.end_ok += eok;
      const bool flagged = (s->flags & kReviewFlags) || s->confidence < 0.5;
      if (sok && eok) {
        ++sc.correct;
        sc.correct_flagged += flagged;
      } else {
        ++sc.errors;
        sc.errors_flagged += flagged;
      }
      if (!sok || !eok || flagged)
        std::printf("    %-20s start %+d end %+d (ours %u..%u, ref %u..%u) conf %.2f flags %s\n",
                    id.c_str(), sok ? 0 : ds, eok ? 0 : de, s->begin, s->end, gb, ge, s->confidence,
                    section_flag_names(s->flags).c_str());
      if ((!sok || !eok) && std::getenv("SECNLP_ITEMS_CONTEXT")) {
        auto show = [&](std::uint32_t a, std::uint32_t b) {
          if (a > b) std::swap(a, b);
          a = a > 400 ? a - 400 : 0;
          b = std::min<std::uint32_t>(static_cast<std::uint32_t>(text.size()), b + 400);
          std::printf("=====\n%s\n=====\n", text.substr(a, b - a).c_str());
        };
        if (!sok) show(s->begin, gb);
        if (!eok) show(s->end, ge);
      }
    }
    for (const auto& s : map.sections) {
      if ((s.flags & kSectionTableOfContentsOnly) || s.begin == s.end) continue;
      if (!gold_ids.count(s.item)) {
        ++sc.invented;
        std::printf("    %-20s INVENTED at %u (%s)\n", s.item.c_str(), s.begin,
                    s.heading.substr(0, 60).c_str());
      }
    }
  }
  std::printf("\n");
  dev.print("development");
  held.print("held-out");
  if (missing) std::printf("%d gold filings absent from the corpus\n", missing);
  expect_targets(dev, "development");
  expect_targets(held, "held-out");
}
