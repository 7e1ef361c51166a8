#include "nlp/tokenize/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>

#include "common/error.h"
#include "nlp/tokenize/unicode_chars.h"

namespace secnlp::nlp {
namespace {

enum class Rule { kNone, kAlways, kNumber, kEtc, kName, kUs };

struct Abbreviation {
  std::string_view text;
  Rule rule;
  bool caps;  // also match the ALL-CAPS spelling
};

constexpr Abbreviation kAbbreviations[] = {
    {"Mr.", Rule::kAlways, true},     {"Mrs.", Rule::kAlways, true},
    {"Ms.", Rule::kAlways, true},     {"Dr.", Rule::kAlways, true},
    {"Messrs.", Rule::kAlways, true}, {"Prof.", Rule::kAlways, false},
    {"Hon.", Rule::kAlways, false},   {"e.g.", Rule::kAlways, false},
    {"i.e.", Rule::kAlways, false},   {"cf.", Rule::kAlways, false},
    {"viz.", Rule::kAlways, false},   {"vs.", Rule::kAlways, false},
    {"v.", Rule::kAlways, false},     {"approx.", Rule::kAlways, false},
    {"Sec.", Rule::kAlways, false},   {"Reg.", Rule::kAlways, false},
    {"Art.", Rule::kAlways, false},   {"Para.", Rule::kAlways, false},
    {"Fig.", Rule::kAlways, false},   {"Figs.", Rule::kAlways, false},
    {"Exh.", Rule::kAlways, false},   {"No.", Rule::kNumber, true},
    {"Nos.", Rule::kNumber, true},    {"etc.", Rule::kEtc, false},
    {"Inc.", Rule::kName, true},      {"Corp.", Rule::kName, true},
    {"Co.", Rule::kName, true},       {"Ltd.", Rule::kName, true},
    {"L.L.C.", Rule::kName, false},   {"L.P.", Rule::kName, false},
    {"N.A.", Rule::kName, false},     {"S.A.", Rule::kName, false},
    {"N.V.", Rule::kName, false},     {"Bros.", Rule::kName, true},
    {"Jr.", Rule::kName, true},       {"Sr.", Rule::kName, true},
    {"St.", Rule::kName, true},       {"Mt.", Rule::kName, false},
    {"Ave.", Rule::kName, false},     {"Jan.", Rule::kName, true},
    {"Feb.", Rule::kName, true},      {"Mar.", Rule::kName, true},
    {"Apr.", Rule::kName, true},      {"Jun.", Rule::kName, true},
    {"Jul.", Rule::kName, true},      {"Aug.", Rule::kName, true},
    {"Sep.", Rule::kName, true},      {"Sept.", Rule::kName, true},
    {"Oct.", Rule::kName, true},      {"Nov.", Rule::kName, true},
    {"Dec.", Rule::kName, true},      {"U.S.", Rule::kUs, false},
    {"U.S.A.", Rule::kUs, false},
};

constexpr std::string_view kNameParts[] = {
    "LLC",  "LLC.", "L.L.C.", "Inc.",    "Inc",      "Corp.",        "Corp",    "Co.",  "Ltd.",
    "Ltd",  "LP",   "L.P.",   "LLP",     "L.L.P.",   "N.A.",         "plc",     "PLC",  "AG",
    "S.A.", "N.V.", "GmbH",   "Company", "Holdings", "Incorporated", "Limited", "Bank", "&",
};

// Capitalised words that usually open a sentence; "U.S." before them is a sentence end.
constexpr std::string_view kSentenceOpeners[] = {
    "The",         "We",       "Our",       "In",      "This",      "These",       "Those",
    "It",          "Its",      "As",        "For",     "If",        "On",          "At",
    "A",           "An",       "Any",       "Such",    "There",     "Although",    "However",
    "Because",     "During",   "Each",      "All",     "Also",      "Accordingly", "Additionally",
    "Furthermore", "Moreover", "In",        "While",   "When",      "Some",        "Many",
    "Most",        "No",       "Not",       "Other",   "To",        "Under",       "With",
    "By",          "From",     "That",      "They",    "You",       "He",          "She",
    "Since",       "See",      "Further",   "Finally", "Therefore", "Thus",        "Based",
    "Management",  "Certain",  "Following", "Refer",   "Item",
};

// Words that make a following single-letter initial a label ("Class A."), not part of a name.
constexpr std::string_view kLabelWords[] = {
    "Class",   "Series", "Schedule", "Appendix", "Annex",   "Exhibit", "Part",  "Tier",
    "Level",   "Phase",  "Type",     "Group",    "Note",    "Item",    "Plan",  "Division",
    "Tranche", "Grade",  "Section",  "Article",  "Subpart", "Form",    "Table", "Figure",
};

// Words after which a number ending in '.' is a section number ("Section 3.2.").
constexpr std::string_view kSectionWords[] = {
    "Section",
    "Sec.",
    "Rule",
    "Item",
    "Note",
    "Article",
    "Art.",
    "Paragraph",
    "Para.",
    "Exhibit",
    "Exh.",
    "Figure",
    "Fig.",
    "Regulation",
    "Reg.",
    "Schedule",
    "Part",
    "\xC2\xA7",
    "\xC2\xA7\xC2\xA7",
    "Sections",
    "Rules",
};

// ALL-CAPS heading words ("ITEM 1A. RISK FACTORS").
constexpr std::string_view kHeadingWords[] = {"ITEM", "PART", "SECTION", "NOTE", "ARTICLE"};

template <std::size_t N>
bool in_list(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower_ascii(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit_ascii(char c) {
  return c >= '0' && c <= '9';
}

// token == ASCII uppercase of `abbr`.
bool equals_upper(std::string_view token, std::string_view abbr) {
  if (token.size() != abbr.size()) return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char want = is_lower_ascii(abbr[i]) ? static_cast<char>(abbr[i] - 32) : abbr[i];
    if (token[i] != want) return false;
  }
  return true;
}

// Whitespace for trimming and token bounds: Python's str.isspace().
bool space_at(std::string_view text, std::size_t pos, std::size_t& len) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    len = 1;
    return detail::is_ascii_space(c);
  }
  char32_t cp = 0;
  len = detail::decode_utf8(text, pos, cp);
  return detail::is_py_space(cp);
}

bool space_before(std::string_view text, std::size_t pos, std::size_t& start) {
  char32_t cp = 0;
  start = detail::decode_utf8_before(text, pos, cp);
  return detail::is_py_space(cp);
}

bool is_line_break(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const auto c = static_cast<unsigned char>(gap[i]);
    if (c == '\n' || c == '\r') return true;
    if (c >= 0x80) {
      char32_t cp = 0;
      detail::decode_utf8(gap, i, cp);
      if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return true;
    }
  }
  return false;
}

