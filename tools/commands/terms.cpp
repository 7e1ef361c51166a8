// `secnlp terms --db FILE`: top terms with counts, document frequency and TF-IDF weights, with
// scikit-learn's vocabulary pruning and weighting options.
#include <iostream>

#include "common/error.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

struct TermsFlags {
  store::TermsQuery query;
  std::string db = "secnlp.db";
  std::string format = "table";
  std::string order = "count";
  std::string min_df = "1";
  std::string max_df = "1.0";
  std::size_t max_features = 0;
  std::string norm = "l2";
  std::string weighting = "sklearn";
  bool no_idf = false;
  bool no_smooth_idf = false;
};

}  // namespace

void add_terms_command(CLI::App& app, int& /*exit_code*/) {
  auto f = std::make_shared<TermsFlags>();
  CLI::App* cmd = app.add_subcommand(
      "terms", "Top terms with counts, document frequency, idf and mean TF-IDF weight");
  add_db_option(*cmd, f->db);
  cmd->add_option("--top", f->query.top, "How many terms")->capture_default_str();
  cmd->add_option("--by", f->order, "Order by count, df or tfidf")
      ->check(CLI::IsMember({"count", "df", "tfidf"}))
      ->capture_default_str();
  cmd->add_option("--scope,--section", f->query.scope, "Section item; empty for whole documents");
  add_document_filter(*cmd, f->query.filter);
  cmd->add_option("--min-df", f->min_df,
                  "Keep terms in at least this many documents (2) or this share (0.01)")
      ->capture_default_str();
  cmd->add_option("--max-df", f->max_df,
                  "Keep terms in at most this many documents (100) or this share (0.9)")
      ->capture_default_str();
  cmd->add_option("--max-features", f->max_features, "Keep only the most frequent N terms (0: all)")
      ->capture_default_str();
  cmd->add_flag("--binary", f->query.vocabulary.binary, "Count presence (0/1) instead of counts");
  cmd->add_option("--norm", f->norm, "Row normalisation: l2, l1 or none")
      ->check(CLI::IsMember({"l1", "l2", "none"}))
      ->capture_default_str();
  cmd->add_flag("--no-idf", f->no_idf, "Term frequency only (use_idf=False)");
  cmd->add_flag("--no-smooth-idf", f->no_smooth_idf, "idf = ln(n/df) + 1 (smooth_idf=False)");
  cmd->add_flag("--sublinear-tf", f->query.tfidf.sublinear_tf, "tf = 1 + ln f");
  cmd->add_option("--weighting", f->weighting,
                  "sklearn, or lognorm: (1+ln f)/(1+ln mean f) x (1+ln(N/df)) (Loughran-McDonald)")
      ->check(CLI::IsMember({"sklearn", "lognorm"}))
      ->capture_default_str();
  add_format_option(*cmd, f->format, "table, csv or json");
  cmd->callback([f, cmd] {
    store::TermsQuery& q = f->query;
    q.db = f->db;
    q.order = f->order == "df"      ? store::TermOrder::kDocumentFrequency
              : f->order == "tfidf" ? store::TermOrder::kTfidf
                                    : store::TermOrder::kCount;
    q.vocabulary.min_df = parse_df_bound(f->min_df, "--min-df");
    q.vocabulary.max_df = parse_df_bound(f->max_df, "--max-df");
    if (f->max_features) q.vocabulary.max_features = f->max_features;
    const nlp::Norm norm = f->norm == "l1"     ? nlp::Norm::kL1
                           : f->norm == "none" ? nlp::Norm::kNone
                                               : nlp::Norm::kL2;
    if (f->weighting == "lognorm") {
      // The published formula has no row normalisation; --norm adds one explicitly.
      const bool sublinear = q.tfidf.sublinear_tf;
      q.tfidf = nlp::TfidfOptions::log_normalized(cmd->count("--norm") ? norm : nlp::Norm::kNone);
      q.tfidf.sublinear_tf = sublinear;  // rejected below: the scheme is already logarithmic
      q.tfidf.use_idf = !f->no_idf;
    } else {
      q.tfidf.norm = norm;
      q.tfidf.use_idf = !f->no_idf;
      q.tfidf.smooth_idf = !f->no_smooth_idf;
    }
    nlp::check_tfidf_options(q.tfidf);
    print_table(std::cout, store::query_terms(q), parse_output_format(f->format));
  });
}

}  // namespace secnlp::tools
