#include "corpora/datasets/conll_columns_reader.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"

namespace secnlp::corpora {
namespace {

std::vector<std::string_view> split_columns(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t')
      ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool scheme_has_prefix(nlp::TagScheme scheme, char prefix) {
  switch (scheme) {
    case nlp::TagScheme::kIo:
      return prefix == 'I' || prefix == 'O';
    case nlp::TagScheme::kBio:
      return prefix == 'B' || prefix == 'I' || prefix == 'O';
    case nlp::TagScheme::kIobes:
      return true;
  }
  return false;
}

}  // namespace

std::size_t TaggedCorpus::tokens() const {
  std::size_t n = 0;
  for (const auto& s : sentences)
    n += s.tokens.size();
  return n;
}

TaggedCorpus parse_conll_columns(std::string_view text, std::string_view path_for_errors,
                                 const ConllColumnsOptions& options) {
  const std::string path(path_for_errors);
  auto fail = [&](std::size_t line, const std::string& why) {
    throw Error(ErrorCode::kParse, fmt::format("line {}: {}", line, why), path);
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  TaggedCorpus out;
  TaggedSentence current;
  std::set<std::string, std::less<>> types;
  std::vector<std::size_t> tag_lines;  // line of each tag, for the scheme check
  std::size_t document = 0;
  bool seen_docstart = false;
  auto flush = [&] {
    if (!current.tokens.empty()) out.sentences.push_back(std::move(current));
    current = TaggedSentence{};
  };
  std::size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto cols = split_columns(line);
    if (cols.empty()) {
      flush();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      flush();
      if (seen_docstart) ++document;
      seen_docstart = true;
      ++out.documents;
      continue;
    }
    const int n = static_cast<int>(cols.size());
    const int index = options.tag_column < 0 ? n + options.tag_column : options.tag_column;
    if (n < 2 || index <= 0 || index >= n)
      fail(line_no,
           fmt::format("{} column{} but the tag is in column {} (token first, tag after)", n,
                       n == 1 ? "" : "s",
                       options.tag_column < 0 ? fmt::format("{} from the end", -options.tag_column)
                                              : std::to_string(options.tag_column + 1)));
    const std::string_view tag = cols[static_cast<std::size_t>(index)];
    const nlp::ParsedTag parsed = nlp::parse_tag(tag);
    if (!parsed.valid)
      fail(line_no,
           fmt::format("'{}' is not an entity tag (O, or B-, I-, E-, S- and a type)", tag));
    if (options.scheme && !scheme_has_prefix(*options.scheme, parsed.prefix))
      fail(line_no, fmt::format("tag '{}' is not in the {} scheme", tag,
                                nlp::tag_scheme_name(*options.scheme)));
    if (parsed.prefix != 'O') types.emplace(parsed.type);
    if (current.tokens.empty()) {
      current.line = line_no;
      current.document = document;
    }
    current.tokens.emplace_back(cols[0]);
    current.tags.emplace_back(tag);
  }
  flush();
  if (out.sentences.empty()) throw Error(ErrorCode::kParse, "no tagged tokens", path);
  if (options.scheme) {
    out.scheme = *options.scheme;
  } else {
    std::vector<std::string> all;
    for (const auto& s : out.sentences)
      all.insert(all.end(), s.tags.begin(), s.tags.end());
    out.scheme = nlp::detect_tag_scheme(all);
  }
  out.types.assign(types.begin(), types.end());
  return out;
}

TaggedCorpus read_conll_columns(const std::filesystem::path& path,
                                const ConllColumnsOptions& options) {
  return parse_conll_columns(read_file_bytes(path), path.string(), options);
}

}  // namespace secnlp::corpora
