"""Per-year context handed to the content functions, and the block constructors they return."""

from fin import F


def H(text):  # bold subheading inside an item
    return ("h2", text)


def H3(text):  # bold-italic heading of a single risk factor
    return ("h3", text)


def HC(text):  # centred heading (statement titles, report titles)
    return ("hc", text)


def P(text):
    return ("p", text)


def UL(items):
    return ("ul", list(items))


def TT(headers, rows, widths=None):  # plain text table
    return ("tt", headers, rows, widths)


def T(spec):  # numeric table, see render.numeric_table
    return ("table", spec)


def PB():
    return ("pb",)


def fmt_th(v):
    return f"{abs(v):,}"


class Ctx:
    def __init__(self, fy):
        self.fy, self.py, self.ppy = fy, fy - 1, fy - 2
        self.f, self.fp = F[fy], F[fy - 1]
        self.F = F

    def v(self, variants):
        """Pick the text for this year: the entry for the latest year <= fy."""
        keys = sorted(k for k in variants if k <= self.fy)
        return variants[keys[-1]] if keys else ""

    def val(self, key, y=None):
        return F[y or self.fy][key]

    def m(self, key, y=None, dollar=True):
        v = F[y or self.fy][key] / 1000.0
        return ("$" if dollar else "") + f"{abs(v):,.1f} million"

    def th(self, key, y=None):
        return "$" + fmt_th(F[y or self.fy][key])

    def pct(self, key, y=None):
        y = y or self.fy
        a, b = F[y][key], F[y - 1][key]
        return f"{abs(a - b) / abs(b) * 100:.1f}%"

    def delta_m(self, key, y=None):
        y = y or self.fy
        return f"${abs(F[y][key] - F[y - 1][key]) / 1000.0:,.1f} million"

    def updown(self, key, y=None, up="increased", down="decreased"):
        y = y or self.fy
        return up if F[y][key] >= F[y - 1][key] else down

    def share(self, key, y=None, tot="rev"):
        y = y or self.fy
        return f"{F[y][key] / F[y][tot] * 100:.1f}%"

    def change(self, key, y=None):
        """'increased $12.3 million, or 4.5%,' style phrase."""
        return f"{self.updown(key, y)} {self.delta_m(key, y)}, or {self.pct(key, y)},"
