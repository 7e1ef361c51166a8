// Snowball 3.x English (Porter2), written by hand from english.sbl (snowballstem/snowball,
// the version compiled into Snowball 3.0.0's stem_UTF_8_english.c: R1 prefixes include inter-,
// exception1 includes skis). Each routine below follows the Snowball routine of the same name;
// the character primitives reproduce the Snowball C runtime's UTF-8 handling (utilities.c) so
// that positions, hops and groupings are libstemmer's on any input, valid UTF-8 or not.
// Checked during development against libstemmer 2.2 on 2.8 M fuzzed byte strings (voc words
// with non-ASCII and invalid bytes inserted, random short strings, under ASan/UBSan): the only
// differences were the 3.x rule changes (inter- prefix, consonant + ying).
#include "nlp/filters/english_stemmer.h"

#include <array>
#include <cstddef>
#include <cstring>

namespace secnlp::nlp {

namespace {

using Pos = std::ptrdiff_t;

// ---- Character groupings (bit sets over ASCII; every member is ASCII) ----

struct Grouping {
  std::array<bool, 128> member{};
  constexpr explicit Grouping(std::string_view letters) {
    for (char ch : letters)
      member[static_cast<unsigned char>(ch)] = true;
  }
  constexpr bool has(int ch) const { return ch >= 0 && ch < 128 && member[ch]; }
};

constexpr Grouping kV("aeiouy");
constexpr Grouping kVWXY("aeiouywxY");
constexpr Grouping kAeo("aeo");
constexpr Grouping kValidLi("cdeghkmnrt");

// ---- The word being stemmed: bytes p[0, l), cursor c, as in Snowball's SN_env ----

struct Env {
  std::string& out;
  unsigned char* p;
  Pos l;  // limit (current length)
  Pos c = 0;
  Pos p1 = 0;
  Pos p2 = 0;
  bool y_found = false;

  explicit Env(std::string& s)
      : out(s), p(reinterpret_cast<unsigned char*>(s.data())), l(static_cast<Pos>(s.size())) {}

  // Replaces p[bra, l) by `s` (every edit of the backward steps is on a suffix).
  void replace_suffix(Pos bra, std::string_view s) {
    const Pos need = bra + static_cast<Pos>(s.size());
    if (need > static_cast<Pos>(out.size())) {  // never for English; kept for safety
      out.resize(static_cast<std::size_t>(need));
      p = reinterpret_cast<unsigned char*>(out.data());
    }
    if (!s.empty()) std::memcpy(p + bra, s.data(), s.size());
    l = need;
  }

  // Width of the character starting at c and its code point; 0 at the limit. Snowball's
  // get_utf8: a lead byte takes as many following bytes as it announces, whatever they are.
  int get_f(Pos at, int& ch) const {
    if (at >= l) return 0;
    const int b0 = p[at++];
    if (b0 < 0xC0 || at == l) {
      ch = b0;
      return 1;
    }
    const int b1 = p[at++] & 0x3F;
    if (b0 < 0xE0 || at == l) {
      ch = (b0 & 0x1F) << 6 | b1;
      return 2;
    }
    const int b2 = p[at++] & 0x3F;
    if (b0 < 0xF0 || at == l) {
      ch = (b0 & 0xF) << 12 | b1 << 6 | b2;
      return 3;
    }
    ch = (b0 & 0x7) << 18 | b1 << 12 | b2 << 6 | (p[at] & 0x3F);
    return 4;
  }

  // Width of the character ending at `at` and its code point; 0 at the start (get_b_utf8).
  int get_b(Pos at, int& ch) const {
    if (at <= 0) return 0;
    int b = p[--at];
    if (b < 0x80 || at == 0) {
      ch = b;
      return 1;
    }
    int a = b & 0x3F;
    b = p[--at];
    if (b >= 0xC0 || at == 0) {
      ch = (b & 0x1F) << 6 | a;
      return 2;
    }
    a |= (b & 0x3F) << 6;
    b = p[--at];
    if (b >= 0xE0 || at == 0) {
      ch = (b & 0xF) << 12 | a;
      return 3;
    }
    ch = (p[--at] & 0x7) << 18 | (b & 0x3F) << 12 | a;
    return 4;
  }

