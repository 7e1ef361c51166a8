#include "pipeline/names.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "common/error.h"
#include "nlp/sec/section_map.h"

namespace secnlp::pipeline {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<NameDoc> build_metric_names() {
  std::vector<NameDoc> names = {
      {"bytes", "size of the input file in bytes (filing only)"},
      {"invalid_bytes_replaced", "byte sequences that were not valid text, replaced by U+FFFD"},
      {"tables", "HTML tables in the main document"},
      {"tables_removed", "numeric tables removed (Loughran-McDonald Stage One)"},
      {"text_bytes", "bytes of clean text"},
      {"sections", "item sections found"},
      {"sentences", "sentences"},
      {"tokens", "tokens"},
      {"terms", "terms after filtering (stop words out, stemmed)"},
      {"unique_terms", "distinct terms"},
      {"words", "words as readability counts them"},
      {"readability_sentences", "sentences as readability counts them (textstat mode)"},
      {"syllables", "syllables"},
      {"complex_words", "words of three or more syllables (Gunning Fog)"},
      {"polysyllables", "polysyllabic words (SMOG)"},
      {"flesch_kincaid_grade", "Flesch-Kincaid grade level"},
      {"flesch_reading_ease", "Flesch reading ease"},
      {"gunning_fog", "Gunning Fog index"},
      {"smog", "SMOG grade"},
      {"coleman_liau", "Coleman-Liau index"},
      {"ari", "Automated Readability Index"},
      {"lm_gross_size", "submission size in bytes (Loughran-McDonald Stage One summary)"},
      {"lm_net_size", "size after removing binary, XBRL and XML parts"},
      {"lm_tables", "tables in the submission"},
      {"lm_exhibits", "exhibits in the submission"},
      {"lm_ascii_chars", "characters of uuencoded (ASCII-armoured) parts"},
      {"lm_html_chars", "characters of HTML markup"},
      {"lm_xbrl_chars", "characters of XBRL parts"},
      {"lm_xml_chars", "characters of XML parts"},
      {"lm_words", "words the Loughran-McDonald counts are over"},
      {"lm_negations", "positive words preceded by a negation (needs the Positive list)"},
      {"entities", "named entities found (opt-in entities stage; rows in the entities table)"},
  };
  for (const char* category : {"negative", "positive", "uncertainty", "litigious", "strong_modal",
                               "weak_modal", "constraining"}) {
    names.push_back({fmt::format("lm_{}", category),
                     fmt::format("Loughran-McDonald {} words (needs --lexicon)", category)});
    names.push_back(
        {fmt::format("lm_{}_prop", category), fmt::format("lm_{} / lm_words", category)});
  }
  names.push_back({"pos_words",
                   "words the part-of-speech rates are over (tokens not tagged as "
                   "punctuation; needs the pos stage)"});
  for (const auto& [name, what] : std::vector<std::pair<const char*, const char*>>{
           {"nouns", "common nouns (NN, NNS; NOUN)"},
           {"proper_nouns", "proper nouns (NNP, NNPS; PROPN)"},
           {"verbs", "verbs, auxiliaries included (VB*; VERB, AUX but modals)"},
           {"modals",
            "modal verbs (MD; modal AUX: can, could, may, might, must, shall, should, "
            "will, would, ought)"},
           {"adjectives", "adjectives (JJ*; ADJ)"},
           {"adverbs", "adverbs (RB*, WRB; ADV)"},
           {"pronouns", "pronouns (PRP, PRP$, WP, WP$; PRON)"}}) {
    names.push_back({fmt::format("pos_{}", name), fmt::format("{} (needs the pos stage)", what)});
    names.push_back(
        {fmt::format("pos_{}_per_1k", name), fmt::format("pos_{} per 1,000 pos_words", name)});
  }
  return names;
}

}  // namespace

const std::vector<NameDoc>& metric_names() {
  static const std::vector<NameDoc> kNames = build_metric_names();
  return kNames;
}

const std::vector<NameDoc>& document_flags() {
  static const std::vector<NameDoc> kFlags = {
      {std::string(kFlagUndated),
       "no filing date or acceptance time: the filing cannot be placed in time, is never "
       "available to other filings, and its year-over-year rows have no date"},
      {std::string(kFlagNearEmpty),
       "almost no words (fewer than 1,000 for a 10-K/10-Q, 50 otherwise): a truncated download "
       "or a cover page only"},
      {std::string(kFlagTruncated), "the input ends before its container does (e.g. no </TEXT>)"},
  };
  return kFlags;
}

std::vector<NameDoc> section_flags() {
  std::vector<NameDoc> out;
  for (unsigned bit = 0; bit < 32; ++bit) {
    std::string name = nlp::sec::section_flag_names(1u << bit);
    if (!name.empty()) out.push_back({std::move(name), fmt::format("bit {}", bit)});
  }
  return out;
}

const std::vector<std::string>& known_items() {
  static const std::vector<std::string> kItems = [] {
    std::vector<std::string> items = {"1",
                                      "1A",
                                      "1B",
                                      "1C",
                                      "2",
                                      "3",
                                      "4",
                                      "5",
                                      "6",
                                      "7",
                                      "7A",
                                      "8",
                                      "9",
                                      "9A",
                                      "9B",
                                      "9C",
                                      "10",
                                      "11",
                                      "12",
                                      "13",
                                      "14",
                                      "15",
                                      "16",
                                      "signatures",
                                      "executive_officers",
                                      "financial_statements"};
    for (const char* q :
         {"part1item1", "part1item2", "part1item3", "part1item4", "part2item1", "part2item1a",
          "part2item2", "part2item3", "part2item4", "part2item5", "part2item6"})
      items.emplace_back(q);
    for (const char* e :
         {"1.01", "1.02", "1.03", "1.04", "1.05", "2.01", "2.02", "2.03", "2.04", "2.05", "2.06",
          "3.01", "3.02", "3.03", "4.01", "4.02", "5.01", "5.02", "5.03", "5.04", "5.05", "5.06",
          "5.07", "5.08", "6.01", "6.02", "6.03", "6.04", "6.05", "7.01", "8.01", "9.01"})
      items.emplace_back(e);
    for (int i = 1; i <= 12; ++i)
      items.push_back(fmt::format("item{}", i));
    return items;
  }();
  return kItems;
}

std::optional<std::string> canonical_scope(std::string_view name,
                                           const std::vector<std::string>& stored) {
  const std::string key = lower(name);
  if (key.empty() || key == kWholeFiling || key == "document") return std::string();
  for (const auto* list : {&stored, &known_items()}) {
    for (const std::string& item : *list)
      if (lower(item) == key) return item;
  }
  return std::nullopt;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string require_scope(std::string_view name, const std::vector<std::string>& stored) {
  if (auto scope = canonical_scope(name, stored)) return *scope;
  std::vector<std::string> all = {std::string(kWholeFiling)};
  for (const auto& s : stored)
    if (std::find(known_items().begin(), known_items().end(), s) == known_items().end())
      all.push_back(s);
  all.insert(all.end(), known_items().begin(), known_items().end());
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown section '{}' (known: {})", name, join_names(all)));
}

std::string scope_label(std::string_view stored_scope) {
  return stored_scope.empty() ? std::string(kWholeFiling) : std::string(stored_scope);
}

}  // namespace secnlp::pipeline
