// `secnlp terms --db FILE`: the most frequent terms and their document frequency.
#include <iostream>

#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_terms_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<store::TermsQuery>();
  auto format = std::make_shared<std::string>("table");
  auto order = std::make_shared<std::string>("count");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand("terms", "Print top terms with counts, df and mean TF-IDF");
  cmd->add_option("--db", *db, "Results database")->capture_default_str();
  cmd->add_option("--top", query->top, "How many terms")->capture_default_str();
  cmd->add_option("--by", *order, "Order by count, df or tfidf")
      ->check(CLI::IsMember({"count", "df", "tfidf"}))
      ->capture_default_str();
  cmd->add_option("--scope,--section", query->scope, "Section item; empty for whole documents");
  add_document_filter(*cmd, query->filter);
  cmd->add_option("--format", *format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([query, format, order, db] {
    query->db = *db;
    query->order = *order == "df"      ? store::TermOrder::kDocumentFrequency
                   : *order == "tfidf" ? store::TermOrder::kTfidf
                                       : store::TermOrder::kCount;
    print_table(std::cout, store::query_terms(*query), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
