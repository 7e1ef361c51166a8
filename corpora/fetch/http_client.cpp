#include "corpora/fetch/http_client.h"

#include "common/file_io.h"
#include "common/hash.h"
#include "corpora/fetch/libcurl.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <re2/re2.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <functional>
#include <system_error>
#include <thread>

namespace secnlp::corpora {
namespace {

void global_init() {
  libcurl();  // opens it and runs curl_global_init, once
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool retryable_code(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
      return true;
    default:
      return false;
  }
}

bool retryable_status(long status) {
  return status == 429 || status >= 500;
}

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string forbidden_message(std::string_view url) {
  return fmt::format("HTTP 403 Forbidden from {}: the server refused this client; stopping. {}",
                     url, kSecFairAccessAdvice);
}

}  // namespace

HttpError::HttpError(std::string message, std::string url, long status, int curl_code)
    : Error(ErrorCode::kIo, std::move(message), std::move(url)),
      status_(status),
      curl_code_(curl_code) {}

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  const std::string key = lower(name);
  for (const auto& [k, v] : headers)
    if (k == key) return std::string_view(v);
  return std::nullopt;
}

bool is_valid_user_agent(std::string_view user_agent) {
  static const RE2 kEmail(R"([^\s@]+@[^\s@]+\.[^\s@.]+)");
  static const RE2 kName(R"([A-Za-z][^\s]*\s)");
  return RE2::PartialMatch(user_agent, kEmail) && RE2::PartialMatch(user_agent, kName);
}

struct HttpClient::Handle {
  CURL* curl = nullptr;
  Handle() : curl(libcurl().easy_init()) {
    if (curl == nullptr) throw Error(ErrorCode::kInternal, "curl_easy_init failed", "libcurl");
  }
  ~Handle() { libcurl().easy_cleanup(curl); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

// One request's outcome and sinks. Bodies go to `file` when set, else to `body`.
struct HttpClient::Attempt {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::FILE* file = nullptr;
  std::uint64_t file_bytes = 0;
  bool file_failed = false;
  std::uint64_t max_body = 0;  // in-memory bodies: 0 = no cap
  bool too_big = false;
  char error[CURL_ERROR_SIZE] = {};

  static size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* self = static_cast<Attempt*>(user);
    const size_t n = size * count;
    if (self->file != nullptr) {
      if (std::fwrite(data, 1, n, self->file) != n) {
        self->file_failed = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
      }
      self->file_bytes += n;
    } else {
      if (self->max_body > 0 && self->body.size() + n > self->max_body) {
        self->too_big = true;
        return 0;  // CURLE_WRITE_ERROR: not retried
      }
      self->body.append(data, n);
    }
    return n;
  }

  // Empties the sinks before the next redirect hop (the 3xx body is not the answer).
  void reset_for_hop() {
    body.clear();
    headers.clear();
    if (file != nullptr) {
      if (std::fflush(file) != 0 || ::ftruncate(::fileno(file), 0) != 0 ||
          std::fseek(file, 0, SEEK_SET) != 0)
        file_failed = true;
      file_bytes = 0;
    }
  }

  static size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* self = static_cast<Attempt*>(user);
    const size_t n = size * count;
    std::string_view line(data, n);
    if (line.starts_with("HTTP/")) {
      self->headers.clear();  // a new response (after a redirect or 100-continue)
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
      self->headers.emplace_back(lower(trim(line.substr(0, colon))),
                                 std::string(trim(line.substr(colon + 1))));
    }
    return n;
  }
};

HttpClient::HttpClient(HttpOptions options)
    : options_(std::move(options)), rng_state_(options_.jitter_seed) {
  if (!is_valid_user_agent(options_.user_agent))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("User-Agent '{}' is missing a name and an email address. {}",
                            options_.user_agent, kSecFairAccessAdvice),
                "user-agent");
  if (options_.max_attempts < 1)
    throw Error(ErrorCode::kInvalidArgument, "max_attempts must be >= 1", "HttpOptions");
  if (!options_.rate_limiter) options_.rate_limiter = RateLimiter::shared_default();
  if (options_.max_redirects < 0)
    throw Error(ErrorCode::kInvalidArgument, "max_redirects must be >= 0", "HttpOptions");
  global_init();
}

