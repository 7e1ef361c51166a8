#include "nlp/sec/eight_k.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"

namespace secnlp::nlp::sec {
namespace {

struct ItemInfo {
  std::string_view id;
  std::string_view title;
};

// The SEC's Form 8-K items (General Instructions B and the item list), current numbering.
constexpr std::array<ItemInfo, 32> kCurrentItems = {{
    {"1.01", "Entry into a Material Definitive Agreement"},
    {"1.02", "Termination of a Material Definitive Agreement"},
    {"1.03", "Bankruptcy or Receivership"},
    {"1.04", "Mine Safety - Reporting of Shutdowns and Patterns of Violations"},
    {"1.05", "Material Cybersecurity Incidents"},
    {"2.01", "Completion of Acquisition or Disposition of Assets"},
    {"2.02", "Results of Operations and Financial Condition"},
    {"2.03",
     "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
     "Arrangement of a Registrant"},
    {"2.04",
     "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an "
     "Obligation under an Off-Balance Sheet Arrangement"},
    {"2.05", "Costs Associated with Exit or Disposal Activities"},
    {"2.06", "Material Impairments"},
    {"3.01",
     "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer "
     "of Listing"},
    {"3.02", "Unregistered Sales of Equity Securities"},
    {"3.03", "Material Modification to Rights of Security Holders"},
    {"4.01", "Changes in Registrant's Certifying Accountant"},
    {"4.02",
     "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
     "Completed Interim Review"},
    {"5.01", "Changes in Control of Registrant"},
    {"5.02",
     "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
     "Officers; Compensatory Arrangements of Certain Officers"},
    {"5.03", "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year"},
    {"5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"},
    {"5.05",
     "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of "
     "Ethics"},
    {"5.06", "Change in Shell Company Status"},
    {"5.07", "Submission of Matters to a Vote of Security Holders"},
    {"5.08", "Shareholder Director Nominations"},
    {"6.01", "ABS Informational and Computational Material"},
    {"6.02", "Change of Servicer or Trustee"},
    {"6.03", "Change in Credit Enhancement or Other External Support"},
    {"6.04", "Failure to Make a Required Distribution"},
    {"6.05", "Securities Act Updating Disclosure"},
    {"6.06", "Static Pool"},
    {"7.01", "Regulation FD Disclosure"},
    {"8.01", "Other Events"},
}};
constexpr ItemInfo kItem901 = {"9.01", "Financial Statements and Exhibits"};

// Items of Form 8-K before August 23, 2004 (ids "item1" ... "item12").
constexpr std::array<ItemInfo, 12> kObsoleteItems = {{
    {"item1", "Changes in Control of Registrant"},
    {"item2", "Acquisition or Disposition of Assets"},
    {"item3", "Bankruptcy or Receivership"},
    {"item4", "Changes in Registrant's Certifying Accountant"},
    {"item5", "Other Events"},
    {"item6", "Resignations of Registrant's Directors"},
    {"item7", "Financial Statements and Exhibits"},
    {"item8", "Change in Fiscal Year"},
    {"item9", "Regulation FD Disclosure"},
    {"item10",
     "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the "
     "Code of Ethics"},
    {"item11", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"},
    {"item12", "Results of Operations and Financial Condition"},
}};

const ItemInfo* find_item(std::string_view id) {
  if (id == kItem901.id) return &kItem901;
  for (const auto& it : kCurrentItems)
    if (it.id == id) return &it;
  for (const auto& it : kObsoleteItems)
    if (it.id == id) return &it;
  return nullptr;
}

constexpr std::size_t kWindow = 256;         // bytes of a line the heading patterns look at
constexpr std::size_t kShortHeading = 200;   // a heading line shorter than this reads as a title
constexpr std::size_t kReferenceBody = 400;  // bodies shorter than this may be reference-only

// Expected body size of an item, by item and numbering era. The financial-statements item (9.01;
// Item 7 before August 2004) is an exhibit list ("(d) Exhibits 99.1 Press release") or, after an
// acquisition, the acquired business's audited statements: a few words to megabytes. Every other
// item is a disclosure: under 40 letters and digits (about six words) that point nowhere is
// probably a cut heading; over 200,000 bytes probably a missed heading. (On edgar-crawler's 553
// 8-Ks no disclosure item that points nowhere is under 40; 9.01 bodies go down to 9.)
struct BodyBounds {
  std::size_t min_alnum;
  std::size_t max_bytes;
};
BodyBounds body_bounds(std::string_view id) {
  if (id == "9.01" || id == "item7") return {20, 2000000};
  return {40, 200000};
}

// "Item", "ITEMS", "I T E M", then an optional line break and "No.", then the number.
#define SECNLP_8K_ITEM_PREFIX                    \
  "[\\t \\x{A0}]*I ?T ?E ?M ?(S?)[\\t \\x{A0}]*" \
  "(\\n[\\t \\x{A0}]*)?(?:No\\.? ?)?"

struct Patterns {
  // Set over a line start: 0 = item heading family, 1 = signature line.
  std::unique_ptr<RE2::Set> family;
  // Captures: 1 "S" of ITEMS, 2 line break, 3 major number, 4 minor number.
  std::unique_ptr<RE2> item;
  std::unique_ptr<RE2> signature;
  // On the rest of a heading line after the number: "and 7.01", ", 8.01", "& Item 9.01".
  std::unique_ptr<RE2> combined;
  // Bodies that only point elsewhere.
  std::unique_ptr<RE2> reference;
  std::unique_ptr<RE2> nothing;
  std::unique_ptr<RE2> incorporated;

  Patterns() {
    RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    family = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_START);
    const std::string item_re = SECNLP_8K_ITEM_PREFIX "(\\d{1,2})(?: ?\\. ?(\\d{1,2}))?";
    const std::string sig_re = "[\\t \\x{A0}]*S ?I ?G ?N ?A ?T ?U ?R ?E ?(?:S|\\(S\\))?";
    if (family->Add(item_re, nullptr) != 0 || family->Add(sig_re, nullptr) != 1 ||
        !family->Compile())
      throw Error(ErrorCode::kInternal, "8-K heading set does not compile", "eight_k.cpp");
    item = std::make_unique<RE2>(item_re, opt);
    signature = std::make_unique<RE2>(sig_re, opt);
    combined = std::make_unique<RE2>(
        "(?:\\([a-z0-9]{1,4}\\))*[\\t \\x{A0}]*(?:,|and|&)[\\t \\x{A0}]*(?:items? ?)?\\d", opt);
    reference = std::make_unique<RE2>(
        "\\b(?:see|refer(?:ence)? to|set forth (?:in|under)|described (?:in|under)|included "
        "(?:in|under)|disclosed (?:in|under)|reported (?:in|under)|contained in|provided "
        "(?:in|under))\\b.{0,120}?\\bitems? ?\\d",
        opt);
    nothing = std::make_unique<RE2>("^\\W*(?:none|not applicable|n/a|inapplicable)\\W*$", opt);
    incorporated = std::make_unique<RE2>("incorporated\\s+(?:\\S+\\s+){0,6}?by\\s+reference", opt);
    for (const RE2* re : {item.get(), signature.get(), combined.get(), reference.get(),
                          nothing.get(), incorporated.get()})
      if (!re->ok())
        throw Error(ErrorCode::kInternal, "8-K pattern does not compile: " + re->error(),
                    "eight_k.cpp");
  }
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

std::string_view eight_k_title_of(std::string_view id) {
  const ItemInfo* info = find_item(id);
  return info ? info->title : std::string_view{};
}

// End of the line holding `pos`, searching at most `limit` bytes ahead: a heading's line is
// short, and an unbounded search from every candidate would make joined text quadratic.
std::size_t line_end_within(std::string_view text, std::size_t pos, std::size_t limit) {
  const std::size_t stop = std::min(text.size(), pos + limit);
  const std::size_t nl = text.substr(0, stop).find('\n', pos);
  return nl == std::string_view::npos ? stop : nl;
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string_view trim(std::string_view s) {
  auto blank = [](std::string_view v, std::size_t i) {
    return v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r';
  };
  std::size_t b = 0, e = s.size();
  while (b < e && blank(s, b))
    ++b;
  while (e > b && blank(s, e - 1))
    --e;
  s = s.substr(b, e - b);
  // Leading/trailing NBSP (C2 A0).
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0")
    s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
    s.remove_suffix(2);
  return s;
}

// Lowercase connectives that show a line cites an item rather than heads it ("Item 9 of Form
// 8-K", "Item 2.03 above").
bool is_citing_word(std::string_view w) {
  static constexpr std::array<std::string_view, 31> kWords = {
      "of", "and",   "or",    "above", "below", "hereof",  "herein", "hereto",
      "is", "are",   "was",   "were",  "to",    "in",      "on",     "for",
      "as", "with",  "which", "that",  "the",   "through", "has",    "have",
      "by", "shall", "will",  "also",  "from",  "at",      "under"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

// The first word of `rest` after punctuation, sub-item letters "(a)" and spaces.
std::string_view first_word(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size()) {
    const char c = rest[i];
    if (c == '(') {
      const auto close = rest.find(')', i);
      if (close != std::string_view::npos && close - i <= 5) {
        i = close + 1;
        continue;
      }
    }
    if (is_alnum(c)) break;
    ++i;
  }
  std::size_t j = i;
  while (j < rest.size() && is_alpha(rest[j]))
    ++j;
  return rest.substr(i, j - i);
}

bool has_alnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return is_alnum(c); });
}

std::size_t count_alnum(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), is_alnum));
}

