#include "nlp/tagging/ner_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/binary_io.h"
#include "common/error.h"
#include "nlp/tagging/ner_features.h"

namespace secnlp::nlp {
namespace {

constexpr char kMagic[] = "SECNLPNER";  // 9 bytes on disk
constexpr float kNegInf = -std::numeric_limits<float>::infinity();

std::vector<std::string_view> views_of(const std::vector<std::string>& tokens) {
  return {tokens.begin(), tokens.end()};
}

using binary_io::put;
using binary_io::put_array;

}  // namespace

NerModel::NerModel(std::vector<std::string> types, TagScheme file_scheme)
    : types_(std::move(types)),
      labels_(scheme_labels(types_, TagScheme::kBio)),
      file_scheme_(file_scheme) {
  const std::size_t L = labels_.size();
  const TransitionTable table(labels_, TagScheme::kBio);
  allowed_.resize(L * L);
  can_start_.resize(L);
  for (std::size_t a = 0; a < L; ++a) {
    can_start_[a] = table.can_start(a) ? 1 : 0;
    for (std::size_t b = 0; b < L; ++b)
      allowed_[a * L + b] = table.allowed(a, b) ? 1 : 0;
  }
  transitions_.assign(L * L, 0.f);
  start_.assign(L, 0.f);
}

void NerModel::build_index() {
  std::size_t size = 16;
  while (size < rows_.size() * 2)
    size *= 2;
  index_keys_.assign(size, 0);
  index_rows_.assign(size, kNoRow);
  index_mask_ = size - 1;
  for (const auto& [hash, row] : rows_) {
    std::uint64_t slot = (hash ^ (hash >> 29)) & index_mask_;
    while (index_keys_[slot] != 0)
      slot = (slot + 1) & index_mask_;
    index_keys_[slot] = hash;
    index_rows_[slot] = row;
  }
}

std::uint32_t NerModel::find_row(std::uint64_t hash) const {
  if (index_keys_.empty()) return kNoRow;
  std::uint64_t slot = (hash ^ (hash >> 29)) & index_mask_;
  while (true) {
    const std::uint64_t key = index_keys_[slot];
    if (key == hash) return index_rows_[slot];
    if (key == 0) return kNoRow;
    slot = (slot + 1) & index_mask_;
  }
}

void NerModel::emissions(const std::vector<std::string_view>& tokens,
                         std::vector<float>& out) const {
  const std::size_t L = labels_.size();
  thread_local std::vector<std::uint64_t> hashes;  // reused: no allocation per sentence
  thread_local std::vector<std::uint32_t> offsets;
  ner_features(tokens, hashes, offsets);
  out.assign(tokens.size() * L, 0.f);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    float* e = out.data() + i * L;
    for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      const std::uint32_t row = find_row(hashes[k]);
      if (row == kNoRow) continue;
      const float* w = weights_.data() + static_cast<std::size_t>(row) * L;
      for (std::size_t l = 0; l < L; ++l)
        e[l] += w[l];
    }
  }
}

std::vector<int> NerModel::viterbi(const std::vector<float>& em, std::size_t n,
                                   std::vector<float>* forward) const {
  const std::size_t L = labels_.size();
  if (n == 0) return {};
  std::vector<float> score(n * L, kNegInf);
  std::vector<int> back(n * L, 0);
  for (std::size_t l = 0; l < L; ++l)
    if (can_start_[l]) score[l] = start_[l] + em[l];
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t to = 0; to < L; ++to) {
      float best = kNegInf;
      int arg = 0;
      for (std::size_t from = 0; from < L; ++from) {
        if (!allowed_[from * L + to]) continue;
        const float s = score[(i - 1) * L + from] + transitions_[from * L + to];
        if (s > best) {
          best = s;
          arg = static_cast<int>(from);
        }
      }
      score[i * L + to] = best + em[i * L + to];
      back[i * L + to] = arg;
    }
  }
  std::vector<int> out(n);
  int best = 0;  // "O" is always a valid end and start
  for (std::size_t l = 1; l < L; ++l)
    if (score[(n - 1) * L + l] > score[(n - 1) * L + static_cast<std::size_t>(best)])
      best = static_cast<int>(l);
  out[n - 1] = best;
  for (std::size_t i = n - 1; i > 0; --i)
    out[i - 1] = back[i * L + static_cast<std::size_t>(out[i])];
  if (forward) *forward = std::move(score);
  return out;
}

