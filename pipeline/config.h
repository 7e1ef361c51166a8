#pragma once
// Pipeline configuration: which stages run, in which order, with which options.
//
// A pipeline file is TOML:
//
//   stages = ["decode", "html", "normalize", "clean", "sentences", "tokens", "terms",
//             "counts", "readability", "lexicon"]
//   [html]
//   numeric_tables = "keep"
//   [terms]
//   stem = "porter"
//
// Each stage reads its options from the table named after it (see `secnlp stages` for every
// stage and key). A key no stage reads is a config error naming the stage and the key, so typos
// fail before any file is read. Without a file, default_pipeline_config() applies.

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace secnlp::pipeline {

using ConfigTable = std::map<std::string, std::string>;
using ConfigValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>,
                                 std::vector<ConfigTable>>;

// The options of one stage. Getters record which keys were read; reject_unknown() then names
// any key that was not.
class StageOptions {
 public:
  StageOptions() = default;
  StageOptions(std::string stage, std::map<std::string, ConfigValue> values);

  bool get_bool(std::string_view key, bool fallback) const;
  std::int64_t get_int(std::string_view key, std::int64_t fallback) const;
  double get_double(std::string_view key, double fallback) const;  // accepts integers too
  // The same, refusing a value outside [min, max] (or NaN) with Error(kConfig) naming the
  // stage, the option, the range and the value.
  std::int64_t get_int(std::string_view key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const;
  double get_double(std::string_view key, double fallback, double min, double max) const;
  std::string get_string(std::string_view key, std::string fallback) const;
  std::vector<std::string> get_strings(std::string_view key) const;  // absent: empty
  std::vector<ConfigTable> get_tables(std::string_view key) const;   // absent: empty
  bool has(std::string_view key) const;

  // Throws Error(kConfig) naming the stage and the first key no getter asked for.
  void reject_unknown() const;
  const std::string& stage() const { return stage_; }

 private:
  const ConfigValue* find(std::string_view key) const;
  [[noreturn]] void wrong_type(std::string_view key, std::string_view expected) const;

  std::string stage_;
  std::map<std::string, ConfigValue, std::less<>> values_;
  mutable std::set<std::string, std::less<>> used_;
};

struct PipelineConfig {
  std::vector<std::string> stages;
  std::map<std::string, std::map<std::string, ConfigValue>> options;  // stage -> key -> value
  std::string source = "<default>";                                   // file name, for messages

  StageOptions options_for(const std::string& stage) const;
  // A stable text form (stages, then options sorted by key), the input of hash().
  std::string canonical() const;
  // Identifies the configuration: documents processed under another hash are recomputed.
  std::string hash() const;
};

// The default pipeline: submission, decode, html, normalize, clean, sections, sentences,
// tokens, terms, counts, readability, and lexicon (which only adds metrics when a lexicon is
// supplied).
PipelineConfig default_pipeline_config();

// Parses TOML text; `source_name` names it in errors. Throws Error(kConfig) with line/column.
PipelineConfig parse_pipeline_config(std::string_view toml_text, std::string source_name);
// Reads and parses a pipeline file. Throws Error(kIo) or Error(kConfig) naming the file.
PipelineConfig load_pipeline_config(const std::filesystem::path& path);

}  // namespace secnlp::pipeline
