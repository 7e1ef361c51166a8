#include "nlp/encoding/encoding.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace secnlp::nlp {
namespace {

using namespace std::string_literals;

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::string utf8;
  const char* encoding;
  std::size_t replaced;
  std::size_t nuls;
  bool bom;
};

void PrintTo(const DecodeCase& c, std::ostream* os) {
  *os << c.name;
}

class DecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTest, Decodes) {
  const DecodeCase& c = GetParam();
  const DecodedText d = decode_to_utf8(c.bytes);
  EXPECT_EQ(d.utf8, c.utf8);
  EXPECT_EQ(d.source_encoding, c.encoding);
  EXPECT_EQ(d.replaced, c.replaced);
  EXPECT_EQ(d.removed_nuls, c.nuls);
  EXPECT_EQ(d.had_bom, c.bom);
  EXPECT_TRUE(is_valid_utf8(d.utf8));
  EXPECT_EQ(d.utf8.find('\0'), std::string::npos);
}

// A UTF-8 body with `n` multi-byte characters, to outvote a few invalid bytes.
std::string many_euros(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "\xE2\x82\xAC ";
  return s;
}

const DecodeCase kDecodeCases[] = {
    {"empty", "", "", "utf-8", 0, 0, false},
    {"ascii", "Item 1A. Risk Factors\n", "Item 1A. Risk Factors\n", "utf-8", 0, 0, false},
    {"utf8", "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80",
     "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", "utf-8", 0, 0, false},
    {"utf8_bom", "\xEF\xBB\xBFhi \xC3\xA9", "hi \xC3\xA9", "utf-8", 0, 0, true},
    {"utf8_bom_only", "\xEF\xBB\xBF", "", "utf-8", 0, 0, true},
    {"nuls_dropped", "a\0b\0\0c"s, "abc", "utf-8", 0, 3, false},
    {"nuls_in_long_ascii", "0123456789\0abcdefghij\0"s, "0123456789abcdefghij", "utf-8", 0, 2,
     false},
    // cp1252: 0x92 right quote, 0x93/0x94 double quotes, 0x96 en dash, 0x80 euro.
    {"cp1252",
     "company\x92s \x93"
     "best\x94 \x96 \x80"
     "5",
     "company\xE2\x80\x99s \xE2\x80\x9C"
     "best\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC"
     "5",
     "windows-1252", 0, 0, false},
    {"latin1_undeclared", "caf\xE9 na\xEFve", "caf\xC3\xA9 na\xC3\xAFve", "windows-1252", 0, 0,
     false},
    {"latin1_declared_is_cp1252", "<meta charset=\"iso-8859-1\">caf\xE9 \x92",
     "<meta charset=\"iso-8859-1\">caf\xC3\xA9 \xE2\x80\x99", "windows-1252", 0, 0, false},
    {"cp1252_undefined_byte",
     "a\x81"
     "b",
     "a\xC2\x81"
     "b",
     "windows-1252", 0, 0, false},
    {"cp1252_nul", "a\x92\0b"s,
     "a\xE2\x80\x99"
     "b",
     "windows-1252", 0, 1, false},
    {"declared_latin2",
     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">\xB1",
     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">\xC4\x85",
     "iso-8859-2", 0, 0, false},
    {"declared_xml", "<?xml version=\"1.0\" encoding='ISO-8859-2'?><a>\xB1</a>",
     "<?xml version=\"1.0\" encoding='ISO-8859-2'?><a>\xC4\x85</a>", "iso-8859-2", 0, 0, false},
    // ICU's substitution is counted; a truncated lead byte at the end is one replacement.
    {"declared_shift_jis_invalid", "<meta charset=shift_jis>\x82\xA0\xFF\xFFx\x82",
     "<meta charset=shift_jis>\xE3\x81\x82\xEF\xBF\xBD\xEF\xBF\xBDx\xEF\xBF\xBD", "shift_jis", 3, 0,
     false},
    {"declared_unknown_falls_back", "<meta charset=\"x-no-such\">\x93q\x94",
     "<meta charset=\"x-no-such\">\xE2\x80\x9Cq\xE2\x80\x9D", "windows-1252", 0, 0, false},
    {"declared_utf16_ignored", "<meta charset=utf-16>\x93q\x94",
     "<meta charset=utf-16>\xE2\x80\x9Cq\xE2\x80\x9D", "windows-1252", 0, 0, false},
    // Valid UTF-8 wins over a wrong declaration.
    {"valid_utf8_beats_declaration", "<meta charset=windows-1252>\xC3\xA9",
     "<meta charset=windows-1252>\xC3\xA9", "utf-8", 0, 0, false},
    {"declared_utf8_keeps_utf8",
     "<meta charset=\"UTF-8\">a\x92"
     "b",
     "<meta charset=\"UTF-8\">a\xEF\xBF\xBD"
     "b",
     "utf-8", 1, 0, false},
    {"mostly_utf8_keeps_utf8", many_euros(8) + "\x92", many_euros(8) + "\xEF\xBF\xBD", "utf-8", 1,
     0, false},
    {"mostly_invalid_is_cp1252", "\xC3\xA9 \x92\x92", "\xC3\x83\xC2\xA9 \xE2\x80\x99\xE2\x80\x99",
     "windows-1252", 0, 0, false},
    // Invalid UTF-8 in a document declared UTF-8: one U+FFFD per maximal subpart.
    {"overlong_slash", "<meta charset=utf-8>\xC0\xAF",
     "<meta charset=utf-8>\xEF\xBF\xBD\xEF\xBF\xBD", "utf-8", 2, 0, false},
    {"overlong_3byte", "<meta charset=utf-8>\xE0\x80\xAF",
     "<meta charset=utf-8>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "utf-8", 3, 0, false},
    {"lone_surrogate", "<meta charset=utf-8>\xED\xA0\x80z",
     "<meta charset=utf-8>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz", "utf-8", 3, 0, false},
    {"truncated_sequence", "<meta charset=utf-8>\xE2\x82", "<meta charset=utf-8>\xEF\xBF\xBD",
     "utf-8", 1, 0, false},
    {"above_max", "<meta charset=utf-8>\xF4\x90\x80\x80",
     "<meta charset=utf-8>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "utf-8", 4, 0, false},
    {"truncated_then_ascii", "<meta charset=utf-8>\xF0\x9F\x98z",
     "<meta charset=utf-8>\xEF\xBF\xBDz", "utf-8", 1, 0, false},
    {"utf16le_bom", "\xFF\xFEh\0i\0 \0\xE9\0\x19\x20"s, "hi \xC3\xA9\xE2\x80\x99", "utf-16le", 0, 0,
     true},
    {"utf16be_bom", "\xFE\xFF\0h\0i\xD8\x3D\xDE\x00"s, "hi\xF0\x9F\x98\x80", "utf-16be", 0, 0,
     true},
    {"utf16le_lone_surrogate",
     "\xFF\xFE"
     "a\0\x00\xD8"
     "b\0"s,
     "a\xEF\xBF\xBD"
     "b",
     "utf-16le", 1, 0, true},
    {"utf16le_nul",
     "\xFF\xFE"
     "a\0\0\0b\0"s,
     "ab", "utf-16le", 0, 1, true},
    {"utf16le_odd_length",
     "\xFF\xFE"
     "a\0b"s,
     "a\xEF\xBF\xBD", "utf-16le", 1, 0, true},
    {"utf16le_no_bom", "I\0t\0e\0m\0 \0001\0"s, "Item 1", "utf-16le", 0, 0, false},
    {"utf16be_no_bom", "\0I\0t\0e\0m"s, "Item", "utf-16be", 0, 0, false},
    {"too_short_for_utf16_guess", "\0I\0t\0e"s, "Ite", "utf-8", 0, 3, false},
};

INSTANTIATE_TEST_SUITE_P(Table, DecodeTest, ::testing::ValuesIn(kDecodeCases),
                         [](const auto& row) { return std::string(row.param.name); });

TEST(DecodeTest, LongAsciiWithLateInvalidByte) {
  std::string s(100000, 'a');
  s += "\x92";
  const DecodedText d = decode_to_utf8(s);
  EXPECT_EQ(d.source_encoding, "windows-1252");
  EXPECT_EQ(d.utf8, std::string(100000, 'a') + "\xE2\x80\x99");
}

TEST(DecodeTest, ReportsUtf8ReadAsAnotherCharsetAndUndefinedCp1252Bytes) {
  // Mostly invalid: windows-1252 wins, but the valid "\xc3\xa9" becomes mojibake: counted.
  const DecodedText mixed = decode_to_utf8("Caf\xc3\xa9 \xff and \xfe");
  EXPECT_EQ(mixed.source_encoding, "windows-1252");
  EXPECT_EQ(mixed.misread_utf8, 1u);
  EXPECT_EQ(mixed.undefined_cp1252, 0u);
  const DecodedText c1 = decode_to_utf8("a \x81 b \x9d c \x92");
  EXPECT_EQ(c1.source_encoding, "windows-1252");
  EXPECT_EQ(c1.misread_utf8, 0u);
  EXPECT_EQ(c1.undefined_cp1252, 2u);
  // Plain cp1252 and valid UTF-8 raise neither.
  const DecodedText plain = decode_to_utf8("it\x92s \x93quoted\x94");
  EXPECT_EQ(plain.misread_utf8 + plain.undefined_cp1252, 0u);
  // Four valid sequences per invalid one stay UTF-8 (the bad byte is replaced instead).
  const DecodedText utf8 = decode_to_utf8("caf\xc3\xa9 \xc3\xa8 \xc3\xa0 \xc3\xb1 \xff");
  EXPECT_EQ(utf8.source_encoding, "utf-8");
  EXPECT_EQ(utf8.misread_utf8 + utf8.undefined_cp1252, 0u);
}

TEST(DecodeTest, NeverThrowsOnArbitraryBytes) {
  std::string s;
  unsigned x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245u + 12345u;
    s.push_back(static_cast<char>(x >> 16));
  }
  for (std::size_t len : {1u, 2u, 3u, 7u, 100u, 4097u, 200000u}) {
    const DecodedText d = decode_to_utf8(std::string_view(s).substr(0, len));
    EXPECT_TRUE(is_valid_utf8(d.utf8)) << len;
    EXPECT_EQ(d.utf8.find('\0'), std::string::npos) << len;
  }
}

struct Utf8Case {
  const char* name;
  std::string bytes;
  bool valid;
  std::string repaired;
  std::size_t replaced;
};

void PrintTo(const Utf8Case& c, std::ostream* os) {
  *os << c.name;
}

class Utf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(Utf8Test, ValidatesAndRepairs) {
  const Utf8Case& c = GetParam();
  EXPECT_EQ(is_valid_utf8(c.bytes), c.valid);
  std::size_t replaced = 99;
  EXPECT_EQ(repair_utf8(c.bytes, &replaced), c.repaired);
  EXPECT_EQ(replaced, c.replaced);
}

const Utf8Case kUtf8Cases[] = {
    {"empty", "", true, "", 0},
    {"nul_kept", "a\0b"s, true, "a\0b"s, 0},
    {"two_byte", "\xC3\xA9", true, "\xC3\xA9", 0},
    {"max_code_point", "\xF4\x8F\xBF\xBF", true, "\xF4\x8F\xBF\xBF", 0},
    {"continuation_alone",
     "a\x80"
     "b",
     false,
     "a\xEF\xBF\xBD"
     "b",
     1},
    {"c1_lead", "\xC1\xBF", false, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
    {"surrogate", "\xED\xBF\xBF", false, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
    {"f5_lead", "\xF5\x80", false, "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
    {"long_ascii_then_bad", std::string(33, 'x') + "\xFF", false,
     std::string(33, 'x') + "\xEF\xBF\xBD", 1},
};

INSTANTIATE_TEST_SUITE_P(Table, Utf8Test, ::testing::ValuesIn(kUtf8Cases),
                         [](const auto& row) { return std::string(row.param.name); });

struct BinaryCase {
  const char* name;
  std::string bytes;
  bool binary;
};

void PrintTo(const BinaryCase& c, std::ostream* os) {
  *os << c.name;
}

class BinaryTest : public ::testing::TestWithParam<BinaryCase> {};

TEST_P(BinaryTest, Sniffs) {
  EXPECT_EQ(looks_binary(GetParam().bytes), GetParam().binary);
}

std::string control_heavy(char c, int every) {
  std::string s;
  for (int i = 0; i < 1000; ++i)
    s.push_back(i % every == 0 ? c : 'a');
  return s;
}

const BinaryCase kBinaryCases[] = {
    {"empty", "", false},
    {"html", "<html><body><p>Item 1.</p></body></html>", false},
    {"text_with_tabs_ff_esc", "a\tb\r\n\fc\x1B[0m d\v", false},
    {"cp1252_text", "company\x92s", false},
    {"few_nuls", control_heavy('\0', 50), false},
    {"many_nuls", control_heavy('\0', 10), true},
    {"many_bells", control_heavy('\x07', 10), true},
    {"pdf", "%PDF-1.7\n...", true},
    {"zip", "PK\x03\x04rest"s, true},
    {"png", "\x89PNG\r\n\x1A\nIHDR"s, true},
    {"gif", "GIF89a....", true},
    {"jpeg", "\xFF\xD8\xFF\xE0", true},
    {"gzip", "\x1F\x8B\x08\0"s, true},
    {"ole2", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", true},
    {"bzh_text", "BZh is not bzip2 here", false},
    {"bzip2", "BZh91AY&SY", true},
    {"pdf_later_is_text", "see %PDF-1.4", false},
    {"utf16le_bom", "\xFF\xFEh\0i\0"s, false},
    {"utf16le_no_bom", "I\0t\0e\0m\0 \0001\0"s, false},
};

INSTANTIATE_TEST_SUITE_P(Table, BinaryTest, ::testing::ValuesIn(kBinaryCases),
                         [](const auto& row) { return std::string(row.param.name); });

}  // namespace
}  // namespace secnlp::nlp
