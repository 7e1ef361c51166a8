#include "corpora/lexicons/cmudict.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/utf8.h"

namespace secnlp::corpora {
namespace {

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// FNV-1a over the (already lower-cased) bytes, high bits folded into the low ones (the table
// index) and kept apart as the tag.
std::uint64_t hash_word(std::string_view word) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

}  // namespace

std::size_t PronouncingDictionary::slot(std::string_view lower_word, std::uint32_t& tag) const {
  const std::uint64_t h = hash_word(lower_word);
  tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = table_.size() - 1;
  std::size_t i = static_cast<std::size_t>(h) & mask;
  for (;; i = (i + 1) & mask) {
    const Entry& e = table_[i];
    if (!e.used) return i;
    if (e.tag == tag && e.length == lower_word.size() &&
        std::string_view(words_.data() + e.offset, e.length) == lower_word)
      return i;
  }
}

PronouncingDictionary PronouncingDictionary::parse(std::string_view text, std::string_view source) {
  PronouncingDictionary dict;
  // At most one word per line; a power of two at or above lines / 0.7 keeps the table at most
  // 70% full. Lines are counted with memchr: std::count costs 7 instructions a byte here.
  std::size_t lines = 1;
  for (const char *p = text.data(), *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
    ++lines;
  std::size_t capacity = 16;
  while (capacity * 7 < lines * 10)
    capacity *= 2;
  dict.table_.resize(capacity);
  dict.words_.reserve(text.size() / 3);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line.starts_with(";;;")) continue;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    std::size_t i = 0;
    while (i < line.size() && is_blank(line[i]))
      ++i;
    std::size_t word_end = i;
    while (word_end < line.size() && !is_blank(line[word_end]))
      ++word_end;
    if (word_end == i) continue;  // blank line
    std::string_view word = line.substr(i, word_end - i);
    // "word(2)": an alternate pronunciation of "word".
    if (word.size() > 3 && word.back() == ')') {
      const std::size_t open = word.rfind('(');
      if (open != std::string_view::npos && open > 0) word = word.substr(0, open);
    }
    // Phones: each run of non-blank characters after the word; vowels start with A E I O U.
    int vowels = 0;
    int phones = 0;
    bool in_phone = false;
    for (std::size_t p = word_end; p < line.size(); ++p) {
      const char c = line[p];
      const bool blank = is_blank(c);
      if (!blank && !in_phone) {
        ++phones;
        const char u = static_cast<char>(c & ~0x20);
        vowels += u == 'A' || u == 'E' || u == 'I' || u == 'O' || u == 'U';
      }
      in_phone = !blank;
    }
    if (phones == 0) {
      throw Error(ErrorCode::kResource,
                  "line " + std::to_string(line_number) + ": word without phones",
                  std::string(source));
    }
    if (word.size() > UINT16_MAX) {
      throw Error(ErrorCode::kResource, "line " + std::to_string(line_number) + ": word too long",
                  std::string(source));
    }
    const std::size_t offset = dict.words_.size();
    dict.words_.append(word);
    for (std::size_t k = offset; k < dict.words_.size(); ++k)
      dict.words_[k] = ascii_lower(dict.words_[k]);
    std::uint32_t tag = 0;
    Entry& entry = dict.table_[dict.slot(std::string_view(dict.words_).substr(offset), tag)];
    // First pronunciation wins: an alternate never replaces an existing entry.
    if (entry.used) {
      dict.words_.resize(offset);
      continue;
    }
    entry = {static_cast<std::uint32_t>(offset), tag, static_cast<std::uint16_t>(word.size()),
             static_cast<std::uint8_t>(std::min(vowels, 255)), true};
    ++dict.size_;
  }
  if (dict.size_ == 0) {
    throw Error(ErrorCode::kResource, "no pronunciations found", std::string(source));
  }
  return dict;
}

std::optional<int> PronouncingDictionary::syllables(std::string_view word) const {
  constexpr std::size_t kBuffer = 64;
  if (word.empty() || table_.empty()) return std::nullopt;
  auto lookup = [&](std::string_view key) -> std::optional<int> {
    std::uint32_t tag = 0;
    const Entry& e = table_[slot(key, tag)];
    if (!e.used) return std::nullopt;
    return e.syllables;
  };
  if (word.size() > kBuffer) {
    std::string key(word);
    std::transform(key.begin(), key.end(), key.begin(), ascii_lower);
    return lookup(key);
  }
  char buffer[kBuffer];
  for (std::size_t i = 0; i < word.size(); ++i)
    buffer[i] = ascii_lower(word[i]);
  return lookup(std::string_view(buffer, word.size()));
}

std::shared_ptr<const PronouncingDictionary> load_cmudict(const std::filesystem::path& path,
                                                          std::string* content_hash) {
  const std::string bytes = read_file_bytes(path, ErrorCode::kResource, "pronouncing dictionary");
  if (content_hash) *content_hash = hex_digest(bytes);
  const std::string_view text = strip_utf8_bom(bytes);
  return std::make_shared<const PronouncingDictionary>(
      PronouncingDictionary::parse(text, path.string()));
}

}  // namespace secnlp::corpora
