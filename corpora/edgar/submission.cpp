#include "corpora/edgar/submission.h"
#include "common/ascii.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "common/error.h"
#include "corpora/edgar/filing_metadata.h"
#include "nlp/encoding/encoding.h"

// Hand-written scanning (memchr over '<' and '\n') rather than RE2: the tags are fixed strings at
// line starts, and a memchr loop skips multi-hundred-megabyte uuencoded bodies at memory speed.

namespace secnlp::corpora {
namespace {

using ascii::is_space;
using ascii::lower;
using ascii::starts_with_ci;
using ascii::to_upper;
using ascii::trim;
using ascii::upper;

constexpr std::string_view kDocOpen = "<DOCUMENT>";
constexpr std::string_view kDocClose = "</DOCUMENT>";
constexpr std::string_view kTextOpen = "<TEXT>";
constexpr std::string_view kTextClose = "</TEXT>";
constexpr std::string_view kPemBegin = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----";
constexpr std::size_t kMaxTagLines = 64;       // <TYPE>.. lines read before <TEXT>
constexpr std::size_t kSniffBytes = 4096;      // bytes looked at to tell html from text
constexpr std::size_t kLooksLikeBytes = 8192;  // window of looks_like_submission

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

// Case-insensitive find of an ASCII needle whose first char is '<' (memchr on '<').
std::size_t find_tag_ci(std::string_view s, std::string_view needle, std::size_t from = 0) {
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (!hit) return std::string_view::npos;
    const std::size_t p = static_cast<const char*>(hit) - s.data();
    if (starts_with_ci(s.substr(p), needle)) return p;
    from = p + 1;
  }
  return std::string_view::npos;
}

bool at_line_start(std::string_view s, std::size_t p) {
  return p == 0 || s[p - 1] == '\n';
}

// First "<DOCUMENT>" at a line start in [from, limit), or npos.
std::size_t find_doc_open(std::string_view s, std::size_t from, std::size_t limit) {
  limit = std::min(limit, s.size());
  while (from < limit) {
    const std::size_t p = s.find(kDocOpen, from);
    if (p == std::string_view::npos || p >= limit) return std::string_view::npos;
    if (at_line_start(s, p)) return p;
    from = p + 1;
  }
  return std::string_view::npos;
}

enum class Stop { kAtTextClose, kAtDocClose, kAtDocOpen, kAtEof };

// The earliest of "</TEXT>" (when wanted), "</DOCUMENT>" (anywhere) and a line-leading
// "<DOCUMENT>" at or after `from`. One memchr pass over '<': linear, whatever the body holds.
std::pair<Stop, std::size_t> find_stop(std::string_view s, std::size_t from, bool want_text_close,
                                       bool line_start_only = false) {
  if (line_start_only) {
    // Uuencoded bodies: '<', '/', 'T', 'E', 'X', '>' are all uuencode characters, so a tag is
    // only believed at a line start; one memchr per line instead of one per '<'.
    for (std::size_t p = from; p < s.size();) {
      if (s[p] == '<') {
        const std::string_view rest = s.substr(p);
        if (want_text_close && rest.starts_with(kTextClose)) return {Stop::kAtTextClose, p};
        if (rest.starts_with(kDocClose)) return {Stop::kAtDocClose, p};
        if (rest.starts_with(kDocOpen)) return {Stop::kAtDocOpen, p};
      }
      const void* nl = std::memchr(s.data() + p, '\n', s.size() - p);
      if (!nl) break;
      p = static_cast<std::size_t>(static_cast<const char*>(nl) - s.data()) + 1;
    }
    return {Stop::kAtEof, s.size()};
  }
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (!hit) break;
    const std::size_t p = static_cast<const char*>(hit) - s.data();
    const std::string_view rest = s.substr(p);
    if (rest.size() >= 2 && rest[1] == '/') {
      if (want_text_close && rest.starts_with(kTextClose)) return {Stop::kAtTextClose, p};
      if (rest.starts_with(kDocClose)) return {Stop::kAtDocClose, p};
    } else if (rest.starts_with(kDocOpen) && at_line_start(s, p)) {
      return {Stop::kAtDocOpen, p};
    }
    from = p + 1;
  }
  return {Stop::kAtEof, s.size()};
}

