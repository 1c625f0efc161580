"""Crash safety: a process that extracts, commits or publishes a date is killed with SIGKILL in
the middle of writing. Afterwards the last published news.duckdb is the same file, answering the
same queries; the other dates' partitions are the same bytes; and rerunning the date through the
backfill DAG gives the same rows as a run that was never interrupted.

The child process runs the same task bodies as the DAG (`pipeline.runs`), with one write slowed
down at a chosen point: it writes half of a file, leaves a marker and waits; the test kills it
there. So the kill lands mid-write every time, not by luck of timing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline import api, publish, store
from pipeline.publish.snapshots import publish_id_of

D1, D2 = "2025-09-01", "2025-09-02"
TABLES = ("articles", "entities", "figures", "events", "rejects", "raw", "signatures")


def _records(day: str, version: int) -> list[dict]:
    towns = ["Larkspur", "Ombrevale", "Tessering"]
    return [
        {"id": f"{day}-{i}", "url": f"http://crash.test/{day}/{i}", "published": day,
         "text": f"Gunmen attacked a market in {town} on {day} morning, killing {3 + i + version} "
                 f"traders and wounding {10 + i} others, police said. The regional governor of "
                 f"{town} ordered an inquiry and said patrols would be doubled (report {version})."}
        for i, town in enumerate(towns)
    ]  # fmt: skip


def _write_archive(path: Path, records: list[dict]) -> Path:
    lines = [json.dumps(r) for r in records] + ["{not json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from pipeline import publish, store
    from pipeline.publish import candidate
    from pipeline.runs import backfill

    archive, date, data_dir, point, marker = sys.argv[1:6]
    marker = Path(marker)

    def stop():
        marker.write_text(str(os.getpid()))
        time.sleep(600)  # killed here

    if point == "extract":  # the staged figures file, half written
        class Writer(store.pq.ParquetWriter):
            def write_table(self, table, *args, **kw):
                super().write_table(table, *args, **kw)
                where = Path(self.where)
                if where.name.startswith(".figures.parquet.") and "_staging" in str(where):
                    size = where.stat().st_size
                    with open(where, "r+b") as f:
                        f.truncate(size // 2)
                    stop()
        store.pq.ParquetWriter = Writer
    elif point == "commit":  # two tables swapped in, the third one's copy half written
        real_copy, calls = store.shutil.copyfile, []
        def copyfile(src, dst, **kw):
            calls.append(dst)
            if len(calls) < 3:
                return real_copy(src, dst, **kw)
            data = Path(src).read_bytes()
            Path(dst).write_bytes(data[: len(data) // 2])
            stop()
        store.shutil.copyfile = copyfile
    elif point == "publish":  # the candidate news.duckdb, half built
        real_statements, calls = candidate._statements, []
        def statements(model, snapshot_dir, materialize, *args, **kwargs):
            calls.append(model.name)
            if len(calls) == 6:
                stop()
            return real_statements(model, snapshot_dir, materialize, *args, **kwargs)
        candidate._statements = statements

    backfill.route_archive_file(archive, date, date, data_dir, "crashing")
    backfill.backfill_date(date, data_dir, "crashing")
    publish.publish(data_dir)
    marker.write_text("finished without being killed")
    """
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _partition_digests(data_dir: Path, date: str) -> dict[str, str]:
    out = {}
    for table in TABLES:
        f = store.partition_dir(data_dir, table, date) / "part-0.parquet"
        if f.exists():
            out[table] = _digest(f)
    return out


def _rows(data_dir: Path) -> dict[str, list[tuple]]:
    """The published rows that a rerun must reproduce (paths and clock times left out)."""
    queries = {
        "articles": 'select article_id, url, "date", title, text, dup_of from articles',
        "entities": "select entity_id, article_id, canonical_id, name, type, mention_count "
                    "from entities",
        "figures": "select figure_id, category, best, low, high, qualifier, evidence, event_id "
                   "from figures",
        "events": 'select event_id, type, report_date, "date", location, actors from events',
        "rejects": "select stage, reason, record_id, detail from rejects",
        "event_casualties": "select * exclude (article_ids) from event_casualties",
    }  # fmt: skip
    return {
        name: sorted(publish.query(data_dir, sql)[1], key=repr) for name, sql in queries.items()
    }


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash-archives")
    first = _write_archive(root / "first.jsonl", _records(D1, 0) + _records(D2, 0))
    (root / "second").mkdir()
    second = _write_archive(root / "second" / "dump.jsonl", _records(D2, 1))
    return first, second


