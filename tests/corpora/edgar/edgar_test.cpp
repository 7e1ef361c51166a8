// Unit tests: synthetic submissions built here, plus the project's own samples/northwind files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "corpora/edgar/filing_metadata.h"
#include "corpora/edgar/submission.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;

template <typename F>
std::optional<Error> error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

void write(const fs::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

constexpr const char* kPemHead =
    "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n"
    "Proc-Type: 2001,MIC-CLEAR\n"
    "Originator-Name: webmaster@www.sec.gov\n"
    "MIC-Info: RSA-MD5,RSA,\n"
    " KLm8zT5Cp8qzsBl2LUG3K3fB00mPyWKbPZWOJOS4LD02ePa8iXFGZn9v9Zvk/C+X\n\n";

constexpr const char* kHeader =
    "<SEC-HEADER>0000123456-24-000001.hdr.sgml : 20240301\n"
    "<ACCEPTANCE-DATETIME>20240301161829\n"
    "ACCESSION NUMBER:\t\t0000123456-24-000001\n"
    "CONFORMED SUBMISSION TYPE:\t10-K\n"
    "PUBLIC DOCUMENT COUNT:\t\t3\n"
    "CONFORMED PERIOD OF REPORT:\t20231231\n"
    "ITEM INFORMATION:\t\tOther Events\n"
    "ITEM INFORMATION:\t\tFinancial Statements and Exhibits\n"
    "FILED AS OF DATE:\t\t20240301\n"
    "\n"
    "FILER:\n"
    "\n"
    "\tCOMPANY DATA:\t\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGETS INC\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000123456\n"
    "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tMISC WIDGETS [3999]\n"
    "\t\tIRS NUMBER:\t\t\t\t123456789\n"
    "\t\tSTATE OF INCORPORATION:\t\t\tDE\n"
    "\t\tFISCAL YEAR END:\t\t\t1231\n"
    "\n"
    "\tFILING VALUES:\n"
    "\t\tFORM TYPE:\t\t10-K\n"
    "\n"
    "FILER:\n"
    "\tCOMPANY DATA:\t\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tACME HOLDINGS LLC\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0000654321\n"
    "\t\tSTATE OF INCORPORATION:\t\t\tNV\n"
    "</SEC-HEADER>\n";

std::string document(const std::string& type, int seq, const std::string& filename,
                     const std::string& body, const std::string& description = "") {
  std::string d = "<DOCUMENT>\n<TYPE>" + type + "\n<SEQUENCE>" + std::to_string(seq) + "\n";
  if (!filename.empty()) d += "<FILENAME>" + filename + "\n";
  if (!description.empty()) d += "<DESCRIPTION>" + description + "\n";
  return d + "<TEXT>\n" + body + "</TEXT>\n</DOCUMENT>\n";
}

std::string submission(const std::string& documents, bool pem = true) {
  std::string s = pem ? kPemHead : "";
  s += "<SEC-DOCUMENT>0000123456-24-000001.txt : 20240301\n";
  s += kHeader;
  s += documents;
  s += "</SEC-DOCUMENT>\n";
  if (pem) s += "-----END PRIVACY-ENHANCED MESSAGE-----\n";
  return s;
}

const std::string kHtmlBody =
    "<html><body><p>Annual report.</p><TABLE border=1><tr><td>1</td></tr></TABLE>"
    "<table><tr><td>2</td></tr></table><tablex></body></html>\n";
const std::string kTextBody = "<PAGE>\nSUBSIDIARIES\n<TABLE>\n<S> <C>\nAcme Ltd  UK\n</TABLE>\n";
const std::string kUuBody =
    "begin 644 logo.jpg\nM_]C_X``02D9)1@`!`0``2`!(``#_VP!#``8$!08%!`8&!08'!P8(\"A`*\"@D)\n`\nend\n";
const std::string kXbrlBody = "<XBRL>\n<?xml version=\"1.0\"?>\n<xbrl>facts</xbrl>\n</XBRL>\n";
const std::string kIxbrlBody =
    "<XBRL>\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns:ix=\"x\"><body>"
    "<ix:nonNumeric name=\"dei:DocumentType\" contextRef=\"c\">10-K</ix:nonNumeric>"
    "</body></html>\n</XBRL>\n";
const std::string kXmlBody = "<XML>\n<?xml version=\"1.0\"?>\n<FilingSummary/>\n</XML>\n";
const std::string kPdfBody = "<PDF>\nbegin 644 report.pdf\nM)5!$1BTQ+C0*)>+CS],*\n`\nend\n</PDF>\n";

TEST(Submission, HeaderFields) {
  const std::string bytes = submission(document("10-K", 1, "acme-10k.htm", kHtmlBody));
  const Submission sub = parse_submission(bytes, "acme.txt");
  const SubmissionHeader& h = sub.header;
  struct Case {
    const char* what;
    std::string got, want;
  };
  const Case cases[] = {
      {"accession", h.accession, "0000123456-24-000001"},
      {"cik (first filer, no zeros)", h.cik, "123456"},
      {"company (first filer)", h.company, "ACME WIDGETS INC"},
      {"form", h.form, "10-K"},
      {"period", h.period, "2023-12-31"},
      {"filed", h.filed, "2024-03-01"},
      {"sic", h.sic, "3999"},
      {"fiscal_year_end", h.fiscal_year_end, "1231"},
      {"state (first filer)", h.state, "DE"},
      {"fields: repeated key joined", h.fields.at("ITEM INFORMATION"),
       "Other Events\nFinancial Statements and Exhibits"},
      {"fields: second filer kept", h.fields.at("COMPANY CONFORMED NAME"),
       "ACME WIDGETS INC\nACME HOLDINGS LLC"},
      {"fields: raw CIK", h.fields.at("CENTRAL INDEX KEY"), "0000123456\n0000654321"},
      {"fields: SGML tag line", h.fields.at("ACCEPTANCE-DATETIME"), "20240301161829"},
      {"fields: opening line", h.fields.at("SEC-HEADER"),
       "0000123456-24-000001.hdr.sgml : 20240301"},
      {"fields: IRS", h.fields.at("IRS NUMBER"), "123456789"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(c.got, c.want) << c.what;
  EXPECT_FALSE(h.fields.contains("FILER"));  // section lines carry no value
  EXPECT_TRUE(sub.warnings.empty());
}

// Control bytes around text; the length comes from sizeof so it cannot drift from the literal.
constexpr char kBinaryBody[] = "\x01\x02\x03\x04\x05\x06garbage\x07\x08";

TEST(Submission, DocumentsAndKinds) {
  const std::string bytes =
      submission(document("10-K", 1, "acme-10k.htm", kIxbrlBody, "ANNUAL REPORT") +
                 document("EX-21", 2, "ex21.txt", kTextBody, "SUBSIDIARIES") +
                 document("GRAPHIC", 3, "logo.jpg", kUuBody) +
                 document("EX-101.INS", 4, "acme-20231231.xml", kXbrlBody) +
                 document("XML", 5, "FilingSummary.xml", kXmlBody) +
                 document("PDF", 6, "", kPdfBody) + document("ZIP", 7, "acme-xbrl.zip", kUuBody) +
                 document("EXCEL", 8, "Financial_Report.xlsx", kUuBody) +
                 document("JSON", 9, "MetaLinks.json", "{\"a\": 1}\n") +
                 document("EX-99.1", 10, "", "begin 600 data.bin\nM86)C\n`\nend\n") +
                 document("EX-99.2", 11, "", std::string(kBinaryBody, sizeof kBinaryBody - 1)) +
                 document("EX-101.SCH", 12, "acme.xsd", "<xsd:schema/>\n"));
  const Submission sub = parse_submission(bytes, "acme.txt");
  struct Case {
    const char* type;
    int sequence;
    const char* filename;
    const char* kind;
    bool exhibit, uuencoded;
  };
  const Case cases[] = {
      {"10-K", 1, "acme-10k.htm", "html", false, false},  // inline XBRL inside <XBRL>
      {"EX-21", 2, "ex21.txt", "text", true, false},      // <TABLE>/<PAGE> do not make html
      {"GRAPHIC", 3, "logo.jpg", "graphic", false, true},
      {"EX-101.INS", 4, "acme-20231231.xml", "xbrl", true, false},
      {"XML", 5, "FilingSummary.xml", "xml", false, false},
      {"PDF", 6, "", "pdf", false, true},
      {"ZIP", 7, "acme-xbrl.zip", "zip", false, true},
      {"EXCEL", 8, "Financial_Report.xlsx", "excel", false, true},
      {"JSON", 9, "MetaLinks.json", "json", false, false},
      {"EX-99.1", 10, "", "uuencoded", true, true},
      {"EX-99.2", 11, "", "other", true, false},  // binary bytes
      {"EX-101.SCH", 12, "acme.xsd", "xbrl", true, false},
  };
  ASSERT_EQ(sub.documents.size(), std::size(cases));
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const Case& c = cases[i];
    const SubmissionDocument& d = sub.documents[i];
    SCOPED_TRACE(c.type);
    EXPECT_EQ(d.type, c.type);
    EXPECT_EQ(d.sequence, c.sequence);
    EXPECT_EQ(d.filename, c.filename);
    EXPECT_EQ(d.kind, c.kind);
    EXPECT_EQ(d.exhibit, c.exhibit);
    EXPECT_EQ(d.uuencoded, c.uuencoded);
  }
  EXPECT_EQ(sub.documents[0].description, "ANNUAL REPORT");
  EXPECT_EQ(sub.main_document, 0u);
  EXPECT_TRUE(sub.warnings.empty()) << sub.warnings.front();
  // Bodies: the <XBRL>/<XML>/<PDF> wrapper is not part of the range; <TEXT> never is.
  const std::string ix = kIxbrlBody.substr(7, kIxbrlBody.size() - 7 - 8);
  EXPECT_EQ(document_body(bytes, sub, 0), ix);
  EXPECT_EQ(document_body(bytes, sub, 1), kTextBody);
  EXPECT_EQ(document_body(bytes, sub, 4), "<?xml version=\"1.0\"?>\n<FilingSummary/>\n");
  EXPECT_TRUE(document_body(bytes, sub, 5).starts_with("begin 644 report.pdf"));
  EXPECT_THROW(document_body(bytes, sub, 12), Error);
  EXPECT_THROW(document_body("short", sub, 0), Error);

  // LM summary: kept = the html 10-K and the text EX-21.
  const LmSummary& s = sub.summary;
  auto size = [&](std::size_t i) { return sub.documents[i].end - sub.documents[i].begin; };
  std::uint64_t removed = 0;
  for (std::size_t i = 2; i < sub.documents.size(); ++i)
    removed += size(i);
  EXPECT_EQ(s.gross_size, bytes.size());
  EXPECT_EQ(s.net_size, bytes.size() - removed);
  EXPECT_EQ(s.html_chars, size(0));
  EXPECT_EQ(s.ascii_chars, size(1));
  EXPECT_EQ(s.xbrl_chars, size(3) + size(11));
  EXPECT_EQ(s.xml_chars, size(4));
  EXPECT_EQ(s.uuencoded_chars, size(2) + size(5) + size(6) + size(7) + size(9));
  EXPECT_EQ(s.exhibits, 3u);  // EX-21, EX-99.1, EX-99.2; not EX-101.*
  EXPECT_EQ(s.tables, 1u);    // the text exhibit's <TABLE>; the ix body has none
}

TEST(Submission, TablesCountedInKeptDocumentsOnly) {
  const std::string bytes =
      submission(document("10-K", 1, "a.htm", kHtmlBody) +
                 document("XML", 2, "R1.htm", "<XML>\n<table></table><table></table>\n</XML>\n"));
  const Submission sub = parse_submission(bytes, "t.txt");
  EXPECT_EQ(sub.summary.tables, 2u);  // <TABLE border=1>, <table>; not <tablex>, not the XML's
}

TEST(Submission, MainDocumentChoice) {
  struct Doc {
    const char* type;
    const char* body;
  };
  struct Case {
    const char* name;
    const char* form;  // "" = no header
    std::vector<Doc> docs;
    std::optional<std::size_t> main;
  };
  const char* html = "<html><body>x</body></html>\n";
  const char* text = "plain text\n";
  const char* uu = "begin 644 a.jpg\nM86)C\n`\nend\n";
  const Case cases[] = {
      {"first matching type", "10-Q", {{"EX-99", text}, {"10-Q", html}}, 1},
      {"amendment matches its own type", "10-K/A", {{"10-K/A", text}}, 0},
      {"amendment matches the base type", "10-Q/A", {{"EX-1", text}, {"10-Q", text}}, 1},
      {"10-K405 document for a 10-K405", "10-K405", {{"10-K405", text}}, 0},
      {"10-K document for a 10-K405", "10-K405", {{"EX-27", text}, {"10-K", text}}, 1},
      {"no match: first non-exhibit", "8-K", {{"EX-99", html}, {"COVER", text}}, 1},
      {"matching type but binary: skipped", "8-K", {{"8-K", uu}, {"8-K", html}}, 1},
      {"exhibits only: none", "8-K", {{"EX-99.1", html}, {"GRAPHIC", uu}}, std::nullopt},
      {"no header: first non-exhibit", "", {{"8-K", html}, {"EX-99", html}}, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string docs;
    int seq = 1;
    for (const Doc& d : c.docs)
      docs += document(d.type, seq++, "", d.body);
    std::string bytes;
    if (*c.form) {
      std::string header(kHeader);
      const std::size_t at = header.find("CONFORMED SUBMISSION TYPE:\t10-K");
      header.replace(at, 31, std::string("CONFORMED SUBMISSION TYPE:\t") + c.form);
      bytes = "<SEC-DOCUMENT>x\n" + header + docs + "</SEC-DOCUMENT>\n";
    } else {
      bytes = docs;
    }
    const Submission sub = parse_submission(bytes, c.name);
    EXPECT_EQ(sub.main_document, c.main);
    if (!*c.form) {
      EXPECT_EQ(sub.header.form, "8-K");  // taken from the main document
    }
  }
}

TEST(Submission, DefectsAreWarnings) {
  const std::string hdr = std::string("<SEC-DOCUMENT>x\n") + kHeader;
  struct Case {
    const char* name;
    std::string bytes;
    std::vector<std::string> bodies;  // expected bodies in order
    const char* warning;              // substring of some warning; "" = none expected
  };
  const Case cases[] = {
      {"missing </DOCUMENT>: ends at the next <DOCUMENT>",
       hdr + "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nmain\n</TEXT>\n" + document("EX-1", 2, "", "ex\n"),
       {"main\n", "ex\n"},
       "has no </DOCUMENT>"},
      {"missing </TEXT> and </DOCUMENT>",
       hdr + "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nmain\n" + document("EX-1", 2, "", "ex\n"),
       {"main\n", "ex\n"},
       "has no </TEXT>"},
      {"missing </TEXT> only",
       hdr + "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nmain\n</DOCUMENT>\n",
       {"main\n"},
       "has no </TEXT>"},
      {"truncated at EOF",
       hdr + "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nmain text",
       {"main text"},
       "the end of the file"},
      {"no <TEXT>",
       hdr + "<DOCUMENT>\n<TYPE>10-K\nbody line\n</DOCUMENT>\n",
       {"body line\n"},
       "has no <TEXT>"},
      {"repeated header: first wins",
       hdr + "<SEC-HEADER>\nACCESSION NUMBER: 9999999999-99-999999\n</SEC-HEADER>\n" +
           document("10-K", 1, "", "main\n"),
       {"main\n"},
       "repeated <SEC-HEADER>"},
      {"header repeated between documents",
       hdr + document("10-K", 1, "", "main\n") + "<SEC-HEADER>\n</SEC-HEADER>\n" +
           document("EX-1", 2, "", "ex\n"),
       {"main\n", "ex\n"},
       "repeated <SEC-HEADER>"},
      {"nested header",
       std::string("<SEC-DOCUMENT>x\n<SEC-HEADER>x\nACCESSION NUMBER: "
                   "0000123456-24-000001\n<SEC-HEADER>y\n</SEC-HEADER>\n") +
           document("10-K", 1, "", "main\n"),
       {"main\n"},
       "nested <SEC-HEADER>"},
      {"header without close",
       std::string("<SEC-HEADER>x\nACCESSION NUMBER: "
                   "0000123456-24-000001\n") +
           document("10-K", 1, "", "main\n"),
       {"main\n"},
       "header has no </SEC-HEADER>"},
      {"tags inside uuencoded lines are data",
       hdr + document("GRAPHIC", 1, "a.gif", "begin 644 a.gif\nM</TEXT></DOCUMENT>\n`\nend\n"),
       {"begin 644 a.gif\nM</TEXT></DOCUMENT>\n`\nend\n"},
       ""},
      {"CRLF line ends",
       "<DOCUMENT>\r\n<TYPE>8-K\r\n<TEXT>\r\nbody\r\n</TEXT>\r\n</DOCUMENT>\r\n",
       {"body\r\n"},
       ""},
      {"<DOCUMENT> inside a line is body text",
       hdr + document("10-K", 1, "", "see <DOCUMENT> here\n"),
       {"see <DOCUMENT> here\n"},
       ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Submission sub = parse_submission(c.bytes, c.name);
    ASSERT_EQ(sub.documents.size(), c.bodies.size());
    for (std::size_t i = 0; i < c.bodies.size(); ++i)
      EXPECT_EQ(document_body(c.bytes, sub, i), c.bodies[i]);
    if (*c.warning) {
      const bool found = std::any_of(sub.warnings.begin(), sub.warnings.end(), [&](auto& w) {
        return w.find(c.warning) != std::string::npos;
      });
      EXPECT_TRUE(found) << (sub.warnings.empty() ? "no warnings" : sub.warnings.front());
    } else {
      EXPECT_TRUE(sub.warnings.empty()) << sub.warnings.front();
    }
  }
  // The first header wins over the repeated one.
  const Submission sub = parse_submission(cases[5].bytes, "repeated");
  EXPECT_EQ(sub.header.accession, "0000123456-24-000001");
}

TEST(Submission, RejectedInputs) {
  struct Case {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const Case cases[] = {
      {"header without documents", std::string("<SEC-DOCUMENT>x\n") + kHeader + "</SEC-DOCUMENT>\n",
       "no <DOCUMENT>"},
      {"empty", "", "no <DOCUMENT>"},
      {"html page", "<html><body><p>10-K</p></body></html>", "no <DOCUMENT>"},
      {"garbage", std::string("\x00\xff<DOC\x01UMENT>\n<TYPE", 18), "no <DOCUMENT>"},
      {"PEM envelope only", kPemHead, "no <DOCUMENT>"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto e = error_of([&] { parse_submission(c.bytes, "bad.txt"); });
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code(), ErrorCode::kParse);
    EXPECT_EQ(e->path(), "bad.txt");
    EXPECT_NE(e->message().find(c.message), std::string::npos) << e->message();
  }
}

TEST(Submission, LooksLikeSubmission) {
  struct Case {
    std::string bytes;
    bool want;
  };
  const Case cases[] = {
      {"<SEC-DOCUMENT>0000320193-97-000021.txt : 19971008\n", true},
      {"<IMS-DOCUMENT>0000320193-94-000016.txt : 19941214\n", true},
      {"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n", true},
      {"<SEC-HEADER>x\nACCESSION NUMBER: 1\n", true},
      {"\xEF\xBB\xBF  \n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n", true},
      {"ACCESSION NUMBER:\t\t1\nCONFORMED SUBMISSION TYPE:\t10-K\n", true},  // tags stripped
      {"<DOCUMENT>\n<TEXT>\n", false},                                       // no <TYPE>
      {"<html><body>...</body></html>", false},
      {"<?xml version=\"1.0\"?><html xmlns:ix=\"x\"><ix:header/></html>", false},
      {std::string(9000, ' ') + "<SEC-DOCUMENT>", false},  // beyond the first 8 KiB
      {"", false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(looks_like_submission(c.bytes), c.want) << c.bytes;
}

TEST(Submission, ImsWrapper) {
  const std::string bytes = std::string(kPemHead) +
                            "<IMS-DOCUMENT>0000320193-94-000016.txt : 19941214\n"
                            "<IMS-HEADER>0000320193-94-000016.hdr.sgml : 19941214\n"
                            "ACCESSION NUMBER:\t\t0000320193-94-000016\n"
                            "CONFORMED SUBMISSION TYPE:\t10-K\n"
                            "CONFORMED PERIOD OF REPORT:\t19940930\n"
                            "FILED AS OF DATE:\t\t19941213\n"
                            "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t [3571\n"
                            "</IMS-HEADER>\n" +
                            document("10-K", 1, "", "annual\n") +
                            document("EX-27", 2, "", "fds\n", "ART. 5 FDS") +
                            "</IMS-DOCUMENT>\n-----END PRIVACY-ENHANCED MESSAGE-----\n";
  const Submission sub = parse_submission(bytes, "ims.txt");
  EXPECT_EQ(sub.header.accession, "0000320193-94-000016");
  EXPECT_EQ(sub.header.period, "1994-09-30");
  EXPECT_EQ(sub.header.filed, "1994-12-13");
  EXPECT_EQ(sub.header.sic, "3571");  // the closing bracket is missing in some headers
  EXPECT_EQ(sub.header.fields.at("IMS-HEADER"), "0000320193-94-000016.hdr.sgml : 19941214");
  ASSERT_EQ(sub.documents.size(), 2u);
  EXPECT_EQ(sub.documents[1].description, "ART. 5 FDS");
  EXPECT_EQ(sub.main_document, 0u);
  EXPECT_TRUE(sub.warnings.empty());
}

TEST(Submission, TagStripped) {
  const std::string bytes = std::string(kPemHead) +
                            "0000123456-24-000001.txt : 20240301\n"
                            "ACCESSION NUMBER:\t\t0000123456-24-000001\n"
                            "CONFORMED SUBMISSION TYPE:\t10-K\n"
                            "CONFORMED PERIOD OF REPORT:\t20231231\n\n"
                            "FILER:\n\t\tCENTRAL INDEX KEY:\t\t\t0000123456\n"
                            "10-K\n1\nANNUAL REPORT\nItem 1. Business: widgets.\n"
                            "-----END PRIVACY-ENHANCED MESSAGE-----\n";
  ASSERT_TRUE(looks_like_submission(bytes));
  const Submission sub = parse_submission(bytes, "stripped.txt");
  EXPECT_EQ(sub.header.form, "10-K");
  EXPECT_EQ(sub.header.cik, "123456");
  EXPECT_EQ(sub.header.period, "2023-12-31");
  ASSERT_EQ(sub.documents.size(), 1u);
  // The left-over <TYPE> and <SEQUENCE> values ("10-K", "1") start the document.
  EXPECT_EQ(document_body(bytes, sub, 0), "ANNUAL REPORT\nItem 1. Business: widgets.\n");
  EXPECT_EQ(sub.main_document, 0u);
  EXPECT_EQ(sub.warnings.size(), 1u);
}

// Exhibits of a tag-stripped submission become their own documents, found from their TYPE and
// SEQUENCE lines; lines that look alike but break the rising sequence chain do not split.
TEST(Submission, TagStrippedExhibitsAreTheirOwnDocuments) {
  const std::string bytes =
      "ACCESSION NUMBER:\t\t0000123456-24-000001\n"
      "CONFORMED SUBMISSION TYPE:\t10-K\n\n"
      "10-K\n1\nd10k.htm\nItem 1. Business.\n"
      "Exhibit index:\n10-K\n9/28/02\n10.4*\n"  // an index row: a date, not a sequence
      "EX-27\n7\n"                              // 7 is too far above 1: a table row
      "CALIFORNIA\n2\n"                         // not a document type
      "SIGNATURES\nJane Doe\n"
      "EX-21.1\n2\ndex211.htm\nSUBSIDIARIES OF THE REGISTRANT\n"
      "EX-23\n3\nCONSENT\n"
      "GRAPHIC\n4\ng1.jpg\nbegin 644 g1.jpg\nM1234\nend\n";
  const Submission sub = parse_submission(bytes, "stripped.txt");
  ASSERT_EQ(sub.documents.size(), 4u);
  EXPECT_EQ(sub.main_document, 0u);
  const auto& main = sub.documents[0];
  EXPECT_EQ(main.type, "10-K");
  EXPECT_EQ(main.filename, "d10k.htm");
  EXPECT_EQ(main.kind, "text");  // no tags are left, whatever the file name says
  const std::string_view body = document_body(bytes, sub, 0);
  EXPECT_TRUE(body.starts_with("Item 1. Business.\n"));
  EXPECT_TRUE(body.ends_with("SIGNATURES\nJane Doe\n"));
  EXPECT_NE(body.find("EX-27\n7\n"), std::string_view::npos);
  EXPECT_EQ(sub.documents[1].type, "EX-21.1");
  EXPECT_EQ(sub.documents[1].sequence, 2);
  EXPECT_TRUE(sub.documents[1].exhibit);
  EXPECT_EQ(sub.documents[1].filename, "dex211.htm");
  EXPECT_EQ(document_body(bytes, sub, 1), "SUBSIDIARIES OF THE REGISTRANT\n");
  EXPECT_EQ(document_body(bytes, sub, 2), "CONSENT\n");
  EXPECT_EQ(sub.documents[3].kind, "graphic");
  EXPECT_EQ(sub.summary.exhibits, 2u);
  ASSERT_EQ(sub.warnings.size(), 1u);
  EXPECT_NE(sub.warnings[0].find("4 documents"), std::string::npos);
}

// Without a "10-K" / "1" pair the text before the first exhibit is the main document.
TEST(Submission, TagStrippedWithoutMainTypeLines) {
  const std::string bytes =
      "ACCESSION NUMBER:\t\t0000123456-24-000001\n"
      "CONFORMED SUBMISSION TYPE:\t10-K\n\n"
      "ANNUAL REPORT\nItem 1.\nEX-21\n2\nSUBSIDIARIES\n";
  const Submission sub = parse_submission(bytes, "stripped.txt");
  ASSERT_EQ(sub.documents.size(), 2u);
  EXPECT_EQ(sub.main_document, 0u);
  EXPECT_EQ(document_body(bytes, sub, 0), "ANNUAL REPORT\nItem 1.\n");
  EXPECT_EQ(document_body(bytes, sub, 1), "SUBSIDIARIES");  // trailing blanks trimmed
}

// A 50 MB uuencoded block is skipped in one linear pass (no timing asserted: ctest's timeout
// catches a quadratic scan), with and without its closing tags.
TEST(Submission, LargeUuencodedBlock) {
  std::string uu = "begin 644 big.zip\n";
  const std::string line = "M" + std::string(60, '<') + "\n";  // '<' is a uuencode character
  uu.reserve(50u << 20);
  while (uu.size() < (50u << 20))
    uu += line;
  uu += "`\nend\n";
  const std::string closed =
      submission(document("10-K", 1, "a.htm", kHtmlBody) + document("ZIP", 2, "big.zip", uu) +
                 document("EX-99", 3, "", "tail\n"));
  const Submission sub = parse_submission(closed, "big.txt");
  ASSERT_EQ(sub.documents.size(), 3u);
  EXPECT_EQ(sub.documents[1].kind, "zip");
  EXPECT_TRUE(sub.documents[1].uuencoded);
  EXPECT_EQ(document_body(closed, sub, 1).size(), uu.size());
  EXPECT_EQ(document_body(closed, sub, 2), "tail\n");
  EXPECT_EQ(sub.summary.uuencoded_chars, uu.size());
  EXPECT_EQ(sub.summary.net_size, closed.size() - uu.size());

  const std::string truncated = submission(document("10-K", 1, "a.htm", kHtmlBody), false) +
                                "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n" + uu;
  const Submission cut = parse_submission(truncated, "cut.txt");
  ASSERT_EQ(cut.documents.size(), 2u);
  EXPECT_EQ(cut.documents[1].kind, "uuencoded");
  EXPECT_EQ(cut.documents[1].end, truncated.size());
}

// Random bytes with EDGAR tags sprinkled in: parse either succeeds with sane ranges or throws
// secnlp::Error; it never crashes or hangs.
TEST(Submission, GarbageNeverCrashes) {
  const std::vector<std::string> pieces = {"<DOCUMENT>\n",
                                           "</DOCUMENT>\n",
                                           "<TEXT>\n",
                                           "</TEXT>",
                                           "<TYPE>10-K\n",
                                           "<SEC-HEADER>\n",
                                           "</SEC-HEADER>\n",
                                           "<XBRL>\n",
                                           "</XBRL>",
                                           "begin 644 x\n",
                                           "<SEQUENCE>99999999999\n",
                                           "ACCESSION NUMBER:",
                                           "\n",
                                           "<",
                                           "\r\n",
                                           "<PDF>"};
  std::mt19937 rng(20240301);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      if (rng() % 3 == 0) {
        bytes += static_cast<char>(rng() % 256);
      } else {
        bytes += pieces[rng() % pieces.size()];
      }
    }
    try {
      const Submission sub = parse_submission(bytes, "fuzz");
      for (const SubmissionDocument& d : sub.documents) {
        ASSERT_LE(d.begin, d.end) << round;
        ASSERT_LE(d.end, bytes.size()) << round;
      }
      ASSERT_LE(sub.summary.net_size, sub.summary.gross_size);
      if (sub.main_document) {
        ASSERT_LT(*sub.main_document, sub.documents.size());
      }
    } catch (const Error& e) {
      ASSERT_EQ(e.code(), ErrorCode::kParse) << round;
    }
  }
}

TEST(Submission, NorthwindSample1999) {
  const fs::path path =
      testing::fixture_path("../../samples/northwind/9990001_10K_1999_0009990001-00-000004.txt");
  const std::string bytes = testing::read_file(path);
  ASSERT_TRUE(looks_like_submission(bytes));
  const Submission sub = parse_submission(bytes, path.string());
  const DirectoryMetadata csv = read_filings_metadata_csv(
      testing::fixture_path("../../samples/northwind/FILINGS_METADATA.csv"));
  const auto& want = csv.by_file.at(path.filename().string());
  EXPECT_EQ(sub.header.cik, want.at("cik"));
  EXPECT_EQ(sub.header.form, want.at("form"));
  EXPECT_EQ(sub.header.filed, want.at("filed"));
  EXPECT_EQ(sub.header.period, want.at("period"));
  EXPECT_EQ(sub.header.sic, want.at("sic"));
  EXPECT_EQ(sub.header.state, want.at("state"));
  EXPECT_EQ(sub.header.fiscal_year_end, want.at("fiscal_year_end"));
  EXPECT_EQ(sub.header.accession, want.at("accession"));
  ASSERT_EQ(sub.documents.size(), 1u);
  EXPECT_EQ(sub.main_document, 0u);
  EXPECT_EQ(sub.documents[0].kind, "text");
  EXPECT_TRUE(sub.warnings.empty());
}

TEST(FilingMetadata, NormalizeDate) {
  struct Case {
    const char* in;
    std::optional<std::string> want;
  };
  const Case cases[] = {
      {"2023-12-31", "2023-12-31"},
      {"20231231", "2023-12-31"},
      {"December 31, 2023", "2023-12-31"},
      {" Dec. 31, 2023 ", "2023-12-31"},
      {"Sept 30 2023", "2023-09-30"},
      {"31 December 2023", "2023-12-31"},
      {"12/31/2023", "2023-12-31"},
      {"2024-2-29", "2024-02-29"},
      {"September 28th, 2024", "2024-09-28"},
      {"2023-02-29", std::nullopt},  // not a leap year
      {"2023-13-01", std::nullopt},
      {"Smarch 3, 2023", std::nullopt},
      {"2023", std::nullopt},
      {"", std::nullopt},
      {"19941313", std::nullopt},
      {"0000-01-01", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(normalize_date(c.in), c.want) << c.in;
}

TEST(FilingMetadata, InlineXbrlFacts) {
  using Meta = std::map<std::string, std::string>;
  struct Case {
    const char* name;
    std::string html;
    Meta want;
  };
  const Case cases[] = {
      {"hidden header facts",
       "<ix:header><ix:hidden>"
       "<ix:nonNumeric contextRef=\"c\" name=\"dei:EntityCentralIndexKey\">0000320193"
       "</ix:nonNumeric><ix:nonNumeric name=\"dei:DocumentFiscalYearFocus\" contextRef=\"c\">"
       "2024</ix:nonNumeric><ix:nonNumeric name=\"dei:CurrentFiscalYearEndDate\">--09-28"
       "</ix:nonNumeric></ix:hidden></ix:header>",
       {{"cik", "320193"}, {"fiscal_year", "2024"}, {"fiscal_year_end", "0928"}}},
      {"nested facts and references",
       "<span><ix:nonNumeric contextRef=\"c-1\" name=\"dei:DocumentPeriodEndDate\" "
       "format=\"ixt:date-monthname-day-year-en\"><ix:nonNumeric contextRef=\"c-1\" "
       "name=\"dei:CurrentFiscalYearEndDate\">September&#160;28</ix:nonNumeric>, 2024"
       "</ix:nonNumeric></span>",
       {{"period", "2024-09-28"}, {"fiscal_year_end", "0928"}}},
      {"single quotes, any case, markup inside",
       "<IX:NONNUMERIC name='dei:EntityRegistrantName' contextRef='Y17'><b>Procter &amp; "
       "Gamble</b>\n  Co.</IX:NONNUMERIC><ix:nonNumeric name='dei:DocumentType'>10-K"
       "</ix:nonNumeric>",
       {{"company", "Procter & Gamble Co."}, {"form", "10-K"}}},
      {"first ticker wins",
       "<ix:nonNumeric name=\"dei:TradingSymbol\">GOOGL</ix:nonNumeric>"
       "<ix:nonNumeric name=\"dei:TradingSymbol\">GOOG</ix:nonNumeric>",
       {{"ticker", "GOOGL"}}},
      {"unparseable values are omitted, later good ones taken",
       "<ix:nonNumeric name=\"dei:DocumentPeriodEndDate\">soon</ix:nonNumeric>"
       "<ix:nonNumeric name=\"dei:DocumentPeriodEndDate\">12/31/2023</ix:nonNumeric>"
       "<ix:nonNumeric name=\"dei:DocumentFiscalYearFocus\">FY</ix:nonNumeric>",
       {{"period", "2023-12-31"}}},
      {"other namespaces and prefixes ignored",
       "<ix:nonNumeric name=\"us-gaap:DocumentType\">x</ix:nonNumeric>"
       "<ix:nonNumericX name=\"dei:DocumentType\">y</ix:nonNumericX>"
       "<ix:nonFraction name=\"dei:EntityCentralIndexKey\">1</ix:nonFraction>"
       "<ix:nonNumeric name=\"dei:DocumentTypeExtra\">z</ix:nonNumeric>",
       {}},
      {"self-closing and unterminated",
       "<ix:nonNumeric name=\"dei:DocumentType\"/><ix:nonNumeric name=\"dei:TradingSymbol\">ABC",
       {{"ticker", "ABC"}}},
      {"plain html", "<html><body><p>FORM 10-K</p></body></html>", {}},
      {"empty", "", {}},
      {"tag never closed", "<ix:nonNumeric name=\"dei:DocumentType\"", {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(inline_xbrl_metadata(c.html), c.want) << c.name;
}

TEST(FilingMetadata, NorthwindInlineXbrlMatchesCsv) {
  const DirectoryMetadata csv = read_filings_metadata_csv(
      testing::fixture_path("../../samples/northwind/FILINGS_METADATA.csv"));
  for (const char* file :
       {"9990001_10K_2022_0009990001-23-000011.htm", "9990001_10K_2023_0009990001-24-000009.htm",
        "9990001_10K_2024_0009990001-25-000012.htm"}) {
    SCOPED_TRACE(file);
    const auto meta = inline_xbrl_metadata(
        testing::read_file(testing::fixture_path(std::string("../../samples/northwind/") + file)));
    const auto& want = csv.by_file.at(file);
    for (const char* key : {"cik", "form", "period", "fiscal_year_end", "fiscal_year"})
      EXPECT_EQ(meta.at(key), want.at(key)) << key;
    EXPECT_EQ(meta.at("ticker"), "NWHL");
    EXPECT_EQ(meta.at("company"), "Northwind Harbor Logistics, Inc.");
  }
}

TEST(FilingMetadata, FilingsMetadataCsv) {
  testing::TempDir tmp;
  const std::string header =
      "CIK,Company,Type,Date,complete_text_file_link,html_index,Filing Date,Period of Report,SIC,"
      "htm_file_link,State of Inc,State location,Fiscal Year End,filename\r\n";
  write(tmp.path() / "ok.csv",
        header +
            "320193,\"Apple Inc.\",10-K,2023-11-03,u,i,2023-11-03,2023-09-30,3571,h,CA,CA,0930,"
            "320193_10K_2023_0000320193-23-000106.htm\r\n"
            "100493,\"TYSON \"\"FOODS\"\",\nINC.\",10-K,2023-11-13,u,i,,20230930,2015,h,DE,AR,930,"
            "100493_10K_2023_0000100493-23-000105.htm\r\n"
            "\r\n"
            "72633,Trust,10-K,2023-12-29,u,i,2023-12-29,2023-10-31,6792,h,NH,NH,1031,trust.htm\n"
            "1,Short row,10-K\n");
  const DirectoryMetadata m = read_filings_metadata_csv(tmp.path() / "ok.csv");
  ASSERT_EQ(m.by_file.size(), 3u);  // the short row has no filename
  using Meta = std::map<std::string, std::string>;
  EXPECT_EQ(m.by_file.at("320193_10K_2023_0000320193-23-000106.htm"),
            (Meta{{"cik", "320193"},
                  {"company", "Apple Inc."},
                  {"form", "10-K"},
                  {"filed", "2023-11-03"},
                  {"period", "2023-09-30"},
                  {"sic", "3571"},
                  {"state", "CA"},
                  {"fiscal_year_end", "0930"},
                  {"fiscal_year", "2023"},
                  {"accession", "0000320193-23-000106"}}));
  const Meta& tyson = m.by_file.at("100493_10K_2023_0000100493-23-000105.htm");
  EXPECT_EQ(tyson.at("company"), "TYSON \"FOODS\",\nINC.");
  EXPECT_EQ(tyson.at("filed"), "2023-11-13");  // empty Filing Date: Date
  EXPECT_EQ(tyson.at("period"), "2023-09-30");
  EXPECT_EQ(tyson.at("fiscal_year_end"), "0930");
  EXPECT_FALSE(m.by_file.at("trust.htm").contains("fiscal_year"));

  struct Bad {
    const char* name;
    std::string contents;
    ErrorCode code;
    const char* message;
  };
  const Bad bad[] = {
      {"unterminated.csv", header + "1,\"open\n,x\n", ErrorCode::kParse, "line 2: quoted cell"},
      {"wide.csv", header + "1,2,3,4,5,6,7,8,9,10,11,12,13,f.htm,extra\n", ErrorCode::kParse,
       "line 2: 15 cells"},
      {"nofilename.csv", "CIK,Company\n1,A\n", ErrorCode::kParse, "line 1: no 'filename'"},
      {"empty.csv", "", ErrorCode::kParse, "line 1: no header"},
      {"stray.csv", header + "1,ab\"c\",x\n", ErrorCode::kParse, "line 2: quote inside"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.name);
    write(tmp.path() / b.name, b.contents);
    const auto e = error_of([&] { read_filings_metadata_csv(tmp.path() / b.name); });
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code(), b.code);
    EXPECT_EQ(e->path(), (tmp.path() / b.name).string());
    EXPECT_NE(e->message().find(b.message), std::string::npos) << e->message();
  }
  const auto missing = error_of([&] { read_filings_metadata_csv(tmp.path() / "none.csv"); });
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->code(), ErrorCode::kIo);
}

TEST(FilingMetadata, SecEdgarDownloaderLayout) {
  using Meta = std::map<std::string, std::string>;
  struct Case {
    const char* path;
    Meta want;
  };
  const Case cases[] = {
      {"sec-edgar-filings/AAPL/10-K/0000320193-19-000119/full-submission.txt",
       {{"ticker", "AAPL"}, {"form", "10-K"}, {"accession", "0000320193-19-000119"}}},
      {"/data/sec-edgar-filings/0000320193/8-K/000032019319000119/primary-document.html",
       {{"cik", "320193"}, {"form", "8-K"}, {"accession", "0000320193-19-000119"}}},
      {"dl/MSFT/10-Q/0000789019-20-000010.txt",
       {{"ticker", "MSFT"}, {"form", "10-Q"}, {"accession", "0000789019-20-000010"}}},
      {"AAPL/10-K/0000320193-19-000119/primary-document.htm",
       {{"ticker", "AAPL"}, {"form", "10-K"}, {"accession", "0000320193-19-000119"}}},
      {"AAPL/10-K/not-an-accession/full-submission.txt", {}},
      {"AAPL/10-K/0000320193-19-000119/other.txt", {}},
      {"10-K/0000320193-19-000119/full-submission.txt", {}},  // no ticker folder
      {"full-submission.txt", {}},
      {"AAPL/10-K/0000320193-19-000119/primary-document.pdf", {}},
      {"320193_10K_2023_0000320193-23-000106.htm", {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(metadata_from_layout(c.path), c.want) << c.path;
}

}  // namespace
}  // namespace secnlp::corpora
