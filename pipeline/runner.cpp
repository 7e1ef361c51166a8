#include "pipeline/runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/log.h"
#include "corpora/edgar/filing_metadata.h"
#include "corpora/inputs/input_files.h"
#include "nlp/sec/section_map.h"
#include "pipeline/distributed/work_handout.h"
#include "pipeline/names.h"
#include "pipeline/pipeline.h"
#include "pipeline/store/dead_runs.h"
#include "pipeline/store/point_in_time.h"

namespace secnlp::pipeline {
namespace {

// Keeps the first failures in the summary; the database has all of them.
constexpr std::size_t kMaxFailuresInSummary = 50;

// Adds a stored document's flags and warnings to the run summary.
void note_result(const Document& doc, ProcessSummary& summary) {
  for (const auto& f : doc.flags) {
    if (f == kFlagUndated) summary.undated.push_back(doc.path);
    if (f == kFlagNearEmpty) summary.near_empty.push_back(doc.path);
    if (f == kFlagTruncated) summary.truncated.push_back(doc.path);
  }
  for (const auto& s : doc.sections) {
    if (s.flags == 0) continue;
    ++summary.flagged_sections;
    for (std::uint32_t bit = 1; bit != 0; bit <<= 1)
      if (s.flags & bit) ++summary.section_flags[nlp::sec::section_flag_names(bit)];
  }
  if (!doc.warnings.empty()) {
    ++summary.with_warnings;
    for (const auto& w : doc.warnings)
      log_warn("{}: {}", doc.path, w);
  }
}

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

// Metadata files found beside the inputs, by folder: edgar-crawler's FILINGS_METADATA.csv and
// the filing-metadata.json that `secnlp fetch` writes beside each filing.
struct FolderMetadata {
  corpora::DirectoryMetadata csv;
  std::map<std::string, std::string> fetched;
};

FolderMetadata read_folder_metadata(const std::filesystem::path& folder) {
  FolderMetadata entry;
  const auto csv = folder / "FILINGS_METADATA.csv";
  std::error_code ec;
  if (std::filesystem::is_regular_file(csv, ec)) {
    try {
      entry.csv = corpora::read_filings_metadata_csv(csv);
      log_debug("{}: metadata for {} filings", csv.string(), entry.csv.by_file.size());
    } catch (const Error& e) {
      log_warn("{} (file-name metadata used instead)", e.what());
    }
  }
  try {
    entry.fetched = corpora::read_fetch_metadata(folder / "filing-metadata.json");
  } catch (const Error& e) {
    log_warn("{} (ignored)", e.what());
  }
  return entry;
}

// Folder metadata read on first use of each folder (a rank under MPI learns its paths one at a
// time). Not thread-safe: the run's serial input stage calls it; the entries it returns stay
// valid and unchanged, so workers read them concurrently.
class FolderMetadataCache {
 public:
  std::shared_ptr<const FolderMetadata> get(const std::filesystem::path& path) {
    const auto folder = path.parent_path();
    auto it = folders_.find(folder);
    if (it == folders_.end())
      it =
          folders_
              .emplace(folder, std::make_shared<const FolderMetadata>(read_folder_metadata(folder)))
              .first;
    return it->second;
  }