HttpClient::~HttpClient() = default;

std::unique_ptr<HttpClient::Handle> HttpClient::checkout() {
  {
    std::lock_guard lock(mutex_);
    if (!pool_.empty()) {
      auto handle = std::move(pool_.back());
      pool_.pop_back();
      return handle;
    }
  }
  return std::make_unique<Handle>();
}

void HttpClient::checkin(std::unique_ptr<Handle> handle) {
  std::lock_guard lock(mutex_);
  pool_.push_back(std::move(handle));
}

std::chrono::milliseconds HttpClient::backoff(int retry, std::optional<long> retry_after_s) {
  using std::chrono::milliseconds;
  const auto cap = options_.max_backoff.count();
  long long delay = options_.initial_backoff.count();
  for (int i = 1; i < retry && delay < cap; ++i)
    delay *= 2;
  delay = std::min<long long>(delay, cap);
  if (retry_after_s && *retry_after_s > 0)
    delay = std::max<long long>(delay, std::min<long long>(*retry_after_s * 1000, cap));
  std::uint64_t r;
  {
    std::lock_guard lock(mutex_);
    r = splitmix64(rng_state_);
  }
  const long long jitter = delay > 0 ? static_cast<long long>(r % (delay / 2 + 1)) : 0;
  return milliseconds(delay + jitter);
}

namespace {

// Request headers as libcurl's list; freed with the object.
class HeaderList {
 public:
  explicit HeaderList(const HttpHeaders& headers) {
    for (const auto& [name, value] : headers) {
      const bool bad_name = name.empty() || name.find_first_of(":\r\n") != std::string::npos ||
                            name.find('\0') != std::string::npos;
      const bool bad_value =
          value.find_first_of("\r\n") != std::string::npos || value.find('\0') != std::string::npos;
      if (bad_name || bad_value)
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("request header '{}' is not a plain name and one-line value", name),
                    "http headers");
      // "Name;" is curl's way to send a header with an empty value.
      const std::string line = value.empty() ? name + ";" : name + ": " + value;
      curl_slist* next = libcurl().slist_append(list_, line.c_str());
      if (next == nullptr) {
        libcurl().slist_free_all(list_);
        throw Error(ErrorCode::kInternal, "curl_slist_append failed", "libcurl");
      }
      list_ = next;
    }
  }
  ~HeaderList() { libcurl().slist_free_all(list_); }
  HeaderList(const HeaderList&) = delete;
  HeaderList& operator=(const HeaderList&) = delete;
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

// Runs one GET on `curl` into `attempt`, with `headers` (null: none) added to the request.
template <class Attempt>
void perform(CURL* curl, const std::string& url, const HttpOptions& o, Attempt& a,
             curl_slist* headers = nullptr) {
  const Libcurl& api = libcurl();
  api.easy_reset(curl);  // keeps live connections: keep-alive survives
  api.easy_setopt(curl, CURLOPT_URL, url.c_str());
  api.easy_setopt(curl, CURLOPT_USERAGENT, o.user_agent.c_str());
  api.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl decodes (gzip)
  // Redirects are followed by perform_following(), so that each hop waits for the limiter.
  api.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  api.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  api.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  api.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  api.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(o.total_timeout.count()));
  api.easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  api.easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.stall_timeout.count()));
  api.easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Attempt::on_body);
  api.easy_setopt(curl, CURLOPT_WRITEDATA, &a);
  api.easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Attempt::on_header);
  api.easy_setopt(curl, CURLOPT_HEADERDATA, &a);
  api.easy_setopt(curl, CURLOPT_ERRORBUFFER, a.error);
  if (headers != nullptr) api.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  a.code = api.easy_perform(curl);
  api.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
}

