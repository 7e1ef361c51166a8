#include "pipeline/pipeline.h"

#include <chrono>
#include <exception>

#include <fmt/format.h>

#include "common/error.h"
#include "common/hash.h"

namespace secnlp::pipeline {

void StageRegistry::add(StageInfo info) {
  stages_.push_back(std::move(info));
}

const StageInfo* StageRegistry::find(std::string_view name) const {
  for (const auto& s : stages_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

Pipeline Pipeline::build(const PipelineConfig& config, const StageRegistry& registry,
                         Resources& resources) {
  Pipeline p;
  p.config_ = config;
  SlotSet available = kSlotRaw;
  for (const std::string& name : config.stages) {
    const StageInfo* info = registry.find(name);
    if (!info) {
      std::string known;
      for (const auto& s : registry.stages())
        known += (known.empty() ? "" : ", ") + s.name;
      throw Error(ErrorCode::kConfig, fmt::format("unknown stage '{}' (known: {})", name, known),
                  config.source);
    }
    for (const auto& [existing, stage] : p.stages_) {
      if (existing == name)
        throw Error(ErrorCode::kConfig, fmt::format("stage '{}' listed twice", name),
                    config.source);
    }
    StageOptions options = config.options_for(name);
    std::unique_ptr<Stage> stage;
    try {
      stage = info->factory(options, resources);
      options.reject_unknown();
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kConfig && e.path().empty())
        throw Error(e.code(), e.message(), config.source);
      throw;
    }
    const SlotSet missing = stage->reads() & ~available;
    if (missing) {
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage '{}' needs {}, which no earlier stage produces", name,
                              slot_names(missing)),
                  config.source);
    }
    available |= stage->writes();
    p.stages_.emplace_back(name, std::move(stage));
    p.versions_ += fmt::format("stage {} v{}\n", name, info->version);
  }
  // What the results depend on: the options, each stage's code version, and the content of
  // every resource file the stages loaded (paths left out: the same content elsewhere is the
  // same input).
  p.stage_ns_ = std::make_unique<std::atomic<std::uint64_t>[]>(p.stages_.size());
  p.config_hash_ = hex_digest(config.canonical() + p.versions_ + resources.identity());
  p.description_ = config.canonical() + p.versions_ + resources.identity(/*with_paths=*/true);
  return p;
}

void Pipeline::run(Document& doc) const {
  for (std::size_t i = 0; i < stages_.size(); ++i) {
    const auto& [name, stage] = stages_[i];
    try {
      const auto start = std::chrono::steady_clock::now();
      stage->run(doc);
      const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
      if (stage_ns_)
        stage_ns_[i].fetch_add(static_cast<std::uint64_t>(ns), std::memory_order_relaxed);
    } catch (const Error& e) {
      throw Error(e.code(), fmt::format("stage '{}': {}", name, e.message()), doc.path);
    } catch (const std::bad_alloc&) {
      throw Error(ErrorCode::kLimit, fmt::format("stage '{}': out of memory", name), doc.path);
    } catch (const std::exception& e) {
      throw Error(ErrorCode::kInternal, fmt::format("stage '{}': {}", name, e.what()), doc.path);
    }
  }
}

std::vector<std::pair<std::string, double>> Pipeline::stage_seconds() const {
  std::vector<std::pair<std::string, double>> out;
  for (std::size_t i = 0; i < stages_.size(); ++i)
    out.emplace_back(
        stages_[i].first,
        stage_ns_ ? static_cast<double>(stage_ns_[i].load(std::memory_order_relaxed)) / 1e9 : 0.0);
  return out;
}

std::vector<std::string> Pipeline::stage_names() const {
  std::vector<std::string> names;
  for (const auto& [name, stage] : stages_)
    names.push_back(name);
  return names;
}

}  // namespace secnlp::pipeline
