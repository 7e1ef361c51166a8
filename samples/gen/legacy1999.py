"""The FY1999 10-K as a plain-text EDGAR submission of the period (hard-wrapped, dashed tables).

Amounts are in thousands; the statements are computed below so that they add up."""

import textwrap

FILENAME = "9990001_10K_1999_0009990001-00-000004.txt"
W = 70

# ---- 1999 financial model (thousands)
REV = {1997: 141212, 1998: 163870, 1999: 186431}
SEG = {"dray": {1997: 112004, 1998: 128911, 1999: 144206},
       "depot": {1997: 29208, 1998: 34959, 1999: 42225}}
EXP = {  # share of revenue
    "Purchased transportation": {1997: .318, 1998: .322, 1999: .331},
    "Salaries, wages and benefits": {1997: .312, 1998: .309, 1999: .301},
    "Fuel and fuel taxes": {1997: .062, 1998: .051, 1999: .058},
    "Operating supplies and maintenance": {1997: .061, 1998: .060, 1999: .059},
    "Insurance and claims": {1997: .036, 1998: .035, 1999: .037},
    "Rents and purchased services": {1997: .044, 1998: .046, 1999: .047},
    "Depreciation and amortization": {1997: .052, 1998: .054, 1999: .055},
    "Other operating expenses": {1997: .027, 1998: .028, 1999: .022},
}
INTEREST = {1997: 2114, 1998: 2388, 1999: 2951}
TAXRATE = .385
SHARES = {1997: 11402, 1998: 11488, 1999: 11530}
DIL = {1997: 11655, 1998: 11731, 1999: 11748}


def r(x):
    return int(round(x))


def model():
    m = {}
    for y in REV:
        d = {"rev": REV[y]}
        d["exp"] = {k: r(REV[y] * v[y]) for k, v in EXP.items()}
        d["opex"] = sum(d["exp"].values())
        d["oi"] = d["rev"] - d["opex"]
        d["interest"] = INTEREST[y]
        d["pretax"] = d["oi"] - d["interest"]
        d["tax"] = r(d["pretax"] * TAXRATE)
        d["ni"] = d["pretax"] - d["tax"]
        d["eps"] = d["ni"] / SHARES[y]
        d["epsd"] = d["ni"] / DIL[y]
        m[y] = d
    return m


M = model()


def para(text, indent=5):
    return textwrap.fill(" " * indent + " ".join(text.split()), W) + "\n"


def center(text):
    return text.center(W).rstrip() + "\n"


def head(text):
    return "\n" + text + "\n\n"


def table(headers, rows, label_w=34, col_w=11):
    """Dashed-line table; rows are (label, [values]) with values pre-formatted strings, or
    ('-', None) for a dashed rule under the numbers, or ('=', None) for a double rule."""
    out = []
    for hl in headers:
        out.append(" " * label_w + "".join(h.rjust(col_w) for h in hl))
    ncol = len(headers[-1])
    out.append(" " * label_w + "".join(("-" * (col_w - 2)).rjust(col_w) for _ in range(ncol)))
    for label, vals in rows:
        if label in ("-", "="):
            out.append(" " * label_w + "".join((label * (col_w - 2)).rjust(col_w)
                                               for _ in range(ncol)))
            continue
        lab = label if len(label) <= label_w - 1 else label[:label_w - 1]
        if vals is None:
            out.append(lab)
            continue
        out.append(lab.ljust(label_w, ".") if vals and lab.strip() else lab.ljust(label_w))
        out[-1] = out[-1][:label_w] + "".join(v.rjust(col_w) for v in vals)
    return "\n".join(s.rstrip() for s in out) + "\n"


def n(v, dollar=False):
    s = f"{abs(v):,}"
    s = f"({s})" if v < 0 else s + " "
    return ("$" + s) if dollar else s


class Pager:
    def __init__(self):
        self.out, self.lines, self.page = [], 0, 1

    def add(self, text):
        if text.endswith("\n\n"):
            text = text[:-1]
        for line in text.split("\n"):
            self.out.append(line)
            self.lines += 1
            if self.lines >= 56 and line == "":
                self.brk()

    def brk(self):
        self.out += ["", center(str(self.page)).rstrip(), "", "<PAGE>"]
        self.page += 1
        self.lines = 0

    def text(self):
        return "\n".join(self.out) + "\n"


