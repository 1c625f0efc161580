"""Write-audit-publish: `stage` writes a candidate file, `data_checks.audit` audits it, `swap`
publishes it in one rename; `publish` runs the three in one call (the `news_publish` DAG runs
them as three tasks)."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline import store
from pipeline.publish import candidate as candidates
from pipeline.publish.data_checks import audit
from pipeline.publish.read import DB_NAME
from pipeline.publish.snapshots import (
    candidate_path,
    discard,
    new_publish_id,
    prune_snapshots,
    publish_id_of,
    snapshot,
)
from pipeline.publish.sql_models import source_tables


def stage(data_dir: str | Path, self_contained: bool = False, origin: str | None = None) -> Path:
    """Write: snapshot the partitions and build a candidate file; returns its path (see
    `candidate.build` for `self_contained` and `origin`)."""
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    store.finish_interrupted_commits(data_dir)  # never snapshot a date half swapped in
    publish_id = new_publish_id()
    snap = snapshot(data_dir, source_tables(), publish_id)
    candidate = candidate_path(data_dir, publish_id)
    try:
        candidates.build(data_dir, candidate, snap, self_contained=self_contained, origin=origin)
    except BaseException:
        discard(candidate)
        raise
    return candidate


def swap(candidate: str | Path) -> Path:
    """Publish: move the audited candidate over news.duckdb, then drop old snapshots."""
    candidate = Path(candidate)
    final = candidate.parent / DB_NAME
    with open(candidate, "rb") as f:
        os.fsync(f.fileno())
    os.replace(candidate, final)
    prune_snapshots(candidate.parent, keep={publish_id_of(candidate)})
    return final


def publish(data_dir: str | Path, check: bool = True) -> Path:
    """Write, audit, publish: build a candidate, run the checks on it, swap it in."""
    candidate = stage(data_dir)
    if check:
        audit(candidate)
    return swap(candidate)
