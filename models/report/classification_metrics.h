#pragma once
// Classification metrics for the evaluation of trained models, with scikit-learn's semantics:
// precision_recall_fscore_support(labels=range(k), zero_division=0), accuracy_score and
// confusion_matrix(labels=range(k)). Torch-free: labels are plain ints.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace secnlp::models {

// One class's scores. A ratio whose denominator is zero is 0 (zero_division=0): precision of a
// class never predicted, recall of a class absent from the truth, F1 when both are 0.
struct ClassMetrics {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  std::size_t support = 0;  // samples whose true label is this class
};

struct ClassificationReport {
  double accuracy = 0;  // correct / count; 0 when count is 0
  // Unweighted means over all num_classes classes, including classes absent from the truth
  // and/or the predictions (as sklearn with labels=range(num_classes)).
  double macro_precision = 0;
  double macro_recall = 0;
  double macro_f1 = 0;
  // Means weighted by support; 0 when there are no samples.
  double weighted_precision = 0;
  double weighted_recall = 0;
  double weighted_f1 = 0;
  std::vector<ClassMetrics> per_class;              // num_classes entries
  std::vector<std::vector<std::size_t>> confusion;  // [true][predicted], num_classes^2
  std::size_t count = 0;                            // samples
};

// Scores `predicted` against `truth` (equal lengths; labels in [0, num_classes)). O(n + k^2).
// Throws Error(kInvalidArgument) when the lengths differ, num_classes is 0, or a label is out of
// range (naming the position). Empty inputs give an all-zero report.
ClassificationReport classification_report(std::span<const int> truth,
                                           std::span<const int> predicted, std::size_t num_classes);

// The report as a JSON object:
//   {"count", "accuracy", "macro_precision", "macro_recall", "macro_f1", "weighted_precision",
//    "weighted_recall", "weighted_f1",
//    "classes": [{"name", "precision", "recall", "f1", "support"}...],
//    "confusion": [[...]...]}      (rows: true class, columns: predicted class)
// Doubles are written so that they read back exactly. `class_names` is empty (classes are
// named "0", "1", ...) or has one name per class, else Error(kInvalidArgument).
std::string to_json(const ClassificationReport& report, std::span<const std::string> class_names);

// A text table laid out exactly as sklearn.metrics.classification_report(digits=2) prints it:
// one row per class, then "accuracy" (or "micro avg" when some class occurs in neither the
// truth nor the predictions, as sklearn does), "macro avg" and "weighted avg". `class_names` as
// for to_json.
std::string format_report(const ClassificationReport& report,
                          std::span<const std::string> class_names);

}  // namespace secnlp::models
