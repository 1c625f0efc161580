"""Publishing on object storage: write-audit-publish for a data directory that is a bucket.

The candidate is built from local copies of the partitions (self-contained: it reads no Parquet
file once built), uploaded beside them, audited from a downloaded copy, and published with a
server-side copy over `news.duckdb`, so readers get the old object or the new one.
"""

from __future__ import annotations

from pipeline import publish
from pipeline.store.remote import (
    DB_NAME,
    Location,
    delete,
    filesystem,
    local_copy,
    upload,
    workspace,
)


def stage(data_url: str, tables: set[str]) -> str:
    """Build a self-contained candidate from local copies of `tables`, upload it beside the
    partitions as `.news.duckdb.<publish id>.tmp`; returns its URL."""
    with workspace(data_url, sorted(tables), push=False) as root:
        candidate = publish.stage(root, self_contained=True, origin=data_url)
        rel = candidate.name
        upload(candidate, data_url, rel)
    return f"{data_url.rstrip('/')}/{rel}"


def audit(candidate_url: str):
    """The data checks on a downloaded copy; a failing check deletes the uploaded candidate."""
    head, _, name = candidate_url.rpartition("/")
    with local_copy(candidate_url) as copy:
        try:
            return publish.audit(copy)
        except publish.ChecksFailed:
            delete(head, name)
            raise


def swap(candidate_url: str) -> str:
    """Publish: a server-side copy of the audited candidate over news.duckdb (readers get the
    old object or the new one), then the candidate is deleted."""
    head, _, name = candidate_url.rpartition("/")
    loc = Location.parse(head)
    filesystem().copy_file(loc.key(name), loc.key(DB_NAME))
    delete(head, name)
    return f"{head}/{DB_NAME}"
