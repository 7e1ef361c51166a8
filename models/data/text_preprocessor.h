#pragma once
// Text preparation for training and running the sentiment models: raw text in, tokens out, with
// exactly the tokenization of `secnlp process` (pipeline stages "sentences", "tokens", "terms"),
// so that a model sees at prediction time the tokens it was trained on.
//
// Steps, in order:
//   1. Placeholders (RE2, one compiled pattern, one pass): URLs ("http://...", "https://...",
//      "www...."; trailing . , ; : ! ? ) ] } > ' " left out) -> "<url>"; cashtags ("$AAPL",
//      "$brk.b": '$', 1-6 ASCII letters, optional ".x"/"-x" class suffix of 1-2 letters, not
//      preceded by a letter, digit, '_' or '$') -> "<ticker>"; user mentions ("@jim": '@' and
//      ASCII letters/digits/'_', not preceded by a letter, digit or '_', so e-mail addresses are
//      left alone) -> "<user>". Each placeholder is one token and bypasses steps 4-5 (it is
//      never lowercased, dropped, stop-listed or stemmed).
//   2. Sentences: nlp::SentenceSplitter with LineBreaks::kHard (every line is a sentence; short
//      texts such as posts and headlines rarely wrap lines).
//   3. Tokens: nlp::treebank_tokenize per sentence (NLTK's TreebankWordTokenizer).
//   4. Filters, as the "terms" stage: drop_punctuation drops tokens without a letter or digit
//      (nlp::has_alnum); drop_numbers drops tokens without a letter (any non-ASCII byte counts
//      as a letter); lowercase applies nlp::to_lower; tokens shorter than min_length bytes are
//      dropped; stop words (nlp::StopWords::english(), checked on the lowercased token, or on
//      the token as written when lowercase is off) are dropped.
//   5. Stemming with nlp::Stemmer (stem = "porter2", "porter2-libstemmer" or "porter").
// Note the "terms" stage's own defaults differ (drop_punctuation/drop_numbers on, min_length 2,
// english stop words, porter2): the defaults here keep everything a sentiment model can use
// ("not", "!", numbers).

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::models {

// Options of TextPreprocessor; saved in the model manifest (to_json) so that prediction uses
// the options training used.
struct PreprocessOptions {
  bool lowercase = true;
  bool replace_urls = true;        // http(s)://..., www.... -> "<url>"
  bool replace_tickers = true;     // $AAPL, $brk.b -> "<ticker>"
  bool replace_users = true;       // @name -> "<user>"
  bool drop_punctuation = false;   // drop tokens without a letter or digit
  bool drop_numbers = false;       // drop tokens without a letter
  std::string stopwords = "none";  // none | english
  std::string stem = "none";       // none | porter2 | porter2-libstemmer | porter
  std::size_t min_length = 1;      // drop tokens shorter than this many bytes (0 and 1: none)
};

// The placeholders of step 1.
inline constexpr std::string_view kUrlToken = "<url>";
inline constexpr std::string_view kTickerToken = "<ticker>";
inline constexpr std::string_view kUserToken = "<user>";

// `options` as a JSON object holding every field, keys as the field names, e.g.
// {"drop_numbers":false,...,"stem":"none","stopwords":"none"}.
std::string to_json(const PreprocessOptions& options);

// Options from a JSON object written by to_json. Missing keys keep their defaults (manifests
// from older versions); an unknown key, a value of the wrong type, an unknown stopwords/stem
// name or text that is not a JSON object throws Error(kResource, "model manifest: ...") with
// `source` (the manifest's file name, if the caller has one) as the error's path.
PreprocessOptions preprocess_options_from_json(std::string_view json, std::string_view source = {});

// Turns texts into tokens as described above. Immutable after construction; tokens() is
// thread-safe and may be called concurrently on one shared instance. Construction compiles one
// RE2 pattern (tens of microseconds); copying is deleted, moving is allowed.
class TextPreprocessor {
 public:
  // Throws Error(kInvalidArgument) for an unknown stopwords or stem name.
  explicit TextPreprocessor(PreprocessOptions options);
  ~TextPreprocessor();
  TextPreprocessor(TextPreprocessor&&) noexcept;
  TextPreprocessor& operator=(TextPreprocessor&&) noexcept;
  TextPreprocessor(const TextPreprocessor&) = delete;
  TextPreprocessor& operator=(const TextPreprocessor&) = delete;

  // The tokens of `text` (UTF-8; ill-formed bytes pass through as in the nlp/ functions).
  // Cost: linear in the text, about the cost of sentence splitting plus tokenization.
  std::vector<std::string> tokens(std::string_view text) const;

  const PreprocessOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace secnlp::models
