#include "models/embeddings/word_vectors.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <fstream>
#include <numeric>

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "common/ascii.h"
#include "common/error.h"
#include "models/data/pretrained_vectors.h"

namespace secnlp::models {
namespace {

std::ofstream open_out(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorCode::kIo, "cannot write word vectors", path.string());
  return out;
}

void check_words(const WordVectors& v) {
  if (v.values.size() != v.words.size() * v.dim)
    throw Error(ErrorCode::kInternal, "word vectors: values do not match words x dim");
  for (const auto& w : v.words)
    if (w.empty() || w.find_first_of(" \t\n\r") != std::string::npos)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("word '{}' is empty or holds whitespace: word2vec files cannot "
                              "store it",
                              w));
}

void finish(std::ofstream& out, const std::filesystem::path& path) {
  out.flush();
  if (!out) throw Error(ErrorCode::kIo, "writing word vectors failed", path.string());
}

// Python's str.upper() (full Unicode case mapping); ASCII without ICU.
std::string upper(std::string_view word) {
  if (std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; }))
    return ascii::to_upper(word);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .toUpper(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

// gensim's ok_vocab: upper-cased words of the first `restrict` rows; the first row wins.
std::unordered_map<std::string, std::size_t> upper_index(const WordVectors& v,
                                                         std::size_t restrict) {
  const std::size_t n = restrict ? std::min(restrict, v.size()) : v.size();
  std::unordered_map<std::string, std::size_t> ok;
  ok.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    ok.emplace(upper(v.words[i]), i);
  return ok;
}

std::ifstream open_in(const std::filesystem::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, fmt::format("cannot open {}", what), path.string());
  return in;
}

std::vector<std::string_view> split_ws(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && ascii::is_space(line[i]))
      ++i;
    const std::size_t b = i;
    while (i < line.size() && !ascii::is_space(line[i]))
      ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : std::nan("");
}

// scipy.stats.rankdata(method='average'): 1-based ranks, ties share their mean rank.
std::vector<double> average_ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return x[a] < x[b]; });
  std::vector<double> ranks(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]])
      ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k)
      ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

}  // namespace

WordVectors read_word_vectors(const std::filesystem::path& path) {
  std::ifstream in = open_in(path, "word vectors");
  WordVectors v;
  auto info = read_vector_records(
      in, 0, path.string(), [](std::string_view) { return true; },
      [&](std::string_view word, std::span<const float> values) {
        v.words.emplace_back(word);
        v.values.insert(v.values.end(), values.begin(), values.end());
      });
  v.dim = info.dim;
  return v;
}

void write_word2vec_text(const WordVectors& v, const std::filesystem::path& path) {
  check_words(v);
  std::ofstream out = open_out(path);
  out << v.size() << ' ' << v.dim << '\n';
  std::string line;
  char buf[64];
  for (std::size_t i = 0; i < v.size(); ++i) {
    line = v.words[i];
    const float* r = v.row(i);
    for (std::size_t k = 0; k < v.dim; ++k) {
      const auto res = std::to_chars(buf, buf + sizeof buf, r[k]);  // shortest round trip
      line += ' ';
      line.append(buf, res.ptr);
    }
    line += '\n';
    out << line;
  }
  finish(out, path);
}

void write_word2vec_binary(const WordVectors& v, const std::filesystem::path& path) {
  static_assert(std::endian::native == std::endian::little, "word2vec binary is little-endian");
  check_words(v);
  std::ofstream out = open_out(path);
  out << v.size() << ' ' << v.dim << '\n';
  for (std::size_t i = 0; i < v.size(); ++i) {
    out << v.words[i] << ' ';
    out.write(reinterpret_cast<const char*>(v.row(i)),
              static_cast<std::streamsize>(v.dim * sizeof(float)));
    out << '\n';
  }
  finish(out, path);
}

VectorSpace::VectorSpace(WordVectors vectors) : vectors_(std::move(vectors)) {
  const std::size_t dim = vectors_.dim;
  unit_.resize(vectors_.values.size());
  index_.reserve(vectors_.size());
  for (std::size_t i = 0; i < vectors_.size(); ++i) {
    const float* r = vectors_.row(i);
    double norm = 0;
    for (std::size_t k = 0; k < dim; ++k)
      norm += static_cast<double>(r[k]) * r[k];
    norm = std::sqrt(norm);
    for (std::size_t k = 0; k < dim; ++k)
      unit_[i * dim + k] = norm > 0 ? static_cast<float>(r[k] / norm) : 0.0f;
    index_.emplace(vectors_.words[i], i);
  }
}

std::ptrdiff_t VectorSpace::find(std::string_view word) const {
  const auto it = index_.find(std::string(word));
  return it == index_.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}

double VectorSpace::similarity(std::size_t a, std::size_t b) const {
  const float* x = unit_.data() + a * vectors_.dim;
  const float* y = unit_.data() + b * vectors_.dim;
  double dot = 0;
  for (std::size_t k = 0; k < vectors_.dim; ++k)
    dot += static_cast<double>(x[k]) * y[k];
  return dot;
}

