// Folders of images, one sub-folder per class (the torchvision ImageFolder layout), decoded with
// stb_image (Debian's libstb holds the implementation).

#include <stb_image.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "corpora/images/image_set.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;

struct StbFree {
  void operator()(stbi_uc* p) const noexcept { stbi_image_free(p); }
};

bool is_image_name(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

std::string_view failure_reason() {
  const char* reason = stbi_failure_reason();
  return reason ? reason : "unknown reason";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// Entries of `dir` accepted by `keep`, sorted by name.
template <typename Keep>
std::vector<fs::path> sorted_entries(const fs::path& dir, Keep keep) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!is_hidden(it->path()) && keep(*it)) out.push_back(it->path());
  }
  if (ec) throw Error(ErrorCode::kIo, "cannot list folder: " + ec.message(), dir.string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// Decodes `file` and appends it to `set` (channels 0: from this image), checking its size
// against the images already there.
static void append_image(ImageSet& set, const fs::path& file) {
  const std::string bytes = read_file_bytes(file, ErrorCode::kIo, "image");
  if (bytes.size() > INT_MAX) {
    throw Error(ErrorCode::kLimit, "image file over 2 GiB", file.string());
  }
  int w = 0, h = 0, comp = 0;
  if (set.channels == 0) {
    if (!stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                               static_cast<int>(bytes.size()), &w, &h, &comp)) {
      throw Error(ErrorCode::kParse, fmt::format("cannot decode image: {}", failure_reason()),
                  file.string());
    }
    set.channels = comp <= 2 ? 1 : 3;
  }
  std::unique_ptr<stbi_uc, StbFree> decoded(
      stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                            static_cast<int>(bytes.size()), &w, &h, &comp, set.channels));
  if (!decoded) {
    throw Error(ErrorCode::kParse, fmt::format("cannot decode image: {}", failure_reason()),
                file.string());
  }
  if (set.count == 0) {
    set.height = h;
    set.width = w;
  } else if (h != set.height || w != set.width) {
    throw Error(ErrorCode::kParse,
                fmt::format("image is {}x{} (WxH) but the first image is {}x{}", w, h, set.width,
                            set.height),
                file.string());
  }
  const std::size_t plane = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
  const std::size_t size = plane * static_cast<std::size_t>(set.channels);
  if (set.pixels.size() + size > kMaxImageSetBytes) {
    throw Error(ErrorCode::kLimit, "image folder exceeds the 4 GiB limit", file.string());
  }
  // stb returns interleaved H x W x C; store C x H x W.
  const std::size_t base = set.pixels.size();
  set.pixels.resize(base + size);
  const stbi_uc* src = decoded.get();
  for (std::size_t p = 0; p < plane; ++p) {
    for (int c = 0; c < set.channels; ++c) {
      set.pixels[base + static_cast<std::size_t>(c) * plane + p] = *src++;
    }
  }
}

ImageSet read_image_folder(const fs::path& root, int channels) {
  if (channels != 0 && channels != 1 && channels != 3) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("channels must be 0, 1 or 3, not {}", channels), root.string());
  }
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw Error(ErrorCode::kIo, "image folder not found", root.string());
  }
  const std::vector<fs::path> class_dirs = sorted_entries(root, [](const fs::directory_entry& e) {
    std::error_code dir_ec;
    return e.is_directory(dir_ec);
  });
  if (class_dirs.empty()) {
    throw Error(ErrorCode::kParse, "no class sub-folders (expected root/<class>/<image>)",
                root.string());
  }
  ImageSet set;
  set.channels = channels;
  for (std::size_t label = 0; label < class_dirs.size(); ++label) {
    const fs::path& dir = class_dirs[label];
    set.classes.push_back(dir.filename().string());
    const std::vector<fs::path> files = sorted_entries(dir, [](const fs::directory_entry& e) {
      std::error_code file_ec;
      return e.is_regular_file(file_ec) && is_image_name(e.path());
    });
    if (files.empty()) {
      throw Error(ErrorCode::kParse, "class folder has no .png/.jpg/.jpeg/.bmp images",
                  dir.string());
    }
    for (const fs::path& file : files) {
      append_image(set, file);
      set.labels.push_back(static_cast<int>(label));
      ++set.count;
    }
  }
  return set;
}

ImageSet read_image_files(std::span<const fs::path> files, int channels) {
  if (channels != 0 && channels != 1 && channels != 3)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("channels must be 0, 1 or 3, not {}", channels));
  ImageSet set;
  set.channels = channels;
  for (const auto& file : files) {
    append_image(set, file);
    set.labels.push_back(0);
    ++set.count;
  }
  return set;
}

}  // namespace secnlp::corpora
