"""Snapshots: the Parquet partitions a published file reads, frozen as hard links under
`DIR/_published/<publish id>/`, and their pruning.

A partition rewritten later gets a new file, so the snapshot keeps the rows a published file was
built and audited on, for as long as a reader may hold that file open. A candidate file is named
after its publish id (`.news.duckdb.<publish id>.tmp`), which names its snapshot too: discarding
a candidate takes its snapshot with it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import uuid
from pathlib import Path

from pipeline.publish.read import DB_NAME

log = logging.getLogger(__name__)

SNAPSHOTS = "_published"
# a snapshot is removed once it is older than KEEP_SNAPSHOT_AGE and KEEP_SNAPSHOTS newer ones
# exist: a reader may hold a file open that long, or that many publishes (backfills publish often)
KEEP_SNAPSHOTS = 3
KEEP_SNAPSHOT_AGE = dt.timedelta(hours=24)


def new_publish_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid.uuid4().hex[:6]


def candidate_path(data_dir: Path, publish_id: str) -> Path:
    return data_dir / f".{DB_NAME}.{publish_id}.tmp"


def publish_id_of(candidate: Path) -> str:
    return candidate.name.removeprefix(f".{DB_NAME}.").removesuffix(".tmp")


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # a file system without hard links: a copy keeps the same guarantee
        shutil.copy2(src, dst)


def snapshot(data_dir: Path, tables: set[str], publish_id: str) -> Path:
    """Freeze the current partitions of `tables` under DIR/_published/<publish_id>/ as hard
    links: a partition rewritten later gets a new file, the snapshot keeps the old one."""
    root = data_dir / SNAPSHOTS / publish_id
    for table in sorted(tables):
        for part in sorted((data_dir / table).glob("date=*")):
            files = sorted(part.glob("*.parquet"))
            if not files:
                continue
            target = root / table / part.name
            target.mkdir(parents=True, exist_ok=True)
            for f in files:
                _link_or_copy(f, target / f.name)
    root.mkdir(parents=True, exist_ok=True)
    return root


def discard(candidate: Path) -> None:
    """Remove a candidate file (and its write-ahead log) and its snapshot."""
    for leftover in (candidate, candidate.with_name(candidate.name + ".wal")):
        leftover.unlink(missing_ok=True)
    snap = candidate.parent / SNAPSHOTS / publish_id_of(candidate)
    shutil.rmtree(snap, ignore_errors=True)


def _snapshot_time(publish_id: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(publish_id.split("-")[0], "%Y%m%dT%H%M%S%fZ").replace(
            tzinfo=dt.UTC
        )
    except ValueError:
        return None


def prune_snapshots(
    data_dir: str | Path, keep: set[str] = frozenset(), now: dt.datetime | None = None
) -> list[str]:
    """Remove the snapshots no reader should still need: not in `keep`, not among the newest
    KEEP_SNAPSHOTS + 1, older than KEEP_SNAPSHOT_AGE, and not of a candidate still being built
    or audited (its .tmp file exists). A candidate untouched for KEEP_SNAPSHOT_AGE was left by
    a killed publish: it is removed with its snapshot."""
    root = Path(data_dir) / SNAPSHOTS
    if not root.is_dir():
        return []
    now = now or dt.datetime.now(dt.UTC)
    in_flight = set()
    for candidate in Path(data_dir).glob(f".{DB_NAME}.*.tmp"):
        touched = dt.datetime.fromtimestamp(candidate.stat().st_mtime, dt.UTC)
        if now - touched > KEEP_SNAPSHOT_AGE:  # left by a publish that was killed: abandoned
            log.warning("removing the abandoned candidate %s and its snapshot", candidate.name)
            discard(candidate)
        else:
            in_flight.add(publish_id_of(candidate))
    ids = sorted((p.name for p in root.iterdir() if p.is_dir()), reverse=True)
    protected = set(keep) | set(ids[: KEEP_SNAPSHOTS + 1]) | in_flight
    removed = []
    for i in ids:
        made = _snapshot_time(i)
        if i in protected or (made is not None and now - made < KEEP_SNAPSHOT_AGE):
            continue
        shutil.rmtree(root / i, ignore_errors=True)
        removed.append(i)
    return removed
