#include "pipeline/store/schema.h"

#include <array>
#include <string_view>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::store {
namespace {

// migrations[i] brings the schema from version i to i + 1. Never edit a released entry; append.
// The SQLite history: kMigrations[i] brings a schema from version i to i + 1. Closed at the
// baseline (kBaselineVersion): later versions are in kShared below.
constexpr std::array<std::string_view, 10> kMigrations = {
    R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  config_hash TEXT,
  config TEXT,
  threads INTEGER,
  docs_total INTEGER DEFAULT 0,
  docs_processed INTEGER DEFAULT 0,
  docs_skipped INTEGER DEFAULT 0,
  docs_failed INTEGER DEFAULT 0,
  bytes INTEGER DEFAULT 0
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER,
  content_hash TEXT,
  config_hash TEXT,
  status TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  processed_at TEXT,
  source_type TEXT,
  encoding TEXT,
  cik TEXT,
  ticker TEXT,
  company TEXT,
  form TEXT,
  fiscal_year INTEGER,
  period TEXT,
  filed TEXT,
  accession TEXT,
  metadata TEXT,
  error TEXT
);
CREATE INDEX documents_cik ON documents(cik, form, fiscal_year);
CREATE INDEX documents_accession ON documents(accession);
CREATE TABLE document_text (
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE TABLE sections (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  begin_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  heading TEXT,
  method TEXT,
  confidence REAL,
  flags INTEGER,
  PRIMARY KEY (doc_id, item)
) WITHOUT ROWID;
CREATE TABLE metrics (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (doc_id, scope, name)
) WITHOUT ROWID;
CREATE TABLE vocabulary (
  id INTEGER PRIMARY KEY,
  term TEXT NOT NULL UNIQUE
);
CREATE TABLE term_vectors (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  unique_terms INTEGER NOT NULL,
  total INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (doc_id, scope)
) WITHOUT ROWID;
CREATE TABLE errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  path TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);
)sql",
    R"sql(
ALTER TABLE sections ADD COLUMN title TEXT;
CREATE TABLE exhibits (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,
  type TEXT,
  filename TEXT,
  description TEXT,
  kind TEXT,
  bytes INTEGER,
  text TEXT,
  PRIMARY KEY (doc_id, sequence)
) WITHOUT ROWID;
)sql",
    R"sql(
CREATE TABLE similarity (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  prev_doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  measure TEXT NOT NULL,
  idf TEXT NOT NULL,
  value REAL,
  corpus_size INTEGER,
  computed_at TEXT,
  PRIMARY KEY (doc_id, prev_doc_id, scope, measure, idf)
) WITHOUT ROWID;
CREATE INDEX similarity_prev ON similarity(prev_doc_id);
)sql",
    R"sql(
CREATE TABLE fetches (
  accession TEXT PRIMARY KEY,
  company TEXT,
  cik TEXT,
  form TEXT,
  filed TEXT,
  url TEXT NOT NULL,
  path TEXT NOT NULL,
  bytes INTEGER,
  content_hash TEXT,
  fetched_at TEXT NOT NULL
);
)sql",
    R"sql(
CREATE TABLE training_runs (
  id INTEGER PRIMARY KEY,
  name TEXT,
  task TEXT NOT NULL,
  model TEXT,
  dataset TEXT,
  out_dir TEXT,
  options TEXT,
  device TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  epochs INTEGER DEFAULT 0,
  best_epoch INTEGER,
  test_metrics TEXT,
  test_accuracy REAL,
  test_macro_f1 REAL,
  seconds REAL
);
CREATE TABLE training_epochs (
  run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  train_loss REAL,
  train_accuracy REAL,
  val_loss REAL,
  val_accuracy REAL,
  val_macro_f1 REAL,
  learning_rate REAL,
  seconds REAL,
  metrics TEXT,
  PRIMARY KEY (run_id, epoch)
) WITHOUT ROWID;
)sql",
    R"sql(