std::vector<int> NerModel::decode(const std::vector<std::string_view>& tokens) const {
  std::vector<float> em;
  emissions(tokens, em);
  return viterbi(em, tokens.size());
}

std::vector<std::string> NerModel::predict_tags(const std::vector<std::string_view>& tokens,
                                                TagScheme scheme) const {
  const std::vector<int> labels = decode(tokens);
  std::vector<std::string> bio;
  bio.reserve(labels.size());
  for (int l : labels)
    bio.push_back(labels_[static_cast<std::size_t>(l)]);
  return scheme == TagScheme::kBio ? bio : convert_tags(bio, scheme);
}

std::vector<ScoredEntity> NerModel::predict_entities(
    const std::vector<std::string_view>& tokens) const {
  const std::size_t L = labels_.size(), n = tokens.size();
  std::vector<float> em, forward;
  emissions(tokens, em);
  const std::vector<int> labels = viterbi(em, n, &forward);
  if (std::all_of(labels.begin(), labels.end(), [](int l) { return l == 0; }))
    return {};  // no entity ("O" is label 0): skip the backward pass
  // Max-marginals: the best valid path through (i, l) = forward + backward Viterbi scores.
  std::vector<float> backward(n * L, 0.f);
  for (std::size_t i = n - 1; i-- > 0;)
    for (std::size_t from = 0; from < L; ++from) {
      float best = kNegInf;
      for (std::size_t to = 0; to < L; ++to)
        if (allowed_[from * L + to])
          best = std::max(best, transitions_[from * L + to] + em[(i + 1) * L + to] +
                                    backward[(i + 1) * L + to]);
      backward[i * L + from] = best;
    }
  std::vector<std::string> bio;
  bio.reserve(n);
  for (int l : labels)
    bio.push_back(labels_[static_cast<std::size_t>(l)]);
  std::vector<ScoredEntity> out;
  for (auto& span : tags_to_spans(bio)) {
    double margin = std::numeric_limits<double>::infinity();
    for (std::size_t i = span.begin; i < span.end; ++i) {
      const auto chosen = static_cast<std::size_t>(labels[i]);
      const float best = forward[i * L + chosen] + backward[i * L + chosen];
      float other = kNegInf;
      for (std::size_t l = 0; l < L; ++l)
        if (l != chosen) other = std::max(other, forward[i * L + l] + backward[i * L + l]);
      margin = std::min(margin, static_cast<double>(best) - static_cast<double>(other));
    }
    // The decoded path is a best path, so the margin is >= 0 up to float rounding.
    margin = std::max(margin, 0.0);
    out.push_back({std::move(span), 1.0 / (1.0 + std::exp(-margin))});
  }
  return out;
}

std::string NerModel::to_bytes() const {
  const std::size_t L = labels_.size();
  // Rows in hash order, all-zero rows left out: the same model always gives the same bytes.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
  for (const auto& [hash, row] : rows_) {
    const float* w = weights_.data() + static_cast<std::size_t>(row) * L;
    if (std::any_of(w, w + L, [](float x) { return x != 0.f; })) rows.emplace_back(hash, row);
  }
  std::sort(rows.begin(), rows.end());
  nlohmann::json header = {{"types", types_},
                           {"labels", labels_},
                           {"file_scheme", tag_scheme_name(file_scheme_)},
                           {"features", rows.size()}};
  const std::string h = header.dump();
  std::string out(kMagic, 9);
  put(out, kNerModelVersion);
  put(out, static_cast<std::uint32_t>(h.size()));
  out += h;
  put_array(out, transitions_);
  put_array(out, start_);
  for (const auto& [hash, row] : rows) {
    put(out, hash);
    out.append(reinterpret_cast<const char*>(weights_.data() + static_cast<std::size_t>(row) * L),
               L * sizeof(float));
  }
  return out;
}

