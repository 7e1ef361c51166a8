#pragma once
// A results database as data, for tests that compare two stores: every table's rows as sorted
// text lines, with every id replaced by its natural key, so that two runs that stored the same
// results in another order (MPI ranks, shards, a rerun after a kill) compare equal.
//
// Rules: a documents id (documents.id, doc_id, prev_doc_id) becomes the document's doc_key; a
// vocabulary id becomes its term, inside term-vector blobs too (term_vectors.data is listed as
// "term:count" pairs sorted by term); surrogate ids (errors.id, vocabulary.id, training ids)
// and run ids are left out, and so are the times a row was written (processed_at, seen_at,
// computed_at, at, started_at, finished_at, fetched_at). The tables runs, run_ranks and
// store_generation (how the run went, not what it stored) are left out. A table this helper does
// not know is an error (add it to store::store_tables(), pipeline/store/copy.cpp), so a new
// table is never silently left out of a comparison or a copy.
//
// Works on both backends (tables from sqlite_master or information_schema); numbers are written
// through their value, so a SQLite and a PostgreSQL store of the same results dump equal.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/store/database.h"

namespace secnlp::testing {

// table name -> rows, each "column=value|column=value" (NULL as \N), sorted.
using StoreDump = std::map<std::string, std::vector<std::string>>;

StoreDump dump_store(store::Connection& db);
StoreDump dump_store(const std::filesystem::path& db);

// "" when equal; otherwise the first differences, table by table (at most `max_lines` lines),
// for a test failure message.
std::string diff_dumps(const StoreDump& expected, const StoreDump& actual,
                       std::size_t max_lines = 20);

}  // namespace secnlp::testing
