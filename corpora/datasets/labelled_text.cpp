#include "corpora/datasets/labelled_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/utf8.h"
#include "nlp/encoding/encoding.h"

namespace secnlp::corpora {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Small string helpers.

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

// Calls fn(line_number, line) for each '\n'-separated line of `text`, without its trailing '\r'.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  std::size_t line = 0;
  while (!text.empty()) {
    ++line;
    const std::size_t nl = text.find('\n');
    std::string_view l = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    fn(line, l);
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding.

enum class Encoding { kAuto, kUtf8, kLatin1, kCp1252 };

Encoding parse_encoding(std::string_view name) {
  const std::string n = lower_ascii(trim(name));
  if (n == "auto" || n.empty()) return Encoding::kAuto;
  if (n == "utf-8" || n == "utf8") return Encoding::kUtf8;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1") return Encoding::kLatin1;
  if (n == "cp1252" || n == "windows-1252") return Encoding::kCp1252;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown encoding '{}' (expected auto, utf-8, latin-1 or cp1252)", name));
}

// Code points of cp1252 bytes 0x80..0x9F; the five undefined bytes map to the C1 controls of the
// same value, as browsers (and nlp::decode_to_utf8) do.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string decode_single_byte(std::string_view bytes, bool cp1252) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b == 0) continue;
    if (b < 0x80) {
      out += ch;
    } else if (cp1252 && b < 0xA0) {
      append_utf8(out, kCp1252High[b - 0x80]);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

std::string decode_utf8_repairing(std::string_view bytes) {
  std::string out = nlp::repair_utf8(strip_utf8_bom(bytes));
  std::erase(out, '\0');
  return out;
}

// `bytes` as UTF-8. `single_byte_fallback`: in auto mode, the format's files are Latin-1/cp1252
// unless they are valid UTF-8 (PhraseBank, polarity).
std::string decode(std::string_view bytes, Encoding encoding, bool single_byte_fallback) {
  switch (encoding) {
    case Encoding::kUtf8:
      return decode_utf8_repairing(bytes);
    case Encoding::kLatin1:
      return decode_single_byte(bytes, false);
    case Encoding::kCp1252:
      return decode_single_byte(bytes, true);
    case Encoding::kAuto:
      break;
  }
  if (single_byte_fallback) {
    const std::string_view body = strip_utf8_bom(bytes);
    if (is_valid_utf8(body)) return decode_utf8_repairing(body);
    return decode_single_byte(bytes, true);
  }
  return nlp::decode_to_utf8(bytes).utf8;
}

// ---------------------------------------------------------------------------------------------
// Class order.

bool parse_number(std::string_view s, double& value) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(value);
}

// Distinct `names` sorted numerically when every one is a number, else by bytes.
std::vector<std::string> sorted_class_names(std::vector<std::string> names) {
  std::vector<std::pair<double, std::string>> numeric;
  numeric.reserve(names.size());
  bool all_numeric = true;
  for (const auto& n : names) {
    double v = 0;
    if (!parse_number(n, v)) {
      all_numeric = false;
      break;
    }
    numeric.emplace_back(v, n);
  }
  if (all_numeric) {
    std::sort(numeric.begin(), numeric.end());
    names.clear();
    for (auto& [v, n] : numeric)
      names.push_back(std::move(n));
  } else {
    std::sort(names.begin(), names.end());
  }
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// ---------------------------------------------------------------------------------------------
// Collecting rows.

// Where a row came from, for messages: "line 38" or "entry 17".
struct Where {
  const char* unit;
  std::size_t number;
};

std::string where_text(Where w) {
  return fmt::format("{} {}", w.unit, w.number);
}

// Gathers rows, checks labels against a fixed class list when there is one, and assigns label
// ids at the end. Bad rows throw Error(kParse) naming the file, or are recorded when skipping.
class Collector {
 public:
  Collector(std::filesystem::path path, const std::vector<std::string>& fixed_classes,
            bool skip_bad_lines)
      : path_(std::move(path)), file_(path_), skip_(skip_bad_lines) {
    for (const auto& c : fixed_classes) {
      if (!class_ids_.emplace(c, static_cast<int>(classes_.size())).second)
        throw Error(ErrorCode::kInvalidArgument, fmt::format("class '{}' listed twice", c),
                    path_.string());
      classes_.push_back(c);
    }
    fixed_ = !fixed_classes.empty();
  }

  // Errors and skip notes name `file` (a file inside a polarity directory) from now on.
  void set_file(const std::filesystem::path& file) { file_ = file; }

  // A row that breaks a rule: throws, or records it when skipping bad lines.
  void bad(Where where, std::string_view reason) {
    if (!skip_)
      throw Error(ErrorCode::kParse, fmt::format("{}: {}", where_text(where), reason),
                  file_.string());
    if (file_ == path_)
      out_.skipped.push_back(fmt::format("{}: {}", where_text(where), reason));
    else
      out_.skipped.push_back(
          fmt::format("{}: {}: {}", file_.filename().string(), where_text(where), reason));
  }

  void add(Where where, std::string text, std::string_view label, std::string id = {},
           bool with_id = false) {
    if (label.empty()) return bad(where, "empty label");
    auto it = class_ids_.find(std::string(label));
    if (it == class_ids_.end()) {
      if (fixed_)
        return bad(where, fmt::format("unknown label '{}' (classes: {})", label, join(classes_)));
      it = class_ids_.emplace(std::string(label), static_cast<int>(classes_.size())).first;
      classes_.emplace_back(label);
    }
    out_.texts.push_back(std::move(text));
    out_.labels.push_back(it->second);
    if (with_id) out_.ids.push_back(std::move(id));
  }

  LabelledTexts finish() {
    if (out_.texts.empty()) throw Error(ErrorCode::kParse, "no labelled rows", path_.string());
    if (!fixed_) {
      // Labels were numbered in order of appearance; renumber them in sorted order.
      std::vector<std::string> sorted = sorted_class_names(classes_);
      std::unordered_map<std::string, int> rank;
      for (std::size_t i = 0; i < sorted.size(); ++i)
        rank.emplace(sorted[i], static_cast<int>(i));
      std::vector<int> remap(classes_.size());
      for (std::size_t i = 0; i < classes_.size(); ++i)
        remap[i] = rank.at(classes_[i]);
      for (int& l : out_.labels)
        l = remap[static_cast<std::size_t>(l)];
      classes_ = std::move(sorted);
    }
    out_.classes = std::move(classes_);
    return std::move(out_);
  }

 private:
  std::filesystem::path path_;
  std::filesystem::path file_;
  bool skip_;
  bool fixed_ = false;
  std::vector<std::string> classes_;
  std::unordered_map<std::string, int> class_ids_;
  LabelledTexts out_;
};

const std::vector<std::string>& classes_or(const TextDatasetOptions& options,
                                           const std::vector<std::string>& fixed) {
  return options.classes.empty() ? fixed : options.classes;
}

// ---------------------------------------------------------------------------------------------
// CSV / TSV.

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line where the record starts
  bool blank() const { return fields.size() == 1 && trim(fields[0]).empty(); }
};

// RFC 4180 records; lenient where Python's csv module is: a quote inside an unquoted field is
// literal, and text after a closing quote is appended to the field. A hand-written scanner: one
// pass, no regex.
class CsvReader {
 public:
  CsvReader(std::string_view text, char separator, const std::filesystem::path& path)
      : text_(text), sep_(separator), path_(path) {}

  // The next record into `rec`; false at the end of the text.
  bool next(CsvRecord& rec) {
    if (pos_ >= text_.size()) return false;
    rec.fields.clear();
    rec.line = line_;
    std::string field;
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        const std::size_t open_line = line_;
        ++pos_;
        while (true) {
          const std::size_t q = text_.find('"', pos_);
          if (q == std::string_view::npos)
            throw Error(ErrorCode::kParse,
                        fmt::format("line {}: unterminated quoted field", open_line),
                        path_.string());
          const std::string_view piece = text_.substr(pos_, q - pos_);
          line_ += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
          field.append(piece);
          pos_ = q + 1;
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field += '"';
            ++pos_;
          } else {
            break;
          }
        }
      }
      // Unquoted part (or what follows a closing quote) up to a separator or the line end.
      while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == sep_ || c == '\n' || c == '\r') break;
        field += c;
        ++pos_;
      }
      rec.fields.push_back(std::move(field));
      field.clear();
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_++];
      if (c == sep_) continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
  }

 private:
  std::string_view text_;
  char sep_;
  const std::filesystem::path& path_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// The header row of a CSV/TSV, and the index of named columns in it.
