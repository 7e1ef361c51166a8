#include "models/report/plots.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

#include <stb_image.h>

#include "common/error.h"
#include "common/utf8.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A small XML well-formedness check: one root element, balanced and properly nested tags,
// quoted attributes without '<', every '&' starting a predefined or numeric entity, valid UTF-8
// and no control characters. Returns the first problem, or nullopt.
std::optional<std::string> xml_problem(std::string_view xml) {
  if (!is_valid_utf8(xml)) return "invalid UTF-8";
  for (char ch : xml) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "control character";
  }
  const auto entity_ok = [&](std::size_t amp) {
    for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"}) {
      if (xml.substr(amp, e.size()) == e) return true;
    }
    return false;
  };
  std::vector<std::string> open;
  int roots = 0;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      if (!entity_ok(i)) return "bare '&' in text at " + std::to_string(i);
      ++i;
      continue;
    }
    if (xml[i] != '<') {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(xml[i]))) {
        return "text outside the root element";
      }
      ++i;
      continue;
    }
    if (xml.substr(i, 2) == "<?") {
      const std::size_t end = xml.find("?>", i);
      if (end == std::string_view::npos) return "unterminated <?";
      i = end + 2;
      continue;
    }
    if (xml.substr(i, 4) == "<!--") {
      const std::size_t end = xml.find("-->", i);
      if (end == std::string_view::npos) return "unterminated comment";
      i = end + 3;
      continue;
    }
    const bool closing = xml.substr(i, 2) == "</";
    std::size_t j = i + (closing ? 2 : 1);
    const std::size_t name_begin = j;
    while (j < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[j])) || xml[j] == ':' ||
                              xml[j] == '-' || xml[j] == '_')) {
      ++j;
    }
    const std::string name(xml.substr(name_begin, j - name_begin));
    if (name.empty()) return "tag without a name at " + std::to_string(i);
    char quote = 0;
    for (; j < xml.size(); ++j) {
      const char c = xml[j];
      if (quote) {
        if (c == quote) quote = 0;
        if (c == '<') return "'<' in an attribute of <" + name + ">";
        if (c == '&' && !entity_ok(j)) return "bare '&' in an attribute of <" + name + ">";
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      } else if (c == '<') {
        return "'<' inside tag <" + name + ">";
      }
    }
    if (j == xml.size()) return "unterminated tag <" + name + ">";
    const bool self_closing = !closing && xml[j - 1] == '/';
    if (closing) {
      if (open.empty() || open.back() != name) return "unbalanced </" + name + ">";
      open.pop_back();
    } else if (!self_closing) {
      if (open.empty() && ++roots > 1) return "second root element <" + name + ">";
      open.push_back(name);
    } else if (open.empty()) {
      return "self-closing root";
    }
    i = j + 1;
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return "no root element";
  return std::nullopt;
}

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// True when `word` occurs in `text` not as part of a longer word ("nan" but not "dominant").
bool has_word(std::string_view text, std::string_view word) {
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    const std::size_t end = pos + word.size();
    if ((pos == 0 || !letter(text[pos - 1])) && (end == text.size() || !letter(text[end]))) {
      return true;
    }
  }
  return false;
}

void expect_well_formed(const std::string& svg) {
  const auto problem = xml_problem(svg);
  EXPECT_FALSE(problem) << *problem << "\n" << svg.substr(0, 2000);
  EXPECT_FALSE(has_word(svg, "nan")) << "a NaN coordinate";
  EXPECT_FALSE(has_word(svg, "inf")) << "an infinite coordinate";
}

TEST(XmlCheckTest, CatchesMalformedDocuments) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"<svg><g/><text>a &amp; b</text></svg>", true},
      {"<?xml version=\"1.0\"?>\n<svg a=\"1\"></svg>\n", true},
      {"<svg><g></svg>", false},
      {"<svg></g></svg>", false},
      {"<svg><text>a & b</text></svg>", false},
      {"<svg><text>a < b</text></svg>", false},
      {"<svg a=\"<\"></svg>", false},
      {"<svg></svg><svg></svg>", false},
      {"<svg>\x01</svg>", false},
      {"<svg>\xff</svg>", false},
  };
  for (const auto& [xml, good] : cases) {
    EXPECT_EQ(!xml_problem(xml).has_value(), good) << xml;
  }
}

