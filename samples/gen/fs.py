"""Item 8: auditor's report, consolidated financial statements (ix-tagged) and notes."""

from ctx import H, H3, HC, P, UL, TT, T, PB
from fin import F, CASCADE_PPA


def cx(y, inst=False):
    return f"c-I{y}" if inst else f"c-FY{y}"


def row(label, key, concept, years, inst=False, neg=False, **kw):
    vals = [(-F[y][key] if neg else F[y][key]) for y in years]
    return dict(label=label, vals=vals, concept=concept, **kw)


def income_statement(c):
    ys = [c.fy, c.py, c.ppy]
    wh = "Warehousing and cold chain" if c.fy >= 2024 else "Contract warehousing"
    rows = [dict(label="Operating revenues", hdr=True),
            row("Port and drayage services", "rev_port", "nwhl:PortAndDrayageRevenue", ys,
                indent=1, dollar=True),
            row("Truckload and intermodal", "rev_truck", "nwhl:TruckloadAndIntermodalRevenue",
                ys, indent=1),
            row(wh, "rev_wh", "nwhl:WarehousingRevenue", ys, indent=1),
            row("Total operating revenues", "rev", "us-gaap:Revenues", ys, indent=2, total=1),
            dict(label="Operating expenses", hdr=True),
            row("Purchased transportation", "purchased", "nwhl:PurchasedTransportationExpense",
                ys, indent=1),
            row("Salaries, wages and benefits", "salaries", "us-gaap:LaborAndRelatedExpense",
                ys, indent=1),
            row("Fuel and fuel taxes", "fuel", "us-gaap:FuelCosts", ys, indent=1),
            row("Operating supplies and maintenance", "maint", "nwhl:OperatingSuppliesExpense",
                ys, indent=1),
            row("Rents and occupancy", "rents", "nwhl:RentsAndOccupancyExpense", ys, indent=1),
            row("Insurance and claims", "insurance", "nwhl:InsuranceAndClaimsExpense", ys,
                indent=1),
            row("Depreciation and amortization", "da",
                "us-gaap:DepreciationDepletionAndAmortization", ys, indent=1),
            row("Gain on sale of equipment", "gain",
                "us-gaap:GainLossOnDispositionOfAssets", ys, indent=1, neg=True)]
    if any(F[y]["acq_costs"] for y in ys):
        rows.append(row("Acquisition and integration costs", "acq_costs",
                        "us-gaap:BusinessCombinationAcquisitionRelatedCosts", ys, indent=1))
    rows += [row("Other operating expenses", "other", "us-gaap:OtherCostAndExpenseOperating",
                 ys, indent=1),
             row("Total operating expenses", "opex", "us-gaap:CostsAndExpenses", ys, indent=2,
                 total=1),
             row("Operating income", "oi", "us-gaap:OperatingIncomeLoss", ys, total=1),
             row("Interest expense", "interest", "us-gaap:InterestExpense", ys, neg=True),
             row("Other income, net", "other_inc", "us-gaap:OtherNonoperatingIncomeExpense", ys),
             row("Income before income taxes", "pretax", "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest", ys, total=1),
             row("Income tax expense", "tax", "us-gaap:IncomeTaxExpenseBenefit", ys),
             row("Net income", "ni", "us-gaap:NetIncomeLoss", ys, total=2, dollar=True,
                 bold=True),
             dict(label="Earnings per share:", hdr=True),
             row("Basic", "eps_basic", "us-gaap:EarningsPerShareBasic", ys, indent=1, dec=2,
                 dollar=True, total=2),
             row("Diluted", "eps_dil", "us-gaap:EarningsPerShareDiluted", ys, indent=1, dec=2,
                 dollar=True, total=2),
             dict(label="Weighted average shares outstanding:", hdr=True),
             row("Basic", "sh_basic", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
                 ys, indent=1),
             row("Diluted", "sh_dil", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding",
                 ys, indent=1)]
    return T(dict(title="NORTHWIND HARBOR LOGISTICS, INC. CONSOLIDATED STATEMENTS OF INCOME",
                  note="(In thousands, except per share data)", cols=[str(y) for y in ys],
                  ctxs=[cx(y) for y in ys], group="Year Ended December 31,", rows=rows))


