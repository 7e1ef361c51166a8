// `secnlp metrics --db FILE`: per-document metrics from the results database.
#include <iostream>

#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_metrics_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<store::MetricsQuery>();
  auto format = std::make_shared<std::string>("table");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand("metrics", "Print per-document metrics");
  add_db_option(*cmd, *db);
  cmd->add_option("--metric", query->names,
                  "Metric names to show (repeatable; 'all' for every stored metric)");
  cmd->add_option("--scope,--section", query->scope,
                  "Section item (e.g. 1A); empty for the whole document");
  add_document_filter(*cmd, query->filter);
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([query, format, db] {
    query->db = *db;
    print_table(std::cout, store::query_metrics(*query), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
