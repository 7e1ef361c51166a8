"""load_model().predict() against `secnlp predict` (same probabilities), and train's and
evaluate's --output json (one document each). Skipped in builds without libtorch."""

import json
import os

import numpy as np
import pandas as pd
import pytest

import secnlp
from conftest import cli

LIBRARY = os.path.join(os.path.dirname(secnlp.__file__), "libsecnlp_models_cli.so")
pytestmark = pytest.mark.skipif(not os.path.exists(LIBRARY) and
                                not os.environ.get("SECNLP_MODELS_LIB"),
                                reason="built without libtorch (SECNLP_WITH_TORCH=OFF)")

TEXTS = ["Profit rose to a record level.", "The company reported a net loss.",
         "The meeting is scheduled for May."]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    work = tmp_path_factory.mktemp("model")
    data = pd.DataFrame({
        "text": ["Revenue grew strongly.", "Profit rose to a record.", "Sales increased.",
                 "Losses widened sharply.", "Revenue fell.", "The company reported a loss.",
                 "The office is in Ohio.", "The board has nine members.",
                 "The report covers the year."] * 4,
        "label": (["positive"] * 3 + ["negative"] * 3 + ["neutral"] * 3) * 4})
    data.to_csv(work / "labelled.csv", index=False)
    summary = json.loads(cli("--quiet", "train", "--data", work / "labelled.csv", "--model",
                             "bow", "--epochs", 3, "--seed", 1, "--out", work / "model",
                             "--output", "json"))
    assert summary["model"] == "bow" and summary["epochs"] == 3
    return work


def test_predict_matches_cli(model_dir):
    got = secnlp.load_model(model_dir / "model").predict(TEXTS)
    args = ["predict", "--model", model_dir / "model", "--format", "json"]
    for t in TEXTS:
        args += ["--text", t]
    expected = pd.DataFrame(json.loads(cli(*args)))
    assert list(got.columns) == list(expected.columns)
    assert got["predicted"].tolist() == expected["predicted"].tolist()
    p = [c for c in got.columns if c.startswith("p_")]
    assert sorted(p) == ["p_negative", "p_neutral", "p_positive"]
    np.testing.assert_allclose(got[p], expected[p], rtol=1e-6)
    np.testing.assert_allclose(got[p].sum(axis=1), 1.0, atol=1e-5)


def test_evaluate_output_json(model_dir):
    report = json.loads(cli("evaluate", "--model", model_dir / "model", "--data",
                            model_dir / "labelled.csv", "--output", "json"))
    assert {"accuracy", "macro_f1", "loss", "classes", "confusion"} <= set(report)
    rows = cli("evaluate", "--model", model_dir / "model", "--data", model_dir / "labelled.csv",
               "--output", "csv").splitlines()
    assert rows[0] == "class,precision,recall,f1,support" and len(rows) == 4
