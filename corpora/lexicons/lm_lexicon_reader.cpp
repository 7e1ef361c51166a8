#include "corpora/lexicons/lm_lexicon_reader.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/file_io.h"
#include "common/utf8.h"

namespace secnlp::corpora {
namespace {

using nlp::LmCategory;

std::string lower_folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == ' ' || c == '-') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c);
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits one CSV line; fields may be double-quoted with "" escapes (LM words never need it).
std::vector<std::string> split_csv(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

// How a CSV column maps to categories.
enum class ColumnKind { kCategory, kModal, kSentimentScore };
struct Column {
  std::size_t index;
  ColumnKind kind;
  LmCategory category;  // kCategory only
};

template <typename F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t pos = 0;
  std::size_t number = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    f(text.substr(pos, eol - pos), ++number);
    pos = eol + 1;
  }
}

}  // namespace

nlp::SentimentLexicon read_lm_master_dictionary(const std::filesystem::path& csv) {
  const std::string bytes = read_file_bytes(csv, ErrorCode::kResource, "LM master dictionary");
  const std::string_view text = strip_utf8_bom(bytes);
  nlp::SentimentLexicon lexicon;
  std::optional<std::size_t> word_column;
  std::vector<Column> columns;
  bool header_seen = false;
  for_each_line(text, [&](std::string_view line, std::size_t number) {
    if (trim(line).empty()) return;
    const std::vector<std::string> fields = split_csv(line);
    if (!header_seen) {
      header_seen = true;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string name = lower_folded(trim(fields[i]));
        if (name == "word" || name == "token") {
          word_column = i;
        } else if (name == "modal") {
          columns.push_back({i, ColumnKind::kModal, LmCategory::kStrongModal});
        } else if (name == "sentimentscore") {
          columns.push_back({i, ColumnKind::kSentimentScore, LmCategory::kNegative});
        } else if (auto category = nlp::parse_lm_category(name)) {
          columns.push_back({i, ColumnKind::kCategory, *category});
        }
      }
      if (!word_column) {
        throw Error(ErrorCode::kParse, "no Word column in the header row", csv.string());
      }
      if (columns.empty()) {
        throw Error(ErrorCode::kParse,
                    "no Loughran-McDonald category column (Negative, Positive, ...) in the header",
                    csv.string());
      }
      return;
    }
    if (*word_column >= fields.size()) return;
    const std::string_view word = trim(fields[*word_column]);
    if (word.empty()) return;
    for (const Column& column : columns) {
      if (column.index >= fields.size()) continue;
      const std::string_view value = trim(fields[column.index]);
      if (value.empty()) continue;
      long long v = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || end != value.data() + value.size()) {
        throw Error(ErrorCode::kParse,
                    "line " + std::to_string(number) + ": category value '" + std::string(value) +
                        "' is not a number",
                    csv.string());
      }
      switch (column.kind) {
        case ColumnKind::kCategory:
          if (v > 0) lexicon.add(word, column.category);
          break;
        case ColumnKind::kModal:
          if (v == 1) lexicon.add(word, LmCategory::kStrongModal);
          if (v == 3) lexicon.add(word, LmCategory::kWeakModal);
          break;
        case ColumnKind::kSentimentScore:
          if (v > 0) lexicon.add(word, LmCategory::kPositive);
          if (v < 0) lexicon.add(word, LmCategory::kNegative);
          break;
      }
    }
  });
  if (!header_seen) throw Error(ErrorCode::kParse, "empty CSV file", csv.string());
  return lexicon;
}

void read_lm_word_list(const std::filesystem::path& file, LmCategory category,
                       nlp::SentimentLexicon& lexicon) {
  const std::string bytes = read_file_bytes(file, ErrorCode::kResource, "LM word list");
  const std::string_view text = strip_utf8_bom(bytes);
  std::size_t words = 0;
  for_each_line(text, [&](std::string_view line, std::size_t) {
    line = trim(line);
    const std::size_t end = line.find_first_of(" \t,");
    const std::string_view word = line.substr(0, end);
    if (word.empty()) return;
    lexicon.add(word, category);
    ++words;
  });
  if (words == 0) throw Error(ErrorCode::kParse, "word list has no words", file.string());
}

std::optional<LmCategory> lm_category_from_file_name(const std::filesystem::path& file) {
  const std::string stem = file.stem().string();
  if (auto c = nlp::parse_lm_category(stem)) return c;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    if (stem[i] == '_' || stem[i] == '-' || stem[i] == ' ') {
      if (auto c = nlp::parse_lm_category(std::string_view(stem).substr(i + 1))) return c;
    }
  }
  return std::nullopt;
}

nlp::SentimentLexicon read_lm_word_lists(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    throw Error(ErrorCode::kResource, "LM word-list directory not found", directory.string());
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (!entry.is_regular_file()) continue;
    if (lower_folded(entry.path().extension().string()) != ".txt") continue;
    const std::string stem = lower_folded(entry.path().stem().string());
    if (stem == "documentation" || stem == "readme") continue;
    files.push_back(entry.path());
  }
  if (ec) throw Error(ErrorCode::kResource, "cannot list directory", directory.string());
  if (files.empty()) {
    throw Error(ErrorCode::kResource, "no *.txt word lists in directory", directory.string());
  }
  std::sort(files.begin(), files.end());
  nlp::SentimentLexicon lexicon;
  for (const auto& file : files) {
    const auto category = lm_category_from_file_name(file);
    if (!category) {
      throw Error(ErrorCode::kResource,
                  "word-list file name names no LM category (Negative, Positive, Uncertainty, "
                  "Litigious, StrongModal, WeakModal, Constraining)",
                  file.string());
    }
    read_lm_word_list(file, *category, lexicon);
  }
  return lexicon;
}

nlp::SentimentLexicon load_lm_lexicon(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return read_lm_word_lists(path);
  if (lower_folded(path.extension().string()) == ".csv") return read_lm_master_dictionary(path);
  const auto category = lm_category_from_file_name(path);
  if (!category) {
    if (!std::filesystem::exists(path, ec)) {
      throw Error(ErrorCode::kResource, "LM lexicon not found", path.string());
    }
    throw Error(ErrorCode::kResource, "file name names no LM category", path.string());
  }
  nlp::SentimentLexicon lexicon;
  read_lm_word_list(path, *category, lexicon);
  return lexicon;
}

}  // namespace secnlp::corpora
