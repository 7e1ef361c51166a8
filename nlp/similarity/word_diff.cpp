#include "nlp/similarity/word_diff.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <unordered_map>
#include <utility>

namespace secnlp::nlp {
namespace {

using Seq = std::span<const std::uint32_t>;
using Index = std::ptrdiff_t;

// Bit-parallel LCS works on strips of a of this many 64-bit words, so that the per-strip match
// table (slots x kStripWords words) stays in cache whatever the length of a.
constexpr std::size_t kStripWords = 32;
constexpr std::size_t kStripBits = 64 * kStripWords;

// Myers is abandoned for the bit-parallel LCS when its work (diagonal steps plus snake steps)
// exceeds this share of the bit-parallel cost estimate (one step per machine word per row), so
// that very different documents waste at most half a bit-parallel pass on the attempt.
constexpr std::size_t kMyersWorkDivisor = 2;

// Ids as dense indices: the table that maps an id to its strip slot is a flat array when the
// ids are small enough, so huge ids (hashes) are renumbered once.
struct DenseIds {
  std::vector<std::uint32_t> a_store;
  std::vector<std::uint32_t> b_store;
  Seq a;
  Seq b;
  std::size_t alphabet = 0;  // every id < alphabet
};

DenseIds densify(Seq a, Seq b) {
  DenseIds d;
  std::uint32_t max_id = 0;
  for (std::uint32_t x : a)
    max_id = std::max(max_id, x);
  for (std::uint32_t x : b)
    max_id = std::max(max_id, x);
  const std::size_t limit = 4 * (a.size() + b.size()) + 65536;
  if (static_cast<std::size_t>(max_id) < limit) {
    d.a = a;
    d.b = b;
    d.alphabet = static_cast<std::size_t>(max_id) + 1;
    return d;
  }
  std::unordered_map<std::uint32_t, std::uint32_t> ids;
  auto id_of = [&](std::uint32_t x) {
    return ids.try_emplace(x, static_cast<std::uint32_t>(ids.size())).first->second;
  };
  d.a_store.reserve(a.size());
  d.b_store.reserve(b.size());
  for (std::uint32_t x : a)
    d.a_store.push_back(id_of(x));
  for (std::uint32_t x : b)
    d.b_store.push_back(id_of(x));
  d.a = d.a_store;
  d.b = d.b_store;
  d.alphabet = ids.size();
  return d;
}

std::size_t bit_parallel_cost(std::size_t n, std::size_t m) {
  return ((n + 63) / 64) * m + n + m;
}

// Bit-parallel LCS (Hyyrö's formulation of Allison & Dix): V starts all ones over the positions
// of a; for each word c of b, with M the positions of a holding c and U = V & M,
// V = (V + U) | (V & ~M). Afterwards LCS(a[0:i], b) = number of zero bits in V[0:i].
// Processes a in strips, carrying each row's addition carry from one strip to the next.
class BitParallelLcs {
 public:
  explicit BitParallelLcs(std::size_t alphabet) : slot_of_(alphabet, -1) {}

  // prefix[i] = LCS(a[0:i], b) for i in [0, a.size()].
  void prefix_row(Seq a, Seq b, std::vector<std::uint32_t>& prefix) {
    prefix.assign(a.size() + 1, 0);
    run(a, b, &prefix);
  }
  // LCS(a, b).
  std::size_t length(Seq a, Seq b) { return run(a, b, nullptr); }

