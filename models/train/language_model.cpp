// Next-word LSTM/GRU pretraining and loading its encoder into a classifier (language_model.h).
#include "models/train/language_model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include <fmt/format.h>
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/json_integer.h"
#include "common/log.h"
#include "models/train/trainer.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFormat = "secnlp-lm";

// Embedding -> LSTM/GRU -> linear over the vocabulary; module names match RnnClassifier's.
struct LanguageNetImpl : torch::nn::Module {
  explicit LanguageNetImpl(const LanguageModelOptions& o, std::int64_t vocab) : cell(o.cell) {
    embedding = register_module(
        "embedding",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(vocab, o.embedding_dim).padding_idx(0)));
    if (cell == "lstm")
      lstm = register_module("rnn",
                             torch::nn::LSTM(torch::nn::LSTMOptions(o.embedding_dim, o.hidden_size)
                                                 .num_layers(o.num_layers)
                                                 .batch_first(true)));
    else
      gru = register_module("rnn",
                            torch::nn::GRU(torch::nn::GRUOptions(o.embedding_dim, o.hidden_size)
                                               .num_layers(o.num_layers)
                                               .batch_first(true)));
    decoder = register_module("decoder", torch::nn::Linear(o.hidden_size, vocab));
  }
  torch::Tensor forward(const torch::Tensor& ids) {
    auto x = embedding(ids);
    x = cell == "lstm" ? std::get<0>(lstm(x)) : std::get<0>(gru(x));
    return decoder(x);  // [batch, time, vocab]
  }
  std::string cell;
  torch::nn::Embedding embedding{nullptr};
  torch::nn::LSTM lstm{nullptr};
  torch::nn::GRU gru{nullptr};
  torch::nn::Linear decoder{nullptr};
};
TORCH_MODULE(LanguageNet);

// The files of an LM directory that lm.json lists with their size and hash.
constexpr const char* kFiles[] = {"vocabulary.txt", "encoder.pt"};

nlohmann::json file_entry(const fs::path& path) {
  const std::string bytes = read_file_bytes(path);
  return {{"bytes", bytes.size()}, {"hash", hex_digest(bytes)}};
}

// Every file lm.json lists has the size and hash recorded there (directories written before the
// hashes were recorded have no "files" and are taken as they are).
void check_files(const fs::path& lm_dir) {
  const auto manifest = lm_dir / "lm.json";
  nlohmann::json files;
  try {
    const auto j =
        nlohmann::json::parse(read_file_bytes(manifest, ErrorCode::kIo, "language model"));
    if (!j.contains("files")) return;
    files = j.at("files");
    for (const auto& [name, entry] : files.items()) {
      const auto path = lm_dir / name;
      const std::string bytes = read_file_bytes(path, ErrorCode::kResource, "language model");
      if (bytes.size() != json_integer<std::size_t>(entry.at("bytes")) ||
          hex_digest(bytes) != entry.at("hash").get<std::string>())
        throw Error(ErrorCode::kResource,
                    "corrupt: size or hash differs from lm.json (re-train or restore it)",
                    path.string());
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("damaged language model: {}", e.what()),
                manifest.string());
  }
}

bool is_encoder_parameter(const std::string& name) {
  return name.rfind("embedding.", 0) == 0 || name.rfind("rnn.", 0) == 0;
}

void check_options(const LanguageModelOptions& o) {
  auto bad = [](const std::string& what) {
    throw Error(ErrorCode::kInvalidArgument, "language model: " + what);
  };
  if (o.cell != "lstm" && o.cell != "gru")
    bad(fmt::format("cell must be lstm or gru, not '{}'", o.cell));
  if (o.embedding_dim <= 0 || o.hidden_size <= 0 || o.num_layers <= 0)
    bad("embedding_dim, hidden_size and num_layers must be positive");
  if (o.window < 2 || o.batch_size <= 0 || o.epochs <= 0 || !(o.learning_rate > 0))
    bad("window must be >= 2, and batch size, epochs and learning rate positive");
}

}  // namespace

