#pragma once
// A small result table that commands print as an aligned table, CSV or JSON.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace secnlp::pipeline {

// A cell: empty (NULL), integer, real or text.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

}  // namespace secnlp::pipeline