class CsvHeader {
 public:
  // Reads records up to the first non-blank one; throws when there is none.
  CsvHeader(CsvReader& reader, const std::filesystem::path& path) : path_(path) {
    CsvRecord rec;
    while (reader.next(rec)) {
      if (rec.blank()) continue;
      line_ = rec.line;
      for (auto& f : rec.fields)
        names_.emplace_back(trim(f));
      return;
    }
    throw Error(ErrorCode::kParse, "no header row (the file is empty)", path_.string());
  }

  std::size_t size() const { return names_.size(); }

  // Index of column `name`; throws Error(kParse) naming the header line when absent.
  std::size_t column(std::string_view name, std::string_view role) const {
    const auto it = std::find(names_.begin(), names_.end(), name);
    if (it == names_.end())
      throw Error(ErrorCode::kParse,
                  fmt::format("line {}: no {} column '{}' in the header (columns: {})", line_, role,
                              name, join(names_)),
                  path_.string());
    return static_cast<std::size_t>(it - names_.begin());
  }

 private:
  const std::filesystem::path& path_;
  std::vector<std::string> names_;
  std::size_t line_ = 1;
};

LabelledTexts read_delimited(const std::filesystem::path& path, const std::string& text,
                             char separator, const TextDatasetOptions& options) {
  CsvReader reader(text, separator, path);
  const CsvHeader header(reader, path);
  const std::size_t text_col = header.column(options.text_column, "text");
  const std::size_t label_col = header.column(options.label_column, "label");
  const bool with_id = !options.id_column.empty();
  const std::size_t id_col = with_id ? header.column(options.id_column, "id") : 0;

  Collector rows(path, options.classes, options.skip_bad_lines);
  CsvRecord rec;
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    const Where where{"line", rec.line};
    if (rec.fields.size() != header.size()) {
      rows.bad(where, fmt::format("expected {} fields as in the header, found {}", header.size(),
                                  rec.fields.size()));
      continue;
    }
    rows.add(where, std::move(rec.fields[text_col]), trim(rec.fields[label_col]),
             with_id ? std::string(trim(rec.fields[id_col])) : std::string(), with_id);
  }
  return rows.finish();
}

