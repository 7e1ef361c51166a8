#pragma once
// Plain word lists: stop lists (NLTK, SMART, Lemur, Loughran-McDonald generic), user lists.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

// Reads a word list: one entry per line, in file order, duplicates kept.
//  - Leading/trailing ASCII whitespace (space, \t, \r, \v, \f) is trimmed, so CRLF files work.
//  - Blank lines, and lines whose first non-blank character is '#', are skipped. A '#' elsewhere
//    is part of the entry.
//  - A leading UTF-8 byte-order mark is dropped.
//  - Encoding: UTF-8 when the whole file is valid UTF-8; otherwise every byte is taken as
//    Latin-1 (ISO 8859-1) and re-encoded as UTF-8, so the result is always valid UTF-8.
//  - Case is kept as in the file (the LM lists are upper case; lowercase them if needed).
// Throws Error(kResource, ..., path) when the file is missing, Error(kIo, ..., path) when it
// cannot be read. Cost: one read of the file and one pass over it.
std::vector<std::string> read_word_list(const std::filesystem::path& path);

// The parsing half of read_word_list, for bytes already in memory.
std::vector<std::string> parse_word_list(std::string_view bytes);

// Re-encodes Latin-1 bytes as UTF-8 (every byte >= 0x80 becomes two bytes).
std::string latin1_to_utf8(std::string_view bytes);

}  // namespace secnlp::corpora
