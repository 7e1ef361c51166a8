#include <array>
#include <memory>

#include <fmt/format.h>

#include "common/error.h"
#include "models/tagging/pos_model.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

// Modal verbs among universal AUX tags (UPOS has no modal tag; Penn's MD is these words).
bool is_modal_word(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kModals = {
      "can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought"};
  std::string lower(w);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (lower == "ca" || lower == "wo" || lower == "'ll" || lower == "'d") return true;
  for (const auto m : kModals)
    if (lower == m) return true;
  return false;
}

// The word class of a Penn Treebank (XPOS) or universal (UPOS) tag; AUX is decided per word.
WordClass class_of(std::string_view tag) {
  struct Row {
    std::string_view tag;
    WordClass word_class;
  };
  static constexpr Row kRows[] = {
      // Penn Treebank
      {"NN", WordClass::kNoun},
      {"NNS", WordClass::kNoun},
      {"NNP", WordClass::kProperNoun},
      {"NNPS", WordClass::kProperNoun},
      {"VB", WordClass::kVerb},
      {"VBD", WordClass::kVerb},
      {"VBG", WordClass::kVerb},
      {"VBN", WordClass::kVerb},
      {"VBP", WordClass::kVerb},
      {"VBZ", WordClass::kVerb},
      {"MD", WordClass::kModal},
      {"JJ", WordClass::kAdjective},
      {"JJR", WordClass::kAdjective},
      {"JJS", WordClass::kAdjective},
      {"RB", WordClass::kAdverb},
      {"RBR", WordClass::kAdverb},
      {"RBS", WordClass::kAdverb},
      {"WRB", WordClass::kAdverb},
      {"PRP", WordClass::kPronoun},
      {"PRP$", WordClass::kPronoun},
      {"WP", WordClass::kPronoun},
      {"WP$", WordClass::kPronoun},
      {",", WordClass::kPunctuation},
      {".", WordClass::kPunctuation},
      {":", WordClass::kPunctuation},
      {"``", WordClass::kPunctuation},
      {"''", WordClass::kPunctuation},
      {"-LRB-", WordClass::kPunctuation},
      {"-RRB-", WordClass::kPunctuation},
      {"HYPH", WordClass::kPunctuation},
      {"NFP", WordClass::kPunctuation},
      {"$", WordClass::kPunctuation},
      {"#", WordClass::kPunctuation},
      // universal
      {"NOUN", WordClass::kNoun},
      {"PROPN", WordClass::kProperNoun},
      {"VERB", WordClass::kVerb},
      {"AUX", WordClass::kVerb},
      {"ADJ", WordClass::kAdjective},
      {"ADV", WordClass::kAdverb},
      {"PRON", WordClass::kPronoun},
      {"PUNCT", WordClass::kPunctuation},
      {"SYM", WordClass::kPunctuation},
  };
  for (const auto& r : kRows)
    if (r.tag == tag) return r.word_class;
  return WordClass::kOther;
}

struct ClassMetric {
  WordClass word_class;
  const char* name;
};
constexpr ClassMetric kClassMetrics[] = {
    {WordClass::kNoun, "pos_nouns"},           {WordClass::kProperNoun, "pos_proper_nouns"},
    {WordClass::kVerb, "pos_verbs"},           {WordClass::kModal, "pos_modals"},
    {WordClass::kAdjective, "pos_adjectives"}, {WordClass::kAdverb, "pos_adverbs"},
    {WordClass::kPronoun, "pos_pronouns"},
};

class PosStage final : public Stage {
 public:
  PosStage(const StageOptions& o, Resources& resources) {
    const std::string path = o.get_string("model", "");
    if (path.empty())
      throw Error(ErrorCode::kConfig,
                  "stage 'pos': set model = \"DIR\" (a directory from secnlp train --task pos)");
    model_ = models::load_pos_model(path);
    resources.record_file("pos.model", path);
    for (const auto& tag : model_->tagger.tags()) {
      classes_.push_back(class_of(tag));
      aux_.push_back(tag == "AUX");
    }
  }
  SlotSet reads() const override { return kSlotTokens | kSlotSentences; }
  SlotSet writes() const override { return kSlotPos | kSlotMetrics; }

  void run(Document& doc) const override {
    thread_local nlp::TagScratch scratch;
    thread_local std::vector<std::uint16_t> tags;
    const auto& items = doc.tokens.items;
    doc.pos.assign(items.size(), WordClass::kOther);
    std::size_t begin = 0;
    for (const std::uint32_t end : doc.tokens.sentence_end) {
      model_->tagger.tag(std::span<const std::string>(items.data() + begin, end - begin), tags,
                         scratch);
      for (std::size_t i = 0; i < tags.size(); ++i) {
        WordClass c = classes_[tags[i]];
        if (aux_[tags[i]] && is_modal_word(items[begin + i])) c = WordClass::kModal;
        doc.pos[begin + i] = c;
      }
      begin = end;
    }
    for (const Scope& scope : doc.scopes()) {
      const auto [first, last] = doc.tokens.range(scope.first_sentence, scope.last_sentence);
      std::array<std::size_t, 16> counts{};
      for (std::size_t i = first; i < last; ++i)
        ++counts[static_cast<std::size_t>(doc.pos[i])];
      const std::size_t words =
          (last - first) - counts[static_cast<std::size_t>(WordClass::kPunctuation)];
      doc.set_metric(scope.name, "pos_words", static_cast<double>(words));
      for (const auto& m : kClassMetrics) {
        const auto n = static_cast<double>(counts[static_cast<std::size_t>(m.word_class)]);
        doc.set_metric(scope.name, m.name, n);
        doc.set_metric(scope.name, std::string(m.name) + "_per_1k",
                       words ? 1000.0 * n / static_cast<double>(words) : 0.0);
      }
    }
  }

 private:
  std::shared_ptr<const models::PosModel> model_;
  std::vector<WordClass> classes_;  // per tag id
  std::vector<bool> aux_;           // per tag id: universal AUX (modal or not by the word)
};

}  // namespace

StageInfo pos_stage() {
  return {"pos",
          "Part-of-speech tags of every token (averaged perceptron from secnlp train --task "
          "pos): counts of nouns, proper nouns, verbs, modals, adjectives, adverbs and pronouns "
          "and their rate per 1,000 words, per document and section; with it before `terms`, "
          "WordNet lemmas use each word's part of speech",
          {{"model", "", "Model directory from secnlp train --task pos (required)"}},
          [](const StageOptions& o, Resources& r) { return std::make_unique<PosStage>(o, r); }};
}

}  // namespace secnlp::pipeline::stages
