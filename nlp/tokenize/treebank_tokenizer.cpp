#include "nlp/tokenize/treebank_tokenizer.h"

#include <array>
#include <cstdint>

#include "nlp/tokenize/unicode_chars.h"

namespace secnlp::nlp {
namespace {

using detail::decode_utf8;
using detail::decode_utf8_before;
using detail::is_py_decimal;
using detail::is_py_space;
using detail::is_py_word;

using ByteSet = std::array<bool, 256>;

constexpr ByteSet make_set(std::string_view chars) {
  ByteSet set{};
  for (char c : chars)
    set[static_cast<unsigned char>(c)] = true;
  return set;
}

constexpr ByteSet kPunctPad = make_set(";@#$%&");
constexpr ByteSet kQuestionPad = make_set("?!");
constexpr ByteSet kBracketPad = make_set("[](){}<>");
constexpr ByteSet kQuoteOpeners = make_set(" ([{<");
constexpr ByteSet kClosers = make_set("])}>\"'");
constexpr ByteSet kContractionStart = make_set("cCdDgGlLmMwW");

// One re.sub() pass: copies `in` to `out` lazily, only once a first match is replaced, so a pass
// that matches nothing costs one read of the text and no writes.
class Edit {
 public:
  Edit(const std::string& in, std::string& out) : in_(in), out_(out) {}
  // Replaces in[pos, resume) by `rep`.
  void replace(std::size_t pos, std::size_t resume, std::string_view rep) {
    if (!started_) {
      out_.clear();
      out_.reserve(in_.size() + in_.size() / 4 + 16);
      started_ = true;
    }
    out_.append(in_, last_, pos - last_);
    out_.append(rep);
    last_ = resume;
  }
  // True when anything was replaced; `out` then holds the whole result.
  bool finish() {
    if (!started_) return false;
    out_.append(in_, last_, std::string::npos);
    return true;
  }

 private:
  const std::string& in_;
  std::string& out_;
  std::size_t last_ = 0;
  bool started_ = false;
};

// The working text and a scratch buffer; run() swaps them when a pass changed the text.
struct Work {
  std::string text;
  std::string scratch;
  template <typename Pass>
  void run(Pass&& pass) {
    if (pass(static_cast<const std::string&>(text), scratch)) text.swap(scratch);
  }
};

// re.sub(r"[set]", r" \g<0> ")
bool pad_bytes(const std::string& in, std::string& out, const ByteSet& set) {
  Edit edit(in, out);
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (set[static_cast<unsigned char>(in[i])]) {
      const char rep[3] = {' ', in[i], ' '};
      edit.replace(i, i + 1, std::string_view(rep, 3));
    }
  }
  return edit.finish();
}

// re.sub(re.escape(lit), " " + rep + " ") for a literal: leftmost, non-overlapping.
bool replace_literal(const std::string& in, std::string& out, std::string_view lit,
                     std::string_view rep) {
  Edit edit(in, out);
  for (std::size_t pos = in.find(lit); pos != std::string::npos; pos = in.find(lit, pos)) {
    edit.replace(pos, pos + lit.size(), rep);
    pos += lit.size();
  }
  return edit.finish();
}

// STARTING_QUOTES[2]: ([ \(\[{<])(\"|\'{2}) -> \1 ``
bool opening_quotes(const std::string& in, std::string& out) {
  Edit edit(in, out);
  const std::size_t n = in.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!kQuoteOpeners[static_cast<unsigned char>(in[i])]) continue;
    std::size_t len = 0;
    if (in[i + 1] == '"') {
      len = 2;
    } else if (in[i + 1] == '\'' && i + 2 < n && in[i + 2] == '\'') {
      len = 3;
    }
    if (len == 0) continue;
    const char rep[5] = {in[i], ' ', '`', '`', ' '};
    edit.replace(i, i + len, std::string_view(rep, 5));
    i += len - 1;
  }
  return edit.finish();
}

