#include "tools/commands/commands.h"

#include "common/error.h"
#include "common/threads.h"
#include "pipeline/distributed/shard.h"

namespace secnlp::tools {

void add_document_filter(CLI::App& command, store::DocumentFilter& filter) {
  command.add_option("--cik", filter.cik, "Only this company (CIK, leading zeros optional)");
  command.add_option("--ticker", filter.ticker, "Only this ticker");
  command.add_option("--form", filter.form, "Only this form type, e.g. 10-K");
  command.add_option("--year", filter.year, "Only this fiscal year");
  command.add_option("--path", filter.path_contains, "Only documents whose path contains this");
  command.add_option("--as-of", filter.as_of,
                     "Only filings available by this date (YYYY-MM-DD = end of that day, or "
                     "YYYY-MM-DDTHH:MM:SS US Eastern); undated filings are left out");
}

void add_format_option(CLI::App& command, std::string& format, const std::string& description) {
  command.add_option("--format", format, description)
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
}

CLI::Validator thread_count_check() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        long long n = 0;
        try {
          std::size_t used = 0;
          n = std::stoll(value, &used);
          if (used != value.size()) return "'" + value + "' is not a whole number";
        } catch (const std::exception&) {
          return "'" + value + "' is not a whole number in range";
        }
        try {
          check_thread_count(n, "--threads");
        } catch (const Error& e) {
          return e.message();
        }
        return {};
      },
      "0..MAX_THREADS");
}

// sklearn's convention: "2" is a number of documents, "0.5" a proportion.
nlp::DocumentFrequencyBound parse_df_bound(const std::string& text, const char* flag) {
  try {
    std::size_t used = 0;
    if (text.find_first_of(".eE") != std::string::npos) {
      const double p = std::stod(text, &used);
      if (used == text.size()) return nlp::DocumentFrequencyBound::proportion(p);
    } else {
      const long long n = std::stoll(text, &used);
      if (used == text.size() && n >= 0)
        return nlp::DocumentFrequencyBound::documents(static_cast<std::size_t>(n));
    }
  } catch (const std::exception&) {
  }
  throw Error(ErrorCode::kInvalidArgument,
              std::string(flag) + " must be a document count (e.g. 2) or a proportion (e.g. 0.5)");
}

CLI::Validator shard_check() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          distributed::parse_shard(value);
        } catch (const Error& e) {
          return e.message();
        }
        return {};
      },
      "K/N");
}

void add_db_option(CLI::App& command, std::string& db) {
  command.add_option("--db", db, "Results database")->capture_default_str();
}

}  // namespace secnlp::tools