// [begin, end) of the line starting at `p` (without the '\n') and the start of the next line.
struct Line {
  std::string_view text;
  std::size_t next;
};
Line line_at(std::string_view s, std::size_t p) {
  const std::size_t nl = s.find('\n', p);
  if (nl == std::string_view::npos) return {s.substr(p), s.size()};
  return {s.substr(p, nl - p), nl + 1};
}

// "ELECTRONIC COMPUTERS [3571]" -> "3571"; "3571" -> "3571"; otherwise "".
std::string sic_digits(std::string_view v) {
  v = trim(v);
  if (const std::size_t open = v.rfind('['); open != std::string_view::npos) {
    const std::size_t close = v.find(']', open);  // sometimes missing: " [3571"
    v = trim(v.substr(open + 1, close == std::string_view::npos ? close : close - open - 1));
  }
  if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  return std::string(v);
}

std::string strip_leading_zeros(std::string_view v) {
  v = trim(v);
  if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::string(v);
  while (v.size() > 1 && v.front() == '0')
    v.remove_prefix(1);
  return std::string(v);
}

// "0930" / "930" -> "0930"; anything else -> "".
std::string month_day(std::string_view v) {
  std::string digits;
  for (char c : trim(v)) {
    if (c < '0' || c > '9') return {};
    digits += c;
  }
  if (digits.size() == 3) digits.insert(0, "0");
  if (digits.size() != 4) return {};
  const int month = std::stoi(digits.substr(0, 2)), day = std::stoi(digits.substr(2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return digits;
}

class HeaderBuilder {
 public:
  explicit HeaderBuilder(SubmissionHeader& header) : header_(header) {}

  void add(std::string key, std::string_view value) {
    value = trim(value);
    if (key.empty() || value.empty()) return;
    firsts_.try_emplace(key, value);
    auto [it, inserted] = header_.fields.try_emplace(key, value);
    if (inserted) return;
    // Keep distinct values only, in order.
    std::string_view all = it->second;
    while (!all.empty()) {
      const std::size_t nl = all.find('\n');
      if (all.substr(0, nl) == value) return;
      if (nl == std::string_view::npos) break;
      all.remove_prefix(nl + 1);
    }
    it->second += '\n';
    it->second += value;
  }

  void finish() {
    header_.accession = first({"ACCESSION NUMBER", "ACCESSION-NUMBER"});
    header_.form = first({"CONFORMED SUBMISSION TYPE", "FORM TYPE", "TYPE"});
    header_.company = first({"COMPANY CONFORMED NAME", "CONFORMED-NAME"});
    header_.cik = strip_leading_zeros(first({"CENTRAL INDEX KEY", "CIK"}));
    header_.sic = sic_digits(first({"STANDARD INDUSTRIAL CLASSIFICATION", "ASSIGNED-SIC"}));
    header_.fiscal_year_end = month_day(first({"FISCAL YEAR END", "FISCAL-YEAR-END"}));
    header_.state = first({"STATE OF INCORPORATION", "STATE-OF-INCORPORATION"});
    header_.period = normalize_date(first({"CONFORMED PERIOD OF REPORT", "PERIOD"})).value_or("");
    header_.filed = normalize_date(first({"FILED AS OF DATE", "FILING-DATE"})).value_or("");
  }

 private:
  std::string first(std::initializer_list<const char*> keys) const {
    for (const char* k : keys)
      if (auto it = firsts_.find(k); it != firsts_.end()) return it->second;
    return {};
  }

  SubmissionHeader& header_;
  std::map<std::string, std::string> firsts_;
};

// Reads the header lines in [from, limit). Returns the position after the closing tag (or limit).
std::size_t parse_header(std::string_view s, std::size_t from, std::size_t limit,
                         std::string_view close_tag, SubmissionHeader& header,
                         std::vector<std::string>& warnings) {
  HeaderBuilder builder(header);
  std::size_t p = from;
  bool closed = false, first_line = true;
  while (p < limit) {
    Line line = line_at(s, p);
    std::string_view text = line.text;
    if (line.next > limit) text = s.substr(p, limit - p);
    p = std::min(line.next, limit);
    const std::string_view t = trim(text);
    if (t.empty()) continue;
    if (t.front() == '<') {
      const std::size_t gt = t.find('>');
      if (gt == std::string_view::npos) continue;
      const std::string_view name = t.substr(1, gt - 1);
      const std::string_view rest = t.substr(gt + 1);
      if (starts_with_ci(t, close_tag)) {
        closed = true;
        break;
      }
      if (first_line) {
        builder.add(to_upper(name), rest);  // "SEC-HEADER" -> "<acc>.hdr.sgml : date"
      } else if (name == "SEC-HEADER" || name == "IMS-HEADER") {
        warnings.push_back(fmt::format("nested <{}> inside the header ignored", name));
      } else if (!name.empty() && name.front() != '/') {
        builder.add(std::string(name), rest);  // SGML-style fields: <ACCEPTANCE-DATETIME>...
      }
      first_line = false;
      continue;
    }
    first_line = false;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) continue;
    builder.add(std::string(trim(t.substr(0, colon))), t.substr(colon + 1));
  }
  if (!closed) warnings.push_back(fmt::format("header has no {}", close_tag));
  builder.finish();
  return p;
}

bool is_uuencode_begin(std::string_view line) {
  // "begin 644 name": mode of 3-4 octal digits, then a space and a name.
  if (!line.starts_with("begin ")) return false;
  std::size_t i = 6, digits = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '7')
    ++i, ++digits;
  return digits >= 3 && digits <= 4 && i + 1 < line.size() && line[i] == ' ';
}

