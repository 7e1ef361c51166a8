#include "pipeline/similarity/nearest_index.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "pipeline/similarity/pit_corpus.h"

namespace secnlp::similarity {
namespace {

constexpr char kMagic[8] = {'S', 'N', 'L', 'P', 'N', 'P', 'I', 'T'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kHeaderSize = 64;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t stamp;
  std::uint64_t rows;
  std::uint64_t terms;
  std::uint64_t postings;
  std::uint64_t key_bytes;
  std::uint64_t header_hash;
};
static_assert(sizeof(Header) == kHeaderSize);

std::uint64_t header_hash(const Header& h) {
  return hash64(std::string_view(reinterpret_cast<const char*>(&h), kHeaderSize - 8));
}

std::size_t pad8(std::size_t n) {
  return (n + 7) & ~std::size_t{7};
}

// Byte offsets of the sections of the payload (after the header).
struct Layout {
  std::size_t doc_ids, tf_norms, all_norms, key_offsets, term_offsets, positions, counts,
      row_offsets, row_ids, row_counts, keys, total;
  explicit Layout(const Header& h) {
    std::size_t at = kHeaderSize;
    auto take = [&at](std::size_t bytes) {
      const std::size_t start = at;
      at += pad8(bytes);
      return start;
    };
    doc_ids = take(h.rows * 8);
    tf_norms = take(h.rows * 8);
    all_norms = take(h.rows * 8);
    key_offsets = take((h.rows + 1) * 8);
    term_offsets = take((h.terms + 1) * 8);
    positions = take(h.postings * 4);
    counts = take(h.postings * 4);
    row_offsets = take((h.rows + 1) * 8);
    row_ids = take(h.postings * 4);
    row_counts = take(h.postings * 4);
    keys = take(h.key_bytes);
    total = at;
  }
};

bool read_header(int fd, Header& h) {
  return ::pread(fd, &h, sizeof h, 0) == static_cast<ssize_t>(sizeof h) &&
         std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.version == kVersion &&
         h.byte_order == kByteOrder && h.header_hash == header_hash(h);
}

class FileWriter {
 public:
  explicit FileWriter(const std::filesystem::path& path)
      : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (!file_) throw Error(ErrorCode::kIo, "cannot create", path.string());
  }
  ~FileWriter() {
    if (file_) std::fclose(file_);
  }
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  void write(const void* data, std::size_t bytes) {
    if (bytes && std::fwrite(data, 1, bytes, file_) != bytes)
      throw Error(ErrorCode::kIo, "cannot write", path_.string());
    written_ += bytes;
  }
  template <typename T>
  void write_all(const std::vector<T>& v) {
    write(v.data(), v.size() * sizeof(T));
    pad();
  }
  void pad() {
    static constexpr char kZeros[8] = {};
    write(kZeros, pad8(written_) - written_);
  }
  void close() {
    const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!ok || !closed) throw Error(ErrorCode::kIo, "cannot write", path_.string());
  }

 private:
  std::filesystem::path path_;
  std::FILE* file_;
  std::size_t written_ = 0;
};

}  // namespace

struct NearestIndex::Mapping {
  const char* base = nullptr;
  std::size_t size = 0;
  Header header{};
  const std::int64_t* doc_ids = nullptr;
  const double* tf_norms = nullptr;
  const double* all_norms = nullptr;
  const std::uint64_t* key_offsets = nullptr;
  const std::uint64_t* term_offsets = nullptr;
  const std::uint32_t* positions = nullptr;
  const std::uint32_t* counts = nullptr;
  const std::uint64_t* row_offsets = nullptr;
  const std::uint32_t* row_ids = nullptr;
  const std::uint32_t* row_counts = nullptr;
  const char* keys = nullptr;
  ~Mapping() {
    if (base) ::munmap(const_cast<char*>(base), size);
  }
};