def build():
    m = M
    p = Pager()
    hdr = ("<SEC-DOCUMENT>0009990001-00-000004.txt : 20000324\n"
           "<SEC-HEADER>0009990001-00-000004.hdr.sgml : 20000324\n"
           "ACCESSION NUMBER:\t\t0009990001-00-000004\n"
           "CONFORMED SUBMISSION TYPE:\t10-K\n"
           "PUBLIC DOCUMENT COUNT:\t\t1\n"
           "CONFORMED PERIOD OF REPORT:\t19991231\n"
           "FILED AS OF DATE:\t\t20000324\n\n"
           "FILER:\n\n"
           "\tCOMPANY DATA:\t\n"
           "\t\tCOMPANY CONFORMED NAME:\t\t\tNORTHWIND HARBOR LOGISTICS INC\n"
           "\t\tCENTRAL INDEX KEY:\t\t\t0009990001\n"
           "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tARRANGEMENT OF TRANSPORTATION OF "
           "FREIGHT & CARGO [4731]\n"
           "\t\tIRS NUMBER:\t\t\t\t541789032\n"
           "\t\tSTATE OF INCORPORATION:\t\t\tDE\n"
           "\t\tFISCAL YEAR END:\t\t\t1231\n\n"
           "\tFILING VALUES:\n"
           "\t\tFORM TYPE:\t\t10-K\n"
           "\t\tSEC ACT:\t\t\n"
           "\t\tSEC FILE NUMBER:\t000-28417\n\n"
           "\tBUSINESS ADDRESS:\t\n"
           "\t\tSTREET 1:\t\t1200 WATER STREET\n"
           "\t\tCITY:\t\t\tNORFOLK\n"
           "\t\tSTATE:\t\t\tVA\n"
           "\t\tZIP:\t\t\t23510\n"
           "\t\tBUSINESS PHONE:\t\t7575550142\n"
           "</SEC-HEADER>\n"
           "<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<DESCRIPTION>FORM 10-K\n<TEXT>\n")
    p.out.append(hdr.rstrip("\n"))
    p.add("\n" + center("SECURITIES AND EXCHANGE COMMISSION")
          + center("WASHINGTON, D.C. 20549") + "\n" + center("FORM 10-K") + "\n"
          + "(MARK ONE)\n"
          + "[X]   ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES\n"
          + "      EXCHANGE ACT OF 1934\n\n"
          + "      FOR THE FISCAL YEAR ENDED DECEMBER 31, 1999\n\n" + center("OR") + "\n"
          + "[ ]   TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES\n"
          + "      EXCHANGE ACT OF 1934\n\n"
          + "      FOR THE TRANSITION PERIOD FROM __________ TO __________\n\n"
          + center("COMMISSION FILE NUMBER 000-28417") + "\n"
          + center("NORTHWIND HARBOR LOGISTICS, INC.")
          + center("(Exact name of registrant as specified in its charter)") + "\n"
          + "            DELAWARE                              54-1789032\n"
          + "(State or other jurisdiction of      (I.R.S. Employer Identification No.)\n"
          + " incorporation or organization)\n\n"
          + "  1200 WATER STREET, NORFOLK, VIRGINIA                 23510\n"
          + "(Address of principal executive offices)             (Zip Code)\n\n"
          + center("Registrant's telephone number, including area code: (757) 555-0142")
          + "\n"
          + "Securities registered pursuant to Section 12(b) of the Act: None\n\n"
          + "Securities registered pursuant to Section 12(g) of the Act:\n\n"
          + center("COMMON STOCK, $.01 PAR VALUE") + "\n")
    p.add(para("Indicate by check mark whether the registrant (1) has filed all reports "
               "required to be filed by Section 13 or 15(d) of the Securities Exchange Act of "
               "1934 during the preceding 12 months (or for such shorter period that the "
               "registrant was required to file such reports), and (2) has been subject to "
               "such filing requirements for the past 90 days. Yes  X    No", 5) + "\n")
    p.add(para("Indicate by check mark if disclosure of delinquent filers pursuant to Item 405 "
               "of Regulation S-K is not contained herein, and will not be contained, to the "
               "best of registrant's knowledge, in definitive proxy or information statements "
               "incorporated by reference in Part III of this Form 10-K or any amendment to "
               "this Form 10-K. [ ]", 5) + "\n")
    p.add(para("The aggregate market value of the voting stock held by non-affiliates of the "
               "registrant, based on the closing sale price of the Common Stock on March 10, "
               "2000 as reported on the Nasdaq National Market, was approximately "
               "$118,640,000. As of March 10, 2000, there were 11,547,310 shares of the "
               "registrant's Common Stock outstanding.", 5) + "\n")
    p.add(center("DOCUMENTS INCORPORATED BY REFERENCE") + "\n")
    p.add(para("Portions of the registrant's definitive Proxy Statement for its 2000 Annual "
               "Meeting of Stockholders are incorporated by reference into Part III of this "
               "Report.", 5))
    p.brk()
    p.add(center("TABLE OF CONTENTS") + "\n")
    toc = [("PART I", ""), ("Item 1.", "Business"), ("Item 2.", "Properties"),
           ("Item 3.", "Legal Proceedings"),
           ("Item 4.", "Submission of Matters to a Vote of Security Holders"),
           ("PART II", ""), ("Item 5.", "Market for Registrant's Common Equity and Related"),
           ("", "  Stockholder Matters"), ("Item 6.", "Selected Financial Data"),
           ("Item 7.", "Management's Discussion and Analysis of Financial"),
           ("", "  Condition and Results of Operations"),
           ("Item 7A.", "Quantitative and Qualitative Disclosures About Market Risk"),
           ("Item 8.", "Financial Statements and Supplementary Data"),
           ("Item 9.", "Changes in and Disagreements with Accountants on"),
           ("", "  Accounting and Financial Disclosure"), ("PART III", ""),
           ("Item 10.", "Directors and Executive Officers of the Registrant"),
           ("Item 11.", "Executive Compensation"),
           ("Item 12.", "Security Ownership of Certain Beneficial Owners and"),
           ("", "  Management"), ("Item 13.", "Certain Relationships and Related Transactions"),
           ("PART IV", ""),
           ("Item 14.", "Exhibits, Financial Statement Schedules, and Reports on"),
           ("", "  Form 8-K")]
    for a, b in toc:
        p.add(("          " + a if not b else f"{a:<10}{b}"))
    p.brk()
    p.add(center("PART I") + "\n")
    p.add("ITEM 1.  BUSINESS\n\nGENERAL\n")
    for t in BUSINESS:
        p.add(para(t) + "\n")
    p.add("SERVICES\n")
    for t in SERVICES:
        p.add(para(t) + "\n")
    p.add("CUSTOMERS AND MARKETING\n")
    for t in CUSTOMERS:
        p.add(para(t) + "\n")
    p.add("COMPETITION\n")
    p.add(para(COMPETITION) + "\n")
    p.add("REGULATION\n")
    for t in REGULATION:
        p.add(para(t) + "\n")
    p.add("SAFETY AND INSURANCE\n")
    p.add(para(SAFETY) + "\n")
    p.add("EMPLOYEES\n")
    p.add(para(EMPLOYEES) + "\n")
    p.add("ITEM 2.  PROPERTIES\n")
    p.add(para(PROPERTIES) + "\n")
    rows = [("Norfolk, Virginia (headquarters)", "Leased", "31 acres"),
            ("Baltimore, Maryland", "Owned", "22 acres"),
            ("Charleston, South Carolina", "Leased", "18 acres"),
            ("Savannah, Georgia", "Leased", "27 acres"),
            ("Wilmington, North Carolina", "Leased", "9 acres"),
            ("Jacksonville, Florida", "Leased", "12 acres")]
    p.add("     LOCATION                                  OWNED/LEASED      SIZE\n"
          "     ------------------------------------      ------------   ---------\n"
          + "\n".join(f"     {a:<42}{b:<15}{c:>9}" for a, b, c in rows) + "\n")
    p.add("ITEM 3.  LEGAL PROCEEDINGS\n")
    p.add(para(LEGAL) + "\n")
    p.add("ITEM 4.  SUBMISSION OF MATTERS TO A VOTE OF SECURITY HOLDERS\n")
    p.add(para("No matters were submitted to a vote of security holders during the fourth "
               "quarter of 1999.") + "\n")
    p.add("EXECUTIVE OFFICERS OF THE REGISTRANT\n")
    p.add("     NAME                        AGE   POSITION\n"
          "     -------------------------   ---   ----------------------------------\n"
          "     Thomas W. Abernathy          61   Chairman and Chief Executive Officer\n"
          "     Harold J. Brinkley           54   President and Chief Operating Officer\n"
          "     Carolyn S. Dade              46   Vice President and Chief Financial\n"
          "                                       Officer, Treasurer\n"
          "     Ricardo A. Vance             40   Vice President, Operations\n")
    p.add(para("Mr. Abernathy founded the Company in 1987 and has served as Chairman and Chief "
               "Executive Officer since that time. Mr. Brinkley joined the Company in 1991 and "
               "has served as President since 1995. Ms. Dade joined the Company as Chief "
               "Financial Officer in 1995 after twelve years with a national accounting firm. "
               "Mr. Vance joined the Company as a dispatcher in 1994 and has served in his "
               "current position since 1998.") + "\n")
    p.brk()
    p.add(center("PART II") + "\n")
    p.add("ITEM 5.  MARKET FOR REGISTRANT'S COMMON EQUITY AND RELATED STOCKHOLDER\n"
          "         MATTERS\n")
    p.add(para("The Company's Common Stock has traded on the Nasdaq National Market under the "
               "symbol \"NWHL\" since the Company's initial public offering in May 1996. The "
               "following table sets forth the high and low sale prices for the Common Stock "
               "for the periods indicated, as reported by Nasdaq.") + "\n")
    q = [("1999", ""), ("  First Quarter", "14 1/4   11 1/2"), ("  Second Quarter", "15 7/8   12 3/8"),
         ("  Third Quarter", "16 1/2   13 1/4"), ("  Fourth Quarter", "14 3/4   11 5/8"),
         ("1998", ""), ("  First Quarter", "17 1/8   13 3/4"), ("  Second Quarter", "18 1/2   15 1/4"),
         ("  Third Quarter", "16 3/8   10 7/8"), ("  Fourth Quarter", "13 1/2    9 3/4")]
    p.add("                                            HIGH      LOW\n"
          "                                           ------   ------\n"
          + "\n".join(f"     {a:<36}{b}" for a, b in q) + "\n")
    p.add(para("As of March 10, 2000, there were approximately 310 holders of record of the "
               "Common Stock. The Company has never paid cash dividends on its Common Stock and "
               "currently intends to retain its earnings to finance the growth of its business. "
               "The Company's credit agreement restricts the payment of dividends.") + "\n")
    p.add("ITEM 6.  SELECTED FINANCIAL DATA\n")
    p.add(para("The following selected financial data should be read in conjunction with the "
               "consolidated financial statements and notes thereto and \"Management's "
               "Discussion and Analysis of Financial Condition and Results of Operations\" "
               "included elsewhere in this Report.") + "\n")
    a99, a98, l99, l98, cf = balance_and_cash_flows()
    older = {1995: (96405, 8120, 4430, .44), 1996: (118877, 10204, 5712, .52)}
    rows = []
    yrs = [1999, 1998, 1997, 1996, 1995]
    revs = [m[y]["rev"] if y in m else older[y][0] for y in yrs]
    ois = [m[y]["oi"] if y in m else older[y][1] for y in yrs]
    nis = [m[y]["ni"] if y in m else older[y][2] for y in yrs]
    eps = [f"{m[y]['epsd']:.2f} " if y in m else f"{older[y][3]:.2f} " for y in yrs]
    rows = [("STATEMENT OF INCOME DATA:", None), ("Operating revenues", [n(v) for v in revs]),
            ("Operating income", [n(v) for v in ois]), ("Net income", [n(v) for v in nis]),
            ("Diluted earnings per share", eps), ("", []), ("BALANCE SHEET DATA:", None),
            ("Total assets", [n(v) for v in (a99["tot"], a98["tot"], 98316, 84102, 61277)]),
            ("Long-term debt", [n(v) for v in (38500, 31000, 27250, 24000, 29750)]),
            ("Stockholders' equity", [n(v) for v in (l99["eq"], l98["eq"], 51889, 45311,
                                                     17920)])]
    p.add("                        (IN THOUSANDS, EXCEPT PER SHARE DATA)\n")
    p.add(table([["", "", "YEAR ENDED DECEMBER 31,", "", ""], [str(y) for y in yrs]], rows,
                label_w=27, col_w=9))
    p.add("\nITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND\n"
          "         RESULTS OF OPERATIONS\n\nGENERAL\n")
    for t in MDA_GENERAL:
        p.add(para(t) + "\n")
    p.add(para("The following table sets forth the percentage relationship of certain items "
               "to operating revenues for the periods indicated:") + "\n")
    rows = [("Operating revenues", ["100.0%"] * 3)]
    for k in EXP:
        rows.append(("  " + k, [f"{m[y]['exp'][k] / m[y]['rev'] * 100:.1f} "
                                for y in (1999, 1998, 1997)]))
    rows.append(("-", None))
    rows.append(("Operating ratio", [f"{m[y]['opex'] / m[y]['rev'] * 100:.1f} "
                                     for y in (1999, 1998, 1997)]))
    rows.append(("Operating income", [f"{m[y]['oi'] / m[y]['rev'] * 100:.1f} "
                                      for y in (1999, 1998, 1997)]))
    p.add(table([["1999", "1998", "1997"]], rows, label_w=40, col_w=10) + "\n")
    p.add("1999 COMPARED TO 1998\n")
    d99, d98 = m[1999], m[1998]
    p.add(para(f"Operating revenues increased {(d99['rev'] / d98['rev'] - 1) * 100:.1f}% to "
               f"${d99['rev'] / 1000:.1f} million in 1999 from ${d98['rev'] / 1000:.1f} million "
               "in 1998. Drayage revenues increased 11.9%, reflecting a 9.4% increase in "
               "container moves, primarily at the Ports of Charleston and Savannah, and higher "
               "fuel surcharges in the second half of the year. Container depot and terminal "
               "services revenues increased 20.8%, reflecting the opening of the Company's "
               "second container yard in Savannah in April 1999 and increased chassis "
               "maintenance and repair work for ocean carriers.") + "\n")
    for t in MDA_9998:
        p.add(para(t) + "\n")
    p.add(para(f"As a result of the foregoing, operating income increased to "
               f"${d99['oi'] / 1000:.1f} million in 1999 from ${d98['oi'] / 1000:.1f} million "
               f"in 1998, and net income increased to ${d99['ni'] / 1000:.1f} million, or "
               f"${d99['epsd']:.2f} per diluted share, from ${d98['ni'] / 1000:.1f} million, or "
               f"${d98['epsd']:.2f} per diluted share.") + "\n")
    p.add("1998 COMPARED TO 1997\n")
    d97 = m[1997]
    p.add(para(f"Operating revenues increased {(d98['rev'] / d97['rev'] - 1) * 100:.1f}% to "
               f"${d98['rev'] / 1000:.1f} million in 1998, reflecting growth in container "
               "volumes at all of the Company's ports except Wilmington and the full-year "
               "effect of the Company's Jacksonville terminal, which opened in September 1997. "
               "Fuel and fuel taxes decreased as a percentage of revenues because of lower "
               "diesel fuel prices. Net income increased to "
               f"${d98['ni'] / 1000:.1f} million from ${d97['ni'] / 1000:.1f} million.") + "\n")
    p.add("QUARTERLY RESULTS\n")
    p.add(para("The following table sets forth unaudited quarterly operating data for 1999. "
               "The Company's business is seasonal, and results for any quarter are not "
               "necessarily indicative of results for a full year.") + "\n")
    qs = [.231, .247, .266]
    qrev = [r(m[1999]["rev"] * x) for x in qs]
    qrev.append(m[1999]["rev"] - sum(qrev))
    qoi = [r(m[1999]["oi"] * x) for x in (.196, .251, .297)]
    qoi.append(m[1999]["oi"] - sum(qoi))
    qni = [r(m[1999]["ni"] * x) for x in (.187, .253, .304)]
    qni.append(m[1999]["ni"] - sum(qni))
    p.add(table([["FIRST", "SECOND", "THIRD", "FOURTH"], ["QUARTER", "QUARTER", "QUARTER",
                                                         "QUARTER"]],
                [("Operating revenues", [n(v) for v in qrev]),
                 ("Operating income", [n(v) for v in qoi]),
                 ("Net income", [n(v) for v in qni])], label_w=26, col_w=11) + "\n")
    p.add("LIQUIDITY AND CAPITAL RESOURCES\n")
    a99, a98, l99, l98, cf = balance_and_cash_flows()
    for t in LIQUIDITY:
        p.add(para(t.format(cfo=f"${cf['cfo'] / 1000:.1f}", capex=f"${cf['capex'] / 1000:.1f}"))
              + "\n")
    p.add("YEAR 2000\n")
    for t in Y2K:
        p.add(para(t) + "\n")
    p.add("FACTORS THAT MAY AFFECT FUTURE RESULTS\n")
    for t in FACTORS:
        p.add(para(t) + "\n")
    p.add("ITEM 7A.  QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK\n")
    p.add(para("The Company is exposed to market risk from changes in interest rates on its "
               "variable rate borrowings under its revolving credit agreement and from changes "
               "in the price of diesel fuel. At December 31, 1999, the Company had $38.5 "
               "million of variable rate borrowings outstanding; a hypothetical one percentage "
               "point increase in interest rates would have increased interest expense by "
               "approximately $385,000 on an annual basis. The Company does not use derivative "
               "financial instruments to manage these risks.") + "\n")
    p.brk()
    p.add("ITEM 8.  FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA\n")
    p.add(center("REPORT OF INDEPENDENT ACCOUNTANTS") + "\n")
    p.add("To the Board of Directors and Stockholders of\nNorthwind Harbor Logistics, Inc.\n")
    for t in AUDIT:
        p.add(para(t) + "\n")
    p.add("/s/ Brandywine Moss & Co. LLP\n\nNorfolk, Virginia\nFebruary 11, 2000\n")
    p.brk()
    p.add(center("NORTHWIND HARBOR LOGISTICS, INC.")
          + center("CONSOLIDATED STATEMENTS OF INCOME")
          + center("(IN THOUSANDS, EXCEPT PER SHARE DATA)") + "\n")
    ys = (1999, 1998, 1997)
    rows = [("Operating revenues:", None),
            ("  Drayage", [n(SEG["dray"][y], True) for y in ys]),
            ("  Container depot and terminal", [n(SEG["depot"][y]) for y in ys]),
            ("-", None), ("    Total operating revenues", [n(m[y]["rev"]) for y in ys]),
            ("-", None), ("Operating expenses:", None)]
    for k in EXP:
        rows.append(("  " + k, [n(m[y]["exp"][k]) for y in ys]))
    rows += [("-", None), ("    Total operating expenses", [n(m[y]["opex"]) for y in ys]),
             ("-", None), ("Operating income", [n(m[y]["oi"]) for y in ys]),
             ("Interest expense", [n(-m[y]["interest"]) for y in ys]), ("-", None),
             ("Income before income taxes", [n(m[y]["pretax"]) for y in ys]),
             ("Provision for income taxes", [n(m[y]["tax"]) for y in ys]), ("-", None),
             ("Net income", [n(m[y]["ni"], True) for y in ys]), ("=", None),
             ("Basic earnings per share", [f"${m[y]['eps']:.2f} " for y in ys]),
             ("Diluted earnings per share", [f"${m[y]['epsd']:.2f} " for y in ys]),
             ("Weighted average shares:", None),
             ("  Basic", [n(SHARES[y]) for y in ys]), ("  Diluted", [n(DIL[y]) for y in ys])]
    p.add(table([["YEAR ENDED DECEMBER 31,", "", ""], ["1999", "1998", "1997"]], rows,
                label_w=38, col_w=11))
    p.add("\n" + center("See accompanying notes to consolidated financial statements."))
    p.brk()
    p.add(center("NORTHWIND HARBOR LOGISTICS, INC.") + center("CONSOLIDATED BALANCE SHEETS")
          + center("(IN THOUSANDS, EXCEPT SHARE DATA)") + "\n")
    a99, a98, l99, l98, cf = balance_and_cash_flows()
    rows = [("ASSETS", None), ("Current assets:", None),
            ("  Cash and cash equivalents", [n(a99["cash"], True), n(a98["cash"], True)]),
            ("  Accounts receivable, net", [n(a99["ar"]), n(a98["ar"])]),
            ("  Prepaid expenses and other", [n(a99["prep"]), n(a98["prep"])]), ("-", None),
            ("    Total current assets", [n(a99["cur"]), n(a98["cur"])]),
            ("Property and equipment, net", [n(a99["ppe"]), n(a98["ppe"])]),
            ("Goodwill, net", [n(a99["gw"]), n(a98["gw"])]),
            ("Other assets", [n(a99["oth"]), n(a98["oth"])]), ("-", None),
            ("    Total assets", [n(a99["tot"], True), n(a98["tot"], True)]), ("=", None),
            ("LIABILITIES AND STOCKHOLDERS' EQUITY", None), ("Current liabilities:", None),
            ("  Accounts payable", [n(l99["ap"], True), n(l98["ap"], True)]),
            ("  Accrued expenses", [n(l99["acc"]), n(l98["acc"])]),
            ("  Current portion of long-term debt", [n(l99["cpd"]), n(l98["cpd"])]),
            ("-", None), ("    Total current liabilities", [n(l99["cur"]), n(l98["cur"])]),
            ("Long-term debt", [n(l99["ltd"]), n(l98["ltd"])]),
            ("Deferred income taxes", [n(l99["dt"]), n(l98["dt"])]),
            ("Stockholders' equity:", None),
            ("  Common stock, $.01 par value", [n(l99["cs"]), n(l98["cs"])]),
            ("  Additional paid-in capital", [n(l99["apic"]), n(l98["apic"])]),
            ("  Retained earnings", [n(l99["re"]), n(l98["re"])]), ("-", None),
            ("    Total stockholders' equity", [n(l99["eq"]), n(l98["eq"])]), ("-", None),
            ("    Total liabilities and", None),
            ("      stockholders' equity", [n(a99["tot"], True), n(a98["tot"], True)]),
            ("=", None)]
    p.add(table([["DECEMBER 31,", ""], ["1999", "1998"]], rows, label_w=44, col_w=12))
    p.brk()
    p.add(center("NORTHWIND HARBOR LOGISTICS, INC.")
          + center("CONSOLIDATED STATEMENT OF CASH FLOWS")
          + center("YEAR ENDED DECEMBER 31, 1999") + center("(IN THOUSANDS)") + "\n")
    rows = [("Cash flows from operating activities:", None),
            ("  Net income", [n(m[1999]["ni"], True)]),
            ("  Adjustments to reconcile net income to net", None),
            ("    cash provided by operating activities:", None),
            ("    Depreciation and amortization", [n(cf["da"])]),
            ("    Deferred income taxes", [n(cf["deftax"])]),
            ("    Changes in assets and liabilities:", None),
            ("      Accounts receivable", [n(cf["ar"])]),
            ("      Prepaid expenses and other assets", [n(cf["prep"])]),
            ("      Accounts payable", [n(cf["ap"])]),
            ("      Accrued expenses", [n(cf["acc"])]), ("-", None),
            ("  Net cash provided by operating activities", [n(cf["cfo"])]), ("-", None),
            ("Cash flows from investing activities:", None),
            ("  Purchases of property and equipment", [n(-cf["capex"])]),
            ("  Proceeds from sale of equipment", [n(cf["proceeds"])]), ("-", None),
            ("  Net cash used in investing activities", [n(cf["cfi"])]), ("-", None),
            ("Cash flows from financing activities:", None),
            ("  Net borrowings under credit agreement", [n(cf["borrow"])]),
            ("  Repayment of term note", [n(-cf["repay"])]),
            ("  Proceeds from exercise of stock options", [n(cf["options"])]), ("-", None),
            ("  Net cash provided by financing activities", [n(cf["cff"])]), ("-", None),
            ("Net increase in cash and cash equivalents", [n(cf["net"])]),
            ("Cash and cash equivalents, beginning of year", [n(a98["cash"])]), ("-", None),
            ("Cash and cash equivalents, end of year", [n(a99["cash"], True)]), ("=", None)]
    p.add(table([["1999"]], rows, label_w=50, col_w=12))
    p.add("\n" + center("See accompanying notes to consolidated financial statements."))
    p.brk()
    p.add(center("NOTES TO CONSOLIDATED FINANCIAL STATEMENTS") + "\n")
    for title, t in NOTES:
        p.add(title + "\n")
        p.add(para(t) + "\n")
    p.add("ITEM 9.  CHANGES IN AND DISAGREEMENTS WITH ACCOUNTANTS ON ACCOUNTING AND\n"
          "         FINANCIAL DISCLOSURE\n")
    p.add(para("None.") + "\n")
    p.add(center("PART III") + "\n")
    for num, t in (("10", "DIRECTORS AND EXECUTIVE OFFICERS OF THE REGISTRANT"),
                   ("11", "EXECUTIVE COMPENSATION"),
                   ("12", "SECURITY OWNERSHIP OF CERTAIN BENEFICIAL OWNERS AND MANAGEMENT"),
                   ("13", "CERTAIN RELATIONSHIPS AND RELATED TRANSACTIONS")):
        p.add(f"ITEM {num}.  {t}\n")
        p.add(para("The information required by this Item is incorporated herein by reference "
                   "to the Company's definitive Proxy Statement for its 2000 Annual Meeting of "
                   "Stockholders, to be filed with the Commission within 120 days after the end "
                   "of the Company's fiscal year.") + "\n")
    p.add(center("PART IV") + "\n")
    p.add("ITEM 14.  EXHIBITS, FINANCIAL STATEMENT SCHEDULES, AND REPORTS ON FORM 8-K\n")
    p.add(para("(a) Documents filed as part of this Report: (1) the consolidated financial "
               "statements listed in Item 8; (2) financial statement schedules have been "
               "omitted because they are not applicable or the required information is shown "
               "in the financial statements or notes; (3) the exhibits listed below.") + "\n")
    p.add("     EXHIBIT\n     NUMBER     DESCRIPTION\n     -------    "
          "-----------------------------------------------------\n"
          "      3.1       Restated Certificate of Incorporation (1)\n"
          "      3.2       Bylaws, as amended (1)\n"
          "     10.1       Credit Agreement dated June 30, 1998 with First Tidewater\n"
          "                Bank, N.A.\n"
          "     10.2       1996 Stock Option Plan (1)\n"
          "     21.1       Subsidiaries of the Registrant\n"
          "     23.1       Consent of Brandywine Moss & Co. LLP\n"
          "     27.1       Financial Data Schedule\n\n"
          "     (1) Incorporated by reference to the Company's Registration Statement\n"
          "         on Form S-1 (No. 333-01178).\n")
    p.add(para("(b) Reports on Form 8-K: No reports on Form 8-K were filed during the fourth "
               "quarter of 1999.") + "\n")
    p.add(center("SIGNATURES") + "\n")
    p.add(para("Pursuant to the requirements of Section 13 or 15(d) of the Securities Exchange "
               "Act of 1934, the registrant has duly caused this report to be signed on its "
               "behalf by the undersigned, thereunto duly authorized.") + "\n")
    p.add("                              NORTHWIND HARBOR LOGISTICS, INC.\n\n"
          "                              By: /s/ Thomas W. Abernathy\n"
          "                                  ------------------------------\n"
          "                                  Thomas W. Abernathy\n"
          "                                  Chairman and Chief Executive Officer\n\n"
          "Date: March 24, 2000\n")
    p.brk()
    p.out.append("</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>")
    return p.text()