// Whether the first non-blank line of `body` (after a <PDF> wrapper line, if any) is a uuencode
// "begin" line.
bool starts_uuencoded(std::string_view body) {
  std::size_t p = 0;
  bool wrapper_seen = false;
  for (int lines = 0; p < body.size() && lines < 8; ++lines) {
    const Line line = line_at(body, p);
    const std::string_view t = trim(line.text);
    p = line.next;
    if (t.empty()) continue;
    if (!wrapper_seen && starts_with_ci(t, "<PDF>") && trim(t.substr(5)).empty()) {
      wrapper_seen = true;
      continue;
    }
    return is_uuencode_begin(t);
  }
  return false;
}

bool sniff_html(std::string_view body) {
  const std::string_view head = body.substr(0, kSniffBytes);
  static constexpr std::array<std::string_view, 8> kMarkers = {
      "<html", "<body", "<div", "<p>", "<p ", "<font", "<br", "<!doctype html"};
  for (std::string_view m : kMarkers)
    if (find_tag_ci(head, m) != std::string_view::npos) return true;
  return false;
}

std::string_view extension(std::string_view filename) {
  const std::size_t dot = filename.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : filename.substr(dot + 1);
}

// Kind from TYPE or file name alone, for container/binary types; "" when they do not decide.
std::string kind_from_type(const SubmissionDocument& doc) {
  const std::string type = to_upper(doc.type);
  if (type == "GRAPHIC") return "graphic";
  if (type == "PDF") return "pdf";
  if (type == "ZIP") return "zip";
  if (type == "EXCEL") return "excel";
  if (type == "JSON") return "json";
  const std::string ext = to_upper(extension(doc.filename));
  if (ext == "JPG" || ext == "JPEG" || ext == "GIF" || ext == "PNG") return "graphic";
  if (ext == "PDF") return "pdf";
  if (ext == "ZIP") return "zip";
  if (ext == "XLS" || ext == "XLSX") return "excel";
  if (ext == "JSON") return "json";
  if (type.starts_with("EX-101")) return "xbrl";
  return {};
}

// Narrows [begin, end) past an <XBRL>/<XML>/<PDF> wrapper; returns the wrapper name or "".
std::string_view strip_wrapper(std::string_view s, std::size_t& begin, std::size_t& end) {
  std::size_t p = begin;
  while (p < end && is_space(s[p]))
    ++p;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kWrappers = {
      {{"<XBRL>", "</XBRL>"}, {"<XML>", "</XML>"}, {"<PDF>", "</PDF>"}}};
  for (const auto& [open, close] : kWrappers) {
    if (!starts_with_ci(s.substr(p, end - p), open)) continue;
    std::size_t body_begin = p + open.size();
    if (body_begin < end && s[body_begin] == '\r') ++body_begin;
    if (body_begin < end && s[body_begin] == '\n') ++body_begin;
    std::size_t q = end;
    while (q > body_begin && is_space(s[q - 1]))
      --q;
    const std::string_view inner = s.substr(body_begin, q - body_begin);
    std::size_t body_end = q;
    if (ends_with_ci(inner, close)) {
      body_end = q - close.size();
    } else if (const std::size_t c = inner.rfind(close); c != std::string_view::npos) {
      body_end = body_begin + c;
    }
    begin = body_begin;
    end = body_end;
    return open;
  }
  return {};
}

