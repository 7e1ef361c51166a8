// secnlp._core: the pybind11 skin of the Python package. Every number comes from the library
// functions the CLI calls (the pipeline's stages, pipeline/store/queries, the similarity
// queries, the runner); this file only converts arguments and results. The GIL is released
// while those functions run. python/secnlp/*.py turn the plain results into pandas/scipy.
#include <dlfcn.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "common/error.h"
#include "common/log.h"
#include "common/utf8.h"
#include "nlp/filters/lemmatizer.h"
#include "nlp/filters/stemmer.h"
#include "nlp/sec/section_map.h"
#include "pipeline/config.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/document.h"
#include "pipeline/jobs/run_lock.h"
#include "pipeline/resources.h"
#include "pipeline/runner.h"
#include "pipeline/similarity/nearest_filings.h"
#include "pipeline/similarity/similarity_series.h"
#include "pipeline/stage.h"
#include "pipeline/store/queries.h"
#include "tools/commands/model_commands.h"

namespace py = pybind11;
using namespace secnlp;

namespace {

// ---- conversions ----------------------------------------------------------------------------

// A result table as {"columns": [...], "data": [column values ...]} (None for NULL).
py::dict table_to_py(const pipeline::ResultTable& table) {
  py::list columns;
  py::list data;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    columns.append(table.columns[c]);
    py::list values(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const pipeline::Cell& cell = table.rows[r][c];
      py::object v;
      if (std::holds_alternative<std::int64_t>(cell)) {
        v = py::int_(std::get<std::int64_t>(cell));
      } else if (std::holds_alternative<double>(cell)) {
        v = py::float_(std::get<double>(cell));
      } else if (std::holds_alternative<std::string>(cell)) {
        v = py::str(std::get<std::string>(cell));
      } else {
        v = py::none();
      }
      values[r] = std::move(v);
    }
    data.append(std::move(values));
  }
  py::dict out;
  out["columns"] = std::move(columns);
  out["data"] = std::move(data);
  return out;
}

// The CLI's --cik/--ticker/--form/--year/--path/--as-of as keyword arguments.
store::DocumentFilter to_filter(const py::dict& f) {
  store::DocumentFilter filter;
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (!f.contains(key) || f[key].is_none()) return std::nullopt;
    return py::str(f[key]).cast<std::string>();
  };
  filter.cik = text("cik");
  filter.ticker = text("ticker");
  filter.form = text("form");
  if (f.contains("year") && !f["year"].is_none()) filter.year = f["year"].cast<int>();
  filter.path_contains = text("path");
  filter.as_of = text("as_of");
  return filter;
}

// Stage options from a Python dict: bool, int, float, str or a list of str.
std::map<std::string, pipeline::ConfigValue> to_options(const py::dict& d) {
  std::map<std::string, pipeline::ConfigValue> out;
  for (const auto& [k, v] : d) {
    const std::string key = py::str(k).cast<std::string>();
    if (py::isinstance<py::bool_>(v)) {
      out[key] = v.cast<bool>();
    } else if (py::isinstance<py::int_>(v)) {
      out[key] = v.cast<std::int64_t>();
    } else if (py::isinstance<py::float_>(v)) {
      out[key] = v.cast<double>();
    } else if (py::isinstance<py::str>(v)) {
      out[key] = v.cast<std::string>();
    } else {
      out[key] = v.cast<std::vector<std::string>>();
    }
  }
  return out;
}

// Byte offsets of UTF-8 `text` -> code point offsets (what Python's str indexes). `bytes` must
// be sorted ascending for the single pass; callers sort or pass monotone lists.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {}
  std::size_t at(std::size_t byte) {
    if (byte < byte_) {
      byte_ = 0;
      cp_ = 0;
    }
    while (byte_ < byte && byte_ < text_.size()) {
      char32_t c;
      byte_ += decode_utf8(text_, byte_, c);
      ++cp_;
    }
    return cp_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t cp_ = 0;
};

// ---- resources and stages -------------------------------------------------------------------

// One Resources per lexicon path, kept for the process: WordNet, CMUdict and the lexicon are
// loaded once, as in one CLI run.
pipeline::Resources& shared_resources(const std::string& lexicon) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<pipeline::Resources>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[lexicon];
  if (!slot) {
    pipeline::ResourcePaths paths;
    if (!lexicon.empty()) paths.lexicon = lexicon;
    slot = std::make_unique<pipeline::Resources>(paths);
  }
  return *slot;
}

