#!/usr/bin/env python3
"""Generate the sample filings of the fictional Northwind Harbor Logistics, Inc.

Run from anywhere with Debian's Python 3 (standard library only; output is deterministic):

    /usr/bin/python3 samples/make_samples.py

It rewrites samples/northwind/: three inline-XBRL-style 10-K primary documents (FY2022-2024),
one plain-text 10-K for FY1999, and FILINGS_METADATA.csv in edgar-crawler's column layout.
The prose lives in samples/gen/ (business.py, risks.py, mdna.py, fs.py, items_misc.py,
legacy1999.py); the numbers come from the financial model in samples/gen/fin.py, so that the
statements agree with each other and with the text in every year.
"""

import csv
import io
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "gen"))

import business  # noqa: E402
import fs  # noqa: E402
import items_misc as im  # noqa: E402
import legacy1999  # noqa: E402
import mdna  # noqa: E402
import risks  # noqa: E402
from ctx import Ctx, P, UL  # noqa: E402
from render import Html, tx, words  # noqa: E402

OUT = os.path.join(HERE, "northwind")
CIK = "0009990001"
FILINGS = {
    2022: dict(acc="0009990001-23-000011", filed="2023-02-24", shares="40,318,442",
               shares_date="February 10, 2023", float_="2,412,604,000",
               float_text="$2.41 billion"),
    2023: dict(acc="0009990001-24-000009", filed="2024-02-23", shares="38,907,115",
               shares_date="February 9, 2024", float_="2,281,377,000",
               float_text="$2.28 billion"),
    2024: dict(acc="0009990001-25-000012", filed="2025-02-21", shares="39,106,870",
               shares_date="February 7, 2025", float_="2,053,918,000",
               float_text="$2.05 billion"),
}
PAGE_WORDS = 620


def forward_looking(c):
    return [P("This Annual Report on Form 10-K contains forward-looking statements within the "
              "meaning of Section 27A of the Securities Act of 1933 and Section 21E of the "
              "Securities Exchange Act of 1934. Forward-looking statements are statements that "
              "are not historical facts and can be identified by words such as \"anticipate,\" "
              "\"believe,\" \"could,\" \"estimate,\" \"expect,\" \"intend,\" \"may,\" \"plan,\" "
              "\"should,\" \"will\" and similar expressions. They include statements about our "
              "expected financial results, freight demand, capital expenditures, "
              + c.v({2022: "the replacement of our transportation management system, ",
                     2023: "the migration of our systems and the recovery from the 2023 "
                           "ransomware incident, ",
                     2024: "the integration and expected benefits of the Cascade acquisition, "
                           "the ratification of the longshore master contract, the effect of "
                           "tariffs, "})
              + "our emissions goals and the outcome of legal proceedings. These statements are "
              "based on our current expectations and are subject to risks and uncertainties that "
              "could cause actual results to differ materially, including those described in "
              "Item 1A, Risk Factors. Among these are:"),
            UL(c.v({2022: ["the level of import volumes through the ports we serve and the "
                           "pace of the inventory correction;",
                           "fuel prices, inflation and interest rates;",
                           "the availability and cost of drivers, owner-operators and equipment;",
                           "labor relations at the ports we serve;",
                           "the outcome of litigation regarding the classification of "
                           "owner-operators; and",
                           "cybersecurity threats and the performance of our information "
                           "systems."],
                    2023: ["the timing of a recovery in freight demand;",
                           "fuel prices, inflation and interest rates;",
                           "the availability and cost of drivers, owner-operators and equipment;",
                           "the negotiation of the East and Gulf Coast longshore contract that "
                           "expires in September 2024;",
                           "new environmental and climate disclosure regulations;",
                           "the outcome of pending litigation; and",
                           "cybersecurity threats, including the possibility of further "
                           "incidents."],
                    2024: ["tariffs and other changes in trade policy;",
                           "the ratification of the longshore master contract and any future "
                           "port labor disruptions;",
                           "our ability to integrate Cascade and to realize the expected "
                           "benefits of the acquisition;",
                           "our increased indebtedness and our compliance with its covenants;",
                           "the negotiation of our first collective bargaining agreement;",
                           "severe weather, including hurricanes; and",
                           "cybersecurity threats and the performance of our information "
                           "systems."]})),
            P("Forward-looking statements speak only as of the date of this report, and we "
              "undertake no obligation to update them, except as required by law.")]