// `tags_left` false: a tag-stripped submission, where no body is HTML whatever its file name says.
void classify(std::string_view s, SubmissionDocument& doc, bool tags_left = true) {
  std::string kind = kind_from_type(doc);
  const std::string_view wrapper = strip_wrapper(s, doc.begin, doc.end);
  const std::string_view body = s.substr(doc.begin, doc.end - doc.begin);
  doc.uuencoded = starts_uuencoded(body);
  if (kind.empty()) {
    if (wrapper == "<XBRL>") {
      kind = find_tag_ci(body.substr(0, kSniffBytes), "<html") != std::string_view::npos ? "html"
                                                                                         : "xbrl";
    } else if (wrapper == "<XML>" || to_upper(doc.type) == "XML") {
      kind = "xml";
    } else if (wrapper == "<PDF>") {
      kind = "pdf";
    } else if (doc.uuencoded) {
      kind = "uuencoded";
    } else if (nlp::looks_binary(body)) {
      kind = "other";
    } else {
      const std::string ext = to_upper(extension(doc.filename));
      kind = tags_left && (ext == "HTM" || ext == "HTML" || sniff_html(body)) ? "html" : "text";
    }
  }
  doc.kind = std::move(kind);
}

bool kept(const SubmissionDocument& doc) {
  return doc.kind == "html" || doc.kind == "text";
}

// "10-K405/A" -> "10-K"; "10-Q/A" -> "10-Q"; "8-K" -> "8-K".
std::string base_form(std::string_view form) {
  std::string f = to_upper(trim(form));
  if (f.ends_with("/A")) f.resize(f.size() - 2);
  if (f.ends_with("405")) f.resize(f.size() - 3);
  return f;
}

std::optional<std::size_t> choose_main(const Submission& sub) {
  const std::string form = to_upper(trim(sub.header.form));
  auto eligible = [](const SubmissionDocument& d) { return kept(d) && !d.exhibit; };
  if (!form.empty()) {
    for (std::size_t i = 0; i < sub.documents.size(); ++i)
      if (eligible(sub.documents[i]) && to_upper(sub.documents[i].type) == form) return i;
    const std::string base = base_form(form);
    for (std::size_t i = 0; i < sub.documents.size(); ++i)
      if (eligible(sub.documents[i]) && base_form(sub.documents[i].type) == base) return i;
  }
  for (std::size_t i = 0; i < sub.documents.size(); ++i)
    if (eligible(sub.documents[i])) return i;
  return std::nullopt;
}

std::uint64_t count_tables(std::string_view body) {
  std::uint64_t n = 0;
  std::size_t p = 0;
  while ((p = find_tag_ci(body, "<table", p)) != std::string_view::npos) {
    p += 6;
    if (p < body.size() && (body[p] == '>' || is_space(body[p]))) ++n;
  }
  return n;
}

LmSummary summarize(std::string_view s, const std::vector<SubmissionDocument>& docs) {
  LmSummary sum;
  sum.gross_size = s.size();
  sum.net_size = s.size();
  for (const SubmissionDocument& d : docs) {
    const std::uint64_t size = d.end - d.begin;
    if (d.uuencoded) sum.uuencoded_chars += size;
    if (d.exhibit && !to_upper(d.type).starts_with("EX-101")) ++sum.exhibits;
    if (d.kind == "xbrl") sum.xbrl_chars += size;
    if (d.kind == "xml") sum.xml_chars += size;
    if (!kept(d)) {
      sum.net_size -= size;
      continue;
    }
    (d.kind == "html" ? sum.html_chars : sum.ascii_chars) += size;
    sum.tables += count_tables(s.substr(d.begin, size));
  }
  return sum;
}

