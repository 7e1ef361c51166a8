"""docs/schema.md against a database the CLI wrote: every table and column is documented, and
its term_vectors decoder reads the blobs as dtm() does."""

import re
import sqlite3

import numpy as np

import secnlp
from conftest import SOURCE

SCHEMA_MD = SOURCE / "docs" / "schema.md"


def doc_sections():
    """{heading: body} for each '## ' section of docs/schema.md."""
    text = SCHEMA_MD.read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {p.split("\n", 1)[0]: p for p in parts}


def test_every_table_and_column_is_documented(cli_db):
    sections = doc_sections()
    con = sqlite3.connect(cli_db)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    assert "sections" in tables and "term_vectors" in tables
    missing = []
    for table in tables:
        # the section whose heading names the table ("runs and errors — ...")
        body = next((b for h, b in sections.items()
                     if table in re.findall(r"[a-z_]+", h.split(" — ")[0])), None)
        if body is None:
            missing.append(table)
            continue
        for (column,) in con.execute(f"SELECT name FROM pragma_table_info('{table}')"):
            if f"`{column}`" not in body and f"`{table}.{column}`" not in body:
                missing.append(f"{table}.{column}")
    assert not missing, f"not in {SCHEMA_MD}: {missing}"


def test_term_vector_decoder_reads_what_dtm_returns(cli_db):
    code = re.search(r"```python\n(def decode_term_vector.*?)```",
                     SCHEMA_MD.read_text(encoding="utf-8"), flags=re.S).group(1)
    namespace = {}
    exec(code, namespace)
    decode = namespace["decode_term_vector"]

    con = sqlite3.connect(cli_db)
    term_of = dict(con.execute("SELECT id, term FROM vocabulary"))
    X, vocabulary, rows = secnlp.open(cli_db).dtm(weighting="count", section="1A")
    column = {t: i for i, t in enumerate(vocabulary)}
    assert len(rows) == 3
    for r, doc_id in enumerate(rows["doc_id"]):
        (blob, unique, total), = con.execute(
            "SELECT data, unique_terms, total FROM term_vectors WHERE doc_id = ? AND scope = '1A'",
            (int(doc_id),))
        pairs = decode(blob)
        assert len(pairs) == unique and sum(c for _, c in pairs) == total
        expected = np.zeros(len(vocabulary), dtype=np.int64)
        for term_id, count in pairs:
            expected[column[term_of[term_id]]] = count
        assert (X[r].toarray().ravel() == expected).all()