// Category of the first character of `word`: 'l'ower, 'u'pper, 'd'igit or other.
char first_kind(std::string_view word) {
  if (word.empty()) return 0;
  const char c = word[0];
  if (is_lower_ascii(c)) return 'l';
  if (is_upper_ascii(c)) return 'u';
  if (is_digit_ascii(c)) return 'd';
  return static_cast<unsigned char>(c) >= 0x80 ? 'x' : c;
}

bool name_rule(std::string_view next) {
  const char kind = first_kind(next);
  return kind == 'l' || kind == 'd' || kind == '(' || kind == '[' || in_list(next, kNameParts);
}

bool looks_like_section_number(std::string_view token) {
  // token ends with '.', starts with a digit, and holds only digits, letters, '.', '-', '(' ')'.
  if (token.size() < 2 || !is_digit_ascii(token[0])) return false;
  for (char c : token) {
    if (!(is_digit_ascii(c) || is_lower_ascii(c) || is_upper_ascii(c) || c == '.' || c == '-' ||
          c == '(' || c == ')')) {
      return false;
    }
  }
  return true;
}

void strip_openers(std::string_view& token) {
  for (;;) {
    if (!token.empty() && std::string_view("([{\"'").find(token[0]) != std::string_view::npos) {
      token.remove_prefix(1);
    } else if (token.starts_with("\xE2\x80\x9C") || token.starts_with("\xE2\x80\x98")) {
      token.remove_prefix(3);  // “ ‘
    } else {
      return;
    }
  }
}

struct Icu {
  std::unique_ptr<icu::BreakIterator> iterator;
};

icu::BreakIterator& sentence_iterator() {
  thread_local Icu icu = [] {
    UErrorCode status = U_ZERO_ERROR;
    Icu made{std::unique_ptr<icu::BreakIterator>(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status))};
    if (U_FAILURE(status) || !made.iterator) {
      throw Error(ErrorCode::kResource,
                  std::string("ICU sentence break rules: ") + u_errorName(status), "icu:brkiter");
    }
    return made;
  }();
  return *icu.iterator;
}

// Replaces every '\n' that is not next to a blank line (and every '\r') by a space, keeping
// byte offsets: only blank lines then end sentences.
void unwrap_single_newlines(std::string_view text, std::string& out) {
  out.assign(text);
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const char c = text[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
    }
    return true;
  };
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t nl = text.find('\n', line_start);
    if (nl == std::string_view::npos) break;
    const bool this_blank = blank(line_start, nl);
    std::size_t next_end = text.find('\n', nl + 1);
    if (next_end == std::string_view::npos) next_end = text.size();
    const bool next_blank = blank(nl + 1, next_end);
    if (!this_blank && !next_blank) out[nl] = ' ';
    line_start = nl + 1;
  }
  for (char& c : out) {
    if (c == '\r') c = ' ';
  }
}

}  // namespace

SentenceSplitter::SentenceSplitter(SentenceOptions options) : options_(std::move(options)) {}

