"""secnlp in Python: SEC filings to pandas DataFrames and scipy matrices.

Every number comes from the same C++ functions the ``secnlp`` command calls (the extension
``secnlp._core``); this package only shapes the results for pandas, numpy and scipy.

Text functions (no database)::

    secnlp.html_to_text(html)            secnlp.normalize(text)
    secnlp.sentences(text)               secnlp.tokenize(text, tokenizer="treebank")
    secnlp.stem("operations")            secnlp.lemmatize("companies", "n")
    secnlp.items(text_or_html, form="10-K") -> (text, DataFrame of sections)
    secnlp.readability(text)             secnlp.lm_counts(text, lexicon=path)

A results database (``secnlp process`` or :func:`process`)::

    db = secnlp.open("out/samples.db")
    db.metrics(); db.sections(item="1A", text=True); db.terms(by="tfidf")
    X, vocabulary, rows = db.dtm(weighting="tfidf", min_df=2)
"""

from . import _core
from ._core import Error
from .text import (
    html_to_text,
    items,
    lemmatize,
    lm_counts,
    normalize,
    readability,
    sentences,
    stem,
    tokenize,
)
from .store import Database, open, process

__all__ = [
    "Database",
    "Error",
    "html_to_text",
    "items",
    "lemmatize",
    "lm_counts",
    "load_model",
    "normalize",
    "open",
    "process",
    "readability",
    "sentences",
    "set_log_level",
    "stem",
    "tokenize",
]

__version__ = "0.1.0"


def set_log_level(level):
    """What the C++ core logs on stderr: "error", "warn" (default), "info" or "debug"."""
    _core.set_log_level(level)


def load_model(directory):
    """A trained model (``secnlp train --out DIR``); see :mod:`secnlp.models`."""
    from .models import load_model as _load

    return _load(directory)
