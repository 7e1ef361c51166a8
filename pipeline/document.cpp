#include "pipeline/document.h"

#include <algorithm>
#include <array>

namespace secnlp::pipeline {

std::string slot_names(SlotSet set) {
  static constexpr std::array<std::pair<Slot, const char*>, 10> kNames = {{
      {kSlotRaw, "raw"},
      {kSlotText, "text"},
      {kSlotSections, "sections"},
      {kSlotSentences, "sentences"},
      {kSlotTokens, "tokens"},
      {kSlotTerms, "terms"},
      {kSlotMetrics, "metrics"},
      {kSlotCounts, "counts"},
      {kSlotPos, "pos"},
      {kSlotEntities, "entities"},
  }};
  std::string out;
  for (const auto& [slot, name] : kNames) {
    if (!(set & slot)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::pair<std::size_t, std::size_t> TokenStream::range(std::size_t first_sentence,
                                                       std::size_t last_sentence) const {
  auto end_of = [&](std::size_t sentence) -> std::size_t {
    if (sentence == 0 || sentence_end.empty()) return 0;
    return sentence_end[std::min(sentence, sentence_end.size()) - 1];
  };
  return {end_of(first_sentence), end_of(last_sentence)};
}

std::vector<Scope> Document::scopes() const {
  std::vector<Scope> out;
  out.push_back({"", 0, sentences.size()});
  // A sentence belongs to the section its first byte falls in.
  auto first_at_or_after = [&](std::uint32_t offset) {
    return static_cast<std::size_t>(
        std::lower_bound(sentences.begin(), sentences.end(), offset,
                         [](const TextSpan& s, std::uint32_t off) { return s.begin < off; }) -
        sentences.begin());
  };
  for (const Section& section : sections) {
    out.push_back(
        {section.item, first_at_or_after(section.span.begin), first_at_or_after(section.span.end)});
  }
  return out;
}

std::vector<std::size_t> Document::interval_cuts(const std::vector<Scope>& scopes,
                                                 std::size_t sentences) {
  std::vector<std::size_t> cuts = {0, sentences};
  for (const Scope& s : scopes) {
    cuts.push_back(std::min(s.first_sentence, sentences));
    cuts.push_back(std::min(s.last_sentence, sentences));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

void Document::set_metric(const std::string& scope, std::string name, double value) {
  metrics[scope].emplace_back(std::move(name), value);
}

}  // namespace secnlp::pipeline
