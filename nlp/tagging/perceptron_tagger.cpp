#include "nlp/tagging/perceptron_tagger.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

#include <fmt/format.h>

#include "common/binary_io.h"
#include "common/error.h"
#include "common/hash.h"

namespace secnlp::nlp {
namespace {

static_assert(std::endian::native == std::endian::little, "the model format is little-endian");

constexpr char kMagic[8] = {'S', 'N', 'L', 'P', 'T', 'A', 'G', '\0'};
constexpr std::uint32_t kFormatVersion = 1;
// The feature templates below; a model trained with another set cannot be used.
constexpr std::uint32_t kFeatureSet = 1;
constexpr std::uint16_t kStartTag = 0xFFFF;
constexpr std::uint16_t kStart2Tag = 0xFFFE;
constexpr std::size_t kMaxTags = 0xFFF0;

std::uint64_t mix(std::uint64_t h) {
  // splitmix64's finalizer.
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h ? h : 1;  // 0 marks an empty slot
}

std::uint64_t feature(std::uint64_t template_id, std::uint64_t value) {
  return mix(value + template_id * 0x9E3779B97F4A7C15ULL);
}

std::uint64_t hash_of(std::string_view s) {
  return fnv1a64(s);
}

// The last `n` code points of `s` (whole UTF-8 sequences).
std::string_view last_chars(std::string_view s, int n) {
  std::size_t i = s.size();
  while (i > 0 && n > 0) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
      --i;
    --n;
  }
  return s.substr(i);
}

// The first `n` code points of `s`.
std::string_view first_chars(std::string_view s, int n) {
  std::size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
      ++i;
    --n;
  }
  return s.substr(0, i);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

// Everything the features need of one position, computed once per word.
struct WordInfo {
  std::uint64_t raw = 0;    // the word as written (tag dictionary, case-sensitive word)
  std::uint64_t norm = 0;   // NLTK's normalization: !HYPHEN, !YEAR, !DIGITS or lowercase
  std::uint64_t suf3 = 0;   // last 3 characters of the raw word
  std::uint64_t nsuf3 = 0;  // last 3 characters of the normalized word
  std::uint64_t suf2 = 0, suf4 = 0, pref1 = 0, pref3 = 0;
  std::uint64_t shape = 0;  // Xx, xx-xx, d.d ...: character classes, runs collapsed
  std::uint64_t tags = 0;   // the word's ambiguity class (tags seen with it in training)
};

namespace {

const std::uint64_t kStartHashes[2] = {hash_of("-START2-"), hash_of("-START-")};
const std::uint64_t kEndHashes[2] = {hash_of("-END-"), hash_of("-END2-")};

void describe(std::string_view word, WordInfo& w, std::string& buf) {
  w.raw = hash_of(word);
  buf.clear();
  if (word.find('-') != std::string_view::npos && word.front() != '-') {
    buf = "!HYPHEN";
  } else if (word.size() == 4 && std::all_of(word.begin(), word.end(), is_digit)) {
    buf = "!YEAR";
  } else if (!word.empty() && is_digit(word.front())) {
    buf = "!DIGITS";
  } else {
    buf.assign(word);
    for (char& c : buf)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  w.norm = hash_of(buf);
  w.nsuf3 = hash_of(last_chars(buf, 3));
  w.suf3 = hash_of(last_chars(word, 3));
  w.suf2 = hash_of(last_chars(word, 2));
  w.suf4 = hash_of(last_chars(word, 4));
  w.pref1 = hash_of(first_chars(word, 1));
  w.pref3 = hash_of(first_chars(word, 3));
  buf.clear();
  char last = 0;
  for (const char ch : word) {
    const auto u = static_cast<unsigned char>(ch);
    char c = ch;
    if (ch >= 'A' && ch <= 'Z') {
      c = 'X';
    } else if (ch >= 'a' && ch <= 'z') {
      c = 'x';
    } else if (is_digit(ch)) {
      c = 'd';
    } else if (u >= 0x80) {
      if ((u & 0xC0) == 0x80) continue;
      c = 'u';
    }
    if (c != last) buf.push_back(c);
    last = c;
  }
  w.shape = hash_of(buf);
}

void set_pad(WordInfo& w, std::uint64_t h) {
  w = WordInfo{h, h, h, h, h, h, h, h, h, h};
}

// Position infos for words[0..n) at infos[2..n+2), pads around them.
template <typename Word>
void describe_sentence(std::span<const Word> words, std::vector<WordInfo>& infos) {
  infos.resize(words.size() + 4);
  set_pad(infos[0], kStartHashes[0]);
  set_pad(infos[1], kStartHashes[1]);
  std::string buf;
  for (std::size_t i = 0; i < words.size(); ++i)
    describe(std::string_view(words[i]), infos[i + 2], buf);
  set_pad(infos[words.size() + 2], kEndHashes[0]);
  set_pad(infos[words.size() + 3], kEndHashes[1]);
}

constexpr std::size_t kFeatureCount = 29;

// The features of the word at infos[p] (p = index + 2) given the two tags chosen before it.
// Templates 1-14 are NLTK's PerceptronTagger's; 15-25 add affixes, shapes, word pairs and
// tag/word pairs; 26-29 the ambiguity classes of words i..i+2 (tag sets seen in training, for
// words seen at least kClassMinCount times). On EWT test (trained on EWT train, 10 epochs):
// NLTK's 14 give 94.7 % UPOS / 94.2 % XPOS, 1-25 94.8 / 94.1, all 29 95.1 / 94.6 (classes for
// every training word instead: 94.2 / 93.9; for words seen >= 10 times: 95.1 / 94.4).
void features_at(const WordInfo* infos, std::size_t p, std::uint16_t prev, std::uint16_t prev2,
                 std::uint64_t* f) {
  const WordInfo& w = infos[p];
  const std::uint64_t pt = prev, pt2 = prev2;
  f[0] = feature(1, 0);
  f[1] = feature(2, w.suf3);
  f[2] = feature(3, w.pref1);
  f[3] = feature(4, pt);
  f[4] = feature(5, pt2);
  f[5] = feature(6, (pt << 16) | pt2);
  f[6] = feature(7, w.norm);
  f[7] = feature(8, mix(w.norm) ^ pt);
  f[8] = feature(9, infos[p - 1].norm);
  f[9] = feature(10, infos[p - 1].nsuf3);
  f[10] = feature(11, infos[p - 2].norm);
  f[11] = feature(12, infos[p + 1].norm);
  f[12] = feature(13, infos[p + 1].nsuf3);
  f[13] = feature(14, infos[p + 2].norm);
  f[14] = feature(15, w.suf2);
  f[15] = feature(16, w.suf4);
  f[16] = feature(17, w.pref3);
  f[17] = feature(18, w.shape);
  f[18] = feature(19, w.raw);
  f[19] = feature(20, infos[p + 1].shape);
  f[20] = feature(21, mix(infos[p - 1].norm) ^ w.norm);
  f[21] = feature(22, mix(w.suf3) ^ pt);
  f[22] = feature(23, infos[p - 1].shape);
  f[23] = feature(24, mix(infos[p + 1].norm) ^ w.norm);
  f[24] = feature(25, mix(infos[p + 1].norm) ^ pt);
  f[25] = feature(26, w.tags);
  f[26] = feature(27, infos[p + 1].tags);
  f[27] = feature(28, infos[p + 2].tags);
  f[28] = feature(29, mix(w.tags) ^ infos[p + 1].tags);
}

// Training-time weights of one feature: a few (tag, weight) pairs with the running totals of
// the averaged perceptron (lazy: total += weight x steps since the last change).
struct TrainWeight {
  std::uint16_t tag;
  double weight = 0;
  double total = 0;
  std::uint64_t stamp = 0;
};

// Load factor 0.375..0.75: a smaller table stays in cache better than a sparser one saves probes
// (at 0.25..0.5 the 10-K benchmark ran slower).
std::size_t table_size(std::size_t n) {
  return std::bit_ceil(std::max<std::size_t>(16, n + n / 3));
}

// An open-addressing index over sorted unique `keys`: slot = index + 1, 0 = empty.
void build_slots(const std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& slots) {
  slots.assign(table_size(keys.size()), 0);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::size_t s = keys[k] & mask;
    while (slots[s] != 0)
      s = (s + 1) & mask;
    slots[s] = static_cast<std::uint32_t>(k + 1);
  }
}

// The index of `key` in `keys`, or -1.
std::ptrdiff_t find_slot(const std::vector<std::uint64_t>& keys,
                         const std::vector<std::uint32_t>& slots, std::uint64_t key) {
  const std::size_t mask = slots.size() - 1;
  for (std::size_t s = key & mask;; s = (s + 1) & mask) {
    const std::uint32_t k = slots[s];
    if (k == 0) return -1;
    if (keys[k - 1] == key) return static_cast<std::ptrdiff_t>(k) - 1;
  }
}

const std::uint64_t kUnknownClass = hash_of("-UNKNOWN-");
// A tag belongs to a word's ambiguity class when it has at least this share of its uses.
constexpr double kClassMinShare = 0.1;
// Words seen fewer times have no class: rare training words then look like unseen test words.
constexpr int kClassMinCount = 5;

// Little-endian serialization helpers.
using binary_io::put;
using binary_io::put_array;

}  // namespace

PerceptronTagger PerceptronTagger::train(std::span<const TaggedSentence> sentences,
                                         const PerceptronOptions& options,
                                         const EpochCallback& on_epoch) {
  if (options.epochs < 1 || options.epochs > 1000)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("epochs must be in 1..1000, not {}", options.epochs));
  if (options.dictionary_min_count < 1 || options.dictionary_min_share <= 0.5 ||
      options.dictionary_min_share > 1)
    throw Error(ErrorCode::kInvalidArgument,
                "tag dictionary thresholds: min count >= 1 and min share in (0.5, 1]");
  // Tags (sorted: ids do not depend on the order of the data) and the tag dictionary.
  std::map<std::string, std::uint16_t, std::less<>> tag_ids;
  std::unordered_map<std::string, std::map<std::string, int>> word_tags;
  std::size_t total_words = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& sent = sentences[s];
    if (sent.words.size() != sent.tags.size())
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("sentence {} has {} words and {} tags", s + 1, sent.words.size(),
                              sent.tags.size()));
    for (std::size_t i = 0; i < sent.words.size(); ++i) {
      tag_ids.emplace(sent.tags[i], 0);
      ++word_tags[sent.words[i]][sent.tags[i]];
    }
    total_words += sent.words.size();
  }
  if (total_words == 0) throw Error(ErrorCode::kInvalidArgument, "no words to train on");
  if (tag_ids.size() > kMaxTags)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{} tags (at most {})", tag_ids.size(), kMaxTags));
  PerceptronTagger model;
  for (auto& [name, id] : tag_ids) {
    id = static_cast<std::uint16_t>(model.tags_.size());
    model.tags_.push_back(name);
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> dict;
  for (const auto& [word, counts] : word_tags) {
    int n = 0, best = 0;
    const std::string* best_tag = nullptr;
    for (const auto& [tag, c] : counts) {
      n += c;
      if (c > best) best = c, best_tag = &tag;
    }
    if (n >= options.dictionary_min_count &&
        static_cast<double>(best) / n >= options.dictionary_min_share)
      dict.emplace_back(hash_of(word), tag_ids.find(*best_tag)->second);
  }
  std::sort(dict.begin(), dict.end());
  // Ambiguity classes of normalized words.
  {
    std::unordered_map<std::uint64_t, std::map<std::uint16_t, int>> norm_tags;
    std::vector<WordInfo> infos;
    std::string buf;
    for (const auto& sent : sentences)
      for (std::size_t i = 0; i < sent.words.size(); ++i) {
        WordInfo w;
        describe(sent.words[i], w, buf);
        ++norm_tags[w.norm][tag_ids.find(sent.tags[i])->second];
      }
    std::vector<std::pair<std::uint64_t, std::uint64_t>> classes;
    for (const auto& [word, counts] : norm_tags) {
      int n = 0;
      for (const auto& [tag, c] : counts)
        n += c;
      std::uint64_t h = 0x5151;
      for (const auto& [tag, c] : counts)
        if (c >= kClassMinShare * n) h = mix(h + tag + 1);
      if (n >= kClassMinCount) classes.emplace_back(word, h);
    }
    std::sort(classes.begin(), classes.end());
    for (const auto& [k, v] : classes) {
      model.class_keys_.push_back(k);
      model.class_values_.push_back(v);
    }
  }
  for (const auto& [k, t] : dict) {
    model.dict_keys_.push_back(k);
    model.dict_tags_.push_back(t);
  }
  model.build_index();

  // Gold tag ids per sentence.
  std::vector<std::vector<std::uint16_t>> gold(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (const auto& t : sentences[s].tags)
      gold[s].push_back(tag_ids.find(t)->second);

  const std::size_t ntags = model.tags_.size();
  std::unordered_map<std::uint64_t, std::uint32_t> index;
  std::vector<std::vector<TrainWeight>> weights;
  std::uint64_t step = 0;
  auto update = [&](std::uint64_t f, std::uint16_t tag, double v) {
    auto [it, fresh] = index.try_emplace(f, static_cast<std::uint32_t>(weights.size()));
    if (fresh) weights.emplace_back();
    auto& ws = weights[it->second];
    auto w = std::find_if(ws.begin(), ws.end(), [&](const TrainWeight& x) { return x.tag == tag; });
    if (w == ws.end()) {
      ws.push_back(TrainWeight{tag, 0, 0, step});
      w = ws.end() - 1;
    }
    w->total += static_cast<double>(step - w->stamp) * w->weight;
    w->stamp = step;
    w->weight += v;
  };

  std::vector<std::size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<WordInfo> infos;
  std::vector<double> scores(ntags);
  std::uint64_t f[kFeatureCount];
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::size_t correct = 0;
    for (const std::size_t s : order) {
      const auto& words = sentences[s].words;
      describe_sentence(std::span<const std::string>(words), infos);
      model.add_classes(infos);
      std::uint16_t prev = kStartTag, prev2 = kStart2Tag;
      for (std::size_t i = 0; i < words.size(); ++i) {
        int guess = model.dictionary_tag(infos[i + 2].raw);
        if (guess < 0) {
          features_at(infos.data(), i + 2, prev, prev2, f);
          std::fill(scores.begin(), scores.end(), 0.0);
          for (const auto x : f) {
            const auto it = index.find(x);
            if (it == index.end()) continue;
            for (const auto& w : weights[it->second])
              scores[w.tag] += w.weight;
          }
          guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          ++step;
          const std::uint16_t truth = gold[s][i];
          if (guess != truth)
            for (const auto x : f) {
              update(x, truth, 1.0);
              update(x, static_cast<std::uint16_t>(guess), -1.0);
            }
        }
        correct += guess == gold[s][i];
        prev2 = prev;
        prev = static_cast<std::uint16_t>(guess);
      }
    }
    if (on_epoch) on_epoch(epoch, static_cast<double>(correct) / static_cast<double>(total_words));
    std::shuffle(order.begin(), order.end(), rng);
  }

  // Average, drop zeros, and lay the features out sorted by key.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(index.begin(), index.end());
  std::sort(keys.begin(), keys.end());
  model.offsets_.push_back(0);
  for (const auto& [key, k] : keys) {
    auto& ws = weights[k];
    std::sort(ws.begin(), ws.end(),
              [](const TrainWeight& a, const TrainWeight& b) { return a.tag < b.tag; });
    const std::size_t before = model.entry_tags_.size();
    for (auto& w : ws) {
      const double total = w.total + static_cast<double>(step - w.stamp) * w.weight;
      const auto avg =
          static_cast<float>(total / static_cast<double>(std::max<std::uint64_t>(step, 1)));
      if (avg == 0.0f) continue;
      model.entry_tags_.push_back(w.tag);
      model.entry_weights_.push_back(avg);
    }
    if (model.entry_tags_.size() == before) continue;
    model.keys_.push_back(key);
    model.offsets_.push_back(static_cast<std::uint32_t>(model.entry_tags_.size()));
  }
  model.build_index();
  return model;
}

