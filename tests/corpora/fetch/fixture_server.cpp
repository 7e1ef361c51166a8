#include "tests/corpora/fetch/fixture_server.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "tests/support/json_reader.h"

namespace secnlp::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

corpora::HttpOptions control_options() {
  corpora::HttpOptions o;
  o.user_agent = "secnlp-tests tests@example.com";
  o.rate_limiter = std::make_shared<corpora::RateLimiter>(1000);
  o.max_attempts = 1;
  o.total_timeout = std::chrono::milliseconds(10'000);
  return o;
}

}  // namespace

bool FixtureServer::available() {
  return ::access(kPython, X_OK) == 0;
}

FixtureServer::FixtureServer(const std::filesystem::path& root) : control_(control_options()) {
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::close(in[0]);
    ::close(in[1]);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(kPython, kPython, SECNLP_FETCH_SERVER, root.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  stdin_fd_ = in[1];
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n')
    line += c;
  ::close(out[0]);
  if (line.empty() || !std::all_of(line.begin(), line.end(), ::isdigit))
    throw std::runtime_error("fixture server did not print its port: '" + line + "'");
  base_ = "http://127.0.0.1:" + line;
}

FixtureServer::~FixtureServer() {
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
  for (int i = 0; i < 500; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

void FixtureServer::fault(std::string_view kind, int count, std::string_view extra) {
  control_.get(base_ + "/__fault/next?kind=" + std::string(kind) +
               "&count=" + std::to_string(count) + std::string(extra));
}

void FixtureServer::clear_faults() {
  control_.get(base_ + "/__fault/clear");
}

void FixtureServer::validators(bool etag, bool last_modified) {
  control_.get(base_ + "/__validators?etag=" + (etag ? "1" : "0") +
               "&last_modified=" + (last_modified ? "1" : "0"));
}

std::vector<ServerRequest> FixtureServer::log() {
  const auto response = control_.get(base_ + "/__log");
  std::vector<ServerRequest> out;
  std::string_view text = response.body;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const auto line = text.substr(0, nl);
    if (!line.empty()) {
      const Json j = parse_json(line);
      ServerRequest r;
      r.t = j.get("t")->num();
      r.path = j.get("path")->str();
      r.status = static_cast<long>(j.get("status")->num());
      r.fault = j.get("fault")->str();
      r.user_agent = j.get("user_agent")->str();
      r.gzip = std::get<bool>(j.get("gzip")->v);
      r.client_port = static_cast<long>(j.get("client_port")->num());
      if (const Json* v = j.get("if_none_match")) r.if_none_match = v->str();
      if (const Json* v = j.get("if_modified_since")) r.if_modified_since = v->str();
      out.push_back(std::move(r));
    }
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

void FixtureServer::clear_log() {
  control_.get(base_ + "/__log/clear");
}

std::size_t max_in_window(const std::vector<ServerRequest>& log, double seconds) {
  std::vector<double> t;
  for (const auto& r : log)
    t.push_back(r.t);
  std::sort(t.begin(), t.end());
  std::size_t best = 0, lo = 0;
  for (std::size_t hi = 0; hi < t.size(); ++hi) {
    while (t[hi] - t[lo] >= seconds)
      ++lo;
    best = std::max(best, hi - lo + 1);
  }
  return best;
}

}  // namespace secnlp::testing