def items(fy):
    """(part, anchor, label, title, fn) in filing order."""
    I = []
    I += [("PART I", "i1", "Item 1.", "Business", business.item1),
          ("PART I", "i1a", "Item 1A.", "Risk Factors", risks.item1a),
          ("PART I", "i1b", "Item 1B.", "Unresolved Staff Comments", im.item1b)]
    if fy >= 2023:
        I.append(("PART I", "i1c", "Item 1C.", "Cybersecurity", im.item1c))
    I += [("PART I", "i2", "Item 2.", "Properties", im.item2),
          ("PART I", "i3", "Item 3.", "Legal Proceedings", im.item3),
          ("PART I", "i4", "Item 4.", "Mine Safety Disclosures", im.item4),
          ("PART II", "i5", "Item 5.", "Market for Registrant's Common Equity, Related "
           "Stockholder Matters and Issuer Purchases of Equity Securities", im.item5),
          ("PART II", "i6", "Item 6.", "[Reserved]", lambda c: []),
          ("PART II", "i7", "Item 7.", "Management's Discussion and Analysis of Financial "
           "Condition and Results of Operations", mdna.item7),
          ("PART II", "i7a", "Item 7A.", "Quantitative and Qualitative Disclosures About Market "
           "Risk", mdna.item7a),
          ("PART II", "i8", "Item 8.", "Financial Statements and Supplementary Data", fs.item8),
          ("PART II", "i9", "Item 9.", "Changes in and Disagreements with Accountants on "
           "Accounting and Financial Disclosure", im.item9),
          ("PART II", "i9a", "Item 9A.", "Controls and Procedures", im.item9a),
          ("PART II", "i9b", "Item 9B.", "Other Information", im.item9b),
          ("PART II", "i9c", "Item 9C.", "Disclosure Regarding Foreign Jurisdictions that "
           "Prevent Inspections", im.item9c),
          ("PART III", "i10", "Item 10.", "Directors, Executive Officers and Corporate "
           "Governance", im.item10),
          ("PART III", "i11", "Item 11.", "Executive Compensation", im.item_proxy("")),
          ("PART III", "i12", "Item 12.", "Security Ownership of Certain Beneficial Owners and "
           "Management and Related Stockholder Matters",
           im.item_proxy(", including information about securities authorized for issuance "
                         "under equity compensation plans,")),
          ("PART III", "i13", "Item 13.", "Certain Relationships and Related Transactions, and "
           "Director Independence", im.item_proxy("")),
          ("PART III", "i14", "Item 14.", "Principal Accountant Fees and Services",
           im.item_proxy("")),
          ("PART IV", "i15", "Item 15.", "Exhibits and Financial Statement Schedules",
           im.item15),
          ("PART IV", "i16", "Item 16.", "Form 10-K Summary", im.item16)]
    return I


