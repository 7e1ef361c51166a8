#include "nlp/html/html_text_builder.h"
#include "common/ascii.h"

#include <algorithm>
#include <cstring>

namespace secnlp::nlp::html_internal {
namespace {

using ascii::iequals;

constexpr std::string_view kNbsp = "\xC2\xA0";

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

}  // namespace

Kind classify(std::string_view n) {
  struct Entry {
    std::string_view name;
    Kind kind;
  };
  static constexpr Entry kTable[] = {
      {"div", Kind::kBlock},      {"p", Kind::kParagraph},
      {"br", Kind::kBr},          {"tr", Kind::kRow},
      {"td", Kind::kCell},        {"th", Kind::kCell},
      {"table", Kind::kTable},    {"li", Kind::kBlock},
      {"h1", Kind::kParagraph},   {"h2", Kind::kParagraph},
      {"h3", Kind::kParagraph},   {"h4", Kind::kParagraph},
      {"h5", Kind::kParagraph},   {"h6", Kind::kParagraph},
      {"ul", Kind::kParagraph},   {"ol", Kind::kParagraph},
      {"dl", Kind::kParagraph},   {"dt", Kind::kBlock},
      {"dd", Kind::kBlock},       {"pre", Kind::kPre},
      {"hr", Kind::kParagraph},   {"blockquote", Kind::kParagraph},
      {"center", Kind::kBlock},   {"section", Kind::kBlock},
      {"article", Kind::kBlock},  {"header", Kind::kBlock},
      {"footer", Kind::kBlock},   {"form", Kind::kBlock},
      {"address", Kind::kBlock},  {"nav", Kind::kBlock},
      {"aside", Kind::kBlock},    {"main", Kind::kBlock},
      {"figure", Kind::kBlock},   {"figcaption", Kind::kBlock},
      {"caption", Kind::kBlock},  {"fieldset", Kind::kBlock},
      {"legend", Kind::kBlock},   {"details", Kind::kBlock},
      {"summary", Kind::kBlock},  {"dir", Kind::kParagraph},
      {"menu", Kind::kParagraph}, {"listing", Kind::kPre},
      {"xmp", Kind::kPre},        {"plaintext", Kind::kPre},
      {"body", Kind::kBlock},     {"html", Kind::kBlock},
      {"page", Kind::kBlock},     {"head", Kind::kDrop},
      {"script", Kind::kDrop},    {"style", Kind::kDrop},
      {"title", Kind::kDrop},     {"noscript", Kind::kDrop},
      {"template", Kind::kDrop},  {"svg", Kind::kDrop},
      {"textarea", Kind::kDrop},  {"select", Kind::kDrop},
      {"iframe", Kind::kDrop},    {"ix:header", Kind::kIxHeader},
  };
  if (n.empty() || n.size() > 10) return Kind::kInline;
  // Inline tags dominate filings (span, font, a, b, i, ix:*): answer them without the table.
  switch (lower(n[0])) {
    case 's':
      if (n.size() == 4) return Kind::kInline;  // span, samp
      break;
    case 'f':
      if (n.size() == 4 && lower(n[1]) == 'o') return Kind::kInline;  // font
      break;
    case 'a':
      if (n.size() == 1) return Kind::kInline;
      break;
    case 'b':
    case 'i':
      if (n.size() == 1) return Kind::kInline;
      break;
    default:
      break;
  }
  for (const Entry& e : kTable) {
    if (e.name.size() == n.size() && e.name[0] == lower(n[0]) && iequals(n, e.name)) return e.kind;
  }
  return Kind::kInline;
}

namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

bool style_hides(std::string_view style) {
  // Inline styles are a large share of inline-XBRL bytes; jump between 'd'/'D' with memchr
  // instead of testing every byte (the rest of the check runs only at those positions). Each
  // spelling's next position is remembered until passed: rescanning for an absent 'D' at every
  // 'd' was quadratic in the attribute's length.
  const char* const base = style.data();
  const std::size_t n = style.size();
  auto find = [&](char c, std::size_t from) -> std::size_t {
    if (from >= n) return n;
    const void* hit = std::memchr(base + from, c, n - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base) : n;
  };
  std::size_t next_lo = 0, next_up = 0;  // valid while >= the position asked for
  bool known = false;
  auto next_d = [&](std::size_t from) -> std::size_t {
    if (!known || next_lo < from) next_lo = find('d', from);
    if (!known || next_up < from) next_up = find('D', from);
    known = true;
    return std::min(next_lo, next_up);
  };
  for (std::size_t i = next_d(0); i + 7 <= style.size(); i = next_d(i + 1)) {
    if (!iequals(style.substr(i, 7), "display")) continue;
    if (i > 0 && (is_alpha(style[i - 1]) || style[i - 1] == '-')) continue;  // e.g. x-display
    std::size_t k = i + 7;
    while (k < style.size() && is_ws(style[k]))
      ++k;
    if (k >= style.size() || style[k] != ':') continue;
    ++k;
    while (k < style.size() && is_ws(style[k]))
      ++k;
    if (k + 4 > style.size() || !iequals(style.substr(k, 4), "none")) continue;
    k += 4;
    if (k == style.size() || !(is_alpha(style[k]) || is_digit(style[k]) || style[k] == '-')) {
      return true;
    }
  }
  return false;
}

namespace {

// The first position at or after `k` that is not a space, tab, newline or U+00A0.
std::size_t skip_space(std::string_view t, std::size_t k) {
  for (;;) {
    if (k < t.size() && is_ws(t[k])) {
      ++k;
    } else if (t.substr(k, 2) == kNbsp) {
      k += 2;
    } else {
      return k;
    }
  }
}

// "Item 7" or "Item 8" (any case; spaces, tabs, newlines or U+00A0 between the word and digit).
bool mentions_item_7_or_8(std::string_view t) {
  for (std::size_t i = 0; i + 5 <= t.size(); ++i) {
    if (lower(t[i]) != 'i' || (i > 0 && is_alpha(t[i - 1]))) continue;
    if (!iequals(t.substr(i, 4), "item")) continue;
    const std::size_t k = skip_space(t, i + 4);
    if (k < t.size() && (t[k] == '7' || t[k] == '8') &&
        (k + 1 == t.size() || !is_digit(t[k + 1]))) {
      return true;
    }
  }
  return false;
}

// True when the table's text begins with an item heading ("Item 16.", "ITEM&nbsp;9A"): a heading
// laid out as a one-row table (number and title in two cells), which the numeric-table rule would
// otherwise drop with its digits ("Item 16. Form 10-K Summary" is 20% digits).
bool starts_with_item(std::string_view t) {
  std::size_t k = skip_space(t, 0);
  if (!iequals(t.substr(k, 4), "item")) return false;
  k = skip_space(t, k + 4);
  return k < t.size() && is_digit(t[k]);
}

}  // namespace

TextBuilder::TextBuilder(const HtmlOptions& options, std::size_t input_size) : options_(options) {
  out_.reserve(input_size / 4 + 64);
}

void TextBuilder::open(Kind kind, bool hidden) {
  const bool drop = kind == Kind::kDrop || (kind == Kind::kIxHeader && options_.drop_hidden) ||
                    (hidden && options_.drop_hidden);
  stack_.push_back(Frame{kind, drop});
  if (drop) ++dropped_;
  if (dropped_ > 0) return;
  switch (kind) {
    case Kind::kBlock:
      request_break(1);
      break;
    case Kind::kParagraph:
      request_break(2);
      break;
    case Kind::kBr:
      if (!out_.empty()) pending_breaks_ = std::min(pending_breaks_ + 1, 2);
      break;
    case Kind::kRow:
      request_break(1);
      break;
    case Kind::kCell:
      pending_cell_ = true;
      break;
    case Kind::kTable:
      request_break(2);
      if (table_depth_++ == 0) {
        ++tables_;
        // The break owed before the table trims trailing spaces when the table's first text
        // arrives; trim now so that the table's text starts at table_start_ and a removal never
        // cuts inside a character written after the trim.
        trim_line_end();
        table_start_ = out_.size();
      }
      break;
    case Kind::kPre:
      request_break(2);
      ++pre_depth_;
      break;
    default:
      break;
  }
}

void TextBuilder::close() {
  if (stack_.empty()) return;
  const Frame f = stack_.back();
  stack_.pop_back();
  if (f.dropped) {
    --dropped_;
    return;
  }
  if (dropped_ > 0) return;
  switch (f.kind) {
    case Kind::kBlock:
    case Kind::kRow:
      request_break(1);
      break;
    case Kind::kParagraph:
      request_break(2);
      break;
    case Kind::kPre:
      if (pre_depth_ > 0) --pre_depth_;
      request_break(2);
      break;
    case Kind::kCell:
      pending_cell_ = true;
      break;
    case Kind::kTable:
      request_break(2);
      if (table_depth_ > 0 && --table_depth_ == 0) end_outer_table();
      break;
    default:
      break;
  }
}

void TextBuilder::end_outer_table() {
  if (!options_.remove_numeric_tables) return;
  const std::size_t start = std::min(table_start_, out_.size());
  const std::string_view t = std::string_view(out_).substr(start);
  std::size_t digits = 0, alnum = 0;
  for (const char c : t) {
    if (is_digit(c)) {
      ++digits;
      ++alnum;
    } else if (is_alpha(c)) {
      ++alnum;
    }
  }
  if (alnum == 0) return;
  if (static_cast<double>(digits) / static_cast<double>(alnum) <= options_.numeric_table_threshold)
    return;
  if (mentions_item_7_or_8(t) || starts_with_item(t)) return;
  out_.resize(start);
  ++tables_removed_;
  line_start_ = out_.empty() || out_.back() == '\n';
  pending_space_ = false;
  pending_cell_ = false;
}

void TextBuilder::text(const char* s, std::size_t n) {
  if (dropped_ > 0) return;
  if (pre_depth_ > 0) {
    pre_text(s, n);
    return;
  }
  std::size_t i = 0;
  while (i < n) {
    if (is_ws(s[i])) {
      pending_space_ = true;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && !is_ws(s[j]))
      ++j;
    std::string_view run(s + i, j - i);
    i = j;
    if (at_line_start()) {
      while (run.starts_with(kNbsp))
        run.remove_prefix(2);
      if (run.empty()) continue;
    }
    flush_separators();
    out_.append(run);
  }
}

HtmlText TextBuilder::finish(bool truncated) {
  trim_line_end();
  if (!out_.empty()) out_.push_back('\n');
  HtmlText r;
  r.text = std::move(out_);
  r.tables = tables_;
  r.tables_removed = tables_removed_;
  r.truncated = truncated;
  return r;
}

// Writes the separator owed before the next visible character.
void TextBuilder::flush_separators() {
  if (out_.empty()) {
    // nothing before: no leading newline or space
  } else if (pending_breaks_ > 0) {
    trim_line_end();
    // Count the newlines already there so that a removed table or <pre> never leaves two
    // blank lines.
    int have = 0;
    for (std::size_t k = out_.size(); k > 0 && have < 2 && out_[k - 1] == '\n'; --k)
      ++have;
    for (int k = have; k < pending_breaks_; ++k)
      out_.push_back('\n');
  } else if (!line_start_) {
    if (pending_cell_) {
      out_.push_back('\t');
    } else if (pending_space_) {
      out_.push_back(' ');
    }
  }
  pending_breaks_ = 0;
  pending_space_ = false;
  pending_cell_ = false;
  line_start_ = false;
}

void TextBuilder::trim_line_end() {
  for (;;) {
    if (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) {
      out_.pop_back();
    } else if (out_.ends_with(kNbsp)) {
      out_.resize(out_.size() - 2);
    } else {
      break;
    }
  }
}

void TextBuilder::pre_text(const char* s, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < n && s[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\n') {
      if (out_.empty()) continue;
      if (pending_breaks_ == 0) {
        trim_line_end();
        if (!out_.ends_with("\n\n")) out_.push_back('\n');
        line_start_ = true;
        pending_space_ = pending_cell_ = false;
      }
      continue;
    }
    if (line_start_ || pending_breaks_ > 0 || out_.empty()) {
      if (c == ' ' || c == '\t') {
        // Indentation is kept, but only once some text follows on the line.
        std::size_t j = i;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
          ++j;
        if (j == n || s[j] == '\n' || s[j] == '\r') {
          i = j - 1;
          continue;
        }
        flush_separators();
        out_.append(s + i, j - i);
        i = j - 1;
        continue;
      }
    }
    if (pending_breaks_ > 0 || out_.empty() || pending_space_ || pending_cell_) {
      flush_separators();
    }
    line_start_ = false;
    out_.push_back(c);
  }
}

}  // namespace secnlp::nlp::html_internal