struct StageRequest {
  std::string name;
  std::map<std::string, pipeline::ConfigValue> options;
};

// Runs the named built-in stages, in the order given, on one in-memory document: the same
// Stage objects `secnlp process` builds from a pipeline file.
py::dict run_stages(const std::string& input, const std::vector<py::tuple>& stage_list,
                    const std::map<std::string, std::string>& metadata, bool raw,
                    const std::string& lexicon) {
  std::vector<StageRequest> requests;
  for (const auto& t : stage_list)
    requests.push_back({t[0].cast<std::string>(), to_options(t[1].cast<py::dict>())});
  pipeline::Document doc;
  {
    py::gil_scoped_release release;
    const pipeline::StageRegistry registry = pipeline::builtin_stages();
    pipeline::Resources& resources = shared_resources(lexicon);
    doc.path = "<python>";
    doc.metadata = metadata;
    doc.size = input.size();
    if (raw) {
      doc.raw = input;
    } else {
      doc.text = input;
    }
    for (const auto& r : requests) {
      const pipeline::StageInfo* info = registry.find(r.name);
      if (!info) throw Error(ErrorCode::kInvalidArgument, "unknown stage '" + r.name + "'");
      const pipeline::StageOptions options(r.name, r.options);
      std::unique_ptr<pipeline::Stage> stage = info->factory(options, resources);
      options.reject_unknown();
      stage->run(doc);
    }
  }
  py::dict out;
  out["text"] = py::str(doc.text);
  CodePoints cp(doc.text);
  py::list sentences;
  for (const auto& s : doc.sentences) {
    const std::size_t b = cp.at(s.begin), e = cp.at(s.end);
    sentences.append(py::make_tuple(b, e));
  }
  out["sentences"] = std::move(sentences);
  py::list tokens;
  std::size_t begin = 0;
  for (const std::uint32_t end : doc.tokens.sentence_end) {
    py::list sentence;
    for (std::size_t i = begin; i < end; ++i)
      sentence.append(py::str(doc.tokens.items[i]));
    tokens.append(std::move(sentence));
    begin = end;
  }
  out["tokens"] = std::move(tokens);
  out["terms"] = doc.terms.items;
  // Sections in text order, so one forward pass converts their offsets.
  std::vector<const pipeline::Section*> sorted;
  for (const auto& s : doc.sections)
    sorted.push_back(&s);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](auto* a, auto* b) { return a->span.begin < b->span.begin; });
  py::list sections;
  for (const pipeline::Section* s : sorted) {
    py::dict d;
    d["section"] = s->item;
    d["title"] = s->title;
    // The names and units of `secnlp sections` and Database.sections(): bytes, code points.
    d["begin"] = s->span.begin;
    d["end"] = s->span.end;
    d["begin_char"] = cp.at(s->span.begin);
    d["end_char"] = cp.at(s->span.end);
    d["confidence"] = s->confidence;
    d["flags"] = nlp::sec::section_flag_names(s->flags);
    d["method"] = s->method;
    d["heading"] = s->heading;
    d["refers_to"] = s->refers_to;
    sections.append(std::move(d));
  }
  out["sections"] = std::move(sections);
  py::dict metrics;
  for (const auto& [scope, values] : doc.metrics) {
    py::dict m;
    for (const auto& [name, value] : values)
      m[py::str(name)] = value;
    metrics[py::str(scope)] = std::move(m);
  }
  out["metrics"] = std::move(metrics);
  py::dict counts;
  for (const auto& [scope, values] : doc.counts) {
    py::dict m;
    for (const auto& [term, n] : values)
      m[py::str(term)] = n;
    counts[py::str(scope)] = std::move(m);
  }
  out["counts"] = std::move(counts);
  out["metadata"] = doc.metadata;
  out["source_type"] = doc.source_type;
  out["encoding"] = doc.encoding;
  out["warnings"] = doc.warnings;
  return out;
}

std::vector<std::string> stem(const std::vector<std::string>& words, const std::string& algorithm) {
  const nlp::Stemmer stemmer(algorithm);
  std::vector<std::string> out(words.size());
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < words.size(); ++i)
    stemmer.stem(words[i], out[i]);
  return out;
}

