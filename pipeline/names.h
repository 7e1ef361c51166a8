#pragma once
// The one registry of names that commands accept and the store writes: metric names, document
// and section flags, item ids and the whole-filing scope. Every command validates against it
// (an unknown name is a usage error that lists the valid ones, never an empty answer), `secnlp
// names` prints it, and docs/names.md is checked against it by a test.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::pipeline {

struct NameDoc {
  std::string name;
  std::string description;
};

// Every metric a built-in stage writes, with its meaning. LM metrics come with a lexicon only.
const std::vector<NameDoc>& metric_names();

// Document flags (documents.flags): "undated", "near-empty", "truncated".
const std::vector<NameDoc>& document_flags();
inline constexpr std::string_view kFlagUndated = "undated";
inline constexpr std::string_view kFlagNearEmpty = "near-empty";
inline constexpr std::string_view kFlagTruncated = "truncated";

// Section flags (sections.flags bits), in bit order: "empty", "reference-only", ...
std::vector<NameDoc> section_flags();

// Item ids of the segmenters (10-K, 10-Q, 8-K, and the unnumbered sections), canonical case.
const std::vector<std::string>& known_items();

// The name of the whole-filing scope in every command and export ("filing"; stored as '').
inline constexpr std::string_view kWholeFiling = "filing";

// Resolves a scope or item name as a user typed it: "", "filing", "document" (any case) -> "";
// an item id in any case ("1a", "PART1ITEM2") -> its canonical spelling among known_items() and
// `stored` (ids found in the database). nullopt when unknown.
std::optional<std::string> canonical_scope(std::string_view name,
                                           const std::vector<std::string>& stored = {});

// canonical_scope, or Error(kInvalidArgument) "unknown section 'x' (known: ...)".
std::string require_scope(std::string_view name, const std::vector<std::string>& stored = {});

// "" -> "filing", else the item id.
std::string scope_label(std::string_view stored_scope);

// Comma-separated names, for error messages.
std::string join_names(const std::vector<std::string>& names);

}  // namespace secnlp::pipeline
