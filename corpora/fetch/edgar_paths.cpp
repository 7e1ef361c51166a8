#include "corpora/fetch/edgar_paths.h"
#include "common/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/error.h"
#include "corpora/fetch/submissions.h"

namespace secnlp::corpora {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::optional<std::uint64_t> parse_cik(std::string_view s) {
  if (!all_digits(s) || s.size() > 10) return std::nullopt;
  std::uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool is_date(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && all_digits(s.substr(0, 4)) &&
         all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2));
}

// Splits `text` into lines (without '\n'); calls f(line, 1-based number).
template <class F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t number = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line, ++number);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

[[noreturn]] void parse_error(std::string_view resource, std::size_t line, std::string_view what) {
  throw Error(ErrorCode::kParse, fmt::format("line {}: {}", line, what), std::string(resource));
}

IndexEntry make_entry(std::string_view resource, std::size_t line, std::string_view cik,
                      std::string_view company, std::string_view form, std::string_view date,
                      std::string_view filename) {
  IndexEntry e;
  const auto c = parse_cik(trim(cik));
  if (!c) parse_error(resource, line, fmt::format("CIK '{}' is not a number", cik));
  e.cik = *c;
  e.company = std::string(trim(company));
  e.form = std::string(trim(form));
  if (e.form.empty()) parse_error(resource, line, "empty form type");
  e.date_filed = std::string(trim(date));
  if (!is_date(e.date_filed))
    parse_error(resource, line, fmt::format("date '{}' is not YYYY-MM-DD", e.date_filed));
  e.filename = std::string(trim(filename));
  if (e.filename.empty()) parse_error(resource, line, "empty file name");
  return e;
}

// --- company_tickers.json: a tiny JSON reader for objects of flat objects. ---
class TickerReader {
 public:
  TickerReader(std::string_view text, std::string_view resource) : s_(text), resource_(resource) {}

  std::vector<CompanyTicker> read() {
    std::vector<CompanyTicker> rows;
    expect('{');
    if (!peek_is('}')) {
      do {
        string();  // row key ("0", "1", ...)
        expect(':');
        rows.push_back(row());
      } while (accept(','));
    }
    expect('}');
    skip_ws();
    if (pos_ != s_.size()) fail("trailing characters");
    return rows;
  }

 private:
  CompanyTicker row() {
    CompanyTicker t;
    bool has_cik = false, has_ticker = false;
    expect('{');
    if (!peek_is('}')) {
      do {
        const std::string key = string();
        expect(':');
        skip_ws();
        if (pos_ >= s_.size()) fail("unexpected end");
        if (s_[pos_] == '"') {
          std::string v = string();
          if (key == "ticker")
            t.ticker = std::move(v), has_ticker = true;
          else if (key == "title")
            t.title = std::move(v);
          else if (key == "cik_str") {
            const auto c = parse_cik(v);
            if (!c) fail("cik_str is not a number");
            t.cik = *c, has_cik = true;
          }
        } else if (s_[pos_] == '-' || (s_[pos_] >= '0' && s_[pos_] <= '9')) {
          const std::string_view v = number();
          if (key == "cik_str") {
            const auto c = parse_cik(v);
            if (!c) fail("cik_str is not a CIK");
            t.cik = *c, has_cik = true;
          }
        } else if (!literal("true") && !literal("false") && !literal("null")) {
          fail("expected a string, number, true, false or null");
        }
      } while (accept(','));
    }
    expect('}');
    if (!has_cik || !has_ticker || t.ticker.empty()) fail("row without cik_str or ticker");
    return t;
  }

  void skip_ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
      ++pos_;
  }
  bool peek_is(char c) {
    skip_ws();
    return pos_ < s_.size() && s_[pos_] == c;
  }
  bool accept(char c) {
    if (!peek_is(c)) return false;
    ++pos_;
    return true;
  }
  void expect(char c) {
    if (!accept(c)) fail(fmt::format("expected '{}'", c));
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  std::string_view number() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() &&
           std::string_view("0123456789+-.eE").find(s_[pos_]) != std::string_view::npos)
      ++pos_;
    return s_.substr(start, pos_ - start);
  }
  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) fail("unterminated string");
      const char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) fail("unterminated escape");
      const char e = s_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          append_utf8(out, code_point());
          break;
        default:
          fail("bad escape");
      }
    }
  }
  std::uint32_t hex4() {
    if (pos_ + 4 > s_.size()) fail("short \\u escape");
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9')
        v |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        v |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        v |= static_cast<std::uint32_t>(h - 'A' + 10);
      else
        fail("bad hex digit in \\u escape");
    }
    return v;
  }
  std::uint32_t code_point() {
    std::uint32_t cp = hex4();
    if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      const std::uint32_t lo = hex4();
      if (lo >= 0xDC00 && lo <= 0xDFFF) return 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      return 0xFFFD;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0xFFFD;
    return cp;
  }
  [[noreturn]] void fail(std::string_view what) {
    throw Error(ErrorCode::kParse, fmt::format("offset {}: {}", pos_, what),
                std::string(resource_));
  }

  std::string_view s_;
  std::string_view resource_;
  std::size_t pos_ = 0;
};