def ix_header(c, h):
    fy, info = c.fy, FILINGS[c.fy]
    n = [0]

    def nn(name, value, ctx=None):
        n[0] += 1
        return (f'<ix:nonNumeric contextRef="{ctx or "c-FY%d" % fy}" name="{name}" '
                f'id="h-{n[0]}">{value}</ix:nonNumeric>')

    facts = [nn("dei:DocumentType", "10-K"), nn("dei:DocumentAnnualReport", "true"),
             nn("dei:DocumentPeriodEndDate", f"{fy}-12-31"),
             nn("dei:DocumentFiscalYearFocus", str(fy)),
             nn("dei:DocumentFiscalPeriodFocus", "FY"),
             nn("dei:CurrentFiscalYearEndDate", "--12-31"),
             nn("dei:AmendmentFlag", "false"), nn("dei:DocumentTransitionReport", "false"),
             nn("dei:EntityRegistrantName", "Northwind Harbor Logistics, Inc."),
             nn("dei:EntityCentralIndexKey", CIK), nn("dei:EntityFileNumber", "000-28417"),
             nn("dei:EntityIncorporationStateCountryCode", "DE"),
             nn("dei:EntityTaxIdentificationNumber", "54-1789032"),
             nn("dei:EntityAddressAddressLine1", "1200 Water Street, Suite 900"),
             nn("dei:EntityAddressCityOrTown", "Norfolk"),
             nn("dei:EntityAddressStateOrProvince", "VA"),
             nn("dei:EntityAddressPostalZipCode", "23510"),
             nn("dei:EntityFilerCategory", "Large Accelerated Filer"),
             nn("dei:EntityWellKnownSeasonedIssuer", "Yes"),
             nn("dei:EntityVoluntaryFilers", "No"),
             nn("dei:EntityCurrentReportingStatus", "Yes"),
             nn("dei:EntityInteractiveDataCurrent", "Yes"),
             nn("dei:EntityShellCompany", "false"), nn("dei:EntitySmallBusiness", "false"),
             nn("dei:EntityEmergingGrowthCompany", "false"),
             nn("dei:IcfrAuditorAttestationFlag", "true"),
             nn("dei:AuditorName", "Whitcombe &amp; Larkin LLP"),
             nn("dei:AuditorLocation", "Richmond, Virginia"), nn("dei:AuditorFirmId", "4417"),
             nn("dei:Security12bTitle", "Common Stock, par value $0.01 per share"),
             nn("dei:TradingSymbol", "NWHL"), nn("dei:SecurityExchangeName", "NASDAQ"),
             f'<ix:nonFraction unitRef="usd" contextRef="c-J{fy}" decimals="-3" '
             f'name="dei:EntityPublicFloat" scale="0" id="h-float">{info["float_"]}'
             "</ix:nonFraction>",
             f'<ix:nonFraction unitRef="shares" contextRef="c-S{fy}" decimals="INF" '
             f'name="dei:EntityCommonStockSharesOutstanding" scale="0" id="h-shares">'
             f'{info["shares"]}</ix:nonFraction>']
    ent = (f'<xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">{CIK}'
           "</xbrli:identifier></xbrli:entity>")
    ctxs = []
    for y in range(fy - 2, fy + 1):
        ctxs.append(f'<xbrli:context id="c-FY{y}">{ent}<xbrli:period><xbrli:startDate>{y}-01-01'
                    f"</xbrli:startDate><xbrli:endDate>{y}-12-31</xbrli:endDate></xbrli:period>"
                    "</xbrli:context>")
    for y in range(fy - 3, fy + 1):
        ctxs.append(f'<xbrli:context id="c-I{y}">{ent}<xbrli:period><xbrli:instant>{y}-12-31'
                    "</xbrli:instant></xbrli:period></xbrli:context>")
    ctxs.append(f'<xbrli:context id="c-J{fy}">{ent}<xbrli:period><xbrli:instant>{fy}-06-30'
                "</xbrli:instant></xbrli:period></xbrli:context>")
    sd = {2022: "2023-02-10", 2023: "2024-02-09", 2024: "2025-02-07"}[fy]
    ctxs.append(f'<xbrli:context id="c-S{fy}">{ent}<xbrli:period><xbrli:instant>{sd}'
                "</xbrli:instant></xbrli:period></xbrli:context>")
    units = ('<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>'
             '<xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>'
             '<xbrli:unit id="usdPerShare"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>'
             "iso4217:USD</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator>"
             "<xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator></xbrli:divide>"
             "</xbrli:unit>")
    return ('<div style="display:none"><ix:header><ix:hidden>' + "".join(facts)
            + "</ix:hidden><ix:references>"
            f'<link:schemaRef xlink:type="simple" xlink:href="nwhl-{fy}1231.xsd"/>'
            "</ix:references><ix:resources>" + "".join(ctxs) + units
            + "</ix:resources></ix:header></div>")