// Lowercase ASCII words of `s` minus short function words.
std::vector<std::string> content_words(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kStop = {
      "a", "an", "the", "of", "or", "and", "to", "in", "on", "for", "under", "with"};
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty() && std::find(kStop.begin(), kStop.end(), w) == kStop.end()) out.push_back(w);
    w.clear();
  };
  for (char c : s) {
    if (is_alpha(c))
      w.push_back(lower(c));
    else
      flush();
  }
  flush();
  return out;
}

// Whether the heading's words agree with the item's title: at least half of the title's first
// (up to four) content words appear in the heading, prefixes of 5+ letters counting ("Operation"
// for "Operations").
bool title_agrees(std::string_view heading, std::string_view title) {
  const auto want = content_words(title);
  const auto have = content_words(heading);
  const std::size_t n = std::min<std::size_t>(4, want.size());
  if (n == 0) return false;
  std::size_t hits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& w = want[i];
    const std::string stem = w.substr(0, std::min<std::size_t>(w.size(), 5));
    for (const auto& h : have)
      if (h == w || (stem.size() == 5 && h.starts_with(stem))) {
        ++hits;
        break;
      }
  }
  return hits * 2 >= n;
}

struct Candidate {
  std::size_t begin = 0;        // line start
  std::size_t heading_end = 0;  // end of the heading text (line end, or the next line's)
  bool signature = false;
  bool current = false;  // N.NN numbering
  std::string id;
  std::string heading;
  std::string method;
  bool combined = false;
};

