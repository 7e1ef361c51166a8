#include "pipeline/store/location.h"

#include <re2/re2.h>

namespace secnlp::store {

bool is_postgres_url(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string display_location(std::string_view location) {
  if (!is_postgres_url(location)) return std::string(location);
  // scheme://user:password@host... -> scheme://user:***@host...; a password=... parameter too.
  std::string out(location);
  static const RE2 kUserinfo(R"(^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@)");
  RE2::Replace(&out, kUserinfo, R"(\1:***@)");
  static const RE2 kParameter(R"((?i)([?&]password=)[^&]*)");
  RE2::GlobalReplace(&out, kParameter, R"(\1***)");
  return out;
}

}  // namespace secnlp::store
