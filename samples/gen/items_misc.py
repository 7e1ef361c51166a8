"""Items 1B, 1C, 2, 3, 4, 5, 6, 9, 9A, 9B, 9C, 10-16 and the signatures."""

from ctx import H, P, UL, TT, T, HC

DIRECTORS = ["Margaret L. Okafor", "Jonathan P. Hale", "Beatriz Salgado", "Kenneth O. Marsh",
             "Alicia D. Fontaine", "Robert J. Ito", "Gwendolyn Pryor", "Marcus T. Feldman"]


def item1b(c):
    return [P("None.")]


def item1c(c):
    b = [H("Risk Management and Strategy"),
         P("We maintain a cybersecurity risk management program designed to identify, assess and "
           "manage material risks from cybersecurity threats to our information systems and to "
           "the data we hold for our customers, employees and business partners. Our program is "
           "based on the National Institute of Standards and Technology Cybersecurity Framework "
           "and is integrated into our enterprise risk management process, through which our "
           "senior leaders assess the likelihood and potential impact of the principal risks "
           "facing the Company each year."),
         P("Key elements of our program include: an inventory of our information assets and "
           "critical operational technology, including terminal gate systems and warehouse "
           "automation; vulnerability scanning and annual penetration testing performed by "
           "external firms; endpoint detection and response tools and a security operations "
           "center operated by a managed security services provider, which monitors our "
           "environment at all times; multi-factor authentication for remote access and "
           "privileged accounts; mandatory security awareness training for employees with "
           "network access, supplemented by simulated phishing exercises; and a written incident "
           "response plan that we test at least annually through tabletop exercises in which "
           "members of senior management participate."),
         P("We assess the cybersecurity practices of vendors that have access to our systems "
           "or sensitive data through questionnaires, review of independent audit reports and "
           "contractual requirements, with more extensive review of vendors that we consider "
           "critical, such as our cloud service providers and telematics vendors. We also engage "
           "consultants and auditors to assess our program periodically."),
         ]
    if c.fy == 2023:
        b.append(P("On May 9, 2023, we detected ransomware in a portion of our corporate network. "
                   "We activated our incident response plan, isolated affected systems, engaged "
                   "outside forensic experts and legal counsel, and notified law enforcement. Our "
                   "drayage dispatch and billing systems were unavailable or degraded for "
                   "approximately four days. The investigation determined that the threat actor "
                   "had copied files containing personal information of approximately 6,200 "
                   "current and former employees, whom we notified. We incurred costs of "
                   "approximately $6.8 million, net of expected insurance recoveries, related to "
                   "the incident in 2023. Although the incident did not materially affect our "
                   "results of operations or financial condition, it led us to accelerate "
                   "investments in endpoint protection, privileged access management and "
                   "network segmentation. For a discussion of the risks from cybersecurity "
                   "threats, see Item 1A, Risk Factors."))
    else:
        b.append(P("In May 2023 we experienced a ransomware attack that disrupted our drayage "
                   "dispatch and billing systems for approximately four days. Following that "
                   "incident we expanded privileged access management, segmented our operational "
                   "networks and replaced our backup architecture with immutable backups. During "
                   "2024 we extended our monitoring and endpoint tools to the systems we acquired "
                   "with Cascade and began assessing those systems against our standards, a "
                   "process we expect to complete in 2025. We have not identified any "
                   "cybersecurity incident in 2024 that has materially affected, or is reasonably "
                   "likely to materially affect, our business strategy, results of operations or "
                   "financial condition, but we cannot provide assurance that we will not be "
                   "materially affected by such risks in the future. See Item 1A, Risk Factors."))
    b += [H("Governance"),
          P("Our Board of Directors oversees risks from cybersecurity threats through its Audit "
            "Committee, which receives reports from our Chief Information Officer and our "
            "Director of Information Security at least quarterly on the threat environment, the "
            "results of assessments and exercises, and the status of improvement projects. The "
            "full Board receives a report on cybersecurity at least annually"
            + c.v({2023: ", and it received frequent updates during the response to the May 2023 "
                         "incident.",
                   2024: " and was briefed on the integration of Cascade's systems in 2024."})),
          P("Our Chief Information Officer, who has more than twenty-five years of experience in "
            "information technology in the logistics and retail industries, is responsible for "
            "assessing and managing cybersecurity risks, supported by our Director of "
            "Information Security, who holds the CISSP and CISM certifications and previously "
            "led security operations at a regional bank. They are informed of incidents through "
            "our security operations center and our incident response plan, which requires that "
            "incidents meeting defined severity criteria be escalated promptly to a management "
            "committee that includes our Chief Financial Officer and General Counsel, who "
            "evaluate whether disclosure is required.")]
    return b


