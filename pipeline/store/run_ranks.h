#pragma once
// What each MPI rank of a run did (table run_ranks, written by rank 0 at the end of an
// `mpirun ... secnlp process` run; see pipeline/runner.h), for `secnlp runs`.

#include <cstddef>
#include <filesystem>

#include "pipeline/result_table.h"

namespace secnlp::store {

// One row per rank of the newest `limit` runs that have rank rows: run, rank, host, documents,
// processed, skipped, failed, linked, MB. Ordered by run (newest first), then rank. Empty when
// no run was spread over ranks. Throws Error(kIo) when the database does not exist.
pipeline::ResultTable query_run_ranks(const std::filesystem::path& db, std::size_t limit);

}  // namespace secnlp::store
