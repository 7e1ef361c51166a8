// Runs `secnlp train`, `evaluate` and `predict` as a user would, on tiny data the tests write:
// the model directory, the results on stdout (logs on stderr), the training records in SQLite,
// and the refusals with their exit codes and messages.
#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "pipeline/store/database.h"
#include "tests/cli/cli_run.h"
#include "tests/support/test_data.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;

using Result = testing::CliResult;

Result run(const std::string& args, const fs::path& dir) {
  return testing::run_cli(args, dir);
}

using secnlp::testing::write_file;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);)
    out.push_back(part);
  return out;
}

// Three classes, each told apart by its own words; the filler words are shared.
const std::map<std::string, std::vector<std::string>> kClassWords = {
    {"down", {"loss", "decline", "weak", "impairment", "layoffs"}},
    {"flat", {"unchanged", "stable", "steady", "flat", "maintained"}},
    {"up", {"profit", "growth", "gain", "record", "strong"}},
};

// A CSV with header text,label and `per_class` rows per class, classes interleaved.
std::string labelled_csv(int per_class, unsigned seed) {
  const char* filler[] = {"the", "company", "reported", "quarter", "results", "revenue", "were"};
  std::mt19937 rng(seed);
  std::string csv = "text,label\n";
  for (int i = 0; i < per_class; ++i) {
    for (const auto& [label, words] : kClassWords) {
      std::string text;
      for (int w = 0; w < 4; ++w)
        text += std::string(filler[rng() % 7]) + " " + words[rng() % words.size()] + " ";
      text.pop_back();
      csv += text + "," + label + "\n";
    }
  }
  return csv;
}

// The quick, reproducible recipe every test trains with: a tiny bag of words on CPU.
constexpr char kQuickBow[] =
    "--model bow --model-option hidden_sizes=[8] --epochs 6 --patience 0 --batch-size 8 "
    "--lr 0.05 --seed 7 --threads 1 --device cpu";
constexpr int kQuickEpochs = 6;

class ModelsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { write_file(data(), labelled_csv(20, 1)); }
  std::string data() const { return (dir_.path() / "train.csv").string(); }
  std::string model() const { return (dir_.path() / "model").string(); }
  // Trains the quick model into model(); fails the test when training fails.
  Result train(const std::string& extra = "") {
    Result r = run("train --data " + data() + " " + kQuickBow + " --out " + model() + " " + extra,
                   dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  testing::TempDir dir_;
};

TEST_F(ModelsCliTest, TrainWritesTheModelDirectoryAndReportsOnStdoutLogsOnStderr) {
  const Result r = train();
  ASSERT_EQ(r.exit_code, 0);
  for (const char* file :
       {"manifest.json", "model.pt", "vocabulary.txt", "report.txt", "loss.svg"}) {
    EXPECT_TRUE(fs::is_regular_file(fs::path(model()) / file)) << file;
    EXPECT_GT(fs::file_size(fs::path(model()) / file), 0u) << file;
  }
  // 60 rows split 0.8/0.1/0.1: 48 train, 6 validation, 6 test.
  EXPECT_NE(r.out.find("48 train / 6 validation / 6 test"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("test accuracy "), std::string::npos) << r.out;
  // The classification report names every class, after the summary lines.
  for (const auto& [label, words] : kClassWords)
    EXPECT_NE(r.out.find(label), std::string::npos) << label << "\n" << r.out;
  EXPECT_NE(r.out.find("macro avg"), std::string::npos) << r.out;
  // report.txt is the same report.
  EXPECT_NE(testing::read_file(fs::path(model()) / "report.txt").find("weighted avg"),
            std::string::npos);

  // Results on stdout, progress on stderr: one epoch line per epoch, none of them on stdout.
  EXPECT_EQ(r.out.find("val_loss"), std::string::npos) << r.out;
  std::size_t epoch_lines = 0;
  for (const auto& line : split(r.err, '\n'))
    if (line.find("epoch ") != std::string::npos && line.find("  loss ") != std::string::npos &&
        line.find("val_loss") != std::string::npos)
      ++epoch_lines;
  EXPECT_EQ(epoch_lines, static_cast<std::size_t>(kQuickEpochs)) << r.err;
  EXPECT_EQ(r.err.find("test accuracy"), std::string::npos) << r.err;
}

TEST_F(ModelsCliTest, PredictPrintsOneRowPerTextWithProbabilitiesAndTheirArgmax) {
  ASSERT_EQ(train().exit_code, 0);
  const Result r = run("predict --model " + model() +
                           " --text \"record profit and strong growth with a gain\""
                           " --text \"impairment and layoffs after a weak decline and loss\""
                           " --text \"revenue was unchanged, steady and stable, flat\""
                           " --format csv",
                       dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split(r.out, '\n');
  ASSERT_EQ(lines.size(), 4u) << r.out;  // header + one row per text
  EXPECT_EQ(lines[0], "text,predicted,p_down,p_flat,p_up");
  const std::vector<std::string> expected = {"up", "down", "flat"};
  const std::vector<std::string> classes = {"down", "flat", "up"};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    // The text contains a comma in the third row and is then quoted: read the cells from the
    // right, where the numbers are.
    const auto cells = split(lines[i + 1], ',');
    ASSERT_GE(cells.size(), 5u) << lines[i + 1];
    std::vector<double> p;
    for (std::size_t k = cells.size() - 3; k < cells.size(); ++k)
      p.push_back(std::stod(cells[k]));
    const std::string& predicted = cells[cells.size() - 4];
    double sum = 0;
    for (double v : p) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
      sum += v;
    }
    EXPECT_NEAR(sum, 1.0, 1e-4) << lines[i + 1];
    const auto best = std::max_element(p.begin(), p.end()) - p.begin();
    EXPECT_EQ(predicted, classes[static_cast<std::size_t>(best)]) << lines[i + 1];
    EXPECT_EQ(predicted, expected[i]) << lines[i + 1];
  }

  // --file reads one text per line, the same model gives the same answer.
  write_file(dir_.path() / "texts.txt", "record profit and strong growth with a gain\n\nloss\n");
  const Result f = run("predict --model " + model() + " --file " +
                           (dir_.path() / "texts.txt").string() + " --format csv",
                       dir_.path());
  ASSERT_EQ(f.exit_code, 0) << f.err;
  const auto file_lines = split(f.out, '\n');
  ASSERT_EQ(file_lines.size(), 3u) << f.out;  // the empty line is skipped
  EXPECT_EQ(file_lines[1], lines[1]);

  // Nothing to predict is an error, not an empty table.
  const Result none = run("predict --model " + model(), dir_.path());
  EXPECT_EQ(none.exit_code, 2) << none.err;
  EXPECT_NE(none.err.find("nothing to predict"), std::string::npos) << none.err;
  EXPECT_TRUE(none.out.empty()) << none.out;
}

TEST_F(ModelsCliTest, EvaluatePrintsAClassificationReportWithTheSupportOfEachClass) {
  ASSERT_EQ(train().exit_code, 0);
  // 3 up, 2 down, 2 flat.
  write_file(dir_.path() / "eval.csv",
             "label,sentence\n"
             "up,record profit and strong growth\nup,a gain in profit\nup,strong record growth\n"
             "down,weak results and a loss\ndown,impairment and layoffs\n"
             "flat,revenue was unchanged\nflat,steady and stable margins\n");
  const Result r = run("evaluate --model " + model() + " --data " +
                           (dir_.path() / "eval.csv").string() + " --text-column sentence",
                       dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("7 examples  accuracy ", 0), 0u) << r.out;
  std::map<std::string, std::string> support;  // class -> last cell of its report row
  for (const auto& line : split(r.out, '\n')) {
    std::istringstream cells(line);
    std::vector<std::string> f;
    for (std::string cell; cells >> cell;)
      f.push_back(cell);
    if (f.size() == 5) support[f[0]] = f[4];                        // class p r f1 support
    if (f.size() == 3 && f[0] == "accuracy") support[f[0]] = f[2];  // accuracy f1 support
  }
  EXPECT_EQ(support["up"], "3") << r.out;
  EXPECT_EQ(support["down"], "2") << r.out;
  EXPECT_EQ(support["flat"], "2") << r.out;
  EXPECT_EQ(support["accuracy"], "7") << r.out;
  EXPECT_NE(r.out.find("confusion (rows: true, columns: predicted)"), std::string::npos) << r.out;

  // A class the model never saw is refused.
  write_file(dir_.path() / "foreign.csv", "text,label\nprofit,sideways\n");
  const Result foreign =
      run("evaluate --model " + model() + " --data " + (dir_.path() / "foreign.csv").string(),
          dir_.path());
  EXPECT_EQ(foreign.exit_code, 2) << foreign.err;
  EXPECT_NE(foreign.err.find("class 'sideways'"), std::string::npos) << foreign.err;
}

TEST_F(ModelsCliTest, TrainWithDbRecordsTheRunAndEachEpoch) {
  const std::string db = (dir_.path() / "results.db").string();
  ASSERT_EQ(train("--db " + db).exit_code, 0);
  store::Connection conn(db);
  store::Statement runs = conn.prepare(
      "SELECT id, task, model, status, epochs, out_dir, test_accuracy IS NOT NULL, dataset "
      "FROM training_runs");
  ASSERT_TRUE(runs.step());
  const std::int64_t run_id = runs.column_int(0);
  EXPECT_EQ(runs.column_text(1), "text");
  EXPECT_EQ(runs.column_text(2), "bow");
  EXPECT_EQ(runs.column_text(3), "finished");
  EXPECT_EQ(runs.column_int(4), kQuickEpochs);
  EXPECT_EQ(fs::path(runs.column_text(5)), fs::absolute(model()).lexically_normal());
  EXPECT_EQ(runs.column_int(6), 1);
  EXPECT_EQ(runs.column_text(7), data());
  EXPECT_FALSE(runs.step());  // exactly one run

  // A refused run (its --out already holds a model) is not recorded.
  EXPECT_EQ(run("train --data " + data() + " " + kQuickBow + " --out " + model() + " --db " + db,
                dir_.path())
                .exit_code,
            2);
  store::Statement count = conn.prepare("SELECT count(*) FROM training_runs");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 1);

  store::Statement epochs = conn.prepare(
      "SELECT count(*), min(epoch), max(epoch), count(train_loss), count(val_loss) "
      "FROM training_epochs WHERE run_id = ?");
  epochs.bind(1, run_id);
  ASSERT_TRUE(epochs.step());
  EXPECT_EQ(epochs.column_int(0), kQuickEpochs);
  EXPECT_EQ(epochs.column_int(1), 1);
  EXPECT_EQ(epochs.column_int(2), kQuickEpochs);
  EXPECT_EQ(epochs.column_int(3), kQuickEpochs);
  EXPECT_EQ(epochs.column_int(4), kQuickEpochs);
}

