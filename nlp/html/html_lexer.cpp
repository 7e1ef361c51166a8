// The fast scanner behind html_to_text (HtmlParser::kFast); see html_lexer.h for what it
// reproduces of libxml2 and why it exists.
//
// Measured (html_to_text end to end, sanitizing included, one core of a shared 2-core machine,
// -O2) on the 42 10-K HTML filings of the corpus (64.8 MB): kFast 345-545 MB/s, kLibxml2
// 81-88 MB/s, i.e. 4-6x; identical text on all 49 corpus and sample documents.

#include "nlp/html/html_lexer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include <libxml/HTMLparser.h>

#include "nlp/html/html_text_builder.h"

namespace secnlp::nlp::html_internal {
namespace {

// libxml2's end-tag priorities (htmlEndPriority): an end tag cannot close past an open element of
// higher priority.
enum Level : std::uint8_t { kP100, kP150, kP160, kP170, kP180, kP190, kP200, kP220, kLevels };

struct KnownElement {
  std::string_view name;
  bool empty;               // void in libxml2: closed at once
  Level level;              // end priority
  std::string_view closes;  // open elements that this start tag closes (libxml2's htmlStartClose)
};

// The elements libxml2 2.9.14 knows (htmlTagLookup), with their "empty" flag and the open
// elements each start tag closes, dumped from libxml2 itself (htmlTagLookup, htmlAutoCloseTag and
// SAX probes for an element closing its own kind); html_lexer_test checks this table against the
// linked libxml2. The last rows are names libxml2 does not know but classify() does.
constexpr KnownElement kKnown[] = {
    {"a", false, kP100, "a head"},
    {"abbr", false, kP100, "head"},
    {"acronym", false, kP100, "head"},
    {"address", false, kP100, "head p ul"},
    {"applet", false, kP100, ""},
    {"area", true, kP100, ""},
    {"b", false, kP100, "head"},
    {"base", true, kP100, ""},
    {"basefont", true, kP100, ""},
    {"bdo", false, kP100, "head"},
    {"big", false, kP100, "head"},
    {"blockquote", false, kP100, "head p"},
    {"body", false, kP200, "head link p style title"},
    {"br", true, kP100, "head"},
    {"button", false, kP100, ""},
    {"caption", false, kP100, "p"},
    {"center", false, kP100, "b font head i p"},
    {"cite", false, kP100, "head"},
    {"code", false, kP100, "head"},
    {"col", true, kP100, "caption p"},
    {"colgroup", false, kP100, "caption col colgroup p"},
    {"dd", false, kP100, "address dir dt head menu p pre"},
    {"del", false, kP100, ""},
    {"dfn", false, kP100, "head"},
    {"dir", false, kP100, "head p"},
    {"div", false, kP150, "head p"},
    {"dl", false, kP100, "address dir dt head menu p pre"},
    {"dt", false, kP100, "address dd dir head menu p pre"},
    {"em", false, kP100, "head"},
    {"embed", false, kP100, ""},
    {"fieldset", false, kP100, "a h1 h2 h3 h4 h5 h6 head legend p pre"},
    {"font", false, kP100, "head"},
    {"form", false, kP100, "address dir dl form h1 h2 h3 h4 h5 h6 head hr menu ol p pre ul"},
    {"frame", true, kP100, ""},
    {"frameset", false, kP100, "head link p style title"},
    {"h1", false, kP100, "head p"},
    {"h2", false, kP100, "head p"},
    {"h3", false, kP100, "head p"},
    {"h4", false, kP100, "head p"},
    {"h5", false, kP100, "head p"},
    {"h6", false, kP100, "head p"},
    {"head", false, kP200, "p"},
    {"hr", true, kP100, "head p"},
    {"html", false, kP220, ""},
    {"i", false, kP100, "head"},
    {"iframe", false, kP100, "head"},
    {"img", true, kP100, "head"},
    {"input", true, kP100, ""},
    {"ins", false, kP100, ""},
    {"isindex", true, kP100, ""},
    {"kbd", false, kP100, "head"},
    {"label", false, kP100, ""},
    {"legend", false, kP100, ""},
    {"li", false, kP100, "address dl h1 h2 h3 h4 h5 h6 head li p pre"},
    {"link", true, kP100, ""},
    {"map", false, kP100, "head"},
    {"menu", false, kP100, "head p ul"},
    {"meta", true, kP100, ""},
    {"noframes", false, kP100, ""},
    {"noscript", false, kP100, "script"},
    {"object", false, kP100, ""},
    {"ol", false, kP100, "head p ul"},
    {"optgroup", false, kP100, "option"},
    {"option", false, kP100, "option"},
    {"p", false, kP100, "b big h1 h2 h3 h4 h5 h6 head i p s small strike tt u"},
    {"param", true, kP100, ""},
    {"pre", false, kP100, "head p ul"},
    {"q", false, kP100, "head"},
    {"s", false, kP100, "head"},
    {"samp", false, kP100, "head"},
    {"script", false, kP100, ""},
    {"select", false, kP100, ""},
    {"small", false, kP100, "head"},
    {"span", false, kP100, "head"},
    {"strike", false, kP100, "head"},
    {"strong", false, kP100, "head"},
    {"style", false, kP100, ""},
    {"sub", false, kP100, "head"},
    {"sup", false, kP100, "head"},
    {"table", false, kP190, "a h1 h2 h3 h4 h5 h6 head p pre"},
    {"tbody", false, kP180, "caption col colgroup p tbody td tfoot th thead tr"},
    {"td", false, kP160, "a b font i p span td th u"},
    {"textarea", false, kP100, ""},
    {"tfoot", false, kP180, "caption col colgroup p tbody td th thead tr"},
    {"th", false, kP160, "a b font i p span td th u"},
    {"thead", false, kP180, "caption col colgroup"},
    {"title", false, kP100, "p"},
    {"tr", false, kP170, "caption col colgroup p td th tr"},
    {"tt", false, kP100, "head"},
    {"u", false, kP100, "head"},
    {"ul", false, kP100, "address dir head menu ol p pre"},
    {"var", false, kP100, "head"},
    {"section", false, kP100, ""},
    {"article", false, kP100, ""},
    {"header", false, kP100, ""},
    {"footer", false, kP100, ""},
    {"nav", false, kP100, ""},
    {"aside", false, kP100, ""},
    {"main", false, kP100, ""},
    {"figure", false, kP100, ""},
    {"figcaption", false, kP100, ""},
    {"details", false, kP100, ""},
    {"summary", false, kP100, ""},
    {"listing", false, kP100, ""},
    {"xmp", false, kP100, ""},
    {"plaintext", false, kP100, ""},
    {"template", false, kP100, ""},
    {"svg", false, kP100, ""},
    {"ix:header", false, kP100, ""},
    {"page", false, kP100, ""},
};
constexpr std::size_t kKnownCount = sizeof(kKnown) / sizeof(kKnown[0]);
static_assert(kKnownCount <= 128, "the closes bitset holds 128 ids");

using IdSet = std::array<std::uint64_t, 2>;

bool has(const IdSet& s, std::uint32_t id) {
  return id < 128 && ((s[id >> 6] >> (id & 63)) & 1) != 0;
}

std::uint32_t known_id(std::string_view name) {
  for (std::uint32_t i = 0; i < kKnownCount; ++i) {
    if (kKnown[i].name == name) return i;
  }
  return UINT32_MAX;
}

// Immutable tables built once per process.
struct Tables {
  std::array<IdSet, kKnownCount> closes{};
  std::array<Kind, kKnownCount> kind{};
  std::unordered_map<std::string_view, std::uint32_t> entities;  // cache of htmlEntityLookup
  std::uint32_t html, head, body, p, script, style, meta, link, title, base, noframes, frame,
      frameset;