@pytest.fixture(scope="module")
def base(archives, tmp_path_factory):
    """Two published dates: the state the crashing run starts from."""
    data_dir = tmp_path_factory.mktemp("crash-base") / "data"
    api.backfill(str(archives[0]), D1, D2, str(data_dir))
    return data_dir


def _copy(base: Path, target: Path) -> Path:
    shutil.copytree(base, target, ignore=shutil.ignore_patterns(".airflow"))
    publish.publish(target)  # the copy's own file, over its own snapshot
    return target


@pytest.fixture(scope="module")
def uninterrupted(base, archives, tmp_path_factory):
    data_dir = _copy(base, tmp_path_factory.mktemp("crash-reference") / "data")
    api.backfill(str(archives[1]), D2, D2, str(data_dir))
    return _rows(data_dir)


def _run_child_until_marker(archive: Path, data_dir: Path, point: str, tmp: Path) -> None:
    marker = tmp / f"marker-{point}"
    script = tmp / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(archive), D2, str(data_dir), point, str(marker)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # a bound on a hang, not a speed test: a shared machine may be slow
        deadline = time.monotonic() + 600
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), f"child ended before the crash point: {proc.stderr.read()!r}"
        assert marker.read_text() == str(proc.pid), "the child was never stopped mid-write"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()


@pytest.mark.parametrize("point", ["extract", "commit", "publish"])
def test_a_kill_mid_write_leaves_the_published_data_and_a_rerun_repairs_the_date(
    point, base, archives, uninterrupted, tmp_path
):
    data_dir = _copy(base, tmp_path / "data")
    db = publish.db_path(data_dir)
    published_before = _digest(db)
    rows_before = _rows(data_dir)
    d1_before = _partition_digests(data_dir, D1)
    assert set(d1_before) >= {"articles", "figures", "entities", "events"}

    _run_child_until_marker(archives[1], data_dir, point, tmp_path)

    # the last published file is the same file and still answers, and passes its checks
    assert _digest(db) == published_before
    assert _rows(data_dir) == rows_before
    assert [r.name for r in publish.run_checks(data_dir) if r.failing_rows] == []
    # the other date's partitions are the same bytes, with nothing left beside them
    assert _partition_digests(data_dir, D1) == d1_before
    for table in TABLES:
        part = store.partition_dir(data_dir, table, D1)
        if part.exists():
            assert sorted(p.name for p in part.iterdir()) == ["part-0.parquet"]

    if point == "commit":  # a publish (for another date) before anyone reruns this one
        publish.publish(data_dir)
        assert _rows(data_dir) == uninterrupted  # the cut-short commit was finished first
        assert list((data_dir / store.COMMITS).iterdir()) == []

    # what the killed publish left (a half-built candidate and its snapshot) is removed once
    # it is older than any publish can take
    abandoned = list(data_dir.glob(".news.duckdb.*.tmp"))
    assert len(abandoned) == (1 if point == "publish" else 0)
    for candidate in abandoned:
        old = time.time() - 2 * 24 * 3600
        os.utime(candidate, (old, old))
        snapshot_of_candidate = data_dir / publish.SNAPSHOTS / publish_id_of(candidate)
        assert snapshot_of_candidate.is_dir()

    # rerunning the date through the DAG completes with the rows of an uninterrupted run
    api.backfill(str(archives[1]), D2, D2, str(data_dir))
    assert list(data_dir.glob(".news.duckdb.*")) == []
    for candidate in abandoned:
        assert not (data_dir / publish.SNAPSHOTS / publish_id_of(candidate)).exists()
    assert _rows(data_dir) == uninterrupted
    assert _rows(data_dir) != rows_before  # the rerun did change the date
    assert [r.name for r in publish.run_checks(data_dir) if r.failing_rows] == []
    for table in TABLES:  # a half-copied partition file does not outlive the rerun
        part = store.partition_dir(data_dir, table, D2)
        if part.exists():
            assert sorted(p.name for p in part.iterdir()) == ["part-0.parquet"]
