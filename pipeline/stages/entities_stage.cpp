#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "models/tagging/ner_model_dir.h"
#include "pipeline/resources.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

// Named entities of every sentence, from the model of `secnlp train --task ner`: the tokens
// stage's tokens, aligned back to the sentence for byte and character offsets.
class EntitiesStage final : public Stage {
 public:
  EntitiesStage(const StageOptions& o, Resources& resources)
      : model_(resources.ner_model(o.get_string("model", ""))),
        min_score_(o.get_double("min_score", 0.0, 0.0, 1.0)) {}
  SlotSet reads() const override { return kSlotText | kSlotSentences | kSlotTokens; }
  SlotSet writes() const override { return kSlotEntities; }

  void run(Document& doc) const override {
    doc.entities.clear();
    const std::string_view text = doc.text;
    std::size_t chars = 0, counted_to = 0;  // code points in text[0, counted_to)
    auto chars_at = [&](std::size_t byte) {
      for (; counted_to < byte; ++counted_to)
        if ((static_cast<unsigned char>(text[counted_to]) & 0xC0) != 0x80) ++chars;
      return chars;
    };
    std::vector<std::string> tokens;
    std::vector<std::string_view> views;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto [first, last] = doc.tokens.range(s, s + 1);
      if (first == last) continue;
      const TextSpan span = doc.sentences[s];
      const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
      views.assign(doc.tokens.items.begin() + static_cast<std::ptrdiff_t>(first),
                   doc.tokens.items.begin() + static_cast<std::ptrdiff_t>(last));
      const auto found = predict(views);
      if (found.empty()) continue;
      tokens.assign(doc.tokens.items.begin() + static_cast<std::ptrdiff_t>(first),
                    doc.tokens.items.begin() + static_cast<std::ptrdiff_t>(last));
      const auto offsets = models::align_tokens(sentence, tokens);
      for (const auto& e : found) {
        if (e.score < min_score_) continue;
        EntityMention m;
        m.sentence = static_cast<std::uint32_t>(s);
        const std::size_t b = span.begin + offsets[e.span.begin].first;
        const std::size_t end =
            std::max(b, static_cast<std::size_t>(span.begin) + offsets[e.span.end - 1].second);
        m.byte_begin = static_cast<std::uint32_t>(b);
        m.byte_end = static_cast<std::uint32_t>(end);
        m.char_begin = static_cast<std::uint32_t>(chars_at(b));
        m.char_end = static_cast<std::uint32_t>(chars_at(end));
        m.type = e.span.type;
        m.score = e.score;
        doc.entities.push_back(std::move(m));
      }
    }
    for (const Scope& scope : doc.scopes()) {
      std::size_t n = 0;
      for (const auto& m : doc.entities)
        n += m.sentence >= scope.first_sentence && m.sentence < scope.last_sentence;
      doc.set_metric(scope.name, "entities", static_cast<double>(n));
    }
  }

 private:
  // A "sentence" longer than this is a flattened table or a file without punctuation, not prose:
  // it is tagged in windows of this many tokens, so that the decoder's memory stays bounded
  // (one 840,000-token sentence took 420 MB before). An entity across a window's edge is split.
  static constexpr std::size_t kMaxWindow = 1000;

  std::vector<nlp::ScoredEntity> predict(const std::vector<std::string_view>& tokens) const {
    if (tokens.size() <= kMaxWindow) return model_->model.predict_entities(tokens);
    std::vector<nlp::ScoredEntity> found;
    std::vector<std::string_view> window;
    for (std::size_t w = 0; w < tokens.size(); w += kMaxWindow) {
      const auto end =
          tokens.begin() + static_cast<std::ptrdiff_t>(std::min(tokens.size(), w + kMaxWindow));
      window.assign(tokens.begin() + static_cast<std::ptrdiff_t>(w), end);
      for (auto e : model_->model.predict_entities(window)) {
        e.span.begin += w;
        e.span.end += w;
        found.push_back(std::move(e));
      }
    }
    return found;
  }

  std::shared_ptr<const models::LoadedNerModel> model_;
  double min_score_;
};

}  // namespace

StageInfo entities_stage() {
  return {
      "entities",
      "Named entities (PER, ORG, LOC, MISC or the model's types) per sentence, stored in the "
      "entities table with section, offsets and score. Opt-in; needs a model from "
      "secnlp train --task ner (--ner-model DIR or the model option)",
      {{"model", "", "NER model directory (default: --ner-model)"},
       {"min_score", "0", "Leave out entities whose confidence is below this (0..1)"}},
      [](const StageOptions& o, Resources& r) { return std::make_unique<EntitiesStage>(o, r); }};
}

}  // namespace secnlp::pipeline::stages
