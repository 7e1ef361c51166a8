#pragma once
// EDGAR full-submission text files: the SGML header and every <DOCUMENT> inside.
//
// A submission as EDGAR serves it (<accession>.txt, sec-edgar-downloader's full-submission.txt):
//   [-----BEGIN PRIVACY-ENHANCED MESSAGE----- ... blank line]      (1993-2002 filings)
//   <SEC-DOCUMENT>... / <IMS-DOCUMENT>...                           (IMS before ~1995)
//   <SEC-HEADER>... KEY:<tabs>VALUE lines ... </SEC-HEADER>        (or <IMS-HEADER>)
//   <DOCUMENT><TYPE>10-K<SEQUENCE>1<FILENAME>..<DESCRIPTION>..<TEXT> body </TEXT></DOCUMENT>  ...
//   </SEC-DOCUMENT> [-----END PRIVACY-ENHANCED MESSAGE-----]
// A primary document as edgar-crawler downloads it is one <DOCUMENT> without a header; that is
// accepted too.
//
// Everything here is a pure function of its input: no I/O, no shared state, safe from any thread.
// Scanning is hand-written (memchr over '<' and newlines), linear in the input: a 300 MB uuencoded
// block is skipped at memory speed and never decoded.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

// The <SEC-HEADER> (or <IMS-HEADER>) of a submission. Typed fields are empty when absent.
// With several filers (FILER:, SUBJECT COMPANY:, FILED BY: sections) the first one's values win.
struct SubmissionHeader {
  std::string accession;        // "ACCESSION NUMBER:", e.g. "0000320193-94-000016"
  std::string cik;              // "CENTRAL INDEX KEY:" without leading zeros, e.g. "320193"
  std::string company;          // "COMPANY CONFORMED NAME:", as written ("APPLE COMPUTER INC")
  std::string form;             // "CONFORMED SUBMISSION TYPE:" (else "FORM TYPE:"), e.g. "10-Q/A";
                                // without a header: the main document's <TYPE>
  std::string period;           // "CONFORMED PERIOD OF REPORT:" as YYYY-MM-DD
  std::string filed;            // "FILED AS OF DATE:" as YYYY-MM-DD
  std::string sic;              // digits of "STANDARD INDUSTRIAL CLASSIFICATION:" ("... [3571]")
  std::string fiscal_year_end;  // "FISCAL YEAR END:" as MMDD, e.g. "0930"
  std::string state;            // "STATE OF INCORPORATION:", e.g. "CA"
  // Every header field as found, keys without the colon ("ACCESSION NUMBER", "FORM TYPE",
  // "ACCEPTANCE-DATETIME" from <ACCEPTANCE-DATETIME>..., "SEC-HEADER" for the opening line's
  // rest). Values are trimmed. A key that occurs several times (ITEM INFORMATION, a second
  // filer's COMPANY CONFORMED NAME) holds its distinct values joined by '\n', in order.
  std::map<std::string, std::string> fields;
};

// One <DOCUMENT> of a submission.
struct SubmissionDocument {
  std::string type;  // <TYPE>, trimmed, e.g. "10-K", "EX-99.1", "GRAPHIC", "EX-101.INS"
  int sequence = 0;  // <SEQUENCE>; 0 when absent or not a number
  std::string filename, description;  // <FILENAME>, <DESCRIPTION>; empty when absent
  // Byte range [begin, end) of the body in the submission: from after the "<TEXT>" line to the
  // start of "</TEXT>", less an EDGAR wrapper: when the body starts with an <XBRL>, <XML> or
  // <PDF> line, the range starts after that line and ends before the matching closing tag (so
  // an inline-XBRL primary document's range is the HTML itself). Without <TEXT> the body starts
  // after the last tag line.
  std::size_t begin = 0, end = 0;
  // "html", "text", "xml", "xbrl", "uuencoded", "pdf", "graphic", "zip", "excel", "json",
  // "other". Decided in this order: TYPE GRAPHIC/PDF/ZIP/EXCEL/JSON (or the file name's
  // extension .jpg/.gif/.png/.pdf/.zip/.xls(x)/.json) -> that kind; TYPE EX-101.* -> "xbrl";
  // body inside <XBRL> -> "html" when it is an inline-XBRL HTML document (an <html> element in
  // its first 4 KiB: modern primary documents), else "xbrl"; body inside <XML> or TYPE XML ->
  // "xml"; body inside <PDF> -> "pdf"; a "begin NNN name" line first -> "uuencoded"; binary bytes
  // (nlp::looks_binary) -> "other"; file name .htm/.html or an <html>, <body>, <div>, <p>, <font>,
  // <br> or <!DOCTYPE html> tag in the first 4 KiB -> "html"; else "text". Old text filings use
  // <PAGE>, <TABLE>, <S>, <C> tags: those do not make a document html.
  std::string kind;
  bool exhibit = false;    // TYPE starts with "EX-" (case-insensitive)
  bool uuencoded = false;  // the body starts with a "begin NNN name" line (any kind: GRAPHIC,
                           // ZIP, EXCEL, PDF bodies in full submissions are uuencoded)
};

