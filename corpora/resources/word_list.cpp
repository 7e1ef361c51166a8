#include "corpora/resources/word_list.h"

#include "common/utf8.h"

#include <cstring>

#include "common/file_io.h"

namespace secnlp::corpora {

namespace {

bool is_blank(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::vector<std::string> parse_word_list(std::string_view bytes) {
  std::string decoded;
  if (!is_valid_utf8(bytes)) {
    decoded = latin1_to_utf8(bytes);
    bytes = decoded;
  } else if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  }
  std::vector<std::string> words;
  while (!bytes.empty()) {
    const std::size_t nl = bytes.find('\n');
    const std::string_view line = trim(bytes.substr(0, nl));
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    words.emplace_back(line);
  }
  return words;
}

std::vector<std::string> read_word_list(const std::filesystem::path& path) {
  return parse_word_list(read_file_bytes(path, ErrorCode::kResource, "resource file"));
}

}  // namespace secnlp::corpora
