#include "models/train/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/autocast_mode.h>
#include <dlfcn.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <mutex>

#include <fmt/format.h>
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/json_integer.h"
#include "models/data/random.h"
#include "models/report/plots.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// bfloat16 autocast around a forward pass (CUDA only; a no-op when off).
class AutocastScope {
 public:
  explicit AutocastScope(bool on) : on_(on) {
    if (!on_) return;
    at::autocast::set_enabled(true);
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::increment_nesting();
  }
  ~AutocastScope() {
    if (!on_) return;
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    at::autocast::set_enabled(false);
  }
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool on_;
};

// One optimizer parameter group per planned group (their learning rates are set per epoch).
std::unique_ptr<torch::optim::Optimizer> make_optimizer(const std::vector<ParamGroupPlan>& plan,
                                                        const OptimizerOptions& o) {
  if (!(o.learning_rate > 0))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("learning rate must be > 0, not {}", o.learning_rate));
  std::vector<torch::optim::OptimizerParamGroup> groups;
  for (const auto& g : plan)
    groups.emplace_back(g.parameters);
  if (o.name == "adam")
    return std::make_unique<torch::optim::Adam>(
        groups, torch::optim::AdamOptions(o.learning_rate).weight_decay(o.weight_decay));
  if (o.name == "sgd")
    return std::make_unique<torch::optim::SGD>(groups, torch::optim::SGDOptions(o.learning_rate)
                                                           .momentum(o.momentum)
                                                           .weight_decay(o.weight_decay));
  if (o.name == "rmsprop")
    return std::make_unique<torch::optim::RMSprop>(
        groups, torch::optim::RMSpropOptions(o.learning_rate).weight_decay(o.weight_decay));
  if (o.name == "adagrad")
    return std::make_unique<torch::optim::Adagrad>(
        groups, torch::optim::AdagradOptions(o.learning_rate).weight_decay(o.weight_decay));
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("optimizer must be adam, sgd, rmsprop or adagrad, not '{}'", o.name));
}

void check_schedule(const ScheduleOptions& s) {
  if (s.name != "none" && s.name != "step" && s.name != "exponential" && s.name != "inverse_time")
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("schedule must be none, step, exponential or inverse_time, not '{}'", s.name));
  if (s.name == "step" && s.step_size <= 0)
    throw Error(ErrorCode::kInvalidArgument, "schedule step: step_size must be > 0");
  if ((s.name == "step" || s.name == "exponential") && !(s.gamma > 0))
    throw Error(ErrorCode::kInvalidArgument, "schedule: gamma must be > 0");
  if (s.name == "inverse_time" && !(s.decay >= 0))
    throw Error(ErrorCode::kInvalidArgument, "schedule inverse_time: decay must be >= 0");
}

// The per-epoch state that makes a resumed run continue exactly where it stopped.
struct LoopState {
  int next_epoch = 0;  // 0-based epoch to run next
  double best_val_loss = std::numeric_limits<double>::infinity();
  int best_epoch = 0;  // 1-based; 0 = none yet
  int bad_epochs = 0;
  bool stopped_early = false;
  std::vector<EpochReport> epochs;
};

json epoch_json(const EpochReport& e) {
  return {{"epoch", e.epoch},
          {"train_loss", e.train_loss},
          {"train_accuracy", e.train_accuracy},
          {"val_loss", e.val_loss},
          {"val_accuracy", e.val_accuracy},
          {"val_macro_f1", e.val_macro_f1},
          {"learning_rate", e.learning_rate},
          {"seconds", e.seconds}};
}

EpochReport epoch_from_json(const json& j) {
  EpochReport e;
  e.epoch = json_integer<int>(j.at("epoch"));
  e.train_loss = j.at("train_loss").get<double>();
  e.train_accuracy = j.at("train_accuracy").get<double>();
  e.val_loss = j.at("val_loss").get<double>();
  e.val_accuracy = j.at("val_accuracy").get<double>();
  e.val_macro_f1 = j.at("val_macro_f1").get<double>();
  e.learning_rate = j.at("learning_rate").get<double>();
  e.seconds = j.at("seconds").get<double>();
  return e;
}

