// `secnlp import --from SRC --db DEST`: copies a whole results database into another, empty one
// (pipeline/store/copy.h) — how a SQLite file moves into PostgreSQL (docs/scaling.md), or back.
// Prints the rows copied per table.
#include <iostream>
#include <memory>

#include "pipeline/store/copy.h"
#include "pipeline/store/database.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_import_command(CLI::App& app, int& /*exit_code*/) {
  auto from = std::make_shared<std::string>();
  auto db = std::make_shared<std::string>("secnlp.db");
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Copy every table of another results database (a SQLite file or a postgresql:// URL) "
      "into --db, which must be empty; ids are kept");
  cmd->add_option("--from", *from, "The database to copy from")->required();
  add_db_option(*cmd, *db);
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([from, db, format] {
    const store::CopySummary summary = store::copy_database(*from, *db);
    pipeline::ResultTable t;
    t.columns = {"table", "rows"};
    for (const auto& [table, rows] : summary.rows)
      t.rows.push_back({table, static_cast<std::int64_t>(rows)});
    print_table(std::cout, t, parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
