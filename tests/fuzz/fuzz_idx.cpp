// MNIST IDX reader: the input holds the image file, then "\n--labels--\n", then the label file
// (either may be gzipped: the reader detects the magic). read_idx only reads files, so both are
// written to a scratch folder.
#include "common/error.h"
#include "corpora/images/image_set.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [images, labels] =
      secnlp::fuzz::split_once(secnlp::fuzz::as_view(data, size), "\n--labels--\n");
  const auto& scratch = secnlp::fuzz::scratch();
  const auto images_path = scratch.write("images-idx3-ubyte", images);
  const auto labels_path = scratch.write("labels-idx1-ubyte", labels);
  try {
    const auto set = secnlp::corpora::read_idx(images_path, labels_path);
    if (set.pixels.size() != set.count * set.image_size()) __builtin_trap();
    for (int label : set.labels)
      if (label < 0 || static_cast<std::size_t>(label) >= set.classes.size()) __builtin_trap();
  } catch (const secnlp::Error&) {
  }
  return 0;
}