// ---------------------------------------------------------------------------------------------
// JSON values.

// The class name of a JSON label value, or false when it cannot be one.
bool label_text(const json& v, std::string& out) {
  switch (v.type()) {
    case json::value_t::string:
      out = std::string(trim(v.get_ref<const std::string&>()));
      return true;
    case json::value_t::number_integer:
      out = std::to_string(v.get<std::int64_t>());
      return true;
    case json::value_t::number_unsigned:
      out = std::to_string(v.get<std::uint64_t>());
      return true;
    case json::value_t::number_float:
      out = v.dump();
      return true;
    case json::value_t::boolean:
      out = v.get<bool>() ? "true" : "false";
      return true;
    default:
      return false;
  }
}

// Adds one JSON object as a row: text from `text_key`, label from `label_key`.
void add_json_row(Collector& rows, Where where, const json& obj, const std::string& text_key,
                  const std::string& label_key, const std::string& id_key) {
  if (!obj.is_object()) return rows.bad(where, "not a JSON object");
  const auto t = obj.find(text_key);
  if (t == obj.end()) return rows.bad(where, fmt::format("no field '{}'", text_key));
  if (!t->is_string()) return rows.bad(where, fmt::format("field '{}' is not a string", text_key));
  const auto l = obj.find(label_key);
  if (l == obj.end()) return rows.bad(where, fmt::format("no field '{}'", label_key));
  std::string label;
  if (!label_text(*l, label))
    return rows.bad(where, fmt::format("field '{}' is not a string, number or boolean", label_key));
  std::string id;
  const bool with_id = !id_key.empty();
  if (with_id) {
    const auto i = obj.find(id_key);
    if (i == obj.end()) return rows.bad(where, fmt::format("no field '{}'", id_key));
    if (!label_text(*i, id))
      return rows.bad(where, fmt::format("field '{}' is not a string or number", id_key));
  }
  rows.add(where, t->get<std::string>(), label, std::move(id), with_id);
}