NerModel NerModel::from_bytes(std::string_view bytes, std::string_view path_for_errors) {
  binary_io::Reader r(bytes, "NER model", std::string(path_for_errors));
  if (bytes.substr(0, 9) != std::string_view(kMagic, 9)) r.fail("not a secnlp NER model");
  r.get_bytes(9);
  const auto version = r.get<std::uint32_t>();
  if (version != kNerModelVersion)
    r.fail(fmt::format("format version {} is not the one this secnlp reads ({})", version,
                       kNerModelVersion));
  const auto header_size = r.get<std::uint32_t>();
  nlohmann::json header;
  std::vector<std::string> types, labels;
  std::string scheme;
  std::uint64_t features = 0;
  try {
    header = nlohmann::json::parse(r.get_bytes(header_size));
    types = header.at("types").get<std::vector<std::string>>();
    labels = header.at("labels").get<std::vector<std::string>>();
    scheme = header.at("file_scheme").get<std::string>();
    features = header.at("features").get<std::uint64_t>();
  } catch (const nlohmann::json::exception& e) {
    r.fail(fmt::format("bad header: {}", e.what()));
  }
  NerModel m;
  try {
    m = NerModel(types, parse_tag_scheme(scheme));
  } catch (const Error& e) {
    r.fail(e.message());
  }
  if (m.labels_ != labels) r.fail("labels do not match the entity types");
  const std::size_t L = labels.size();
  if (features > (bytes.size() / (8 + L * sizeof(float)))) r.fail("truncated");
  r.get_array(m.transitions_, L * L);
  r.get_array(m.start_, L);
  m.weights_.resize(features * L);
  m.rows_.reserve(features);
  for (std::uint64_t i = 0; i < features; ++i) {
    const auto hash = r.get<std::uint64_t>();
    const auto raw = r.get_bytes(L * sizeof(float));
    std::memcpy(m.weights_.data() + i * L, raw.data(), raw.size());
    if (!m.rows_.emplace(hash, static_cast<std::uint32_t>(i)).second)
      r.fail("a feature is listed twice");
  }
  if (!r.at_end()) r.fail("trailing bytes after the weights");
  if (m.rows_.count(0)) r.fail("a feature hash is 0");
  m.build_index();
  for (float w : m.transitions_)
    if (!std::isfinite(w)) r.fail("non-finite weight");
  return m;
}

void NerModel::fill_weights_for_test(const std::vector<std::uint64_t>& feature_hashes,
                                     const std::function<float()>& next) {
  const std::size_t L = labels_.size();
  for (float& w : transitions_)
    w = next();
  for (float& w : start_)
    w = next();
  rows_.clear();
  weights_.clear();
  for (std::uint64_t h : feature_hashes) {
    if (!rows_.emplace(h, static_cast<std::uint32_t>(rows_.size())).second) continue;
    for (std::size_t l = 0; l < L; ++l)
      weights_.push_back(next());
  }
  build_index();
}

// The averaged perceptron's updates (Daume's trick: w_avg = w - acc / c).
class NerTrainer {
 public:
  explicit NerTrainer(NerModel& m) : m_(m), L_(m.labels_.size()) {
    acc_trans_.assign(m.transitions_.size(), 0.f);
    acc_start_.assign(m.start_.size(), 0.f);
  }

  void grow(std::size_t rows) {
    m_.weights_.resize(rows * L_, 0.f);
    acc_w_.resize(rows * L_, 0.f);
  }

