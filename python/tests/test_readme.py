"""The README's Python quick start, run as a user runs it from the repository's folder (here a
temporary folder holding the samples), so the example stays true."""

import os
import re
import warnings

from conftest import SAMPLES, SOURCE


def test_readme_python_quick_start_runs(tmp_path, monkeypatch):
    readme = (SOURCE / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^### Python quick start\n.*?^```python\n(.*?)^```", readme,
                      flags=re.S | re.M).group(1)
    assert "secnlp.process(" in block and ".dtm(" in block
    os.symlink(SAMPLES, tmp_path / "samples")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    namespace = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # the example's open(...).read()
        exec(compile(block, "README.md (Python quick start)", "exec"), namespace)
    assert namespace["X"].shape[0] == len(namespace["rows"]) == 3
    text, items = namespace["text"], namespace["items"]
    row = items.set_index("section").loc["1A"]
    assert text[row["begin_char"]:row["end_char"]] == row["text"]
