// Hostile databases (issue 15): a negative schema version, flipped bytes, values of the wrong
// type. Each is a clear Error(kDatabase) (exit 4), and `secnlp check` finds the damage.
#include <cstdio>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/integrity.h"
#include "pipeline/store/schema.h"
#include "tests/support/test_data.h"

namespace secnlp::store {
namespace {

namespace fs = std::filesystem;

// A database of one table with enough rows for several pages.
void make_database(const fs::path& path) {
  Connection db(path.string());
  db.exec(
      "PRAGMA journal_mode=DELETE; CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, v REAL);"
      "CREATE INDEX t_name ON t(name);");
  Transaction tx(db);
  Statement st = db.prepare("INSERT INTO t(name, v) VALUES(?, ?)");
  for (int i = 0; i < 2000; ++i)
    st.bind(1, "row number " + std::to_string(i) + " of the table").bind(2, i * 0.5).run();
  tx.commit();
}

// Overwrites `count` bytes at `offset` with a pattern.
void flip_bytes(const fs::path& path, long offset, int count) {
  std::FILE* f = std::fopen(path.c_str(), "r+b");
  ASSERT_NE(f, nullptr);
  std::fseek(f, offset, SEEK_SET);
  for (int i = 0; i < count; ++i)
    std::fputc((i * 37 + 11) & 0xff, f);
  std::fclose(f);
}

TEST(DamagedDatabaseTest, NegativeSchemaVersionIsADatabaseErrorNotBadAlloc) {
  testing::TempDir dir;
  const auto path = dir.path() / "neg.db";
  {
    Connection db(path.string());
    db.exec("PRAGMA user_version = -5");
  }
  try {
    DocumentStore store(path);
    FAIL() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDatabase);
    EXPECT_NE(std::string(e.what()).find("schema version -5"), std::string::npos) << e.what();
  }
}

TEST(DamagedDatabaseTest, NumbersOfTheWrongStorageClassAreRefusedNotPrinted) {
  testing::TempDir dir;
  Connection db((dir.path() / "types.db").string());
  db.exec(
      "CREATE TABLE t(n INTEGER, v REAL); INSERT INTO t VALUES('abc', x'00ff10');"
      "INSERT INTO t VALUES('42', '0.5');");
  Statement st = db.prepare("SELECT n, v FROM t ORDER BY rowid");
  ASSERT_TRUE(st.step());
  for (int column : {0, 1}) {
    try {
      column == 0 ? static_cast<void>(st.column_int(0)) : static_cast<void>(st.column_double(1));
      ADD_FAILURE() << "column " << column << " read";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kDatabase);
      EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
    }
  }
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 42);  // numeric text converts, as SQLite's affinity does
  EXPECT_EQ(st.column_double(1), 0.5);
}

TEST(DamagedDatabaseTest, CheckFindsFlippedBytesAndPassesASoundFile) {
  testing::TempDir dir;
  const auto path = dir.path() / "x.db";
  make_database(path);
  const IntegrityReport sound = check_database(path);
  EXPECT_TRUE(sound.ok()) << sound.problems.front();

  const auto size = static_cast<long>(fs::file_size(path));
  flip_bytes(path, size / 2, 200);  // inside a table or index page
  bool found = false;
  try {
    const IntegrityReport damaged = check_database(path);
    found = !damaged.ok();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDatabase);
    found = std::string(e.what()).find("damaged") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST(DamagedDatabaseTest, ANonDatabaseFileIsADatabaseErrorSayingSo) {
  testing::TempDir dir;
  const auto path = dir.path() / "not.db";
  testing::write_file(path, std::string(8192, 'x'));
  try {
    check_database(path);
    FAIL() << "checked";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDatabase);
    EXPECT_NE(std::string(e.what()).find("secnlp check"), std::string::npos) << e.what();
  }
  EXPECT_THROW(check_database(dir.path() / "missing.db"), Error);
}

}  // namespace
}  // namespace secnlp::store