void PerceptronTagger::build_index() {
  table_.assign(table_size(keys_.size()), Slot{0, 0, 0});
  const std::size_t mask = table_.size() - 1;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    std::size_t s = keys_[k] & mask;
    while (table_[s].key != 0)
      s = (s + 1) & mask;
    table_[s] = Slot{keys_[k], offsets_[k], offsets_[k + 1]};
  }
  weights_.resize(entry_tags_.size());
  for (std::size_t e = 0; e < weights_.size(); ++e)
    weights_[e] = Weight{entry_tags_[e], entry_weights_[e]};
  build_slots(dict_keys_, dict_slots_);
  build_slots(class_keys_, class_slots_);
}

void PerceptronTagger::add_classes(std::vector<WordInfo>& infos) const {
  for (std::size_t p = 2; p + 2 < infos.size(); ++p) {
    const auto k = find_slot(class_keys_, class_slots_, infos[p].norm);
    infos[p].tags = k < 0 ? kUnknownClass : class_values_[static_cast<std::size_t>(k)];
  }
}

int PerceptronTagger::dictionary_tag(std::uint64_t word_hash) const {
  const auto k = find_slot(dict_keys_, dict_slots_, word_hash);
  return k < 0 ? -1 : dict_tags_[static_cast<std::size_t>(k)];
}

