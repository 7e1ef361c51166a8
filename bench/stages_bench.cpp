// Throughput of each text stage of `secnlp process`, in the pipeline's order, on one realistic
// input, so that the slowest stage per raw byte is plain to see.
//
// Input (first that exists):
//   $SECNLP_BENCH_INPUT        a file, or a folder whose *.htm/*.html files (recursively) are used
//   samples/northwind/*.htm    the project's own sample filings
//   a synthetic 10-K-like HTML document generated below (~2 MB; always available)
// Each stage runs on the output of the previous one, computed once before timing, exactly as the
// pipeline chains them: decode -> html -> normalize -> clean -> sentences -> treebank tokens (per
// sentence) -> terms filter (lowercase, drop punctuation/numbers/short/stop words) -> stem or
// lemmatize.
//
// Two rates per benchmark:
//   bytes_per_second      bytes of the stage's own input (stem/lemma: bytes of the words)
//   raw_bytes_per_second  bytes of the raw HTML the documents started as: the number to compare
//                         with the pipeline goal (>= 80 MB/s per core); the sum over stages of
//                         1/rate is the single-thread cost of the text stages per raw byte.
// Single-threaded: every nlp object is shared read-only in the pipeline, so per-core rates apply.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "corpora/resources/wordnet.h"
#include "nlp/encoding/encoding.h"
#include "nlp/filters/lemmatizer.h"
#include "nlp/filters/stemmer.h"
#include "nlp/filters/stop_words.h"
#include "nlp/html/html_to_text.h"
#include "nlp/normalize/normalizer.h"
#include "nlp/regex/regex_cleaner.h"
#include "nlp/tokenize/case.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "nlp/tokenize/span.h"
#include "nlp/tokenize/treebank_tokenizer.h"

#ifndef SECNLP_SOURCE_DIR
#define SECNLP_SOURCE_DIR "."
#endif

namespace {

namespace fs = std::filesystem;
using namespace secnlp;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

// A deterministic 10-K-like document: inline-XBRL header, headings, prose paragraphs with
// entities and curly quotes, numeric tables, page footers. About `target_bytes` long.
std::string synthetic_filing(std::size_t target_bytes) {
  static constexpr std::string_view kWords[] = {"the",           "Company",
                                                "revenue",       "increased",
                                                "compared",      "fiscal",
                                                "year",          "primarily",
                                                "due",           "to",
                                                "higher",        "net",
                                                "sales",         "of",
                                                "products",      "services",
                                                "and",           "in",
                                                "our",           "operating",
                                                "expenses",      "were",
                                                "affected",      "by",
                                                "risks",         "uncertainties",
                                                "including",     "changes",
                                                "interest",      "rates",
                                                "foreign",       "currency",
                                                "exchange",      "markets",
                                                "competition",   "regulatory",
                                                "litigation",    "we",
                                                "believe",       "that",
                                                "may",           "could",
                                                "adversely",     "affect",
                                                "business",      "financial",
                                                "condition",     "results",
                                                "operations",    "cash",
                                                "flows",         "U.S.",
                                                "Inc.",          "approximately",
                                                "billion",       "million",
                                                "during",        "quarter",
                                                "management's",  "discussion",
                                                "analysis",      "liquidity",
                                                "capital",       "resources",
                                                "customers",     "suppliers",
                                                "manufacturing", "agreements",
                                                "impairment",    "goodwill",
                                                "tax",           "income",
                                                "deferred",      "assets",
                                                "liabilities",   "shareholders",
                                                "equity",        "stock"};
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto word = [&] { return kWords[next() % std::size(kWords)]; };
  std::string html =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
      "xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><head><title>10-K</title>"
      "<style>p{margin:0}</style></head><body><div style=\"display:none\"><ix:header>"
      "<ix:hidden>dei:EntityRegistrantName Northwind</ix:hidden></ix:header></div>\n";
  int item = 1;
  while (html.size() < target_bytes) {
    html +=
        "<div style=\"margin-top:12pt\"><span style=\"font-weight:700;font-family:Arial\">"
        "Item " +
        std::to_string(item++) + ". " + std::string(word()) + " " + std::string(word()) +
        "</span></div>\n";
    for (int p = 0; p < 8; ++p) {
      html += "<div style=\"text-align:justify\"><span style=\"color:#000000;font-size:10pt\">";
      const int sentences = 2 + static_cast<int>(next() % 4);
      for (int s = 0; s < sentences; ++s) {
        const int words = 8 + static_cast<int>(next() % 20);
        for (int w = 0; w < words; ++w) {
          std::string_view v = word();
          if (w == 0) {
            html += static_cast<char>(std::toupper(static_cast<unsigned char>(v[0])));
            html += v.substr(1);
          } else {
            html += v;
          }
          switch (next() % 23) {
            case 0:
              html += ",";
              break;
            case 1:
              html += " &#8220;" + std::string(word()) + "&#8221;";
              break;
            case 2:
              html += " $" + std::to_string(next() % 999) + "." + std::to_string(next() % 9) +
                      " billion";
              break;
            case 3:
              html += "&#8217;s";
              break;
            case 4:
              html += " (" + std::to_string(next() % 100) + "%)";
              break;
            default:
              break;
          }
          html += w + 1 < words ? (next() % 31 == 0 ? "&#160;" : " ") : ". ";
        }
      }
      html += "</span></div>\n";
    }
    html +=
        "<table style=\"border-collapse:collapse\"><tr><td></td><td>2024</td><td></td>"
        "<td>2023</td></tr>\n";
    for (int r = 0; r < 12; ++r) {
      html += "<tr><td><span>" + std::string(word()) + " " + std::string(word()) +
              "</span></td><td>$</td><td style=\"text-align:right\"><ix:nonFraction "
              "name=\"us-gaap:Revenues\" contextRef=\"c-1\" unitRef=\"usd\" decimals=\"-6\">" +
              std::to_string(next() % 100000) + "</ix:nonFraction></td><td>&#160;</td><td>" +
              std::to_string(next() % 100000) + "</td></tr>\n";
    }
    html += "</table>\n<div><span>Northwind Inc. | 2024 Form 10-K | " + std::to_string(item * 3) +
            "</span></div><hr style=\"page-break-after:always\"/>\n";
  }
  html += "</body></html>\n";
  return html;
}

bool is_html_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".htm" || ext == ".html";
}