def cover(c, h):
    fy, info = c.fy, FILINGS[c.fy]
    X, O = "&#9746;", "&#9744;"

    def line(text, align="center", weight=400, size=None):
        return (f'<div style="text-align:{align};margin-top:3pt">'
                f"{h.span(text, weight, size=size)}</div>")

    def check(q, yes):
        return line(f"{q} Yes&#160;{X if yes else O}&#160;&#160;No&#160;{O if yes else X}",
                    align="justify")

    out = [line("UNITED STATES", weight=700, size="12pt"),
           line("SECURITIES AND EXCHANGE COMMISSION", weight=700, size="12pt"),
           line("Washington, D.C. 20549"), '<hr style="border:1pt solid #000000"/>',
           line("FORM 10-K", weight=700, size="14pt"),
           '<hr style="border:1pt solid #000000"/>',
           '<table style="width:100%"><tr><td style="width:5%;vertical-align:top">'
           f'{h.span(X)}</td><td>{h.span("ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934", 700)}</td></tr></table>',
           line(f"For the fiscal year ended December 31, {fy}"), line("OR"),
           '<table style="width:100%"><tr><td style="width:5%;vertical-align:top">'
           f'{h.span(O)}</td><td>{h.span("TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934", 700)}</td></tr></table>',
           line("For the transition period from ____________ to ____________"),
           line("Commission File Number: 000-28417"),
           line("NORTHWIND HARBOR LOGISTICS, INC.", weight=700, size="16pt"),
           line("(Exact name of registrant as specified in its charter)", size="8pt"),
           '<table style="width:100%;margin-top:8pt"><tr>'
           f'<td style="width:50%;text-align:center">{h.span("Delaware")}</td>'
           f'<td style="width:50%;text-align:center">{h.span("54-1789032")}</td></tr><tr>'
           f'<td style="text-align:center">{h.span("(State or other jurisdiction of incorporation or organization)", size="8pt")}</td>'
           f'<td style="text-align:center">{h.span("(I.R.S. Employer Identification No.)", size="8pt")}</td></tr></table>',
           line("1200 Water Street, Suite 900, Norfolk, Virginia 23510"),
           line("(Address of principal executive offices, including zip code)", size="8pt"),
           line("(757) 555-0142"),
           line("(Registrant&#8217;s telephone number, including area code)", size="8pt"),
           line("Securities registered pursuant to Section 12(b) of the Act:", align="left"),
           '<table style="width:100%;border-collapse:collapse"><tr>'
           f'<td style="border-bottom:1pt solid #000000">{h.span("Title of each class", 700)}</td>'
           f'<td style="border-bottom:1pt solid #000000">{h.span("Trading Symbol(s)", 700)}</td>'
           f'<td style="border-bottom:1pt solid #000000">{h.span("Name of each exchange on which registered", 700)}</td></tr>'
           f'<tr><td>{h.span("Common Stock, par value $0.01 per share")}</td>'
           f'<td>{h.span("NWHL")}</td><td>{h.span("The Nasdaq Stock Market LLC")}</td></tr></table>',
           line("Securities registered pursuant to Section 12(g) of the Act: None", align="left"),
           check("Indicate by check mark if the registrant is a well-known seasoned issuer, as "
                 "defined in Rule 405 of the Securities Act.", True),
           check("Indicate by check mark if the registrant is not required to file reports "
                 "pursuant to Section 13 or Section 15(d) of the Act.", False),
           check("Indicate by check mark whether the registrant (1) has filed all reports "
                 "required to be filed by Section 13 or 15(d) of the Securities Exchange Act of "
                 "1934 during the preceding 12 months (or for such shorter period that the "
                 "registrant was required to file such reports), and (2) has been subject to "
                 "such filing requirements for the past 90 days.", True),
           check("Indicate by check mark whether the registrant has submitted electronically "
                 "every Interactive Data File required to be submitted pursuant to Rule 405 of "
                 "Regulation S-T during the preceding 12 months.", True),
           line("Indicate by check mark whether the registrant is a large accelerated filer, an "
                "accelerated filer, a non-accelerated filer, a smaller reporting company, or an "
                "emerging growth company. See the definitions in Rule 12b-2 of the Exchange Act.",
                align="justify"),
           f'<table style="width:100%"><tr><td>{h.span("Large accelerated filer " + X)}</td>'
           f'<td>{h.span("Accelerated filer " + O)}</td><td>{h.span("Non-accelerated filer " + O)}</td>'
           f'<td>{h.span("Smaller reporting company " + O)}</td><td>{h.span("Emerging growth company " + O)}</td></tr></table>',
           line("Indicate by check mark whether the registrant has filed a report on and "
                "attestation to its management&#8217;s assessment of the effectiveness of its "
                "internal control over financial reporting under Section 404(b) of the "
                "Sarbanes-Oxley Act by the registered public accounting firm that prepared or "
                f"issued its audit report. {X}", align="justify"),
           line("If securities are registered pursuant to Section 12(b) of the Act, indicate by "
                "check mark whether the financial statements of the registrant included in the "
                f"filing reflect the correction of an error to previously issued financial "
                f"statements. {O}", align="justify"),
           line("Indicate by check mark whether any of those error corrections are restatements "
                "that required a recovery analysis of incentive-based compensation received by "
                "any of the registrant&#8217;s executive officers during the relevant recovery "
                f"period pursuant to &#167;240.10D-1(b). {O}", align="justify"),
           check("Indicate by check mark whether the registrant is a shell company (as defined "
                 "in Rule 12b-2 of the Act).", False).replace(f"Yes&#160;{X}", f"Yes&#160;{O}")
           .replace(f"No&#160;{O}", f"No&#160;{X}", 1),
           line(f"The aggregate market value of the registrant&#8217;s common stock held by "
                f"non-affiliates, computed by reference to the closing price on the Nasdaq "
                f"Global Select Market on June 30, {fy}, the last business day of the "
                f"registrant&#8217;s most recently completed second fiscal quarter, was "
                f"approximately {info['float_text']}.", align="justify"),
           line(f"As of {info['shares_date']}, there were {info['shares']} shares of the "
                "registrant&#8217;s common stock outstanding.", align="justify"),
           line("DOCUMENTS INCORPORATED BY REFERENCE", weight=700),
           line(f"Portions of the registrant&#8217;s definitive Proxy Statement for its "
                f"{fy + 1} Annual Meeting of Stockholders are incorporated by reference into "
                "Part III of this Annual Report on Form 10-K.", align="justify")]
    return "".join(out)


