#include "nlp/sec/item_headings.h"
#include "common/ascii.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "common/error.h"

namespace secnlp::nlp::sec {

namespace {

using ascii::iequals;
using ascii::to_upper;

// Bytes of a line (or of the text after a sentence start) that heading regexes look at.
constexpr std::size_t kPrefixBytes = 400;
// Lines longer than this are also searched for headings at sentence starts (flattened SGML).
constexpr std::size_t kLongLine = 250;
// A heading whose remainder is neither empty nor its title must be a short capitalised title.
constexpr std::size_t kLooseTitleMax = 120;
// At most this many candidates per item enter the subsequence choice (keeps it O(n)).
constexpr std::size_t kMaxNodesPerItem = 12;
// Bodies shorter than these are examined for references.
constexpr std::size_t kIncorporationWindow = 3000;
constexpr std::size_t kReferenceWindow = 600;
// ... and the incorporation must be said at the start ("The information required by this item is
// incorporated herein by reference to ..."), not in passing.
constexpr std::size_t kIncorporationLead = 500;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
char upper(char c) {
  return is_lower(c) ? static_cast<char>(c - 32) : c;
}

std::string_view sv(re2::StringPiece p) {
  return std::string_view(p.data(), p.size());
}

// Unicode dashes (U+2010..U+2015, U+2212) as '-', U+00A0 as ' ': "Form 10‑K Summary".
std::string ascii_dashes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (b(i) == 0xE2 && i + 2 < s.size() &&
        ((b(i + 1) == 0x80 && b(i + 2) >= 0x90 && b(i + 2) <= 0x95) ||
         (b(i + 1) == 0x88 && b(i + 2) == 0x92))) {
      out.push_back('-');
      i += 2;
    } else if (b(i) == 0xC2 && i + 1 < s.size() && b(i + 1) == 0xA0) {
      out.push_back(' ');
      i += 1;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// `s` without blanks: "LEGAL PROCEE DINGS" -> "LEGALPROCEEDINGS" (runs split mid-word).
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!is_blank(c)) out.push_back(c);
  return out;
}

// A title pattern for squeezed text: every "\s+" becomes "\s*".
std::string squeezed_pattern(std::string_view pattern) {
  std::string out(pattern);
  for (std::size_t at = out.find("\\s+"); at != std::string::npos; at = out.find("\\s+", at))
    out.replace(at, 3, "\\s*");
  return out;
}

// "I TEM 7A", "IT EM 7A", "ITE M 7A" (a <b>/<font> run split mid-word): the line without that
// blank, or empty when the line does not start so.
std::string join_split_item(std::string_view t) {
  if (t.size() < 6) return {};
  for (std::size_t k = 1; k <= 3; ++k) {
    if (t[k] != ' ') continue;
    std::string joined = std::string(t.substr(0, k)) + std::string(t.substr(k + 1));
    if (joined.size() >= 5 && iequals(std::string_view(joined).substr(0, 4), "item") &&
        (joined[4] == ' ' || joined[4] == 's' || joined[4] == 'S' || is_digit(joined[4])))
      return joined;
    return {};
  }
  return {};
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_blank(s[b]))
    ++b;
  while (e > b && is_blank(s[e - 1]))
    --e;
  return s.substr(b, e - b);
}

// "I T E M  1 A .  R I S K" -> "ITEM 1A. RISK": single spaces between single characters go,
// runs of spaces become one. Only called when the text starts with spaced letters.
std::string collapse_spaced(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ')
        ++j;
      bool single = j - i == 1 && i > 0 && j < s.size();
      if (!single) out.push_back(' ');
      i = j;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

bool starts_spaced(std::string_view t) {
  return t.size() >= 7 && is_alpha(t[0]) && t[1] == ' ' && is_alpha(t[2]) && t[3] == ' ' &&
         is_alpha(t[4]) && t[5] == ' ';
}

// A line of running text: at least three lower-case words of four or more letters. Table of
// contents entries ("Management's Discussion and Analysis of ...") have at most two.
bool is_body_line(std::string_view line) {
  int words = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    if (is_alpha(line[i]) && (i == 0 || !is_alpha(line[i - 1]))) {
      std::size_t j = i;
      while (j < line.size() && (is_alpha(line[j]) || line[j] == '\''))
        ++j;
      if (is_lower(line[i]) && j - i >= 4 && ++words >= 3) return true;
      i = j;
    } else {
      ++i;
    }
  }
  return false;
}

bool has_body(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    if (is_body_line(text.substr(start, nl - start))) return true;
    start = nl + 1;
  }
  return false;
}

// A numbered row: "31.1 Certification of ...", "10.2\tCredit Agreement", "Exhibit 99.1 Press
// release" (exhibit indexes, numbered lists): a list's row, not a trailer's line.
bool is_numbered_row(std::string_view p) {
  if (p.size() >= 8 && iequals(p.substr(0, 7), "exhibit") && is_blank(p[7])) {
    p.remove_prefix(8);
    p = trim(p);
  }
  return !p.empty() && is_digit(p[0]);
}

// A piece of text that reads as prose: a body line, or one that ends a sentence or a clause
// ("None.", "Alphabet Inc.", "... as follows:"), closing quotes and brackets aside.
bool is_prose_piece(std::string_view p) {
  p = trim(p);
  if (is_body_line(p)) return true;
  while (!p.empty()) {
    const char ch = p.back();
    if (ch == '"' || ch == '\'' || ch == ')' || ch == ']') {
      p.remove_suffix(1);
    } else if (p.size() >= 3 && (p.ends_with("\xE2\x80\x9D") || p.ends_with("\xE2\x80\x99"))) {
      p.remove_suffix(3);  // U+201D, U+2019
    } else {
      break;
    }
  }
  if (p.empty()) return false;
  const char ch = p.back();
  return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';';
}

// A piece that the sentence-level boundary check counts: at least three words of letters, and
// more letters than digits (a numeric table row is not one).
bool is_worded_piece(std::string_view p) {
  int words = 0;
  std::size_t letters = 0, digits = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (is_alpha(p[i])) {
      ++letters;
      if (i == 0 || !is_alpha(p[i - 1])) ++words;
    } else if (is_digit(p[i])) {
      ++digits;
    }
  }
  return words >= 3 && letters > digits;
}

// How many worded, non-prose pieces (lines; sentences of lines longer than kLongLine) that are
// not numbered rows follow the last prose piece of `body`, when that prose piece is among its
// last kTrailerPieces non-blank pieces; 0 when it is not (a long list -- an exhibit index -- is
// the item's content, not a trailer) or when the body has no prose. Looks at most at the last
// lines of the body.
constexpr int kTrailerPieces = 12;

// The start of the last sentence of `line` ending at `end`, and in `prev_end` where the sentence
// before it ends (0 when none): a split after [.!?] and blanks before an upper-case letter, digit
// or '('. Scans back from `end` only as far as that split.
std::size_t last_sentence_start(std::string_view line, std::size_t end, std::size_t& prev_end) {
  for (std::size_t k = end; k-- > 1;) {
    const char c = line[k];
    if (!((c >= 'A' && c <= 'Z') || is_digit(c) || c == '(') || !is_blank(line[k - 1])) continue;
    std::size_t m = k - 1;
    while (m > 0 && is_blank(line[m - 1]))
      --m;
    if (m > 0 && (line[m - 1] == '.' || line[m - 1] == '!' || line[m - 1] == '?')) {
      prev_end = m;
      return k;
    }
    k = m + 1;  // the blanks are done; go on before them
  }
  prev_end = 0;
  return 0;
}

