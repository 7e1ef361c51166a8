"""A results database as pandas DataFrames and scipy matrices: the queries behind ``secnlp
metrics``, ``sections``, ``terms``, ``similarity``, ``similar`` and ``export``, with the same
filters (cik, ticker, form, year = fiscal year, path, as_of)."""

import os

from . import _core

__all__ = ["Database", "open", "process"]


def _frame(table):
    """A DataFrame from the C++ table; integer columns with NULLs become pandas' nullable
    Int64 (fiscal_year stays 2024, not 2024.0)."""
    import pandas as pd

    data = {}
    for name, values in zip(table["columns"], table["data"]):
        present = [v for v in values if v is not None]
        if len(present) < len(values) and present and all(
                isinstance(v, int) and not isinstance(v, bool) for v in present):
            data[name] = pd.array(values, dtype="Int64")
        else:
            data[name] = values
    return pd.DataFrame(data, columns=table["columns"])


def _filter(cik=None, ticker=None, form=None, year=None, fiscal_year=None, path=None,
            as_of=None):
    """The CLI's --cik/--ticker/--form/--year/--path/--as-of; ``fiscal_year`` is ``year``."""
    if year is not None and fiscal_year is not None and year != fiscal_year:
        raise ValueError("give year or fiscal_year, not both")
    return {"cik": cik, "ticker": ticker, "form": form,
            "year": fiscal_year if year is None else year, "path": path, "as_of": as_of}


def _items(item):
    if item is None:
        return []
    return [item] if isinstance(item, str) else list(item)


class Database:
    """A secnlp results database (``secnlp process --db FILE``, or a ``postgresql://`` URL).
    Read-only: every method runs one query; the database may be written by a running
    ``secnlp process`` meanwhile."""

    def __init__(self, path):
        self.path = os.fspath(path)
        if not self.path.startswith(("postgresql://", "postgres://")) and \
                not os.path.exists(self.path):
            raise FileNotFoundError(f"{self.path}: no such database (run secnlp.process first)")

    def __repr__(self):
        return f"secnlp.Database({self.path!r})"

    def metrics(self, metric=None, section=None, **filters):
        """One wide row per filing (or per section with ``section="1A"``): document, cik,
        ticker, form, fiscal_year, accession, filed, available_at, section, then one column
        per metric (default: words, sentences, readability and the LM counts when stored;
        ``metric="all"`` or a list of names)."""
        names = [] if metric is None else _items(metric)
        return _frame(_core.metrics(self.path, _filter(**filters), section or "", names))

    def sections(self, section=None, text=False, item=None, **filters):
        """One row per stored section (``section="1A"`` or a list; ``item=`` is the same), with
        offsets in bytes and in code points (``begin_char``/``end_char`` index the filing's text
        as a Python str). The column is ``section``, as in metrics(), similarity() and exports."""
        if section is not None and item is not None:
            raise ValueError("give section= or item=, not both")
        wanted = section if section is not None else item
        return _frame(_core.sections(self.path, _filter(**filters), _items(wanted), text))

    def exhibits(self, type=None, text=False, **filters):
        """One row per stored exhibit (``type="EX-21"``: prefix match)."""
        return _frame(_core.exhibits(self.path, _filter(**filters), _items(type), text))

    def terms(self, top=25, by="count", section=None, min_df=1, max_df=1.0, max_features=None,
              binary=False, norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=False,
              weighting="sklearn", **filters):
        """Top terms (``secnlp terms``): term, count, df, idf, mean_tfidf. ``min_df``/``max_df``
        as scikit-learn (int = documents, float = share)."""
        options = dict(top=top, by=by, min_df=min_df, max_df=max_df, max_features=max_features,
                       binary=binary, norm=norm or "none", use_idf=use_idf,
                       smooth_idf=smooth_idf, sublinear_tf=sublinear_tf, weighting=weighting)
        return _frame(_core.terms(self.path, _filter(**filters), section or "", options))

    def dtm(self, section=None, weighting="tfidf", min_df=1, max_df=1.0, max_features=None,
            binary=False, norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=False,
            **filters):
        """The document-term matrix of the stored term counts of every selected filing (or
        section): ``(X, vocabulary, rows)``.

        ``X`` is a ``scipy.sparse.csr_matrix`` (documents x terms), ``vocabulary`` a numpy
        array of terms (scikit-learn's ``get_feature_names_out()`` order) and ``rows`` a
        DataFrame (doc_id, document, cik, ticker, form, fiscal_year, accession, filed,
        available_at, section) with one row per matrix row. ``weighting="tfidf"`` gives what
        ``TfidfVectorizer(min_df=..., max_df=..., norm=..., use_idf=..., smooth_idf=...,
        sublinear_tf=...)`` gives on the same terms; ``"count"`` what ``CountVectorizer`` gives;
        ``"lognorm"`` Loughran-McDonald's (1+ln f)/(1+ln a)(1+ln(N/df)).

        The vocabulary and the idf come from the selected rows only: in a backtest pass
        ``as_of=`` (a date) so that no filing later than it shapes the matrix; adding later
        filings to the database then leaves it bit-identical (tested)."""
        import numpy as np
        import scipy.sparse as sp

        if weighting not in ("tfidf", "count", "lognorm"):
            raise ValueError("weighting must be 'tfidf', 'count' or 'lognorm'")
        options = dict(min_df=min_df, max_df=max_df, max_features=max_features, binary=binary,
                       norm=norm or "none", use_idf=use_idf, smooth_idf=smooth_idf,
                       sublinear_tf=sublinear_tf,
                       weighting="lognorm" if weighting == "lognorm" else "sklearn")
        if weighting == "lognorm" and norm == "l2":
            del options["norm"]  # the published formula has no row normalisation
        m = _core.dtm(self.path, _filter(**filters), section or "", options,
                      weighting != "count")
        rows = _frame(m["rows"])
        vocabulary = np.array(m["vocabulary"], dtype=object)
        X = sp.csr_matrix((m["data"], m["indices"], m["indptr"]),
                          shape=(len(rows), len(vocabulary)))
        if weighting == "count":
            X = X.astype(np.int64)
        return X, vocabulary, rows

    def similarity(self, section=None, measure=None, idf="corpus", all=None, **filters):
        """Year-over-year similarity of each filing with the previous comparable one (long:
        date, cik, ticker, form, fiscal_year, accession, prev_fiscal_year, prev_accession,
        section, measure, value). Every company unless cik or ticker is given."""
        if all is None:
            all = not (filters.get("cik") or filters.get("ticker"))
        return _frame(_core.similarity(self.path, _filter(**filters), all, section or "",
                                       _items(measure), idf))

    def similar(self, to, section=None, top=10, as_of=None):
        """The stored filings (or sections) nearest to filing ``to`` (accession) by TF-IDF
        cosine, as known when ``to`` became available (or ``as_of``)."""
        return _frame(_core.similar(self.path, to, section or "", top, as_of or ""))

    def export(self, what, **filters):
        """``secnlp export --what similarity|metrics|sections`` as a DataFrame (tidy, long)."""
        return _frame(_core.export_table(self.path, what, _filter(**filters)))