LanguageModelResult train_language_model(const std::vector<std::vector<std::string>>& sentences,
                                         const LanguageModelOptions& o, const fs::path& out) {
  check_options(o);
  if (fs::exists(out / "lm.json"))
    throw Error(ErrorCode::kInvalidArgument, "already holds a language model", out.string());
  const Vocabulary vocabulary = Vocabulary::build(sentences, o.vocabulary);
  std::vector<std::int64_t> stream;
  for (const auto& s : sentences) {
    const auto ids = vocabulary.encode(s);
    stream.insert(stream.end(), ids.begin(), ids.end());
  }
  const std::int64_t windows = static_cast<std::int64_t>(stream.size()) / (o.window + 1);
  if (windows < 1)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("language model: {} tokens are fewer than one window of {} + 1",
                            stream.size(), o.window));
  set_cpu_threads(o.threads);
  torch::manual_seed(o.seed);
  const auto vocab = static_cast<std::int64_t>(vocabulary.size());
  LanguageNet net(o, vocab);
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(o.learning_rate));
  const torch::Tensor data =
      torch::from_blob(stream.data(), {windows, o.window + 1}, torch::kInt64).clone();
  std::mt19937_64 rng(o.seed);
  std::vector<std::int64_t> order(static_cast<std::size_t>(windows));
  LanguageModelResult result;
  result.vocabulary_size = vocabulary.size();
  result.tokens = static_cast<std::int64_t>(stream.size());
  // Progress about every tenth of an epoch: batches done, mean loss so far, ETA of the epoch.
  const std::int64_t total = (windows + o.batch_size - 1) / o.batch_size;
  const std::int64_t every = std::max<std::int64_t>(1, total / 10);
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    net->train();
    double loss_sum = 0;
    std::int64_t batches = 0;
    for (std::int64_t b = 0; b < windows; b += o.batch_size) {
      const std::int64_t n = std::min(o.batch_size, windows - b);
      const auto index = torch::from_blob(order.data() + b, {n}, torch::kInt64).clone();
      const auto rows = data.index_select(0, index);
      const auto input = rows.slice(1, 0, o.window);
      const auto target = rows.slice(1, 1, o.window + 1);
      optimizer.zero_grad();
      const auto logits = net->forward(input);
      const auto loss =
          torch::nn::functional::cross_entropy(logits.reshape({-1, vocab}), target.reshape({-1}));
      loss.backward();
      if (o.clip_norm > 0) torch::nn::utils::clip_grad_norm_(net->parameters(), o.clip_norm);
      optimizer.step();
      loss_sum += loss.item<double>();
      ++batches;
      if (batches % every == 0 && batches < total) {
        const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        log_info(
            "lm: epoch {}  batch {}/{}  loss {:.4f}  {:.0f} tokens/s  ETA {:.0f} s", epoch, batches,
            total, loss_sum / static_cast<double>(batches),
            static_cast<double>(batches * o.window * o.batch_size) / spent.count(),
            spent.count() * static_cast<double>(total - batches) / static_cast<double>(batches));
      }
    }
    result.epoch_loss.push_back(loss_sum / static_cast<double>(batches));
    log_info("lm: epoch {}  loss {:.4f}  perplexity {:.1f}", epoch, result.epoch_loss.back(),
             std::exp(result.epoch_loss.back()));
  }

  fs::create_directories(out);
  vocabulary.save(out / "vocabulary.txt");
  torch::serialize::OutputArchive archive;
  for (const auto& p : net->named_parameters())
    if (is_encoder_parameter(p.key())) archive.write(p.key(), p.value());
  archive.save_to((out / "encoder.pt").string());
  nlohmann::json files = nlohmann::json::object();
  for (const char* name : kFiles)
    files[name] = file_entry(out / name);
  const nlohmann::json info = {{"format", kFormat},
                               {"version", 1},
                               {"cell", o.cell},
                               {"embedding_dim", o.embedding_dim},
                               {"hidden_size", o.hidden_size},
                               {"num_layers", o.num_layers},
                               {"vocabulary_size", vocabulary.size()},
                               {"tokens", result.tokens},
                               {"epoch_loss", result.epoch_loss},
                               {"files", files}};
  write_file_atomically(out / "lm.json", info.dump(2) + "\n");
  return result;
}

