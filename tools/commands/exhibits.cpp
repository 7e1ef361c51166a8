// `secnlp exhibits --db FILE [--type EX-21] [--text]`: the other documents of stored EDGAR
// submissions (exhibits, graphics, XBRL), kept apart from the main document's text.
#include <iostream>

#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_exhibits_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<store::ExhibitsQuery>();
  auto format = std::make_shared<std::string>("table");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand(
      "exhibits", "Exhibits and other documents of stored submissions (type, file, size, text)");
  add_db_option(*cmd, *db);
  cmd->add_option("--type", query->types, "Only these types (prefix, repeatable), e.g. EX-21");
  add_document_filter(*cmd, query->filter);
  cmd->add_flag("--text", query->text, "Include the exhibit's text (text and HTML exhibits)");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([query, format, db] {
    query->db = *db;
    print_table(std::cout, store::query_exhibits(*query), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
