// `secnlp fetch --user-agent "Name email" --ticker AAPL --form 10-K --from 2019-01-01 --out DIR`
// (or `--fiscal-years 2021-2023`, `--what both`): download EDGAR full submissions and/or
// primary documents (rate-limited to the SEC's 10 requests per second, retried, written
// atomically, already-present files skipped) and record them in the database.
#include <iostream>

#include <fmt/format.h>

#include "pipeline/fetching.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_fetch_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<pipeline::FetchOptions>();
  auto db = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto what = std::make_shared<std::string>("submission");
  auto fiscal_years = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "fetch",
      "Download filings from EDGAR (full submissions and/or primary documents) into a "
      "sec-edgar-downloader layout");
  auto& r = o->request;
  r.out = "edgar";
  cmd->add_option("--user-agent", o->user_agent,
                  "Required by the SEC: your name and email, e.g. \"Jo Analyst jo@example.com\"")
      ->required();
  cmd->add_option("--ticker", r.tickers, "Tickers (repeatable)");
  cmd->add_option("--cik", r.ciks, "CIKs (repeatable)");
  cmd->add_option("--form", r.forms, "Form types (repeatable; default 10-K)");
  cmd->add_flag("--all-companies", r.all_companies,
                "Every company's filings of the forms in the quarters of --from..--to "
                "(the full index); --limit is then a total");
  cmd->add_flag("--amendments", r.include_amendments, "Include amendments (10-K/A ...)");
  cmd->add_option("--from", r.date_from, "First filing date, YYYY-MM-DD");
  cmd->add_option("--to", r.date_to, "Last filing date, YYYY-MM-DD (default: today)");
  cmd->add_option("--fiscal-years", *fiscal_years,
                  "Fiscal years (the year of the period of report), e.g. 2021-2023 or "
                  "2019,2021; selects from each company's submissions JSON");
  cmd->add_option("--what", *what,
                  "submission (full-submission.txt), primary (primary-document.<ext>) or both")
      ->check(CLI::IsMember({"submission", "primary", "both"}))
      ->capture_default_str();
  cmd->add_option("--limit", r.limit, "At most this many filings per company (0: all)")
      ->capture_default_str();
  cmd->add_option("--out", r.out, "Download folder")->capture_default_str();
  cmd->add_option("--threads", r.threads, "Parallel downloads (the rate limit is shared)")
      ->check(thread_count_check())
      ->capture_default_str();
  cmd->add_option("--db", *db, "Record fetched filings in this results database");
  cmd->add_option("--base-url", r.base_url, "EDGAR server (tests use a local one)")
      ->capture_default_str();
  cmd->add_option("--data-base-url", r.data_base_url,
                  "Server of the submissions JSON (tests use a local one)")
      ->capture_default_str();
  add_format_option(*cmd, *format, "Summary format: table, csv or json");
  cmd->callback([o, db, format, what, fiscal_years, &exit_code] {
    if (!db->empty()) o->db = *db;
    o->request.what = corpora::parse_fetch_what(*what);
    if (!fiscal_years->empty())
      o->request.fiscal_years = corpora::parse_fiscal_years(*fiscal_years);
    if (o->request.tickers.empty() && o->request.ciks.empty() && !o->request.all_companies)
      throw Error(ErrorCode::kInvalidArgument,
                  "name companies with --ticker or --cik, or use --all-companies");
    const pipeline::FetchSummary s = pipeline::fetch_and_record(*o);
    pipeline::ResultTable t;
    t.columns = {"item", "value"};
    t.rows.push_back({std::string("selected"), std::to_string(s.selected)});
    // downloaded / already present count files: two per filing with --what both.
    t.rows.push_back({std::string("downloaded"), std::to_string(s.downloaded)});
    t.rows.push_back({std::string("already present"), std::to_string(s.skipped)});
    t.rows.push_back({std::string("failed"), std::to_string(s.failed.size())});
    t.rows.push_back({std::string("folder"), o->request.out.string()});
    print_table(std::cout, t, parse_output_format(*format));
    if (!s.failed.empty()) exit_code = 1;
  });
}

}  // namespace secnlp::tools
