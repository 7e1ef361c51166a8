#include "corpora/resources/string_table.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace secnlp::corpora {
namespace {

TEST(StringTable, InsertAndLookupTable) {
  StringTable t;
  EXPECT_TRUE(t.empty());
  EXPECT_FALSE(t.contains("dog"));
  struct Row {
    std::string key;
    bool fresh;
  };
  const Row inserts[] = {
      {"dog", true}, {"hot_dog", true}, {"dog", false},
      {"", true},    {"", false},       {std::string("a\0b", 3), true},
      {"Dog", true},
  };
  for (const Row& r : inserts)
    EXPECT_EQ(t.insert(r.key), r.fresh) << r.key;
  EXPECT_EQ(t.size(), 5u);
  struct Lookup {
    std::string key;
    bool present;
  };
  const Lookup lookups[] = {
      {"dog", true},      {"hot_dog", true},
      {"", true},         {std::string("a\0b", 3), true},
      {"Dog", true},      {"dogs", false},
      {"do", false},      {"a", false},
      {"hot dog", false}, {std::string("a\0c", 3), false},
  };
  for (const Lookup& l : lookups)
    EXPECT_EQ(t.contains(l.key), l.present) << l.key;
  EXPECT_EQ(t.keys(),
            (std::vector<std::string>{"dog", "hot_dog", "", std::string("a\0b", 3), "Dog"}));
}

TEST(StringTable, GrowsPastManyRehashes) {
  StringTable t;
  for (int i = 0; i < 50000; ++i)
    ASSERT_TRUE(t.insert("w" + std::to_string(i)));
  EXPECT_EQ(t.size(), 50000u);
  for (int i = 0; i < 50000; ++i)
    ASSERT_TRUE(t.contains("w" + std::to_string(i))) << i;
  for (int i = 50000; i < 51000; ++i)
    ASSERT_FALSE(t.contains("w" + std::to_string(i))) << i;
}

TEST(StringTable, ReserveThenInsert) {
  StringTable t;
  t.reserve(3, 10);
  EXPECT_TRUE(t.insert("a"));
  EXPECT_TRUE(t.contains("a"));
  EXPECT_FALSE(t.contains("b"));
}

}  // namespace
}  // namespace secnlp::corpora
