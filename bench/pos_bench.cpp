// secnlp_pos_bench: tokens per second of the part-of-speech tagger on the sentences of real
// filings, prepared as `secnlp process` prepares them (decode -> html -> normalize -> clean ->
// sentences -> Treebank tokens), one thread.
//
//   secnlp_pos_bench MODEL_DIR [INPUT_DIR] [--sentences OUT.txt]
//
// INPUT_DIR defaults to ../shared/data/filings/10k-html (its *.htm files, recursively).
// --sentences writes the tokenized sentences, one per line, tokens separated by spaces, for
// bench/pos_nltk.py to tag the same tokens. Prints the best of 5 tagging passes (tokenization
// not included) as tokens/s of wall-clock time and of this thread's CPU time.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/file_io.h"
#include "models/tagging/pos_model.h"
#include "nlp/encoding/encoding.h"
#include "nlp/html/html_to_text.h"
#include "nlp/normalize/normalizer.h"
#include "nlp/regex/regex_cleaner.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "nlp/tokenize/treebank_tokenizer.h"

#ifndef SECNLP_SOURCE_DIR
#define SECNLP_SOURCE_DIR "."
#endif

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace secnlp;
  if (argc < 2) {
    std::cerr << "usage: secnlp_pos_bench MODEL_DIR [INPUT_DIR] [--sentences OUT.txt]\n";
    return 2;
  }
  fs::path input = fs::path(SECNLP_SOURCE_DIR) / "../shared/data/filings/10k-html";
  std::string sentences_out;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--sentences" && i + 1 < argc) {
      sentences_out = argv[++i];
    } else {
      input = a;
    }
  }
  try {
    const auto model = models::load_pos_model(argv[1]);
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(input))
      if (e.is_regular_file() &&
          (e.path().extension() == ".htm" || e.path().extension() == ".html"))
        files.push_back(e.path());
    std::sort(files.begin(), files.end());
    const nlp::Normalizer normalizer;
    const nlp::RegexCleaner cleaner(nlp::RegexCleaner::default_rules());
    const nlp::SentenceSplitter splitter;
    std::vector<std::vector<std::string>> sentences;
    std::size_t tokens = 0;
    for (const auto& f : files) {
      const std::string clean = cleaner.apply(normalizer.normalize(
          nlp::html_to_text(nlp::decode_to_utf8(read_file_bytes(f)).utf8).text));
      for (const nlp::Span s : splitter.split(clean)) {
        sentences.emplace_back();
        nlp::treebank_tokenize(std::string_view(clean).substr(s.begin, s.end - s.begin),
                               sentences.back());
        tokens += sentences.back().size();
      }
    }
    if (!sentences_out.empty()) {
      std::ofstream out(sentences_out, std::ios::binary);
      for (const auto& s : sentences) {
        for (std::size_t i = 0; i < s.size(); ++i)
          out << (i ? " " : "") << s[i];
        out << '\n';
      }
    }
    nlp::TagScratch scratch;
    std::vector<std::uint16_t> tags;
    // CPU time of this thread: the machine may be shared, and "per core" is what is asked.
    auto cpu_seconds = [] {
      timespec t{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
      return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
    };
    double best = 1e30, best_cpu = 1e30;
    std::size_t checksum = 0;
    for (int pass = 0; pass < 5; ++pass) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = cpu_seconds();
      for (const auto& s : sentences) {
        model->tagger.tag(std::span<const std::string>(s), tags, scratch);
        checksum += tags.empty() ? 0 : tags.back();
      }
      best = std::min(
          best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      best_cpu = std::min(best_cpu, cpu_seconds() - cpu_start);
    }
    std::cout << files.size() << " files, " << sentences.size() << " sentences, " << tokens
              << " tokens; tagged in " << best
              << " s (best of 5): " << static_cast<double>(tokens) / best << " tokens/s wall, "
              << static_cast<double>(tokens) / best_cpu
              << " tokens/s per core (thread CPU time; checksum " << checksum << ")\n";
  } catch (const std::exception& e) {
    std::cerr << "secnlp_pos_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
