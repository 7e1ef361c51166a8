#pragma once
// Whole-file reads for the resource loaders (internal to corpora/resources).

#include <filesystem>
#include <string>

namespace secnlp::corpora::detail {

// The bytes of `path`, read with one fread. Throws Error(kResource) naming the file when it is
// missing or not a regular file, Error(kIo) when it cannot be opened or read.
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace secnlp::corpora::detail
