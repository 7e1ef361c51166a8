// `secnlp embed`: word vectors from stored filings or text files (skip-gram/CBOW with negative
// sampling: the own word2vec trainer, or fastText for subwords), written in word2vec text and
// binary formats; `embed neighbors`, `embed evaluate` (gensim-equivalent analogy and word-pair
// scores) and `embed map` (t-SNE, SVG) read them. Torch-free: runs in secnlp itself.
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/log.h"
#include "models/embeddings/embedding_trainer.h"
#include "models/embeddings/word_map.h"
#include "models/embeddings/word_vectors.h"
#include "pipeline/sentence_corpus.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

struct TrainFlags {
  std::string db;
  store::DocumentFilter filter;
  std::vector<std::string> sections;
  std::vector<std::string> text_files;
  std::string corpus;      // a ready corpus: one sentence per line
  std::string corpus_out;  // keep the corpus written from --db/--text here
  std::string config;
  bool lowercase = false;
  std::string out_text;
  std::string out_binary;
  models::EmbeddingOptions options;
};

std::vector<std::string> read_word_list(const std::string& path) {
  std::vector<std::string> words;
  std::istringstream in(read_file_bytes(path, ErrorCode::kIo, "word list"));
  std::string w;
  while (in >> w)
    words.push_back(w);
  return words;
}

void run_train(const TrainFlags& f) {
  const int sources = !f.db.empty() + !f.text_files.empty() + !f.corpus.empty();
  if (sources != 1)
    throw Error(ErrorCode::kInvalidArgument, "embed: give exactly one of --db, --text or --corpus");
  const bool corpus_only = f.out_text.empty() && f.out_binary.empty();
  if (corpus_only && f.corpus_out.empty())
    throw Error(ErrorCode::kInvalidArgument,
                "embed: give --out and/or --out-binary (or only --corpus-out to write the corpus)");
  std::filesystem::path corpus = f.corpus;
  bool remove_corpus = false;
  if (f.corpus.empty()) {
    pipeline::SentenceCorpusQuery q;
    q.db = f.db;
    q.filter = f.filter;
    q.sections = f.sections;
    q.lowercase = f.lowercase;
    if (!f.config.empty()) q.config = pipeline::load_pipeline_config(f.config);
    if (f.corpus_out.empty()) {
      corpus = std::filesystem::temp_directory_path() /
               fmt::format("secnlp-embed-{}.corpus.txt", ::getpid());
      remove_corpus = true;
    } else {
      corpus = f.corpus_out;
    }
    std::ofstream out(corpus, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::kIo, "cannot write the corpus", corpus.string());
    std::vector<std::filesystem::path> files(f.text_files.begin(), f.text_files.end());
    const auto stats = f.db.empty() ? pipeline::write_text_file_corpus(files, q, out)
                                    : pipeline::write_sentence_corpus(q, out);
    out.flush();
    if (!out) throw Error(ErrorCode::kIo, "writing the corpus failed", corpus.string());
    log_info("embed: corpus of {} texts, {} sentences, {} tokens", stats.texts, stats.sentences,
             stats.tokens);
    if (corpus_only) return;
  } else if (f.lowercase || !f.corpus_out.empty() || !f.config.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "embed: --lowercase, --corpus-out and --config apply to --db and --text only");
  }
  struct Cleanup {
    std::filesystem::path path;
    ~Cleanup() {
      std::error_code ec;
      if (!path.empty()) std::filesystem::remove(path, ec);
    }
  } cleanup{remove_corpus ? corpus : std::filesystem::path()};
  models::EmbeddingStats stats;
  const auto vectors = models::train_word_vectors(corpus, f.options, &stats);
  if (!f.out_text.empty()) models::write_word2vec_text(vectors, f.out_text);
  if (!f.out_binary.empty()) models::write_word2vec_binary(vectors, f.out_binary);
  pipeline::ResultTable t{
      {"words", "dim", "corpus_tokens", "epochs", "seconds", "tokens_per_second", "loss"}, {}};
  t.rows.push_back(
      {static_cast<std::int64_t>(vectors.size()), static_cast<std::int64_t>(vectors.dim),
       stats.corpus_tokens, static_cast<std::int64_t>(f.options.epochs), stats.seconds,
       static_cast<double>(stats.corpus_tokens) * f.options.epochs / std::max(stats.seconds, 1e-9),
       stats.loss});
  print_table(std::cout, t, OutputFormat::kTable);
}

pipeline::ResultTable neighbour_table(const std::vector<models::Neighbour>& ns) {
  pipeline::ResultTable t{{"rank", "word", "similarity"}, {}};
  std::int64_t rank = 0;
  for (const auto& n : ns)
    t.rows.push_back({++rank, n.word, n.similarity});
  return t;
}

