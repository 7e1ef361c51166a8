#pragma once
// Internal: whole-file reads with secnlp errors (not part of the public API).

#include <filesystem>
#include <string>

namespace secnlp::corpora::lexicons_detail {

// The file's bytes, without a leading UTF-8 BOM. Throws Error(kResource) naming the file when it
// is missing, is a directory or cannot be read.
std::string read_text_file(const std::filesystem::path& path, const char* what);

}  // namespace secnlp::corpora::lexicons_detail