// Reads the tag lines after <DOCUMENT> and sets doc.begin; returns false when there is no <TEXT>.
bool read_document_tags(std::string_view s, std::size_t p, SubmissionDocument& doc) {
  for (std::size_t n = 0; p < s.size() && n < kMaxTagLines; ++n) {
    const Line line = line_at(s, p);
    const std::string_view t = trim(line.text);
    auto value = [&](std::string_view tag) { return std::string(trim(t.substr(tag.size()))); };
    if (starts_with_ci(t, kTextOpen)) {
      // Normally alone on its line; content after the tag on the same line belongs to the body.
      const std::size_t tag_at = p + static_cast<std::size_t>(t.data() - line.text.data());
      const std::string_view after = trim(t.substr(kTextOpen.size()));
      doc.begin = after.empty() ? line.next : tag_at + kTextOpen.size();
      return true;
    }
    if (t.empty()) {
    } else if (starts_with_ci(t, "<TYPE>")) {
      doc.type = value("<TYPE>");
    } else if (starts_with_ci(t, "<SEQUENCE>")) {
      const std::string v = value("<SEQUENCE>");
      int seq = 0;
      bool ok = !v.empty() && v.size() < 9;
      for (char c : v)
        ok = ok && c >= '0' && c <= '9', seq = ok ? seq * 10 + (c - '0') : 0;
      doc.sequence = ok ? seq : 0;
    } else if (starts_with_ci(t, "<FILENAME>")) {
      doc.filename = value("<FILENAME>");
    } else if (starts_with_ci(t, "<DESCRIPTION>")) {
      doc.description = value("<DESCRIPTION>");
    } else if (!(t.front() == '<' && t.size() > 2 && t[1] != '/' &&
                 t.find('>') != std::string_view::npos)) {
      doc.begin = p;  // the body starts without <TEXT>
      return false;
    }
    p = line.next;
  }
  doc.begin = std::min(p, s.size());
  return false;
}

void warn_headers_in(std::string_view s, std::size_t from, std::size_t to,
                     std::vector<std::string>& warnings) {
  const std::string_view gap = s.substr(from, to - from);
  for (std::string_view tag : {"<SEC-HEADER>", "<IMS-HEADER>"})
    if (gap.find(tag) != std::string_view::npos)
      warnings.push_back(fmt::format("repeated {} after the first ignored", tag));
}

// Tag-stripped submissions keep the values of each document's <TYPE> and <SEQUENCE> as two lines
// ("EX-21.1" then "2"; the main document's "10-K" then "1"). A TYPE line is the form itself, an
// EX-... type or a container type; the SEQUENCE line is a number. Only a rising chain of numbers
// (each at most 5 above the last; publishers sometimes left a document out) starts documents, so
// "10-K" lines of an exhibit index followed by a date, or a heading followed by a page number, do
// not.
bool stripped_type_line(std::string_view t, std::string_view form) {
  if (t.empty() || t.size() > 24) return false;
  for (char c : t)
    if (is_space(c)) return false;
  const std::string type = to_upper(t);
  if (type.starts_with("EX-") && type.size() > 3) return true;
  if (!form.empty() && type == to_upper(form)) return true;
  for (std::string_view k : {"GRAPHIC", "XML", "ZIP", "EXCEL", "PDF", "JSON", "COVER", "CORRESP"})
    if (type == k) return true;
  return false;
}

