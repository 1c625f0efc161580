"""Staging: where a run for one date works, and what every step of it shares.

A run for one date works in `DIR/_staging/<date>-<run>/`: each step reads the previous step's
files there and writes its own, and returns the staging path (tasks pass references, never
articles). Only a commit touches the stored tables (`commit_step`, and a backfill date that holds
only rejects), swapping each table's partition for the date as a whole; only the publish touches
`news.duckdb`. A crash anywhere before leaves the last committed data as it was, and rerunning
the date gives the same rows.

Files of a staging dir: `meta.json` (the date and data directory), `discovered.jsonl`,
`fetch_options.json`, `raw.parquet`, `clean.jsonl` (`CleanRecord`s: the input of extraction, the
same for nightly and backfill), the staged tables `<table>.parquet`, and one
`rejects-<stage>.jsonl` per stage, each a reject row with its reason (`reject_row`): nothing is
dropped silently.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import pyarrow.parquet as pq

from pipeline import store
from pipeline.store import remote

if TYPE_CHECKING:
    from pipeline.extract.records import Prepared

log = logging.getLogger(__name__)

DISCOVERED = "discovered.jsonl"
CLEAN = "clean.jsonl"
PROGRESS_EVERY = 50
# every table a run stages, in the order `commit_step` swaps them in
STAGED_TABLES = ("raw", "articles", "entities", "figures", "events", "signatures", "rejects")


class CleanRecord(TypedDict):
    """A cleaned page as extraction reads it (a line of clean.jsonl)."""

    id: str
    url: str | None
    source: str
    text: str
    title: str | None
    author: str | None
    site_name: str | None
    canonical_url: str | None
    published: str | None
    published_from: str


def article_id_for(url: str | None, fallback: str) -> str:
    """Stable id: the same page gets the same id in every run, nightly or backfill."""
    key = url or fallback
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    """Write rows as JSON lines, replacing the file: a retried step starts its output again."""
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def rejects_file(staging: Path, stage: str) -> Path:
    """Each stage writes its own rejects file, so retrying a stage never doubles them."""
    return staging / f"rejects-{stage}.jsonl"


def read_jsonl(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def reject_row(stage, source, reason, detail="", url=None, record_id=None, raw_sha256=None) -> dict:
    return {
        "stage": stage, "source": source, "url": url, "record_id": record_id,
        "reason": reason, "detail": (detail or "")[:500], "raw_sha256": raw_sha256,
    }  # fmt: skip


def new_staging(data_dir: str | Path, date: str, run_id: str) -> Path:
    safe_run = "".join(c if c.isalnum() or c in "-_" else "_" for c in run_id)
    path = store.staging_dir(data_dir, safe_run, date)
    if path.exists():
        shutil.rmtree(path)  # a retried task starts its run's staging again
    path.mkdir(parents=True)
    # on object storage the staging dir lives in the bucket: its meta names the URL
    meta = {"date": date, "data_dir": remote.public_path(str(data_dir))}
    (path / "meta.json").write_text(json.dumps(meta))
    return path


def read_meta(staging: Path) -> dict:
    meta = json.loads((Path(staging) / "meta.json").read_text())
    return {**meta, "data_dir": remote.local_path(meta["data_dir"])}


def clean_record(
    aid: str, url: str | None, source: str, prepared: Prepared, published: str | None
) -> CleanRecord:
    """A cleaned page as the record extraction reads (the same for nightly and backfill)."""
    art = prepared.article
    return {
        "id": aid, "url": url, "source": source, "text": art.text, "title": art.title,
        "author": art.author, "site_name": art.site_name, "canonical_url": art.canonical_url,
        "published": published, "published_from": prepared.published_from or "run",
    }  # fmt: skip


@remote.on_staging()
def commit_step(staging: str) -> dict[str, str]:
    """Swap the staged tables (and the run's rejects) into the date's partitions."""
    staging = Path(staging)
    meta = read_meta(staging)
    rejects = [r for f in sorted(staging.glob("rejects-*.jsonl")) for r in read_jsonl(f)]
    store.write_table(staging / "rejects.parquet", "rejects", rejects)
    files = {
        t: str(staging / f"{t}.parquet")
        for t in STAGED_TABLES
        if (staging / f"{t}.parquet").exists()
    }
    committed = store.commit_partitions(meta["data_dir"], meta["date"], files)
    shutil.rmtree(staging, ignore_errors=True)
    log.info("committed %s for %s", sorted(committed), meta["date"])
    return committed


def reject_counts(data_dir: str, date: str) -> Counter:
    """The committed rejects of a date, counted by "stage:reason"."""
    path = store.partition_dir(data_dir, "rejects", date) / "part-0.parquet"
    if not path.exists():
        return Counter()
    return Counter(f"{r['stage']}:{r['reason']}" for r in pq.read_table(path).to_pylist())
