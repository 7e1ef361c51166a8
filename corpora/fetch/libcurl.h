#pragma once
// libcurl, opened on first use (dlopen of libcurl.so.4) instead of linked: libcurl brings about
// 28 shared libraries (TLS, Kerberos, LDAP, SSH, HTTP/2...) whose loading and relocation cost
// every secnlp command ~7 ms of CPU at start, while only downloads use them.
//
// The functions HttpClient calls, with libcurl's own signatures; types and constants still come
// from <curl/curl.h>.

#include <curl/curl.h>

namespace secnlp::corpora {

struct Libcurl {
  CURLcode (*global_init)(long flags);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL* curl);
  void (*easy_reset)(CURL* curl);
  CURLcode (*easy_setopt)(CURL* curl, CURLoption option, ...);
  CURLcode (*easy_perform)(CURL* curl);
  CURLcode (*easy_getinfo)(CURL* curl, CURLINFO info, ...);
  const char* (*easy_strerror)(CURLcode code);
  curl_slist* (*slist_append)(curl_slist* list, const char* text);
  void (*slist_free_all)(curl_slist* list);
};

// Opens libcurl once (thread-safe) and runs curl_global_init. Throws Error(kResource, ...,
// "libcurl.so.4") when the library or one of its functions is missing.
const Libcurl& libcurl();

}  // namespace secnlp::corpora
