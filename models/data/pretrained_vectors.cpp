#include "models/data/pretrained_vectors.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "common/ascii.h"
#include "common/error.h"

namespace secnlp::models {
namespace {

// More dimensions than any published vectors (300 is usual); the values array is vocabulary x dim.

// Splits at runs of spaces/tabs (both formats separate fields with single spaces; tolerant).
std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
      ++i;
    const std::size_t begin = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      ++i;
    if (i > begin) out.push_back(line.substr(begin, i - begin));
  }
  return out;
}

bool parse_float(std::string_view s, float& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

PretrainedRows read_pretrained_vectors(const std::filesystem::path& path,
                                       const Vocabulary& vocabulary, std::size_t expected_dim) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, "cannot open pretrained vectors", path.string());
  return parse_pretrained_vectors(in, vocabulary, expected_dim, path.string());
}

PretrainedRows parse_pretrained_vectors(std::istream& in, const Vocabulary& vocabulary,
                                        std::size_t expected_dim, std::string_view source) {
  const std::string path(source);
  PretrainedRows rows;
  rows.dim = expected_dim;
  rows.found.assign(vocabulary.size(), false);
  std::string line;
  std::size_t number = 0;
  auto fail = [&](const std::string& what) {
    throw Error(ErrorCode::kResource, fmt::format("line {}: {}", number, what), path);
  };
  // The values are allocated from the dimension a file declares: bound it first.
  auto allocate = [&] {
    if (rows.dim > kMaxPretrainedDimensions)
      fail(fmt::format("vectors of {} dimensions (at most {} are read)", rows.dim,
                       kMaxPretrainedDimensions));
    if (rows.values.empty()) rows.values.assign(vocabulary.size() * rows.dim, 0.0f);
  };
  while (std::getline(in, line)) {
    ++number;
    const auto f = fields(line);
    if (f.empty()) continue;
    if (number == 1 && f.size() == 2) {  // word2vec header "count dim"
      std::size_t count = 0, dim = 0;
      const bool ok =
          std::from_chars(f[0].data(), f[0].data() + f[0].size(), count).ec == std::errc() &&
          std::from_chars(f[1].data(), f[1].data() + f[1].size(), dim).ec == std::errc();
      if (ok) {
        if (dim == 0 || dim > kMaxPretrainedDimensions)
          fail(fmt::format("header claims {} dimensions (1..{} expected)", dim,
                           kMaxPretrainedDimensions));
        if (rows.dim == 0) rows.dim = dim;
        if (dim != rows.dim)
          fail(fmt::format("vectors have {} dimensions, the model's embedding has {}", dim,
                           rows.dim));
        continue;
      }
    }
    const std::size_t dim = f.size() - 1;
    if (rows.dim == 0) {
      if (dim == 0 || dim > kMaxPretrainedDimensions)
        fail(fmt::format("{} values: vectors of {} dimensions (1..{} expected)", dim, dim,
                         kMaxPretrainedDimensions));
      rows.dim = dim;
    }
    allocate();
    std::int64_t id = vocabulary.id(f[0]);
    if (id <= 1) id = vocabulary.id(ascii::to_lower(f[0]));
    if (id <= 1 || rows.found[static_cast<std::size_t>(id)]) continue;
    if (dim != rows.dim) fail(fmt::format("{} values where {} were expected", dim, rows.dim));
    float* out = rows.values.data() + static_cast<std::size_t>(id) * rows.dim;
    for (std::size_t k = 0; k < dim; ++k) {
      if (!parse_float(f[k + 1], out[k])) fail(fmt::format("'{}' is not a number", f[k + 1]));
      // from_chars reads "nan" and "inf": one such value makes every loss NaN.
      if (!std::isfinite(out[k])) fail(fmt::format("'{}' is not a finite number", f[k + 1]));
    }
    rows.found[static_cast<std::size_t>(id)] = true;
    ++rows.found_count;
  }
  if (number == 0) throw Error(ErrorCode::kResource, "pretrained vectors file is empty", path);
  allocate();
  return rows;
}

}  // namespace secnlp::models
