#include "models/data/text_preprocessor.h"

#include <array>
#include <optional>

#include <fmt/format.h>
#include <re2/re2.h>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "nlp/filters/stemmer.h"
#include "nlp/filters/stop_words.h"
#include "nlp/tokenize/case.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "nlp/tokenize/treebank_tokenizer.h"

namespace secnlp::models {
namespace {

enum class Kind { kUrl, kTicker, kUser, kStrip };

// Placeholders travel through sentence splitting and Treebank tokenization as one private-use
// code point (U+E001..U+E003) between spaces: no Treebank rule splits or joins it, whereas
// "<url>" itself would be cut into "<", "url", ">". The same code points in the input are
// removed first, so input cannot forge a placeholder.
constexpr std::string_view kUrlMark = "\xEE\x80\x81";     // U+E001
constexpr std::string_view kTickerMark = "\xEE\x80\x82";  // U+E002
constexpr std::string_view kUserMark = "\xEE\x80\x83";    // U+E003

constexpr std::string_view kUrlPattern = R"((?:https?://|www\.)\S*[^\s.,;:!?)\]}>'"])";
constexpr std::string_view kTickerPattern = R"(\$[a-z]{1,6}(?:[.\-][a-z]{1,2})?\b)";
constexpr std::string_view kUserPattern = R"(@[a-z0-9_]+)";
constexpr std::string_view kStripPattern = R"([\x{E001}-\x{E003}])";

bool is_ascii_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || static_cast<unsigned>((u | 0x20) - 'a') < 26u || u == '_';
}

// Same test as the "terms" stage: an ASCII letter or any non-ASCII byte.
bool valid_stopwords(std::string_view name) {
  return name == "none" || name == "english";
}

bool valid_stem(std::string_view name) {
  return name == "none" || name == "porter2" || name == "porter2-libstemmer" || name == "porter";
}

}  // namespace

struct TextPreprocessor::Impl {
  PreprocessOptions options;
  std::optional<RE2> pattern;  // absent when no placeholder is enabled
  std::vector<Kind> group_kind;
  nlp::SentenceSplitter splitter{nlp::SentenceOptions{nlp::LineBreaks::kHard, {}}};
  const nlp::StopWords* stop_words = nullptr;
  std::optional<nlp::Stemmer> stemmer;

  std::string replace_placeholders(std::string_view text) const;
};

TextPreprocessor::TextPreprocessor(PreprocessOptions options) : impl_(std::make_unique<Impl>()) {
  if (!valid_stopwords(options.stopwords))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("text preprocessing: stopwords must be none or english, not '{}'",
                            options.stopwords));
  if (!valid_stem(options.stem))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("text preprocessing: stem must be none, porter2, porter2-libstemmer "
                            "or porter, not '{}'",
                            options.stem));
  if (options.stopwords == "english") impl_->stop_words = &nlp::StopWords::english();
  if (options.stem != "none") impl_->stemmer.emplace(options.stem);

  std::string pattern;
  const auto add = [&](bool enabled, Kind kind, std::string_view alternative) {
    if (!enabled) return;
    if (!pattern.empty()) pattern += '|';
    pattern += '(';
    pattern += alternative;
    pattern += ')';
    impl_->group_kind.push_back(kind);
  };
  add(options.replace_urls, Kind::kUrl, kUrlPattern);
  add(options.replace_tickers, Kind::kTicker, kTickerPattern);
  add(options.replace_users, Kind::kUser, kUserPattern);
  if (!pattern.empty()) {
    add(true, Kind::kStrip, kStripPattern);
    RE2::Options re_options;
    re_options.set_case_sensitive(false);
    re_options.set_log_errors(false);
    impl_->pattern.emplace(pattern, re_options);
    if (!impl_->pattern->ok())
      throw Error(ErrorCode::kInternal,
                  "text preprocessing: placeholder pattern: " + impl_->pattern->error());
  }
  impl_->options = std::move(options);
}

TextPreprocessor::~TextPreprocessor() = default;
TextPreprocessor::TextPreprocessor(TextPreprocessor&&) noexcept = default;
TextPreprocessor& TextPreprocessor::operator=(TextPreprocessor&&) noexcept = default;

const PreprocessOptions& TextPreprocessor::options() const {
  return impl_->options;
}

