"""Item 7 (two versions: one shared by FY2022/FY2023, one rewritten for FY2024) and Item 7A."""

from ctx import H, H3, P, UL, TT, T
from fin import F

EXP = [("purchased", "Purchased transportation"), ("salaries", "Salaries, wages and benefits"),
       ("fuel", "Fuel and fuel taxes"), ("maint", "Operating supplies and maintenance"),
       ("rents", "Rents and occupancy"), ("insurance", "Insurance and claims"),
       ("da", "Depreciation and amortization"), ("other", "Other operating expenses")]

KPI = {
    "moves": {2021: 1.36, 2022: 1.41, 2023: 1.18, 2024: 1.26},  # millions of container moves
    "rev_move": {2021: 468, 2022: 497, 2023: 489, 2024: 474},
    "loads": {2021: 612, 2022: 634, 2023: 571, 2024: 566},  # thousands of loads
    "brokerage": {2021: 312.0, 2022: 301.7, 2023: 233.8, 2024: 214.6},  # $ millions
    "trucks_dedicated": {2021: 1210, 2022: 1340, 2023: 1420, 2024: 1495},
    "wh_util": {2021: 94, 2022: 93, 2023: 86, 2024: 88},
    "sqft": {2021: 13.6, 2022: 14.2, 2023: 15.1, 2024: 18.6},
}


def pc(a, b):
    d = (a - b) / abs(b) * 100
    return f"{d:.1f}%" if d >= 0 else f"({abs(d):.1f})%"


def results_table(c):
    y, p = c.fy, c.py
    rows = [dict(label="Operating revenues", vals=[F[y]["rev"], F[p]["rev"],
                                                   F[y]["rev"] - F[p]["rev"],
                                                   pc(F[y]["rev"], F[p]["rev"])], dollar=True)]
    rows.append(dict(label="Operating expenses:", hdr=True))
    for k, lab in EXP:
        rows.append(dict(label=lab, indent=1, vals=[F[y][k], F[p][k], F[y][k] - F[p][k],
                                                    pc(F[y][k], F[p][k])]))
    rows.append(dict(label="Gain on sale of equipment", indent=1,
                     vals=[-F[y]["gain"], -F[p]["gain"], F[p]["gain"] - F[y]["gain"],
                           pc(F[y]["gain"], F[p]["gain"])]))
    if F[y]["acq_costs"] or F[p]["acq_costs"]:
        rows.append(dict(label="Acquisition and integration costs", indent=1,
                         vals=[F[y]["acq_costs"], F[p]["acq_costs"],
                               F[y]["acq_costs"] - F[p]["acq_costs"], "n/m"]))
    rows.append(dict(label="Total operating expenses", indent=2, total=1,
                     vals=[F[y]["opex"], F[p]["opex"], F[y]["opex"] - F[p]["opex"],
                           pc(F[y]["opex"], F[p]["opex"])]))
    rows.append(dict(label="Operating income", vals=[F[y]["oi"], F[p]["oi"],
                                                     F[y]["oi"] - F[p]["oi"],
                                                     pc(F[y]["oi"], F[p]["oi"])], bold=True))
    rows.append(dict(label="Interest expense", vals=[-F[y]["interest"], -F[p]["interest"],
                                                     F[p]["interest"] - F[y]["interest"],
                                                     pc(F[y]["interest"], F[p]["interest"])]))
    rows.append(dict(label="Other income, net", vals=[F[y]["other_inc"], F[p]["other_inc"],
                                                      F[y]["other_inc"] - F[p]["other_inc"],
                                                      pc(F[y]["other_inc"], F[p]["other_inc"])]))
    rows.append(dict(label="Income before income taxes", total=1,
                     vals=[F[y]["pretax"], F[p]["pretax"], F[y]["pretax"] - F[p]["pretax"],
                           pc(F[y]["pretax"], F[p]["pretax"])]))
    rows.append(dict(label="Income tax expense", vals=[F[y]["tax"], F[p]["tax"],
                                                       F[y]["tax"] - F[p]["tax"],
                                                       pc(F[y]["tax"], F[p]["tax"])]))
    rows.append(dict(label="Net income", total=2, dollar=True,
                     vals=[F[y]["ni"], F[p]["ni"], F[y]["ni"] - F[p]["ni"],
                           pc(F[y]["ni"], F[p]["ni"])]))
    return T(dict(note="(In thousands)", cols=[str(y), str(p), "$ Change", "% Change"],
                  group="Year Ended December 31,", rows=rows))


def ratio_table(c):
    y, p = c.fy, c.py
    rows = []
    for k, lab in EXP:
        rows.append(dict(label=lab, vals=[F[y][k] / F[y]["rev"] * 100,
                                          F[p][k] / F[p]["rev"] * 100], pct=True))
    rows.append(dict(label="Operating ratio", total=1, pct=True,
                     vals=[F[y]["opex"] / F[y]["rev"] * 100, F[p]["opex"] / F[p]["rev"] * 100]))
    return T(dict(note="(Percentage of operating revenues)", cols=[str(y), str(p)], rows=rows))


def segment_table(c):
    y, p = c.fy, c.py
    wh = "Warehousing and Cold Chain" if y >= 2024 else "Contract Warehousing"
    rows = [dict(label="Operating revenues:", hdr=True)]
    for k, lab in (("rev_port", "Port and Drayage Services"), ("rev_truck",
                                                                 "Truckload and Intermodal"),
                   ("rev_wh", wh)):
        rows.append(dict(label=lab, indent=1, dollar=k == "rev_port",
                         vals=[F[y][k], F[p][k], pc(F[y][k], F[p][k])]))
    rows.append(dict(label="Total", indent=2, total=2, dollar=True,
                     vals=[F[y]["rev"], F[p]["rev"], pc(F[y]["rev"], F[p]["rev"])]))
    rows.append(dict(label="Operating income (loss):", hdr=True))
    for k, lab in (("oi_port", "Port and Drayage Services"), ("oi_truck",
                                                               "Truckload and Intermodal"),
                   ("oi_wh", wh), ("oi_corp", "Corporate and other")):
        rows.append(dict(label=lab, indent=1, dollar=k == "oi_port",
                         vals=[F[y][k], F[p][k], pc(F[y][k], F[p][k]) if k != "oi_corp"
                               else "n/m"]))
    rows.append(dict(label="Total", indent=2, total=2, dollar=True,
                     vals=[F[y]["oi"], F[p]["oi"], pc(F[y]["oi"], F[p]["oi"])]))
    return T(dict(note="(Dollars in thousands)", cols=[str(y), str(p), "% Change"], rows=rows))


def kpi_table(c):
    y, p = c.fy, c.py
    k = KPI
    rows = [["Container moves (millions)", f"{k['moves'][y]:.2f}", f"{k['moves'][p]:.2f}"],
            ["Average revenue per container move", f"${k['rev_move'][y]}",
             f"${k['rev_move'][p]}"],
            ["Truckload and intermodal loads (thousands)", f"{k['loads'][y]}",
             f"{k['loads'][p]}"],
            ["Brokerage revenue (millions)", f"${k['brokerage'][y]:.1f}",
             f"${k['brokerage'][p]:.1f}"],
            ["Dedicated tractors at year end", f"{k['trucks_dedicated'][y]:,}",
             f"{k['trucks_dedicated'][p]:,}"],
            ["Warehouse square feet at year end (millions)", f"{k['sqft'][y]:.1f}",
             f"{k['sqft'][p]:.1f}"],
            ["Average warehouse space utilization", f"{k['wh_util'][y]}%",
             f"{k['wh_util'][p]}%"]]
    return TT(["Key operating statistics", str(y), str(p)], rows, [60, 20, 20])


