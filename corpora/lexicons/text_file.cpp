#include "corpora/lexicons/text_file.h"

#include <fstream>
#include <sstream>
#include <string>

#include "common/error.h"

namespace secnlp::corpora::lexicons_detail {

std::string read_text_file(const std::filesystem::path& path, const char* what) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw Error(ErrorCode::kResource, std::string(what) + " not found", path.string());
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorCode::kResource, std::string(what) + " is a directory, expected a file",
                path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kResource, std::string("cannot open ") + what, path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad())
    throw Error(ErrorCode::kResource, std::string("cannot read ") + what, path.string());
  std::string text = std::move(ss).str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return text;
}

}  // namespace secnlp::corpora::lexicons_detail