  // `hop n` forwards from `at` (skip_utf8): the new position, or -1 past the limit.
  Pos skip_f(Pos at, int n) const {
    for (; n > 0; --n) {
      if (at >= l) return -1;
      if (p[at++] >= 0xC0) {
        while (at < l && p[at] >= 0x80 && p[at] < 0xC0)
          ++at;
      }
    }
    return at;
  }

  // `hop n` backwards from `at` (skip_b_utf8): the new position, or -1 before the start.
  Pos skip_b(Pos at, int n) const {
    for (; n > 0; --n) {
      if (at <= 0) return -1;
      if (p[--at] >= 0x80) {
        while (at > 0 && p[at] < 0xC0)
          --at;
      }
    }
    return at;
  }

  // Forward grouping tests at c; on success c moves past the character.
  bool in_f(const Grouping& g) {
    int ch = 0;
    const int w = get_f(c, ch);
    if (w == 0 || !g.has(ch)) return false;
    c += w;
    return true;
  }
  // `gopast g` / `gopast non-g`: past the first character in (or out of) g; false at limit.
  bool gopast(const Grouping& g, bool inside) {
    for (;;) {
      int ch = 0;
      const int w = get_f(c, ch);
      if (w == 0) return false;
      c += w;
      if (g.has(ch) == inside) return true;
    }
  }

  // Backward grouping tests at c; on success c moves before the character.
  bool in_b(const Grouping& g) {
    int ch = 0;
    const int w = get_b(c, ch);
    if (w == 0 || !g.has(ch)) return false;
    c -= w;
    return true;
  }
  bool out_b(const Grouping& g) {
    int ch = 0;
    const int w = get_b(c, ch);
    if (w == 0 || g.has(ch)) return false;
    c -= w;
    return true;
  }
  // Backward `gopast v`: is there a vowel anywhere before c? (c is left unspecified.)
  bool vowel_before() {
    for (;;) {
      int ch = 0;
      const int w = get_b(c, ch);
      if (w == 0) return false;
      c -= w;
      if (kV.has(ch)) return true;
    }
  }

  // Byte loops rather than memcmp: the strings are 1-7 bytes and most tests fail on the
  // first byte compared (measured: memcmp calls took a third of the time).
  bool ends_with(Pos at, std::string_view s) const {
    Pos n = static_cast<Pos>(s.size());
    if (at < n) return false;
    const unsigned char* q = p + at - n;
    while (n > 0) {
      --n;
      if (q[n] != static_cast<unsigned char>(s[static_cast<std::size_t>(n)])) return false;
    }
    return true;
  }
  bool starts_with(std::string_view s) const {
    if (l < static_cast<Pos>(s.size())) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (p[i] != static_cast<unsigned char>(s[i])) return false;
    }
    return true;
  }
};

// An `among` entry: the string and what to do with it.
struct Entry {
  std::string_view text;
  int action;
};

// Snowball's backward `among`: finds the longest entry that ends the word at a position.
// Entries are bucketed by last byte, longest first, so a lookup tests only the few entries
// that can match (measured: twice as fast as scanning the whole list).
template <std::size_t N>
class SuffixTable {
 public:
  constexpr explicit SuffixTable(std::array<Entry, N> entries) : entries_(entries) {
    for (std::size_t i = 1; i < N; ++i) {  // insertion sort by (last byte, length desc)
      for (std::size_t j = i; j > 0 && before(entries_[j], entries_[j - 1]); --j) {
        const Entry t = entries_[j];
        entries_[j] = entries_[j - 1];
        entries_[j - 1] = t;
      }
    }
    for (std::size_t i = N; i-- > 0;) {
      const auto last = static_cast<unsigned char>(entries_[i].text.back());
      begin_[last] = static_cast<unsigned char>(i);
      if (end_[last] == 0) end_[last] = static_cast<unsigned char>(i + 1);
    }
  }

