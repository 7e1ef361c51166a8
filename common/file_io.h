#pragma once
// Whole-file reads with secnlp errors that name the file.

#include <filesystem>
#include <string>
#include <string_view>

#include "common/error.h"

namespace secnlp {

// The bytes of `path`, read with one allocation when the size is known. A missing path, a
// directory or another non-regular file throws Error(missing_code, "<what> not found" / "... is
// not a regular file", path); an open or read failure throws Error(kIo, ..., path).
// `missing_code` is kIo for inputs and kResource for dictionaries, lexicons and other resources.
std::string read_file_bytes(const std::filesystem::path& path,
                            ErrorCode missing_code = ErrorCode::kIo,
                            std::string_view what = "file");

}  // namespace secnlp