def balance_sheet(c):
    ys = [c.fy, c.py]
    R = lambda *a, **k: row(*a, ys, **k)
    rows = [dict(label="ASSETS", hdr=True), dict(label="Current assets:", hdr=True),
            R("Cash and cash equivalents", "cash", "us-gaap:CashAndCashEquivalentsAtCarryingValue",
              indent=1, dollar=True),
            R("Accounts receivable, net of allowance for credit losses", "ar",
              "us-gaap:AccountsReceivableNetCurrent", indent=1),
            R("Prepaid expenses and other current assets", "prepaid",
              "us-gaap:PrepaidExpenseAndOtherAssetsCurrent", indent=1),
            R("Total current assets", "cur_assets", "us-gaap:AssetsCurrent", indent=2, total=1),
            R("Property and equipment, net", "ppe", "us-gaap:PropertyPlantAndEquipmentNet"),
            R("Operating lease right-of-use assets", "rou",
              "us-gaap:OperatingLeaseRightOfUseAsset"),
            R("Goodwill", "goodwill", "us-gaap:Goodwill"),
            R("Intangible assets, net", "intang", "us-gaap:IntangibleAssetsNetExcludingGoodwill"),
            R("Other assets", "other_assets", "us-gaap:OtherAssetsNoncurrent"),
            R("Total assets", "assets", "us-gaap:Assets", total=2, dollar=True, bold=True),
            dict(label="LIABILITIES AND STOCKHOLDERS' EQUITY", hdr=True),
            dict(label="Current liabilities:", hdr=True),
            R("Accounts payable", "ap", "us-gaap:AccountsPayableCurrent", indent=1, dollar=True),
            R("Accrued expenses and other current liabilities", "accrued",
              "us-gaap:AccruedLiabilitiesCurrent", indent=1),
            R("Current portion of operating lease liabilities", "lease_cur",
              "us-gaap:OperatingLeaseLiabilityCurrent", indent=1),
            R("Current portion of long-term debt", "debt_cur", "us-gaap:LongTermDebtCurrent",
              indent=1),
            R("Total current liabilities", "cur_liab", "us-gaap:LiabilitiesCurrent", indent=2,
              total=1),
            R("Long-term debt, net of current portion", "ltd", "us-gaap:LongTermDebtNoncurrent"),
            R("Operating lease liabilities, net of current portion", "lease_lt",
              "us-gaap:OperatingLeaseLiabilityNoncurrent"),
            R("Deferred income taxes", "deftax_l", "us-gaap:DeferredIncomeTaxLiabilitiesNet"),
            R("Other long-term liabilities", "other_lt", "us-gaap:OtherLiabilitiesNoncurrent"),
            R("Total liabilities", "liab", "us-gaap:Liabilities", total=1),
            dict(label="Commitments and contingencies (Note 11)", vals=[None, None]),
            dict(label="Stockholders' equity:", hdr=True),
            dict(label="Preferred stock, $0.01 par value; 5,000 shares authorized; none issued",
                 indent=1, vals=[0, 0]),
            R("Common stock, $0.01 par value; 120,000 shares authorized; 46,800 shares issued",
              "cs", "us-gaap:CommonStockValue", indent=1),
            R("Additional paid-in capital", "apic", "us-gaap:AdditionalPaidInCapital", indent=1),
            R("Retained earnings", "re", "us-gaap:RetainedEarningsAccumulatedDeficit", indent=1),
            R("Treasury stock, at cost", "treasury", "us-gaap:TreasuryStockValue", indent=1),
            R("Total stockholders' equity", "equity", "us-gaap:StockholdersEquity", indent=2,
              total=1),
            R("Total liabilities and stockholders' equity", "liab_eq",
              "us-gaap:LiabilitiesAndStockholdersEquity", total=2, dollar=True, bold=True)]
    for r in rows:  # treasury stock is shown as a negative number but tagged positive
        if r.get("concept") == "us-gaap:TreasuryStockValue":
            r["concept"] = None
    return T(dict(title="NORTHWIND HARBOR LOGISTICS, INC. CONSOLIDATED BALANCE SHEETS",
                  note="(In thousands, except par value)", cols=[str(y) for y in ys],
                  ctxs=[cx(y, True) for y in ys], group="December 31,", rows=rows))


def cash_flows(c):
    ys = [c.fy, c.py, c.ppy]
    R = lambda *a, **k: row(*a, ys, **k)
    rows = [dict(label="Cash flows from operating activities:", hdr=True),
            R("Net income", "ni", "us-gaap:NetIncomeLoss", indent=1, dollar=True),
            dict(label="Adjustments to reconcile net income to net cash provided by operating "
                 "activities:", hdr=True, indent=1),
            R("Depreciation and amortization", "da",
              "us-gaap:DepreciationDepletionAndAmortization", indent=2),
            R("Stock-based compensation", "sbc", "us-gaap:ShareBasedCompensation", indent=2),
            R("Deferred income taxes", "deftax", "us-gaap:DeferredIncomeTaxExpenseBenefit",
              indent=2),
            R("Gain on sale of equipment", "gain", "us-gaap:GainLossOnDispositionOfAssets",
              indent=2, neg=True)]
    if any(F[y]["other_noncash"] for y in ys):
        rows.append(R("Amortization of debt issuance costs", "other_noncash",
                      "us-gaap:AmortizationOfDebtIssuanceCosts", indent=2))
    rows += [dict(label="Changes in operating assets and liabilities, net of acquisitions:",
                  hdr=True, indent=1),
             R("Accounts receivable", "d_ar", "us-gaap:IncreaseDecreaseInAccountsReceivable",
               indent=2),
             R("Prepaid expenses and other assets", "d_prepaid",
               "us-gaap:IncreaseDecreaseInPrepaidExpense", indent=2),
             R("Accounts payable", "d_ap", "us-gaap:IncreaseDecreaseInAccountsPayable", indent=2),
             R("Accrued expenses and other liabilities", "d_accrued",
               "us-gaap:IncreaseDecreaseInAccruedLiabilities", indent=2),
             R("Net cash provided by operating activities", "cfo",
               "us-gaap:NetCashProvidedByUsedInOperatingActivities", indent=3, total=1),
             dict(label="Cash flows from investing activities:", hdr=True),
             R("Purchases of property and equipment", "capex",
               "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", indent=1, neg=True),
             R("Proceeds from sale of equipment", "proceeds",
               "us-gaap:ProceedsFromSaleOfPropertyPlantAndEquipment", indent=1),
             R("Acquisitions of businesses, net of cash acquired", "acq",
               "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired", indent=1, neg=True),
             R("Net cash used in investing activities", "cfi",
               "us-gaap:NetCashProvidedByUsedInInvestingActivities", indent=3, total=1),
             dict(label="Cash flows from financing activities:", hdr=True),
             R("Borrowings under revolving credit facility", "rev_borrow",
               "us-gaap:ProceedsFromLinesOfCredit", indent=1),
             R("Repayments under revolving credit facility", "rev_repay",
               "us-gaap:RepaymentsOfLinesOfCredit", indent=1, neg=True)]
    if any(F[y]["term_borrow"] for y in ys):
        rows += [R("Proceeds from term loan", "term_borrow",
                   "us-gaap:ProceedsFromIssuanceOfLongTermDebt", indent=1),
                 R("Repayments of term loan", "term_repay", "us-gaap:RepaymentsOfLongTermDebt",
                   indent=1, neg=True),
                 R("Payment of debt issuance costs", "debt_costs",
                   "us-gaap:PaymentsOfDebtIssuanceCosts", indent=1, neg=True)]
    rows += [R("Dividends paid", "dividends", "us-gaap:PaymentsOfDividendsCommonStock",
               indent=1, neg=True),
             R("Repurchases of common stock", "buyback", "us-gaap:PaymentsForRepurchaseOfCommonStock",
               indent=1, neg=True),
             R("Shares withheld for taxes on equity awards", "withhold",
               "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation", indent=1,
               neg=True),
             R("Net cash provided by (used in) financing activities", "cff",
               "us-gaap:NetCashProvidedByUsedInFinancingActivities", indent=3, total=1),
             R("Net change in cash and cash equivalents", "net_cash",
               "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease", total=1),
             R("Cash and cash equivalents at beginning of year", "cash_begin", None),
             R("Cash and cash equivalents at end of year", "cash", None, total=2, dollar=True)]
    for r in rows:
        if r.get("concept") in ("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment",
                                "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired",
                                "us-gaap:RepaymentsOfLinesOfCredit", "us-gaap:RepaymentsOfLongTermDebt",
                                "us-gaap:PaymentsOfDebtIssuanceCosts",
                                "us-gaap:PaymentsOfDividendsCommonStock",
                                "us-gaap:PaymentsForRepurchaseOfCommonStock",
                                "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation"):
            r["concept"] = None  # outflows shown in parentheses; left untagged in this sample
    return T(dict(title="NORTHWIND HARBOR LOGISTICS, INC. CONSOLIDATED STATEMENTS OF CASH FLOWS",
                  note="(In thousands)", cols=[str(y) for y in ys], ctxs=[cx(y) for y in ys],
                  group="Year Ended December 31,", rows=rows))


