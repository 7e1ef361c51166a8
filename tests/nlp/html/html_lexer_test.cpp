// The fast scanner (HtmlParser::kFast) against libxml2 (HtmlParser::kLibxml2) on markup that a
// lexer can get wrong. Every row runs with both parsers and expects the same text: the expected
// values are what libxml2 2.9.14 produces.

#include "nlp/html/html_lexer.h"

#include <chrono>
#include <string>
#include <string_view>
#include <tuple>

#include <gtest/gtest.h>

#include "nlp/html/html_to_text.h"

namespace secnlp::nlp {
namespace {

using namespace std::string_literals;

struct LexCase {
  const char* name;
  std::string html;
  std::string text;
};

void PrintTo(const LexCase& c, std::ostream* os) {
  *os << c.name;
}

constexpr HtmlParser kParsers[] = {HtmlParser::kFast, HtmlParser::kLibxml2};

class HtmlLexerTest : public ::testing::TestWithParam<std::tuple<LexCase, HtmlParser>> {};

TEST_P(HtmlLexerTest, MatchesLibxml2) {
  const auto& [c, parser] = GetParam();
  HtmlOptions o;
  o.parser = parser;
  EXPECT_EQ(html_to_text(c.html, o).text, c.text);
}

const LexCase kLexCases[] = {
    // Attributes.
    {"attr_double_quoted_gt", "<p title=\"a>b\">x</p>", "x\n"},
    {"attr_single_quoted_gt", "<p title='a>b' class=c>x</p>", "x\n"},
    {"attr_unquoted", "<p class=a-b>x</p>", "x\n"},
    {"attr_valueless", "<p nowrap>x</p>", "x\n"},
    {"attr_spaces_around_equals", "<span style = \"display : none\">x</span>y", "y\n"},
    {"attr_single_quoted_style", "a<span style='display:none'>x</span>b", "ab\n"},
    {"attr_unquoted_style", "a<span style=display:none>x</span>b", "ab\n"},
    {"attr_style_entity", "a<span style=\"display&#58;none\">x</span>b", "ab\n"},
    {"attr_hidden_upper", "a<SPAN HIDDEN>x</SPAN>b", "ab\n"},
    // Both spellings of the 'd' that style_hides jumps between, in either order.
    {"attr_style_lower_d_then_upper", "a<span style=\"dd:d;DISPLAY:none\">x</span>b", "ab\n"},
    {"attr_style_upper_d_then_lower", "a<span style=\"DD:D;display:None\">x</span>b", "ab\n"},
    {"attr_style_mixed_no_match", "a<span style=\"dDdD:display-x:none\">x</span>b", "axb\n"},
    {"attr_duplicate_style_first_wins",
     "a<span style=\"color:red\" style=\"display:none\">x</span>", "ax\n"},
    {"attr_bogus", "<p \"x\" =y 'z'>t</p>", "t\n"},
    {"attr_unterminated_quote", "a<p title=\"x>b</p>c", "a\n"},
    {"self_closing_div", "a<div/>b", "a\n\nb\n"},
    {"self_closing_br", "a<br/>b", "a\nb\n"},
    {"unquoted_value_then_slash", "a<span class=x/>b</span>c", "abc\n"},
    // Entities.
    {"named_entities", "&lt;&gt;&amp;&quot;&apos;&copy;&Ouml;&euro;",
     "<>&\"'\xC2\xA9\xC3\x96\xE2\x82\xAC\n"},
    {"named_without_semicolon", "AT&T &amp x &nbspy", "AT&T &amp x &nbspy\n"},
    {"named_unknown", "&foo; &AMP;", "&foo; &AMP;\n"},
    {"numeric_decimal_hex", "&#65;&#x42;&#X43;&#068", "ABCD\n"},
    {"numeric_without_semicolon", "&#65x &#x41g", "Ax Ag\n"},
    {"numeric_invalid_vanish", "a&#0;b&#1;c&#xD800;d&#x110000;e&#99999999999;f&#;g&#x;h",
     "abcdefgh\n"},
    {"numeric_c1_kept", "a&#150;b&#x80;c",
     "a\xC2\x96"
     "b\xC2\x80"
     "c\n"},
    {"numeric_nonchar_vanish", "a&#xFFFE;b&#xFFFF;c&#xFFFD;", "abc\xEF\xBF\xBD\n"},
    {"lone_ampersand", "a & b &", "a & b &\n"},
    {"ampersand_at_end_after_tag", "a<b>&", "a\n"},
    {"ampersand_digit", "a&1;b", "a&1;b\n"},
    // Comments, doctype, processing instructions, CDATA.
    {"comment_with_dashes", "a<!-- x -- y - z -->b", "ab\n"},
    {"comment_bang_end", "a<!-- x --!>b", "ab\n"},
    {"comment_short", "a<!-->b-->c", "ac\n"},
    {"comment_unterminated", "a<!-- never closed <p>x</p>", "a\n"},
    {"doctype_mid_document", "a<!DOCTYPE html>b", "ab\n"},
    {"doctype_lower", "<!doctype html><p>x</p>", "x\n"},
    {"xml_declaration", "<?xml version=\"1.0\" encoding=\"utf-8\"?><p>x</p>", "x\n"},
    {"pi_ends_at_first_gt", "a<?php x > y ?>b", "a y ?>b\n"},
    {"cdata_is_text", "a<![CDATA[x]]>b", "a<![CDATA[x]]>b\n"},
    {"bang_other_is_text", "a<!foo>b", "a<!foo>b\n"},
    // Raw text.
    {"script_fake_close", "a<script>document.write('</scr' + 'ipt>');</script>b", "ab\n"},
    {"script_prefix_close", "a<script>x</scripts>y</script>b", "ab\n"},
    {"script_upper_close", "a<SCRIPT>x</Script >b", "ab\n"},
    {"script_tags_inside", "a<script>if (a<b) { x = '<p>'; }</script>b", "ab\n"},
    {"style_unterminated", "a<style>p { }", "a\n"},
    {"script_unterminated", "a<script>var x = 1;", "a\n"},
    {"textarea_not_raw", "a<textarea>x<b>y</b></textarea>b", "ab\n"},
    {"title_not_raw", "<title>x<b>y</b></title>b", "b\n"},
    // Tags.
    {"uppercase_tags", "<DIV>a</DIV><P>b</P><TABLE><TR><TD>c</TD><TD>d</TD></TR></TABLE>",
     "a\n\nb\n\nc\td\n"},
    {"ix_prefix_upper", "a<IX:HEADER>h</IX:HEADER>b", "ab\n"},
    {"lt_in_text", "1 < 2 and 3<4 a<-b", "1 < 2 and 3<4 a<-b\n"},
    {"lt_space_p", "a< p>b", "a< p>b\n"},
    {"lt_underscore", "a<_x>b", "a<_x>b\n"},
    {"lt_at_end", "a<", "a\n"},
    {"end_tag_space", "a</ p>b", "a p>b\n"},
    {"end_tag_empty", "a</>b", "a>b\n"},
    {"end_tag_attrs", "<p>a</p class=x>b", "a\n\nb\n"},
    {"unclosed_tag_at_eof", "a<div class=\"x\"", "a\n"},
    {"void_elements", "a<img src=x>b<hr>c<input>d<meta>e<link>f<col>g", "ab\n\ncdefg\n"},
    {"embed_not_void", "a<embed>b</embed>c", "abc\n"},
    // Tree building.
    {"p_closed_by_div", "<p>a<div>b</div>c</p>", "a\n\nb\nc\n"},
    {"p_closes_b", "<b>x<p>y</b>z", "x\n\nyz\n"},
    {"end_tag_blocked_by_div", "<span><div>a</span>b</div>c", "ab\nc\n"},
    {"td_closes_div", "<table><tr><td><div>a</td><td>b</td></tr></table>", "a\nb\n"},
    {"stray_table_end", "<tr><td>x</table>y", "xy\n"},
    {"td_closes_td", "<table><tr><td>a<td>b<tr><td>c</table>", "a\tb\nc\n"},
    {"li_closes_li", "<ul><li>a<li>b</ul>", "a\nb\n"},
    {"head_closed_by_text", "<head><title>t</title>junk</head>b", "junkb\n"},
    {"head_closed_by_div", "<head><meta name=x><div>a</div>", "a\n"},
    {"misplaced_head_ignored", "<html><body><head>z</head>a", "za\n"},
    {"second_body_ignored", "<body><body>a</body>b</body>c", "ab\n\nc\n"},
    {"after_html_dropped", "<p>a</p></html>b<p>c</p>", "a\n"},
    {"end_tag_first_drops_all", "</x>abc", ""},
    {"nested_tables_counted_once", "<table><tr><td>a<table><tr><td>b</table>c</td></tr></table>",
     "a\n\nb\n\nc\n"},
    // Bytes.
    {"control_chars_dropped",
     "a\x01\x02\x0B\x0C\x1F"
     "b\x7F"
     "c",
     "ab\x7F"
     "c\n"},
    {"nul_dropped", "a\0b"s, "ab\n"},
    {"utf8_kept", "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80",
     "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\n"},
    {"bom_like_ef", "\xEF\xBC\xA1 \xEF\xBF\xBD", "\xEF\xBC\xA1 \xEF\xBF\xBD\n"},
};

INSTANTIATE_TEST_SUITE_P(Table, HtmlLexerTest,
                         ::testing::Combine(::testing::ValuesIn(kLexCases),
                                            ::testing::ValuesIn(kParsers)),
                         [](const auto& row) {
                           return std::string(std::get<0>(row.param).name) +
                                  (std::get<1>(row.param) == HtmlParser::kFast ? "_fast"
                                                                               : "_libxml2");
                         });

// The scanner itself does not validate UTF-8 (html_to_text repairs it first): bytes pass through.
TEST(HtmlLexerTest, InvalidUtf8PassesThroughTheScanner) {
  const HtmlText r = html_internal::fast_html_to_text("a\xFF\xC3<b>\x80z</b>", HtmlOptions{});
  EXPECT_EQ(r.text, "a\xFF\xC3\x80z\n");
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string r;
  r.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i)
    r.append(s);
  return r;
}

struct HostileCase {
  const char* name;
  std::string (*make)();  // built when the test runs, not at start-up (10-50 MB each)
  const char* prefix;     // the text must start with this
};

void PrintTo(const HostileCase& c, std::ostream* os) {
  *os << c.name;
}

class FastHostileTest : public ::testing::TestWithParam<HostileCase> {};

// Linear time: each case is 10-50 MB or 100,000 levels deep and finishes in well under a second
// (not asserted: timings are printed, never tested).
TEST_P(FastHostileTest, Terminates) {
  const HostileCase& c = GetParam();
  const std::string html = c.make();
  const std::string prefix = c.prefix;
  const auto t0 = std::chrono::steady_clock::now();
  const HtmlText r = html_to_text(html);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%-28s %6.1f MB %.3f s\n", c.name, static_cast<double>(html.size()) / 1e6, s);
  EXPECT_EQ(r.text.substr(0, prefix.size()), prefix);
  EXPECT_FALSE(r.truncated);
}

constexpr std::size_t kDeep = 100000;
constexpr std::size_t kTenMb = 10 << 20;

const HostileCase kHostileCases[] = {
    {"deep_nesting",
     [] {
       return std::string(repeat("<div><span><font>", kDeep) + "deep" +
                          repeat("</font></span></div>", kDeep));
     },
     "deep\n"},
    {"deep_unclosed_then_stray_ends",
     [] {
       return std::string("<span>x<div>" + repeat("<font>", kDeep) + repeat("</span>", kDeep) +
                          "y");
     },
     "x\n"},
    {"deep_tables", [] { return std::string(repeat("<table><tr><td>", kDeep) + "cell"); },
     "cell\n"},
    {"text_node_50mb", [] { return std::string("<p>" + repeat("word ", 10 << 20) + "</p>"); },
     "word word"},
    {"unterminated_comment", [] { return std::string("a<!--" + std::string(kTenMb, '-')); }, "a\n"},
    {"unterminated_script", [] { return std::string("a<script>" + repeat("x<", kTenMb / 2)); },
     "a\n"},
    {"unterminated_tag", [] { return std::string("a<div title=\"" + std::string(kTenMb, 'x')); },
     "a\n"},
    {"unterminated_tag_attrs", [] { return std::string("a<div " + repeat("x=y ", kTenMb / 4)); },
     "a\n"},
    {"many_lt", [] { return std::string(std::string(kTenMb, '<')); }, "<<<<"},
    {"many_amp", [] { return std::string(std::string(kTenMb, '&')); }, "&&&&"},
    {"many_end_tags", [] { return std::string(repeat("</", kTenMb / 2)); }, ""},
    {"many_comment_starts", [] { return std::string(repeat("<!--", kTenMb / 4)); }, ""},
    {"many_hash_refs", [] { return std::string(repeat("&#", kTenMb / 2)); }, ""},
};

INSTANTIATE_TEST_SUITE_P(Table, FastHostileTest, ::testing::ValuesIn(kHostileCases),
                         [](const auto& row) { return std::string(row.param.name); });

}  // namespace
}  // namespace secnlp::nlp