void PerceptronTagger::add_scores(const std::uint64_t* features, std::size_t n,
                                  float* scores) const {
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = 0; i < n; ++i)
    __builtin_prefetch(&table_[features[i] & mask]);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t f = features[i];
    for (std::size_t s = f & mask;; s = (s + 1) & mask) {
      const Slot& slot = table_[s];
      if (slot.key == f) {
        for (std::uint32_t e = slot.begin; e < slot.end; ++e)
          scores[weights_[e].tag] += weights_[e].weight;
        break;
      }
      if (slot.key == 0) break;
    }
  }
}

int PerceptronTagger::tag_id(std::string_view tag) const {
  for (std::size_t i = 0; i < tags_.size(); ++i)
    if (tags_[i] == tag) return static_cast<int>(i);
  return -1;
}

template <typename Word>
void PerceptronTagger::tag_impl(std::span<const Word> words, std::vector<std::uint16_t>& out,
                                TagScratch& scratch) const {
  thread_local std::vector<WordInfo> infos;
  describe_sentence(words, infos);
  add_classes(infos);
  out.resize(words.size());
  scratch.scores.resize(tags_.size());
  std::uint64_t f[kFeatureCount];
  std::uint16_t prev = kStartTag, prev2 = kStart2Tag;
  for (std::size_t i = 0; i < words.size(); ++i) {
    int guess = dictionary_tag(infos[i + 2].raw);
    if (guess < 0) {
      features_at(infos.data(), i + 2, prev, prev2, f);
      float* scores = scratch.scores.data();
      std::fill(scratch.scores.begin(), scratch.scores.end(), 0.0f);
      add_scores(f, kFeatureCount, scores);
      guess = static_cast<int>(std::max_element(scratch.scores.begin(), scratch.scores.end()) -
                               scratch.scores.begin());
    }
    out[i] = static_cast<std::uint16_t>(guess);
    prev2 = prev;
    prev = out[i];
  }
}

