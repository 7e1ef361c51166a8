#pragma once
// A scheduled job: what `secnlp run JOB.toml` processes, into which database, and what it does
// afterwards. Example (every key but [job].db and one [[source]] is optional):
//
//   [job]
//   name = "nightly"              # default: the file name without extension
//   db = "secnlp.db"              # relative paths are resolved against the job file's folder
//   pipeline = "pipeline.toml"    # pipeline config; default pipeline when absent
//   lexicon = "lm/master.csv"     # Loughran-McDonald lexicon; no LM metrics when absent
//   threads = 4                   # 0 (default): all cores
//
//   [[source]]
//   path = "filings/10-K"         # a directory (recursive) or one file
//
//   [[source]]
//   fetch = { ticker = "AAPL", forms = ["10-K"], from = "2020-01-01", out = "edgar" }
//
//   [followups]
//   similarity = { sections = ["", "1A", "7"], measures = ["cosine_tf", "jaccard"] }
//   predict = { model = "models/risk" }
//
// Fetch keys: ticker, cik, forms, from, to, limit, out, user_agent. They are kept as text for
// the fetch layer (tickers/ciks/forms may be a string or a list); `out` is resolved like a path.
// similarity: sections default [""] (whole filing), measures default
// similarity::default_measures(); unknown measures are refused here. predict.model is parsed
// (resolved like a path) but not implemented: run_job refuses it with Error(kUnsupported).
// Any unknown table or key, or a value of the wrong type, is Error(kConfig) naming it and the
// file.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::jobs {

// A fetch selection, kept as text: key -> values (a scalar is a one-element list). `out` (the
// folder fetched files land in, resolved against the job file's folder) is also in `out_dir`.
struct FetchSource {
  std::map<std::string, std::vector<std::string>> fields;
  std::optional<std::filesystem::path> out_dir;
};

// One [[source]]: either a path or a fetch selection.
struct JobSource {
  std::optional<std::filesystem::path> path;  // absolute after loading
  std::optional<FetchSource> fetch;
};

struct SimilarityFollowup {
  std::vector<std::string> sections = {""};  // "" = whole filing
  std::vector<std::string> measures;         // empty: similarity::default_measures()
};

struct PredictFollowup {
  std::filesystem::path model;
  std::vector<std::string> sections{"1A"};  // items scored in each new filing
};

struct JobFile {
  std::filesystem::path file;  // the job file itself (absolute); empty for parsed strings
  std::string name;
  std::filesystem::path db;
  std::optional<std::filesystem::path> pipeline;
  std::optional<std::filesystem::path> lexicon;
  int threads = 0;
  std::vector<JobSource> sources;
  std::optional<SimilarityFollowup> similarity;
  std::optional<PredictFollowup> predict;
};

// Reads and validates a job file. Throws Error(kIo) when it cannot be read, Error(kConfig)
// (with the file) for TOML syntax errors, unknown keys, wrong types, a missing db or no source.
JobFile load_job_file(const std::filesystem::path& path);

// Parses job TOML text; relative paths are resolved against `base_dir`; `origin` names the
// text in errors and provides the default job name.
JobFile parse_job_file(std::string_view toml_text, const std::filesystem::path& base_dir,
                       const std::string& origin);

// A stable one-line JSON description of the job (stored with each run).
std::string job_json(const JobFile& job);

}  // namespace secnlp::jobs
