#include "models/report/plots.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>
#include <stb_image_write.h>

#include "common/error.h"
#include "common/utf8.h"

namespace secnlp::models {
namespace {

constexpr std::string_view kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

// Text safe inside an XML element or attribute: markup characters escaped, ill-formed UTF-8 and
// characters XML 1.0 forbids (controls other than tab/newline/CR, U+FFFE, U+FFFF) replaced by
// U+FFFD. At most `max_chars` code points are kept; a cut is marked with an ellipsis.
std::string xml_text(std::string_view text,
                     std::size_t max_chars = std::numeric_limits<std::size_t>::max()) {
  std::string out;
  out.reserve(text.size());
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (chars++ == max_chars) {
      out += "\u2026";
      break;
    }
    const char32_t cp = next_code_point(text, i);
    switch (cp) {
      case U'&':
        out += "&amp;";
        break;
      case U'<':
        out += "&lt;";
        break;
      case U'>':
        out += "&gt;";
        break;
      case U'"':
        out += "&quot;";
        break;
      case U'\'':
        out += "&apos;";
        break;
      default:
        if ((cp < 0x20 && cp != U'\t' && cp != U'\n' && cp != U'\r') || cp == 0xFFFE ||
            cp == 0xFFFF) {
          append_utf8(out, 0xFFFD);
        } else {
          append_utf8(out, cp);
        }
    }
  }
  return out;
}

std::string svg_open(int width, int height, std::string_view title, bool xlink = false) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\"{} version=\"1.1\" width=\"{}\" height=\"{}\" "
      "viewBox=\"0 0 {} {}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n"
      "<title>{}</title>\n"
      "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"white\"/>\n"
      "<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">{}</text>\n",
      xlink ? " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" : "", width, height, width, height,
      xml_text(title), width, height, width / 2, xml_text(title, 80));
}

// 1, 2 or 5 times a power of ten, at least `raw`; 0 when raw is not a positive finite number
// or the step underflows.
double nice_step(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 0;
  const double base = std::pow(10.0, std::floor(std::log10(raw)));
  if (!(base > 0) || !std::isfinite(base)) return 0;
  const double f = raw / base;
  const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  const double step = nice * base;
  return std::isfinite(step) ? step : 0;
}

std::string tick_label(double value, double step) {
  if (std::abs(value) < step * 1e-9) value = 0;  // no "-0" or "1e-17" at the origin
  return fmt::format("{:.6g}", value);
}

// Maps [lo, hi] (lo < hi, any finite doubles) to [to_lo, to_hi] without overflowing: the
// halves of two finite doubles always have a finite difference.
struct Scale {
  double lo, hi, to_lo, to_hi;
  double operator()(double v) const {
    const double frac = (v / 2 - lo / 2) / (hi / 2 - lo / 2);
    return to_lo + frac * (to_hi - to_lo);
  }
};

// Tick positions in [lo, hi] at multiples of `step`; just {lo, hi} when the step is unusable or
// would give too many ticks.
std::vector<double> ticks(double lo, double hi, double step) {
  std::vector<double> out;
  if (step > 0) {
    const double first = std::ceil(lo / step);
    const double last = std::floor(hi / step);
    if (std::isfinite(first) && std::isfinite(last) && last - first <= 20) {
      // Counted with an integer: near 1e16, ++first would not move.
      const int n = static_cast<int>(last - first);
      for (int i = 0; i <= n; ++i)
        out.push_back((first + i) * step);
    }
  }
  if (out.empty()) out = {lo, hi};
  return out;
}

}  // namespace

