// `secnlp sections --db FILE [--ticker|--cik ...] [--item 1A] [--year ...] [--text]`:
// the item sections of stored filings with their offsets, confidence, flags and metrics.
#include <iostream>

#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_sections_command(CLI::App& app, int& /*exit_code*/) {
  auto query = std::make_shared<store::SectionsQuery>();
  auto format = std::make_shared<std::string>("table");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand(
      "sections", "Item sections of stored filings: offsets, confidence, flags, metrics, text");
  add_db_option(*cmd, *db);
  cmd->add_option("--section,--item", query->items,
                  "Only these sections (repeatable), e.g. 1A or part1item2");
  add_document_filter(*cmd, query->filter);
  cmd->add_flag("--text", query->text, "Include each section's clean text");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([query, format, db] {
    query->db = *db;
    const auto table = store::query_sections(*query);
    const OutputFormat f = parse_output_format(*format);
    if (query->text && f == OutputFormat::kTable) {
      // Text does not fit a table: one block per section, a header line then the text.
      for (const auto& row : table.rows) {
        std::cout << "== " << std::get<std::string>(row[0]) << "  item "
                  << std::get<std::string>(row[6]);
        if (const auto* title = std::get_if<std::string>(&row[7])) std::cout << "  " << *title;
        std::cout << "\n";
        if (const auto* text = std::get_if<std::string>(&row.back())) std::cout << *text << "\n";
        std::cout << "\n";
      }
      return;
    }
    print_table(std::cout, table, f);
  });
}

}  // namespace secnlp::tools
