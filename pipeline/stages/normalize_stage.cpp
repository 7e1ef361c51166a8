#include "nlp/normalize/normalizer.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

nlp::NormalizeOptions options_from(const StageOptions& o) {
  nlp::NormalizeOptions n;
  n.nfkc = o.get_bool("nfkc", true);
  n.unify_punctuation = o.get_bool("unify_punctuation", true);
  n.repair_c1_controls = o.get_bool("repair_c1_controls", true);
  n.case_fold = o.get_bool("case_fold", false);
  return n;
}

class NormalizeStage final : public Stage {
 public:
  explicit NormalizeStage(const StageOptions& o) : normalizer_(options_from(o)) {}
  SlotSet reads() const override { return kSlotText; }
  SlotSet writes() const override { return kSlotText; }
  void run(Document& doc) const override { doc.text = normalizer_.normalize(doc.text); }

 private:
  nlp::Normalizer normalizer_;
};

}  // namespace

StageInfo normalize_stage() {
  return {"normalize",
          "Unicode normalisation with ICU: NFKC, unified quotes/dashes/spaces, cp1252 repair",
          {{"nfkc", "true", "Apply NFKC (ligatures, full-width forms, compatibility characters)"},
           {"unify_punctuation", "true", "Curly quotes to ', \"; dashes to -; odd spaces to ' '"},
           {"repair_c1_controls", "true", "Map U+0080..U+009F through cp1252 (mis-decoded text)"},
           {"case_fold", "false", "Unicode case folding of the whole text"}},
          [](const StageOptions& o, Resources&) { return std::make_unique<NormalizeStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