void NearestIndex::build(std::vector<NearestRow> rows, std::uint64_t stamp,
                         const std::filesystem::path& path) {
  std::sort(rows.begin(), rows.end(),
            [](const NearestRow& a, const NearestRow& b) { return a.key < b.key; });
  // Document frequencies over all rows, then the posting offsets.
  std::uint32_t terms = 0;
  for (const auto& r : rows)
    if (!r.counts.ids.empty()) terms = std::max(terms, r.counts.ids.back() + 1);
  std::vector<std::uint64_t> term_offsets(static_cast<std::size_t>(terms) + 1, 0);
  for (const auto& r : rows)
    for (std::uint32_t id : r.counts.ids)
      ++term_offsets[id + 1];
  for (std::size_t t = 0; t < terms; ++t)
    term_offsets[t + 1] += term_offsets[t];
  const std::uint64_t postings = term_offsets.back();

  std::vector<std::uint32_t> positions(postings);
  std::vector<std::uint32_t> counts(postings);
  std::vector<std::uint64_t> row_offsets(rows.size() + 1, 0);
  std::vector<std::uint32_t> row_ids, row_counts;
  row_ids.reserve(postings);
  row_counts.reserve(postings);
  std::vector<std::uint64_t> fill(term_offsets.begin(), term_offsets.end() - 1);
  std::vector<std::int64_t> doc_ids(rows.size());
  std::vector<double> tf_norms(rows.size()), all_norms(rows.size());
  std::vector<std::uint64_t> key_offsets(rows.size() + 1, 0);
  std::string keys;
  const auto n_all = rows.size();
  for (std::size_t p = 0; p < rows.size(); ++p) {
    const NearestRow& r = rows[p];
    doc_ids[p] = r.doc_id;
    std::vector<double> tf2, all2;
    tf2.reserve(r.counts.ids.size());
    all2.reserve(r.counts.ids.size());
    for (std::size_t i = 0; i < r.counts.ids.size(); ++i) {
      const std::uint32_t id = r.counts.ids[i];
      const double c = r.counts.values[i];
      const std::uint64_t at = fill[id]++;
      if (!(c >= 0 && c <= 4294967295.0 && c == std::floor(c)))
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("term count {} of document {} is not a count", c, r.doc_id));
      const auto count = static_cast<std::uint32_t>(c);
      positions[at] = static_cast<std::uint32_t>(p);
      counts[at] = count;
      row_ids.push_back(id);
      row_counts.push_back(count);
      const double df = static_cast<double>(term_offsets[id + 1] - term_offsets[id]);
      const double w = c * smooth_idf(n_all, static_cast<std::size_t>(df));
      tf2.push_back(c * c);
      all2.push_back(w * w);
    }
    row_offsets[p + 1] = row_ids.size();
    tf_norms[p] = std::sqrt(ordered_sum(tf2));
    all_norms[p] = std::sqrt(ordered_sum(all2));
    keys += r.key.available_at;
    keys += '\0';
    keys += r.key.accession;
    keys += '\0';
    keys += r.key.content_hash;
    key_offsets[p + 1] = keys.size();
  }

  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.byte_order = kByteOrder;
  h.stamp = stamp;
  h.rows = rows.size();
  h.terms = terms;
  h.postings = postings;
  h.key_bytes = keys.size();
  h.header_hash = header_hash(h);

  const std::filesystem::path temp = atomic_temp_path(path);
  try {
    FileWriter out(temp);
    out.write(&h, sizeof h);
    out.write_all(doc_ids);
    out.write_all(tf_norms);
    out.write_all(all_norms);
    out.write_all(key_offsets);
    out.write_all(term_offsets);
    out.write_all(positions);
    out.write_all(counts);
    out.write_all(row_offsets);
    out.write_all(row_ids);
    out.write_all(row_counts);
    out.write(keys.data(), keys.size());
    out.pad();
    out.close();
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) throw Error(ErrorCode::kIo, "cannot rename into place: " + ec.message(), path.string());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
}

std::uint64_t NearestIndex::read_stamp(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  Header h{};
  const bool ok = read_header(fd, h);
  ::close(fd);
  return ok ? h.stamp : 0;
}

