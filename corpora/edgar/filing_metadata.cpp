#include "corpora/edgar/filing_metadata.h"
#include "common/ascii.h"
#include "common/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"

namespace secnlp::corpora {
namespace {

using ascii::is_space;
using ascii::lower;
using ascii::starts_with_ci;
using ascii::trim;

constexpr std::size_t kMaxFactBytes = 64 * 1024;  // text read for one dei fact

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string strip_leading_zeros(std::string_view v) {
  v = trim(v);
  if (!all_digits(v)) return std::string(v);
  while (v.size() > 1 && v.front() == '0')
    v.remove_prefix(1);
  return std::string(v);
}

// 1..12 for "January", "Jan", "Sept", any case; 0 otherwise.
int month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  std::string n;
  for (char c : name)
    n += lower(c);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (n == kMonths[i] || n == kMonths[i].substr(0, 3)) return static_cast<int>(i) + 1;
  }
  return n == "sept" ? 9 : 0;
}

bool valid_month_day(int month, int day, int year) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  if (month == 2 && day == 29 && year > 0) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap;
  }
  return true;
}

std::optional<std::string> make_date(int year, int month, int day) {
  if (year < 1900 || year > 2199 || !valid_month_day(month, day, year)) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// "--12-31", "1231", "December 31", "Dec 31" -> "1231".
std::optional<std::string> normalize_month_day(std::string_view text) {
  static const RE2 kDashed(R"(^--?(\d{1,2})-(\d{1,2})$)");
  static const RE2 kSlashed(R"(^(\d{1,2})/(\d{1,2})$)");  // ixt:date-month-day: "10/1"
  static const RE2 kNamed(R"(^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$)");
  const std::string t(trim(text));
  int month = 0, day = 0;
  std::string name;
  if (RE2::FullMatch(t, kDashed, &month, &day) || RE2::FullMatch(t, kSlashed, &month, &day)) {
  } else if (RE2::FullMatch(t, kNamed, &name, &day)) {
    month = month_number(name);
  } else if ((t.size() == 4 || t.size() == 3) && all_digits(t)) {  // "0930", "930"
    const std::size_t split = t.size() - 2;
    month = std::stoi(t.substr(0, split));
    day = std::stoi(t.substr(split));
  } else {
    return std::nullopt;
  }
  if (!valid_month_day(month, day, 0)) return std::nullopt;
  return fmt::format("{:02}{:02}", month, day);
}

// Decodes the character reference at s[0] == '&'; returns the bytes consumed (0: not one).
std::size_t decode_reference(std::string_view s, std::string& out) {
  const std::size_t semi = s.substr(0, 12).find(';');
  if (semi == std::string_view::npos || semi < 2) return 0;
  const std::string_view name = s.substr(1, semi - 1);
  if (name.front() == '#') {
    unsigned cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    for (char c : digits) {
      const unsigned d = is_digit(c)                                 ? unsigned(c - '0')
                         : hex && lower(c) >= 'a' && lower(c) <= 'f' ? unsigned(lower(c) - 'a' + 10)
                                                                     : 99u;
      if (d >= (hex ? 16u : 10u)) return 0;
      cp = cp * (hex ? 16 : 10) + d;
    }
    if (cp == 0xA0) cp = ' ';
    append_utf8(out, cp == 0 ? 0xFFFD : cp);
    return semi + 1;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNamed = {
      {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}}};
  for (const auto& [n, v] : kNamed) {
    if (name == n) {
      out += v;
      return semi + 1;
    }
  }
  return 0;
}

// Value of attribute `attr` (case-insensitive) in a tag's attribute text; "" when absent.
std::string attribute(std::string_view attrs, std::string_view attr) {
  for (std::size_t p = 0; p < attrs.size(); ++p) {
    if (!starts_with_ci(attrs.substr(p), attr) || (p > 0 && !is_space(attrs[p - 1]))) continue;
    std::size_t q = p + attr.size();
    while (q < attrs.size() && is_space(attrs[q]))
      ++q;
    if (q >= attrs.size() || attrs[q] != '=') continue;
    ++q;
    while (q < attrs.size() && is_space(attrs[q]))
      ++q;
    if (q >= attrs.size()) return {};
    const char quote = attrs[q];
    if (quote == '"' || quote == '\'') {
      const std::size_t end = attrs.find(quote, q + 1);
      return std::string(attrs.substr(q + 1, end == std::string_view::npos ? end : end - q - 1));
    }
    std::size_t end = q;
    while (end < attrs.size() && !is_space(attrs[end]) && attrs[end] != '/')
      ++end;
    return std::string(attrs.substr(q, end - q));
  }
  return {};
}

bool is_fact_open(std::string_view at) {
  return starts_with_ci(at, "<ix:nonnumeric") && at.size() > 14 &&
         (is_space(at[14]) || at[14] == '>' || at[14] == '/');
}

// Text content of the fact whose content starts at s[from]: nested facts included, tags removed
// (block-level ones become a space), references decoded, whitespace collapsed. Reads at most
// kMaxFactBytes.
std::string fact_text(std::string_view s, std::size_t from) {
  const std::string_view window = s.substr(from, kMaxFactBytes);
  std::string raw;
  int depth = 1;
  for (std::size_t p = 0; p < window.size();) {
    const char c = window[p];
    if (c == '&') {
      if (const std::size_t n = decode_reference(window.substr(p), raw)) {
        p += n;
        continue;
      }
      raw += c;
      ++p;
      continue;
    }
    if (c != '<') {
      raw += c;
      ++p;
      continue;
    }
    const std::string_view at = window.substr(p);
    const std::size_t gt = at.find('>');
    if (gt == std::string_view::npos) break;
    if (starts_with_ci(at, "</ix:nonnumeric")) {
      if (--depth == 0) break;
    } else if (is_fact_open(at) && at[gt - 1] != '/') {
      ++depth;
    } else {
      const std::string_view name = at.substr(at.size() > 1 && at[1] == '/' ? 2 : 1);
      for (std::string_view block : {"br", "p", "div", "td", "tr", "li"}) {
        if (starts_with_ci(name, block) && name.size() > block.size() &&
            (is_space(name[block.size()]) || name[block.size()] == '>' ||
             name[block.size()] == '/')) {
          raw += ' ';
          break;
        }
      }
    }
    p += gt + 1;
  }
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string normalize_fact(std::string_view key, std::string value) {
  if (key == "cik") return all_digits(value) ? strip_leading_zeros(value) : std::string{};
  if (key == "period") return normalize_date(value).value_or("");
  if (key == "fiscal_year") return value.size() == 4 && all_digits(value) ? value : std::string{};
  if (key == "fiscal_year_end") return normalize_month_day(value).value_or("");
  return value;
}

// One RFC 4180 record with the line it started on.
struct CsvRecord {
  std::vector<std::string> cells;
  std::size_t line = 0;
};

// A row with more cells than the header is malformed (fewer are padded: edgar-crawler leaves
// trailing cells out).
void require_width(const CsvRecord& rec, std::size_t header, const std::string& path) {
  if (rec.cells.size() > header)
    throw Error(
        ErrorCode::kParse,
        fmt::format("line {}: {} cells, the header has {}", rec.line, rec.cells.size(), header),
        path);
}

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& path) {
  std::vector<CsvRecord> records;
  CsvRecord rec;
  std::string cell;
  std::size_t line = 1;
  rec.line = 1;
  bool in_quotes = false, quoted_cell = false;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto end_cell = [&] {
    rec.cells.push_back(std::move(cell));
    cell.clear();
    quoted_cell = false;
  };
  auto end_record = [&] {
    end_cell();
    if (!(rec.cells.size() == 1 && rec.cells[0].empty())) records.push_back(std::move(rec));
    rec = CsvRecord{};
    rec.line = line;
  };
  std::size_t quote_line = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      if (!cell.empty() || quoted_cell)
        throw Error(ErrorCode::kParse, fmt::format("line {}: quote inside an unquoted cell", line),
                    path);
      in_quotes = quoted_cell = true;
      quote_line = line;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n') {
      ++line;
      end_record();
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') cell += c;
    } else {
      if (quoted_cell)
        throw Error(ErrorCode::kParse, fmt::format("line {}: text after a closing quote", line),
                    path);
      cell += c;
    }
  }
  if (in_quotes)
    throw Error(ErrorCode::kParse, fmt::format("line {}: quoted cell never closed", quote_line),
                path);
  if (!cell.empty() || !rec.cells.empty() || quoted_cell) end_record();
  return records;
}