LabelledTexts read_jsonl(const std::filesystem::path& path, std::string_view text,
                         const TextDatasetOptions& options) {
  Collector rows(path, options.classes, options.skip_bad_lines);
  for_each_line(text, [&](std::size_t line, std::string_view l) {
    if (trim(l).empty()) return;
    const Where where{"line", line};
    json obj;
    try {
      obj = json::parse(l);
    } catch (const json::exception& e) {
      return rows.bad(where, fmt::format("bad JSON: {}", e.what()));
    }
    add_json_row(rows, where, obj, options.text_column, options.label_column, options.id_column);
  });
  return rows.finish();
}

const std::vector<std::string>& stocktwits_classes() {
  static const std::vector<std::string> k = {"-2", "-1", "0", "1", "2"};
  return k;
}

LabelledTexts read_stocktwits(const std::filesystem::path& path, std::string_view text,
                              const TextDatasetOptions& options) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann reports a byte offset; turn it into the line people look for.
    const std::size_t at = std::min(e.byte, text.size());
    const auto head = text.substr(0, at);
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
    throw Error(ErrorCode::kParse, fmt::format("line {}: bad JSON: {}", line, e.what()),
                path.string());
  } catch (const json::exception& e) {  // e.g. out_of_range: a number too large for a double
    throw Error(ErrorCode::kParse, fmt::format("bad JSON: {}", e.what()), path.string());
  }
  const json* entries = &doc;
  if (doc.is_object()) {
    const auto d = doc.find("data");
    if (d == doc.end())
      throw Error(ErrorCode::kParse, "line 1: no \"data\" array in the top-level object",
                  path.string());
    entries = &*d;
  }
  if (!entries->is_array())
    throw Error(ErrorCode::kParse, "line 1: expected an array of messages (or {\"data\": [...]})",
                path.string());
  Collector rows(path, classes_or(options, stocktwits_classes()), options.skip_bad_lines);
  std::size_t n = 0;
  for (const json& entry : *entries)
    add_json_row(rows, Where{"entry", ++n}, entry, "message_body", "sentiment", options.id_column);
  return rows.finish();
}

// ---------------------------------------------------------------------------------------------
// Line formats.

const std::vector<std::string>& phrasebank_classes() {
  static const std::vector<std::string> k = {"negative", "neutral", "positive"};
  return k;
}

const std::vector<std::string>& sms_classes() {
  static const std::vector<std::string> k = {"ham", "spam"};
  return k;
}

// Lines "text<sep>label" (label_first: "label<sep>text"), split at the last (first) separator.
LabelledTexts read_separated_lines(const std::filesystem::path& path, std::string_view text,
                                   char separator, bool label_first,
                                   const std::vector<std::string>& classes, bool skip_bad_lines) {
  Collector rows(path, classes, skip_bad_lines);
  for_each_line(text, [&](std::size_t line, std::string_view l) {
    if (trim(l).empty()) return;
    const Where where{"line", line};
    const std::size_t at = label_first ? l.find(separator) : l.rfind(separator);
    if (at == std::string_view::npos)
      return rows.bad(where, separator == '\t'
                                 ? "no tab between label and text"
                                 : fmt::format("no '{}' before the label", separator));
    std::string_view before = trim(l.substr(0, at));
    std::string_view after = trim(l.substr(at + 1));
    if (label_first) std::swap(before, after);
    rows.add(where, std::string(before), after);
  });
  return rows.finish();
}