std::vector<std::string> lemmatize(const std::vector<std::string>& words, const std::string& pos) {
  const auto part = nlp::parse_part_of_speech(pos);
  if (!part)
    throw Error(ErrorCode::kInvalidArgument,
                "pos must be n, v, a or r (WordNet's parts of speech), not '" + pos + "'");
  std::vector<std::string> out(words.size());
  py::gil_scoped_release release;
  static std::mutex mutex;
  static std::unique_ptr<nlp::WordNetLemmatizer> lemmatizer;
  {
    std::lock_guard lock(mutex);
    if (!lemmatizer)
      lemmatizer = std::make_unique<nlp::WordNetLemmatizer>(shared_resources("").wordnet());
  }
  for (std::size_t i = 0; i < words.size(); ++i)
    lemmatizer->lemmatize_into(words[i], *part, out[i]);
  return out;
}

// ---- queries --------------------------------------------------------------------------------

// Like `secnlp terms`: sklearn's min_df/max_df (int = documents, float = proportion),
// max_features, binary, norm, use_idf, smooth_idf, sublinear_tf, weighting.
store::TermsQuery terms_query(const std::string& db, const py::dict& filter,
                              const std::string& section, const py::dict& o) {
  store::TermsQuery q;
  q.db = db;
  q.filter = to_filter(filter);
  q.scope = section;
  auto bound = [](const py::handle& v) {
    if (py::isinstance<py::float_>(v))
      return nlp::DocumentFrequencyBound::proportion(v.cast<double>());
    const long long n = v.cast<long long>();
    if (n < 0) throw Error(ErrorCode::kInvalidArgument, "min_df/max_df must be >= 0");
    return nlp::DocumentFrequencyBound::documents(static_cast<std::size_t>(n));
  };
  if (o.contains("min_df")) q.vocabulary.min_df = bound(o["min_df"]);
  if (o.contains("max_df")) q.vocabulary.max_df = bound(o["max_df"]);
  if (o.contains("max_features") && !o["max_features"].is_none())
    q.vocabulary.max_features = o["max_features"].cast<std::size_t>();
  if (o.contains("binary")) q.vocabulary.binary = o["binary"].cast<bool>();
  const std::string norm_name =
      o.contains("norm") && !o["norm"].is_none() ? o["norm"].cast<std::string>() : "l2";
  if (norm_name != "l1" && norm_name != "l2" && norm_name != "none")
    throw Error(ErrorCode::kInvalidArgument, "norm must be 'l1', 'l2' or None");
  const nlp::Norm norm = norm_name == "l1"     ? nlp::Norm::kL1
                         : norm_name == "none" ? nlp::Norm::kNone
                                               : nlp::Norm::kL2;
  const bool use_idf = !o.contains("use_idf") || o["use_idf"].cast<bool>();
  const std::string weighting =
      o.contains("weighting") ? o["weighting"].cast<std::string>() : "sklearn";
  const bool sublinear = o.contains("sublinear_tf") && o["sublinear_tf"].cast<bool>();
  if (weighting == "lognorm") {
    q.tfidf = nlp::TfidfOptions::log_normalized(o.contains("norm") ? norm : nlp::Norm::kNone);
    q.tfidf.sublinear_tf = sublinear;
    q.tfidf.use_idf = use_idf;
  } else if (weighting == "sklearn") {
    q.tfidf.norm = norm;
    q.tfidf.use_idf = use_idf;
    q.tfidf.smooth_idf = !o.contains("smooth_idf") || o["smooth_idf"].cast<bool>();
    q.tfidf.sublinear_tf = sublinear;
  } else {
    throw Error(ErrorCode::kInvalidArgument, "weighting must be sklearn or lognorm");
  }
  nlp::check_tfidf_options(q.tfidf);
  if (o.contains("top")) q.top = o["top"].cast<std::size_t>();
  const std::string by = o.contains("by") ? o["by"].cast<std::string>() : "count";
  if (by != "count" && by != "df" && by != "tfidf")
    throw Error(ErrorCode::kInvalidArgument, "by must be count, df or tfidf");
  q.order = by == "df"      ? store::TermOrder::kDocumentFrequency
            : by == "tfidf" ? store::TermOrder::kTfidf
                            : store::TermOrder::kCount;
  return q;
}

