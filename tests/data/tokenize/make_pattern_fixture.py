#!/usr/bin/python3
"""Reference outputs of scikit-learn's default tokenizer for tests/nlp/tokenize.

Regenerate (from the repository root):
    /usr/bin/python3 tests/data/tokenize/make_pattern_fixture.py > tests/data/tokenize/pattern_fixture.tsv

Tokenizer: CountVectorizer(lowercase=False).build_tokenizer(), i.e. re.findall(r"(?u)\\b\\w\\w+\\b").
Inputs: the texts of treebank_fixture.tsv plus words in many scripts, combining marks, digits of
other scripts, numeric symbols, underscores and ill-placed punctuation. Format as in
make_treebank_fixture.py (escape(text) TAB tokens joined by spaces).
"""
import os
import sys

from sklearn.feature_extraction.text import CountVectorizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_treebank_fixture import escape, unescape  # noqa: E402

TOKENIZE = CountVectorizer(lowercase=False).build_tokenizer()

EXTRA = [
    "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00c9cole stra\u00dfe",
    "cafe\u0301 decomposed e\u0301 (combining acute is not \\w in Python)",
    "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u0421\u0430\u043d\u043a\u0442-\u041f\u0435\u0442\u0435\u0440\u0431\u0443\u0440\u0433",
    "\u6771\u4eac\u90fd \u4e00\u4e8c\u4e09 \u3042\u3044",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0661\u0662\u0663",
    "\u0939\u093f\u0928\u094d\u0926\u0940 (devanagari vowel signs are Mc/Mn)",
    "x\u00b2 \u00bd\u00bc 10\u00b2 \u2460\u2461 \u2167",
    "snake_case __init__ _ a_ _b a b c",
    "U.S. 10-K e.g. $1,234.56 don't it's",
    "\u00a0nbsp\u00a0separated\u2003em\u3000ideographic",
    "\u01c5 titlecase \u02b0modifier \u00aa\u00ba ordinals",
    "emoji \U0001F600\U0001F600 ok \U0001D400\U0001D401 math",
    "ab\u200bcd zero width space, ab\u00adcd soft hyphen",
    "\u0130stanbul \u0131\u0131 dotless",
    "Gro\u00dfe \u1e9e capital sharp",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    texts = []
    with open(os.path.join(here, "treebank_fixture.tsv"), encoding="utf-8", newline="\n") as f:
        for line in f.read().split("\n"):
            if "\t" in line:
                texts.append(unescape(line.split("\t", 1)[0]))
    texts += EXTRA
    sys.stdout.reconfigure(newline="\n")
    for text in texts:
        sys.stdout.write(escape(text) + "\t" + " ".join(TOKENIZE(text)) + "\n")


if __name__ == "__main__":
    main()
