#include "nlp/filters/lemmatizer.h"

#include <cstdint>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

#include "common/error.h"

namespace secnlp::nlp {

namespace {

// Every replacement suffix of the detachment rules. A candidate form is represented as
// word[:keep] + kTails[tail]: rules only ever cut a suffix and append one of these, so no
// candidate string needs to be built until it is looked up.
constexpr std::string_view kTails[] = {"", "s", "f", "x", "z", "ch", "sh", "man", "y", "e"};
constexpr std::size_t kNumTails = std::size(kTails);

constexpr std::uint8_t tail_id(std::string_view s) {
  for (std::size_t i = 0; i < kNumTails; ++i) {
    if (kTails[i] == s) return static_cast<std::uint8_t>(i);
  }
  throw "detachment rule with a replacement missing from kTails";  // compile-time error
}

struct Rule {
  std::string_view old_suffix;
  std::uint8_t new_tail;
};

// NLTK 3.8 WordNetCorpusReader.MORPHOLOGICAL_SUBSTITUTIONS, in its order (order decides ties).
constexpr Rule kNounRules[] = {
    {"s", tail_id("")},      {"ses", tail_id("s")},   {"ves", tail_id("f")},
    {"xes", tail_id("x")},   {"zes", tail_id("z")},   {"ches", tail_id("ch")},
    {"shes", tail_id("sh")}, {"men", tail_id("man")}, {"ies", tail_id("y")},
};
constexpr Rule kVerbRules[] = {
    {"s", tail_id("")},   {"ies", tail_id("y")}, {"es", tail_id("e")},  {"es", tail_id("")},
    {"ed", tail_id("e")}, {"ed", tail_id("")},   {"ing", tail_id("e")}, {"ing", tail_id("")},
};
constexpr Rule kAdjectiveRules[] = {
    {"er", tail_id("")},
    {"est", tail_id("")},
    {"er", tail_id("e")},
    {"est", tail_id("e")},
};

// The (keep, tail) representation needs: whenever a form ends with a rule's suffix, the suffix
// covers the whole tail, i.e. no rule suffix is a proper suffix of a tail.
constexpr bool rules_cover_tails(std::span<const Rule> rules) {
  for (const Rule& r : rules) {
    for (std::string_view t : kTails) {
      if (r.old_suffix.size() < t.size() && t.ends_with(r.old_suffix)) return false;
    }
  }
  return true;
}
static_assert(rules_cover_tails(kNounRules) && rules_cover_tails(kVerbRules) &&
              rules_cover_tails(kAdjectiveRules));
constexpr std::size_t kMaxRules = std::size(kNounRules);  // Morphy::run's first-round buffer
static_assert(std::size(kVerbRules) <= kMaxRules && std::size(kAdjectiveRules) <= kMaxRules);

std::span<const Rule> rules_for(PartOfSpeech pos) noexcept {
  switch (pos) {
    case PartOfSpeech::kNoun:
      return kNounRules;
    case PartOfSpeech::kVerb:
      return kVerbRules;
    case PartOfSpeech::kAdjective:
      return kAdjectiveRules;
    case PartOfSpeech::kAdverb:
      break;
  }
  return {};
}

corpora::WordNetPos to_wordnet(PartOfSpeech pos) noexcept {
  switch (pos) {
    case PartOfSpeech::kNoun:
      return corpora::WordNetPos::kNoun;
    case PartOfSpeech::kVerb:
      return corpora::WordNetPos::kVerb;
    case PartOfSpeech::kAdjective:
      return corpora::WordNetPos::kAdjective;
    case PartOfSpeech::kAdverb:
      break;
  }
  return corpora::WordNetPos::kAdverb;
}

struct Form {
  std::size_t keep;   // bytes of the word kept
  std::uint8_t tail;  // index into kTails
};

// One run of _morphy + shortest pick over one word.
class Morphy {
 public:
  Morphy(std::string_view word, const corpora::WordNetPosTables& tables)
      : word_(word), tables_(tables) {}

  std::size_t length(Form f) const noexcept { return f.keep + kTails[f.tail].size(); }

