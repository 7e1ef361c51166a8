#!/usr/bin/python3
"""The pipeline a speed-minded Python user would write from Debian packages: the second peer of
bench/process_bench.sh (the first, bench/python_pipeline.py, is the common BeautifulSoup + NLTK
recipe), so that secnlp's speed-up does not rest on a slow baseline (issue 17).

Run:  /usr/bin/python3 bench/python_fast_pipeline.py INPUT...
      INPUT: files or directories (the same selection as python_pipeline.py and secnlp process).

Per document: lxml.html parses the bytes (C parser, no BeautifulSoup tree), <script>/<style>
dropped, text_content(); then one scikit-learn TfidfVectorizer over all documents with its own C
regex tokenizer (token_pattern r"(?u)\\b\\w\\w+\\b", lowercase), NLTK's English stop words, and
NLTK's Porter stemmer memoised per distinct word (functools.lru_cache) inside the analyzer. No
lemmatizer (WordNet lookups are what make the first peer slow).

Prints one JSON line like python_pipeline.py: files, bytes, seconds (after imports), mb_per_s,
per-stage seconds, vocabulary.
"""

import functools
import json
import os
import re
import sys
import time

T_START = time.perf_counter()

import lxml.html  # noqa: E402
from nltk.stem import PorterStemmer  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from python_pipeline import discover, english_stop_words  # noqa: E402


def main():
    inputs = sys.argv[1:]
    if not inputs:
        sys.exit(__doc__)
    files = discover(inputs)
    if not files:
        sys.exit("python_fast_pipeline.py: no input documents")
    stop_words, stop_source = english_stop_words()
    stemmer = PorterStemmer()
    stem = functools.lru_cache(maxsize=None)(stemmer.stem)
    token = re.compile(r"(?u)\b\w\w+\b")

    def analyzer(text):
        return [stem(w) for w in token.findall(text.lower()) if w not in stop_words]

    t_loaded = time.perf_counter()
    stage = {"read+html": 0.0, "tfidf": 0.0}
    texts = []
    total_bytes = 0
    for path in files:
        t0 = time.perf_counter()
        with open(path, "rb") as f:
            raw = f.read()
        total_bytes += len(raw)
        try:
            root = lxml.html.document_fromstring(raw)
            for bad in root.xpath("//script|//style"):
                bad.drop_tree()
            text = root.text_content()
        except (ValueError, lxml.etree.ParserError):  # empty or not HTML: the bytes as text
            text = raw.decode("utf-8", "replace")
        texts.append(text)
        stage["read+html"] += time.perf_counter() - t0
    t1 = time.perf_counter()
    matrix = TfidfVectorizer(analyzer=analyzer).fit_transform(texts)
    t_end = time.perf_counter()
    stage["tfidf"] = t_end - t1
    seconds = t_end - t_loaded
    print(json.dumps({
        "tool": "python-fast",
        "files": len(files),
        "bytes": total_bytes,
        "seconds": round(seconds, 3),
        "load_seconds": round(t_loaded - T_START, 3),
        "mb_per_s": round(total_bytes / 1e6 / seconds, 3),
        "stage_seconds": {k: round(v, 3) for k, v in stage.items()},
        "vocabulary": matrix.shape[1],
        "distinct_words_stemmed": stem.cache_info().currsize,
        "stopwords_source": stop_source,
    }))


if __name__ == "__main__":
    main()
