#include "pipeline/jobs/job_file.h"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/json.h"
#include "common/threads.h"
#include "pipeline/similarity/similarity_series.h"
#include "pipeline/store/location.h"

namespace secnlp::jobs {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFetchKeys[] = {
    "ticker",       "cik",  "forms",         "from",       "to",
    "limit",        "out",  "user_agent",    "amendments", "all_companies",
    "fiscal_years", "what", "data_base_url", "base_url"};

class Parser {
 public:
  Parser(fs::path base_dir, std::string origin)
      : base_dir_(std::move(base_dir)), origin_(std::move(origin)) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw Error(ErrorCode::kConfig, message, origin_);
  }

  const toml::table& table(const toml::node& node, const std::string& where) const {
    const toml::table* t = node.as_table();
    if (!t) fail(fmt::format("'{}' must be a table", where));
    return *t;
  }

  std::string string(const toml::node& node, const std::string& where) const {
    auto s = node.value_exact<std::string>();
    if (!s) fail(fmt::format("'{}' must be a string", where));
    return *s;
  }

  fs::path path(const toml::node& node, const std::string& where) const {
    const std::string text = string(node, where);
    if (text.empty()) fail(fmt::format("'{}' must not be empty", where));
    fs::path p(text);
    return (p.is_absolute() ? p : base_dir_ / p).lexically_normal();
  }

  // A string or a list of strings.
  std::vector<std::string> strings(const toml::node& node, const std::string& where) const {
    if (auto s = node.value_exact<std::string>()) return {*s};
    const toml::array* array = node.as_array();
    if (!array) fail(fmt::format("'{}' must be a string or a list of strings", where));
    std::vector<std::string> out;
    for (const toml::node& element : *array)
      out.push_back(string(element, where + "[]"));
    return out;
  }

  // Fetch fields are text for the fetch layer: strings, integers (cik, limit) or lists.
  std::vector<std::string> scalars(const toml::node& node, const std::string& where) const {
    if (auto i = node.value_exact<std::int64_t>()) return {std::to_string(*i)};
    if (const toml::array* array = node.as_array()) {
      std::vector<std::string> out;
      for (const toml::node& element : *array) {
        if (auto i = element.value_exact<std::int64_t>())
          out.push_back(std::to_string(*i));
        else
          out.push_back(string(element, where + "[]"));
      }
      return out;
    }
    return strings(node, where);
  }

  void parse_job(const toml::table& t, JobFile& job) const {
    for (const auto& [key, node] : t) {
      const std::string name(key.str());
      if (name == "name") {
        job.name = string(node, "job.name");
        if (job.name.empty()) fail("'job.name' must not be empty");
      } else if (name == "db") {
        // A postgresql:// URL is a database, not a path relative to the job file.
        const std::string db = string(node, "job.db");
        job.db = store::is_postgres_url(db) ? fs::path(db) : path(node, "job.db");
      } else if (name == "pipeline") {
        job.pipeline = path(node, "job.pipeline");
      } else if (name == "lexicon") {
        job.lexicon = path(node, "job.lexicon");
      } else if (name == "threads") {
        auto i = node.value_exact<std::int64_t>();
        if (!i || *i < 0 || *i > max_thread_count())
          fail(
              fmt::format("'job.threads' must be an integer from 0 to {} (16 x the cores, at "
                          "most 1024)",
                          max_thread_count()));
        job.threads = static_cast<int>(*i);
      } else {
        fail(fmt::format("unknown key 'job.{}' (known: name, db, pipeline, lexicon, threads)",
                         name));
      }
    }
  }

  JobSource parse_source(const toml::node& node, std::size_t index) const {
    const std::string where = fmt::format("source[{}]", index);
    const toml::table& t = table(node, where);
    JobSource source;
    for (const auto& [key, value] : t) {
      const std::string name(key.str());
      if (name == "path") {
        source.path = path(value, where + ".path");
      } else if (name == "fetch") {
        FetchSource fetch;
        for (const auto& [fkey, fvalue] : table(value, where + ".fetch")) {
          const std::string field(fkey.str());
          const std::string fwhere = where + ".fetch." + field;
          if (std::find(std::begin(kFetchKeys), std::end(kFetchKeys), field) ==
              std::end(kFetchKeys)) {
            fail(
                fmt::format("unknown key '{}' (known: ticker, cik, forms, from, to, limit, out, "
                            "user_agent)",
                            fwhere));
          }
          if (field == "out") {
            fetch.out_dir = path(fvalue, fwhere);
            fetch.fields[field] = {fetch.out_dir->string()};
          } else {
            fetch.fields[field] = scalars(fvalue, fwhere);
          }
        }
        source.fetch = std::move(fetch);
      } else {
        fail(fmt::format("unknown key '{}.{}' (known: path, fetch)", where, name));
      }
    }
    if (source.path.has_value() == source.fetch.has_value())
      fail(fmt::format("'{}' must have exactly one of 'path' or 'fetch'", where));
    return source;
  }

