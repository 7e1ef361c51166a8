"""HTML rendering of content blocks in the style of modern inline-XBRL 10-K primary documents.

Styles vary a little by year (as they do between filing agents and years): 2022 puts item
headings in a two-cell table, 2023 uses upper-case bold paragraphs, 2024 bold underlined divs.
"""

import html
import re

FONT = {2022: "'Times New Roman',serif", 2023: "'Times New Roman',serif", 2024: "Arial,sans-serif"}


def tx(s):
    """Plain prose -> HTML text with typographic entities, italics (_x_) and links ([[id|x]])."""
    s = html.escape(s, quote=False)
    s = re.sub(r'"([^"]*)"', "&#8220;\\1&#8221;", s)
    s = s.replace("'", "&#8217;")
    s = s.replace(" -- ", "&#8212;").replace("--", "&#8212;")
    s = re.sub(r"\b_([^_]+)_\b", "<span style=\"font-style:italic\">\\1</span>", s)
    s = re.sub(r"\[\[([a-z0-9_]+)\|([^\]]+)\]\]", "<a href=\"#\\1\">\\2</a>", s)
    s = s.replace("Item 7,", "Item&#160;7,").replace("Item 8,", "Item&#160;8,")
    return s


class Html:
    def __init__(self, fy):
        self.fy = fy
        self.font = FONT[fy]
        self.size = "10pt"
        self.fact_id = 0

    def span(self, text, weight=400, style="", size=None):
        return (f'<span style="color:#000000;font-family:{self.font};font-size:{size or self.size};'
                f'font-weight:{weight};line-height:120%{";" + style if style else ""}">{text}</span>')

    def para(self, text, align="justify", indent=True, top="6pt", weight=400, style=""):
        ti = "text-indent:24.75pt;" if indent and self.fy != 2024 else ""
        if self.fy == 2024:
            return (f'<p style="margin:{top} 0 0 0;text-align:{align};{ti}">'
                    f'{self.span(text, weight, style)}</p>')
        return (f'<div style="margin-top:{top};text-align:{align};{ti}">'
                f'{self.span(text, weight, style)}</div>')

    def item_heading(self, anchor, label, title):
        """label like 'Item 1A.'; title like 'Risk Factors'."""
        if self.fy == 2022:
            return (f'<div id="{anchor}"></div><table style="border-collapse:collapse;width:100%;'
                    f'margin-top:12pt"><tr><td style="width:11%;vertical-align:top">'
                    f'{self.span(label, 700)}</td><td style="vertical-align:top">'
                    f'{self.span(tx(title), 700)}</td></tr></table>')
        if self.fy == 2023:
            t = f"{label.upper().replace(' ', '&nbsp;')}&nbsp;&nbsp;{tx(title).upper()}"
            return (f'<p id="{anchor}" style="margin-top:12pt;text-align:left">'
                    f'{self.span(t, "bold")}</p>')
        lab = label.replace(" ", "&#160;")
        return (f'<div id="{anchor}" style="margin-top:12pt;text-align:left">'
                f'{self.span(lab + "&#160;&#160;" + tx(title), 700, "text-decoration:underline")}'
                f'</div>')

    def part_heading(self, anchor, text):
        return (f'<div id="{anchor}" style="margin-top:12pt;text-align:center">'
                f'{self.span(text, 700, size="11pt")}</div>')

    def block(self, b):
        kind = b[0]
        if kind == "p":
            return self.para(tx(b[1]))
        if kind == "h2":
            if self.fy == 2023:
                return self.para(tx(b[1]), align="left", indent=False, top="10pt", weight="bold")
            return self.para(tx(b[1]), align="left", indent=False, top="10pt", weight=700)
        if kind == "h3":
            return self.para(tx(b[1]), indent=False, top="8pt", weight=700,
                             style="font-style:italic")
        if kind == "hc":
            return self.para(tx(b[1]), align="center", indent=False, top="10pt", weight=700)
        if kind == "ul":
            rows = "".join(
                f'<tr><td style="width:24pt;vertical-align:top;text-align:right;padding-right:8pt">'
                f'{self.span("&#8226;")}</td><td style="vertical-align:top;text-align:justify">'
                f'{self.span(tx(i))}</td></tr>' for i in b[1])
            return f'<table style="border-collapse:collapse;width:100%;margin-top:6pt">{rows}</table>'
        if kind == "tt":
            return self.text_table(b[1], b[2], b[3])
        if kind == "table":
            return self.numeric_table(b[1])
        raise ValueError(kind)

    def text_table(self, headers, rows, widths):
        out = ['<table style="border-collapse:collapse;width:100%;margin-top:8pt">']
        if headers:
            out.append("<tr>")
            for i, h in enumerate(headers):
                w = f"width:{widths[i]}%;" if widths else ""
                out.append(f'<td style="{w}border-bottom:1pt solid #000000;padding:2pt;'
                           f'vertical-align:bottom">{self.span(tx(h), 700, size="9pt")}</td>')
            out.append("</tr>")
        for r in rows:
            out.append("<tr>")
            for cell in r:
                out.append(f'<td style="padding:2pt;vertical-align:top">'
                           f'{self.span(tx(cell), size="9pt")}</td>')
            out.append("</tr>")
        out.append("</table>")
        return "".join(out)

    def num(self, v, concept, ctx, dec, scale):
        """One numeric cell's inner HTML; negative numbers in parentheses outside the tag."""
        if v is None:
            return ""
        if v == 0:
            return "&#8212;"
        if isinstance(v, str):
            return tx(v)
        disp = f"{abs(v):,.{dec}f}"
        if concept:
            self.fact_id += 1
            sign = ' sign="-"' if v < 0 else ""
            unit = "usdPerShare" if dec == 2 else ("shares" if concept.endswith("Shares") or
                                                   "NumberOfShares" in concept else "usd")
            decimals = "2" if dec == 2 else "-3"
            sc = "0" if dec == 2 else str(scale)
            disp = (f'<ix:nonFraction unitRef="{unit}" contextRef="{ctx}" decimals="{decimals}" '
                    f'name="{concept}" format="ixt:num-dot-decimal" scale="{sc}"{sign} '
                    f'id="f-{self.fact_id}">{disp}</ix:nonFraction>')
        return f"({disp})" if v < 0 else disp

    def numeric_table(self, spec):
        """spec: title?, note?, cols (labels), ctxs (context ids or None), rows.

        row dict: label, vals, concept?, dollar?, total?, indent?, dec?, hdr? (label only),
        pct? (values are percentages shown with a % sign)."""
        cols, ctxs = spec["cols"], spec.get("ctxs") or [None] * len(spec["cols"])
        out = []
        if spec.get("title"):
            out.append(self.para(tx(spec["title"]), align="center", indent=False, top="10pt",
                                 weight=700))
        if spec.get("note"):
            out.append(self.para(tx(spec["note"]), align="center", indent=False, top="0pt"))
        out.append('<table style="border-collapse:collapse;width:100%;margin-top:6pt">')
        if spec.get("group"):
            out.append(f'<tr><td style="width:52%"></td><td colspan="{3 * len(cols)}" '
                       f'style="text-align:center;border-bottom:1pt solid #000000">'
                       f'{self.span(tx(spec["group"]), 700, size="9pt")}</td></tr>')
        out.append('<tr><td style="width:52%">&nbsp;</td>')
        for col in cols:
            out.append('<td style="width:1%"></td><td colspan="2" style="text-align:center;'
                       'border-bottom:1pt solid #000000;vertical-align:bottom">'
                       f'{self.span(tx(str(col)), 700, size="9pt")}</td>')
        out.append("</tr>")
        for r in spec["rows"]:
            pad = 2 + 10 * r.get("indent", 0)
            label = self.span(tx(r["label"]), 700 if r.get("bold") or r.get("hdr") else 400,
                              size="9pt")
            out.append(f'<tr><td style="padding:2px 1pt 2px {pad}pt;vertical-align:bottom">'
                       f'{label}</td>')
            if r.get("hdr"):
                out.append(f'<td colspan="{3 * len(cols)}"></td></tr>')
                continue
            border = ("border-top:1pt solid #000000;" if r.get("total") else "")
            if r.get("total") == 2:
                border += "border-bottom:3pt double #000000;"
            for v, cx in zip(r["vals"], ctxs):
                cell = self.num(v, r.get("concept"), cx, r.get("dec", 0), spec.get("scale", 3))
                if r.get("pct") and v is not None and not isinstance(v, str):
                    cell = f"{v:.1f}" if v >= 0 else f"({abs(v):.1f})"
                    cell += "%"
                dollar = ("$" if r.get("dollar") and v is not None and not isinstance(v, str)
                          else "")
                out.append(f'<td></td><td style="{border}text-align:left;width:1%">'
                           f'{self.span(dollar, size="9pt")}</td>'
                           f'<td style="{border}text-align:right;padding:2px 2pt;'
                           f'vertical-align:bottom">{self.span(cell, size="9pt")}</td>')
            out.append("</tr>")
        out.append("</table>")
        return "".join(out)

    def footer(self, page):
        if self.fy == 2024:
            return (f'<div style="margin-top:18pt;text-align:center">'
                    f'{self.span("Northwind Harbor Logistics, Inc. | 2024 Form 10-K | " + str(page), size="8pt")}'
                    f"</div>")
        return (f'<div style="margin-top:18pt;text-align:center">'
                f'{self.span(str(page), size="9pt")}</div>')

    def page_top(self):
        return ('<div style="margin-bottom:6pt;text-align:left"><a href="#toc">'
                f'{self.span("Table of Contents", size="8pt", style="text-decoration:underline")}'
                "</a></div>")

    @staticmethod
    def page_break():
        return '<hr style="page-break-after:always"/>'


def words(b):
    """Rough word count of a block, used for pagination only."""
    kind = b[0]
    if kind in ("p", "h2", "h3", "hc"):
        return len(b[1].split())
    if kind == "ul":
        return sum(len(i.split()) for i in b[1])
    if kind == "tt":
        return 6 * (len(b[2]) + 1) * max(1, len(b[2][0]) if b[2] else 1)
    if kind == "table":
        return 25 * (len(b[1]["rows"]) + 2)
    return 0
