#include "nlp/similarity/levenshtein.h"

#include <algorithm>
#include <vector>

namespace secnlp::nlp {

using Seq = std::span<const std::uint32_t>;

std::size_t levenshtein_distance(Seq a, Seq b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
    ++pre;
  a = a.subspan(pre);
  b = b.subspan(pre);
  std::size_t suf = 0;
  while (suf < a.size() && suf < b.size() && a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  a = a.first(a.size() - suf);
  b = b.first(b.size() - suf);
  if (a.empty() || b.empty()) return std::max(a.size(), b.size());

  using Index = std::ptrdiff_t;
  const Index n = static_cast<Index>(a.size());
  const Index m = static_cast<Index>(b.size());
  // Diagonal k = j - i, from -n to m. row[k] = furthest i reached on diagonal k, or kNone.
  constexpr Index kNone = -1;
  const Index offset = n + 1;
  std::vector<Index> prev(static_cast<std::size_t>(n + m + 3), kNone);
  std::vector<Index> cur(prev.size(), kNone);
  auto slide = [&](Index i, Index k) {
    while (i < n && i + k < m &&
           a[static_cast<std::size_t>(i)] == b[static_cast<std::size_t>(i + k)])
      ++i;
    return i;
  };
  const Index target = m - n;
  prev[static_cast<std::size_t>(offset)] = slide(0, 0);
  if (target == 0 && prev[static_cast<std::size_t>(offset)] == n) return 0;
  for (Index d = 1;; ++d) {
    const Index lo = std::max(-n, -d);
    const Index hi = std::min(m, d);
    for (Index k = lo; k <= hi; ++k) {
      const auto at = [&](Index kk) -> Index {
        return (kk < -n || kk > m) ? kNone : prev[static_cast<std::size_t>(kk + offset)];
      };
      Index i = kNone;
      const Index sub = at(k);
      if (sub != kNone) i = std::max(i, sub + 1);  // substitution: i+1, j+1
      const Index del = at(k + 1);
      if (del != kNone) i = std::max(i, del + 1);  // delete a[i]: i+1, j
      const Index ins = at(k - 1);
      if (ins != kNone) i = std::max(i, ins);     // insert b[j]: i, j+1
      if (k < 0 && d == -k) i = std::max(i, -k);  // the first column: i = -k, j = 0
      if (i == kNone) continue;
      i = std::min(i, n);
      if (i + k > m) i = m - k;
      i = slide(i, k);
      cur[static_cast<std::size_t>(k + offset)] = i;
      if (k == target && i == n) return static_cast<std::size_t>(d);
    }
    std::swap(prev, cur);
  }
}

double levenshtein_similarity(Seq a, Seq b) {
  const std::size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(levenshtein_distance(a, b)) / static_cast<double>(longest);
}

}  // namespace secnlp::nlp