// PUNCTUATION[0]: ([:,])([^\d]) -> " \1 \2" (the following character is consumed).
bool colon_comma(const std::string& in, std::string& out) {
  Edit edit(in, out);
  const std::size_t n = in.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (in[i] != ':' && in[i] != ',') continue;
    char32_t cp = 0;
    const std::size_t len = decode_utf8(in, i + 1, cp);
    if (is_py_decimal(cp)) continue;
    std::string rep = {' ', in[i], ' '};
    rep.append(in, i + 1, len);
    edit.replace(i, i + 1 + len, rep);
    i += len;
  }
  return edit.finish();
}

// PUNCTUATION[1]: ([:,])$ -> " \1 " ($: at the end, or before a final newline).
void colon_comma_at_end(std::string& text) {
  const std::size_t n = text.size();
  std::size_t at = std::string::npos;
  if (n >= 1 && (text[n - 1] == ':' || text[n - 1] == ',')) {
    at = n - 1;
  } else if (n >= 2 && text[n - 1] == '\n' && (text[n - 2] == ':' || text[n - 2] == ',')) {
    at = n - 2;
  }
  if (at == std::string::npos) return;
  const char rep[3] = {' ', text[at], ' '};
  text.replace(at, 1, rep, 3);
}

// PUNCTUATION[4]: ([^\.])(\.)([\]\)}>"\']*)\s*$ -> "\1 \2\3 ". Only the last '.' can match: what
// follows it must be closers then whitespace to the end; that whitespace becomes one space.
void final_period(std::string& text) {
  std::size_t ws = text.size();
  while (ws > 0) {
    char32_t cp = 0;
    const std::size_t start = decode_utf8_before(text, ws, cp);
    if (!is_py_space(cp)) break;
    ws = start;
  }
  std::size_t k = ws;
  while (k > 0 && kClosers[static_cast<unsigned char>(text[k - 1])])
    --k;
  if (k < 2 || text[k - 1] != '.' || text[k - 2] == '.') return;
  const std::size_t period = k - 1;
  std::string tail = " .";
  tail.append(text, k, ws - k);
  tail.push_back(' ');
  text.replace(period, std::string::npos, tail);
}

// PUNCTUATION[6]: ([^'])' -> "\1 ' "
bool quote_before_space(const std::string& in, std::string& out) {
  Edit edit(in, out);
  const std::size_t n = in.size();
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (in[i] == '\'' || in[i + 1] != '\'' || in[i + 2] != ' ') continue;
    const char rep[4] = {in[i], ' ', '\'', ' '};
    edit.replace(i, i + 3, std::string_view(rep, 4));
    i += 2;
  }
  return edit.finish();
}

// ENDING_QUOTES[2]: ([^' ])('[sS]|'[mM]|'[dD]|') -> "\1 \2 "
// ENDING_QUOTES[3]: ([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) -> "\1 \2 "
bool clitics(const std::string& in, std::string& out, bool long_forms) {
  Edit edit(in, out);
  const std::size_t n = in.size();
  for (std::size_t i = 0; i + 2 < n; ++i) {
    const char x = in[i];
    if (x == '\'' || x == ' ') continue;
    std::size_t clitic = 0;  // length of \2
    if (!long_forms) {
      if (in[i + 1] != '\'') continue;
      const char d = in[i + 2];
      if ((d == 's' || d == 'S' || d == 'm' || d == 'M' || d == 'd' || d == 'D') && i + 3 < n &&
          in[i + 3] == ' ') {
        clitic = 2;
      } else if (d == ' ') {
        clitic = 1;
      }
    } else if (i + 4 < n && in[i + 4] == ' ') {
      static constexpr std::string_view kForms[] = {"'ll", "'LL", "'re", "'RE",
                                                    "'ve", "'VE", "n't", "N'T"};
      const std::string_view next(in.data() + i + 1, 3);
      for (std::string_view form : kForms) {
        if (next == form) clitic = 3;
      }
    }
    if (clitic == 0) continue;
    std::string rep = {x, ' '};
    rep.append(in, i + 1, clitic);
    rep.push_back(' ');
    edit.replace(i, i + 2 + clitic, rep);  // the trailing space is part of the match
    i += 1 + clitic;
  }
  return edit.finish();
}

