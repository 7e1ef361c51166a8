// `secnlp evaluate` and `secnlp predict` inside the model commands' library, and the job
// runner's predict follow-up (library.cpp): reports and probability tables on stdout.
#include <algorithm>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "corpora/images/image_set.h"
#include "tools/models_cli/runs.h"
#include "tools/output.h"

namespace secnlp::tools::models_cli {
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

void evaluate(const EvaluateCommand& c) {
  const auto predictor = models::Predictor::load(c.model, c.device);
  models::EvaluationResult r;
  if (predictor.info().task == "text") {
    r = models::evaluate_text_classifier(predictor,
                                         models::load_labelled_texts(labelled_source(c.data)));
  } else {
    r = models::evaluate_image_classifier(predictor,
                                          models::load_images(c.data.path, c.image_split));
  }
  if (c.output == "json") {
    // One document: the report's own JSON (models/report) with the loss added.
    nlohmann::json j = nlohmann::json::parse(models::to_json(r.report, r.classes));
    j["loss"] = r.loss;
    std::cout << j.dump(1) << "\n";
    return;
  }
  if (c.output == "csv") {
    pipeline::ResultTable t;
    t.columns = {"class", "precision", "recall", "f1", "support"};
    for (std::size_t i = 0; i < r.report.per_class.size(); ++i) {
      const auto& m = r.report.per_class[i];
      t.rows.push_back(
          {r.classes[i], m.precision, m.recall, m.f1, static_cast<std::int64_t>(m.support)});
    }
    print_table(std::cout, t, OutputFormat::kCsv);
    return;
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
}

void predict(const PredictCommand& c) {
  const OutputFormat f = parse_output_format(c.format);
  if (!c.db.empty()) {
    models::ScoreRequest score = c.score;
    score.db = c.db;
    score.model_dir = c.model;
    print_table(std::cout, models::score_sections(score), f);
    return;
  }
  const auto predictor = models::Predictor::load(c.model, c.score.device);
  if (!c.images.empty()) {
    const std::vector<std::filesystem::path> paths(c.images.begin(), c.images.end());
    const auto set = corpora::read_image_files(paths, predictor.image_shape()[0]);
    print_table(
        std::cout,
        probability_table(c.images, predictor.predict_images(set), predictor.classes(), "image"),
        f);
    return;
  }
  std::vector<std::string> inputs = c.texts;
  if (!c.file.empty()) {
    std::ifstream in;
    std::istream* stream = &std::cin;
    if (c.file != "-") {
      in.open(c.file);
      if (!in) throw Error(ErrorCode::kIo, "cannot open", c.file);
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
}

}  // namespace secnlp::tools::models_cli
