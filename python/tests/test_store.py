"""The Python API against the CLI on the samples: the same numbers from the same database."""

import io
import json

import numpy as np
import pandas as pd
import pytest

import secnlp
from conftest import cli


def cli_frame(*args):
    return pd.read_json(io.StringIO(cli(*args, "--format", "json")), orient="records",
                        dtype=False, convert_dates=False)


def test_process_summary(py_db):
    assert py_db.last_run["documents"] == 4
    assert py_db.last_run["failed"] == 0


def test_metrics_match_cli(cli_db):
    db = secnlp.open(cli_db)
    for section in (None, "1A"):
        args = ["metrics", "--db", cli_db] + (["--section", section] if section else [])
        expected = cli_frame(*args)
        got = db.metrics(section=section)
        assert list(got.columns) == list(expected.columns)
        assert {"cik", "ticker", "accession", "form", "fiscal_year", "filed"} <= set(got.columns)
        for column in got.columns:
            if got[column].dtype.kind == "f":
                np.testing.assert_allclose(got[column], expected[column], rtol=1e-12)
            else:
                assert got[column].fillna("").astype(str).tolist() == \
                    expected[column].fillna("").astype(str).tolist()


def test_python_and_cli_processing_store_the_same(cli_db, py_db):
    a = secnlp.open(cli_db).metrics(metric="all")
    b = py_db.metrics(metric="all")
    numeric = [c for c in a.columns if a[c].dtype.kind == "f"]
    np.testing.assert_allclose(a[numeric], b[numeric], rtol=1e-12)


def test_filters_match_cli(cli_db):
    db = secnlp.open(cli_db)
    got = db.sections(item=["1A", "7"], year=2024)
    expected = cli_frame("sections", "--db", cli_db, "--item", "1A", "--item", "7", "--year", 2024)
    assert got["section"].tolist() == expected["section"].tolist()
    assert got["begin"].tolist() == expected["begin"].tolist()
    assert got["fiscal_year"].tolist() == [2024, 2024]


def test_terms_match_cli(cli_db):
    got = secnlp.open(cli_db).terms(top=20, by="tfidf", min_df=2, sublinear_tf=True)
    expected = cli_frame("terms", "--db", cli_db, "--top", 20, "--by", "tfidf", "--min-df", 2,
                         "--sublinear-tf")
    assert got["term"].tolist() == expected["term"].tolist()
    np.testing.assert_allclose(got["mean_tfidf"], expected["mean_tfidf"], rtol=1e-12)


def test_similarity_and_similar_match_cli(cli_db):
    db = secnlp.open(cli_db)
    got = db.similarity(section="1A", measure=["cosine_tfidf", "edit"], cik="9990001")
    expected = cli_frame("similarity", "--db", cli_db, "--section", "1A", "--measure",
                         "cosine_tfidf", "--measure", "edit", "--cik", "9990001")
    assert len(got) == 4
    np.testing.assert_allclose(got["value"], expected["value"], rtol=1e-12)
    near = db.similar("0009990001-25-000012", section="1A", top=2)
    assert near["rank"].tolist() == [1, 2]


def terms_of(X, vocabulary):
    """Each document's stored terms as a token list (a term repeated by its count)."""
    X = X.tocsr()
    return [[vocabulary[j] for j, n in zip(X.indices[X.indptr[i]:X.indptr[i + 1]],
                                            X.data[X.indptr[i]:X.indptr[i + 1]])
             for _ in range(int(n))] for i in range(X.shape[0])]


@pytest.mark.parametrize("options", [
    dict(),
    dict(min_df=2, max_df=0.9),
    dict(sublinear_tf=True, norm="l1"),
    dict(smooth_idf=False, norm=None),
    dict(max_features=50, binary=True),
])
def test_dtm_equals_scikit_learn(cli_db, options):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    db = secnlp.open(cli_db)
    counts, all_terms, rows = db.dtm(weighting="count", section="1A")
    assert counts.dtype == np.int64 and len(rows) == counts.shape[0] == 3
    docs = terms_of(counts, all_terms)

    X, vocabulary, rows = db.dtm(section="1A", **options)
    reference = TfidfVectorizer(analyzer=lambda d: d, **options)
    expected = reference.fit_transform(docs)
    assert vocabulary.tolist() == reference.get_feature_names_out().tolist()
    assert X.shape == expected.shape
    assert abs(X - expected).max() <= 1e-9

    C, v, _ = db.dtm(weighting="count", section="1A", **{k: o for k, o in options.items()
                                                         if k in ("min_df", "max_df",
                                                                  "max_features", "binary")})
    reference = CountVectorizer(analyzer=lambda d: d, **{k: o for k, o in options.items()
                                                         if k in ("min_df", "max_df",
                                                                  "max_features", "binary")})
    assert v.tolist() == reference.fit(docs).get_feature_names_out().tolist()
    assert (C != reference.transform(docs)).nnz == 0


def test_dtm_rows_and_terms_agree(cli_db):
    db = secnlp.open(cli_db)
    X, vocabulary, rows = db.dtm(min_df=2)
    assert list(rows.columns)[:8] == ["doc_id", "document", "cik", "ticker", "form",
                                      "fiscal_year", "accession", "filed"]
    top = db.terms(top=5, by="tfidf", min_df=2)
    mean = np.asarray(X.mean(axis=0)).ravel()
    index = {t: i for i, t in enumerate(vocabulary)}
    for term, value in zip(top["term"], top["mean_tfidf"]):
        assert mean[index[term]] == pytest.approx(value, rel=1e-12)