def cash_table(c):
    y, p = c.fy, c.py
    rows = [dict(label="Net cash provided by operating activities", dollar=True,
                 vals=[F[y]["cfo"], F[p]["cfo"]]),
            dict(label="Net cash used in investing activities", vals=[F[y]["cfi"], F[p]["cfi"]]),
            dict(label="Net cash provided by (used in) financing activities",
                 vals=[F[y]["cff"], F[p]["cff"]]),
            dict(label="Net change in cash and cash equivalents", total=2, dollar=True,
                 vals=[F[y]["net_cash"], F[p]["net_cash"]])]
    return T(dict(note="(In thousands)", cols=[str(y), str(p)], rows=rows))


def ebitda_table(c):
    y, p = c.fy, c.py
    rows = [dict(label="Net income", dollar=True, vals=[F[y]["ni"], F[p]["ni"]]),
            dict(label="Interest expense", vals=[F[y]["interest"], F[p]["interest"]]),
            dict(label="Other income, net", vals=[-F[y]["other_inc"], -F[p]["other_inc"]]),
            dict(label="Income tax expense", vals=[F[y]["tax"], F[p]["tax"]]),
            dict(label="Depreciation and amortization", vals=[F[y]["da"], F[p]["da"]]),
            dict(label="EBITDA", total=1, vals=[F[y]["ebitda"], F[p]["ebitda"]]),
            dict(label="Stock-based compensation", vals=[F[y]["sbc"], F[p]["sbc"]])]
    if F[y]["acq_costs"] or F[p]["acq_costs"]:
        rows.append(dict(label="Acquisition and integration costs",
                         vals=[F[y]["acq_costs"], F[p]["acq_costs"]]))
    if y >= 2023:
        rows.append(dict(label="Cybersecurity incident costs, net of insurance",
                         vals=[6800 if y == 2023 else 0, 6800 if p == 2023 else 0]))
    if y >= 2024:
        rows.append(dict(label="Litigation settlement", vals=[F[y]["special"], 0]))
    rows.append(dict(label="Adjusted EBITDA", total=2, dollar=True,
                     vals=[F[y]["adj_ebitda"], F[p]["adj_ebitda"]]))
    return T(dict(note="(In thousands)", cols=[str(y), str(p)], rows=rows))


def obligations_table(c):
    y = c.fy
    d = F[y]
    debt = d["revolver"] + d["term"]
    lease = d["lease_cur"] + d["lease_lt"]
    interest = {2022: 21400, 2023: 16800, 2024: 71200}[y]
    purch = {2022: 94300, 2023: 61800, 2024: 88600}[y]
    rows = []
    split = {"debt": (d["debt_cur"], 0.02, 0.03), "lease": (None, 0.45, 0.25)}
    debt1 = d["debt_cur"]
    debt13 = 4500 if d["term"] else 0
    debt35 = (0 if y == 2023 else d["revolver"]) + (4500 if d["term"] else 0)
    debt13 += d["revolver"] if y == 2023 else 0  # the 2021 revolver matures in August 2026
    debt_after = debt - debt1 - debt13 - debt35
    l1 = _r(lease * 0.25)
    l13 = _r(lease * 0.37)
    l35 = _r(lease * 0.21)
    i1, i13, i35 = _r(interest * 0.3), _r(interest * 0.45), _r(interest * 0.2)
    p1, p13 = _r(purch * 0.8), _r(purch * 0.2)
    rows.append(dict(label="Long-term debt, principal", dollar=True,
                     vals=[debt, debt1, debt13, debt35, debt_after]))
    rows.append(dict(label="Estimated interest payments", vals=[interest, i1, i13, i35,
                                                                interest - i1 - i13 - i35]))
    rows.append(dict(label="Operating lease obligations (undiscounted)",
                     vals=[_r(lease * 1.12), l1, l13, l35, _r(lease * 1.12) - l1 - l13 - l35]))
    rows.append(dict(label="Equipment purchase commitments", vals=[purch, p1, p13, 0, 0]))
    tot = [sum(r["vals"][i] for r in rows) for i in range(5)]
    rows.append(dict(label="Total", total=2, dollar=True, vals=tot))
    return T(dict(note="(In thousands)", cols=["Total", "Less than 1 year", "1-3 years",
                                               "3-5 years", "More than 5 years"],
                  group="Payments due by period", rows=rows))


def _r(x):
    return int(round(x / 100.0)) * 100


def item7(c):
    return _mdna_2024(c) if c.fy >= 2024 else _mdna_2022(c)


def _intro(c):
    return P("The following discussion should be read together with our consolidated financial "
             "statements and related notes in [[i8|Item 8, Financial Statements and "
             "Supplementary Data]]. This discussion contains forward-looking statements that "
             "involve risks and uncertainties, and our actual results may differ materially from "
             "those anticipated in these statements as a result of many factors, including those "
             "described under Item 1A, Risk Factors, and under \"Forward-Looking Statements\" "
             "at the beginning of this report. "
             + c.v({2022: "A discussion of our results for 2021 compared with 2020 is included "
                          "in Item 7 of our Annual Report on Form 10-K for the year ended "
                          "December 31, 2021.",
                    2023: "A discussion of our results for 2022 compared with 2021 is included "
                          "in Item 7 of our Annual Report on Form 10-K for the year ended "
                          "December 31, 2022.",
                    2024: "A discussion of our results for 2023 compared with 2022 is included "
                          "in Item 7 of our Annual Report on Form 10-K for the year ended "
                          "December 31, 2023."}))


