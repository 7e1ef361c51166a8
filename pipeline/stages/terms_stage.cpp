#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"
#include "corpora/resources/word_list.h"
#include "nlp/filters/lemmatizer.h"
#include "nlp/filters/stemmer.h"
#include "nlp/filters/stop_words.h"
#include "nlp/tokenize/case.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

class TermsStage final : public Stage {
 public:
  TermsStage(const StageOptions& o, Resources& resources)
      : lowercase_(o.get_bool("lowercase", true)),
        drop_punctuation_(o.get_bool("drop_punctuation", true)),
        drop_numbers_(o.get_bool("drop_numbers", true)),
        min_length_(static_cast<std::size_t>(o.get_int("min_length", 2, 0, 1000))) {
    const std::string stopwords = o.get_string("stopwords", "english");
    if (stopwords == "english") {
      stop_words_.emplace(nlp::StopWords::english());
    } else if (stopwords == "none") {
      stop_words_.emplace(std::span<const std::string>());
    } else {
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'terms': stopwords must be english or none, not '{}' (add "
                              "your own lists with stopword_files)",
                              stopwords));
    }
    const auto stopword_files = o.get_strings("stopword_files");
    for (std::size_t i = 0; i < stopword_files.size(); ++i) {
      const std::string& file = stopword_files[i];
      const auto words = corpora::read_word_list(file);
      resources.record_file(fmt::format("terms.stopword_files.{}", i), file);
      std::vector<std::string> lowered;
      for (const auto& w : words)
        lowered.push_back(nlp::to_lower(w));
      stop_words_->add(lowered);
    }
    const std::string stem = o.get_string("stem", "porter2");
    const std::string lemma = o.get_string("lemmatize", "none");
    if (stem != "none" && lemma != "none")
      throw Error(ErrorCode::kConfig,
                  "stage 'terms': choose stem or lemmatize, not both (set one to \"none\")");
    if (stem != "none") stemmer_.emplace(stem);
    if (lemma != "none") {
      auto pos = nlp::parse_part_of_speech(lemma);
      if (!pos)
        throw Error(
            ErrorCode::kConfig,
            fmt::format("stage 'terms': lemmatize must be none, n, v, a or r, not '{}'", lemma));
      pos_ = *pos;
      lemmatizer_ = std::make_unique<nlp::WordNetLemmatizer>(resources.wordnet());
    }
  }
  SlotSet reads() const override { return kSlotTokens; }

  // WordNet's part of speech for a tagged word; the configured one for other classes.
  nlp::PartOfSpeech wordnet_pos(WordClass c) const {
    switch (c) {
      case WordClass::kNoun:
      case WordClass::kProperNoun:
        return nlp::PartOfSpeech::kNoun;
      case WordClass::kVerb:
      case WordClass::kModal:
        return nlp::PartOfSpeech::kVerb;
      case WordClass::kAdjective:
        return nlp::PartOfSpeech::kAdjective;
      case WordClass::kAdverb:
        return nlp::PartOfSpeech::kAdverb;
      default:
        return pos_;
    }
  }
  SlotSet writes() const override { return kSlotTerms; }

  void run(Document& doc) const override {
    doc.terms.clear();
    doc.terms.items.reserve(doc.tokens.items.size() / 2);
    doc.terms.sentence_end.reserve(doc.tokens.sentence_end.size());
    std::size_t begin = 0;
    std::string lowered;
    // Stems of this document's words: words repeat (a 10-K has ~60 k terms and ~5 k distinct
    // words), and a hash lookup costs a third of stemming one (issue 17's profile: Porter2 was
    // 6.4 % of `process`).
    std::unordered_map<std::string, std::string> stems;
    // With the pos stage before this one, each word is lemmatized as its tagged part of speech.
    const bool tagged = lemmatizer_ && doc.pos.size() == doc.tokens.items.size();
    for (const std::uint32_t end : doc.tokens.sentence_end) {
      for (std::size_t i = begin; i < end; ++i) {
        const std::string& token = doc.tokens.items[i];
        if (drop_punctuation_ && !nlp::has_alnum(token)) continue;
        if (drop_numbers_ && !nlp::has_letter_byte(token)) continue;
        lowered = lowercase_ ? nlp::to_lower(token) : token;
        if (lowered.size() < min_length_) continue;
        if (stop_words_->contains(lowered)) continue;
        std::string& term = doc.terms.items.emplace_back();
        if (stemmer_) {
          auto [it, fresh] = stems.try_emplace(lowered);
          if (fresh) stemmer_->stem(lowered, it->second);
          term = it->second;
        } else if (lemmatizer_) {
          lemmatizer_->lemmatize_into(lowered, tagged ? wordnet_pos(doc.pos[i]) : pos_, term);
        } else {
          term = lowered;
        }
      }
      doc.terms.sentence_end.push_back(static_cast<std::uint32_t>(doc.terms.items.size()));
      begin = end;
    }
  }

 private:
  bool lowercase_;
  bool drop_punctuation_;
  bool drop_numbers_;
  std::size_t min_length_;
  std::optional<nlp::StopWords> stop_words_;
  std::optional<nlp::Stemmer> stemmer_;
  std::unique_ptr<nlp::WordNetLemmatizer> lemmatizer_;
  nlp::PartOfSpeech pos_ = nlp::PartOfSpeech::kNoun;
};

}  // namespace

StageInfo terms_stage() {
  return {
      "terms",
      "Terms for counting: lowercase, drop punctuation/numbers/short words and stop words, "
      "then Snowball stem or WordNet lemma",
      {{"lowercase", "true", "Lowercase tokens (Unicode)"},
       {"drop_punctuation", "true", "Drop tokens without a letter or digit"},
       {"drop_numbers", "true", "Drop tokens without a letter"},
       {"min_length", "2", "Drop terms shorter than this many bytes"},
       {"stopwords", "english", "english (the project's list) or none"},
       {"stopword_files", "[]", "Extra stop-word files, one word per line"},
       {"stem", "porter2",
        "porter2 (current Snowball English), porter2-libstemmer (Snowball 2.2), porter, or none"},
       {"lemmatize", "none",
        "none, or the WordNet part of speech n, v, a or r (with the pos stage before terms: "
        "each word's tagged part of speech, this one for the rest)"}},
      [](const StageOptions& o, Resources& r) { return std::make_unique<TermsStage>(o, r); }};
}

}  // namespace secnlp::pipeline::stages
