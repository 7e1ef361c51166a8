#include "nlp/similarity/token_interning.h"

#include <unordered_map>

namespace secnlp::nlp {
namespace {

template <typename Token>
InternedPair intern(std::span<const Token> a, std::span<const Token> b) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  ids.reserve(a.size() / 4 + b.size() / 8 + 16);
  InternedPair out;
  out.a.reserve(a.size());
  out.b.reserve(b.size());
  auto id_of = [&](std::string_view t) {
    const auto [it, inserted] = ids.try_emplace(t, static_cast<std::uint32_t>(ids.size()));
    return it->second;
  };
  for (const Token& t : a)
    out.a.push_back(id_of(t));
  for (const Token& t : b)
    out.b.push_back(id_of(t));
  out.vocabulary_size = ids.size();
  return out;
}

}  // namespace

InternedPair intern_tokens(std::span<const std::string> a, std::span<const std::string> b) {
  return intern(a, b);
}

InternedPair intern_tokens(std::span<const std::string_view> a,
                           std::span<const std::string_view> b) {
  return intern(a, b);
}

}  // namespace secnlp::nlp