 private:
  std::size_t run(Seq a, Seq b, std::vector<std::uint32_t>* prefix) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    carry_.assign(m, 0);
    std::size_t lcs = 0;
    std::uint64_t v[kStripWords];
    for (std::size_t start = 0; start < n; start += kStripBits) {
      const std::size_t len = std::min(kStripBits, n - start);
      const std::size_t words = (len + 63) / 64;
      // Match masks of this strip, one slot per distinct word.
      used_.clear();
      peq_.clear();
      for (std::size_t p = 0; p < len; ++p) {
        const std::uint32_t sym = a[start + p];
        std::int32_t slot = slot_of_[sym];
        if (slot < 0) {
          slot = static_cast<std::int32_t>(used_.size());
          slot_of_[sym] = slot;
          used_.push_back(sym);
          peq_.resize(peq_.size() + kStripWords, 0);
        }
        peq_[static_cast<std::size_t>(slot) * kStripWords + p / 64] |= std::uint64_t{1} << (p % 64);
      }
      std::fill(v, v + words, ~std::uint64_t{0});
      for (std::size_t j = 0; j < m; ++j) {
        const std::int32_t slot = slot_of_[b[j]];
        std::uint64_t carry = carry_[j];
        if (slot < 0) {
          if (carry == 0) continue;  // V + 0 | V = V
          for (std::size_t w = 0; w < words && carry; ++w) {
            const std::uint64_t x = v[w];
            const std::uint64_t s = x + carry;
            carry = s < x;
            v[w] = s | x;
          }
        } else {
          const std::uint64_t* mask = &peq_[static_cast<std::size_t>(slot) * kStripWords];
          for (std::size_t w = 0; w < words; ++w) {
            const std::uint64_t x = v[w];
            const std::uint64_t u = x & mask[w];
            const std::uint64_t s1 = x + u;
            const std::uint64_t c1 = s1 < x;
            const std::uint64_t s2 = s1 + carry;
            carry = c1 | (s2 < s1);
            v[w] = s2 | (x & ~mask[w]);
          }
        }
        carry_[j] = static_cast<std::uint8_t>(carry);
      }
      for (std::uint32_t sym : used_)
        slot_of_[sym] = -1;
      // Zeros among the first len bits.
      for (std::size_t w = 0; w < words; ++w) {
        const std::size_t bits = std::min<std::size_t>(64, len - 64 * w);
        const std::uint64_t keep =
            bits == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << bits) - 1);
        const std::uint64_t zeros = ~v[w] & keep;
        if (prefix != nullptr) {
          std::uint32_t* out = prefix->data() + start + 64 * w;
          for (std::size_t k = 0; k < bits; ++k)
            out[k + 1] = out[k] + static_cast<std::uint32_t>((zeros >> k) & 1);
        }
        lcs += static_cast<std::size_t>(std::popcount(zeros));
      }
    }
    return lcs;
  }

  std::vector<std::int32_t> slot_of_;
  std::vector<std::uint32_t> used_;
  std::vector<std::uint64_t> peq_;
  std::vector<std::uint8_t> carry_;
};

std::size_t common_prefix(Seq a, Seq b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i])
    ++i;
  return i;
}

std::size_t common_suffix(Seq a, Seq b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[a.size() - 1 - i] == b[b.size() - 1 - i])
    ++i;
  return i;
}

// Greedy forward Myers: D, or -1 when the work exceeds `work_limit`.
Index myers_distance(Seq a, Seq b, std::size_t work_limit, std::vector<Index>& v_buf) {
  const Index n = static_cast<Index>(a.size());
  const Index m = static_cast<Index>(b.size());
  const Index max_d = n + m;
  v_buf.assign(static_cast<std::size_t>(2 * max_d + 3), 0);
  Index* v = v_buf.data() + max_d + 1;
  std::size_t work = 0;
  for (Index d = 0; d <= max_d; ++d) {
    for (Index k = -d; k <= d; k += 2) {
      Index x = (k == -d || (k != d && v[k - 1] < v[k + 1])) ? v[k + 1] : v[k - 1] + 1;
      Index y = x - k;
      const Index x0 = x;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      work += 1 + static_cast<std::size_t>(x - x0);
      v[k] = x;
      if (x >= n && y >= m) return d;
    }
    if (work > work_limit) return -1;
  }
  return max_d;
}

struct Snake {
  Index x = 0, y = 0, u = 0, v = 0;  // (x, y) to (u, v): a diagonal run of matches
};

class Differ {
 public:
  explicit Differ(std::size_t alphabet, std::size_t total) : lcs_(alphabet) {
    vf_.assign(2 * total + 3, 0);
    vb_.assign(2 * total + 3, 0);
  }

  void diff(Seq a, std::size_t a_off, Seq b, std::size_t b_off) {
    const std::size_t pre = common_prefix(a, b);
    emit(EditOp::kEqual, a_off, b_off, pre);
    a = a.subspan(pre);
    b = b.subspan(pre);
    a_off += pre;
    b_off += pre;
    const std::size_t suf = common_suffix(a, b);
    a = a.first(a.size() - suf);
    b = b.first(b.size() - suf);
    solve(a, a_off, b, b_off);
    emit(EditOp::kEqual, a_off + a.size(), b_off + b.size(), suf);
  }

  std::vector<EditRun> take() { return std::move(out_); }