def _mdna_2022(c):
    y, p = c.fy, c.py
    f, fp = c.f, c.fp
    b = [_intro(c), H("Overview")]
    b.append(P("We are a port-centric logistics company providing drayage, truckload, "
               "intermodal, brokerage and warehousing services, principally to importers, "
               "retailers and manufacturers whose freight moves through the Atlantic, Gulf and "
               "Pacific coast ports we serve. We report our results in three segments: Port and "
               "Drayage Services, Truckload and Intermodal, and Contract Warehousing. Our "
               "revenue is driven primarily by container import volumes, the number of loads and "
               "miles our fleet and our third-party carriers move, the rates we charge, the fuel "
               "surcharges we collect, and the volume of goods we handle and store in our "
               "warehouses."))
    b.append(P(c.v({
        2022: "2022 was a year of two halves. In the first six months, demand for our services "
              "remained exceptionally strong: importers continued to route cargo to East and "
              "Gulf Coast ports to avoid congestion and labor uncertainty on the West Coast, "
              "warehouses near the ports were full, and customers paid significant accessorial "
              "charges for container storage and pre-pulls. In the second half, as retailers "
              "found themselves with excess inventories and cancelled orders, import volumes "
              "declined, spot truckload rates fell sharply, and congestion at the ports largely "
              "cleared. Despite this slowdown, our revenue for the full year increased "
              f"{c.pct('rev')} to {c.m('rev')}, the highest in our history, reflecting higher "
              "fuel surcharge revenue, contractual rate increases and the growth of our "
              "warehousing business. Operating income decreased " + c.pct("oi") + " to "
              + c.m("oi") + " as higher costs for fuel, wages and insurance, and lower "
              "truckload spot rates, more than offset the growth in revenue.",
        2023: "2023 was a difficult year for the freight transportation industry. The "
              "inventory correction that began in the second half of 2022 continued through "
              "most of the year, import volumes through the ports we serve declined, and the "
              "truckload market remained oversupplied, which pushed both spot and contract rates "
              "down. Accessorial revenue for container storage and pre-pulls, which had been "
              "significant in 2021 and 2022, largely disappeared as the ports returned to normal "
              "operations. Lower diesel prices also reduced our fuel surcharge revenue. As a "
              f"result, our operating revenues decreased {c.pct('rev')} to {c.m('rev')}, and our "
              f"operating income decreased {c.pct('oi')} to {c.m('oi')}. Our Contract "
              "Warehousing segment, which benefits from multi-year contracts, grew revenue and "
              "operating income, partially offsetting the declines in our transportation "
              "segments."})))
    b.append(H("Highlights for " + str(y)))
    b.append(UL(c.v({
        2022: [f"Operating revenues increased {c.pct('rev')} to {c.m('rev')}; revenue excluding "
               "fuel surcharges increased 4.8%.",
               f"Operating income was {c.m('oi')}, compared with {c.m('oi', p)} in {p}, and our "
               f"operating ratio was {f['opex'] / f['rev'] * 100:.1f}%.",
               f"Diluted earnings per share were ${f['eps_dil']:.2f}, compared with "
               f"${fp['eps_dil']:.2f} in {p}.",
               f"We generated {c.m('cfo')} of cash from operations and returned "
               f"{c.m('buyback')} to stockholders through share repurchases and "
               f"{c.m('dividends')} through dividends.",
               "We opened four new warehouses, adding 0.6 million square feet, and began "
               "replacing our transportation management system."],
        2023: [f"Operating revenues decreased {c.pct('rev')} to {c.m('rev')}; revenue excluding "
               "fuel surcharges decreased 9.3%.",
               f"Operating income was {c.m('oi')}, compared with {c.m('oi', p)} in {p}, and our "
               f"operating ratio was {f['opex'] / f['rev'] * 100:.1f}%.",
               f"Diluted earnings per share were ${f['eps_dil']:.2f}, compared with "
               f"${fp['eps_dil']:.2f} in {p}.",
               f"Cash from operations remained strong at {c.m('cfo')}, helped by the collection "
               "of receivables as revenue declined, and we repurchased "
               f"{c.m('buyback')} of our common stock.",
               "We responded to a ransomware attack in May 2023 that disrupted our drayage "
               "operations for approximately four days and resulted in approximately $6.8 "
               "million of costs, net of expected insurance recoveries.",
               "We consolidated six drayage terminals, reduced non-driver headcount by "
               "approximately 7%, and migrated our drayage operations to our new transportation "
               "management system."]})))
    b += _factors(c)
    b.append(H("Trends and Outlook"))
    b.append(P(c.v({
        2022: "We expect freight demand to remain soft in the first half of 2023 as retailers "
              "continue to reduce inventories, and we expect truckload rates to remain under "
              "pressure until capacity leaves the market. We also expect our costs for wages, "
              "insurance and equipment to continue to increase, although at a slower rate than "
              "in 2022. We believe that our warehousing business, whose contracts typically run "
              "for several years, will continue to grow, and that demand for drayage will "
              "recover when inventories are back in balance. The timing of that recovery is "
              "uncertain. The negotiations on the West Coast longshore contract, which expired "
              "in July 2022, and the approach of the September 2024 expiration of the East and "
              "Gulf Coast contract could cause importers to shift cargo between coasts.",
        2023: "We believe the freight market reached its low point during 2023, and we saw "
              "modest improvement in import volumes in the fourth quarter. However, we expect "
              "truckload rates to remain weak in the first half of 2024, and we do not expect "
              "a significant recovery in demand until inventories are fully rebalanced and "
              "excess capacity leaves the trucking industry. Attacks on commercial shipping in "
              "the Red Sea and drought restrictions in the Panama Canal have lengthened transit "
              "times from Asia, and the expiration of the East and Gulf Coast longshore contract "
              "on September 30, 2024 creates a risk of disruption in the second half of 2024. "
              "We continue to evaluate acquisitions that would expand our warehousing "
              "capabilities, and we expect capital expenditures of $85 million to $100 million "
              "in 2024."})
        + " These expectations are forward-looking statements and are subject to the risks "
        "described in Item 1A."))
    b.append(H("Results of Operations"))
    b.append(P(f"The following table sets forth our consolidated results of operations for {y} "
               f"and {p}:"))
    b.append(results_table(c))
    b.append(P("The following table sets forth our operating expenses as a percentage of "
               "operating revenues. We use the operating ratio, which is operating expenses "
               "divided by operating revenues, as a principal measure of our efficiency:"))
    b.append(ratio_table(c))
    b.append(H3("Operating revenues"))
    b.append(P(c.v({
        2022: f"Operating revenues increased {c.delta_m('rev')}, or {c.pct('rev')}, in 2022. "
              "Fuel surcharge revenue increased by approximately $118 million because of higher "
              "diesel prices. Revenue excluding fuel surcharges increased approximately $81 "
              "million, or 4.8%, primarily because of contractual rate increases, the full-year "
              "contribution of Tidewater Transload, which we acquired in October 2021, and "
              "growth in our warehousing business, partially offset by lower truckload spot "
              "rates and lower brokerage volumes in the second half of the year.",
        2023: f"Operating revenues decreased {c.delta_m('rev')}, or {c.pct('rev')}, in 2023. "
              "Fuel surcharge revenue decreased by approximately $76 million because of lower "
              "diesel prices and fewer miles. Revenue excluding fuel surcharges decreased "
              "approximately $164 million, or 9.3%, primarily because of a 16.3% decline in "
              "container moves, the decline in storage and other accessorial charges at the "
              "ports, lower truckload rates and lower brokerage volumes, partially offset by "
              "growth in our warehousing business."})))
    b.append(H3("Operating expenses"))
    b.append(P(c.v({
        2022: "Purchased transportation increased " + c.pct("purchased") + " as we relied on "
              "third-party carriers to handle the high volumes of the first half, and because of "
              "higher fuel costs embedded in carrier rates. As a percentage of revenue, purchased "
              "transportation decreased slightly, as our brokerage volumes declined in the "
              "second half.",
        2023: "Purchased transportation decreased " + c.pct("purchased") + ", and decreased as "
              "a percentage of revenue, because of lower brokerage and intermodal volumes, lower "
              "rates paid to third-party carriers in a soft market, and our decision to move "
              "more drayage volume to company drivers."})))
    b.append(P(c.v({
        2022: "Salaries, wages and benefits increased " + c.pct("salaries") + " because of "
              "driver pay increases that we implemented in the second half of 2021 and the "
              "first quarter of 2022, additional warehouse associates for new facilities, and "
              "higher health care costs, partially offset by lower incentive compensation.",
        2023: "Salaries, wages and benefits decreased " + c.pct("salaries") + " in dollars but "
              "increased as a percentage of revenue, because wage rates remained higher than "
              "in prior years while revenue per driver declined. The reduction in non-driver "
              "headcount during the second quarter partially offset the effect of annual wage "
              "increases, and we recorded $3.9 million of severance costs."})))
    b.append(P(c.v({
        2022: "Fuel and fuel taxes increased " + c.pct("fuel") + " because the average price "
              "of diesel fuel we paid increased approximately 47% from 2021, partially offset "
              "by improved fuel efficiency. Operating supplies and maintenance increased "
              + c.pct("maint") + " because of higher prices for parts and tires and the cost of "
              "maintaining an older fleet while new tractor deliveries were delayed.",
        2023: "Fuel and fuel taxes decreased " + c.pct("fuel") + " because of lower diesel "
              "prices and fewer miles. Operating supplies and maintenance decreased "
              + c.pct("maint") + " but increased as a percentage of revenue because of higher "
              "parts prices and the cost of preparing terminals for consolidation."})))
    b.append(P(c.v({
        2022: "Rents and occupancy increased " + c.pct("rents") + " because of new warehouses "
              "and higher rents on renewed leases. Insurance and claims increased "
              + c.pct("insurance") + ", reflecting higher excess insurance premiums and "
              "unfavorable development of prior-year auto liability claims. Depreciation and "
              "amortization increased " + c.pct("da") + " because of our investments in "
              "tractors, chassis and warehouse equipment. Gains on the sale of equipment were "
              + c.m("gain") + ", compared with " + c.m("gain", p) + " in 2021, as used tractor "
              "prices remained high during most of the year.",
        2023: "Rents and occupancy increased " + c.pct("rents") + " because of three new "
              "warehouses and higher rents on renewed leases, partially offset by the "
              "consolidation of drayage terminals. Insurance and claims increased "
              + c.pct("insurance") + " because of higher premiums for excess coverage and an "
              "increase in the severity of auto liability claims, which led us to raise our "
              "self-insured retention to $5.0 million per occurrence. Depreciation and "
              "amortization increased " + c.pct("da") + ". Gains on the sale of equipment "
              "decreased to " + c.m("gain") + " as prices of used tractors declined. Other "
              "operating expenses include $6.8 million of costs related to the ransomware "
              "incident, net of expected insurance recoveries."})))
    b.append(H3("Interest expense, other income and income taxes"))
    b.append(P(f"Interest expense {c.change('interest')} because of "
               + c.v({2022: "higher interest rates on our variable rate revolving credit "
                            "facility, partially offset by lower average borrowings. ",
                      2023: "higher interest rates, partially offset by lower average "
                            "borrowings. "})
               + f"Other income, net, which consists primarily of interest income on cash "
               f"balances, was {c.m('other_inc')}. Our effective income tax rate was "
               f"{f['tax'] / f['pretax'] * 100:.1f}% in {y}, compared with "
               f"{fp['tax'] / fp['pretax'] * 100:.1f}% in {p}. "
               "The difference from the federal statutory rate of 21% reflects state income "
               "taxes and nondeductible expenses, partially offset by excess tax benefits from "
               "stock-based compensation."))
    b.append(H("Segment Results"))
    b.append(segment_table(c))
    b.append(kpi_table(c))
    b.append(H3("Port and Drayage Services"))
    b.append(P(c.v({
        2022: "Port and Drayage Services revenue increased " + c.pct("rev_port") + " to "
              + c.m("rev_port") + ". Container moves increased 3.7% to 1.41 million, and "
              "average revenue per move increased 6.2%, reflecting higher fuel surcharges and "
              "accessorial charges for storage, pre-pulls and waiting time in the first half of "
              "the year. Operating income increased " + c.pct("oi_port") + " to "
              + c.m("oi_port") + ". Accessorial revenue declined significantly in the fourth "
              "quarter as port congestion eased, and we expect it to remain lower in 2023.",
        2023: "Port and Drayage Services revenue decreased " + c.pct("rev_port") + " to "
              + c.m("rev_port") + ". Container moves decreased 16.3% to 1.18 million as import "
              "volumes at the ports we serve declined, and average revenue per move decreased "
              "1.6%, as higher base rates under contracts renewed in early 2023 were more than "
              "offset by lower fuel surcharges and the near disappearance of storage and "
              "pre-pull charges. Operating income decreased " + c.pct("oi_port") + " to "
              + c.m("oi_port") + ", reflecting lower volumes, the fixed costs of our terminals "
              "and container yards, and the costs of the ransomware incident, which primarily "
              "affected this segment."})))
    b.append(H3("Truckload and Intermodal"))
    b.append(P(c.v({
        2022: "Truckload and Intermodal revenue increased " + c.pct("rev_truck") + " to "
              + c.m("rev_truck") + ", as higher fuel surcharges and growth in our dedicated "
              "fleet more than offset a decline in one-way truckload spot rates and a 3.3% "
              "decrease in brokerage revenue. Operating income decreased " + c.pct("oi_truck")
              + " to " + c.m("oi_truck") + " because of lower spot rates, higher driver wages "
              "and fuel costs that were not fully recovered through fuel surcharges.",
        2023: "Truckload and Intermodal revenue decreased " + c.pct("rev_truck") + " to "
              + c.m("rev_truck") + ". Brokerage revenue decreased 22.5% as spot rates and "
              "volumes declined, and one-way truckload revenue per loaded mile decreased "
              "approximately 11%. Our dedicated fleet grew to 1,420 tractors, and dedicated "
              "revenue was approximately level with 2022. Operating income decreased "
              + c.pct("oi_truck") + " to " + c.m("oi_truck") + ", as lower rates and volumes "
              "in our one-way and brokerage operations were only partially offset by cost "
              "reductions."})))
    b.append(H3("Contract Warehousing"))
    b.append(P(c.v({
        2022: "Contract Warehousing revenue increased " + c.pct("rev_wh") + " to "
              + c.m("rev_wh") + ", reflecting four new facilities, annual price escalators and "
              "higher storage volumes as customers held more inventory. Operating income "
              "increased " + c.pct("oi_wh") + " to " + c.m("oi_wh") + ". Average utilization "
              "of our warehouse space remained above 90% for most of the year.",
        2023: "Contract Warehousing revenue increased " + c.pct("rev_wh") + " to "
              + c.m("rev_wh") + ", reflecting three new facilities and annual price escalators, "
              "partially offset by lower storage volumes in our multi-client buildings as "
              "customers reduced their inventories. Average utilization of our space declined "
              "to 86%. Operating income increased " + c.pct("oi_wh") + " to " + c.m("oi_wh")
              + ", as our open-book contracts protected margins in dedicated buildings."})))
    b.append(H3("Corporate and other"))
    b.append(P("Corporate and other consists of unallocated corporate expenses, including "
               "certain information technology, legal and executive costs, and the results of "
               "our captive insurance subsidiary. Corporate and other operating loss was "
               + c.m("oi_corp") + " in " + str(y) + ", compared with " + c.m("oi_corp", p)
               + " in " + str(p) + "."))
    b.append(H("Non-GAAP Financial Measures"))
    b.append(P("We use EBITDA and Adjusted EBITDA, which are not measures of financial "
               "performance under generally accepted accounting principles (\"GAAP\"), to "
               "evaluate our operating performance and to determine a portion of incentive "
               "compensation, and we believe they are useful to investors in comparing our "
               "performance with that of other transportation companies. These measures should "
               "not be considered in isolation or as substitutes for net income or other "
               "measures determined under GAAP, and they may not be comparable to similarly "
               "titled measures used by other companies. The following table reconciles net "
               "income to EBITDA and Adjusted EBITDA:"))
    b.append(ebitda_table(c))
    b += _liquidity(c)
    b += _critical(c)
    return b