// Matches `lit` (lowercase ASCII) at text[pos] under Python's (?i): ASCII case, plus i ~ U+0130,
// U+0131 and s ~ U+017F. Returns the bytes matched, or 0.
std::size_t match_ignore_case(std::string_view text, std::size_t pos, std::string_view lit) {
  const std::size_t start = pos;
  for (char want : lit) {
    if (pos >= text.size()) return 0;
    const char c = text[pos];
    if (c == want || (want >= 'a' && want <= 'z' && c == want - 32)) {
      ++pos;
      continue;
    }
    if ((want == 'i' || want == 's') && static_cast<unsigned char>(c) >= 0x80) {
      char32_t cp = 0;
      const std::size_t len = decode_utf8(text, pos, cp);
      if ((want == 'i' && (cp == 0x130 || cp == 0x131)) || (want == 's' && cp == 0x17F)) {
        pos += len;
        continue;
      }
    }
    return 0;
  }
  return pos - start;
}

bool word_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  const auto c = static_cast<unsigned char>(text[pos - 1]);
  if (c < 0x80) return detail::is_ascii_word(c);
  char32_t cp = 0;
  decode_utf8_before(text, pos, cp);
  return is_py_word(cp);
}

bool word_at(std::string_view text, std::size_t pos, bool want_space) {
  if (pos >= text.size()) return false;
  char32_t cp = 0;
  decode_utf8(text, pos, cp);
  return want_space ? is_py_space(cp) : is_py_word(cp);
}

// CONTRACTIONS2, all eight in one pass: (?i)\b(can)(not)\b ... (?i)\b(wan)(na)(?=\s) -> " \1 \2 ".
// One pass is equivalent to NLTK's eight: each matches a whole word, no two can match the same
// word, and the spaces one inserts never create or break another's word boundary.
bool contractions2(const std::string& in, std::string& out) {
  struct Pattern {
    std::string_view first, second;
    bool lookahead_space;  // (?=\s) instead of \b
  };
  static constexpr Pattern kPatterns[] = {
      {"can", "not", false}, {"d", "'ye", false},  {"gim", "me", false},  {"gon", "na", false},
      {"got", "ta", false},  {"lem", "me", false}, {"more", "'n", false}, {"wan", "na", true},
  };
  Edit edit(in, out);
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (!kContractionStart[c] || word_before(in, i)) continue;
    for (const Pattern& p : kPatterns) {
      if ((c | 0x20) != static_cast<unsigned char>(p.first[0])) continue;
      const std::size_t len1 = match_ignore_case(in, i, p.first);
      if (len1 == 0) continue;
      const std::size_t len2 = match_ignore_case(in, i + len1, p.second);
      if (len2 == 0) continue;
      const std::size_t end = i + len1 + len2;
      const bool ok = p.lookahead_space ? word_at(in, end, true) : !word_at(in, end, false);
      if (!ok) continue;
      std::string rep = " ";
      rep.append(in, i, len1);
      rep.push_back(' ');
      rep.append(in, i + len1, len2);
      rep.push_back(' ');
      edit.replace(i, end, rep);
      i = end - 1;
      break;
    }
  }
  return edit.finish();
}

// One CONTRACTIONS3 pattern: (?i) ('t)(WORD)\b -> " \1 \2 ". The two patterns need two passes:
// the space the first inserts after "'tis" can start a match of the second ("'tis'twas").
bool contractions3(const std::string& in, std::string& out, std::string_view word) {
  Edit edit(in, out);
  const std::size_t n = in.size();
  for (std::size_t i = 0; i + 3 < n; ++i) {
    if (in[i] != ' ' || in[i + 1] != '\'' || (in[i + 2] | 0x20) != 't') continue;
    const std::size_t len = match_ignore_case(in, i + 3, word);
    if (len == 0) continue;
    const std::size_t end = i + 3 + len;
    if (word_at(in, end, false)) continue;
    std::string rep = " ";
    rep.append(in, i + 1, 2);
    rep.push_back(' ');
    rep.append(in, i + 3, len);
    rep.push_back(' ');
    edit.replace(i, end, rep);
    i = end - 1;
  }
  return edit.finish();
}

