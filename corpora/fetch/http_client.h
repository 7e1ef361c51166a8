#pragma once
// An HTTP client for EDGAR built on libcurl: a declared User-Agent, gzip, keep-alive, a shared
// rate limiter, retries with exponential backoff, a clean stop on 403, and atomic downloads.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "corpora/fetch/rate_limiter.h"

namespace secnlp::corpora {

// The SEC's fair-access advice, quoted in every refusal (empty User-Agent, HTTP 403).
inline constexpr std::string_view kSecFairAccessAdvice =
    "The SEC requires every client to declare who it is: pass a User-Agent with your name or "
    "company and an email address (e.g. \"Jane Doe jane@example.com\"), and stay under 10 "
    "requests per second across all threads; see "
    "https://www.sec.gov/os/accessing-edgar-data";

// Options of HttpClient, with defaults.
struct HttpOptions {
  // Required: "Name email@host". Empty, or without an email-like part -> kInvalidArgument.
  std::string user_agent;
  // Shared by every client that talks to the same server; null -> a private RateLimiter(10/s).
  std::shared_ptr<RateLimiter> rate_limiter;
  std::chrono::milliseconds connect_timeout{10'000};
  // Whole-transfer limit per attempt; 0 = none.
  std::chrono::milliseconds total_timeout{300'000};
  // A transfer that receives less than 1 byte/s for this long is abandoned (timeout, retried).
  std::chrono::seconds stall_timeout{30};
  // Attempts per request, first included (>= 1).
  int max_attempts = 5;
  // Delay before retry k (k = 1, 2, ...) is initial_backoff * 2^(k-1), capped at max_backoff,
  // plus a uniform jitter in [0, that / 2] from a generator seeded with jitter_seed. A 429's
  // Retry-After (seconds) raises the delay when larger, up to max_backoff.
  std::chrono::milliseconds initial_backoff{1'000};
  std::chrono::milliseconds max_backoff{60'000};
  std::uint64_t jitter_seed = 0x5ec;
  // get() keeps bodies in memory: a (decoded) body above this is refused with Error(kLimit)
  // instead of growing without bound (a gzip bomb expands 1000:1). download() streams to disk
  // and has no such cap.
  std::uint64_t max_body_bytes = std::uint64_t{256} << 20;
  // Redirects followed per request (each hop waits for the rate limiter like any request).
  int max_redirects = 5;
};

// Extra request headers: (name, value) pairs, e.g. {"If-None-Match", "\"abc\""}.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// What get() returns. Header names are lower-cased; values trimmed.
struct HttpResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // First value of header `name` (case-insensitive), if any.
  std::optional<std::string_view> header(std::string_view name) const;
};

// What download() did.
struct DownloadResult {
  bool skipped = false;      // dest already existed; nothing was requested
  std::uint64_t bytes = 0;   // size of dest (decoded bytes)
  long status = 0;           // HTTP status of the final attempt; 0 when skipped
  int attempts = 0;          // attempts made (each may have followed redirects)
  std::string content_hash;  // hex_digest of dest's bytes (common/hash.h); empty when skipped
};

// A download whose body ends otherwise is incomplete: a connection closed early on a response
// without Content-Length looks like success to HTTP. E.g. "</SEC-DOCUMENT>" for full
// submissions. Trailing whitespace is ignored.
struct DownloadCheck {
  std::string end_marker;  // empty: no check
};

// The failure of a request, thrown after retries are exhausted, on 403, or on any other status
// download() cannot store. code() is ErrorCode::kIo (network and server failures are I/O
// failures of a remote file); path() is the URL. status() is the HTTP status of the last
// attempt, 0 when no response came (timeout, refused connection, truncated body: see
// curl_code()). A 403 carries kSecFairAccessAdvice in its message: stop the whole run.
class HttpError : public Error {
 public:
  HttpError(std::string message, std::string url, long status, int curl_code);
  long status() const noexcept { return status_; }
  int curl_code() const noexcept { return curl_code_; }
  bool forbidden() const noexcept { return status_ == 403; }

 private:
  long status_;
  int curl_code_;
};

// One client for many threads. Each request checks a libcurl easy handle out of a pool (one per
// concurrent thread, reused so connections stay alive), waits for the rate limiter before every
// request it sends (retries and each redirect hop included: redirects are followed here, not by
// libcurl, up to max_redirects, http and https only), and retries on 429, 5xx, timeouts and
// connection errors (including a body shorter than its Content-Length, or one that fails its
// DownloadCheck). The default rate limiter is shared with every secnlp process of this user on
// this machine (RateLimiter::shared_default()). Thread-safe; not copyable.
class HttpClient {
 public:
  // Throws Error(kInvalidArgument) with kSecFairAccessAdvice when the User-Agent is missing or
  // has no email-like part, or when max_attempts < 1.
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // GET with retries. Returns the final response for any status except 403 (throws HttpError)
  // and retryable failures that persisted through max_attempts (throws HttpError). So 200, 304
  // and 404 come back as values, never retried. `headers` are sent with every attempt (a
  // conditional GET sends If-None-Match / If-Modified-Since and gets 304 Not Modified with no
  // body); a name that is empty or holds ':', or a name or value with CR, LF or NUL, throws
  // Error(kInvalidArgument) before anything is sent. A body above max_body_bytes throws
  // Error(kLimit) naming the URL (not retried).
  HttpResponse get(std::string_view url, const HttpHeaders& headers = {});

  // GET into `dest`. Skips (result.skipped, no request) when dest exists as a regular file
  // (another kind of file there: Error(kIo)). Otherwise streams into
  // "<dest>.tmp-<pid>-<n>" (n: a per-process counter, so two threads never share one) in the
  // same directory (created if missing), fsyncs it, renames it over dest and fsyncs the
  // directory, so dest is either absent or complete. Temp files of dead processes for the same
  // dest are removed first (an interrupted run resumes by downloading again); the own temp file
  // is removed on every failure. A body shorter than its Content-Length is CURLE_PARTIAL_FILE:
  // retried, then HttpError. So is a body that fails `check` (its end marker is missing: cut
  // off by a closed connection). Non-2xx final statuses and exhausted retries throw HttpError;
  // local file errors throw Error(kIo). The result carries the file's content hash, computed
  // from the temp file in 1 MiB pieces (constant memory).
  DownloadResult download(std::string_view url, const std::filesystem::path& dest,
                          const DownloadCheck& check = {});

  const HttpOptions& options() const { return options_; }

 private:
  struct Handle;
  struct Attempt;
  std::unique_ptr<Handle> checkout();
  void checkin(std::unique_ptr<Handle> handle);
  std::chrono::milliseconds backoff(int retry, std::optional<long> retry_after_s);
  void run_with_retries(const std::string& url, Attempt& a, int& attempts,
                        const std::function<void()>& one_attempt);

  HttpOptions options_;
  std::mutex mutex_;  // guards pool_ and rng_state_
  std::vector<std::unique_ptr<Handle>> pool_;
  std::uint64_t rng_state_;
};

// True when `user_agent` names someone and has an email-like part (x@y.z).
bool is_valid_user_agent(std::string_view user_agent);

}  // namespace secnlp::corpora