CREATE TABLE fetches_by_kind (
  accession TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('submission', 'primary')),
  company TEXT,
  cik TEXT,
  form TEXT,
  filed TEXT,
  url TEXT NOT NULL,
  path TEXT NOT NULL,
  bytes INTEGER,
  content_hash TEXT,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (accession, kind)
);
INSERT INTO fetches_by_kind
  SELECT accession,
         CASE WHEN path LIKE '%primary-document.%' THEN 'primary' ELSE 'submission' END,
         company, cik, form, filed, url, path, bytes, content_hash, fetched_at
  FROM fetches;
DROP TABLE fetches;
ALTER TABLE fetches_by_kind RENAME TO fetches;
)sql",
    R"sql(
ALTER TABLE documents ADD COLUMN doc_key TEXT;
ALTER TABLE documents ADD COLUMN kind TEXT;
ALTER TABLE documents ADD COLUMN accepted TEXT;
ALTER TABLE documents ADD COLUMN available_at TEXT;
ALTER TABLE documents ADD COLUMN flags TEXT;
ALTER TABLE documents ADD COLUMN warnings TEXT;
UPDATE documents SET doc_key = CASE
  WHEN accession IS NOT NULL AND accession <> '' THEN 'accession:' || accession
  WHEN content_hash IS NOT NULL AND content_hash <> '' THEN 'content:' || content_hash
  ELSE 'path:' || path END;
UPDATE documents SET available_at = filed || 'T23:59:59' WHERE filed IS NOT NULL AND filed <> '';
CREATE INDEX documents_key ON documents(doc_key);
CREATE INDEX documents_available ON documents(available_at);
CREATE TABLE document_files (
  path TEXT PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  content_hash TEXT,
  role TEXT NOT NULL CHECK (role IN ('processed', 'linked')),
  seen_at TEXT,
  metadata_hash TEXT
);
CREATE INDEX document_files_doc ON document_files(doc_id);
INSERT INTO document_files(path, doc_id, content_hash, role, seen_at)
  SELECT path, id, content_hash, 'processed', processed_at FROM documents;
ALTER TABLE sections ADD COLUMN refers_to TEXT;
ALTER TABLE runs ADD COLUMN docs_linked INTEGER DEFAULT 0;
ALTER TABLE similarity ADD COLUMN inputs_hash TEXT;
DELETE FROM similarity;
)sql",
    R"sql(
CREATE TABLE store_generation (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_generation(name, value) VALUES ('term_vectors', 0);
CREATE TRIGGER term_vectors_inserted AFTER INSERT ON term_vectors BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER term_vectors_updated AFTER UPDATE ON term_vectors BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER term_vectors_deleted AFTER DELETE ON term_vectors BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER documents_updated_generation AFTER UPDATE ON documents BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER documents_deleted_generation AFTER DELETE ON documents BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
)sql",
    R"sql(
CREATE TABLE entities (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  byte_begin INTEGER NOT NULL,
  byte_end INTEGER NOT NULL,
  char_begin INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  section TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  score REAL,
  PRIMARY KEY (doc_id, byte_begin)
) WITHOUT ROWID;
CREATE INDEX entities_type ON entities(type, text);
)sql",
    // Version 10: offsets Python can index with, and flags in words. length() of TEXT counts
    // code points, substr() of a BLOB counts bytes: the backfill converts byte offsets.
    R"sql(
ALTER TABLE sections ADD COLUMN begin_char INTEGER;
ALTER TABLE sections ADD COLUMN end_char INTEGER;
ALTER TABLE sections ADD COLUMN flag_names TEXT;
UPDATE sections SET
  begin_char = (SELECT length(CAST(substr(CAST(t.text AS BLOB), 1, sections.begin_offset) AS TEXT))
                FROM document_text t WHERE t.doc_id = sections.doc_id),
  end_char = (SELECT length(CAST(substr(CAST(t.text AS BLOB), 1, sections.end_offset) AS TEXT))
              FROM document_text t WHERE t.doc_id = sections.doc_id);