int stripped_sequence_line(std::string_view t) {
  if (t.empty() || t.size() > 4) return 0;
  int n = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The documents of a tag-stripped submission from `from` (after the header) to `end`: one per
// TYPE/SEQUENCE line pair (a file-name line after them is read as <FILENAME>). When the main
// document's own pair ("10-K", "1") is gone, the text before the first pair, or all of it when
// there is no pair, is the main document; before that pair, text belongs to no document (as text
// between a header and the first <DOCUMENT>).
void split_tag_stripped(std::string_view s, std::size_t from, std::size_t end, Submission& sub) {
  const std::string_view form = sub.header.form;
  std::vector<SubmissionDocument> docs;
  auto start_main = [&](std::size_t at) {
    SubmissionDocument main;
    main.type = std::string(form);
    main.sequence = 1;
    main.begin = at;
    docs.push_back(std::move(main));
  };
  int last_sequence = 0;
  for (std::size_t p = from; p < end;) {
    const Line line = line_at(s, p);
    const std::string_view t = trim(line.text);
    if (stripped_type_line(t, form) && line.next < end) {
      const Line seq_line = line_at(s, line.next);
      const int seq = stripped_sequence_line(trim(seq_line.text));
      // The first pair is the main document's ("10-K", "1") or, when those lines are gone, an
      // exhibit's or container's (the text before it is then the main document).
      const bool first_ok = seq == 1 || !ascii::iequals(t, form);
      if (seq > last_sequence && seq <= last_sequence + 5 && (last_sequence > 0 || first_ok)) {
        if (docs.empty() && seq != 1) start_main(from);
        if (!docs.empty()) docs.back().end = p;
        SubmissionDocument doc;
        doc.type = std::string(t);
        doc.sequence = seq;
        doc.exhibit = starts_with_ci(t, "EX-");
        doc.begin = std::min(seq_line.next, end);
        if (doc.begin < end) {
          const Line name = line_at(s, doc.begin);
          const std::string_view n = trim(name.text);
          const std::string ext = to_upper(extension(n));
          if (!n.empty() && n.size() <= 64 && n.find(' ') == std::string_view::npos &&
              (ext == "HTM" || ext == "HTML" || ext == "TXT" || ext == "XML" || ext == "XSD" ||
               ext == "JPG" || ext == "GIF" || ext == "PNG" || ext == "PDF")) {
            doc.filename = std::string(n);
            doc.begin = std::min(name.next, end);
          }
        }
        last_sequence = seq;
        p = doc.begin;
        docs.push_back(std::move(doc));
        continue;
      }
    }
    p = line.next;
  }
  if (docs.empty()) start_main(from);
  docs.back().end = end;
  for (auto& doc : docs) {
    classify(s, doc, /*tags_left=*/false);
    sub.documents.push_back(std::move(doc));
  }
}

// A submission whose SGML tags were stripped by whoever published it: "KEY: value" header lines
// from "ACCESSION NUMBER:" on, then the documents split at their left-over TYPE and SEQUENCE
// lines (split_tag_stripped). Returns false when the first 8 KiB hold no such header.
bool parse_tag_stripped(std::string_view s, Submission& sub) {
  const std::string_view head = s.substr(0, kLooksLikeBytes);
  std::size_t at = head.find("ACCESSION NUMBER:");
  if (at == std::string_view::npos || !at_line_start(s, at) ||
      head.find("CONFORMED SUBMISSION TYPE:") == std::string_view::npos)
    return false;
  HeaderBuilder builder(sub.header);
  std::size_t p = at;
  while (p < s.size()) {
    const Line line = line_at(s, p);
    const std::string_view t = trim(line.text);
    const std::size_t colon = t.find(':');
    if (!t.empty() && (colon == std::string_view::npos || colon == 0 || colon > 60)) break;
    if (!t.empty()) builder.add(std::string(trim(t.substr(0, colon))), t.substr(colon + 1));
    p = line.next;
  }
  builder.finish();
  std::size_t end = s.size();
  while (end > p && is_space(s[end - 1]))
    --end;
  if (s.substr(p, end - p).ends_with("-----END PRIVACY-ENHANCED MESSAGE-----"))
    end -= std::string_view("-----END PRIVACY-ENHANCED MESSAGE-----").size();
  split_tag_stripped(s, p, end, sub);
  sub.warnings.push_back(
      sub.documents.size() > 1
          ? fmt::format("SGML tags stripped: {} documents found from their left-over TYPE and "
                        "SEQUENCE lines",
                        sub.documents.size())
          : std::string("SGML tags stripped: the text after the header is taken as one text "
                        "document"));
  return true;
}

}  // namespace

bool looks_like_submission(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kLooksLikeBytes);
  for (std::string_view m : {"<SEC-DOCUMENT>", "<IMS-DOCUMENT>", "<SEC-HEADER>", "<IMS-HEADER>"})
    if (find_tag_ci(head, m) != std::string_view::npos) return true;
  if (head.find(kPemBegin) != std::string_view::npos) return true;
  if (head.find("ACCESSION NUMBER:") != std::string_view::npos &&
      head.find("CONFORMED SUBMISSION TYPE:") != std::string_view::npos)
    return true;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && is_space(head.front()))
    head.remove_prefix(1);
  return starts_with_ci(head, kDocOpen) && find_tag_ci(head, "<TYPE>") != std::string_view::npos;
}