def item2(c):
    rows = [["Norfolk, Virginia", "Headquarters; drayage terminal; warehousing", "Leased",
             "165,000 sq. ft. office; 1.2 million sq. ft. warehouse"],
            ["Baltimore, Maryland", "Drayage terminal; transload", "Owned/Leased", "640,000 sq. ft."],
            ["Savannah, Georgia", "Drayage terminal; container yard; warehousing", "Leased",
             "2.4 million sq. ft.; 42 acres"],
            ["Charleston, South Carolina", "Drayage terminal; warehousing", "Leased",
             "1.1 million sq. ft.; 18 acres"],
            ["Houston, Texas", "Drayage terminal; warehousing; intermodal", "Leased",
             "1.6 million sq. ft.; 31 acres"],
            ["Jacksonville, Florida", "Drayage terminal; warehousing", "Leased", "720,000 sq. ft."],
            ["Newark, New Jersey", "Drayage terminal; container yard", "Leased", "26 acres"],
            ["Carson, California", "Drayage terminal; transload", "Leased", "480,000 sq. ft."],
            ["Memphis, Tennessee", "Truckload terminal; warehousing", "Owned", "910,000 sq. ft."]]
    if c.fy >= 2024:
        rows.append(["Tacoma, Washington", "Cold storage; refrigerated trucking", "Owned",
                     "14 million cubic ft."])
        rows.append(["Pasco, Washington", "Cold storage", "Owned", "11 million cubic ft."])
        rows.append(["Salem, Oregon", "Cold storage", "Leased", "7 million cubic ft."])
    k = __import__("business").fleet(c)
    return [P(f"Our corporate headquarters are located in Norfolk, Virginia. At December 31, "
              f"{c.fy}, we operated {k['terminals']} drayage terminals and container yards and "
              f"{k['dcs']} warehouses and distribution centers in {c.v({2022: '19', 2024: '22'})} "
              "states, with approximately " + k["sqft"] + " square feet of warehouse space, of "
              "which approximately " + c.v({2022: "83%", 2023: "84%", 2024: "79%"})
              + " was leased. The following table lists our principal facilities:"),
            TT(["Location", "Principal use", "Owned or leased", "Approximate size"], rows,
               [24, 36, 14, 26]),
            P("We believe that our facilities are suitable and adequate for our present needs, "
              "although we continue to evaluate additional capacity near the ports we serve. "
              "Information about our lease obligations is included in Note 7 to our consolidated "
              "financial statements.")]


