#!/usr/bin/python3
# Reference pairwise similarities for tests/nlp/similarity/similarity_corpus_test.cpp, computed by
# scikit-learn on the same count vectors the C++ side builds.
#
# Command (the corpus test runs it; by hand from the repository root):
#   /usr/bin/python3 tests/data/similarity/sklearn_similarity.py TOKENS_FILE OUT_FILE
# TOKENS_FILE: UTF-8, one document per line, tokens separated by single spaces (already
# lowercased \w\w+-style tokens). OUT_FILE gets one tab-separated line per pair i < j:
#   I J COSINE_COUNTS COSINE_TFIDF JACCARD MATCH_RATIO
# COSINE_COUNTS: sklearn.metrics.pairwise.cosine_similarity on CountVectorizer counts.
# COSINE_TFIDF: the same on TfidfVectorizer's output (default options: smooth idf, l2 norm) over
#   these documents.
# JACCARD: 1 - pairwise_distances(binary counts, metric="jaccard") (= jaccard_score per pair).
# MATCH_RATIO: accuracy_score of the binary rows over the whole vocabulary (the "course" score).
# Values are printed with repr() (17 significant digits).
import sys

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import accuracy_score
from sklearn.metrics.pairwise import cosine_similarity, pairwise_distances


def split_tokens(line):
    return line.split(" ") if line else []


def main():
    tokens_file, out_file = sys.argv[1], sys.argv[2]
    with open(tokens_file, encoding="utf-8", errors="surrogateescape") as f:
        docs = [line.rstrip("\n") for line in f]
    counts = CountVectorizer(analyzer=split_tokens).fit_transform(docs)
    tfidf = TfidfVectorizer(analyzer=split_tokens).fit_transform(docs)
    cos_counts = cosine_similarity(counts)
    cos_tfidf = cosine_similarity(tfidf)
    binary = (counts.toarray() > 0)
    jac = 1.0 - pairwise_distances(binary, metric="jaccard")
    with open(out_file, "w") as out:
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                match = accuracy_score(binary[i], binary[j])
                out.write("\t".join([str(i), str(j), repr(float(cos_counts[i, j])),
                                     repr(float(cos_tfidf[i, j])), repr(float(jac[i, j])),
                                     repr(float(match))]) + "\n")


if __name__ == "__main__":
    main()