bool is_readme_like(const std::filesystem::path& file) {
  const std::string name = lower_ascii(file.filename().string());
  return name.ends_with(".txt") &&
         (name.find("readme") != std::string::npos || name.find("license") != std::string::npos);
}

std::string polarity_class(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext.size() > 1 && lower_ascii(ext) != ".txt") return ext.substr(1);
  return file.stem().string();
}

LabelledTexts read_polarity(const std::filesystem::path& dir, const TextDatasetOptions& options,
                            Encoding encoding) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw Error(ErrorCode::kIo, "the polarity format needs a directory of class files",
                dir.string());
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(dir, ec), end;
  if (ec) throw Error(ErrorCode::kIo, "cannot list directory: " + ec.message(), dir.string());
  for (; it != end; it.increment(ec)) {
    const auto& p = it->path();
    if (p.filename().string().starts_with('.') || is_readme_like(p)) continue;
    std::error_code fec;
    if (!std::filesystem::is_regular_file(p, fec)) continue;
    files.push_back(p);
  }
  if (ec) throw Error(ErrorCode::kIo, "cannot list directory: " + ec.message(), dir.string());
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return std::pair(polarity_class(a), a) < std::pair(polarity_class(b), b);
  });
  if (files.empty())
    throw Error(ErrorCode::kParse, "no class files in the directory", dir.string());

  Collector rows(dir, options.classes, options.skip_bad_lines);
  for (const auto& file : files) {
    rows.set_file(file);
    const std::string cls = polarity_class(file);
    const std::string text = decode(read_file_bytes(file), encoding, true);
    for_each_line(text, [&](std::size_t line, std::string_view l) {
      const std::string_view t = trim(l);
      if (!t.empty()) rows.add(Where{"line", line}, std::string(t), cls);
    });
  }
  rows.set_file(dir);
  return rows.finish();
}

TextFormat detect_format(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return TextFormat::kPolarity;
  const std::string name = path.filename().string();
  if (name.starts_with("Sentences_")) return TextFormat::kPhrasebank;
  if (name.starts_with("SMSSpamCollection")) return TextFormat::kSmsSpam;
  const std::string ext = lower_ascii(path.extension().string());
  if (ext == ".csv") return TextFormat::kCsv;
  if (ext == ".tsv") return TextFormat::kTsv;
  if (ext == ".jsonl" || ext == ".ndjson") return TextFormat::kJsonl;
  if (ext == ".json") return TextFormat::kStocktwits;
  throw Error(ErrorCode::kInvalidArgument,
              "cannot tell the dataset format from the name; pass --format (csv, tsv, jsonl, "
              "phrasebank, stocktwits, sms, polarity)",
              path.string());
}

constexpr std::array<std::pair<TextFormat, std::string_view>, 8> kFormatNames = {{
    {TextFormat::kAuto, "auto"},
    {TextFormat::kCsv, "csv"},
    {TextFormat::kTsv, "tsv"},
    {TextFormat::kJsonl, "jsonl"},
    {TextFormat::kPhrasebank, "phrasebank"},
    {TextFormat::kStocktwits, "stocktwits"},
    {TextFormat::kSmsSpam, "sms"},
    {TextFormat::kPolarity, "polarity"},
}};

}  // namespace

TextFormat parse_text_format(std::string_view name) {
  const std::string n = lower_ascii(trim(name));
  for (const auto& [format, format_name] : kFormatNames)
    if (n == format_name) return format;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown dataset format '{}' (expected auto, csv, tsv, jsonl, "
                          "phrasebank, stocktwits, sms or polarity)",
                          name));
}