def item3(c):
    b = [P("We are party to various legal proceedings and claims arising in the ordinary course "
           "of business, including claims for personal injury and property damage arising from "
           "the operation of our vehicles, workers' compensation claims, cargo claims and "
           "employment-related claims. We maintain insurance, subject to self-insured "
           "retentions, for many of these claims. Other than as described below, we do not "
           "believe that the ultimate resolution of any pending matter will have a material "
           "adverse effect on our financial condition, results of operations or cash flows.")]
    if c.fy <= 2023:
        b.append(P("In March 2021, a former owner-operator filed a putative class action, "
                   "_Ramirez v. Northwind Harbor Drayage, LLC_, in the Superior Court of "
                   "California, County of Los Angeles, alleging that we misclassified "
                   "owner-operators who provided drayage services in California as independent "
                   "contractors and seeking unpaid wages, expense reimbursement, statutory "
                   "penalties, including penalties under the Private Attorneys General Act, and "
                   "attorneys' fees. "
                   + c.v({2022: "The case is in discovery, and no class has been certified.",
                          2023: "In November 2023 the court certified a class of owner-operators "
                                "who contracted with us in California from March 2017 through "
                                "2020, and the parties have agreed to mediation in the first "
                                "quarter of 2024."})
                   + " We believe that the owner-operators were properly classified and that we "
                   "have meritorious defenses, and we intend to defend the case vigorously. We "
                   "are unable to estimate a reasonably possible range of loss."))
    else:
        b.append(P("In March 2021, a former owner-operator filed a putative class action, "
                   "_Ramirez v. Northwind Harbor Drayage, LLC_, in the Superior Court of "
                   "California, County of Los Angeles, alleging that we misclassified "
                   "owner-operators who provided drayage services in California as independent "
                   "contractors. Following mediation, in June 2024 we agreed to settle the case "
                   "for $14.5 million, without admitting liability, and we recorded a charge for "
                   "that amount in the second quarter of 2024. The court granted preliminary "
                   "approval of the settlement in November 2024, and a hearing on final approval "
                   "is scheduled for April 2025."))
    if c.fy == 2023:
        b.append(P("In August 2023, a putative class action, _Doe v. Northwind Harbor Logistics, "
                   "Inc._, was filed in the U.S. District Court for the Eastern District of "
                   "Virginia on behalf of individuals whose personal information was involved in "
                   "the May 2023 ransomware incident, alleging negligence and breach of implied "
                   "contract. We intend to defend the case vigorously."))
    if c.fy >= 2024:
        b.append(P("In August 2023, a putative class action, _Doe v. Northwind Harbor Logistics, "
                   "Inc._, was filed in the U.S. District Court for the Eastern District of "
                   "Virginia on behalf of individuals whose personal information was involved in "
                   "the May 2023 ransomware incident. In September 2024 the court approved a "
                   "settlement that was funded by our insurers."))
        b.append(P("In December 2024, the Environmental Protection Agency notified Cascade of "
                   "alleged violations of the risk management program requirements of the Clean "
                   "Air Act at an ammonia refrigeration facility in Pasco, Washington, relating "
                   "to periods before our acquisition. We are cooperating with the agency and "
                   "expect that any penalty will exceed $300,000, the threshold for disclosure "
                   "that we use for environmental proceedings; we believe that the amount will "
                   "not be material and that we are entitled to indemnification from the sellers "
                   "for any such penalty."))
    b.append(P("For additional information, see Note 11, \"Commitments and Contingencies,\" to "
               "our consolidated financial statements."))
    return b


def item4(c):
    return [P("Not applicable.")]


