// `secnlp similarity --db FILE [--ticker|--cik ...|--all] [--section 1A] [--measure ...]`:
// year-over-year change scores of each filing against the previous comparable one.
#include <iostream>

#include "common/error.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/similarity/similarity_series.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_similarity_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<similarity::SeriesQuery>();
  auto format = std::make_shared<std::string>("table");
  auto db = std::make_shared<std::string>("secnlp.db");
  auto idf = std::make_shared<std::string>("corpus");
  CLI::App* cmd = app.add_subcommand(
      "similarity",
      "Year-over-year similarity of each 10-K (10-Q) with the previous comparable filing, per "
      "filing or section; computed on demand and cached");
  add_db_option(*cmd, *db);
  add_document_filter(*cmd, query->filter);
  cmd->add_flag("--all", query->all, "Every company in the database");
  auto shard = std::make_shared<std::string>();
  cmd->add_option("--shard", *shard,
                  "K/N with --all: only shard K of N of the companies (balanced by pairs), for "
                  "job arrays; on one SQLite database the shards run one after another")
      ->check(shard_check());
  cmd->add_option("--section,--scope", query->scope,
                  "Section item, e.g. 1A (default: whole filing)");
  cmd->add_option("--measure", query->measures,
                  "cosine_tf, cosine_tfidf, jaccard, weighted_jaccard, jaccard_course, edit, "
                  "levenshtein, simple (repeatable; default: all but levenshtein)");
  cmd->add_option("--idf", *idf, "IDF for cosine_tfidf: corpus (every stored filing) or company")
      ->check(CLI::IsMember({"corpus", "company"}))
      ->capture_default_str();
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([query, format, db, idf, shard] {
    query->db = *db;
    if (!shard->empty()) {
      if (!query->all) throw Error(ErrorCode::kInvalidArgument, "--shard needs --all");
      query->shard = distributed::parse_shard(*shard);
    }
    query->idf = *idf == "company" ? similarity::IdfScope::kCompany : similarity::IdfScope::kCorpus;
    print_table(std::cout, similarity::similarity_series(*query), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
