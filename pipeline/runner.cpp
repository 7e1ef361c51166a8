#include "pipeline/runner.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/log.h"
#include "corpora/edgar/filing_metadata.h"
#include "corpora/inputs/input_files.h"
#include "pipeline/pipeline.h"
#include "pipeline/store/dead_runs.h"

namespace secnlp::pipeline {
namespace {

// Keeps the first failures in the summary; the database has all of them.
constexpr std::size_t kMaxFailuresInSummary = 50;

struct WorkItem {
  Document doc;
  std::optional<Error> error;
  bool skipped = false;
};

std::string read_whole_file(const std::filesystem::path& path, std::uint64_t max_bytes,
                            std::uint64_t& size_out) {
  std::error_code ec;
  // "no such file", "symlink loop", "dangling symlink (to X)", "not a regular file: FIFO", ...
  if (auto why = why_not_regular_file(path); !why.empty())
    throw Error(ErrorCode::kIo, std::move(why), path.string());
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot determine size: " + ec.message(), path.string());
  size_out = size;
  if (size > max_bytes) {
    throw Error(
        ErrorCode::kLimit,
        fmt::format("file is {} bytes, above the limit of {} (--max-bytes)", size, max_bytes),
        path.string());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, "cannot open for reading", path.string());
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(ErrorCode::kIo, "read error", path.string());
  if (bytes.empty()) throw Error(ErrorCode::kParse, "empty file", path.string());
  return bytes;
}

PipelineConfig config_for(const ProcessOptions& options) {
  return options.pipeline_file ? load_pipeline_config(*options.pipeline_file)
                               : default_pipeline_config();
}

// Metadata files found beside the inputs (edgar-crawler's FILINGS_METADATA.csv), by folder.
using FolderMetadata = std::map<std::filesystem::path, corpora::DirectoryMetadata>;

FolderMetadata read_folder_metadata(const std::vector<std::filesystem::path>& paths) {
  FolderMetadata out;
  for (const auto& p : paths) {
    const auto folder = p.parent_path();
    if (out.count(folder)) continue;
    auto& entry = out[folder];
    const auto csv = folder / "FILINGS_METADATA.csv";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(csv, ec)) continue;
    try {
      entry = corpora::read_filings_metadata_csv(csv);
      log_debug("{}: metadata for {} filings", csv.string(), entry.by_file.size());
    } catch (const Error& e) {
      log_warn("{} (file-name metadata used instead)", e.what());
    }
  }
  return out;
}

// Reads `doc.path` into doc.raw (with size and hash) and attaches what the file name, the folder
// layout and the folder's metadata file say, later sources overriding earlier ones. The
// submission stage then overrides them with the filing's own header or dei facts.
void load_document(Document& doc, std::uint64_t max_bytes, const FolderMetadata& folders) {
  doc.raw = read_whole_file(doc.path, max_bytes, doc.size);
  doc.content_hash = hex_digest(doc.raw);
  const std::filesystem::path path(doc.path);
  doc.metadata = corpora::metadata_from_filename(path);
  for (auto& [k, v] : corpora::metadata_from_layout(path))
    doc.metadata[k] = std::move(v);
  if (auto folder = folders.find(path.parent_path()); folder != folders.end()) {
    auto file = folder->second.by_file.find(path.filename().string());
    if (file != folder->second.by_file.end()) {
      for (const auto& [k, v] : file->second)
        if (!v.empty()) doc.metadata[k] = v;
    }
  }
}

}  // namespace

Document process_one(const std::filesystem::path& path, const ProcessOptions& options) {
  Resources resources(options.resources);
  const Pipeline pipeline = Pipeline::build(config_for(options), builtin_stages(), resources);
  Document doc;
  doc.path = path.string();
  load_document(doc, options.max_document_bytes, read_folder_metadata({path}));
  pipeline.run(doc);
  return doc;
}

std::vector<std::string> validate_pipeline(const ProcessOptions& options) {
  Resources resources(options.resources);
  return Pipeline::build(config_for(options), builtin_stages(), resources).stage_names();
}

