#include "common/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <system_error>

#include <fmt/format.h>

namespace secnlp {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

std::atomic<std::uint64_t> g_temp_sequence{0};

// The pid of a "<name>.tmp-<pid>-<n>" file name whose writer is dead, else 0.
long dead_temp_writer(const std::string& file) {
  const auto at = file.rfind(".tmp-");
  if (at == std::string::npos || at == 0) return 0;
  const char* p = file.c_str() + at + 5;
  char* end = nullptr;
  const long pid = std::strtol(p, &end, 10);
  if (end == p || *end != '-' || end[1] < '0' || end[1] > '9') return 0;
  for (const char* q = end + 1; *q != '\0'; ++q)
    if (*q < '0' || *q > '9') return 0;
  if (pid <= 0 || pid == static_cast<long>(::getpid())) return 0;
  return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH ? pid : 0;
}

// Removes "<name>.tmp-<pid>-..." files in `dir` left by processes that no longer exist.
void remove_stale_temps(const std::filesystem::path& dir, const std::string& name) {
  std::error_code ec;
  const std::string prefix = name + ".tmp-";
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (!file.starts_with(prefix)) continue;
    const long pid = std::atol(file.c_str() + prefix.size());
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

}  // namespace

std::string why_not_regular_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto link = fs::symlink_status(path, ec);
  if (ec || !fs::exists(link)) return "no such file";
  const auto target = fs::status(path, ec);
  if (fs::is_symlink(link)) {
    if (ec && ec.value() == ELOOP) return "symlink loop";
    if (ec || !fs::exists(target)) {
      std::error_code ignored;
      return fmt::format("dangling symlink (to {})", fs::read_symlink(path, ignored).string());
    }
  } else if (ec) {
    return "cannot stat: " + ec.message();
  }
  switch (target.type()) {
    case fs::file_type::regular:
      return {};
    case fs::file_type::directory:
      return "not a regular file: directory";
    case fs::file_type::fifo:
      return "not a regular file: FIFO";
    case fs::file_type::socket:
      return "not a regular file: socket";
    case fs::file_type::character:
      return "not a regular file: character device";
    case fs::file_type::block:
      return "not a regular file: block device";
    default:
      return "not a regular file";
  }
}

std::size_t remove_stale_temp_files(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::size_t removed = 0;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec)) continue;
    if (dead_temp_writer(it->path().filename().string()) == 0) continue;
    std::error_code ignored;
    if (fs::remove(it->path(), ignored)) ++removed;
  }
  return removed;
}

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

std::filesystem::path atomic_temp_path(const std::filesystem::path& dest) {
  const std::filesystem::path dir = dest.has_parent_path() ? dest.parent_path() : ".";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot create directory: " + ec.message(), dir.string());
  const std::string name = dest.filename().string();
  remove_stale_temps(dir, name);
  return dir / fmt::format("{}.tmp-{}-{}", name, ::getpid(), g_temp_sequence.fetch_add(1));
}

void fsync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void write_file_atomically(const std::filesystem::path& dest, std::string_view bytes) {
  const std::filesystem::path temp = atomic_temp_path(dest);
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr)
    throw Error(ErrorCode::kIo,
                std::string("cannot create temporary file: ") + std::strerror(errno),
                temp.string());
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size() &&
                       std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
  const bool closed = std::fclose(file) == 0;
  std::error_code ec;
  if (written && closed) std::filesystem::rename(temp, dest, ec);
  if (!written || !closed || ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw Error(ErrorCode::kIo, ec ? "cannot rename into place: " + ec.message() : "cannot write",
                dest.string());
  }
  fsync_directory(dest.has_parent_path() ? dest.parent_path() : ".");
}

}  // namespace secnlp
