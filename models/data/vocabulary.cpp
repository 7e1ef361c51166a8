#include "models/data/vocabulary.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::models {
namespace {

constexpr std::string_view kHeader = "secnlp-vocabulary 1";

void escape_into(std::string_view token, std::string& out) {
  for (const char c : token) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

// False for a dangling or unknown escape.
bool unescape(std::string_view line, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\') {
      out += line[i];
      continue;
    }
    if (++i == line.size()) return false;
    switch (line[i]) {
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        return false;
    }
  }
  return true;
}

}  // namespace

void Vocabulary::index() {
  ids_.clear();
  ids_.reserve(tokens_.size());
  for (std::size_t i = 0; i < tokens_.size(); ++i)
    ids_.emplace(tokens_[i], static_cast<std::int64_t>(i));
}

Vocabulary Vocabulary::build(const std::vector<std::vector<std::string>>& documents,
                             const VocabularyOptions& options) {
  if (options.num_words == 1)
    throw Error(ErrorCode::kInvalidArgument,
                "vocabulary: num_words must be 0 (all) or at least 2 (padding and OOV)");
  if (options.oov_token.empty() || options.oov_token == kPaddingToken)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("vocabulary: oov_token must be neither empty nor '{}'", kPaddingToken));

  struct Count {
    std::size_t count;
    std::size_t first;  // order of first occurrence
  };
  std::unordered_map<std::string, Count, Hash, std::equal_to<>> counts;
  std::vector<std::string_view> order;  // distinct tokens by first occurrence
  for (const auto& document : documents) {
    for (const auto& token : document) {
      if (token.empty() || token == kPaddingToken || token == options.oov_token) continue;
      auto it = counts.find(std::string_view(token));
      if (it == counts.end()) {
        it = counts.emplace(token, Count{0, order.size()}).first;
        order.push_back(it->first);
      }
      ++it->second.count;
    }
  }
  std::vector<std::pair<std::size_t, std::string_view>> ranked;  // (count, token)
  ranked.reserve(order.size());
  for (const std::string_view token : order) {
    const std::size_t c = counts.find(token)->second.count;
    if (c >= options.min_frequency) ranked.emplace_back(c, token);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });

  Vocabulary v;
  v.options_ = options;
  const std::size_t skip = std::min(options.skip_top, ranked.size());
  std::size_t total = 2 + (ranked.size() - skip);
  if (options.num_words != 0) total = std::min(total, options.num_words);
  v.tokens_.reserve(total);
  v.tokens_.emplace_back(kPaddingToken);
  v.tokens_.push_back(options.oov_token);
  for (std::size_t i = skip; v.tokens_.size() < total; ++i)
    v.tokens_.emplace_back(ranked[i].second);
  v.index();
  return v;
}

std::int64_t Vocabulary::id(std::string_view token) const {
  const auto it = ids_.find(token);
  if (it == ids_.end() || it->second == kPaddingId) return kOovId;
  return it->second;
}

const std::string& Vocabulary::token(std::int64_t id) const {
  if (id < 0 || static_cast<std::uint64_t>(id) >= tokens_.size())
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("vocabulary: id {} outside [0, {})", id, tokens_.size()));
  return tokens_[static_cast<std::size_t>(id)];
}

std::vector<std::int64_t> Vocabulary::encode(const std::vector<std::string>& tokens) const {
  std::vector<std::int64_t> out;
  out.reserve(tokens.size());
  for (const auto& t : tokens)
    out.push_back(id(t));
  return out;
}