// NaN/inf are not JSON; the best loss starts at +inf.
double finite_or(double v, double fallback) {
  return std::isfinite(v) ? v : fallback;
}

// Detached copies of a network's parameters and buffers: the best epoch's weights.
struct Snapshot {
  std::vector<std::pair<std::string, torch::Tensor>> tensors;
};

Snapshot snapshot(ClassifierNet& net) {
  torch::NoGradGuard no_grad;
  Snapshot s;
  for (const auto& p : net.named_parameters(true))
    s.tensors.emplace_back(p.key(), p.value().detach().clone());
  for (const auto& b : net.named_buffers(true))
    s.tensors.emplace_back(b.key(), b.value().detach().clone());
  return s;
}

void restore(ClassifierNet& net, const Snapshot& s) {
  torch::NoGradGuard no_grad;
  auto params = net.named_parameters(true);
  auto buffers = net.named_buffers(true);
  for (const auto& [key, value] : s.tensors) {
    if (auto* p = params.find(key)) {
      p->copy_(value);
    } else if (auto* b = buffers.find(key)) {
      b->copy_(value);
    } else {
      throw Error(ErrorCode::kInternal, fmt::format("weights snapshot: unknown tensor '{}'", key));
    }
  }
}

void save_snapshot(const Snapshot& s, const fs::path& path) {
  torch::serialize::OutputArchive archive;
  for (const auto& [key, value] : s.tensors)
    archive.write(key, value);
  archive.save_to(path.string());
}

Snapshot load_snapshot(ClassifierNet& like, const fs::path& path, const torch::Device& device) {
  Snapshot s = snapshot(like);
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(path.string(), device);
    for (auto& [key, value] : s.tensors)
      archive.read(key, value);
  } catch (const c10::Error& e) {
    throw Error(ErrorCode::kResource,
                fmt::format("cannot load weights: {}", e.what_without_backtrace()), path.string());
  }
  return s;
}

const char* kLatest = "latest";

void save_net(ClassifierNet& net, const fs::path& path) {
  torch::serialize::OutputArchive archive;
  net.save(archive);
  archive.save_to(path.string());
}

void load_net(ClassifierNet& net, const fs::path& path, const torch::Device& device) {
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(path.string(), device);
    net.load(archive);
  } catch (const c10::Error& e) {
    throw Error(ErrorCode::kResource,
                fmt::format("cannot load weights: {}", e.what_without_backtrace()), path.string());
  }
}

// The default generator of `device`'s type (CPU, or the CUDA device's own), whose state dropout
// and initialisation draw from. Reached through at::Context so CPU-only builds link.
torch::Tensor rng_state(const torch::Device& device) {
  auto gen = at::globalContext().defaultGenerator(device);
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.get_state();
}

void set_rng_state(const torch::Device& device, const torch::Tensor& state) {
  auto gen = at::globalContext().defaultGenerator(device);
  std::lock_guard<std::mutex> lock(gen.mutex());
  gen.set_state(state);
}

constexpr const char* kCudaRngFile = "rng-cuda.pt";