  void train_sentence(const std::vector<std::uint32_t>& rows,
                      const std::vector<std::uint32_t>& offsets, const std::vector<int>& gold) {
    const std::size_t n = gold.size();
    em_.assign(n * L_, 0.f);
    for (std::size_t i = 0; i < n; ++i)
      for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
        const float* w = m_.weights_.data() + static_cast<std::size_t>(rows[k]) * L_;
        for (std::size_t l = 0; l < L_; ++l)
          em_[i * L_ + l] += w[l];
      }
    const std::vector<int> pred = m_.viterbi(em_, n);
    if (pred != gold) {
      for (std::size_t i = 0; i < n; ++i) {
        const auto g = static_cast<std::size_t>(gold[i]), p = static_cast<std::size_t>(pred[i]);
        if (g != p)
          for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
            const std::size_t base = static_cast<std::size_t>(rows[k]) * L_;
            add(m_.weights_, acc_w_, base + g, 1.f);
            add(m_.weights_, acc_w_, base + p, -1.f);
          }
        if (i == 0) {
          add(m_.start_, acc_start_, g, 1.f);
          add(m_.start_, acc_start_, p, -1.f);
        } else {
          const auto gp = static_cast<std::size_t>(gold[i - 1]);
          const auto pp = static_cast<std::size_t>(pred[i - 1]);
          if (g != p || gp != pp) {
            add(m_.transitions_, acc_trans_, gp * L_ + g, 1.f);
            add(m_.transitions_, acc_trans_, pp * L_ + p, -1.f);
          }
        }
      }
    }
    ++c_;
  }

  // A copy of the model with averaged weights.
  NerModel averaged() const {
    NerModel out = m_;
    const auto c = static_cast<float>(c_);
    for (std::size_t i = 0; i < out.weights_.size(); ++i)
      out.weights_[i] -= acc_w_[i] / c;
    for (std::size_t i = 0; i < out.transitions_.size(); ++i)
      out.transitions_[i] -= acc_trans_[i] / c;
    for (std::size_t i = 0; i < out.start_.size(); ++i)
      out.start_[i] -= acc_start_[i] / c;
    out.build_index();
    return out;
  }

 private:
  void add(std::vector<float>& w, std::vector<float>& acc, std::size_t i, float d) {
    w[i] += d;
    acc[i] += static_cast<float>(c_) * d;
  }

  NerModel& m_;
  std::size_t L_;
  std::vector<float> acc_trans_, acc_start_, acc_w_, em_;
  std::uint64_t c_ = 1;
};

NerModel train_ner_model(const std::vector<NerExample>& examples, TagScheme file_scheme,
                         const NerTrainOptions& options,
                         const std::function<bool(int, const NerModel&)>& on_epoch) {
  if (examples.empty()) throw Error(ErrorCode::kInvalidArgument, "no training sentences");
  std::set<std::string> type_set;
  std::vector<std::vector<EntitySpan>> spans;
  for (const auto& ex : examples) {
    if (ex.tokens.size() != ex.tags.size())
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("a training sentence has {} tokens but {} tags", ex.tokens.size(),
                              ex.tags.size()));
    spans.push_back(tags_to_spans(ex.tags));
    for (const auto& s : spans.back())
      type_set.insert(s.type);
  }
  if (type_set.empty())
    throw Error(ErrorCode::kInvalidArgument, "no entities in the training data");
  NerModel model(std::vector<std::string>(type_set.begin(), type_set.end()), file_scheme);
  std::unordered_map<std::string, int> label_index;
  for (std::size_t l = 0; l < model.labels_.size(); ++l)
    label_index[model.labels_[l]] = static_cast<int>(l);

  // Features of every sentence once, as rows; every feature of the training data gets a row.
  struct Prepared {
    std::vector<std::uint32_t> rows, offsets;
    std::vector<int> gold;
  };
  std::vector<Prepared> data(examples.size());
  std::vector<std::uint64_t> hashes;
  for (std::size_t s = 0; s < examples.size(); ++s) {
    ner_features(views_of(examples[s].tokens), hashes, data[s].offsets);
    data[s].rows.reserve(hashes.size());
    for (std::uint64_t h : hashes)
      data[s].rows.push_back(
          model.rows_.emplace(h, static_cast<std::uint32_t>(model.rows_.size())).first->second);
    for (const auto& t : spans_to_tags(spans[s], examples[s].tokens.size(), TagScheme::kBio))
      data[s].gold.push_back(label_index.at(t));
  }
  NerTrainer trainer(model);
  trainer.grow(model.rows_.size());
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with mt19937_64 directly: the same order on every standard library.
    for (std::size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng() % i]);
    for (std::size_t s : order)
      if (!data[s].gold.empty())
        trainer.train_sentence(data[s].rows, data[s].offsets, data[s].gold);
    if (on_epoch && !on_epoch(epoch, trainer.averaged())) break;
  }
  return trainer.averaged();
}

}  // namespace secnlp::nlp
