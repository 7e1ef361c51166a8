#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline {

StageRegistry builtin_stages() {
  StageRegistry registry;
  registry.add(stages::submission_stage());
  registry.add(stages::decode_stage());
  registry.add(stages::html_stage());
  registry.add(stages::normalize_stage());
  registry.add(stages::clean_stage());
  registry.add(stages::sections_stage());
  registry.add(stages::sentences_stage());
  registry.add(stages::tokens_stage());
  registry.add(stages::terms_stage());
  registry.add(stages::counts_stage());
  registry.add(stages::readability_stage());
  registry.add(stages::lexicon_stage());
  registry.add(stages::pos_stage());
  registry.add(stages::entities_stage());
  return registry;
}

}  // namespace secnlp::pipeline