std::vector<fs::path> html_files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file() && is_html_file(e.path())) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every stage's input, computed once.
struct Corpus {
  std::string source;
  std::vector<std::string> raw;
  std::vector<std::string> utf8;        // decode_to_utf8
  std::vector<std::string> text;        // html_to_text
  std::vector<std::string> normalized;  // Normalizer
  std::vector<std::string> cleaned;     // RegexCleaner default rules
  std::vector<std::vector<nlp::Span>> sentences;
  std::vector<std::string> tokens;  // all documents
  std::vector<std::string> terms;   // lowercased, filtered (the terms stage before stemming)
  std::size_t raw_bytes = 0;

  static std::size_t total(const std::vector<std::string>& v) {
    std::size_t n = 0;
    for (const auto& s : v)
      n += s.size();
    return n;
  }
};

// The terms stage's filter (pipeline/stages/terms_stage.cpp defaults): keep tokens with a letter,
// lowercased, >= 2 bytes, not a stop word.
bool keep_term(const std::string& token, std::string& lowered) {
  if (!nlp::has_alnum(token) || !nlp::has_letter_byte(token)) return false;
  lowered = nlp::to_lower(token);
  return lowered.size() >= 2 && !nlp::StopWords::english().contains(lowered);
}

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus k;
    std::vector<fs::path> files;
    if (const char* env = std::getenv("SECNLP_BENCH_INPUT"); env && *env) {
      if (fs::is_directory(env)) {
        files = html_files_in(env);
      } else if (fs::is_regular_file(env)) {
        files.push_back(env);
      }
      k.source = env;
    }
    if (files.empty()) {
      files = html_files_in(fs::path(SECNLP_SOURCE_DIR) / "samples" / "northwind");
      k.source = "samples/northwind";
    }
    for (const auto& f : files)
      k.raw.push_back(read_file(f));
    if (k.raw.empty()) {
      k.raw.push_back(synthetic_filing(2'000'000));
      k.source = "synthetic";
    }
    k.source += " (" + std::to_string(k.raw.size()) + " documents)";
    const nlp::Normalizer normalizer;
    const nlp::RegexCleaner cleaner(nlp::RegexCleaner::default_rules());
    const nlp::SentenceSplitter splitter;
    for (const auto& r : k.raw) {
      k.raw_bytes += r.size();
      k.utf8.push_back(nlp::decode_to_utf8(r).utf8);
      k.text.push_back(nlp::html_to_text(k.utf8.back()).text);
      k.normalized.push_back(normalizer.normalize(k.text.back()));
      k.cleaned.push_back(cleaner.apply(k.normalized.back()));
      const std::string& clean = k.cleaned.back();
      k.sentences.push_back(splitter.split(clean));
      for (const nlp::Span s : k.sentences.back()) {
        nlp::treebank_tokenize(std::string_view(clean).substr(s.begin, s.end - s.begin), k.tokens);
      }
    }
    std::string lowered;
    for (const auto& t : k.tokens) {
      if (keep_term(t, lowered)) k.terms.push_back(lowered);
    }
    return k;
  }();
  return c;
}

void set_rates(benchmark::State& state, std::size_t stage_bytes) {
  const Corpus& c = corpus();
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(stage_bytes));
  state.counters["raw_bytes_per_second"] = benchmark::Counter(
      static_cast<double>(c.raw_bytes), benchmark::Counter::kIsIterationInvariantRate,
      benchmark::Counter::kIs1000);
  state.SetLabel(c.source);
}