bool is_accession(std::string_view s) {
  return s.size() == 20 && s[10] == '-' && s[13] == '-' && all_digits(s.substr(0, 10)) &&
         all_digits(s.substr(11, 2)) && all_digits(s.substr(14));
}

// "0000320193-19-000119" as is; "000032019319000119" hyphenated; otherwise "".
std::string accession_of(std::string_view s) {
  if (is_accession(s)) return std::string(s);
  if (s.size() == 18 && all_digits(s))
    return fmt::format("{}-{}-{}", s.substr(0, 10), s.substr(10, 2), s.substr(12));
  return {};
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  static const RE2 kIso(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)");
  static const RE2 kCompact(R"(^(\d{4})(\d{2})(\d{2})$)");
  static const RE2 kMonthFirst(R"(^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})$)");
  static const RE2 kDayFirst(R"(^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$)");
  static const RE2 kSlashed(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)");
  const std::string t(trim(text));
  if (t.size() > 40) return std::nullopt;
  int year = 0, month = 0, day = 0;
  std::string name;
  if (RE2::FullMatch(t, kIso, &year, &month, &day) ||
      RE2::FullMatch(t, kCompact, &year, &month, &day) ||
      RE2::FullMatch(t, kSlashed, &month, &day, &year)) {
    return make_date(year, month, day);
  }
  if (RE2::FullMatch(t, kMonthFirst, &name, &day, &year) ||
      RE2::FullMatch(t, kDayFirst, &day, &name, &year)) {
    return make_date(year, month_number(name), day);
  }
  return std::nullopt;
}