ProcessSummary process_documents(const ProcessOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Resources resources(options.resources);
  const StageRegistry registry = builtin_stages();
  const Pipeline pipeline = Pipeline::build(config_for(options), registry, resources);
  const std::string& config_hash = pipeline.config_hash();

  const auto paths = corpora::discover_inputs(options.inputs);
  if (paths.empty()) throw Error(ErrorCode::kInvalidArgument, "no input documents found");
  std::uint64_t total_bytes = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    if (!ec) total_bytes += n;
  }

  const FolderMetadata folders = read_folder_metadata(paths);
  store::DocumentStore store(options.db);
  const auto states = store.document_states();
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  ProcessSummary summary;
  summary.config_hash = config_hash;
  summary.stages = pipeline.stage_names();
  const auto& stage_list = summary.stages;
  // Only ask for the lexicon when a stage uses it: asking loads the file.
  summary.lexicon =
      std::find(stage_list.begin(), stage_list.end(), "lexicon") != stage_list.end() &&
      resources.lexicon() != nullptr;
  store::mark_dead_runs(store.connection(), "process", "killed");  // callers hold the run lock
  summary.run_id = store.begin_run("process", config_hash, pipeline.config().canonical(), threads);
  summary.counts.total = paths.size();
  log_info("processing {} documents ({:.1f} MB) with {} threads into {}", paths.size(),
           static_cast<double>(total_bytes) / 1e6, threads, options.db.string());

  Progress progress(paths.size(), total_bytes, options.progress);
  std::size_t next = 0;
  try {
    tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
    tbb::parallel_pipeline(
        static_cast<std::size_t>(threads) * 2,
        tbb::make_filter<void, std::shared_ptr<WorkItem>>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& flow) -> std::shared_ptr<WorkItem> {
              if (next >= paths.size()) {
                flow.stop();
                return nullptr;
              }
              auto item = std::make_shared<WorkItem>();
              item->doc.path = paths[next++].string();
              return item;
            }) &
            tbb::make_filter<std::shared_ptr<WorkItem>, std::shared_ptr<WorkItem>>(
                tbb::filter_mode::parallel,
                [&](std::shared_ptr<WorkItem> item) {
                  Document& doc = item->doc;
                  try {
                    load_document(doc, options.max_document_bytes, folders);
                    if (!options.force) {
                      auto it = states.find(doc.path);
                      if (it != states.end() && it->second.status == "ok" &&
                          it->second.content_hash == doc.content_hash &&
                          it->second.config_hash == config_hash) {
                        item->skipped = true;
                        doc.raw.clear();
                        return item;
                      }
                    }
                    pipeline.run(doc);
                  } catch (const Error& e) {
                    item->error = e;
                  } catch (const std::bad_alloc&) {
                    item->error = Error(ErrorCode::kLimit, "out of memory", doc.path);
                  } catch (const std::exception& e) {
                    item->error = Error(ErrorCode::kInternal, e.what(), doc.path);
                  }
                  doc.raw.clear();
                  doc.raw.shrink_to_fit();
                  return item;
                }) &
            tbb::make_filter<std::shared_ptr<WorkItem>, void>(
                tbb::filter_mode::serial_in_order, [&](std::shared_ptr<WorkItem> item) {
                  Document& doc = item->doc;
                  summary.counts.bytes += doc.size;
                  if (item->skipped) {
                    ++summary.counts.skipped;
                  } else if (!item->error) {
                    try {
                      store.write_document(doc, summary.run_id, config_hash, options.store_text);
                      ++summary.counts.processed;
                    } catch (const Error& e) {
                      if (e.code() != ErrorCode::kDatabase) throw;
                      item->error = Error(e.code(), e.message(), doc.path);
                    }
                  }
                  if (item->error) {
                    ++summary.counts.failed;
                    log_warn("{}", item->error->what());
                    store.write_error(doc, summary.run_id, config_hash, *item->error);
                    if (summary.failures.size() < kMaxFailuresInSummary) {
                      summary.failures.push_back({doc.path,
                                                  std::string(error_code_name(item->error->code())),
                                                  item->error->message()});
                    }
                  }
                  progress.advance(doc.size, item->error.has_value());
                }));
  } catch (...) {
    progress.finish();
    try {
      store.finish_run(summary.run_id, summary.counts, "failed");
    } catch (...) {
    }
    throw;
  }
  progress.finish();
  store.finish_run(summary.run_id, summary.counts, summary.counts.failed ? "partial" : "ok");
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace secnlp::pipeline
