// ImageSet accessors, the dataset dispatcher and the PNG encoder.

#include "corpora/images/image_set.h"

#include <stb_image_write.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

// <dir>/<prefix>-<kind>-idx<n>-ubyte or the same with .gz, whichever exists.
std::optional<fs::path> find_idx(const fs::path& dir, const std::string& name,
                                 std::vector<std::string>& looked_for) {
  for (const std::string& candidate : {name, name + ".gz"}) {
    looked_for.push_back(candidate);
    if (is_file(dir / candidate)) return dir / candidate;
  }
  return std::nullopt;
}

// The batch number of data_batch_<n>.bin, or nullopt for other names.
std::optional<long> batch_number(const std::string& name) {
  constexpr std::string_view kPrefix = "data_batch_";
  constexpr std::string_view kSuffix = ".bin";
  if (name.size() <= kPrefix.size() + kSuffix.size() || !name.starts_with(kPrefix) ||
      !name.ends_with(kSuffix)) {
    return std::nullopt;
  }
  const std::string digits =
      name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  if (digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stol(digits);
}

std::vector<fs::path> cifar_train_batches(const fs::path& dir) {
  std::vector<std::pair<long, fs::path>> found;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (const auto n = batch_number(it->path().filename().string()); n && is_file(it->path())) {
      found.emplace_back(*n, it->path());
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<fs::path> out;
  for (auto& [n, path] : found)
    out.push_back(std::move(path));
  return out;
}

}  // namespace

std::span<const std::uint8_t> ImageSet::image(std::size_t i) const {
  if (i >= count) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("image index {} out of range (count {})", i, count));
  }
  const std::size_t size = image_size();
  return std::span<const std::uint8_t>(pixels).subspan(i * size, size);
}

ImageSet read_image_dataset(const fs::path& path, std::string_view split) {
  if (!is_dir(path)) throw Error(ErrorCode::kIo, "dataset folder not found", path.string());
  std::vector<std::string> looked_for;

  // 1. IDX pairs.
  std::vector<std::string> prefixes;
  if (split == "test") prefixes.emplace_back("t10k");
  prefixes.emplace_back(split);
  for (const std::string& prefix : prefixes) {
    const auto images = find_idx(path, prefix + "-images-idx3-ubyte", looked_for);
    const auto labels = find_idx(path, prefix + "-labels-idx1-ubyte", looked_for);
    if (images && labels) return read_idx(*images, *labels);
    if (images || labels) {
      const fs::path& have = images ? *images : *labels;
      throw Error(ErrorCode::kIo,
                  fmt::format("IDX {} file found but not its {} file ({}[.gz])",
                              images ? "images" : "labels", images ? "labels" : "images",
                              prefix + (images ? "-labels-idx1-ubyte" : "-images-idx3-ubyte")),
                  have.string());
    }
  }

  // 2. CIFAR-10 binaries.
  for (const fs::path& dir : {path, path / "cifar-10-batches-bin"}) {
    const fs::path meta = dir / "batches.meta.txt";
    const fs::path meta_or_none = is_file(meta) ? meta : fs::path();
    if (split == "train") {
      looked_for.push_back((dir == path ? "" : "cifar-10-batches-bin/") +
                           std::string("data_batch_*.bin"));
      const std::vector<fs::path> batches = cifar_train_batches(dir);
      if (!batches.empty()) return read_cifar10_binary(batches, meta_or_none);
    } else if (split == "test") {
      looked_for.push_back((dir == path ? "" : "cifar-10-batches-bin/") +
                           std::string("test_batch.bin"));
      if (is_file(dir / "test_batch.bin")) {
        const fs::path batch = dir / "test_batch.bin";
        return read_cifar10_binary(std::span<const fs::path>(&batch, 1), meta_or_none);
      }
    }
  }

  // 3. Image folders.
  const fs::path split_dir = path / fs::path(std::string(split));
  looked_for.push_back(std::string(split) + "/<class>/<image>");
  if (!split.empty() && is_dir(split_dir)) return read_image_folder(split_dir);
  if (split == "train" || split.empty()) {
    looked_for.emplace_back("<class>/<image>");
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.starts_with('.') && is_dir(it->path())) return read_image_folder(path);
    }
  }

  std::string list;
  for (const std::string& item : looked_for)
    list += (list.empty() ? "" : ", ") + item;
  throw Error(ErrorCode::kIo,
              fmt::format("no '{}' split of a known image dataset; looked for: {}", split, list),
              path.string());
}

std::string encode_png(std::span<const std::uint8_t> chw, int channels, int height, int width) {
  if (channels < 1 || channels > 4 || height < 1 || width < 1 || height > (1 << 24) ||
      width > (1 << 24) ||
      static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(channels) >
          static_cast<std::uint64_t>(INT_MAX)) {
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("cannot encode a {}x{}x{} (CxHxW) image as PNG", channels, height, width));
  }
  const std::size_t plane = static_cast<std::size_t>(height) * static_cast<std::size_t>(width);
  if (chw.size() != plane * static_cast<std::size_t>(channels)) {
    throw Error(ErrorCode::kInvalidArgument, fmt::format("{} pixel bytes for a {}x{}x{} image",
                                                         chw.size(), channels, height, width));
  }
  std::vector<std::uint8_t> hwc(chw.size());
  for (std::size_t p = 0; p < plane; ++p) {
    for (int c = 0; c < channels; ++c) {
      hwc[p * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
          chw[static_cast<std::size_t>(c) * plane + p];
    }
  }
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, width, height, channels, hwc.data(),
                              width * channels)) {
    throw Error(ErrorCode::kInternal, "stbi_write_png_to_func failed");
  }
  return png;
}

}  // namespace secnlp::corpora
