#pragma once
// Entity tag schemes and spans: tags <-> spans for IO, BIO (IOB2) and IOBES, scheme conversion,
// and the table of valid tag transitions a decoder restricts itself to. Pure functions on
// strings; safe from any thread.
//
// Tags are "O" or "<P>-<TYPE>" with P one of B, I, E, S (IO files use only I). Spans follow
// conlleval: a chunk starts at B/S, at an I/E whose type differs from the previous tag's or
// that follows O/E/S, and ends before the next start or O; so IO runs of one type are one
// entity and ill-formed BIO (O I-X) is read leniently, as conlleval and seqeval (default mode)
// read it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp {

enum class TagScheme { kIo, kBio, kIobes };

// "io", "bio" (also "iob2"), "iobes" (also "bioes"), ASCII case ignored; Error(kInvalidArgument)
// otherwise.
TagScheme parse_tag_scheme(std::string_view name);
std::string_view tag_scheme_name(TagScheme scheme);

// The scheme a set of tags is written in: IOBES when any tag has prefix E- or S-, else BIO when
// any has B-, else IO.
TagScheme detect_tag_scheme(const std::vector<std::string>& tags);

// A tag split into prefix ('O', 'B', 'I', 'E' or 'S') and type ("" for O). `valid` is false for
// anything else (empty, "X-ORG", "B-", "I"); such tags count as O in tags_to_spans.
struct ParsedTag {
  char prefix = 'O';
  std::string_view type;
  bool valid = true;
};
ParsedTag parse_tag(std::string_view tag);

// An entity: tokens [begin, end) of one sentence and its type.
struct EntitySpan {
  std::size_t begin = 0, end = 0;
  std::string type;
  bool operator==(const EntitySpan&) const = default;
};

// The entities of one sentence's tags, in order (conlleval's chunking, see above). Linear.
std::vector<EntitySpan> tags_to_spans(const std::vector<std::string>& tags);

// The tags of `size` tokens holding `spans` (sorted, non-overlapping, inside [0, size)) in
// `scheme`. IO cannot separate two adjacent entities of one type: they come back as one.
// Error(kInvalidArgument) for spans out of range, empty or overlapping.
std::vector<std::string> spans_to_tags(const std::vector<EntitySpan>& spans, std::size_t size,
                                       TagScheme scheme);

// tags_to_spans then spans_to_tags.
std::vector<std::string> convert_tags(const std::vector<std::string>& tags, TagScheme to);

// The label set of a scheme over entity types: "O" first, then per type (in the given order)
// I (IO); B, I (BIO); B, I, E, S (IOBES).
std::vector<std::string> scheme_labels(const std::vector<std::string>& types, TagScheme scheme);

// Which label may follow which, for labels named as scheme_labels names them.
// allowed(from, to), can_start(label), can_end(label). IO allows everything; BIO forbids I-X
// except after B-X or I-X (and at the start); IOBES also forbids ending on B/I and B/I
// followed by anything but I-X/E-X of the same type.
class TransitionTable {
 public:
  TransitionTable(const std::vector<std::string>& labels, TagScheme scheme);
  std::size_t size() const { return n_; }
  bool allowed(std::size_t from, std::size_t to) const { return allowed_[from * n_ + to] != 0; }
  bool can_start(std::size_t label) const { return start_[label] != 0; }
  bool can_end(std::size_t label) const { return end_[label] != 0; }
  // True when the label sequence (indices) respects the table (start, every step, end).
  bool valid_sequence(const std::vector<int>& labels) const;

 private:
  std::size_t n_;
  std::vector<char> allowed_, start_, end_;
};

}  // namespace secnlp::nlp
