#pragma once
// A small JSON reader for tests that compare against reference outputs stored as JSON (textstat's
// expected values, edgar-crawler's extracted text and items). Not for production input: it
// recurses and throws std::exception on malformed text.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace secnlp::testing {

struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, std::vector<Json>,
               std::map<std::string, Json>>
      v;
  bool is_object() const { return v.index() == 5; }
  bool is_string() const { return v.index() == 3; }
  bool is_number() const { return v.index() == 2; }
  const std::map<std::string, Json>& object() const { return std::get<5>(v); }
  const std::vector<Json>& array() const { return std::get<4>(v); }
  const std::string& str() const { return std::get<3>(v); }
  double num() const { return std::get<2>(v); }
  const Json* get(const std::string& key) const {
    if (!is_object()) return nullptr;
    auto it = object().find(key);
    return it == object().end() ? nullptr : &it->second;
  }
};

// Parses a whole JSON document; throws std::runtime_error (or std::out_of_range) when malformed.
Json parse_json(std::string_view text);

}  // namespace secnlp::testing