def toc(items_, pages, h):
    rows = ['<div id="toc" style="text-align:center;margin-top:6pt">'
            f'{h.span("TABLE OF CONTENTS", 700)}</div>',
            '<table style="border-collapse:collapse;width:100%;margin-top:6pt"><tr>'
            '<td style="width:12%"></td><td style="width:78%"></td>'
            f'<td style="width:10%;text-align:right">{h.span("Page", 700)}</td></tr>']
    rows.append(f'<tr><td colspan="2"><a href="#fls">{h.span("Forward-Looking Statements")}'
                f'</a></td><td style="text-align:right">{h.span(str(pages["fls"]))}</td></tr>')
    part = None
    for pt, anchor, label, title, _ in items_:
        if pt != part:
            part = pt
            pa = "p" + str(["PART I", "PART II", "PART III", "PART IV"].index(pt) + 1)
            rows.append(f'<tr><td colspan="3" style="text-align:center;padding-top:6pt">'
                        f'<a href="#{pa}">{h.span(pt, 700)}</a></td></tr>')
        rows.append(f'<tr><td>{h.span(label)}</td><td><a href="#{anchor}">'
                    f'{h.span(tx(title))}</a></td>'
                    f'<td style="text-align:right">{h.span(str(pages[anchor]))}</td></tr>')
    rows.append(f'<tr><td colspan="2" style="padding-top:6pt"><a href="#sig">'
                f'{h.span("Signatures")}</a></td>'
                f'<td style="text-align:right">{h.span(str(pages["sig"]))}</td></tr></table>')
    return "".join(rows)