def _liquidity(c):
    y, p = c.fy, c.py
    f = c.f
    b = [H("Liquidity and Capital Resources")]
    b.append(P("Our primary sources of liquidity are cash generated by operations, borrowings "
               "under our revolving credit facility and, to a lesser extent, proceeds from the "
               "sale of used equipment. Our primary uses of cash are capital expenditures for "
               "tractors, trailers, chassis and warehouse equipment, acquisitions, payments on "
               "our debt, dividends and share repurchases. "
               f"At December 31, {y}, we had {c.m('cash')} of cash and cash equivalents and "
               + c.v({2022: "$409.3 million", 2023: "$434.1 million", 2024: "$388.7 million"})
               + " of available borrowing capacity under our revolving credit facility, net of "
               "outstanding letters of credit. We believe that these sources will be sufficient "
               "to fund our operations, planned capital expenditures, debt service and "
               "dividends for at least the next twelve months and for the foreseeable future "
               "thereafter."))
    b.append(cash_table(c))
    b.append(H3("Operating activities"))
    b.append(P(f"Net cash provided by operating activities {c.change('cfo')} to {c.m('cfo')} in "
               f"{y}. "
               + c.v({2022: "The decrease in net income was more than offset by a smaller "
                            "increase in accounts receivable than in 2021, as collections "
                            "improved in the second half.",
                      2023: "The decline in net income was largely offset by the collection of "
                            "accounts receivable as revenue declined, although billing delays "
                            "during the ransomware incident and our system migration temporarily "
                            "increased days sales outstanding in the second quarter.",
                      2024: "The decrease reflects lower net income, the $14.5 million "
                            "litigation settlement, which we paid into escrow in December 2024, "
                            "acquisition and integration costs, and higher interest payments."})))
    b.append(H3("Investing activities"))
    b.append(P(f"Capital expenditures were {c.m('capex')} in {y}, compared with "
               f"{c.m('capex', p)} in {p}, and consisted primarily of tractors, chassis, "
               "warehouse racking and material handling equipment, and technology. "
               f"Proceeds from the sale of equipment were {c.m('proceeds')}. "
               + c.v({2022: "",
                      2024: "We paid $318.6 million, net of cash acquired, for Cascade. "})
               + c.v({2022: "We expect capital expenditures of $100 million to $115 million in "
                            "2023.",
                      2023: "We expect capital expenditures of $85 million to $100 million in "
                            "2024.",
                      2024: "We expect capital expenditures of $95 million to $110 million in "
                            "2025, including approximately $20 million for Cascade."})))
    b.append(H3("Financing activities"))
    b.append(P(c.v({
        2022: f"During 2022 we repaid a net $15.0 million under our revolving credit facility, "
              f"repurchased 1.47 million shares of our common stock for {c.m('buyback')}, and "
              f"paid dividends of {c.m('dividends')}.",
        2023: f"During 2023 we repaid a net $25.0 million under our revolving credit facility, "
              f"repurchased 1.45 million shares of our common stock for {c.m('buyback')}, and "
              f"paid dividends of {c.m('dividends')}.",
        2024: "During 2024 we borrowed $225.0 million under a new term loan, which together "
              "with cash on hand and revolving borrowings financed the Cascade acquisition. We "
              "repaid a net $5.0 million under our revolving credit facility during the year and "
              "$1.1 million of the term loan, repurchased "
              f"{c.m('buyback')} of our common stock before suspending repurchases in May 2024, "
              f"and paid dividends of {c.m('dividends')}."})
               + " Information about our credit agreement, including its financial covenants, "
               "is included in Note 8 to our consolidated financial statements. We were in "
               f"compliance with all covenants at December 31, {y}."))
    b.append(H3("Capital allocation"))
    b.append(P("Our priorities for the use of cash are, in order, to invest in the equipment, "
               "facilities and technology needed to serve our customers safely and efficiently, "
               "to pursue acquisitions that strengthen our network or add capabilities, to pay a "
               "competitive dividend, and to return excess cash to stockholders through share "
               "repurchases while maintaining a conservative balance sheet. "
               + c.v({2022: "We target a net leverage ratio of 0.5 to 1.5 times Adjusted "
                            "EBITDA over the cycle. Our cash balance exceeded our borrowings at "
                            "December 31, 2022, which gives us capacity to act if attractive "
                            "acquisition opportunities arise during the downturn.",
                      2023: "We target a net leverage ratio of 0.5 to 1.5 times Adjusted "
                            "EBITDA over the cycle. Because our cash balance exceeded our "
                            "borrowings at December 31, 2023, we had net cash rather than net "
                            "debt, and we continued to repurchase shares while evaluating "
                            "acquisitions.",
                      2024: "Following the Cascade acquisition, we have temporarily placed the "
                            "repayment of revolving borrowings ahead of share repurchases, "
                            "although our net leverage ratio remains within our target range of "
                            "0.5 to 1.5 times Adjusted EBITDA."})))
    b.append(H3("Off-balance sheet arrangements"))
    b.append(P("Other than the letters of credit described in Note 8 and the purchase commitments "
               "described in Note 11, we have no off-balance sheet arrangements that have or are "
               "reasonably likely to have a material current or future effect on our financial "
               "condition or results of operations."))
    b.append(H3("Contractual obligations"))
    b.append(P(f"The following table summarizes our contractual obligations at December 31, {y}. "
               "It excludes our liabilities for self-insured claims, whose timing is uncertain, "
               "and purchase orders in the ordinary course of business:"))
    b.append(obligations_table(c))
    return b