// Parses an item heading at `pos` (a line start); false when the line is no heading.
bool parse_item(std::string_view text, std::size_t pos, Candidate& out) {
  const auto& p = patterns();
  const std::string_view window = text.substr(pos, std::min(kWindow, text.size() - pos));
  std::string_view split, major, minor;
  std::array<re2::StringPiece, 5> groups;
  if (!p.item->Match(window, 0, window.size(), RE2::ANCHOR_START, groups.data(), 5)) return false;
  auto view = [](const re2::StringPiece& g) { return std::string_view(g.data(), g.size()); };
  const std::string_view whole = view(groups[0]);
  split = view(groups[2]);
  major = view(groups[3]);
  minor = view(groups[4]);
  const std::size_t after = pos + whole.size();
  // The byte after the number decides between a heading and a citation.
  const char next = after < text.size() ? text[after] : '\n';
  if (is_digit(next) || next == ')' || next == '/' || next == '%') return false;
  if (minor.empty() && is_alpha(next)) return false;  // "Item 5of" is not a heading
  if (!minor.empty() && next == '.' && after + 1 < text.size() && is_digit(text[after + 1]))
    return false;  // "Item 2.02.1"
  std::string id;
  if (!minor.empty()) {
    if (major.size() != 1) return false;
    id = std::string(major) + "." + (minor.size() == 1 ? "0" : "") + std::string(minor);
    out.current = true;
  } else {
    id = "item" + std::string(major[0] == '0' ? major.substr(1) : major);
    out.current = false;
  }
  if (!find_item(id)) return false;
  std::size_t line_end = line_end_within(text, after, kWindow);
  const bool whole_line = line_end == text.size() || text[line_end] == '\n';
  if (!whole_line) {  // a long line: keep its first words as the heading
    const std::size_t space = text.substr(0, line_end).rfind(' ');
    if (space != std::string_view::npos && space > after) line_end = space;
  }
  const std::string_view rest = text.substr(after, line_end - after);
  const std::string_view word = first_word(rest);
  out.combined = p.combined->Match(rest, 0, rest.size(), RE2::ANCHOR_START, nullptr, 0);
  if (!out.combined && !word.empty() && is_lower(word[0])) {
    std::string w(word);
    if (is_citing_word(w)) return false;
  }
  out.id = std::move(id);
  out.begin = pos;
  out.heading_end = line_end;
  out.method = "heading";
  if (!split.empty()) out.method = "heading-split";
  const std::string_view head = whole.substr(0, whole.size() - major.size() - minor.size());
  if (head.find("T ") != std::string_view::npos || head.find("t ") != std::string_view::npos ||
      head.find("I T") != std::string_view::npos || head.find("i t") != std::string_view::npos)
    out.method = "heading-spaced";
  std::string_view line = text.substr(pos, line_end - pos);
  if (line.find('\t') != std::string_view::npos) out.method = "heading-in-table";
  std::string heading(trim(line));
  // Title on the next line: "Item 2.02." alone, then "Results of Operations ...".
  if (!has_alnum(first_word(rest)) && whole_line && line_end < text.size()) {
    std::size_t n_begin = line_end + 1;
    std::size_t n_end = line_end_within(text, n_begin, kShortHeading);
    if (n_end == n_begin && n_end < text.size()) {  // one blank line between number and title
      n_begin = n_end + 1;
      n_end = line_end_within(text, n_begin, kShortHeading);
    }
    const std::string_view next_line = trim(text.substr(n_begin, n_end - n_begin));
    if (!next_line.empty() && next_line.size() < kShortHeading) {
      heading += " ";
      heading += next_line;
      out.heading_end = n_end;
      out.method = "heading-split";
    }
  }
  for (char& c : heading)
    if (c == '\n' || c == '\t') c = ' ';
  out.heading = std::move(heading);
  if (out.combined) out.method = "combined";
  return true;
}

