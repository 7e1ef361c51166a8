#include "tools/commands/model_options.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"

namespace secnlp::tools {

void add_data_flags(CLI::App& command, DataFlags& f) {
  command.add_option("--data", f.path,
                     "Labelled data: a CSV/TSV/JSONL file, Financial PhraseBank, StockTwits "
                     "JSON, SMS spam collection, a sentence-polarity folder; or an image dataset "
                     "(MNIST IDX, CIFAR-10 binaries, image folder)");
  command
      .add_option("--format", f.format,
                  "auto, csv, tsv, jsonl, phrasebank, stocktwits, sms or polarity")
      ->capture_default_str();
  command.add_option("--text-column", f.text_column, "CSV/TSV/JSONL text column")
      ->capture_default_str();
  command.add_option("--label-column", f.label_column, "CSV/TSV/JSONL/labels-file label column")
      ->capture_default_str();
  command.add_option("--classes", f.classes, "Class order (default: the format's, else sorted)")
      ->delimiter(',');
  command.add_flag("--skip-bad-lines", f.skip_bad_lines,
                   "Skip malformed lines (reported) instead of stopping");
  command.add_option("--sections-db", f.db, "Use stored sections of this database as texts");
  command.add_option("--section", f.section, "With --sections-db: the item, e.g. 1A");
  command.add_option("--labels", f.labels, "With --sections-db: CSV of accession,label");
  command.add_option("--id-column", f.id_column, "With --labels: the accession column")
      ->capture_default_str();
}

pipeline::LabelledSource labelled_source(const DataFlags& f) {
  pipeline::LabelledSource s;
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

}  // namespace secnlp::tools
