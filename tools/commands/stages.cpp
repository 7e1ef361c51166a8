// `secnlp stages`: every pipeline stage with its options and defaults.
#include <iostream>

#include "pipeline/stage.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_stages_command(CLI::App& app, int& /*exit_code*/) {
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand("stages", "List pipeline stages and their options");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([format] {
    pipeline::ResultTable t;
    t.columns = {"stage", "option", "default", "description"};
    const pipeline::StageRegistry registry = pipeline::builtin_stages();
    for (const auto& s : registry.stages()) {
      t.rows.push_back({s.name, std::string(), std::string(), s.description});
      for (const auto& o : s.options)
        t.rows.push_back({std::string(), o.key, o.default_value, o.description});
    }
    print_table(std::cout, t, parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
