#include "nlp/tagging/ner_features.h"

#include "common/hash.h"

namespace secnlp::nlp {
namespace {

// One seed per feature template, so equal values of different templates hash apart.
enum Template : std::uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kPrefix,
  kSuffix,
  kFlags,
  kPrev1,
  kPrev2,
  kNext1,
  kNext2,
  kPrevShape,
  kNextShape,
  kPrevBigram,
  kNextBigram,
  kShapeTrigram,
  kPosition,
  kPrevSuffix,
  kNextSuffix,
  kLength,
  kPrev3,
  kNext3,
  kPrevWord,
  kNextWord,
  kLowerFlags,
};

std::uint64_t seed_of(Template t) {
  return 0xcbf29ce484222325ULL ^ (t * 0x9E3779B97F4A7C15ULL);
}

std::uint64_t feature(Template t, std::string_view value) {
  return fnv1a64(value, seed_of(t));
}

std::uint64_t feature2(Template t, std::string_view a, std::string_view b) {
  return fnv1a64(b, fnv1a64(a, seed_of(t)) ^ 0x5bd1e995ULL);
}

std::uint64_t feature3(Template t, std::string_view a, std::string_view b, std::string_view c) {
  return fnv1a64(c, fnv1a64(b, fnv1a64(a, seed_of(t)) ^ 0x5bd1e995ULL) ^ 0x5bd1e995ULL);
}

char shape_class(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

// Capitalisation and character-class pattern of a token, as one small string.
std::string flags_of(std::string_view t) {
  bool upper = false, lower = false, digit = false, alpha = false, other = false, hyphen = false;
  for (char c : t) {
    if (c >= 'A' && c <= 'Z') {
      upper = alpha = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = alpha = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      other = true;
      if (c == '-') hyphen = true;
    }
  }
  std::string f;
  if (alpha && upper && !lower) f += "allcaps,";
  if (!t.empty() && t[0] >= 'A' && t[0] <= 'Z' && lower) f += "title,";
  if (upper && lower && !(t[0] >= 'A' && t[0] <= 'Z')) f += "mixed,";
  if (digit && !alpha && !other) f += "number,";
  if (digit && alpha) f += "alnum,";
  if (hyphen) f += "hyphen,";
  if (!alpha && !digit) f += "punct,";
  if (t.size() == 1 && upper) f += "initial,";
  if (t.size() == 2 && upper && t[1] == '.') f += "initial.,";
  return f;
}

}  // namespace

void shape_into(std::string_view token, std::string& out);

std::string word_shape(std::string_view token) {
  std::string out;
  shape_into(token, out);
  return out;
}

void shape_into(std::string_view token, std::string& out) {
  out.clear();
  char last = 0;
  int run = 0;
  for (char c : token) {
    const char s = shape_class(c);
    if (s == last) {
      if (++run > 2 && (s == 'X' || s == 'x' || s == 'd' || s == 'u')) continue;
    } else {
      run = 1;
      last = s;
    }
    out += s;
  }
}

void ner_features(const std::vector<std::string_view>& tokens, std::vector<std::uint64_t>& hashes,
                  std::vector<std::uint32_t>& offsets) {
  hashes.clear();
  offsets.clear();
  const std::size_t n = tokens.size();
  thread_local std::vector<std::string> lower, shape;  // reused: few allocations per call
  if (lower.size() < n) {
    lower.resize(n);
    shape.resize(n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    lower[i].assign(tokens[i]);
    for (char& c : lower[i])
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    shape_into(tokens[i], shape[i]);
  }
  static const std::string kBos = "<s>", kEos = "</s>";
  auto low = [&](std::ptrdiff_t j) -> const std::string& {
    if (j < 0) return kBos;
    if (j >= static_cast<std::ptrdiff_t>(n)) return kEos;
    return lower[static_cast<std::size_t>(j)];
  };
  auto shp = [&](std::ptrdiff_t j) -> const std::string& {
    if (j < 0) return kBos;
    if (j >= static_cast<std::ptrdiff_t>(n)) return kEos;
    return shape[static_cast<std::size_t>(j)];
  };
  auto suffix3 = [](const std::string& s) {
    return std::string_view(s).substr(s.size() > 3 ? s.size() - 3 : 0);
  };
  for (std::size_t i = 0; i < n; ++i) {
    offsets.push_back(static_cast<std::uint32_t>(hashes.size()));
    const auto k = static_cast<std::ptrdiff_t>(i);
    const std::string& l = lower[i];
    hashes.push_back(seed_of(kBias));
    hashes.push_back(feature(kWord, tokens[i]));
    hashes.push_back(feature(kLower, l));
    hashes.push_back(feature(kShape, shape[i]));
    for (std::size_t p = 1; p <= 4 && p <= l.size(); ++p) {
      hashes.push_back(feature2(kPrefix, std::string_view(&"1234"[p - 1], 1), l.substr(0, p)));
      hashes.push_back(
          feature2(kSuffix, std::string_view(&"1234"[p - 1], 1), l.substr(l.size() - p)));
    }
    hashes.push_back(feature(kFlags, flags_of(tokens[i])));
    const std::size_t len = tokens[i].size();
    hashes.push_back(feature(kLength, len < 2 ? "1" : len < 4 ? "3" : len < 8 ? "7" : "8+"));
    hashes.push_back(feature(kPrev1, low(k - 1)));
    hashes.push_back(feature(kPrev2, low(k - 2)));
    hashes.push_back(feature(kNext1, low(k + 1)));
    hashes.push_back(feature(kNext2, low(k + 2)));
    hashes.push_back(feature(kPrevShape, shp(k - 1)));
    hashes.push_back(feature(kNextShape, shp(k + 1)));
    hashes.push_back(feature2(kPrevBigram, low(k - 1), l));
    hashes.push_back(feature2(kNextBigram, l, low(k + 1)));
    hashes.push_back(feature3(kShapeTrigram, shp(k - 1), shape[i], shp(k + 1)));
    hashes.push_back(feature(kPrevSuffix, suffix3(low(k - 1))));
    hashes.push_back(feature(kNextSuffix, suffix3(low(k + 1))));
    hashes.push_back(feature(kPrev3, low(k - 3)));
    hashes.push_back(feature(kNext3, low(k + 3)));
    hashes.push_back(feature(kPrevWord, k > 0 ? tokens[i - 1] : std::string_view("<s>")));
    hashes.push_back(feature(kNextWord, i + 1 < n ? tokens[i + 1] : std::string_view("</s>")));
    hashes.push_back(feature(kPosition, i == 0 ? "first" : i + 1 == n ? "last" : "mid"));
  }
  offsets.push_back(static_cast<std::uint32_t>(hashes.size()));
  for (auto& h : hashes)  // 0 marks an empty slot in the model's feature table
    if (h == 0) h = 1;
}

}  // namespace secnlp::nlp