std::string line_chart_svg(std::string_view title, std::string_view x_label,
                           std::string_view y_label, std::span<const Series> series) {
  constexpr int kWidth = 720, kHeight = 420;
  constexpr double kLeft = 80, kTop = 50, kRight = 540, kBottom = 360;

  std::size_t n = 0;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (const Series& s : series) {
    n = std::max(n, s.values.size());
    for (double v : s.values) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (lo > hi) {  // no finite value at all
    lo = 0;
    hi = 1;
  } else if (lo == hi) {
    const double pad = lo == 0 ? 1 : std::abs(lo) / 10;
    lo = std::max(lo - pad, std::numeric_limits<double>::lowest());
    hi = std::min(hi + pad, std::numeric_limits<double>::max());
  }
  const double y_step = nice_step((hi / 2 - lo / 2) / 2.5);
  if (y_step > 0) {  // widen to whole ticks where that stays finite
    const double nice_lo = std::floor(lo / y_step) * y_step;
    const double nice_hi = std::ceil(hi / y_step) * y_step;
    if (std::isfinite(nice_lo) && std::isfinite(nice_hi) && nice_lo < nice_hi) {
      lo = nice_lo;
      hi = nice_hi;
    }
  }
  const double x_lo = n <= 1 ? 0 : 1;
  const double x_hi = n <= 1 ? 2 : static_cast<double>(n);
  const double x_step = std::max(1.0, nice_step((x_hi - x_lo) / 8));
  const Scale sx{x_lo, x_hi, kLeft, kRight};
  const Scale sy{lo, hi, kBottom, kTop};

  std::string svg = svg_open(kWidth, kHeight, title);
  // Grid, ticks and tick labels.
  svg += "<g class=\"axes\" stroke=\"#cccccc\" stroke-width=\"1\">\n";
  for (double t : ticks(lo, hi, y_step)) {
    svg += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\"/>\n", kLeft,
                       sy(t), kRight, sy(t));
  }
  svg += "</g>\n<g class=\"ticks\" font-size=\"11\">\n";
  for (double t : ticks(lo, hi, y_step)) {
    svg += fmt::format(
        "<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}"
        "</text>\n",
        kLeft - 6, sy(t), tick_label(t, y_step));
  }
  for (double t : ticks(x_lo, x_hi, x_step)) {
    if (t < 1) continue;  // epochs start at 1
    svg += fmt::format(
        "<line x1=\"{0:.2f}\" y1=\"{1:.2f}\" x2=\"{0:.2f}\" y2=\"{2:.2f}\" stroke=\"black\"/>\n"
        "<text x=\"{0:.2f}\" y=\"{3:.2f}\" text-anchor=\"middle\">{4}</text>\n",
        sx(t), kBottom, kBottom + 5, kBottom + 18, tick_label(t, x_step));
  }
  svg += "</g>\n";
  svg += fmt::format(
      "<path class=\"frame\" d=\"M {0} {1} L {0} {2} L {3} {2}\" fill=\"none\" stroke=\"black\"/>\n"
      "<text x=\"{4}\" y=\"{5}\" text-anchor=\"middle\">{6}</text>\n"
      "<text x=\"20\" y=\"{7}\" text-anchor=\"middle\" transform=\"rotate(-90 20 {7})\">{8}"
      "</text>\n",
      kLeft, kTop, kBottom, kRight, (kLeft + kRight) / 2, kBottom + 40, xml_text(x_label, 60),
      (kTop + kBottom) / 2, xml_text(y_label, 40));

  // Series: a path broken at gaps, a circle per finite value, and a legend entry.
  for (std::size_t i = 0; i < series.size(); ++i) {
    const Series& s = series[i];
    const std::string_view colour = kPalette[i % std::size(kPalette)];
    std::string path;
    std::string points;
    bool pen_down = false;
    for (std::size_t e = 0; e < s.values.size(); ++e) {
      const double v = s.values[e];
      if (!std::isfinite(v)) {
        pen_down = false;
        continue;
      }
      const double x = sx(static_cast<double>(e + 1));
      const double y = sy(v);
      path += fmt::format("{}{:.2f} {:.2f} ", pen_down ? "L " : "M ", x, y);
      pen_down = true;
      points +=
          fmt::format("<circle class=\"point\" cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"2.5\"/>\n", x, y);
    }
    svg += fmt::format("<g class=\"series\" stroke=\"{0}\" fill=\"{0}\">\n<title>{1}</title>\n",
                       colour, xml_text(s.name));
    if (!path.empty()) {
      path.pop_back();
      svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke-width=\"2\"/>\n", path);
    }
    svg += points;
    svg += "</g>\n";
    const double ly = kTop + 10 + 20 * static_cast<double>(i);
    svg += fmt::format(
        "<g class=\"legend\"><line x1=\"{0}\" y1=\"{1:.2f}\" x2=\"{2}\" y2=\"{1:.2f}\" "
        "stroke=\"{3}\" stroke-width=\"2\"/><text x=\"{4}\" y=\"{1:.2f}\" "
        "dominant-baseline=\"middle\">{5}</text></g>\n",
        kRight + 20, ly, kRight + 44, colour, kRight + 50, xml_text(s.name, 24));
  }
  svg += "</svg>\n";
  return svg;
}

