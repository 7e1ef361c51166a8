// IDX (MNIST-style) image and label files, raw or gzipped, read as a stream so that a header is
// validated before its payload is allocated.

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "common/error.h"
#include "corpora/images/image_set.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kImagesMagic = 0x00000803;
constexpr std::uint32_t kLabelsMagic = 0x00000801;
// DEFLATE cannot expand input by more than about 1032:1; a header claiming more than this bound
// over the compressed size is refused before any allocation.
constexpr std::uint64_t kMaxDeflateRatio = 1032;
constexpr std::size_t kChunk = std::size_t{1} << 16;
constexpr std::size_t kGrowStep = std::size_t{16} << 20;

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

// Bytes of a file, transparently gunzipped when it starts with 1f 8b.
class ByteSource {
 public:
  explicit ByteSource(const fs::path& path) : path_(path.string()) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorCode::kIo, "file not found", path_);
    if (!fs::is_regular_file(status)) {
      throw Error(ErrorCode::kIo, "file is not a regular file", path_);
    }
    file_.reset(std::fopen(path.c_str(), "rb"));
    if (!file_)
      throw Error(ErrorCode::kIo, fmt::format("cannot open: {}", std::strerror(errno)), path_);
    file_size_ = fs::file_size(path, ec);
    if (ec) throw Error(ErrorCode::kIo, "cannot stat: " + ec.message(), path_);
    fill_input();
    gzipped_ = in_len_ >= 2 && in_[0] == 0x1f && in_[1] == 0x8b;
    if (gzipped_) {
      zs_ = std::make_unique<z_stream>();
      std::memset(zs_.get(), 0, sizeof(z_stream));
      if (inflateInit2(zs_.get(), 16 + MAX_WBITS) != Z_OK) {
        zs_.reset();
        throw Error(ErrorCode::kInternal, "inflateInit2 failed", path_);
      }
      zs_->next_in = in_.data();
      zs_->avail_in = static_cast<uInt>(in_len_);
    }
  }
  ~ByteSource() {
    if (zs_) inflateEnd(zs_.get());
  }
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  const std::string& path() const { return path_; }
  bool gzipped() const { return gzipped_; }
  std::uint64_t file_size() const { return file_size_; }
  // Upper bound on the total (decompressed) size of the stream.
  std::uint64_t max_total() const {
    return gzipped_ ? file_size_ * kMaxDeflateRatio + 1024 : file_size_;
  }

  // Reads up to n bytes into dst; fewer only at the end of the data.
  std::size_t read(std::uint8_t* dst, std::size_t n) {
    return gzipped_ ? read_gzip(dst, n) : read_raw(dst, n);
  }

 private:
  void fill_input() {
    in_pos_ = 0;
    in_len_ = std::fread(in_.data(), 1, in_.size(), file_.get());
    if (std::ferror(file_.get())) throw Error(ErrorCode::kIo, "read error", path_);
  }

  std::size_t read_raw(std::uint8_t* dst, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
      if (in_pos_ == in_len_) {
        fill_input();
        if (in_len_ == 0) break;
      }
      const std::size_t take = std::min(n - got, in_len_ - in_pos_);
      std::memcpy(dst + got, in_.data() + in_pos_, take);
      in_pos_ += take;
      got += take;
    }
    return got;
  }

  std::size_t read_gzip(std::uint8_t* dst, std::size_t n) {
    std::size_t got = 0;
    while (got < n && !at_end_) {
      if (zs_->avail_in == 0) {
        fill_input();
        zs_->next_in = in_.data();
        zs_->avail_in = static_cast<uInt>(in_len_);
      }
      const bool no_more_input = zs_->avail_in == 0;
      const std::size_t want = std::min<std::size_t>(n - got, UINT_MAX);
      zs_->next_out = dst + got;
      zs_->avail_out = static_cast<uInt>(want);
      const int rc = inflate(zs_.get(), Z_NO_FLUSH);
      got += want - zs_->avail_out;
      if (rc == Z_STREAM_END) {
        // Concatenated gzip members form one stream (RFC 1952); stop at the real end.
        if (zs_->avail_in == 0) {
          fill_input();
          zs_->next_in = in_.data();
          zs_->avail_in = static_cast<uInt>(in_len_);
        }
        if (zs_->avail_in == 0) {
          at_end_ = true;
        } else if (inflateReset(zs_.get()) != Z_OK) {
          throw Error(ErrorCode::kInternal, "inflateReset failed", path_);
        }
      } else if (rc == Z_BUF_ERROR && no_more_input) {
        throw Error(ErrorCode::kParse, "truncated gzip stream", path_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw Error(ErrorCode::kParse,
                    fmt::format("corrupt gzip data: {}", zs_->msg ? zs_->msg : "inflate failed"),
                    path_);
      }
    }
    return got;
  }

  std::string path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::uint64_t file_size_ = 0;
  std::array<std::uint8_t, kChunk> in_{};
  std::size_t in_pos_ = 0;
  std::size_t in_len_ = 0;
  bool gzipped_ = false;
  bool at_end_ = false;
  std::unique_ptr<z_stream> zs_;
};

