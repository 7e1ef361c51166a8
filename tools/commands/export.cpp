// `secnlp export --db FILE --what similarity|metrics|sections --format csv|json`: tidy long
// tables (date, CIK/ticker, accession, section, measure, value) for pandas and alphalens.
#include <iostream>

#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_export_command(CLI::App& app, int& /*exit_code*/) {
  auto filter = std::make_shared<store::DocumentFilter>();
  auto what = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("csv");
  auto db = std::make_shared<std::string>("secnlp.db");
  CLI::App* cmd = app.add_subcommand(
      "export", "Tidy tables for pandas/alphalens: similarity scores, metrics or sections");
  add_db_option(*cmd, *db);
  cmd->add_option("--what", *what, "similarity, metrics, sections or entities")
      ->required()
      ->check(CLI::IsMember({"similarity", "metrics", "sections", "entities"}));
  add_document_filter(*cmd, *filter);
  add_format_option(*cmd, *format, "csv, json or table");
  cmd->callback([filter, what, format, db] {
    const store::ExportWhat w = *what == "similarity" ? store::ExportWhat::kSimilarity
                                : *what == "metrics"  ? store::ExportWhat::kMetrics
                                : *what == "entities" ? store::ExportWhat::kEntities
                                                      : store::ExportWhat::kSections;
    print_table(std::cout, store::export_table(*db, w, *filter), parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
