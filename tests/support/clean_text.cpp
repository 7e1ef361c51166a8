#include "tests/support/clean_text.h"

#include "nlp/encoding/encoding.h"
#include "nlp/html/html_to_text.h"
#include "nlp/normalize/normalizer.h"
#include "nlp/regex/regex_cleaner.h"

namespace secnlp::testing {

std::string default_clean_text(std::string_view raw) {
  std::string text = nlp::decode_to_utf8(raw).utf8;
  if (nlp::looks_like_html(text)) {
    nlp::HtmlOptions options;
    options.remove_numeric_tables = true;
    text = nlp::html_to_text(text, options).text;
  }
  static const nlp::Normalizer normalizer;
  static const nlp::RegexCleaner cleaner(nlp::RegexCleaner::default_rules());
  return cleaner.apply(normalizer.normalize(text));
}

}  // namespace secnlp::testing