template <typename T>
py::array_t<T> to_array(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

// Runs `f` without the GIL and converts its table.
template <typename F>
py::dict query(F&& f) {
  pipeline::ResultTable table;
  {
    py::gil_scoped_release release;
    table = f();
  }
  return table_to_py(table);
}

// The model commands' library (libsecnlp_models_cli.so, which links libtorch), loaded on first
// use exactly as `secnlp` loads it: RTLD_LOCAL, one exported table, version checked.
const tools::ModelCommands& model_library(const std::string& path) {
  static std::mutex mutex;
  static const tools::ModelCommands* table = nullptr;
  std::lock_guard lock(mutex);
  if (table) return *table;
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    throw Error(ErrorCode::kResource,
                std::string("cannot load the model commands' library: ") + dlerror(), path);
  using Entry = const tools::ModelCommands* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, tools::kModelCommandsSymbol));
  const tools::ModelCommands* t = entry ? entry() : nullptr;
  if (!t || t->version != tools::kModelCommandsVersion)
    throw Error(ErrorCode::kResource, "not the model commands library of this secnlp build", path);
  table = t;
  return *table;
}

// `secnlp predict --model DIR --text ... --format json`, in this process: the library prints
// its table on std::cout (libstdc++'s one object, shared with this module), which is captured.
std::string predict_json(const std::string& library, const std::string& model,
                         const std::vector<std::string>& texts, const std::string& device) {
  py::gil_scoped_release release;
  const tools::ModelCommands& table = model_library(library);
  tools::PredictCommand command;
  command.model = model;
  command.texts = texts;
  command.score.device = device;
  command.format = "json";
  std::ostringstream captured;
  static std::mutex cout_mutex;
  std::lock_guard lock(cout_mutex);
  std::streambuf* previous = std::cout.rdbuf(captured.rdbuf());
  tools::ModelCallResult result;
  try {
    result = table.predict(command);
  } catch (...) {
    std::cout.rdbuf(previous);
    throw;
  }
  std::cout.rdbuf(previous);
  if (result.failed) throw Error(result.code, result.message, result.path);
  return captured.str();
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "secnlp's C++ core (use the secnlp package, not this module)";
  py::register_exception<Error>(m, "Error", PyExc_ValueError);

  m.def("run_stages", &run_stages, py::arg("input"), py::arg("stages"),
        py::arg("metadata") = std::map<std::string, std::string>{}, py::arg("raw") = false,
        py::arg("lexicon") = std::string());
  m.def("predict_json", &predict_json, py::arg("library"), py::arg("model"), py::arg("texts"),
        py::arg("device") = "auto");
  m.def("set_log_level", [](const std::string& level) {
    if (level == "error") {
      set_log_level(LogLevel::kError);
    } else if (level == "warn") {
      set_log_level(LogLevel::kWarn);
    } else if (level == "info") {
      set_log_level(LogLevel::kInfo);
    } else if (level == "debug") {
      set_log_level(LogLevel::kDebug);
    } else {
      throw Error(ErrorCode::kInvalidArgument, "level must be error, warn, info or debug");
    }
  });
  m.def("default_stages", [] { return pipeline::default_pipeline_config().stages; });
  m.def("stem", &stem, py::arg("words"), py::arg("algorithm") = "porter2");
  m.def("lemmatize", &lemmatize, py::arg("words"), py::arg("pos") = "n");

  m.def("metrics", [](const std::string& db, const py::dict& filter, const std::string& section,
                      const std::vector<std::string>& names) {
    store::MetricsQuery q{db, to_filter(filter), section, names};
    return query([&] { return store::query_metrics(q); });
  });
  m.def("sections", [](const std::string& db, const py::dict& filter,
                       const std::vector<std::string>& items, bool text) {
    store::SectionsQuery q{db, to_filter(filter), items, text};
    return query([&] { return store::query_sections(q); });
  });
  m.def("exhibits", [](const std::string& db, const py::dict& filter,
                       const std::vector<std::string>& types, bool text) {
    store::ExhibitsQuery q{db, to_filter(filter), types, text};
    return query([&] { return store::query_exhibits(q); });
  });
  m.def("terms", [](const std::string& db, const py::dict& filter, const std::string& section,
                    const py::dict& options) {
    const store::TermsQuery q = terms_query(db, filter, section, options);
    return query([&] { return store::query_terms(q); });
  });
  m.def("dtm", [](const std::string& db, const py::dict& filter, const std::string& section,
                  const py::dict& options, bool weighted) {
    const store::TermsQuery q = terms_query(db, filter, section, options);
    store::DocumentTermMatrix dtm;
    {
      py::gil_scoped_release release;
      dtm = store::query_dtm(q, weighted);
    }
    py::dict out;
    out["vocabulary"] = dtm.vocabulary;
    out["df"] = to_array(dtm.df);
    out["count"] = to_array(dtm.count);
    out["idf"] = to_array(dtm.idf);
    out["indptr"] = to_array(dtm.indptr);
    out["indices"] = to_array(dtm.indices);
    out["data"] = to_array(dtm.data);
    out["rows"] = table_to_py(dtm.rows);
    return out;
  });
  m.def("similarity",
        [](const std::string& db, const py::dict& filter, bool all, const std::string& section,
           const std::vector<std::string>& measures, const std::string& idf) {
          similarity::SeriesQuery q;
          q.db = db;
          q.filter = to_filter(filter);
          q.all = all;
          q.scope = section;
          q.measures = measures;
          if (idf != "corpus" && idf != "company")
            throw Error(ErrorCode::kInvalidArgument, "idf must be corpus or company");
          q.idf = idf == "company" ? similarity::IdfScope::kCompany : similarity::IdfScope::kCorpus;
          return query([&] { return similarity::similarity_series(q); });
        });
  m.def("similar", [](const std::string& db, const std::string& to, const std::string& section,
                      std::size_t top, const std::string& as_of) {
    similarity::NearestQuery q{db, to, section, top, as_of};
    return query([&] { return similarity::nearest_filings(q); });
  });
  m.def("export_table", [](const std::string& db, const std::string& what, const py::dict& filter) {
    const store::ExportWhat w = what == "similarity" ? store::ExportWhat::kSimilarity
                                : what == "metrics"  ? store::ExportWhat::kMetrics
                                : what == "sections"
                                    ? store::ExportWhat::kSections
                                    : throw Error(ErrorCode::kInvalidArgument,
                                                  "what must be similarity, metrics or sections");
    const store::DocumentFilter f = to_filter(filter);
    return query([&] { return store::export_table(db, w, f); });
  });
  m.def(
      "process",
      [](const std::vector<std::string>& paths, const std::string& db, int threads,
         const std::string& pipeline_file, const std::string& lexicon, bool force, bool store_text,
         const std::string& metadata, std::function<void(std::uint64_t, std::uint64_t)> on_document,
         const std::string& shard, const std::string& run_key) {
        pipeline::ProcessOptions o;
        for (const auto& p : paths)
          o.inputs.emplace_back(p);
        o.db = db;
        o.threads = threads;
        if (!pipeline_file.empty()) o.pipeline_file = pipeline_file;
        if (!lexicon.empty()) o.resources.lexicon = lexicon;
        if (!metadata.empty()) o.metadata_file = metadata;
        o.force = force;
        o.store_text = store_text;
        if (!shard.empty()) o.shard = distributed::parse_shard(shard);
        o.progress = on_document ? pipeline::ProgressMode::kOff : pipeline::ProgressMode::kAuto;
        if (on_document) {
          o.on_document = [on_document](std::uint64_t done, std::uint64_t total) {
            py::gil_scoped_acquire acquire;
            on_document(done, total);
          };
        }
        pipeline::ProcessSummary s;
        {
          py::gil_scoped_release release;
          // The run lock, as `secnlp process` takes it; the tasks of one Dask run (or array
          // job) name one run_key and share it on PostgreSQL (docs/scaling.md).
          const jobs::RunLock lock(o.db, run_key);
          s = pipeline::process_documents(o);
        }
        py::dict out;
        out["run"] = s.run_id;
        out["documents"] = s.counts.total;
        out["processed"] = s.counts.processed;
        out["skipped"] = s.counts.skipped;
        out["linked"] = s.counts.linked;
        out["failed"] = s.counts.failed;
        out["bytes"] = s.counts.bytes;
        out["seconds"] = s.seconds;
        out["stages"] = s.stages;
        out["lexicon"] = s.lexicon;
        py::list failures;
        for (const auto& f : s.failures)
          failures.append(py::make_tuple(f.path, f.code, f.message));
        out["failures"] = std::move(failures);
        return out;
      },
      py::arg("paths"), py::arg("db"), py::arg("threads") = 0, py::arg("pipeline") = "",
      py::arg("lexicon") = "", py::arg("force") = false, py::arg("store_text") = true,
      py::arg("metadata") = "", py::arg("on_document") = nullptr, py::arg("shard") = "",
      py::arg("run_key") = "");
}
