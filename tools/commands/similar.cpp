// `secnlp similar --db FILE --to ACCESSION [--section 1A] [--top 10]`: the stored filings or
// sections that read most alike (cosine over TF-IDF, through a cached inverted index).
#include <iostream>

#include "pipeline/similarity/nearest_filings.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_similar_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<similarity::NearestQuery>();
  auto format = std::make_shared<std::string>("table");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand(
      "similar", "The stored filings (or sections) nearest to one filing by TF-IDF cosine");
  add_db_option(*cmd, *db);
  cmd->add_option("--to", query->to, "Accession number (or a path substring) of the filing")
      ->required();
  cmd->add_option("--section,--scope", query->scope,
                  "Section item, e.g. 1A (default: whole filing)");
  cmd->add_option("--top", query->top, "How many neighbours")->capture_default_str();
  cmd->add_option("--as-of", query->as_of,
                  "Answer as of this date (YYYY-MM-DD = end of day, or YYYY-MM-DDTHH:MM:SS US "
                  "Eastern); default: when the --to filing became available");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([query, format, db] {
    query->db = *db;
    print_table(std::cout, similarity::nearest_filings(*query), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