std::string_view text_format_name(TextFormat format) {
  for (const auto& [f, name] : kFormatNames)
    if (f == format) return name;
  return "auto";
}

LabelledTexts read_labelled_texts(const std::filesystem::path& path,
                                  const TextDatasetOptions& options) {
  const Encoding encoding = parse_encoding(options.encoding);
  const TextFormat format =
      options.format == TextFormat::kAuto ? detect_format(path) : options.format;
  if (format == TextFormat::kPolarity) return read_polarity(path, options, encoding);

  const bool single_byte = format == TextFormat::kPhrasebank;
  const std::string text = decode(read_file_bytes(path), encoding, single_byte);
  switch (format) {
    case TextFormat::kCsv:
      return read_delimited(path, text, ',', options);
    case TextFormat::kTsv:
      return read_delimited(path, text, '\t', options);
    case TextFormat::kJsonl:
      return read_jsonl(path, text, options);
    case TextFormat::kStocktwits:
      return read_stocktwits(path, text, options);
    case TextFormat::kPhrasebank:
      return read_separated_lines(path, text, '@', false, classes_or(options, phrasebank_classes()),
                                  options.skip_bad_lines);
    case TextFormat::kSmsSpam:
      return read_separated_lines(path, text, '\t', true, classes_or(options, sms_classes()),
                                  options.skip_bad_lines);
    case TextFormat::kAuto:
    case TextFormat::kPolarity:
      break;
  }
  throw Error(ErrorCode::kInternal, "unhandled dataset format", path.string());
}

LabelledTexts join_labels_by_id(const std::vector<std::pair<std::string, std::string>>& id_text,
                                const std::filesystem::path& labels_csv, std::string_view id_column,
                                std::string_view label_column) {
  const std::string text = decode(read_file_bytes(labels_csv), Encoding::kAuto, false);
  const char separator = lower_ascii(labels_csv.extension().string()) == ".tsv" ? '\t' : ',';
  CsvReader reader(text, separator, labels_csv);
  const CsvHeader header(reader, labels_csv);
  const std::size_t id_col = header.column(id_column, "id");
  const std::size_t label_col = header.column(label_column, "label");

  struct Entry {
    std::string label;
    std::size_t line;
  };
  std::unordered_map<std::string, Entry> by_id;
  std::vector<std::string> labels;
  CsvRecord rec;
  while (reader.next(rec)) {
    if (rec.blank()) continue;
    const auto fail = [&](std::string_view reason) {
      throw Error(ErrorCode::kParse, fmt::format("line {}: {}", rec.line, reason),
                  labels_csv.string());
    };
    if (rec.fields.size() != header.size())
      fail(fmt::format("expected {} fields as in the header, found {}", header.size(),
                       rec.fields.size()));
    const std::string id(trim(rec.fields[id_col]));
    const std::string label(trim(rec.fields[label_col]));
    if (id.empty()) fail("empty id");
    if (label.empty()) fail("empty label");
    const auto [it, inserted] = by_id.emplace(id, Entry{label, rec.line});
    if (!inserted && it->second.label != label)
      fail(fmt::format("id '{}' has label '{}' here and '{}' on line {}", id, label,
                       it->second.label, it->second.line));
    labels.push_back(label);
  }

  LabelledTexts out;
  out.classes = sorted_class_names(std::move(labels));
  std::unordered_map<std::string_view, int> class_ids;
  for (std::size_t i = 0; i < out.classes.size(); ++i)
    class_ids.emplace(out.classes[i], static_cast<int>(i));
  for (const auto& [raw_id, text_value] : id_text) {
    const std::string id(trim(raw_id));
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    out.texts.push_back(text_value);
    out.labels.push_back(class_ids.at(it->second.label));
    out.ids.push_back(id);
  }
  if (out.texts.empty())
    throw Error(ErrorCode::kParse,
                fmt::format("none of the {} ids has a label in column '{}' ({} labelled ids)",
                            id_text.size(), id_column, by_id.size()),
                labels_csv.string());
  return out;
}

}  // namespace secnlp::corpora