std::uint32_t big_endian(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// Reads a header of `size` bytes and checks its magic.
void read_header(ByteSource& src, std::uint8_t* header, std::size_t size, std::uint32_t magic,
                 std::string_view what) {
  const std::size_t got = src.read(header, size);
  if (got >= 4 && big_endian(header) != magic) {
    throw Error(ErrorCode::kParse,
                fmt::format("bad magic 0x{:08x} (expected 0x{:08x} for IDX {})", big_endian(header),
                            magic, what),
                src.path());
  }
  if (got < size) {
    throw Error(
        ErrorCode::kParse,
        fmt::format("truncated: expected a {}-byte IDX {} header, found {} bytes", size, what, got),
        src.path());
  }
}

// Reads exactly `payload` bytes after a `header`-byte header into `out`, then checks that
// nothing follows. Raw files are checked against their size first; gzipped ones grow `out` as
// data arrives so that a lying header costs no more memory than the data really has.
void read_payload(ByteSource& src, std::uint64_t header, std::uint64_t payload,
                  std::vector<std::uint8_t>& out) {
  const std::uint64_t expected = header + payload;
  if (!src.gzipped() && src.file_size() != expected) {
    throw Error(ErrorCode::kParse,
                fmt::format("{}: expected {} bytes, found {}",
                            src.file_size() < expected ? "truncated" : "trailing data", expected,
                            src.file_size()),
                src.path());
  }
  if (expected > src.max_total()) {
    throw Error(ErrorCode::kParse,
                fmt::format("truncated: header claims {} bytes, more than a {}-byte gzip file "
                            "can hold",
                            expected, src.file_size()),
                src.path());
  }
  out.clear();
  std::size_t got = 0;
  const auto total = static_cast<std::size_t>(payload);
  while (got < total) {
    const std::size_t step = std::min(kGrowStep, total - got);
    out.resize(got + step);
    const std::size_t n = src.read(out.data() + got, step);
    got += n;
    if (n < step) {
      throw Error(ErrorCode::kParse,
                  fmt::format("truncated: expected {} bytes, found {}", expected, header + got),
                  src.path());
    }
  }
  std::uint8_t extra = 0;
  if (src.read(&extra, 1) != 0) {
    throw Error(ErrorCode::kParse,
                fmt::format("trailing data: expected {} bytes, found more", expected), src.path());
  }
}

}  // namespace

ImageSet read_idx(const fs::path& images, const fs::path& labels, int num_classes) {
  if (num_classes < 1 || num_classes > 256)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("IDX class count {} is not in 1..256", num_classes), labels.string());
  ImageSet set;
  {
    ByteSource src(images);
    std::array<std::uint8_t, 16> header{};
    read_header(src, header.data(), header.size(), kImagesMagic, "images");
    const std::uint32_t count = big_endian(header.data() + 4);
    const std::uint32_t rows = big_endian(header.data() + 8);
    const std::uint32_t cols = big_endian(header.data() + 12);
    if (rows == 0 || cols == 0) {
      throw Error(ErrorCode::kParse, fmt::format("bad image size {}x{}", rows, cols), src.path());
    }
    const std::uint64_t per_image = std::uint64_t{rows} * cols;
    if (per_image > kMaxImageSetBytes || count > kMaxImageSetBytes / per_image) {
      throw Error(
          ErrorCode::kLimit,
          fmt::format("header claims {} images of {}x{}, over the 4 GiB limit", count, rows, cols),
          src.path());
    }
    read_payload(src, header.size(), std::uint64_t{count} * per_image, set.pixels);
    set.count = count;
    set.channels = 1;
    set.height = static_cast<int>(rows);
    set.width = static_cast<int>(cols);
  }
  ByteSource src(labels);
  std::array<std::uint8_t, 8> header{};
  read_header(src, header.data(), header.size(), kLabelsMagic, "labels");
  const std::uint32_t count = big_endian(header.data() + 4);
  if (count != set.count) {
    throw Error(ErrorCode::kParse,
                fmt::format("{} images in {} but {} labels", set.count, images.string(), count),
                src.path());
  }
  std::vector<std::uint8_t> bytes;
  read_payload(src, header.size(), count, bytes);
  // Refused like CIFAR-10's: a stray label would otherwise silently add classes to the model.
  for (std::size_t r = 0; r < bytes.size(); ++r)
    if (bytes[r] >= num_classes)
      throw Error(ErrorCode::kParse,
                  fmt::format("record {}: label {} is not below {} (the class count)", r, bytes[r],
                              num_classes),
                  src.path());
  set.labels.assign(bytes.begin(), bytes.end());
  for (int k = 0; k < num_classes; ++k)
    set.classes.push_back(std::to_string(k));
  return set;
}

}  // namespace secnlp::corpora