def _critical(c):
    y = c.fy
    b = [H("Critical Accounting Estimates"),
         P("The preparation of financial statements in conformity with GAAP requires us to make "
           "estimates and assumptions that affect the reported amounts of assets, liabilities, "
           "revenues and expenses. We base our estimates on historical experience and on other "
           "assumptions that we believe are reasonable, and we evaluate them on an ongoing "
           "basis. Actual results could differ. Our significant accounting policies are "
           "described in Note 1 to our consolidated financial statements. We consider the "
           "following estimates to be critical because they require significant judgment and "
           "changes in them could materially affect our results."),
         H3("Self-insured claims"),
         P("We accrue for the estimated cost of the uninsured portion of pending and incurred "
           "but not reported auto liability, workers' compensation and cargo claims, based on "
           "actuarial analyses of our claims history and industry development factors. The "
           "severity of auto liability claims in our industry has increased, and individual "
           "claims can take years to resolve. Our accruals for self-insured claims were "
           + c.v({2022: "$58.4 million", 2023: "$63.7 million", 2024: "$71.2 million"})
           + f" at December 31, {y}. A 10% change in our estimate of unpaid losses would have "
           "changed our insurance and claims expense by approximately "
           + c.v({2022: "$5.8 million", 2023: "$6.4 million", 2024: "$7.1 million"}) + "."),
         H3("Goodwill"),
         P("We test goodwill for impairment annually as of October 1, or more often if "
           "indicators of impairment exist, by comparing the estimated fair value of each "
           "reporting unit with its carrying value. We estimate fair value using a combination "
           "of discounted cash flow and market multiple methods, which require assumptions "
           "about future revenue growth, operating margins, capital expenditures and discount "
           "rates. "
           + c.v({2022: "The estimated fair value of each of our reporting units exceeded its "
                        "carrying value by more than 50% at our 2022 test date.",
                  2023: "At our 2023 test date, the estimated fair value of our Truckload and "
                        "Intermodal reporting unit, which has $41.2 million of goodwill, "
                        "exceeded its carrying value by approximately 24%, and the fair value "
                        "of each other reporting unit exceeded its carrying value by more than "
                        "50%.",
                  2024: "At our 2024 test date, the estimated fair value of our Cold Chain "
                        "reporting unit, which has $118.6 million of goodwill from the Cascade "
                        "acquisition, exceeded its carrying value by approximately 6%, and the "
                        "fair value of our Truckload and Intermodal reporting unit exceeded its "
                        "carrying value by approximately 19%. A 100 basis point increase in the "
                        "discount rate used for the Cold Chain reporting unit would have caused "
                        "its estimated fair value to fall below its carrying value."})),
         H3("Revenue recognition for shipments in transit"),
         P("We recognize transportation revenue over time as shipments move from origin to "
           "destination, which requires us to estimate the portion of each shipment in transit "
           "at the end of a period that has been completed. Because most of our shipments are "
           "completed within one or two days, the amount of revenue subject to this estimate is "
           "not significant, but errors in the underlying data could affect the timing of "
           "revenue between periods."),
         ]
    if y >= 2024:
        b += [H3("Business combinations"),
              P("We recorded the assets acquired and liabilities assumed in the Cascade "
                "acquisition at their estimated fair values. The most significant estimates were "
                "the fair value of customer relationships, which we estimated using a multi-"
                "period excess earnings method that depends on assumptions about customer "
                "attrition, revenue growth, margins and the discount rate, and the fair value of "
                "the acquired warehouses and refrigeration equipment, which we estimated using "
                "cost and market approaches. A one percentage point increase in the assumed "
                "annual attrition rate would have reduced the fair value of customer "
                "relationships by approximately $7 million. The allocation is preliminary with "
                "respect to certain tax and contingent liabilities and may change during the "
                "measurement period.")]
    b += [H("Recently Issued Accounting Pronouncements"),
          P(c.v({2022: "We do not expect recently issued accounting pronouncements that we have "
                       "not yet adopted to have a material effect on our consolidated financial "
                       "statements.",
                 2023: "In November 2023, the Financial Accounting Standards Board (\"FASB\") "
                       "issued Accounting Standards Update (\"ASU\") 2023-07, which requires "
                       "expanded disclosures of segment expenses beginning with our 2024 annual "
                       "report, and in December 2023 it issued ASU 2023-09, which requires "
                       "expanded income tax disclosures beginning with our 2025 annual report. "
                       "We are evaluating the effect of these standards on our disclosures.",
                 2024: "We adopted ASU 2023-07, Improvements to Reportable Segment Disclosures, "
                       "in 2024, as described in Note 13. ASU 2023-09, Improvements to Income "
                       "Tax Disclosures, is effective for our 2025 annual report, and ASU "
                       "2024-03, which requires disaggregation of certain income statement "
                       "expenses, is effective for our 2027 annual report. We are evaluating "
                       "the effect of these standards on our disclosures."}))]
    return b


