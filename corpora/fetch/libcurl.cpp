#include "corpora/fetch/libcurl.h"

#include <dlfcn.h>

#include <string>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

constexpr char kSoname[] = "libcurl.so.4";

Libcurl open_libcurl() {
  void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr)
    throw Error(ErrorCode::kResource,
                std::string("cannot load libcurl, which downloads need: ") + dlerror(), kSoname);
  auto get = [&]<typename Fn>(Fn& fn, const char* name) {
    fn = reinterpret_cast<Fn>(dlsym(handle, name));
    if (fn == nullptr)
      throw Error(ErrorCode::kResource, std::string("libcurl lacks ") + name, kSoname);
  };
  Libcurl api{};
  get(api.global_init, "curl_global_init");
  get(api.easy_init, "curl_easy_init");
  get(api.easy_cleanup, "curl_easy_cleanup");
  get(api.easy_reset, "curl_easy_reset");
  get(api.easy_setopt, "curl_easy_setopt");
  get(api.easy_perform, "curl_easy_perform");
  get(api.easy_getinfo, "curl_easy_getinfo");
  get(api.easy_strerror, "curl_easy_strerror");
  get(api.slist_append, "curl_slist_append");
  get(api.slist_free_all, "curl_slist_free_all");
  api.global_init(CURL_GLOBAL_DEFAULT);
  return api;  // never closed: handles and global state live until exit
}

}  // namespace

const Libcurl& libcurl() {
  static const Libcurl api = open_libcurl();
  return api;
}

}  // namespace secnlp::corpora
