#include "tests/support/json_reader.h"

#include <stdexcept>

#include "common/utf8.h"

namespace secnlp::testing {
namespace {

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  Json parse() {
    Json j = value();
    ws();
    if (i_ != s_.size()) throw std::runtime_error("trailing JSON");
    return j;
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  unsigned hex4() {
    unsigned v = static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
    i_ += 4;
    return v;
  }
  std::string string() {
    ++i_;  // opening quote
    std::string out;
    while (s_.at(i_) != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      c = s_.at(i_++);
      switch (c) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          out.push_back(c);
      }
    }
    ++i_;
    return out;
  }
  Json value() {
    ws();
    const char c = s_.at(i_);
    if (c == '{') {
      ++i_;
      std::map<std::string, Json> m;
      ws();
      if (s_.at(i_) == '}') {
        ++i_;
        return Json{m};
      }
      for (;;) {
        ws();
        std::string key = string();
        ws();
        ++i_;  // ':'
        m.emplace(std::move(key), value());
        ws();
        if (s_.at(i_++) == '}') return Json{m};
      }
    }
    if (c == '[') {
      ++i_;
      std::vector<Json> a;
      ws();
      if (s_.at(i_) == ']') {
        ++i_;
        return Json{a};
      }
      for (;;) {
        a.push_back(value());
        ws();
        if (s_.at(i_++) == ']') return Json{a};
      }
    }
    if (c == '"') return Json{string()};
    if (s_.substr(i_, 4) == "true") return i_ += 4, Json{true};
    if (s_.substr(i_, 5) == "false") return i_ += 5, Json{false};
    if (s_.substr(i_, 4) == "null") return i_ += 4, Json{nullptr};
    std::size_t used = 0;
    const double d = std::stod(std::string(s_.substr(i_, 32)), &used);
    i_ += used;
    return Json{d};
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

Json parse_json(std::string_view text) {
  return JsonParser(text).parse();
}

}  // namespace secnlp::testing