std::string confusion_matrix_svg(const std::vector<std::vector<std::size_t>>& confusion,
                                 std::span<const std::string> class_names, std::string_view title) {
  const std::size_t k = confusion.size();
  if (k == 0) throw Error(ErrorCode::kInvalidArgument, "confusion matrix is empty");
  for (const auto& row : confusion) {
    if (row.size() != k) {
      throw Error(
          ErrorCode::kInvalidArgument,
          fmt::format("confusion matrix is not square: {} rows, a row of {}", k, row.size()));
    }
  }
  if (!class_names.empty() && class_names.size() != k) {
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("{} class names for a {}x{} confusion matrix", class_names.size(), k, k));
  }
  const auto name = [&](std::size_t c) {
    return class_names.empty() ? std::to_string(c) : xml_text(class_names[c], 18);
  };
  const int cell = static_cast<int>(std::clamp<std::size_t>(480 / k, 14, 60));
  const int grid = cell * static_cast<int>(k);
  constexpr int kLeft = 160, kTop = 50;
  const int width = std::max(kLeft + grid + 30, 360);
  const int height = kTop + grid + 140;
  const double font = std::min(12.0, cell * 0.4);

  std::string svg = svg_open(width, height, title);
  svg += "<g class=\"cells\">\n";
  for (std::size_t t = 0; t < k; ++t) {
    double row_total = 0;
    for (std::size_t v : confusion[t])
      row_total += static_cast<double>(v);
    for (std::size_t p = 0; p < k; ++p) {
      const std::size_t count = confusion[t][p];
      const double share = row_total > 0 ? static_cast<double>(count) / row_total : 0;
      const auto shade = [share](int full) {
        return static_cast<int>(std::lround(255 + (full - 255) * share));
      };
      const int x = kLeft + cell * static_cast<int>(p);
      const int y = kTop + cell * static_cast<int>(t);
      svg += fmt::format(
          "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
          "fill=\"#{:02x}{:02x}{:02x}\" stroke=\"#dddddd\"><title>true {}, predicted {}: {} "
          "({:.1f}% of the row)</title></rect>\n"
          "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" dominant-baseline=\"middle\" "
          "font-size=\"{:.1f}\" fill=\"{}\">{}</text>\n",
          x, y, cell, cell, shade(8), shade(48), shade(107), name(t), name(p), count, 100 * share,
          x + cell / 2.0, y + cell / 2.0, font, share > 0.5 ? "white" : "black", count);
    }
  }
  svg += "</g>\n<g class=\"labels\" font-size=\"11\">\n";
  for (std::size_t c = 0; c < k; ++c) {
    const double centre = cell * (static_cast<double>(c) + 0.5);
    svg += fmt::format(
        "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>\n",
        kLeft - 6, kTop + centre, name(c));
    const double bx = kLeft + centre;
    const int by = kTop + grid + 10;
    svg += fmt::format(
        "<text x=\"{0:.1f}\" y=\"{1}\" text-anchor=\"end\" transform=\"rotate(-45 {0:.1f} {1})\">"
        "{2}</text>\n",
        bx, by, name(c));
  }
  svg += fmt::format(
      "</g>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">predicted</text>\n"
      "<text x=\"20\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" "
      "transform=\"rotate(-90 20 {})\">true</text>\n</svg>\n",
      kLeft + grid / 2, kTop + grid + 125, kTop + grid / 2, kTop + grid / 2);
  return svg;
}

