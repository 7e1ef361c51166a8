#pragma once
// Internal to nlp/html: the formatting rules of html_to_text, shared by both parsers.
//
// A parser (libxml2's SAX push parser, or the hand-written scanner in html_lexer.cpp) resolves the
// markup into balanced element events and feeds them here; TextBuilder owns every layout rule
// (line breaks, blank lines, whitespace collapsing, table cells, <pre>, dropped and hidden
// subtrees, the numeric-table rule, counters). Not part of the public API.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/html/html_to_text.h"

namespace secnlp::nlp::html_internal {

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

// The kind of element `name` (ASCII case-insensitive).
Kind classify(std::string_view name);

// True when a style attribute value hides the element: "display" ":" "none", any case or spacing.
bool style_hides(std::string_view style);

// Text output state. Events must be balanced: close() ends the innermost open element.
class TextBuilder {
 public:
  TextBuilder(const HtmlOptions& options, std::size_t input_size);

  // Opens an element of `kind`; `hidden` is true when its attributes hide it (a `hidden`
  // attribute or a display:none style); it only counts when options.drop_hidden.
  void open(Kind kind, bool hidden);
  // Closes the innermost open element; no-op when none is open.
  void close();
  // Character data (already entity-decoded, UTF-8).
  void text(const char* s, std::size_t n);
  // Elements open now.
  std::size_t depth() const { return stack_.size(); }
  bool dropping() const { return dropped_ > 0; }

  HtmlText finish(bool truncated);

 private:
  struct Frame {
    Kind kind;
    bool dropped;  // this element starts dropped content
  };

  bool at_line_start() const { return out_.empty() || pending_breaks_ > 0 || line_start_; }
  void request_break(int n) { pending_breaks_ = pending_breaks_ > n ? pending_breaks_ : n; }
  void end_outer_table();
  void flush_separators();
  void trim_line_end();
  void pre_text(const char* s, std::size_t n);

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
};

}  // namespace secnlp::nlp::html_internal
