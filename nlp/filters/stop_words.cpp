#include "nlp/filters/stop_words.h"

#include <iterator>
#include <string_view>
#include <vector>

namespace secnlp::nlp {

namespace {

// secnlp's English stop list, written for this project (it is not a copy of NLTK, SMART or the
// Loughran-McDonald generic list). Basis: the closed word classes of English grammar, which
// carry syntax rather than topic, in the forms they take in running text:
//   - articles and determiners, quantifying determiners;
//   - personal, possessive, reflexive, demonstrative, relative and interrogative pronouns;
//   - the primary auxiliaries (be, have, do) in all their forms, and the modal verbs;
//   - simple and common complex prepositions, coordinating and subordinating conjunctions;
//   - negation and a short set of function adverbs (degree, focus, place/time deixis).
// Contractions appear as the tokenizers split them: Treebank style ("do" + "n't", "ca" + "n't",
// "wo" + "n't", "it" + "'s") with ASCII and typographic (U+2019) apostrophes, and
// apostrophe-split style ("don" + "t", "isn" + "t", "we" + "ll"). Content-bearing words that
// other lists include (e.g. "against", "further", "own") were judged case by case; "against" is
// a preposition and stays, "own"/"same" are adjectives and stay out.
// Modal verbs are stop words for bag-of-words features; the Loughran-McDonald modal categories
// are counted by the sentiment stage before stop words are removed.
constexpr std::string_view kEnglish[] = {
    // Articles and determiners.
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "each",
    "every",
    "either",
    "neither",
    "some",
    "any",
    "all",
    "both",
    "few",
    "many",
    "much",
    "more",
    "most",
    "less",
    "least",
    "other",
    "another",
    "such",
    "no",
    "several",
    "enough",
    // Personal, possessive and reflexive pronouns.
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "one",
    "oneself",
    // Indefinite pronouns.
    "anyone",
    "anybody",
    "anything",
    "someone",
    "somebody",
    "something",
    "everyone",
    "everybody",
    "everything",
    "nobody",
    "nothing",
    "none",
    // Relative and interrogative words.
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "whatever",
    "whichever",
    "whoever",
    "whenever",
    "wherever",
    "whereby",
    "wherein",
    // Primary auxiliaries.
    "be",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "done",
    // Modal verbs.
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "will",
    "would",
    "ought",
    // Prepositions.
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "amongst",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "unto",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
    // Conjunctions.
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "then",
    "than",
    "because",
    "as",
    "while",
    "whilst",
    "whereas",
    "although",
    "though",
    "unless",
    "whether",
    "once",
    "thus",
    "therefore",
    "hence",
    // Negation and function adverbs.
    "not",
    "never",
    "only",
    "just",
    "also",
    "too",
    "very",
    "quite",
    "rather",
    "even",
    "still",
    "again",
    "ever",
    "here",
    "there",
    "now",
    "else",
    "however",
    "perhaps",
    // Contraction pieces, Treebank style (ASCII apostrophe).
    "n't",
    "'s",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "ca",
    "wo",
    "sha",
    // The same with U+2019 RIGHT SINGLE QUOTATION MARK.
    "n\u2019t",
    "\u2019s",
    "\u2019re",
    "\u2019ve",
    "\u2019ll",
    "\u2019d",
    "\u2019m",
    // Contraction pieces, apostrophe-split style.
    "s",
    "t",
    "d",
    "ll",
    "m",
    "re",
    "ve",
    "don",
    "doesn",
    "didn",
    "isn",
    "aren",
    "wasn",
    "weren",
    "hasn",
    "haven",
    "hadn",
    "won",
    "wouldn",
    "shouldn",
    "couldn",
    "mustn",
    "shan",
};

void insert_lowercased(corpora::StringTable& set, std::string_view word) {
  if (word.empty()) return;
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  set.insert(lower);
}

}  // namespace

StopWords::StopWords(std::span<const std::string> words) {
  add(words);
}

void StopWords::add(std::span<const std::string> words) {
  words_.reserve(words_.size() + words.size());
  for (const std::string& w : words)
    insert_lowercased(words_, w);
}

const StopWords& StopWords::english() {
  static const StopWords instance = [] {
    std::vector<std::string> words(std::begin(kEnglish), std::end(kEnglish));
    return StopWords(words);
  }();
  return instance;
}

}  // namespace secnlp::nlp
