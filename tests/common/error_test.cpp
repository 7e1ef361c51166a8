#include "common/error.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "common/escape.h"
#include "common/hash.h"
#include "common/log.h"

namespace secnlp {
namespace {

TEST(ErrorTest, MessageNamesPathAndKeepsCode) {
  Error e(ErrorCode::kIo, "cannot open", "/tmp/x.htm");
  EXPECT_STREQ(e.what(), "/tmp/x.htm: cannot open");
  EXPECT_EQ(e.message(), "cannot open");
  EXPECT_EQ(e.path(), "/tmp/x.htm");
  EXPECT_EQ(e.code(), ErrorCode::kIo);
  EXPECT_EQ(error_code_name(e.code()), "io");
}

TEST(ErrorTest, NoPathMeansPlainMessage) {
  Error e(ErrorCode::kConfig, "unknown stage 'x'");
  EXPECT_STREQ(e.what(), "unknown stage 'x'");
}

// Hostile file names: control characters are shown escaped, never written raw.
struct EscapeCase {
  const char* name;
  std::string input;
  std::string expected;
};

class EscapeControlTest : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeControlTest, Escapes) {
  EXPECT_EQ(escape_control(GetParam().input), GetParam().expected);
  EXPECT_EQ(escape_control(escape_control(GetParam().input)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, EscapeControlTest,
    ::testing::Values(EscapeCase{"plain", "/data/a b.htm", "/data/a b.htm"},
                      EscapeCase{"utf8_kept", "/data/caf\xc3\xa9.htm", "/data/caf\xc3\xa9.htm"},
                      EscapeCase{"newline", "a\nerror: forged.htm", "a\\nerror: forged.htm"},
                      EscapeCase{"cr_tab", "a\r\tb", "a\\r\\tb"},
                      EscapeCase{"ansi", "\x1b[31mred\x1b[0m.htm", "\\x1b[31mred\\x1b[0m.htm"},
                      EscapeCase{"nul_del", std::string("a\0b\x7f", 4), "a\\x00b\\x7f"},
                      EscapeCase{"c1_csi",
                                 "a\xc2\x9b"
                                 "2J",
                                 "a\\u009b2J"},
                      EscapeCase{"backslash_kept", "C:\\x", "C:\\x"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ErrorTest, PathWithControlCharactersIsEscapedInWhat) {
  Error e(ErrorCode::kIo, "not a regular file", "dir/evil\n\x1b[2Jname.htm");
  EXPECT_STREQ(e.what(), "dir/evil\\n\\x1b[2Jname.htm: not a regular file");
  EXPECT_EQ(e.path(), "dir/evil\n\x1b[2Jname.htm");  // the raw path stays available
}

TEST(LogTest, OneLinePerCallWhateverTheMessageHolds) {
  ::testing::internal::CaptureStderr();
  log_warn("{}: cannot read", "evil\nerror: forged\x1b[0m");
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "warning: evil\\nerror: forged\\x1b[0m: cannot read\n");
}

// Streaming hash (fetch hashes a 2 GB body without holding it): equal to hash64 in any split.
TEST(HashTest, StreamEqualsWholeInAnySplit) {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += static_cast<char>((i * 131 + 7) % 251);
  for (std::size_t piece : {1u, 3u, 7u, 8u, 9u, 64u, 4999u, 5000u}) {
    SCOPED_TRACE(piece);
    Hash64Stream stream(text.size());
    for (std::size_t at = 0; at < text.size(); at += piece)
      stream.update(std::string_view(text).substr(at, piece));
    EXPECT_EQ(stream.digest(), hash64(text));
  }
  Hash64Stream empty(0);
  EXPECT_EQ(empty.digest(), hash64(""));
  Hash64Stream short_one(10);
  short_one.update("abc");
  EXPECT_THROW(short_one.digest(), Error);
}

TEST(HashTest, FileDigestEqualsHexDigestOfTheBytes) {
  const auto path = std::filesystem::temp_directory_path() / "secnlp_hash_file_test.bin";
  std::string bytes;
  for (int i = 0; i < (3 << 19) + 5; ++i)  // 1.5 MiB + 5: more than one read
    bytes += static_cast<char>(i * 7);
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  EXPECT_EQ(hex_digest_file(path.string()), hex_digest(bytes));
  std::filesystem::remove(path);
  EXPECT_THROW(hex_digest_file(path.string()), Error);
}

TEST(HashTest, Fnv1aKnownVectors) {
  // Reference values of 64-bit FNV-1a.
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(HashTest, Hash64IsStableAndSensitive) {
  // Stored hashes depend on these values: changing hash64 invalidates every database.
  // Below 8 bytes hash64 equals XXH64 (seed 0); longer inputs use one lane, not four.
  EXPECT_EQ(hex_digest(""), "ef46db3751d8e999");
  EXPECT_EQ(hex_digest("abc"), "44bc2cf5ad770999");
  EXPECT_EQ(hex_digest("secnlp: SEC filings from EDGAR to answers"), "07ac9e0d9f07801e");
  const std::string text(1000, 'x');
  std::string changed = text;
  changed[999] = 'y';
  EXPECT_NE(hash64(text), hash64(changed));  // last byte of the tail
  changed = text;
  changed[3] = 'y';
  EXPECT_NE(hash64(text), hash64(changed));                               // inside an 8-byte block
  EXPECT_NE(hash64(std::string(8, '\0')), hash64(std::string(9, '\0')));  // length counts
  EXPECT_EQ(hash64(text), hash64(std::string(1000, 'x')));
}

}  // namespace
}  // namespace secnlp
