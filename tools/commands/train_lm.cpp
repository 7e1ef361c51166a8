// `secnlp train --task lm`: a next-word language model (models/train/language_model.h) on the
// sentences `process` makes of stored filings (--db, like `secnlp embed`) or of a text file
// (--data). The corpus is written here, torch-free; the training runs in the model commands'
// library (tools/commands/model_commands.h).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "pipeline/sentence_corpus.h"
#include "tools/commands/commands.h"
#include "tools/commands/tagging_commands.h"

namespace secnlp::tools {
namespace {

namespace fs = std::filesystem;

// The flags of the document filter (add_document_filter), which only --task lm reads.
const std::set<std::string> kFilterFlags = {"--cik",  "--ticker", "--form",
                                            "--year", "--path",   "--as-of"};

// "1A,7" -> {"1A", "7"}.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size() && !text.empty()) {
    const auto end = std::min(text.find(',', begin), text.size());
    if (end > begin) out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

std::int64_t positive_int(const std::string& key, const std::string& value) {
  try {
    std::size_t used = 0;
    const long long n = std::stoll(value, &used);
    if (used == value.size() && n > 0) return n;
  } catch (const std::exception&) {
  }
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("--model-option {}: '{}' is not a positive whole number", key, value));
}

// --model-option KEY=VALUE for the sizes a classifier fine-tuned with --init-from must share.
void apply_size_options(const std::vector<std::string>& pairs, models::LanguageModelOptions& o) {
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    const std::string key = pair.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : pair.substr(eq + 1);
    if (key == "embedding_dim")
      o.embedding_dim = positive_int(key, value);
    else if (key == "hidden_size")
      o.hidden_size = positive_int(key, value);
    else if (key == "num_layers")
      o.num_layers = positive_int(key, value);
    else
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("train --task lm: --model-option '{}': the language model takes "
                              "embedding_dim, hidden_size and num_layers",
                              pair));
  }
}

}  // namespace

void add_lm_train_flags(CLI::App& train, LmTrainFlags& flags) {
  add_document_filter(train, flags.filter);
  for (const auto& flag : kFilterFlags) {
    CLI::Option* o = train.get_option(flag);
    o->description("--task lm with --db: " + o->get_description());
  }
}

void refuse_lm_flags(const CLI::App& train, const std::string& task) {
  for (const CLI::Option* o : train.get_options()) {
    if (o->count() == 0 || o->get_lnames().empty()) continue;
    const std::string flag = "--" + o->get_lnames().front();
    if (kFilterFlags.count(flag))
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("train --task {}: {} selects the filings of --task lm's --db only",
                              task, flag));
  }
}

int train_language_model(const CLI::App& train, const TrainCommand& c, const LmTrainFlags& f) {
  static const std::set<std::string> kAllowed = {"--task",
                                                 "--data",
                                                 "--db",
                                                 "--section",
                                                 "--out",
                                                 "--model",
                                                 "--model-option",
                                                 "--epochs",
                                                 "--seed",
                                                 "--batch-size",
                                                 "--lr",
                                                 "--clip-norm",
                                                 "--threads",
                                                 "--num-words",
                                                 "--min-frequency",
                                                 "--sequence-length",
                                                 "--help"};
  for (const CLI::Option* o : train.get_options()) {
    if (o->count() == 0 || o->get_lnames().empty()) continue;
    const std::string flag = "--" + o->get_lnames().front();
    if (kAllowed.count(flag) || kFilterFlags.count(flag)) continue;
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("train --task lm: {} does not apply (it takes --db with --section and "
                            "the filing filters, or --data FILE.txt; --out, --model lstm|gru, "
                            "--model-option embedding_dim|hidden_size|num_layers=N, --epochs, "
                            "--seed, --batch-size, --lr, --clip-norm, --threads, --num-words, "
                            "--min-frequency, --sequence-length)",
                            flag));
  }
  const bool from_db = !c.db.empty();
  if (from_db == !c.data.path.empty())
    throw Error(ErrorCode::kInvalidArgument,
                "train --task lm: give exactly one of --db (stored filings) and --data (a text "
                "file)");
  bool filter_given = false;
  for (const auto& flag : kFilterFlags)
    filter_given = filter_given || train.count(flag) > 0;
  if (!from_db && (!c.data.section.empty() || filter_given))
    throw Error(ErrorCode::kInvalidArgument,
                "train --task lm: --section and the filing filters select from --db only");

  LanguageModelCommand command;
  command.out = c.out;
  auto& o = command.options;
  const auto& t = c.request.train;
  const auto given = [&](const char* flag) { return train.count(flag) > 0; };
  if (!c.request.model.name.empty()) o.cell = c.request.model.name;
  if (o.cell != "lstm" && o.cell != "gru")
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("train --task lm: --model must be lstm or gru, not '{}'", o.cell));
  apply_size_options(c.model_options, o);
  // The language model's own defaults (language_model.h) unless the flag is given.
  if (given("--epochs")) o.epochs = t.epochs;
  if (given("--seed")) o.seed = static_cast<unsigned>(t.seed);
  if (given("--batch-size")) o.batch_size = t.batch_size;
  if (given("--lr")) o.learning_rate = t.optimizer.learning_rate;
  if (given("--clip-norm")) o.clip_norm = t.clip_norm;
  if (given("--threads")) o.threads = t.threads;
  if (given("--num-words")) o.vocabulary.num_words = c.request.text.vocabulary.num_words;
  if (given("--min-frequency"))
    o.vocabulary.min_frequency = c.request.text.vocabulary.min_frequency;
  if (given("--sequence-length"))
    o.window = static_cast<std::int64_t>(c.request.text.sequence_length);
  if (fs::exists(fs::path(c.out) / "lm.json"))
    throw Error(ErrorCode::kInvalidArgument, "already holds a language model", c.out);

  // The corpus, lower-cased as the classifiers' preprocessing lower-cases their texts, so that a
  // classifier fine-tuned from the model finds its words in the model's vocabulary.
  pipeline::SentenceCorpusQuery q;
  q.db = c.db;
  q.filter = f.filter;
  q.sections = split_list(c.data.section);
  q.lowercase = true;
  command.corpus =
      (fs::temp_directory_path() / fmt::format("secnlp-lm-{}.corpus.txt", ::getpid())).string();
  command.source = from_db ? c.db : c.data.path;
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ec;
      fs::remove(path, ec);
    }
  } cleanup{command.corpus};
  {
    std::ofstream out(command.corpus, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::kIo, "cannot write the corpus", command.corpus);
    const auto stats = from_db ? pipeline::write_sentence_corpus(q, out)
                               : pipeline::write_text_file_corpus({c.data.path}, q, out);
    out.flush();
    if (!out) throw Error(ErrorCode::kIo, "writing the corpus failed", command.corpus);
    log_info("lm: corpus of {} texts, {} sentences, {} tokens", stats.texts, stats.sentences,
             stats.tokens);
  }
  return rethrow_if_failed(model_commands("train --task lm").train_language_model(command))
      .exit_code;
}

}  // namespace secnlp::tools