namespace {

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]) << 16 |
                                              static_cast<unsigned char>(bytes[i + 1]) << 8 |
                                              static_cast<unsigned char>(bytes[i + 2]));
    out += kDigits[v >> 18];
    out += kDigits[(v >> 12) & 63];
    out += kDigits[(v >> 6) & 63];
    out += kDigits[v & 63];
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const auto v =
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]) << 16 |
                                   (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0));
    out += kDigits[v >> 18];
    out += kDigits[(v >> 12) & 63];
    out += two ? kDigits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

void append_png_bytes(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                             static_cast<std::size_t>(size));
}

void check_image(const GridImage& image, std::size_t index) {
  constexpr int kMaxSide = 4096;
  if (image.channels != 1 && image.channels != 3) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("image {}: {} channels (1 or 3 expected)", index, image.channels));
  }
  if (image.height <= 0 || image.width <= 0) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("image {}: size {}x{}", index, image.width, image.height));
  }
  if (image.height > kMaxSide || image.width > kMaxSide) {
    throw Error(ErrorCode::kLimit, fmt::format("image {}: {}x{} is over {} px a side", index,
                                               image.width, image.height, kMaxSide));
  }
  const auto expected = static_cast<std::size_t>(image.channels) *
                        static_cast<std::size_t>(image.height) *
                        static_cast<std::size_t>(image.width);
  if (image.chw.size() != expected) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("image {}: {} bytes for {}x{}x{} (CHW)", index, image.chw.size(),
                            image.channels, image.height, image.width));
  }
}

// The image as a PNG (stb_image_write), planes interleaved first.
std::string encode_png(const GridImage& image) {
  const auto c = static_cast<std::size_t>(image.channels);
  const auto plane = static_cast<std::size_t>(image.height) * static_cast<std::size_t>(image.width);
  std::vector<std::uint8_t> hwc(image.chw.size());
  for (std::size_t ch = 0; ch < c; ++ch) {
    for (std::size_t p = 0; p < plane; ++p)
      hwc[p * c + ch] = image.chw[ch * plane + p];
  }
  std::string png;
  if (stbi_write_png_to_func(append_png_bytes, &png, image.width, image.height, image.channels,
                             hwc.data(), image.width * image.channels) == 0) {
    throw Error(ErrorCode::kInternal, "PNG encoding failed");
  }
  return png;
}

}  // namespace

std::string image_grid_svg(std::span<const GridImage> images, int columns, std::string_view title) {
  if (columns < 1) {
    throw Error(ErrorCode::kInvalidArgument, fmt::format("image grid with {} columns", columns));
  }
  constexpr int kScaleTarget = 64;
  int cell_w = 90;  // room for a caption of about 14 characters
  int image_h = 0;
  std::vector<int> scales;
  for (std::size_t i = 0; i < images.size(); ++i) {
    const GridImage& image = images[i];
    check_image(image, i);
    const int scale = std::max(1, kScaleTarget / std::max(image.height, image.width));
    scales.push_back(scale);
    cell_w = std::max(cell_w, image.width * scale + 10);
    image_h = std::max(image_h, image.height * scale);
  }
  const int cell_h = image_h + 28;
  const int used_columns = std::max(1, std::min<int>(columns, static_cast<int>(images.size())));
  const int rows = static_cast<int>((images.size() + static_cast<std::size_t>(columns) - 1) /
                                    static_cast<std::size_t>(columns));
  constexpr int kTop = 45, kMargin = 10;
  const int width = std::max(2 * kMargin + used_columns * cell_w, 240);
  const int height = kTop + rows * cell_h + kMargin;

  std::string svg = svg_open(width, height, title, /*xlink=*/true);
  for (std::size_t i = 0; i < images.size(); ++i) {
    const GridImage& image = images[i];
    const int col = static_cast<int>(i % static_cast<std::size_t>(columns));
    const int row = static_cast<int>(i / static_cast<std::size_t>(columns));
    const int w = image.width * scales[i];
    const int h = image.height * scales[i];
    const int cx = kMargin + col * cell_w + cell_w / 2;
    const int top = kTop + row * cell_h;
    svg += fmt::format(
        "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" "
        "image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" "
        "xlink:href=\"data:image/png;base64,{}\"/>\n"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n",
        cx - w / 2, top + (image_h - h) / 2, w, h, base64(encode_png(image)), cx,
        top + image_h + 16, xml_text(image.caption, 30));
  }
  svg += "</svg>\n";
  return svg;
}