  Tables() {
    for (std::uint32_t i = 0; i < kKnownCount; ++i) {
      kind[i] = classify(kKnown[i].name);
      std::string_view rest = kKnown[i].closes;
      while (!rest.empty()) {
        const std::size_t sp = rest.find(' ');
        const std::uint32_t id = known_id(rest.substr(0, sp));
        if (id < 128) closes[i][id >> 6] |= std::uint64_t{1} << (id & 63);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      }
    }
    html = known_id("html");
    head = known_id("head");
    body = known_id("body");
    p = known_id("p");
    script = known_id("script");
    style = known_id("style");
    meta = known_id("meta");
    link = known_id("link");
    title = known_id("title");
    base = known_id("base");
    noframes = known_id("noframes");
    frame = known_id("frame");
    frameset = known_id("frameset");
    // HTML 4's entities all lie below U+2700; names not cached fall back to htmlEntityLookup.
    for (unsigned cp = 1; cp < 0x2700; ++cp) {
      const htmlEntityDesc* e = htmlEntityValueLookup(cp);
      if (e != nullptr && e->name != nullptr) entities.emplace(e->name, e->value);
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// Byte classes of the scanner.
constexpr bool is_letter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
constexpr bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
// libxml2's IS_BLANK_CH.
constexpr bool is_blank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
// htmlParseHTMLName: first character, then the rest.
constexpr bool is_name_start(unsigned char c) {
  return is_letter(c) || c == '_' || c == ':' || c == '.';
}
constexpr bool is_name_char(unsigned char c) {
  return is_letter(c) || is_digit(c) || c == '_' || c == ':' || c == '.' || c == '-';
}
// htmlParseName (entity names), ASCII part.
constexpr bool is_entity_start(unsigned char c) {
  return is_letter(c) || c == '_' || c == ':';
}
constexpr bool is_dropped_control(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}
// libxml2's IS_CHAR.
constexpr bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}
constexpr char to_lower(unsigned char c) {
  return static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
}

// Bytes that end a plain text run: markup, references, dropped controls, and 0xEF (which starts
// U+FFFE / U+FFFF).
constexpr std::array<bool, 256> kTextStop = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c)
    t[c] = is_dropped_control(static_cast<unsigned char>(c));
  t['<'] = t['&'] = true;
  t[0xEF] = true;
  return t;
}();

std::size_t put_utf8(std::uint32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// One character or entity reference at `p` ('&'), as htmlParseReference reads it. Sets `next` to
// the first byte after it and returns the bytes it stands for in `out` (size returned; 0: it
// vanishes). Literal text ("&name" without a known entity) is returned as a view in `literal`.
struct Reference {
  const char* next;
  char buf[8];
  std::size_t size;          // bytes in buf
  std::string_view literal;  // when not empty: emit this instead of buf
};

Reference read_reference(const char* p, const char* end) {
  Reference r{p + 1, {}, 0, {}};
  if (p + 1 < end && p[1] == '#') {
    const char* q = p + 2;
    std::uint32_t val = 0;
    if (q < end && (*q == 'x' || *q == 'X')) {
      ++q;
      for (; q < end && *q != ';'; ++q) {
        const unsigned char c = static_cast<unsigned char>(*q);
        std::uint32_t d;
        if (is_digit(c)) {
          d = c - '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
          d = (c | 0x20) - 'a' + 10;
        } else {
          break;
        }
        if (val < 0x110000) val = val * 16 + d;
      }
    } else {
      for (; q < end && *q != ';'; ++q) {
        const unsigned char c = static_cast<unsigned char>(*q);
        if (!is_digit(c)) break;
        if (val < 0x110000) val = val * 10 + (c - '0');
      }
    }
    if (q < end && *q == ';') ++q;
    r.next = q;
    if (is_xml_char(val)) r.size = put_utf8(val, r.buf);
    return r;
  }
  const char* q = p + 1;
  if (q >= end || !is_entity_start(static_cast<unsigned char>(*q))) {
    r.literal = std::string_view(p, 1);
    return r;
  }
  while (q < end && is_name_char(static_cast<unsigned char>(*q)))
    ++q;
  const std::string_view name(p + 1, static_cast<std::size_t>(q - p - 1));
  if (q < end && *q == ';') {
    std::uint32_t value = 0;
    const auto& cache = tables().entities;
    if (const auto it = cache.find(name); it != cache.end()) {
      value = it->second;
    } else if (name.size() < 32) {
      char z[32];
      std::memcpy(z, name.data(), name.size());
      z[name.size()] = '\0';
      const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(z));
      if (e != nullptr) value = e->value;
    }
    if (value > 0) {
      r.next = q + 1;
      r.size = put_utf8(value, r.buf);
      return r;
    }
  }
  r.next = q;  // "&name" stays as written; a ';' after it is ordinary text
  r.literal = std::string_view(p, static_cast<std::size_t>(q - p));
  return r;
}

// Entity-decoded attribute value (only needed for style).
std::string decode_value(std::string_view v) {
  std::string out;
  const char* p = v.data();
  const char* end = p + v.size();
  while (p < end) {
    if (*p != '&') {
      out.push_back(*p++);
      continue;
    }
    const Reference r = read_reference(p, end);
    if (!r.literal.empty()) {
      out.append(r.literal);
    } else {
      out.append(r.buf, r.size);
    }
    p = r.next;
  }
  return out;
}

// Element names of one document -> ids; the known elements take ids 0..kKnownCount-1.
class NameTable {
 public:
  NameTable() : slots_(1024, 0), mask_(1023) {
    for (const KnownElement& e : kKnown)
      intern(e.name);
  }

