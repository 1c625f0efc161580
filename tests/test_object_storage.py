"""A data directory on S3-compatible object storage (a moto server on 127.0.0.1): the nightly and
backfill DAGs write the same partitions as objects, every step works from what the bucket holds
(nothing is left on a worker's disk between tasks), and the published file is self-contained."""

from __future__ import annotations

import json
import os

import pyarrow.parquet as pq
import pytest

from pipeline import api, cli, publish, store
from pipeline.store import remote

BUCKET_URL = "s3://newsfacts-test/data"


@pytest.fixture(scope="module")
def object_store(monkeypatch_module):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for key, value in {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_REGION": "us-east-1",
    }.items():
        monkeypatch_module.setenv(key, value)
    remote.ensure_bucket(BUCKET_URL)
    yield BUCKET_URL
    server.stop()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _archive(path):
    records = [
        {"id": "b1", "url": "http://archive.test/b1", "published": "2025-05-10",
         "text": "Four fishermen were killed on Friday when a storm capsized their boat off "
                 "Mombasa, the coast guard said. Six others were rescued."},
        {"id": "b2", "url": "http://archive.test/b2", "published": "2025-05-11",
         "text": "Hundreds of nurses marched through Accra on Saturday to demand unpaid wages. "
                 "The march ended without violence, police said."},
        {"id": "b3", "url": "http://archive.test/b3", "published": "2025-05-12",
         "text": "Two people were injured on Sunday when a gas cylinder exploded at a market "
                 "in Kumasi, the fire service said."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n{cut off", encoding="utf-8")
    return path


def _query(url: str, sql: str):
    with remote.local_copy(f"{url}/news.duckdb") as db:
        return publish.query(db.parent, sql)[1]


def test_paths_map_between_the_bucket_and_a_workspace(object_store):
    with remote.workspace(object_store, []) as root:
        assert remote.local_path(f"{object_store}/_staging/x") == f"{root}/_staging/x"
        assert remote.public_path(f"{root}/articles") == f"{object_store}/articles"
    assert remote.local_path(f"{object_store}/x") == f"{object_store}/x"
    assert remote.public_path("/tmp/elsewhere") == "/tmp/elsewhere"


def test_a_step_that_raises_pushes_nothing(object_store):
    url = f"{object_store}/raising"
    with pytest.raises(RuntimeError), remote.workspace(url, []) as root:
        (root / "articles").mkdir()
        (root / "articles" / "half.parquet").write_bytes(b"x")
        raise RuntimeError("crash mid-step")
    assert remote.list_files(url) == {}


def test_a_workspace_pushes_what_changed_and_deletes_what_was_removed(object_store, tmp_path):
    url = f"{object_store}/pushing"
    for name, body in (("keep.txt", b"same"), ("change.txt", b"old"), ("drop.txt", b"gone")):
        (tmp_path / name).write_bytes(body)
        remote.upload(tmp_path / name, url, f"t/{name}")
    with remote.workspace(url, ["t"]) as root:
        (root / "t" / "change.txt").write_bytes(b"new and longer")
        (root / "t" / "drop.txt").unlink()
        (root / "t" / "new.txt").write_bytes(b"added")
    assert remote.list_files(url) == {"t/keep.txt": 4, "t/change.txt": 14, "t/new.txt": 5}


def test_nightly_and_backfill_write_objects_and_publish_a_self_contained_file(
    object_store, seed_sources, tmp_path, capsys
):
    api.nightly("2026-03-02", str(seed_sources), object_store)
    objects = remote.list_files(object_store)
    assert "articles/date=2026-03-02/part-0.parquet" in objects
    assert "news.duckdb" in objects
    # the run's staging is gone from the bucket, and no candidate is left beside the file
    assert not [k for k in objects if k.startswith("_staging/") or k.endswith(".tmp")]

    archive = _archive(tmp_path / "archive.jsonl")
    api.backfill(str(archive), "2025-05-10", "2025-05-12", object_store)
    objects = remote.list_files(object_store)
    for day in ("2025-05-10", "2025-05-11", "2025-05-12"):
        assert f"articles/date={day}/part-0.parquet" in objects
    assert not [k for k in objects if k.startswith("_staging/") or k.endswith(".tmp")]

    (published,) = _query(object_store, "select data_dir from publication")
    assert published == (object_store,)
    rows = _query(
        object_store,
        'select "date"::varchar, category, best from figures where "date" < \'2026-01-01\' '
        "order by all",
    )
    assert rows == [("2025-05-10", "killed", 4), ("2025-05-12", "injured", 2)]
    (cut,) = _query(object_store, "select count(*) from rejects where reason = 'bad_record'")
    assert cut == (1,)
    # `pipeline query` reads the published file from the bucket
    capsys.readouterr()
    cli.main(["query", "--data-dir", object_store, "select count(*) as n from articles"])
    assert "(1 row)" in capsys.readouterr().out
    # every view's rows are stored in the file: it answers with no Parquet file beside it
    with remote.local_copy(f"{object_store}/news.duckdb") as db:
        con = publish.open_read_only(db)
        sources = con.execute(
            "select count(*) from duckdb_views() where not internal and sql ilike '%read_parquet%'"
        ).fetchone()[0]
        con.close()
    assert sources == 0


def test_the_same_rows_as_a_local_data_dir(object_store, seed_sources, tmp_path):
    local = tmp_path / "local"
    api.nightly("2026-03-02", str(seed_sources), str(local))
    local_rows = pq.read_table(
        store.partition_dir(local, "figures", "2026-03-02") / "part-0.parquet"
    ).to_pylist()
    target = tmp_path / "from-bucket.parquet"
    remote.download(object_store, "figures/date=2026-03-02/part-0.parquet", target)
    assert pq.read_table(target).to_pylist() == local_rows
    assert os.path.getsize(target) > 0
