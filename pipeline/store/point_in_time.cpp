#include "pipeline/store/point_in_time.h"

#include <cctype>
#include <cstdint>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::store {
namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s)
    n = n * 10 + (c - '0');
  return n;
}

bool valid_date(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  if (d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::optional<std::string> from_parts(std::string_view y, std::string_view mo, std::string_view d,
                                      std::string_view h, std::string_view mi, std::string_view s) {
  for (auto part : {y, mo, d, h, mi, s})
    if (!digits(part)) return std::nullopt;
  if (!valid_date(number(y), number(mo), number(d))) return std::nullopt;
  if (number(h) > 23 || number(mi) > 59 || number(s) > 60) return std::nullopt;
  return fmt::format("{}-{}-{}T{}:{}:{}", y, mo, d, h, mi, s);
}

// Howard Hinnant's days_from_civil / civil_from_days (days since 1970-01-01).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace

std::optional<std::string> normalize_acceptance(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
    t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
    t.remove_suffix(1);
  if (t.size() == 14 && digits(t))
    return from_parts(t.substr(0, 4), t.substr(4, 2), t.substr(6, 2), t.substr(8, 2),
                      t.substr(10, 2), t.substr(12, 2));
  if (t.size() >= 19 && t[4] == '-' && t[7] == '-' && (t[10] == 'T' || t[10] == ' ') &&
      t[13] == ':' && t[16] == ':') {
    std::string_view rest = t.substr(19);
    if (!rest.empty() && rest.front() == '.') {  // fractional seconds
      rest.remove_prefix(1);
      while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front())))
        rest.remove_prefix(1);
    }
    if (!rest.empty() && rest != "Z") return std::nullopt;
    return from_parts(t.substr(0, 4), t.substr(5, 2), t.substr(8, 2), t.substr(11, 2),
                      t.substr(14, 2), t.substr(17, 2));
  }
  return std::nullopt;
}

std::string available_at(std::string_view accepted, std::string_view filed) {
  if (auto a = normalize_acceptance(accepted)) return *a;
  if (filed.size() == 10 && filed[4] == '-' && filed[7] == '-')
    return std::string(filed) + "T23:59:59";
  return {};
}

std::string as_of_bound(std::string_view as_of) {
  if (as_of.size() == 10 && as_of[4] == '-' && as_of[7] == '-' &&
      from_parts(as_of.substr(0, 4), as_of.substr(5, 2), as_of.substr(8, 2), "00", "00", "00"))
    return std::string(as_of) + "T23:59:59";
  if (auto a = normalize_acceptance(as_of)) return *a;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("--as-of '{}' is not a date (YYYY-MM-DD) or date and time "
                          "(YYYY-MM-DDTHH:MM:SS, US Eastern)",
                          as_of));
}

std::string tradable_from(std::string_view available) {
  if (available.size() < 19) return {};
  const std::string date(available.substr(0, 10));
  if (available.substr(11, 8) < "16:00:00") return date;
  if (!digits(date.substr(0, 4)) || !digits(date.substr(5, 2)) || !digits(date.substr(8, 2)))
    return date;
  // 1970-01-01 was a Thursday: weekday = (n + 4) % 7 with 0 = Sunday.
  std::int64_t next = days_from_civil(number(date.substr(0, 4)), number(date.substr(5, 2)),
                                      number(date.substr(8, 2))) +
                      1;
  auto weekday = [](std::int64_t n) { return ((n + 4) % 7 + 7) % 7; };
  while (weekday(next) == 0 || weekday(next) == 6)
    ++next;
  return civil_from_days(next);
}

}  // namespace secnlp::store