// str.split(): tokens separated by runs of Python whitespace.
void split_whitespace(std::string_view text, std::vector<std::string>& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  std::size_t token = std::string::npos;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    bool space = false;
    std::size_t len = 1;
    if (c < 0x80) {
      space = detail::is_ascii_space(c);
    } else {
      char32_t cp = 0;
      len = decode_utf8(text, i, cp);
      space = is_py_space(cp);
    }
    if (space) {
      if (token != std::string::npos) out.emplace_back(text.substr(token, i - token));
      token = std::string::npos;
    } else if (token == std::string::npos) {
      token = i;
    }
    i += len;
  }
  if (token != std::string::npos) out.emplace_back(text.substr(token));
}

}  // namespace

void treebank_tokenize(std::string_view input, std::vector<std::string>& out) {
  ByteSet has{};
  for (char c : input)
    has[static_cast<unsigned char>(c)] = true;
  auto any = [&has](std::string_view chars) {
    for (char c : chars) {
      if (has[static_cast<unsigned char>(c)]) return true;
    }
    return false;
  };

  thread_local Work w;  // buffers reused across calls on this thread
  w.text.assign(input);

  // STARTING_QUOTES
  bool backticks = has['`'];
  if (!w.text.empty() && w.text[0] == '"') {
    w.text.replace(0, 1, "``");
    backticks = true;
  }
  if (backticks) {
    w.run(
        [](const std::string& in, std::string& o) { return replace_literal(in, o, "``", " `` "); });
  }
  if (any("\"'")) w.run(opening_quotes);

  // PUNCTUATION
  if (any(":,")) {
    w.run(colon_comma);
    colon_comma_at_end(w.text);
  }
  if (has['.']) {
    w.run([](const std::string& in, std::string& o) {
      return replace_literal(in, o, "...", " ... ");
    });
  }
  if (any(";@#$%&")) {
    w.run([](const std::string& in, std::string& o) { return pad_bytes(in, o, kPunctPad); });
  }
  if (has['.']) final_period(w.text);
  if (any("?!")) {
    w.run([](const std::string& in, std::string& o) { return pad_bytes(in, o, kQuestionPad); });
  }
  if (has['\'']) w.run(quote_before_space);

  // PARENS_BRACKETS, DOUBLE_DASHES
  if (any("[](){}<>")) {
    w.run([](const std::string& in, std::string& o) { return pad_bytes(in, o, kBracketPad); });
  }
  if (has['-']) {
    w.run(
        [](const std::string& in, std::string& o) { return replace_literal(in, o, "--", " -- "); });
  }

  w.text.insert(w.text.begin(), ' ');
  w.text.push_back(' ');

  // ENDING_QUOTES
  if (has['\'']) {
    w.run(
        [](const std::string& in, std::string& o) { return replace_literal(in, o, "''", " '' "); });
  }
  if (has['"']) {
    w.run(
        [](const std::string& in, std::string& o) { return replace_literal(in, o, "\"", " '' "); });
  }
  if (has['\''] || has['"']) {
    w.run([](const std::string& in, std::string& o) { return clitics(in, o, false); });
    w.run([](const std::string& in, std::string& o) { return clitics(in, o, true); });
  }

  // CONTRACTIONS2, CONTRACTIONS3
  w.run(contractions2);
  if (has['\'']) {
    w.run([](const std::string& in, std::string& o) { return contractions3(in, o, "is"); });
    w.run([](const std::string& in, std::string& o) { return contractions3(in, o, "was"); });
  }

  split_whitespace(w.text, out);
}

std::vector<std::string> treebank_tokenize(std::string_view text) {
  std::vector<std::string> out;
  treebank_tokenize(text, out);
  return out;
}

}  // namespace secnlp::nlp
