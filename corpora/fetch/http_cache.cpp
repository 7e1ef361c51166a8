#include "corpora/fetch/http_cache.h"

#include <fmt/format.h>

#include <system_error>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/log.h"

namespace secnlp::corpora {
namespace {

constexpr std::string_view kMagic = "secnlp-http-cache 1";
// A sidecar holds three short lines; anything far larger is not one.
constexpr std::uintmax_t kMaxMetaBytes = 64 * 1024;

std::filesystem::path meta_path(const std::filesystem::path& path) {
  std::filesystem::path meta = path;
  meta += ".meta";
  return meta;
}

struct Meta {
  std::string etag;
  std::string last_modified;
  std::string body_hash;
};

// The sidecar's fields; nullopt when it is not one.
std::optional<Meta> parse_meta(std::string_view text) {
  Meta meta;
  bool magic = false;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!magic) {
      if (line != kMagic) return std::nullopt;
      magic = true;
      continue;
    }
    if (line.empty()) continue;
    const auto sep = line.find(": ");
    if (sep == std::string_view::npos) return std::nullopt;
    const std::string_view key = line.substr(0, sep);
    const std::string value(line.substr(sep + 2));
    if (key == "etag") meta.etag = value;
    if (key == "last-modified") meta.last_modified = value;
    if (key == "body-hash64") meta.body_hash = value;
  }
  if (!magic || meta.body_hash.empty()) return std::nullopt;
  return meta;
}

// A header value fit for one sidecar line ("" when absent or not one line).
std::string one_line(const HttpResponse& response, std::string_view header) {
  const auto value = response.header(header);
  if (!value || value->find_first_of("\r\n") != std::string_view::npos) return "";
  return std::string(*value);
}

// The body of a 200 answer, handed to `use`, then cached.
CacheOutcome take(const HttpResponse& response, const std::string& url,
                  const std::filesystem::path& path, std::string_view what,
                  const std::function<void(std::string_view, std::string_view)>& use) {
  if (response.status != 200)
    throw HttpError(fmt::format("{} answered HTTP {}", what, response.status), url, response.status,
                    0);
  use(response.body, url);
  try {
    write_cached_copy(path, response);
  } catch (const Error& e) {
    log_warn("cannot cache {} at {} ({}); the next run fetches it again", what, path.string(),
             e.what());
  }
  return CacheOutcome::kFetched;
}

}  // namespace

std::optional<CachedCopy> read_cached_copy(const std::filesystem::path& path) {
  const std::filesystem::path meta_file = meta_path(path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) || !std::filesystem::exists(meta_file, ec))
    return std::nullopt;
  try {
    const auto size = std::filesystem::file_size(meta_file, ec);
    std::optional<Meta> meta;
    if (!ec && size <= kMaxMetaBytes) meta = parse_meta(read_file_bytes(meta_file));
    if (!meta) {
      log_warn("cache sidecar {} is garbled; fetching the file again", meta_file.string());
      return std::nullopt;
    }
    CachedCopy copy{read_file_bytes(path), std::move(meta->etag), std::move(meta->last_modified)};
    if (hex_digest(copy.body) != meta->body_hash) {
      log_warn(
          "cached file {} does not match its sidecar (changed or truncated); fetching it again",
          path.string());
      return std::nullopt;
    }
    return copy;
  } catch (const Error& e) {
    log_warn("cannot read cached copy {} ({}); fetching it again", path.string(), e.what());
    return std::nullopt;
  }
}

namespace {

// The sidecar of a body with these validators (empty: not sent).
std::string meta_text(std::string_view etag, std::string_view last_modified,
                      std::string_view body) {
  std::string meta = fmt::format("{}\n", kMagic);
  if (!etag.empty()) meta += fmt::format("etag: {}\n", etag);
  if (!last_modified.empty()) meta += fmt::format("last-modified: {}\n", last_modified);
  meta += fmt::format("body-hash64: {}\n", hex_digest(body));
  return meta;
}

// A 304 may carry newer validators for the same body (RFC 9110 15.4.5: the server sends those
// a 200 would have); the sidecar keeps them, so the next request names them.
void refresh_validators(const std::filesystem::path& path, const CachedCopy& copy,
                        const HttpResponse& not_modified) {
  std::string etag = one_line(not_modified, "etag");
  std::string last_modified = one_line(not_modified, "last-modified");
  if (etag.empty()) etag = copy.etag;
  if (last_modified.empty()) last_modified = copy.last_modified;
  if (etag == copy.etag && last_modified == copy.last_modified) return;
  try {
    write_file_atomically(meta_path(path), meta_text(etag, last_modified, copy.body));
  } catch (const Error& e) {
    log_warn("cannot update cache sidecar {} ({})", meta_path(path).string(), e.what());
  }
}

}  // namespace

void write_cached_copy(const std::filesystem::path& path, const HttpResponse& response) {
  write_file_atomically(path, response.body);
  write_file_atomically(
      meta_path(path),
      meta_text(one_line(response, "etag"), one_line(response, "last-modified"), response.body));
}

CacheOutcome get_through_cache(
    HttpClient& client, const std::string& url, const std::filesystem::path& path,
    std::string_view what,
    const std::function<void(std::string_view body, std::string_view source)>& use) {
  std::optional<CachedCopy> copy = read_cached_copy(path);
  if (copy && (!copy->etag.empty() || !copy->last_modified.empty())) {
    HttpHeaders headers;
    if (!copy->etag.empty()) headers.emplace_back("If-None-Match", copy->etag);
    if (!copy->last_modified.empty())
      headers.emplace_back("If-Modified-Since", copy->last_modified);
    const HttpResponse response = client.get(url, headers);
    if (response.status != 304) return take(response, url, path, what, use);
    try {
      use(copy->body, path.string());
      refresh_validators(path, *copy, response);
      return CacheOutcome::kNotModified;
    } catch (const Error& e) {
      log_warn("cached {} {} is unusable ({}); fetching it again", what, path.string(), e.what());
    }
  }
  return take(client.get(url), url, path, what, use);
}

}  // namespace secnlp::corpora
