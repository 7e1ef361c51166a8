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

// splitmix64's finalizer: a good 64-bit mix, so template seeds and value hashes combine
// without the collisions a plain xor would give (a bigram and its reverse differ).
std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t mix(Template t, std::uint64_t value) {
  return mix64(seed_of(t) ^ value);
}

std::uint64_t mix2(Template t, std::uint64_t a, std::uint64_t b) {
  return mix64(mix(t, a) ^ (b * 0x9E3779B97F4A7C15ULL));  // odd multiplier: b -> b*C is 1-1
}

char shape_class(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

// Capitalisation and character-class pattern of a token, as bits.
std::uint32_t flags_of(std::string_view t) {
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
  const bool initial_upper = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
  std::uint32_t f = 0;
  f |= (alpha && upper && !lower) ? 1u : 0u;          // all caps
  f |= (initial_upper && lower) ? 2u : 0u;            // title case
  f |= (upper && lower && !initial_upper) ? 4u : 0u;  // mixed
  f |= (digit && !alpha && !other) ? 8u : 0u;         // number
  f |= (digit && alpha) ? 16u : 0u;                   // alphanumeric
  f |= hyphen ? 32u : 0u;
  f |= (!alpha && !digit) ? 64u : 0u;                        // punctuation
  f |= (t.size() == 1 && upper) ? 128u : 0u;                 // initial
  f |= (t.size() == 2 && upper && t[1] == '.') ? 256u : 0u;  // initial with a period
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
  // Every string a feature uses is hashed once per token (word, lowercase, shape, last three
  // lowercase bytes); a feature is then a mix of its template and those hashes, so the ~30
  // features of a token cost a few multiplications instead of ~30 byte-wise string hashes.
  // Three sentinel slots each side stand for the neighbours beyond the sentence.
  constexpr std::size_t kPad = 3;
  thread_local std::string lower, shape;
  thread_local std::vector<std::uint64_t> hw, hl, hs, hsuf;
  hw.assign(n + 2 * kPad, 0);
  hl.assign(n + 2 * kPad, 0);
  hs.assign(n + 2 * kPad, 0);
  hsuf.assign(n + 2 * kPad, 0);
  const std::uint64_t bos = fnv1a64("<s>"), eos = fnv1a64("</s>");
  for (std::size_t j = 0; j < kPad; ++j) {
    hw[j] = hl[j] = hs[j] = hsuf[j] = bos;
    hw[kPad + n + j] = hl[kPad + n + j] = hs[kPad + n + j] = hsuf[kPad + n + j] = eos;
  }
  thread_local std::vector<std::uint64_t> prefix_hashes, suffix_hashes;
  prefix_hashes.assign(4 * n, 0);
  suffix_hashes.assign(4 * n, 0);
  thread_local std::vector<std::uint32_t> flags;
  flags.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view t = tokens[i];
    lower.assign(t);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    shape_into(t, shape);
    hw[kPad + i] = fnv1a64(t);
    hl[kPad + i] = fnv1a64(lower);
    hs[kPad + i] = fnv1a64(shape);
    hsuf[kPad + i] =
        fnv1a64(std::string_view(lower).substr(lower.size() > 3 ? lower.size() - 3 : 0));
    for (std::size_t p = 1; p <= 4; ++p) {
      if (p > lower.size()) break;
      prefix_hashes[4 * i + p - 1] = fnv1a64(std::string_view(lower).substr(0, p));
      suffix_hashes[4 * i + p - 1] = fnv1a64(std::string_view(lower).substr(lower.size() - p));
    }
    flags[i] = flags_of(t);
  }
  for (std::size_t i = 0; i < n; ++i) {
    offsets.push_back(static_cast<std::uint32_t>(hashes.size()));
    const std::size_t k = kPad + i;  // index into the padded arrays
    const std::size_t len = tokens[i].size();
    hashes.push_back(seed_of(kBias));
    hashes.push_back(mix(kWord, hw[k]));
    hashes.push_back(mix(kLower, hl[k]));
    hashes.push_back(mix(kShape, hs[k]));
    for (std::size_t p = 1; p <= 4 && p <= len; ++p) {
      hashes.push_back(mix2(kPrefix, p, prefix_hashes[4 * i + p - 1]));
      hashes.push_back(mix2(kSuffix, p, suffix_hashes[4 * i + p - 1]));
    }
    hashes.push_back(mix(kFlags, flags[i]));
    hashes.push_back(mix(kLength, len < 2 ? 1 : len < 4 ? 3 : len < 8 ? 7 : 8));
    hashes.push_back(mix(kPrev1, hl[k - 1]));
    hashes.push_back(mix(kPrev2, hl[k - 2]));
    hashes.push_back(mix(kNext1, hl[k + 1]));
    hashes.push_back(mix(kNext2, hl[k + 2]));
    hashes.push_back(mix(kPrevShape, hs[k - 1]));
    hashes.push_back(mix(kNextShape, hs[k + 1]));
    hashes.push_back(mix2(kPrevBigram, hl[k - 1], hl[k]));
    hashes.push_back(mix2(kNextBigram, hl[k], hl[k + 1]));
    hashes.push_back(mix2(kShapeTrigram, mix2(kShapeTrigram, hs[k - 1], hs[k]), hs[k + 1]));
    hashes.push_back(mix(kPrevSuffix, hsuf[k - 1]));
    hashes.push_back(mix(kNextSuffix, hsuf[k + 1]));
    hashes.push_back(mix(kPrev3, hl[k - 3]));
    hashes.push_back(mix(kNext3, hl[k + 3]));
    hashes.push_back(mix(kPrevWord, hw[k - 1]));
    hashes.push_back(mix(kNextWord, hw[k + 1]));
    hashes.push_back(mix(kPosition, i == 0 ? 0 : i + 1 == n ? 2 : 1));
  }
  offsets.push_back(static_cast<std::uint32_t>(hashes.size()));
  for (auto& h : hashes)  // 0 marks an empty slot in the model's feature table
    if (h == 0) h = 1;
}

}  // namespace secnlp::nlp