def balance_and_cash_flows():
    """1998 balance sheet as given; 1999 rolled forward with cash as the balancing figure."""
    a98 = dict(cash=3307, ar=23952, prep=3405, ppe=70633, gw=10147, oth=1330)
    l98 = dict(ap=8022, acc=7201, cpd=1500, ltd=31000, dt=4893, cs=115, apic=31174)
    a99 = dict(ar=27806, prep=3911, ppe=84330, gw=9862, oth=1381)
    l99 = dict(ap=9114, acc=8376, cpd=1500, ltd=38500, dt=6107, cs=115, apic=31420)
    for l, a in ((l98, a98),):
        a["cur"] = a["cash"] + a["ar"] + a["prep"]
        a["tot"] = a["cur"] + a["ppe"] + a["gw"] + a["oth"]
        l["cur"] = l["ap"] + l["acc"] + l["cpd"]
        l["re"] = a["tot"] - l["cur"] - l["ltd"] - l["dt"] - l["cs"] - l["apic"]
        l["eq"] = l["cs"] + l["apic"] + l["re"]
    l99["re"] = l98["re"] + M[1999]["ni"]
    l99["cur"] = l99["ap"] + l99["acc"] + l99["cpd"]
    l99["eq"] = l99["cs"] + l99["apic"] + l99["re"]
    a99["tot"] = l99["cur"] + l99["ltd"] + l99["dt"] + l99["eq"]
    a99["cash"] = a99["tot"] - a99["ar"] - a99["prep"] - a99["ppe"] - a99["gw"] - a99["oth"]
    a99["cur"] = a99["cash"] + a99["ar"] + a99["prep"]
    da = M[1999]["exp"]["Depreciation and amortization"]
    cf = dict(da=da, deftax=l99["dt"] - l98["dt"], ar=a98["ar"] - a99["ar"],
              prep=(a98["prep"] + a98["oth"]) - (a99["prep"] + a99["oth"]),
              ap=l99["ap"] - l98["ap"], acc=l99["acc"] - l98["acc"], proceeds=1140,
              borrow=l99["ltd"] - l98["ltd"] + 1500, repay=1500,
              options=l99["apic"] - l98["apic"])
    goodwill_amort = a98["gw"] - a99["gw"]
    # PPE roll-forward: capex = change in PPE + depreciation + book value of disposals
    cf["capex"] = a99["ppe"] - a98["ppe"] + (da - goodwill_amort) + cf["proceeds"]
    cf["cfo"] = (M[1999]["ni"] + da + cf["deftax"] + cf["ar"] + cf["prep"] + cf["ap"]
                 + cf["acc"])
    cf["cfi"] = -cf["capex"] + cf["proceeds"]
    cf["cff"] = cf["borrow"] - cf["repay"] + cf["options"]
    cf["net"] = cf["cfo"] + cf["cfi"] + cf["cff"]
    assert cf["net"] == a99["cash"] - a98["cash"], (cf, a99["cash"], a98["cash"])
    return a99, a98, l99, l98, cf


