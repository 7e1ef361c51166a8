#pragma once
// The Document: everything the pipeline knows about one input file, filled in stage by stage.
//
// Text is UTF-8. Positions are byte offsets into `text`. Sentences are spans of `text`; tokens and
// terms are grouped by sentence, so any range of sentences (the whole document, or one section)
// is a range of tokens. Sections (10-K items) are ranges of `text`; `scopes()` turns them into
// sentence ranges so that every metric stage computes per document and per section alike.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace secnlp::pipeline {

// What a stage reads and writes, checked when a pipeline is assembled.
enum Slot : std::uint32_t {
  kSlotRaw = 1u << 0,        // raw bytes as read
  kSlotText = 1u << 1,       // UTF-8 text
  kSlotSections = 1u << 2,   // item sections of `text`
  kSlotSentences = 1u << 3,  // sentence spans
  kSlotTokens = 1u << 4,     // word tokens
  kSlotTerms = 1u << 5,      // filtered terms (stop words out, stemmed/lemmatised)
  kSlotMetrics = 1u << 6,    // numbers per scope
  kSlotCounts = 1u << 7,     // term counts per scope
  kSlotPos = 1u << 8,        // word class of each token (part-of-speech tags)
  kSlotEntities = 1u << 9,   // named entities (the entities stage)
};
using SlotSet = std::uint32_t;

// Names of the slots in `set`, e.g. "text, sentences".
std::string slot_names(SlotSet set);

// A byte range [begin, end) of Document::text.
struct TextSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// One item of a filing (issue: sections). Offsets into Document::text.
struct Section {
  std::string item;     // canonical id: "1", "1A", "7", "part1item2", "8.01", "signatures"
  std::string heading;  // the heading as found in the text
  std::string title;    // canonical title, e.g. "Risk Factors"
  TextSpan span;
  std::string method;       // how it was found, e.g. "heading", "toc-link"
  double confidence = 1.0;  // 0..1
  std::uint32_t flags = 0;  // SectionFlag bits
  // Where the item's content is when its body only points there: another section's item id
  // ("financial_statements", "15") or an exhibit type ("EX-13"); empty otherwise.
  std::string refers_to;
};

// Another document of the same EDGAR submission (an exhibit, a graphic, XBRL ...). Only text and
// HTML exhibits keep their text; the main document is Document::text.
struct Exhibit {
  int sequence = 0;
  std::string type;  // "EX-21", "EX-99.1", "GRAPHIC", "EX-101.INS" ...
  std::string filename;
  std::string description;
  std::string kind;  // "html", "text", "xml", "xbrl", "uuencoded", "pdf", ...
  std::uint64_t bytes = 0;
  std::string text;  // plain text of text/HTML exhibits (tags removed), else empty
};

// A sequence of strings grouped by sentence: items of sentence i are
// [sentence_end[i-1], sentence_end[i]) (with sentence_end[-1] = 0).
struct TokenStream {
  std::vector<std::string> items;
  std::vector<std::uint32_t> sentence_end;

  // Items of sentences [first, last).
  std::pair<std::size_t, std::size_t> range(std::size_t first_sentence,
                                            std::size_t last_sentence) const;
  void clear() {
    items.clear();
    sentence_end.clear();
  }
};

// A named entity found in Document::text by the entities stage.
struct EntityMention {
  std::uint32_t sentence = 0;                  // index into Document::sentences
  std::uint32_t byte_begin = 0, byte_end = 0;  // into Document::text
  std::uint32_t char_begin = 0, char_end = 0;  // code points from the start of text
  std::string type;                            // PER, ORG, LOC, MISC, ... (the model's)
  double score = 0;                            // the model's confidence, 0..1
};

// A named range of sentences over which metrics and counts are computed. The whole document is
// the scope with an empty name.
struct Scope {
  std::string name;  // "" for the document, else the section item id
  std::size_t first_sentence = 0;
  std::size_t last_sentence = 0;
};

// Ordered name -> value pairs computed for one scope.
using Metrics = std::vector<std::pair<std::string, double>>;
// Term -> count for one scope, sorted by term.
using TermCounts = std::vector<std::pair<std::string, std::uint32_t>>;

// Coarse word classes of tokens (Document::pos), from Penn Treebank or universal tags.
enum class WordClass : std::uint8_t {
  kOther,
  kPunctuation,
  kNoun,
  kProperNoun,
  kVerb,  // main verbs and non-modal auxiliaries (is, has, do)
  kModal,
  kAdjective,
  kAdverb,
  kPronoun,
};

struct Document {
  // Identity, set by the reader.
  std::string path;
  std::uint64_t size = 0;
  std::string content_hash;
  // Hash of the metadata the file's name, folder and the user supplied before processing: part
  // of the skip decision, so a corrected date or ticker is picked up.
  std::string metadata_hash;
  // "html" or "text": from the submission container when there is one, else the html stage's
  // sniff of the text.
  std::string source_type;
  std::string encoding;  // source encoding, set by the decode stage
  // Filing metadata: cik, company, form, fiscal_year, period, filed, accession, ticker, ...
  std::map<std::string, std::string> metadata;

  std::string raw;                // released (emptied) once decoded, to bound memory
  std::vector<Exhibit> exhibits;  // other documents of an EDGAR submission
  std::string text;               // UTF-8
  std::vector<Section> sections;
  std::vector<TextSpan> sentences;
  TokenStream tokens;
  // WordClass of each of tokens.items, set by the pos stage; empty when it did not run.
  std::vector<WordClass> pos;
  TokenStream terms;
  std::vector<EntityMention> entities;  // in text order

  // Results: scope name -> metrics / counts.
  std::map<std::string, Metrics> metrics;
  std::map<std::string, TermCounts> counts;
  // Non-fatal observations worth recording (e.g. "3 invalid bytes replaced"); stored with the
  // document and counted in the run summary.
  std::vector<std::string> warnings;
  // What a stage noticed that is not a problem (e.g. "table of contents at byte 2183"): shown
  // by `inspect`, not stored or counted.
  std::vector<std::string> notes;
  // Document flags (names from pipeline/names.h, e.g. "undated", "near-empty"), set by the
  // runner after the stages; stored comma-separated.
  std::vector<std::string> flags;

  // The whole document, then one scope per section (in text order), as sentence ranges.
  std::vector<Scope> scopes() const;
  // Sorted sentence indices that cut the document into the elementary intervals of its scopes
  // (0, every scope start and end, and the sentence count): each scope is a union of
  // consecutive intervals [cuts[i], cuts[i+1]). Additive statistics computed once per interval
  // give every scope's value without measuring a sentence twice.
  static std::vector<std::size_t> interval_cuts(const std::vector<Scope>& scopes,
                                                std::size_t sentences);
  // Adds `name = value` to `scope`'s metrics.
  void set_metric(const std::string& scope, std::string name, double value);
};

}  // namespace secnlp::pipeline
