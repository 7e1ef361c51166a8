// `secnlp export --db FILE --what similarity|metrics|sections|filings|dtm`: tidy long tables
// (filing date, CIK/ticker, accession, section, measure, value) for pandas and alphalens; one
// JSON record per filing in edgar-crawler's shape (filings, --format jsonl); or a
// document-term matrix as MatrixMarket + vocabulary + row index (dtm, --out DIR).
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

struct ExportFlags {
  store::DocumentFilter filter;
  std::string what;
  std::string format = "csv";
  std::string db = "secnlp.db";
  // --what dtm
  std::string out;
  std::string section;
  std::string weighting = "tfidf";
  std::string min_df = "1";
  std::string max_df = "1.0";
  std::size_t max_features = 0;
};

std::ofstream open_output(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw Error(ErrorCode::kIo, "cannot write", path.string());
  return out;
}

// DIR/dtm.mtx (scipy.io.mmread), DIR/vocabulary.csv (column, term, df, idf) and DIR/rows.csv
// (row, doc_id, document, cik, ticker, form, fiscal_year, accession, filed, available_at,
// section): matrix row i (0-based, as scipy reads it) is rows.csv's row i.
void export_dtm(const ExportFlags& f) {
  store::TermsQuery q;
  q.db = f.db;
  q.filter = f.filter;
  q.scope = f.section;
  q.vocabulary.min_df = parse_df_bound(f.min_df, "--min-df");
  q.vocabulary.max_df = parse_df_bound(f.max_df, "--max-df");
  if (f.max_features) q.vocabulary.max_features = f.max_features;
  const bool weighted = f.weighting == "tfidf";
  const store::DocumentTermMatrix m = store::query_dtm(q, weighted);
  const std::filesystem::path dir = f.out;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot create the folder: " + ec.message(), f.out);

  {
    std::ofstream out = open_output(dir / "dtm.mtx");
    out << "%%MatrixMarket matrix coordinate " << (weighted ? "real" : "integer") << " general\n"
        << "% secnlp export --what dtm: rows are rows.csv, columns vocabulary.csv ("
        << (weighted ? "TF-IDF, scikit-learn's TfidfVectorizer" : "term counts") << ")\n"
        << m.rows.rows.size() << " " << m.vocabulary.size() << " " << m.data.size() << "\n";
    for (std::size_t r = 0; r + 1 < m.indptr.size(); ++r) {
      for (auto i = m.indptr[r]; i < m.indptr[r + 1]; ++i) {
        const auto k = static_cast<std::size_t>(i);
        if (weighted) {
          out << fmt::format("{} {} {}\n", r + 1, m.indices[k] + 1, m.data[k]);
        } else {
          out << fmt::format("{} {} {}\n", r + 1, m.indices[k] + 1,
                             static_cast<std::int64_t>(m.data[k]));
        }
      }
    }
    if (!out) throw Error(ErrorCode::kIo, "write failed", (dir / "dtm.mtx").string());
  }
  pipeline::ResultTable vocabulary;
  vocabulary.columns = {"column", "term", "df", "count"};
  if (!m.idf.empty()) vocabulary.columns.push_back("idf");
  for (std::size_t k = 0; k < m.vocabulary.size(); ++k) {
    vocabulary.rows.push_back({static_cast<std::int64_t>(k), m.vocabulary[k],
                               static_cast<std::int64_t>(m.df[k]), m.count[k]});
    if (!m.idf.empty()) vocabulary.rows.back().emplace_back(m.idf[k]);
  }
  pipeline::ResultTable rows = m.rows;
  rows.columns.insert(rows.columns.begin(), "row");
  for (std::size_t r = 0; r < rows.rows.size(); ++r)
    rows.rows[r].insert(rows.rows[r].begin(), static_cast<std::int64_t>(r));
  for (const auto& [name, table] :
       {std::pair{"vocabulary.csv", &vocabulary}, {"rows.csv", &rows}}) {
    std::ofstream out = open_output(dir / name);
    print_table(out, *table, OutputFormat::kCsv);
    if (!out) throw Error(ErrorCode::kIo, "write failed", (dir / name).string());
  }
  log_info("wrote {} x {} ({} non-zeros) to {}/dtm.mtx, vocabulary.csv, rows.csv",
           m.rows.rows.size(), m.vocabulary.size(), m.data.size(), f.out);
}

}  // namespace

void add_export_command(CLI::App& app, int& /*exit_code*/) {
  auto f = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Tidy tables for pandas/alphalens (similarity, metrics, sections, entities), one JSON record "
      "per filing as edgar-crawler writes them (filings), or a document-term matrix (dtm)");
  add_db_option(*cmd, f->db);
  cmd->add_option("--what", f->what, "similarity, metrics, sections, entities, filings or dtm")
      ->required()
      ->check(CLI::IsMember({"similarity", "metrics", "sections", "entities", "filings", "dtm"}));
  add_document_filter(*cmd, f->filter);
  cmd->add_option("--format", f->format,
                  "csv, json or table; jsonl for --what filings (one JSON object per line)")
      ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--out", f->out, "--what dtm: folder for dtm.mtx, vocabulary.csv, rows.csv");
  cmd->add_option("--section,--scope", f->section, "--what dtm: section item (default: filing)");
  cmd->add_option("--weighting", f->weighting, "--what dtm: tfidf (scikit-learn's) or count")
      ->check(CLI::IsMember({"tfidf", "count"}))
      ->capture_default_str();
  cmd->add_option("--min-df", f->min_df, "--what dtm: as `secnlp terms`")->capture_default_str();
  cmd->add_option("--max-df", f->max_df, "--what dtm: as `secnlp terms`")->capture_default_str();
  cmd->add_option("--max-features", f->max_features, "--what dtm: keep the N most frequent terms")
      ->capture_default_str();
  cmd->callback([f, cmd] {
    if (f->what == "dtm") {
      if (f->out.empty())
        throw Error(ErrorCode::kInvalidArgument, "--what dtm needs --out DIR (it writes files)");
      export_dtm(*f);
      return;
    }
    if (f->what == "filings") {
      if (cmd->count("--format") && f->format != "jsonl")
        throw Error(ErrorCode::kInvalidArgument, "--what filings is written as --format jsonl");
      store::export_filings_jsonl(f->db, f->filter, std::cout);
      return;
    }
    if (f->format == "jsonl")
      throw Error(ErrorCode::kInvalidArgument, "--format jsonl is for --what filings");
    const store::ExportWhat w = f->what == "similarity" ? store::ExportWhat::kSimilarity
                                : f->what == "metrics"  ? store::ExportWhat::kMetrics
                                : f->what == "entities" ? store::ExportWhat::kEntities
                                                        : store::ExportWhat::kSections;
    print_table(std::cout, store::export_table(f->db, w, f->filter),
                parse_output_format(f->format));
  });
}

}  // namespace secnlp::tools
