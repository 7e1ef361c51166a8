// `secnlp train` inside the model commands' library: the request completed from the flags,
// training with per-epoch log lines, the summary and test report on stdout.
#include <cmath>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/json.h"
#include "common/log.h"
#include "tools/models_cli/runs.h"

namespace secnlp::tools::models_cli {
namespace {

std::vector<double> parse_fractions(const std::string& text) {
  std::vector<double> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const auto end = std::min(text.find(',', begin), text.size());
    try {
      out.push_back(std::stod(text.substr(begin, end - begin)));
    } catch (const std::exception&) {
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("--split must be three fractions like 0.8,0.1,0.1, not '{}'", text));
    }
    begin = end + 1;
  }
  if (out.size() != 3)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("--split must be three fractions like 0.8,0.1,0.1, not '{}'", text));
  return out;
}

// The corpus's sentences: one per line, tokens separated by single spaces; empty lines skipped.
std::vector<std::vector<std::string>> read_corpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, "cannot read the corpus", path);
  std::vector<std::vector<std::string>> sentences;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> tokens;
    std::size_t begin = 0;
    while (begin < line.size()) {
      const auto end = std::min(line.find(' ', begin), line.size());
      if (end > begin) tokens.push_back(line.substr(begin, end - begin));
      begin = end + 1;
    }
    if (!tokens.empty()) sentences.push_back(std::move(tokens));
  }
  return sentences;
}

}  // namespace

void train_language_model(const LanguageModelCommand& c) {
  const auto sentences = read_corpus(c.corpus);
  log_info("lm: {} sentences from {}", sentences.size(), c.source);
  const auto r = models::train_language_model(sentences, c.options, c.out);
  const double loss = r.epoch_loss.empty() ? 0.0 : r.epoch_loss.back();
  std::cout << fmt::format(
      "language model {} on {}: {} sentences, {} tokens, {} words; epoch {} loss {:.4f} "
      "(perplexity {:.1f})\n",
      c.options.cell, c.out, sentences.size(), r.tokens, r.vocabulary_size, r.epoch_loss.size(),
      loss, std::exp(loss));
}

int train(const TrainCommand& c) {
  models::TrainRequest request = c.request;
  auto& lo = request.train;
  auto& to = request.text;
  auto& io = request.images;
  request.data = labelled_source(c.data);
  request.model.options_json = model_options_json(c.model_options);
  const auto f = parse_fractions(c.split);
  to.split = {f[0], f[1], f[2], lo.seed, true};
  io.split = to.split;
  to.padding = models::parse_padding(c.padding);
  to.truncating = models::parse_padding(c.truncating);
  if (c.no_placeholders)
    to.preprocess.replace_urls = to.preprocess.replace_tickers = to.preprocess.replace_users =
        false;
  request.out = c.out;
  request.record_db = c.db;
  request.options_json = fmt::format(
      "{{\"model\":{},\"model_options\":{},\"epochs\":{},"
      "\"batch_size\":{},\"optimizer\":{},\"lr\":{},\"seed\":{}{}}}",
      json_quote(request.model.name), request.model.options_json, lo.epochs, lo.batch_size,
      json_quote(lo.optimizer.name), lo.optimizer.learning_rate, lo.seed,
      to.init_from.empty() ? std::string() : ",\"init_from\":" + json_quote(to.init_from.string()));
  models::TrainCallbacks cb;
  cb.on_epoch = [&](const models::EpochReport& e) {
    log_info(
        "epoch {:>3}  loss {:.4f}  acc {:.4f}  val_loss {:.4f}  val_acc {:.4f}  "
        "val_macro_f1 {:.4f}  lr {:.2g}  {:.1f}s",
        e.epoch, e.train_loss, e.train_accuracy, e.val_loss, e.val_accuracy, e.val_macro_f1,
        e.learning_rate, e.seconds);
  };
  const auto r = models::train_model(request, cb);
  if (r.interrupted) {
    log_warn("stopped after {} epochs; continue with --resume", r.epochs.size());
    return 1;
  }
  if (c.output == "json") {
    std::cout << fmt::format(
        "{{\"model\": {}, \"device\": {}, \"out\": {}, \"train\": {}, \"validation\": {}, "
        "\"test\": {}, \"best_epoch\": {}, \"epochs\": {}, \"stopped_early\": {}, "
        "\"seconds\": {}, \"report\": {}}}\n",
        json_quote(request.model.name), json_quote(r.device), json_quote(request.out.string()),
        r.train_size, r.validation_size, r.test_size, r.best_epoch, r.epochs.size(),
        r.stopped_early, r.seconds,
        r.test.count > 0 ? models::to_json(r.test, r.classes) : std::string("null"));
    return 0;
  }
  std::cout << fmt::format(
      "model {} ({}) on {}: {} train / {} validation / {} test; best epoch {} of {}{}\n",
      request.model.name, r.device, request.out.string(), r.train_size, r.validation_size,
      r.test_size, r.best_epoch, r.epochs.size(), r.stopped_early ? " (stopped early)" : "");
  if (r.test.count > 0) {
    std::cout << fmt::format("test accuracy {:.4f}  macro-F1 {:.4f}  ({:.1f} s)\n\n",
                             r.test.accuracy, r.test.macro_f1, r.seconds);
    std::cout << models::format_report(r.test, r.classes);
  }
  return 0;
}

}  // namespace secnlp::tools::models_cli
