#include "pipeline/store/document_store.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "common/json.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::store {
namespace {

std::string metadata_json(const std::map<std::string, std::string>& metadata) {
  std::string out = "{";
  for (const auto& [k, v] : metadata) {
    if (out.size() > 1) out += ",";
    out += json_quote(k) + ":" + json_quote(v);
  }
  return out + "}";
}

std::optional<std::string> meta(const pipeline::Document& doc, const char* key) {
  auto it = doc.metadata.find(key);
  if (it == doc.metadata.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::optional<std::int64_t> meta_int(const pipeline::Document& doc, const char* key) {
  auto s = meta(doc, key);
  if (!s) return std::nullopt;
  try {
    return std::stoll(*s);
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

namespace {
Connection& migrated(Connection& db) {
  migrate(db);
  return db;
}
}  // namespace

DocumentStore::DocumentStore(const std::filesystem::path& db_path)
    : db_(db_path.string()), insert_term_(migrated(db_), "INSERT INTO vocabulary(term) VALUES(?)") {
  Statement st = db_.prepare("SELECT id, term FROM vocabulary");
  while (st.step()) {
    vocabulary_.emplace(st.column_text(1), static_cast<std::uint32_t>(st.column_int(0)));
  }
}

std::int64_t DocumentStore::begin_run(std::string_view command, std::string_view config_hash,
                                      std::string_view config_text, int threads) {
  db_.prepare(
         "INSERT INTO runs(command, started_at, status, config_hash, config, threads) "
         "VALUES(?, ?, 'running', ?, ?, ?)")
      .bind(1, command)
      .bind(2, utc_now())
      .bind(3, config_hash)
      .bind(4, config_text)
      .bind(5, threads)
      .run();
  return db_.last_insert_rowid();
}

void DocumentStore::update_run(std::int64_t run_id, const RunCounts& c) {
  db_.prepare(
         "UPDATE runs SET docs_total=?, docs_processed=?, docs_skipped=?, docs_failed=?, bytes=? "
         "WHERE id=?")
      .bind(1, c.total)
      .bind(2, c.processed)
      .bind(3, c.skipped)
      .bind(4, c.failed)
      .bind(5, c.bytes)
      .bind(6, run_id)
      .run();
}

void DocumentStore::finish_run(std::int64_t run_id, const RunCounts& counts,
                               std::string_view status) {
  update_run(run_id, counts);
  db_.prepare("UPDATE runs SET finished_at=?, status=? WHERE id=?")
      .bind(1, utc_now())
      .bind(2, status)
      .bind(3, run_id)
      .run();
}

std::unordered_map<std::string, StoredState> DocumentStore::document_states() {
  std::unordered_map<std::string, StoredState> out;
  Statement st = db_.prepare("SELECT path, content_hash, config_hash, status FROM documents");
  while (st.step()) {
    out.emplace(st.column_text(0),
                StoredState{st.column_text(1), st.column_text(2), st.column_text(3)});
  }
  return out;
}

std::int64_t DocumentStore::upsert_document(const pipeline::Document& doc, std::int64_t run_id,
                                            std::string_view config_hash, std::string_view status,
                                            std::string_view error) {
  Statement st = db_.prepare(R"sql(
INSERT INTO documents(path, size, content_hash, config_hash, status, run_id, processed_at,
                      source_type, encoding, cik, ticker, company, form, fiscal_year, period,
                      filed, accession, metadata, error)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
ON CONFLICT(path) DO UPDATE SET
  size=excluded.size, content_hash=excluded.content_hash, config_hash=excluded.config_hash,
  status=excluded.status, run_id=excluded.run_id, processed_at=excluded.processed_at,
  source_type=excluded.source_type, encoding=excluded.encoding, cik=excluded.cik,
  ticker=excluded.ticker, company=excluded.company, form=excluded.form,
  fiscal_year=excluded.fiscal_year, period=excluded.period, filed=excluded.filed,
  accession=excluded.accession, metadata=excluded.metadata, error=excluded.error
RETURNING id)sql");
  st.bind(1, doc.path)
      .bind(2, doc.size)
      .bind(3, doc.content_hash)
      .bind(4, config_hash)
      .bind(5, status)
      .bind(6, run_id)
      .bind(7, utc_now())
      .bind(8, doc.source_type)
      .bind(9, doc.encoding)
      .bind(10, meta(doc, "cik"))
      .bind(11, meta(doc, "ticker"))
      .bind(12, meta(doc, "company"))
      .bind(13, meta(doc, "form"))
      .bind(14, meta_int(doc, "fiscal_year"))
      .bind(15, meta(doc, "period"))
      .bind(16, meta(doc, "filed"))
      .bind(17, meta(doc, "accession"))
      .bind(18, metadata_json(doc.metadata));
  if (error.empty()) {
    st.bind_null(19);
  } else {
    st.bind(19, error);
  }
  if (!st.step()) db_.fail("upsert document returned no id");
  const std::int64_t id = st.column_int(0);
  st.step();
  for (const char* table : {"metrics", "term_vectors", "sections", "document_text", "exhibits"}) {
    db_.prepare(fmt::format("DELETE FROM {} WHERE doc_id=?", table)).bind(1, id).run();
  }
  // Cached similarity scores that involve this document are stale now.
  db_.prepare("DELETE FROM similarity WHERE doc_id=?1 OR prev_doc_id=?1").bind(1, id).run();
  return id;
}

std::uint32_t DocumentStore::term_id(const std::string& term) {
  auto it = vocabulary_.find(term);
  if (it != vocabulary_.end()) return it->second;
  insert_term_.bind(1, term).run();
  const auto id = static_cast<std::uint32_t>(db_.last_insert_rowid());
  vocabulary_.emplace(term, id);
  return id;
}

void DocumentStore::write_document(const pipeline::Document& doc, std::int64_t run_id,
                                   std::string_view config_hash, bool store_text) {
  // New vocabulary ids are only cached once the transaction commits.
  auto vocabulary_before = vocabulary_.size();
  try {
    Transaction tx(db_);
    const std::int64_t id = upsert_document(doc, run_id, config_hash, "ok", {});
    if (store_text) {
      db_.prepare("INSERT INTO document_text(doc_id, text) VALUES(?, ?)")
          .bind(1, id)
          .bind(2, doc.text)
          .run();
    }
    Statement section = db_.prepare(
        "INSERT OR REPLACE INTO sections(doc_id, item, begin_offset, end_offset, heading, method, "
        "confidence, flags, title) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& s : doc.sections) {
      section.bind(1, id)
          .bind(2, s.item)
          .bind(3, static_cast<std::int64_t>(s.span.begin))
          .bind(4, static_cast<std::int64_t>(s.span.end))
          .bind(5, s.heading)
          .bind(6, s.method)
          .bind(7, s.confidence)
          .bind(8, static_cast<std::int64_t>(s.flags))
          .bind(9, s.title)
          .run();
    }
    Statement exhibit = db_.prepare(
        "INSERT OR REPLACE INTO exhibits(doc_id, sequence, type, filename, description, kind, "
        "bytes, text) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& e : doc.exhibits) {
      exhibit.bind(1, id)
          .bind(2, e.sequence)
          .bind(3, e.type)
          .bind(4, e.filename)
          .bind(5, e.description)
          .bind(6, e.kind)
          .bind(7, e.bytes);
      if (store_text && !e.text.empty()) {
        exhibit.bind(8, e.text);
      } else {
        exhibit.bind_null(8);
      }
      exhibit.run();
    }
    Statement metric = db_.prepare(
        "INSERT OR REPLACE INTO metrics(doc_id, scope, name, value) VALUES(?, ?, ?, ?)");
    for (const auto& [scope, values] : doc.metrics) {
      for (const auto& [name, value] : values) {
        metric.bind(1, id).bind(2, scope).bind(3, name);
        if (std::isfinite(value)) {
          metric.bind(4, value);
        } else {
          metric.bind_null(4);
        }
        metric.run();
      }
    }
    Statement vector = db_.prepare(
        "INSERT INTO term_vectors(doc_id, scope, unique_terms, total, data) VALUES(?, ?, ?, ?, ?)");
    // Every scope is part of the document, so each section term is among the document's terms:
    // resolve those through the vocabulary once, and the sections by walking both sorted lists.
    std::vector<std::uint32_t> document_ids;
    const auto whole = doc.counts.find("");
    if (whole != doc.counts.end()) {
      document_ids.reserve(whole->second.size());
      for (const auto& [term, count] : whole->second)
        document_ids.push_back(term_id(term));
    }
    std::vector<TermIdCount> entries;
    for (const auto& [scope, counts] : doc.counts) {
      entries.clear();
      std::uint64_t total = 0;
      std::size_t d = 0;
      for (const auto& [term, count] : counts) {
        std::uint32_t term_number;
        if (whole == doc.counts.end()) {
          term_number = term_id(term);
        } else if (&counts == &whole->second) {
          term_number = document_ids[d++];
        } else {
          const pipeline::TermCounts& all = whole->second;
          while (d < all.size() && all[d].first < term)
            ++d;
          term_number = d < all.size() && all[d].first == term ? document_ids[d] : term_id(term);
        }
        entries.emplace_back(term_number, count);
        total += count;
      }
      std::sort(entries.begin(), entries.end());
      vector.bind(1, id)
          .bind(2, scope)
          .bind(3, static_cast<std::int64_t>(entries.size()))
          .bind(4, total)
          .bind_blob(5, encode_term_vector(entries))
          .run();
    }
    tx.commit();
  } catch (...) {
    if (vocabulary_.size() != vocabulary_before) {
      // Drop ids that were rolled back; reload is simplest and rare.
      vocabulary_.clear();
      Statement st = db_.prepare("SELECT id, term FROM vocabulary");
      while (st.step())
        vocabulary_.emplace(st.column_text(1), static_cast<std::uint32_t>(st.column_int(0)));
    }
    throw;
  }
}

void DocumentStore::write_error(const pipeline::Document& doc, std::int64_t run_id,
                                std::string_view config_hash, const Error& error) {
  Transaction tx(db_);
  upsert_document(doc, run_id, config_hash, "error", error.message());
  db_.prepare("INSERT INTO errors(run_id, path, code, message, at) VALUES(?, ?, ?, ?, ?)")
      .bind(1, run_id)
      .bind(2, doc.path)
      .bind(3, error_code_name(error.code()))
      .bind(4, error.message())
      .bind(5, utc_now())
      .run();
  tx.commit();
}

}  // namespace secnlp::store
