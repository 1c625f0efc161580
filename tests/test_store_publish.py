"""Partitions are replaced whole; the DuckDB file is swapped in whole and has every view."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline import publish, store
from pipeline.publish import candidate

ROW = {"stage": "fetch", "source": "s", "reason": "http_404", "detail": "gone"}


def test_writing_a_date_twice_replaces_its_partition(tmp_path):
    for n in (3, 2):
        staged = store.write_table(tmp_path / "staged.parquet", "rejects", [ROW] * n)
        store.replace_partition(tmp_path, "rejects", "2026-03-02", staged)
    part = store.partition_dir(tmp_path, "rejects", "2026-03-02")
    assert [p.name for p in part.iterdir()] == ["part-0.parquet"]
    assert pq.read_table(part / "part-0.parquet").num_rows == 2
    assert store.list_dates(tmp_path, "rejects") == ["2026-03-02"]


def test_every_view_exists_before_any_data(tmp_path):
    publish.publish(tmp_path)
    cols, rows = publish.query(tmp_path, "select view_name from duckdb_views() where not internal")
    assert {r[0] for r in rows} >= {"articles", "entities", "figures", "events", "event_casualties"}
    assert publish.query(tmp_path, "select count(*) from figures")[1] == [(0,)]
    assert [r.name for r in publish.run_checks(tmp_path) if r.failing_rows] == []


def test_a_failed_build_leaves_the_published_file(tmp_path, monkeypatch):
    store.replace_partition(
        tmp_path,
        "rejects",
        "2026-03-02",
        store.write_table(tmp_path / "s.parquet", "rejects", [ROW]),
    )
    publish.publish(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(candidate, "build", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        publish.publish(tmp_path)
    assert publish.query(tmp_path, "select count(*) from rejects")[1] == [(1,)]
    assert not list(tmp_path.glob(".news.duckdb.*"))
    assert len(list((tmp_path / publish.SNAPSHOTS).iterdir())) == 1  # the published one


def test_query_output_is_a_plain_table():
    out = publish.format_table(["a", "b"], [(1, None), (22, "x" * 80)], max_width=10)
    lines = out.splitlines()
    assert lines[0].split("|")[0].strip() == "a"
    assert lines[-1] == "(2 rows)"
    assert "xxxxxxxxx…" in out