def item5(c):
    hold = c.v({2022: "412", 2023: "398", 2024: "387"})
    b = [H("Market Information"),
         P("Our common stock is traded on the Nasdaq Global Select Market under the symbol "
           f"\"NWHL.\" As of February {c.v({2022: '10, 2023', 2023: '9, 2024', 2024: '7, 2025'})}, "
           f"there were approximately {hold} holders of record of our common stock, which does "
           "not include stockholders whose shares are held in street name by brokers and other "
           "nominees."),
         H("Dividends"),
         P(f"We paid quarterly cash dividends totaling ${c.f['dps']:.2f} per share in {c.fy} and "
           f"${c.fp['dps']:.2f} per share in {c.py}. "
           + c.v({2022: "In February 2023, our Board of Directors increased the quarterly "
                        "dividend to $0.13 per share.",
                  2023: "In February 2024, our Board of Directors increased the quarterly "
                        "dividend to $0.14 per share.",
                  2024: "In February 2025, our Board of Directors declared a quarterly dividend "
                        "of $0.14 per share, unchanged from 2024, reflecting our priority of "
                        "reducing the debt we incurred to acquire Cascade."})
           + " Future dividends are at the discretion of our Board of Directors and are subject "
           "to the restrictions in our credit agreement described in Note 8 to our consolidated "
           "financial statements."),
         H("Issuer Purchases of Equity Securities")]
    if c.fy < 2024:
        q = c.v({2022: [("October 1 - October 31, 2022", 98400, 64.12),
                        ("November 1 - November 30, 2022", 121700, 61.88),
                        ("December 1 - December 31, 2022", 87300, 63.40)],
                 2023: [("October 1 - October 31, 2023", 142200, 57.31),
                        ("November 1 - November 30, 2023", 131900, 58.95),
                        ("December 1 - December 31, 2023", 64000, 62.07)]})
        remaining = c.v({2022: 153.5, 2023: 65.3})
        rows, left = [], remaining + sum(n * p for _, n, p in q) / 1e6
        for label, n, p in q:
            left -= n * p / 1e6
            rows.append([label, f"{n:,}", f"${p:.2f}", f"{n:,}", f"${left:,.1f} million"])
        b.append(P("The following table provides information about our repurchases of common "
                   f"stock during the three months ended December 31, {c.fy}:"))
        b.append(TT(["Period", "Total number of shares purchased", "Average price paid per "
                     "share", "Shares purchased as part of publicly announced program",
                     "Approximate dollar value of shares that may yet be purchased"], rows,
                    [28, 16, 14, 20, 22]))
        b.append(P("In February 2022, our Board of Directors authorized the repurchase of up to "
                   "$250 million of our common stock, with no expiration date. Repurchases may be "
                   "made in the open market, in privately negotiated transactions or under plans "
                   "complying with Rule 10b5-1 under the Securities Exchange Act of 1934."))
    else:
        b.append(P("We did not repurchase any shares of our common stock during the three months "
                   "ended December 31, 2024. We suspended repurchases under our $250 million "
                   "program following the announcement of the Cascade acquisition in May 2024; "
                   "approximately $56.3 million remained available under the program at December "
                   "31, 2024."))
    b.append(H("Stock Performance Graph"))
    b.append(P("The following table compares the cumulative total stockholder return on our "
               "common stock over the five years ended December 31, " + str(c.fy) + " with the "
               "cumulative total return of the Nasdaq Composite Index and the Dow Jones "
               "Transportation Average, assuming an investment of $100 at the close of trading "
               "five years earlier and the reinvestment of all dividends."))
    series = {"Northwind Harbor Logistics, Inc.": [100, 118, 131, 176, 148, 141, 139, 122],
              "Nasdaq Composite Index": [100, 137, 198, 243, 164, 237, 306, 306],
              "Dow Jones Transportation Average": [100, 122, 140, 186, 152, 182, 185, 190]}
    start = c.fy - 2022
    years = list(range(c.fy - 5, c.fy + 1))
    rows = []
    base = {k: v[start] for k, v in series.items()}
    for k, v in series.items():
        rows.append([k] + [f"${v[start + i] * 100 / base[k]:.0f}" for i in range(6)])
    b.append(TT(["", *[str(y) for y in years]], rows, [40, 10, 10, 10, 10, 10, 10]))
    b.append(P("The information in this section shall not be deemed \"soliciting material\" or "
               "\"filed\" with the SEC, or incorporated by reference into any filing under the "
               "Securities Act of 1933 or the Securities Exchange Act of 1934."))
    return b


def item6(c):
    return [P("[Reserved]")]


def item9(c):
    return [P("None.")]


def item9a(c):
    b = [H("Evaluation of Disclosure Controls and Procedures"),
         P("Our management, with the participation of our Chief Executive Officer and Chief "
           "Financial Officer, evaluated the effectiveness of our disclosure controls and "
           "procedures, as defined in Rules 13a-15(e) and 15d-15(e) under the Securities "
           "Exchange Act of 1934 (the \"Exchange Act\"), as of December 31, " + str(c.fy) + ". "
           "Based on that evaluation, our Chief Executive Officer and Chief Financial Officer "
           "concluded that our disclosure controls and procedures were effective as of that "
           "date."),
         H("Management's Report on Internal Control over Financial Reporting"),
         P("Our management is responsible for establishing and maintaining adequate internal "
           "control over financial reporting, as defined in Rules 13a-15(f) and 15d-15(f) under "
           "the Exchange Act. Our internal control over financial reporting is a process "
           "designed to provide reasonable assurance regarding the reliability of financial "
           "reporting and the preparation of financial statements for external purposes in "
           "accordance with generally accepted accounting principles. Because of its inherent "
           "limitations, internal control over financial reporting may not prevent or detect "
           "misstatements. Projections of any evaluation of effectiveness to future periods are "
           "subject to the risk that controls may become inadequate because of changes in "
           "conditions or that the degree of compliance may deteriorate."),
         P("Management assessed the effectiveness of our internal control over financial "
           "reporting as of December 31, " + str(c.fy) + ", using the criteria set forth in "
           "_Internal Control - Integrated Framework (2013)_ issued by the Committee of "
           "Sponsoring Organizations of the Treadway Commission. "
           + c.v({2022: "", 2024: "As permitted by SEC guidance for newly acquired businesses, "
                  "management excluded Cascade, which we acquired on July 1, 2024, from its "
                  "assessment. Cascade represented approximately 17% of our total assets at "
                  "December 31, 2024 (excluding goodwill and intangible assets recorded in the "
                  "acquisition, which were included in the assessment) and approximately 6% of "
                  "our operating revenues for 2024. "})
           + "Based on this assessment, management concluded that our internal control over "
           "financial reporting was effective as of December 31, " + str(c.fy) + "."),
         P("The effectiveness of our internal control over financial reporting as of December "
           "31, " + str(c.fy) + " has been audited by Whitcombe & Larkin LLP, an independent "
           "registered public accounting firm, as stated in its report included in Item 8."),
         H("Changes in Internal Control over Financial Reporting"),
         P(c.v({2022: "During 2022 we began implementing a new transportation management system. "
                      "We have modified our controls as affected processes have migrated, and we "
                      "will continue to do so. ",
                2023: "During 2023 we migrated our drayage operations to a new transportation "
                      "management system and modified the related controls over revenue and "
                      "billing. ",
                2024: "We are integrating Cascade into our internal control over financial "
                      "reporting. "})
           + "Other than as described above, there were no changes in our internal control over "
           "financial reporting during the quarter ended December 31, " + str(c.fy) + " that "
           "have materially affected, or are reasonably likely to materially affect, our "
           "internal control over financial reporting.")]
    return b