void PerceptronTagger::tag(std::span<const std::string> words, std::vector<std::uint16_t>& out,
                           TagScratch& scratch) const {
  tag_impl(words, out, scratch);
}

void PerceptronTagger::tag(std::span<const std::string_view> words, std::vector<std::uint16_t>& out,
                           TagScratch& scratch) const {
  tag_impl(words, out, scratch);
}

std::vector<std::string> PerceptronTagger::tag(std::span<const std::string> words) const {
  TagScratch scratch;
  std::vector<std::uint16_t> ids;
  tag(words, ids, scratch);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto id : ids)
    out.push_back(tags_[id]);
  return out;
}

std::string PerceptronTagger::serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  put<std::uint32_t>(out, kFormatVersion);
  put<std::uint32_t>(out, kFeatureSet);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(tags_.size()));
  for (const auto& t : tags_) {
    put<std::uint16_t>(out, static_cast<std::uint16_t>(t.size()));
    out += t;
  }
  put<std::uint64_t>(out, dict_keys_.size());
  put_array(out, dict_keys_);
  put_array(out, dict_tags_);
  put<std::uint64_t>(out, class_keys_.size());
  put_array(out, class_keys_);
  put_array(out, class_values_);
  put<std::uint64_t>(out, keys_.size());
  put_array(out, keys_);
  put_array(out, offsets_);
  put<std::uint64_t>(out, entry_tags_.size());
  put_array(out, entry_tags_);
  put_array(out, entry_weights_);
  return out;
}