def equity_statement(c):
    # Roll equity back from the earliest balance sheet we model (2021) where needed.
    bal = {}
    for y in (2021, 2022, 2023, 2024):
        bal[y] = {k: F[y][k] for k in ("cs", "apic", "re", "treasury", "equity")}
    for y in (2021, 2020):
        n = bal[y]
        bal[y - 1] = dict(cs=n["cs"], apic=n["apic"] - F[y]["sbc"] + F[y]["withhold"],
                          re=n["re"] - F[y]["ni"] + F[y]["dividends"],
                          treasury=n["treasury"] + F[y]["buyback"])
        bal[y - 1]["equity"] = sum(bal[y - 1][k] for k in ("cs", "apic", "re", "treasury"))
    cols = ["Common stock", "Additional paid-in capital", "Retained earnings", "Treasury stock",
            "Total"]
    keys = ["cs", "apic", "re", "treasury", "equity"]
    rows = []
    start = c.ppy - 1
    rows.append(dict(label=f"Balance at December 31, {start}", bold=True, dollar=True,
                     vals=[bal[start][k] for k in keys]))
    for y in (c.ppy, c.py, c.fy):
        f = F[y]
        rows += [dict(label="Net income", indent=1, vals=[None, None, f["ni"], None, f["ni"]]),
                 dict(label=f"Cash dividends declared (${f['dps']:.2f} per share)", indent=1,
                      vals=[None, None, -f["dividends"], None, -f["dividends"]]),
                 dict(label="Stock-based compensation", indent=1,
                      vals=[None, f["sbc"], None, None, f["sbc"]]),
                 dict(label="Shares withheld for taxes on equity awards", indent=1,
                      vals=[None, -f["withhold"], None, None, -f["withhold"]])]
        if f["buyback"]:
            rows.append(dict(label="Repurchases of common stock", indent=1,
                             vals=[None, None, None, -f["buyback"], -f["buyback"]]))
        rows.append(dict(label=f"Balance at December 31, {y}", total=1, bold=True,
                         dollar=y == c.fy, vals=[bal[y][k] for k in keys]))
    return T(dict(title="NORTHWIND HARBOR LOGISTICS, INC. CONSOLIDATED STATEMENTS OF "
                        "STOCKHOLDERS' EQUITY", note="(In thousands, except per share data)",
                  cols=cols, rows=rows))


def auditor_report(c):
    y = c.fy
    date = c.v({2022: "February 24, 2023", 2023: "February 23, 2024", 2024: "February 21, 2025"})
    b = [HC("Report of Independent Registered Public Accounting Firm"),
         P("To the Stockholders and the Board of Directors of Northwind Harbor Logistics, Inc."),
         H("Opinions on the Financial Statements and Internal Control over Financial Reporting"),
         P(f"We have audited the accompanying consolidated balance sheets of Northwind Harbor "
           f"Logistics, Inc. and subsidiaries (the Company) as of December 31, {y} and {y - 1}, "
           "the related consolidated statements of income, stockholders' equity and cash flows "
           f"for each of the three years in the period ended December 31, {y}, and the related "
           "notes (collectively referred to as the consolidated financial statements). We also "
           "have audited the Company's internal control over financial reporting as of December "
           f"31, {y}, based on criteria established in _Internal Control - Integrated Framework "
           "(2013)_ issued by the Committee of Sponsoring Organizations of the Treadway "
           "Commission."),
         P("In our opinion, the consolidated financial statements referred to above present "
           "fairly, in all material respects, the financial position of the Company as of "
           f"December 31, {y} and {y - 1}, and the results of its operations and its cash flows "
           f"for each of the three years in the period ended December 31, {y}, in conformity "
           "with U.S. generally accepted accounting principles. Also in our opinion, the Company "
           "maintained, in all material respects, effective internal control over financial "
           f"reporting as of December 31, {y}, based on the COSO criteria."),
         ]
    if y >= 2024:
        b.append(P("As indicated in the accompanying Management's Report on Internal Control over "
                   "Financial Reporting, management excluded from its assessment the internal "
                   "control over financial reporting of Cascade Cold Chain Holdings, LLC, which "
                   "was acquired on July 1, 2024. Our audit of internal control over financial "
                   "reporting of the Company also excluded an evaluation of the internal control "
                   "over financial reporting of Cascade Cold Chain Holdings, LLC."))
    b += [H("Basis for Opinions"),
          P("The Company's management is responsible for these consolidated financial "
            "statements, for maintaining effective internal control over financial reporting, "
            "and for its assessment of the effectiveness of internal control over financial "
            "reporting. Our responsibility is to express an opinion on the Company's "
            "consolidated financial statements and an opinion on the Company's internal control "
            "over financial reporting based on our audits. We are a public accounting firm "
            "registered with the Public Company Accounting Oversight Board (United States) "
            "(PCAOB) and are required to be independent with respect to the Company in "
            "accordance with the U.S. federal securities laws and the applicable rules and "
            "regulations of the Securities and Exchange Commission and the PCAOB."),
          P("We conducted our audits in accordance with the standards of the PCAOB. Those "
            "standards require that we plan and perform the audits to obtain reasonable "
            "assurance about whether the consolidated financial statements are free of material "
            "misstatement, whether due to error or fraud, and whether effective internal control "
            "over financial reporting was maintained in all material respects. Our audits of the "
            "consolidated financial statements included performing procedures to assess the "
            "risks of material misstatement, whether due to error or fraud, and performing "
            "procedures that respond to those risks. Our audit of internal control over "
            "financial reporting included obtaining an understanding of internal control over "
            "financial reporting, assessing the risk that a material weakness exists, and "
            "testing and evaluating the design and operating effectiveness of internal control "
            "based on the assessed risk. We believe that our audits provide a reasonable basis "
            "for our opinions."),
          H("Critical Audit Matters"),
          P("The critical audit matters communicated below are matters arising from the current "
            "period audit of the financial statements that were communicated or required to be "
            "communicated to the audit committee and that relate to accounts or disclosures that "
            "are material to the financial statements and involved our especially challenging, "
            "subjective or complex judgments."),
          H3("Self-insured auto liability claims"),
          P("As discussed in Note 1, the Company retains a significant portion of the risk of "
            "auto liability claims and records accruals for the estimated cost of claims "
            "incurred, including claims incurred but not reported, based on actuarial methods. "
            "Auditing these accruals was complex because of the judgment required to evaluate "
            "the actuarial assumptions, particularly the loss development factors and expected "
            "loss rates, which are sensitive to the increasing severity of claims in the "
            "trucking industry. Our procedures included testing controls over the claims "
            "process, testing the completeness and accuracy of the underlying claims data, and, "
            "with the assistance of our actuarial specialists, developing an independent range "
            "of estimates and comparing it with management's estimate.")]
    if y >= 2024:
        b += [H3("Valuation of customer relationship intangible assets - Cascade acquisition"),
              P("As discussed in Note 3, the Company acquired Cascade for net consideration of "
                "$318.6 million and recorded customer relationship intangible assets of $96.0 "
                "million. Auditing the valuation was complex because of the significant "
                "estimation uncertainty in the customer attrition rate, revenue growth rates, "
                "EBITDA margins and discount rate used in the multi-period excess earnings "
                "method. Our procedures included testing controls over the valuation process, "
                "evaluating the assumptions against Cascade's historical results and industry "
                "data, and, with the assistance of our valuation specialists, evaluating the "
                "methodology and the discount rate.")]
    b += [P("/s/ Whitcombe & Larkin LLP"),
          P("We have served as the Company's auditor since 2003."),
          P(f"Richmond, Virginia<br/>{date}".replace("<br/>", ", ")),
          P("PCAOB ID: 4417")]
    return b


