// `secnlp evaluate --model DIR --data ...`: a trained model on labelled data (report and
// confusion matrix). `secnlp predict --model DIR --text ...|--image FILE...|--db ... --section`:
// class probabilities for texts or images, or scores of stored sections written beside the
// other metrics. The flags are defined here; the commands run in the model commands' library
// (tools/commands/model_commands.h), loaded only when one runs.
#include "tools/commands/commands.h"
#include "tools/commands/model_commands.h"
#include "tools/commands/tagging_commands.h"

namespace secnlp::tools {

void add_evaluate_command(CLI::App& app, int& /*exit_code*/) {
  auto c = std::make_shared<EvaluateCommand>();
  CLI::App* cmd = app.add_subcommand("evaluate", "Evaluate a trained model on labelled data");
  cmd->add_option("--model", c->model,
                  "Model directory (from secnlp train); a pos model is scored on a CoNLL-U "
                  "--data file")
      ->required();
  add_data_flags(*cmd, c->data);
  cmd->add_option("--image-split", c->image_split, "Image datasets: the part to evaluate on")
      ->capture_default_str();
  cmd->add_option("--device", c->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--output", c->output,
                  "Print the metrics as table, csv (one row per class) or json (one object); "
                  "--format is the data's format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([c] {
    if (evaluate_tagger(*c)) return;
    rethrow_if_failed(model_commands("evaluate").evaluate(*c));
  });
}

void add_predict_command(CLI::App& app, int& /*exit_code*/) {
  auto c = std::make_shared<PredictCommand>();
  CLI::App* cmd = app.add_subcommand(
      "predict", "Class probabilities from a trained model: texts, images, or stored sections");
  cmd->add_option("--model", c->model, "Model directory (from secnlp train)")->required();
  cmd->add_option("--text", c->texts, "A text to classify (repeatable)");
  cmd->add_option("--file", c->file, "Classify each line of this file ('-' = stdin)");
  cmd->add_option("--image", c->images, "Image files to classify (PNG, JPEG, BMP)");
  cmd->add_option("--db", c->db, "Score stored sections of this database (text models)");
  cmd->add_option("--section", c->score.item, "With --db: the item to score, or 'filing'")
      ->capture_default_str();
  cmd->add_option("--name", c->score.name, "With --db: metric prefix (default: model folder name)");
  add_document_filter(*cmd, c->score.filter);
  cmd->add_option("--device", c->score.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  add_format_option(*cmd, c->format, "table, csv or json");
  cmd->callback([c] { rethrow_if_failed(model_commands("predict").predict(*c)); });
}

}  // namespace secnlp::tools