TEST(LineChartTest, DrawsOnePointPerFiniteValue) {
  constexpr double kMax = std::numeric_limits<double>::max();
  struct Case {
    const char* name;
    std::vector<Series> series;
    std::size_t points;
  };
  const std::vector<Case> cases = {
      {"two series", {{"train", {0.9, 0.5, 0.3}}, {"val", {1.0, 0.7, 0.6}}}, 6},
      {"gap", {{"loss", {1, kNaN, 3, 4}}}, 3},
      {"no series", {}, 0},
      {"empty series", {{"loss", {}}}, 0},
      {"single value", {{"loss", {2.5}}}, 1},
      {"constant", {{"acc", {0.5, 0.5, 0.5}}}, 3},
      {"constant zero", {{"acc", {0, 0}}}, 2},
      {"all NaN", {{"loss", {kNaN, kNaN}}}, 0},
      {"infinities", {{"loss", {kInf, 1, -kInf, 2}}}, 2},
      {"extremes", {{"a", {kMax, -kMax}}, {"b", {kMax}}}, 3},
      {"tiny range", {{"a", {1.0, std::nextafter(1.0, 2.0)}}}, 2},
      {"long run", {{"a", std::vector<double>(250, 0.25)}}, 250},
      {"many series", std::vector<Series>(12, Series{"s", {1, 2}}), 24},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string svg = line_chart_svg("Loss", "epoch", "loss", c.series);
    expect_well_formed(svg);
    EXPECT_EQ(count(svg, "<circle class=\"point\""), c.points);
    EXPECT_EQ(count(svg, "<g class=\"legend\">"), c.series.size());
  }
}

TEST(LineChartTest, EscapesCallerText) {
  const std::vector<Series> series = {{"val <b> & 'q'", {1, 2}}, {"bad \x01\xff bytes", {3}}};
  const std::string svg = line_chart_svg("Loss <train> & \"val\"", "epoch & step", "y<x", series);
  expect_well_formed(svg);
  EXPECT_NE(svg.find("Loss &lt;train&gt; &amp; &quot;val&quot;"), std::string::npos);
  EXPECT_NE(svg.find("epoch &amp; step"), std::string::npos);
  EXPECT_NE(svg.find("y&lt;x"), std::string::npos);
  EXPECT_NE(svg.find("val &lt;b&gt; &amp; &apos;q&apos;"), std::string::npos);
  EXPECT_EQ(svg.find("<train>"), std::string::npos);
}

TEST(ConfusionMatrixTest, OneCellPerEntryShadedByRowShare) {
  const std::vector<std::vector<std::size_t>> m = {{10, 0, 0}, {3, 3, 0}, {0, 0, 0}};
  const std::vector<std::string> names = {"neg <0>", "neutral", "pos & co"};
  const std::string svg = confusion_matrix_svg(m, names, "Confusion <test> & more");
  expect_well_formed(svg);
  EXPECT_EQ(count(svg, "<rect class=\"cell\""), 9u);
  EXPECT_NE(svg.find("Confusion &lt;test&gt; &amp; more"), std::string::npos);
  EXPECT_NE(svg.find("pos &amp; co"), std::string::npos);
  EXPECT_NE(svg.find(">predicted</text>"), std::string::npos);
  EXPECT_NE(svg.find(">true</text>"), std::string::npos);
  // Fills in row-major order: a full row share is the darkest blue, an empty row white.
  std::vector<std::string> fills;
  for (std::size_t pos = svg.find("<rect class=\"cell\""); pos != std::string::npos;
       pos = svg.find("<rect class=\"cell\"", pos + 1)) {
    const std::size_t f = svg.find("fill=\"", pos) + 6;
    fills.push_back(svg.substr(f, 7));
  }
  const std::vector<std::string> expected = {"#08306b",           "#ffffff", "#ffffff",
                                             "#8498b5" /* 50% */, "#8498b5", "#ffffff",
                                             "#ffffff",           "#ffffff", "#ffffff"};
  EXPECT_EQ(fills, expected);
  // Unnamed classes are numbered.
  const std::string unnamed = confusion_matrix_svg({{1, 2}, {3, 4}}, {}, "m");
  expect_well_formed(unnamed);
  EXPECT_EQ(count(unnamed, "<rect class=\"cell\""), 4u);
}