void BM_Decode(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& r : c.raw)
      benchmark::DoNotOptimize(nlp::decode_to_utf8(r));
  }
  set_rates(state, Corpus::total(c.raw));
}

void BM_HtmlToText(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& u : c.utf8)
      benchmark::DoNotOptimize(nlp::html_to_text(u));
  }
  set_rates(state, Corpus::total(c.utf8));
}

void BM_Normalize(benchmark::State& state) {
  const Corpus& c = corpus();
  const nlp::Normalizer normalizer;
  for (auto _ : state) {
    for (const auto& t : c.text)
      benchmark::DoNotOptimize(normalizer.normalize(t));
  }
  set_rates(state, Corpus::total(c.text));
}

void BM_RegexClean(benchmark::State& state) {
  const Corpus& c = corpus();
  const nlp::RegexCleaner cleaner(nlp::RegexCleaner::default_rules());
  for (auto _ : state) {
    for (const auto& t : c.normalized)
      benchmark::DoNotOptimize(cleaner.apply(t));
  }
  set_rates(state, Corpus::total(c.normalized));
}

void BM_SentenceSplit(benchmark::State& state) {
  const Corpus& c = corpus();
  const nlp::SentenceSplitter splitter;
  for (auto _ : state) {
    for (const auto& t : c.cleaned)
      benchmark::DoNotOptimize(splitter.split(t));
  }
  set_rates(state, Corpus::total(c.cleaned));
}

void BM_TreebankTokenize(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<std::string> tokens;
  for (auto _ : state) {
    for (std::size_t d = 0; d < c.cleaned.size(); ++d) {
      const std::string_view text = c.cleaned[d];
      tokens.clear();
      for (const nlp::Span s : c.sentences[d]) {
        nlp::treebank_tokenize(text.substr(s.begin, s.end - s.begin), tokens);
      }
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  set_rates(state, Corpus::total(c.cleaned));
}

std::size_t token_bytes(const std::vector<std::string>& words) {
  return Corpus::total(words);
}

void BM_TermsFilter(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<std::string> terms;
  std::string lowered;
  for (auto _ : state) {
    terms.clear();
    for (const auto& t : c.tokens) {
      if (keep_term(t, lowered)) terms.push_back(lowered);
    }
    benchmark::DoNotOptimize(terms.data());
  }
  set_rates(state, token_bytes(c.tokens));
  state.counters["tokens"] = static_cast<double>(c.tokens.size());
}

void BM_Stem(benchmark::State& state, const char* algorithm) {
  const Corpus& c = corpus();
  const nlp::Stemmer stemmer(algorithm);
  for (auto _ : state) {
    for (const auto& w : c.terms)
      benchmark::DoNotOptimize(stemmer.stem(w));
  }
  set_rates(state, token_bytes(c.terms));
  state.counters["words"] = static_cast<double>(c.terms.size());
}

void BM_Lemmatize(benchmark::State& state) {
  const Corpus& c = corpus();
  std::shared_ptr<const corpora::WordNetData> wordnet;
  try {
    wordnet = corpora::load_wordnet();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  const nlp::WordNetLemmatizer lemmatizer(wordnet);
  std::string lemma;
  for (auto _ : state) {
    for (const auto& w : c.terms) {
      lemmatizer.lemmatize_into(w, nlp::PartOfSpeech::kNoun, lemma);
      benchmark::DoNotOptimize(lemma.data());
    }
  }
  set_rates(state, token_bytes(c.terms));
  state.counters["words"] = static_cast<double>(c.terms.size());
}

// Every stage above in sequence, per document: the single-thread text-stage cost of the pipeline
// (without I/O, SQLite, readability and lexicon metrics).
void BM_AllStages(benchmark::State& state) {
  const Corpus& c = corpus();
  const nlp::Normalizer normalizer;
  const nlp::RegexCleaner cleaner(nlp::RegexCleaner::default_rules());
  const nlp::SentenceSplitter splitter;
  const nlp::Stemmer stemmer("porter2");
  std::vector<std::string> tokens;
  std::vector<std::string> terms;
  std::string lowered;
  for (auto _ : state) {
    for (const auto& r : c.raw) {
      const nlp::DecodedText decoded = nlp::decode_to_utf8(r);
      const nlp::HtmlText html = nlp::html_to_text(decoded.utf8);
      const std::string text = cleaner.apply(normalizer.normalize(html.text));
      tokens.clear();
      for (const nlp::Span s : splitter.split(text)) {
        nlp::treebank_tokenize(std::string_view(text).substr(s.begin, s.end - s.begin), tokens);
      }
      terms.clear();
      for (const auto& t : tokens) {
        if (keep_term(t, lowered)) terms.push_back(stemmer.stem(lowered));
      }
      benchmark::DoNotOptimize(terms.data());
    }
  }
  set_rates(state, c.raw_bytes);
}

BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlToText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RegexClean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SentenceSplit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TreebankTokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TermsFilter)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stem, porter2, "porter2")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stem, porter, "porter")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lemmatize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AllStages)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
