#include "tools/commands/ner_commands.h"

#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

pipeline::ResultTable scores_table(const nlp::EntityScores& s) {
  pipeline::ResultTable t;
  t.columns = {"type", "precision", "recall", "f1", "gold", "predicted", "correct"};
  auto row = [&](const std::string& name, const nlp::EntityCounts& c) {
    t.rows.push_back({name, c.precision(), c.recall(), c.f1(), static_cast<std::int64_t>(c.gold),
                      static_cast<std::int64_t>(c.predicted),
                      static_cast<std::int64_t>(c.correct)});
  };
  for (const auto& [type, c] : s.per_type)
    row(type, c);
  row("micro", s.micro);
  return t;
}

}  // namespace

int run_ner_train(const models::NerTrainRequest& request, const std::string& format) {
  const auto r = models::train_ner_dir(request);
  const OutputFormat f = parse_output_format(format);
  std::cerr << fmt::format(
      "ner: {} sentences, {} tokens, {} features; kept epoch {} of {}; model in {}\n", r.sentences,
      r.tokens, r.features, r.best_epoch, r.epochs_run, request.out);
  if (!request.dev.empty()) {
    std::cerr << "scores on --dev " << request.dev << ":\n";
    print_table(std::cout, scores_table(r.dev), f);
  } else {
    std::cerr << "scores on the training data:\n";
    print_table(std::cout, scores_table(r.train), f);
  }
  return 0;
}

int run_ner_evaluate(const std::string& model_dir, const std::string& data,
                     const std::string& format) {
  if (data.empty()) throw Error(ErrorCode::kInvalidArgument, "evaluate needs --data");
  const auto loaded = models::load_ner_dir(model_dir);
  const auto s = models::evaluate_ner(loaded.model, data);
  print_table(std::cout, scores_table(s), parse_output_format(format));
  std::cerr << fmt::format("token accuracy {:.4f} over {} tokens\n", s.token_accuracy(), s.tokens);
  return 0;
}

int run_ner_tag(const std::string& model_dir, const std::string& text, const std::string& format) {
  const auto loaded = models::load_ner_dir(model_dir);
  const auto tagged = models::tag_entities(loaded.model, text);
  if (format == "conll") {
    for (const auto& t : tagged.tokens)
      std::cout << t.text << '\t' << t.tag << '\n';
    std::cout << '\n';
    return 0;
  }
  pipeline::ResultTable t;
  t.columns = {"text", "type", "score", "char_begin", "char_end", "byte_begin", "byte_end"};
  for (const auto& e : tagged.entities)
    t.rows.push_back({e.text, e.type, e.score, static_cast<std::int64_t>(e.char_begin),
                      static_cast<std::int64_t>(e.char_end),
                      static_cast<std::int64_t>(e.byte_begin),
                      static_cast<std::int64_t>(e.byte_end)});
  print_table(std::cout, t, parse_output_format(format));
  return 0;
}

}  // namespace secnlp::tools
