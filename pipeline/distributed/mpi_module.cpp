// libsecnlp_mpi.so: the only code of secnlp that calls MPI. `secnlp` loads it with dlopen when
// mpirun started it (cluster.h); it exports one C symbol, secnlp_mpi_cluster.
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "pipeline/distributed/cluster.h"

namespace secnlp::distributed {
namespace {

std::string mpi_error_text(int code) {
  char text[MPI_MAX_ERROR_STRING] = {};
  int length = 0;
  MPI_Error_string(code, text, &length);
  return std::string(text, static_cast<std::size_t>(length));
}

class MpiCluster final : public Cluster {
 public:
  MpiCluster(int rank, int size, std::string host)
      : rank_(rank), size_(size), host_(std::move(host)) {}

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  std::string host() const override { return host_; }

  void send(int to, int tag, std::string_view bytes) override {
    std::lock_guard lock(mutex_);
    check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, MPI_COMM_WORLD),
          "MPI_Send");
  }

  Message receive(int from, int tag) override {
    const int source = from == kAnySource ? MPI_ANY_SOURCE : from;
    const int wanted = tag == kAnyTag ? MPI_ANY_TAG : tag;
    // Poll, then sleep a little longer each time (up to 2 ms): MPI_Recv would spin a core.
    auto pause = std::chrono::microseconds(50);
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        int flag = 0;
        MPI_Status status;
        check(MPI_Iprobe(source, wanted, MPI_COMM_WORLD, &flag, &status), "MPI_Iprobe");
        if (flag) {
          int count = 0;
          MPI_Get_count(&status, MPI_BYTE, &count);
          Message m;
          m.source = status.MPI_SOURCE;
          m.tag = status.MPI_TAG;
          m.bytes.resize(static_cast<std::size_t>(count));
          check(MPI_Recv(m.bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG,
                         MPI_COMM_WORLD, MPI_STATUS_IGNORE),
                "MPI_Recv");
          return m;
        }
      }
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::microseconds(2000));
    }
  }

  [[noreturn]] void abort(int code) override {
    MPI_Abort(MPI_COMM_WORLD, code);
    std::_Exit(code);  // MPI_Abort does not return; this keeps [[noreturn]] honest
  }

  void finalize() override {
    std::lock_guard lock(mutex_);
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (!finalized) MPI_Finalize();
  }

 private:
  // MPI_ERRORS_RETURN is set on the communicator, so errors come back here as exceptions.
  void check(int rc, const char* what) {
    if (rc != MPI_SUCCESS) throw std::runtime_error(std::string(what) + ": " + mpi_error_text(rc));
  }

  int rank_;
  int size_;
  std::string host_;
  std::mutex mutex_;  // one MPI call at a time on this rank (MPI_THREAD_SERIALIZED suffices)
};

}  // namespace
}  // namespace secnlp::distributed

extern "C" __attribute__((visibility("default"))) secnlp::distributed::Cluster* secnlp_mpi_cluster(
    int* version, std::string* error) {
  using namespace secnlp::distributed;
  *version = kMpiModuleVersion;
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) {
    int provided = 0;
    const int rc = MPI_Init_thread(nullptr, nullptr, MPI_THREAD_MULTIPLE, &provided);
    if (rc != MPI_SUCCESS) {
      *error = "MPI_Init_thread: " + mpi_error_text(rc);
      return nullptr;
    }
    if (provided < MPI_THREAD_SERIALIZED) {
      *error = "this MPI library offers neither MPI_THREAD_MULTIPLE nor MPI_THREAD_SERIALIZED";
      MPI_Finalize();
      return nullptr;
    }
  }
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  int rank = 0, size = 1, length = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  char host[MPI_MAX_PROCESSOR_NAME] = {};
  MPI_Get_processor_name(host, &length);
  static MpiCluster cluster(rank, size, std::string(host, static_cast<std::size_t>(length)));
  return &cluster;
}
