#include "nlp/html/html_to_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "nlp/encoding/encoding.h"

namespace secnlp::nlp {
namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;
// Stack entries libxml2 may scan for mismatched end tags: 32 per input byte plus a constant. Real
// filings nest at most ~20 deep (unclosed <font>s can reach thousands) and spend far less.
constexpr std::size_t kMismatchBudgetPerByte = 32;
constexpr std::size_t kMismatchBudgetBase = 1 << 20;
constexpr std::string_view kNbsp = "\xC2\xA0";

// What an element does to the text around it.
enum class Kind : std::uint8_t {
  kInline,     // no effect (span, font, b, a, ix:nonNumeric, unknown tags)
  kBlock,      // ends the line before and after
  kParagraph,  // sets itself off by one blank line
  kBr,
  kRow,
  kCell,
  kTable,
  kPre,
  kDrop,      // never shown: head, script, style, ...
  kIxHeader,  // dropped when drop_hidden
};

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != b[i]) return false;
  }
  return true;
}

// Tag names from libxml2's HTML parser are already lowercase; compare case-insensitively anyway.
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

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// True when a style attribute value hides the element: "display" ":" "none", any case or spacing.
bool style_hides(std::string_view style) {
  for (std::size_t i = 0; i + 7 <= style.size(); ++i) {
    if (lower(style[i]) != 'd') continue;
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

// "Item 7" or "Item 8" (any case; spaces, tabs, newlines or U+00A0 between the word and digit).
bool mentions_item_7_or_8(std::string_view t) {
  for (std::size_t i = 0; i + 5 <= t.size(); ++i) {
    if (lower(t[i]) != 'i' || (i > 0 && is_alpha(t[i - 1]))) continue;
    if (!iequals(t.substr(i, 4), "item")) continue;
    std::size_t k = i + 4;
    for (;;) {
      if (k < t.size() && is_ws(t[k])) {
        ++k;
      } else if (t.substr(k, 2) == kNbsp) {
        k += 2;
      } else {
        break;
      }
    }
    if (k < t.size() && (t[k] == '7' || t[k] == '8') &&
        (k + 1 == t.size() || !is_digit(t[k + 1]))) {
      return true;
    }
  }
  return false;
}

struct Frame {
  const xmlChar* name;
  Kind kind;
  bool dropped;  // this element starts dropped content
};

// The SAX state: the element stack, the text written so far and the pending separators.
class Extractor {
 public:
  explicit Extractor(const HtmlOptions& options, std::size_t input_size)
      : options_(options),
        mismatch_budget_(kMismatchBudgetPerByte * input_size + kMismatchBudgetBase) {
    out_.reserve(input_size / 4 + 64);
  }

  // libxml2 searches its whole element stack for each end tag that does not close the innermost
  // element (and reports a tag-name mismatch). Charges that search; false once the document has
  // spent its budget, so that hostile input (deep nesting, then many stray end tags) stays linear.
  bool charge_mismatch(std::size_t depth) {
    if (depth >= mismatch_budget_) {
      mismatch_budget_ = 0;
      truncated_ = true;
      return false;
    }
    mismatch_budget_ -= depth;
    return true;
  }

  void start(const xmlChar* name, const xmlChar** attrs) {
    const std::string_view n = reinterpret_cast<const char*>(name);
    const Kind kind = classify(n);
    bool drop = kind == Kind::kDrop || (kind == Kind::kIxHeader && options_.drop_hidden);
    if (!drop && options_.drop_hidden && attrs != nullptr) {
      for (const xmlChar** a = attrs; a[0] != nullptr; a += 2) {
        const std::string_view attr = reinterpret_cast<const char*>(a[0]);
        if (iequals(attr, "hidden")) {
          drop = true;
          break;
        }
        if (a[1] != nullptr && iequals(attr, "style") &&
            style_hides(reinterpret_cast<const char*>(a[1]))) {
          drop = true;
          break;
        }
      }
    }
    stack_.push_back(Frame{name, kind, drop});
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

  void end(const xmlChar* name) {
    if (stack_.empty()) return;
    // libxml2 reports balanced events; tolerate a mismatch by looking a little way down.
    std::size_t pos = stack_.size() - 1;
    if (stack_[pos].name != name && !xmlStrEqual(stack_[pos].name, name)) {
      const std::size_t limit = pos > 16 ? pos - 16 : 0;
      bool found = false;
      while (pos > limit) {
        --pos;
        if (stack_[pos].name == name || xmlStrEqual(stack_[pos].name, name)) {
          found = true;
          break;
        }
      }
      if (!found) return;
    }
    while (stack_.size() > pos) {
      const Frame f = stack_.back();
      stack_.pop_back();
      close(f);
    }
  }

  void text(const char* s, std::size_t n) {
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

  HtmlText finish() {
    trim_line_end();
    if (!out_.empty()) out_.push_back('\n');
    HtmlText r;
    r.text = std::move(out_);
    r.tables = tables_;
    r.tables_removed = tables_removed_;
    r.truncated = truncated_;
    return r;
  }

 private:
  bool at_line_start() const { return out_.empty() || pending_breaks_ > 0 || line_start_; }

  void request_break(int n) { pending_breaks_ = std::max(pending_breaks_, n); }

  void close(const Frame& f) {
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

  void end_outer_table() {
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
    if (static_cast<double>(digits) / static_cast<double>(alnum) <=
        options_.numeric_table_threshold)
      return;
    if (mentions_item_7_or_8(t)) return;
    out_.resize(start);
    ++tables_removed_;
    line_start_ = out_.empty() || out_.back() == '\n';
    pending_space_ = false;
    pending_cell_ = false;
  }

  // Writes the separator owed before the next visible character.
  void flush_separators() {
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

  void trim_line_end() {
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

  void pre_text(const char* s, std::size_t n) {
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

  const HtmlOptions& options_;
  std::vector<Frame> stack_;
  std::string out_;
  int pending_breaks_ = 0;  // 1: end the line, 2: and leave a blank line
  bool pending_space_ = false;
  bool pending_cell_ = false;
  bool line_start_ = true;
  std::size_t dropped_ = 0;  // open elements that drop their content
  std::size_t table_depth_ = 0;
  std::size_t pre_depth_ = 0;
  std::size_t table_start_ = 0;
  std::size_t tables_ = 0;
  std::size_t tables_removed_ = 0;
  std::size_t mismatch_budget_;
  bool truncated_ = false;
};

Extractor* extractor(void* ctx) {
  auto* parser = static_cast<htmlParserCtxtPtr>(ctx);
  return static_cast<Extractor*>(parser->_private);
}

void on_start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  extractor(ctx)->start(name, attrs);
}
void on_end(void* ctx, const xmlChar* name) {
  extractor(ctx)->end(name);
}
void on_text(void* ctx, const xmlChar* s, int len) {
  extractor(ctx)->text(reinterpret_cast<const char*>(s), static_cast<std::size_t>(len));
}
void on_ignore(void*, const xmlChar*, int) {}
void on_message(void*, const char*, ...) {}

void on_error(void* ctx, xmlErrorPtr error) {
  if (error == nullptr || error->code != XML_ERR_TAG_NAME_MISMATCH) return;
  auto* parser = static_cast<htmlParserCtxtPtr>(ctx);
  if (!extractor(ctx)->charge_mismatch(static_cast<std::size_t>(std::max(parser->nameNr, 1)))) {
    xmlStopParser(parser);
  }
}

// NUL bytes and ill-formed UTF-8 make libxml2 stop or switch to Latin-1; clean them first.
std::string sanitize(std::string_view s) {
  std::string clean = repair_utf8(s);
  std::erase(clean, '\0');
  return clean;
}

}  // namespace

HtmlText html_to_text(std::string_view utf8_html, const HtmlOptions& options) {
  std::string cleaned;
  if (std::memchr(utf8_html.data(), 0, utf8_html.size()) != nullptr || !is_valid_utf8(utf8_html)) {
    cleaned = sanitize(utf8_html);
    utf8_html = cleaned;
  }
  Extractor ex(options, utf8_html.size());

  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_text;
  sax.ignorableWhitespace = on_text;
  sax.cdataBlock = on_ignore;  // the raw content of <script> and <style>
  sax.warning = on_message;
  sax.error = on_message;
  sax.fatalError = on_message;
  sax.serror = on_error;  // libxml2 reads serror only from handlers marked SAX2
  sax.initialized = XML_SAX2_MAGIC;

  // The SAX callbacks receive the parser context (we pass no user data), whose _private holds
  // the extractor.
  htmlParserCtxtPtr ctxt =
      htmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (ctxt == nullptr) return HtmlText{};
  ctxt->_private = &ex;
  ctxt->userData = ctxt;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);

  std::size_t pos = 0;
  while (pos < utf8_html.size()) {
    const std::size_t n = std::min(kChunkBytes, utf8_html.size() - pos);
    htmlParseChunk(ctxt, utf8_html.data() + pos, static_cast<int>(n), 0);
    pos += n;
  }
  htmlParseChunk(ctxt, nullptr, 0, 1);
  htmlFreeParserCtxt(ctxt);
  return ex.finish();
}

bool looks_like_html(std::string_view text) {
  static constexpr std::string_view kMarkers[] = {
      "<html", "<!doctype html", "<body", "<div", "<p>", "<p ", "<table", "<font", "<br", "<span",
  };
  const std::string_view head = text.substr(0, 4096);
  for (std::size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
    for (std::string_view m : kMarkers) {
      if (head.size() - i >= m.size() && iequals(head.substr(i, m.size()), m)) return true;
    }
  }
  return false;
}

}  // namespace secnlp::nlp