int trailer_pieces(std::string_view body) {
  int run = 0, seen = 0;
  std::size_t end = body.size();
  while (end > 0) {
    const std::size_t nl = body.rfind('\n', end - 1);
    const std::size_t b = nl == std::string_view::npos ? 0 : nl + 1;
    const std::string_view line = body.substr(b, end - b);
    // Lines, and sentences of long lines (flattened filings), last first.
    std::size_t piece_end = line.size();
    while (true) {
      std::size_t prev_end = 0;
      const std::size_t start =
          line.size() <= kLongLine ? 0 : last_sentence_start(line, piece_end, prev_end);
      const std::string_view piece = line.substr(start, piece_end - start);
      if (!trim(piece).empty()) {
        if (++seen > kTrailerPieces) return 0;
        if (is_prose_piece(piece)) return run;
        if (is_worded_piece(piece) && !is_numbered_row(trim(piece))) ++run;
      }
      if (start == 0) break;
      piece_end = prev_end;
    }
    if (nl == std::string_view::npos) break;
    end = nl;
  }
  return 0;
}

// A trailing page number: "Business 2", "Business\t12", "F-1", "ii".
bool ends_with_page_number(std::string_view line) {
  line = trim(line);
  std::size_t e = line.size(), b = e;
  while (b > 0 && !is_blank(line[b - 1]))
    --b;
  if (b == 0) return false;
  std::string_view tok = line.substr(b, e - b);
  if (tok.empty() || tok.size() > 5) return false;
  if (std::all_of(tok.begin(), tok.end(), is_digit)) return true;
  if (tok.size() >= 3 && (tok[0] == 'F' || tok[0] == 'f') && tok[1] == '-' &&
      std::all_of(tok.begin() + 2, tok.end(), is_digit))
    return true;
  return std::all_of(tok.begin(), tok.end(), [](char c) { return c == 'i' || c == 'v'; });
}

struct Candidate {
  enum Kind { kItem, kPart, kSignatures } kind = kItem;
  std::uint32_t pos = 0;             // heading start
  std::uint32_t head_end = 0;        // end of the heading line(s)
  int part = 0;                      // PART written with the heading (1..4), 0 if none
  std::vector<std::string> numbers;  // "1A"; more than one for combined headings
  std::string rest;                  // text after the number (first line)
  std::string next_title;            // the next line when the rest is empty
  std::string heading;
  bool rest_empty = false;
  bool in_table = false;
  bool spaced = false;
  bool split = false;
  bool inline_start = false;
  bool page_number = false;
  bool body_after = false;
  bool toc = false;
  bool loose = false;
  std::uint32_t next_title_end = 0;
  bool next_page_number = false;
  std::string continuation;  // the next line when the rest is a short, non-matching title
  std::uint32_t continuation_end = 0;
  bool stub = false;  // "None." / "Not applicable." answers it (not a TOC entry)
};

// An unnumbered heading line (executive officers, financial statements): [pos, end).
struct Marker {
  std::uint32_t pos = 0;
  std::uint32_t end = 0;
  std::string line;
};

// A section before flags and confidence are set.
struct Draft {
  long node = -1;  // index into nodes, -1 for unnumbered sections
  std::string item, title, heading, method;
  std::uint32_t begin = 0, end = 0, head_end = 0;
};

struct Node {
  std::size_t cand = 0;
  std::vector<std::size_t> specs;  // spec indices, first = primary
  int first = 0, last = 0;         // order keys
  double weight = 0;
  bool title_match = false;
  bool loose = false;
  int part_agreement = 0;  // +1 agrees, -1 disagrees, 0 unknown
};

int roman_part(std::string_view s) {
  std::string u = to_upper(s);
  if (u == "I" || u == "1") return 1;
  if (u == "II" || u == "2") return 2;
  if (u == "III" || u == "3") return 3;
  if (u == "IV" || u == "4") return 4;
  return 0;
}

}  // namespace

struct ItemSegmenter::Impl {
  std::vector<ItemSpec> items;
  SegmenterOptions opts;
  bool use_parts = false;
  std::vector<std::unique_ptr<RE2>> titles;  // per item
  // Per item, for blank-free titles ("LEGALPROCEEDINGS"): compiled on first use, since most
  // documents never need most of them (each compilation costs ~0.3 M instructions of start-up).
  mutable std::vector<std::unique_ptr<RE2>> squeezed_titles;
  std::unique_ptr<std::once_flag[]> squeezed_once;
  RE2::Set family{RE2::Options(), RE2::ANCHOR_START};
  RE2 item_head;
  RE2 part_head;
  RE2 combined_number;
  RE2 reserved;
  RE2 incorporated;
  RE2 reference_lead;
  RE2 reference_any;
  RE2 prose_after;    // what follows a title in a cross-reference ("of this report", ", which")
  RE2 stub_answer;    // "None." "Not applicable." after a heading
  RE2 stub_word;      // where such an answer starts in a heading line
  RE2 exec_head;      // "Executive Officers of the Registrant"
  RE2 fin_head;       // "Index to Financial Statements", "Report of Independent ...", "Schedule II"
  RE2 sig_trailer;    // what ends the signatures: "QuickLinks", "Certifications", "I, X, certify"
  RE2 exhibit_index;  // "Exhibit Index", "Index to Exhibits" (after the signatures)
  RE2 exhibit13;      // "Exhibit 13", "Annual Report to Shareholders"
  RE2 fs_pointer;     // "see Index to Financial Statements", "page F-1", "Item 15"
  RE2 item_ref;       // "Item 15" / "Item 14" inside a pointer
  RE2 smaller_rc;     // "smaller reporting company" (scaled disclosure, since 2008)
  RE2 not_required;   // "not required", "not applicable", "need not", "omitted", "exempt"