 private:
  // a and b have no common prefix or suffix.
  void solve(Seq a, std::size_t a_off, Seq b, std::size_t b_off) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n == 0 || m == 0) {
      emit(EditOp::kDelete, a_off, b_off, n);
      emit(EditOp::kInsert, a_off + n, b_off, m);
      return;
    }
    if (n == 1 || m == 1) {
      single(a, a_off, b, b_off);
      return;
    }
    Snake s;
    if (middle_snake(a, b, bit_parallel_cost(n, m) / kMyersWorkDivisor, s)) {
      const auto x = static_cast<std::size_t>(s.x);
      const auto y = static_cast<std::size_t>(s.y);
      const auto u = static_cast<std::size_t>(s.u);
      const auto v = static_cast<std::size_t>(s.v);
      diff(a.first(x), a_off, b.first(y), b_off);
      emit(EditOp::kEqual, a_off + x, b_off + y, u - x);
      diff(a.subspan(u), a_off + u, b.subspan(v), b_off + v);
      return;
    }
    // Hirschberg: split b in half, a where the two halves' LCS rows sum to the maximum.
    const std::size_t mid = m / 2;
    lcs_.prefix_row(a, b.first(mid), forward_);
    rev_a_.assign(a.rbegin(), a.rend());
    rev_b_.assign(b.rbegin(), b.rend() - static_cast<Index>(mid));
    lcs_.prefix_row(rev_a_, rev_b_, backward_);
    std::size_t best_i = 0;
    std::uint32_t best = 0;
    for (std::size_t i = 0; i <= n; ++i) {
      const std::uint32_t total = forward_[i] + backward_[n - i];
      if (total > best || i == 0) {
        best = total;
        best_i = i;
      }
    }
    diff(a.first(best_i), a_off, b.first(mid), b_off);
    diff(a.subspan(best_i), a_off + best_i, b.subspan(mid), b_off + mid);
  }

  // One side has a single word (and the two share no prefix or suffix).
  void single(Seq a, std::size_t a_off, Seq b, std::size_t b_off) {
    if (a.size() == 1) {
      const auto it = std::find(b.begin(), b.end(), a[0]);
      if (it == b.end()) {
        emit(EditOp::kDelete, a_off, b_off, 1);
        emit(EditOp::kInsert, a_off + 1, b_off, b.size());
        return;
      }
      const auto q = static_cast<std::size_t>(it - b.begin());
      emit(EditOp::kInsert, a_off, b_off, q);
      emit(EditOp::kEqual, a_off, b_off + q, 1);
      emit(EditOp::kInsert, a_off + 1, b_off + q + 1, b.size() - q - 1);
      return;
    }
    const auto it = std::find(a.begin(), a.end(), b[0]);
    if (it == a.end()) {
      emit(EditOp::kDelete, a_off, b_off, a.size());
      emit(EditOp::kInsert, a_off + a.size(), b_off, 1);
      return;
    }
    const auto p = static_cast<std::size_t>(it - a.begin());
    emit(EditOp::kDelete, a_off, b_off, p);
    emit(EditOp::kEqual, a_off + p, b_off, 1);
    emit(EditOp::kDelete, a_off + p + 1, b_off + 1, a.size() - p - 1);
  }

  // Myers 1986, section 4b: the middle snake of an optimal path, searched from both ends at
  // once. False when the work exceeds `work_limit`.
  bool middle_snake(Seq a, Seq b, std::size_t work_limit, Snake& out) {
    const Index n = static_cast<Index>(a.size());
    const Index m = static_cast<Index>(b.size());
    const Index delta = n - m;
    const bool odd = (delta & 1) != 0;
    const Index max_d = (n + m + 1) / 2;
    Index* vf = vf_.data() + (n + m) + 1;
    Index* vb = vb_.data() + (n + m) + 1;
    vf[1] = 0;
    vb[1] = 0;
    std::size_t work = 0;
    auto A = [&](Index i) { return a[static_cast<std::size_t>(i)]; };
    auto B = [&](Index j) { return b[static_cast<std::size_t>(j)]; };
    for (Index d = 0; d <= max_d; ++d) {
      for (Index k = -d; k <= d; k += 2) {
        Index x = (k == -d || (k != d && vf[k - 1] < vf[k + 1])) ? vf[k + 1] : vf[k - 1] + 1;
        Index y = x - k;
        const Index x0 = x;
        const Index y0 = y;
        while (x < n && y < m && A(x) == B(y)) {
          ++x;
          ++y;
        }
        work += 1 + static_cast<std::size_t>(x - x0);
        vf[k] = x;
        const Index c = delta - k;  // the reverse diagonal through the same cells
        if (odd && c >= -(d - 1) && c <= d - 1 && x + vb[c] >= n) {
          out = Snake{x0, y0, x, y};
          return true;
        }
      }
      for (Index k = -d; k <= d; k += 2) {
        // Reverse search in mirrored coordinates: x' = n - x, y' = m - y.
        Index x = (k == -d || (k != d && vb[k - 1] < vb[k + 1])) ? vb[k + 1] : vb[k - 1] + 1;
        Index y = x - k;
        const Index x0 = x;
        const Index y0 = y;
        while (x < n && y < m && A(n - 1 - x) == B(m - 1 - y)) {
          ++x;
          ++y;
        }
        work += 1 + static_cast<std::size_t>(x - x0);
        vb[k] = x;
        const Index c = delta - k;
        if (!odd && c >= -d && c <= d && x + vf[c] >= n) {
          out = Snake{n - x, m - y, n - x0, m - y0};
          return true;
        }
      }
      if (work > work_limit) return false;
    }
    return false;  // unreachable: the searches meet by d = ceil((n+m)/2)
  }

  void emit(EditOp op, std::size_t a_pos, std::size_t b_pos, std::size_t length) {
    if (length == 0) return;
    if (!out_.empty()) {
      EditRun& last = out_.back();
      const bool contiguous =
          last.op == op &&
          (op == EditOp::kEqual    ? last.a_pos + last.length == a_pos
           : op == EditOp::kDelete ? last.a_pos + last.length == a_pos && last.b_pos == b_pos
                                   : last.b_pos + last.length == b_pos && last.a_pos == a_pos);
      if (contiguous) {
        last.length += length;
        return;
      }
    }
    out_.push_back(EditRun{op, a_pos, b_pos, length});
  }

  BitParallelLcs lcs_;
  std::vector<Index> vf_;
  std::vector<Index> vb_;
  std::vector<std::uint32_t> forward_;
  std::vector<std::uint32_t> backward_;
  std::vector<std::uint32_t> rev_a_;
  std::vector<std::uint32_t> rev_b_;
  std::vector<EditRun> out_;
};

}  // namespace