std::string upper_dashed(std::string_view s) {
  std::string out(trim(s));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == '.') c = '-';
  }
  return out;
}

}  // namespace

EdgarUrls::EdgarUrls(std::string base) : base_(std::move(base)) {
  while (!base_.empty() && base_.back() == '/')
    base_.pop_back();
  if (base_.empty()) throw Error(ErrorCode::kInvalidArgument, "empty EDGAR base URL", "EdgarUrls");
}

std::string EdgarUrls::submission(std::uint64_t cik, std::string_view accession) const {
  return fmt::format("{}/Archives/edgar/data/{}/{}/{}.txt", base_, cik,
                     accession_without_dashes(accession), accession);
}

std::string EdgarUrls::full_index(int year, int quarter, IndexKind kind) const {
  if (year < 1993 || year > 9999 || quarter < 1 || quarter > 4)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("no full index for year {} quarter {}", year, quarter), "full-index");
  return fmt::format("{}/Archives/edgar/full-index/{}/QTR{}/{}", base_, year, quarter,
                     kind == IndexKind::kForm ? "form.idx" : "master.idx");
}

std::string EdgarUrls::company_tickers() const {
  return base_ + "/files/company_tickers.json";
}

std::string EdgarUrls::document(std::uint64_t cik, std::string_view accession,
                                std::string_view document) const {
  auto bad = [&](std::string_view why) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("primary document name '{}' {}", document, why),
                std::string(accession));
  };
  if (document.empty()) bad("is empty");
  if (document.front() == '/') bad("starts with '/'");
  std::string encoded;
  std::string_view rest = document;
  while (true) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment.empty() || segment == "." || segment == "..")
      bad("has an empty, '.' or '..' segment");
    for (const char c : segment) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7f || c == '\\') bad("has a control character or a backslash");
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (plain)
        encoded += c;
      else
        encoded += fmt::format("%{:02X}", u);
    }
    if (slash == std::string_view::npos) break;
    encoded += '/';
    rest.remove_prefix(slash + 1);
  }
  return fmt::format("{}/Archives/edgar/data/{}/{}/{}", base_, cik,
                     accession_without_dashes(accession), encoded);
}

std::string EdgarUrls::archive(std::string_view filename) const {
  while (!filename.empty() && filename.front() == '/')
    filename.remove_prefix(1);
  return fmt::format("{}/Archives/{}", base_, filename);
}

bool is_accession(std::string_view a) {
  return a.size() == 20 && a[10] == '-' && a[13] == '-' && all_digits(a.substr(0, 10)) &&
         all_digits(a.substr(11, 2)) && all_digits(a.substr(14, 6));
}

std::string accession_without_dashes(std::string_view accession) {
  if (!is_accession(accession))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not an accession number (NNNNNNNNNN-NN-NNNNNN)", accession),
                "accession");
  std::string out;
  for (char c : accession)
    if (c != '-') out += c;
  return out;
}

std::vector<CompanyTicker> parse_company_tickers(std::string_view json, std::string_view resource) {
  return TickerReader(json, resource).read();
}

std::optional<std::uint64_t> find_cik(const std::vector<CompanyTicker>& tickers,
                                      std::string_view ticker) {
  const std::string want = upper_dashed(ticker);
  if (want.empty()) return std::nullopt;
  for (const auto& t : tickers)
    if (upper_dashed(t.ticker) == want) return t.cik;
  return std::nullopt;
}

std::string IndexEntry::accession() const {
  std::string_view name = filename;
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  if (name.ends_with(".txt")) name.remove_suffix(4);
  return is_accession(name) ? std::string(name) : std::string();
}

std::vector<IndexEntry> parse_master_idx(std::string_view text, std::string_view resource) {
  std::vector<IndexEntry> out;
  bool in_body = false, saw_header = false;
  for_each_line(text, [&](std::string_view line, std::size_t n) {
    if (!in_body) {
      if (line.starts_with("CIK|Company Name|Form Type|Date Filed|Filename"))
        saw_header = true;
      else if (saw_header && line.starts_with("----"))
        in_body = true;
      return;
    }
    if (trim(line).empty()) return;
    const auto first = line.find('|');
    std::size_t cuts[3];
    std::size_t end = line.size();
    for (int i = 2; i >= 0; --i) {
      const auto bar = end == 0 ? std::string_view::npos : line.rfind('|', end - 1);
      if (bar == std::string_view::npos || bar <= first)
        parse_error(resource, n, "expected 5 '|'-separated fields");
      cuts[i] = bar;
      end = bar;
    }
    out.push_back(
        make_entry(resource, n, line.substr(0, first), line.substr(first + 1, cuts[0] - first - 1),
                   line.substr(cuts[0] + 1, cuts[1] - cuts[0] - 1),
                   line.substr(cuts[1] + 1, cuts[2] - cuts[1] - 1), line.substr(cuts[2] + 1)));
  });
  if (!in_body)
    throw Error(ErrorCode::kParse, "no 'CIK|Company Name|...' header", std::string(resource));
  return out;
}