  static RE2::Options options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
  }

  static RE2::Options case_sensitive() {
    RE2::Options o;
    o.set_log_errors(false);
    return o;
  }

  Impl(std::span<const ItemSpec> specs, const SegmenterOptions& o)
      : items(specs.begin(), specs.end()),
        opts(o),
        use_parts(o.use_parts),
        family(options(), RE2::ANCHOR_START),
        item_head(
            R"((?:part\s*(iv|i{1,3}|[1-4])\b[\s.,:;\-–—]*(?:\(?(?:financial|other)\s+information\)?[\s.,:;\-–—]*)?)?items?\s*(\d{1,3})(?:\s?([a-c])\b|\s?\(([a-c])\))?(\s*\(t\))?((?:\s*(?:,|and|&|through|thru|to|-|–|—)\s*(?:items?\s*)?\d{1,2}(?:\s?[a-c]\b)?)*))",
            options()),
        part_head(
            R"(part\s*(iv|i{1,3}|[1-4])\b[\s.,:;\-–—]*(\(?(?:financial|other)\s+information\)?)?)",
            options()),
        combined_number(
            R"(\s*(,|and|&|through|thru|to|-|–|—)?\s*(?:items?\s*)?(\d{1,2})(?:\s?([a-c])\b)?)",
            options()),
        reserved(R"(\W*(?:removed\s+and\s+)?reserved)", options()),
        incorporated(
            R"(incorporated\s+(?:herein\s+|in\s+this\s+\w+\s+)?by\s+reference|(?:is|are)\s+incorporated\s+(?:herein|into|in\s+this))",
            options()),
        reference_lead(
            R"(\W*(?:none|not\s+applicable|n/a|omitted|intentionally\s+omitted|see\b|refer\b|reference\s+is\s+made|\W*reserved))",
            options()),
        reference_any(
            R"(\b(?:see|refer\s+to)\b|\bset\s+forth\s+(?:in|under)|\bincluded\s+(?:in|under|herein|on\s+page)|\bcontained\s+in|\bappears?\s+(?:in|under|on)|\bon\s+pages?\s)",
            options()),
        prose_after(
            R"([\s"'”’)]*(?:,\s*[a-z]|(?:of|in)\s+(?i:this|our|the|its)\s+(?i:(?:annual\s+|quarterly\s+)?(?:report|form|document|filing|prospectus|10-?[kq]))|(?:below|above|herein|elsewhere)\b|(?:of|in)\s+part\s+i))",
            case_sensitive()),
        stub_answer(
            R"([\s.:\-–—]*(?:none|not\s+applicable|n/a|omitted|not\s+required|\[?reserved\]?)\b)",
            options()),
        stub_word(R"(\b((?:none|not\s+applicable|n/a|omitted|not\s+required))\W*$)", options()),
        exec_head(
            R"((?:item\s*4\s*\(?a\)?[\s.:\-–—]*|supplemental\s+item[\s.:\-–—]*|part\s+i[\s.:\-–—]+)?(?:(?:information\s+(?:about|regarding|concerning|with\s+respect\s+to)\s+(?:our\s+|the\s+)?)?executive\s+officers\s+of\s+(?:the\s+)?(?:registrant|company|corporation)|information\s+(?:about|regarding|concerning)\s+(?:our\s+|the\s+company\W?s\s+)?executive\s+officers|(?:our\s+)?executive\s+officers\s+and\s+(?:certain\s+)?(?:other\s+)?(?:key\s+)?(?:significant\s+)?employees)(?:\s*\([^)\n]{0,60}\))?[\s.:*)]*$)",
            options()),
        fin_head(
            R"((?:index\s+to\s+(?:the\s+)?(?:consolidated\s+)?financial\s+statements(?:\s+and\s+(?:financial\s+statement\s+)?schedules?)?|(?:consolidated\s+)?financial\s+statements(?:\s+and\s+(?:supplementary\s+data|schedules?))?|report\s+of\s+independent\s+(?:registered\s+public\s+accounting\s+firm|(?:certified\s+public\s+)?accountants|auditors)|schedule\s+ii(?:\W+valuation\s+and\s+qualifying\s+accounts(?:\s+and\s+reserves)?)?)[\s.:]*(?:page\s*)?$)",
            options()),
        sig_trailer(
            R"((?:quick\s*links(?:\W+click\s+here\b.*)?|certifications?|i,\s+[^,]{3,60},\s+certify\s+that)[\s.:]*$)",
            options()),
        exhibit_index(R"((?:exhibit\s+index|index\s+to\s+exhibits)[\s.:]*$)", options()),
        exhibit13(
            R"(\bexhibit\s*(?:no\.?\s*)?13\b|\bannual\s+report\s+to\s+(?:share|stock|security)\s*holders)",
            options()),
        fs_pointer(
            R"(\bF-\s?\d|index\s+to\s+(?:the\s+)?(?:consolidated\s+)?financial\s+statements|financial\s+statements\s+(?:and\s+[\w\s]{0,40}?)?(?:are\s+|is\s+)?(?:included|set\s+forth|listed|appear|begin|filed|contained|found|presented)|\bitem\s*1[45]\b|\bpart\s+iv\b)",
            options()),
        item_ref(R"(\bitem\s*(1[45])\b)", options()),
        smaller_rc(R"(\bsmaller\s+reporting\s+compan(?:y|ies)\b)", options()),
        not_required(
            R"(\bnot\s+(?:a\s+)?required\b|\bnot\s+applicable\b|\bneed\s+not\b|\bomit(?:ted|s)?\b|\bexempt)",
            options()) {
    for (const RE2* re : {&item_head, &part_head, &combined_number, &reserved, &incorporated,
                          &reference_lead, &reference_any, &prose_after, &stub_answer, &stub_word,
                          &exec_head, &fin_head, &sig_trailer, &exhibit_index, &exhibit13,
                          &fs_pointer, &item_ref, &smaller_rc, &not_required})
      if (!re->ok())
        throw Error(ErrorCode::kInternal, "item heading regex: " + re->error(), "item_headings");
    for (const auto& spec : items) {
      auto re = std::make_unique<RE2>("(?:" + std::string(spec.title_pattern) + ")", options());
      if (!re->ok())
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("title pattern of item {}: {}", spec.id, re->error()),
                    std::string(spec.title_pattern));
      titles.push_back(std::move(re));
    }
    squeezed_titles.resize(items.size());
    squeezed_once = std::make_unique<std::once_flag[]>(items.size());
    std::string err;
    if (family.Add(R"((?:part\s*(?:iv|i{1,3}|[1-4])\b[^\n]{0,60}?)?items?\s*\d)", &err) != 0 ||
        family.Add(R"(part\s*(?:iv|i{1,3}|[1-4])\b)", &err) != 1 ||
        family.Add(R"(signatures?(?:\s+page)?\s*:?\s*$|signatures?\s*:?\s+pursuant\s+to\b)",
                   &err) != 2 ||
        !family.Compile())
      throw Error(ErrorCode::kInternal, "heading family: " + err, "item_headings");
  }

  bool title_matches(std::size_t spec, std::string_view rest) const {
    if (rest.empty()) return false;
    if (anchored(*titles[spec], rest) || anchored(reserved, rest)) return true;
    // Unicode dashes, NBSP, and blanks inside words ("LEGAL PROCEE DINGS").
    std::string plain = ascii_dashes(rest.substr(0, std::min(rest.size(), kPrefixBytes)));
    if (plain != rest && anchored(*titles[spec], plain)) return true;
    std::string squeezed = squeeze(plain.substr(0, std::min<std::size_t>(plain.size(), 160)));
    return squeezed.size() >= 4 && anchored(squeezed_title(spec), squeezed);
  }

  const RE2& squeezed_title(std::size_t spec) const {
    std::call_once(squeezed_once[spec], [&] {
      squeezed_titles[spec] = std::make_unique<RE2>(
          "(?:" + squeezed_pattern(items[spec].title_pattern) + ")", options());
    });
    return *squeezed_titles[spec];
  }

  // A title followed by cross-reference prose: "Risk Factors of this report", "Risk Factors,
  // which". Only the text right after the title match counts.
  bool reference_prose(std::string_view rest) const {
    for (std::size_t s = 0; s < items.size(); ++s) {
      std::size_t len = title_length(s, rest);
      if (len == 0) continue;
      std::string_view after = rest.substr(len);
      // The rest of the title's words ("Risk Factors" -> "Risk Factors" " of ...").
      after = after.substr(0, std::min<std::size_t>(after.size(), 80));
      if (anchored(prose_after, after)) return true;
    }
    return false;
  }

  // Length of the title match at the start of `rest` (0 when none).
  std::size_t title_length(std::size_t spec, std::string_view rest) const {
    rest = rest.substr(0, std::min(rest.size(), kPrefixBytes));
    re2::StringPiece m;
    if (titles[spec]->Match(re2::StringPiece(rest.data(), rest.size()), 0, rest.size(),
                            RE2::ANCHOR_START, &m, 1))
      return m.size();
    return 0;
  }

  static bool anchored(const RE2& re, std::string_view s) {
    s = s.substr(0, std::min(s.size(), kPrefixBytes));
    return re.Match(re2::StringPiece(s.data(), s.size()), 0, s.size(), RE2::ANCHOR_START, nullptr,
                    0);
  }

  std::vector<std::size_t> specs_for_number(std::string_view number) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (iequals(items[i].number, number)) out.push_back(i);
    return out;
  }

  // Parses a heading at the start of `view` (already trimmed). Returns false when it is not one.
  bool parse_heading(std::string_view view, bool strict, Candidate& c) const {
    std::string_view v = view.substr(0, std::min(view.size(), kPrefixBytes));
    std::vector<int> hits;
    if (!family.Match(re2::StringPiece(v.data(), v.size()), &hits) || hits.empty()) return false;
    bool item_hit = std::find(hits.begin(), hits.end(), 0) != hits.end();
    bool part_hit = std::find(hits.begin(), hits.end(), 1) != hits.end();
    bool sig_hit = std::find(hits.begin(), hits.end(), 2) != hits.end();
    if (sig_hit && !strict) {
      c.kind = Candidate::kSignatures;
      return true;
    }
    if (item_hit) {
      re2::StringPiece part, number, letter, letter2, t_suffix, combined;
      re2::StringPiece input(v.data(), v.size());
      {
        RE2::Arg a0(&part), a1(&number), a2(&letter), a3(&letter2), a4(&t_suffix), a5(&combined);
        const RE2::Arg* args[] = {&a0, &a1, &a2, &a3, &a4, &a5};
        if (RE2::ConsumeN(&input, item_head, args, 6)) {
          if (!input.empty() && (is_digit(input[0]) || input[0] == '(')) return false;
          if (number.size() > 2) return false;
          int n = std::stoi(std::string(number));
          if (n < 1 || n > 16) return false;
          // "Item 1A, Risk Factors, ..." is a cross-reference in prose, not a heading.
          {
            std::size_t k = 0;
            while (k < input.size() && is_blank(input[k]))
              ++k;
            if (k < input.size() && input[k] == ',' && input.size() > kLooseTitleMax) return false;
          }
          c.kind = Candidate::kItem;
          c.part = roman_part(sv(part));
          c.numbers.push_back(std::string(number) +
                              to_upper(letter.empty() ? sv(letter2) : sv(letter)));
          if (!combined.empty()) add_combined(sv(combined), c);
          // Separator, then the remainder.
          std::size_t k = 0;
          while (k < input.size()) {
            char ch = input[k];
            if (is_blank(ch) || ch == '.' || ch == ':' || ch == ';' || ch == ',' || ch == '-' ||
                ch == ')') {
              ++k;
            } else if (static_cast<unsigned char>(ch) == 0xC2 && k + 1 < input.size() &&
                       static_cast<unsigned char>(input[k + 1]) == 0xA0) {
              k += 2;
            } else if (static_cast<unsigned char>(ch) == 0xE2 && k + 2 < input.size() &&
                       static_cast<unsigned char>(input[k + 1]) == 0x80 &&
                       (static_cast<unsigned char>(input[k + 2]) == 0x93 ||
                        static_cast<unsigned char>(input[k + 2]) == 0x94)) {
              k += 3;
            } else {
              break;
            }
          }
          c.rest = std::string(trim(sv(input).substr(k)));
          c.rest_empty = c.rest.empty();
          return true;
        }
      }
    }
    if (part_hit && !strict) {
      re2::StringPiece input(v.data(), v.size()), part, info;
      if (RE2::Consume(&input, part_head, &part, &info)) {
        std::string_view rest = trim(sv(input));
        if (rest.empty() || !info.empty()) {
          c.kind = Candidate::kPart;
          c.part = roman_part(sv(part));
          return c.part != 0;
        }
      }
    }
    return false;
  }

  // ", 11, 12 and 13" or " through 14" after the first number.
  void add_combined(std::string_view combined, Candidate& c) const {
    re2::StringPiece input(combined.data(), combined.size());
    re2::StringPiece conj, number, letter;
    while (RE2::Consume(&input, combined_number, &conj, &number, &letter)) {
      std::string id = std::string(sv(number)) + to_upper(sv(letter));
      std::string cj = to_upper(sv(conj));
      bool range = cj == "THROUGH" || cj == "THRU" || cj == "TO" || cj == "-" ||
                   cj == "\xE2\x80\x93" || cj == "\xE2\x80\x94";
      if (range) {
        auto from = specs_for_number(c.numbers.back());
        auto to = specs_for_number(id);
        if (!from.empty() && !to.empty() && from.front() < to.front() &&
            to.front() - from.front() <= 8)
          for (std::size_t i = from.front() + 1; i < to.front(); ++i)
            c.numbers.push_back(std::string(items[i].number));
      }
      if (id != c.numbers.back()) c.numbers.push_back(id);
      if (c.numbers.size() > 12) break;
    }
  }

  SectionMap segment(std::string_view text) const;
};