DiffStats diff_stats(Seq a, Seq b) {
  DiffStats s;
  s.a_size = a.size();
  s.b_size = b.size();
  const std::size_t pre = common_prefix(a, b);
  Seq ra = a.subspan(pre);
  Seq rb = b.subspan(pre);
  const std::size_t suf = common_suffix(ra, rb);
  ra = ra.first(ra.size() - suf);
  rb = rb.first(rb.size() - suf);
  std::size_t lcs = 0;
  if (!ra.empty() && !rb.empty()) {
    std::vector<Index> v;
    const Index d =
        myers_distance(ra, rb, bit_parallel_cost(ra.size(), rb.size()) / kMyersWorkDivisor, v);
    if (d >= 0) {
      lcs = (ra.size() + rb.size() - static_cast<std::size_t>(d)) / 2;
    } else {
      const DenseIds ids = densify(ra, rb);
      BitParallelLcs bp(ids.alphabet);
      // Bits over the shorter sequence: fewer words per row.
      lcs = ids.a.size() <= ids.b.size() ? bp.length(ids.a, ids.b) : bp.length(ids.b, ids.a);
    }
  }
  s.common = pre + suf + lcs;
  s.deleted = s.a_size - s.common;
  s.inserted = s.b_size - s.common;
  return s;
}

std::vector<EditRun> edit_script(Seq a, Seq b) {
  const DenseIds ids = densify(a, b);
  Differ differ(ids.alphabet, a.size() + b.size());
  differ.diff(ids.a, 0, ids.b, 0);
  return differ.take();
}

DiffStats stats_of(std::span<const EditRun> script) {
  DiffStats s;
  for (const EditRun& r : script) {
    switch (r.op) {
      case EditOp::kEqual:
        s.common += r.length;
        break;
      case EditOp::kDelete:
        s.deleted += r.length;
        break;
      case EditOp::kInsert:
        s.inserted += r.length;
        break;
    }
  }
  s.a_size = s.common + s.deleted;
  s.b_size = s.common + s.inserted;
  return s;
}

std::size_t edit_distance(Seq a, Seq b) {
  return diff_stats(a, b).distance();
}

double edit_similarity(Seq a, Seq b) {
  const std::size_t total = a.size() + b.size();
  if (total == 0) return 1.0;
  return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(total);
}

ChangeCounts count_changes(std::span<const EditRun> script) {
  ChangeCounts c;
  std::size_t del = 0;
  std::size_t ins = 0;
  auto close_region = [&] {
    if (del == 0 && ins == 0) return;
    ++c.regions;
    if (del == 0) {
      c.added += ins;
    } else if (ins == 0) {
      c.deleted += del;
    } else {
      c.changed += std::max(del, ins);
    }
    del = 0;
    ins = 0;
  };
  for (const EditRun& r : script) {
    if (r.op == EditOp::kEqual) {
      close_region();
    } else if (r.op == EditOp::kDelete) {
      del += r.length;
    } else {
      ins += r.length;
    }
  }
  close_region();
  return c;
}

double simple_similarity(const ChangeCounts& counts, std::size_t a_size, std::size_t b_size) {
  if (a_size + b_size == 0) return 1.0;
  const double average = (static_cast<double>(a_size) + static_cast<double>(b_size)) / 2.0;
  return std::max(0.0, 1.0 - static_cast<double>(counts.total()) / average);
}

double simple_similarity(Seq a, Seq b) {
  return simple_similarity(count_changes(edit_script(a, b)), a.size(), b.size());
}

}  // namespace secnlp::nlp