def item9b(c):
    return [P(c.v({
        2022: "None.",
        2023: "On November 14, 2023, Daniel R. Esposito, our Executive Vice President and Chief "
              "Financial Officer, adopted a trading arrangement for the sale of up to 12,000 "
              "shares of our common stock that is intended to satisfy the affirmative defense of "
              "Rule 10b5-1(c) under the Exchange Act. The arrangement will terminate on the "
              "earlier of November 29, 2024 and the sale of all shares subject to it. No other "
              "director or officer adopted or terminated a Rule 10b5-1 trading arrangement or "
              "non-Rule 10b5-1 trading arrangement during the quarter ended December 31, 2023.",
        2024: "During the quarter ended December 31, 2024, none of our directors or officers "
              "adopted or terminated a Rule 10b5-1 trading arrangement or a non-Rule 10b5-1 "
              "trading arrangement, as those terms are defined in Item 408 of Regulation S-K."}))]


def item9c(c):
    return [P("Not applicable.")]


PROXY = ("our definitive Proxy Statement for the {y} Annual Meeting of Stockholders, which we "
         "expect to file with the SEC within 120 days after December 31, {fy} (the \"Proxy "
         "Statement\")")


def item10(c):
    px = PROXY.format(y=c.fy + 1, fy=c.fy)
    b = [P("Information about our executive officers is included in Part I, Item 1 of this "
           "report under the caption \"Information About Our Executive Officers.\" The other "
           "information required by this item is incorporated by reference to " + px + "."),
         P("We have adopted a Code of Business Conduct and Ethics that applies to all of our "
           "directors, officers and employees, including our principal executive officer, "
           "principal financial officer and principal accounting officer. The code is posted on "
           "our website, and we intend to disclose any amendments to, or waivers from, the code "
           "that apply to those officers on our website.")]
    if c.fy >= 2024:
        b.append(P("We have adopted an Insider Trading Policy governing the purchase, sale and "
                   "other dispositions of our securities by our directors, officers and "
                   "employees, which we believe is reasonably designed to promote compliance "
                   "with insider trading laws and the listing standards of Nasdaq. A copy of the "
                   "policy is filed as Exhibit 19.1 to this report."))
    return b


def item_proxy(what):
    def fn(c):
        return [P(f"The information required by this item{what} is incorporated by reference to "
                  + PROXY.format(y=c.fy + 1, fy=c.fy) + ".")]
    return fn