void Vocabulary::save(const std::filesystem::path& path) const {
  std::string text(kHeader);
  text += '\n';
  for (const auto& t : tokens_) {
    escape_into(t, text);
    text += '\n';
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw Error(ErrorCode::kIo, "cannot open vocabulary for writing", path.string());
  file.write(text.data(), static_cast<std::streamsize>(text.size()));
  file.close();
  if (!file) throw Error(ErrorCode::kIo, "cannot write vocabulary", path.string());
}

Vocabulary Vocabulary::load(const std::filesystem::path& path, std::size_t expected_size) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ErrorCode::kIo, "cannot open vocabulary", path.string());
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) throw Error(ErrorCode::kIo, "cannot read vocabulary", path.string());
  const auto fail = [&](const std::string& what) {
    return Error(ErrorCode::kResource, "vocabulary: " + what, path.string());
  };

  const std::string_view all = text;
  if (all.substr(0, kHeader.size()) != kHeader ||
      (all.size() > kHeader.size() && all[kHeader.size()] != '\n'))
    throw fail(fmt::format("not a vocabulary file (the first line must be '{}')", kHeader));
  if (all.empty() || all.back() != '\n') throw fail("truncated (no newline at the end)");

  Vocabulary v;
  std::string token;
  std::size_t line_number = 1;
  for (std::size_t pos = kHeader.size() + 1; pos < all.size();) {
    const std::size_t end = all.find('\n', pos);
    const std::string_view line = all.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.find('\r') != std::string_view::npos)
      throw fail(fmt::format("line {}: carriage return (file converted to CRLF?)", line_number));
    if (!unescape(line, token)) throw fail(fmt::format("line {}: bad escape", line_number));
    if (token.empty()) throw fail(fmt::format("line {}: empty token", line_number));
    const auto id = static_cast<std::int64_t>(v.tokens_.size());
    if (!v.ids_.emplace(token, id).second)
      throw fail(fmt::format("line {}: duplicate token '{}'", line_number, line));
    v.tokens_.push_back(token);
  }
  if (v.tokens_.size() < 2) throw fail("needs at least the padding and OOV tokens");
  if (v.tokens_[0] != kPaddingToken)
    throw fail(fmt::format("the first token must be '{}'", kPaddingToken));
  if (v.tokens_[1] == kPaddingToken || v.tokens_[1].empty()) throw fail("bad OOV token");
  if (expected_size != 0 && v.tokens_.size() != expected_size)
    throw fail(fmt::format("{} tokens, the model expects {} (truncated or wrong file?)",
                           v.tokens_.size(), expected_size));
  v.options_.oov_token = v.tokens_[1];
  return v;
}

Padding parse_padding(std::string_view name) {
  if (name == "pre") return Padding::kPre;
  if (name == "post") return Padding::kPost;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("padding/truncating must be pre or post, not '{}'", name));
}

void pad_sequence(std::span<const std::int64_t> ids, std::size_t length, Padding padding,
                  Padding truncating, std::span<std::int64_t> out, std::size_t* kept_length) {
  if (out.size() != length)
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("pad_sequence: output holds {} values, length is {}", out.size(), length));
  const std::size_t kept = std::min(ids.size(), length);
  const auto source = truncating == Padding::kPre ? ids.last(kept) : ids.first(kept);
  std::fill(out.begin(), out.end(), kPaddingId);
  const auto target = padding == Padding::kPre ? out.last(kept) : out.first(kept);
  std::copy(source.begin(), source.end(), target.begin());
  if (kept_length != nullptr) *kept_length = kept;
}

std::size_t length_percentile(const std::vector<std::vector<std::int64_t>>& rows, double p) {
  if (!(p >= 0.0 && p <= 100.0))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("length percentile must be in [0, 100], not {}", p));
  if (rows.empty()) return 1;
  std::vector<std::size_t> lengths;
  lengths.reserve(rows.size());
  for (const auto& r : rows)
    lengths.push_back(r.size());
  // p * n first: exact for integer p, so 95% of 20 rows is rank 19, not 19.000000000000004.
  const double rank = std::ceil(p * static_cast<double>(lengths.size()) / 100.0);
  const std::size_t index = rank < 1.0 ? 0 : static_cast<std::size_t>(rank) - 1;
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(index),
                   lengths.end());
  return std::max<std::size_t>(1, lengths[index]);
}

}  // namespace secnlp::models
