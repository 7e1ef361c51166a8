#pragma once
// Helpers shared by the 10-K / 10-Q item corpus tests (items_10k_corpus_test.cpp,
// items_10q_corpus_test.cpp): token sets, overlap measures, section printing.

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nlp/sec/item_headings.h"
#include "nlp/sec/section_map.h"

namespace secnlp::testing::items {

// Lower-case ASCII alphanumeric words (other bytes separate words).
inline std::set<std::string> token_set(std::string_view text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    } else if (!w.empty()) {
      out.insert(w);
      w.clear();
    }
  }
  if (!w.empty()) out.insert(w);
  return out;
}

inline std::size_t intersection_size(const std::set<std::string>& a,
                                     const std::set<std::string>& b) {
  std::size_t n = 0;
  for (const auto& w : a)
    n += b.count(w);
  return n;
}

// |A ∩ B| / |A ∪ B|; 1 when both are empty.
inline double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t inter = intersection_size(a, b);
  std::size_t uni = a.size() + b.size() - inter;
  return uni == 0 ? 1.0 : static_cast<double>(inter) / static_cast<double>(uni);
}

// |gold ∩ ours| / |gold|; 1 when gold is empty.
inline double recall(const std::set<std::string>& gold, const std::set<std::string>& ours) {
  return gold.empty() ? 1.0
                      : static_cast<double>(intersection_size(gold, ours)) /
                            static_cast<double>(gold.size());
}

inline void print_sections(std::string_view name, const nlp::sec::SectionMap& map) {
  std::printf("--- %.*s\n", static_cast<int>(name.size()), name.data());
  for (const auto& n : map.notes)
    std::printf("    note: %s\n", n.c_str());
  for (const auto& s : map.sections) {
    std::string h = s.heading.substr(0, 60);
    std::replace(h.begin(), h.end(), '\t', '|');
    std::printf("    %-12s %8u %8u %-16s %.2f flags=%02x  %s%s%s\n", s.item.c_str(), s.begin,
                s.end - s.begin, s.method.c_str(), s.confidence, s.flags, h.c_str(),
                s.refers_to.empty() ? "" : "  -> ", s.refers_to.c_str());
  }
}

// The first table of contents of a filing, found independently of the segmenter: a cluster of
// >= 5 lines starting "Item <digit>", each within 400 bytes of the previous one and with a new
// number, in which at
// least half of the item numbers appear again at a line start after the cluster. [begin, end)
// of the cluster, or {0, 0}.
inline std::pair<std::size_t, std::size_t> toc_region(std::string_view text) {
  struct ItemLine {
    std::size_t begin, end;
    std::string number;
  };
  std::vector<ItemLine> lines;
  std::size_t p = 0;
  while (p < text.size()) {
    std::size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(p, e - p);
    std::size_t k = 0;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t'))
      ++k;
    if (line.size() >= k + 6) {
      std::string head(line.substr(k, 4));
      for (char& c : head)
        c = static_cast<char>(c | 0x20);
      std::size_t d = k + 4;
      while (d < line.size() && line[d] == ' ')
        ++d;
      if (head == "item" && d < line.size() && line[d] >= '0' && line[d] <= '9') {
        std::string number;
        while (d < line.size() && number.size() < 3 &&
               ((line[d] >= '0' && line[d] <= '9') || (line[d] >= 'A' && line[d] <= 'C')))
          number.push_back(line[d++]);
        lines.push_back({p, e, number});
      }
    }
    p = e + 1;
  }
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    std::set<std::string> seen{lines[i].number};
    // A number seen twice starts the body: "Item 16. Form 10-K Summary" / "PART I" / "Item 1."
    while (j + 1 < lines.size() && lines[j + 1].begin - lines[j].begin <= 400 &&
           seen.insert(lines[j + 1].number).second)
      ++j;
    if (j - i + 1 >= 5) {
      std::size_t again = 0;
      for (std::size_t m = i; m <= j; ++m)
        for (std::size_t n = j + 1; n < lines.size(); ++n)
          if (lines[n].number == lines[m].number) {
            ++again;
            break;
          }
      if (again * 2 >= j - i + 1) return {lines[i].begin, lines[j].end};
    }
    i = j + 1;
  }
  return {0, 0};
}

inline bool starts_in_toc(std::string_view text, const nlp::sec::ItemSection& s) {
  auto [b, e] = toc_region(text);
  return s.begin >= b && s.begin < e;
}

}  // namespace secnlp::testing::items