  std::uint32_t intern(std::string_view name) {
    std::size_t i = hash(name) & mask_;
    while (slots_[i] != 0) {
      const std::uint32_t id = slots_[i] - 1;
      if (name_of(id) == name) return id;
      i = (i + 1) & mask_;
    }
    const auto id = static_cast<std::uint32_t>(spans_.size());
    spans_.emplace_back(static_cast<std::uint32_t>(arena_.size()),
                        static_cast<std::uint32_t>(name.size()));
    arena_.append(name);
    kinds_.push_back(id < kKnownCount ? tables().kind[id] : classify(name));
    slots_[i] = id + 1;
    if (spans_.size() * 2 > slots_.size()) grow();
    return id;
  }

  // The id of `name`, or UINT32_MAX when it never occurred in a start tag.
  std::uint32_t find(std::string_view name) const {
    std::size_t i = hash(name) & mask_;
    while (slots_[i] != 0) {
      const std::uint32_t id = slots_[i] - 1;
      if (name_of(id) == name) return id;
      i = (i + 1) & mask_;
    }
    return UINT32_MAX;
  }

  Kind kind(std::uint32_t id) const { return kinds_[id]; }
  std::size_t size() const { return spans_.size(); }

 private:
  static std::size_t hash(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (const char c : s)
      h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  std::string_view name_of(std::uint32_t id) const {
    return std::string_view(arena_).substr(spans_[id].first, spans_[id].second);
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (std::uint32_t id = 0; id < spans_.size(); ++id) {
      std::size_t i = hash(name_of(id)) & mask_;
      while (slots_[i] != 0)
        i = (i + 1) & mask_;
      slots_[i] = id + 1;
    }
  }

  std::vector<std::uint32_t> slots_;  // id + 1, 0 = free
  std::size_t mask_;
  std::string arena_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  // offset, length in arena_
  std::vector<Kind> kinds_;
};

constexpr std::size_t kMaxName = 100;  // libxml2's HTML_PARSER_BUFFER_SIZE

class FastParser {
 public:
  FastParser(std::string_view html, const HtmlOptions& options)
      : t_(tables()),
        p_(html.data()),
        end_(html.data() + html.size()),
        options_(options),
        builder_(options, html.size()) {
    top_pos_.assign(names_.size(), -1);
    top_level_.fill(-1);
  }

