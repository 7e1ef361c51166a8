#pragma once
// HTML filing -> plain text, the way a reader sees it.
//
// Two parsers with the same output rules: a hand-written single-pass scanner (the default, 4-6x
// faster; see html_lexer.h) and libxml2's HTML parser (push mode, SAX callbacks, no DOM).
// Both stream: memory is the output plus a stack of open elements, and time is linear in the
// input, whatever the nesting. Pure functions: no shared state, safe from any thread.

#include <cstddef>
#include <string>
#include <string_view>

namespace secnlp::nlp {

// Which parser resolves the markup. Both feed the same formatting rules; they differ only where
// markup is broken in ways the fast scanner resolves more simply (see html_lexer.h).
enum class HtmlParser {
  kFast,     // hand-written scanner, html_lexer.h (config: "fast")
  kLibxml2,  // libxml2's HTML parser (config: "libxml2")
};

// Options of html_to_text (config keys of the html stage use the same names).
struct HtmlOptions {
  HtmlParser parser = HtmlParser::kFast;  // default: the fast scanner
  // Loughran-McDonald rule: drop an outermost <table> whose text has more than
  // `numeric_table_threshold` digits among its alphanumeric characters ([0-9] / [A-Za-z0-9]),
  // unless the text contains "Item 7" or "Item 8" (any case, any spacing, e.g. "ITEM&nbsp;7A"),
  // or begins with "Item <digit>" (an item heading laid out as a table: "Item 16. | Form 10-K
  // Summary" is 20% digits).
  bool remove_numeric_tables = false;  // default off
  double numeric_table_threshold = 0.10;
  // Drop content a browser does not show: elements with a `hidden` attribute or a style with
  // display:none (any case or spacing), and <ix:header> (the inline-XBRL facts block).
  bool drop_hidden = true;  // default on
};

struct HtmlText {
  std::string text;                // the text, UTF-8, see html_to_text for its layout
  std::size_t tables = 0;          // outermost <table> elements seen (outside dropped content)
  std::size_t tables_removed = 0;  // of those, removed by the numeric-table rule
  // (kLibxml2 only; the fast scanner never needs it.) Parsing stopped early because the input is
  // hostile: so many end tags that close nothing
  // under a deep element stack that libxml2's search would go quadratic. `text` holds the text
  // up to that point.
  bool truncated = false;
};

// Extracts the visible text of `utf8_html`, which must already be UTF-8 (see decode_to_utf8);
// ill-formed UTF-8 is replaced by U+FFFD and NULs are dropped first, and a <meta charset> in the
// document is ignored. Never throws on any input (std::bad_alloc aside).
//   Dropped: <head> (with <title>, <meta>, <style> ...), <script>, <style>, <noscript>,
//     <template>, <svg>, comments, processing instructions, and hidden content (drop_hidden).
//   Kept: the text of every other element, unknown and namespaced ones (<ix:nonNumeric>,
//     <ix:nonFraction>, <font>) included. Entities are decoded; &nbsp; stays U+00A0 inside lines.
//   Layout: block elements (p, div, br, tr, li, h1-h6, table, ul/ol, dl/dt/dd, section, article,
//     header, footer, blockquote, pre, hr, center, form, address, ...) end the current line;
//     p, h1-h6, table, ul, ol, dl, blockquote, pre and hr are set off by one blank line. <br>
//     ends a line, and a second <br> in a row leaves a blank line. Runs of ASCII whitespace
//     collapse to one space, as browsers do; lines have no leading or trailing spaces (nor
//     leading/trailing U+00A0); never more than one blank line in a row; no blank line at the
//     start or end; the text ends with "\n" unless empty.
//   Tables: each row is one line; the non-empty cells of a row are separated by one tab ("\t");
//     empty cells (spacers) leave nothing.
//   <pre>: whitespace kept as written (CR LF -> LF).
// Cost: linear in the input; kFast runs at several hundred MB/s, kLibxml2 at libxml2's own
// parsing speed (~80-100 MB/s).
HtmlText html_to_text(std::string_view utf8_html, const HtmlOptions& options = {});

// A cheap sniff of the first 4 KiB: true when they contain (any case) "<html", "<!doctype html",
// "<body", "<div", "<p>", "<p ", "<table", "<font", "<br" or "<span". Does not parse.
bool looks_like_html(std::string_view text);

// True when `text` opens an <html> element in its first 64 KiB but never closes it (no "</html",
// any case, after the opening tag): the file stopped early, cut off by a download or a copy. A
// fragment without <html> is never "cut off". Linear, no allocation.
bool html_cut_off(std::string_view text);

}  // namespace secnlp::nlp