  // The action of the longest entry that is a suffix of p[0, at), with `bra` set to where it
  // starts; 0 when none is.
  int longest(const Env& z, Pos at, Pos& bra) const {
    if (at <= 0) return 0;
    const unsigned char last = z.p[at - 1];
    if (last >= 128) return 0;
    for (std::size_t i = begin_[last]; i < end_[last]; ++i) {
      const Entry& e = entries_[i];
      if (z.ends_with(at, e.text)) {
        bra = at - static_cast<Pos>(e.text.size());
        return e.action;
      }
    }
    return 0;
  }

 private:
  static constexpr bool before(const Entry& a, const Entry& b) {
    const auto la = static_cast<unsigned char>(a.text.back());
    const auto lb = static_cast<unsigned char>(b.text.back());
    return la != lb ? la < lb : a.text.size() > b.text.size();
  }

  std::array<Entry, N> entries_;
  std::array<unsigned char, 128> begin_{};
  std::array<unsigned char, 128> end_{};
};

template <std::size_t N>
constexpr SuffixTable<N> among(const Entry (&entries)[N]) {
  std::array<Entry, N> a{};
  for (std::size_t i = 0; i < N; ++i)
    a[i] = entries[i];
  return SuffixTable<N>(a);
}

// ---- exception1: whole words with a fixed stem (checked before anything else) ----

struct Exception {
  std::string_view word;
  std::string_view stem;
};

constexpr std::array<Exception, 15> kExceptions = {{
    {"skis", "ski"},
    {"skies", "sky"},
    {"idly", "idl"},
    {"gently", "gentl"},
    {"ugly", "ugli"},
    {"early", "earli"},
    {"only", "onli"},
    {"singly", "singl"},
    {"sky", "sky"},
    {"news", "news"},
    {"howe", "howe"},
    {"atlas", "atlas"},
    {"cosmos", "cosmos"},
    {"bias", "bias"},
    {"andes", "andes"},
}};

const Exception* exception1(std::string_view word) {
  if (word.size() < 3 || word.size() > 6) return nullptr;
  for (const Exception& e : kExceptions) {
    if (e.word.size() == word.size() && e.word[0] == word[0] && e.word == word) return &e;
  }
  return nullptr;
}

// ---- Snowball's documented preprocessing: other apostrophes become ' ----

// Maps U+2018, U+2019 and U+201B (E2 80 98 / 99 / 9B in UTF-8) to ASCII ', in place: the
// English rules know apostrophe only as U+0027 ("other codes for apostrophe can be mapped to
// this code prior to stemming", snowballstem.org/texts/apostrophe.html).
void map_apostrophes(std::string& s) {
  const std::size_t first = s.find('\xe2');
  if (first == std::string::npos) return;
  std::size_t w = first;
  for (std::size_t r = first; r < s.size();) {
    if (s[r] == '\xe2' && r + 2 < s.size() && s[r + 1] == '\x80' &&
        (s[r + 2] == '\x98' || s[r + 2] == '\x99' || s[r + 2] == '\x9b')) {
      s[w++] = '\'';
      r += 3;
    } else {
      s[w++] = s[r++];
    }
  }
  s.resize(w);
}

// ---- prelude: drop one initial apostrophe; mark consonant y as Y ----

void prelude(Env& z) {
  if (z.l > 0 && z.p[0] == '\'') {
    std::memmove(z.p, z.p + 1, static_cast<std::size_t>(z.l - 1));
    --z.l;
  }
  if (z.l > 0 && z.p[0] == 'y') {
    z.p[0] = 'Y';
    z.y_found = true;
  }
  // repeat (goto (v ['y']) <- 'Y'), stepping by characters as the runtime does. Most words
  // have no 'y' at all: skip the character walk for them.
  if (std::memchr(z.p, 'y', static_cast<std::size_t>(z.l)) == nullptr) return;
  Pos c = 0;
  for (;;) {
    z.c = c;
    if (z.in_f(kV) && z.c < z.l && z.p[z.c] == 'y') {
      z.p[z.c] = 'Y';
      z.y_found = true;
      continue;  // resume at c: the vowel now precedes 'Y' and no longer matches
    }
    c = z.skip_f(c, 1);
    if (c < 0) break;
  }
}

// ---- mark_regions: p1 (start of R1) and p2 (start of R2) ----

constexpr std::array<std::string_view, 9> kR1Prefixes = {
    "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"};

void mark_regions(Env& z) {
  z.p1 = z.l;
  z.p2 = z.l;
  z.c = 0;
  bool prefixed = false;
  for (std::string_view prefix : kR1Prefixes) {
    if (z.l == 0 || z.p[0] != static_cast<unsigned char>(prefix[0])) continue;
    if (z.starts_with(prefix)) {
      z.c = static_cast<Pos>(prefix.size());
      prefixed = true;
      break;
    }
  }
  if (!prefixed && !(z.gopast(kV, true) && z.gopast(kV, false))) return;
  z.p1 = z.c;
  if (!(z.gopast(kV, true) && z.gopast(kV, false))) return;
  z.p2 = z.c;
}

// ---- backward-mode helpers ----

// shortv at c: (non-v_WXY v non-v) or (non-v v atlimit) or 'past'.
bool shortv(Env& z) {
  const Pos start = z.c;
  if (z.out_b(kVWXY) && z.in_b(kV) && z.out_b(kV)) return true;
  z.c = start;
  if (z.out_b(kV) && z.in_b(kV) && z.c <= 0) return true;
  z.c = start;
  return z.ends_with(start, "past");
}

void step_1a(Env& z) {
  static constexpr auto kApostrophe = among({{"'s'", 1}, {"'s", 1}, {"'", 1}});
  Pos bra = 0;
  if (kApostrophe.longest(z, z.l, bra) != 0) z.l = bra;

  static constexpr auto kPlural =
      among({{"sses", 1}, {"ied", 2}, {"ies", 2}, {"ss", 3}, {"us", 3}, {"s", 4}});
  switch (kPlural.longest(z, z.l, bra)) {
    case 1:
      z.replace_suffix(bra, "ss");
      break;
    case 2:
      z.replace_suffix(bra, z.skip_b(bra, 2) >= 0 ? "i" : "ie");
      break;
    case 4:  // delete the s if a vowel precedes the character before it
      z.c = z.skip_b(bra, 1);
      if (z.c >= 0 && z.vowel_before()) z.l = bra;
      break;
    default:  // 'ss', 'us' and no match: unchanged
      break;
  }
}

// The undoubling / e-restoring tail of Step 1b after 'ed', 'ing'... was deleted.
void step_1b_tail(Env& z) {
  const Pos end = z.l;
  if (z.ends_with(end, "at") || z.ends_with(end, "bl") || z.ends_with(end, "iz")) {
    z.replace_suffix(end, "e");
    return;
  }
  if (end >= 2 && z.p[end - 1] == z.p[end - 2]) {
    switch (z.p[end - 1]) {
      case 'b':
      case 'd':
      case 'f':
      case 'g':
      case 'm':
      case 'n':
      case 'p':
      case 'r':
      case 't':
        // Not after a lone initial a/e/o: added -> add, ebbing -> ebb.
        z.c = end - 2;
        if (z.in_b(kAeo) && z.c <= 0) return;
        z.l = end - 1;
        return;
      default:
        break;
    }
  }
  z.c = end;
  if (end == z.p1 && shortv(z)) z.replace_suffix(end, "e");
}

void step_1b(Env& z) {
  static constexpr auto kSuffixes =
      among({{"eedly", 1}, {"ingly", 2}, {"edly", 2}, {"eed", 1}, {"ing", 3}, {"ed", 2}});
  Pos bra = 0;
  const int action = kSuffixes.longest(z, z.l, bra);
  if (action == 0) return;
  if (action == 1) {  // eed, eedly
    if (z.p1 > bra) return;
    const bool keep = (bra == 4 && (z.starts_with("proc") || z.starts_with("succ"))) ||
                      (bra == 3 && z.starts_with("exc"));
    if (!keep) z.replace_suffix(bra, "ee");
    return;
  }
  if (action == 3) {  // ing: a few whole-word cases first
    static constexpr auto kIng = among(
        {{"even", 2}, {"cann", 2}, {"earr", 2}, {"herr", 2}, {"inn", 2}, {"out", 2}, {"y", 1}});
    Pos start = 0;
    const int word_case = kIng.longest(z, bra, start);
    if (word_case == 1) {  // consonant + 'ying' -> consonant + 'ie' (dying, hying, vying)
      z.c = start;
      if (z.out_b(kV) && z.c <= 0) {
        z.replace_suffix(start, "ie");
        return;
      }
    } else if (word_case == 2 && start == 0) {  // inning, outing, canning, evening...
      return;
    }
  }
  // ed, edly, ing, ingly: delete if the stem before keeps a vowel, then tidy the end.
  z.c = bra;
  if (!z.vowel_before()) return;
  z.l = bra;
  step_1b_tail(z);
}

void step_1c(Env& z) {
  if (z.l == 0 || (z.p[z.l - 1] != 'y' && z.p[z.l - 1] != 'Y')) return;
  z.c = z.l - 1;
  if (z.out_b(kV) && z.c > 0) z.replace_suffix(z.l - 1, "i");
}

void step_2(Env& z) {
  enum : int {
    kTion = 1,
    kEnce,
    kAnce,
    kAble,
    kEnt,
    kIze,
    kAte,
    kAl,
    kFul,
    kOus,
    kIve,
    kBle,
    kOgist,
    kOgi,
    kLess,
    kLi
  };
  static constexpr auto kTable = among({
      {"ational", kAte}, {"ization", kIze}, {"iveness", kIve}, {"fulness", kFul}, {"ousness", kOus},
      {"tional", kTion}, {"biliti", kBle},  {"lessli", kLess}, {"entli", kEnt},   {"ousli", kOus},
      {"fulli", kFul},   {"alism", kAl},    {"aliti", kAl},    {"iviti", kIve},   {"ation", kAte},
      {"ogist", kOgist}, {"enci", kEnce},   {"anci", kAnce},   {"abli", kAble},   {"izer", kIze},
      {"ator", kAte},    {"alli", kAl},     {"bli", kBle},     {"ogi", kOgi},     {"li", kLi},
  });
  if (z.l < 2) return;
  switch (z.p[z.l - 1]) {  // every entry ends in one of these
    case 'i':
    case 'l':
    case 'm':
    case 'n':
    case 'r':
    case 's':
    case 't':
      break;
    default:
      return;
  }
  Pos bra = 0;
  const int action = kTable.longest(z, z.l, bra);
  if (action == 0 || z.p1 > bra) return;
  switch (action) {
    case kTion:
      z.replace_suffix(bra, "tion");
      break;
    case kEnce:
      z.replace_suffix(bra, "ence");
      break;
    case kAnce:
      z.replace_suffix(bra, "ance");
      break;
    case kAble:
      z.replace_suffix(bra, "able");
      break;
    case kEnt:
      z.replace_suffix(bra, "ent");
      break;
    case kIze:
      z.replace_suffix(bra, "ize");
      break;
    case kAte:
      z.replace_suffix(bra, "ate");
      break;
    case kAl:
      z.replace_suffix(bra, "al");
      break;
    case kFul:
      z.replace_suffix(bra, "ful");
      break;
    case kOus:
      z.replace_suffix(bra, "ous");
      break;
    case kIve:
      z.replace_suffix(bra, "ive");
      break;
    case kBle:
      z.replace_suffix(bra, "ble");
      break;
    case kOgist:
      z.replace_suffix(bra, "og");
      break;
    case kOgi:
      if (bra > 0 && z.p[bra - 1] == 'l') z.replace_suffix(bra, "og");
      break;
    case kLess:
      z.replace_suffix(bra, "less");
      break;
    case kLi:
      z.c = bra;
      if (z.in_b(kValidLi)) z.l = bra;
      break;
    default:
      break;
  }
}

void step_3(Env& z) {
  enum : int { kTion = 1, kAte, kAl, kIc, kDelete, kDeleteR2 };
  static constexpr auto kTable = among({
      {"ational", kAte},
      {"tional", kTion},
      {"icate", kIc},
      {"ative", kDeleteR2},
      {"alize", kAl},
      {"iciti", kIc},
      {"ical", kIc},
      {"ness", kDelete},
      {"ful", kDelete},
  });
  Pos bra = 0;
  const int action = kTable.longest(z, z.l, bra);
  if (action == 0 || z.p1 > bra) return;
  switch (action) {
    case kTion:
      z.replace_suffix(bra, "tion");
      break;
    case kAte:
      z.replace_suffix(bra, "ate");
      break;
    case kAl:
      z.replace_suffix(bra, "al");
      break;
    case kIc:
      z.replace_suffix(bra, "ic");
      break;
    case kDelete:
      z.l = bra;
      break;
    case kDeleteR2:
      if (z.p2 <= bra) z.l = bra;
      break;
    default:
      break;
  }
}

void step_4(Env& z) {
  static constexpr auto kTable = among({
      {"ement", 1},
      {"ance", 1},
      {"ence", 1},
      {"able", 1},
      {"ible", 1},
      {"ment", 1},
      {"ate", 1},
      {"ive", 1},
      {"ize", 1},
      {"iti", 1},
      {"ism", 1},
      {"ion", 2},
      {"ous", 1},
      {"ant", 1},
      {"ent", 1},
      {"al", 1},
      {"er", 1},
      {"ic", 1},
  });
  Pos bra = 0;
  const int action = kTable.longest(z, z.l, bra);
  if (action == 0 || z.p2 > bra) return;
  if (action == 1) {
    z.l = bra;
  } else if (bra > 0 && (z.p[bra - 1] == 's' || z.p[bra - 1] == 't')) {
    z.l = bra;
  }
}

void step_5(Env& z) {
  if (z.l == 0) return;
  const Pos bra = z.l - 1;
  if (z.p[bra] == 'e') {
    if (z.p2 <= bra) {
      z.l = bra;
      return;
    }
    if (z.p1 > bra) return;
    z.c = bra;
    if (!shortv(z)) z.l = bra;
  } else if (z.p[bra] == 'l') {
    if (z.p2 <= bra && bra > 0 && z.p[bra - 1] == 'l') z.l = bra;
  }
}

void postlude(Env& z) {
  if (!z.y_found) return;
  for (Pos i = 0; i < z.l; ++i) {
    if (z.p[i] == 'Y') z.p[i] = 'y';
  }
}

}  // namespace

void porter2_stem(std::string_view word, std::string& out) {
  out.assign(word);  // copes with `word` viewing `out`
  map_apostrophes(out);
  if (const Exception* e = exception1(out)) {
    out.assign(e->stem);
    return;
  }
  Env z(out);
  if (z.skip_f(0, 3) < 0) return;  // fewer than three characters: unchanged
  prelude(z);
  mark_regions(z);
  step_1a(z);
  step_1b(z);
  step_1c(z);
  step_2(z);
  step_3(z);
  step_4(z);
  step_5(z);
  postlude(z);
  out.resize(static_cast<std::size_t>(z.l));
}

std::string porter2_stem(std::string_view word) {
  std::string out;
  porter2_stem(word, out);
  return out;
}

}  // namespace secnlp::nlp
