#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "common/error.h"
#include "nlp/sec/eight_k.h"
#include "nlp/sec/section_map.h"
#include "nlp/sec/ten_k.h"
#include "nlp/sec/ten_q.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

class SectionsStage final : public Stage {
 public:
  explicit SectionsStage(const StageOptions& o) : form_(o.get_string("form", "auto")) {
    if (form_ != "auto" && nlp::sec::form_family(form_) == nlp::sec::FormFamily::kOther)
      throw Error(
          ErrorCode::kConfig,
          fmt::format("stage 'sections': form must be auto, 10-K, 10-Q or 8-K, not '{}'", form_));
  }
  SlotSet reads() const override { return kSlotText; }
  SlotSet writes() const override { return kSlotSections | kSlotMetrics; }

  void run(Document& doc) const override {
    using nlp::sec::FormFamily;
    FormFamily family = FormFamily::kOther;
    if (form_ != "auto") {
      family = nlp::sec::form_family(form_);
    } else if (auto it = doc.metadata.find("form"); it != doc.metadata.end()) {
      family = nlp::sec::form_family(it->second);
    }
    if (family == FormFamily::kOther) {
      family = nlp::sec::guess_form_family(doc.text);
      if (family != FormFamily::kOther && !doc.metadata.count("form")) {
        doc.metadata["form"] = family == FormFamily::k10K   ? "10-K"
                               : family == FormFamily::k10Q ? "10-Q"
                                                            : "8-K";
        doc.metadata["form_source"] = "cover page";
      }
    }
    nlp::sec::SectionMap map;
    // Era- and form-specific item tables (10-K, 10-Q): the form type and the filing year when
    // known.
    nlp::sec::FilingInfo info;
    std::string form;
    if (form_ != "auto") {
      form = form_;
    } else if (auto it = doc.metadata.find("form"); it != doc.metadata.end()) {
      form = it->second;
    }
    info.form = form;
    if (family == FormFamily::k10K || family == FormFamily::k10Q) info.year = filing_year(doc);
    switch (family) {
      case FormFamily::k10K:
        map = nlp::sec::segment_10k(doc.text, info);
        break;
      case FormFamily::k10Q:
        map = nlp::sec::segment_10q(doc.text, info);
        break;
      case FormFamily::k8K:
        map = nlp::sec::segment_8k(doc.text);
        break;
      case FormFamily::kOther:
        doc.warnings.push_back("no form type known or found on the cover page: no sections");
        return;
    }
    doc.sections.clear();
    for (auto& s : map.sections) {
      Section section;
      section.item = std::move(s.item);
      section.title = std::move(s.title);
      section.heading = std::move(s.heading);
      section.span = {s.begin, s.end};
      section.method = std::move(s.method);
      section.confidence = s.confidence;
      section.flags = s.flags;
      section.refers_to = std::move(s.refers_to);
      if (section.refers_to.rfind("EX-", 0) == 0) {
        // The item's text is an exhibit of the submission (the annual report, EX-13).
        const bool present =
            std::any_of(doc.exhibits.begin(), doc.exhibits.end(),
                        [&](const Exhibit& e) { return e.type.rfind(section.refers_to, 0) == 0; });
        doc.warnings.push_back(fmt::format("item {} refers to exhibit {}{}", section.item,
                                           section.refers_to,
                                           present ? "" : " (not in this submission)"));
      }
      doc.sections.push_back(std::move(section));
    }
    for (auto& note : map.notes)
      doc.notes.push_back(std::move(note));
    doc.set_metric("", "sections", static_cast<double>(doc.sections.size()));
  }

 private:
  // The filing (else fiscal) year from the metadata: "filed" / "period" (YYYYMMDD or
  // YYYY-MM-DD), "fiscal_year"; 0 when unknown (the segmenter then reads the cover page).
  static int filing_year(const Document& doc) {
    for (const char* key : {"filed", "period", "fiscal_year"}) {
      auto it = doc.metadata.find(key);
      if (it == doc.metadata.end() || it->second.size() < 4) continue;
      int year = 0;
      for (std::size_t i = 0; i < 4; ++i) {
        char c = it->second[i];
        if (c < '0' || c > '9') {
          year = 0;
          break;
        }
        year = year * 10 + (c - '0');
      }
      if (year >= 1990 && year <= 2100) return year;
    }
    return 0;
  }

  std::string form_;
};

}  // namespace

StageInfo sections_stage() {
  return {"sections",
          "Item sections of 10-K, 10-Q and 8-K filings (form from the metadata, else the cover "
          "page); every later metric is also computed per section",
          {{"form", "auto", "auto, or force 10-K, 10-Q or 8-K segmentation"}},
          [](const StageOptions& o, Resources&) { return std::make_unique<SectionsStage>(o); },
          /*version=*/2};  // 2: signatures end at QuickLinks / certifications / an exhibit index,
                           // Schedule II after them, Aug 2002-mid 2003 Items 14 and 15
}

}  // namespace secnlp::pipeline::stages
