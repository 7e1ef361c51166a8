#!/usr/bin/python3
# Writes tfidf_fixture.tsv: scikit-learn's CountVectorizer + TfidfTransformer on small tokenized
# corpora, for every option combination, as the reference for tests/nlp/features.
#
# Command (from the repository root):
#   /usr/bin/python3 tests/data/features/make_tfidf_fixture.py > tests/data/features/tfidf_fixture.tsv
# Made with Debian's python3-sklearn 1.2.1 / numpy 1.24.2.
#
# Format: one record per line, fields separated by TAB.
#   doc      CORPUS  token...               documents of a corpus, in order
#   case     ID CORPUS NGMIN NGMAX MIN_DF MAX_DF MAX_FEATURES BINARY NORM USE_IDF SMOOTH SUBLINEAR SCHEME
#            MIN_DF/MAX_DF: "2" is a document count, "0.5" a proportion; MAX_FEATURES: int or None;
#            NORM: l1|l2|None; SCHEME: sklearn|lognorm|vocab (vocab: only the vocabulary is checked)
#   vocab    ID term...                     the fitted vocabulary (get_feature_names_out order)
#   idf      ID value...                    idf_ when use_idf
#   row      ID value...                    one dense row per document, repr() of float64
#   reject   ID CORPUS NGMIN NGMAX MIN_DF MAX_DF MAX_FEATURES MATCH MESSAGE
#            sklearn raised; MATCH=1 when secnlp must give the same message.
#   argsort  key... | index...              numpy.argsort (default quicksort) of int64 keys
import itertools
import math
import random
import sys

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

CORPORA = {
    "basic": [
        "this is a document".split(),
        "this document is the second document".split(),
        "last one".split(),
    ],
    "mixed": [
        "the risk the risk the risk of loss".split(),
        "café naïve risk Zebra zebra 日本 日本".split(),
        [],
        "loss of revenue and loss of margin é Ａ 😀".split(),
        "zebra risk loss the of of of".split(),
        "😀 😀 Ａ café the revenue margin".split(),
    ],
}

CORPORA["empty"] = [[], []]

# A corpus with many ties in corpus frequency, to pin max_features' tie breaking.
rng = random.Random(20240601)
words = ["w%03d" % i for i in range(300)]
rng.shuffle(words)
CORPORA["ties"] = [
    [w for w in words if rng.random() < 0.3 for _ in range(rng.choice([1, 1, 2]))]
    for _ in range(30)
]

COUNT_SETTINGS = [
    # min_df, max_df, max_features, binary
    (1, 1.0, None, False),
    (2, 1.0, None, False),
    (1, 0.5, None, False),
    (0.2, 4, None, False),
    (1, 1.0, 5, False),
    (1, 1.0, None, True),
    (2, 0.9, 8, True),
    (0, 1, None, False),  # int 0 is a valid min_df (no lower bound); int 1 as max_df is one document
]
NGRAMS = [(1, 1), (1, 2)]
NORMS = ["l1", "l2", None]


def fmt_df(v):
    return repr(v)  # 2 -> "2", 0.5 -> "0.5"


def emit(*fields):
    print("\t".join(str(f) for f in fields))


def count_vectorizer(ngram, min_df, max_df, max_features, binary):
    # analyzer=callable ignores ngram_range, so build the n-grams with sklearn's own _word_ngrams.
    ngrams = CountVectorizer(ngram_range=ngram)._word_ngrams
    return CountVectorizer(
        analyzer=lambda tokens: ngrams(tokens),
        min_df=min_df,
        max_df=max_df,
        max_features=max_features,
        binary=binary,
    )


def lognorm(counts, norm):
    # Loughran-McDonald: (1 + ln f) / (1 + ln mean f) * (1 + ln(N / df)); not in sklearn.
    n = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    out = np.zeros(counts.shape)
    for r in range(n):
        present = counts[r] > 0
        if not present.any():
            continue
        avg = counts[r][present].sum() / present.sum()
        for c in np.nonzero(present)[0]:
            out[r, c] = (1 + math.log(counts[r, c])) / (1 + math.log(avg)) * (1 + math.log(n / df[c]))
        if norm == "l2":
            out[r] /= math.sqrt((out[r] ** 2).sum())
        elif norm == "l1":
            out[r] /= np.abs(out[r]).sum()
    return out


