#include "corpora/resources/wordnet.h"

#include <algorithm>
#include <string_view>

#include "common/error.h"
#include "common/file_io.h"

namespace secnlp::corpora {

namespace {

struct PosFiles {
  const char* suffix;  // index.<suffix>, <suffix>.exc
  char tag;            // the pos field of index lines
};

constexpr std::array<PosFiles, 4> kPosFiles = {{
    {"noun", 'n'},
    {"verb", 'v'},
    {"adj", 'a'},
    {"adv", 'r'},
}};

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Calls fn(line) for each line of `bytes`, without the '\n'. Hand-written because it is the
// whole cost of loading: memchr over a buffer is several times faster than std::getline.
template <typename Fn>
void for_each_line(std::string_view bytes, Fn&& fn) {
  std::size_t line_no = 0;
  while (!bytes.empty()) {
    const std::size_t nl = bytes.find('\n');
    ++line_no;
    fn(bytes.substr(0, nl), line_no);
    if (nl == std::string_view::npos) break;
    bytes.remove_prefix(nl + 1);
  }
}

// Splits off the next whitespace-delimited token of `line` (Python's str.split()).
std::string_view next_token(std::string_view& line) noexcept {
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i]))
    ++i;
  std::size_t j = i;
  while (j < line.size() && !is_space(line[j]))
    ++j;
  const std::string_view token = line.substr(i, j - i);
  line.remove_prefix(j);
  return token;
}

void load_index(const std::filesystem::path& file, char tag, WordNetPosTables& tables) {
  const std::string bytes = read_file_bytes(file, ErrorCode::kResource, "resource file");
  tables.lemmas.reserve(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')),
                        bytes.size() / 8);
  for_each_line(std::string_view(bytes), [&](std::string_view line, std::size_t line_no) {
    if (line.empty() || line.front() == ' ') return;  // licence header
    const std::string_view lemma = next_token(line);
    const std::string_view pos = next_token(line);
    if (lemma.empty()) return;  // a blank line
    if (pos.size() != 1 || pos.front() != tag) {
      throw Error(ErrorCode::kResource,
                  "line " + std::to_string(line_no) + ": expected part of speech '" +
                      std::string(1, tag) + "' after the lemma",
                  file.string());
    }
    tables.max_lemma_length = std::max(tables.max_lemma_length, lemma.size());
    tables.lemmas.insert(lemma);
  });
}

void load_exceptions(const std::filesystem::path& file, WordNetPosTables& tables) {
  const std::string bytes = read_file_bytes(file, ErrorCode::kResource, "resource file");
  tables.exceptions.reserve(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')));
  for_each_line(std::string_view(bytes), [&](std::string_view line, std::size_t) {
    const std::string_view form = next_token(line);
    if (form.empty()) return;
    std::vector<std::string> bases;
    for (std::string_view base = next_token(line); !base.empty(); base = next_token(line)) {
      bases.emplace_back(base);
    }
    // Assignment, not emplace: a repeated form keeps its last line, like NLTK's dict.
    tables.exceptions[std::string(form)] = std::move(bases);
  });
}

}  // namespace

std::shared_ptr<const WordNetData> load_wordnet(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw Error(ErrorCode::kResource,
                "WordNet directory not found (install wordnet-base or pass the directory that "
                "holds index.noun)",
                dir.string());
  }
  auto data = std::make_shared<WordNetData>();
  data->dir = dir;
  for (std::size_t i = 0; i < kPosFiles.size(); ++i) {
    const PosFiles& files = kPosFiles[i];
    load_index(dir / (std::string("index.") + files.suffix), files.tag, data->by_pos[i]);
    load_exceptions(dir / (std::string(files.suffix) + ".exc"), data->by_pos[i]);
  }
  return data;
}

}  // namespace secnlp::corpora
