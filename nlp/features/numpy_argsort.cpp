#include "nlp/features/numpy_argsort.h"

#include <bit>
#include <utility>

namespace secnlp::nlp {
namespace {

using Index = std::ptrdiff_t;
constexpr Index kSmallQuicksort = 15;  // numpy's SMALL_QUICKSORT
constexpr int kStack = 128;            // numpy's PYA_QS_STACK (bits of intp * 2)

// numpy's aheapsort_ (1-based heap over tosort[0..n)).
void aheapsort(const std::int64_t* v, Index* tosort, Index n) {
  Index* a = tosort - 1;
  Index i = 0;
  Index j = 0;
  Index tmp = 0;
  for (Index l = n >> 1; l > 0; --l) {
    tmp = a[l];
    for (i = l, j = l << 1; j <= n;) {
      if (j < n && v[a[j]] < v[a[j + 1]]) j += 1;
      if (v[tmp] < v[a[j]]) {
        a[i] = a[j];
        i = j;
        j += j;
      } else {
        break;
      }
    }
    a[i] = tmp;
  }
  for (; n > 1;) {
    tmp = a[n];
    a[n] = a[1];
    n -= 1;
    for (i = 1, j = 2; j <= n;) {
      if (j < n && v[a[j]] < v[a[j + 1]]) j++;
      if (v[tmp] < v[a[j]]) {
        a[i] = a[j];
        i = j;
        j += j;
      } else {
        break;
      }
    }
    a[i] = tmp;
  }
}

// numpy's npy_get_msb: index of the highest set bit.
int msb(std::size_t n) {
  return n == 0 ? 0 : static_cast<int>(std::bit_width(n)) - 1;
}

// numpy's aquicksort_, transcribed with the same pointer moves so ties resolve identically.
void aquicksort(const std::int64_t* v, Index* tosort, Index num) {
  Index* pl = tosort;
  Index* pr = tosort + num - 1;
  Index* stack[kStack];
  Index** sptr = stack;
  int depth[kStack];
  int* psdepth = depth;
  int cdepth = msb(static_cast<std::size_t>(num)) * 2;

  for (;;) {
    if (cdepth < 0) {
      aheapsort(v, pl, pr - pl + 1);
    } else {
      while ((pr - pl) > kSmallQuicksort) {
        Index* pm = pl + ((pr - pl) >> 1);
        if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
        if (v[*pr] < v[*pm]) std::swap(*pr, *pm);
        if (v[*pm] < v[*pl]) std::swap(*pm, *pl);
        const std::int64_t vp = v[*pm];
        Index* pi = pl;
        Index* pj = pr - 1;
        std::swap(*pm, *pj);
        for (;;) {
          do {
            ++pi;
          } while (v[*pi] < vp);
          do {
            --pj;
          } while (vp < v[*pj]);
          if (pi >= pj) break;
          std::swap(*pi, *pj);
        }
        Index* pk = pr - 1;
        std::swap(*pi, *pk);
        // Push the larger partition; continue with the smaller.
        if (pi - pl < pr - pi) {
          *sptr++ = pi + 1;
          *sptr++ = pr;
          pr = pi - 1;
        } else {
          *sptr++ = pl;
          *sptr++ = pi - 1;
          pl = pi + 1;
        }
        *psdepth++ = --cdepth;
      }
      for (Index* pi = pl + 1; pi <= pr; ++pi) {
        const Index vi = *pi;
        const std::int64_t vp = v[vi];
        Index* pj = pi;
        Index* pk = pi - 1;
        while (pj > pl && vp < v[*pk])
          *pj-- = *pk--;
        *pj = vi;
      }
    }
    if (sptr == stack) break;
    pr = *(--sptr);
    pl = *(--sptr);
    cdepth = *(--psdepth);
  }
}

}  // namespace

std::vector<std::size_t> numpy_argsort(std::span<const std::int64_t> keys) {
  std::vector<Index> order(keys.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = static_cast<Index>(i);
  if (!keys.empty()) aquicksort(keys.data(), order.data(), static_cast<Index>(order.size()));
  return std::vector<std::size_t>(order.begin(), order.end());
}

}  // namespace secnlp::nlp