TEST_F(ModelsCliTest, RefusalsExitNonZeroAndNameTheProblemOnStderr) {
  ASSERT_EQ(train().exit_code, 0);
  // A model whose weights were altered after training.
  const fs::path altered = dir_.path() / "altered";
  fs::copy(model(), altered, fs::copy_options::recursive);
  {
    std::fstream weights(altered / "model.pt", std::ios::in | std::ios::out | std::ios::binary);
    weights.seekp(static_cast<std::streamoff>(fs::file_size(altered / "model.pt") / 2));
    weights.put('\x5a');
    weights.put('\xa5');
  }
  write_file(dir_.path() / "nolabel.csv", "text,category\nprofit grew,up\nloss widened,down\n");
  const std::string fresh = (dir_.path() / "fresh").string();

  struct Row {
    std::string args;
    int exit_code;
    std::vector<std::string> stderr_parts;
  };
  const std::vector<Row> rows = {
      {"train --data " + data() + " " + kQuickBow + " --out " + model(),
       2,
       {"already holds a model", model(), "--resume"}},
      {"predict --model " + (dir_.path() / "nosuchmodel").string() + " --text profit",
       3,
       {"not a model directory", "nosuchmodel"}},
      {"predict --model " + altered.string() + " --text profit",
       3,
       {"corrupt", (altered / "model.pt").string()}},
      {"evaluate --model " + altered.string() + " --data " + data(),
       3,
       {"corrupt", (altered / "model.pt").string()}},
      {"train --data " + data() + " --model transformer --out " + fresh,
       2,
       {"unknown model 'transformer'"}},
      {"train --data " + (dir_.path() / "nolabel.csv").string() + " " + kQuickBow + " --out " +
           fresh,
       3,
       {"nolabel.csv", "label column 'label'"}},
      {"train --data " + (dir_.path() / "missing.csv").string() + " " + kQuickBow + " --out " +
           fresh,
       3,
       {"missing.csv"}},
      {"train --data " + data() + " --model bow --model-option hidden_sizes --out " + fresh,
       2,
       {"KEY=VALUE", "hidden_sizes"}},
  };
  for (const auto& row : rows) {
    const Result r = run(row.args, dir_.path());
    EXPECT_EQ(r.exit_code, row.exit_code) << row.args << "\n" << r.err;
    for (const auto& part : row.stderr_parts)
      EXPECT_NE(r.err.find(part), std::string::npos) << row.args << "\n" << part << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << row.args << "\n" << r.out;
  }
  // No refused training left a model behind, and the refused --out still holds the first model.
  EXPECT_FALSE(fs::exists(fs::path(fresh) / "manifest.json"));
  const Result still = run("predict --model " + model() + " --text profit", dir_.path());
  EXPECT_EQ(still.exit_code, 0) << still.err;
}

