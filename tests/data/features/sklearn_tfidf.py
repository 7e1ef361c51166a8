#!/usr/bin/python3
# Reference TF-IDF for tests/nlp/features/features_corpus_test.cpp: scikit-learn's
# CountVectorizer + TfidfTransformer on already-tokenized documents, for every option combination.
#
# Command (the corpus test runs it; by hand from the repository root):
#   /usr/bin/python3 tests/data/features/sklearn_tfidf.py TOKENS_FILE OUT_DIR
# TOKENS_FILE: UTF-8, one document per line, tokens separated by single spaces.
# Writes OUT_DIR/manifest.tsv, one line per combination:
#   ID NGMIN NGMAX MIN_DF MAX_DF MAX_FEATURES BINARY NORM USE_IDF SMOOTH SUBLINEAR SCHEME VOCAB
# (SCHEME sklearn|lognorm; VOCAB names OUT_DIR/vocab-K.txt, one term per line) and for each ID
# OUT_DIR/ID.indptr (int64), ID.indices (int32), ID.data (float64), little-endian: the weight
# matrix in CSR form with sorted indices.
import itertools
import os
import sys

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

COUNT_SETTINGS = [
    # ngram, min_df, max_df, max_features, binary
    ((1, 1), 1, 1.0, None, False),
    ((1, 1), 2, 0.8, None, False),
    ((1, 1), 1, 1.0, 1000, True),
    ((1, 2), 2, 0.9, 5000, False),
    ((1, 2), 1, 1.0, None, False),
]


def main():
    tokens_file, out_dir = sys.argv[1], sys.argv[2]
    with open(tokens_file, encoding="utf-8", newline="\n") as f:
        docs = [line.rstrip("\n").split(" ") for line in f]
    docs = [[t for t in d if t] for d in docs]
    manifest = []
    combo = 0
    for k, (ngram, min_df, max_df, max_features, binary) in enumerate(COUNT_SETTINGS):
        ngrams = CountVectorizer(ngram_range=ngram)._word_ngrams
        cv = CountVectorizer(analyzer=lambda d: ngrams(d), min_df=min_df, max_df=max_df,
                             max_features=max_features, binary=binary)
        counts = cv.fit_transform(docs)
        vocab = "vocab-%d.txt" % k
        with open(os.path.join(out_dir, vocab), "w", encoding="utf-8", newline="\n") as f:
            for term in cv.get_feature_names_out():
                f.write(term + "\n")
        head = [ngram[0], ngram[1], repr(min_df), repr(max_df), max_features, int(binary)]

        def write(weights, fields):
            nonlocal combo
            combo += 1
            w = weights.tocsr()
            w.sort_indices()
            base = os.path.join(out_dir, str(combo))
            w.indptr.astype("<i8").tofile(base + ".indptr")
            w.indices.astype("<i4").tofile(base + ".indices")
            w.data.astype("<f8").tofile(base + ".data")
            manifest.append([combo] + head + fields + [vocab])

        for norm, use_idf, smooth, sublinear in itertools.product(
            ["l1", "l2", None], [True, False], [True, False], [True, False]
        ):
            tt = TfidfTransformer(norm=norm, use_idf=use_idf, smooth_idf=smooth, sublinear_tf=sublinear)
            write(tt.fit_transform(counts), [norm, int(use_idf), int(smooth), int(sublinear), "sklearn"])

        # Loughran-McDonald: (1 + ln f) / (1 + ln mean f) * (1 + ln(N / df)), no norm.
        x = counts.astype(np.float64).tocsr()
        x.sort_indices()
        n = x.shape[0]
        df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float64)
        nnz = np.diff(x.indptr)
        avg = np.asarray(x.sum(axis=1)).ravel() / np.maximum(nnz, 1)
        row_of = np.repeat(np.arange(n), nnz)
        x.data = (1 + np.log(x.data)) / (1 + np.log(avg[row_of])) * (1 + np.log(n / df[x.indices]))
        write(x, [None, 1, 0, 0, "lognorm"])

    with open(os.path.join(out_dir, "manifest.tsv"), "w", encoding="utf-8") as f:
        for row in manifest:
            f.write("\t".join(str(v) for v in row) + "\n")


main()
