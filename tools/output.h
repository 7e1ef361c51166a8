#pragma once
// Printing result tables on stdout: aligned text (default), CSV (RFC 4180) or JSON (an array of
// objects, one per row). Numbers are printed with up to 6 significant decimals in text mode and
// full precision in CSV/JSON.

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/result_table.h"

namespace secnlp::tools {

enum class OutputFormat { kTable, kCsv, kJson };

// Parses "table", "csv" or "json".
OutputFormat parse_output_format(const std::string& name);

void print_table(std::ostream& out, const pipeline::ResultTable& table, OutputFormat format);

// A result made of several named tables (`inspect`, `process`), as one output: JSON prints ONE
// document, an object with one array of row objects per name ({"metadata": [...], ...});
// table and CSV print each table in turn, separated by a blank line, in table mode under a
// "== name" heading when `headings`.
using NamedTables = std::vector<std::pair<std::string, pipeline::ResultTable>>;
void print_tables(std::ostream& out, const NamedTables& tables, OutputFormat format,
                  bool headings = true);

}  // namespace secnlp::tools