  HtmlText run() {
    while (p_ < end_ && !stopped_) {
      if (epilog_) {
        epilog_step();
      } else if (!stack_.empty() &&
                 (stack_.back().id == t_.script || stack_.back().id == t_.style)) {
        raw_text();
      } else if (*p_ == '<') {
        markup();
        after_text_ = false;
      } else if (*p_ == '&') {
        if (p_ + 1 == end_ && !after_text_) {
          ++p_;  // libxml2 drops a '&' that ends the input right after markup
        } else {
          reference();
          after_text_ = true;
        }
      } else {
        text_run();
        after_text_ = true;
      }
    }
    while (!stack_.empty())
      pop();
    return builder_.finish(false);
  }

 private:
  struct Frame {
    std::uint32_t id;
    std::int32_t prev_same;   // position of the next open element of this name below, or -1
    std::int32_t prev_level;  // position of the next open element of this level below, or -1
  };

  Level level(std::uint32_t id) const { return id < kKnownCount ? kKnown[id].level : kP100; }

  void push(std::uint32_t id, bool hidden) {
    if (id >= top_pos_.size()) top_pos_.resize(names_.size(), -1);
    const auto pos = static_cast<std::int32_t>(stack_.size());
    const Level l = level(id);
    stack_.push_back(Frame{id, top_pos_[id], top_level_[l]});
    top_pos_[id] = pos;
    top_level_[l] = pos;
    if (id == t_.head && html_level_ < 3) html_level_ = 3;
    if (id == t_.body) html_level_ = 10;
    builder_.open(names_.kind(id), hidden);
  }

