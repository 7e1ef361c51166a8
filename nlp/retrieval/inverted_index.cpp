#include "nlp/retrieval/inverted_index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/hash.h"

namespace secnlp::nlp {
namespace {

constexpr char kMagic[8] = {'S', 'N', 'L', 'P', 'N', 'N', 'I', 'X'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::size_t kHeaderBytes = 64;

// The header's fields at their file offsets.
struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t rows;
  std::uint64_t terms;
  std::uint64_t postings;
  std::uint64_t payload_hash;
  std::uint64_t stamp;        // caller-defined, e.g. the state of the data the index was built from
  std::uint64_t header_hash;  // hash64 of the 56 bytes before it
};
static_assert(sizeof(Header) == kHeaderBytes);

std::uint64_t header_hash(const Header& h) {
  return hash64(std::string_view(reinterpret_cast<const char*>(&h), offsetof(Header, header_hash)));
}

// Payload size for these counts, or nullopt when it overflows (a hostile header).
std::optional<std::size_t> payload_bytes(std::uint64_t rows, std::uint64_t terms,
                                         std::uint64_t postings) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max() / 64;
  if (rows > kMax || terms >= kMax || postings > kMax) return std::nullopt;
  const std::uint64_t total = rows * 16 + (terms + 1) * 8 + postings * 8;
  if (total > std::numeric_limits<std::size_t>::max() - kHeaderBytes) return std::nullopt;
  return static_cast<std::size_t>(total);
}

std::string_view payload_view(const std::byte* buffer, std::size_t bytes) {
  return std::string_view(reinterpret_cast<const char*>(buffer) + kHeaderBytes,
                          bytes - kHeaderBytes);
}

// Per-thread scores, one float per row; reused between queries.
thread_local std::vector<float> tls_scores;

// Ranking order: higher score first, then lower key.
struct Candidate {
  float score;
  std::uint64_t key;
};
bool better(const Candidate& a, const Candidate& b) {
  return a.score > b.score || (a.score == b.score && a.key < b.key);
}

}  // namespace

void InvertedIndex::Builder::add(std::uint64_t key, SparseView row) {
  if (row.ids.size() != row.values.size())
    throw Error(ErrorCode::kInvalidArgument, "InvertedIndex: row ids and values differ in length");
  double sum = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0 && row.ids[i] <= row.ids[i - 1])
      throw Error(ErrorCode::kInvalidArgument,
                  "InvertedIndex: row ids are not strictly increasing");
    if (!std::isfinite(row.values[i]))
      throw Error(ErrorCode::kInvalidArgument, "InvertedIndex: row has a non-finite weight");
    if (row.ids[i] == std::numeric_limits<std::uint32_t>::max())
      throw Error(ErrorCode::kInvalidArgument, "InvertedIndex: term id 2^32-1 is reserved");
    sum += row.values[i] * row.values[i];
  }
  const double norm = std::sqrt(sum);
  keys_.push_back(key);
  norms_.push_back(norm);
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row.values[i] == 0) continue;
    ids_.push_back(row.ids[i]);
    weights_.push_back(static_cast<float>(row.values[i] / norm));
    terms_ = std::max(terms_, row.ids[i] + 1);
  }
  indptr_.push_back(ids_.size());
}

InvertedIndex InvertedIndex::Builder::build() {
  if (keys_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCode::kInvalidArgument, "InvertedIndex: more than 2^32-1 rows");
  {
    std::vector<std::uint64_t> sorted = keys_;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
      throw Error(ErrorCode::kInvalidArgument, "InvertedIndex: duplicate key");
  }
  const std::size_t rows = keys_.size(), terms = terms_, postings = ids_.size();
  InvertedIndex index(rows, terms, postings);
  std::byte* keys = index.buffer_.get() + kHeaderBytes;
  std::byte* norms = keys + rows * 8;
  auto* offsets = reinterpret_cast<std::uint64_t*>(norms + rows * 8);
  auto* out = reinterpret_cast<Posting*>(offsets + terms + 1);
  std::memcpy(keys, keys_.data(), rows * 8);
  std::memcpy(norms, norms_.data(), rows * 8);

  // Transpose: count, prefix-sum, scatter in row order (so each list is sorted by row).
  std::fill(offsets, offsets + terms + 1, 0);
  for (std::uint32_t id : ids_)
    ++offsets[id + 1];
  for (std::size_t t = 0; t < terms; ++t)
    offsets[t + 1] += offsets[t];
  std::vector<std::uint64_t> next(offsets, offsets + terms);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t i = indptr_[r]; i < indptr_[r + 1]; ++i) {
      out[next[ids_[i]]++] = Posting{static_cast<std::uint32_t>(r), weights_[i]};
    }
  }

  index.seal();
  *this = Builder();
  return index;
}

