// Training throughput of secnlp's libtorch models, on synthetic data generated in memory, through
// the library's public API (models/train/training.h): the numbers a user of `secnlp train` gets.
// Its peer, bench/pytorch_peer.py, trains the same networks with the same sizes in PyTorch;
// bench/train_bench.sh runs both and prints the comparison (see bench/README.md).
//
//   secnlp_train_bench [--task lstm|cnn|all] [--n N] [--epochs E] [--threads T] [--device D]
//                      [--batch B] [--seed S]
//
// Tasks (fixed seed: every run sees the same data):
//   lstm  N sentences (default 12,000) of 10..60 words drawn uniformly from a 5,000-word
//         vocabulary; 3 classes, each with 10 marker words of which a sentence of that class
//         carries 1..3 (so the model learns). Model "lstm": embedding 100, hidden 128, one layer,
//         last hidden state, dropout 0.3. Data: sequence length 64 (no sentence is truncated),
//         padding and truncating "post", no preprocessing beyond lowercase tokenization.
//   cnn   N images (default 12,000) of 1x28x28 uniform noise with 10 classes, each class marked
//         by a bright 6x6 patch at its own position. Model "strided_cnn" (conv 3x3 stride 2:
//         32/64/128, ReLU, dropout 0.3, linear). No augmentation.
// Both: split 0.9 train / 0.1 validation / 0 test, Adam lr 1e-3, batch 64, patience 0 (all
// epochs run), E epochs (default 3).
//
// Output: one JSON line per task on stdout:
//   {"tool":"secnlp","task":"lstm","device":"cpu","threads":1,"n":...,"train_samples":...,
//    "epochs":3,"epoch_seconds":...,"first_epoch_seconds":...,"samples_per_s":...,
//    "epoch_cpu_seconds":...,"samples_per_cpu_s":...,"val_accuracy":...,"total_seconds":...}
// epoch_seconds is the median of the epochs after the first (the first carries one-time costs:
// allocator growth, oneDNN primitive creation, CUDA kernels' loading), or the first when E = 1.
// An epoch's seconds are the trainer's own (EpochReport::seconds): the training batches and the
// validation pass, not the per-epoch resume checkpoint written after it. samples_per_s =
// train_samples / epoch_seconds. epoch_cpu_seconds is the median process CPU time (user +
// system, all threads) between the ends of consecutive epochs: the steadier number on a shared
// machine; it also covers the checkpoint secnlp writes after each epoch (a few MB, a few ms).
// samples_per_cpu_s = train_samples / epoch_cpu_seconds (0 when E = 1). total_seconds is the whole
// train_*_classifier call (tokenizing, vocabulary, every epoch, checkpoints, the model directory).
//
// Model directories go to a scratch folder under $TMPDIR, removed at exit.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>
#include <unistd.h>

#include "common/error.h"
#include "corpora/datasets/labelled_text.h"
#include "corpora/images/image_set.h"
#include "models/train/training.h"