 private:
  std::map<std::filesystem::path, std::shared_ptr<const FolderMetadata>> folders_;
};

struct WorkItem {
  Document doc;
  std::optional<Error> error;
  bool skipped = false;
  std::optional<std::int64_t> link_to;           // skipped as a copy of this stored document
  std::shared_ptr<const FolderMetadata> folder;  // metadata files beside it
};

// Reads `doc.path` into doc.raw (with size and hash) and attaches what the file name, the folder
// layout, the folder's metadata file and fetch's record of the filing say, later sources
// overriding earlier ones. The submission stage then overrides them with the filing's own
// header or dei facts, and a user's --metadata file overrides everything (apply_user_metadata).
void load_document(Document& doc, std::uint64_t max_bytes, const FolderMetadata* folder) {
  doc.raw = read_whole_file(doc.path, max_bytes, doc.size);
  doc.content_hash = hex_digest(doc.raw);
  const std::filesystem::path path(doc.path);
  doc.metadata = corpora::metadata_from_filename(path);
  for (auto& [k, v] : corpora::metadata_from_layout(path))
    doc.metadata[k] = std::move(v);
  if (folder != nullptr) {
    auto file = folder->csv.by_file.find(path.filename().string());
    if (file != folder->csv.by_file.end()) {
      for (const auto& [k, v] : file->second)
        if (!v.empty()) doc.metadata[k] = v;
    }
    for (const auto& [k, v] : folder->fetched)
      doc.metadata[k] = v;
  }
}

// The user's --metadata entries for a file, in the order they apply (file name, then
// accession, then path: the most specific wins).
std::vector<const std::map<std::string, std::string>*> user_entries(
    const Document& doc, const corpora::UserMetadata& user) {
  std::vector<const std::map<std::string, std::string>*> out;
  auto add = [&](const auto& table, const std::string& key) {
    if (auto it = table.find(key); it != table.end()) out.push_back(&it->second);
  };
  add(user.by_filename, std::filesystem::path(doc.path).filename().string());
  if (auto it = doc.metadata.find("accession"); it != doc.metadata.end())
    add(user.by_accession, it->second);
  add(user.by_path, doc.path);
  return out;
}

// The metadata a file's surroundings supply before processing (name, layout, folder files)
// and the user's entries for it, as one hash: the skip decision compares it.
std::string input_metadata_hash(const Document& doc, const corpora::UserMetadata& user) {
  std::string text;
  for (const auto& [k, v] : doc.metadata)
    text += k + "=" + v + "\n";
  for (const auto* entry : user_entries(doc, user))
    for (const auto& [k, v] : *entry)
      text += "user " + k + "=" + v + "\n";
  return hex_digest(text);
}

void apply_user_metadata(Document& doc, const corpora::UserMetadata& user) {
  for (const auto* entry : user_entries(doc, user))
    for (const auto& [k, v] : *entry)
      doc.metadata[k] = v;
}

// Words of the whole filing as the pipeline counted them, if it did.
std::optional<double> filing_words(const Document& doc) {
  auto it = doc.metrics.find("");
  if (it == doc.metrics.end()) return std::nullopt;
  std::optional<double> tokens;
  for (const auto& [name, value] : it->second) {
    if (name == "words") return value;
    if (name == "tokens") tokens = value;
  }
  return tokens;
}

// Document flags and warnings that need the whole result: no date, almost no words, a
// truncated container.
void flag_document(Document& doc) {
  doc.flags.clear();
  if (auto it = doc.metadata.find("accepted"); it != doc.metadata.end()) {
    if (auto accepted = store::normalize_acceptance(it->second)) {
      it->second = *accepted;
    } else {
      doc.warnings.push_back(
          fmt::format("acceptance time '{}' is not a date and time; ignored", it->second));
      doc.metadata.erase(it);
    }
  }
  auto meta = [&](const char* key) {
    auto it = doc.metadata.find(key);
    return it == doc.metadata.end() ? std::string() : it->second;
  };
  if (store::available_at(meta("accepted"), meta("filed")).empty())
    doc.flags.emplace_back(kFlagUndated);
  if (auto words = filing_words(doc)) {
    const std::string form = meta("form");
    const auto family = nlp::sec::form_family(form);
    const bool report =
        family == nlp::sec::FormFamily::k10K || family == nlp::sec::FormFamily::k10Q;
    const double minimum = report ? 1000 : 50;
    if (*words < minimum) {
      doc.flags.emplace_back(kFlagNearEmpty);
      doc.warnings.push_back(fmt::format("only {} words{}: a truncated file or a cover page only?",
                                         static_cast<long>(*words),
                                         report ? fmt::format(" for a {}", form) : std::string()));
    }
  }
  for (const auto& w : doc.warnings) {
    if (w.find("has no </") != std::string::npos || w.find("truncated") != std::string::npos) {
      doc.flags.emplace_back(kFlagTruncated);
      // The last section ends where the file stopped, not where its item ends.
      Section* last = nullptr;
      for (auto& s : doc.sections)
        if (!last || s.span.end > last->span.end) last = &s;
      if (last) {
        last->flags |= nlp::sec::kSectionTruncated;
        last->confidence *= 0.5;
      }
      break;
    }
  }
}

// Lines of `now` missing from `before` ("+ line") and the reverse ("- line"): what changed
// between two configuration descriptions.
std::vector<std::string> config_changes(const std::string& before, const std::string& now) {
  auto lines = [](const std::string& text) {
    std::set<std::string> out;
    std::size_t p = 0;
    while (p < text.size()) {
      std::size_t nl = text.find('\n', p);
      if (nl == std::string::npos) nl = text.size();
      if (nl > p) out.insert(text.substr(p, nl - p));
      p = nl + 1;
    }
    return out;
  };
  const auto a = lines(before), b = lines(now);
  std::vector<std::string> out;
  for (const auto& l : a)
    if (!b.count(l)) out.push_back("- " + l);
  for (const auto& l : b)
    if (!a.count(l)) out.push_back("+ " + l);
  return out;
}

// Absolute, symlink-free, normalized: every spelling of a path gives the same string.
// A path that does not lead to a file (a dangling link, a loop) keeps its own absolute
// spelling, so the error row names what the user has.
std::filesystem::path canonical_path(const std::filesystem::path& p) {
  std::error_code ec;
  const auto lexical = std::filesystem::absolute(p, ec).lexically_normal();
  if (!std::filesystem::exists(p, ec) || ec) return lexical;
  auto c = std::filesystem::canonical(p, ec);
  return ec ? lexical : c;
}

struct InputFile {
  std::filesystem::path path;
  std::uint64_t size = 0;
};

// The run's documents: every input discovered, one spelling per file, sorted by path; with a
// shard, only its share. Throws when nothing named exists or nothing is found.
std::vector<InputFile> input_files(const ProcessOptions& options) {
  // A named input that does not exist is a typo, not a document: when nothing named exists the
  // run stops (exit 3); otherwise each missing one becomes an error row.
  bool any_exists = false;
  for (const auto& input : options.inputs) {
    std::error_code ec;
    any_exists = any_exists || std::filesystem::exists(std::filesystem::symlink_status(input, ec));
  }
  if (!options.inputs.empty() && !any_exists)
    throw Error(ErrorCode::kIo, "no such file or directory", options.inputs.front().string());

  // One spelling per file: relative, absolute and symlinked paths name the same document.
  std::vector<InputFile> files;
  {
    std::set<std::string> seen;
    for (const auto& p : corpora::discover_inputs(options.inputs)) {
      auto c = canonical_path(p);
      if (seen.insert(c.string()).second) files.push_back({std::move(c), 0});
    }
    std::sort(files.begin(), files.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  }
  if (files.empty()) throw Error(ErrorCode::kInvalidArgument, "no input documents found");
  for (auto& f : files) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(f.path, ec);
    if (!ec) f.size = n;
  }
  if (options.shard) {
    std::vector<distributed::WeightedItem> items;
    items.reserve(files.size());
    for (const auto& f : files)
      items.push_back({f.path.string(), f.size});
    std::vector<InputFile> share;
    for (std::size_t i : distributed::select_shard(items, *options.shard))
      share.push_back(std::move(files[i]));
    log_info("shard {}: {} of {} documents", distributed::shard_name(*options.shard), share.size(),
             files.size());
    files = std::move(share);
  }
  return files;
}

// What a rank sends rank 0 at the end of an MPI run (and rank 0 adds to its summary).
std::string encode_rank_result(const ProcessSummary& s, const std::string& host,
                               const std::set<std::string>& changed_configs) {
  distributed::Writer w;
  const auto& c = s.counts;
  w.u64(c.total).u64(c.processed).u64(c.skipped).u64(c.failed).u64(c.linked).u64(c.bytes);
  w.str(host).u64(s.recomputed);
  w.strings({changed_configs.begin(), changed_configs.end()});
  w.u64(s.failures.size());
  for (const auto& f : s.failures)
    w.str(f.path).str(f.code).str(f.message);
  w.strings(s.undated).strings(s.near_empty).strings(s.truncated);
  w.u64(s.with_warnings).u64(s.flagged_sections).u64(s.section_flags.size());
  for (const auto& [flag, n] : s.section_flags)
    w.str(flag).u64(n);
  w.u64(s.stage_seconds.size());
  for (const auto& [stage, seconds] : s.stage_seconds)
    w.str(stage).f64(seconds);
  return w.bytes();
}

// Adds one rank's result to rank 0's summary; returns the rank's counts and host.
std::pair<store::RunCounts, std::string> merge_rank_result(const std::string& bytes,
                                                           ProcessSummary& s,
                                                           std::set<std::string>& changed_configs) {
  distributed::Reader r(bytes);
  store::RunCounts c;
  c.total = r.u64();
  c.processed = r.u64();
  c.skipped = r.u64();
  c.failed = r.u64();
  c.linked = r.u64();
  c.bytes = r.u64();
  std::string host = r.str();
  s.counts.total += c.total;
  s.counts.processed += c.processed;
  s.counts.skipped += c.skipped;
  s.counts.failed += c.failed;
  s.counts.linked += c.linked;
  s.counts.bytes += c.bytes;
  s.recomputed += r.u64();
  for (auto& h : r.strings())
    changed_configs.insert(std::move(h));
  const std::uint64_t failures = r.u64();
  for (std::uint64_t i = 0; i < failures; ++i) {
    FailedDocument f;
    f.path = r.str();
    f.code = r.str();
    f.message = r.str();
    if (s.failures.size() < kMaxFailuresInSummary) s.failures.push_back(std::move(f));
  }
  for (auto* list : {&s.undated, &s.near_empty, &s.truncated})
    for (auto& path : r.strings())
      list->push_back(std::move(path));
  s.with_warnings += r.u64();
  s.flagged_sections += r.u64();
  const std::uint64_t flags = r.u64();
  for (std::uint64_t i = 0; i < flags; ++i) {
    std::string flag = r.str();
    s.section_flags[flag] += r.u64();
  }
  const std::uint64_t stages = r.u64();
  for (std::uint64_t i = 0; i < stages; ++i) {
    std::string stage = r.str();
    const double seconds = r.f64();
    auto it = std::find_if(s.stage_seconds.begin(), s.stage_seconds.end(),
                           [&](const auto& e) { return e.first == stage; });
    if (it == s.stage_seconds.end())
      s.stage_seconds.emplace_back(std::move(stage), seconds);
    else
      it->second += seconds;
  }
  return {c, std::move(host)};
}

}  // namespace

Document process_one(const std::filesystem::path& path, const ProcessOptions& options) {
  Resources resources(options.resources);
  const Pipeline pipeline = Pipeline::build(config_for(options), builtin_stages(), resources);
  const corpora::UserMetadata user = options.metadata_file
                                         ? corpora::read_user_metadata_csv(*options.metadata_file)
                                         : corpora::UserMetadata{};
  Document doc;
  doc.path = canonical_path(path).string();
  const FolderMetadata folder = read_folder_metadata(std::filesystem::path(doc.path).parent_path());
  load_document(doc, options.max_document_bytes, &folder);
  pipeline.run(doc);
  apply_user_metadata(doc, user);
  flag_document(doc);
  return doc;
}

std::vector<std::string> validate_pipeline(const ProcessOptions& options) {
  Resources resources(options.resources);
  return Pipeline::build(config_for(options), builtin_stages(), resources).stage_names();
}

ProcessSummary process_documents(const ProcessOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  distributed::Cluster* const cluster = options.cluster;
  const bool root = cluster == nullptr || cluster->rank() == 0;
  Resources resources(options.resources);
  const StageRegistry registry = builtin_stages();
  const Pipeline pipeline = Pipeline::build(config_for(options), registry, resources);
  const std::string& config_hash = pipeline.config_hash();
  const corpora::UserMetadata user = options.metadata_file
                                         ? corpora::read_user_metadata_csv(*options.metadata_file)
                                         : corpora::UserMetadata{};
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  ProcessSummary summary;
  summary.config_hash = config_hash;
  summary.stages = pipeline.stage_names();
  if (cluster) {
    summary.rank = cluster->rank();
    summary.ranks = cluster->size();
  }
  const auto& stage_list = summary.stages;

  // Rank 0 (or the only process) finds the documents and records the run; under MPI it then
  // tells the other ranks the run's id, or why there is none.
  std::vector<InputFile> files;
  std::uint64_t total_bytes = 0;
  std::uint64_t total_documents = 0;
  std::unique_ptr<store::DocumentStore> opened;
  if (root) {
    try {
      files = input_files(options);
      for (const auto& f : files)
        total_bytes += f.size;
      total_documents = files.size();
      opened = std::make_unique<store::DocumentStore>(options.db);
      store::mark_dead_runs(opened->connection(), "process", "killed");  // callers hold the lock
      summary.run_id = opened->begin_run("process", config_hash, pipeline.description(), threads);
    } catch (const std::exception& e) {
      if (cluster) distributed::announce_stop(*cluster, e.what());
      throw;
    }
    if (cluster) {
      // Largest first: the long documents start early and the short ones fill the gaps.
      std::stable_sort(files.begin(), files.end(),
                       [](const InputFile& a, const InputFile& b) { return a.size > b.size; });
      distributed::announce_start(
          *cluster, distributed::Writer().i64(summary.run_id).u64(total_documents).bytes());
      cluster->set_working(true);
    }
  } else {
    const std::optional<std::string> start_message = distributed::await_start(*cluster);
    if (!start_message) return summary;  // rank 0 reports why
    distributed::Reader started(*start_message);
    summary.run_id = started.i64();
    total_documents = started.u64();
    cluster->set_working(true);
    opened = std::make_unique<store::DocumentStore>(options.db);
  }
  store::DocumentStore& store = *opened;
  const auto file_states = store.file_states();
  const auto contents = store.content_states();
  // Only ask for the lexicon when a stage uses it: asking loads the file.
  summary.lexicon =
      std::find(stage_list.begin(), stage_list.end(), "lexicon") != stage_list.end() &&
      resources.lexicon() != nullptr;
  if (!cluster) summary.counts.total = files.size();
  if (root)
    log_info("processing {} documents ({:.1f} MB) with {} threads{} into {}", files.size(),
             static_cast<double>(total_bytes) / 1e6, threads,
             cluster ? fmt::format(" on each of {} MPI ranks", cluster->size()) : "",
             options.db.string());

  std::mutex changed_mutex;
  std::set<std::string> changed_configs;  // config hashes of stored documents now recomputed
  std::atomic<std::uint64_t> recomputed{0};

  std::optional<distributed::WorkServer> server;
  if (cluster && root) {
    std::vector<std::string> items;
    items.reserve(files.size());
    for (const auto& f : files)
      items.push_back(f.path.string());
    server.emplace(*cluster, std::move(items));
    server->start();
  }
  // The next document's path: from the list, from rank 0's list, or asked of rank 0.
  std::size_t next = 0;
  auto next_path = [&]() -> std::optional<std::string> {
    if (server) {
      auto item = server->next();
      return item ? std::optional<std::string>(std::move(item->second)) : std::nullopt;
    }
    if (cluster) return distributed::request_work(*cluster);
    if (next >= files.size()) return std::nullopt;
    return files[next++].path.string();
  };
  FolderMetadataCache folders;

  Progress progress(cluster ? 0 : files.size(), total_bytes,
                    cluster ? ProgressMode::kOff : options.progress);
  std::uint64_t documents_done = 0;  // for options.on_document (serial writer only)
  try {
    tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
    tbb::parallel_pipeline(
        static_cast<std::size_t>(threads) * 2,
        tbb::make_filter<void, std::shared_ptr<WorkItem>>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& flow) -> std::shared_ptr<WorkItem> {
              std::optional<std::string> path = next_path();
              if (!path) {
                flow.stop();
                return nullptr;
              }
              auto item = std::make_shared<WorkItem>();
              item->doc.path = std::move(*path);
              item->folder = folders.get(item->doc.path);
              return item;
            }) &
            tbb::make_filter<std::shared_ptr<WorkItem>, std::shared_ptr<WorkItem>>(
                tbb::filter_mode::parallel,
                [&](std::shared_ptr<WorkItem> item) {
                  Document& doc = item->doc;
                  try {
                    load_document(doc, options.max_document_bytes, item->folder.get());
                    doc.metadata_hash = input_metadata_hash(doc, user);
                    const auto it = file_states.find(doc.path);
                    const bool same_file = it != file_states.end() &&
                                           it->second.content_hash == doc.content_hash &&
                                           it->second.metadata_hash == doc.metadata_hash;
                    if (!options.force) {
                      if (same_file && it->second.status == "ok" &&
                          it->second.config_hash == config_hash) {
                        item->skipped = true;
                      } else if (auto c =
                                     contents.find(store::content_key(doc.content_hash, doc.path));
                                 it == file_states.end() && c != contents.end() &&
                                 c->second.config_hash == config_hash) {
                        // The same bytes are stored from another path (another spelling, a
                        // copy, another machine's mount): one document, this file linked.
                        item->skipped = true;
                        item->link_to = c->second.doc_id;
                      }
                    }
                    if (item->skipped) {
                      doc.raw.clear();
                      return item;
                    }
                    if (same_file && it->second.status == "ok" &&
                        it->second.config_hash != config_hash) {
                      ++recomputed;
                      std::lock_guard lock(changed_mutex);
                      changed_configs.insert(it->second.config_hash);
                    }
                    pipeline.run(doc);
                    apply_user_metadata(doc, user);
                    flag_document(doc);
                  } catch (const Error& e) {
                    // A shared resource that failed to load (a stage loads one in the
                    // background) fails every document alike: stop the run, as a failure at
                    // build time does, instead of storing the same error for each of them.
                    if (e.code() == ErrorCode::kResource) throw Error(e.code(), e.message());
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
                  if (cluster) ++summary.counts.total;
                  summary.counts.bytes += doc.size;
                  if (item->skipped) {
                    ++summary.counts.skipped;
                    if (item->link_to) {
                      try {
                        store.link_file(doc.path, doc.content_hash, *item->link_to,
                                        doc.metadata_hash);
                      } catch (const Error& e) {
                        log_warn("{}: not recorded as a copy: {}", doc.path, e.message());
                      }
                    }
                  } else if (!item->error) {
                    try {
                      if (store.write_document(doc, summary.run_id, config_hash,
                                               options.store_text) ==
                          store::WriteOutcome::kLinked) {
                        ++summary.counts.linked;
                        log_debug("{}: same filing as a stored file; linked", doc.path);
                      } else {
                        ++summary.counts.processed;
                        note_result(doc, summary);
                      }
                    } catch (const Error& e) {
                      if (e.code() != ErrorCode::kDatabase) throw;
                      item->error = Error(e.code(), e.message(), doc.path);
                    }
                  }
                  if (item->error) {
                    ++summary.counts.failed;
                    log_warn("{}", item->error->what());
                    try {
                      store.write_error(doc, summary.run_id, config_hash, *item->error);
                    } catch (const Error& e) {
                      log_warn("{}: the error could not be recorded: {}", doc.path, e.message());
                    }
                    if (summary.failures.size() < kMaxFailuresInSummary) {
                      summary.failures.push_back({doc.path,
                                                  std::string(error_code_name(item->error->code())),
                                                  item->error->message()});
                    }
                  }
                  progress.advance(doc.size, item->error.has_value());
                  if (options.on_document) options.on_document(++documents_done, total_documents);
                }));
  } catch (...) {
    progress.finish();
    if (root) {
      try {
        store.finish_run(summary.run_id, summary.counts, "failed");
      } catch (...) {
      }
    }
    throw;
  }
  progress.finish();
  summary.recomputed = recomputed.load();
  summary.stage_seconds = pipeline.stage_seconds();
  if (cluster) {
    log_info("rank {} of {} on {}: {} documents, {} processed, {} skipped, {} failed",
             cluster->rank(), cluster->size(), cluster->host(), summary.counts.total,
             summary.counts.processed, summary.counts.skipped, summary.counts.failed);
    if (!root) {
      cluster->send(0, distributed::kTagResult,
                    encode_rank_result(summary, cluster->host(), changed_configs));
      cluster->set_working(false);
      summary.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      return summary;
    }
    // Rank 0: every rank's counts, then the run's totals.
    std::vector<std::pair<store::RunCounts, std::string>> ranks;
    ranks.emplace_back(summary.counts, cluster->host());
    const std::vector<std::string> results = server->collect();
    for (std::size_t r = 1; r < results.size(); ++r)
      ranks.push_back(merge_rank_result(results[r], summary, changed_configs));
    for (std::size_t r = 0; r < ranks.size(); ++r)
      store.record_rank(summary.run_id, static_cast<int>(r), ranks[r].second, ranks[r].first);
    for (auto* list : {&summary.undated, &summary.near_empty, &summary.truncated})
      std::sort(list->begin(), list->end());
  }
  store.finish_run(summary.run_id, summary.counts, summary.counts.failed ? "partial" : "ok");
  if (cluster) cluster->set_working(false);
  for (const auto& old_hash : changed_configs) {
    for (auto& line : config_changes(store.config_text(old_hash), pipeline.description()))
      if (std::find(summary.changes.begin(), summary.changes.end(), line) == summary.changes.end())
        summary.changes.push_back(std::move(line));
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace secnlp::pipeline
