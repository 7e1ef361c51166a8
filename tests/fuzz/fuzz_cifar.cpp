// CIFAR-10 binary batches: the input is one batch file, optionally followed by "\n--meta--\n"
// and a batches.meta.txt.
#include "common/error.h"
#include "corpora/images/image_set.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [batch, meta] =
      secnlp::fuzz::split_once(secnlp::fuzz::as_view(data, size), "\n--meta--\n");
  const auto& scratch = secnlp::fuzz::scratch();
  const std::filesystem::path files[] = {scratch.write("data_batch_1.bin", batch)};
  std::filesystem::path meta_path;
  if (!meta.empty()) meta_path = scratch.write("batches.meta.txt", meta);
  try {
    const auto set = secnlp::corpora::read_cifar10_binary(files, meta_path);
    if (set.pixels.size() != set.count * set.image_size()) __builtin_trap();
    for (int label : set.labels)
      if (label < 0 || static_cast<std::size_t>(label) >= set.classes.size()) __builtin_trap();
  } catch (const secnlp::Error&) {
  }
  return 0;
}
