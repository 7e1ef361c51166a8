#pragma once
// A remote file kept on disk and revalidated with HTTP conditional requests (If-None-Match /
// If-Modified-Since, 304 Not Modified), so that a nightly fetch asks the SEC for a company's
// submissions JSON again but downloads it only when it changed.
//
// A copy at PATH is two files: PATH, the body as the server sent it (decoded), and PATH.meta, a
// small text sidecar:
//   secnlp-http-cache 1
//   etag: "<the response's ETag>"                (absent when the server sent none)
//   last-modified: <the response's Last-Modified> (absent when the server sent none)
//   body-hash64: <hex_digest of the body>        (common/hash.h)
// The hash ties the sidecar to its body: a body edited, truncated or left from another write
// does not pass for the one the validators describe.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "corpora/fetch/http_client.h"

namespace secnlp::corpora {

// A cached body and the validators the server sent with it (empty: not sent).
struct CachedCopy {
  std::string body;
  std::string etag;
  std::string last_modified;
};

// The copy at `path`: nullopt when PATH or PATH.meta is missing (quietly), or when the sidecar
// is garbled, names another body, or a file cannot be read (with a warning naming the file).
std::optional<CachedCopy> read_cached_copy(const std::filesystem::path& path);

// Stores `response`'s body at `path` and its ETag / Last-Modified in PATH.meta, each with
// write_file_atomically (the sidecar last). Throws Error(kIo).
void write_cached_copy(const std::filesystem::path& path, const HttpResponse& response);

// Where get_through_cache() took the body from.
enum class CacheOutcome {
  kNotModified,  // a conditional GET answered 304: the cached copy
  kFetched,      // a 200 (no usable copy, or it changed); now cached
};

// The body of `url` through the copy at `path`, handed to `use(body, source)`, which reads it
// (e.g. parses it) and throws to reject it. `source` names where the body came from: `path`
// for the cached copy, else `url`.
//   - A usable copy with validators: a conditional GET (If-None-Match with the ETag,
//     If-Modified-Since with Last-Modified); 304 -> the copy, 200 -> the new body.
//   - No copy, no validators, or a copy read_cached_copy() refuses: a plain GET.
//   - A cached copy that `use` rejects: a warning naming the file, then a plain GET.
// A 200 body that `use` accepted replaces the copy (a failure to store it is only a warning:
// the cache saves requests, the run does not need it); a rejected one is not stored and the
// exception propagates. Any other status throws HttpError ("<what> answered HTTP <n>", url).
// Requests go through `client`: its rate limiter and retries (304 is an answer, not retried).
CacheOutcome get_through_cache(
    HttpClient& client, const std::string& url, const std::filesystem::path& path,
    std::string_view what,
    const std::function<void(std::string_view body, std::string_view source)>& use);

}  // namespace secnlp::corpora
