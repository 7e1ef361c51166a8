#pragma once
// A Stage is one named step of the pipeline (see ARCHITECTURE.md, "Stages").
//
// A stage is built once from its options, is immutable afterwards (regexes compiled,
// dictionaries loaded) and is run concurrently on many documents: run() must be thread-safe.
// It declares the Document slots it reads and writes; Pipeline::build() refuses an order in
// which a stage reads a slot no earlier stage writes. run() throws secnlp::Error when the
// document cannot be processed; the runner records that and goes on with other documents.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/config.h"
#include "pipeline/document.h"
#include "pipeline/resources.h"

namespace secnlp::pipeline {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual SlotSet reads() const = 0;
  virtual SlotSet writes() const = 0;
  virtual void run(Document& doc) const = 0;
};

// Builds a stage from its options; may load shared resources through `resources`.
using StageFactory =
    std::function<std::unique_ptr<Stage>(const StageOptions& options, Resources& resources)>;

// Options a stage accepts, for `secnlp stages` and the docs.
struct StageOptionDoc {
  std::string key;
  std::string default_value;
  std::string description;
};

struct StageInfo {
  std::string name;
  std::string description;
  std::vector<StageOptionDoc> options;
  StageFactory factory;
  // Bumped by the code whenever the stage's output for the same input and options changes: the
  // version is part of the configuration hash, so stored documents are recomputed.
  int version = 1;
};

// The stages a pipeline may name. Explicit registration, no static singletons.
class StageRegistry {
 public:
  void add(StageInfo info);
  const StageInfo* find(std::string_view name) const;
  const std::vector<StageInfo>& stages() const { return stages_; }

 private:
  std::vector<StageInfo> stages_;
};

// Every stage that ships with secnlp (pipeline/stages/).
StageRegistry builtin_stages();

}  // namespace secnlp::pipeline