// A few dozen sentences of the classes' words and the shared filler, one per line.
std::string lm_text(int sentences, unsigned seed) {
  const char* filler[] = {"the", "company", "reported", "quarter", "results", "revenue", "were"};
  std::mt19937 rng(seed);
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    for (const auto& [label, words] : kClassWords) {
      std::string sentence = "The";
      for (int w = 0; w < 3; ++w)
        sentence += std::string(" ") + filler[rng() % 7] + " " + words[rng() % words.size()];
      text += sentence + ".\n";
    }
  }
  return text;
}

// The tiny language model and the classifier fine-tuned from it share these sizes.
constexpr char kTinyLm[] =
    "--task lm --model lstm --model-option embedding_dim=8 --model-option hidden_size=8 "
    "--epochs 2 --sequence-length 8 --batch-size 8 --seed 3 --threads 1";
constexpr char kQuickLstm[] =
    "--model lstm --epochs 2 --patience 0 --batch-size 8 --seed 7 --threads 1 --device cpu";

// `train --task lm` writes an LM directory (lm.json with the files' sizes and hashes, the
// vocabulary, the encoder); `train --init-from` starts a classifier from it: the LM's vocabulary
// and sizes, the encoder loaded, the LM recorded in the manifest.
TEST_F(ModelsCliTest, LanguageModelThenAClassifierInitialisedFromIt) {
  write_file(dir_.path() / "lm.txt", lm_text(20, 2));
  const std::string lm = (dir_.path() / "lm").string();
  const Result r = run(std::string("train ") + kTinyLm + " --data " +
                           (dir_.path() / "lm.txt").string() + " --out " + lm,
                       dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* file : {"lm.json", "vocabulary.txt", "encoder.pt"})
    EXPECT_GT(fs::file_size(fs::path(lm) / file), 0u) << file;
  const std::string info = testing::read_file(fs::path(lm) / "lm.json");
  EXPECT_NE(info.find("\"secnlp-lm\""), std::string::npos) << info;
  EXPECT_NE(info.find("\"encoder.pt\""), std::string::npos) << info;
  EXPECT_NE(info.find("\"hash\""), std::string::npos) << info;
  // The summary on stdout, one progress line per epoch on stderr.
  EXPECT_EQ(r.out.rfind("language model lstm on " + lm + ": 60 sentences", 0), 0u) << r.out;
  EXPECT_NE(r.err.find("lm: epoch 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lm: epoch 2"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("lm: epoch"), std::string::npos) << r.out;

  const std::string clf = (dir_.path() / "clf").string();
  const Result c =
      run("train --data " + data() + " " + kQuickLstm + " --init-from " + lm + " --out " + clf,
          dir_.path());
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.err.find("encoder tensors loaded from " + lm), std::string::npos) << c.err;
  const std::string manifest = testing::read_file(fs::path(clf) / "manifest.json");
  EXPECT_NE(manifest.find("\"init_from\""), std::string::npos) << manifest;
  EXPECT_NE(manifest.find(fs::absolute(lm).lexically_normal().string()), std::string::npos)
      << manifest;
  // The classifier's vocabulary is the LM's.
  EXPECT_EQ(testing::read_file(fs::path(clf) / "vocabulary.txt"),
            testing::read_file(fs::path(lm) / "vocabulary.txt"));
  const Result p = run("predict --model " + clf + " --text \"record profit\"", dir_.path());
  EXPECT_EQ(p.exit_code, 0) << p.err;
}

