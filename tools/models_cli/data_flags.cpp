// The model flags that need parsing beyond CLI11: the data source and KEY=VALUE model options.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tools/models_cli/runs.h"

namespace secnlp::tools::models_cli {

models::LabelledSource labelled_source(const DataFlags& f) {
  models::LabelledSource s;
  s.path = f.path;
  s.text.format = corpora::parse_text_format(f.format);
  s.text.text_column = f.text_column;
  s.text.label_column = f.label_column;
  s.text.classes = f.classes;
  s.text.skip_bad_lines = f.skip_bad_lines;
  s.db = f.db;
  s.section = f.section;
  s.labels = f.labels;
  s.id_column = f.id_column;
  if (s.path.empty() && s.db.empty())
    throw Error(ErrorCode::kInvalidArgument,
                "no data: give --data, or --sections-db with "
                "--section and --labels");
  return s;
}

std::string model_options_json(const std::vector<std::string>& pairs) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("--model-option must be KEY=VALUE, not '{}'", pair));
    const std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
    const auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    out[key] = parsed.is_discarded() ? nlohmann::json(value) : parsed;
  }
  return out.dump();
}

}  // namespace secnlp::tools::models_cli