  void parse_followups(const toml::table& t, JobFile& job) const {
    for (const auto& [key, node] : t) {
      const std::string name(key.str());
      if (name == "similarity") {
        SimilarityFollowup s;
        for (const auto& [skey, svalue] : table(node, "followups.similarity")) {
          const std::string field(skey.str());
          const std::string where = "followups.similarity." + field;
          if (field == "sections") {
            s.sections = strings(svalue, where);
            if (s.sections.empty()) fail(fmt::format("'{}' must not be empty", where));
          } else if (field == "measures") {
            s.measures = strings(svalue, where);
            const auto& known = similarity::measure_names();
            for (const auto& m : s.measures) {
              if (std::find(known.begin(), known.end(), m) == known.end())
                fail(fmt::format("'{}': unknown measure '{}' (known: {})", where, m,
                                 fmt::join(known, ", ")));
            }
          } else {
            fail(fmt::format("unknown key '{}' (known: sections, measures)", where));
          }
        }
        job.similarity = std::move(s);
      } else if (name == "predict") {
        PredictFollowup p;
        bool has_model = false;
        for (const auto& [pkey, pvalue] : table(node, "followups.predict")) {
          const std::string field(pkey.str());
          if (field == "model") {
            p.model = path(pvalue, "followups.predict.model");
            has_model = true;
          } else if (field == "sections") {
            p.sections = strings(pvalue, "followups.predict.sections");
            if (p.sections.empty()) fail("'followups.predict.sections' must not be empty");
          } else {
            fail(fmt::format("unknown key 'followups.predict.{}' (known: model, sections)", field));
          }
        }
        if (!has_model) fail("'followups.predict' needs 'model'");
        job.predict = std::move(p);
      } else {
        fail(fmt::format("unknown key 'followups.{}' (known: similarity, predict)", name));
      }
    }
  }

  JobFile parse(std::string_view text) const {
    toml::table root;
    try {
      root = toml::parse(text, origin_);
    } catch (const toml::parse_error& e) {
      const auto& where = e.source().begin;
      fail(fmt::format("line {}, column {}: {}", where.line, where.column, e.description()));
    }
    JobFile job;
    for (const auto& [key, node] : root) {
      const std::string name(key.str());
      if (name == "job") {
        parse_job(table(node, "job"), job);
      } else if (name == "source") {
        const toml::array* array = node.as_array();
        if (!array) fail("'source' must be an array of tables ([[source]])");
        for (const toml::node& element : *array)
          job.sources.push_back(parse_source(element, job.sources.size()));
      } else if (name == "followups") {
        parse_followups(table(node, "followups"), job);
      } else {
        fail(fmt::format("unknown key '{}' (known: job, source, followups)", name));
      }
    }
    if (job.db.empty()) fail("'job.db' is required");
    if (job.sources.empty()) fail("a job needs at least one [[source]]");
    if (job.name.empty()) {
      job.name = fs::path(origin_).stem().string();
      if (job.name.empty()) job.name = "job";
    }
    return job;
  }

 private:
  fs::path base_dir_;
  std::string origin_;
};

}  // namespace

JobFile parse_job_file(std::string_view toml_text, const std::filesystem::path& base_dir,
                       const std::string& origin) {
  return Parser(base_dir, origin).parse(toml_text);
}

JobFile load_job_file(const std::filesystem::path& path) {
  const fs::path absolute = fs::absolute(path).lexically_normal();
  JobFile job = parse_job_file(read_file_bytes(absolute, ErrorCode::kIo, "job file"),
                               absolute.parent_path(), absolute.string());
  job.file = absolute;
  return job;
}

std::string job_json(const JobFile& job) {
  auto opt_path = [](const std::optional<fs::path>& p) {
    return p ? json_quote(p->string()) : std::string("null");
  };
  auto list = [](const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i)
      out += (i ? "," : "") + json_quote(v[i]);
    return out + "]";
  };
  std::string sources = "[";
  for (std::size_t i = 0; i < job.sources.size(); ++i) {
    const JobSource& s = job.sources[i];
    sources += i ? "," : "";
    if (s.path) {
      sources += "{\"path\":" + json_quote(s.path->string()) + "}";
    } else {
      std::string fields;
      for (const auto& [k, v] : s.fetch->fields)
        fields += (fields.empty() ? "" : ",") + json_quote(k) + ":" + list(v);
      sources += "{\"fetch\":{" + fields + "}}";
    }
  }
  sources += "]";
  std::string followups;
  if (job.similarity) {
    followups += "\"similarity\":{\"sections\":" + list(job.similarity->sections) +
                 ",\"measures\":" + list(job.similarity->measures) + "}";
  }
  if (job.predict) {
    followups += std::string(followups.empty() ? "" : ",") +
                 "\"predict\":{\"model\":" + json_quote(job.predict->model.string()) + "}";
  }
  return fmt::format(
      "{{\"name\":{},\"file\":{},\"db\":{},\"pipeline\":{},\"lexicon\":{},\"threads\":{},"
      "\"sources\":{},\"followups\":{{{}}}}}",
      json_quote(job.name), json_quote(job.file.string()),
      json_quote(store::display_location(job.db.string())), opt_path(job.pipeline),
      opt_path(job.lexicon), job.threads, sources, followups);
}

}  // namespace secnlp::jobs
