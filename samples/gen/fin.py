"""Financial model of the fictional Northwind Harbor Logistics, Inc. (amounts in thousands).

Every statement in the sample 10-Ks is derived from the inputs below so that the income
statement, balance sheet and cash flow statement agree with one another in every year: the
balance sheet is rolled forward from the 2021 year-end through the cash flow items, and the
generator asserts that assets equal liabilities plus equity.
"""

YEARS = [2020, 2021, 2022, 2023, 2024]

# Revenue by segment.
SEG_PORT = {2020: 612400, 2021: 781300, 2022: 884600, 2023: 741200, 2024: 768500}
SEG_TRUCK = {2020: 698200, 2021: 842700, 2022: 905100, 2023: 781900, 2024: 760300}
SEG_WH = {2020: 301500, 2021: 338900, 2022: 372400, 2023: 398700, 2024: 521600}
CASCADE_REV_2024 = 116600  # cold chain revenue from July 1, 2024 (inside SEG_WH)

# Operating expense ratios (share of revenue).
RATIO = {
    "purchased": {2020: .362, 2021: .371, 2022: .368, 2023: .352, 2024: .338},
    "salaries": {2020: .268, 2021: .255, 2022: .258, 2023: .285, 2024: .305},
    "fuel": {2020: .061, 2021: .066, 2022: .082, 2023: .074, 2024: .066},
    "maint": {2020: .038, 2021: .037, 2022: .039, 2023: .042, 2024: .041},
    "rents": {2020: .044, 2021: .041, 2022: .040, 2023: .047, 2024: .050},
    "insurance": {2020: .027, 2021: .026, 2022: .028, 2023: .033, 2024: .034},
    "other": {2020: .034, 2021: .031, 2022: .030, 2023: .033, 2024: .036},
}
DA = {2020: 68900, 2021: 72400, 2022: 79800, 2023: 84600, 2024: 97300}
AMORT = {2020: 3100, 2021: 4800, 2022: 6200, 2023: 6200, 2024: 14700}
GAIN = {2020: 2100, 2021: 6900, 2022: 8400, 2023: 3100, 2024: 1900}
ACQ_COSTS = {2020: 0, 2021: 2300, 2022: 0, 2023: 0, 2024: 11400}
INTEREST = {2020: 9800, 2021: 8100, 2022: 9400, 2023: 12900, 2024: 27600}
OTHER_INC = {2020: 600, 2021: 400, 2022: 1900, 2023: 4300, 2024: 3200}
TAX_RATE = {2020: .246, 2021: .249, 2022: .248, 2023: .251, 2024: .257}
SHARES_BASIC = {2020: 41820, 2021: 41510, 2022: 40960, 2023: 40120, 2024: 39870}
DILUTIVE = {2020: 290, 2021: 340, 2022: 310, 2023: 260, 2024: 280}
DPS = {2020: .36, 2021: .40, 2022: .48, 2023: .52, 2024: .56}

# Segment operating margins and corporate costs; Truckload and Intermodal is the remainder.
SEG_MARGIN = {
    "port": {2020: .190, 2021: .205, 2022: .205, 2023: .148, 2024: .130},
    "wh": {2020: .090, 2021: .092, 2022: .094, 2023: .097, 2024: .108},
}
CORP = {2020: -24600, 2021: -29800, 2022: -33900, 2023: -31200, 2024: -59000}
# Items excluded from adjusted EBITDA: 2023 ransomware incident costs, 2024 Ramirez settlement.
SPECIAL = {2020: 0, 2021: 0, 2022: 0, 2023: 6800, 2024: 14500}

# Cash flow inputs.
SBC = {2020: 8200, 2021: 9600, 2022: 11300, 2023: 12100, 2024: 13800}
DEFTAX = {2020: 4100, 2021: 7800, 2022: 6900, 2023: 3200, 2024: -2400}
D_AR = {2020: -21300, 2021: -58700, 2022: -12400, 2023: 41900, 2024: -9800}
D_PREPAID = {2020: -1900, 2021: -4200, 2022: -3100, 2023: 1200, 2024: -2700}
D_AP = {2020: 8700, 2021: 22600, 2022: -6800, 2023: -18300, 2024: 4900}
D_ACCRUED = {2020: 6100, 2021: 14300, 2022: 5200, 2023: 2900, 2024: 8600}
CAPEX = {2020: 71400, 2021: 96200, 2022: 128700, 2023: 104300, 2024: 92100}
PROCEEDS = {2020: 9800, 2021: 21400, 2022: 24600, 2023: 11900, 2024: 8700}
ACQUISITIONS = {2020: 0, 2021: 38500, 2022: 0, 2023: 0, 2024: 318600}
REV_BORROW = {2020: 40000, 2021: 30000, 2022: 60000, 2023: 45000, 2024: 95000}
REV_REPAY = {2020: 95000, 2021: 50000, 2022: 75000, 2023: 70000, 2024: 100000}
TERM_BORROW = {2020: 0, 2021: 0, 2022: 0, 2023: 0, 2024: 225000}
TERM_REPAY = {2020: 0, 2021: 0, 2022: 0, 2023: 0, 2024: 1125}
DEBT_COSTS = {2020: 0, 2021: 0, 2022: 0, 2023: 0, 2024: 4800}
DEBT_COST_AMORT = {2020: 0, 2021: 0, 2022: 0, 2023: 0, 2024: 500}
BUYBACK = {2020: 28000, 2021: 52000, 2022: 96500, 2023: 88200, 2024: 9000}
WITHHOLD = {2020: 2100, 2021: 2600, 2022: 3400, 2023: 3900, 2024: 4100}
CASH_2019 = 32100

