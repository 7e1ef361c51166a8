// Whole-file reads and atomic writes (common/file_io.h).
#include "common/file_io.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/test_data.h"

namespace secnlp {
namespace {

std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
    ++n;
  return n;
}

TEST(FileIoTest, ReadsWhatWasWrittenAndNamesMissingFiles) {
  testing::TempDir dir;
  const auto path = dir.path() / "a.bin";
  const std::string bytes("one\0two\n", 8);
  write_file_atomically(path, bytes);
  EXPECT_EQ(read_file_bytes(path), bytes);
  try {
    read_file_bytes(dir.path() / "missing.txt", ErrorCode::kResource, "lexicon");
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_NE(std::string(e.what()).find("lexicon not found"), std::string::npos) << e.what();
    EXPECT_EQ(e.path(), (dir.path() / "missing.txt").string());
  }
  EXPECT_THROW(read_file_bytes(dir.path()), Error);  // a directory
}

TEST(FileIoTest, AtomicWritesReplaceLeavingNoTemporaryFile) {
  testing::TempDir dir;
  const auto path = dir.path() / "sub" / "chart.svg";  // the folder is created
  for (const std::string& content :
       {std::string("<svg>first</svg>"), std::string(), std::string(100000, 'x')}) {
    write_file_atomically(path, content);
    EXPECT_EQ(testing::read_file(path), content);
  }
  EXPECT_EQ(entries_in(path.parent_path()), 1u);
}

TEST(FileIoTest, AtomicWriteFailuresAreIoErrorsNamingTheFile) {
  testing::TempDir dir;
  std::filesystem::create_directory(dir.path() / "a_directory");
  std::ofstream(dir.path() / "a_file") << "x";
  const std::vector<std::filesystem::path> cases = {dir.path() / "a_directory",
                                                    dir.path() / "a_file" / "out.svg"};
  for (const auto& path : cases) {
    SCOPED_TRACE(path.string());
    try {
      write_file_atomically(path, "content");
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kIo);
    }
  }
  EXPECT_EQ(entries_in(dir.path()), 2u);  // no temporary file left behind
}

// A temp file of dest left by a dead process is removed; one of a live process (ours) is kept.
TEST(FileIoTest, StaleTemporaryFilesOfDeadWritersAreRemoved) {
  testing::TempDir dir;
  const auto dest = dir.path() / "state.json";
  const auto stale = dir.path() / "state.json.tmp-999999999-0";  // no such pid
  const auto live = dir.path() / ("state.json.tmp-" + std::to_string(::getppid()) + "-0");
  std::ofstream(stale) << "half";
  std::ofstream(live) << "in progress";
  const auto temp = atomic_temp_path(dest);
  EXPECT_EQ(temp.parent_path(), dir.path());
  EXPECT_EQ(temp.filename().string().rfind("state.json.tmp-" + std::to_string(::getpid()), 0), 0u);
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(live));
  EXPECT_NE(atomic_temp_path(dest), temp);  // unique per call
}

// `fetch` sweeps its whole --out at start: temp files of killed downloads used to stay until the
// same file was downloaded again.
TEST(FileIoTest, SweepRemovesEveryDeadWritersTempFileUnderAFolder) {
  testing::TempDir dir;
  namespace fs = std::filesystem;
  const std::string live_pid = std::to_string(::getppid());
  const std::vector<std::pair<std::string, bool>> files = {
      {"a/b/full-submission.txt.tmp-999999999-0", false},  // dead writer: removed
      {"c/primary-document.htm.tmp-999999998-12", false},
      {"c/x.txt.tmp-" + live_pid + "-3", true},                    // live writer: kept
      {"c/x.txt.tmp-" + std::to_string(::getpid()) + "-4", true},  // this process: kept
      {"c/notes.tmp-abc-1", true},                                 // not a temp name: kept
      {"c/x.txt.tmp-999999999-1z", true},
      {"c/full-submission.txt", true},
  };
  for (const auto& [name, kept] : files)
    testing::write_file(dir.path() / name, "x");
  EXPECT_EQ(remove_stale_temp_files(dir.path()), 2u);
  for (const auto& [name, kept] : files)
    EXPECT_EQ(fs::exists(dir.path() / name), kept) << name;
  EXPECT_EQ(remove_stale_temp_files(dir.path() / "missing"), 0u);
}

// What an input really is, for error rows (hostile folders: loops, dangling links, FIFOs).
TEST(FileIoTest, WhyNotRegularFileSaysWhatThePathIs) {
  testing::TempDir dir;
  namespace fs = std::filesystem;
  testing::write_file(dir.path() / "good.txt", "x");
  fs::create_symlink("good.txt", dir.path() / "link.txt");
  fs::create_symlink("b", dir.path() / "a");
  fs::create_symlink("a", dir.path() / "b");
  fs::create_symlink("gone", dir.path() / "dangling");
  ASSERT_EQ(::mkfifo((dir.path() / "fifo").c_str(), 0600), 0);
  EXPECT_EQ(why_not_regular_file(dir.path() / "good.txt"), "");
  EXPECT_EQ(why_not_regular_file(dir.path() / "link.txt"), "");
  EXPECT_EQ(why_not_regular_file(dir.path() / "a"), "symlink loop");
  EXPECT_EQ(why_not_regular_file(dir.path() / "dangling"), "dangling symlink (to gone)");
  EXPECT_EQ(why_not_regular_file(dir.path() / "fifo"), "not a regular file: FIFO");
  EXPECT_EQ(why_not_regular_file(dir.path()), "not a regular file: directory");
  EXPECT_EQ(why_not_regular_file(dir.path() / "nothing"), "no such file");
  EXPECT_EQ(why_not_regular_file("/dev/null"), "not a regular file: character device");
}

}  // namespace
}  // namespace secnlp