TEST_F(ModelsCliTest, InitFromAndLanguageModelRefusals) {
  write_file(dir_.path() / "lm.txt", lm_text(20, 2));
  const std::string text = (dir_.path() / "lm.txt").string();
  const std::string lm = (dir_.path() / "lm").string();
  ASSERT_EQ(run(std::string("train ") + kTinyLm + " --data " + text + " --out " + lm, dir_.path())
                .exit_code,
            0);
  // An LM whose encoder was altered after training.
  const fs::path altered = dir_.path() / "altered";
  fs::copy(lm, altered, fs::copy_options::recursive);
  {
    std::fstream weights(altered / "encoder.pt", std::ios::in | std::ios::out | std::ios::binary);
    weights.seekp(static_cast<std::streamoff>(fs::file_size(altered / "encoder.pt") / 2));
    weights.put('\x5a');
    weights.put('\xa5');
  }
  write_file(dir_.path() / "vectors.txt", "profit 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8\n");
  write_file(dir_.path() / "short.txt", "Too short.\n");
  const std::string fresh = (dir_.path() / "fresh").string();
  const std::string clf = "train --data " + data() + " " + kQuickLstm + " --out " + fresh;

  struct Row {
    std::string args;
    int exit_code;
    std::vector<std::string> stderr_parts;
  };
  const std::vector<Row> rows = {
      // A shape mismatch: the LM's hidden size is 8.
      {clf + " --init-from " + lm + " --model-option hidden_size=16",
       2,
       {"--init-from: parameter 'rnn.", "in the language model", "encoder.pt"}},
      {clf + " --init-from " + lm + " --pretrained " + (dir_.path() / "vectors.txt").string(),
       2,
       {"--init-from and --pretrained"}},
      {clf + " --init-from " + lm + " --num-words 20", 2, {"--init-from and --num-words"}},
      {"train --data " + data() + " --model gru --init-from " + lm + " --out " + fresh,
       2,
       {"cell is lstm, the model's gru", "lm.json"}},
      {"train --data " + data() + " --model bow --init-from " + lm + " --out " + fresh,
       2,
       {"lstm and gru models, not 'bow'"}},
      {clf + " --init-from " + lm + " --model-option bidirectional=true", 2, {"bidirectional"}},
      {clf + " --init-from " + (dir_.path() / "nolm").string(), 3, {"nolm", "lm.json"}},
      {clf + " --init-from " + altered.string(), 3, {"corrupt", (altered / "encoder.pt").string()}},
      // The language model's own refusals.
      {std::string("train ") + kTinyLm + " --data " + text + " --out " + lm,
       2,
       {"already holds a language model", lm}},
      {"train --task lm --data " + text + " --resume --out " + fresh,
       2,
       {"--resume does not apply"}},
      {"train --task lm --data " + text + " --model bow --out " + fresh, 2, {"lstm or gru"}},
      {"train --task lm --out " + fresh, 2, {"exactly one of --db"}},
      {"train --task lm --data " + (dir_.path() / "short.txt").string() + " --out " + fresh,
       2,
       {"fewer than one window"}},
  };
  for (const auto& row : rows) {
    const Result r = run(row.args, dir_.path());
    EXPECT_EQ(r.exit_code, row.exit_code) << row.args << "\n" << r.err;
    for (const auto& part : row.stderr_parts)
      EXPECT_NE(r.err.find(part), std::string::npos) << row.args << "\n" << part << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << row.args << "\n" << r.out;
  }
  // No refused run left a model or a language model behind.
  EXPECT_FALSE(fs::exists(fs::path(fresh) / "manifest.json"));
  EXPECT_FALSE(fs::exists(fs::path(fresh) / "lm.json"));
}

// The model commands run in libsecnlp_models_cli.so, which secnlp loads beside itself, and it
// brings libtorch (LD_DEBUG=libs: the dynamic loader's report on stderr). SECNLP_MODELS_LIB
// names another copy; a file that is not the library is refused with exit 3, naming it.
TEST_F(ModelsCliTest, ModelCommandsLoadTheirLibraryAndLibtorchOnlyWhenTheyRun) {
  ASSERT_EQ(train().exit_code, 0);
  const Result r = testing::run_cli("predict --model " + model() + " --text profit", dir_.path(),
                                    "LD_DEBUG=libs");
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 4000);
  EXPECT_NE(r.err.find("libsecnlp_models_cli.so"), std::string::npos);
  EXPECT_NE(r.err.find("libtorch"), std::string::npos);

  const fs::path library = fs::path(SECNLP_BINARY).parent_path() / "libsecnlp_models_cli.so";
  const Result named = testing::run_cli("predict --model " + model() + " --text profit",
                                        dir_.path(), "SECNLP_MODELS_LIB=" + library.string());
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find("profit"), std::string::npos) << named.out;

  write_file(dir_.path() / "not_a_library.so", "not an ELF file\n");
  const std::string bad = (dir_.path() / "not_a_library.so").string();
  const Result refused = testing::run_cli("predict --model " + model() + " --text profit",
                                          dir_.path(), "SECNLP_MODELS_LIB=" + bad);
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  EXPECT_NE(refused.err.find(bad + ": cannot load"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace secnlp
