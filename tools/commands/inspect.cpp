// `secnlp inspect FILE`: what secnlp sees in one filing — metadata, the documents of the
// submission and the chosen main document, and the section map with offsets, confidence and
// flags — without touching a database.
#include <iostream>

#include <fmt/format.h>

#include "nlp/sec/section_map.h"
#include "pipeline/runner.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_inspect_command(CLI::App& app, int& /*exit_code*/) {
  auto options = std::make_shared<pipeline::ProcessOptions>();
  auto file = std::make_shared<std::string>();
  auto pipeline_file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  CLI::App* cmd = app.add_subcommand(
      "inspect",
      "Show a filing's metadata, documents, main document and section map (no database)");
  cmd->add_option("file", *file, "A filing: full submission .txt, primary .htm, or text")
      ->required();
  cmd->add_option("--pipeline", *pipeline_file, "Pipeline TOML file (default pipeline if absent)");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([options, file, pipeline_file, format] {
    if (!pipeline_file->empty()) options->pipeline_file = *pipeline_file;
    const pipeline::Document doc = pipeline::process_one(*file, *options);
    const OutputFormat f = parse_output_format(*format);
    NamedTables tables;  // one result: `--format json` prints one object

    pipeline::ResultTable meta;
    meta.columns = {"key", "value"};
    meta.rows.push_back({std::string("path"), doc.path});
    meta.rows.push_back({std::string("bytes"), static_cast<std::int64_t>(doc.size)});
    meta.rows.push_back({std::string("source type"), doc.source_type});
    meta.rows.push_back({std::string("encoding"), doc.encoding});
    for (const auto& [k, v] : doc.metadata)
      meta.rows.push_back({k, v});
    tables.emplace_back("metadata", std::move(meta));

    pipeline::ResultTable parts;
    parts.columns = {"sequence", "type", "filename", "kind", "bytes", "role"};
    auto value = [&](const char* key) {
      auto it = doc.metadata.find(key);
      return it == doc.metadata.end() ? std::string() : it->second;
    };
    parts.rows.push_back({value("main_sequence"), value("main_type"), value("main_filename"),
                          doc.source_type, static_cast<std::int64_t>(doc.size),
                          std::string("main")});
    for (const auto& e : doc.exhibits) {
      parts.rows.push_back({std::to_string(e.sequence), e.type, e.filename, e.kind,
                            static_cast<std::int64_t>(e.bytes),
                            std::string(e.type.starts_with("EX-") ? "exhibit" : "other")});
    }
    tables.emplace_back("documents", std::move(parts));

    pipeline::ResultTable sections;
    sections.columns = {"section",    "title", "begin",  "end",    "bytes",
                        "confidence", "flags", "method", "heading"};
    for (const auto& s : doc.sections) {
      std::string shown = s.heading.size() > 60 ? s.heading.substr(0, 57) + "..." : s.heading;
      sections.rows.push_back({s.item, s.title, static_cast<std::int64_t>(s.span.begin),
                               static_cast<std::int64_t>(s.span.end),
                               static_cast<std::int64_t>(s.span.end - s.span.begin), s.confidence,
                               nlp::sec::section_flag_names(s.flags), s.method, shown});
    }
    tables.emplace_back("sections", std::move(sections));

    if (!doc.warnings.empty() || !doc.notes.empty() || !doc.flags.empty()) {
      pipeline::ResultTable notes;
      notes.columns = {"kind", "note"};
      for (const auto& flag : doc.flags)
        notes.rows.push_back({std::string("flag"), flag});
      for (const auto& w : doc.warnings)
        notes.rows.push_back({std::string("warning"), w});
      for (const auto& n : doc.notes)
        notes.rows.push_back({std::string("note"), n});
      tables.emplace_back("notes", std::move(notes));
    }
    print_tables(std::cout, tables, f);
  });
}

}  // namespace secnlp::tools