LanguageModelInfo read_language_model_info(const fs::path& lm_dir) {
  const auto path = lm_dir / "lm.json";
  const auto text = read_file_bytes(path, ErrorCode::kIo, "language model");
  LanguageModelInfo info;
  try {
    const auto j = nlohmann::json::parse(text);
    if (j.at("format").get<std::string>() != kFormat)
      throw Error(ErrorCode::kResource, "not a secnlp language model", path.string());
    info.cell = j.at("cell").get<std::string>();
    info.embedding_dim = json_integer<std::int64_t>(j.at("embedding_dim"));
    info.hidden_size = json_integer<std::int64_t>(j.at("hidden_size"));
    info.num_layers = json_integer<std::int64_t>(j.at("num_layers"));
    info.vocabulary_size = json_integer<std::size_t>(j.at("vocabulary_size"));
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("damaged language model: {}", e.what()),
                path.string());
  }
  return info;
}

Vocabulary load_language_model_vocabulary(const fs::path& lm_dir) {
  check_files(lm_dir);
  return Vocabulary::load(lm_dir / "vocabulary.txt",
                          read_language_model_info(lm_dir).vocabulary_size);
}

void check_same_vocabulary(const fs::path& lm_dir, const Vocabulary& lm,
                           const Vocabulary& vocabulary) {
  const std::string where = (lm_dir / "vocabulary.txt").string();
  if (lm.size() != vocabulary.size())
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("--init-from: the classifier's vocabulary has {} ids, the language "
                            "model's {}: fine-tune with the language model's vocabulary",
                            vocabulary.size(), lm.size()),
                where);
  for (std::size_t id = 0; id < lm.size(); ++id) {
    const auto i = static_cast<std::int64_t>(id);
    if (lm.token(i) != vocabulary.token(i))
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("--init-from: vocabulary mismatch at id {}: the classifier has "
                              "'{}', the language model '{}'",
                              id, vocabulary.token(i), lm.token(i)),
                  where);
  }
}

void load_language_model_encoder(const fs::path& lm_dir, const Vocabulary& vocabulary,
                                 torch::nn::Module& net) {
  check_same_vocabulary(lm_dir, load_language_model_vocabulary(lm_dir), vocabulary);
  torch::serialize::InputArchive archive;
  const auto path = lm_dir / "encoder.pt";
  try {
    archive.load_from(path.string());
  } catch (const c10::Error&) {
    throw Error(ErrorCode::kResource, "cannot read the language model's encoder", path.string());
  }
  // Every tensor is checked before any is copied: a refused load leaves the net as it was.
  auto params = net.named_parameters();
  std::vector<std::pair<torch::Tensor*, torch::Tensor>> loads;
  for (const auto& key : archive.keys()) {
    torch::Tensor value;
    archive.read(key, value);
    auto* target = params.find(key);
    if (target == nullptr)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("--init-from: the model has no parameter '{}' (the language "
                              "model's encoder needs a unidirectional {} of the same sizes)",
                              key, read_language_model_info(lm_dir).cell),
                  path.string());
    if (!target->sizes().equals(value.sizes()))
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("--init-from: parameter '{}' is {} in the model, {} in the "
                              "language model",
                              key, fmt::join(target->sizes(), "x"), fmt::join(value.sizes(), "x")),
                  path.string());
    loads.emplace_back(target, value);
  }
  torch::NoGradGuard no_grad;
  for (auto& [target, value] : loads)
    target->copy_(value);
  const std::size_t loaded = loads.size();
  log_info("init-from: {} encoder tensors loaded from {}", loaded, lm_dir.string());
}

}  // namespace secnlp::models