PerceptronTagger PerceptronTagger::deserialize(std::string_view bytes, const std::string& source) {
  binary_io::Reader r(bytes, "not a usable tagger model", source);
  if (r.get_bytes(sizeof(kMagic)) != std::string_view(kMagic, sizeof(kMagic)))
    r.fail("bad magic (not a secnlp tagger file)");
  const auto version = r.get<std::uint32_t>();
  if (version != kFormatVersion)
    r.fail(fmt::format("format version {} (this build reads {})", version, kFormatVersion));
  if (r.get<std::uint32_t>() != kFeatureSet) r.fail("made with another feature set");
  PerceptronTagger m;
  const auto ntags = r.get<std::uint32_t>();
  if (ntags == 0 || ntags > kMaxTags) r.fail(fmt::format("{} tags", ntags));
  for (std::uint32_t i = 0; i < ntags; ++i) {
    const auto len = r.get<std::uint16_t>();
    m.tags_.emplace_back(r.get_bytes(len));
  }
  const auto ndict = r.get<std::uint64_t>();
  r.get_array(m.dict_keys_, ndict);
  r.get_array(m.dict_tags_, ndict);
  const auto nclasses = r.get<std::uint64_t>();
  r.get_array(m.class_keys_, nclasses);
  r.get_array(m.class_values_, nclasses);
  const auto nkeys = r.get<std::uint64_t>();
  if (nkeys >= 0xFFFFFFFFULL) r.fail("too many features");
  r.get_array(m.keys_, nkeys);
  r.get_array(m.offsets_, nkeys + 1);
  const auto nentries = r.get<std::uint64_t>();
  r.get_array(m.entry_tags_, nentries);
  r.get_array(m.entry_weights_, nentries);
  if (!r.at_end()) r.fail("trailing bytes");
  for (const auto t : m.dict_tags_)
    if (t >= ntags) r.fail("dictionary tag out of range");
  for (const auto t : m.entry_tags_)
    if (t >= ntags) r.fail("weight tag out of range");
  if (m.offsets_.front() != 0 || m.offsets_.back() != nentries) r.fail("bad weight offsets");
  for (std::size_t k = 0; k + 1 < m.offsets_.size(); ++k)
    if (m.offsets_[k] > m.offsets_[k + 1]) r.fail("bad weight offsets");
  for (const auto k : m.keys_)
    if (k == 0) r.fail("bad feature key");
  for (std::size_t k = 1; k < m.keys_.size(); ++k)
    if (m.keys_[k - 1] >= m.keys_[k]) r.fail("feature keys not sorted");
  for (std::size_t k = 1; k < m.class_keys_.size(); ++k)
    if (m.class_keys_[k - 1] >= m.class_keys_[k]) r.fail("word classes not sorted");
  for (std::size_t k = 1; k < m.dict_keys_.size(); ++k)
    if (m.dict_keys_[k - 1] >= m.dict_keys_[k]) r.fail("dictionary keys not sorted");
  m.build_index();
  return m;
}

}  // namespace secnlp::nlp
