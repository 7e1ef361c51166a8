#include "common/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace secnlp {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

}  // namespace

std::string read_file_bytes(const std::filesystem::path& path, ErrorCode missing_code,
                            std::string_view what) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    throw Error(missing_code, std::string(what) + " not found", path.string());
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw Error(missing_code, std::string(what) + " is not a regular file", path.string());
  }
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    throw Error(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), path.string());
  }
  std::string bytes;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) bytes.resize(static_cast<std::size_t>(size));
  const std::size_t got = bytes.empty() ? 0 : std::fread(bytes.data(), 1, bytes.size(), file.get());
  bytes.resize(got);
  // The file may have grown since file_size(), or be a special file that reports size 0.
  char chunk[65536];
  while (true) {
    const std::size_t n = std::fread(chunk, 1, sizeof chunk, file.get());
    bytes.append(chunk, n);
    if (n < sizeof chunk) break;
  }
  if (std::ferror(file.get())) throw Error(ErrorCode::kIo, "read error", path.string());
  return bytes;
}

}  // namespace secnlp
