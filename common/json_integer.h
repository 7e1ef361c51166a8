#pragma once
// Integers read from JSON files that come from outside (model manifests and directories,
// training checkpoints). nlohmann::json's get<int>() converts any number, and converting a float
// outside the type's range (a manifest "version": 1e38, found by fuzz_model_manifest) is
// undefined behaviour. json_integer<T>() accepts only a JSON integer within T's range and
// otherwise throws nlohmann::json::type_error, as a wrong type does, so the callers' existing
// "malformed ..." handling names the file.
//
// Header-only: include it where nlohmann_json is already a dependency.

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace secnlp {

template <typename T>
T json_integer(const nlohmann::json& j) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<T>::max());
  if (j.is_number_unsigned()) {
    const auto v = j.get<std::uint64_t>();
    if (v <= max) return static_cast<T>(v);
  } else if (j.is_number_integer()) {
    const auto v = j.get<std::int64_t>();
    if constexpr (std::is_signed_v<T>) {
      if (v >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
          (v < 0 || static_cast<std::uint64_t>(v) <= max))
        return static_cast<T>(v);
    } else if (v >= 0 && static_cast<std::uint64_t>(v) <= max) {
      return static_cast<T>(v);
    }
  }
  throw nlohmann::json::type_error::create(
      302, std::string("an integer within range is required, not ") + j.type_name(), &j);
}

}  // namespace secnlp
