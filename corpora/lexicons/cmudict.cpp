#include "corpora/lexicons/cmudict.h"

#include <algorithm>
#include <array>
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

void PronouncingDictionary::grow() {
  std::vector<Entry> old(table_.size() * 2);
  old.swap(table_);
  for (const Entry& e : old) {
    if (!e.used) continue;
    std::uint32_t tag = 0;
    table_[slot(std::string_view(words_.data() + e.offset, e.length), tag)] = e;
  }
}

// Byte classes of the parser: one table lookup a byte instead of four comparisons.
enum : unsigned char { kPlain = 0, kBlank = 1, kComment = 2, kEnd = 3 };
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  t[' '] = t['\t'] = t['\r'] = kBlank;
  t['#'] = kComment;
  t['\n'] = kEnd;
  return t;
}();

// One pass over the bytes with pointers and a byte-class table, each line ended by its '\n' (the
// last one is parsed from a copy that has one): about 20 instructions a byte less than the
// line-by-line string_view version (92 -> ~60 M instructions for Debian's copy, which every
// `process` loads at start, issue 17).
PronouncingDictionary PronouncingDictionary::parse(std::string_view text, std::string_view source) {
  PronouncingDictionary dict;
  // The table starts at a power of two for about one entry per 24 bytes (CMUdict's lines average
  // 24) at most 70% full, and doubles whenever it would pass 70%.
  std::size_t capacity = 16;
  while (capacity * 7 < (text.size() / 24 + 1) * 10)
    capacity *= 2;
  dict.table_.resize(capacity);
  dict.words_.reserve(text.size() / 3);
  std::size_t line_number = 0;
  auto cls = [](const char* q) { return kByteClass[static_cast<unsigned char>(*q)]; };
  // Parses the lines of [p, end), each ended by '\n'.
  auto parse_lines = [&](const char* p, const char* const end) {
    while (p < end) {
      ++line_number;
      const char* q = p;
      if (q[0] == ';' && q[1] == ';' && q[2] == ';') {  // a line holds at least its '\n'
        p = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end - q))) + 1;
        continue;
      }
      while (cls(q) == kBlank)
        ++q;
      const char* const word_begin = q;
      while (cls(q) == kPlain)
        ++q;
      std::string_view word(word_begin, static_cast<std::size_t>(q - word_begin));
      // Phones: each run of plain bytes after the word; vowels start with A E I O U. A '#'
      // starts a comment that runs to the end of the line.
      int vowels = 0;
      int phones = 0;
      for (;;) {
        const unsigned char c = cls(q);
        if (c == kBlank) {
          ++q;
        } else if (c == kPlain) {
          ++phones;
          const char u = static_cast<char>(*q & ~0x20);
          vowels += u == 'A' || u == 'E' || u == 'I' || u == 'O' || u == 'U';
          while (cls(++q) == kPlain) {
          }
        } else {
          break;
        }
      }
      if (*q != '\n')
        q = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end - q)));
      p = q + 1;
      if (word.empty()) continue;  // blank or comment line
      // "word(2)": an alternate pronunciation of "word".
      if (word.size() > 3 && word.back() == ')') {
        const std::size_t open = word.rfind('(');
        if (open != std::string_view::npos && open > 0) word = word.substr(0, open);
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
      if ((dict.size_ + 1) * 10 > dict.table_.size() * 7) dict.grow();
      const std::size_t offset = dict.words_.size();
      dict.words_.append(word);
      char* lower = dict.words_.data() + offset;
      for (std::size_t k = 0; k < word.size(); ++k)
        lower[k] = ascii_lower(lower[k]);
      std::uint32_t tag = 0;
      Entry& entry = dict.table_[dict.slot(std::string_view(lower, word.size()), tag)];
      // First pronunciation wins: an alternate never replaces an existing entry.
      if (entry.used) {
        dict.words_.resize(offset);
        continue;
      }
      entry = {static_cast<std::uint32_t>(offset), tag, static_cast<std::uint16_t>(word.size()),
               static_cast<std::uint8_t>(std::min(vowels, 255)), true};
      ++dict.size_;
    }
  };
  // Whole lines in place; the last, unended one (if any) from a copy with its '\n'.
  const std::size_t last = text.rfind('\n');
  const std::size_t whole = last == std::string_view::npos ? 0 : last + 1;
  parse_lines(text.data(), text.data() + whole);
  if (whole < text.size()) {
    const std::string tail = std::string(text.substr(whole)) + '\n';
    parse_lines(tail.data(), tail.data() + tail.size());
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