def main():
    emit("#", "sklearn", sklearn.__version__, "numpy", np.__version__)
    for name, docs in CORPORA.items():
        for doc in docs:
            emit("doc", name, *doc)

    case_id = 0
    for corpus in ("basic", "mixed"):
        docs = CORPORA[corpus]
        for ngram, (min_df, max_df, max_features, binary) in itertools.product(NGRAMS, COUNT_SETTINGS):
            for norm, use_idf, smooth, sublinear in itertools.product(
                NORMS, [True, False], [True, False], [True, False]
            ):
                cv = count_vectorizer(ngram, min_df, max_df, max_features, binary)
                try:
                    counts = cv.fit_transform(docs)
                except ValueError:
                    continue  # settings that reject this corpus are covered by `reject`
                tt = TfidfTransformer(norm=norm, use_idf=use_idf, smooth_idf=smooth, sublinear_tf=sublinear)
                dense = tt.fit_transform(counts).toarray()
                case_id += 1
                emit("case", case_id, corpus, ngram[0], ngram[1], fmt_df(min_df), fmt_df(max_df),
                     max_features, int(binary), norm, int(use_idf), int(smooth), int(sublinear), "sklearn")
                emit("vocab", case_id, *cv.get_feature_names_out())
                if use_idf:
                    emit("idf", case_id, *(repr(float(x)) for x in tt.idf_))
                for row in dense:
                    emit("row", case_id, *(repr(float(x)) for x in row))
            for norm in NORMS:
                cv = count_vectorizer(ngram, min_df, max_df, max_features, binary)
                try:
                    counts = cv.fit_transform(docs).toarray()
                except ValueError:
                    continue
                case_id += 1
                emit("case", case_id, corpus, ngram[0], ngram[1], fmt_df(min_df), fmt_df(max_df),
                     max_features, int(binary), norm, 1, 0, 0, "lognorm")
                emit("vocab", case_id, *cv.get_feature_names_out())
                for row in lognorm(counts, norm):
                    emit("row", case_id, *(repr(float(x)) for x in row))

    for max_features, binary in itertools.product([1, 17, 20, 50, 100, 250], [False, True]):
        cv = count_vectorizer((1, 1), 1, 1.0, max_features, binary)
        cv.fit(CORPORA["ties"])
        case_id += 1
        emit("case", case_id, "ties", 1, 1, "1", "1.0", max_features, int(binary), None, 0, 0, 0, "vocab")
        emit("vocab", case_id, *cv.get_feature_names_out())

    rejects = [
        # corpus, ngram, min_df, max_df, max_features, match message
        ("basic", (1, 1), 3, 2, None, 1),
        ("basic", (1, 1), 0.9, 0.1, None, 1),
        ("basic", (1, 1), 3, 1.0, None, 1),
        ("mixed", (1, 2), 6, 1.0, None, 1),
        ("empty", (1, 1), 1, 1.0, None, 1),
        ("basic", (2, 1), 1, 1.0, None, 0),
        ("basic", (1, 1), 1.5, 1.0, None, 0),
        ("basic", (1, 1), -1, 1.0, None, 0),
        ("basic", (1, 1), 1, -0.5, None, 0),
        ("basic", (1, 1), 1, 1.0, 0, 0),
    ]
    for corpus, ngram, min_df, max_df, max_features, match in rejects:
        docs = CORPORA[corpus]
        try:
            if ngram[0] > ngram[1]:
                CountVectorizer(ngram_range=ngram).fit([" ".join(d) for d in docs])
            count_vectorizer(ngram, min_df, max_df, max_features, False).fit(docs)
        except ValueError as e:
            case_id += 1
            emit("reject", case_id, corpus, ngram[0], ngram[1], fmt_df(min_df), fmt_df(max_df),
                 max_features, match, str(e).replace("\n", " "))
        else:
            sys.exit("expected a rejection: %r" % ((corpus, ngram, min_df, max_df, max_features),))

    arng = random.Random(7)
    for n in [0, 1, 2, 15, 16, 17, 40, 100, 1000, 5000]:
        for spread in [1, 3, 50]:
            keys = [arng.randrange(spread) - spread // 2 for _ in range(n)]
            order = np.argsort(np.array(keys, dtype=np.int64))
            emit("argsort", *keys, "|", *order.tolist())


main()
