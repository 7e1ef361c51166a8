// Labelled text datasets (CSV, TSV, JSONL, PhraseBank, StockTwits JSON, SMS). The first byte
// picks the format, the encoding and skip_bad_lines; the rest is the file.
#include "common/error.h"
#include "corpora/datasets/labelled_text.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::corpora;
  if (size == 0) return 0;
  static const TextFormat kFormats[] = {TextFormat::kCsv,        TextFormat::kTsv,
                                        TextFormat::kJsonl,      TextFormat::kPhrasebank,
                                        TextFormat::kStocktwits, TextFormat::kSmsSpam};
  static const char* const kEncodings[] = {"auto", "utf-8", "latin-1", "cp1252"};
  TextDatasetOptions options;
  options.format = kFormats[(data[0] & 7) % 6];
  options.encoding = kEncodings[(data[0] >> 3) & 3];
  options.skip_bad_lines = (data[0] & 0x20) != 0;
  if (data[0] & 0x40) options.id_column = "id";
  const auto path =
      secnlp::fuzz::scratch().write("dataset", secnlp::fuzz::as_view(data + 1, size - 1));
  try {
    const auto texts = read_labelled_texts(path, options);
    if (texts.labels.size() != texts.texts.size()) __builtin_trap();
    for (int label : texts.labels)
      if (label < 0 || static_cast<std::size_t>(label) >= texts.classes.size()) __builtin_trap();
  } catch (const secnlp::Error&) {
  }
  return 0;
}
