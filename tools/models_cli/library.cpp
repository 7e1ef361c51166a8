// The one symbol libsecnlp_models_cli.so exports (see tools/commands/model_commands.h): a table
// of the model commands, each wrapped so that what it throws comes back as a value. The library
// holds its own copies of the project's code (a version script keeps them local), so errors are
// not left to cross the boundary as exceptions.
#include <exception>

#include "common/error.h"
#include "common/log.h"
#include "tools/models_cli/runs.h"

namespace secnlp::tools::models_cli {
namespace {

template <typename Fn>
ModelCallResult guarded(Fn&& fn) {
  ModelCallResult r;
  try {
    fn(r);
  } catch (const Error& e) {
    r.failed = true;
    r.code = e.code();
    r.message = e.message();
    r.path = e.path();
  } catch (const std::exception& e) {
    r.failed = true;
    r.code = ErrorCode::kInternal;
    r.message = std::string("internal error: ") + e.what();
  }
  return r;
}

ModelCommands make_table() {
  ModelCommands t;
  t.set_log_level = [](LogLevel level) { secnlp::set_log_level(level); };
  t.train = [](const TrainCommand& c) {
    return guarded([&](ModelCallResult& r) { r.exit_code = train(c); });
  };
  t.train_language_model = [](const LanguageModelCommand& c) {
    return guarded([&](ModelCallResult&) { train_language_model(c); });
  };
  t.evaluate = [](const EvaluateCommand& c) {
    return guarded([&](ModelCallResult&) { evaluate(c); });
  };
  t.predict = [](const PredictCommand& c) {
    return guarded([&](ModelCallResult&) { predict(c); });
  };
  t.score_sections = [](const models::ScoreRequest& request) {
    return guarded(
        [&](ModelCallResult& r) { r.count = models::score_sections(request).rows.size(); });
  };
  return t;
}

}  // namespace
}  // namespace secnlp::tools::models_cli

extern "C" __attribute__((visibility("default"))) const secnlp::tools::ModelCommands*
secnlp_model_commands() {
  static const secnlp::tools::ModelCommands table = secnlp::tools::models_cli::make_table();
  return &table;
}