SectionMap ItemSegmenter::Impl::segment(std::string_view text) const {
  SectionMap map;
  if (text.size() > 0xfffffff0u) {
    map.notes.push_back("text larger than 4 GiB: not segmented");
    return map;
  }
  // A full EDGAR submission: the form is the first <DOCUMENT>; exhibits follow.
  std::size_t limit = text.size();
  if (std::size_t d = text.find("\n</DOCUMENT>"); d != std::string_view::npos) {
    limit = d + 1;
    map.notes.push_back(fmt::format("full submission: items searched before byte {}", limit));
  }
  const std::string_view body_text = text.substr(0, limit);

  // Pass 1: lines, layout, candidates.
  std::vector<Candidate> cands;
  std::vector<Marker> exec_lines, fin_lines, trailer_lines, exhibit_index_lines;
  std::size_t lines = 0, wrapped = 0, long_lines = 0;
  auto line_end = [&](std::size_t from) {
    std::size_t nl = body_text.find('\n', from);
    return nl == std::string_view::npos ? body_text.size() : nl;
  };
  // The next non-blank line after `from` within two lines: [begin, end) or begin == end.
  auto next_line = [&](std::size_t from, std::size_t& b, std::size_t& e) {
    std::size_t p = from;
    for (int k = 0; k < 3 && p < body_text.size(); ++k) {
      std::size_t le = line_end(p);
      std::string_view t = trim(body_text.substr(p, le - p));
      if (!t.empty()) {
        b = static_cast<std::size_t>(t.data() - body_text.data());
        e = le;
        return;
      }
      p = le + 1;
    }
    b = e = from;
  };
  auto try_at = [&](std::size_t pos, std::size_t le, bool strict) {
    std::string_view t = body_text.substr(pos, le - pos);
    if (!strict) t = trim(t);
    if (t.empty()) return;
    char f = upper(t[0]);
    if (f != 'I' && f != 'P' && f != 'S') return;
    Candidate c;
    c.pos = static_cast<std::uint32_t>(t.data() - body_text.data());
    c.head_end = static_cast<std::uint32_t>(le);
    c.inline_start = strict;
    std::string buffer;
    std::string_view view = t;
    std::size_t joined_end = le;
    if (!strict && (iequals(t, "item") || iequals(t, "items"))) {
      std::size_t nb, ne;
      next_line(le + 1, nb, ne);
      if (nb == ne) return;
      buffer = std::string(t) + " " + std::string(trim(body_text.substr(nb, ne - nb)));
      view = buffer;
      c.split = true;
      joined_end = ne;
    } else if (!strict && starts_spaced(t)) {
      buffer = collapse_spaced(t.substr(0, std::min(t.size(), kPrefixBytes * 2)));
      view = buffer;
      c.spaced = true;
    } else if (!strict && (f == 'I') && t.size() > 1 && !is_digit(t[1])) {
      if (std::string joined = join_split_item(t.substr(0, std::min(t.size(), kPrefixBytes)));
          !joined.empty()) {
        buffer = std::move(joined);
        view = buffer;
      }
    }
    if (!parse_heading(view, strict, c)) return;
    c.head_end = static_cast<std::uint32_t>(joined_end);
    std::string_view first_line = view.substr(0, std::min(view.size(), kPrefixBytes));
    if (std::size_t nl = first_line.find('\n'); nl != std::string_view::npos)
      first_line = first_line.substr(0, nl);
    c.in_table = first_line.find('\t') != std::string_view::npos;
    c.heading =
        std::string(trim(first_line.substr(0, std::min<std::size_t>(first_line.size(), 200))));
    if (c.kind == Candidate::kItem) {
      c.page_number = ends_with_page_number(first_line);
      if (c.rest_empty && !strict) {
        std::size_t nb, ne;
        next_line(joined_end + 1, nb, ne);
        if (nb != ne) {
          std::string_view nt = trim(body_text.substr(nb, std::min(ne - nb, kPrefixBytes)));
          c.next_title = std::string(nt);
          c.next_title_end = static_cast<std::uint32_t>(ne);
          c.next_page_number = ends_with_page_number(nt);
        }
      } else if (!strict && c.rest.size() <= 60) {
        // "ITEM 9A. CONTROLS AND" / "PROCEDURES": the title may run onto the next line.
        std::size_t nb, ne;
        next_line(joined_end + 1, nb, ne);
        if (nb != ne && ne - nb <= 120) {
          c.continuation = std::string(trim(body_text.substr(nb, ne - nb)));
          c.continuation_end = static_cast<std::uint32_t>(ne);
        }
      }
      // "Item 16. Form 10-K Summary. None." or "None." on the next line: an answered stub.
      {
        std::size_t nb, ne;
        next_line(c.head_end + 1, nb, ne);
        std::string_view nt = nb != ne ? trim(body_text.substr(nb, ne - nb)) : std::string_view();
        if ((nt.size() <= 40 && anchored(stub_answer, nt))) c.stub = true;
        const std::string plain = ascii_dashes(c.rest);
        for (std::size_t s = 0; !c.stub && s < items.size(); ++s)
          if (std::size_t len = title_length(s, plain); len > 0)
            c.stub = anchored(stub_answer, std::string_view(plain).substr(len));
      }
    }
    cands.push_back(std::move(c));
  };

  std::size_t pos = 0;
  while (pos < body_text.size()) {
    std::size_t le = line_end(pos);
    std::size_t len = le - pos;
    if (len > 0) {
      ++lines;
      if (len >= 40 && len <= 100) ++wrapped;
      if (len > 250) ++long_lines;
    }
    try_at(pos, le, false);
    if ((opts.executive_officers || opts.trailing_financial_statements) && len > 0 && len <= 140) {
      std::string_view t = trim(body_text.substr(pos, len));
      std::string plain = ascii_dashes(t);
      Marker m{static_cast<std::uint32_t>(t.data() - body_text.data()),
               static_cast<std::uint32_t>(le), std::string(t)};
      if (opts.executive_officers && t.size() >= 18 && anchored(exec_head, plain))
        exec_lines.push_back(m);
      else if (opts.trailing_financial_statements && t.size() >= 11 && anchored(fin_head, plain))
        fin_lines.push_back(m);
      else if (opts.trailing_financial_statements && anchored(sig_trailer, plain))
        trailer_lines.push_back(m);
      else if (opts.trailing_financial_statements && anchored(exhibit_index, plain))
        exhibit_index_lines.push_back(m);
    }
    if (len > kLongLine) {
      // Sentence starts inside a long line: ". Item 2. Management's ..." (strict: title needed).
      for (std::size_t p = pos + 2; p + 4 < le; ++p) {
        char c0 = upper(body_text[p]);
        if ((c0 != 'I' && c0 != 'P') || body_text[p - 1] != ' ') continue;
        std::string_view w = body_text.substr(p, 4);
        if (!iequals(w, "item") && !iequals(w, "part")) continue;
        std::size_t q = p - 1;
        while (q > pos && is_blank(body_text[q]))
          --q;
        char pc = body_text[q];
        unsigned char upc = static_cast<unsigned char>(pc);
        // "... as of August 4, 1998 PART I. FINANCIAL INFORMATION Item 1. ..." needs no stop.
        // A closing quote counts only after a sentence end ('... "Risks." Item 2.'): 'see
        // "Item 1A. Risk Factors"' is a cross-reference.
        bool quote_closes = false;
        if (pc == '"' || upc == 0x9D) {
          std::size_t qb = pc == '"' ? q : (q >= 2 ? q - 2 : q);
          char before = qb > pos ? body_text[qb - 1] : ' ';
          quote_closes = before == '.' || before == '!' || before == '?';
        }
        if (pc == '.' || pc == '!' || pc == '?' || pc == ':' || pc == ';' || pc == ')' ||
            quote_closes || upper(w[0]) == 'P')
          try_at(p, le, true);
      }
    }
    pos = le + 1;
  }
  const bool plain_text = lines >= 50 && wrapped * 10 >= lines * 6 && long_lines * 20 < lines;
  if (plain_text) map.notes.push_back("plain-text layout (hard-wrapped lines)");

  // Strict (inline) candidates must carry their title; a line-start one may leave it to the next
  // line, or give a short capitalised title of its own.
  std::vector<Candidate> kept;
  kept.reserve(cands.size());
  for (auto& c : cands) {
    if (c.kind == Candidate::kItem) {
      bool any_spec = false, any_title = false, next_title = false, continued = false;
      for (const auto& n : c.numbers) {
        for (std::size_t s : specs_for_number(n)) {
          any_spec = true;
          if (title_matches(s, c.rest)) any_title = true;
          if (c.rest_empty && title_matches(s, c.next_title)) next_title = true;
        }
        if (!any_title && !c.continuation.empty()) {
          std::string joined = c.rest + " " + c.continuation;
          for (std::size_t s : specs_for_number(n))
            if (title_matches(s, joined)) continued = true;
        }
        break;  // the first number decides
      }
      if (!any_spec) continue;
      if (any_title && reference_prose(c.rest)) continue;  // "Item 1A. Risk Factors of this report"
      if (continued) {
        c.rest += " " + c.continuation;
        c.heading += " " + c.continuation.substr(0, 160);
        c.head_end = c.continuation_end;
        c.split = true;
        any_title = true;
      }
      if (c.inline_start && !any_title) continue;
      if (!c.rest_empty && !any_title) {
        char f = c.rest[0];
        bool capital = (f >= 'A' && f <= 'Z') || f == '[' || f == '(' || f == '"' || f == '\'';
        if (!capital || c.rest.size() > kLooseTitleMax) continue;
        c.loose = true;
      }
      if (any_title && c.rest.size() > kLooseTitleMax && !c.split && !c.spaced) {
        // Heading and body share a line: the heading ends with its title.
        std::string_view line = body_text.substr(c.pos, c.head_end - c.pos);
        std::size_t at = line.find(std::string_view(c.rest).substr(0, 16));
        std::size_t len = 0;
        for (std::size_t s : specs_for_number(c.numbers.front()))
          len = std::max(len, title_length(s, c.rest));
        if (at != std::string_view::npos && len > 0) {
          c.head_end = static_cast<std::uint32_t>(c.pos + at + len);
          c.heading = std::string(trim(line.substr(0, at + len)));
        }
      }
      if (c.stub && !c.rest_empty && !c.split) {
        // "Item 16. Form 10-K Summary. None.": the answer is the body.
        std::string_view line = body_text.substr(c.pos, c.head_end - c.pos);
        re2::StringPiece m;
        if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), stub_word, &m) &&
            m.data() > line.data() + 6) {
          c.head_end = static_cast<std::uint32_t>(c.pos + (m.data() - line.data()));
          c.heading =
              std::string(trim(line.substr(0, static_cast<std::size_t>(m.data() - line.data()))));
        }
      }
      if (next_title) {
        c.split = true;
        c.head_end = c.next_title_end;
        c.heading += " " + c.next_title.substr(0, 160);
        c.page_number = c.page_number || c.next_page_number;
      }
    }
    kept.push_back(std::move(c));
  }
  cands.swap(kept);

  // Pass 2: body text after each item heading; tables of contents.
  std::vector<std::size_t> seq;  // items and signatures, in order
  for (std::size_t i = 0; i < cands.size(); ++i)
    if (cands[i].kind != Candidate::kPart) seq.push_back(i);
  for (std::size_t k = 0; k < seq.size(); ++k) {
    Candidate& c = cands[seq[k]];
    std::size_t from = std::min<std::size_t>(c.head_end, body_text.size());
    std::size_t to =
        k + 1 < seq.size() ? cands[seq[k + 1]].pos : std::min(body_text.size(), from + 5000);
    c.body_after = to > from && has_body(body_text.substr(from, to - from));
  }
  auto key_of = [&](const Candidate& c) -> std::string {
    return c.kind == Candidate::kSignatures ? std::string("SIGNATURES") : c.numbers.front();
  };
  std::vector<std::size_t> toc_items;  // spec ids listed in a TOC
  {
    // Last position of each key, to know whether a TOC entry reappears later.
    std::vector<std::pair<std::string, std::uint32_t>> last_pos;
    for (std::size_t k : seq) {
      std::string key = key_of(cands[k]);
      auto it = std::find_if(last_pos.begin(), last_pos.end(),
                             [&](const auto& p) { return p.first == key; });
      if (it == last_pos.end())
        last_pos.emplace_back(key, cands[k].pos);
      else
        it->second = cands[k].pos;
    }
    // First position of each key: an entry that closes a run with body after it and whose number
    // was seen before is the body's first heading, not a TOC line (TOCs cut in two runs).
    std::vector<std::pair<std::string, std::uint32_t>> first_pos;
    for (std::size_t k : seq) {
      std::string key = key_of(cands[k]);
      if (std::none_of(first_pos.begin(), first_pos.end(),
                       [&](const auto& p) { return p.first == key; }))
        first_pos.emplace_back(key, cands[k].pos);
    }
    auto first_of = [&](const std::string& key) {
      for (const auto& p : first_pos)
        if (p.first == key) return p.second;
      return std::uint32_t{0};
    };
    auto last_of = [&](const std::string& key) {
      for (const auto& p : last_pos)
        if (p.first == key) return p.second;
      return std::uint32_t{0};
    };
    std::size_t k = 0;
    while (k < seq.size()) {
      std::size_t j = k;
      std::vector<std::string> seen{key_of(cands[seq[k]])};
      while (j + 1 < seq.size() && !cands[seq[j]].body_after && !cands[seq[j]].stub) {
        std::string key = key_of(cands[seq[j + 1]]);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) break;
        seen.push_back(key);
        ++j;
      }
      std::size_t size = j - k + 1;
      if (size >= 3) {
        std::size_t evidence = 0;
        for (std::size_t m = k; m <= j; ++m) {
          const Candidate& c = cands[seq[m]];
          if (c.page_number || last_of(key_of(c)) > cands[seq[j]].pos) ++evidence;
        }
        if (evidence * 2 >= size) {
          map.notes.push_back(
              fmt::format("table of contents at byte {} ({} entries)", cands[seq[k]].pos, size));
          for (std::size_t m = k; m <= j; ++m) {
            const Candidate& c = cands[seq[m]];
            if (m == j && m > k && c.body_after && !c.page_number && first_of(key_of(c)) < c.pos)
              continue;
            cands[seq[m]].toc = true;
          }
        }
      }
      k = j + 1;
    }
  }

  // Pass 3: nodes (candidate x interpretation), capped per item; weighted increasing subsequence.
  const int sig_key = static_cast<int>(items.size());
  std::vector<Node> nodes;
  std::vector<std::pair<std::size_t, std::size_t>> toc_entries;  // (cand, spec)
  int part_context = 0;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (c.kind == Candidate::kPart) {
      part_context = c.part;
      continue;
    }
    if (c.part != 0) part_context = c.part;
    if (c.kind == Candidate::kSignatures) {
      if (c.toc) continue;
      Node n;
      n.cand = i;
      n.first = n.last = sig_key;
      n.weight = 1.5 + (c.body_after ? 0.3 : 0.0);
      n.title_match = true;
      nodes.push_back(n);
      continue;
    }
    std::vector<Node> interp;
    for (std::size_t s : specs_for_number(c.numbers.front())) {
      Node n;
      n.cand = i;
      n.specs.push_back(s);
      n.title_match = title_matches(s, c.rest) || (c.split && title_matches(s, c.next_title));
      n.loose = !c.rest_empty && !n.title_match;
      if (use_parts && part_context != 0) n.part_agreement = items[s].part == part_context ? 1 : -1;
      for (std::size_t m = 1; m < c.numbers.size(); ++m)
        for (std::size_t t : specs_for_number(c.numbers[m]))
          if (items[t].part == items[s].part && t > n.specs.back()) {
            n.specs.push_back(t);
            break;
          }
      n.first = static_cast<int>(n.specs.front());
      n.last = static_cast<int>(n.specs.back());
      n.weight = 1.0 + (n.title_match ? 1.0 : 0.0) + (c.inline_start ? 0.0 : 0.5) +
                 (c.body_after ? 0.3 : 0.0) - (n.loose && !c.split ? 0.4 : 0.0) +
                 0.5 * n.part_agreement;
      interp.push_back(std::move(n));
    }
    // A title that fits one reading of an ambiguous number (10-Q "Item 1.") decides it.
    if (std::any_of(interp.begin(), interp.end(), [](const Node& n) { return n.title_match; }))
      std::erase_if(interp, [](const Node& n) { return !n.title_match; });
    if (interp.size() > 1 && std::any_of(interp.begin(), interp.end(),
                                         [](const Node& n) { return n.part_agreement > 0; }))
      std::erase_if(interp, [](const Node& n) { return n.part_agreement < 0; });
    for (auto& n : interp) {
      if (c.toc) {
        toc_entries.emplace_back(i, n.specs.front());
        toc_items.push_back(n.specs.front());
      } else {
        nodes.push_back(std::move(n));
      }
    }
  }
  {
    // Cap per item: the best weights, earliest first among equals.
    std::vector<std::vector<std::size_t>> per(items.size() + 1);
    for (std::size_t i = 0; i < nodes.size(); ++i)
      per[static_cast<std::size_t>(nodes[i].first)].push_back(i);
    std::vector<char> keep(nodes.size(), 1);
    for (auto& v : per) {
      if (v.size() <= kMaxNodesPerItem) continue;
      std::stable_sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) {
        return nodes[a].weight > nodes[b].weight;
      });
      for (std::size_t m = kMaxNodesPerItem; m < v.size(); ++m)
        keep[v[m]] = 0;
      map.notes.push_back(fmt::format("{} headings for item {}; kept the best {}", v.size(),
                                      static_cast<std::size_t>(&v - per.data()) < items.size()
                                          ? items[static_cast<std::size_t>(&v - per.data())].id
                                          : std::string_view("signatures"),
                                      kMaxNodesPerItem));
    }
    std::vector<Node> capped;
    for (std::size_t i = 0; i < nodes.size(); ++i)
      if (keep[i]) capped.push_back(std::move(nodes[i]));
    nodes.swap(capped);
  }
  std::vector<double> best(nodes.size());
  std::vector<long> prev(nodes.size(), -1);
  long best_end = -1;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    best[i] = nodes[i].weight;
    const auto pos_i = cands[nodes[i].cand].pos;
    for (std::size_t j = 0; j < i; ++j) {
      if (cands[nodes[j].cand].pos >= pos_i || nodes[j].last >= nodes[i].first) continue;
      if (best[j] + nodes[i].weight > best[i] + 1e-9) {
        best[i] = best[j] + nodes[i].weight;
        prev[i] = static_cast<long>(j);
      }
    }
    if (best_end < 0 || best[i] > best[static_cast<std::size_t>(best_end)] + 1e-9)
      best_end = static_cast<long>(i);
  }
  std::vector<std::size_t> chosen;
  for (long i = best_end; i >= 0; i = prev[static_cast<std::size_t>(i)])
    chosen.push_back(static_cast<std::size_t>(i));
  std::reverse(chosen.begin(), chosen.end());

  // Pass 4: drafts (chosen headings, then unnumbered sections cut out of them).
  std::vector<std::uint32_t> part_lines;
  for (const auto& c : cands)
    if (c.kind == Candidate::kPart && !c.inline_start) part_lines.push_back(c.pos);
  std::vector<Draft> drafts;
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    const Node& n = nodes[chosen[k]];
    const Candidate& c = cands[n.cand];
    Draft d;
    d.node = static_cast<long>(chosen[k]);
    d.begin = c.pos;
    d.end = k + 1 < chosen.size() ? cands[nodes[chosen[k + 1]].cand].pos
                                  : static_cast<std::uint32_t>(limit);
    // Leave out a PART heading that opens the next part.
    for (auto it = part_lines.rbegin(); it != part_lines.rend(); ++it) {
      if (*it >= d.end) continue;
      if (*it > c.head_end && !has_body(body_text.substr(*it, d.end - *it))) d.end = *it;
      break;
    }
    d.head_end = std::min(std::max(c.head_end, d.begin), d.end);
    bool is_sig = n.first == sig_key;
    d.item = is_sig ? "signatures" : std::string(items[n.specs.front()].id);
    d.title = is_sig ? "Signatures" : std::string(items[n.specs.front()].title);
    d.heading = c.heading;
    d.method = n.specs.size() > 1 ? "combined"
               : c.spaced         ? "spaced-heading"
               : c.inline_start   ? "inline-heading"
               : c.in_table       ? "heading-in-table"
               : c.split          ? "split-heading"
               : plain_text       ? "text-heading"
                                  : "heading";
    drafts.push_back(std::move(d));
  }
  // Cuts draft `at` at `m`: the part from the marker on becomes section `item`.
  auto cut = [&](std::size_t at, const Marker& m, const char* item, const char* title) {
    Draft x;
    x.item = item;
    x.title = title;
    x.heading = m.line.substr(0, std::min<std::size_t>(m.line.size(), 200));
    x.begin = m.pos;
    x.end = drafts[at].end;
    x.head_end = std::min(m.end, x.end);
    x.method = "unnumbered-heading";
    drafts[at].end = m.pos;
    drafts.insert(drafts.begin() + static_cast<long>(at) + 1, std::move(x));
  };
  auto spec_index = [&](std::string_view id) -> long {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].id == id) return static_cast<long>(i);
    return -1;
  };
  if (opts.executive_officers && !exec_lines.empty()) {
    // Inside Part I: a section of Item 1 .. Item 4 (before Item 5), after its heading.
    const long first_part2 = spec_index("5");
    bool done = false;
    for (std::size_t k = 0; k < drafts.size() && !done; ++k) {
      const Draft& d = drafts[k];
      if (d.node < 0 || d.end <= d.head_end) continue;
      const long first = nodes[static_cast<std::size_t>(d.node)].first;
      if (first == sig_key || (first_part2 >= 0 && first >= first_part2)) continue;
      for (const Marker& m : exec_lines) {
        if (m.pos < d.head_end || m.pos >= d.end) continue;
        cut(k, m, "executive_officers", "Executive Officers of the Registrant");
        done = true;
        break;
      }
    }
  }
  // The signatures end at what filer agents and filers put after them: a "QuickLinks" list of the
  // document's headings (a table of contents at the end), certifications (2002-2003), and, after
  // any trailing financial statements, an exhibit index. What follows is in no section.
  auto end_signatures_at = [&](const std::vector<Marker>& markers) {
    for (Draft& d : drafts) {
      if (d.node < 0 || nodes[static_cast<std::size_t>(d.node)].first != sig_key) continue;
      for (const Marker& m : markers)
        if (m.pos >= d.head_end + 100u && m.pos < d.end) {
          d.end = m.pos;
          break;
        }
    }
  };
  if (opts.trailing_financial_statements) end_signatures_at(trailer_lines);
  if (opts.trailing_financial_statements && !fin_lines.empty() && !drafts.empty()) {
    // F-pages after the signatures, or inside the form's last item (16) before them.
    for (std::size_t k = 0; k < drafts.size(); ++k) {
      Draft& d = drafts[k];
      if (d.node < 0) continue;
      const long first = nodes[static_cast<std::size_t>(d.node)].first;
      const bool last_item = first == static_cast<long>(items.size()) - 1 &&
                             items[static_cast<std::size_t>(first)].id == "16";
      if (first != sig_key && !last_item) continue;
      // After a few signature lines at least; the item's own "None." for Item 16.
      const std::uint32_t from = d.head_end + (first == sig_key ? 100u : 0u);
      bool done = false;
      for (const Marker& m : fin_lines) {
        if (m.pos < from || m.pos >= d.end) continue;
        cut(k, m, "financial_statements", "Financial Statements");
        done = true;
        break;
      }
      if (done) break;
    }
  }

  if (opts.trailing_financial_statements) end_signatures_at(exhibit_index_lines);

  // Pass 5: flags, confidence, refers_to, consistency.
  std::vector<char> found(items.size() + 1, 0);
  std::vector<char> chosen_spec(items.size() + 1, 0);  // items with a section
  for (std::size_t k : chosen)
    for (std::size_t sp : nodes[k].specs)
      chosen_spec[sp] = 1;
  const bool has_trailing_fs = std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) {
    return d.item == "financial_statements";
  });
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    std::string_view body = body_text.substr(d.head_end, d.end - d.head_end);
    ItemSection s;
    s.item = d.item;
    s.title = d.title;
    s.heading = d.heading;
    s.begin = d.begin;
    s.end = d.end;
    s.method = d.method;
    if (d.node < 0) {
      // Unnumbered section: confident when it has body text.
      s.confidence =
          has_body(body.substr(0, std::min<std::size_t>(body.size(), 20000))) ? 0.8 : 0.6;
      if (body.empty()) s.flags |= kSectionEmpty;
      map.sections.push_back(std::move(s));
      continue;
    }
    const Node& n = nodes[static_cast<std::size_t>(d.node)];
    const Candidate& c = cands[n.cand];
    bool is_sig = n.first == sig_key;
    // Flags.
    std::string_view lead = trim(body.substr(0, std::min<std::size_t>(body.size(), 400)));
    while (!lead.empty() && (lead.front() == '\n' || is_blank(lead.front())))
      lead.remove_prefix(1);
    bool any_alnum = std::any_of(body.begin(), body.end(), [](char ch) {
      return is_alpha(ch) || is_digit(ch) || static_cast<unsigned char>(ch) >= 0x80;
    });
    if (!any_alnum) s.flags |= kSectionEmpty;
    std::string_view opening = body.substr(0, std::min(body.size(), kIncorporationLead));
    const bool incorporated_lead =
        any_alnum && body.size() < kIncorporationWindow &&
        RE2::PartialMatch(re2::StringPiece(opening.data(), opening.size()), incorporated);
    if (incorporated_lead) s.flags |= kSectionIncorporatedByReference | kSectionReferenceOnly;
    if (any_alnum && body.size() < kReferenceWindow &&
        (anchored(reference_lead, lead) ||
         RE2::PartialMatch(re2::StringPiece(body.data(), body.size()), reference_any)))
      s.flags |= kSectionReferenceOnly;
    // Scaled disclosure: "As a smaller reporting company, we are not required to provide the
    // information required by this item." answers the item (Items 1A, 6, 7A ... of small filers).
    if (any_alnum && body.size() < kIncorporationWindow &&
        RE2::PartialMatch(re2::StringPiece(opening.data(), opening.size()), smaller_rc) &&
        RE2::PartialMatch(re2::StringPiece(opening.data(), opening.size()), not_required))
      s.flags |= kSectionReferenceOnly;
    bool combined = n.specs.size() > 1;
    if (combined) s.flags |= kSectionCombined;
    // Where a pointer's content is.
    if (!is_sig && any_alnum && body.size() < kIncorporationWindow) {
      const re2::StringPiece bp(body.data(), body.size());
      // The exhibits item lists Exhibit 13 without pointing to it.
      const bool exhibits_item = items[n.specs.front()].title.starts_with("Exhibits");
      const bool points = (s.flags & kSectionReferenceOnly) || incorporated_lead ||
                          RE2::PartialMatch(bp, incorporated);
      if (points && !exhibits_item && RE2::PartialMatch(bp, exhibit13)) {
        s.refers_to = "EX-13";
      } else if (items[n.specs.front()].holds_financial_statements &&
                 RE2::PartialMatch(bp, fs_pointer)) {
        std::string number;
        if (has_trailing_fs) {
          s.refers_to = "financial_statements";
        } else if (RE2::PartialMatch(bp, item_ref, &number) && spec_index(number) >= 0) {
          s.refers_to = number;
        } else {
          // "Part IV": the exhibits item found after this one.
          for (std::size_t m = k + 1; m < drafts.size(); ++m)
            if (drafts[m].node >= 0 && drafts[m].title.rfind("Exhibits", 0) == 0) {
              s.refers_to = drafts[m].item;
              break;
            }
        }
        if (!s.refers_to.empty()) s.flags |= kSectionReferenceOnly;
      }
    }
    if (!is_sig && !(s.flags & (kSectionReferenceOnly | kSectionEmpty)) && s.refers_to.empty()) {
      const ItemSpec& spec = items[n.specs.front()];
      const double min_bytes = spec.min_bytes * opts.min_scale;
      if (static_cast<double>(body.size()) < min_bytes) s.flags |= kSectionTooShort;
      if (body.size() > spec.max_bytes) s.flags |= kSectionTooLong;
    }
    // A short non-prose trailer after the last prose line (two or more pieces with words: more
    // than the one sentence a boundary may be off by): where the item ends is uncertain.
    if (!is_sig && any_alnum && trailer_pieces(body) >= 2) s.flags |= kSectionUncertainEnd;
    // Consistency: the titled line-start heading of an item that belongs between this section
    // and the next one found, outside any TOC, means a heading was missed.
    if (!is_sig) {
      long next_first = static_cast<long>(items.size());
      for (std::size_t m = k + 1; m < drafts.size(); ++m)
        if (drafts[m].node >= 0) {
          next_first = std::min<long>(nodes[static_cast<std::size_t>(drafts[m].node)].first,
                                      static_cast<long>(items.size()));
          break;
        }
      for (const Candidate& o : cands) {
        // TOC-marked runs count too: inside a section's body they are missed headings (a run of
        // body-less headings taken for a table of contents).
        if (o.kind != Candidate::kItem || o.inline_start) continue;
        if (o.pos <= d.head_end || o.pos >= d.end) continue;
        for (std::size_t sp : specs_for_number(o.numbers.front())) {
          const long idx = static_cast<long>(sp);
          const bool between = idx > n.last && idx < next_first;
          // A second titled heading of the item itself, outside any TOC run: the section may
          // start at a TOC line (the body's heading comes later).
          const bool again = idx == n.first && !o.toc && !c.toc;
          if (!between && !again && (chosen_spec[sp] || idx == n.first)) continue;
          if (use_parts && o.part != 0 && items[sp].part != o.part) continue;
          if (title_matches(sp, o.rest) || (o.split && title_matches(sp, o.next_title))) {
            s.flags |= kSectionContainsHeading;
            map.notes.push_back(fmt::format("item {} contains a heading of item {} at byte {}",
                                            s.item, items[sp].id, o.pos));
          }
        }
        if (s.flags & kSectionContainsHeading) break;
      }
    }
    // Confidence.
    double conf = 0.55;
    if (n.title_match) conf += 0.25;
    if (!c.inline_start) conf += 0.10;
    if (c.body_after) conf += 0.05;
    if (!is_sig &&
        std::find(toc_items.begin(), toc_items.end(), n.specs.front()) != toc_items.end())
      conf += 0.05;
    if (s.flags & (kSectionTooShort | kSectionTooLong)) conf -= 0.25;
    if (s.flags & kSectionContainsHeading) conf -= 0.30;
    if (s.flags & kSectionUncertainEnd) conf -= 0.10;
    if (n.part_agreement < 0) conf -= 0.15;
    if (c.inline_start) conf -= 0.10;
    s.confidence = std::clamp(conf, 0.0, 1.0);
    found[static_cast<std::size_t>(n.first)] = 1;
    for (std::size_t m = 1; m < n.specs.size(); ++m) {
      ItemSection extra = s;
      extra.item = std::string(items[n.specs[m]].id);
      extra.title = std::string(items[n.specs[m]].title);
      extra.end = extra.begin;
      found[n.specs[m]] = 1;
      map.sections.push_back(std::move(extra));
    }
    map.sections.push_back(std::move(s));
  }
  // Items seen only in a table of contents.
  for (const auto& [ci, spec] : toc_entries) {
    if (found[spec]) continue;
    found[spec] = 1;
    const Candidate& c = cands[ci];
    bool inside = std::any_of(map.sections.begin(), map.sections.end(), [&](const ItemSection& x) {
      return x.begin <= c.pos && c.pos < x.end;
    });
    if (inside) continue;
    ItemSection s;
    s.item = std::string(items[spec].id);
    s.title = std::string(items[spec].title);
    s.heading = c.heading;
    s.begin = s.end = c.pos;
    s.method = "toc";
    s.confidence = 0.1;
    s.flags = kSectionTableOfContentsOnly;
    map.notes.push_back(fmt::format("item {} found only in the table of contents", s.item));
    auto at = std::upper_bound(map.sections.begin(), map.sections.end(), s.begin,
                               [](std::uint32_t b, const ItemSection& x) { return b < x.begin; });
    map.sections.insert(at, std::move(s));
  }
  if (map.sections.empty()) map.notes.push_back("no item headings");
  return map;
}