std::vector<IndexEntry> parse_form_idx(std::string_view text, std::string_view resource) {
  std::vector<IndexEntry> out;
  bool in_body = false;
  std::size_t company_col = std::string_view::npos;
  for_each_line(text, [&](std::string_view line, std::size_t n) {
    if (!in_body) {
      if (line.starts_with("Form Type"))
        company_col = line.find("Company Name");
      else if (company_col != std::string_view::npos && line.starts_with("----"))
        in_body = true;
      return;
    }
    if (trim(line).empty()) return;
    // The last three blank-separated fields: CIK, date, file name.
    std::string_view rest = trim(line);
    std::string_view fields[3];
    for (int i = 2; i >= 0; --i) {
      const auto sp = rest.find_last_of(" \t");
      if (sp == std::string_view::npos)
        parse_error(resource, n, "expected CIK, date and file name");
      fields[i] = rest.substr(sp + 1);
      rest = trim(rest.substr(0, sp));
    }
    if (line.size() <= company_col || rest.size() < company_col)
      parse_error(resource, n, "line shorter than the header's columns");
    out.push_back(make_entry(resource, n, fields[0], rest.substr(company_col),
                             line.substr(0, company_col), fields[1], fields[2]));
  });
  if (!in_body)
    throw Error(ErrorCode::kParse, "no 'Form Type  Company Name ...' header",
                std::string(resource));
  return out;
}

std::vector<IndexEntry> select_filings(const std::vector<IndexEntry>& entries,
                                       const FilingSelection& sel) {
  auto form_ok = [&](const std::string& form) {
    if (sel.forms.empty()) return sel.include_amendments || !form.ends_with("/A");
    for (const auto& f : sel.forms) {
      if (form == f) return true;
      if (sel.include_amendments && form == f + "/A") return true;
    }
    return false;
  };
  std::vector<IndexEntry> out;
  for (const auto& e : entries) {
    if (!sel.ciks.empty() && std::find(sel.ciks.begin(), sel.ciks.end(), e.cik) == sel.ciks.end())
      continue;
    if (!form_ok(e.form)) continue;
    if (!sel.date_from.empty() && e.date_filed < sel.date_from) continue;
    if (!sel.date_to.empty() && e.date_filed > sel.date_to) continue;
    if (!sel.fiscal_years.empty()) {
      const auto year = fiscal_year(e.report_date);
      if (!year || std::find(sel.fiscal_years.begin(), sel.fiscal_years.end(), *year) ==
                       sel.fiscal_years.end())
        continue;
    }
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const IndexEntry& a, const IndexEntry& b) {
    if (a.date_filed != b.date_filed) return a.date_filed > b.date_filed;
    return a.filename < b.filename;
  });
  if (sel.limit != 0 && out.size() > sel.limit) out.resize(sel.limit);
  return out;
}

std::string format_cik(std::uint64_t cik) {
  return fmt::format("{:010}", cik);
}

namespace {

std::filesystem::path filing_folder(const std::filesystem::path& root,
                                    std::string_view ticker_or_cik, std::string_view form,
                                    std::string_view accession) {
  if (!is_accession(accession))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not an accession number", accession), "accession");
  auto bad_component = [](std::string_view s) {
    return s.empty() || s == "." || s == ".." || s.find('/') != std::string_view::npos ||
           s.find('\\') != std::string_view::npos || s.find('\0') != std::string_view::npos;
  };
  std::string form_dir(form);
  std::replace(form_dir.begin(), form_dir.end(), '/', '-');
  if (bad_component(ticker_or_cik) || bad_component(form_dir))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' / '{}' cannot name a folder", ticker_or_cik, form), "layout");
  return root / "sec-edgar-filings" / std::string(ticker_or_cik) / form_dir /
         std::string(accession);
}

}  // namespace

std::filesystem::path submission_path(const std::filesystem::path& root,
                                      std::string_view ticker_or_cik, std::string_view form,
                                      std::string_view accession) {
  return filing_folder(root, ticker_or_cik, form, accession) / "full-submission.txt";
}

std::filesystem::path primary_document_path(const std::filesystem::path& root,
                                            std::string_view ticker_or_cik, std::string_view form,
                                            std::string_view accession,
                                            std::string_view primary_document) {
  return filing_folder(root, ticker_or_cik, form, accession) /
         ("primary-document" + primary_document_suffix(primary_document));
}

std::string primary_document_suffix(std::string_view primary_document) {
  std::string_view name = primary_document;
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(name.substr(dot + 1));
  if (ext.empty() || ext.size() > 8) return "";
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return "";
  }
  // sec-edgar-downloader writes Path(doc).suffix.replace("htm", "html"); ".html" stays ".html".
  if (ext == "htm") ext = "html";
  return "." + ext;
}

}  // namespace secnlp::corpora
