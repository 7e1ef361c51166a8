#include "nlp/html/html_to_text.h"
#include "common/ascii.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "nlp/encoding/encoding.h"
#include "nlp/html/html_lexer.h"
#include "nlp/html/html_text_builder.h"

namespace secnlp::nlp {
namespace {

using ascii::iequals;

constexpr std::size_t kChunkBytes = 256 * 1024;
// Stack entries libxml2 may scan for mismatched end tags: 32 per input byte plus a constant. Real
// filings nest at most ~20 deep (unclosed <font>s can reach thousands) and spend far less.
constexpr std::size_t kMismatchBudgetPerByte = 32;
constexpr std::size_t kMismatchBudgetBase = 1 << 20;

// Element events from libxml2 (balanced, names interned in the parser's dictionary) -> TextBuilder.
class Extractor {
 public:
  Extractor(const HtmlOptions& options, std::size_t input_size)
      : options_(options),
        builder_(options, input_size),
        mismatch_budget_(kMismatchBudgetPerByte * input_size + kMismatchBudgetBase) {}

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
    bool hidden = false;
    if (options_.drop_hidden && attrs != nullptr) {
      for (const xmlChar** a = attrs; a[0] != nullptr; a += 2) {
        const std::string_view attr = reinterpret_cast<const char*>(a[0]);
        if (iequals(attr, "hidden") ||
            (a[1] != nullptr && iequals(attr, "style") &&
             html_internal::style_hides(reinterpret_cast<const char*>(a[1])))) {
          hidden = true;
          break;
        }
      }
    }
    names_.push_back(name);
    builder_.open(html_internal::classify(reinterpret_cast<const char*>(name)), hidden);
  }

  void end(const xmlChar* name) {
    if (names_.empty()) return;
    // libxml2 reports balanced events; tolerate a mismatch by looking a little way down.
    std::size_t pos = names_.size() - 1;
    if (names_[pos] != name && !xmlStrEqual(names_[pos], name)) {
      const std::size_t limit = pos > 16 ? pos - 16 : 0;
      bool found = false;
      while (pos > limit) {
        --pos;
        if (names_[pos] == name || xmlStrEqual(names_[pos], name)) {
          found = true;
          break;
        }
      }
      if (!found) return;
    }
    while (names_.size() > pos) {
      names_.pop_back();
      builder_.close();
    }
  }

  void text(const char* s, std::size_t n) { builder_.text(s, n); }

  HtmlText finish() { return builder_.finish(truncated_); }

 private:
  const HtmlOptions& options_;
  html_internal::TextBuilder builder_;
  std::vector<const xmlChar*> names_;
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

HtmlText libxml2_html_to_text(std::string_view utf8_html, const HtmlOptions& options) {
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

}  // namespace

HtmlText html_to_text(std::string_view utf8_html, const HtmlOptions& options) {
  std::string cleaned;
  if (std::memchr(utf8_html.data(), 0, utf8_html.size()) != nullptr || !is_valid_utf8(utf8_html)) {
    cleaned = sanitize(utf8_html);
    utf8_html = cleaned;
  }
  if (options.parser == HtmlParser::kLibxml2) return libxml2_html_to_text(utf8_html, options);
  return html_internal::fast_html_to_text(utf8_html, options);
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

bool html_cut_off(std::string_view text) {
  // Position just after the first "<tag" (any case, followed by space, '>' or '/') at or after
  // `from`, within `limit` bytes; npos when none.
  auto find_tag = [text](std::string_view tag, std::size_t from, std::size_t limit) {
    const std::size_t end = std::min(text.size(), limit);
    for (std::size_t i = text.find('<', from); i != std::string_view::npos && i < end;
         i = text.find('<', i + 1)) {
      if (text.size() - i <= tag.size() || !iequals(text.substr(i, tag.size()), tag)) continue;
      const char next = text[i + tag.size()];
      if (next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' ||
          next == '\r' || next == '\f')
        return i + tag.size();
    }
    return std::string_view::npos;
  };
  const std::size_t open = find_tag("<html", 0, std::size_t{64} << 10);
  if (open == std::string_view::npos) return false;
  // "</html" alone (a closing tag may end with spaces before '>', or the file may end there).
  for (std::size_t i = text.find('<', open); i != std::string_view::npos;
       i = text.find('<', i + 1)) {
    if (text.size() - i >= 6 && iequals(text.substr(i, 6), "</html")) return false;
  }
  return true;
}

}  // namespace secnlp::nlp
