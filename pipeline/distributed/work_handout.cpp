#include "pipeline/distributed/work_handout.h"

#include <cstring>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::distributed {

Writer& Writer::u64(std::uint64_t value) {
  for (int i = 0; i < 8; ++i)
    bytes_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  return *this;
}

Writer& Writer::f64(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return u64(bits);
}

Writer& Writer::str(std::string_view text) {
  u64(text.size());
  bytes_.append(text);
  return *this;
}

Writer& Writer::strings(const std::vector<std::string>& list) {
  u64(list.size());
  for (const auto& s : list)
    str(s);
  return *this;
}

std::string_view Reader::take(std::size_t n) {
  if (n > bytes_.size())
    throw Error(ErrorCode::kInternal,
                fmt::format("MPI message ends early ({} bytes wanted, {} left)", n, bytes_.size()));
  const std::string_view out = bytes_.substr(0, n);
  bytes_.remove_prefix(n);
  return out;
}

std::uint64_t Reader::u64() {
  const std::string_view b = take(8);
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(b[i])) << (8 * i);
  return value;
}

double Reader::f64() {
  const std::uint64_t bits = u64();
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

std::string Reader::str() {
  const std::uint64_t n = u64();
  return std::string(take(static_cast<std::size_t>(n)));
}

std::vector<std::string> Reader::strings() {
  const std::uint64_t n = u64();
  std::vector<std::string> out;
  for (std::uint64_t i = 0; i < n; ++i)
    out.push_back(str());
  return out;
}

WorkServer::WorkServer(Cluster& cluster, std::vector<std::string> items)
    : cluster_(cluster),
      items_(std::move(items)),
      handed_(static_cast<std::size_t>(cluster.size()), 0),
      results_(static_cast<std::size_t>(cluster.size())) {}

WorkServer::~WorkServer() {
  if (thread_.joinable()) thread_.join();
}

void WorkServer::start() {
  thread_ = std::thread([this] { serve(); });
}

std::optional<std::pair<std::size_t, std::string>> WorkServer::next() {
  const std::size_t i = next_.fetch_add(1);
  if (i >= items_.size()) return std::nullopt;
  return std::make_pair(i, items_[i]);
}

void WorkServer::serve() {
  try {
    int pending = cluster_.size() - 1;
    while (pending > 0) {
      Message m = cluster_.receive(kAnySource, kAnyTag);
      if (m.tag == kTagRequest) {
        const std::size_t i = next_.fetch_add(1);
        if (i < items_.size()) {
          ++handed_[static_cast<std::size_t>(m.source)];
          cluster_.send(m.source, kTagWork, items_[i]);
        } else {
          cluster_.send(m.source, kTagWork, std::string_view());
        }
      } else if (m.tag == kTagResult) {
        results_[static_cast<std::size_t>(m.source)] = std::move(m.bytes);
        --pending;
      }
    }
  } catch (const std::exception& e) {
    error_ = e.what();
  }
}

std::vector<std::string> WorkServer::collect() {
  if (thread_.joinable()) thread_.join();
  if (!error_.empty())
    throw Error(ErrorCode::kInternal, fmt::format("the MPI work hand-out failed: {}", error_));
  const std::size_t given = std::min(next_.load(), items_.size());
  std::uint64_t others = 0;
  for (std::size_t r = 1; r < handed_.size(); ++r)
    others += handed_[r];
  handed_[0] = given - others;
  return std::move(results_);
}

std::optional<std::string> request_work(Cluster& cluster) {
  cluster.send(0, kTagRequest, std::string_view());
  Message m = cluster.receive(0, kTagWork);
  if (m.bytes.empty()) return std::nullopt;
  return std::move(m.bytes);
}

}  // namespace secnlp::distributed