def _factors(c):
    b = [H("Factors Affecting Our Results"),
         H3("Freight volumes and port conditions"),
         P("The number of containers moving through the ports we serve is the single most "
           "important driver of our revenue. Import volumes depend on consumer spending on "
           "goods, retail and industrial inventory levels, and the routing decisions of ocean "
           "carriers and importers. Port conditions also matter: when terminals are congested, "
           "our drivers wait longer for each container, our productivity declines and our "
           "costs rise, but customers also buy more of our storage, pre-pull and transload "
           "services. When terminals are fluid, we move more containers per driver per day, "
           "but accessorial revenue declines."),
         H3("Pricing and contract structure"),
         P("We price most of our transportation services under agreements of one year or less, "
           "and we rebid a substantial portion of our freight each year, usually in the first "
           "half. As a result, changes in market rates affect our revenue with a lag of several "
           "months. Our dedicated and warehousing contracts have longer terms and typically "
           "include annual price escalators and provisions that allow us to pass through "
           "changes in certain costs, which makes these businesses less sensitive to the "
           "freight cycle."),
         H3("Fuel"),
         P("Our fuel surcharge programs adjust weekly with the U.S. Department of Energy's "
           "national average diesel price and are designed to recover the cost of fuel consumed "
           "on loaded miles. Because surcharges lag changes in fuel prices and do not cover "
           "empty miles or idling, rising prices generally reduce our operating income in the "
           "short term, and falling prices temporarily increase it. Fuel surcharges also "
           "increase or decrease our reported revenue without a corresponding change in "
           "underlying demand, so we review revenue both including and excluding fuel "
           "surcharges."),
         H3("Labor and equipment costs"),
         P("Salaries, wages and benefits and purchased transportation together represent more "
           "than 60% of our operating expenses. Driver pay is affected by the balance of supply "
           "and demand for qualified drivers, and the rates we pay owner-operators and "
           "third-party carriers move with market conditions. The cost of new tractors, "
           "trailers and chassis, and the prices we receive for used equipment, affect our "
           "depreciation expense and the gains we record on sales.")]
    if c.fy == 2023:
        b += [H("Cost Reduction Actions"),
              P("In the second quarter of 2023, in response to lower volumes, we consolidated six "
                "drayage terminals into nearby facilities, reduced our non-driver headcount by "
                "approximately 7%, and returned approximately 1,100 leased chassis to lessors. "
                "We recorded $3.9 million of severance costs and $2.2 million of lease exit and "
                "other costs in connection with these actions, and we estimate that they reduced "
                "our annual operating costs by approximately $24 million, most of which will "
                "benefit 2024. We have retained the flexibility to reopen capacity at most of the "
                "consolidated locations when volumes recover.")]
    return b


def _measures_2024(c):
    return [H("How We Evaluate Our Performance"),
            P("Management reviews a small set of measures each week. For the business as a "
              "whole, we focus on the operating ratio, Adjusted EBITDA, free cash flow and, since "
              "the Cascade acquisition, our net leverage ratio. In Port and Drayage Services we "
              "track container moves, average revenue per move, terminal turn times and the "
              "number of moves per driver per day, which together determine how productively we "
              "use our drivers and tractors. In Truckload and Intermodal we track loads, revenue "
              "per loaded mile, empty miles as a percentage of total miles and the share of "
              "revenue earned under dedicated contracts. In Warehousing and Cold Chain we track "
              "space utilization, revenue per square foot or per pallet position, labor "
              "productivity measured in units handled per labor hour and, in our temperature-"
              "controlled buildings, energy cost per pallet."),
            P("We review these measures against the plan approved by our Board and against the "
              "prior year, and we use several of them, including the operating ratio, return on "
              "invested capital and Adjusted EBITDA, to determine incentive compensation. Port "
              "conditions can distort several of these measures in a single quarter: during the "
              "October 2024 strike, for example, moves per driver per day fell to nearly zero at "
              "our East and Gulf Coast terminals, and then rose sharply during the recovery as "
              "terminals extended gate hours. For this reason, we generally evaluate trends over "
              "several quarters rather than from one month to the next.")]


