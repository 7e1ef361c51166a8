#include <fmt/format.h>

#include "common/error.h"
#include "corpora/edgar/filing_metadata.h"
#include "corpora/edgar/submission.h"
#include "nlp/encoding/encoding.h"
#include "nlp/html/html_to_text.h"
#include "pipeline/stages/stage_infos.h"
#include "pipeline/store/point_in_time.h"

namespace secnlp::pipeline::stages {
namespace {

// Sets `key` when `value` is non-empty: container and inline-XBRL facts override what the file
// name or a directory's metadata file said.
void set_if(Document& doc, const std::string& key, const std::string& value) {
  if (!value.empty()) doc.metadata[key] = value;
}

class SubmissionStage final : public Stage {
 public:
  explicit SubmissionStage(const StageOptions& o)
      : exhibit_text_(o.get_bool("exhibit_text", true)) {}
  SlotSet reads() const override { return kSlotRaw; }
  SlotSet writes() const override { return kSlotRaw | kSlotMetrics; }

  void run(Document& doc) const override {
    if (!corpora::looks_like_submission(doc.raw)) {
      // A primary document on its own: inline XBRL dei facts, when there are any.
      for (const auto& [key, value] : corpora::inline_xbrl_metadata(doc.raw))
        set_if(doc, key, value);
      return;
    }
    const corpora::Submission sub = corpora::parse_submission(doc.raw, doc.path);
    const auto& h = sub.header;
    set_if(doc, "accession", h.accession);
    set_if(doc, "cik", h.cik);
    set_if(doc, "company", h.company);
    set_if(doc, "form", h.form);
    set_if(doc, "period", h.period);
    set_if(doc, "filed", h.filed);
    set_if(doc, "sic", h.sic);
    set_if(doc, "fiscal_year_end", h.fiscal_year_end);
    set_if(doc, "state", h.state);
    doc.metadata["container"] = "submission";
    if (auto it = h.fields.find("ACCEPTANCE-DATETIME"); it != h.fields.end()) {
      if (auto accepted = store::normalize_acceptance(it->second))
        doc.metadata["accepted"] = *accepted;
    }
    if (!doc.metadata.count("fiscal_year") && h.period.size() >= 4)
      doc.metadata["fiscal_year"] = h.period.substr(0, 4);
    for (const auto& w : sub.warnings)
      doc.warnings.push_back(w);

    const auto& s = sub.summary;
    doc.set_metric("", "lm_gross_size", static_cast<double>(s.gross_size));
    doc.set_metric("", "lm_net_size", static_cast<double>(s.net_size));
    doc.set_metric("", "lm_tables", static_cast<double>(s.tables));
    doc.set_metric("", "lm_exhibits", static_cast<double>(s.exhibits));
    doc.set_metric("", "lm_ascii_chars", static_cast<double>(s.ascii_chars));
    doc.set_metric("", "lm_html_chars", static_cast<double>(s.html_chars));
    doc.set_metric("", "lm_xbrl_chars", static_cast<double>(s.xbrl_chars));
    doc.set_metric("", "lm_xml_chars", static_cast<double>(s.xml_chars));

    if (!sub.main_document) {
      throw Error(ErrorCode::kParse,
                  "submission has no main document (only exhibits or binary parts)", doc.path);
    }
    const corpora::SubmissionDocument& main = sub.documents[*sub.main_document];
    doc.metadata["main_type"] = main.type;
    doc.metadata["main_sequence"] = std::to_string(main.sequence);
    // The container says what the main document is; the html stage does not sniff it again
    // (old text filings carry SGML <TABLE> tags that look like HTML).
    doc.source_type = main.kind == "html" ? "html" : "text";
    set_if(doc, "main_filename", main.filename);

    doc.exhibits.clear();
    for (std::size_t i = 0; i < sub.documents.size(); ++i) {
      if (i == *sub.main_document) continue;
      const corpora::SubmissionDocument& part = sub.documents[i];
      Exhibit e;
      e.sequence = part.sequence;
      e.type = part.type;
      e.filename = part.filename;
      e.description = part.description;
      e.kind = part.kind;
      e.bytes = part.end - part.begin;
      if (exhibit_text_ && (part.kind == "html" || part.kind == "text")) {
        std::string text =
            nlp::decode_to_utf8(std::string_view(doc.raw).substr(part.begin, part.end - part.begin))
                .utf8;
        if (part.kind == "html") text = nlp::html_to_text(text).text;
        e.text = std::move(text);
      }
      doc.exhibits.push_back(std::move(e));
    }
    // An inline-XBRL main document adds what the header lacks (ticker, fiscal year focus).
    if (main.kind == "html") {
      const std::string_view body =
          std::string_view(doc.raw).substr(main.begin, main.end - main.begin);
      for (const auto& [key, value] : corpora::inline_xbrl_metadata(body))
        if (!value.empty()) doc.metadata.emplace(key, value);
    }
    // The rest of the pipeline reads the main document only (Loughran-McDonald Stage One).
    doc.raw = std::string(std::string_view(doc.raw).substr(main.begin, main.end - main.begin));
  }

 private:
  bool exhibit_text_;
};

}  // namespace

StageInfo submission_stage() {
  return {"submission",
          "EDGAR containers: header fields, every <DOCUMENT>, the main document (not exhibits, "
          "uuencoded, XBRL or XML parts), Loughran-McDonald summary counts; inline-XBRL dei facts "
          "for primary documents",
          {{"exhibit_text", "true", "Keep the plain text of text and HTML exhibits"}},
          [](const StageOptions& o, Resources&) { return std::make_unique<SubmissionStage>(o); },
          /*version=*/3};  // 2: acceptance time and container kind recorded; 3: tag-stripped
                           // submissions split into documents (exhibits leave the main one)
}

}  // namespace secnlp::pipeline::stages
