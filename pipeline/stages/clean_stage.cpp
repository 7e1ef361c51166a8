#include <algorithm>

#include <fmt/format.h>

#include "common/error.h"
#include "nlp/regex/regex_cleaner.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

std::vector<nlp::RegexRule> rules_from(const StageOptions& o) {
  std::vector<nlp::RegexRule> rules;
  if (o.get_bool("default_rules", true)) {
    const auto disabled = o.get_strings("disable");
    for (auto& rule : nlp::RegexCleaner::default_rules()) {
      if (std::find(disabled.begin(), disabled.end(), rule.name) == disabled.end())
        rules.push_back(std::move(rule));
    }
  } else {
    (void)o.get_strings("disable");
  }
  int index = 0;
  for (const auto& table : o.get_tables("rules")) {
    ++index;
    auto field = [&](const char* key) -> std::string {
      auto it = table.find(key);
      return it == table.end() ? std::string() : it->second;
    };
    for (const auto& [key, value] : table) {
      if (key != "name" && key != "pattern" && key != "replace")
        throw Error(ErrorCode::kConfig,
                    fmt::format("stage 'clean': rule {} has unknown key '{}' (name, pattern, "
                                "replace)",
                                index, key));
    }
    std::string name = field("name");
    if (name.empty()) name = fmt::format("rule {}", index);
    if (field("pattern").empty())
      throw Error(ErrorCode::kConfig, fmt::format("stage 'clean': rule '{}' has no pattern", name));
    rules.push_back({name, field("pattern"), field("replace")});
  }
  return rules;
}

class CleanStage final : public Stage {
 public:
  explicit CleanStage(const StageOptions& o) : cleaner_(rules_from(o)) {}
  SlotSet reads() const override { return kSlotText; }
  SlotSet writes() const override { return kSlotText; }
  void run(Document& doc) const override { doc.text = cleaner_.apply(doc.text); }

 private:
  nlp::RegexCleaner cleaner_;
};

}  // namespace

StageInfo clean_stage() {
  return {
      "clean",
      "Ordered RE2 rewrite rules: page numbers, Table of Contents links, URLs, whitespace",
      {{"default_rules", "true", "Start from the built-in rules"},
       {"disable", "[]", "Names of built-in rules to leave out"},
       {"rules", "[]", "Extra rules, applied in order: [[clean.rules]] name, pattern, replace"}},
      [](const StageOptions& o, Resources&) { return std::make_unique<CleanStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
