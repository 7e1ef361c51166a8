#pragma once
// The token vocabulary of a text model, as Keras' Tokenizer builds it, and Keras' padding.
//
// Ids: 0 is padding (token "<pad>"), 1 is out-of-vocabulary (options.oov_token, default "<oov>"),
// then the corpus' tokens from 2 by descending document-collection frequency, ties broken by
// first occurrence (Keras' Tokenizer.fit_on_texts order: a stable sort of the insertion-ordered
// counts). Options, applied in this order:
//   min_frequency  tokens seen fewer times are left out (0 and 1 keep everything); default 1
//   skip_top       the N most frequent remaining tokens are left out (encode to OOV, as
//                  keras.datasets.imdb's skip_top); default 0
//   num_words      only ids < num_words are kept, counting padding and OOV (Keras'
//                  num_words); 0 keeps all; otherwise at least 2; default 0
//   oov_token      the OOV token's spelling; not empty, not "<pad>"; default "<oov>"
// The strings "<pad>", oov_token and "" are never ranked; in documents they encode to OOV
// (oov_token to 1 by definition).
//
// Immutable after build/load; lookups are thread-safe. Copyable (the copy owns its tables).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace secnlp::models {

struct VocabularyOptions {
  std::size_t num_words = 0;      // Keras: keep ids < num_words; 0 = all
  std::size_t min_frequency = 1;  // drop tokens seen fewer times
  std::size_t skip_top = 0;       // drop the N most frequent tokens
  std::string oov_token = "<oov>";
};

inline constexpr std::int64_t kPaddingId = 0;
inline constexpr std::int64_t kOovId = 1;
inline constexpr std::string_view kPaddingToken = "<pad>";

class Vocabulary {
 public:
  // Counts the tokens of `documents` and assigns ids as described above. Deterministic.
  // Throws Error(kInvalidArgument) for num_words 1, or an empty or "<pad>" oov_token.
  // Cost: one hash insertion per token plus a sort of the distinct tokens.
  static Vocabulary build(const std::vector<std::vector<std::string>>& documents,
                          const VocabularyOptions& options);

  // The id of `token`; kOovId for tokens not in the vocabulary (unknown, rare, skipped, beyond
  // num_words, and "<pad>"). O(1), no allocation.
  std::int64_t id(std::string_view token) const;

  // Number of ids, padding and OOV included (ids are 0 .. size()-1).
  std::size_t size() const { return tokens_.size(); }

  // The token with id `id`; throws Error(kInvalidArgument) when id is outside [0, size()).
  const std::string& token(std::int64_t id) const;

  // id() of each token, in order.
  std::vector<std::int64_t> encode(const std::vector<std::string>& tokens) const;

  // Writes the vocabulary as UTF-8 text: the line "secnlp-vocabulary 1", then one token per
  // line in id order ("<pad>", the OOV token, ...), each line ending in '\n'; in tokens '\\',
  // '\n', '\t' and '\r' are written as "\\\\", "\\n", "\\t", "\\r". Throws Error(kIo) naming
  // the file when it cannot be written.
  void save(const std::filesystem::path& path) const;

  // Reads a file written by save(). Rejects with Error(kResource) naming the file: a wrong
  // header, a first token other than "<pad>", fewer than 2 tokens, an empty or duplicate
  // token, a bad escape, a raw '\r', a missing final newline (a truncated file), and, when
  // expected_size is not 0, a size other than expected_size (the manifest's record: a file cut
  // at a line boundary is otherwise undetectable). Error(kIo) when the file cannot be read.
  // options() of the result holds the file's OOV token and the default values otherwise
  // (the build options are not stored in the file).
  static Vocabulary load(const std::filesystem::path& path, std::size_t expected_size = 0);

  const VocabularyOptions& options() const { return options_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  void index();

  VocabularyOptions options_;
  std::vector<std::string> tokens_;
  std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>> ids_;
};

enum class Padding { kPre, kPost };

// "pre" or "post"; anything else throws Error(kInvalidArgument).
Padding parse_padding(std::string_view name);

// Keras pad_sequences for one row, into `out` (which must hold exactly `length` values, else
// Error(kInvalidArgument)): a row longer than `length` loses its beginning (truncating kPre)
// or its end (kPost); the kept ids go to the end of `out` (padding kPre) or its start (kPost);
// the rest of `out` is kPaddingId. `kept_length` (may be null) receives the number of real ids
// written, min(ids.size(), length). O(length).
void pad_sequence(std::span<const std::int64_t> ids, std::size_t length, Padding padding,
                  Padding truncating, std::span<std::int64_t> out, std::size_t* kept_length);

// The nearest-rank p-th percentile of the row lengths: the smallest length L such that at
// least p% of the rows are no longer than L; at least 1 (also for no rows or empty rows). Used
// to pick a default sequence length (p = 95). Throws Error(kInvalidArgument) unless
// 0 <= p <= 100. O(n log n).
std::size_t length_percentile(const std::vector<std::vector<std::int64_t>>& rows, double p);

}  // namespace secnlp::models
