#include "common/error.h"

#include <gtest/gtest.h>

#include "common/hash.h"

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
