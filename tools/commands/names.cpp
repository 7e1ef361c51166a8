// `secnlp names`: the registry of metric names, flags and section names (docs/names.md).
#include <iostream>

#include "pipeline/names.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_names_command(CLI::App& app, int& /*exit_code*/) {
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand(
      "names", "Every metric name, document and section flag, and section name commands accept");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([format] {
    pipeline::ResultTable t;
    t.columns = {"kind", "name", "description"};
    for (const auto& m : pipeline::metric_names())
      t.rows.push_back({std::string("metric"), m.name, m.description});
    for (const auto& f : pipeline::document_flags())
      t.rows.push_back({std::string("document flag"), f.name, f.description});
    for (const auto& f : pipeline::section_flags())
      t.rows.push_back({std::string("section flag"), f.name, f.description});
    t.rows.push_back({std::string("section"), std::string(pipeline::kWholeFiling),
                      std::string("the whole filing (aliases: document, empty)")});
    for (const auto& item : pipeline::known_items())
      t.rows.push_back({std::string("section"), item, std::string()});
    print_table(std::cout, t, parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