// Saves the state after an epoch as state/epoch-NNNN/ and then points state/latest at it
// (written with rename, so a kill leaves either the old or the new state, never half of one).
void save_state(ClassifierNet& net, torch::optim::Optimizer& optimizer, const Snapshot& best,
                const LoopState& s, const std::string& fingerprint, const fs::path& out,
                const torch::Device& device) {
  const fs::path state_dir = out / "state";
  const std::string name = fmt::format("epoch-{:04d}", s.next_epoch);
  const fs::path dir = state_dir / name;
  fs::create_directories(dir);
  save_net(net, dir / "last.pt");
  save_snapshot(best, dir / "best.pt");
  torch::save(optimizer, (dir / "optimizer.pt").string());
  torch::save(rng_state(torch::kCPU), (dir / "rng.pt").string());
  if (device.is_cuda())  // dropout on the GPU draws from the device's generator
    torch::save(rng_state(device), (dir / kCudaRngFile).string());
  json j = {{"fingerprint", fingerprint},
            {"next_epoch", s.next_epoch},
            {"best_val_loss", finite_or(s.best_val_loss, 1e308)},
            {"best_epoch", s.best_epoch},
            {"bad_epochs", s.bad_epochs},
            {"stopped_early", s.stopped_early},
            {"epochs", json::array()}};
  for (const auto& e : s.epochs)
    j["epochs"].push_back(epoch_json(e));
  write_file_atomically(dir / "trainer.json", j.dump(1));
  write_file_atomically(state_dir / kLatest, name + "\n");
  // Older epochs' states are no longer needed.
  for (const auto& entry : fs::directory_iterator(state_dir)) {
    const auto n = entry.path().filename().string();
    if (entry.is_directory() && n.rfind("epoch-", 0) == 0 && n != name) {
      std::error_code ec;
      fs::remove_all(entry.path(), ec);
    }
  }
}

LoopState load_state(ClassifierNet& net, torch::optim::Optimizer& optimizer, Snapshot& best,
                     const std::string& fingerprint, const fs::path& out,
                     const torch::Device& device) {
  const fs::path state_dir = out / "state";
  const fs::path latest = state_dir / kLatest;
  if (!fs::exists(latest))
    throw Error(ErrorCode::kResource,
                "cannot resume: no epoch of a run in this --out finished (a run killed before "
                "its first epoch ends saves no state); start over by running the same command "
                "without --resume",
                out.string());
  std::string name = read_file_bytes(latest.string());
  while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
    name.pop_back();
  const fs::path dir = state_dir / name;
  LoopState s;
  try {
    const json j = json::parse(read_file_bytes((dir / "trainer.json").string()));
    if (j.at("fingerprint").get<std::string>() != fingerprint)
      throw Error(ErrorCode::kResource,
                  "cannot resume: the data or options differ from the interrupted run's",
                  out.string());
    s.next_epoch = json_integer<int>(j.at("next_epoch"));
    s.best_val_loss = j.at("best_val_loss").get<double>();
    s.best_epoch = json_integer<int>(j.at("best_epoch"));
    s.bad_epochs = json_integer<int>(j.at("bad_epochs"));
    s.stopped_early = j.at("stopped_early").get<bool>();
    for (const auto& e : j.at("epochs"))
      s.epochs.push_back(epoch_from_json(e));
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("corrupt resume state: {}", e.what()),
                (dir / "trainer.json").string());
  }
  load_net(net, dir / "last.pt", device);
  best = load_snapshot(net, dir / "best.pt", device);
  try {
    torch::load(optimizer, (dir / "optimizer.pt").string());
    torch::Tensor rng;
    torch::load(rng, (dir / "rng.pt").string());
    set_rng_state(torch::kCPU, rng);
    if (device.is_cuda() && fs::exists(dir / kCudaRngFile)) {
      torch::Tensor cuda_rng;
      torch::load(cuda_rng, (dir / kCudaRngFile).string());
      set_rng_state(device, cuda_rng);
    }
  } catch (const c10::Error& e) {
    throw Error(ErrorCode::kResource,
                fmt::format("corrupt resume state: {}", e.what_without_backtrace()), dir.string());
  }
  return s;
}

std::vector<int> labels_of(const BatchSource& data, std::span<const std::size_t> rows) {
  std::vector<int> out;
  out.reserve(rows.size());
  for (auto r : rows)
    out.push_back(data.label(r));
  return out;
}

}  // namespace