InvertedIndex::InvertedIndex() : InvertedIndex(0, 0, 0) {
  *reinterpret_cast<std::uint64_t*>(buffer_.get() + kHeaderBytes) = 0;  // offsets[0]
  seal();
}

InvertedIndex::InvertedIndex(std::size_t rows, std::size_t terms, std::size_t postings)
    : bytes_(kHeaderBytes + *payload_bytes(rows, terms, postings)),
      rows_(rows),
      terms_(terms),
      postings_(postings) {
  buffer_ = std::make_unique_for_overwrite<std::byte[]>(bytes_);
  attach();
}

void InvertedIndex::seal() {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.byte_order = kByteOrderMark;
  h.rows = rows_;
  h.terms = terms_;
  h.postings = postings_;
  h.payload_hash = hash64(payload_view(buffer_.get(), bytes_));
  h.stamp = stamp_;
  h.header_hash = header_hash(h);
  std::memcpy(buffer_.get(), &h, sizeof h);
}

InvertedIndex::~InvertedIndex() = default;

InvertedIndex::InvertedIndex(InvertedIndex&& other) noexcept {
  *this = std::move(other);
}

InvertedIndex& InvertedIndex::operator=(InvertedIndex&& other) noexcept {
  if (this == &other) return *this;
  buffer_ = std::move(other.buffer_);
  bytes_ = std::exchange(other.bytes_, 0);
  rows_ = std::exchange(other.rows_, 0);
  terms_ = std::exchange(other.terms_, 0);
  postings_ = std::exchange(other.postings_, 0);
  stamp_ = std::exchange(other.stamp_, 0);
  keys_ = std::exchange(other.keys_, nullptr);
  norms_ = std::exchange(other.norms_, nullptr);
  offsets_ = std::exchange(other.offsets_, nullptr);
  posting_data_ = std::exchange(other.posting_data_, nullptr);
  return *this;
}

void InvertedIndex::attach() {
  const std::byte* p = buffer_.get() + kHeaderBytes;
  keys_ = reinterpret_cast<const std::uint64_t*>(p);
  norms_ = reinterpret_cast<const double*>(p + rows_ * 8);
  offsets_ = reinterpret_cast<const std::uint64_t*>(p + rows_ * 16);
  posting_data_ = reinterpret_cast<const Posting*>(p + rows_ * 16 + (terms_ + 1) * 8);
}

InvertedIndex InvertedIndex::build(std::span<const SparseVector> rows) {
  Builder b;
  for (std::size_t r = 0; r < rows.size(); ++r)
    b.add(r, rows[r]);
  return b.build();
}

InvertedIndex InvertedIndex::build(const SparseMatrix& rows) {
  Builder b;
  for (std::size_t r = 0; r < rows.rows(); ++r)
    b.add(r, rows.row(r));
  return b.build();
}

std::vector<std::pair<std::uint64_t, double>> InvertedIndex::top_k(
    SparseView query, std::size_t k, std::optional<std::uint64_t> exclude_key) const {
  std::vector<std::pair<std::uint64_t, double>> result;
  const std::size_t n = std::min(query.ids.size(), query.values.size());
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i)
    sum += query.values[i] * query.values[i];
  const double qnorm = std::sqrt(sum);
  if (k == 0 || rows_ == 0 || !(qnorm > 0) || !std::isfinite(qnorm)) return result;

  // Term at a time into a dense accumulator: the common terms' lists are nearly as long as the
  // index, so a touched-rows list would cost more than the final scan of all rows.
  std::vector<float>& scores = tls_scores;
  scores.assign(rows_, 0.0f);
  float* acc = scores.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t t = query.ids[i];
    if (t >= terms_ || query.values[i] == 0) continue;
    const float w = static_cast<float>(query.values[i] / qnorm);
    const Posting* p = posting_data_ + offsets_[t];
    const Posting* end = posting_data_ + offsets_[t + 1];
    for (; p != end; ++p)
      acc[p->row] += w * p->weight;
  }

  // Keep the best k in a heap whose top is the worst kept candidate.
  const std::size_t want = std::min(k, rows_);
  std::vector<Candidate> heap;
  heap.reserve(want);
  float floor = 0.0f;  // a row must beat this score to enter once the heap is full
  for (std::size_t r = 0; r < rows_; ++r) {
    const float s = acc[r];
    if (!(s > floor) && !(s == floor && s > 0)) continue;
    const Candidate c{s, keys_[r]};
    if (exclude_key && c.key == *exclude_key) continue;
    if (heap.size() < want) {
      heap.push_back(c);
      std::push_heap(heap.begin(), heap.end(), better);
      if (heap.size() == want) floor = heap.front().score;
    } else if (better(c, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.back() = c;
      std::push_heap(heap.begin(), heap.end(), better);
      floor = heap.front().score;
    }
  }
  std::sort_heap(heap.begin(), heap.end(), better);
  result.reserve(heap.size());
  for (const Candidate& c : heap)
    result.emplace_back(c.key, static_cast<double>(c.score));
  return result;
}

