"""Backfill from archives (WARC / WARC.gz as CC-NEWS publishes them, JSONL dumps of input
records, or directories of them): the task bodies of the `news_backfill` DAG, and the archive
day of the nightly DAG.

- `route_file` streams one archive file into per-date shards of the run (a retried file
  rewrites only its own shards); a record belongs to its publication date, else its crawl date.
- `parts.plan_dates` / `parts.extract_batch`: every date's records cleaned and extracted in
  parts, side by side (see `pipeline.runs.parts`); a URL already published as an article of
  another day stays there.
- `backfill_date` runs one date's day-level steps over its parts and commits it, as the
  nightly run does (`extraction.finish_day`, `staging.commit_step`); a date this run finished
  is not redone.
- `check_backfill` fails a backfill that wrote nothing, saying why.
- `archive_day_step`: the nightly DAG reading a date's records from an archive, not the web.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa

from pipeline import store
from pipeline.extract.dates import parse_iso
from pipeline.extract.records import safe_prepare
from pipeline.runs.staging import (
    CLEAN,
    article_id_for,
    clean_record,
    commit_step,
    new_staging,
    read_jsonl,
    reject_row,
    rejects_file,
    write_jsonl,
)
from pipeline.store import remote

log = logging.getLogger(__name__)

MAX_OPEN_SHARDS = 64


def record_date(rec: dict) -> str | None:
    """The day an archive record belongs to: its own publication date, else its crawl date."""
    day = parse_iso(rec.get("published")) or parse_iso(rec.get("crawl_date"))
    return day.isoformat() if day else None


def _safe(run_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in run_id)


def _shards_rel(run_id: str) -> str:
    return f"_staging/backfill-{_safe(run_id)}"


def shards_dir(data_dir: str, run_id: str) -> Path:
    return Path(data_dir) / _shards_rel(run_id)


def route_archive_file(
    path: str, date_from: str, date_to: str, data_dir: str, run_id: str
) -> list[str]:
    """Stream one archive file into per-date shards of this backfill run; returns their dates."""
    return route_file(path, date_from, date_to, data_dir, run_id)["dates"]


@remote.on_data_dir(lambda run_id, **_: [_shards_rel(run_id)])
def route_file(path: str, date_from: str, date_to: str, data_dir: str, run_id: str) -> dict:
    """Stream one archive file into per-date shards of this backfill run. Returns what it found:
    `dates` (of its shards), `in_range` (records routed to a date of the range), `outside_range`,
    `rejected` (broken or undated records, kept as rejects on the range's first day), and the
    `first` and `last` record dates seen, in range or not. A retried file rewrites only its own
    shards."""
    from pipeline.ingest.archives import file_key, iter_file

    lo, hi = parse_iso(date_from), parse_iso(date_to)
    if lo is None or hi is None or lo > hi:
        raise ValueError(f"bad date range {date_from}..{date_to}")
    root, key = shards_dir(data_dir, run_id), file_key(path)
    for old in root.glob(f"date=*/{key}.*"):
        old.unlink()
    counts: Counter = Counter()
    first = last = None  # the first and last record dates, in range or not
    handles: dict[Path, object] = {}
    opened: set[Path] = set()  # shards written by this call and closed since
    started = time.monotonic()
    try:
        for n, rec in enumerate(iter_file(Path(path)), 1):
            if "reject" in rec:
                row, day = rec["reject"], date_from  # no usable date: kept with the range's start
                shard = root / f"date={day}" / f"{key}.rejects.jsonl"
                counts[f"reject:{row['reason']}"] += 1
            else:
                day = record_date(rec)
                if day is None:
                    row = reject_row(
                        "archive",
                        str(path),
                        "no_date",
                        "record has no date",
                        rec.get("url"),
                        str(rec.get("id")),
                    )
                    shard, day = root / f"date={date_from}" / f"{key}.rejects.jsonl", date_from
                    counts["reject:no_date"] += 1
                elif not date_from <= day <= date_to:
                    counts["outside_range"] += 1
                    first, last = min(first or day, day), max(last or day, day)
                    continue
                else:
                    row, shard = rec, root / f"date={day}" / f"{key}.jsonl"
                    counts["in_range"] += 1
                    first, last = min(first or day, day), max(last or day, day)
            if shard not in handles:
                if len(handles) >= MAX_OPEN_SHARDS:  # years of dates: reopen in append mode
                    oldest = next(iter(handles))
                    handles.pop(oldest).close()
                    opened.add(oldest)
                shard.parent.mkdir(parents=True, exist_ok=True)
                mode = "a" if shard in opened else "w"
                handles[shard] = open(shard, mode, encoding="utf-8")  # noqa: SIM115
            handles[shard].write(json.dumps(row, ensure_ascii=False) + "\n")
            if n % 1000 == 0:
                log.info("%s: %d records (%.0f/s)", path, n, n / (time.monotonic() - started))
    finally:
        for handle in handles.values():
            handle.close()
    log.info("archive %s: %s", path, dict(counts))
    return {
        "file": str(path),
        "dates": sorted({p.parent.name.split("=", 1)[1] for p in [*handles, *opened]}),
        "in_range": counts["in_range"],
        "outside_range": counts["outside_range"],
        "rejected": sum(n for k, n in counts.items() if k.startswith("reject:")),
        "first": first,
        "last": last,
    }


class BackfillWroteNothing(RuntimeError):
    """A backfill that should have written dates wrote none; the message says why."""


def check_backfill(routed: list[dict], written: list[str], date_from: str, date_to: str) -> int:
    """After every date of a backfill ran: raise BackfillWroteNothing when its archive had no
    record in the range (and refused none: refusals are written as rejects), or had records in
    the range and no date was written. Returns the number of dates written."""
    in_range = sum(r["in_range"] for r in routed)
    rejected = sum(r["rejected"] for r in routed)
    if in_range and not written:
        raise BackfillWroteNothing(
            f"{in_range} records fall in {date_from}..{date_to} but no date was written"
        )
    if not in_range and not rejected:
        dated = [d for r in routed for d in (r["first"], r["last"]) if d]
        outside = sum(r["outside_range"] for r in routed)
        found = (
            f"its {outside} dated records run from {min(dated)} to {max(dated)}"
            if dated
            else "it holds no record"
        )
        raise BackfillWroteNothing(
            f"no record of the archive ({len(routed)} file{'s' * (len(routed) != 1)}) falls in "
            f"{date_from}..{date_to}: "
            f"{found}"
        )
    return len(written)


def _date_pull(date: str, run_id: str, **_) -> list[str]:
    from pipeline.runs.parts import _inputs_rel

    shards = _shards_rel(run_id)
    return [
        f"{shards}/date={date}", f"{shards}/done/{date}", _inputs_rel(run_id, date),
        f"_staging/{date}-{_safe(run_id)}", "articles", "signatures", f"rejects/date={date}",
    ]  # fmt: skip


@remote.on_data_dir(_date_pull)
def backfill_date(date: str, data_dir: str, run_id: str, workers: int = 1) -> str:
    """The day-level steps and the commit of one date (`parts.finish_date`: near-duplicates,
    event ids, staged tables over the parts extracted before, extracting here any part that is
    not), then the commit; a date this run finished is skipped. `workers` processes extract
    the date's parts side by side when some are left to extract."""
    from pipeline.runs.parts import finish_date

    root = shards_dir(data_dir, run_id)
    done = root / "done" / date
    if done.exists():
        log.info("backfill %s: already committed by this run", date)
        return date
    shards = sorted((root / f"date={date}").glob("*.jsonl"))
    if not [s for s in shards if not s.name.endswith(".rejects.jsonl")]:
        # only refusals (a cut-off file, undated records) landed on this date: they join its
        # rejects, and its articles, from the nightly run or another archive, stay as they are
        rejects = [r for s in shards for r in read_jsonl(s)]
        _merge_rejects(data_dir, date, rejects, new_staging(data_dir, date, run_id))
    else:
        commit_step(str(finish_date(data_dir, date, run_id, workers)))
    done.parent.mkdir(parents=True, exist_ok=True)
    done.touch()
    return date


def date_done(data_dir: str, run_id: str, date: str) -> bool:
    """Whether this backfill run committed the date (on object storage: one listing)."""
    if remote.is_url(data_dir):
        done = f"{_shards_rel(run_id)}/done"
        return f"{done}/{date}" in remote.list_files(data_dir, done)
    return (shards_dir(data_dir, run_id) / "done" / date).exists()


def _merge_rejects(data_dir: str, date: str, rejects: list[dict], staging: Path) -> None:
    """Replace, in the date's rejects, the rows of these archive files by `rejects`."""
    sources = {r["source"] for r in rejects}
    path = store.partition_dir(data_dir, "rejects", date) / "part-0.parquet"
    kept = [r for r in store.read_table(path, "rejects").to_pylist() if r["source"] not in sources]
    store.write_table(staging / "rejects.parquet", "rejects", kept + rejects)
    store.commit_partitions(data_dir, date, {"rejects": str(staging / "rejects.parquet")})
    shutil.rmtree(staging, ignore_errors=True)


def finish_backfill(data_dir: str, run_id: str) -> None:
    """Remove the run's shards once every routed date is committed."""
    if remote.is_url(data_dir):
        return remote.finish_backfill(data_dir, _shards_rel(run_id))
    root = shards_dir(data_dir, run_id)
    dates = {p.name.split("=", 1)[1] for p in root.glob("date=*")}
    if all((root / "done" / d).exists() for d in dates):
        shutil.rmtree(root, ignore_errors=True)


@remote.on_data_dir(lambda **_: [])
def archive_day_step(archive: str, date: str, data_dir: str, run_id: str) -> str:
    """The nightly DAG reading an archive instead of the web (`airflow backfill create` over
    news_nightly with {"archive": PATH}): the archive's records of `date`, cleaned, staged."""
    from pipeline.ingest.archives import iter_archive

    staging = new_staging(data_dir, date, run_id)
    wanted = (r for r in iter_archive(archive) if "reject" not in r and record_date(r) == date)
    prepare_archive_records(staging, wanted)
    return str(staging)


def _published_elsewhere(data_dir: str, date: str, shards: list[Path]) -> dict[str, str]:
    """URL -> day, for the shards' URLs already published as articles of another day: one URL is
    one article in one partition, whichever run saw it first."""
    import pyarrow.compute as pc

    urls = {
        r.get("url") for s in shards if not s.name.endswith(".rejects.jsonl") for r in read_jsonl(s)
    }
    urls.discard(None)
    if not urls:
        return {}
    wanted = pc.field("url").isin(pa.array(sorted(urls), pa.string()))
    rows = store.read_columns(data_dir, "articles", ["url"], filter=wanted).to_pylist()
    return {r["url"]: r["date"] for r in rows if r["date"] != date}


def prepare_archive_records(
    staging: Path, recs: Iterable[dict], skip: dict[str, str] | None = None
) -> None:
    """Archive records -> the staging dir's clean text records and rejects, streaming."""
    skip = skip or {}
    rejects = []
    seen: set[str] = set()

    def cleaned() -> Iterator[dict]:
        for rec in recs:
            out = skipped_record(rec, seen, skip)
            if out is None:
                out = clean_archive_record(rec)
            if "stage" in out:
                rejects.append(out)
            else:
                yield out

    write_jsonl(staging / CLEAN, cleaned())
    write_jsonl(rejects_file(staging, "clean"), rejects)


def _bad_record(rec: dict, exc: Exception) -> dict:
    """One odd record never fails the date: it is rejected, saying why."""
    log.error("archive record %r: %r", rec.get("id"), exc)
    source, url = rec.get("source") or "archive", rec.get("url")
    return reject_row(
        "archive", str(source), "bad_record", repr(exc),
        url if isinstance(url, str) else None, str(rec.get("id")),
    )  # fmt: skip


def _archive_id(rec: dict) -> str:
    rid = str(rec.get("id") or "")
    text_key = hashlib.sha1((rec.get("html") or rec.get("text") or "").encode()).hexdigest()
    return article_id_for(rec.get("url"), f"{rec.get('source') or 'archive'}#{rid or text_key}")


def skipped_record(rec: dict, seen: set[str], skip: dict[str, str]) -> dict | None:
    """A reject row when a date leaves the record out before cleaning: the same page crawled
    twice (or in two archive files: the first is kept; `seen` collects the ids kept), or a URL
    published as an article of another day (`skip`: URL -> day). Else None."""
    try:
        aid = _archive_id(rec)
        source, url, rid = rec.get("source") or "archive", rec.get("url"), str(rec.get("id") or "")
        if aid in seen:
            detail = "already taken from an earlier record"
            return reject_row("archive", source, "duplicate_url", detail, url, rid)
        if url in skip:
            return reject_row("archive", source, "already_published", f"an article of {skip[url]}",
                              url, rid)  # fmt: skip
        seen.add(aid)
    except Exception as exc:
        return _bad_record(rec, exc)
    return None


def clean_archive_record(rec: dict) -> dict:
    """An archive record kept by `skipped_record` -> its clean record, or a reject row (it has a
    "stage")."""
    try:
        aid = _archive_id(rec)
        source, url = rec.get("source") or "archive", rec.get("url")
        prepared = safe_prepare({**rec, "id": aid})
        if isinstance(prepared, dict):
            return reject_row("clean", source, prepared["reason"], prepared.get("detail") or "",
                              url, str(rec.get("id") or ""))  # fmt: skip
        return clean_record(aid, url, source, prepared, prepared.published)
    except Exception as exc:
        return _bad_record(rec, exc)
