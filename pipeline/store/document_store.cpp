#include "pipeline/store/document_store.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "common/json.h"
#include "nlp/sec/section_map.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/term_vector_codec.h"

namespace secnlp::store {
namespace {

// New vocabulary per statement in add_terms (well under SQLite's 32,766 and PostgreSQL's
// 65,535 parameters).
constexpr std::size_t kTermChunk = 256;

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

void DocumentStore::write_entities(const pipeline::Document& doc, std::int64_t id) {
  if (doc.entities.empty()) return;
  Statement st = db_.prepare(
      upsert_sql("entities",
                 "doc_id, byte_begin, byte_end, char_begin, char_end, section, sentence, text, "
                 "type, score",
                 "doc_id, byte_begin"));
  for (const auto& e : doc.entities) {
    // The first section holding the entity's start; '' if none (a std::string: an empty
    // string_view without data would bind NULL).
    std::string section;
    for (const auto& s : doc.sections)
      if (e.byte_begin >= s.span.begin && e.byte_begin < s.span.end) {
        section = s.item;
        break;
      }
    const std::size_t end = std::min<std::size_t>(e.byte_end, doc.text.size());
    const std::size_t begin = std::min<std::size_t>(e.byte_begin, end);
    st.bind(1, id)
        .bind(2, static_cast<std::int64_t>(e.byte_begin))
        .bind(3, static_cast<std::int64_t>(e.byte_end))
        .bind(4, static_cast<std::int64_t>(e.char_begin))
        .bind(5, static_cast<std::int64_t>(e.char_end))
        .bind(6, section)
        .bind(7, static_cast<std::int64_t>(e.sentence))
        .bind(8, std::string_view(doc.text).substr(begin, end - begin))
        .bind(9, e.type)
        .bind(10, e.score)
        .run();
  }
}

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
    : db_(db_path.string()),
      insert_term_(
          migrated(db_),
          "INSERT INTO vocabulary(term) VALUES(?) ON CONFLICT(term) DO NOTHING RETURNING id") {
  Statement st = db_.prepare("SELECT id, term FROM vocabulary");
  while (st.step()) {
    vocabulary_.emplace(st.column_text(1), static_cast<std::uint32_t>(st.column_int(0)));
  }
}

std::int64_t DocumentStore::begin_run(std::string_view command, std::string_view config_hash,
                                      std::string_view config_text, int threads) {
  Statement st = db_.prepare(
      "INSERT INTO runs(command, started_at, status, config_hash, config, threads) "
      "VALUES(?, ?, 'running', ?, ?, ?) RETURNING id");
  st.bind(1, command).bind(2, utc_now()).bind(3, config_hash).bind(4, config_text).bind(5, threads);
  if (!st.step()) db_.fail("insert run");
  return st.column_int(0);
}

void DocumentStore::update_run(std::int64_t run_id, const RunCounts& c) {
  db_.prepare(
         "UPDATE runs SET docs_total=?, docs_processed=?, docs_skipped=?, docs_failed=?, bytes=?, "
         "docs_linked=? WHERE id=?")
      .bind(1, c.total)
      .bind(2, c.processed)
      .bind(3, c.skipped)
      .bind(4, c.failed)
      .bind(5, c.bytes)
      .bind(6, c.linked)
      .bind(7, run_id)
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

void DocumentStore::record_rank(std::int64_t run_id, int rank, std::string_view host,
                                const RunCounts& c) {
  db_.prepare(
         "INSERT INTO run_ranks(run_id, rank, host, total, processed, skipped, failed, linked, "
         "bytes) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, rank) DO UPDATE SET "
         "host = excluded.host, total = excluded.total, processed = excluded.processed, "
         "skipped = excluded.skipped, failed = excluded.failed, linked = excluded.linked, "
         "bytes = excluded.bytes")
      .bind(1, run_id)
      .bind(2, rank)
      .bind(3, host)
      .bind(4, c.total)
      .bind(5, c.processed)
      .bind(6, c.skipped)
      .bind(7, c.failed)
      .bind(8, c.linked)
      .bind(9, c.bytes)
      .run();
}

std::unordered_map<std::string, StoredState> DocumentStore::file_states() {
  std::unordered_map<std::string, StoredState> out;
  Statement st = db_.prepare(
      "SELECT f.path, f.doc_id, f.content_hash, d.config_hash, d.status, f.role, "
      "f.metadata_hash FROM document_files f JOIN documents d ON d.id = f.doc_id");
  while (st.step()) {
    out.emplace(st.column_text(0),
                StoredState{st.column_int(1), st.column_text(2), st.column_text(3),
                            st.column_text(4), st.column_text(5), st.column_text(6)});
  }
  return out;
}

std::unordered_map<std::string, StoredState> DocumentStore::content_states() {
  std::unordered_map<std::string, StoredState> out;
  Statement st = db_.prepare(
      "SELECT f.content_hash, f.doc_id, d.config_hash, d.status, f.role, f.path "
      "FROM document_files f JOIN documents d ON d.id = f.doc_id WHERE d.status = 'ok' "
      "ORDER BY f.role DESC, f.doc_id");
  while (st.step()) {
    out.emplace(content_key(st.column_text(0), st.column_text(5)),
                StoredState{st.column_int(1), st.column_text(0), st.column_text(2),
                            st.column_text(3), st.column_text(4)});
  }
  return out;
}

std::string DocumentStore::config_text(std::string_view config_hash) {
  Statement st =
      db_.prepare("SELECT config FROM runs WHERE config_hash = ? ORDER BY id DESC LIMIT 1");
  st.bind(1, config_hash);
  return st.step() ? st.column_text(0) : std::string();
}

std::optional<DocumentStore::Existing> DocumentStore::find_by_key(const std::string& key) {
  Statement st = db_.prepare(
      "SELECT id, kind, status, path, content_hash, config_hash FROM documents WHERE doc_key = ? "
      "ORDER BY id");
  st.bind(1, key);
  std::optional<Existing> first;
  std::vector<std::int64_t> extra;
  while (st.step()) {
    if (!first) {
      first = Existing{st.column_int(0),  st.column_text(1), st.column_text(2),
                       st.column_text(3), st.column_text(4), st.column_text(5)};
    } else {
      extra.push_back(st.column_int(0));  // duplicates an older secnlp stored per path
    }
  }
  for (std::int64_t id : extra)
    db_.prepare("DELETE FROM documents WHERE id = ?").bind(1, id).run();
  return first;
}

std::optional<DocumentStore::Existing> DocumentStore::find_by_path(const std::string& path) {
  Statement st = db_.prepare(
      "SELECT id, kind, status, path, content_hash, config_hash FROM documents WHERE path = ?");
  st.bind(1, path);
  if (!st.step()) return std::nullopt;
  return Existing{st.column_int(0),  st.column_text(1), st.column_text(2),
                  st.column_text(3), st.column_text(4), st.column_text(5)};
}

void DocumentStore::set_file(const std::string& path, std::string_view content_hash,
                             std::int64_t doc_id, std::string_view role,
                             std::string_view metadata_hash) {
  db_.prepare(
         "INSERT INTO document_files(path, doc_id, content_hash, role, seen_at, metadata_hash) "
         "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET doc_id = excluded.doc_id, "
         "content_hash = excluded.content_hash, role = excluded.role, "
         "seen_at = excluded.seen_at, metadata_hash = excluded.metadata_hash")
      .bind(1, path)
      .bind(2, doc_id)
      .bind(3, content_hash)
      .bind(4, role)
      .bind(5, utc_now())
      .bind(6, metadata_hash)
      .run();
}

void DocumentStore::link_file(const std::string& path, std::string_view content_hash,
                              std::int64_t doc_id, std::string_view metadata_hash) {
  Transaction tx(db_);
  db_.lock_in_transaction("file " + path);
  set_file(path, content_hash, doc_id, "linked", metadata_hash);
  tx.commit();
}

std::int64_t DocumentStore::upsert_document(const pipeline::Document& doc,
                                            const std::optional<Existing>& row, std::int64_t run_id,
                                            std::string_view config_hash, std::string_view status,
                                            std::string_view error) {
  // Another row holding this path came from what the file held before: the file is this
  // document now.
  if (auto other = find_by_path(doc.path); other && (!row || other->id != row->id))
    db_.prepare("DELETE FROM documents WHERE id = ?").bind(1, other->id).run();

  const std::string accepted = meta(doc, "accepted").value_or("");
  const std::string filed = meta(doc, "filed").value_or("");
  const std::string available = available_at(accepted, filed);
  std::string flags;
  for (const auto& f : doc.flags)
    flags += (flags.empty() ? "" : ",") + f;
  std::string warnings = "[";
  for (const auto& w : doc.warnings)
    warnings += (warnings.size() > 1 ? "," : "") + json_quote(w);
  warnings += "]";

  Statement st = db_.prepare(row ? R"sql(
UPDATE documents SET path=?1, size=?2, content_hash=?3, config_hash=?4, status=?5, run_id=?6,
  processed_at=?7, source_type=?8, encoding=?9, cik=?10, ticker=?11, company=?12, form=?13,
  fiscal_year=?14, period=?15, filed=?16, accession=?17, metadata=?18, error=?19, doc_key=?20,
  kind=?21, accepted=?22, available_at=?23, flags=?24, warnings=?25
WHERE id=?26)sql"
                                 : R"sql(
INSERT INTO documents(path, size, content_hash, config_hash, status, run_id, processed_at,
                      source_type, encoding, cik, ticker, company, form, fiscal_year, period,
                      filed, accession, metadata, error, doc_key, kind, accepted, available_at,
                      flags, warnings)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
       ?20, ?21, ?22, ?23, ?24, ?25)
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
      .bind(18, metadata_json(doc.metadata))
      .bind(20, status == "error" ? "path:" + doc.path : document_key(doc))
      .bind(21, doc.metadata.count("container") && doc.metadata.at("container") == "submission"
                    ? "submission"
                    : "document");
  if (error.empty()) {
    st.bind_null(19);
  } else {
    st.bind(19, error);
  }
  st.bind(22, meta(doc, "accepted"));
  if (available.empty()) {
    st.bind_null(23);
  } else {
    st.bind(23, available);
  }
  if (flags.empty()) {
    st.bind_null(24);
  } else {
    st.bind(24, flags);
  }
  st.bind(25, warnings);
  std::int64_t id = 0;
  if (row) {
    st.bind(26, row->id).run();
    id = row->id;
  } else {
    if (!st.step()) db_.fail("insert document");
    id = st.column_int(0);
    st.reset();
  }
  for (const char* table :
       {"metrics", "term_vectors", "sections", "document_text", "exhibits", "entities"}) {
    db_.prepare(fmt::format("DELETE FROM {} WHERE doc_id=?", table)).bind(1, id).run();
  }
  // Cached similarity scores that involve this document are stale now.
  db_.prepare("DELETE FROM similarity WHERE doc_id=?1 OR prev_doc_id=?1").bind(1, id).run();
  // This file is where the results come from; the file they came from before, if another,
  // stays linked to the filing.
  db_.prepare("UPDATE document_files SET role = 'linked' WHERE doc_id = ? AND path <> ?")
      .bind(1, id)
      .bind(2, doc.path)
      .run();
  set_file(doc.path, doc.content_hash, id, "processed", doc.metadata_hash);
  return id;
}

void DocumentStore::add_terms(const pipeline::Document& doc) {
  std::vector<std::string> fresh;
  for (const auto& [scope, counts] : doc.counts)
    for (const auto& [term, n] : counts)
      if (!vocabulary_.count(term)) fresh.push_back(term);
  if (fresh.empty()) return;
  // In term order and committed at once: concurrent writers then never wait on each other's
  // uncommitted terms in opposite orders (a deadlock), and an id is never rolled back.
  std::sort(fresh.begin(), fresh.end());
  fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
  // Many rows per statement: one INSERT ... RETURNING per term cost ~30 k instructions in
  // SQLite (an ephemeral table per execution; 7.8% of `process` on four 10-Ks, in the serial
  // writer); a multi-row INSERT and one SELECT ... IN per chunk halve it (issue 17).
  Transaction tx(db_);
  std::vector<std::pair<std::string, std::uint32_t>> added;
  added.reserve(fresh.size());
  std::optional<Statement> full_insert, full_select;
  for (std::size_t at = 0; at < fresh.size(); at += kTermChunk) {
    const std::size_t n = std::min(kTermChunk, fresh.size() - at);
    auto prepare = [&](std::string_view head, std::string_view tail) {
      std::string sql(head);
      for (std::size_t i = 0; i < n; ++i)
        sql += i ? (tail.empty() ? ", ?" : ", (?)") : (tail.empty() ? "?" : "(?)");
      sql += tail.empty() ? ")" : tail;
      return db_.prepare(sql);
    };
    std::optional<Statement> partial_insert, partial_select;
    std::optional<Statement>& insert = n == kTermChunk ? full_insert : partial_insert;
    std::optional<Statement>& select = n == kTermChunk ? full_select : partial_select;
    if (!insert) {
      insert.emplace(
          prepare("INSERT INTO vocabulary(term) VALUES ", " ON CONFLICT(term) DO NOTHING"));
      select.emplace(prepare("SELECT id, term FROM vocabulary WHERE term IN (", ""));
    }
    for (std::size_t i = 0; i < n; ++i) {
      insert->bind(static_cast<int>(i) + 1, fresh[at + i]);
      select->bind(static_cast<int>(i) + 1, fresh[at + i]);
    }
    insert->run();
    std::size_t found = 0;
    while (select->step()) {
      added.emplace_back(select->column_text(1), static_cast<std::uint32_t>(select->column_int(0)));
      ++found;
    }
    select->reset();
    // Another writer may have added some of them since the cache was read: their ids come back
    // all the same; a term missing now was deleted under us.
    if (found != n) db_.fail("vocabulary terms vanished while being added");
  }
  tx.commit();
  for (auto& [term, id] : added)
    vocabulary_.emplace(std::move(term), id);
}

std::uint32_t DocumentStore::term_id(const std::string& term) {
  auto it = vocabulary_.find(term);
  if (it != vocabulary_.end()) return it->second;
  const std::uint32_t id = term_id_uncached(term);
  vocabulary_.emplace(term, id);
  return id;
}

std::uint32_t DocumentStore::term_id_uncached(const std::string& term) {
  // Another writer may have added the term since the cache was read: take its id then.
  insert_term_.bind(1, term);
  std::uint32_t id;
  if (insert_term_.step()) {
    id = static_cast<std::uint32_t>(insert_term_.column_int(0));
    insert_term_.reset();
  } else {
    insert_term_.reset();
    Statement st = db_.prepare("SELECT id FROM vocabulary WHERE term = ?");
    st.bind(1, term);
    if (!st.step()) db_.fail("vocabulary term vanished");
    id = static_cast<std::uint32_t>(st.column_int(0));
  }
  return id;
}

WriteOutcome DocumentStore::write_document(const pipeline::Document& doc, std::int64_t run_id,
                                           std::string_view config_hash, bool store_text) {
  add_terms(doc);
  // New vocabulary ids are only cached once the transaction commits.
  auto vocabulary_before = vocabulary_.size();
  try {
    Transaction tx(db_);
    const std::string key = document_key(doc);
    // Writers racing on one filing (two files of it, the ranks of one run) take turns, so the
    // second finds the first's row; a no-op on SQLite, whose writers always take turns.
    db_.lock_in_transaction("document " + key);
    db_.lock_in_transaction("file " + doc.path);
    std::optional<Existing> row = find_by_key(key);
    const bool submission =
        doc.metadata.count("container") && doc.metadata.at("container") == "submission";
    if (row && row->status == "ok" && row->path != doc.path &&
        ((row->kind == "submission" && !submission) ||
         (row->content_hash == doc.content_hash && row->config_hash == config_hash))) {
      // The filing is stored from its full submission (Loughran and McDonald's Stage One
      // reads the submission), or from an identical copy: link this file to it.
      set_file(doc.path, doc.content_hash, row->id, "linked", doc.metadata_hash);
      tx.commit();
      return WriteOutcome::kLinked;
    }
    if (!row && !doc.metadata.count("accession")) {
      // Without an accession the identity is the content: the same path with new content is
      // the same file changed, so its row is replaced rather than left stale.
      if (auto by_path = find_by_path(doc.path)) row = by_path;
    }
    const std::int64_t id = upsert_document(doc, row, run_id, config_hash, "ok", {});
    if (store_text) {
      db_.prepare("INSERT INTO document_text(doc_id, text) VALUES(?, ?)")
          .bind(1, id)
          .bind(2, doc.text)
          .run();
    }
    // Code-point offsets beside the byte offsets: one pass over the text for all sections.
    std::vector<std::uint32_t> cuts;
    for (const auto& s : doc.sections) {
      cuts.push_back(s.span.begin);
      cuts.push_back(s.span.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<std::int64_t> chars(cuts.size());
    {
      std::size_t byte = 0, cp = 0;
      for (std::size_t i = 0; i < cuts.size(); ++i) {
        for (; byte < cuts[i] && byte < doc.text.size(); ++byte)
          cp += (static_cast<unsigned char>(doc.text[byte]) & 0xC0) != 0x80;
        chars[i] = static_cast<std::int64_t>(cp);
      }
    }
    auto char_offset = [&](std::uint32_t byte) {
      return chars[static_cast<std::size_t>(std::lower_bound(cuts.begin(), cuts.end(), byte) -
                                            cuts.begin())];
    };
    Statement section = db_.prepare(
        upsert_sql("sections",
                   "doc_id, item, begin_offset, end_offset, heading, method, confidence, flags, "
                   "title, refers_to, begin_char, end_char, flag_names",
                   "doc_id, item"));
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
          .bind(11, char_offset(s.span.begin))
          .bind(12, char_offset(s.span.end))
          .bind(13, nlp::sec::section_flag_names(s.flags));
      if (s.refers_to.empty()) {
        section.bind_null(10);
      } else {
        section.bind(10, s.refers_to);
      }
      section.run();
    }
    Statement exhibit = db_.prepare(
        upsert_sql("exhibits", "doc_id, sequence, type, filename, description, kind, bytes, text",
                   "doc_id, sequence"));
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
    write_entities(doc, id);
    // Metrics and term vectors are most of a document's rows: written in bulk (COPY on
    // PostgreSQL). A name set twice in one scope keeps its last value, as an upsert would.
    BulkInsert metric(db_, "metrics", "doc_id, scope, name, value");
    for (const auto& [scope, values] : doc.metrics) {
      std::map<std::string_view, double> last;
      for (const auto& [name, value] : values)
        last[name] = value;
      for (const auto& [name, value] : last) {
        metric.add(id).add(scope).add(name).add(value);
        metric.end_row();
      }
    }
    metric.finish();
    BulkInsert vector(db_, "term_vectors", "doc_id, scope, unique_terms, total, data");
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
      vector.add(id)
          .add(scope)
          .add(static_cast<std::int64_t>(entries.size()))
          .add(total)
          .add_blob(encode_term_vector(entries));
      vector.end_row();
    }
    vector.finish();
    tx.commit();
    return WriteOutcome::kStored;
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

void DocumentStore::replace_metrics(std::int64_t doc_id, std::string_view scope,
                                    std::string_view prefix,
                                    const std::vector<std::pair<std::string, double>>& metrics) {
  Transaction tx(db_);
  db_.prepare("DELETE FROM metrics WHERE doc_id = ? AND scope = ? AND instr(name, ?) = 1")
      .bind(1, doc_id)
      .bind(2, scope)
      .bind(3, prefix)
      .run();
  Statement put =
      db_.prepare(upsert_sql("metrics", "doc_id, scope, name, value", "doc_id, scope, name"));
  for (const auto& [name, value] : metrics) {
    put.bind(1, doc_id).bind(2, scope).bind(3, name);
    if (std::isfinite(value)) {
      put.bind(4, value);
    } else {
      put.bind_null(4);
    }
    put.run();
  }
  tx.commit();
}

void DocumentStore::write_error(const pipeline::Document& doc, std::int64_t run_id,
                                std::string_view config_hash, const Error& error) {
  Transaction tx(db_);
  db_.lock_in_transaction("file " + doc.path);
  db_.prepare("INSERT INTO errors(run_id, path, code, message, at) VALUES(?, ?, ?, ?, ?)")
      .bind(1, run_id)
      .bind(2, doc.path)
      .bind(3, error_code_name(error.code()))
      .bind(4, error.message())
      .bind(5, utc_now())
      .run();
  std::optional<std::int64_t> linked_to;
  {
    Statement st = db_.prepare("SELECT doc_id, role FROM document_files WHERE path = ?");
    st.bind(1, doc.path);
    if (st.step() && st.column_text(1) == "linked") linked_to = st.column_int(0);
  }
  std::optional<Existing> row = find_by_path(doc.path);
  const bool store_failure = error.code() == ErrorCode::kDatabase;
  if (!linked_to && !(store_failure && row && row->status == "ok")) {
    pipeline::Document failed;
    failed.path = doc.path;
    failed.size = doc.size;
    failed.content_hash = doc.content_hash;
    failed.metadata = doc.metadata;
    upsert_document(failed, row, run_id, config_hash, "error", error.message());
  }
  tx.commit();
}

std::string content_key(std::string_view content_hash, const std::string& path) {
  return std::string(content_hash) + "|" + std::filesystem::path(path).filename().string();
}

std::string document_key(const pipeline::Document& doc) {
  if (auto it = doc.metadata.find("accession"); it != doc.metadata.end() && !it->second.empty())
    return "accession:" + it->second;
  // Without an accession, the same bytes under the same file name are the same document (one
  // folder reached by several spellings, or copied); identical bytes under other names may be
  // different filings (a company that refiled the same text), so the name is part of it.
  if (!doc.content_hash.empty())
    return "content:" + doc.content_hash + ":" +
           std::filesystem::path(doc.path).filename().string();
  return "path:" + doc.path;
}

}  // namespace secnlp::store