Submission parse_submission(std::string_view s, std::string_view path_for_errors) {
  Submission sub;
  const std::size_t first_doc = find_doc_open(s, 0, s.size());
  const std::size_t header_limit = first_doc == std::string_view::npos ? s.size() : first_doc;

  // Header: the first <SEC-HEADER>/<IMS-HEADER> before the first document.
  const std::string_view before = s.substr(0, header_limit);
  std::size_t sec = find_tag_ci(before, "<SEC-HEADER>");
  std::size_t ims = find_tag_ci(before, "<IMS-HEADER>");
  const bool has_header = sec != std::string_view::npos || ims != std::string_view::npos;
  if (has_header) {
    const bool use_sec =
        sec != std::string_view::npos && (ims == std::string_view::npos || sec < ims);
    const std::size_t at = use_sec ? sec : ims;
    const std::size_t after = parse_header(
        s, at, header_limit, use_sec ? "</SEC-HEADER>" : "</IMS-HEADER>", sub.header, sub.warnings);
    warn_headers_in(s, after, header_limit, sub.warnings);
  }
  if (first_doc == std::string_view::npos && !has_header && parse_tag_stripped(s, sub)) {
    sub.main_document = choose_main(sub);
    sub.summary = summarize(s, sub.documents);
    return sub;
  }
  if (first_doc == std::string_view::npos) {
    throw Error(ErrorCode::kParse,
                has_header ? "submission header but no <DOCUMENT> in the file"
                           : "not an EDGAR submission: no <DOCUMENT> found",
                std::string(path_for_errors));
  }

  std::size_t p = first_doc;
  while (p != std::string_view::npos && p < s.size()) {
    SubmissionDocument doc;
    const std::size_t tags_from = line_at(s, p).next;
    const bool has_text = read_document_tags(s, tags_from, doc);
    const std::size_t ordinal = sub.documents.size() + 1;
    if (!has_text)
      sub.warnings.push_back(fmt::format("document {} ({}) has no <TEXT>", ordinal, doc.type));

    const bool uuencoded = starts_uuencoded(s.substr(doc.begin, 4096));
    auto [stop, at] = find_stop(s, doc.begin, has_text, uuencoded);
    doc.end = at;
    std::size_t next_from = at;
    if (stop == Stop::kAtTextClose) {
      // </TEXT> found: now </DOCUMENT>, which should follow at once.
      auto [stop2, at2] = find_stop(s, at + kTextClose.size(), false);
      stop = stop2;
      at = at2;
      next_from = at2;
    } else if (has_text) {
      sub.warnings.push_back(fmt::format("document {} ({}) has no </TEXT>", ordinal, doc.type));
    }
    if (stop == Stop::kAtDocClose) {
      next_from = at + kDocClose.size();
    } else {
      sub.warnings.push_back(
          fmt::format("document {} ({}) has no </DOCUMENT>; it ends at {}", ordinal, doc.type,
                      stop == Stop::kAtDocOpen ? "the next <DOCUMENT>" : "the end of the file"));
    }
    doc.exhibit = starts_with_ci(trim(doc.type), "EX-");
    classify(s, doc);
    sub.documents.push_back(std::move(doc));

    const std::size_t next = find_doc_open(s, next_from, s.size());
    warn_headers_in(s, next_from, next == std::string_view::npos ? s.size() : next, sub.warnings);
    p = next;
  }

  sub.main_document = choose_main(sub);
  if (sub.header.form.empty() && sub.main_document)
    sub.header.form = sub.documents[*sub.main_document].type;
  sub.summary = summarize(s, sub.documents);
  return sub;
}

std::string_view document_body(std::string_view bytes, const Submission& submission,
                               std::size_t index) {
  if (index >= submission.documents.size())
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("document index {} out of range ({} documents)", index,
                            submission.documents.size()));
  const SubmissionDocument& d = submission.documents[index];
  if (d.begin > d.end || d.end > bytes.size())
    throw Error(ErrorCode::kInvalidArgument,
                "document range outside the bytes: pass the bytes that were parsed");
  return bytes.substr(d.begin, d.end - d.begin);
}

}  // namespace secnlp::corpora