std::map<std::string, std::string> inline_xbrl_metadata(std::string_view html) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kFacts = {{
      {"dei:EntityRegistrantName", "company"},
      {"dei:EntityCentralIndexKey", "cik"},
      {"dei:DocumentType", "form"},
      {"dei:DocumentPeriodEndDate", "period"},
      {"dei:DocumentFiscalYearFocus", "fiscal_year"},
      {"dei:TradingSymbol", "ticker"},
      {"dei:CurrentFiscalYearEndDate", "fiscal_year_end"},
  }};
  std::map<std::string, std::string> out;
  std::array<bool, kFacts.size()> tried{};
  std::size_t p = 0;
  while (p < html.size() && out.size() < kFacts.size()) {
    const void* hit = std::memchr(html.data() + p, '<', html.size() - p);
    if (!hit) break;
    const std::size_t lt = static_cast<const char*>(hit) - html.data();
    const std::string_view at = html.substr(lt);
    if (!is_fact_open(at)) {
      p = lt + 1;
      continue;
    }
    const std::size_t gt = at.find('>');
    if (gt == std::string_view::npos) break;
    const std::string name = attribute(at.substr(14, gt - 14), "name");
    for (std::size_t i = 0; i < kFacts.size(); ++i) {
      if (tried[i] || name.size() != kFacts[i].first.size() ||
          !starts_with_ci(name, kFacts[i].first))
        continue;
      if (at[gt - 1] == '/') break;  // <ix:nonNumeric .../>: no content
      std::string value = normalize_fact(kFacts[i].second, fact_text(html, lt + gt + 1));
      if (!value.empty()) {
        tried[i] = true;
        out.emplace(kFacts[i].second, std::move(value));
      }
      break;
    }
    p = lt + gt + 1;
  }
  return out;
}

