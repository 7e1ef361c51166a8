// `secnlp similarity --db FILE [--ticker|--cik ...|--all] [--section 1A] [--measure ...]`:
// year-over-year change scores of each filing against the previous comparable one.
#include <iostream>

#include "common/error.h"
#include "pipeline/distributed/cluster.h"
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
                  "With --all: only shard K of N of the companies (balanced by pairs), for "
                  "job arrays. Under mpirun, --all spreads the companies over the ranks without it")
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
    // Under mpirun (with --all): each rank computes and caches its share of the companies, then
    // rank 0 reads the whole series, every score now cached, and prints it.
    distributed::Cluster* cluster = query->all ? distributed::cluster() : nullptr;
    if (cluster && query->shard)
      throw Error(ErrorCode::kInvalidArgument,
                  "--shard and mpirun both split the companies: use one of them");
    pipeline::ResultTable table;
    distributed::run_on_cluster(cluster, [&] {
      if (cluster) {
        cluster->set_announced();  // no run to start: every rank runs the same query
        similarity::SeriesQuery share = *query;
        share.shard = distributed::Shard{cluster->rank() + 1, cluster->size()};
        const std::size_t rows = similarity::similarity_series(share).rows.size();
        if (cluster->rank() != 0) {
          cluster->send(0, distributed::kTagResult, std::to_string(rows));
          return;
        }
        for (int r = 1; r < cluster->size(); ++r)
          cluster->receive(distributed::kAnySource, distributed::kTagResult);
      }
      table = similarity::similarity_series(*query);
    });
    if (cluster && cluster->rank() != 0) return;
    print_table(std::cout, table, parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