void add_neighbors(CLI::App& embed) {
  struct Flags {
    std::string vectors, format = "table";
    std::string word;
    std::vector<std::string> positive, negative;
    std::size_t top = 10;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = embed.add_subcommand(
      "neighbors", "Nearest words by cosine (--word), or analogies (--positive/--negative)");
  cmd->alias("neighbours");
  cmd->add_option("--vectors", f->vectors, "word2vec text or binary, or GloVe text")->required();
  cmd->add_option("--word", f->word, "The word whose neighbours to list");
  cmd->add_option("--positive", f->positive, "Words to add (b and c of a:b :: c:?)");
  cmd->add_option("--negative", f->negative, "Words to subtract (a of a:b :: c:?)");
  cmd->add_option("--top", f->top, "How many")->capture_default_str();
  add_format_option(*cmd, f->format);
  cmd->callback([f] {
    if (f->word.empty() == (f->positive.empty() && f->negative.empty()))
      throw Error(ErrorCode::kInvalidArgument,
                  "embed neighbors: give --word, or --positive/--negative");
    const models::VectorSpace space(models::read_word_vectors(f->vectors));
    std::vector<std::string> positive = f->positive;
    if (!f->word.empty()) positive = {f->word};
    print_table(std::cout, neighbour_table(space.most_similar(positive, f->negative, f->top)),
                parse_output_format(f->format));
  });
}

void add_evaluate(CLI::App& embed) {
  struct Flags {
    std::string vectors, format = "table";
    std::string analogies;
    std::vector<std::string> pairs;
    std::size_t restrict_vocab = 300000;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = embed.add_subcommand(
      "evaluate", "Analogy accuracy and word-pair correlations, as gensim computes them");
  cmd->add_option("--vectors", f->vectors, "word2vec text or binary, or GloVe text")->required();
  cmd->add_option("--analogies", f->analogies, "questions-words.txt format");
  cmd->add_option("--pairs", f->pairs, "word<TAB>word<TAB>score files (wordsim353, simlex999)");
  cmd->add_option("--restrict-vocab", f->restrict_vocab,
                  "Only the first N words (gensim's restrict_vocab)")
      ->capture_default_str();
  add_format_option(*cmd, f->format);
  cmd->callback([f] {
    if (f->analogies.empty() && f->pairs.empty())
      throw Error(ErrorCode::kInvalidArgument, "embed evaluate: give --analogies and/or --pairs");
    const models::VectorSpace space(models::read_word_vectors(f->vectors));
    pipeline::ResultTable t{{"file", "section", "measure", "value", "count", "oov", "oov_percent"},
                            {}};
    if (!f->analogies.empty()) {
      const auto r = models::evaluate_analogies(space, f->analogies, f->restrict_vocab);
      const std::string file = std::filesystem::path(f->analogies).filename().string();
      for (const auto& s : r.sections) {
        const bool total = &s == &r.sections.back();
        t.rows.push_back(
            {file, s.name, "accuracy", s.accuracy(),
             static_cast<std::int64_t>(s.correct + s.incorrect),
             total ? pipeline::Cell(static_cast<std::int64_t>(r.oov)) : pipeline::Cell(),
             total ? pipeline::Cell(r.questions ? 100.0 * static_cast<double>(r.oov) /
                                                      static_cast<double>(r.questions)
                                                : 0.0)
                   : pipeline::Cell()});
      }
    }
    for (const auto& path : f->pairs) {
      const auto r = models::evaluate_word_pairs(space, path, f->restrict_vocab);
      const std::string file = std::filesystem::path(path).filename().string();
      for (const auto& [measure, value] :
           {std::pair{"spearman", r.spearman}, std::pair{"pearson", r.pearson}})
        t.rows.push_back({file, "", measure, value, static_cast<std::int64_t>(r.pairs),
                          static_cast<std::int64_t>(r.oov), r.oov_ratio});
    }
    print_table(std::cout, t, parse_output_format(f->format));
  });
}

void add_map(CLI::App& embed) {
  struct Flags {
    std::string vectors, out, words, coords;
    std::vector<std::string> groups;
    models::WordMapOptions options;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd =
      embed.add_subcommand("map", "A t-SNE map of the most frequent words as a labelled SVG");
  cmd->add_option("--vectors", f->vectors, "word2vec text or binary, or GloVe text")->required();
  cmd->add_option("--out", f->out, "SVG file to write")->required();
  cmd->add_option("--top", f->options.top, "The N most frequent words with a letter")
      ->capture_default_str();
  cmd->add_option("--words", f->words, "Map exactly these words (a file, whitespace-separated)");
  cmd->add_option("--group", f->groups,
                  "NAME=FILE: colour the words listed in FILE and name them NAME (repeatable)");
  cmd->add_option("--perplexity", f->options.tsne.perplexity, "t-SNE perplexity")
      ->capture_default_str();
  cmd->add_option("--iterations", f->options.tsne.iterations, "t-SNE iterations")
      ->capture_default_str();
  cmd->add_option("--seed", f->options.tsne.seed, "Seed (PCA initialisation)")
      ->capture_default_str();
  cmd->add_option("--title", f->options.title, "Title")->capture_default_str();
  cmd->add_option("--coords", f->coords, "Also write word<TAB>x<TAB>y here");
  cmd->callback([f] {
    models::WordMapOptions o = f->options;
    if (!f->words.empty()) o.words = read_word_list(f->words);
    for (const auto& g : f->groups) {
      const auto eq = g.find('=');
      if (eq == std::string::npos || eq == 0)
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("--group '{}': expected NAME=FILE", g));
      o.groups.push_back({g.substr(0, eq), read_word_list(g.substr(eq + 1))});
    }
    const models::VectorSpace space(models::read_word_vectors(f->vectors));
    const auto map = models::word_map(space, o);
    write_file_atomically(f->out, map.svg);
    if (!f->coords.empty()) {
      std::string tsv;
      for (std::size_t i = 0; i < map.words.size(); ++i)
        tsv += fmt::format("{}\t{:.6g}\t{:.6g}\n", map.words[i], map.layout.points[2 * i],
                           map.layout.points[2 * i + 1]);
      write_file_atomically(f->coords, tsv);
    }
    pipeline::ResultTable t{{"words", "kl_divergence", "iterations", "svg"}, {}};
    t.rows.push_back({static_cast<std::int64_t>(map.words.size()), map.layout.kl_divergence,
                      static_cast<std::int64_t>(map.layout.iterations), f->out});
    print_table(std::cout, t, OutputFormat::kTable);
  });
}

}  // namespace

void add_embed_command(CLI::App& app, int& /*exit_code*/) {
  auto f = std::make_shared<TrainFlags>();
  auto& o = f->options;
  CLI::App* cmd = app.add_subcommand(
      "embed",
      "Train word vectors (word2vec skip-gram/CBOW, negative sampling) on stored filings or text "
      "files; subcommands query, evaluate and map them");
  cmd->require_subcommand(0, 1);
  cmd->add_option("--db", f->db, "Train on the clean text of the filings stored here");
  add_document_filter(*cmd, f->filter);
  cmd->add_option("--section", f->sections, "Only these sections (e.g. 1A 7); default: all text");
  cmd->add_option("--text", f->text_files, "Train on these plain UTF-8 text files instead");
  cmd->add_option("--corpus", f->corpus,
                  "Train on this ready corpus: one sentence per line, tokens separated by spaces");
  cmd->add_option("--corpus-out", f->corpus_out,
                  "Keep the corpus made from --db or --text in this file (alone: only write it)");
  cmd->add_option("--config", f->config,
                  "Pipeline TOML whose [sentences] and [tokens] options to use");
  cmd->add_flag("--lowercase", f->lowercase, "Lower-case ASCII letters of the tokens");
  cmd->add_option("--out", f->out_text, "Write word2vec text vectors here");
  cmd->add_option("--out-binary", f->out_binary, "Write word2vec binary vectors here");
  cmd->add_option("--engine", o.engine,
                  "auto (word2vec; fasttext with --subwords), word2vec or fasttext")
      ->check(CLI::IsMember({"auto", "word2vec", "fasttext"}))
      ->capture_default_str();
  cmd->add_option("--model", o.model, "skipgram or cbow")
      ->check(CLI::IsMember({"skipgram", "cbow"}))
      ->capture_default_str();
  cmd->add_option("--dim", o.dim, "Dimensions")->capture_default_str();
  cmd->add_option("--window", o.window, "Largest context window")->capture_default_str();
  cmd->add_option("--negatives", o.negatives, "Negative samples per word")->capture_default_str();
  cmd->add_option("--epochs", o.epochs, "Passes over the corpus")->capture_default_str();
  cmd->add_option("--min-count", o.min_count, "Drop rarer words")->capture_default_str();
  cmd->add_option("--sample", o.sample, "Subsampling threshold of frequent words (0: none)")
      ->capture_default_str();
  cmd->add_option("--lr", o.lr, "Learning rate (0: 0.025 skipgram, 0.05 cbow)")
      ->capture_default_str();
  cmd->add_option("--threads", o.threads, "Threads (0: all cores; 1 is bit-reproducible)")
      ->check(thread_count_check())
      ->capture_default_str();
  cmd->add_option("--seed", o.seed, "Random seed")->capture_default_str();
  cmd->add_flag("--subwords", o.subwords, "Add character n-gram vectors (fastText)");
  cmd->add_option("--min-n", o.min_n, "Shortest n-gram with --subwords")->capture_default_str();
  cmd->add_option("--max-n", o.max_n, "Longest n-gram with --subwords")->capture_default_str();
  cmd->add_option("--buckets", o.buckets, "Hash buckets of n-grams with --subwords")
      ->capture_default_str();
  add_neighbors(*cmd);
  add_evaluate(*cmd);
  add_map(*cmd);
  cmd->callback([f, cmd] {
    if (!cmd->get_subcommands().empty()) return;  // a subcommand ran
    run_train(*f);
  });
}

}  // namespace secnlp::tools
