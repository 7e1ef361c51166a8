#include "pipeline/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"

namespace secnlp::pipeline {
namespace {

// Bumped whenever stage semantics change so that stored results are recomputed.
constexpr std::string_view kPipelineVersion = "1";

std::string value_text(const ConfigValue& value) {
  struct Visitor {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return fmt::format("{:.17g}", d); }
    std::string operator()(const std::string& s) const { return fmt::format("{:?}", s); }
    std::string operator()(const std::vector<std::string>& v) const {
      std::string out = "[";
      for (const auto& s : v)
        out += fmt::format("{:?},", s);
      return out + "]";
    }
    std::string operator()(const std::vector<ConfigTable>& v) const {
      std::string out = "[";
      for (const auto& table : v) {
        out += "{";
        for (const auto& [k, s] : table)
          out += fmt::format("{}={:?},", k, s);
        out += "},";
      }
      return out + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

// Exact types only: toml++'s value<std::int64_t>() also converts a float, and converting one
// out of range (num = 7e40 in an array of tables, found by fuzz_pipeline_toml) is undefined
// behaviour. A float prints as fmt's shortest form ("3" for 3.0, as the conversion gave).
std::string node_scalar_text(const toml::node& node) {
  if (auto s = node.value_exact<std::string>()) return *s;
  if (auto b = node.value_exact<bool>()) return *b ? "true" : "false";
  if (auto i = node.value_exact<std::int64_t>()) return std::to_string(*i);
  if (auto d = node.value_exact<double>()) return fmt::format("{}", *d);
  return {};
}

ConfigValue convert(const toml::node& node, const std::string& where) {
  if (auto v = node.value_exact<bool>()) return *v;
  if (auto v = node.value_exact<std::int64_t>()) return *v;
  if (auto v = node.value_exact<double>()) return *v;
  if (auto v = node.value_exact<std::string>()) return *v;
  if (const toml::array* array = node.as_array()) {
    if (array->empty()) return std::vector<std::string>{};
    if (array->front().is_table()) {
      std::vector<ConfigTable> tables;
      for (const toml::node& element : *array) {
        const toml::table* t = element.as_table();
        if (!t) throw Error(ErrorCode::kConfig, where + ": mixed array of tables and values");
        ConfigTable row;
        for (const auto& [k, v] : *t)
          row[std::string(k.str())] = node_scalar_text(v);
        tables.push_back(std::move(row));
      }
      return tables;
    }
    std::vector<std::string> strings;
    for (const toml::node& element : *array) {
      if (element.is_array() || element.is_table())
        throw Error(ErrorCode::kConfig, where + ": nested arrays are not supported");
      strings.push_back(node_scalar_text(element));
    }
    return strings;
  }
  throw Error(ErrorCode::kConfig, where + ": unsupported value type");
}

}  // namespace

StageOptions::StageOptions(std::string stage, std::map<std::string, ConfigValue> values)
    : stage_(std::move(stage)), values_(values.begin(), values.end()) {}

const ConfigValue* StageOptions::find(std::string_view key) const {
  auto it = values_.find(key);
  if (it == values_.end()) return nullptr;
  used_.emplace(key);
  return &it->second;
}

void StageOptions::wrong_type(std::string_view key, std::string_view expected) const {
  throw Error(ErrorCode::kConfig,
              fmt::format("stage '{}': option '{}' must be {}", stage_, key, expected));
}

bool StageOptions::has(std::string_view key) const {
  return values_.count(key) > 0;
}

bool StageOptions::get_bool(std::string_view key, bool fallback) const {
  const ConfigValue* v = find(key);
  if (!v) return fallback;
  if (auto* b = std::get_if<bool>(v)) return *b;
  wrong_type(key, "true or false");
}

std::int64_t StageOptions::get_int(std::string_view key, std::int64_t fallback) const {
  const ConfigValue* v = find(key);
  if (!v) return fallback;
  if (auto* i = std::get_if<std::int64_t>(v)) return *i;
  wrong_type(key, "an integer");
}

double StageOptions::get_double(std::string_view key, double fallback) const {
  const ConfigValue* v = find(key);
  if (!v) return fallback;
  if (auto* d = std::get_if<double>(v)) return *d;
  if (auto* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  wrong_type(key, "a number");
}

std::int64_t StageOptions::get_int(std::string_view key, std::int64_t fallback, std::int64_t min,
                                   std::int64_t max) const {
  const std::int64_t value = get_int(key, fallback);
  if (value < min || value > max)
    throw Error(ErrorCode::kConfig, fmt::format("stage '{}': option '{}' must be from {} to {}, "
                                                "not {}",
                                                stage_, key, min, max, value));
  return value;
}

double StageOptions::get_double(std::string_view key, double fallback, double min,
                                double max) const {
  const double value = get_double(key, fallback);
  if (!(value >= min && value <= max))
    throw Error(ErrorCode::kConfig, fmt::format("stage '{}': option '{}' must be from {} to {}, "
                                                "not {}",
                                                stage_, key, min, max, value));
  return value;
}

std::string StageOptions::get_string(std::string_view key, std::string fallback) const {
  const ConfigValue* v = find(key);
  if (!v) return fallback;
  if (auto* s = std::get_if<std::string>(v)) return *s;
  wrong_type(key, "a string");
}

std::vector<std::string> StageOptions::get_strings(std::string_view key) const {
  const ConfigValue* v = find(key);
  if (!v) return {};
  if (auto* s = std::get_if<std::vector<std::string>>(v)) return *s;
  if (auto* s = std::get_if<std::string>(v)) return {*s};
  wrong_type(key, "a list of strings");
}

std::vector<ConfigTable> StageOptions::get_tables(std::string_view key) const {
  const ConfigValue* v = find(key);
  if (!v) return {};
  if (auto* t = std::get_if<std::vector<ConfigTable>>(v)) return *t;
  if (auto* s = std::get_if<std::vector<std::string>>(v); s && s->empty()) return {};
  wrong_type(key, "an array of tables ([[...]])");
}

void StageOptions::reject_unknown() const {
  for (const auto& [key, value] : values_) {
    if (!used_.count(key)) {
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage '{}' has no option '{}' (see `secnlp stages`)", stage_, key));
    }
  }
}

StageOptions PipelineConfig::options_for(const std::string& stage) const {
  auto it = options.find(stage);
  if (it == options.end()) return StageOptions(stage, {});
  return StageOptions(stage, it->second);
}

std::string PipelineConfig::canonical() const {
  std::string out = fmt::format("version={}\nstages=", kPipelineVersion);
  for (const auto& s : stages)
    out += s + ",";
  out += "\n";
  for (const auto& [stage, table] : options) {
    for (const auto& [key, value] : table)
      out += fmt::format("{}.{}={}\n", stage, key, value_text(value));
  }
  return out;
}

std::string PipelineConfig::hash() const {
  return hex_digest(canonical());
}

PipelineConfig default_pipeline_config() {
  PipelineConfig config;
  config.stages = {"submission", "decode", "html",  "normalize", "clean",       "sections",
                   "sentences",  "tokens", "terms", "counts",    "readability", "lexicon"};
  return config;
}

PipelineConfig parse_pipeline_config(std::string_view toml_text, std::string source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw Error(ErrorCode::kConfig,
                fmt::format("line {}, column {}: {}", where.line, where.column, e.description()),
                source_name);
  }
  PipelineConfig config;
  config.source = source_name;
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (name == "stages") {
      const toml::array* array = node.as_array();
      if (!array) throw Error(ErrorCode::kConfig, "'stages' must be a list of names", source_name);
      if (array->empty())
        throw Error(ErrorCode::kConfig,
                    "'stages' is empty: list the stages to run, or leave 'stages' out for the "
                    "default pipeline",
                    source_name);
      for (const toml::node& element : *array) {
        auto s = element.value_exact<std::string>();
        if (!s) throw Error(ErrorCode::kConfig, "'stages' must hold strings", source_name);
        config.stages.push_back(*s);
      }
      continue;
    }
    const toml::table* table = node.as_table();
    if (!table) {
      throw Error(ErrorCode::kConfig,
                  fmt::format("top-level key '{}' is not a stage table ([{}])", name, name),
                  source_name);
    }
    auto& options = config.options[name];
    for (const auto& [option, value] : *table) {
      options[std::string(option.str())] =
          convert(value, source_name + ": " + name + "." + std::string(option.str()));
    }
  }
  if (config.stages.empty()) config.stages = default_pipeline_config().stages;
  for (const auto& [stage, table] : config.options) {
    bool listed = false;
    for (const auto& s : config.stages)
      listed = listed || s == stage;
    if (!listed) {
      throw Error(ErrorCode::kConfig,
                  fmt::format("options given for stage '{}', which is not in 'stages'", stage),
                  source_name);
    }
  }
  return config;
}

PipelineConfig load_pipeline_config(const std::filesystem::path& path) {
  return parse_pipeline_config(read_file_bytes(path, ErrorCode::kIo, "pipeline file"),
                               path.string());
}

}  // namespace secnlp::pipeline
