#include <fmt/format.h>

#include "common/error.h"
#include "nlp/html/html_to_text.h"
#include "nlp/sec/section_map.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

class HtmlStage final : public Stage {
 public:
  explicit HtmlStage(const StageOptions& o) {
    const std::string parser = o.get_string("parser", "fast");
    if (parser == "fast") {
      options_.parser = nlp::HtmlParser::kFast;
    } else if (parser == "libxml2") {
      options_.parser = nlp::HtmlParser::kLibxml2;
    } else {
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'html': parser must be fast or libxml2, not '{}'", parser));
    }
    numeric_tables_ = o.get_string("numeric_tables", "auto");
    if (numeric_tables_ != "auto" && numeric_tables_ != "remove" && numeric_tables_ != "keep")
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'html': numeric_tables must be auto, remove or keep, not '{}'",
                              numeric_tables_));
    options_.numeric_table_threshold = o.get_double("numeric_table_threshold", 0.10, 0.0, 1.0);
    options_.drop_hidden = o.get_bool("drop_hidden", true);
  }
  SlotSet reads() const override { return kSlotText; }
  SlotSet writes() const override { return kSlotText; }
  void run(Document& doc) const override {
    // The submission stage may already know the kind; otherwise sniff the text.
    const bool html =
        doc.source_type.empty() ? nlp::looks_like_html(doc.text) : doc.source_type == "html";
    if (!html) {
      doc.source_type = "text";
      return;
    }
    doc.source_type = "html";
    // Read before the markup is gone: the runner flags a "has no </" warning as truncated.
    if (nlp::html_cut_off(doc.text))
      doc.warnings.push_back("HTML document has no </html>: the file stops early (cut off?)");
    nlp::HtmlOptions options = options_;
    options.remove_numeric_tables = remove_numeric_tables(doc);
    nlp::HtmlText html_text = nlp::html_to_text(doc.text, options);
    doc.text = std::move(html_text.text);
    doc.set_metric("", "tables", static_cast<double>(html_text.tables));
    doc.set_metric("", "tables_removed", static_cast<double>(html_text.tables_removed));
    if (html_text.truncated)
      doc.warnings.push_back("HTML parsing stopped early on malformed markup");
  }

 private:
  // Loughran and McDonald remove numeric tables from annual and quarterly reports, where they are
  // financial statements. In 8-Ks the tables are exhibit lists and vote results that carry the
  // item's content, so "auto" keeps them there (and for other forms).
  bool remove_numeric_tables(const Document& doc) const {
    if (numeric_tables_ != "auto") return numeric_tables_ == "remove";
    auto form = doc.metadata.find("form");
    if (form == doc.metadata.end()) return true;
    const auto family = nlp::sec::form_family(form->second);
    return family == nlp::sec::FormFamily::k10K || family == nlp::sec::FormFamily::k10Q;
  }

  nlp::HtmlOptions options_;
  std::string numeric_tables_;
};

}  // namespace

StageInfo html_stage() {
  return {"html",
          "HTML to text (streaming): drops scripts, styles, head and hidden inline XBRL; line "
          "breaks at blocks; table cells kept apart. Plain text passes through",
          {{"numeric_tables", "auto",
            "remove, keep, or auto: drop tables whose digits exceed numeric_table_threshold of "
            "their alphanumerics (Loughran-McDonald; tables mentioning Item 7 or 8 stay) in "
            "10-K and 10-Q filings and in documents of unknown form, keep them in 8-Ks"},
           {"parser", "fast",
            "fast (single-pass scanner, same output as libxml2 on every test filing, ~5x faster) "
            "or libxml2 (libxml2's HTML parser)"},
           {"numeric_table_threshold", "0.10", "Digit share above which a table is numeric"},
           {"drop_hidden", "true", "Drop display:none content and the ix:header"}},
          [](const StageOptions& o, Resources&) { return std::make_unique<HtmlStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