std::string TextPreprocessor::Impl::replace_placeholders(std::string_view text) const {
  std::string out;
  out.reserve(text.size() + 16);
  constexpr int kMaxGroups = 5;
  std::array<re2::StringPiece, kMaxGroups> groups;
  const int n = static_cast<int>(group_kind.size()) + 1;
  const re2::StringPiece whole(text.data(), text.size());
  std::size_t pos = 0;
  while (pos < text.size() &&
         pattern->Match(whole, pos, text.size(), RE2::UNANCHORED, groups.data(), n)) {
    const auto start = static_cast<std::size_t>(groups[0].data() - text.data());
    Kind kind = Kind::kStrip;
    for (int g = 1; g < n; ++g) {
      if (groups[g].data() != nullptr) {
        kind = group_kind[static_cast<std::size_t>(g - 1)];
        break;
      }
    }
    // RE2 has no look-behind: "x$AB", "a@b.com" are not tickers or users.
    const char before = start > 0 ? text[start - 1] : ' ';
    if ((kind == Kind::kTicker && (is_ascii_word(before) || before == '$')) ||
        (kind == Kind::kUser && is_ascii_word(before))) {
      out.append(text.substr(pos, start + 1 - pos));
      pos = start + 1;
      continue;
    }
    out.append(text.substr(pos, start - pos));
    switch (kind) {
      case Kind::kUrl:
        out += ' ';
        out += kUrlMark;
        out += ' ';
        break;
      case Kind::kTicker:
        out += ' ';
        out += kTickerMark;
        out += ' ';
        break;
      case Kind::kUser:
        out += ' ';
        out += kUserMark;
        out += ' ';
        break;
      case Kind::kStrip:
        break;
    }
    pos = start + groups[0].size();
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

std::vector<std::string> TextPreprocessor::tokens(std::string_view text) const {
  const Impl& m = *impl_;
  const PreprocessOptions& o = m.options;
  std::string replaced;
  if (m.pattern) {
    replaced = m.replace_placeholders(text);
    text = replaced;
  }
  std::vector<std::string> raw;
  raw.reserve(text.size() / 5 + 1);
  for (const nlp::Span& s : m.splitter.split(text))
    nlp::treebank_tokenize(text.substr(s.begin, s.end - s.begin), raw);

  std::vector<std::string> out;
  out.reserve(raw.size());
  std::string lowered;
  for (std::string& token : raw) {
    if (m.pattern) {
      if (token == kUrlMark) {
        out.emplace_back(kUrlToken);
        continue;
      }
      if (token == kTickerMark) {
        out.emplace_back(kTickerToken);
        continue;
      }
      if (token == kUserMark) {
        out.emplace_back(kUserToken);
        continue;
      }
    }
    if (o.drop_punctuation && !nlp::has_alnum(token)) continue;
    if (o.drop_numbers && !nlp::has_letter_byte(token)) continue;
    lowered = o.lowercase ? nlp::to_lower(token) : std::move(token);
    if (lowered.size() < o.min_length) continue;
    if (m.stop_words != nullptr && m.stop_words->contains(lowered)) continue;
    if (m.stemmer) {
      m.stemmer->stem(lowered, out.emplace_back());
    } else {
      out.push_back(std::move(lowered));
      lowered.clear();
    }
  }
  return out;
}

std::string to_json(const PreprocessOptions& options) {
  nlohmann::json j = {
      {"lowercase", options.lowercase},
      {"replace_urls", options.replace_urls},
      {"replace_tickers", options.replace_tickers},
      {"replace_users", options.replace_users},
      {"drop_punctuation", options.drop_punctuation},
      {"drop_numbers", options.drop_numbers},
      {"stopwords", options.stopwords},
      {"stem", options.stem},
      {"min_length", options.min_length},
  };
  return j.dump();
}

PreprocessOptions preprocess_options_from_json(std::string_view json, std::string_view source) {
  const auto fail = [&](const std::string& what) {
    return Error(ErrorCode::kResource, "model manifest: " + what, std::string(source));
  };
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw fail("preprocessing options are not valid JSON");
  if (!j.is_object()) throw fail("preprocessing options must be a JSON object");
  PreprocessOptions o;
  for (const auto& item : j.items()) {
    // Named references, not a structured binding: lambdas capturing bindings need clang 16.
    const std::string& key = item.key();
    const nlohmann::json& value = item.value();
    const auto boolean = [&](bool& field) {
      if (!value.is_boolean())
        throw fail(fmt::format("preprocessing '{}' must be true or false", key));
      field = value.get<bool>();
    };
    const auto name = [&](std::string& field, bool (*valid)(std::string_view), const char* names) {
      if (!value.is_string() || !valid(value.get_ref<const std::string&>()))
        throw fail(
            fmt::format("preprocessing '{}' must be one of {}, not {}", key, names, value.dump()));
      field = value.get<std::string>();
    };
    if (key == "lowercase") {
      boolean(o.lowercase);
    } else if (key == "replace_urls") {
      boolean(o.replace_urls);
    } else if (key == "replace_tickers") {
      boolean(o.replace_tickers);
    } else if (key == "replace_users") {
      boolean(o.replace_users);
    } else if (key == "drop_punctuation") {
      boolean(o.drop_punctuation);
    } else if (key == "drop_numbers") {
      boolean(o.drop_numbers);
    } else if (key == "stopwords") {
      name(o.stopwords, valid_stopwords, "none, english");
    } else if (key == "stem") {
      name(o.stem, valid_stem, "none, porter2, porter2-libstemmer, porter");
    } else if (key == "min_length") {
      if (!value.is_number_unsigned())
        throw fail(fmt::format("preprocessing 'min_length' must be a non-negative integer, not {}",
                               value.dump()));
      o.min_length = value.get<std::size_t>();
    } else {
      throw fail(fmt::format("unknown preprocessing option '{}'", key));
    }
  }
  return o;
}

}  // namespace secnlp::models