std::vector<Span> SentenceSplitter::split(std::string_view input) const {
  if (input.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw Error(ErrorCode::kLimit, "sentence splitter: text of 4 GiB or more");
  }
  std::vector<Span> out;
  if (input.empty()) return out;

  std::string_view text = input;
  thread_local std::string unwrapped;
  if (options_.line_breaks == LineBreaks::kParagraph) {
    unwrap_single_newlines(input, unwrapped);
    text = unwrapped;
  }

  // ICU boundaries over the bytes in place (UText native indexes are byte offsets).
  std::vector<std::size_t> bounds;
  {
    icu::BreakIterator& it = sentence_iterator();
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
    it.setText(&ut, status);
    if (U_FAILURE(status)) {
      utext_close(&ut);
      throw Error(ErrorCode::kInternal, std::string("ICU setText: ") + u_errorName(status));
    }
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) {
      bounds.push_back(static_cast<std::size_t>(b));
    }
    // Detach from the stack UText before it goes away.
    UText empty = UTEXT_INITIALIZER;
    utext_openUTF8(&empty, "", 0, &status);
    it.setText(&empty, status);
    utext_close(&ut);
    utext_close(&empty);
  }
  if (bounds.empty() || bounds.front() != 0) bounds.insert(bounds.begin(), 0);
  if (bounds.back() != text.size()) bounds.push_back(text.size());

  auto trimmed_end = [&](std::size_t begin, std::size_t end) {
    std::size_t start = 0;
    while (end > begin && space_before(text, end, start))
      end = start;
    return end;
  };
  auto trimmed_begin = [&](std::size_t begin, std::size_t end) {
    std::size_t len = 0;
    while (begin < end && space_at(text, begin, len))
      begin += len;
    return begin;
  };
  // The whitespace-delimited token ending at `end`.
  auto token_before = [&](std::size_t begin, std::size_t end) {
    std::size_t start = end;
    std::size_t prev = 0;
    while (start > begin && !space_before(text, start, prev))
      start = prev;
    return std::pair<std::size_t, std::size_t>(start, end);
  };
  auto token_after = [&](std::size_t begin, std::size_t end) {
    std::size_t stop = begin;
    std::size_t len = 0;
    while (stop < end && !space_at(text, stop, len))
      stop += len;
    return text.substr(begin, stop - begin);
  };

  // Whether the ICU boundary at bounds[k] should be removed; the sentence so far is [begin, b).
  auto keep_together = [&](std::size_t begin, std::size_t b, std::size_t next_end) {
    const std::size_t a_end = trimmed_end(begin, b);
    const std::size_t n_begin = trimmed_begin(b, next_end);
    if (a_end == begin || n_begin == next_end) return false;
    if (text[a_end - 1] != '.') return false;
    if (is_line_break(text.substr(a_end, n_begin - a_end))) return false;
    const auto [t_begin, t_end] = token_before(begin, a_end);
    std::string_view token = text.substr(t_begin, t_end - t_begin);
    strip_openers(token);
    const std::string_view next = token_after(n_begin, next_end);
    const char kind = first_kind(next);

    // The word before the abbreviation token ("et" al., "Class" A., "Section" 3.).
    std::string_view before;
    bool before_opens_sentence = false;
    if (t_begin > begin) {
      const std::size_t w_end = trimmed_end(begin, t_begin);
      const auto [w_begin, w_stop] = token_before(begin, w_end);
      before = text.substr(w_begin, w_stop - w_begin);
      before_opens_sentence = w_begin == trimmed_begin(begin, w_end);
    }

    Rule rule = Rule::kNone;
    for (const Abbreviation& abbr : kAbbreviations) {
      if (token == abbr.text || (abbr.caps && equals_upper(token, abbr.text))) {
        rule = abbr.rule;
        break;
      }
    }
    if (rule == Rule::kNone) {
      for (const std::string& extra : options_.extra_abbreviations) {
        if (token == extra) rule = Rule::kName;
      }
    }
    if (rule == Rule::kNone && token == "al." && before == "et") rule = Rule::kName;
    if (rule == Rule::kNone && looks_like_section_number(token) &&
        (in_list(before, kSectionWords) || in_list(before, kHeadingWords))) {
      // A heading such as "Item 1A. Risk Factors" opens its line: keep it whole.
      if (before_opens_sentence && kind != 0) return true;
      rule = Rule::kName;
    }
    switch (rule) {
      case Rule::kAlways:
        return true;
      case Rule::kNumber:
        return kind == 'd' || kind == '#' || kind == '(';
      case Rule::kEtc:
        return kind == 'l';
      case Rule::kName:
        return name_rule(next);
      case Rule::kUs:
        return name_rule(next) || (kind == 'u' && !in_list(next, kSentenceOpeners));
      case Rule::kNone:
        break;
    }
    // Single capital initial: "J." in "J. P. Morgan".
    if (token.size() == 2 && is_upper_ascii(token[0]) && !in_list(before, kLabelWords)) {
      return kind == 'u' || kind == 'l' || kind == 'd';
    }
    return false;
  };

  std::size_t sentence_begin = bounds[0];
  for (std::size_t k = 1; k < bounds.size(); ++k) {
    const std::size_t b = bounds[k];
    if (k + 1 < bounds.size() && keep_together(sentence_begin, b, bounds[k + 1])) continue;
    const std::size_t s = trimmed_begin(sentence_begin, b);
    const std::size_t e = trimmed_end(s, b);
    if (e > s) out.push_back(Span{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e)});
    sentence_begin = b;
  }
  return out;
}

}  // namespace secnlp::nlp
