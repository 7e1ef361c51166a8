#include "common/error.h"

#include "common/escape.h"

namespace secnlp {
namespace {

std::string compose(std::string_view path, std::string_view message) {
  if (path.empty()) return std::string(message);
  // Paths come from users and servers: a newline or escape sequence in one is shown, not obeyed.
  std::string out = escape_control(path);
  out += ": ";
  out += message;
  return out;
}

}  // namespace

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kConfig:
      return "config";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kParse:
      return "parse";
    case ErrorCode::kEncoding:
      return "encoding";
    case ErrorCode::kDatabase:
      return "database";
    case ErrorCode::kResource:
      return "resource";
    case ErrorCode::kLimit:
      return "limit";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "unknown";
}

Error::Error(ErrorCode code, std::string message, std::string path)
    : std::runtime_error(compose(path, message)),
      code_(code),
      message_(std::move(message)),
      path_(std::move(path)) {}

}  // namespace secnlp