void InvertedIndex::save(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorCode::kIo, "cannot open index file for writing", path.string());
  out.write(reinterpret_cast<const char*>(buffer_.get()), static_cast<std::streamsize>(bytes_));
  out.close();
  if (!out) throw Error(ErrorCode::kIo, "cannot write index file", path.string());
}

namespace {

// Opens `path` and reads and checks its header: everything but the payload checksum and bounds.
// Leaves `in` at the payload.
Header read_header(const std::filesystem::path& path, const std::string& name, std::ifstream& in) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(ErrorCode::kIo, "index file not found or not a regular file", name);
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot stat index file", name);
  in.open(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, "cannot open index file", name);
  if (size < kHeaderBytes)
    throw Error(ErrorCode::kParse, "index file truncated: shorter than its header", name);

  Header h;
  if (!in.read(reinterpret_cast<char*>(&h), sizeof h))
    throw Error(ErrorCode::kIo, "cannot read index file", name);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
    throw Error(ErrorCode::kParse, "not a secnlp nearest-neighbour index (wrong magic)", name);
  if (h.byte_order != kByteOrderMark || std::endian::native != std::endian::little)
    throw Error(ErrorCode::kParse, "index file has another byte order", name);
  if (h.version != kVersion)
    throw Error(ErrorCode::kParse,
                "unsupported index version " + std::to_string(h.version) + " (this build reads " +
                    std::to_string(kVersion) + ")",
                name);
  if (h.header_hash != header_hash(h))
    throw Error(ErrorCode::kParse, "index file header is corrupted (checksum mismatch)", name);
  const auto payload = payload_bytes(h.rows, h.terms, h.postings);
  if (!payload || h.rows >= std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCode::kParse, "index file header has impossible sizes", name);
  if (size != kHeaderBytes + *payload)
    throw Error(ErrorCode::kParse,
                "index file size " + std::to_string(size) + " does not match its header (" +
                    std::to_string(kHeaderBytes + *payload) + " bytes): truncated or padded",
                name);

  return h;
}

}  // namespace

void InvertedIndex::set_stamp(std::uint64_t stamp) {
  stamp_ = stamp;
  seal();
}

std::uint64_t InvertedIndex::read_stamp(const std::filesystem::path& path) {
  std::ifstream in;
  return read_header(path, path.string(), in).stamp;
}

InvertedIndex InvertedIndex::load(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream in;
  const Header h = read_header(path, name, in);
  const std::size_t payload = *payload_bytes(h.rows, h.terms, h.postings);
  InvertedIndex index(h.rows, h.terms, h.postings);
  index.stamp_ = h.stamp;
  std::memcpy(index.buffer_.get(), &h, sizeof h);
  if (!in.read(reinterpret_cast<char*>(index.buffer_.get()) + kHeaderBytes,
               static_cast<std::streamsize>(payload)))
    throw Error(ErrorCode::kIo, "cannot read index file", name);
  if (hash64(payload_view(index.buffer_.get(), index.bytes_)) != h.payload_hash)
    throw Error(ErrorCode::kParse, "index file is corrupted (checksum mismatch)", name);

  // A file with a valid checksum may still be hand-made: check every bound top_k relies on.
  const auto* offsets = index.offsets_;
  bool ok = offsets[0] == 0 && offsets[index.terms_] == index.postings_;
  for (std::size_t t = 0; ok && t < index.terms_; ++t)
    ok = offsets[t] <= offsets[t + 1];
  std::uint32_t max_row = 0;
  for (std::size_t i = 0; i < index.postings_; ++i)
    max_row = std::max(max_row, index.posting_data_[i].row);
  if (!ok || (index.postings_ > 0 && max_row >= index.rows_))
    throw Error(ErrorCode::kParse, "index file has postings out of bounds", name);
  return index;
}

}  // namespace secnlp::nlp
