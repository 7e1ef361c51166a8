#include "corpora/lexicons/hyphenation.h"

#include <cstdlib>
#include <string>

#include <hyphen.h>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

constexpr std::size_t kMaxWordBytes = 1024;

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

struct Hyphenator::Impl {
  HyphenDict* dict = nullptr;
  ~Impl() {
    if (dict) hnj_hyphen_free(dict);
  }
};

Hyphenator::Hyphenator(const std::filesystem::path& path, int left_min, int right_min)
    : impl_(std::make_unique<Impl>()) {
  if (left_min < 1 || right_min < 1) {
    throw Error(ErrorCode::kInvalidArgument, "hyphenation minimums must be >= 1", path.string());
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw Error(ErrorCode::kResource, "hyphenation dictionary not found", path.string());
  }
  impl_->dict = hnj_hyphen_load(path.c_str());
  if (!impl_->dict) {
    throw Error(ErrorCode::kResource, "libhyphen cannot load hyphenation dictionary",
                path.string());
  }
  // hnj_hyphen_hyphenate2 applies these; setting them (rather than calling hyphenate3, which can
  // only raise them above the file's values) is what lets us match pyphen's 2/2.
  impl_->dict->lhmin = static_cast<char>(left_min);
  impl_->dict->rhmin = static_cast<char>(right_min);
}

Hyphenator::~Hyphenator() = default;

std::vector<std::size_t> Hyphenator::positions(std::string_view word) const {
  std::vector<std::size_t> out;
  if (word.empty() || word.size() > kMaxWordBytes || !valid_utf8(word)) return out;
  std::string lowered(word);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  const int size = static_cast<int>(lowered.size());
  std::string hyphens(lowered.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(impl_->dict, lowered.c_str(), size, hyphens.data(), nullptr, &rep, &pos,
                        &cut);
  // With a UTF-8 dictionary, hyphens[] is indexed by code point after the call.
  std::size_t code_points = 0;
  for (char c : lowered) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
  }
  if (!impl_->dict->utf8) code_points = lowered.size();
  for (std::size_t i = 0; i + 1 < code_points; ++i) {
    if (hyphens[i] & 1) out.push_back(i + 1);
  }
  if (rep) {
    for (int i = 0; i < size; ++i)
      std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

int Hyphenator::syllables(std::string_view word) const {
  if (word.empty()) return 0;
  return static_cast<int>(positions(word).size()) + 1;
}

std::shared_ptr<const Hyphenator> load_hyphenator(const std::filesystem::path& path) {
  return std::make_shared<const Hyphenator>(path);
}

}  // namespace secnlp::corpora