std::vector<Neighbour> VectorSpace::nearest_rows(const std::vector<std::size_t>& positive,
                                                 const std::vector<std::size_t>& negative,
                                                 std::size_t top,
                                                 std::size_t restrict_vocab) const {
  const std::size_t dim = vectors_.dim;
  std::vector<double> mean(dim, 0.0);
  for (std::size_t r : positive)
    for (std::size_t k = 0; k < dim; ++k)
      mean[k] += unit_[r * dim + k];
  for (std::size_t r : negative)
    for (std::size_t k = 0; k < dim; ++k)
      mean[k] -= unit_[r * dim + k];
  double norm = 0;
  for (double m : mean)
    norm += m * m;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (double& m : mean)
      m /= norm;
  const std::size_t n =
      restrict_vocab ? std::min(restrict_vocab, vectors_.size()) : vectors_.size();
  std::vector<std::pair<double, std::size_t>> scored;
  scored.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (std::find(positive.begin(), positive.end(), i) != positive.end() ||
        std::find(negative.begin(), negative.end(), i) != negative.end())
      continue;
    const float* u = unit_.data() + i * dim;
    double dot = 0;
    for (std::size_t k = 0; k < dim; ++k)
      dot += u[k] * mean[k];
    scored.emplace_back(dot, i);
  }
  const std::size_t k = std::min(top, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  std::vector<Neighbour> out;
  out.reserve(k);
  for (std::size_t i = 0; i < k; ++i)
    out.push_back({vectors_.words[scored[i].second], scored[i].first});
  return out;
}

std::vector<Neighbour> VectorSpace::most_similar(const std::vector<std::string>& positive,
                                                 const std::vector<std::string>& negative,
                                                 std::size_t top,
                                                 std::size_t restrict_vocab) const {
  if (positive.empty() && negative.empty())
    throw Error(ErrorCode::kInvalidArgument, "most_similar needs at least one word");
  auto rows = [&](const std::vector<std::string>& words) {
    std::vector<std::size_t> out;
    for (const auto& w : words) {
      const auto r = find(w);
      if (r < 0)
        throw Error(ErrorCode::kInvalidArgument, fmt::format("'{}' is not in the vectors", w));
      out.push_back(static_cast<std::size_t>(r));
    }
    return out;
  };
  return nearest_rows(rows(positive), rows(negative), top, restrict_vocab);
}

struct EvaluationAccess {
  static std::vector<Neighbour> nearest(const VectorSpace& s, const std::vector<std::size_t>& p,
                                        const std::vector<std::size_t>& n, std::size_t top,
                                        std::size_t restrict_vocab) {
    return s.nearest_rows(p, n, top, restrict_vocab);
  }
};

AnalogyResult evaluate_analogies(const VectorSpace& space, const std::filesystem::path& path,
                                 std::size_t restrict_vocab) {
  std::ifstream in = open_in(path, "analogy questions");
  const auto ok = upper_index(space.vectors(), restrict_vocab);
  AnalogyResult result;
  AnalogySection total{"Total accuracy", 0, 0};
  bool in_section = false;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.starts_with(": ")) {
      // Python's line.lstrip(': ').strip()
      std::string_view name = line;
      name.remove_prefix(std::min(name.find_first_not_of(": "), name.size()));
      result.sections.push_back({std::string(ascii::trim(name)), 0, 0});
      in_section = true;
      continue;
    }
    if (!in_section)
      throw Error(ErrorCode::kParse,
                  fmt::format("line {}: a question before the first ': section' line", number),
                  path.string());
    const auto f = split_ws(line);
    if (f.size() != 4) continue;  // gensim skips it
    ++result.questions;
    std::string w[4];
    std::size_t rows[4];
    bool known = true;
    for (int i = 0; i < 4; ++i) {
      w[i] = upper(f[static_cast<std::size_t>(i)]);
      const auto it = ok.find(w[i]);
      if (it == ok.end()) {
        known = false;
        break;
      }
      rows[i] = it->second;
    }
    if (!known) {
      ++result.oov;
      continue;
    }
    const auto sims = EvaluationAccess::nearest(space, {rows[1], rows[2]}, {rows[0]}, 5,
                                                restrict_vocab ? restrict_vocab : 0);
    std::string predicted;
    for (const auto& s : sims) {
      predicted = upper(s.word);
      if (ok.count(predicted) && predicted != w[0] && predicted != w[1] && predicted != w[2]) break;
    }
    auto& section = result.sections.back();
    if (predicted == w[3]) {
      ++section.correct;
      ++total.correct;
    } else {
      ++section.incorrect;
      ++total.incorrect;
    }
  }
  result.sections.push_back(total);
  result.accuracy = total.accuracy();
  return result;
}

WordPairResult evaluate_word_pairs(const VectorSpace& space, const std::filesystem::path& path,
                                   std::size_t restrict_vocab) {
  std::ifstream in = open_in(path, "word pairs");
  const auto ok = upper_index(space.vectors(), restrict_vocab);
  std::vector<double> gold, model;
  WordPairResult result;
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with('#')) continue;
    // Python's line.split('\t') into exactly three fields, the last a float.
    std::vector<std::string_view> f;
    std::string_view rest = line;
    for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos;) {
      f.push_back(rest.substr(0, tab));
      rest.remove_prefix(tab + 1);
    }
    f.push_back(rest);
    if (f.size() != 3) continue;
    const std::string_view number = ascii::trim(f[2]);
    double sim = 0;
    const auto res = std::from_chars(number.data(), number.data() + number.size(), sim);
    if (number.empty() || res.ec != std::errc() || res.ptr != number.data() + number.size())
      continue;
    const auto a = ok.find(upper(f[0])), b = ok.find(upper(f[1]));
    if (a == ok.end() || b == ok.end()) {
      ++result.oov;
      continue;
    }
    gold.push_back(sim);
    model.push_back(space.similarity(a->second, b->second));
  }
  if (gold.empty())
    throw Error(ErrorCode::kInvalidArgument, "no valid word pair with both words in the vectors",
                path.string());
  result.pairs = gold.size();
  result.pearson = pearson(gold, model);
  result.spearman = pearson(average_ranks(gold), average_ranks(model));
  result.oov_ratio =
      100.0 * static_cast<double>(result.oov) / static_cast<double>(result.pairs + result.oov);
  return result;
}

}  // namespace secnlp::models
