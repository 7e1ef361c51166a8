#pragma once
// The one error type that crosses library boundaries in secnlp.
//
// Library code throws secnlp::Error with a code and, where there is one, the file or resource it
// concerns. The runner catches it per document and records it; only tools/main.cpp turns codes
// into process exit codes (see docs/exit-codes.md).

#include <stdexcept>
#include <string>
#include <string_view>

namespace secnlp {

enum class ErrorCode {
  kInvalidArgument,  // a caller passed a value outside the documented range
  kConfig,           // a pipeline/job/config file is wrong (unknown stage, bad regex rule, ...)
  kIo,               // a file could not be opened, read or written
  kParse,            // input is malformed beyond repair (bad magic, truncated container, ...)
  kEncoding,         // text could not be decoded (used only where replacement is not allowed)
  kDatabase,         // SQLite reported an error, or the schema is from a newer version
  kResource,         // a dictionary/lexicon/model resource is missing or corrupt
  kLimit,            // input exceeds a configured limit (size, depth, count)
  kUnsupported,      // a valid request this build cannot serve
  kInternal,         // a bug: an invariant did not hold
};

// Short stable name of a code, e.g. "io" or "config"; stored in the errors table.
std::string_view error_code_name(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string path = {});

  ErrorCode code() const noexcept { return code_; }
  // The file or resource the error concerns; empty when there is none.
  const std::string& path() const noexcept { return path_; }
  // The message without the path prefix.
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string path_;
};

}  // namespace secnlp