void set_cpu_threads(int threads) {
  if (threads > 0) torch::set_num_threads(threads);
  // OPENBLAS_NUM_THREADS, when the user set it, wins.
  if (std::getenv("OPENBLAS_NUM_THREADS") != nullptr) return;
  // Looked up at run time: the BLAS behind libtorch is chosen by Debian's alternatives
  // (libblas.so.3), so OpenBLAS may or may not be the one loaded.
  using SetThreads = void (*)(int);
  if (auto* set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
    set(1);
}

torch::Device resolve_device(std::string_view name) {
  if (name == "auto")
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::kCPU;
  if (name == "cpu") return torch::kCPU;
  if (name.rfind("cuda", 0) == 0) {
    if (!torch::cuda::is_available())
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("device '{}' asked for, but this build/machine has no CUDA "
                              "(libtorch {} on CPU); use --device cpu or auto",
                              name, TORCH_VERSION));
    try {
      return torch::Device(std::string(name));
    } catch (const c10::Error&) {
    }
  }
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("device must be auto, cpu, cuda or cuda:N, not '{}'", name));
}

std::vector<ParamGroupPlan> plan_param_groups(ClassifierNet& net, const TrainOptions& o) {
  const bool layered = o.gradual_unfreeze || o.lr_decay_per_layer != 1.0;
  if (!(o.lr_decay_per_layer > 0) || !std::isfinite(o.lr_decay_per_layer))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("lr decay per layer must be > 0, not {}", o.lr_decay_per_layer));
  std::vector<ParamGroupPlan> plan;
  if (!layered) {
    plan.push_back({"all", {}, 1.0});
    for (auto& p : net.parameters())
      if (p.requires_grad()) plan.back().parameters.push_back(p);
    return plan;
  }
  for (auto& group : net.layer_groups()) {
    ParamGroupPlan g{group.name, {}, 1.0};
    for (auto& p : group.parameters)
      if (p.requires_grad()) g.parameters.push_back(p);
    if (!g.parameters.empty()) plan.push_back(std::move(g));
  }
  if (plan.size() < 2)
    throw Error(ErrorCode::kInvalidArgument,
                "gradual unfreezing and per-layer learning rates need a model of several "
                "trainable layers (lstm, gru)");
  for (std::size_t k = 0; k < plan.size(); ++k)
    plan[k].lr_factor = std::pow(o.lr_decay_per_layer, -static_cast<double>(plan.size() - 1 - k));
  return plan;
}

bool group_trains(std::size_t k, std::size_t groups, int epoch, const TrainOptions& o) {
  if (!o.gradual_unfreeze) return true;
  return static_cast<std::int64_t>(k) >=
         static_cast<std::int64_t>(groups) - 1 - static_cast<std::int64_t>(epoch);
}

double scheduled_learning_rate(const ScheduleOptions& s, double initial, int epoch) {
  if (s.name == "step") return initial * std::pow(s.gamma, epoch / s.step_size);
  if (s.name == "exponential") return initial * std::pow(s.gamma, epoch);
  if (s.name == "inverse_time") return initial / (1.0 + s.decay * epoch);
  return initial;
}

