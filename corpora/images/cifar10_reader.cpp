// CIFAR-10 binary batches (https://www.cs.toronto.edu/~kriz/cifar.html, "binary version").

#include <array>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "corpora/images/image_set.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;

constexpr int kSide = 32;
constexpr int kChannels = 3;
constexpr std::size_t kPixels = kChannels * kSide * kSide;  // 3072
constexpr std::size_t kRecord = 1 + kPixels;                // 3073
constexpr int kClasses = 10;

constexpr std::array<std::string_view, kClasses> kCifar10Names = {
    "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};

std::vector<std::string> read_meta(const fs::path& meta) {
  const std::string text = read_file_bytes(meta, ErrorCode::kIo, "CIFAR-10 meta file");
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
      line.remove_prefix(1);
    if (!line.empty()) names.emplace_back(line);
    start = end + 1;
  }
  if (names.size() != kClasses) {
    throw Error(ErrorCode::kParse,
                fmt::format("expected {} class names, found {}", kClasses, names.size()),
                meta.string());
  }
  return names;
}

}  // namespace

std::span<const std::string_view> cifar10_class_names() {
  return kCifar10Names;
}

ImageSet read_cifar10_binary(std::span<const fs::path> batch_files, const fs::path& meta) {
  if (batch_files.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "no CIFAR-10 batch files given");
  }
  // Check every size first so that a bad last file fails before the others are read.
  std::uint64_t records = 0;
  for (const fs::path& file : batch_files) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      throw Error(ErrorCode::kIo, "CIFAR-10 batch file not found", file.string());
    }
    const std::uint64_t size = fs::file_size(file, ec);
    if (ec) throw Error(ErrorCode::kIo, "cannot stat: " + ec.message(), file.string());
    if (size == 0 || size % kRecord != 0) {
      throw Error(ErrorCode::kParse,
                  fmt::format("truncated: {} bytes is not a positive multiple of the {}-byte "
                              "CIFAR-10 record",
                              size, kRecord),
                  file.string());
    }
    records += size / kRecord;
    if (records > kMaxImageSetBytes / kPixels) {
      throw Error(ErrorCode::kLimit, "CIFAR-10 batches exceed the 4 GiB limit", file.string());
    }
  }
  ImageSet set;
  set.channels = kChannels;
  set.height = kSide;
  set.width = kSide;
  set.pixels.reserve(static_cast<std::size_t>(records) * kPixels);
  set.labels.reserve(static_cast<std::size_t>(records));
  for (const fs::path& file : batch_files) {
    const std::string bytes = read_file_bytes(file, ErrorCode::kIo, "CIFAR-10 batch file");
    if (bytes.empty() || bytes.size() % kRecord != 0) {  // changed since the size check
      throw Error(ErrorCode::kParse,
                  fmt::format("truncated: {} bytes is not a positive multiple of {}", bytes.size(),
                              kRecord),
                  file.string());
    }
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    for (std::size_t r = 0; r < bytes.size() / kRecord; ++r) {
      const std::uint8_t* record = data + r * kRecord;
      if (record[0] >= kClasses) {
        throw Error(ErrorCode::kParse,
                    fmt::format("record {}: label {} is not below {}", r, record[0], kClasses),
                    file.string());
      }
      set.labels.push_back(record[0]);
      set.pixels.insert(set.pixels.end(), record + 1, record + kRecord);
    }
  }
  set.count = set.labels.size();
  if (meta.empty()) {
    set.classes.assign(kCifar10Names.begin(), kCifar10Names.end());
  } else {
    set.classes = read_meta(meta);
  }
  return set;
}

}  // namespace secnlp::corpora