UPDATE sections SET flag_names = rtrim(
  CASE WHEN flags & 1 THEN 'empty,' ELSE '' END ||
  CASE WHEN flags & 2 THEN 'reference-only,' ELSE '' END ||
  CASE WHEN flags & 4 THEN 'incorporated-by-reference,' ELSE '' END ||
  CASE WHEN flags & 8 THEN 'too-short,' ELSE '' END ||
  CASE WHEN flags & 16 THEN 'too-long,' ELSE '' END ||
  CASE WHEN flags & 32 THEN 'toc-only,' ELSE '' END ||
  CASE WHEN flags & 64 THEN 'combined,' ELSE '' END ||
  CASE WHEN flags & 128 THEN 'contains-heading,' ELSE '' END ||
  CASE WHEN flags & 256 THEN 'truncated,' ELSE '' END, ',');
)sql",
};

// The schema of version kBaselineVersion in one piece, in the shared DDL subset (ddl_for): what
// the migrations above build, column for column, in the same order. A new database starts
// here (PostgreSQL always; SQLite when the target is at least kBaselineVersion: one schema
// parse instead of one per ALTER), then takes the shared migrations. Never edit it: append a
// shared migration. The test StoreSchema.BaselineEqualsMigrations holds it to the list above.
constexpr int kBaselineVersion = 10;
constexpr std::string_view kBaseline = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  config_hash TEXT,
  config TEXT,
  threads INTEGER,
  docs_total INTEGER DEFAULT 0,
  docs_processed INTEGER DEFAULT 0,
  docs_skipped INTEGER DEFAULT 0,
  docs_failed INTEGER DEFAULT 0,
  bytes INTEGER DEFAULT 0,
  docs_linked INTEGER DEFAULT 0
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER,
  content_hash TEXT,
  config_hash TEXT,
  status TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  processed_at TEXT,
  source_type TEXT,
  encoding TEXT,
  cik TEXT,
  ticker TEXT,
  company TEXT,
  form TEXT,
  fiscal_year INTEGER,
  period TEXT,
  filed TEXT,
  accession TEXT,
  metadata TEXT,
  error TEXT,
  doc_key TEXT,
  kind TEXT,
  accepted TEXT,
  available_at TEXT,
  flags TEXT,
  warnings TEXT
);
CREATE INDEX documents_cik ON documents(cik, form, fiscal_year);
CREATE INDEX documents_accession ON documents(accession);
CREATE INDEX documents_key ON documents(doc_key);
CREATE INDEX documents_available ON documents(available_at);
CREATE TABLE document_text (
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE TABLE sections (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  begin_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  heading TEXT,
  method TEXT,
  confidence REAL,
  flags INTEGER,
  title TEXT,
  refers_to TEXT,
  begin_char INTEGER,
  end_char INTEGER,
  flag_names TEXT,
  PRIMARY KEY (doc_id, item)
) WITHOUT ROWID;
CREATE TABLE metrics (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (doc_id, scope, name)
) WITHOUT ROWID;
CREATE TABLE vocabulary (
  id INTEGER PRIMARY KEY,
  term TEXT NOT NULL UNIQUE
);
CREATE TABLE term_vectors (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  unique_terms INTEGER NOT NULL,
  total INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (doc_id, scope)
) WITHOUT ROWID;
CREATE TABLE errors (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  path TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE exhibits (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,
  type TEXT,
  filename TEXT,
  description TEXT,
  kind TEXT,
  bytes INTEGER,
  text TEXT,
  PRIMARY KEY (doc_id, sequence)
) WITHOUT ROWID;
CREATE TABLE similarity (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  prev_doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,
  measure TEXT NOT NULL,
  idf TEXT NOT NULL,
  value REAL,
  corpus_size INTEGER,
  computed_at TEXT,
  inputs_hash TEXT,
  PRIMARY KEY (doc_id, prev_doc_id, scope, measure, idf)
) WITHOUT ROWID;
CREATE INDEX similarity_prev ON similarity(prev_doc_id);
CREATE TABLE training_runs (
  id INTEGER PRIMARY KEY,
  name TEXT,
  task TEXT NOT NULL,
  model TEXT,
  dataset TEXT,
  out_dir TEXT,
  options TEXT,
  device TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running',
  epochs INTEGER DEFAULT 0,
  best_epoch INTEGER,
  test_metrics TEXT,
  test_accuracy REAL,
  test_macro_f1 REAL,
  seconds REAL
);
CREATE TABLE training_epochs (
  run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  train_loss REAL,
  train_accuracy REAL,
  val_loss REAL,
  val_accuracy REAL,
  val_macro_f1 REAL,
  learning_rate REAL,
  seconds REAL,
  metrics TEXT,
  PRIMARY KEY (run_id, epoch)
) WITHOUT ROWID;
CREATE TABLE fetches (
  accession TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('submission', 'primary')),
  company TEXT,
  cik TEXT,
  form TEXT,
  filed TEXT,
  url TEXT NOT NULL,
  path TEXT NOT NULL,
  bytes INTEGER,
  content_hash TEXT,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (accession, kind)
);
CREATE TABLE document_files (
  path TEXT PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  content_hash TEXT,
  role TEXT NOT NULL CHECK (role IN ('processed', 'linked')),
  seen_at TEXT,
  metadata_hash TEXT
);
CREATE INDEX document_files_doc ON document_files(doc_id);
CREATE TABLE store_generation (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_generation(name, value) VALUES ('term_vectors', 0);
CREATE TABLE entities (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  byte_begin INTEGER NOT NULL,
  byte_end INTEGER NOT NULL,
  char_begin INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  section TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  score REAL,
  PRIMARY KEY (doc_id, byte_begin)
) WITHOUT ROWID;
CREATE INDEX entities_type ON entities(type, text);
)sql";

// What the baseline needs beyond the shared subset, per backend: SQLite's generation
// triggers (version 8 above); PostgreSQL's spellings of the functions the shared SQL calls
// (database.h) and the same generation counter, bumped by deferred constraint triggers so that
// concurrent writers hold the counter's row only while they commit.
constexpr std::string_view kBaselineSqlite = R"sql(
CREATE TRIGGER term_vectors_inserted AFTER INSERT ON term_vectors BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER term_vectors_updated AFTER UPDATE ON term_vectors BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER term_vectors_deleted AFTER DELETE ON term_vectors BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER documents_updated_generation AFTER UPDATE ON documents BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
CREATE TRIGGER documents_deleted_generation AFTER DELETE ON documents BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
END;
)sql";

