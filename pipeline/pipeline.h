#pragma once
// A Pipeline is the ordered list of stages built from a PipelineConfig.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/config.h"
#include "pipeline/stage.h"

namespace secnlp::pipeline {

class Pipeline {
 public:
  // Builds every stage and checks the order: each stage's inputs must be written by an earlier
  // stage (the reader provides `raw`). Throws Error(kConfig) naming the stage and what it lacks,
  // or an unknown stage name with the list of known ones.
  static Pipeline build(const PipelineConfig& config, const StageRegistry& registry,
                        Resources& resources);

  // Runs the stages in order. An exception from a stage is rethrown as secnlp::Error prefixed
  // with the stage name, keeping its code.
  void run(Document& doc) const;

  // Identifies everything the results depend on: the canonical options, each stage's version
  // and the content hash of every resource file loaded (Resources::identity). Documents stored
  // under another hash are recomputed.
  const std::string& config_hash() const { return config_hash_; }
  // The same in words, with resource paths, one "key value" line each: stored in runs.config
  // and compared line by line to say why documents are recomputed.
  const std::string& description() const { return description_; }
  const PipelineConfig& config() const { return config_; }
  std::vector<std::string> stage_names() const;
  // Wall seconds each stage has spent in run() so far, summed over the threads that ran it, in
  // pipeline order (the process summary shows them, so an expensive stage is visible).
  std::vector<std::pair<std::string, double>> stage_seconds() const;

 private:
  PipelineConfig config_;
  std::string config_hash_;
  std::string versions_;
  std::string description_;
  std::vector<std::pair<std::string, std::unique_ptr<Stage>>> stages_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> stage_ns_;  // one per stage, relaxed adds
};

}  // namespace secnlp::pipeline
