#!/usr/bin/python3
"""Reference outputs of NLTK's TreebankWordTokenizer for tests/nlp/tokenize.

Regenerate the committed fixture (from the repository root):
    /usr/bin/python3 tests/data/tokenize/make_treebank_fixture.py > tests/data/tokenize/treebank_fixture.tsv

Corpus tests call it on their own inputs (one escaped text per line) at test time:
    /usr/bin/python3 tests/data/tokenize/make_treebank_fixture.py --tokenize IN OUT

Format, one case per line: escape(text) TAB tokens joined by single spaces (tokens never hold
whitespace). escape() writes backslash as \\\\ and every control character (and U+0085, U+2028,
U+2029) as \\xHH / \\uHHHH, so a case is exactly one line.
Inputs: sentences from the project's docs/developing.md, hand-written tricky cases, and seeded random
combinations of tricky fragments (quotes, clitics, contractions, dots, brackets, numbers,
Unicode spaces and quotes).
"""
import os
import random
import re
import sys

from nltk.tokenize import TreebankWordTokenizer

TOKENIZER = TreebankWordTokenizer()


def escape(text):
    out = []
    for ch in text:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif o in (0x85, 0x2028, 0x2029):
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    return "".join(out)


def unescape(line):
    return re.sub(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4})",
                  lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1)[1:], 16)), line)


def record(text):
    return escape(text) + "\t" + " ".join(TOKENIZER.tokenize(text))


HAND = [
    "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.",
    "They'll save and invest more.",
    "hi, my name can't hello,",
    '"Hello," she said. "It\'s 5:30."',
    "He said ''quoted'' and ``quoted'' too.",
    "``Already quoted'' text",
    "I cannot go; you gotta go, gonna go, wanna go, gimme that, lemme see.",
    "Wanna? wanna\tgo wanna",
    "'Tis the season, 'twas the night. 'TIS 'TWAS",
    "D'ye know? more'n enough.",
    "The U.S. economy grew 2.3% in 2023.",
    "Revenue was $1,234.56 million (a 12% increase) --- see Note 3.",
    "See Section 3.2(a)(ii) [as amended] {including} <attachments>.",
    "Wait... what?! Really?!?",
    "He said: 'no' and left.",
    "The company's products' sales rose.",
    "I'm, you're, he's, she'd, we've, they'll, isn't, WON'T, I'M, YOU'RE",
    "Apple Inc. (\u201cApple\u201d) and its subsidiaries\u2019 results.",
    "A sentence ending with quotes.\"",
    "Ending with closers.)]}>'\"  \n",
    "Two periods..",
    "Four periods....",
    "Comma,then colon:then 1,000 and 10:30,",
    "Ends with colon:",
    "Ends with comma,\n",
    ",,\n",
    "a,,b::c",
    "Email me at ir@apple.com #1 & 50% off; ok",
    "Unicode\u00a0spaces\u2003here\u3000and\u2028there.",
    "Non-breaking end.\u00a0",
    "caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00c9cole.",
    "\u0130stanbul cann\u0131t canNOT CANNOT",
    "gon\u00adna gonna\u00e9 \u00e9gonna",
    "x'tis 'tisk 'tis_ 'tis9",
    "'' at start",
    "\" at start",
    "Mid \"quote\" and (\"paren\") and [''brackets''].",
    "dash--dash ---triple ----quad",
    "trailing period.",
    ".",
    "",
    "   ",
    "...",
    "a.",
    "U.S.",
    "Fig. 1. Results.",
    "Mr. Smith's dog's bone.",
    "rock 'n' roll",
    "'quoted' 'word'",
    "can't won't shan't ain't y'all",
    "more'nough d'yes gimmee",
    "1,2,3,a,b,c",
    "\u20ac1,234.56 and \u00a31,000",
    "\u0661,\u0662 arabic digits after comma",
    "\u00bd,\u00b2 fractions after comma",
    "tab\tseparated\ttext.",
    "line\x0bfeed\x0cform\x1cfile\x1dgroup\x1erecord\x1funit",
    "next\u0085line and \u200bzero width.",
    "Form 10-K/A; Item 1A. Risk Factors",
    "(1) first; (2) second; and (3) third.",
    "'s 'S 'm 'M 'd 'D 'll 'LL 're 'RE 've 'VE n't N'T",
    "x's y'S z'm w'M v'd u'D",
    "she'll he'LL they're THEY'RE we've WE'VE don't DON'T",
    "it's' 'it's",
    "\"\"double double\"\"",
    "<<angle>> {{curly}}",
    "?!?!",
    "@#$%&;",
    "The end.\")\n\n",
    "ends with dot and unicode space.\u2003",
    "ends with dot then nbsp and quote.\u00a0'",
]

FRAGMENTS = [
    "can't", "cannot", "Cannot", "gonna", "Gotta", "wanna", "lemme", "gimme", "d'ye", "more'n",
    "'tis", "'Twas", "it's", "I'm", "they'll", "we've", "don't", "WON'T", "you'd", "'", "''",
    '"', "``", "`", "--", "---", "...", "..", ".", ",", ":", ";", "?", "!", "(", ")", "[", "]",
    "{", "}", "<", ">", "$1,234.56", "1,000", "10:30", "3.5%", "U.S.", "Inc.", "e.g.", "(a)",
    "(ii)", "#1", "@home", "&", "caf\u00e9", "\u201cquoted\u201d", "\u2018single\u2019",
    "\u00abguillemets\u00bb", "\u00a0", "\u2003", "\t", "\n", "x", "word", "Word", "WORD", "a,b",
    "a:b", "a'b", "a''b", 'a"b', "n't", "'s", "'S", "'ll", "Mr.", "No.", "F-7", "-", "10-K",
]


def synthetic(rng, count):
    out = []
    for _ in range(count):
        k = rng.randint(1, 9)
        parts = [rng.choice(FRAGMENTS) for _ in range(k)]
        seps = [rng.choice([" ", " ", " ", "", "  ", "\n"]) for _ in range(k)]
        text = "".join(p + s for p, s in zip(parts, seps))
        if rng.random() < 0.5:
            text = text.rstrip()
        out.append(text)
    return out


def doc_sentences(root):
    sentences = []
    # A fixed file, so regenerating gives the same fixture while other docs come and go.
    for name in ("docs/developing.md",):
        path = os.path.join(root, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if True:
            for para in re.split(r"\n\s*\n", text):
                for sent in re.split(r"(?<=[.!?])\s+", para):
                    sent = sent.strip()
                    if sent:
                        sentences.append(sent)
    return sentences


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--tokenize":
        with open(sys.argv[2], encoding="utf-8", newline="\n") as f, \
                open(sys.argv[3], "w", encoding="utf-8", newline="\n") as out:
            for line in f.read().split("\n"):
                if line:
                    out.write(record(unescape(line)) + "\n")
        return
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
    rng = random.Random(20240601)
    cases = HAND + doc_sentences(root) + synthetic(rng, 3000)
    sys.stdout.reconfigure(newline="\n")
    for text in cases:
        sys.stdout.write(record(text) + "\n")


if __name__ == "__main__":
    main()