def _mdna_2024(c):
    y, p = c.fy, c.py
    f, fp = c.f, c.fp
    b = [_intro(c), H("Executive Summary")]
    b.append(P("Northwind provides drayage, truckload, intermodal, brokerage, warehousing and, "
               "since July 2024, temperature-controlled storage and transportation services. "
               "Most of our revenue depends on the flow of imported goods through the East, Gulf "
               "and West Coast ports we serve, and our results in any year reflect the strength "
               "of that flow, the balance of supply and demand in the truckload market, the "
               "price of diesel fuel, and our own decisions about pricing, capacity and costs. "
               "We report three segments: Port and Drayage Services, Truckload and Intermodal, "
               "and Warehousing and Cold Chain."))
    b.append(P("Three developments shaped our results in 2024. First, on July 1 we completed the "
               "acquisition of Cascade, the largest transaction in our history, which "
               "contributed $116.6 million of revenue in the second half and which we financed "
               "with a new $225 million term loan and borrowings under our revolving credit "
               "facility. Second, the labor negotiations at East and Gulf Coast ports, which "
               "culminated in a three-day strike by the ILA in early October, first pulled "
               "import volumes forward into the summer and then disrupted our operations for "
               "much of the fourth quarter. Third, Hurricanes Helene and Milton damaged or "
               "closed several of our facilities in the Southeast in late September and "
               "October. Against that background, and in a truckload market that remained weak "
               f"all year, our operating revenues {c.change('rev')} to {c.m('rev')}, while "
               f"operating income {c.updown('oi')} {c.pct('oi')} to {c.m('oi')} because of the "
               "strike, the hurricanes, $11.4 million of acquisition and integration costs, and "
               "a $14.5 million charge to settle the _Ramirez_ litigation. Diluted earnings per "
               f"share were ${f['eps_dil']:.2f}, compared with ${fp['eps_dil']:.2f} in {p}."))
    b.append(H("Significant Developments in 2024"))
    b.append(H3("Acquisition of Cascade Cold Chain Holdings"))
    b.append(P("Cascade operates 13 temperature-controlled warehouses with approximately 48 "
               "million cubic feet of capacity in Washington, Oregon, Idaho and Northern "
               "California, and a fleet of approximately 270 refrigerated tractors. We paid "
               "$318.6 million in cash, net of cash acquired, and recorded $118.6 million of "
               "goodwill and $104.5 million of intangible assets, principally customer "
               "relationships. We believe that Cascade gives us a growing, less cyclical "
               "business that is closely connected to the export of agricultural products "
               "through the Ports of Seattle and Tacoma, and that many of our import customers "
               "will buy temperature-controlled services from us. From the acquisition date, "
               "Cascade performed in line with our expectations: its warehouses were "
               "approximately 91% occupied during the harvest season, and we retained all of "
               "its ten largest customers. We incurred $11.4 million of acquisition and "
               "integration costs in 2024 and expect to incur $6 million to $8 million in 2025, "
               "principally to migrate Cascade's systems to our platforms. See Note 3 to our "
               "consolidated financial statements."))
    b.append(H3("Longshore labor negotiations and the October 2024 strike"))
    b.append(P("The master contract between the ILA and the United States Maritime Alliance "
               "expired on September 30, 2024. In anticipation of a possible strike, many "
               "importers brought holiday merchandise into East and Gulf Coast ports early, and "
               "our container moves in July and August were 14% higher than a year earlier. The "
               "ILA struck from October 1 through October 3, closing container terminals from "
               "Maine to Texas, including every East and Gulf Coast terminal we serve. During "
               "the strike most of our drayage drivers in those ports were idle; we continued to "
               "pay our company drivers a guaranteed minimum and retained most of our "
               "owner-operators with standby payments. After the terminals reopened, the backlog "
               "of vessels and containers took approximately three weeks to clear, during which "
               "we paid significant overtime, rented additional chassis and extended gate hours. "
               "Some importers diverted cargo to West Coast and Canadian ports that month, and "
               "not all of it returned by year end. We estimate that the strike and its "
               "aftermath reduced our revenue by approximately $21 million and our operating "
               "income by approximately $9 million in the fourth quarter. In January 2025 the "
               "parties reached a tentative six-year agreement that remains subject to "
               "ratification."))
    b.append(H3("Hurricanes Helene and Milton"))
    b.append(P("Hurricane Helene caused flooding and extended power outages at our warehouses in "
               "Augusta, Georgia and Charlotte, North Carolina in late September, and Hurricane "
               "Milton closed our Tampa and Jacksonville facilities for several days in October. "
               "We recorded $4.3 million of expenses for repairs, spoiled inventory claims, "
               "overtime and equipment rental, net of $2.1 million of insurance recoveries "
               "recognized to date, and we expect to recover additional amounts under our "
               "property and business interruption policies."))
    b.append(H3("Labor organization"))
    b.append(P("In March 2024, approximately 410 company drivers in Savannah and Charleston voted "
               "to be represented by the Teamsters. Negotiations on a first contract began in "
               "June and are continuing. Wage increases we implemented across our drayage fleet "
               "in the second quarter, together with the drivers we added with Cascade, "
               "contributed to the increase in salaries, wages and benefits to "
               f"{c.share('salaries')} of revenue."))
    b += _measures_2024(c)
    b.append(H("Outlook for 2025"))
    b.append(P("We enter 2025 with significant uncertainty about trade policy. New tariffs on "
               "imports from China took effect in February 2025 and additional tariffs have been "
               "proposed, and we expect some importers to accelerate shipments ahead of tariff "
               "deadlines and others to reduce or redirect their imports. We do not expect a "
               "meaningful recovery in truckload rates until the second half of the year. We "
               "expect Cascade to contribute revenue of $250 million to $270 million and to be "
               "accretive to earnings per share, excluding integration costs and amortization "
               "of intangible assets, in 2025. Our capital priorities for 2025 are to repay most of "
               "our revolving borrowings, which would reduce our net leverage ratio to "
               "approximately 0.5 to 1.00 by the end of the year, to maintain our dividend, and to fund capital expenditures of $95 million to $110 million; we "
               "do not expect to resume share repurchases before the second half of the year. "
               "These expectations are forward-looking statements and are subject to the risks "
               "described in Item 1A."))
    b.append(H("Consolidated Results of Operations"))
    b.append(results_table(c))
    b.append(ratio_table(c))
    b.append(P(f"Operating revenues {c.change('rev')} in 2024. Cascade contributed $116.6 "
               "million. Excluding Cascade, revenue increased approximately $12.0 million, or "
               "0.6%, as higher drayage volumes in the third quarter and growth in our dedicated "
               "fleet offset the effect of the October strike, lower fuel surcharge revenue and "
               "lower brokerage revenue. Fuel surcharge revenue decreased approximately $38 "
               "million because of lower diesel prices."))
    b.append(P(f"Our operating ratio was {f['opex'] / f['rev'] * 100:.1f}%, compared with "
               f"{fp['opex'] / fp['rev'] * 100:.1f}% in 2023. The principal changes were:"))
    b.append(UL([
        "Salaries, wages and benefits increased to " + c.share("salaries") + " of revenue, from "
        + c.share("salaries", p) + ", reflecting Cascade's more labor-intensive operations, "
        "driver wage increases in our drayage operations, guaranteed pay during the strike and "
        "overtime during the recovery.",
        "Purchased transportation decreased to " + c.share("purchased") + " of revenue, from "
        + c.share("purchased", p) + ", as brokerage revenue declined and Cascade uses little "
        "purchased transportation.",
        "Fuel and fuel taxes decreased " + c.pct("fuel") + " because of lower diesel prices.",
        "Rents and occupancy increased to " + c.share("rents") + " of revenue because of "
        "Cascade's leased facilities and higher rents on renewed leases in Savannah and "
        "Houston.",
        "Depreciation and amortization increased " + c.pct("da") + ", including $8.5 million "
        "of amortization of intangible assets and depreciation of equipment acquired with "
        "Cascade.",
        "Other operating expenses include the $14.5 million _Ramirez_ settlement and $4.3 "
        "million of net hurricane-related costs, compared with $6.8 million of ransomware "
        "incident costs in 2023.",
        "Acquisition and integration costs were $11.4 million, consisting of advisory, legal "
        "and systems integration expenses."]))
    b.append(P(f"Interest expense increased to {c.m('interest')} from {c.m('interest', p)} "
               "because of the term loan and higher revolving borrowings used to finance the "
               "acquisition. Our effective tax rate was "
               f"{f['tax'] / f['pretax'] * 100:.1f}%, compared with "
               f"{fp['tax'] / fp['pretax'] * 100:.1f}% in 2023, reflecting nondeductible "
               "transaction costs."))
    b.append(H("Results by Segment"))
    b.append(segment_table(c))
    b.append(kpi_table(c))
    b.append(H3("Port and Drayage Services"))
    b.append(P("Segment revenue " + c.change("rev_port") + " to " + c.m("rev_port") + ". "
               "Container moves increased 6.8% to 1.26 million, driven by the early arrival of "
               "holiday merchandise in the third quarter, while average revenue per move "
               "declined 3.1% because of lower fuel surcharges. Operating income "
               + c.change("oi_port") + " to " + c.m("oi_port") + ". The strike and the "
               "subsequent congestion reduced segment operating income by approximately $8 "
               "million, and the segment also absorbed most of the hurricane-related costs and "
               "the wage increases for drivers in Savannah and Charleston."))
    b.append(H3("Truckload and Intermodal"))
    b.append(P("Segment revenue " + c.change("rev_truck") + " to " + c.m("rev_truck") + ". "
               "Brokerage revenue declined 8.2% as spot rates remained near cyclical lows, and "
               "one-way truckload loads declined as we reduced our exposure to the spot market. "
               "These declines were partially offset by growth in our dedicated fleet, which "
               "reached 1,495 tractors and represented approximately 49% of segment revenue. "
               "Operating income " + c.change("oi_truck") + " to " + c.m("oi_truck") + ", as "
               "the larger share of dedicated business, lower purchased transportation costs "
               "and the cost reductions we made in 2023 more than offset lower rates."))
    b.append(H3("Warehousing and Cold Chain"))
    b.append(P("Segment revenue " + c.change("rev_wh") + " to " + c.m("rev_wh") + ", including "
               "$116.6 million from Cascade. Excluding Cascade, revenue increased 1.6%, as two "
               "new dedicated facilities in Houston and Jacksonville offset lower storage "
               "volumes in our multi-client buildings and the temporary closure of our Augusta "
               "facility after Hurricane Helene. Operating income " + c.change("oi_wh") + " to "
               + c.m("oi_wh") + ". Cascade's operating income, after $8.5 million of "
               "amortization and depreciation of acquired assets, was $14.8 million."))
    b.append(H3("Corporate and other"))
    b.append(P("The corporate and other operating loss increased to " + c.m("oi_corp") + " from "
               + c.m("oi_corp", p) + ", primarily because of the _Ramirez_ settlement and "
               "acquisition and integration costs, which we do not allocate to our segments."))
    b.append(H("Non-GAAP Financial Measures"))
    b.append(P("Adjusted EBITDA, which excludes stock-based compensation, acquisition and "
               "integration costs, the litigation settlement and, in 2023, the costs of the "
               "ransomware incident, is a non-GAAP measure that we use to evaluate our "
               "performance and to calculate our net leverage ratio for management purposes. It "
               "should not be considered in isolation from, or as a substitute for, net income "
               "or other GAAP measures, and it may not be comparable to similarly titled "
               "measures of other companies."))
    b.append(ebitda_table(c))
    b += _liquidity(c)
    b.append(P("Following the acquisition, our net leverage ratio, as defined in our credit "
               "agreement (total debt less up to $75 million of unrestricted cash, divided by "
               "Adjusted EBITDA for the last four quarters including Cascade on a pro forma "
               "basis), was 1.0 to 1.00 at September 30, 2024 and 0.8 to 1.00 at December 31, "
               "2024, compared with a maximum of 3.75 to 1.00. We intend to apply most of our "
               "free cash flow in 2025, after capital expenditures and dividends, to the "
               "repayment of revolving borrowings."))
    b += _critical(c)
    return b