  void pop() {
    const Frame f = stack_.back();
    stack_.pop_back();
    top_pos_[f.id] = f.prev_same;
    top_level_[level(f.id)] = f.prev_level;
    builder_.close();
  }

  bool top_is(std::uint32_t id) const { return !stack_.empty() && stack_.back().id == id; }

  // htmlAutoClose: pops the open elements that the start tag `id` closes.
  void auto_close(std::uint32_t id) {
    if (id >= kKnownCount) return;
    const IdSet& closes = t_.closes[id];
    while (!stack_.empty() && has(closes, stack_.back().id))
      pop();
  }

  // htmlCheckImplied: the html, head or body element a start tag `id` implies.
  void check_implied(std::uint32_t id) {
    if (id == t_.html) return;
    if (stack_.empty()) push(t_.html, false);
    if (id == t_.body || id == t_.head) return;
    if (stack_.size() <= 1 && (id == t_.script || id == t_.style || id == t_.meta ||
                               id == t_.link || id == t_.title || id == t_.base)) {
      if (html_level_ >= 3) return;
      push(t_.head, false);
    } else if (id != t_.noframes && id != t_.frame && id != t_.frameset) {
      if (html_level_ >= 10) return;
      if (top_pos_[t_.body] >= 0 || top_pos_[t_.head] >= 0) return;
      push(t_.body, false);
    }
  }

  bool needs_paragraph() const {
    return stack_.empty() || stack_.back().id == t_.html || stack_.back().id == t_.head;
  }

  // htmlCheckParagraph: text outside <body> content opens an implied <p>.
  void check_paragraph() {
    if (!needs_paragraph()) return;
    auto_close(t_.p);
    check_implied(t_.p);
    push(t_.p, false);
  }

  void start_element(std::uint32_t id, bool hidden, bool self_closed) {
    auto_close(id);
    check_implied(id);
    if ((id == t_.html && !stack_.empty()) || (id == t_.head && stack_.size() != 1) ||
        (id == t_.body && top_pos_[t_.body] >= 0)) {
      ++ignored_depth_;  // misplaced: ignored, and so is its end tag
      return;
    }
    push(id, hidden);
    if (self_closed || (id < kKnownCount && kKnown[id].empty)) pop();
  }

  void end_element(std::uint32_t id) {
    if (id != UINT32_MAX) {
      if (ignored_depth_ > 0 && (id == t_.html || id == t_.body || id == t_.head)) {
        --ignored_depth_;
      } else if (id < top_pos_.size() && top_pos_[id] >= 0) {
        const std::int32_t pos = top_pos_[id];
        std::int32_t barrier = -1;
        for (int l = level(id) + 1; l < kLevels; ++l)
          barrier = std::max(barrier, top_level_[l]);
        if (barrier < pos) {
          while (static_cast<std::int32_t>(stack_.size()) > pos)
            pop();
        }
      }
    }
    if (stack_.empty()) epilog_ = true;
  }

  void emit(const char* s, std::size_t n) {
    if (n > 0) builder_.text(s, n);
  }

  // Character data up to the next '<' or '&'.
  void text_run() {
    if (needs_paragraph()) {
      // libxml2 (areBlanks) opens the implied <p> unless the run is blank and followed by '<' or
      // the end of input.
      bool kept = false, blank = true;
      const char* q = p_;
      for (; q < end_ && *q != '<' && *q != '&'; ++q) {
        const auto c = static_cast<unsigned char>(*q);
        if (is_dropped_control(c)) continue;
        kept = true;
        if (!is_blank(c)) blank = false;
      }
      if (kept && (!blank || (q < end_ && *q == '&'))) check_paragraph();
    }
    const char* start = p_;
    const char* q = p_;
    for (;;) {
      while (q < end_ && !kTextStop[static_cast<unsigned char>(*q)])
        ++q;
      if (q == end_ || *q == '<' || *q == '&') break;
      const auto c = static_cast<unsigned char>(*q);
      if (c == 0xEF) {
        if (end_ - q >= 3 && static_cast<unsigned char>(q[1]) == 0xBF &&
            (static_cast<unsigned char>(q[2]) == 0xBE ||
             static_cast<unsigned char>(q[2]) == 0xBF)) {
          emit(start, static_cast<std::size_t>(q - start));
          q += 3;
          start = q;
        } else {
          ++q;
        }
      } else {  // dropped control
        emit(start, static_cast<std::size_t>(q - start));
        ++q;
        start = q;
      }
    }
    emit(start, static_cast<std::size_t>(q - start));
    p_ = q;
  }

