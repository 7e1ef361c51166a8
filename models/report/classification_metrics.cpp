#include "models/report/classification_metrics.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/utf8.h"

namespace secnlp::models {
namespace {

// Zero when the denominator is zero (sklearn's zero_division=0).
double ratio(double numerator, double denominator) {
  return denominator == 0 ? 0.0 : numerator / denominator;
}

std::vector<std::string> names_for(const ClassificationReport& report,
                                   std::span<const std::string> class_names) {
  const std::size_t k = report.per_class.size();
  if (!class_names.empty() && class_names.size() != k) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{} class names for a report of {} classes", class_names.size(), k));
  }
  std::vector<std::string> names;
  names.reserve(k);
  for (std::size_t c = 0; c < k; ++c) {
    names.push_back(class_names.empty() ? std::to_string(c) : class_names[c]);
  }
  return names;
}

// Python's len() of a str: code points, not bytes (ill-formed bytes count one each).
std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n)
    next_code_point(text, i);
  return n;
}

// `text` padded on the left with spaces to `width` code points, as Python's "{:>{width}s}".
// (fmt pads by estimated display width, which differs for wide characters.)
std::string right_aligned(std::string_view text, std::size_t width) {
  const std::size_t n = code_points(text);
  return std::string(width > n ? width - n : 0, ' ') + std::string(text);
}

}  // namespace

ClassificationReport classification_report(std::span<const int> truth,
                                           std::span<const int> predicted,
                                           std::size_t num_classes) {
  if (truth.size() != predicted.size()) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("classification_report: {} true labels but {} predictions",
                            truth.size(), predicted.size()));
  }
  if (num_classes == 0) {
    throw Error(ErrorCode::kInvalidArgument, "classification_report: num_classes is 0");
  }
  const auto check = [num_classes](int label, std::size_t i, std::string_view which) {
    if (label < 0 || static_cast<std::size_t>(label) >= num_classes) {
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("classification_report: {} label {} at position {} is outside "
                              "[0, {})",
                              which, label, i, num_classes));
    }
    return static_cast<std::size_t>(label);
  };

  ClassificationReport report;
  report.count = truth.size();
  report.confusion.assign(num_classes, std::vector<std::size_t>(num_classes, 0));
  std::size_t correct = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const std::size_t t = check(truth[i], i, "true");
    const std::size_t p = check(predicted[i], i, "predicted");
    ++report.confusion[t][p];
    correct += t == p ? 1 : 0;
  }
  report.accuracy = ratio(static_cast<double>(correct), static_cast<double>(report.count));

  report.per_class.resize(num_classes);
  for (std::size_t c = 0; c < num_classes; ++c) {
    std::size_t predicted_as_c = 0;
    std::size_t support = 0;
    for (std::size_t o = 0; o < num_classes; ++o) {
      predicted_as_c += report.confusion[o][c];
      support += report.confusion[c][o];
    }
    const auto tp = static_cast<double>(report.confusion[c][c]);
    ClassMetrics& m = report.per_class[c];
    m.support = support;
    m.precision = ratio(tp, static_cast<double>(predicted_as_c));
    m.recall = ratio(tp, static_cast<double>(support));
    // As sklearn 1.2: F1 from precision and recall (not from the counts), in this order.
    m.f1 = ratio(2.0 * m.precision * m.recall, m.precision + m.recall);
  }

  double sum_p = 0, sum_r = 0, sum_f = 0, wsum_p = 0, wsum_r = 0, wsum_f = 0;
  for (const ClassMetrics& m : report.per_class) {
    const auto w = static_cast<double>(m.support);
    sum_p += m.precision;
    sum_r += m.recall;
    sum_f += m.f1;
    wsum_p += m.precision * w;
    wsum_r += m.recall * w;
    wsum_f += m.f1 * w;
  }
  const auto k = static_cast<double>(num_classes);
  const auto n = static_cast<double>(report.count);
  report.macro_precision = sum_p / k;
  report.macro_recall = sum_r / k;
  report.macro_f1 = sum_f / k;
  report.weighted_precision = ratio(wsum_p, n);
  report.weighted_recall = ratio(wsum_r, n);
  report.weighted_f1 = ratio(wsum_f, n);
  return report;
}

std::string to_json(const ClassificationReport& report, std::span<const std::string> class_names) {
  const std::vector<std::string> names = names_for(report, class_names);
  nlohmann::ordered_json j;
  j["count"] = report.count;
  j["accuracy"] = report.accuracy;
  j["macro_precision"] = report.macro_precision;
  j["macro_recall"] = report.macro_recall;
  j["macro_f1"] = report.macro_f1;
  j["weighted_precision"] = report.weighted_precision;
  j["weighted_recall"] = report.weighted_recall;
  j["weighted_f1"] = report.weighted_f1;
  nlohmann::ordered_json classes = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < report.per_class.size(); ++c) {
    const ClassMetrics& m = report.per_class[c];
    classes.push_back({{"name", names[c]},
                       {"precision", m.precision},
                       {"recall", m.recall},
                       {"f1", m.f1},
                       {"support", m.support}});
  }
  j["classes"] = std::move(classes);
  j["confusion"] = report.confusion;
  // Class names come from data files: replace invalid UTF-8 instead of throwing.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string format_report(const ClassificationReport& report,
                          std::span<const std::string> class_names) {
  const std::vector<std::string> names = names_for(report, class_names);
  constexpr std::string_view kLongestHeading = "weighted avg";
  std::size_t width = kLongestHeading.size();
  for (const std::string& name : names)
    width = std::max(width, code_points(name));

  std::string out = std::string(width, ' ') + " ";
  for (std::string_view header : {"precision", "recall", "f1-score", "support"}) {
    out += fmt::format(" {:>9}", header);
  }
  out += "\n\n";
  const auto row = [&](std::string_view heading, double p, double r, double f, std::size_t s) {
    out += right_aligned(heading, width);
    out += fmt::format("  {:>9.2f} {:>9.2f} {:>9.2f} {:>9}\n", p, r, f, s);
  };
  bool every_class_seen = true;
  for (std::size_t c = 0; c < names.size(); ++c) {
    const ClassMetrics& m = report.per_class[c];
    row(names[c], m.precision, m.recall, m.f1, m.support);
    std::size_t predicted_as_c = 0;
    for (const auto& true_row : report.confusion)
      predicted_as_c += true_row[c];
    every_class_seen = every_class_seen && (m.support > 0 || predicted_as_c > 0);
  }
  out += "\n";
  // sklearn prints "accuracy" only when the labels are exactly those seen in the data; the
  // micro average over all labels equals the accuracy either way.
  if (every_class_seen) {
    out += right_aligned("accuracy", width);
    out += fmt::format("  {:>9} {:>9} {:>9.2f} {:>9}\n", "", "", report.accuracy, report.count);
  } else {
    row("micro avg", report.accuracy, report.accuracy, report.accuracy, report.count);
  }
  row("macro avg", report.macro_precision, report.macro_recall, report.macro_f1, report.count);
  row(kLongestHeading, report.weighted_precision, report.weighted_recall, report.weighted_f1,
      report.count);
  return out;
}

}  // namespace secnlp::models