NearestIndex NearestIndex::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorCode::kIo, "cannot open", path.string());
  auto m = std::make_unique<Mapping>();
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !read_header(fd, m->header)) {
    ::close(fd);
    throw Error(ErrorCode::kParse, "not a nearest-filings index (or a damaged one)", path.string());
  }
  const Header& h = m->header;
  // Counts bounded before any size arithmetic: a row needs at least 8 bytes per array.
  const auto file_size = static_cast<std::uint64_t>(st.st_size);
  if (h.rows > file_size / 8 || h.terms > file_size / 8 || h.postings > file_size / 4 ||
      h.key_bytes > file_size || Layout(h).total != file_size) {
    ::close(fd);
    throw Error(ErrorCode::kParse, "index size does not match its header (truncated?)",
                path.string());
  }
  void* base = ::mmap(nullptr, static_cast<std::size_t>(file_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) throw Error(ErrorCode::kIo, "cannot map", path.string());
  m->base = static_cast<const char*>(base);
  m->size = static_cast<std::size_t>(file_size);
  const Layout l(h);
  m->doc_ids = reinterpret_cast<const std::int64_t*>(m->base + l.doc_ids);
  m->tf_norms = reinterpret_cast<const double*>(m->base + l.tf_norms);
  m->all_norms = reinterpret_cast<const double*>(m->base + l.all_norms);
  m->key_offsets = reinterpret_cast<const std::uint64_t*>(m->base + l.key_offsets);
  m->term_offsets = reinterpret_cast<const std::uint64_t*>(m->base + l.term_offsets);
  m->positions = reinterpret_cast<const std::uint32_t*>(m->base + l.positions);
  m->counts = reinterpret_cast<const std::uint32_t*>(m->base + l.counts);
  m->row_offsets = reinterpret_cast<const std::uint64_t*>(m->base + l.row_offsets);
  m->row_ids = reinterpret_cast<const std::uint32_t*>(m->base + l.row_ids);
  m->row_counts = reinterpret_cast<const std::uint32_t*>(m->base + l.row_counts);
  m->keys = m->base + l.keys;
  // Offset tables increasing and inside their arrays: lookups never leave the mapping.
  auto monotone = [](const std::uint64_t* offsets, std::uint64_t n, std::uint64_t last) {
    if (offsets[0] != 0 || offsets[n] != last) return false;
    for (std::uint64_t i = 0; i < n; ++i)
      if (offsets[i] > offsets[i + 1]) return false;
    return true;
  };
  if (!monotone(m->term_offsets, h.terms, h.postings) ||
      !monotone(m->key_offsets, h.rows, h.key_bytes) ||
      !monotone(m->row_offsets, h.rows, h.postings)) {
    throw Error(ErrorCode::kParse, "index offsets out of bounds (damaged)", path.string());
  }
  return NearestIndex(std::move(m));
}

NearestIndex::NearestIndex(std::unique_ptr<Mapping> mapping) : m_(std::move(mapping)) {}
NearestIndex::NearestIndex(NearestIndex&&) noexcept = default;
NearestIndex& NearestIndex::operator=(NearestIndex&&) noexcept = default;
NearestIndex::~NearestIndex() = default;

std::uint64_t NearestIndex::stamp() const {
  return m_->header.stamp;
}
std::size_t NearestIndex::rows() const {
  return static_cast<std::size_t>(m_->header.rows);
}
std::int64_t NearestIndex::doc_id(std::size_t position) const {
  return m_->doc_ids[position];
}
double NearestIndex::tf_norm(std::size_t position) const {
  return m_->tf_norms[position];
}
double NearestIndex::all_norm(std::size_t position) const {
  return m_->all_norms[position];
}

store::PitKey NearestIndex::key(std::size_t position) const {
  const char* p = m_->keys + m_->key_offsets[position];
  const char* end = m_->keys + m_->key_offsets[position + 1];
  // Three fields separated by NULs; a damaged entry yields short fields, never an overrun.
  auto field = [&p, end]() {
    const char* nul =
        static_cast<const char*>(std::memchr(p, '\0', static_cast<std::size_t>(end - p)));
    const char* stop = nul ? nul : end;
    std::string out(p, stop);
    p = nul ? nul + 1 : end;
    return out;
  };
  store::PitKey k;
  k.available_at = field();
  k.accession = field();
  k.content_hash = field();
  return k;
}

std::size_t NearestIndex::prefix_end(const store::PitKey& bound) const {
  std::size_t lo = 0, hi = rows();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid) <= bound) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::span<const std::uint32_t> NearestIndex::positions(std::uint32_t term) const {
  if (term >= m_->header.terms) return {};
  const std::uint64_t a = m_->term_offsets[term], b = m_->term_offsets[term + 1];
  return {m_->positions + a, static_cast<std::size_t>(b - a)};
}

std::span<const std::uint32_t> NearestIndex::counts(std::uint32_t term) const {
  if (term >= m_->header.terms) return {};
  const std::uint64_t a = m_->term_offsets[term], b = m_->term_offsets[term + 1];
  return {m_->counts + a, static_cast<std::size_t>(b - a)};
}

std::span<const std::uint32_t> NearestIndex::row_ids(std::size_t position) const {
  const std::uint64_t a = m_->row_offsets[position], b = m_->row_offsets[position + 1];
  return {m_->row_ids + a, static_cast<std::size_t>(b - a)};
}

std::span<const std::uint32_t> NearestIndex::row_counts(std::size_t position) const {
  const std::uint64_t a = m_->row_offsets[position], b = m_->row_offsets[position + 1];
  return {m_->row_counts + a, static_cast<std::size_t>(b - a)};
}

std::size_t NearestIndex::terms() const {
  return static_cast<std::size_t>(m_->header.terms);
}

std::uint32_t NearestIndex::df(std::uint32_t term, std::size_t end) const {
  const auto p = positions(term);
  return static_cast<std::uint32_t>(
      std::lower_bound(p.begin(), p.end(), static_cast<std::uint32_t>(end)) - p.begin());
}

}  // namespace secnlp::similarity