  void reference() {
    const Reference r = read_reference(p_, end_);
    p_ = r.next;
    if (r.literal.empty() && r.size == 0) return;  // an invalid character reference vanishes
    check_paragraph();
    if (!r.literal.empty()) {
      emit(r.literal.data(), r.literal.size());
    } else {
      emit(r.buf, r.size);
    }
  }

  void literal_lt() {
    check_paragraph();
    emit(p_, 1);
    ++p_;
  }

  // Skips to just after the next '>' (or to the end).
  void skip_past_gt(const char* from) {
    const void* gt = std::memchr(from, '>', static_cast<std::size_t>(end_ - from));
    p_ = gt == nullptr ? end_ : static_cast<const char*>(gt) + 1;
  }

  // At "<!--": skips to after "-->" or "--!>" found at or after the 5th byte, or to the end.
  void comment() {
    const char* q = p_ + 4;
    while (q < end_) {
      const void* dash = std::memchr(q, '-', static_cast<std::size_t>(end_ - q));
      if (dash == nullptr) break;
      q = static_cast<const char*>(dash);
      if (end_ - q >= 3 && q[1] == '-' && q[2] == '>') {
        p_ = q + 3;
        return;
      }
      if (end_ - q >= 4 && q[1] == '-' && q[2] == '!' && q[3] == '>') {
        p_ = q + 4;
        return;
      }
      ++q;
    }
    p_ = end_;
  }

  bool at_doctype() const {
    static constexpr std::string_view kDoctype = "doctype";
    if (end_ - p_ < 9) return false;
    for (std::size_t i = 0; i < kDoctype.size(); ++i) {
      if (to_lower(static_cast<unsigned char>(p_[2 + i])) != kDoctype[i]) return false;
    }
    return true;
  }

  void markup() {
    const unsigned char next = p_ + 1 < end_ ? static_cast<unsigned char>(p_[1]) : 0;
    if (is_letter(next)) {
      start_tag();
    } else if (next == '/') {
      end_tag();
    } else if (next == '!') {
      if (end_ - p_ >= 4 && p_[2] == '-' && p_[3] == '-') {
        comment();
      } else if (at_doctype()) {
        skip_past_gt(p_ + 2);
      } else {
        literal_lt();
      }
    } else if (next == '?') {
      skip_past_gt(p_ + 2);
    } else if (p_ + 1 == end_) {
      ++p_;  // libxml2 drops a '<' that ends the input
    } else {
      literal_lt();
    }
  }

  // Reads an element name at `q` (already known to start one), lowercased into name_.
  const char* read_name(const char* q) {
    name_len_ = 0;
    while (q < end_ && name_len_ < kMaxName && is_name_char(static_cast<unsigned char>(*q))) {
      name_[name_len_++] = to_lower(static_cast<unsigned char>(*q));
      ++q;
    }
    return q;
  }

  static bool iequals_ascii(std::string_view a, std::string_view lower_b) {
    if (a.size() != lower_b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (to_lower(static_cast<unsigned char>(a[i])) != lower_b[i]) return false;
    }
    return true;
  }