constexpr std::string_view kBaselinePostgres = R"sql(
CREATE OR REPLACE FUNCTION instr(a TEXT, b TEXT) RETURNS BIGINT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT strpos(a, b)::BIGINT $$;
CREATE OR REPLACE FUNCTION json_extract(j TEXT, path TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (j::jsonb) #>> string_to_array(substr(path, 3), '.') $$;
CREATE OR REPLACE FUNCTION byte_slice(t TEXT, start BIGINT, len BIGINT) RETURNS BYTEA
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT substring(convert_to(t, 'UTF8') FROM start::INTEGER FOR len::INTEGER) $$;
CREATE OR REPLACE FUNCTION secnlp_bump_term_vectors_generation() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_generation SET value = value + 1 WHERE name = 'term_vectors';
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER term_vectors_changed AFTER INSERT OR UPDATE OR DELETE ON term_vectors
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION secnlp_bump_term_vectors_generation();
CREATE CONSTRAINT TRIGGER documents_changed_generation AFTER UPDATE OR DELETE ON documents
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION secnlp_bump_term_vectors_generation();
)sql";

// Migrations after the baseline, written once for both backends in the shared DDL subset.
// shared[i] brings the schema from version kBaselineVersion + i to kBaselineVersion + i + 1.
constexpr std::array<std::string_view, kSchemaVersion - kBaselineVersion> kShared = {
    // Version 11: a run spread over MPI ranks is one runs row; what each rank did.
    R"sql(
CREATE TABLE run_ranks (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  rank INTEGER NOT NULL,
  host TEXT,
  total INTEGER DEFAULT 0,
  processed INTEGER DEFAULT 0,
  skipped INTEGER DEFAULT 0,
  failed INTEGER DEFAULT 0,
  linked INTEGER DEFAULT 0,
  bytes INTEGER DEFAULT 0,
  PRIMARY KEY (run_id, rank)
);
)sql",
};

}  // namespace

