#pragma once
// Reading and writing the one-case-per-line fixtures made by tests/data/tokenize/*.py:
// escape(text) TAB tokens joined by single spaces. escape() writes '\' as "\\" and control
// characters as \xHH or \uHHHH (see make_treebank_fixture.py).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp::fixture {

struct FixtureCase {
  std::size_t line = 0;
  std::string text;
  std::vector<std::string> tokens;
};

inline void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
    } else if (s[i + 1] == '\\') {
      out.push_back('\\');
      ++i;
    } else if (s[i + 1] == 'x' && i + 3 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 2, 2)), nullptr, 16)));
      i += 3;
    } else if (s[i + 1] == 'u' && i + 5 < s.size()) {
      append_utf8(static_cast<char32_t>(std::stoi(std::string(s.substr(i + 2, 4)), nullptr, 16)),
                  out);
      i += 5;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

inline std::string escape(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
      out += "\\u0085";
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

inline std::vector<FixtureCase> parse_fixture(std::string_view content) {
  std::vector<FixtureCase> cases;
  std::size_t pos = 0;
  std::size_t line_no = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    const std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    FixtureCase c;
    c.line = line_no;
    c.text = unescape(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    while (!rest.empty()) {
      const std::size_t sp = rest.find(' ');
      c.tokens.emplace_back(rest.substr(0, sp));
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace secnlp::nlp::fixture