namespace {

namespace fs = std::filesystem;
namespace models = secnlp::models;
namespace corpora = secnlp::corpora;

constexpr int kVocabularyWords = 5000;
constexpr int kTextClasses = 3;
constexpr int kMarkersPerClass = 10;
constexpr int kImageClasses = 10;
constexpr int kSide = 28;

struct Args {
  std::string task = "all";
  std::size_t n = 12000;
  int epochs = 3;
  int threads = 1;
  std::string device = "cpu";
  int batch = 64;
  std::uint64_t seed = 42;
};

// splitmix64: a small, fixed generator so that the data is the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (the modulo bias is irrelevant here).
  int between(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::uint64_t state_;
};

// Word i of the vocabulary: "w" + i in base 26 (letters only: one treebank token each).
std::string word(int i) {
  std::string s = "w";
  do {
    s.push_back(static_cast<char>('a' + i % 26));
    i /= 26;
  } while (i > 0);
  return s;
}

corpora::LabelledTexts make_texts(std::size_t n, std::uint64_t seed) {
  std::vector<std::string> words;
  words.reserve(kVocabularyWords);
  for (int i = 0; i < kVocabularyWords; ++i)
    words.push_back(word(i));
  corpora::LabelledTexts data;
  data.classes = {"negative", "neutral", "positive"};
  data.texts.reserve(n);
  data.labels.reserve(n);
  Random rng(seed);
  // Words 0 .. kTextClasses * kMarkersPerClass - 1 are markers; other words are noise.
  constexpr int kMarkers = kTextClasses * kMarkersPerClass;
  for (std::size_t i = 0; i < n; ++i) {
    const int label = rng.between(0, kTextClasses - 1);
    const int length = rng.between(10, 60);
    std::vector<int> ids(static_cast<std::size_t>(length));
    for (auto& id : ids)
      id = rng.between(kMarkers, kVocabularyWords - 1);
    const int markers = rng.between(1, 3);
    for (int m = 0; m < markers; ++m)
      ids[static_cast<std::size_t>(rng.between(0, length - 1))] =
          label * kMarkersPerClass + rng.between(0, kMarkersPerClass - 1);
    std::string text;
    for (int id : ids) {
      if (!text.empty()) text.push_back(' ');
      text += words[static_cast<std::size_t>(id)];
    }
    data.texts.push_back(std::move(text));
    data.labels.push_back(label);
  }
  return data;
}

corpora::ImageSet make_images(std::size_t n, std::uint64_t seed) {
  corpora::ImageSet set;
  set.count = n;
  set.channels = 1;
  set.height = kSide;
  set.width = kSide;
  set.pixels.resize(n * kSide * kSide);
  set.labels.resize(n);
  for (int c = 0; c < kImageClasses; ++c)
    set.classes.push_back(std::to_string(c));
  Random rng(seed);
  for (std::size_t i = 0; i < n; ++i) {
    const int label = rng.between(0, kImageClasses - 1);
    set.labels[i] = label;
    auto* img = set.pixels.data() + i * kSide * kSide;
    for (int p = 0; p < kSide * kSide; ++p)
      img[p] = static_cast<std::uint8_t>(rng.next() & 0x7f);  // noise in [0, 127]
    // The class's patch: a 6x6 square of 255 on a 5x2 grid of positions.
    const int top = 3 + (label / 5) * 14, left = 1 + (label % 5) * 5;
    for (int y = top; y < top + 6; ++y)
      for (int x = left; x < left + 6 && x < kSide; ++x)
        img[y * kSide + x] = 255;
  }
  return set;
}

// CPU seconds (user + system, all threads) of this process so far.
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Process CPU time at the end of each epoch (taken in TrainCallbacks::on_epoch).
struct CpuClock {
  std::vector<double> at_epoch_end;
  models::TrainCallbacks callbacks() {
    return {[this](const models::EpochReport&) { at_epoch_end.push_back(process_cpu_seconds()); }};
  }
  // CPU seconds of each epoch after the first: the time between consecutive epoch ends.
  std::vector<double> later_epochs() const {
    std::vector<double> out;
    for (std::size_t i = 1; i < at_epoch_end.size(); ++i)
      out.push_back(at_epoch_end[i] - at_epoch_end[i - 1]);
    return out;
  }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

void print_result(std::string_view task, const Args& args, const models::TrainResult& r,
                  const CpuClock& cpu) {
  std::vector<double> seconds;
  for (const auto& e : r.epochs)
    seconds.push_back(e.seconds);
  if (seconds.empty()) throw std::runtime_error("no epoch ran");
  const double first = seconds.front();
  const double epoch =
      seconds.size() > 1 ? median(std::vector<double>(seconds.begin() + 1, seconds.end())) : first;
  const auto later_cpu = cpu.later_epochs();
  const double epoch_cpu = later_cpu.empty() ? 0.0 : median(later_cpu);
  const auto train = static_cast<double>(r.train_size);
  std::printf(
      "{\"tool\":\"secnlp\",\"task\":\"%s\",\"device\":\"%s\",\"threads\":%d,\"n\":%zu,"
      "\"train_samples\":%zu,\"epochs\":%zu,\"epoch_seconds\":%.4f,\"first_epoch_seconds\":%.4f,"
      "\"samples_per_s\":%.1f,\"epoch_cpu_seconds\":%.4f,\"samples_per_cpu_s\":%.1f,"
      "\"val_accuracy\":%.4f,\"total_seconds\":%.3f}\n",
      std::string(task).c_str(), r.device.c_str(), args.threads, args.n, r.train_size,
      r.epochs.size(), epoch, first, epoch > 0 ? train / epoch : 0.0, epoch_cpu,
      epoch_cpu > 0 ? train / epoch_cpu : 0.0, r.epochs.back().val_accuracy, r.seconds);
  std::fflush(stdout);
}

models::TrainOptions train_options(const Args& args) {
  models::TrainOptions o;
  o.epochs = args.epochs;
  o.batch_size = args.batch;
  o.optimizer.name = "adam";
  o.optimizer.learning_rate = 1e-3;
  o.patience = 0;
  o.seed = args.seed;
  o.device = args.device;
  o.threads = args.threads;
  return o;
}

models::SplitOptions split_options(std::uint64_t seed) {
  models::SplitOptions s;
  s.train = 0.9;
  s.validation = 0.1;
  s.test = 0.0;
  s.seed = seed;
  return s;
}

void run_lstm(const Args& args, const fs::path& scratch) {
  const auto data = make_texts(args.n, args.seed);
  models::TextDataOptions prep;
  prep.sequence_length = 64;
  prep.padding = models::Padding::kPost;
  prep.truncating = models::Padding::kPost;
  prep.split = split_options(args.seed);
  const models::ModelChoice model{
      "lstm", R"({"embedding_dim":100,"hidden_size":128,"num_layers":1,"dropout":0.3})"};
  CpuClock cpu;
  const auto r = models::train_text_classifier(data, prep, model, train_options(args),
                                               scratch / "lstm", cpu.callbacks());
  print_result("lstm", args, r, cpu);
}

void run_cnn(const Args& args, const fs::path& scratch) {
  const auto data = make_images(args.n, args.seed);
  models::ImageDataOptions prep;
  prep.split = split_options(args.seed);
  const models::ModelChoice model{"strided_cnn", R"({"channels":[32,64,128],"dropout":0.3})"};
  CpuClock cpu;
  const auto r = models::train_image_classifier(data, prep, model, train_options(args),
                                                scratch / "cnn", cpu.callbacks());
  print_result("cnn", args, r, cpu);
}

[[noreturn]] void usage(int status) {
  std::fprintf(status ? stderr : stdout,
               "usage: secnlp_train_bench [--task lstm|cnn|all] [--n N] [--epochs E] "
               "[--threads T] [--device cpu|cuda|cuda:N|auto] [--batch B] [--seed S]\n");
  std::exit(status);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string_view key = argv[i];
    if (key == "-h" || key == "--help") usage(0);
    if (i + 1 >= argc) usage(2);
    const std::string value = argv[++i];
    try {
      if (key == "--task") {
        a.task = value;
      } else if (key == "--n") {
        a.n = std::stoul(value);
      } else if (key == "--epochs") {
        a.epochs = std::stoi(value);
      } else if (key == "--threads") {
        a.threads = std::stoi(value);
      } else if (key == "--device") {
        a.device = value;
      } else if (key == "--batch") {
        a.batch = std::stoi(value);
      } else if (key == "--seed") {
        a.seed = std::stoull(value);
      } else {
        usage(2);
      }
    } catch (const std::logic_error&) {
      std::fprintf(stderr, "secnlp_train_bench: bad value for %s: %s\n", argv[i - 1],
                   value.c_str());
      usage(2);
    }
  }
  if (a.task != "lstm" && a.task != "cnn" && a.task != "all") usage(2);
  if (a.n < 20 || a.epochs < 1 || a.threads < 0 || a.batch < 1) usage(2);
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  const char* tmp = std::getenv("TMPDIR");
  const fs::path scratch =
      fs::path(tmp && *tmp ? tmp : "/tmp") / ("secnlp-train-bench." + std::to_string(::getpid()));
  int status = 0;
  try {
    fs::create_directories(scratch);
    if (args.task == "lstm" || args.task == "all") run_lstm(args, scratch);
    if (args.task == "cnn" || args.task == "all") run_cnn(args, scratch);
  } catch (const secnlp::Error& e) {
    std::fprintf(stderr, "secnlp_train_bench: %s%s%s\n", e.message().c_str(),
                 e.path().empty() ? "" : ": ", e.path().c_str());
    status = 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secnlp_train_bench: %s\n", e.what());
    status = 1;
  }
  std::error_code ec;
  fs::remove_all(scratch, ec);
  return status;
}