TEST(ConfusionMatrixTest, RejectsMalformedMatrices) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::size_t>> matrix;
    std::vector<std::string> names;
  };
  const std::vector<Case> cases = {
      {"empty", {}, {}},
      {"not square", {{1, 2}, {3}}, {}},
      {"rectangular", {{1, 2, 3}, {4, 5, 6}}, {}},
      {"too few names", {{1, 2}, {3, 4}}, {"a"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      confusion_matrix_svg(c.matrix, c.names, "t");
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

std::vector<unsigned char> base64_decode(std::string_view text) {
  std::vector<unsigned char> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') {
      v = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      v = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      v = c - '0' + 52;
    } else if (c == '+') {
      v = 62;
    } else if (c == '/') {
      v = 63;
    } else {
      break;  // '=' padding
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// The pixels of `image` interleaved (HWC), as a PNG decoder returns them.
std::vector<unsigned char> interleaved(const GridImage& image) {
  const std::size_t plane = static_cast<std::size_t>(image.height * image.width);
  std::vector<unsigned char> out;
  for (std::size_t p = 0; p < plane; ++p) {
    for (int c = 0; c < image.channels; ++c)
      out.push_back(image.chw[c * plane + p]);
  }
  return out;
}

TEST(ImageGridTest, EmbedsPngsThatDecodeToTheSamePixels) {
  std::vector<GridImage> images;
  images.push_back({{0, 50, 100, 150, 200, 255}, 1, 2, 3, "true 7 / pred 1"});
  std::vector<std::uint8_t> rgb(3 * 2 * 2);
  for (std::size_t i = 0; i < rgb.size(); ++i)
    rgb[i] = static_cast<std::uint8_t>(i * 21);
  images.push_back({rgb, 3, 2, 2, "true <cat> / pred & dog"});
  std::vector<std::uint8_t> wide(1 * 1 * 5);
  for (std::size_t i = 0; i < wide.size(); ++i)
    wide[i] = static_cast<std::uint8_t>(255 - i);
  images.push_back({wide, 1, 1, 5, "wide"});
  std::vector<std::uint8_t> big(3 * 40 * 30, 7);
  big[3 * 40 * 30 - 1] = 200;
  images.push_back({big, 3, 40, 30, "big"});

  const std::string svg = image_grid_svg(images, 3, "Errors & <misses>");
  expect_well_formed(svg);
  EXPECT_EQ(count(svg, "<image "), images.size());
  EXPECT_NE(svg.find("Errors &amp; &lt;misses&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">true 7 / pred 1</text>"), std::string::npos);
  EXPECT_NE(svg.find("true &lt;cat&gt; / pred &amp; dog"), std::string::npos);
  EXPECT_NE(svg.find("image-rendering:pixelated"), std::string::npos);

  constexpr std::string_view kPrefix = "data:image/png;base64,";
  std::size_t pos = 0;
  for (const GridImage& image : images) {
    SCOPED_TRACE(image.caption);
    pos = svg.find(kPrefix, pos);
    ASSERT_NE(pos, std::string::npos);
    pos += kPrefix.size();
    const std::size_t end = svg.find('"', pos);
    const std::vector<unsigned char> png =
        base64_decode(std::string_view(svg).substr(pos, end - pos));
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels =
        stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &channels, 0);
    ASSERT_NE(pixels, nullptr) << stbi_failure_reason();
    const std::vector<unsigned char> decoded(
        pixels, pixels + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) *
                             static_cast<std::size_t>(channels));
    stbi_image_free(pixels);
    EXPECT_EQ(w, image.width);
    EXPECT_EQ(h, image.height);
    EXPECT_EQ(channels, image.channels);
    EXPECT_EQ(decoded, interleaved(image));
  }
}

TEST(ImageGridTest, NoImagesIsAnEmptyGrid) {
  const std::string svg = image_grid_svg({}, 4, "none");
  expect_well_formed(svg);
  EXPECT_EQ(count(svg, "<image "), 0u);
}

TEST(ImageGridTest, RejectsBadImages) {
  struct Case {
    const char* name;
    GridImage image;
    int columns;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"two channels", {std::vector<std::uint8_t>(8), 2, 2, 2, ""}, 2, ErrorCode::kInvalidArgument},
      {"four channels",
       {std::vector<std::uint8_t>(16), 4, 2, 2, ""},
       2,
       ErrorCode::kInvalidArgument},
      {"zero height", {{}, 1, 0, 2, ""}, 2, ErrorCode::kInvalidArgument},
      {"negative width", {{}, 1, 2, -2, ""}, 2, ErrorCode::kInvalidArgument},
      {"short buffer",
       {std::vector<std::uint8_t>(11), 3, 2, 2, ""},
       2,
       ErrorCode::kInvalidArgument},
      {"long buffer", {std::vector<std::uint8_t>(5), 1, 2, 2, ""}, 2, ErrorCode::kInvalidArgument},
      {"zero columns", {std::vector<std::uint8_t>(4), 1, 2, 2, ""}, 0, ErrorCode::kInvalidArgument},
      {"too wide", {std::vector<std::uint8_t>(5000), 1, 1, 5000, ""}, 1, ErrorCode::kLimit},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<GridImage> images = {c.image};
    try {
      image_grid_svg(images, c.columns, "t");
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), c.code);
    }
  }
}

}  // namespace
}  // namespace secnlp::models