torch::Tensor predict_rows(ClassifierNet& net, const BatchSource& data,
                           std::span<const std::size_t> rows, int batch_size,
                           const torch::Device& device, bool bf16, double* mean_loss) {
  c10::InferenceMode inference;  // no autograd bookkeeping at all (lighter than NoGradGuard)
  net.eval();
  std::vector<torch::Tensor> probs;
  auto loss_sum = torch::zeros({}, torch::TensorOptions(torch::kDouble).device(device));
  for (std::size_t begin = 0; begin < rows.size(); begin += batch_size) {
    const auto chunk = rows.subspan(begin, std::min<std::size_t>(batch_size, rows.size() - begin));
    Batch b = data.make(chunk, /*augment=*/false, 0, device);
    torch::Tensor logits;
    {
      AutocastScope autocast(bf16);
      logits = net.forward(b.x, b.lengths);
    }
    logits = logits.to(torch::kFloat);
    if (mean_loss)
      loss_sum +=
          torch::nn::functional::cross_entropy(
              logits, b.y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
              .to(torch::kDouble);
    probs.push_back(torch::softmax(logits, 1));
  }
  if (mean_loss)
    *mean_loss = rows.empty() ? 0.0 : loss_sum.item<double>() / static_cast<double>(rows.size());
  if (probs.empty()) return torch::zeros({0, 0});
  return torch::cat(probs, 0).to(torch::kCPU);
}

void run_training(ClassifierNet& net, const BatchSource& data, const LoopSetup& setup,
                  const TrainCallbacks& callbacks, TrainResult& result,
                  std::vector<int>& test_predictions) {
  const auto& o = setup.options;
  const auto start = Clock::now();
  if (o.epochs <= 0) throw Error(ErrorCode::kInvalidArgument, "epochs must be > 0");
  if (o.batch_size <= 0) throw Error(ErrorCode::kInvalidArgument, "batch size must be > 0");
  if (o.bf16 && !setup.device.is_cuda())
    throw Error(ErrorCode::kInvalidArgument, "bf16 autocast needs a CUDA device (--device cuda)");
  if (setup.train.empty()) throw Error(ErrorCode::kInvalidArgument, "the training split is empty");
  check_schedule(o.schedule);

  net.to(setup.device);
  const std::vector<ParamGroupPlan> plan = plan_param_groups(net, o);
  std::vector<torch::Tensor> trainable;
  for (const auto& g : plan)
    trainable.insert(trainable.end(), g.parameters.begin(), g.parameters.end());
  auto optimizer = make_optimizer(plan, o.optimizer);

  Snapshot best = snapshot(net);  // the best epoch's weights
  LoopState s;
  if (o.resume) s = load_state(net, *optimizer, best, setup.fingerprint, setup.out, setup.device);

  const std::vector<int> val_truth = labels_of(data, setup.validation);
  auto loss_options = torch::nn::functional::CrossEntropyFuncOptions();
  if (o.balanced) {
    std::vector<double> counts(setup.num_classes, 0.0);
    for (int l : labels_of(data, setup.train))
      counts[static_cast<std::size_t>(l)] += 1;
    std::vector<float> weights(setup.num_classes, 0.0f);
    for (std::size_t k = 0; k < counts.size(); ++k)
      if (counts[k] > 0)
        weights[k] = static_cast<float>(static_cast<double>(setup.train.size()) /
                                        (static_cast<double>(setup.num_classes) * counts[k]));
    loss_options = loss_options.weight(torch::tensor(weights).to(setup.device));
  }
  int epochs_this_call = 0;
  for (int epoch = s.next_epoch; epoch < o.epochs && !s.stopped_early; ++epoch) {
    const auto epoch_start = Clock::now();
    const double lr = scheduled_learning_rate(o.schedule, o.optimizer.learning_rate, epoch);
    // Per group: its share of the rate, and (gradual unfreezing) whether it trains this epoch.
    // A group that does not train gets no gradient, so the optimizer leaves it as it is.
    for (std::size_t k = 0; k < plan.size(); ++k) {
      optimizer->param_groups()[k].options().set_lr(lr * plan[k].lr_factor);
      const bool trains = group_trains(k, plan.size(), epoch, o);
      for (const auto& p : plan[k].parameters)
        p.set_requires_grad(trains);
    }

    // Batch order: a permutation seeded by (seed, epoch), independent of earlier epochs.
    std::vector<std::size_t> order = setup.train;
    Rng rng(o.seed ^ (0x5851f42d4c957f2dULL * static_cast<std::uint64_t>(epoch + 1)));
    shuffle(order, rng);

    net.train();
    // Summed on the device and read once per epoch: a read per batch would make the host wait
    // for every batch on a GPU.
    auto loss_sum = torch::zeros({}, torch::TensorOptions(torch::kDouble).device(setup.device));
    auto correct = torch::zeros({}, torch::TensorOptions(torch::kInt64).device(setup.device));
    const std::span<const std::size_t> all(order);
    for (std::size_t begin = 0; begin < order.size(); begin += o.batch_size) {
      const auto rows =
          all.subspan(begin, std::min<std::size_t>(o.batch_size, order.size() - begin));
      Batch b = data.make(rows, /*augment=*/true, static_cast<std::uint64_t>(epoch), setup.device);
      optimizer->zero_grad();
      torch::Tensor logits;
      {
        AutocastScope autocast(o.bf16);
        logits = net.forward(b.x, b.lengths);
      }
      logits = logits.to(torch::kFloat);
      auto loss = torch::nn::functional::cross_entropy(logits, b.y, loss_options);
      loss.backward();
      if (o.clip_norm > 0) torch::nn::utils::clip_grad_norm_(trainable, o.clip_norm);
      optimizer->step();
      loss_sum += loss.detach().to(torch::kDouble) * static_cast<double>(rows.size());
      correct += logits.argmax(1).eq(b.y).sum();
    }

    EpochReport report;
    report.epoch = epoch + 1;
    report.learning_rate = lr;
    report.train_loss = loss_sum.item<double>() / static_cast<double>(order.size());
    report.train_accuracy =
        static_cast<double>(correct.item<std::int64_t>()) / static_cast<double>(order.size());
    if (!setup.validation.empty()) {
      double val_loss = 0;
      auto probs = predict_rows(net, data, setup.validation, std::max(o.batch_size, 256),
                                setup.device, o.bf16, &val_loss);
      auto predicted = probs.argmax(1).to(torch::kInt32).contiguous();
      std::span<const int> pred(predicted.data_ptr<int>(), val_truth.size());
      report.validation = classification_report(val_truth, pred, setup.num_classes);
      report.val_loss = val_loss;
      report.val_accuracy = report.validation.accuracy;
      report.val_macro_f1 = report.validation.macro_f1;
    } else {
      report.val_loss = report.train_loss;  // without a validation split, the training loss
    }
    report.seconds = seconds_since(epoch_start);

    if (report.val_loss < s.best_val_loss) {
      s.best_val_loss = report.val_loss;
      s.best_epoch = report.epoch;
      s.bad_epochs = 0;
      best = snapshot(net);
    } else {
      ++s.bad_epochs;
      if (o.patience > 0 && s.bad_epochs >= o.patience) s.stopped_early = true;
    }
    s.epochs.push_back(report);
    s.next_epoch = epoch + 1;
    save_state(net, *optimizer, best, s, setup.fingerprint, setup.out, setup.device);
    if (callbacks.on_epoch) callbacks.on_epoch(report);
    ++epochs_this_call;
    if (o.stop_after > 0 && epochs_this_call >= o.stop_after && s.next_epoch < o.epochs &&
        !s.stopped_early) {
      result.interrupted = true;
      break;
    }
  }

  for (const auto& p : trainable)
    p.set_requires_grad(true);
  result.epochs = s.epochs;
  result.best_epoch = s.best_epoch;
  result.stopped_early = s.stopped_early;
  if (!result.interrupted) {
    restore(net, best);
    if (!setup.test.empty()) {
      auto probs = predict_rows(net, data, setup.test, std::max(o.batch_size, 256), setup.device,
                                o.bf16, nullptr);
      auto predicted = probs.argmax(1).to(torch::kInt32).contiguous();
      test_predictions.assign(predicted.data_ptr<int>(),
                              predicted.data_ptr<int>() + predicted.numel());
      result.test =
          classification_report(labels_of(data, setup.test), test_predictions, setup.num_classes);
    }
  }
  result.seconds = seconds_since(start);
}

}  // namespace secnlp::models