namespace {

// PostgreSQL: a session-level advisory lock (per schema) held from before the migration's
// transaction until after it ends; nothing on SQLite.
class MigrationTurn {
 public:
  explicit MigrationTurn(Connection& db) : db_(db), held_(db.backend() == Backend::kPostgres) {
    if (held_) db_.prepare(std::string("SELECT pg_advisory_lock(") + kKey + ")").run();
  }
  ~MigrationTurn() {
    if (!held_) return;
    try {
      db_.prepare(std::string("SELECT pg_advisory_unlock(") + kKey + ")").run();
    } catch (...) {  // the session ends with the connection, and its lock with it
    }
  }
  MigrationTurn(const MigrationTurn&) = delete;
  MigrationTurn& operator=(const MigrationTurn&) = delete;

 private:
  static constexpr const char* kKey =
      "hashtextextended('secnlp schema migration ' || current_schema(), 0)";
  Connection& db_;
  bool held_;
};

}  // namespace

void migrate(Connection& db, int target) {
  int version = db.schema_version();
  if (version < 0)
    throw Error(ErrorCode::kDatabase,
                fmt::format("database schema version {} is not one secnlp writes: the file is "
                            "damaged or not a secnlp database",
                            version),
                db.path());
  if (version == target && version <= kSchemaVersion) return;
  if (version > kSchemaVersion) {
    throw Error(ErrorCode::kDatabase,
                fmt::format("database schema version {} is newer than this secnlp supports ({})",
                            version, kSchemaVersion),
                db.path());
  }
  const Backend backend = db.backend();
  // Migrators take turns, and the one that waited starts its transaction only after the other
  // committed: on PostgreSQL a lock taken inside the transaction left the waiter's catalog
  // cache from before that commit (to_regclass still saw no secnlp_schema table), so it
  // created the tables again and failed on "relation runs already exists" (two Dask workers
  // opening one new schema). SQLite: BEGIN IMMEDIATE below is the turn.
  const MigrationTurn turn(db);
  Transaction tx(db);
  version = db.schema_version();  // another process may have migrated meanwhile
  if (version == 0 && (target >= kBaselineVersion || backend == Backend::kPostgres)) {
    db.exec(ddl_for(backend, kBaseline));
    db.exec(backend == Backend::kPostgres ? kBaselinePostgres : kBaselineSqlite);
    version = kBaselineVersion;
  }
  if (backend == Backend::kPostgres && version < kBaselineVersion)
    throw Error(ErrorCode::kDatabase,
                fmt::format("PostgreSQL database at schema version {}: secnlp only writes {} and "
                            "later there",
                            version, kBaselineVersion),
                db.path());
  for (; version < target; ++version) {
    db.exec(version < kBaselineVersion
                ? kMigrations[static_cast<std::size_t>(version)]
                : ddl_for(backend, kShared[static_cast<std::size_t>(version - kBaselineVersion)]));
  }
  db.set_schema_version(version);
  tx.commit();
}

}  // namespace secnlp::store
