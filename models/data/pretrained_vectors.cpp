#include "models/data/pretrained_vectors.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
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

namespace {

constexpr std::size_t kMaxWordBytes = 100000;

// After a "count dim" header: the first record is text when its line holds a word and `dim`
// numbers; a binary record's float bytes almost never do. Restores the stream position.
bool first_record_is_text(std::istream& in, std::size_t dim, const std::string& path) {
  const auto start = in.tellg();
  if (start < 0) throw Error(ErrorCode::kIo, "vectors stream is not seekable", path);
  std::string probe;
  const std::size_t limit = dim * 64 + kMaxWordBytes;
  char c = 0;
  while (probe.size() < limit && in.get(c) && c != '\n')
    probe += c;
  in.clear();
  in.seekg(start);
  const auto f = fields(probe);
  if (f.size() != dim + 1) return false;
  float value = 0;
  for (std::size_t k = 1; k < f.size(); ++k)
    if (!parse_float(f[k], value)) return false;
  return true;
}

VectorFileInfo read_binary_records(
    std::istream& in, std::size_t count, std::size_t dim, const std::string& path,
    const std::function<bool(std::string_view)>& want,
    const std::function<void(std::string_view, std::span<const float>)>& take) {
  static_assert(std::endian::native == std::endian::little, "word2vec binary is little-endian");
  VectorFileInfo info{dim, true, 0};
  std::string word;
  std::vector<char> bytes(dim * sizeof(float));
  std::vector<float> values(dim);
  for (std::size_t r = 0; r < count; ++r) {
    auto fail = [&](const std::string& what) {
      throw Error(ErrorCode::kResource, fmt::format("vector {}: {}", r + 1, what), path);
    };
    word.clear();
    char c = 0;
    bool ended = true;
    while (in.get(c)) {
      if (c == ' ') {
        ended = false;
        break;
      }
      if (c == '\n' && word.empty()) continue;  // the C tool's newline after a vector
      if (word.size() == kMaxWordBytes) fail("a word of over 100000 bytes (not word2vec binary?)");
      word += c;
    }
    if (ended)
      fail(fmt::format("the file ends after {} of the {} vectors its header declares", r, count));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::size_t>(in.gcount()) != bytes.size())
      fail(fmt::format("the file ends inside the vector of '{}'", word));
    ++info.records;
    if (!want(word)) continue;
    std::memcpy(values.data(), bytes.data(), bytes.size());
    for (float v : values)
      if (!std::isfinite(v)) fail(fmt::format("the vector of '{}' holds nan or inf", word));
    take(word, values);
  }
  return info;
}

}  // namespace

VectorFileInfo read_vector_records(
    std::istream& in, std::size_t expected_dim, std::string_view source,
    const std::function<bool(std::string_view)>& want,
    const std::function<void(std::string_view, std::span<const float>)>& take) {
  const std::string path(source);
  VectorFileInfo info{expected_dim, false, 0};
  std::string line;
  std::size_t number = 0;
  auto fail = [&](const std::string& what) {
    throw Error(ErrorCode::kResource, fmt::format("line {}: {}", number, what), path);
  };
  auto check_dim = [&](std::size_t dim, std::string_view what) {
    if (dim == 0 || dim > kMaxPretrainedDimensions)
      fail(fmt::format("{}{} dimensions (1..{} expected)", what, dim, kMaxPretrainedDimensions));
  };
  std::vector<float> values;
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
        check_dim(dim, "header claims ");
        if (info.dim == 0) info.dim = dim;
        if (dim != info.dim)
          fail(fmt::format("vectors have {} dimensions, the model's embedding has {}", dim,
                           info.dim));
        if (!first_record_is_text(in, dim, path))
          return read_binary_records(in, count, dim, path, want, take);
        continue;
      }
    }
    const std::size_t dim = f.size() - 1;
    if (info.dim == 0) {
      check_dim(dim, fmt::format("{} values: vectors of ", dim));
      info.dim = dim;
    }
    ++info.records;
    if (!want(f[0])) continue;
    if (dim != info.dim) fail(fmt::format("{} values where {} were expected", dim, info.dim));
    values.resize(dim);
    for (std::size_t k = 0; k < dim; ++k) {
      if (!parse_float(f[k + 1], values[k])) fail(fmt::format("'{}' is not a number", f[k + 1]));
      // from_chars reads "nan" and "inf": one such value makes every loss NaN.
      if (!std::isfinite(values[k])) fail(fmt::format("'{}' is not a finite number", f[k + 1]));
    }
    take(f[0], values);
  }
  if (number == 0) throw Error(ErrorCode::kResource, "pretrained vectors file is empty", path);
  return info;
}

PretrainedRows parse_pretrained_vectors(std::istream& in, const Vocabulary& vocabulary,
                                        std::size_t expected_dim, std::string_view source) {
  PretrainedRows rows;
  rows.found.assign(vocabulary.size(), false);
  std::int64_t pending = 0;  // the id `want` found for the record `take` receives
  auto want = [&](std::string_view word) {
    std::int64_t id = vocabulary.id(word);
    if (id <= 1) id = vocabulary.id(ascii::to_lower(word));
    pending = id;
    return id > 1 && !rows.found[static_cast<std::size_t>(id)];
  };
  auto take = [&](std::string_view, std::span<const float> values) {
    if (rows.values.empty()) rows.values.assign(vocabulary.size() * values.size(), 0.0f);
    std::copy(values.begin(), values.end(),
              rows.values.begin() + static_cast<std::ptrdiff_t>(pending) *
                                        static_cast<std::ptrdiff_t>(values.size()));
    rows.found[static_cast<std::size_t>(pending)] = true;
    ++rows.found_count;
  };
  rows.dim = read_vector_records(in, expected_dim, source, want, take).dim;
  if (rows.values.empty()) rows.values.assign(vocabulary.size() * rows.dim, 0.0f);
  return rows;
}

double found_values_stddev(const PretrainedRows& rows) {
  double sum = 0, sum_sq = 0;
  std::size_t n = 0;
  for (std::size_t id = 0; id < rows.found.size(); ++id) {
    if (!rows.found[id]) continue;
    for (std::size_t k = 0; k < rows.dim; ++k, ++n) {
      const double x = rows.values[id * rows.dim + k];
      sum += x;
      sum_sq += x * x;
    }
  }
  if (n < 2) return 0;
  const double mean = sum / static_cast<double>(n);
  return std::sqrt(std::max(0.0, sum_sq / static_cast<double>(n) - mean * mean));
}

}  // namespace secnlp::models
