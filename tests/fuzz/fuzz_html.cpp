// HTML to text. Built twice: SECNLP_FUZZ_HTML_PARSER selects the fast scanner (fuzz_html_fast)
// or libxml2's push parser (fuzz_html_libxml2). The first byte picks the options.
#include "nlp/encoding/encoding.h"
#include "nlp/html/html_to_text.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  secnlp::nlp::HtmlOptions options;
  options.parser = secnlp::nlp::HtmlParser::SECNLP_FUZZ_HTML_PARSER;
  if (size > 0) {
    options.remove_numeric_tables = (data[0] & 1) != 0;
    options.drop_hidden = (data[0] & 2) != 0;
    options.numeric_table_threshold = (data[0] >> 2) / 63.0;
    ++data;
    --size;
  }
  const auto html = secnlp::fuzz::as_view(data, size);
  (void)secnlp::nlp::looks_like_html(html);
  const auto text = secnlp::nlp::html_to_text(html, options);
  if (!secnlp::is_valid_utf8(text.text)) __builtin_trap();  // documented: UTF-8 out
  if (text.tables_removed > text.tables) __builtin_trap();
  return 0;
}