BUSINESS = [
    "Northwind Harbor Logistics, Inc. (the \"Company\") provides container drayage and related "
    "services to ocean carriers, freight forwarders, importers and exporters at six ports on the "
    "Atlantic coast of the United States. Drayage is the movement of ocean containers by truck "
    "between marine terminals and the premises of shippers and consignees, rail terminals and "
    "container yards. The Company also operates container depots at which it stores, inspects "
    "and repairs empty containers and chassis for ocean carriers and leasing companies.",
    "The Company was founded in 1987 in Norfolk, Virginia by Thomas W. Abernathy, its Chairman "
    "and Chief Executive Officer, with three tractors serving the Norfolk International "
    "Terminals. The Company expanded to Baltimore in 1990, to Charleston in 1992, to Savannah "
    "in 1994, to Wilmington, North Carolina in 1995 through the acquisition of Cape Fear "
    "Cartage, Inc., and to Jacksonville in 1997. The Company was incorporated in Delaware in "
    "1995 and completed its initial public offering in May 1996.",
    "The Company believes that the growth of containerized trade, the consolidation of ocean "
    "carriers and the increasing size of container vessels will continue to increase the "
    "demand for reliable drayage services at the ports it serves, and that ocean carriers and "
    "large importers will increasingly prefer drayage providers with the scale, equipment and "
    "information systems to serve them at several ports. The Company's strategy is to increase "
    "its share of container moves at its existing ports, to add ports through acquisitions and "
    "the opening of new terminals, and to expand its container depot business.",
]
SERVICES = [
    "Drayage. The Company's drayage operations accounted for approximately 77% of its operating "
    "revenues in 1999. The Company handled approximately 312,000 container moves in 1999, "
    "compared with approximately 285,000 in 1998. Drayage services are provided both to ocean "
    "carriers, under contracts that typically have a term of one year, and directly to "
    "importers and exporters and their freight forwarders. The Company charges for drayage on a "
    "per-move basis, with additional charges for waiting time, storage and fuel.",
    "Container depot and terminal services. The Company operates container yards in Norfolk, "
    "Savannah and Charleston at which it stores empty containers for ocean carriers and "
    "leasing companies, performs inspections and repairs of containers and chassis, and "
    "provides container freight station services in which cargo is loaded into or unloaded "
    "from containers. These services accounted for approximately 23% of operating revenues in "
    "1999.",
    "Equipment. At December 31, 1999, the Company operated 612 company tractors and contracted "
    "with approximately 720 owner-operators, who provide their own tractors and are "
    "compensated on the basis of a percentage of the revenue from each move. The Company "
    "believes that the use of owner-operators reduces its capital requirements and allows it "
    "to respond to fluctuations in volume. The Company owned or leased approximately 2,900 "
    "chassis at December 31, 1999.",
    "Information systems. In 1998 the Company completed the installation of a dispatch and "
    "billing system that tracks each container from the time an order is received until the "
    "move is billed, and which permits customers to inquire on the status of their containers "
    "by electronic data interchange and, since October 1999, through the Company's site on the "
    "World Wide Web. All of the Company's tractors are equipped with two-way radios and "
    "approximately 40% are equipped with satellite communication units.",
]
CUSTOMERS = [
    "The Company served approximately 640 customers in 1999. Its ten largest customers, "
    "including six ocean carriers, accounted for approximately 44% of operating revenues, and "
    "its largest customer, an ocean carrier, accounted for approximately 11%. The Company's "
    "contracts with ocean carriers may generally be terminated on 30 days' notice. The loss of "
    "one or more of the Company's largest customers could have a material adverse effect on "
    "the Company's results of operations.",
    "The Company markets its services through a sales staff of fourteen persons located at its "
    "terminals and through the personal contacts of its senior management with ocean carriers. "
    "The Company's business is somewhat seasonal, with volumes generally highest from August "
    "through October and lowest in January and February.",
]
COMPETITION = (
    "The drayage industry is highly competitive and fragmented. The Company competes with a "
    "large number of local drayage companies, many of which operate only a few trucks and have "
    "lower overhead costs than the Company, as well as with the trucking subsidiaries of certain "
    "ocean carriers and railroads. Competition is based primarily on price, service and the "
    "availability of equipment. The Company believes that its multi-port network, its "
    "information systems and its reputation for reliable service enable it to compete "
    "effectively, but there can be no assurance that it will continue to do so.")
