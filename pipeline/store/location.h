#pragma once
// Where a results database lives, as `--db` gives it: a SQLite file path or a PostgreSQL URL.
// Torch-, SQLite- and libpq-free, so that readers of job files (and their fuzzer) can tell the
// two apart and hide a URL's password without linking the store.

#include <string>
#include <string_view>

namespace secnlp::store {

// True when `location` names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgres_url(std::string_view location);
// `location` fit for logs, errors and runs.config: a URL's password is replaced by "***".
std::string display_location(std::string_view location);

}  // namespace secnlp::store