def item15(c):
    ex = [["3.1", "Restated Certificate of Incorporation of Northwind Harbor Logistics, Inc."],
          ["3.2", "Amended and Restated Bylaws of Northwind Harbor Logistics, Inc."],
          ["4.1", "Description of Securities Registered under Section 12 of the Securities "
           "Exchange Act of 1934"],
          ["10.1", c.v({2022: "Credit Agreement, dated as of August 5, 2021, among Northwind "
                              "Harbor Logistics, Inc., the lenders party thereto and Chesapeake "
                              "National Bank, as administrative agent",
                        2024: "Amended and Restated Credit Agreement, dated as of June 28, 2024, "
                              "among Northwind Harbor Logistics, Inc., the lenders party thereto "
                              "and Chesapeake National Bank, as administrative agent"})],
          ["10.2*", "Northwind Harbor Logistics, Inc. 2019 Omnibus Incentive Plan"],
          ["10.3*", "Form of Restricted Stock Unit Award Agreement"],
          ["10.4*", "Form of Performance Share Unit Award Agreement"],
          ["10.5*", "Executive Severance and Change in Control Plan"],
          ["10.6*", "Employment Agreement with Margaret L. Okafor"]]
    if c.fy == 2022:
        ex.append(["10.7*", "Retirement and Transition Agreement with Ricardo A. Vance"])
    if c.fy >= 2024:
        ex.append(["10.7", "Membership Interest Purchase Agreement, dated as of May 20, 2024, "
                   "among Northwind Harbor Logistics, Inc., Cascade Cold Chain Holdings, LLC and "
                   "its members"])
        ex.append(["19.1", "Insider Trading Policy"])
    ex += [["21.1", "Subsidiaries of the Registrant"],
           ["23.1", "Consent of Whitcombe & Larkin LLP"],
           ["31.1", "Certification of Chief Executive Officer pursuant to Rule 13a-14(a)"],
           ["31.2", "Certification of Chief Financial Officer pursuant to Rule 13a-14(a)"],
           ["32.1", "Certification pursuant to 18 U.S.C. Section 1350"]]
    if c.fy >= 2023:
        ex.append(["97.1", "Policy for the Recovery of Erroneously Awarded Compensation"])
    ex += [["101.INS", "Inline XBRL Instance Document - the instance document does not appear in "
            "the Interactive Data File because its XBRL tags are embedded within the Inline XBRL "
            "document"],
           ["101.SCH", "Inline XBRL Taxonomy Extension Schema Document with Embedded Linkbase "
            "Documents"],
           ["104", "Cover Page Interactive Data File (formatted as Inline XBRL and contained in "
            "Exhibit 101)"]]
    return [P("(a) The following documents are filed as part of this report:"),
            P("(1) Financial Statements: the consolidated financial statements listed in the "
              "index in Item 8 are filed as part of this report."),
            P("(2) Financial Statement Schedules: all schedules have been omitted because they "
              "are not required, are not applicable, or the required information is included in "
              "the consolidated financial statements or notes."),
            P("(3) Exhibits: the exhibits listed below are filed or furnished as part of this "
              "report or incorporated by reference. Exhibits marked with an asterisk (*) are "
              "management contracts or compensatory plans."),
            TT(["Exhibit No.", "Description"], ex, [14, 86])]


def item16(c):
    return [P("None.")]


def signatures(c):
    date = c.v({2022: "February 24, 2023", 2023: "February 23, 2024", 2024: "February 21, 2025"})
    rows = [["/s/ Margaret L. Okafor", "President, Chief Executive Officer and Director "
             "(Principal Executive Officer)", date],
            ["/s/ Daniel R. Esposito", "Executive Vice President and Chief Financial Officer "
             "(Principal Financial Officer)", date],
            ["/s/ Teresa Ng", "Vice President, Controller and Chief Accounting Officer "
             "(Principal Accounting Officer)", date]]
    for d in DIRECTORS[1:]:
        rows.append([f"/s/ {d}", "Chairman of the Board" if d == "Jonathan P. Hale" else
                     "Director", date])
    return [P("Pursuant to the requirements of Section 13 or 15(d) of the Securities Exchange Act "
              "of 1934, the registrant has duly caused this report to be signed on its behalf by "
              "the undersigned, thereunto duly authorized."),
            TT([], [["NORTHWIND HARBOR LOGISTICS, INC."],
                    [f"By: /s/ Margaret L. Okafor, President and Chief Executive Officer"],
                    [f"Date: {date}"]], [100]),
            P("Pursuant to the requirements of the Securities Exchange Act of 1934, this report "
              "has been signed below by the following persons on behalf of the registrant and in "
              "the capacities and on the dates indicated."),
            TT(["Signature", "Title", "Date"], rows, [30, 50, 20])]
