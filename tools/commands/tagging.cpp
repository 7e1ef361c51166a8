// `secnlp train --task pos|ner`, `secnlp evaluate` of a tagger, and `secnlp tag`: part-of-speech
// models (models/tagging/pos_model.h) and named-entity models (models/tagging/ner_model_dir.h,
// tools/commands/ner_commands.h) without libtorch. The dispatch on the task is here, in one place.
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/log.h"
#include "models/report/classification_metrics.h"
#include "models/tagging/pos_model.h"
#include "nlp/tagging/text_tagging.h"
#include "tools/commands/ner_commands.h"
#include "tools/commands/tagging_commands.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

// The task in a model directory's manifest, or "" when it has none (the classifiers' library
// then reports what is wrong with the directory).
std::string task_of(const std::string& dir) {
  try {
    return models::model_task(dir);
  } catch (const Error&) {
    return "";
  }
}

int train_pos(const TrainCommand& c, const TaggerTrainFlags& f) {
  models::PosTrainRequest r;
  r.data = c.data.path;
  r.dev = f.dev;
  r.out = c.out;
  r.tagset = f.tagset;
  if (f.epochs_given) r.options.epochs = c.request.train.epochs;
  if (f.seed_given) r.options.seed = c.request.train.seed;
  if (r.data.empty()) throw Error(ErrorCode::kInvalidArgument, "train --task pos needs --data");
  const auto result = models::train_pos_model(r, [](int epoch, double accuracy) {
    log_info("epoch {}: training accuracy {:.2f} %", epoch, 100 * accuracy);
  });
  std::cout << fmt::format(
      "trained a {} part-of-speech tagger on {} sentences ({} words, {} tags) in {:.1f} s: {} "
      "features\n",
      f.tagset, result.sentences, result.words, result.tags, result.seconds, result.features);
  if (result.dev_accuracy >= 0)
    std::cout << fmt::format("dev accuracy: {:.2f} %\n", 100 * result.dev_accuracy);
  std::cout << fmt::format("model directory: {}\n", c.out);
  return 0;
}

std::string read_text(const std::string& file) {
  if (file == "-")
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  return read_file_bytes(file);
}

void print_pos_tags(const models::PosModel& model, std::string_view text,
                    const std::string& format) {
  const auto tokens = nlp::tag_text(model.tagger, text);
  const auto& names = model.tagger.tags();
  if (format == "conll") {
    std::uint32_t sentence = 0;
    std::size_t index = 0;
    for (const auto& t : tokens) {
      if (t.sentence != sentence) {
        std::cout << '\n';
        sentence = t.sentence;
        index = 0;
      }
      std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\n", ++index, t.text, names[t.tag], t.chars.begin,
                               t.chars.end);
    }
    if (!tokens.empty()) std::cout << '\n';
  } else if (format == "json") {
    nlohmann::json sentences = nlohmann::json::array();
    for (const auto& t : tokens) {
      if (t.sentence >= sentences.size())
        sentences.push_back({{"tokens", nlohmann::json::array()}});
      sentences.back()["tokens"].push_back({{"text", t.text},
                                            {"tag", names[t.tag]},
                                            {"start", t.chars.begin},
                                            {"end", t.chars.end},
                                            {"byte_start", t.bytes.begin},
                                            {"byte_end", t.bytes.end}});
    }
    nlohmann::json doc = {{"tagset", model.tagset}, {"sentences", std::move(sentences)}};
    std::cout << doc.dump(2) << '\n';
  } else {
    pipeline::ResultTable table;
    table.columns = {"sentence", "token", "tag", "start", "end"};
    for (const auto& t : tokens)
      table.rows.push_back({static_cast<std::int64_t>(t.sentence) + 1, t.text, names[t.tag],
                            static_cast<std::int64_t>(t.chars.begin),
                            static_cast<std::int64_t>(t.chars.end)});
    print_table(std::cout, table, OutputFormat::kTable);
  }
}

struct TagCommand {
  std::string model;
  std::string text;
  std::string file;
  std::string format = "table";
};

void run_tag(const TagCommand& c) {
  if (c.text.empty() == c.file.empty())
    throw Error(ErrorCode::kInvalidArgument, "tag: give exactly one of --text and --file");
  const std::string task = models::model_task(c.model);
  if (task == "ner") {
    run_ner_tag(c.model, c.file.empty() ? c.text : read_text(c.file), c.format);
    return;
  }
  if (task != "pos")
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("tag: a '{}' model cannot tag (train one with --task pos)", task),
                c.model);
  const auto model = models::load_pos_model(c.model);
  const std::string text = c.file.empty() ? c.text : read_text(c.file);
  print_pos_tags(*model, text, c.format);
}

}  // namespace

TrainTask parse_train_task(const std::string& name) {
  if (name == "classify") return TrainTask::kClassify;
  if (name == "pos") return TrainTask::kPos;
  if (name == "ner") return TrainTask::kNer;
  if (name == "lm") return TrainTask::kLm;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown task '{}' (classify, pos, ner or lm)", name));
}

int train_tagger(const TrainCommand& command, const TaggerTrainFlags& flags) {
  switch (parse_train_task(flags.task)) {
    case TrainTask::kPos:
      return train_pos(command, flags);
    case TrainTask::kNer: {
      models::NerTrainRequest r;
      r.data = command.data.path;
      r.dev = flags.dev;
      r.out = command.out;
      // The recognizer's own defaults (NerTrainOptions) unless --epochs / --seed are given.
      if (flags.epochs_given) r.options.epochs = command.request.train.epochs;
      if (flags.seed_given) r.options.seed = command.request.train.seed;
      return run_ner_train(r, "table");
    }
    case TrainTask::kLm:  // train_language_model (train_lm.cpp)
    case TrainTask::kClassify:
      break;
  }
  throw Error(ErrorCode::kInternal, "train_tagger called for the classifier task");
}

bool evaluate_tagger(const EvaluateCommand& c) {
  const std::string task = task_of(c.model);
  if (task == "ner") {
    if (c.data.path.empty()) throw Error(ErrorCode::kInvalidArgument, "evaluate needs --data");
    run_ner_evaluate(c.model, c.data.path, "table");
    return true;
  }
  if (task != "pos") return false;
  if (c.data.path.empty()) throw Error(ErrorCode::kInvalidArgument, "evaluate needs --data");
  const auto model = models::load_pos_model(c.model);
  const auto e = models::evaluate_pos_model(*model, c.data.path);
  std::cout << fmt::format("{} sentences, {} words: {} accuracy {:.2f} %\n\n", e.sentences,
                           e.report.count, model->tagset, 100 * e.report.accuracy);
  std::cout << models::format_report(e.report, e.classes);
  return true;
}

void add_tag_command(CLI::App& app, int& /*exit_code*/) {
  auto c = std::make_shared<TagCommand>();
  CLI::App* cmd = app.add_subcommand(
      "tag",
      "Part-of-speech tags or named entities of a text, tokenized as `process` does, with offsets");
  cmd->add_option("--model", c->model,
                  "Model directory (from secnlp train --task pos or --task ner)")
      ->required();
  cmd->add_option("--text", c->text, "The text to tag");
  cmd->add_option("--file", c->file, "Tag this UTF-8 file ('-' = stdin)");
  cmd->add_option("--format", c->format,
                  "table, conll (index, token, tag, start, end; blank line between sentences) "
                  "or json (one document); offsets are in characters")
      ->check(CLI::IsMember({"table", "conll", "json"}))
      ->capture_default_str();
  cmd->callback([c] { run_tag(*c); });
}

}  // namespace secnlp::tools
