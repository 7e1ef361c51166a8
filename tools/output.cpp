#include "tools/output.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/error.h"
#include "common/json.h"

namespace secnlp::tools {
namespace {

std::string cell_text(const pipeline::Cell& cell, bool full_precision) {
  struct Visitor {
    bool full;
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
      if (!std::isfinite(v)) return "";
      if (full) return fmt::format("{}", v);
      if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
      return fmt::format("{:.4f}", v);
    }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{full_precision}, cell);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string json_value(const pipeline::Cell& cell) {
  if (std::holds_alternative<std::monostate>(cell)) return "null";
  if (auto* s = std::get_if<std::string>(&cell)) return json_quote(*s);
  if (auto* d = std::get_if<double>(&cell); d && !std::isfinite(*d)) return "null";
  return cell_text(cell, true);
}

bool is_numeric(const pipeline::Cell& cell) {
  return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<double>(cell);
}

// A JSON array of one object per row; continuation lines start with `indent`.
void print_json_rows(std::ostream& out, const pipeline::ResultTable& table,
                     const std::string& indent) {
  out << "[";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out << (r ? ",\n " : "\n ") << indent << "{";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      out << (i ? ", " : "") << json_quote(table.columns[i]) << ": "
          << json_value(table.rows[r][i]);
    }
    out << "}";
  }
  out << (table.rows.empty() ? "]" : "\n" + indent + "]");
}

}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  throw Error(ErrorCode::kInvalidArgument, "unknown format '" + name + "' (table, csv, json)");
}

void print_table(std::ostream& out, const pipeline::ResultTable& table, OutputFormat format) {
  switch (format) {
    case OutputFormat::kCsv: {
      for (std::size_t i = 0; i < table.columns.size(); ++i)
        out << (i ? "," : "") << csv_field(table.columns[i]);
      out << "\n";
      for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
          out << (i ? "," : "") << csv_field(cell_text(row[i], true));
        out << "\n";
      }
      return;
    }
    case OutputFormat::kJson:
      print_json_rows(out, table, "");
      out << "\n";
      return;
    case OutputFormat::kTable: {
      std::vector<std::size_t> width(table.columns.size());
      std::vector<std::vector<std::string>> cells;
      for (std::size_t i = 0; i < table.columns.size(); ++i)
        width[i] = table.columns[i].size();
      for (const auto& row : table.rows) {
        auto& texts = cells.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) {
          texts.push_back(cell_text(row[i], false));
          width[i] = std::max(width[i], texts.back().size());
        }
      }
      auto line = [&](const std::vector<std::string>& texts,
                      const std::vector<pipeline::Cell>* row) {
        std::string s;
        for (std::size_t i = 0; i < texts.size(); ++i) {
          const bool right = row && is_numeric((*row)[i]);
          s += i ? "  " : "";
          s += right ? fmt::format("{:>{}}", texts[i], width[i])
                     : fmt::format("{:<{}}", texts[i], width[i]);
        }
        while (!s.empty() && s.back() == ' ')
          s.pop_back();
        out << s << "\n";
      };
      line(table.columns, nullptr);
      std::vector<std::string> rule;
      for (auto w : width)
        rule.emplace_back(w, '-');
      line(rule, nullptr);
      for (std::size_t r = 0; r < table.rows.size(); ++r)
        line(cells[r], &table.rows[r]);
      return;
    }
  }
}

void print_tables(std::ostream& out, const NamedTables& tables, OutputFormat format,
                  bool headings) {
  if (format == OutputFormat::kJson) {
    out << "{";
    for (std::size_t t = 0; t < tables.size(); ++t) {
      out << (t ? ",\n " : "\n ") << json_quote(tables[t].first) << ": ";
      print_json_rows(out, tables[t].second, " ");
    }
    out << (tables.empty() ? "}\n" : "\n}\n");
    return;
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (t) out << "\n";
    if (headings && format == OutputFormat::kTable) out << "== " << tables[t].first << "\n";
    print_table(out, tables[t].second, format);
  }
}

}  // namespace secnlp::tools
