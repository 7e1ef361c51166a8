#include "pipeline/distributed/cluster.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"

namespace secnlp::distributed {
namespace {

namespace fs = std::filesystem;

// -1: unset or not a number.
long env_number(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return -1;
  char* end = nullptr;
  const long n = std::strtol(value, &end, 10);
  return *end == '\0' ? n : -1;
}

// $SECNLP_MPI_LIB, else the module beside the executable (/proc/self/exe, so a symlink to
// secnlp on the PATH still finds it).
fs::path module_path() {
  if (const char* env = std::getenv(kMpiModuleEnv); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return kMpiModuleLibrary;
  return exe.parent_path() / kMpiModuleLibrary;
}

Cluster* load() {
  const fs::path path = module_path();
  std::error_code ec;
  if (path.has_parent_path() && !fs::exists(path, ec))
    throw Error(ErrorCode::kResource,
                fmt::format("not found: secnlp was started by mpirun, and a run over MPI ranks "
                            "needs this module beside secnlp (built when CMake finds MPI), or "
                            "its path in {}",
                            kMpiModuleEnv),
                path.string());
  // RTLD_LOCAL: the module exports one symbol; libmpi comes in with it, and only then.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr)
    throw Error(ErrorCode::kResource, fmt::format("cannot load the MPI module: {}", dlerror()),
                path.string());
  auto entry = reinterpret_cast<MpiModuleEntry>(dlsym(handle, kMpiModuleSymbol));
  if (entry == nullptr)
    throw Error(ErrorCode::kResource,
                fmt::format("not the MPI module of secnlp (no {})", kMpiModuleSymbol),
                path.string());
  int version = 0;
  std::string error;
  Cluster* c = entry(&version, &error);
  if (version != kMpiModuleVersion)
    throw Error(ErrorCode::kResource,
                fmt::format("the MPI module is from another secnlp build (version {}, expected {})",
                            version, kMpiModuleVersion),
                path.string());
  if (c == nullptr)
    throw Error(ErrorCode::kResource, fmt::format("MPI did not start: {}", error), path.string());
  return c;  // never unloaded or deleted: MPI lives until exit
}

}  // namespace

bool launched_by_mpi() {
  for (const char* size : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    const long n = env_number(size);
    if (n >= 0) return n > 1;
  }
  return std::getenv("PMIX_RANK") != nullptr;
}

Cluster* cluster() {
  static std::mutex mutex;
  static Cluster* loaded = nullptr;
  static bool tried = false;
  std::lock_guard lock(mutex);
  if (!tried) {
    tried = true;
    if (launched_by_mpi()) {
      loaded = load();
      if (loaded->size() < 2) {
        loaded->finalize();
        loaded = nullptr;
      } else {
        log_debug("MPI: rank {} of {} on {}", loaded->rank(), loaded->size(), loaded->host());
      }
    }
  }
  return loaded;
}

// A start is 1 and the payload; a stop is 0 and the reason.
void announce_start(Cluster& cluster, std::string_view payload) {
  const std::string message = "1" + std::string(payload);
  for (int r = 1; r < cluster.size(); ++r)
    cluster.send(r, kTagStart, message);
  cluster.set_announced();
}

void announce_stop(Cluster& cluster, std::string_view why) {
  const std::string message = "0" + std::string(why);
  for (int r = 1; r < cluster.size(); ++r)
    cluster.send(r, kTagStart, message);
  cluster.set_announced();
}

std::optional<std::string> await_start(Cluster& cluster) {
  Message m = cluster.receive(0, kTagStart);
  if (m.bytes.empty() || m.bytes[0] != '1') {
    log_debug("rank {}: rank 0 started no run: {}", cluster.rank(),
              m.bytes.empty() ? std::string() : m.bytes.substr(1));
    return std::nullopt;
  }
  return m.bytes.substr(1);
}

void run_on_cluster(Cluster* c, const std::function<void()>& body) {
  if (c == nullptr) {
    body();
    return;
  }
  // Rank 0 ending without a start would leave the others waiting for one.
  auto release_waiting_ranks = [c](std::string_view why) {
    if (c->rank() == 0 && !c->announced()) announce_stop(*c, why);
  };
  try {
    body();
  } catch (const std::exception& e) {
    if (c->working()) {
      log_error("rank {} of {}: {}; ending every rank of the job", c->rank(), c->size(), e.what());
      c->abort(1);
    }
    try {
      release_waiting_ranks(e.what());
    } catch (...) {
    }
    c->finalize();
    throw;
  }
  release_waiting_ranks("nothing to process");
  c->finalize();
}

}  // namespace secnlp::distributed