bool parse_signature(std::string_view text, std::size_t pos) {
  const auto& p = patterns();
  const std::string_view window = text.substr(pos, std::min(kWindow, text.size() - pos));
  re2::StringPiece whole;
  if (!p.signature->Match(window, 0, window.size(), RE2::ANCHOR_START, &whole, 1)) return false;
  const std::size_t after = pos + whole.size();
  const char next = after < text.size() ? text[after] : '\n';
  if (is_alnum(next)) return false;  // "Signatured", "SIGNATURE1"
  const std::size_t line_end = line_end_within(text, after, kWindow);
  const std::string_view word = first_word(text.substr(after, line_end - after));
  return word.empty() || !is_lower(word[0]);  // "Signature of Holder", "signature page"
}

// Whether `pos` (inside a line) follows a sentence end or only a page number on its line, so
// that an upper-case "ITEM 5. OTHER EVENTS" there can head a section. Tag-stripped filings whose
// lines were joined (a plain-text 8-K read as HTML) put headings mid-line: "... herein. ITEM 7.
// FINANCIAL STATEMENTS ...", "2 ITEM 5. OTHER EVENTS. The registrant ...".
bool inline_context(std::string_view text, std::size_t pos) {
  std::size_t q = pos;
  while (q > 0 && text[q - 1] == ' ')
    --q;
  if (q == pos) return false;                       // "xITEM", or the line start itself
  if (q == 0 || text[q - 1] == '\n') return false;  // a line start: the line scan's business
  const char prev = text[q - 1];
  if (prev == '.' || prev == ':' || prev == ';' || prev == ')' || prev == ']') return true;
  // A page number alone before it: "\n2 ITEM 5."
  std::size_t d = q;
  while (d > 0 && is_digit(text[d - 1]))
    --d;
  return q - d >= 1 && q - d <= 3 && (d == 0 || text[d - 1] == '\n');
}

// An upper-case heading inside a line (see inline_context): the item's title must follow.
bool parse_inline_item(std::string_view text, std::size_t pos, Candidate& out) {
  if (!inline_context(text, pos) || !parse_item(text, pos, out)) return false;
  const std::size_t line_end = line_end_within(text, pos, kShortHeading);
  // The title runs to the first ". " after a letter, at most kShortHeading bytes.
  std::size_t end = std::min(line_end, pos + kShortHeading);
  bool letter = false;
  for (std::size_t i = pos + 4; i < end; ++i) {
    if (is_alpha(text[i])) letter = true;
    if (letter && text[i] == '.' && (i + 1 == end || text[i + 1] == ' ')) {
      end = i + 1;
      break;
    }
  }
  const std::string_view heading = text.substr(pos, end - pos);
  if (!title_agrees(heading, eight_k_title_of(out.id))) return false;
  out.begin = pos;
  out.heading = std::string(heading);
  out.heading_end = end;
  out.method = "heading-inline";
  return true;
}