# Right-of-use assets and lease liabilities: net new leases (organic) per year.
D_LEASE = {2022: 14600, 2023: 22300, 2024: 9100}

# Cascade Cold Chain Holdings purchase price allocation (July 1, 2024).
CASCADE_PPA = {
    "ar": 24100, "prepaid": 2300, "ppe": 121400, "rou": 38200, "cust_rel": 96000,
    "trade_name": 8500, "goodwill": 118600, "ap": 14900, "accrued": 16800, "lease": 38200,
    "deftax": 20600,
}


def _r(x):
    return int(round(x / 100.0)) * 100


def build():
    f = {y: {} for y in YEARS}
    for y in YEARS:
        d = f[y]
        d["rev_port"], d["rev_truck"], d["rev_wh"] = SEG_PORT[y], SEG_TRUCK[y], SEG_WH[y]
        d["rev"] = SEG_PORT[y] + SEG_TRUCK[y] + SEG_WH[y]
        for k, r in RATIO.items():
            d[k] = _r(d["rev"] * r[y])
        d["da"], d["amort"], d["depr"] = DA[y], AMORT[y], DA[y] - AMORT[y]
        d["gain"], d["acq_costs"] = GAIN[y], ACQ_COSTS[y]
        d["opex"] = (sum(d[k] for k in RATIO) + d["da"] - d["gain"] + d["acq_costs"])
        d["oi"] = d["rev"] - d["opex"]
        d["interest"], d["other_inc"] = INTEREST[y], OTHER_INC[y]
        d["pretax"] = d["oi"] - d["interest"] + d["other_inc"]
        d["tax"] = _r(d["pretax"] * TAX_RATE[y])
        d["ni"] = d["pretax"] - d["tax"]
        d["sh_basic"], d["sh_dil"] = SHARES_BASIC[y], SHARES_BASIC[y] + DILUTIVE[y]
        d["eps_basic"] = round(d["ni"] / d["sh_basic"], 2)
        d["eps_dil"] = round(d["ni"] / d["sh_dil"], 2)
        d["dps"] = DPS[y]
        d["dividends"] = _r(DPS[y] * SHARES_BASIC[y])
        d["sbc"], d["deftax"] = SBC[y], DEFTAX[y]
        d["d_ar"], d["d_prepaid"], d["d_ap"], d["d_accrued"] = (D_AR[y], D_PREPAID[y],
                                                                D_AP[y], D_ACCRUED[y])
        d["other_noncash"] = DEBT_COST_AMORT[y]
        d["cfo"] = (d["ni"] + d["da"] + d["sbc"] + d["deftax"] - d["gain"] + d["other_noncash"]
                    + d["d_ar"] + d["d_prepaid"] + d["d_ap"] + d["d_accrued"])
        d["capex"], d["proceeds"], d["acq"] = CAPEX[y], PROCEEDS[y], ACQUISITIONS[y]
        d["cfi"] = -d["capex"] + d["proceeds"] - d["acq"]
        d["rev_borrow"], d["rev_repay"] = REV_BORROW[y], REV_REPAY[y]
        d["term_borrow"], d["term_repay"], d["debt_costs"] = (TERM_BORROW[y], TERM_REPAY[y],
                                                              DEBT_COSTS[y])
        d["buyback"], d["withhold"] = BUYBACK[y], WITHHOLD[y]
        d["cff"] = (d["rev_borrow"] - d["rev_repay"] + d["term_borrow"] - d["term_repay"]
                    - d["debt_costs"] - d["dividends"] - d["buyback"] - d["withhold"])
        d["net_cash"] = d["cfo"] + d["cfi"] + d["cff"]
        d["fcf"] = d["cfo"] - d["capex"] + d["proceeds"]
        d["ebitda"] = d["oi"] + d["da"]
        d["special"] = SPECIAL[y]
        d["adj_ebitda"] = d["ebitda"] + d["sbc"] + d["acq_costs"] + d["special"]
        d["oi_port"] = _r(d["rev_port"] * SEG_MARGIN["port"][y])
        d["oi_wh"] = _r(d["rev_wh"] * SEG_MARGIN["wh"][y])
        d["oi_corp"] = CORP[y]
        d["oi_truck"] = d["oi"] - d["oi_port"] - d["oi_wh"] - d["oi_corp"]
    cash = CASH_2019
    for y in YEARS:
        f[y]["cash_begin"] = cash
        cash += f[y]["net_cash"]
        f[y]["cash"] = cash
        assert cash > 0, (y, cash)

    # Balance sheet at the end of 2021, retained earnings as the balancing figure.
    b = f[2021]
    b.update(ar=268400, prepaid=31800, ppe=486300, rou=212500, goodwill=96400, intang=41300,
             other_assets=18700, ap=121600, accrued=93100, lease_cur=46800, debt_cur=0,
             revolver=150000, term=0, unamort=0, lease_lt=168400, deftax_l=78600,
             other_lt=29800, cs=468, apic=241300, treasury=-124700)
    _totals(b, plug=True)
    for y in (2022, 2023, 2024):
        p, d = f[y - 1], f[y]
        acq = CASCADE_PPA if y == 2024 else {}
        g = lambda k: acq.get(k, 0)
        d["ar"] = p["ar"] - d["d_ar"] + g("ar")
        d["prepaid"] = p["prepaid"] - d["d_prepaid"] + g("prepaid")
        d["ppe"] = (p["ppe"] + d["capex"] - d["depr"] - (d["proceeds"] - d["gain"]) + g("ppe"))
        d["rou"] = p["rou"] + D_LEASE[y] + g("rou")
        d["goodwill"] = p["goodwill"] + g("goodwill")
        d["intang"] = p["intang"] - d["amort"] + g("cust_rel") + g("trade_name")
        d["other_assets"] = p["other_assets"]
        d["ap"] = p["ap"] + d["d_ap"] + g("ap")
        d["accrued"] = p["accrued"] + d["d_accrued"] + g("accrued")
        lease_total = p["lease_cur"] + p["lease_lt"] + D_LEASE[y] + g("lease")
        d["lease_cur"] = _r(lease_total * 0.22)
        d["lease_lt"] = lease_total - d["lease_cur"]
        d["revolver"] = p["revolver"] + d["rev_borrow"] - d["rev_repay"]
        d["term"] = p["term"] + d["term_borrow"] - d["term_repay"]
        d["unamort"] = p["unamort"] + d["debt_costs"] - d["other_noncash"]
        d["debt_cur"] = 2250 if d["term"] else 0
        d["deftax_l"] = p["deftax_l"] + d["deftax"] + g("deftax")
        d["other_lt"] = p["other_lt"]
        d["cs"] = p["cs"]
        d["apic"] = p["apic"] + d["sbc"] - d["withhold"]
        d["treasury"] = p["treasury"] - d["buyback"]
        d["re"] = p["re"] + d["ni"] - d["dividends"]
        _totals(d)
        assert d["assets"] == d["liab_eq"], (y, d["assets"], d["liab_eq"])
    return f


def _totals(d, plug=False):
    d["cur_assets"] = d["cash"] + d["ar"] + d["prepaid"]
    d["assets"] = (d["cur_assets"] + d["ppe"] + d["rou"] + d["goodwill"] + d["intang"]
                   + d["other_assets"])
    d["ltd"] = d["revolver"] + d["term"] - d["unamort"] - d["debt_cur"]
    d["cur_liab"] = d["ap"] + d["accrued"] + d["lease_cur"] + d["debt_cur"]
    d["liab"] = d["cur_liab"] + d["ltd"] + d["lease_lt"] + d["deftax_l"] + d["other_lt"]
    if plug:
        d["re"] = d["assets"] - d["liab"] - d["cs"] - d["apic"] - d["treasury"]
    d["equity"] = d["cs"] + d["apic"] + d["re"] + d["treasury"]
    d["liab_eq"] = d["liab"] + d["equity"]


F = build()

if __name__ == "__main__":
    for y in YEARS:
        d = F[y]
        print(y, {k: d[k] for k in ("rev", "oi", "ni", "eps_dil", "cfo", "cash", "fcf")},
              {k: d.get(k) for k in ("assets", "equity", "ltd")})
