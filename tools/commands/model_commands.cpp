#include "tools/commands/model_commands.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

#include <fmt/format.h>

namespace secnlp::tools {
namespace {

namespace fs = std::filesystem;

#ifdef SECNLP_WITH_TORCH
// $SECNLP_MODELS_LIB, else the library beside the executable (/proc/self/exe, so a symlink to
// secnlp on the PATH still finds it).
fs::path library_path() {
  if (const char* env = std::getenv(kModelCommandsEnv); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return kModelCommandsLibrary;  // dlopen searches the usual places
  return exe.parent_path() / kModelCommandsLibrary;
}

const ModelCommands& load() {
  const fs::path path = library_path();
  std::error_code ec;
  if (path.has_parent_path() && !fs::exists(path, ec))
    throw Error(ErrorCode::kResource,
                fmt::format("not found: the model commands (train, evaluate, predict) need this "
                            "library beside secnlp, or its path in {}",
                            kModelCommandsEnv),
                path.string());
  // RTLD_LOCAL: the library keeps its own copies of the project's code (it exports one symbol).
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr)
    throw Error(ErrorCode::kResource,
                fmt::format("cannot load the model commands' library: {}", dlerror()),
                path.string());
  using Entry = const ModelCommands* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, kModelCommandsSymbol));
  const ModelCommands* table = entry != nullptr ? entry() : nullptr;
  if (table == nullptr || table->version != kModelCommandsVersion)
    throw Error(ErrorCode::kResource,
                fmt::format("not the model commands library of this secnlp build "
                            "(expected {} version {})",
                            kModelCommandsSymbol, kModelCommandsVersion),
                path.string());
  return *table;  // never unloaded: torch's state lives until exit
}
#endif

}  // namespace

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

const ModelCommands& model_commands(const char* command) {
#ifdef SECNLP_WITH_TORCH
  (void)command;
  static const ModelCommands* table = nullptr;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  if (table == nullptr) table = &load();
  table->set_log_level(log_level());
  return *table;
#else
  throw Error(ErrorCode::kUnsupported,
              fmt::format("'{}' is not built in: this secnlp was built without libtorch "
                          "(SECNLP_WITH_TORCH=OFF)",
                          command));
#endif
}

const ModelCallResult& rethrow_if_failed(const ModelCallResult& result) {
  if (result.failed) throw Error(result.code, result.message, result.path);
  return result;
}

}  // namespace secnlp::tools