DirectoryMetadata read_filings_metadata_csv(const std::filesystem::path& csv) {
  const std::string path = csv.string();
  const std::string text = read_file_bytes(csv, ErrorCode::kIo, "metadata CSV");
  const std::vector<CsvRecord> records = parse_csv(text, path);
  if (records.empty()) throw Error(ErrorCode::kParse, "line 1: no header row", path);
  const std::vector<std::string>& header = records.front().cells;
  auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (trim(header[i]) == name) return i;
    return std::nullopt;
  };
  const auto filename_col = column("filename");
  if (!filename_col)
    throw Error(ErrorCode::kParse, "line 1: no 'filename' column in the header", path);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kColumns = {{
      {"CIK", "cik"},
      {"Company", "company"},
      {"Type", "form"},
      {"Filing Date", "filed"},
      {"Period of Report", "period"},
      {"SIC", "sic"},
      {"State of Inc", "state"},
      {"Fiscal Year End", "fiscal_year_end"},
  }};
  std::vector<std::pair<std::size_t, std::string_view>> mapped;
  for (const auto& [name, key] : kColumns)
    if (auto c = column(name)) mapped.emplace_back(*c, key);
  const auto date_col = column("Date");

  DirectoryMetadata result;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    require_width(rec, header.size(), path);
    auto cell = [&](std::size_t c) -> std::string_view {
      return c < rec.cells.size() ? trim(rec.cells[c]) : std::string_view{};
    };
    const std::string filename(cell(*filename_col));
    if (filename.empty()) continue;
    std::map<std::string, std::string> meta;
    for (const auto& [c, key] : mapped) {
      std::string value(cell(c));
      if (key == "cik") value = strip_leading_zeros(value);
      if (key == "filed" || key == "period") value = normalize_date(value).value_or(value);
      if (key == "fiscal_year_end") value = normalize_month_day(value).value_or(value);
      if (!value.empty()) meta.emplace(key, std::move(value));
    }
    if (!meta.contains("filed") && date_col) {
      if (auto d = normalize_date(cell(*date_col))) meta.emplace("filed", *d);
    }
    // <CIK>_<FORM>_<YEAR>_<accession>.<ext>
    const std::string stem = std::filesystem::path(filename).stem().string();
    std::vector<std::string_view> parts;
    for (std::string_view rest = stem;;) {
      const std::size_t u = rest.find('_');
      parts.push_back(rest.substr(0, u));
      if (u == std::string_view::npos) break;
      rest.remove_prefix(u + 1);
    }
    if (parts.size() >= 4 && parts[2].size() == 4 && all_digits(parts[2]))
      meta.emplace("fiscal_year", std::string(parts[2]));
    if (parts.size() >= 4 && is_accession(parts.back()))
      meta.emplace("accession", std::string(parts.back()));
    result.by_file[filename] = std::move(meta);
  }
  return result;
}

std::map<std::string, std::string> metadata_from_layout(const std::filesystem::path& file) {
  std::vector<std::string> parts;
  for (const auto& part : file.lexically_normal())
    parts.push_back(part.string());
  while (!parts.empty() && parts.back().empty())
    parts.pop_back();
  if (parts.size() < 3) return {};
  const std::string name = parts.back();
  const std::filesystem::path name_path(name);
  const std::string stem = name_path.stem().string(), ext = name_path.extension().string();
  std::size_t acc_index = 0;
  std::string accession;
  if (name == "full-submission.txt" ||
      (stem == "primary-document" &&
       (ext == ".html" || ext == ".htm" || ext == ".xml" || ext == ".txt"))) {
    if (parts.size() < 4) return {};
    acc_index = parts.size() - 2;
    accession = accession_of(parts[acc_index]);
  } else if (ext == ".txt") {
    acc_index = parts.size() - 1;
    accession = accession_of(stem);
  }
  if (accession.empty() || acc_index < 2) return {};
  const std::string& form = parts[acc_index - 1];
  const std::string& id = parts[acc_index - 2];
  auto plausible = [](const std::string& s) {
    return !s.empty() && s.size() <= 24 && s != "." && s != ".." && s != "/" &&
           std::none_of(s.begin(), s.end(), [](char c) { return c == '/' || c == '\\'; });
  };
  if (!plausible(form) || !plausible(id)) return {};
  std::map<std::string, std::string> meta{{"form", form}, {"accession", accession}};
  if (all_digits(id)) {
    meta.emplace("cik", strip_leading_zeros(id));
  } else {
    meta.emplace("ticker", id);
  }
  return meta;
}

