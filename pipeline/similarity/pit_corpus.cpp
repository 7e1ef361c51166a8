#include "pipeline/similarity/pit_corpus.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/hash.h"

namespace secnlp::similarity {

void PitCorpus::add(const nlp::SparseVector& vector, std::string_view identity) {
  for (std::uint32_t id : vector.ids) {
    if (id >= df_.size()) df_.resize(static_cast<std::size_t>(id) + 1, 0);
    vocabulary_ += df_[id]++ == 0;
  }
  ++documents_;
  stamp_ = hash64(fmt::format("{:016x}|{}", stamp_, identity));
}

double smooth_idf(std::size_t n, std::size_t df) {
  return std::log((static_cast<double>(n) + 1.0) / (static_cast<double>(df) + 1.0)) + 1.0;
}

double PitCorpus::idf(std::uint32_t id) const {
  return smooth_idf(documents_, df(id));
}

std::string PitCorpus::stamp() const {
  return documents_ == 0 ? std::string("empty") : fmt::format("{:016x}", stamp_);
}

double ordered_sum(std::vector<double>& values) {
  std::sort(values.begin(), values.end());
  double sum = 0.0;
  for (double v : values)
    sum += v;
  return sum;
}

double tfidf_cosine(const nlp::SparseVector& a, const nlp::SparseVector& b,
                    const PitCorpus& corpus) {
  std::vector<double> idf_a(a.ids.size()), idf_b(b.ids.size());
  for (std::size_t i = 0; i < a.ids.size(); ++i)
    idf_a[i] = corpus.idf(a.ids[i]);
  for (std::size_t j = 0; j < b.ids.size(); ++j)
    idf_b[j] = corpus.idf(b.ids[j]);
  return tfidf_cosine(a, idf_a, b, idf_b);
}

double tfidf_cosine(const nlp::SparseVector& a, const std::vector<double>& idf_a,
                    const nlp::SparseVector& b, const std::vector<double>& idf_b) {
  if (a.ids.empty() || b.ids.empty()) return 0.0;
  std::vector<double> wa(a.ids.size()), wb(b.ids.size());
  for (std::size_t i = 0; i < a.ids.size(); ++i)
    wa[i] = a.values[i] * idf_a[i];
  for (std::size_t j = 0; j < b.ids.size(); ++j)
    wb[j] = b.values[j] * idf_b[j];
  std::vector<double> dot, na, nb;
  dot.reserve(std::min(a.ids.size(), b.ids.size()));
  for (std::size_t i = 0, j = 0; i < a.ids.size() && j < b.ids.size();) {
    if (a.ids[i] < b.ids[j]) {
      ++i;
    } else if (b.ids[j] < a.ids[i]) {
      ++j;
    } else {
      dot.push_back(wa[i++] * wb[j++]);
    }
  }
  na.reserve(wa.size());
  nb.reserve(wb.size());
  for (double w : wa)
    na.push_back(w * w);
  for (double w : wb)
    nb.push_back(w * w);
  const double denominator = std::sqrt(ordered_sum(na)) * std::sqrt(ordered_sum(nb));
  return denominator > 0 ? ordered_sum(dot) / denominator : 0.0;
}

}  // namespace secnlp::similarity
