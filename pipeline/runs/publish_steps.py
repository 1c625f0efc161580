"""The task bodies of the `news_publish` DAG (write, audit, publish: `pipeline.publish`), on a
local data directory or one on object storage (`pipeline.publish.object_storage`)."""

from __future__ import annotations

from pipeline import publish
from pipeline.publish import object_storage
from pipeline.store import remote


def stage_step(data_dir: str) -> str:
    """Write: snapshot the partitions, build a candidate news.duckdb; returns its path."""
    if remote.is_url(data_dir):
        return object_storage.stage(data_dir, publish.source_tables())
    return str(publish.stage(data_dir))


def audit_step(candidate: str) -> dict[str, int]:
    """Audit: the data checks on the candidate; a failing check logs its rows and raises."""
    if remote.is_url(candidate):
        return {r.name: r.failing_rows for r in object_storage.audit(candidate)}
    return {r.name: r.failing_rows for r in publish.audit(candidate)}


def swap_step(candidate: str) -> str:
    """Publish: the audited candidate replaces news.duckdb."""
    if remote.is_url(candidate):
        return object_storage.swap(candidate)
    return str(publish.swap(candidate))