namespace {

std::string column_key(std::string_view name) {
  std::string out;
  for (char c : trim(name)) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

UserMetadata read_user_metadata_csv(const std::filesystem::path& csv) {
  const std::string path = csv.string();
  const std::string text = read_file_bytes(csv, ErrorCode::kIo, "metadata CSV");
  const std::vector<CsvRecord> records = parse_csv(text, path);
  if (records.empty()) throw Error(ErrorCode::kParse, "line 1: no header row", path);
  static const std::map<std::string, std::string> kFields = {
      {"cik", "cik"},           {"ticker", "ticker"},
      {"company", "company"},   {"form", "form"},
      {"type", "form"},         {"filed", "filed"},
      {"filingdate", "filed"},  {"date", "filed"},
      {"accepted", "accepted"}, {"acceptancedatetime", "accepted"},
      {"period", "period"},     {"periodofreport", "period"},
      {"reportdate", "period"}, {"fiscalyear", "fiscal_year"},
      {"sic", "sic"},
  };
  std::optional<std::size_t> path_col, filename_col, accession_col;
  std::vector<std::pair<std::size_t, std::string>> mapped;
  const auto& header = records.front().cells;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string key = column_key(header[i]);
    if (key == "path") {
      path_col = i;
    } else if (key == "filename" || key == "file") {
      filename_col = i;
    } else if (key == "accession" || key == "accessionnumber") {
      accession_col = i;
    } else if (auto it = kFields.find(key); it != kFields.end()) {
      bool seen = false;
      for (const auto& [c, k] : mapped)
        seen = seen || k == it->second;
      if (!seen) mapped.emplace_back(i, it->second);
    }
  }
  if (!path_col && !filename_col && !accession_col)
    throw Error(ErrorCode::kParse,
                "line 1: no key column: name each file by a 'path', 'filename' or 'accession' "
                "column",
                path);
  UserMetadata out;
  const std::filesystem::path base = std::filesystem::absolute(csv).parent_path();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    require_width(rec, header.size(), path);
    auto cell = [&](std::size_t c) -> std::string {
      return c < rec.cells.size() ? std::string(trim(rec.cells[c])) : std::string();
    };
    std::map<std::string, std::string> meta;
    for (const auto& [c, key] : mapped) {
      std::string value = cell(c);
      if (value.empty()) continue;
      if (key == "cik") value = strip_leading_zeros(value);
      if (key == "filed" || key == "period") {
        auto d = normalize_date(value);
        if (!d)
          throw Error(ErrorCode::kParse,
                      fmt::format("line {}: {} '{}' is not a date", rec.line, key, value), path);
        value = *d;
      }
      meta.emplace(key, std::move(value));
    }
    bool keyed = false;
    if (path_col && !cell(*path_col).empty()) {
      std::error_code ec;
      const std::filesystem::path p = std::filesystem::path(cell(*path_col));
      const auto full = std::filesystem::weakly_canonical(p.is_absolute() ? p : base / p, ec);
      out.by_path[ec ? (base / p).lexically_normal().string() : full.string()] = meta;
      keyed = true;
    }
    if (filename_col && !cell(*filename_col).empty()) {
      out.by_filename[cell(*filename_col)] = meta;
      keyed = true;
    }
    if (accession_col && !cell(*accession_col).empty()) {
      const std::string accession = cell(*accession_col);
      if (!is_accession(accession))
        throw Error(
            ErrorCode::kParse,
            fmt::format("line {}: accession '{}' is not NNNNNNNNNN-NN-NNNNNN", rec.line, accession),
            path);
      meta.emplace("accession", accession);
      out.by_accession[accession] = meta;
      keyed = true;
    }
    if (keyed) ++out.rows;
  }
  return out;
}

std::map<std::string, std::string> read_fetch_metadata(const std::filesystem::path& json_file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(json_file, ec)) return {};
  const std::string text = read_file_bytes(json_file, ErrorCode::kIo, "filing metadata");
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object())
    throw Error(ErrorCode::kParse, "not a JSON object of strings", json_file.string());
  std::map<std::string, std::string> out;
  for (const auto& [key, node] : doc.items()) {
    if (!node.is_string())
      throw Error(ErrorCode::kParse, fmt::format("'{}' is not a string", key), json_file.string());
    std::string value = node.get<std::string>();
    if (key == "filed" || key == "period") value = normalize_date(value).value_or(value);
    if (key == "cik") value = strip_leading_zeros(value);
    if (!value.empty() && key != "primary_document") out.emplace(key, std::move(value));
  }
  return out;
}

}  // namespace secnlp::corpora
