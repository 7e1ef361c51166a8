"""Text functions: the stages the CLI runs, and offsets that slice Python strings."""

import sqlite3

import pytest

import secnlp
from conftest import SAMPLES

# A small 10-K whose every part holds non-ASCII characters (accents, dashes, euro signs,
# Chinese), so byte and code-point offsets differ more with every section.
TEN_K = """FORM 10-K

ITEM 1.  BUSINESS

Café Société SA — «Zürich» makes widgets for €12 million; 北京 customers value them. Demand
grew strongly this year and the company expanded its plants in Malmö and São Paulo.

ITEM 1A.  RISK FACTORS

Competition may reduce our margins — naïve competitors cut prices. Litigation could be costly
and uncertain in Düsseldorf and 東京.

ITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION

Revenue increased by 5 % because more widgets were sold in Zürich. Costs rose less than revenue.
"""


def test_items_offsets_slice_python_strings():
    text, sections = secnlp.items(TEN_K, form="10-K")
    assert text != text.encode("utf-8").decode("latin-1")  # really non-ASCII
    by_item = sections.set_index("section")
    assert {"1", "1A", "7"} <= set(by_item.index)
    for item, heading in [("1", "ITEM 1."), ("1A", "ITEM 1A."), ("7", "ITEM 7.")]:
        row = by_item.loc[item]
        assert text[row["begin_char"]:row["end_char"]] == row["text"]
        assert row["text"].lstrip().startswith(heading)
        # the byte offsets index the UTF-8 encoding
        raw = text.encode("utf-8")
        assert raw[row["begin"]:row["end"]].decode("utf-8") == row["text"]
    assert "naïve" in by_item.loc["1A", "text"] and "東京" in by_item.loc["1A", "text"]


def test_stored_char_offsets_slice_the_stored_text(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "widgets_10k.txt").write_text(TEN_K, encoding="utf-8")
    db = secnlp.process(tmp_path / "in", db=tmp_path / "t.db", progress=False)
    sections = db.sections(text=True)
    assert len(sections) >= 3
    with sqlite3.connect(db.path) as con:
        (stored,) = con.execute("SELECT text FROM document_text").fetchone()
    for _, row in sections.iterrows():
        assert stored[row["begin_char"]:row["end_char"]] == row["text"]
    assert (sections["begin_char"] < sections["begin"]).any()  # offsets really differ


def test_items_match_the_stored_sections(cli_db):
    stored = secnlp.open(cli_db).sections(year=2023)
    path = next(SAMPLES.glob("*/9990001_10K_2023_*"))
    text, sections = secnlp.items(path.read_bytes())
    assert sections["section"].tolist() == stored["section"].tolist()
    for column in ("begin", "end", "begin_char", "end_char"):  # the same names, the same units
        assert sections[column].tolist() == stored[column].tolist(), column


def test_text_functions():
    assert secnlp.sentences("Revenue rose 5% in Q3. Mr. Smith said so. Costs fell.") == [
        "Revenue rose 5% in Q3.", "Mr. Smith said so.", "Costs fell."]
    text = "Café «Zürich» grew. It didn't fall."
    spans = secnlp.sentences(text, spans=True)
    assert [text[b:e] for b, e in spans] == ["Café «Zürich» grew.", "It didn't fall."]
    assert secnlp.tokenize("It didn't fall.") == ["It", "did", "n't", "fall", "."]
    assert secnlp.tokenize("It didn't fall.", tokenizer="pattern") == ["It", "didn", "fall"]
    assert secnlp.stem("operations") == "oper"
    assert secnlp.stem(["running", "companies"]) == ["run", "compani"]
    assert secnlp.lemmatize("companies", "n") == "company"
    assert secnlp.lemmatize("ran", "v") == "run"
    assert secnlp.normalize("ﬁnance “quoted” – dash") == 'finance "quoted" - dash'
    assert secnlp.html_to_text("<html><body><p>Hi <b>there</b></p></body></html>").strip() == \
        "Hi there"
    with pytest.raises(ValueError):
        secnlp.lemmatize("x", "q")


def test_readability_is_the_stage(cli_db):
    r = secnlp.readability("The cat sat on the mat. It was happy and fat.")
    assert r["sentences"] == 2 and r["words"] == 11
    assert r["flesch_reading_ease"] == pytest.approx(108.96159090909, rel=1e-9)


def test_lm_counts(tmp_path):
    lexicon = tmp_path / "negative.txt"
    lexicon.write_text("LOSS\nDECLINE\n")
    counts = secnlp.lm_counts("The loss grew. Sales did not decline much.", lexicon=lexicon)
    assert counts["lm_negative"] == 2
