#pragma once
// The training loop shared by text and vision models (internal to models/; torch types).
//
// A BatchSource turns row indices into a batch on the device; run_training() does the epochs:
// seeded shuffling, optimizer steps, schedules, clipping, validation, early stopping, the best
// weights, and the resume state in <out>/state/ after every epoch.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include <torch/types.h>

#include "models/nets/classifier_net.h"
#include "models/train/training.h"

namespace secnlp::models {

struct Batch {
  torch::Tensor x;        // model input on the device
  torch::Tensor lengths;  // text: int64 [B] on the CPU; vision: undefined
  torch::Tensor y;        // int64 [B] on the device
};

// The examples of one dataset, held in memory. make() must be deterministic for
// (rows, augment, epoch); it may run torch's intra-op threads.
class BatchSource {
 public:
  virtual ~BatchSource() = default;
  virtual std::size_t size() const = 0;
  virtual int label(std::size_t row) const = 0;
  virtual Batch make(std::span<const std::size_t> rows, bool augment, std::uint64_t epoch,
                     const torch::Device& device) const = 0;
};

// "auto" | "cpu" | "cuda" | "cuda:N" -> a device; Error(kInvalidArgument) when CUDA is asked for
// and missing.
torch::Device resolve_device(std::string_view name);

// Sizes the CPU thread pools: torch's intra-op pool to `threads` (> 0; 0 keeps torch's default)
// and, when the process runs on OpenBLAS (Debian's libtorch does, for GEMM), OpenBLAS's own
// pthreads pool to one thread, unless OPENBLAS_NUM_THREADS is set. Torch parallelises across
// its own pool; a second pool of one thread per core inside each GEMM oversubscribes the cores
// (bench/README.md: 2 torch threads train the LSTM 3x and the CNN 2x faster with OpenBLAS at 1
// than at 2), and at --threads 1 it would quietly use every core.
void set_cpu_threads(int threads);

// What run_training needs besides the net and the data.
struct LoopSetup {
  std::vector<std::size_t> train, validation, test;
  std::size_t num_classes = 0;
  TrainOptions options;
  std::filesystem::path out;  // model directory; state/ lives below it
  std::string fingerprint;    // data + options; a resume must match it
  torch::Device device{torch::kCPU};
};

// Runs (or resumes) the epochs, leaves the best epoch's weights in `net`, and evaluates the test
// split. Fills epochs, best_epoch, stopped_early, interrupted, test and seconds of the result;
// also returns the test split's predicted labels in `test_predictions`.
void run_training(ClassifierNet& net, const BatchSource& data, const LoopSetup& setup,
                  const TrainCallbacks& callbacks, TrainResult& result,
                  std::vector<int>& test_predictions);

// Evaluates rows in batches without gradients: probabilities [rows, classes] (float, CPU) and
// the mean cross-entropy.
torch::Tensor predict_rows(ClassifierNet& net, const BatchSource& data,
                           std::span<const std::size_t> rows, int batch_size,
                           const torch::Device& device, bool bf16, double* mean_loss);

// The optimizer's parameter groups under `options` (see TrainOptions::gradual_unfreeze and
// lr_decay_per_layer): without either option one group "all" of the trainable parameters at
// factor 1; with one, the net's layer groups (their trainable parameters; groups with none
// left out), from input to output, group k of L at learning-rate factor
// 1 / lr_decay_per_layer^(L - 1 - k). Error(kInvalidArgument) when an option is set and the net
// has fewer than two such groups, or the decay is not > 0.
struct ParamGroupPlan {
  std::string name;
  std::vector<torch::Tensor> parameters;
  double lr_factor = 1.0;
};
std::vector<ParamGroupPlan> plan_param_groups(ClassifierNet& net, const TrainOptions& options);

// Gradual unfreezing: whether group `k` of `groups` trains in 0-based `epoch` (always, when the
// option is off): the last group from epoch 0, group k from epoch groups - 1 - k.
bool group_trains(std::size_t k, std::size_t groups, int epoch, const TrainOptions& options);

// The learning rate of 0-based `epoch` under `schedule` (see ScheduleOptions).
double scheduled_learning_rate(const ScheduleOptions& schedule, double initial, int epoch);

}  // namespace secnlp::models
