#pragma once
// Printing result tables on stdout: aligned text (default), CSV (RFC 4180) or JSON (an array of
// objects, one per row). Numbers are printed with up to 6 significant decimals in text mode and
// full precision in CSV/JSON.

#include <ostream>
#include <string>

#include "pipeline/result_table.h"

namespace secnlp::tools {

enum class OutputFormat { kTable, kCsv, kJson };

// Parses "table", "csv" or "json".
OutputFormat parse_output_format(const std::string& name);

void print_table(std::ostream& out, const pipeline::ResultTable& table, OutputFormat format);

}  // namespace secnlp::tools