const ItemSection* find_section(const SectionMap& map, std::string_view item) {
  for (std::size_t i = 0; i < map.sections.size(); ++i) {
    const ItemSection& s = map.sections[i];
    if (s.item != item) continue;
    if ((s.flags & kSectionCombined) && s.begin == s.end) {
      for (std::size_t j = i + 1; j < map.sections.size() && map.sections[j].begin == s.begin; ++j)
        if (map.sections[j].end > s.begin) return &map.sections[j];
    }
    return &s;
  }
  return nullptr;
}

std::string_view section_text(const SectionMap& map, std::string_view text, std::string_view item) {
  const ItemSection* s = find_section(map, item);
  if (s == nullptr || s->end <= s->begin || s->end > text.size()) return {};
  return text.substr(s->begin, s->end - s->begin);
}

ItemSegmenter::ItemSegmenter(std::span<const ItemSpec> items, bool use_parts)
    : impl_(std::make_unique<Impl>(items, SegmenterOptions{use_parts, false, false, 1.0})) {}
ItemSegmenter::ItemSegmenter(std::span<const ItemSpec> items, const SegmenterOptions& options)
    : impl_(std::make_unique<Impl>(items, options)) {}
ItemSegmenter::~ItemSegmenter() = default;
SectionMap ItemSegmenter::segment(std::string_view clean_text) const {
  return impl_->segment(clean_text);
}

}  // namespace secnlp::nlp::sec