REGULATION = [
    "The Company's operations are regulated by the U.S. Department of Transportation and by "
    "various state agencies, which regulate such matters as safety, driver qualifications, "
    "hours of service, equipment specifications and insurance requirements. The Interstate "
    "Commerce Commission Termination Act of 1995 abolished the Interstate Commerce Commission "
    "and eliminated most federal economic regulation of the trucking industry. The Company's "
    "drivers are subject to mandatory drug and alcohol testing.",
    "The Company is subject to federal, state and local environmental laws and regulations "
    "relating to, among other things, the storage of fuel, the discharge of pollutants and the "
    "handling of hazardous materials. The Company maintains underground fuel storage tanks at "
    "two of its terminals. The Company believes that it is in substantial compliance with "
    "applicable environmental laws and that the cost of compliance will not have a material "
    "adverse effect on its financial condition.",
    "Certain states, including several in which the Company operates, have taken the position "
    "that owner-operators in the trucking industry are employees for purposes of workers' "
    "compensation and unemployment insurance. If the Company's owner-operators were determined "
    "to be employees, the Company could incur additional taxes and other costs.",
]
EMPLOYEES = (
    "At December 31, 1999, the Company had 1,342 employees, of whom 688 were drivers, 241 were "
    "mechanics and yard personnel, and the remainder were dispatchers, sales, administrative "
    "and management personnel. None of the Company's employees is represented by a labor "
    "union. The longshoremen who work at the marine terminals served by the Company are "
    "represented by the International Longshoremen's Association, and a strike or work "
    "stoppage at those terminals would adversely affect the Company's operations. The Company "
    "considers its relations with its employees to be good.")
