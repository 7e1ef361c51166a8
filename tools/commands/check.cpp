// `secnlp check --db FILE`: a full integrity check of a results database (every page read, so
// not done by other commands): PRAGMA integrity_check and foreign_key_check. Prints one row per
// problem (or "ok"); exit 4 when the file is damaged, as for any database error.
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/integrity.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_check_command(CLI::App& app, int& /*exit_code*/) {
  auto db = std::make_shared<std::string>("secnlp.db");
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand(
      "check", "Check a results database for damage (integrity and foreign keys); exit 4 if any");
  add_db_option(*cmd, *db);
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([db, format] {
    const store::IntegrityReport report = store::check_database(*db);
    pipeline::ResultTable t;
    t.columns = {"database", "problem"};
    const std::string shown = store::display_location(*db);
    if (report.ok()) t.rows.push_back({shown, std::string("ok")});
    for (const auto& problem : report.problems)
      t.rows.push_back({shown, problem});
    print_table(std::cout, t, parse_output_format(*format));
    if (!report.ok())
      throw Error(ErrorCode::kDatabase,
                  fmt::format("{} problem(s) found: the database is damaged; restore it from a "
                              "backup or rebuild it with `secnlp process --force`",
                              report.problems.size()),
                  shown);
  });
}

}  // namespace secnlp::tools
