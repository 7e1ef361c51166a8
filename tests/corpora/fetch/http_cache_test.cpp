#include "corpora/fetch/http_cache.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/hash.h"
#include "tests/corpora/fetch/fixture_server.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;
using secnlp::testing::FixtureServer;
using secnlp::testing::TempDir;

using secnlp::testing::write_file;

fs::path meta_of(const fs::path& path) {
  fs::path meta = path;
  meta += ".meta";
  return meta;
}

HttpResponse response(std::string body, std::string etag, std::string modified) {
  HttpResponse r;
  r.status = 200;
  r.body = std::move(body);
  if (!etag.empty()) r.headers.emplace_back("etag", std::move(etag));
  if (!modified.empty()) r.headers.emplace_back("last-modified", std::move(modified));
  return r;
}

TEST(CachedCopy, RoundTripsBodyAndValidators) {
  TempDir dir;
  const fs::path path = dir.path() / "sub/CIK0000320193.json";
  write_cached_copy(path, response("{\"a\":1}", "\"e1\"", "Tue, 01 Oct 2024 10:00:00 GMT"));
  const auto copy = read_cached_copy(path);
  ASSERT_TRUE(copy.has_value());
  EXPECT_EQ(copy->body, "{\"a\":1}");
  EXPECT_EQ(copy->etag, "\"e1\"");
  EXPECT_EQ(copy->last_modified, "Tue, 01 Oct 2024 10:00:00 GMT");
  // Only the two files: no temp file left beside them.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(path.parent_path()))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"CIK0000320193.json", "CIK0000320193.json.meta"}));

  // A server without validators: the copy is kept, with none.
  write_cached_copy(path, response("{}", "", ""));
  const auto bare = read_cached_copy(path);
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->body, "{}");
  EXPECT_TRUE(bare->etag.empty());
  EXPECT_TRUE(bare->last_modified.empty());
}

TEST(CachedCopy, RefusesMissingGarbledOrMismatchedFiles) {
  const std::string body = "{\"a\":1}";
  const std::string good_meta =
      "secnlp-http-cache 1\netag: \"e1\"\nbody-hash64: " + hex_digest(body) + "\n";
  struct Case {
    std::string name;
    std::optional<std::string> body;  // nullopt: no file
    std::optional<std::string> meta;
    bool usable;
  };
  const Case cases[] = {
      {"both good", body, good_meta, true},
      {"no sidecar", body, std::nullopt, false},
      {"no body", std::nullopt, good_meta, false},
      {"body changed", "{\"a\":2}", good_meta, false},
      {"body truncated", "{\"a\"", good_meta, false},
      {"sidecar empty", body, "", false},
      {"no magic", body, "etag: \"e1\"\nbody-hash64: " + hex_digest(body) + "\n", false},
      {"other version", body, "secnlp-http-cache 2\nbody-hash64: " + hex_digest(body) + "\n",
       false},
      {"no hash", body, "secnlp-http-cache 1\netag: \"e1\"\n", false},
      {"not key: value", body, good_meta + "garbage\n", false},
      {"binary", body, std::string("\0\1\2\3", 4), false},
  };
  for (const auto& c : cases) {
    TempDir dir;
    const fs::path path = dir.path() / "x.json";
    if (c.body) write_file(path, *c.body);
    if (c.meta) write_file(meta_of(path), *c.meta);
    const auto copy = read_cached_copy(path);
    EXPECT_EQ(copy.has_value(), c.usable) << c.name;
    if (copy) {
      EXPECT_EQ(copy->etag, "\"e1\"") << c.name;
    }
  }
}

class CacheThroughServer : public ::testing::Test {
 protected:
  void SetUp() override {
    FETCH_SERVER_OR_SKIP();
    write_file(root_.path() / "f.json", "[1]");
    server_ = std::make_unique<FixtureServer>(root_.path());
    HttpOptions o;
    o.user_agent = "secnlp-tests tests@example.com";
    o.max_attempts = 1;
    client_ = std::make_unique<HttpClient>(o);
  }
  // get_through_cache with a `use` that keeps the body and its source.
  CacheOutcome get(const fs::path& path, std::string* body = nullptr,
                   std::string* source = nullptr) {
    return get_through_cache(*client_, server_->base() + "/f.json", path, "test file",
                             [&](std::string_view b, std::string_view s) {
                               if (b != "[1]" && b != "[2]") throw Error(ErrorCode::kParse, "bad");
                               if (body) *body = b;
                               if (source) *source = s;
                             });
  }

  TempDir root_, out_;
  std::unique_ptr<FixtureServer> server_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(CacheThroughServer, FetchesThenRevalidatesThenRefetchesWhatChanged) {
  const fs::path path = out_.path() / "f.json";
  std::string body, source;
  EXPECT_EQ(get(path, &body, &source), CacheOutcome::kFetched);
  EXPECT_EQ(body, "[1]");
  EXPECT_EQ(source, server_->base() + "/f.json");
  EXPECT_EQ(secnlp::testing::read_file(path), "[1]");

  EXPECT_EQ(get(path, &body, &source), CacheOutcome::kNotModified);
  EXPECT_EQ(body, "[1]");
  EXPECT_EQ(source, path.string());

  write_file(root_.path() / "f.json", "[2]");
  EXPECT_EQ(get(path, &body), CacheOutcome::kFetched);
  EXPECT_EQ(body, "[2]");
  EXPECT_EQ(secnlp::testing::read_file(path), "[2]");

  const auto log = server_->log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].if_none_match, "");
  EXPECT_NE(log[1].if_none_match, "");
  EXPECT_EQ(log[1].status, 304);
  EXPECT_EQ(log[2].if_none_match, log[1].if_none_match);
  EXPECT_EQ(log[2].status, 200);
}

// A 304 that brings a validator the copy lacked (the server started sending ETags) updates the
// sidecar, so the next request names it.
TEST_F(CacheThroughServer, ValidatorsA304BringsAreKept) {
  const fs::path path = out_.path() / "f.json";
  server_->validators(/*etag=*/false, /*last_modified=*/true);
  EXPECT_EQ(get(path), CacheOutcome::kFetched);
  ASSERT_TRUE(read_cached_copy(path).has_value());
  EXPECT_EQ(read_cached_copy(path)->etag, "");

  server_->validators(/*etag=*/true, /*last_modified=*/true);
  EXPECT_EQ(get(path), CacheOutcome::kNotModified);  // by If-Modified-Since; the 304 has an ETag
  const auto copy = read_cached_copy(path);
  ASSERT_TRUE(copy.has_value());
  EXPECT_NE(copy->etag, "");
  EXPECT_EQ(copy->body, "[1]");

  EXPECT_EQ(get(path), CacheOutcome::kNotModified);
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].if_none_match, "");
  EXPECT_EQ(log[2].if_none_match, copy->etag);
  EXPECT_EQ(log[2].status, 304);
}

TEST_F(CacheThroughServer, ARejectedAnswerIsNotCachedAndOtherStatusesThrow) {
  const fs::path path = out_.path() / "f.json";
  write_file(root_.path() / "f.json", "not json");
  EXPECT_THROW(get(path), Error);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(meta_of(path)));

  try {
    get_through_cache(*client_, server_->base() + "/missing.json", out_.path() / "m.json",
                      "test file", [](std::string_view, std::string_view) {});
    ADD_FAILURE() << "a 404 was accepted";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_NE(std::string(e.what()).find("test file answered HTTP 404"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(out_.path() / "m.json"));
}

}  // namespace
}  // namespace secnlp::corpora