  bool ends_with(Form f, std::string_view suffix) const noexcept {
    const std::string_view tail = kTails[f.tail];
    if (length(f) < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {  // i counts from the end
      const char c =
          i < tail.size() ? tail[tail.size() - 1 - i] : word_[f.keep - 1 - (i - tail.size())];
      if (c != suffix[suffix.size() - 1 - i]) return false;
    }
    return true;
  }

  // The rewrite of `f` by `r` (which must match), in canonical form: a form that is a prefix
  // of the word is always written with the empty tail, so equal strings have equal forms.
  Form apply(Form f, const Rule& r) const noexcept {
    Form g{f.keep + kTails[f.tail].size() - r.old_suffix.size(), r.new_tail};
    const std::string_view tail = kTails[g.tail];
    if (!tail.empty() && word_.substr(g.keep).starts_with(tail)) {
      g = {g.keep + tail.size(), 0};
    }
    return g;
  }

  // Offers `f` as a candidate: it becomes the best when it is in the index and strictly
  // shorter than the best so far (so the first of the shortest wins, like Python's min).
  void consider(Form f) {
    const std::size_t len = length(f);
    if ((found_ && len >= best_length_) || len > tables_.max_lemma_length) return;
    std::string_view text;
    char buffer[128];  // WordNet 3.0's longest lemma has 71 bytes
    if (f.tail == 0) {
      text = word_.substr(0, f.keep);
    } else if (len <= sizeof buffer) {
      std::memcpy(buffer, word_.data(), f.keep);
      std::memcpy(buffer + f.keep, kTails[f.tail].data(), kTails[f.tail].size());
      text = std::string_view(buffer, len);
    } else {
      thread_local std::string scratch;
      scratch.assign(word_.data(), f.keep);
      scratch.append(kTails[f.tail]);
      text = scratch;
    }
    if (tables_.lemmas.contains(text)) {
      found_ = true;
      best_ = f;
      best_length_ = len;
    }
  }

  bool found() const noexcept { return found_; }

  void write_best(std::string& out) const {
    out.assign(word_.data(), best_.keep);
    out.append(kTails[best_.tail]);
  }

  void run(std::span<const Rule> rules) {
    // Steps 1 and 2: the word and its first rewrites.
    const Form word_form{word_.size(), 0};
    consider(word_form);
    Form first[kMaxRules];
    std::size_t n_first = 0;
    for (const Rule& r : rules) {
      if (!ends_with(word_form, r.old_suffix)) continue;
      const Form g = apply(word_form, r);
      consider(g);
      first[n_first++] = g;
    }
    if (found_ || n_first == 0) return;
    // Step 3: rewrite again until something is found or no rule applies. NLTK keeps
    // duplicates; dropping every form already seen (at this or an earlier round) cannot change
    // the answer, since the first copy and its rewrites were already looked up, and it keeps
    // the work at most one visit per (keep, tail) pair.
    std::vector<std::uint8_t> seen((word_.size() + 1) * kNumTails, 0);
    auto mark = [&](Form f) {
      std::uint8_t& s = seen[f.keep * kNumTails + f.tail];
      const bool fresh = s == 0;
      s = 1;
      return fresh;
    };
    mark(word_form);
    std::vector<Form> current, next;
    for (std::size_t i = 0; i < n_first; ++i) {
      if (mark(first[i])) current.push_back(first[i]);
    }
    while (!current.empty() && !found_) {
      next.clear();
      for (const Form f : current) {
        for (const Rule& r : rules) {
          if (!ends_with(f, r.old_suffix)) continue;
          const Form g = apply(f, r);
          if (!mark(g)) continue;
          consider(g);
          next.push_back(g);
        }
      }
      current.swap(next);
    }
  }

 private:
  std::string_view word_;
  const corpora::WordNetPosTables& tables_;
  bool found_ = false;
  Form best_{0, 0};
  std::size_t best_length_ = 0;
};

}  // namespace

std::optional<PartOfSpeech> parse_part_of_speech(std::string_view tag) noexcept {
  if (tag == "n") return PartOfSpeech::kNoun;
  if (tag == "v") return PartOfSpeech::kVerb;
  if (tag == "a" || tag == "s") return PartOfSpeech::kAdjective;
  if (tag == "r") return PartOfSpeech::kAdverb;
  return std::nullopt;
}

PartOfSpeech part_of_speech_from_penn(std::string_view penn_tag) noexcept {
  if (penn_tag.starts_with("JJ")) return PartOfSpeech::kAdjective;
  if (penn_tag.starts_with("VB")) return PartOfSpeech::kVerb;
  if (penn_tag.starts_with("RB")) return PartOfSpeech::kAdverb;
  return PartOfSpeech::kNoun;
}

WordNetLemmatizer::WordNetLemmatizer(std::shared_ptr<const corpora::WordNetData> data)
    : data_(std::move(data)) {
  if (!data_) {
    throw Error(ErrorCode::kInvalidArgument, "WordNetLemmatizer needs WordNet data, got null",
                "wordnet");
  }
}

std::string WordNetLemmatizer::lemmatize(std::string_view word, PartOfSpeech pos) const {
  std::string out;
  lemmatize_into(word, pos, out);
  return out;
}

void WordNetLemmatizer::lemmatize_into(std::string_view word, PartOfSpeech pos,
                                       std::string& out) const {
  const corpora::WordNetPosTables& tables = (*data_)[to_wordnet(pos)];
  const auto& lemmas = tables.lemmas;
  // Step 0: the exception list decides alone when the word is in it.
  if (const auto exc = tables.exceptions.find(word); exc != tables.exceptions.end()) {
    std::string_view best;
    bool found = lemmas.contains(word);
    if (found) best = word;
    for (const std::string& base : exc->second) {
      if ((!found || base.size() < best.size()) && lemmas.contains(base)) {
        best = base;
        found = true;
      }
    }
    out.assign(found ? best : word);
    return;
  }
  Morphy morphy(word, tables);
  morphy.run(rules_for(pos));
  if (morphy.found()) {
    morphy.write_best(out);
  } else {
    out.assign(word);
  }
}

}  // namespace secnlp::nlp
