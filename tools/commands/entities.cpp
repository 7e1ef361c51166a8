// `secnlp entities --db FILE [--type ORG] [--ticker T] [--section 1A] [--as-of DATE] --top 20`:
// the most frequent named entities of stored filings (the opt-in entities stage's rows).
#include <iostream>

#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_entities_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<store::EntitiesQuery>();
  auto format = std::make_shared<std::string>("table");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand(
      "entities", "Most frequent named entities of stored filings (needs the entities stage)");
  add_db_option(*cmd, *db);
  cmd->add_option("--type", query->types, "Only these entity types (repeatable), e.g. ORG");
  cmd->add_option("--section,--scope", query->scope,
                  "Section item (e.g. 1A); empty: whole filings");
  cmd->add_option("--top", query->top, "How many entity texts")->capture_default_str();
  add_document_filter(*cmd, query->filter);
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([query, format, db] {
    query->db = *db;
    print_table(std::cout, store::query_entities(*query), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
