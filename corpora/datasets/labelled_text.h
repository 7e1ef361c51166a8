#pragma once
// Labelled-text datasets for training text classifiers (sentiment, spam): one reader for CSV,
// TSV, JSONL and the public corpora in their original layouts (Financial PhraseBank, StockTwits,
// SMS Spam Collection, Pang & Lee sentence polarity).
//
// Every reader returns texts as UTF-8, labels as indices into `classes`, and throws
// secnlp::Error on malformed input with the file in Error::path() and the 1-based line (or the
// entry, for a JSON array) in the message. Files are read whole; memory is about three times the
// file size while reading. Functions are free and stateless: safe from any thread.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace secnlp::corpora {

// A labelled dataset, row i = (texts[i], labels[i], ids[i] when ids is not empty).
struct LabelledTexts {
  std::vector<std::string> texts;    // UTF-8 (decoded from Latin-1/cp1252 where needed)
  std::vector<int> labels;           // index into classes
  std::vector<std::string> classes;  // class names; their order defines the label ids
  std::vector<std::string> ids;      // optional per-row key (e.g. accession number); empty if none
  // "line N: reason" (or "<file>: line N: reason" for a polarity directory) for each line left
  // out because TextDatasetOptions::skip_bad_lines was set; empty otherwise.
  std::vector<std::string> skipped;
  std::size_t size() const { return texts.size(); }
};

enum class TextFormat { kAuto, kCsv, kTsv, kJsonl, kPhrasebank, kStocktwits, kSmsSpam, kPolarity };

// Options of read_labelled_texts (the CLI's --format, --text-column, ... flags).
//   format         kAuto: chosen from the path (see read_labelled_texts).
//   text_column    "text"   column/key of the text (CSV, TSV, JSONL).
//   label_column   "label"  column/key of the label (CSV, TSV, JSONL).
//   id_column      ""       optional column/key of a row id (CSV, TSV, JSONL, StockTwits entries).
//   classes        {}       explicit class order; a label outside it is an error naming file and
//                           line. Empty: the format's fixed order, else sorted (see below).
//   encoding       "auto"   auto | utf-8 | latin-1 | cp1252 (also utf8, latin1, iso-8859-1,
//                           windows-1252). utf-8: invalid sequences become U+FFFD. latin-1:
//                           each byte is the code point of the same value. cp1252: Windows
//                           punctuation at 0x80..0x9F. auto: PhraseBank and polarity files are
//                           UTF-8 when valid, else cp1252; other formats use
//                           nlp::decode_to_utf8's detection (BOM, UTF-16, UTF-8 with repair,
//                           cp1252). A UTF-8 BOM is removed and NUL characters are dropped.
//   skip_bad_lines false    leave out lines that break a per-line rule (no separator, missing
//                           field, wrong field count, bad JSON line, unknown label) and record
//                           them in LabelledTexts::skipped instead of throwing. An unterminated
//                           CSV quote, a bad header and an unparsable StockTwits file still throw.
//                           (The real Sentences_AllAgree.txt has one stray line "1" at line 38.)
struct TextDatasetOptions {
  TextFormat format = TextFormat::kAuto;
  std::string text_column = "text";
  std::string label_column = "label";
  std::string id_column;
  std::vector<std::string> classes;
  std::string encoding = "auto";
  bool skip_bad_lines = false;
};

// Parses "auto", "csv", "tsv", "jsonl", "phrasebank", "stocktwits", "sms", "polarity" (ASCII case
// ignored); throws Error(kInvalidArgument) listing the accepted names otherwise.
TextFormat parse_text_format(std::string_view name);

// The name parse_text_format accepts for `format` ("sms" for kSmsSpam).
std::string_view text_format_name(TextFormat format);

// Reads a labelled dataset. Formats:
//   kCsv / kTsv   RFC 4180 records (quoted fields, "" escapes, embedded newlines and separators,
//                 CRLF) with a header row naming the columns; every record must have as many
//                 fields as the header. Texts are kept as written; labels and ids are trimmed.
//   kJsonl        one JSON object per line; the label may be a string, an integer (its decimal
//                 text is the class name), another number (its JSON text) or a boolean.
//   kPhrasebank   "sentence@label" per line, split at the last '@'; classes negative, neutral,
//                 positive.
//   kStocktwits   {"data": [{"message_body": text, "sentiment": -2..2}, ...]} or a top-level
//                 array of such objects; classes always "-2", "-1", "0", "1", "2".
//   kSmsSpam      "label<TAB>message" per line, split at the first tab; classes ham, spam.
//   kPolarity     `path` is a directory with one file per class and one sentence per line; the
//                 class is the file's extension ("rt-polarity.neg" -> "neg"), or its stem when
//                 the extension is missing or ".txt". Hidden files, subdirectories and *.txt
//                 files whose name contains README or LICENSE (any case) are skipped; rows come in
//                 order of class name, then file name (files of one class are concatenated).
//   kAuto         a directory -> kPolarity; a name starting "Sentences_" -> kPhrasebank;
//                 "SMSSpamCollection*" -> kSmsSpam; extension .csv, .tsv, .jsonl/.ndjson, .json
//                 (-> kStocktwits), case ignored; otherwise Error(kInvalidArgument) asking for
//                 --format.
// In the line formats (PhraseBank, SMS, polarity) texts and labels are trimmed of ASCII
// whitespace. Blank lines (and blank CSV/TSV records) are skipped everywhere. Without explicit
// `classes`, CSV/TSV/JSONL/polarity classes are the distinct labels sorted numerically when every
// one is a number, else by bytes. Throws Error(kIo) when the path cannot be read, Error(kParse)
// for malformed content (missing column, unterminated quote, line without separator, bad JSON,
// unknown label, no rows at all), Error(kInvalidArgument) for bad options (unknown encoding,
// duplicate class). Linear in the file size.
LabelledTexts read_labelled_texts(const std::filesystem::path& path,
                                  const TextDatasetOptions& options = {});

// Labels `id_text` rows (e.g. database sections keyed by accession number) from a CSV (TSV when
// the file ends in .tsv) whose header names `id_column` and `label_column`. Rows whose id
// (trimmed) appears in the CSV get its label, in `id_text` order, duplicates kept; rows without
// a label are dropped. `ids` is filled. Classes are all labels in the CSV (not only the matched
// ones, so label ids do not depend on which rows were found), ordered as read_labelled_texts
// orders them. Throws Error(kParse) naming the CSV and line for a missing column, an id listed
// twice with different labels, or when no row matches; Error(kIo) when it cannot be read.
LabelledTexts join_labels_by_id(const std::vector<std::pair<std::string, std::string>>& id_text,
                                const std::filesystem::path& labels_csv, std::string_view id_column,
                                std::string_view label_column);

}  // namespace secnlp::corpora
