#pragma once
// Self-contained SVG 1.1 plots of training runs: learning curves, confusion matrices, grids
// of sample images, and labelled scatter maps (word vectors through t-SNE). Every string from the
// caller (titles, labels, series and class names) is XML-escaped; the output needs no external
// file, font or script. Torch-free.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::models {

// One line of a chart: values[i] is the value at epoch i + 1. NaN and infinite values are gaps.
struct Series {
  std::string name;
  std::vector<double> values;
};

// A line chart of `series` against epochs 1..n (n = the longest series), 720x420 px: axes with
// "nice" ticks (1, 2, 5 x 10^k) and labels, one <circle class="point"> per finite value, lines
// broken at gaps, and a legend naming each series. Empty, all-NaN and constant series give a
// valid chart (the y range widens around a constant; [0, 1] with no data). O(total values).
std::string line_chart_svg(std::string_view title, std::string_view x_label,
                           std::string_view y_label, std::span<const Series> series);

// A heat map of `confusion` ([true][predicted], square): one <rect class="cell"> per entry
// showing its count, shaded by the count's share of its row (rows with no samples stay white);
// class names on both axes, axis titles "true" and "predicted". `class_names` is empty (classes
// are named 0, 1, ...) or has one name per row. Throws Error(kInvalidArgument) for a non-square
// matrix or a wrong number of names.
std::string confusion_matrix_svg(const std::vector<std::vector<std::size_t>>& confusion,
                                 std::span<const std::string> class_names, std::string_view title);

// An image in planar layout: chw[c * height * width + y * width + x], 8-bit.
struct GridImage {
  std::vector<std::uint8_t> chw;
  int channels = 1;  // 1 (grey) or 3 (RGB)
  int height = 0;
  int width = 0;
  std::string caption;  // shown under the image, e.g. "true 7 / pred 1"
};

// The images in rows of `columns`, each an <image> embedding a PNG as
// data:image/png;base64, scaled up by an integer factor (to about 64 px) with pixelated
// rendering, its caption below. Throws Error(kInvalidArgument) when columns < 1, channels is not
// 1 or 3, a dimension is not positive or chw.size() != channels * height * width, and
// Error(kLimit) for a side over 4096 px. Cost: one PNG encoding per image.
std::string image_grid_svg(std::span<const GridImage> images, int columns, std::string_view title);

// A labelled point of a scatter plot; `group` indexes the plot's group names (-1: no group).
struct ScatterPoint {
  double x = 0;
  double y = 0;
  std::string label;
  int group = -1;
};

// A square scatter plot (860x800 px) of `points` scaled to fit with equal units on both axes
// (a map: the axes carry no meaning, so none are drawn): one <circle class="point"> and one
// <text class="label"> per point, points of group g in palette colour g (ungrouped grey), and a
// legend of `group_names` (skipped when empty). Non-finite coordinates are an
// Error(kInvalidArgument), as is a group outside -1..group_names.size()-1. O(points).
std::string scatter_svg(std::span<const ScatterPoint> points,
                        std::span<const std::string> group_names, std::string_view title);

}  // namespace secnlp::models
