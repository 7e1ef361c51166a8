// common/binary_io.h: values round-trip; truncated input and empty arrays are handled.
#include "common/binary_io.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace secnlp::binary_io {
namespace {

TEST(BinaryIo, ValuesAndArraysRoundTrip) {
  std::string bytes;
  put(bytes, std::uint32_t{7});
  put_array(bytes, std::vector<float>{1.5f, -2.0f});
  bytes += "abc";
  Reader r(bytes, "test file", "t.bin");
  EXPECT_EQ(r.get<std::uint32_t>(), 7u);
  std::vector<float> v;
  r.get_array(v, 2);
  EXPECT_EQ(v, (std::vector<float>{1.5f, -2.0f}));
  EXPECT_EQ(r.get_bytes(3), "abc");
  EXPECT_TRUE(r.at_end());
}

// A damaged count must be refused before anything is allocated, and an empty array read from
// the end of the data (found by fuzz_tagging_models: memcpy with a null pointer, undefined even
// for 0 bytes) must work.
TEST(BinaryIo, TruncatedAndEmpty) {
  const std::string bytes(4, '\0');
  Reader r(bytes, "test file", "t.bin");
  std::vector<double> v{1.0};
  EXPECT_THROW(r.get_array(v, std::uint64_t{1} << 62), Error);
  r.get<std::uint32_t>();
  std::vector<double> empty;  // data() is null: the sanitized build checks the memcpy
  r.get_array(empty, 0);
  EXPECT_TRUE(empty.empty());
  r.get_array(v, 0);
  EXPECT_TRUE(v.empty());
  try {
    r.get<std::uint8_t>();
    FAIL() << "read past the end";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_EQ(e.path(), "t.bin");
    EXPECT_EQ(e.message(), "test file: truncated");
  }
}

}  // namespace
}  // namespace secnlp::binary_io