SAFETY = (
    "The Company's safety program includes pre-employment screening and road tests, "
    "orientation and periodic training for drivers and owner-operators, regular inspections of "
    "tractors and chassis, and a safety incentive program that rewards drivers for accident-free "
    "service. The Company's safety department reviews every accident and cargo claim, and "
    "drivers involved in preventable accidents are subject to retraining or dismissal. The "
    "Company is self-insured for auto liability and workers' compensation claims up to $250,000 "
    "per occurrence and maintains insurance above that amount up to $25 million, which it "
    "believes is adequate. The cost of insurance increased in 1999, and there can be no "
    "assurance that the Company will be able to obtain insurance in the future at acceptable "
    "rates. An increase in the number or severity of claims could adversely affect the "
    "Company's results of operations.")
PROPERTIES = (
    "The Company's headquarters and principal terminal are located in Norfolk, Virginia, on "
    "approximately 31 acres leased from a private owner under a lease expiring in 2006. The "
    "Company's principal facilities are listed below. The Company believes that its facilities "
    "are adequate for its current needs.")
LEGAL = (
    "The Company is a party to routine litigation incidental to its business, primarily "
    "involving claims for personal injury and property damage incurred in the transportation "
    "of freight. The Company maintains insurance which it believes is adequate to cover its "
    "liability risks. The Company does not believe that the outcome of any pending litigation "
    "will have a material adverse effect on its financial condition or results of operations.")
