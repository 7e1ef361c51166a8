#pragma once
// The database schema and its migrations. Connection::schema_version() holds the schema version
// (SQLite: PRAGMA user_version; PostgreSQL: table secnlp_schema); opening a database applies
// every newer migration in one transaction, and refuses a database written by a newer secnlp.
//
// One migration list for both backends: versions 1-10 are SQLite's history; version 10 is also
// the baseline, one consolidated schema in the shared DDL subset (database.h: ddl_for) from
// which every new database starts (every PostgreSQL database; a SQLite file created at version
// 10 or later); versions after 10 are shared migrations, one description for both backends.
//
// Tables (version 1):
//   runs          one row per `secnlp process` (or job) run: times, counts, config, outcome
//   documents     one row per input path: size, content hash, config hash, status, metadata
//   document_text the clean text of each document (for sections, diffs and re-reading)
//   sections      item sections of a document: offsets, heading, method, confidence, flags
//   metrics       (document, scope, name) -> value; scope '' is the whole document
//   vocabulary    term id <-> term, shared by all documents
//   term_vectors  (document, scope) -> sparse term counts, varint-coded (term_vector_codec.h)
//   errors        one row per failed document per run: path, code, message
// Version 2 adds:
//   exhibits      the other documents of an EDGAR submission (EX-21, EX-99.1 ...): type, sequence,
//                 file name, description, kind, size, and their text when it is text or HTML
//   sections.title the canonical item title ("Risk Factors")
// Version 3 adds:
//   similarity    cached year-over-year scores: (document, previous document, scope, measure,
//                 idf) -> value, with the corpus size the idf came from; rows of a document are
//                 deleted when it is rewritten
// Version 4 adds:
//   fetches       every filing `secnlp fetch` downloaded or found present: accession, company
//                 folder, CIK, form, filing date, URL, local path, bytes, content hash, time
// Version 5 adds (pipeline/store/training_records.h):
//   training_runs   one row per `secnlp train` run: task, model, dataset, options, device, times,
//                   status, epochs, best epoch, test metrics
//   training_epochs (run, epoch) -> losses, accuracies, macro F1, learning rate, seconds, metrics
// Version 6 keys fetches by (accession, kind): kind 'submission' (the full submission .txt) or
//   'primary' (the primary document), so `fetch --what both` records both files; older rows get
//   their kind from their path.
// Version 7 (point in time, one document per filing):
//   documents.doc_key       the document's identity: 'accession:<accession>' when the accession
//                           is known, else 'content:<content hash>' ('path:<path>' for files
//                           that could not be read); one row per identity
//   documents.kind          'submission' (an EDGAR container) or 'document' (a primary document
//                           or any other file)
//   documents.accepted      EDGAR acceptance time, US Eastern, YYYY-MM-DDTHH:MM:SS
//   documents.available_at  when the filing became public, the point-in-time key
//                           (pipeline/store/point_in_time.h); NULL when undated
//   documents.flags         document flag names, comma-separated (pipeline/names.h)
//   documents.warnings      what processing noticed, a JSON array of strings
//   document_files          every file that reached a document: path -> doc_id, its content
//                           hash, role 'processed' (the file the results come from) or 'linked'
//                           (another copy or the primary document of a stored submission),
//                           and a hash of the metadata its surroundings supplied (file name,
//                           folder metadata files, --metadata): a change recomputes the file
//   sections.refers_to      where an item's content is when the item only points there
//   runs.docs_linked        files recognised as another file's filing
//   similarity.inputs_hash  identity of every input of a cached score (both filings and, for
//                           corpus measures, every filing available at the score's date);
//                           cached scores from older versions are dropped
// Version 8:
//   store_generation        name -> counter; 'term_vectors' is raised by triggers on every
//                           insert, update or delete in term_vectors and every update or delete
//                           in documents, so a cache built from term vectors (the index of
//                           `similar`, pipeline/similarity/nearest_index.h) knows it is stale
//                           from one row
// Version 9 (issue 18, named entities; written by the opt-in entities stage):
//   entities  (doc_id, byte_begin) -> section (item id, '' outside every section), sentence
//             index, char and byte offsets into the document's clean text, text, type, score
// Version 10 (tidy data, docs/schema.md):
//   sections.begin_char, end_char  the offsets in Unicode code points (what Python's str
//                           indexes), beside the UTF-8 byte offsets begin_offset/end_offset
//   sections.flag_names     the flags as names, comma-separated ("too-short,toc-only")
#include "pipeline/store/database.h"

namespace secnlp::store {

inline constexpr int kSchemaVersion = 11;

// Brings `db` to `target` (default: kSchemaVersion), one migration per version, in one
// transaction. Throws Error(kDatabase) if the database is newer than this build knows. Tests
// pass an older `target` to build databases as earlier versions left them.
void migrate(Connection& db, int target = kSchemaVersion);

}  // namespace secnlp::store