// "35 SIGNATURES Pursuant to the requirements ..." inside a line.
bool parse_inline_signature(std::string_view text, std::size_t pos) {
  if (!inline_context(text, pos)) return false;
  std::size_t q = pos + 9;  // past "SIGNATURE"
  if (q < text.size() && text[q] == 'S') ++q;
  while (q < text.size() && text[q] == ' ')
    ++q;
  const std::string_view next = text.substr(q, 8);
  return next.size() == 8 && lower(next[0]) == 'p' && next.substr(1) == "ursuant";
}

}  // namespace

std::string_view eight_k_item_title(std::string_view item) {
  const ItemInfo* info = find_item(item);
  return info ? info->title : std::string_view{};
}

SectionMap segment_8k(std::string_view text) {
  const auto& p = patterns();
  SectionMap map;
  if (text.size() > 0xFFFFFFFFu)
    throw Error(ErrorCode::kLimit, "8-K text over 4 GiB", "segment_8k");

  // 1. Candidate headings and signature lines, at line starts.
  std::vector<Candidate> cands;
  std::vector<int> hits;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Cheap filter before RE2: the first visible letter must be I or S.
    std::size_t q = pos;
    while (q < line_end && (text[q] == ' ' || text[q] == '\t'))
      ++q;
    while (q + 1 < line_end && text[q] == '\xC2' && text[q + 1] == '\xA0')
      q += 2;
    const char c0 = q < line_end ? lower(text[q]) : '\0';
    if (c0 == 'i' || c0 == 's') {
      const std::string_view window = text.substr(pos, std::min(kWindow, text.size() - pos));
      hits.clear();
      if (p.family->Match(window, &hits)) {
        Candidate c;
        const bool item_hit = std::find(hits.begin(), hits.end(), 0) != hits.end();
        if (item_hit && parse_item(text, pos, c)) {
          cands.push_back(std::move(c));
        } else if (std::find(hits.begin(), hits.end(), 1) != hits.end() &&
                   parse_signature(text, pos)) {
          c.begin = pos;
          c.heading_end = line_end;
          c.signature = true;
          cands.push_back(std::move(c));
        }
      }
    }
    pos = line_end + 1;
  }

  // Upper-case headings and signature lines inside lines (joined text); positions already taken
  // by line-start candidates are skipped.
  {
    std::vector<Candidate> inl;
    for (std::size_t q = text.find("ITEM"); q != std::string_view::npos;
         q = text.find("ITEM", q + 4)) {
      Candidate c;
      if (parse_inline_item(text, q, c)) inl.push_back(std::move(c));
    }
    for (std::size_t q = text.find("SIGNATURE"); q != std::string_view::npos;
         q = text.find("SIGNATURE", q + 9)) {
      if (!parse_inline_signature(text, q)) continue;
      Candidate c;
      c.begin = q;
      c.heading_end = q + 9;
      c.signature = true;
      inl.push_back(std::move(c));
    }
    if (!inl.empty()) {
      cands.insert(cands.end(), std::make_move_iterator(inl.begin()),
                   std::make_move_iterator(inl.end()));
      std::stable_sort(cands.begin(), cands.end(),
                       [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    }
  }

  // 2. Numbering: current items when any is present, else the pre-2004 ones.
  const bool current = std::any_of(cands.begin(), cands.end(),
                                   [](const Candidate& c) { return !c.signature && c.current; });
  const bool any_item =
      std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return !c.signature; });
  std::erase_if(cands, [&](const Candidate& c) { return !c.signature && c.current != current; });
  if (!any_item) {
    map.notes.push_back("no item headings");
    return map;
  }
  if (!current) map.notes.push_back("pre-2004 item numbering");
  if (std::none_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.signature; }))
    map.notes.push_back("no signature line");

  // 3. Reach of each heading: to the next candidate of another item (or a signature line). Walk
  // backwards so that runs of the same item ("Item 7", "Item 7(a)") share one reach.
  const std::size_t n = cands.size();
  std::vector<std::size_t> reach_end(n, text.size());
  for (std::size_t i = n; i-- > 0;) {
    if (i + 1 < n) {
      const Candidate& nx = cands[i + 1];
      reach_end[i] = (!nx.signature && !cands[i].signature && nx.id == cands[i].id)
                         ? reach_end[i + 1]
                         : nx.begin;
    }
  }
  // Per item: keep the occurrence with the longest reach (first on ties).
  struct Pick {
    std::string id;
    std::size_t best = 0;
    std::size_t best_reach = 0;
    std::size_t second_reach = 0;
    std::size_t count = 0;
  };
  std::vector<Pick> picks;
  std::size_t ignored = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (cands[i].signature) continue;
    const std::size_t r = reach_end[i] - cands[i].begin;
    auto it = std::find_if(picks.begin(), picks.end(),
                           [&](const Pick& pk) { return pk.id == cands[i].id; });
    if (it == picks.end()) {
      picks.push_back({cands[i].id, i, r, 0, 1});
      continue;
    }
    ++it->count;
    ++ignored;
    if (r > it->best_reach) {
      it->second_reach = it->best_reach;
      it->best_reach = r;
      it->best = i;
    } else {
      it->second_reach = std::max(it->second_reach, r);
    }
  }
  std::sort(picks.begin(), picks.end(),
            [](const Pick& a, const Pick& b) { return a.best < b.best; });
  if (ignored > 0)
    map.notes.push_back(std::to_string(ignored) +
                        " repeated item headings ignored (cover list or table of contents)");

  // 4. Sections: from the kept heading to the next kept heading or signature line.
  std::size_t sig_cursor = 0;
  for (std::size_t k = 0; k < picks.size(); ++k) {
    const Candidate& c = cands[picks[k].best];
    std::size_t end = k + 1 < picks.size() ? cands[picks[k + 1].best].begin : text.size();
    bool bounded = k + 1 < picks.size();
    while (sig_cursor < n && (!cands[sig_cursor].signature || cands[sig_cursor].begin <= c.begin))
      ++sig_cursor;
    if (sig_cursor < n && cands[sig_cursor].begin < end) {
      end = cands[sig_cursor].begin;
      bounded = true;
    }
    ItemSection s;
    s.item = c.id;
    s.title = std::string(eight_k_item_title(c.id));
    s.heading = c.heading;
    s.begin = static_cast<std::uint32_t>(c.begin);
    s.end = static_cast<std::uint32_t>(end);
    s.method = c.method;
    if (c.combined) s.flags |= kSectionCombined;

    const std::size_t body_begin = std::min(c.heading_end, end);
    const std::string_view body = trim(text.substr(body_begin, end - body_begin));
    const std::size_t alnum = count_alnum(body);
    if (alnum == 0) {
      s.flags |= kSectionEmpty;
    } else if (body.size() < kReferenceBody) {
      if (p.nothing->Match(body, 0, body.size(), RE2::UNANCHORED, nullptr, 0) ||
          p.reference->Match(body, 0, body.size(), RE2::UNANCHORED, nullptr, 0))
        s.flags |= kSectionReferenceOnly;
      if (p.incorporated->Match(body, 0, body.size(), RE2::UNANCHORED, nullptr, 0))
        s.flags |= kSectionIncorporatedByReference;
    }
    const BodyBounds bounds = body_bounds(c.id);
    if (alnum > 0 && alnum < bounds.min_alnum &&
        !(s.flags & (kSectionReferenceOnly | kSectionIncorporatedByReference)))
      s.flags |= kSectionTooShort;
    if (body.size() > bounds.max_bytes) s.flags |= kSectionTooLong;

    const std::string_view line_head = c.heading;
    double conf = 0.5;
    if (title_agrees(line_head, s.title)) conf += 0.2;
    if (c.heading.size() < kShortHeading) conf += 0.1;
    if (picks[k].count == 1 || picks[k].best_reach >= 2 * picks[k].second_reach) conf += 0.1;
    if (bounded) conf += 0.1;
    if (s.flags & kSectionEmpty) conf -= 0.3;
    if (s.flags & kSectionReferenceOnly) conf -= 0.2;
    if (s.flags & (kSectionTooShort | kSectionTooLong)) conf -= 0.1;
    s.confidence = std::clamp(conf, 0.0, 1.0);
    map.sections.push_back(std::move(s));
  }
  return map;
}

}  // namespace secnlp::nlp::sec
