#include "nlp/tagging/entity_spans.h"

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// conlleval's endOfChunk(prev, cur) and startOfChunk(prev, cur) on prefixes and types.
bool chunk_ends(const ParsedTag& prev, const ParsedTag& cur) {
  if (prev.prefix == 'E' || prev.prefix == 'S') return true;
  if (prev.prefix == 'B' || prev.prefix == 'I') {
    if (cur.prefix == 'B' || cur.prefix == 'S' || cur.prefix == 'O') return true;
    if (prev.type != cur.type) return true;
  }
  return false;
}

bool chunk_starts(const ParsedTag& prev, const ParsedTag& cur) {
  if (cur.prefix == 'B' || cur.prefix == 'S') return true;
  if (cur.prefix == 'I' || cur.prefix == 'E') {
    if (prev.prefix == 'O' || prev.prefix == 'E' || prev.prefix == 'S') return true;
    if (prev.type != cur.type) return true;
  }
  return false;
}

}  // namespace

TagScheme parse_tag_scheme(std::string_view name) {
  const std::string n = lower_ascii(name);
  if (n == "io") return TagScheme::kIo;
  if (n == "bio" || n == "iob2") return TagScheme::kBio;
  if (n == "iobes" || n == "bioes") return TagScheme::kIobes;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown tag scheme '{}' (expected io, bio or iobes)", name));
}

std::string_view tag_scheme_name(TagScheme scheme) {
  switch (scheme) {
    case TagScheme::kIo:
      return "io";
    case TagScheme::kBio:
      return "bio";
    case TagScheme::kIobes:
      return "iobes";
  }
  return "io";
}

ParsedTag parse_tag(std::string_view tag) {
  ParsedTag p;
  if (tag == "O") return p;
  if (tag.size() < 3 || tag[1] != '-' ||
      (tag[0] != 'B' && tag[0] != 'I' && tag[0] != 'E' && tag[0] != 'S')) {
    p.valid = false;
    return p;
  }
  p.prefix = tag[0];
  p.type = tag.substr(2);
  return p;
}

TagScheme detect_tag_scheme(const std::vector<std::string>& tags) {
  bool b = false;
  for (const auto& t : tags) {
    const ParsedTag p = parse_tag(t);
    if (!p.valid) continue;
    if (p.prefix == 'E' || p.prefix == 'S') return TagScheme::kIobes;
    if (p.prefix == 'B') b = true;
  }
  return b ? TagScheme::kBio : TagScheme::kIo;
}

std::vector<EntitySpan> tags_to_spans(const std::vector<std::string>& tags) {
  std::vector<EntitySpan> out;
  ParsedTag prev;  // O
  bool open = false;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    ParsedTag cur = parse_tag(tags[i]);
    if (!cur.valid) cur = ParsedTag{};
    if (open && chunk_ends(prev, cur)) {
      out.back().end = i;
      open = false;
    }
    if (chunk_starts(prev, cur)) {
      out.push_back({i, i, std::string(cur.type)});
      open = true;
    }
    prev = cur;
  }
  if (open) out.back().end = tags.size();
  return out;
}

std::vector<std::string> spans_to_tags(const std::vector<EntitySpan>& spans, std::size_t size,
                                       TagScheme scheme) {
  std::vector<std::string> tags(size, "O");
  std::size_t last_end = 0;
  for (const auto& s : spans) {
    if (s.begin >= s.end || s.end > size || s.begin < last_end)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("entity span [{}, {}) is empty, overlaps or lies outside {} tokens",
                              s.begin, s.end, size));
    last_end = s.end;
    for (std::size_t i = s.begin; i < s.end; ++i) {
      char p = 'I';
      if (scheme == TagScheme::kBio) {
        p = i == s.begin ? 'B' : 'I';
      } else if (scheme == TagScheme::kIobes) {
        if (s.end - s.begin == 1)
          p = 'S';
        else if (i == s.begin)
          p = 'B';
        else if (i + 1 == s.end)
          p = 'E';
      }
      tags[i] = std::string(1, p) + "-" + s.type;
    }
  }
  return tags;
}

std::vector<std::string> convert_tags(const std::vector<std::string>& tags, TagScheme to) {
  return spans_to_tags(tags_to_spans(tags), tags.size(), to);
}

std::vector<std::string> scheme_labels(const std::vector<std::string>& types, TagScheme scheme) {
  std::vector<std::string> out = {"O"};
  const char* prefixes = scheme == TagScheme::kIo ? "I" : scheme == TagScheme::kBio ? "BI" : "BIES";
  for (const auto& t : types)
    for (const char* p = prefixes; *p; ++p)
      out.push_back(std::string(1, *p) + "-" + t);
  return out;
}

TransitionTable::TransitionTable(const std::vector<std::string>& labels, TagScheme scheme)
    : n_(labels.size()), allowed_(n_ * n_, 1), start_(n_, 1), end_(n_, 1) {
  std::vector<ParsedTag> parsed;
  for (const auto& l : labels) {
    parsed.push_back(parse_tag(l));
    if (!parsed.back().valid)
      throw Error(ErrorCode::kInvalidArgument, fmt::format("not an entity label: '{}'", l));
  }
  if (scheme == TagScheme::kIo) return;
  for (std::size_t to = 0; to < n_; ++to) {
    const ParsedTag& t = parsed[to];
    const bool continues = t.prefix == 'I' || t.prefix == 'E';
    // A continuation needs a predecessor of its type that is still open.
    if (continues) start_[to] = 0;
    if (scheme == TagScheme::kIobes && (t.prefix == 'B' || t.prefix == 'I')) end_[to] = 0;
    if (scheme == TagScheme::kBio && t.prefix == 'E') start_[to] = end_[to] = 0;
    if (scheme == TagScheme::kBio && t.prefix == 'S') start_[to] = end_[to] = 0;
    for (std::size_t from = 0; from < n_; ++from) {
      const ParsedTag& f = parsed[from];
      bool ok = true;
      if (scheme == TagScheme::kBio) {
        if (t.prefix == 'E' || t.prefix == 'S' || f.prefix == 'E' || f.prefix == 'S')
          ok = false;
        else if (t.prefix == 'I')
          ok = (f.prefix == 'B' || f.prefix == 'I') && f.type == t.type;
      } else {  // IOBES
        const bool open = f.prefix == 'B' || f.prefix == 'I';
        if (open)
          ok = continues && f.type == t.type;
        else
          ok = !continues;
      }
      allowed_[from * n_ + to] = ok ? 1 : 0;
    }
  }
}

bool TransitionTable::valid_sequence(const std::vector<int>& labels) const {
  if (labels.empty()) return true;
  for (int l : labels)
    if (l < 0 || static_cast<std::size_t>(l) >= n_) return false;
  if (!can_start(static_cast<std::size_t>(labels.front()))) return false;
  for (std::size_t i = 1; i < labels.size(); ++i)
    if (!allowed(static_cast<std::size_t>(labels[i - 1]), static_cast<std::size_t>(labels[i])))
      return false;
  return can_end(static_cast<std::size_t>(labels.back()));
}

}  // namespace secnlp::nlp