MDA_GENERAL = [
    "The Company's revenues are derived primarily from container drayage and from container "
    "depot and terminal services. The Company's revenues depend principally on the volume of "
    "containers moving through the ports it serves, the rates it charges and the fuel "
    "surcharges it collects. Container volumes at the Company's ports increased in 1999, "
    "reflecting strong consumer demand in the United States and the recovery of Asian "
    "economies from the financial crisis of 1997 and 1998.",
    "Purchased transportation consists primarily of payments to owner-operators and, to a "
    "lesser extent, to other drayage companies. Because owner-operators are compensated on the "
    "basis of a percentage of revenues and provide their own tractors, fuel and maintenance, an "
    "increase in the proportion of moves handled by owner-operators increases purchased "
    "transportation and decreases salaries, fuel, maintenance and depreciation as percentages "
    "of revenues.",
]
MDA_9998 = [
    "Purchased transportation increased as a percentage of revenues to 33.1% in 1999 from "
    "32.2% in 1998 because owner-operators handled a larger share of the Company's moves, "
    "principally in Savannah, where the Company added approximately 90 owner-operators during "
    "the year. Salaries, wages and benefits decreased as a percentage of revenues for the same "
    "reason, partially offset by wage increases for company drivers and the staffing of the "
    "new Savannah container yard.",
    "Fuel and fuel taxes increased as a percentage of revenues to 5.8% from 5.1%, reflecting "
    "the significant increase in diesel fuel prices during the second half of 1999, which was "
    "only partially offset by fuel surcharges. Insurance and claims increased as a percentage "
    "of revenues because of an increase in the cost of liability insurance and two significant "
    "cargo claims. Depreciation and amortization increased because of the purchase of new "
    "tractors and the development of the Savannah container yard.",
    "Interest expense increased to $3.0 million from $2.4 million because of higher average "
    "borrowings to finance capital expenditures. The Company's effective tax rate was 38.5% in "
    "both years.",
]
LIQUIDITY = [
    "The Company's primary sources of liquidity are cash flow from operations and borrowings "
    "under its $60 million revolving credit agreement with First Tidewater Bank, N.A., which "
    "expires in June 2003. Net cash provided by operating activities was {cfo} million in 1999 "
    "and $16.9 million in 1998. Capital expenditures, consisting primarily of tractors, chassis "
    "and the development of the Savannah container yard, were {capex} million in 1999 and $19.6 "
    "million in 1998. At December 31, 1999, the Company had $38.5 million of borrowings and "
    "$21.5 million of available credit under the agreement, which contains covenants that "
    "require the Company to maintain minimum net worth and fixed charge coverage ratios.",
    "The Company expects capital expenditures of approximately $18 million in 2000. The "
    "Company believes that cash flow from operations and borrowings under its credit agreement "
    "will be sufficient to fund its operations and capital expenditures for the foreseeable "
    "future.",
]
Y2K = [
    "The Company began a program in 1997 to assess and remediate the ability of its computer "
    "systems and equipment to process dates after December 31, 1999 (the \"Year 2000 issue\"). "
    "The program addressed the Company's dispatch and billing system, its accounting and "
    "payroll systems, its communications equipment and the embedded systems in its tractors and "
    "facilities, and included inquiries of ocean carriers, marine terminals, banks and other "
    "significant business partners regarding their own readiness. The Company spent "
    "approximately $1.1 million on its Year 2000 program, most of which was expensed as "
    "incurred.",
    "The Company did not experience any significant disruption of its systems or operations "
    "as a result of the transition to the year 2000, and it is not aware of any significant "
    "Year 2000 problems affecting its customers, the marine terminals or its other business "
    "partners. However, there can be no assurance that problems that have not yet become "
    "apparent will not arise, and the Company will continue to monitor its systems during "
    "2000.",
]
FACTORS = [
    "This Report contains forward-looking statements, including statements regarding expected "
    "container volumes, capital expenditures and the sufficiency of the Company's liquidity. "
    "Such statements are subject to risks and uncertainties that could cause actual results "
    "to differ materially, including the following:",
    "Dependence on import and export volumes. The Company's business depends on the volume of "
    "containerized trade through the ports it serves, which is affected by economic "
    "conditions in the United States and abroad, exchange rates, trade policy and the routing "
    "decisions of ocean carriers, which could shift vessel calls to ports the Company does not "
    "serve.",
    "Dependence on owner-operators and drivers. The Company depends on its ability to attract "
    "and retain qualified drivers and owner-operators. Competition for drivers is intense, and "
    "a shortage could require the Company to increase compensation or reduce its operations.",
    "Fuel prices. Diesel fuel prices increased significantly during 1999 and remain volatile. "
    "The Company's fuel surcharges may not fully offset increases in fuel costs.",
    "Labor disruptions. A strike or work stoppage by longshoremen or other workers at the "
    "ports served by the Company would adversely affect its operations.",
    "Claims and insurance. The Company's future results could be adversely affected by an "
    "increase in the number or severity of accident claims or in the cost of insurance.",
    "Acquisitions. The Company intends to pursue acquisitions of drayage companies at other "
    "ports, and there can be no assurance that it will be able to identify, finance or "
    "integrate such acquisitions successfully.",
]
AUDIT = [
    "In our opinion, the accompanying consolidated balance sheets and the related consolidated "
    "statements of income, stockholders' equity and cash flows present fairly, in all material "
    "respects, the financial position of Northwind Harbor Logistics, Inc. and its subsidiaries "
    "at December 31, 1999 and 1998, and the results of their operations and their cash flows "
    "for each of the three years in the period ended December 31, 1999, in conformity with "
    "accounting principles generally accepted in the United States. These financial statements "
    "are the responsibility of the Company's management; our responsibility is to express an "
    "opinion on these financial statements based on our audits.",
    "We conducted our audits of these statements in accordance with auditing standards "
    "generally accepted in the United States, which require that we plan and perform the audit "
    "to obtain reasonable assurance about whether the financial statements are free of "
    "material misstatement. An audit includes examining, on a test basis, evidence supporting "
    "the amounts and disclosures in the financial statements, assessing the accounting "
    "principles used and significant estimates made by management, and evaluating the overall "
    "financial statement presentation. We believe that our audits provide a reasonable basis "
    "for the opinion expressed above.",
]
NOTES = [
    ("1.  SUMMARY OF SIGNIFICANT ACCOUNTING POLICIES",
     "Principles of consolidation. The consolidated financial statements include the accounts "
     "of the Company and its wholly owned subsidiaries. All significant intercompany accounts "
     "and transactions have been eliminated. Revenue recognition. Revenues and related direct "
     "expenses are recognized when containers are delivered. Property and equipment. Property "
     "and equipment are stated at cost and depreciated on the straight-line method over "
     "estimated useful lives of five to seven years for tractors, ten to fifteen years for "
     "chassis and twenty to thirty years for buildings and improvements. Goodwill is amortized "
     "on the straight-line method over forty years. Use of estimates. The preparation of "
     "financial statements requires management to make estimates and assumptions that affect "
     "the reported amounts; actual results could differ from those estimates."),
    ("2.  LONG-TERM DEBT",
     "Long-term debt consists of borrowings under a $60 million unsecured revolving credit "
     "agreement expiring in June 2003, bearing interest at the lender's prime rate or LIBOR "
     "plus 1.25%, at the Company's option (weighted average rate of 7.1% at December 31, "
     "1999), and a term note payable in annual installments of $1.5 million. The agreement "
     "contains covenants requiring the maintenance of minimum tangible net worth and fixed "
     "charge coverage and restricting the payment of dividends."),
    ("3.  INCOME TAXES",
     "The provision for income taxes differs from the amount computed at the federal statutory "
     "rate of 35% principally because of state income taxes, net of federal benefit. Deferred "
     "income taxes result principally from the use of accelerated depreciation for tax "
     "purposes."),
    ("4.  STOCK OPTION PLAN",
     "Under the 1996 Stock Option Plan, the Company may grant options to purchase up to "
     "1,200,000 shares of Common Stock to officers and key employees at prices not less than "
     "the fair market value at the date of grant. Options generally vest over four years and "
     "expire after ten years. At December 31, 1999, options to purchase 584,250 shares were "
     "outstanding at a weighted average exercise price of $12.41 per share. The Company "
     "accounts for the plan under APB Opinion No. 25, and accordingly no compensation cost has "
     "been recognized."),
    ("5.  COMMITMENTS AND CONTINGENCIES",
     "The Company leases terminal facilities and equipment under operating leases expiring at "
     "various dates through 2009. Rent expense was $5.9 million, $5.1 million and $4.2 million "
     "in 1999, 1998 and 1997, respectively. The Company is self-insured for a portion of its "
     "liability and workers' compensation claims, with retentions of $250,000 per occurrence, "
     "and is a party to routine litigation incidental to its business."),
    ("6.  RETIREMENT PLAN",
     "The Company sponsors a 401(k) retirement plan covering substantially all employees with "
     "one year of service. The Company matches 50% of employee contributions up to 4% of "
     "compensation. Matching contributions were $412,000, $371,000 and $318,000 in 1999, 1998 "
     "and 1997, respectively."),
]