def open(path):
    """Opens a results database written by ``secnlp process`` (or :func:`process`)."""
    return Database(path)


class _Bar:
    """tqdm's notebook bar in Jupyter, its text bar elsewhere, nothing without tqdm."""

    def __init__(self, enabled):
        self.bar = None
        if not enabled:
            return
        try:
            from tqdm import tqdm
        except ImportError:
            return
        try:  # a widget in Jupyter when ipywidgets is there, else tqdm's text bar
            import ipywidgets  # noqa: F401
            from IPython import get_ipython

            if get_ipython() is not None and "IPKernelApp" in get_ipython().config:
                from tqdm.notebook import tqdm
        except Exception:
            pass
        self.bar = tqdm(total=0, unit="doc", desc="secnlp")

    def __call__(self, done, total):
        if self.bar is None:
            return
        if self.bar.total != total:
            self.bar.total = total
        self.bar.update(done - self.bar.n)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def process(paths, db="secnlp.db", threads=0, pipeline=None, lexicon=None, force=False,
            store_text=True, metadata=None, progress=True, shard=None, run_key=None):
    """``secnlp process``: runs the pipeline over files and folders into the database ``db``
    (all cores with ``threads=0``; unchanged documents are skipped) and returns the database.
    ``pipeline`` is a pipeline TOML file, ``lexicon`` the Loughran-McDonald dictionary,
    ``metadata`` a metadata CSV. ``progress`` shows a bar (tqdm; in notebooks too). The run's
    summary is in ``Database.last_run``.

    ``db`` is a SQLite file or a ``postgresql://`` URL. ``shard=(k, n)`` (or ``"k/n"``)
    processes only shard k of n of the inputs, as ``secnlp process --shard``; the tasks of one
    run that write into one PostgreSQL database at once (a Dask map over shards) pass the same
    ``run_key`` and share its run lock, which refuses any other run meanwhile."""
    if isinstance(shard, (tuple, list)):
        shard = f"{shard[0]}/{shard[1]}"
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    bar = _Bar(progress)
    try:
        summary = _core.process([os.fspath(p) for p in paths], os.fspath(db), threads,
                                os.fspath(pipeline) if pipeline else "",
                                os.fspath(lexicon) if lexicon else "", force, store_text,
                                os.fspath(metadata) if metadata else "",
                                bar if bar.bar is not None else None, shard or "", run_key or "")
    finally:
        bar.close()
    database = Database(db)
    database.last_run = summary
    return database
