"""The Dask recipe of docs/scaling.md, as a notebook user runs it: a LocalCluster of 2 workers
maps secnlp.process over shards of the inputs into one PostgreSQL database (one run key, so
the tasks share the run lock), and the result equals one process into SQLite."""

import os
import subprocess
import uuid

import numpy as np
import pytest

import secnlp
from conftest import SAMPLES


def fresh_schema(url):
    """A new schema in the test server (SECNLP_TEST_PG_URL) and a URL that writes into it."""
    name = "dask_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", url, "-qc", f"CREATE SCHEMA {name}"], check=True)
    sep = "&" if "?" in url else "?"
    return name, f"{url}{sep}options=-csearch_path%3D{name}"


def process_shard(inputs, db, k, n, run_key):
    import secnlp as s  # on the worker
    return s.process(inputs, db=db, shard=(k, n), run_key=run_key, threads=1,
                     progress=False).last_run


def test_dask_map_over_shards_equals_one_process(tmp_path):
    url = os.environ.get("SECNLP_TEST_PG_URL")
    if not url:
        pytest.skip("SECNLP_TEST_PG_URL not set (scripts/test.sh starts a throwaway PostgreSQL)")
    distributed = pytest.importorskip("distributed", reason="python3-distributed not installed")
    import dask
    schema, db = fresh_schema(url)
    try:
        inputs = [str(SAMPLES)]
        # A loaded 2-core CI machine starts Python workers slowly: generous timeouts (the
        # defaults are 30 s), passed on to the worker processes by their nannies.
        with dask.config.set({"distributed.comm.timeouts.connect": "180s",
                              "distributed.comm.timeouts.tcp": "180s",
                              "distributed.deploy.lost-worker-timeout": "180s"}), \
                distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            futures = client.map(process_shard, [inputs] * 2, [db] * 2, [1, 2], [2] * 2,
                                 ["dask-test"] * 2)
            runs = client.gather(futures)
        assert sum(r["documents"] for r in runs) == 4  # the shards cover each input once
        assert all(r["failed"] == 0 for r in runs)
        single = secnlp.process(inputs, db=tmp_path / "one.db", threads=1, progress=False)
        a = single.metrics(metric="all").sort_values(["accession", "section"]).reset_index(drop=True)
        b = secnlp.open(db).metrics(metric="all").sort_values(["accession", "section"]) \
            .reset_index(drop=True)
        assert list(a.columns) == list(b.columns)
        assert a["accession"].tolist() == b["accession"].tolist()
        numeric = [c for c in a.columns if a[c].dtype.kind == "f"]
        np.testing.assert_allclose(a[numeric], b[numeric], rtol=1e-12)
        assert single.sections()["begin"].tolist() == secnlp.open(db).sections()["begin"].tolist()
    finally:
        subprocess.run(["psql", url, "-qc", f"DROP SCHEMA {schema} CASCADE"], check=False)
