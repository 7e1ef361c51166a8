#include "tests/support/word_tokens.h"

namespace secnlp::testing {

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (current.size() >= 2) out.push_back(current);
    current.clear();
  };
  for (unsigned char c : text) {
    const bool word = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                      (c >= 'A' && c <= 'Z') || c == '_';
    if (!word) {
      flush();
      continue;
    }
    current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  flush();
  return out;
}

std::vector<std::string> split_spaces(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace secnlp::testing