def item7a(c):
    y = c.fy
    rev = c.f["revolver"] + c.f["term"]
    b = [P("We are exposed to market risks from changes in interest rates and in the price of "
           "diesel fuel. We do not enter into derivative instruments for speculative purposes."),
         H("Interest Rate Risk"),
         P(f"At December 31, {y}, we had ${rev / 1000:,.1f} million of variable rate borrowings "
           "outstanding under our credit agreement, which bear interest at rates based on the "
           "Secured Overnight Financing Rate plus a margin. A hypothetical increase of 100 basis "
           "points in interest rates would increase our annual interest expense by "
           f"approximately ${rev / 100000:,.1f} million, based on the borrowings outstanding at "
           "that date. "
           + c.v({2022: "", 2024: "We may enter into interest rate swaps in 2025 to fix the "
                  "rate on a portion of the term loan. "})),
         H("Commodity Price Risk"),
         P("We are exposed to changes in the price of diesel fuel, which we mitigate through "
           "fuel surcharge programs that recover a majority of changes in fuel costs. Based on "
           f"our fuel consumption in {y}, and assuming no change in fuel surcharge revenue, a "
           "$0.10 per gallon increase in the price of diesel fuel would increase our annual fuel "
           "expense by approximately "
           + c.v({2022: "$4.1 million", 2023: "$3.8 million", 2024: "$3.9 million"})
           + ". Because of our surcharge programs, the effect on operating income would be "
           "considerably smaller, but would occur sooner than the related surcharge revenue. "
           + c.v({2022: "", 2024: "Our cold storage operations are also exposed to changes in "
                  "electricity prices, most of which we can pass through to customers under "
                  "contractual energy surcharges."}))]
    return b
