#pragma once
// Starts tests/support/edgar_fixture_server.py on 127.0.0.1 for one test and stops it after.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpora/fetch/http_client.h"

namespace secnlp::testing {

// One request as the server logged it.
struct ServerRequest {
  double t = 0;  // seconds, server's monotonic clock
  std::string path;
  long status = 0;
  std::string fault;
  std::string user_agent;
  bool gzip = false;
  long client_port = 0;           // one per TCP connection: equal ports = a reused connection
  std::string if_none_match;      // the request's header; empty when absent
  std::string if_modified_since;  // the request's header; empty when absent
};

// The server process: started by the constructor (fork + exec of /usr/bin/python3), stopped by
// the destructor (closes its stdin; SIGKILL after 5 s). Use FETCH_SERVER_OR_SKIP below.
class FixtureServer {
 public:
  explicit FixtureServer(const std::filesystem::path& root);
  ~FixtureServer();
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  // "http://127.0.0.1:<port>"
  const std::string& base() const { return base_; }
  // Queues `count` faults of `kind` (429, 500, 403, truncate, slow, redirect, offsite, close:
  // see edgar_fixture_server.py); `extra` is appended to the query ("&hang=5").
  void fault(std::string_view kind, int count, std::string_view extra = {});
  // Drops the faults still queued.
  void clear_faults();
  // Which validators files carry from now on (both by default; a server without one ignores
  // the matching conditional header).
  void validators(bool etag, bool last_modified);
  std::vector<ServerRequest> log();
  void clear_log();

  static bool available();

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  std::string base_;
  corpora::HttpClient control_;
};

// The largest number of requests in `log` that fall in any window of `seconds`.
std::size_t max_in_window(const std::vector<ServerRequest>& log, double seconds);

}  // namespace secnlp::testing

#define FETCH_SERVER_OR_SKIP()                                                            \
  if (!::secnlp::testing::FixtureServer::available())                                     \
  GTEST_SKIP() << "/usr/bin/python3 is missing: the EDGAR fixture server cannot run, so " \
                  "the fetch tests against it are skipped"
