#include "corpora/datasets/conllu_reader.h"

#include <charconv>

#include <fmt/format.h>

#include "common/ascii.h"
#include "common/error.h"
#include "common/file_io.h"

namespace secnlp::corpora {
namespace {

[[noreturn]] void fail(const std::string& source, std::size_t line, std::string_view why) {
  throw Error(ErrorCode::kParse, fmt::format("line {}: {}", line, why), source);
}

// Splits `line` at tabs into exactly `n` fields; false when the count differs.
bool split_fields(std::string_view line, std::string_view* fields, std::size_t n,
                  std::size_t& count) {
  count = 0;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    if (count < n) fields[count] = line.substr(start, tab - start);
    ++count;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return count == n;
}

bool parse_id(std::string_view text, std::size_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

TagColumn parse_tag_column(std::string_view name) {
  if (ascii::iequals(name, "upos")) return TagColumn::kUpos;
  if (ascii::iequals(name, "xpos")) return TagColumn::kXpos;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown tag set '{}' (expected upos or xpos)", name));
}

std::string_view tag_column_name(TagColumn column) {
  return column == TagColumn::kUpos ? "upos" : "xpos";
}

std::vector<ConlluSentence> parse_conllu(std::string_view text, const std::string& source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<ConlluSentence> out;
  ConlluSentence current;
  bool open = false;  // a sentence has begun (comment or word seen)
  auto finish = [&](std::size_t line_no) {
    if (open && current.words.empty()) fail(source, line_no, "sentence has comments but no words");
    if (!current.words.empty()) out.push_back(std::move(current));
    current = ConlluSentence{};
    open = false;
  };
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (ascii::trim(line).empty()) {
      finish(line_no);
      continue;
    }
    if (line.front() == '#') {
      if (!current.words.empty()) fail(source, line_no, "comment inside a sentence");
      open = true;
      std::string_view c = ascii::trim(line.substr(1));
      if (c.starts_with("sent_id")) {
        c.remove_prefix(7);
        c = ascii::trim(c);
        if (c.starts_with('=')) current.id = std::string(ascii::trim(c.substr(1)));
      }
      continue;
    }
    std::string_view f[10];
    std::size_t count = 0;
    if (!split_fields(line, f, 10, count))
      fail(source, line_no, fmt::format("{} tab-separated fields (CoNLL-U has 10)", count));
    const std::string_view id = f[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
      open = true;  // a multiword range or an empty node: not a word of its own
      continue;
    }
    std::size_t n = 0;
    if (!parse_id(id, n)) fail(source, line_no, fmt::format("bad word id '{}'", id));
    if (n != current.words.size() + 1)
      fail(source, line_no,
           fmt::format("word id {} where {} was expected", n, current.words.size() + 1));
    if (f[1].empty()) fail(source, line_no, "empty word form");
    open = true;
    current.words.push_back(ConlluWord{std::string(f[1]), std::string(f[2]), std::string(f[3]),
                                       std::string(f[4]), line_no});
  }
  finish(line_no + 1);
  return out;
}

std::vector<ConlluSentence> read_conllu(const std::filesystem::path& path) {
  return parse_conllu(read_file_bytes(path), path.string());
}

std::vector<nlp::TaggedSentence> tagged_sentences(const std::vector<ConlluSentence>& sentences,
                                                  TagColumn column, const std::string& source) {
  std::vector<nlp::TaggedSentence> out;
  out.reserve(sentences.size());
  for (const auto& s : sentences) {
    nlp::TaggedSentence t;
    t.words.reserve(s.words.size());
    t.tags.reserve(s.words.size());
    for (const auto& w : s.words) {
      const std::string& tag = column == TagColumn::kUpos ? w.upos : w.xpos;
      if (tag.empty() || tag == "_")
        fail(source, w.line,
             fmt::format("word '{}' has no {} tag", w.form, tag_column_name(column)));
      t.words.push_back(w.form);
      t.tags.push_back(tag);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace secnlp::corpora
