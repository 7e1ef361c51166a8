#include "pipeline/similarity/filing_pairs.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "nlp/sec/section_map.h"

namespace secnlp::similarity {
namespace {

bool is_amendment(const std::string& form) {
  return form.find("/A") != std::string::npos;
}

// Period as a day number; a filing with only a fiscal year is placed at that year's end.
std::optional<std::int64_t> period_day(const FilingRef& f) {
  if (auto d = day_number(f.period)) return d;
  if (f.fiscal_year) return day_number(std::to_string(*f.fiscal_year) + "-12-31");
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> day_number(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  try {
    y = std::stoi(date.substr(0, 4));
    m = std::stoi(date.substr(5, 2));
    d = std::stoi(date.substr(8, 2));
  } catch (...) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

std::vector<FilingPair> pair_filings(std::vector<FilingRef> filings) {
  using nlp::sec::FormFamily;
  // (company, family) -> filings with a known period, sorted by period then filing date.
  std::map<std::pair<std::string, int>, std::vector<FilingRef>> groups;
  for (auto& f : filings) {
    if (f.company.empty() || is_amendment(f.form) || !period_day(f)) continue;
    const FormFamily family = nlp::sec::form_family(f.form);
    if (family != FormFamily::k10K && family != FormFamily::k10Q) continue;
    groups[{f.company, static_cast<int>(family)}].push_back(std::move(f));
  }
  std::vector<FilingPair> pairs;
  for (auto& [key, group] : groups) {
    std::sort(group.begin(), group.end(), [](const FilingRef& a, const FilingRef& b) {
      return std::tuple(*period_day(a), a.filed, a.path) <
             std::tuple(*period_day(b), b.filed, b.path);
    });
    const bool annual = key.second == static_cast<int>(FormFamily::k10K);
    for (std::size_t i = 0; i < group.size(); ++i) {
      const std::int64_t day = *period_day(group[i]);
      const FilingRef* previous = nullptr;
      for (std::size_t j = i; j-- > 0;) {
        const std::int64_t gap = day - *period_day(group[j]);
        if (annual) {
          // The latest earlier fiscal period; two filings for one period (a re-filing) are not
          // a year-over-year change.
          if (gap > 0) {
            previous = &group[j];
            break;
          }
        } else if (gap >= 330 && gap <= 400) {
          previous = &group[j];
          break;
        } else if (gap > 400) {
          break;
        }
      }
      if (previous) pairs.push_back({group[i], *previous});
    }
  }
  return pairs;
}

}  // namespace secnlp::similarity