std::string scatter_svg(std::span<const ScatterPoint> points,
                        std::span<const std::string> group_names, std::string_view title) {
  constexpr int kWidth = 860, kHeight = 800;
  constexpr double kLeft = 30, kTop = 50, kSide = 720;
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const ScatterPoint& p = points[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("scatter point {} ('{}') is not finite", i, p.label));
    if (p.group < -1 || p.group >= static_cast<int>(group_names.size()))
      throw Error(ErrorCode::kInvalidArgument, fmt::format("scatter point '{}' has group {} of {}",
                                                           p.label, p.group, group_names.size()));
    if (i == 0) {
      x_lo = x_hi = p.x;
      y_lo = y_hi = p.y;
    }
    x_lo = std::min(x_lo, p.x);
    x_hi = std::max(x_hi, p.x);
    y_lo = std::min(y_lo, p.y);
    y_hi = std::max(y_hi, p.y);
  }
  // Equal units on both axes, centred; a single point (or all equal) sits in the middle.
  double span = std::max(x_hi / 2 - x_lo / 2, y_hi / 2 - y_lo / 2) * 2;
  if (!(span > 0) || !std::isfinite(span)) span = 1;
  const double cx = x_lo / 2 + x_hi / 2, cy = y_lo / 2 + y_hi / 2;
  auto px = [&](double x) { return kLeft + kSide / 2 + (x - cx) / span * kSide; };
  auto py = [&](double y) { return kTop + kSide / 2 - (y - cy) / span * kSide; };

  std::string svg = svg_open(kWidth, kHeight, title);
  svg += "<g class=\"points\" font-size=\"9\">\n";
  for (const ScatterPoint& p : points) {
    const std::string_view colour =
        p.group < 0 ? std::string_view("#999999")
                    : kPalette[static_cast<std::size_t>(p.group) % std::size(kPalette)];
    svg += fmt::format(
        "<circle class=\"point\" cx=\"{0:.2f}\" cy=\"{1:.2f}\" r=\"2.5\" fill=\"{2}\"/>"
        "<text class=\"label\" x=\"{3:.2f}\" y=\"{1:.2f}\" dominant-baseline=\"middle\" "
        "fill=\"{4}\">{5}</text>\n",
        px(p.x), py(p.y), colour, px(p.x) + 4, p.group < 0 ? "#444444" : colour,
        xml_text(p.label, 30));
  }
  svg += "</g>\n";
  for (std::size_t g = 0; g < group_names.size(); ++g) {
    const double ly = kTop + 10 + 20 * static_cast<double>(g);
    svg += fmt::format(
        "<g class=\"legend\"><circle cx=\"{0}\" cy=\"{1:.2f}\" r=\"4\" fill=\"{2}\"/>"
        "<text x=\"{3}\" y=\"{1:.2f}\" dominant-baseline=\"middle\">{4}</text></g>\n",
        kLeft + kSide + 12, ly, kPalette[g % std::size(kPalette)], kLeft + kSide + 22,
        xml_text(group_names[g], 14));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace secnlp::models
