#pragma once
// Hash containers of std::string that can be searched with a std::string_view without building a
// temporary string (heterogeneous lookup, C++20). Used by the word lists, stop words and WordNet
// tables, where every lookup comes from a token view.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace secnlp::corpora {

// Transparent hash: std::string, std::string_view and const char* hash alike.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

// A set of strings; `contains(std::string_view)` does not allocate.
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// A map keyed by strings; `find(std::string_view)` does not allocate.
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace secnlp::corpora
