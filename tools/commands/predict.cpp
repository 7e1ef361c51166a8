// `secnlp evaluate --model DIR --data ...`: a trained model on labelled data (report and
// confusion matrix). `secnlp predict --model DIR --text ...|--image FILE...|--db ... --section`:
// class probabilities for texts or images, or scores of stored sections written beside the
// other metrics.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "corpora/images/image_set.h"
#include "pipeline/model_runs.h"
#include "tools/commands/commands.h"
#include "tools/commands/model_options.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

pipeline::ResultTable probability_table(const std::vector<std::string>& inputs,
                                        const std::vector<std::vector<float>>& probs,
                                        const std::vector<std::string>& classes,
                                        const char* input_column) {
  pipeline::ResultTable t;
  t.columns = {input_column, "predicted"};
  for (const auto& c : classes)
    t.columns.push_back("p_" + c);
  for (std::size_t i = 0; i < probs.size(); ++i) {
    std::vector<pipeline::Cell> row;
    row.emplace_back(inputs[i]);
    const auto best = std::max_element(probs[i].begin(), probs[i].end()) - probs[i].begin();
    row.emplace_back(classes[static_cast<std::size_t>(best)]);
    for (float p : probs[i])
      row.emplace_back(static_cast<double>(p));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

void add_evaluate_command(CLI::App& app, int& /*exit_code*/) {
  auto model = std::make_shared<std::string>();
  auto data = std::make_shared<DataFlags>();
  auto split = std::make_shared<std::string>("test");
  auto device = std::make_shared<std::string>("auto");
  CLI::App* cmd = app.add_subcommand("evaluate", "Evaluate a trained model on labelled data");
  cmd->add_option("--model", *model, "Model directory (from secnlp train)")->required();
  add_data_flags(*cmd, *data);
  cmd->add_option("--image-split", *split, "Image datasets: the part to evaluate on")
      ->capture_default_str();
  cmd->add_option("--device", *device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([=] {
    const auto predictor = models::Predictor::load(*model, *device);
    models::EvaluationResult r;
    if (predictor.info().task == "text") {
      r = models::evaluate_text_classifier(predictor,
                                           pipeline::load_labelled_texts(labelled_source(*data)));
    } else {
      r = models::evaluate_image_classifier(predictor, pipeline::load_images(data->path, *split));
    }
    std::cout << fmt::format("{} examples  accuracy {:.4f}  macro-F1 {:.4f}  loss {:.4f}\n\n",
                             r.report.count, r.report.accuracy, r.report.macro_f1, r.loss);
    std::cout << models::format_report(r.report, r.classes);
    std::cout << "\nconfusion (rows: true, columns: predicted)\n";
    for (std::size_t i = 0; i < r.report.confusion.size(); ++i) {
      std::cout << fmt::format("{:>12}", r.classes[i]);
      for (auto n : r.report.confusion[i])
        std::cout << fmt::format(" {:>7}", n);
      std::cout << "\n";
    }
  });
}

void add_predict_command(CLI::App& app, int& /*exit_code*/) {
  auto model = std::make_shared<std::string>();
  auto texts = std::make_shared<std::vector<std::string>>();
  auto file = std::make_shared<std::string>();
  auto images = std::make_shared<std::vector<std::string>>();
  auto score = std::make_shared<pipeline::ScoreRequest>();
  auto db = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand(
      "predict", "Class probabilities from a trained model: texts, images, or stored sections");
  cmd->add_option("--model", *model, "Model directory (from secnlp train)")->required();
  cmd->add_option("--text", *texts, "A text to classify (repeatable)");
  cmd->add_option("--file", *file, "Classify each line of this file ('-' = stdin)");
  cmd->add_option("--image", *images, "Image files to classify (PNG, JPEG, BMP)");
  cmd->add_option("--db", *db, "Score stored sections of this database (text models)");
  cmd->add_option("--section", score->item, "With --db: the item to score, or 'filing'")
      ->capture_default_str();
  cmd->add_option("--name", score->name, "With --db: metric prefix (default: model folder name)");
  add_document_filter(*cmd, score->filter);
  cmd->add_option("--device", score->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([=] {
    const OutputFormat f = parse_output_format(*format);
    if (!db->empty()) {
      score->db = *db;
      score->model_dir = *model;
      print_table(std::cout, pipeline::score_sections(*score), f);
      return;
    }
    const auto predictor = models::Predictor::load(*model, score->device);
    if (!images->empty()) {
      const std::vector<std::filesystem::path> paths(images->begin(), images->end());
      const auto set = corpora::read_image_files(paths, predictor.image_shape()[0]);
      print_table(
          std::cout,
          probability_table(*images, predictor.predict_images(set), predictor.classes(), "image"),
          f);
      return;
    }
    std::vector<std::string> inputs = *texts;
    if (!file->empty()) {
      std::ifstream in;
      std::istream* stream = &std::cin;
      if (*file != "-") {
        in.open(*file);
        if (!in) throw Error(ErrorCode::kIo, "cannot open", *file);
        stream = &in;
      }
      for (std::string line; std::getline(*stream, line);)
        if (!line.empty()) inputs.push_back(line);
    }
    if (inputs.empty())
      throw Error(ErrorCode::kInvalidArgument,
                  "nothing to predict: give --text, --file, "
                  "--image, or --db with --section");
    print_table(
        std::cout,
        probability_table(inputs, predictor.predict_texts(inputs), predictor.classes(), "text"), f);
  });
}

}  // namespace secnlp::tools