  void start_tag() {
    const char* q = read_name(p_ + 1);
    const std::uint32_t id = names_.intern(std::string_view(name_, name_len_));
    bool hidden = false;
    bool seen_style = false;
    for (;;) {
      while (q < end_ && is_blank(static_cast<unsigned char>(*q)))
        ++q;
      if (q >= end_ || *q == '>' || (*q == '/' && q + 1 < end_ && q[1] == '>')) break;
      if (!is_name_start(static_cast<unsigned char>(*q))) {
        // A bogus attribute: skipped to the next blank or the end of the tag.
        while (q < end_ && !is_blank(static_cast<unsigned char>(*q)) && *q != '>' &&
               !(*q == '/' && q + 1 < end_ && q[1] == '>'))
          ++q;
        continue;
      }
      const char* n0 = q;
      while (q < end_ && q - n0 < static_cast<std::ptrdiff_t>(kMaxName) &&
             is_name_char(static_cast<unsigned char>(*q)))
        ++q;
      const std::string_view attr(n0, static_cast<std::size_t>(q - n0));
      while (q < end_ && is_blank(static_cast<unsigned char>(*q)))
        ++q;
      std::string_view value;
      bool has_value = false;
      if (q < end_ && *q == '=') {
        ++q;
        while (q < end_ && is_blank(static_cast<unsigned char>(*q)))
          ++q;
        has_value = true;
        if (q < end_ && (*q == '"' || *q == '\'')) {
          const void* close = std::memchr(q + 1, *q, static_cast<std::size_t>(end_ - q - 1));
          const char* v_end = close == nullptr ? end_ : static_cast<const char*>(close);
          value = std::string_view(q + 1, static_cast<std::size_t>(v_end - q - 1));
          q = close == nullptr ? end_ : v_end + 1;
        } else {
          const char* v0 = q;
          while (q < end_ && !is_blank(static_cast<unsigned char>(*q)) && *q != '>')
            ++q;
          value = std::string_view(v0, static_cast<std::size_t>(q - v0));
        }
      }
      if (!options_.drop_hidden || hidden) continue;
      if (attr.size() == 6 && iequals_ascii(attr, "hidden")) {
        hidden = true;
      } else if (attr.size() == 5 && !seen_style && iequals_ascii(attr, "style")) {
        seen_style = true;  // libxml2 keeps the first of duplicate attributes
        if (has_value) {
          hidden = value.find('&') == std::string_view::npos ? style_hides(value)
                                                             : style_hides(decode_value(value));
        }
      }
    }
    bool self_closed = false;
    if (q < end_ && *q == '>') {
      ++q;
    } else if (q < end_) {  // "/>"
      q += 2;
      self_closed = true;
    }
    p_ = q;
    start_element(id, hidden, self_closed);
  }

  void end_tag() {
    const char* q = p_ + 2;
    if (q >= end_ || !is_name_start(static_cast<unsigned char>(*q))) {
      p_ = q;  // libxml2 drops the "</" and reads the rest as text
      return;
    }
    q = read_name(q);
    while (q < end_ && is_blank(static_cast<unsigned char>(*q)))
      ++q;
    skip_past_gt(q);
    end_element(names_.find(std::string_view(name_, name_len_)));
  }

  // Inside <script> or <style>: raw text up to "</script" / "</style" (any case), then that end
  // tag (which may name another element, e.g. "</scripts>": ignored, and the raw text goes on).
  void raw_text() {
    const std::string_view name = kKnown[stack_.back().id].name;
    const char* q = p_;
    while (q < end_) {
      const void* lt = std::memchr(q, '<', static_cast<std::size_t>(end_ - q));
      if (lt == nullptr) break;
      q = static_cast<const char*>(lt);
      if (end_ - q >= static_cast<std::ptrdiff_t>(name.size() + 2) && q[1] == '/' &&
          iequals_ascii(std::string_view(q + 2, name.size()), name)) {
        p_ = q;
        end_tag();
        return;
      }
      ++q;
    }
    p_ = end_;
  }

  // After an end tag emptied the stack: whitespace, comments and PIs; anything else ends parsing.
  void epilog_step() {
    const auto c = static_cast<unsigned char>(*p_);
    if (is_blank(c)) {
      ++p_;
    } else if (c == '<' && end_ - p_ >= 4 && p_[1] == '!' && p_[2] == '-' && p_[3] == '-') {
      comment();
    } else if (c == '<' && end_ - p_ >= 2 && p_[1] == '?') {
      skip_past_gt(p_ + 2);
    } else {
      stopped_ = true;
    }
  }

  const Tables& t_;
  const char* p_;
  const char* end_;
  const HtmlOptions& options_;
  TextBuilder builder_;
  NameTable names_;
  std::vector<Frame> stack_;
  std::vector<std::int32_t> top_pos_;  // per name id: position of the innermost open one, or -1
  std::array<std::int32_t, kLevels> top_level_{};  // per level: innermost open position, or -1
  int html_level_ = 0;  // libxml2's ctxt->html: 3 once a head was open, 10 once a body was
  std::size_t ignored_depth_ = 0;  // misplaced html/head/body start tags not yet ended
  bool epilog_ = false;
  bool stopped_ = false;
  bool after_text_ = false;  // the last thing read was character data, not markup
  char name_[kMaxName];
  std::size_t name_len_ = 0;
};

}  // namespace

HtmlText fast_html_to_text(std::string_view utf8_html, const HtmlOptions& options) {
  return FastParser(utf8_html, options).run();
}

}  // namespace secnlp::nlp::html_internal
