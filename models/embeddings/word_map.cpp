#include "models/embeddings/word_map.h"

#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "models/report/plots.h"

namespace secnlp::models {
namespace {

// A letter of any script: ASCII letters, or any multi-byte UTF-8 sequence (non-ASCII tokens
// from filings are words far more often than symbols).
bool has_letter(const std::string& word) {
  for (unsigned char c : word)
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
      return true;
    else if (c >= 0x80)
      return true;
  return false;
}

}  // namespace

WordMap word_map(const VectorSpace& space, const WordMapOptions& o) {
  const WordVectors& v = space.vectors();
  std::vector<std::size_t> rows;
  if (!o.words.empty()) {
    for (const auto& w : o.words) {
      const auto r = space.find(w);
      if (r < 0)
        log_warn("map: '{}' is not in the vectors; left out", w);
      else
        rows.push_back(static_cast<std::size_t>(r));
    }
  } else {
    for (std::size_t i = 0; i < v.size() && rows.size() < o.top; ++i)
      if (has_letter(v.words[i])) rows.push_back(i);
  }
  if (rows.size() < 2)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("a map needs at least 2 known words; {} chosen", rows.size()));
  std::vector<float> values;
  values.reserve(rows.size() * v.dim);
  WordMap map;
  for (std::size_t r : rows) {
    values.insert(values.end(), v.row(r), v.row(r) + v.dim);
    map.words.push_back(v.words[r]);
  }
  map.layout = tsne(values, v.dim, o.tsne);

  std::unordered_map<std::string, int> group_of;
  std::vector<std::string> names;
  for (std::size_t g = 0; g < o.groups.size(); ++g) {
    names.push_back(o.groups[g].name);
    for (const auto& w : o.groups[g].words)
      group_of.emplace(w, static_cast<int>(g));
  }
  std::vector<ScatterPoint> points;
  points.reserve(map.words.size());
  for (std::size_t i = 0; i < map.words.size(); ++i) {
    const auto it = group_of.find(map.words[i]);
    points.push_back({map.layout.points[2 * i], map.layout.points[2 * i + 1], map.words[i],
                      it == group_of.end() ? -1 : it->second});
  }
  map.svg = scatter_svg(points, names, o.title);
  return map;
}

}  // namespace secnlp::models
