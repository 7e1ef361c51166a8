"""Fixtures: the samples processed once by the CLI and once by the Python package, each into a
fresh database in a temporary folder (nothing outside it is written or fetched)."""

import os
import pathlib
import subprocess

import pytest

SOURCE = pathlib.Path(os.environ.get("SECNLP_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SAMPLES = SOURCE / "samples"


def secnlp_bin():
    path = os.environ.get("SECNLP_BIN") or str(SOURCE / "build" / "tools" / "secnlp")
    if not os.path.exists(path):
        pytest.skip(f"no secnlp binary at {path} (set SECNLP_BIN)")
    return path


def cli(*args, check=True):
    """Runs `secnlp ARGS`, returns stdout."""
    result = subprocess.run([secnlp_bin(), *map(str, args)], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"secnlp {' '.join(map(str, args))}: exit {result.returncode}\n"
                             f"{result.stderr}")
    return result.stdout


@pytest.fixture(scope="session")
def cli_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "samples.db"
    cli("process", SAMPLES, "--db", db, "--progress", "off", "--threads", 2)
    return db


@pytest.fixture(scope="session")
def py_db(tmp_path_factory):
    import secnlp

    db = tmp_path_factory.mktemp("py") / "samples.db"
    return secnlp.process(SAMPLES, db=db, threads=2, progress=False)
