#!/usr/bin/env python3
"""Word counts per file and per item of the sample 10-Ks (needs python3-bs4).

    /usr/bin/python3 samples/gen/count_words.py

Text is taken with BeautifulSoup (lxml parser when available, else html.parser), excluding the
hidden ix:header; items are delimited by the anchors the table of contents links to."""

import glob
import os
import re

from bs4 import BeautifulSoup, NavigableString

HERE = os.path.dirname(os.path.abspath(__file__))
ANCH = re.compile(r"^(fls|p[1-4]|i\d+[a-c]?|sig)$")


def per_item(path):
    with open(path, encoding="utf-8") as f:
        soup = BeautifulSoup(f.read(), "html.parser")
    for d in soup.find_all("div", style="display:none"):
        d.decompose()
    counts, cur = {"cover+toc": 0}, "cover+toc"
    for el in soup.body.descendants:
        if getattr(el, "attrs", None) and ANCH.match(el.attrs.get("id", "")):
            cur = el.attrs["id"]
            counts.setdefault(cur, 0)
        elif isinstance(el, NavigableString):
            counts[cur] += len(str(el).split())
    return counts


def main():
    for path in sorted(glob.glob(os.path.join(HERE, "..", "northwind", "*.htm"))):
        c = per_item(path)
        total = sum(c.values())
        print(os.path.basename(path), "total words:", total)
        print("  " + ", ".join(f"{k}={v}" for k, v in c.items() if not k.startswith("p")))
    for path in sorted(glob.glob(os.path.join(HERE, "..", "northwind", "*.txt"))):
        with open(path, encoding="ascii") as f:
            print(os.path.basename(path), "total words:", len(f.read().split()))


if __name__ == "__main__":
    main()
