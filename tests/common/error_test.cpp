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
  EXPECT_EQ(hex_digest("a"), "af63dc4c8601ec8c");
}

}  // namespace
}  // namespace secnlp
