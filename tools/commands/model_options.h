#pragma once
// Flags shared by `secnlp train`, `evaluate` and `predict`: where labelled data comes from, and
// KEY=VALUE model options.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/model_runs.h"

namespace secnlp::tools {

struct DataFlags {
  std::string path;
  std::string format = "auto";
  std::string text_column = "text";
  std::string label_column = "label";
  std::vector<std::string> classes;
  bool skip_bad_lines = false;
  std::string db;
  std::string section;
  std::string labels;
  std::string id_column = "accession";
};

// --data, --format, --text-column, --label-column, --classes, --skip-bad-lines, and the stored
// sections form: --sections-db, --section, --labels, --id-column.
void add_data_flags(CLI::App& command, DataFlags& flags);
pipeline::LabelledSource labelled_source(const DataFlags& flags);

// {"key": value, ...} from KEY=VALUE strings; a VALUE that is JSON (number, true, [1,2]) stays
// JSON, anything else becomes a string. Error(kInvalidArgument) without '='.
std::string model_options_json(const std::vector<std::string>& pairs);

}  // namespace secnlp::tools
