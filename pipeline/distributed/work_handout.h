#pragma once
// Dynamic work hand-out over a Cluster (cluster.h): rank 0 holds the list of items (largest
// first) and a server thread answers each rank's request with the next item, so a rank that
// drew small files asks again sooner and no rank idles while another has a queue. Rank 0 takes
// items from the same list for its own workers, without messages. At the end every other rank
// sends its result to rank 0, which the server thread collects.
//
// Messages are small byte strings built with Writer and read with Reader (this file); one
// request and one reply per item, so an item should be worth far more than a round trip
// (a document is: milliseconds to seconds of work against microseconds).

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "pipeline/distributed/cluster.h"

namespace secnlp::distributed {

// Appends numbers and length-prefixed strings to a byte string.
class Writer {
 public:
  Writer& u64(std::uint64_t value);
  Writer& i64(std::int64_t value) { return u64(static_cast<std::uint64_t>(value)); }
  Writer& f64(double value);
  Writer& str(std::string_view text);
  Writer& strings(const std::vector<std::string>& list);
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads what Writer wrote, in the same order; views `bytes`, which must outlive it. Throws
// Error(kInternal) on a short message.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t u64();
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  double f64();
  std::string str();
  std::vector<std::string> strings();

 private:
  std::string_view take(std::size_t n);
  std::string_view bytes_;
};

// Rank 0's side. start() spawns the server thread; next() gives rank 0 its own next item;
// collect() waits until every other rank has sent its result and returns them, indexed by rank
// (entry 0 empty). Items are handed out in the order given.
class WorkServer {
 public:
  WorkServer(Cluster& cluster, std::vector<std::string> items);
  ~WorkServer();  // joins the thread (collect() should have)
  WorkServer(const WorkServer&) = delete;
  WorkServer& operator=(const WorkServer&) = delete;

  void start();
  // The next item and its index, or nullopt when all are handed out. Thread-safe.
  std::optional<std::pair<std::size_t, std::string>> next();
  std::vector<std::string> collect();
  // How many items each rank was given (rank 0 included); valid after collect().
  const std::vector<std::uint64_t>& handed_out() const { return handed_; }

 private:
  void serve();

  Cluster& cluster_;
  std::vector<std::string> items_;
  std::atomic<std::size_t> next_{0};
  std::vector<std::uint64_t> handed_;
  std::vector<std::string> results_;
  std::thread thread_;
  std::string error_;  // what stopped the server thread, rethrown by collect()
};

// Another rank's side: asks rank 0 for the next item; nullopt when there is none left.
std::optional<std::string> request_work(Cluster& cluster);

}  // namespace secnlp::distributed
