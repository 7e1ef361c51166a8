"""Exports as users read them back: JSONL with pandas/json, the dtm with scipy and pandas, and
one parseable JSON document from every command's --format json."""

import io
import json

import numpy as np
import pandas as pd
import scipy.io

import secnlp
from conftest import SAMPLES, cli


def test_filings_jsonl_parses_back(cli_db):
    out = cli("export", "--db", cli_db, "--what", "filings", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 4
    frame = pd.read_json(io.StringIO(out), lines=True, dtype=False)
    assert {"cik", "company", "filing_type", "filing_date", "period_of_report", "filename",
            "accession", "fiscal_year"} <= set(frame.columns)
    latest = next(r for r in records if r["fiscal_year"] == 2024)
    assert latest["filing_type"] == "10-K" and latest["filing_date"] == "2025-02-21"
    assert latest["filing_html_index"].endswith("-index.html")
    # item texts: the stored sections, sliced by the stored offsets
    sections = secnlp.open(cli_db).sections(section=["1A", "7"], year=2024, text=True)
    for _, row in sections.iterrows():
        assert latest[f"item_{row['section']}"] == row["text"]
    assert "item_1" in latest and "item_signatures" not in latest


def test_edgar_crawler_keys_for_other_forms(tmp_path):
    ten_q = ("FORM 10-Q\n\nPART I - FINANCIAL INFORMATION\n\nITEM 1. FINANCIAL STATEMENTS\n\n"
             "Balance sheet follows here with numbers.\n\nITEM 2. MANAGEMENT'S DISCUSSION AND "
             "ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS\n\nRevenue grew in the "
             "quarter because demand rose.\n\nPART II - OTHER INFORMATION\n\nITEM 1A. RISK "
             "FACTORS\n\nThere were no material changes.\n")
    eight_k = ("FORM 8-K\n\nCURRENT REPORT\n\nItem 2.02 Results of Operations and Financial "
               "Condition.\n\nThe company announced its results for the quarter today.\n\n"
               "Item 9.01 Financial Statements and Exhibits.\n\nExhibit 99.1 Press release.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "1_10Q_2024_0000000001-24-000001.txt").write_text(ten_q)
    (tmp_path / "in" / "1_8K_2024_0000000001-24-000002.txt").write_text(eight_k)
    db = tmp_path / "forms.db"
    cli("process", tmp_path / "in", "--db", db, "--progress", "off")
    records = [json.loads(line) for line in
               cli("export", "--db", db, "--what", "filings", "--format", "jsonl").splitlines()]
    keys = set().union(*(r.keys() for r in records))
    assert {"part_1_item_2", "part_2_item_1A", "item_2.02"} <= keys, keys


def test_dtm_export_reads_with_scipy_and_pandas(cli_db, tmp_path):
    cli("export", "--db", cli_db, "--what", "dtm", "--section", "1A", "--min-df", 2, "--out",
        tmp_path / "dtm")
    M = scipy.io.mmread(str(tmp_path / "dtm" / "dtm.mtx")).tocsr()
    vocabulary = pd.read_csv(tmp_path / "dtm" / "vocabulary.csv", keep_default_na=False)
    rows = pd.read_csv(tmp_path / "dtm" / "rows.csv", dtype={"cik": str})
    X, terms, meta = secnlp.open(cli_db).dtm(section="1A", min_df=2)
    assert M.shape == X.shape == (len(rows), len(vocabulary))
    assert vocabulary["term"].tolist() == terms.tolist()
    assert rows["accession"].tolist() == meta["accession"].tolist()
    assert abs(M - X).max() <= 1e-15
    cli("export", "--db", cli_db, "--what", "dtm", "--weighting", "count", "--out",
        tmp_path / "counts")
    C = scipy.io.mmread(str(tmp_path / "counts" / "dtm.mtx")).tocsr()
    assert C.dtype.kind == "i"
    assert (C != secnlp.open(cli_db).dtm(weighting="count")[0]).nnz == 0


def test_every_json_output_is_one_document(cli_db, tmp_path):
    sample = next(SAMPLES.glob("*/9990001_10K_2023_*"))
    commands = [
        ["inspect", sample],
        ["process", SAMPLES, "--db", tmp_path / "j.db", "--progress", "off"],
        ["metrics", "--db", cli_db],
        ["sections", "--db", cli_db],
        ["terms", "--db", cli_db],
        ["exhibits", "--db", cli_db],
        ["similarity", "--db", cli_db, "--all"],
        ["similar", "--db", cli_db, "--to", "0009990001-25-000012"],
        ["export", "--db", cli_db, "--what", "sections"],
        ["runs", "--db", cli_db],
        ["stages"],
        ["names"],
    ]
    for args in commands:
        out = cli(*args, "--format", "json")
        json.loads(out)  # raises on two documents back to back
    inspected = json.loads(cli("inspect", sample, "--format", "json"))
    assert set(inspected) >= {"metadata", "documents", "sections"}
    assert [s["section"] for s in inspected["sections"]] == \
        secnlp.open(cli_db).sections(year=2023)["section"].tolist()