// Loughran-McDonald "Stage One" summary of a submission (their 10-X parse, per filing).
// Kept documents are those of kind "html" or "text"; every other kind is removed.
struct LmSummary {
  std::uint64_t gross_size = 0;  // bytes of the whole submission
  // gross_size minus the body bytes (end - begin) of every removed document (uuencoded, binary,
  // XBRL, XML, PDF, graphic, zip, excel, json, other)
  std::uint64_t net_size = 0;
  std::uint64_t tables = 0;       // opening <TABLE tags (any case, followed by '>' or whitespace)
                                  // in the bodies of kept documents
  std::uint64_t exhibits = 0;     // documents whose TYPE starts with EX-, except EX-101.* (XBRL)
  std::uint64_t ascii_chars = 0;  // body bytes of kept "text" documents
  std::uint64_t html_chars = 0;   // body bytes of kept "html" documents (incl. inline XBRL)
  std::uint64_t xbrl_chars = 0;   // body bytes of "xbrl" documents
  std::uint64_t xml_chars = 0;    // body bytes of "xml" documents
  std::uint64_t uuencoded_chars = 0;  // body bytes of uuencoded documents, whatever their kind
};

struct Submission {
  SubmissionHeader header;
  std::vector<SubmissionDocument> documents;  // in file order
  // Index into `documents` of the filing's main document: the first document whose TYPE equals
  // the form (case-insensitive; "10-K/A" also matches a "10-K" TYPE and vice versa, "10-K405"
  // matches "10-K"), else the first non-exhibit "html"/"text" document. Never an exhibit, never a
  // removed kind. nullopt when no document qualifies (e.g. only exhibits and graphics).
  std::optional<std::size_t> main_document;
  LmSummary summary;
  std::vector<std::string> warnings;  // recoverable defects, one sentence each
};

// True when the first 8 KiB look like an EDGAR submission: they contain <SEC-DOCUMENT>,
// <IMS-DOCUMENT>, <SEC-HEADER>, <IMS-HEADER> or "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", or
// (after optional whitespace / a UTF-8 BOM) start with <DOCUMENT> followed by a <TYPE> line.
// Also true for a tag-stripped submission: "ACCESSION NUMBER:" and "CONFORMED SUBMISSION TYPE:"
// header lines in those 8 KiB. A bare HTML or inline-XBRL document is not a submission.
// Cost: at most 8 KiB read.
bool looks_like_submission(std::string_view bytes);

// Parses a submission (see the layout above). Never hangs; linear in the input.
// Recoverable defects become warnings: a missing </TEXT> or </DOCUMENT> (the document then ends
// at the next line-leading <DOCUMENT> or EOF), a document without <TEXT>, a second or nested
// <SEC-HEADER>/<IMS-HEADER> (the first wins), a header without </SEC-HEADER>.
// A tag-stripped submission (no <DOCUMENT> and no <SEC-HEADER>, but "ACCESSION NUMBER:" and
// "CONFORMED SUBMISSION TYPE:" lines in the first 8 KiB, as in published tag-stripped corpora) is
// read as its "KEY: value" header lines plus one "text" document of TYPE = the form, holding
// everything after the header (exhibits included), with a warning.
// Throws Error(kParse, "... no <DOCUMENT> ...", path_for_errors) when there is no <DOCUMENT> at
// all otherwise (a header alone, an HTML page, garbage).
Submission parse_submission(std::string_view bytes, std::string_view path_for_errors);

// The body of document `index` of `submission` (a view into `bytes`, the same bytes that were
// parsed). Throws Error(kInvalidArgument) for an index out of range or a range outside `bytes`.
std::string_view document_body(std::string_view bytes, const Submission& submission,
                               std::size_t index);

}  // namespace secnlp::corpora
