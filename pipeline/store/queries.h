#pragma once
// Read-side queries behind `secnlp metrics` and `secnlp terms`.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features/count_vectorizer.h"
#include "nlp/features/tfidf.h"
#include "pipeline/result_table.h"

namespace secnlp::store {

// Which documents a query covers; empty fields do not filter.
struct DocumentFilter {
  std::optional<std::string> cik;
  std::optional<std::string> ticker;
  std::optional<std::string> form;
  std::optional<int> year;
  std::optional<std::string> path_contains;
  // Only filings available by then (point_in_time.h: a date means the end of that day);
  // undated filings are left out.
  std::optional<std::string> as_of;
};
// `ticker` also matches the other filings of every CIK that filed under that ticker (older
// filings often carry no ticker); the stored ticker stays as filed.

class Connection;

// The stored spelling of a section name as a user typed it (case-insensitive; "filing",
// "document" and "" are the whole filing, stored as ""). Throws Error(kInvalidArgument)
// listing the valid names when the name is unknown.
std::string resolve_scope(Connection& db, std::string_view name);

struct MetricsQuery {
  std::filesystem::path db;
  DocumentFilter filter;
  std::string scope;  // "" or "filing" = whole document, else a section item such as "1A"
  // Metric names (columns). Empty: a default set (words, sentences, readability, and the LM
  // counts when the database has them). "all" = every metric stored.
  std::vector<std::string> names;
};

// One row per document: document, cik, ticker, form, fiscal_year, accession, filed,
// available_at, section, then one column per metric. Throws Error(kInvalidArgument) for an
// unknown metric (listing the known ones) or section; a known metric that no stored document
// has is an empty column with a warning on stderr.
pipeline::ResultTable query_metrics(const MetricsQuery& query);

enum class TermOrder { kCount, kDocumentFrequency, kTfidf };

struct TermsQuery {
  std::filesystem::path db;
  DocumentFilter filter;
  std::string scope;
  std::size_t top = 25;
  TermOrder order = TermOrder::kCount;
  // Vocabulary pruning as scikit-learn's CountVectorizer: min_df, max_df, max_features, binary
  // (ngram options do not apply: n-grams are chosen when documents are processed).
  nlp::CountOptions vocabulary;
  // Weighting as scikit-learn's TfidfTransformer (norm, use_idf, smooth_idf, sublinear_tf) or
  // the log-normalised variant (tf_scheme).
  nlp::TfidfOptions tfidf;
};

// The top terms over the selected documents: term, count (corpus frequency), df (documents
// containing it), idf, and mean_tfidf (the term's TF-IDF weight averaged over the selected
// documents). The stored counts are pruned and weighted exactly as scikit-learn's
// TfidfVectorizer would weight the same counts with the same options. Throws
// Error(kInvalidArgument) for bounds sklearn rejects (e.g. max_df below min_df).
pipeline::ResultTable query_terms(const TermsQuery& query);

// A document-term matrix over the stored term vectors of the documents a TermsQuery selects
// (its vocabulary pruning and weighting; `top` and `order` do not apply): what `secnlp terms`
// summarises, `secnlp export --what dtm` writes and the Python package's dtm() returns.
// Rows are in point-in-time order (available_at, accession, content hash, id), columns in
// scikit-learn's get_feature_names_out() order; the values equal TfidfVectorizer's (weighted)
// or CountVectorizer's (counts) on the same terms with the same options.
struct DocumentTermMatrix {
  std::vector<std::string> vocabulary;  // one per column
  std::vector<std::uint32_t> df;        // documents containing each term (after `binary`)
  std::vector<std::int64_t> count;      // corpus frequency of each term (after `binary`)
  std::vector<double> idf;              // per column; empty when not weighted or !use_idf
  // Compressed sparse rows (scipy.sparse.csr_matrix((data, indices, indptr))), columns ascending
  // within a row.
  std::vector<std::int64_t> indptr;  // rows + 1
  std::vector<std::uint32_t> indices;
  std::vector<double> data;
  // One row per matrix row: doc_id, document, cik, ticker, form, fiscal_year, accession, filed,
  // available_at, section.
  pipeline::ResultTable rows;
};

// Throws as query_terms(). `weighted`: TF-IDF weights (query.tfidf); otherwise raw counts (0/1
// with vocabulary.binary).
DocumentTermMatrix query_dtm(const TermsQuery& query, bool weighted);

struct SectionsQuery {
  std::filesystem::path db;
  DocumentFilter filter;
  std::vector<std::string> items;  // e.g. {"1A", "7"}; empty: every item
  bool text = false;               // add the section's text as a column
};

// One row per stored section: document, cik, ticker, form, fiscal_year, accession, filed,
// item, title, begin, end (UTF-8 byte offsets into the document's text), begin_char, end_char
// (the same in code points, what Python's str indexes; NULL for rows stored before schema 8
// without text), bytes, confidence, flags (names), method, heading, refers_to (where an item
// that only points elsewhere has its content), and the section's words, gunning_fog and, when
// present, lm_negative_prop and lm_uncertainty_prop; plus text when asked.
pipeline::ResultTable query_sections(const SectionsQuery& query);

struct ExhibitsQuery {
  std::filesystem::path db;
  DocumentFilter filter;
  std::vector<std::string> types;  // e.g. {"EX-21", "EX-99.1"}; prefix match; empty: all
  bool text = false;
};

// One row per stored exhibit: document, cik, ticker, form, fiscal_year, sequence, type, filename,
// description, kind, bytes (and text when asked and stored).
pipeline::ResultTable query_exhibits(const ExhibitsQuery& query);

// One stored section's text with the keys of its filing.
struct SectionText {
  std::int64_t doc_id = 0;
  std::string document;   // file name
  std::string accession;  // empty when unknown
  std::string ticker;
  std::optional<int> fiscal_year;
  std::string item;
  std::string text;
  std::string source_type;  // how the document was read ("html", "text" ...), empty if unknown
};

// The text of every stored section `item` (case-insensitive; "filing" = the whole filing's
// text) of the documents the filter selects; only documents whose text was stored
// (documents without text are counted in `missing_text`). `doc_ids`, when not empty, further
// restricts to those documents. Ordered by document id.
std::vector<SectionText> read_section_texts(const std::filesystem::path& db,
                                            const DocumentFilter& filter, std::string_view item,
                                            const std::vector<std::int64_t>& doc_ids = {},
                                            std::size_t* missing_text = nullptr);

struct EntitiesQuery {
  std::filesystem::path db;
  DocumentFilter filter;
  std::vector<std::string> types;  // e.g. {"ORG"}; exact, case-insensitive; empty: all
  std::string scope;               // "" = whole filing, else a section item such as "1A"
  std::size_t top = 20;
};

// The most frequent entity texts over the selected documents (the entities stage's rows): type,
// text, count (mentions), documents (filings naming it), mean score. Ordered by count, then
// documents, type and text. Throws Error(kInvalidArgument) for an unknown section.
pipeline::ResultTable query_entities(const EntitiesQuery& query);

enum class ExportWhat { kSimilarity, kMetrics, kSections, kEntities };

// Tidy long tables for pandas and alphalens, one observation per row:
//  similarity: filed, available_at, tradable_from, cik, ticker, form, fiscal_year, accession,
//              prev_accession, section, measure, value (the cached scores; `secnlp similarity
//              --all` fills them)
//  metrics:    filed, available_at, cik, ticker, form, fiscal_year, accession, document,
//              section, measure, value (section "filing" = the whole filing)
//  sections:   filed, available_at, cik, ticker, form, fiscal_year, accession, document,
//              section, title, begin, end, begin_char, end_char, bytes, confidence, flags, method
//  entities:   filed, available_at, cik, ticker, form, fiscal_year, accession, document,
//              section, sentence, char_begin, char_end, byte_begin, byte_end, text, type, score
// `filed` is the filing date (empty when unknown), as in every other command's output.
pipeline::ResultTable export_table(const std::filesystem::path& db, ExportWhat what,
                                   const DocumentFilter& filter);

// edgar-crawler's JSON key for a stored section item: "1A" -> "item_1A", "part1item2" ->
// "part_1_item_2", "part2item1a" -> "part_2_item_1A", "2.02" -> "item_2.02", "item5" (pre-2004
// 8-K) -> "item_5", "signatures" -> "item_SIGNATURE"; empty for the sections edgar-crawler has
// no key for (executive_officers, financial_statements).
std::string edgar_crawler_key(std::string_view item);

// `secnlp export --what filings --format jsonl`: one JSON object per line and filing, in
// edgar-crawler's shape: its metadata fields (cik, company, filing_type, filing_date,
// period_of_report, sic, state_of_inc, state_location, fiscal_year_end, filing_html_index,
// htm_filing_link, complete_text_filing_link, filename), then secnlp's own (accession, ticker,
// fiscal_year, available_at), then one key per stored section with its text (item_1,
// item_1A ...), in text order. Unknown values are null; sections of documents stored without
// text (--no-text) are left out. Returns the number of filings written.
std::size_t export_filings_jsonl(const std::filesystem::path& db, const DocumentFilter& filter,
                                 std::ostream& out);

// Past runs, newest first: id, command ("process" or "job:<name>"), started, finished, status
// (ok, partial, failed, interrupted, running), documents, processed, skipped, failed, MB,
// errors (rows in the errors table for that run).
pipeline::ResultTable query_runs(const std::filesystem::path& db, std::size_t limit);

// Counts for a database summary: documents ok/failed, runs, distinct terms.
struct StoreSummary {
  std::int64_t documents_ok = 0;
  std::int64_t documents_failed = 0;
  std::int64_t runs = 0;
  std::int64_t vocabulary = 0;
};
StoreSummary summarize_store(const std::filesystem::path& db);

}  // namespace secnlp::store