// perform() plus redirects: a 3xx with a Location is followed (resolved by libcurl against the
// request URL) after the rate limiter grants another request, up to o.max_redirects hops, to
// http or https URLs only. Leaves the final response in `a`; a redirect chain that is too long
// or leaves http(s) ends with CURLE_TOO_MANY_REDIRECTS / CURLE_UNSUPPORTED_PROTOCOL.
template <class Attempt>
void perform_following(CURL* curl, std::string url, const HttpOptions& o, Attempt& a,
                       curl_slist* headers = nullptr) {
  for (int hop = 0;; ++hop) {
    o.rate_limiter->acquire();
    perform(curl, url, o, a, headers);
    if (a.code != CURLE_OK || a.status < 300 || a.status > 399 || a.file_failed) return;
    char* next = nullptr;
    if (libcurl().easy_getinfo(curl, CURLINFO_REDIRECT_URL, &next) != CURLE_OK || next == nullptr)
      return;  // a 3xx without Location (304 Not Modified): the answer itself
    const std::string target(next);
    if (hop >= o.max_redirects) {
      a.code = CURLE_TOO_MANY_REDIRECTS;
      std::snprintf(a.error, sizeof a.error, "more than %d redirects (last to %s)", o.max_redirects,
                    target.c_str());
      return;
    }
    if (!target.starts_with("http://") && !target.starts_with("https://")) {
      a.code = CURLE_UNSUPPORTED_PROTOCOL;
      std::snprintf(a.error, sizeof a.error, "redirect to a non-HTTP URL refused: %s",
                    target.c_str());
      return;
    }
    url = target;
    a.reset_for_hop();
  }
}

// Whether the file `f` (flushed) ends with `marker`, trailing whitespace ignored.
bool ends_with_marker(std::FILE* f, std::uint64_t size, std::string_view marker) {
  if (marker.empty()) return true;
  const std::uint64_t tail = std::min<std::uint64_t>(size, marker.size() + 4096);
  std::string bytes(static_cast<std::size_t>(tail), '\0');
  if (std::fflush(f) != 0 ||
      ::pread(::fileno(f), bytes.data(), bytes.size(), static_cast<off_t>(size - tail)) !=
          static_cast<ssize_t>(bytes.size()))
    return false;
  std::string_view view(bytes);
  while (!view.empty() &&
         (view.back() == ' ' || view.back() == '\n' || view.back() == '\r' || view.back() == '\t'))
    view.remove_suffix(1);
  return view.ends_with(marker);
}

std::string describe(CURLcode code, const char* error) {
  return fmt::format("{} ({})", error[0] != '\0' ? error : libcurl().easy_strerror(code),
                     static_cast<int>(code));
}

}  // namespace

// The retry loop shared by get() and download(): `one_attempt` prepares the attempt's sinks and
// performs it into `a`; a retryable outcome is tried again after backoff (Retry-After honoured)
// until options_.max_attempts. Leaves the final attempt in `a`; throws HttpError on 403.
void HttpClient::run_with_retries(const std::string& url, Attempt& a, int& attempts,
                                  const std::function<void()>& one_attempt) {
  for (int attempt = 1;; ++attempt) {
    attempts = attempt;
    one_attempt();
    if (a.code == CURLE_OK && a.status == 403)
      throw HttpError(forbidden_message(url), url, a.status, static_cast<int>(a.code));
    const bool retry = a.code == CURLE_OK ? retryable_status(a.status) : retryable_code(a.code);
    if (!retry || attempt >= options_.max_attempts) return;
    std::optional<long> retry_after;
    if (a.code == CURLE_OK)
      for (const auto& [k, v] : a.headers)
        if (k == "retry-after") {
          retry_after = std::atol(v.c_str());
          break;
        }
    std::this_thread::sleep_for(backoff(attempt, retry_after));
  }
}

