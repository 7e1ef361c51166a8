#include "corpora/lexicons/cmudict.h"

#include <algorithm>
#include <string>

#include "common/error.h"
#include "common/file_io.h"
#include "common/utf8.h"

namespace secnlp::corpora {
namespace {

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// Vowel phones are the only ones starting with A, E, I, O or U in the CMU phone set
// (AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW); a stress digit may follow.
bool is_vowel_phone(std::string_view phone) {
  if (phone.empty()) return false;
  const char c = static_cast<char>(phone[0] & ~0x20);
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

}  // namespace

PronouncingDictionary PronouncingDictionary::parse(std::string_view text, std::string_view source) {
  PronouncingDictionary dict;
  dict.syllables_.reserve(text.size() / 24);
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
    int vowels = 0;
    int phones = 0;
    std::size_t p = word_end;
    while (p < line.size()) {
      while (p < line.size() && is_blank(line[p]))
        ++p;
      const std::size_t start = p;
      while (p < line.size() && !is_blank(line[p]))
        ++p;
      if (p == start) break;
      ++phones;
      if (is_vowel_phone(line.substr(start, p - start))) ++vowels;
    }
    if (phones == 0) {
      throw Error(ErrorCode::kResource,
                  "line " + std::to_string(line_number) + ": word without phones",
                  std::string(source));
    }
    std::string key(word);
    std::transform(key.begin(), key.end(), key.begin(), ascii_lower);
    // First pronunciation wins: an alternate never replaces an existing entry.
    dict.syllables_.try_emplace(std::move(key), static_cast<std::uint8_t>(std::min(vowels, 255)));
  }
  if (dict.syllables_.empty()) {
    throw Error(ErrorCode::kResource, "no pronunciations found", std::string(source));
  }
  return dict;
}

std::optional<int> PronouncingDictionary::syllables(std::string_view word) const {
  constexpr std::size_t kBuffer = 64;
  if (word.empty()) return std::nullopt;
  auto lookup = [&](std::string_view key) -> std::optional<int> {
    auto it = syllables_.find(key);
    if (it == syllables_.end()) return std::nullopt;
    return it->second;
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

std::shared_ptr<const PronouncingDictionary> load_cmudict(const std::filesystem::path& path) {
  const std::string bytes = read_file_bytes(path, ErrorCode::kResource, "pronouncing dictionary");
  const std::string_view text = strip_utf8_bom(bytes);
  return std::make_shared<const PronouncingDictionary>(
      PronouncingDictionary::parse(text, path.string()));
}

}  // namespace secnlp::corpora
