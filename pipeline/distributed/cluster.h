#pragma once
// A run spread over the ranks of an MPI job (`mpirun -n N secnlp process ...`).
//
// `secnlp` never links libmpi (every command's start-up time counts): the MPI calls live in
// libsecnlp_mpi.so (mpi_module.cpp), which cluster() loads with dlopen only when the process
// was started by an MPI launcher (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_SIZE in the
// environment) with more than one rank. Everything else (the work hand-out protocol, the run
// bookkeeping) is written against the Cluster interface below, without MPI types.
//
// Threads: an implementation serializes its own calls (one MPI call at a time per rank), so
// any thread may call it; the module asks MPI for MPI_THREAD_MULTIPLE and needs at least
// MPI_THREAD_SERIALIZED.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace secnlp::distributed {

// Message tags of the hand-out (work_handout.h): documents in `process`, companies in the
// similarity follow-ups of `run`.
enum Tag : int {
  kAnyTag = -1,
  kTagStart = 1,    // rank 0 -> every rank: the run starts (its id), or there is none (why)
  kTagRequest = 2,  // rank r -> rank 0: give me an item
  kTagWork = 3,     // rank 0 -> rank r: an item (a path, a company), or empty: none left
  kTagResult = 4,   // rank r -> rank 0: what r did, at the end
};
inline constexpr int kAnySource = -1;

struct Message {
  int source = 0;
  int tag = 0;
  std::string bytes;
};

class Cluster {
 public:
  virtual ~Cluster() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // This rank's host name (MPI_Get_processor_name).
  virtual std::string host() const = 0;
  // Sends `bytes` to rank `to` (blocking until the buffer is free: MPI_Send).
  virtual void send(int to, int tag, std::string_view bytes) = 0;
  // The next message from `from` (kAnySource: any rank) with `tag` (kAnyTag: any), waiting for
  // it. Waiting polls (MPI_Iprobe) and sleeps between polls (up to 2 ms), so a rank that waits
  // leaves its cores to the ranks that work instead of spinning as MPI_Recv does.
  virtual Message receive(int from, int tag) = 0;
  // Ends every rank of the job at once (MPI_Abort) with `code`: for a failure after the ranks
  // started working together, which would leave the others waiting.
  [[noreturn]] virtual void abort(int code) = 0;
  // MPI_Finalize. No call may follow.
  virtual void finalize() = 0;

  // Whether the ranks are working together now (rank 0 has handed out the run): a rank that
  // fails then must end the job (run_on_cluster), since the others would wait for it.
  bool working() const { return working_; }
  void set_working(bool working) { working_ = working; }
  // Whether rank 0 has sent every rank the run's start (or its stop): until it has, the other
  // ranks wait for it, so run_on_cluster sends a stop when rank 0's command ends without one.
  bool announced() const { return announced_; }
  void set_announced() { announced_ = true; }

 private:
  bool working_ = false;
  bool announced_ = false;
};

// Rank 0 tells every other rank that the run starts, with `payload` (the run's id...). Sets
// announced().
void announce_start(Cluster& cluster, std::string_view payload);
// Rank 0 tells every other rank that there is no run (`why`, for their debug log): they return
// without working. Sets announced().
void announce_stop(Cluster& cluster, std::string_view why);
// Another rank waits for rank 0's announcement: the start's payload, or nullopt for a stop.
std::optional<std::string> await_start(Cluster& cluster);

// Whether an MPI launcher started this process with more than one rank (OMPI_COMM_WORLD_SIZE
// or PMI_SIZE above 1, or PMIX_RANK set without a size).
bool launched_by_mpi();

// The MPI cluster of this process, initialized (MPI_Init_thread) on the first call, or nullptr
// when the process was not started by an MPI launcher or the job has one rank. The module is
// $SECNLP_MPI_LIB, else libsecnlp_mpi.so beside the executable. Throws Error(kResource) naming
// the file when it is missing or cannot be loaded (a secnlp built without MPI) or MPI cannot
// start. Never unloaded.
Cluster* cluster();

// Runs `body` as one command of an MPI job when `c` is not null: on return, or on an error
// raised while the ranks are not working together, rank 0 announces a stop if it announced
// nothing yet, MPI is finalized and the error goes on to main; an error while they are
// (Cluster::working) is logged and ends the whole job (Cluster::abort, exit code 1), since the
// other ranks would wait for this one forever. Without a cluster it just runs `body`.
void run_on_cluster(Cluster* c, const std::function<void()>& body);

inline constexpr char kMpiModuleSymbol[] = "secnlp_mpi_cluster";
inline constexpr char kMpiModuleLibrary[] = "libsecnlp_mpi.so";
inline constexpr char kMpiModuleEnv[] = "SECNLP_MPI_LIB";
inline constexpr int kMpiModuleVersion = 1;
// The module's C entry point: creates the cluster (MPI_Init_thread) and returns it with the
// interface version it was built with; on failure returns nullptr and fills `error`.
using MpiModuleEntry = Cluster* (*)(int* version, std::string* error);

}  // namespace secnlp::distributed
