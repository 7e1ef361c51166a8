#pragma once
// Helpers shared by the libFuzzer targets (tests/fuzz/*.cpp, built with SECNLP_FUZZ=ON).
//
// Every target catches secnlp::Error only: that is the documented refusal of bad input. Any other
// exception (std::bad_alloc from an unchecked size, a library's own exception type leaking out),
// a sanitizer report or a hang is a finding.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>

namespace secnlp::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits the input at its first occurrence of `sep` (the separator itself dropped); without it,
// everything is `first` and `second` is empty. Lets one input carry two files.
inline std::pair<std::string_view, std::string_view> split_once(std::string_view in,
                                                                std::string_view sep) {
  const auto at = in.find(sep);
  if (at == std::string_view::npos) return {in, {}};
  return {in.substr(0, at), in.substr(at + sep.size())};
}

// A scratch folder for the readers that only read files: $TMPDIR/secnlp-fuzz-<pid>/, removed at
// exit. Files are rewritten for each input.
class Scratch {
 public:
  Scratch() {
    std::error_code ec;
    dir_ = std::filesystem::temp_directory_path(ec) /
           ("secnlp-fuzz-" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::create_directories(dir_, ec);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  // Writes `bytes` to <dir>/<name> and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    const auto path = dir_ / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

inline Scratch& scratch() {
  static Scratch s;
  return s;
}

}  // namespace secnlp::fuzz
