#pragma once
// Image datasets for small vision models: MNIST-style IDX files, CIFAR-10 binary batches and
// folders of PNG/JPEG/BMP images, all read into one uint8 ImageSet; plus a PNG encoder for grids
// of (misclassified) images.
//
// Every reader is hostile-input safe: headers are checked before anything is allocated (a set
// over 4 GiB of pixels throws kLimit; a header that claims more bytes than the file holds throws
// kParse), and every error is a secnlp::Error whose path() is the offending file:
//   kIo     the file or folder is missing or unreadable
//   kParse  bad content: "bad magic 0x...", "truncated: expected N bytes, found M",
//           "7 images in <file> but 8 labels", undecodable image, mixed image sizes, ...
//   kLimit  the pixels would exceed 4 GiB
//   kInvalidArgument  a caller passed a value outside the documented range
// All functions are reentrant: no state is shared between calls.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

// N images of uint8 pixels, each stored channel-major (C x H x W), images one after another.
struct ImageSet {
  std::size_t count = 0;
  int channels = 0;
  int height = 0;
  int width = 0;
  std::vector<std::uint8_t> pixels;  // count * channels * height * width
  std::vector<int> labels;           // count, each in [0, classes.size())
  // Class names indexed by label. MNIST-style: "0".."9"; CIFAR-10: airplane, automobile, bird,
  // cat, deer, dog, frog, horse, ship, truck; image folder: the class sub-folder names, sorted.
  std::vector<std::string> classes;

  // Bytes of one image: channels * height * width values.
  std::size_t image_size() const {
    return static_cast<std::size_t>(channels) * static_cast<std::size_t>(height) *
           static_cast<std::size_t>(width);
  }
  // The pixels of image `i` (C x H x W). Throws Error(kInvalidArgument) when i >= count.
  std::span<const std::uint8_t> image(std::size_t i) const;
};

// Pixels above this many bytes are refused (kLimit) before allocation.
inline constexpr std::uint64_t kMaxImageSetBytes = std::uint64_t{1} << 32;

// The standard CIFAR-10 class names, in label order.
std::span<const std::string_view> cifar10_class_names();

// Reads an IDX3 unsigned-byte image file (magic 0x00000803: count, rows, cols, then pixels) and
// its IDX1 label file (magic 0x00000801: count, then one byte per label). Either file may be
// gzipped (detected by the 1f 8b magic, not by name) or raw. Checks magics, non-zero image size,
// exact file sizes (short -> "truncated: expected N bytes, found M"; longer -> "trailing data"),
// and that the counts agree; every label must be below `num_classes` (1..256; default 10, as
// MNIST: "record R: label L is not below 10" names the labels file). Result: channels 1, height
// rows, width cols, classes "0".."num_classes-1". Streams the files: memory is the pixels plus
// 64 KiB.
ImageSet read_idx(const std::filesystem::path& images, const std::filesystem::path& labels,
                  int num_classes = 10);

// Reads CIFAR-10 binary batches: records of 1 label byte + 3072 pixel bytes (R, G, B planes of
// 32x32). Files are concatenated in the order given. Each file must be non-empty and a multiple
// of 3073 bytes; every label must be < 10 (the error names the file and record). Classes are the
// non-blank lines of `meta` (batches.meta.txt; exactly 10 required) when given, else the
// standard names. An empty `batch_files` throws kInvalidArgument.
ImageSet read_cifar10_binary(std::span<const std::filesystem::path> batch_files,
                             const std::filesystem::path& meta = {});

// Reads root/<class>/<image> where image ends in .png, .jpg, .jpeg or .bmp (any case); other
// files, hidden entries (".name") and files directly under root are ignored, and class folders
// are not searched recursively. Classes are the sub-folder names sorted bytewise; images within
// a class are sorted by file name. Decoded with stb_image. `channels`: 0 takes the first image's
// (grey or grey+alpha -> 1, RGB or RGBA -> 3), 1 or 3 forces grey or RGB (alpha is dropped);
// anything else throws kInvalidArgument. Errors (kParse) name the file: an undecodable image
// (with stb's reason), an image whose size differs from the first, a class folder without
// images, a root without class folders. A missing root throws kIo.
ImageSet read_image_folder(const std::filesystem::path& root, int channels = 0);

// Single image files (e.g. to classify), decoded as read_image_folder does, all of one size;
// labels are 0 and classes empty. Same errors, naming the file.
ImageSet read_image_files(std::span<const std::filesystem::path> files, int channels = 0);

// Reads whichever dataset `path` (a directory) holds, for `split` ("train" or "test"; others are
// passed through as file/folder names), trying in order:
//   1. IDX pairs <p>-images-idx3-ubyte[.gz] + <p>-labels-idx1-ubyte[.gz], p = split; for "test"
//      MNIST's "t10k" is tried first. A lone images or labels file is an error naming the other.
//   2. CIFAR-10 binaries in path or path/cifar-10-batches-bin: data_batch_*.bin (train, ordered
//      by batch number) or test_batch.bin (test), with batches.meta.txt when present.
//   3. An image folder: path/<split> if it is a directory, else path itself for split "train".
// Nothing found throws Error(kIo) listing everything looked for.
ImageSet read_image_dataset(const std::filesystem::path& path, std::string_view split = "train");

// PNG bytes of one C x H x W image (channels 1..4: grey, grey+alpha, RGB, RGBA), via
// stb_image_write. Throws kInvalidArgument when chw.size() != channels * height * width or a
// dimension is out of range.
std::string encode_png(std::span<const std::uint8_t> chw, int channels, int height, int width);

}  // namespace secnlp::corpora