def build_10k(fy):
    c = Ctx(fy)
    h = Html(fy)
    its = items(fy)
    # Sequence of (kind, payload): ('anchor_html', html, anchor) or ('block', block) or ('break',)
    seq = [("html", f'<div id="fls"></div>', "fls"),
           ("block", ("h2", "FORWARD-LOOKING STATEMENTS"))]
    seq += [("block", b) for b in forward_looking(c)]
    part = None
    for pt, anchor, label, title, fn in its:
        if pt != part:
            part = pt
            pa = "p" + str(["PART I", "PART II", "PART III", "PART IV"].index(pt) + 1)
            seq.append(("break",))
            seq.append(("html", h.part_heading(pa, pt), pa))
        seq.append(("html", h.item_heading(anchor, label, title), anchor))
        for blk in fn(c):
            seq.append(("break",) if blk[0] == "pb" else ("block", blk))
    seq.append(("break",))
    seq.append(("html", h.part_heading("sig", "SIGNATURES"), "sig"))
    seq += [("block", b) for b in im.signatures(c)]

    pages, body, page, count = {}, [], 1, 0
    h.fact_id = 0
    first = True
    for s in seq:
        if s[0] == "break":
            if count == 0:
                continue
            body.append(h.footer(page) + h.page_break() + h.page_top())
            page, count = page + 1, 0
            continue
        if s[0] == "html":
            pages[s[2]] = page
            body.append(s[1])
            count += 8
            continue
        w = words(s[1])
        lookahead = 120 if s[1][0] in ("h2", "h3", "hc") else 0  # keep headings with text
        if count + w + lookahead > PAGE_WORDS and count > 150:
            body.append(h.footer(page) + h.page_break() + h.page_top())
            page, count = page + 1, 0
        body.append(h.block(s[1]))
        count += w
    body.append(h.footer(page))
    head = ('<?xml version="1.0" encoding="utf-8"?>\n'
            "<!-- Sample document of the secnlp project. Northwind Harbor Logistics, Inc. is a "
            "fictional company; every name, number and event concerning it is invented. -->\n"
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
            'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217" '
            f'xmlns:us-gaap="http://fasb.org/us-gaap/{fy}" xmlns:dei="http://xbrl.sec.gov/dei/{fy}" '
            'xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" '
            f'xmlns:nwhl="http://www.northwindharbor.example/{fy}1231" xml:lang="en-US">\n'
            '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n'
            f"<title>nwhl-{fy}1231</title></head>\n"
            '<body style="padding:8px;margin:auto!important;max-width:8.5in">\n')
    html_ = (head + ix_header(c, h) + "\n" + cover(c, h) + h.page_break() + "\n"
             + toc(its, pages, h) + h.page_break() + "\n" + "\n".join(body)
             + "\n</body></html>\n")
    return html_


def metadata_rows():
    rows = []
    base = "https://www.sec.gov/Archives/edgar/data/9990001/"
    specs = [(1999, "0009990001-00-000004", "2000-03-24", "nwhl-10k1999.txt",
              legacy1999.FILENAME)]
    for fy, info in FILINGS.items():
        specs.append((fy, info["acc"], info["filed"], f"nwhl-{fy}1231.htm",
                      f"9990001_10K_{fy}_{info['acc']}.htm"))
    for fy, acc, filed, doc, fname in specs:
        rows.append([9990001, "NORTHWIND HARBOR LOGISTICS, INC.", "10-K", filed,
                     f"{base}{acc}.txt", f"{base}{acc}-index.html", filed, f"{fy}-12-31", 4731,
                     f"{base}{acc.replace('-', '')}/{doc}", "DE", "VA", "1231", fname])
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    for fy, info in FILINGS.items():
        path = os.path.join(OUT, f"9990001_10K_{fy}_{info['acc']}.htm")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(build_10k(fy))
        print("wrote", os.path.relpath(path, HERE))
    path = os.path.join(OUT, legacy1999.FILENAME)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(legacy1999.build())
    print("wrote", os.path.relpath(path, HERE))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["CIK", "Company", "Type", "Date", "complete_text_file_link", "html_index",
                "Filing Date", "Period of Report", "SIC", "htm_file_link", "State of Inc",
                "State location", "Fiscal Year End", "filename"])
    for r in metadata_rows():
        w.writerow(r)
    with open(os.path.join(OUT, "FILINGS_METADATA.csv"), "w", encoding="utf-8",
              newline="") as f:
        f.write(buf.getvalue())
    print("wrote northwind/FILINGS_METADATA.csv")


if __name__ == "__main__":
    main()