HttpResponse HttpClient::get(std::string_view url_view, const HttpHeaders& headers) {
  const std::string url(url_view);
  const HeaderList header_list(headers);
  auto handle = checkout();
  Attempt a;
  int attempts = 0;
  try {
    run_with_retries(url, a, attempts, [&] {
      a = Attempt{};
      a.max_body = options_.max_body_bytes;
      perform_following(handle->curl, url, options_, a, header_list.get());
    });
  } catch (...) {
    checkin(std::move(handle));
    throw;
  }
  checkin(std::move(handle));
  if (a.too_big)
    throw Error(ErrorCode::kLimit,
                fmt::format("response body is larger than {} bytes (decoded): refused rather "
                            "than held in memory",
                            options_.max_body_bytes),
                url);
  if (a.code != CURLE_OK)
    throw HttpError(
        fmt::format("GET failed after {} attempt(s): {}", attempts, describe(a.code, a.error)), url,
        0, static_cast<int>(a.code));
  if (retryable_status(a.status))
    throw HttpError(fmt::format("GET failed after {} attempt(s): HTTP {}", attempts, a.status), url,
                    a.status, 0);
  return HttpResponse{a.status, std::move(a.body), std::move(a.headers)};
}

DownloadResult HttpClient::download(std::string_view url_view, const std::filesystem::path& dest,
                                    const DownloadCheck& check) {
  const std::string url(url_view);
  std::error_code ec;
  if (std::filesystem::exists(dest, ec)) {
    if (!std::filesystem::is_regular_file(dest, ec))
      throw Error(ErrorCode::kIo, "destination exists and is not a regular file", dest.string());
    const auto size = std::filesystem::file_size(dest, ec);
    return DownloadResult{true, ec ? 0 : static_cast<std::uint64_t>(size), 0, 0};
  }

  const std::filesystem::path dir = dest.has_parent_path() ? dest.parent_path() : ".";
  const std::filesystem::path temp = atomic_temp_path(dest);

  std::FILE* file = nullptr;
  bool renamed = false;
  auto cleanup = [&] {
    if (file != nullptr) std::fclose(file);
    file = nullptr;
    if (!renamed) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
    }
  };

  auto handle = checkout();
  Attempt a;
  int attempts = 0;
  std::string content_hash;
  try {
    run_with_retries(url, a, attempts, [&] {
      if (file != nullptr) std::fclose(file);
      file = std::fopen(temp.c_str(), "w+b");  // read back by ends_with_marker
      if (file == nullptr)
        throw Error(ErrorCode::kIo, "cannot create temporary file", temp.string());
      a = Attempt{};
      a.file = file;
      perform_following(handle->curl, url, options_, a);
      if (a.file_failed) throw Error(ErrorCode::kIo, "cannot write", temp.string());
      // A body cut off by a closed connection (no Content-Length to compare with) ends early:
      // retried like a short body.
      if (a.code == CURLE_OK && a.status >= 200 && a.status <= 299 &&
          !ends_with_marker(file, a.file_bytes, check.end_marker)) {
        a.code = CURLE_PARTIAL_FILE;
        std::snprintf(a.error, sizeof a.error,
                      "body of %llu bytes ends without %s: cut off (connection closed early?)",
                      static_cast<unsigned long long>(a.file_bytes), check.end_marker.c_str());
      }
    });
    if (a.code != CURLE_OK)
      throw HttpError(fmt::format("download failed after {} attempt(s): {}", attempts,
                                  describe(a.code, a.error)),
                      url, 0, static_cast<int>(a.code));
    if (a.status < 200 || a.status > 299)
      throw HttpError(
          fmt::format("download failed after {} attempt(s): HTTP {}", attempts, a.status), url,
          a.status, 0);
    if (std::fflush(file) != 0 || ::fsync(::fileno(file)) != 0)
      throw Error(ErrorCode::kIo, "cannot flush", temp.string());
    const int closed = std::fclose(file);
    file = nullptr;
    if (closed != 0) throw Error(ErrorCode::kIo, "cannot close", temp.string());
    content_hash = hex_digest_file(temp.string());
    std::filesystem::rename(temp, dest, ec);
    if (ec) throw Error(ErrorCode::kIo, "cannot rename into place: " + ec.message(), dest.string());
    renamed = true;
    fsync_directory(dir);
  } catch (...) {
    cleanup();
    checkin(std::move(handle));
    throw;
  }
  cleanup();
  checkin(std::move(handle));
  return DownloadResult{false, a.file_bytes, a.status, attempts, std::move(content_hash)};
}

}  // namespace secnlp::corpora