def notes(c):
    y, p = c.fy, c.py
    f, fp = F[y], F[p]
    b = [HC("NOTES TO CONSOLIDATED FINANCIAL STATEMENTS")]
    b.append(H("1. Summary of Significant Accounting Policies"))
    b.append(P("_Nature of business._ Northwind Harbor Logistics, Inc. and its subsidiaries (the "
               "\"Company\") provide port drayage, truckload, intermodal, brokerage and "
               "warehousing services"
               + c.v({2022: "", 2024: ", including temperature-controlled storage,"})
               + " in the United States. The consolidated financial statements include the "
               "accounts of the Company and its wholly owned subsidiaries; intercompany "
               "transactions and balances have been eliminated."))
    b.append(P("_Use of estimates._ The preparation of financial statements in conformity with "
               "U.S. generally accepted accounting principles requires management to make "
               "estimates and assumptions that affect the amounts reported in the financial "
               "statements and accompanying notes. Significant estimates include accruals for "
               "self-insured claims, the useful lives and salvage values of property and "
               "equipment, the fair values of acquired assets and reporting units, and income "
               "taxes. Actual results could differ from those estimates."))
    b.append(P("_Cash and cash equivalents._ Cash equivalents consist of highly liquid "
               "investments with original maturities of three months or less, principally money "
               "market funds."))
    b.append(P("_Accounts receivable._ Accounts receivable are recorded at invoiced amounts, "
               "plus amounts for services performed but not yet billed, less an allowance for "
               "expected credit losses based on the age of receivables, historical losses and "
               "current economic conditions. The allowance was "
               + c.v({2022: "$4.2 million and $3.6 million", 2023: "$5.1 million and $4.2 "
                      "million", 2024: "$5.8 million and $5.1 million"})
               + f" at December 31, {y} and {p}, respectively."))
    b.append(P("_Property and equipment._ Property and equipment are recorded at cost and "
               "depreciated using the straight-line method over estimated useful lives of four "
               "to seven years for tractors, ten to fifteen years for trailers and chassis, three "
               "to ten years for warehouse and other equipment, and up to forty years for "
               "buildings, to estimated salvage values. We review long-lived assets for "
               "impairment when events or changes in circumstances indicate that their carrying "
               "amount may not be recoverable."))
    b.append(P("_Goodwill and intangible assets._ Goodwill is tested for impairment annually as "
               "of October 1 and between annual tests if an event occurs that would more likely "
               "than not reduce the fair value of a reporting unit below its carrying amount. "
               "Intangible assets with finite lives, principally customer relationships and "
               "trade names, are amortized on a straight-line basis over their estimated useful "
               "lives of three to fifteen years."))
    b.append(P("_Self-insured claims._ The Company retains a portion of the risk of auto "
               "liability, workers' compensation, cargo and property claims. Accruals for claims "
               "are based on actuarial estimates of the ultimate cost of reported claims and "
               "claims incurred but not reported, and are not discounted. Insurance recoveries "
               "are recorded as assets when they are probable."))
    b.append(P("_Revenue recognition._ See Note 2. _Stock-based compensation._ Compensation cost "
               "for restricted stock units and performance share units is measured at the grant "
               "date fair value and recognized over the requisite service period; forfeitures "
               "are recognized as they occur. _Income taxes._ Deferred tax assets and "
               "liabilities are recognized for the future tax consequences of temporary "
               "differences between the financial statement and tax bases of assets and "
               "liabilities, and uncertain tax positions are recognized when they are more "
               "likely than not to be sustained."))
    b.append(H("2. Revenue"))
    b.append(P("Transportation revenue, which includes drayage, truckload, intermodal and "
               "brokerage services, is recognized over time as the shipment moves from origin to "
               "destination, because the customer simultaneously receives and consumes the "
               "benefit of our performance. The Company is the principal in its brokerage and "
               "intermodal arrangements because it controls the service before it is transferred "
               "to the customer, and it therefore records revenue and purchased transportation on "
               "a gross basis. Warehousing revenue is recognized over time as storage and "
               "handling services are performed; revenue under open-book arrangements includes "
               "reimbursed costs. Payment terms are generally 30 to 45 days. Contract assets for "
               "shipments in transit and contract liabilities were not material at December 31, "
               f"{y} or {p}. The following table disaggregates revenue by type of service:"))
    ys = [y, p, y - 2]
    ded = {2020: .38, 2021: .37, 2022: .41, 2023: .46, 2024: .49}
    brok = {2020: 231100, 2021: 288400, 2022: 301700, 2023: 233800, 2024: 214600}
    rows = [dict(label="Container drayage and port services", vals=[F[x]["rev_port"] for x in ys],
                 dollar=True, concept="nwhl:PortAndDrayageRevenue"),
            dict(label="Dedicated contract carriage", vals=[_r(F[x]["rev_truck"] * ded[x])
                                                            for x in ys]),
            dict(label="One-way truckload and intermodal",
                 vals=[F[x]["rev_truck"] - _r(F[x]["rev_truck"] * ded[x]) - brok[x] for x in ys]),
            dict(label="Freight brokerage", vals=[brok[x] for x in ys]),
            dict(label="Warehousing and value-added services",
                 vals=[F[x]["rev_wh"] - (116600 if x == 2024 else 0) for x in ys])]
    if y >= 2024:
        rows.append(dict(label="Temperature-controlled storage and transportation",
                         vals=[116600 if x == 2024 else 0 for x in ys]))
    rows.append(dict(label="Total operating revenues", total=2, dollar=True,
                     vals=[F[x]["rev"] for x in ys]))
    b.append(T(dict(note="(In thousands)", cols=[str(x) for x in ys],
                    ctxs=[cx(x) for x in ys], rows=rows)))
    b.append(H("3. Acquisitions"))
    if y >= 2024:
        ppa = CASCADE_PPA
        b.append(P("On July 1, 2024, the Company acquired all of the membership interests of "
                   "Cascade Cold Chain Holdings, LLC, an operator of temperature-controlled "
                   "warehouses and refrigerated trucking in the Pacific Northwest and Northern "
                   "California, for cash consideration of $318.6 million, net of cash acquired "
                   "and subject to customary adjustments. The acquisition was financed with "
                   "proceeds of a $225.0 million term loan and borrowings under the Company's "
                   "revolving credit facility. Goodwill, which is assigned to the Warehousing and "
                   "Cold Chain segment, reflects the expected growth of the business, the "
                   "assembled workforce and expected synergies, and is deductible for income tax "
                   "purposes only in part. The preliminary allocation of the purchase price is "
                   "as follows:"))
        rows = [dict(label="Accounts receivable", vals=[ppa["ar"]], dollar=True),
                dict(label="Prepaid expenses and other current assets", vals=[ppa["prepaid"]]),
                dict(label="Property and equipment", vals=[ppa["ppe"]]),
                dict(label="Operating lease right-of-use assets", vals=[ppa["rou"]]),
                dict(label="Customer relationships (15-year life)", vals=[ppa["cust_rel"]]),
                dict(label="Trade name (5-year life)", vals=[ppa["trade_name"]]),
                dict(label="Goodwill", vals=[ppa["goodwill"]]),
                dict(label="Accounts payable", vals=[-ppa["ap"]]),
                dict(label="Accrued expenses", vals=[-ppa["accrued"]]),
                dict(label="Operating lease liabilities", vals=[-ppa["lease"]]),
                dict(label="Deferred income taxes", vals=[-ppa["deftax"]]),
                dict(label="Net consideration", total=2, dollar=True, vals=[318600],
                     concept="us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired")]
        b.append(T(dict(note="(In thousands)", cols=["July 1, 2024"], ctxs=["c-FY2024"],
                        rows=rows)))
        b.append(P("Cascade contributed operating revenues of $116.6 million and operating "
                   "income of $14.8 million from the acquisition date through December 31, 2024. "
                   "On an unaudited pro forma basis, as if the acquisition had occurred on "
                   "January 1, 2023, the Company's operating revenues would have been $2,163.9 "
                   "million in 2024 and $2,138.2 million in 2023, and net income would have been "
                   "$111.4 million and $124.9 million, respectively. The pro forma amounts "
                   "include amortization of intangible assets, interest on acquisition "
                   "borrowings, and the exclusion of acquisition costs from 2024, and are not "
                   "necessarily indicative of the results that would have been achieved."))
    else:
        b.append(P("On October 4, 2021, the Company acquired Tidewater Transload, Inc., which "
                   "operates two transload facilities near the Port of Baltimore, for cash "
                   "consideration of $38.5 million. The Company recorded $14.2 million of "
                   "goodwill, $11.6 million of customer relationships and $12.7 million of net "
                   "tangible assets. The acquisition was not material to the consolidated "
                   f"financial statements, and no acquisitions were completed in {y}."))
    b.append(H("4. Property and Equipment"))
    ppe_split = lambda x: dict(land=_r(F[x]["ppe"] * .11), bldg=_r(F[x]["ppe"] * .29),
                               tractors=_r(F[x]["ppe"] * .62), trailers=_r(F[x]["ppe"] * .31),
                               wh=_r(F[x]["ppe"] * .19), cip=_r(F[x]["ppe"] * .04))
    a, z = ppe_split(y), ppe_split(p)
    gross_a, gross_z = sum(a.values()), sum(z.values())
    rows = [dict(label="Land", vals=[a["land"], z["land"]], dollar=True),
            dict(label="Buildings and improvements", vals=[a["bldg"], z["bldg"]]),
            dict(label="Tractors", vals=[a["tractors"], z["tractors"]]),
            dict(label="Trailers, containers and chassis", vals=[a["trailers"], z["trailers"]]),
            dict(label="Warehouse and other equipment", vals=[a["wh"], z["wh"]]),
            dict(label="Construction in progress", vals=[a["cip"], z["cip"]]),
            dict(label="Property and equipment, gross", total=1, vals=[gross_a, gross_z]),
            dict(label="Less accumulated depreciation",
                 vals=[-(gross_a - f["ppe"]), -(gross_z - fp["ppe"])]),
            dict(label="Property and equipment, net", total=2, dollar=True,
                 vals=[f["ppe"], fp["ppe"]], concept="us-gaap:PropertyPlantAndEquipmentNet")]
    b.append(P(f"Property and equipment consisted of the following at December 31:"))
    b.append(T(dict(note="(In thousands)", cols=[str(y), str(p)],
                    ctxs=[cx(y, True), cx(p, True)], rows=rows)))
    b.append(P(f"Depreciation expense was ${f['depr'] / 1000:,.1f} million, "
               f"${fp['depr'] / 1000:,.1f} million and ${F[y - 2]['depr'] / 1000:,.1f} million "
               f"in {y}, {p} and {y - 2}, respectively."))
    b.append(H("5. Goodwill and Intangible Assets"))
    gw = {"port": 38900, "truck": 41200, "wh": 16300}
    rows = [dict(label="Port and Drayage Services", vals=[gw["port"], gw["port"]], dollar=True),
            dict(label="Truckload and Intermodal", vals=[gw["truck"], gw["truck"]]),
            dict(label="Warehousing and Cold Chain" if y >= 2024 else "Contract Warehousing",
                 vals=[gw["wh"] + (118600 if y >= 2024 else 0), gw["wh"]]),
            dict(label="Total goodwill", total=2, dollar=True, vals=[f["goodwill"],
                                                                     fp["goodwill"]],
                 concept="us-gaap:Goodwill")]
    b.append(P("Goodwill by segment was as follows at December 31"
               + (" (the increase in 2024 resulted from the Cascade acquisition):" if y >= 2024
                  else "; there were no changes in the carrying amount of goodwill during the "
                  "year:")))
    b.append(T(dict(note="(In thousands)", cols=[str(y), str(p)],
                    ctxs=[cx(y, True), cx(p, True)], rows=rows)))
    b.append(P(f"Intangible assets, net, were {c.m('intang')} and {c.m('intang', p)} at December "
               f"31, {y} and {p}, respectively, net of accumulated amortization, and consisted "
               "principally of customer relationships. Amortization expense was "
               f"${f['amort'] / 1000:,.1f} million in {y}. Estimated amortization expense is "
               + c.v({2022: "$6.2 million in each of 2023 and 2024, $5.4 million in 2025, $4.8 "
                            "million in 2026 and $3.9 million in 2027.",
                      2023: "$6.2 million in 2024, $5.4 million in 2025, $4.8 million in 2026, "
                            "$3.9 million in 2027 and $3.1 million in 2028.",
                      2024: "$14.8 million in 2025, $14.2 million in 2026, $13.3 million in "
                            "2027, $12.6 million in 2028 and $10.9 million in 2029."})))
    b.append(H("6. Accrued Expenses and Other Current Liabilities"))
    acc = f["accrued"]
    acc_p = fp["accrued"]
    claims = {2021: 33100, 2022: 35600, 2023: 38900, 2024: 43500}
    wages = {2021: 41200, 2022: 43700, 2023: 40100, 2024: 47900}
    taxes = {2021: 8300, 2022: 7900, 2023: 8600, 2024: 9800}
    rows = [dict(label="Accrued wages, benefits and incentive compensation",
                 vals=[wages[y], wages[p]], dollar=True),
            dict(label="Self-insured claims, current portion", vals=[claims[y], claims[p]]),
            dict(label="Taxes other than income taxes", vals=[taxes[y], taxes[p]]),
            dict(label="Other", vals=[acc - wages[y] - claims[y] - taxes[y],
                                      acc_p - wages[p] - claims[p] - taxes[p]]),
            dict(label="Total", total=2, dollar=True, vals=[acc, acc_p],
                 concept="us-gaap:AccruedLiabilitiesCurrent")]
    b.append(T(dict(note="(In thousands)", cols=[str(y), str(p)],
                    ctxs=[cx(y, True), cx(p, True)], rows=rows)))
    b.append(H("7. Leases"))
    b.append(P("The Company leases terminals, container yards, warehouses, office space, "
               "tractors and other equipment under operating leases with remaining terms of one "
               "to eighteen years, some of which include options to extend. Operating lease cost "
               + c.v({2022: "was $71.8 million, $66.9 million and $59.2 million",
                      2023: "was $78.4 million, $71.8 million and $66.9 million",
                      2024: "was $91.6 million, $78.4 million and $71.8 million"})
               + f" in {y}, {p} and {y - 2}, respectively, including short-term and variable "
               "lease cost. The weighted average remaining lease term was "
               + c.v({2022: "6.8", 2023: "7.1", 2024: "7.9"}) + " years and the weighted average "
               "discount rate was " + c.v({2022: "4.1%", 2023: "4.6%", 2024: "5.2%"}) + ". "
               "Maturities of operating lease liabilities at December 31, " + str(y)
               + " were as follows:"))
    tot = f["lease_cur"] + f["lease_lt"]
    und = _r(tot * 1.12)
    m = [_r(und * s) for s in (.23, .19, .16, .13, .10)]
    m.append(und - sum(m))
    rows = [dict(label=str(y + i + 1) if i < 5 else "Thereafter", vals=[v], dollar=i == 0)
            for i, v in enumerate(m)]
    rows += [dict(label="Total lease payments", total=1, vals=[und]),
             dict(label="Less imputed interest", vals=[-(und - tot)]),
             dict(label="Present value of lease liabilities", total=2, dollar=True, vals=[tot],
                  concept="us-gaap:OperatingLeaseLiability")]
    b.append(T(dict(note="(In thousands)", cols=["Operating leases"], ctxs=[cx(y, True)],
                    rows=rows)))
    b.append(H("8. Debt"))
    if y >= 2024:
        b.append(P("On June 28, 2024, the Company amended and restated its credit agreement to "
                   "provide a $500.0 million revolving credit facility maturing in June 2029 and "
                   "a $225.0 million term loan maturing in June 2031, which is repayable in "
                   "quarterly installments of 0.25% of the original principal. Borrowings bear "
                   "interest at the Secured Overnight Financing Rate plus a margin of 1.25% to "
                   "2.25%, based on the Company's net leverage ratio. The weighted average "
                   "interest rate on borrowings was 6.9% at December 31, 2024. The agreement "
                   "requires a net leverage ratio of not more than 3.25 to 1.00, increasing to "
                   "3.75 to 1.00 for four quarters following the Cascade acquisition, and an "
                   "interest coverage ratio of not less than 3.00 to 1.00, and it is secured by "
                   "the equity of the Company's subsidiaries."))
    else:
        b.append(P("The Company's credit agreement, dated August 5, 2021, provides a $550.0 "
                   "million unsecured revolving credit facility maturing in August 2026, "
                   "including a $75.0 million sublimit for letters of credit. Borrowings bear "
                   "interest at the Secured Overnight Financing Rate plus a margin of 1.00% to "
                   "1.75%, based on the Company's leverage ratio, and the weighted average "
                   "interest rate was " + c.v({2022: "5.6%", 2023: "6.7%"}) + " at December 31, "
                   + str(y) + ". The agreement requires a leverage ratio of not more than 3.25 "
                   "to 1.00 and an interest coverage ratio of not less than 3.00 to 1.00."))
    rows = [dict(label="Revolving credit facility", vals=[f["revolver"], fp["revolver"]],
                 dollar=True, concept="us-gaap:LongTermLineOfCredit")]
    if f["term"]:
        rows += [dict(label="Term loan", vals=[f["term"], fp["term"]]),
                 dict(label="Unamortized debt issuance costs", vals=[-f["unamort"],
                                                                     -fp["unamort"]]),
                 dict(label="Less current portion", vals=[-f["debt_cur"], -fp["debt_cur"]])]
    rows.append(dict(label="Long-term debt, net of current portion", total=2, dollar=True,
                     vals=[f["ltd"], fp["ltd"]], concept="us-gaap:LongTermDebtNoncurrent"))
    b.append(T(dict(note="(In thousands)", cols=[str(y), str(p)],
                    ctxs=[cx(y, True), cx(p, True)], rows=rows)))
    b.append(P("Outstanding letters of credit, primarily supporting the Company's self-insurance "
               "programs, were " + c.v({2022: "$5.7 million", 2023: "$5.9 million",
                                        2024: "$6.3 million"})
               + f" at December 31, {y}. The Company was in compliance with its covenants at "
               f"December 31, {y}."))
    b.append(H("9. Income Taxes"))
    ys = [y, p, y - 2]
    cur_fed = {x: _r((F[x]["tax"] - F[x]["deftax"]) * .8) for x in ys}
    cur_st = {x: F[x]["tax"] - F[x]["deftax"] - cur_fed[x] for x in ys}
    rows = [dict(label="Current:", hdr=True),
            dict(label="Federal", indent=1, vals=[cur_fed[x] for x in ys], dollar=True),
            dict(label="State", indent=1, vals=[cur_st[x] for x in ys]),
            dict(label="Deferred:", hdr=True),
            dict(label="Federal", indent=1, vals=[_r(F[x]["deftax"] * .8) for x in ys]),
            dict(label="State", indent=1, vals=[F[x]["deftax"] - _r(F[x]["deftax"] * .8)
                                                for x in ys]),
            dict(label="Income tax expense", total=2, dollar=True, vals=[F[x]["tax"] for x in ys],
                 concept="us-gaap:IncomeTaxExpenseBenefit")]
    b.append(P("The components of income tax expense were as follows:"))
    b.append(T(dict(note="(In thousands)", cols=[str(x) for x in ys], ctxs=[cx(x) for x in ys],
                    rows=rows)))
    b.append(P("The effective tax rate differs from the federal statutory rate of 21% primarily "
               "because of state income taxes, net of federal benefit, nondeductible expenses, "
               + ("nondeductible transaction costs of the Cascade acquisition, " if y >= 2024
                  else "")
               + "and excess tax benefits from the vesting of equity awards. Deferred tax "
               "liabilities relate principally to accelerated depreciation of property and "
               "equipment and to intangible assets, and deferred tax assets relate principally to "
               "accrued claims, lease liabilities and compensation. The Company had no material "
               "unrecognized tax benefits. Federal income tax returns for years before "
               f"{y - 3} are no longer subject to examination."))
    b.append(H("10. Stock-Based Compensation"))
    b.append(P("Under the 2019 Omnibus Incentive Plan, the Company grants restricted stock units "
               "that generally vest over three years and performance share units that vest "
               "after three years based on the Company's return on invested capital and total "
               "stockholder return relative to a peer group. At December 31, " + str(y) + ", "
               + c.v({2022: "2.1", 2023: "1.8", 2024: "1.5"}) + " million shares were available "
               "for future grants. Stock-based compensation expense was "
               f"${f['sbc'] / 1000:,.1f} million, ${fp['sbc'] / 1000:,.1f} million and "
               f"${F[y - 2]['sbc'] / 1000:,.1f} million in {y}, {p} and {y - 2}, respectively, and "
               "unrecognized compensation cost of "
               + c.v({2022: "$14.6 million", 2023: "$15.3 million", 2024: "$17.9 million"})
               + " is expected to be recognized over a weighted average period of 1.8 years."))
    b.append(H("11. Commitments and Contingencies"))
    b.append(P("At December 31, " + str(y) + ", the Company had commitments to purchase "
               "equipment of approximately "
               + c.v({2022: "$94.3 million", 2023: "$61.8 million", 2024: "$88.6 million"})
               + ". The Company is party to legal proceedings arising in the ordinary course of "
               "business. It accrues for losses that are probable and reasonably estimable, and "
               "it discloses matters for which a loss is reasonably possible. "
               + c.v({2022: "The _Ramirez_ putative class action described in Item 3 is at an "
                            "early stage, and the Company cannot estimate a reasonably possible "
                            "loss or range of loss.",
                      2023: "The Company cannot estimate a reasonably possible loss or range of "
                            "loss for the _Ramirez_ class action or the data incident litigation "
                            "described in Item 3.",
                      2024: "In June 2024 the Company agreed to settle the _Ramirez_ class "
                            "action for $14.5 million and recorded a charge in other operating "
                            "expenses; the Company deposited the settlement amount into escrow "
                            "in December 2024 pending final court approval."})
               + " Management believes that the outcome of other pending matters will not have "
               "a material adverse effect on the Company's financial position."))
    b.append(H("12. Earnings Per Share"))
    rows = [dict(label="Net income", vals=[F[x]["ni"] for x in ys], dollar=True),
            dict(label="Weighted average shares outstanding - basic",
                 vals=[F[x]["sh_basic"] for x in ys]),
            dict(label="Effect of dilutive equity awards", vals=[F[x]["sh_dil"] - F[x]["sh_basic"]
                                                                 for x in ys]),
            dict(label="Weighted average shares outstanding - diluted", total=1,
                 vals=[F[x]["sh_dil"] for x in ys]),
            dict(label="Basic earnings per share", dollar=True, dec=2,
                 vals=[F[x]["eps_basic"] for x in ys]),
            dict(label="Diluted earnings per share", dollar=True, dec=2,
                 vals=[F[x]["eps_dil"] for x in ys])]
    b.append(T(dict(note="(In thousands, except per share data)", cols=[str(x) for x in ys],
                    rows=rows)))
    b.append(H("13. Segment Information"))
    b.append(P("The Company's chief operating decision maker, its Chief Executive Officer, "
               "evaluates performance and allocates resources based on segment operating "
               "income. The Company's reportable segments are Port and Drayage Services, "
               "Truckload and Intermodal, and "
               + ("Warehousing and Cold Chain. " if y >= 2024 else "Contract Warehousing. ")
               + "Corporate and other includes unallocated corporate costs"
               + (", acquisition and integration costs and the litigation settlement." if y >= 2024
                  else ".")
               + (" In 2024 the Company adopted ASU 2023-07 and now discloses significant segment "
                  "expenses regularly provided to the chief operating decision maker, which "
                  "consist of the expense categories presented in the consolidated statements "
                  "of income." if y >= 2024 else "")))
    wh = "Warehousing and Cold Chain" if y >= 2024 else "Contract Warehousing"
    rows = [dict(label="Operating revenues:", hdr=True),
            dict(label="Port and Drayage Services", indent=1, dollar=True,
                 vals=[F[x]["rev_port"] for x in ys]),
            dict(label="Truckload and Intermodal", indent=1, vals=[F[x]["rev_truck"] for x in ys]),
            dict(label=wh, indent=1, vals=[F[x]["rev_wh"] for x in ys]),
            dict(label="Total", indent=2, total=1, dollar=True, vals=[F[x]["rev"] for x in ys]),
            dict(label="Operating income:", hdr=True),
            dict(label="Port and Drayage Services", indent=1, dollar=True,
                 vals=[F[x]["oi_port"] for x in ys]),
            dict(label="Truckload and Intermodal", indent=1, vals=[F[x]["oi_truck"] for x in ys]),
            dict(label=wh, indent=1, vals=[F[x]["oi_wh"] for x in ys]),
            dict(label="Corporate and other", indent=1, vals=[F[x]["oi_corp"] for x in ys]),
            dict(label="Total", indent=2, total=2, dollar=True, vals=[F[x]["oi"] for x in ys],
                 concept="us-gaap:OperatingIncomeLoss")]
    b.append(T(dict(note="(In thousands)", cols=[str(x) for x in ys], ctxs=[cx(x) for x in ys],
                    rows=rows)))
    b.append(H("14. Employee Benefit Plans"))
    b.append(P("The Company sponsors a defined contribution 401(k) plan covering substantially "
               "all non-union employees and matches 100% of the first 3% and 50% of the next 2% "
               "of eligible compensation that employees contribute. Matching contributions were "
               + c.v({2022: "$14.9 million, $13.1 million and $11.8 million",
                      2023: "$15.2 million, $14.9 million and $13.1 million",
                      2024: "$16.4 million, $15.2 million and $14.9 million"})
               + f" in {y}, {p} and {y - 2}, respectively."
               + (" Certain Cascade employees covered by collective bargaining agreements "
                  "participate in a multiemployer pension plan; the Company's contributions "
                  "since the acquisition were not material, and the plan was in the green zone "
                  "at its most recent certification." if y >= 2024 else "")))
    b.append(H("15. Subsequent Events"))
    b.append(P(c.v({
        2022: "On February 14, 2023, the Board of Directors declared a quarterly dividend of "
              "$0.13 per share, payable on March 15, 2023 to stockholders of record on March 1, "
              "2023.",
        2023: "On February 13, 2024, the Board of Directors declared a quarterly dividend of "
              "$0.14 per share, payable on March 15, 2024 to stockholders of record on March 1, "
              "2024.",
        2024: "On February 11, 2025, the Board of Directors declared a quarterly dividend of "
              "$0.14 per share, payable on March 14, 2025 to stockholders of record on February "
              "28, 2025. In January 2025, the ILA and the United States Maritime Alliance reached "
              "a tentative master contract for East and Gulf Coast ports, which remains subject "
              "to ratification."})))
    return b


def _r(x):
    return int(round(x / 100.0)) * 100


def item8(c):
    b = [P("INDEX TO CONSOLIDATED FINANCIAL STATEMENTS"),
         TT([], [["Report of Independent Registered Public Accounting Firm (PCAOB ID: 4417)"],
                 ["Consolidated Statements of Income"], ["Consolidated Balance Sheets"],
                 ["Consolidated Statements of Cash Flows"],
                 ["Consolidated Statements of Stockholders' Equity"],
                 ["Notes to Consolidated Financial Statements"]], [100]),
         PB()]
    b += auditor_report(c)
    b += [PB(), income_statement(c), P("See accompanying notes to consolidated financial "
                                       "statements."), PB(),
          balance_sheet(c), P("See accompanying notes to consolidated financial statements."),
          PB(), cash_flows(c), P("Supplemental cash flow information: cash paid for interest was "
                                 + c.m("interest") + " and cash paid for income taxes was "
                                 + f"${(c.f['tax'] - c.f['deftax']) / 1000:,.1f} million" + " in "
                                 + str(c.fy) + "."), PB(),
          equity_statement(c), PB()]
    b += notes(c)
    return b
