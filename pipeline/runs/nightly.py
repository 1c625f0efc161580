"""The nightly run's first steps, from the web: discover -> fetch -> clean.

- `discover_step` lists the sources' items (feeds, sitemaps, URL lists) and keeps those of the
  date; a broken source becomes a reject row, never the end of the night.
- `fetch_step` fetches them politely into the raw table: an article already published on
  another day is not fetched again, a conditional GET reuses a stored body, and what the date
  stored before is never lost (rerunning a date gives the same rows, or more).
- `clean_step` turns the responses into clean records (`staging.CleanRecord`), the input of
  extraction (`extraction.extract_step`), as the backfill's archive records are.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import store
from pipeline.clean.page import Rejected, decode_body
from pipeline.extract.records import safe_prepare
from pipeline.ingest.fetch import Fetcher, FetchError, Validators
from pipeline.ingest.sources import Item, SourceError, discover, select_for_date
from pipeline.runs.staging import (
    CLEAN,
    DISCOVERED,
    PROGRESS_EVERY,
    article_id_for,
    clean_record,
    new_staging,
    read_jsonl,
    read_meta,
    reject_row,
    rejects_file,
    write_jsonl,
)
from pipeline.settings import FetchOptions, load_sources
from pipeline.store import remote

log = logging.getLogger(__name__)


@remote.on_data_dir(lambda **_: [])
def discover_step(sources_path: str, date: str, data_dir: str, run_id: str) -> str:
    config = load_sources(sources_path)
    staging = new_staging(data_dir, date, run_id)
    fetcher = Fetcher(config.fetch)
    items: list[Item] = []
    rejects = []
    for source in config.sources:
        try:
            found = discover(source, lambda u: fetcher.get(u).body)
        except (SourceError, FetchError) as exc:
            log.warning("source %s refused: %s", source.name, exc)
            rejects.append(reject_row("discover", source.name, exc.reason, exc.detail, source.url))
            continue
        except Exception as exc:  # one broken source never ends the night
            log.exception("source %s failed", source.name)
            rejects.append(
                reject_row("discover", source.name, "source_error", repr(exc), source.url)
            )
            continue
        log.info("source %s: %d items", source.name, len(found))
        items.extend(found)
    chosen = select_for_date(items, date)
    log.info("discover %s: %d items listed, %d for this date", date, len(items), len(chosen))
    write_jsonl(staging / DISCOVERED, (vars(i) for i in chosen))
    write_jsonl(rejects_file(staging, "discover"), rejects)
    (staging / "fetch_options.json").write_text(json.dumps(vars(config.fetch)))
    return str(staging)


def _fetch_history(data_dir: str, urls: list[str]) -> tuple[dict[str, str], dict[str, dict]]:
    """For these URLs: the day each was published as an article, and the last stored response
    (its date and validators) for a conditional GET."""
    import pyarrow.compute as pc

    wanted = pc.field("url").isin(pa.array(sorted(set(urls)), pa.string()))
    published = {
        r["url"]: r["date"]
        for r in store.read_columns(data_dir, "articles", ["url"], filter=wanted).to_pylist()
    }
    raw = store.read_columns(
        data_dir, "raw", ["url", "etag", "last_modified", "fetched_at"], filter=wanted
    ).to_pylist()
    responses = {r["url"]: r for r in sorted(raw, key=lambda r: r["fetched_at"])}
    return published, responses


def _stored_raw(data_dir: str, date: str, url: str | None = None) -> dict[str, dict]:
    """The stored raw rows of a date (or of one URL on that date), by URL."""
    import pyarrow.compute as pc

    path = store.partition_dir(data_dir, "raw", date) / "part-0.parquet"
    if not path.exists():
        return {}
    rows = pq.read_table(path, filters=(pc.field("url") == url) if url else None).to_pylist()
    return {r["url"]: r for r in rows}


@remote.on_staging("raw", "articles")  # (on object storage) what the step looks back at
def fetch_step(staging: str) -> str:
    """Fetch the discovered URLs into the raw table.

    - A URL already published as an article of another day is not fetched again.
    - A URL fetched before is asked with its validators (ETag / Last-Modified); a 304 reuses the
      stored body.
    - What this date stored before is never lost: a page that fails now keeps its stored
      response, and stored pages that the feeds no longer list are carried over. So rerunning a
      date, days later or during an outage, gives the same rows (or more), never fewer.
    """
    staging = Path(staging)
    meta = read_meta(staging)
    if not (staging / DISCOVERED).exists():
        return str(staging)  # the run reads an archive: nothing to fetch
    options_data = json.loads((staging / "fetch_options.json").read_text())
    options = FetchOptions(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in options_data.items()}
    )
    items = {i["url"]: i for i in read_jsonl(staging / DISCOVERED)}
    stored = _stored_raw(meta["data_dir"], meta["date"])
    published, history = _fetch_history(meta["data_dir"], list(items))
    todo, seen_elsewhere = [], 0
    for url in items:
        if published.get(url, meta["date"]) != meta["date"]:
            seen_elsewhere += 1  # already an article of another day
            continue
        todo.append(url)

    def validators(url: str) -> Validators | None:
        before = history.get(url)
        return Validators(before["etag"], before["last_modified"]) if before else None

    rows: dict[str, dict] = {}
    rejects = []
    started = time.monotonic()
    fetcher = Fetcher(options)
    for n, (url, result) in enumerate(fetcher.get_many(todo, validators), 1):
        item = items[url]
        if isinstance(result, FetchError):
            if url in stored:
                log.warning("%s: %s; keeping the response stored for this date", url, result)
                continue
            rejects.append(reject_row("fetch", item["source"], result.reason, result.detail, url))
            continue
        row = {
            "url": url, "final_url": result.final_url, "source": item["source"],
            "status": result.status, "content_type": result.content_type,
            "fetched_at": dt.datetime.now(dt.UTC), "feed_published": item.get("published"),
            "etag": result.headers.get("etag"), "last_modified": result.headers.get("last-modified"),
            "sha256": result.sha256, "body": result.body,
        }  # fmt: skip
        if result.status == 304:
            before = history.get(url)
            previous = stored.get(url) or (
                _stored_raw(meta["data_dir"], before["date"], url).get(url) if before else None
            )
            if previous is None:
                rejects.append(reject_row("fetch", item["source"], "not_modified_lost",
                                          "304 but no stored body", url))  # fmt: skip
                continue
            row.update(
                body=previous["body"], sha256=previous["sha256"], content_type=previous["content_type"],
                final_url=previous["final_url"], etag=row["etag"] or previous["etag"],
                last_modified=row["last_modified"] or previous["last_modified"],
            )  # fmt: skip
        rows[url] = row
        if n % PROGRESS_EVERY == 0:
            log.info("fetched %d/%d (%.1f/s)", n, len(todo), n / (time.monotonic() - started))
    kept = [u for u in stored if u not in rows]
    for url in kept:  # stored before, not fetched now (failed, or no longer listed): kept
        rows[url] = stored[url]
    store.write_table(staging / "raw.parquet", "raw", list(rows.values()))
    write_jsonl(rejects_file(staging, "fetch"), rejects)
    log.info(
        "fetch: %d responses (%d kept from before), %d refused, %d already published on another day",
        len(rows), len(kept), len(rejects), seen_elsewhere,
    )  # fmt: skip
    return str(staging)


def _clean_raw_row(row: dict, date: str) -> dict | None:
    """One raw response -> a clean record, a reject row (with "stage"), or None when the page is
    an undated list item that belongs to another day's run."""

    def reject(reason: str, detail: str) -> dict:
        return reject_row(
            "clean", row["source"], reason, detail, row["url"], raw_sha256=row["sha256"]
        )

    ctype = (row["content_type"] or "").lower()
    if ctype and not any(t in ctype for t in ("html", "xml", "text/plain")):
        return reject("not_html", f"content type {ctype}")
    try:
        html = decode_body(row["body"], row["content_type"])
    except Rejected as exc:
        return reject(exc.reason, exc.detail)
    aid = article_id_for(row["url"], row["url"])
    prepared = safe_prepare(
        {"id": aid, "url": row["url"], "html": html, "feed_published": row["feed_published"]}
    )
    if isinstance(prepared, dict):
        return reject(prepared["reason"], prepared.get("detail") or "")
    if row["feed_published"] is None and prepared.published not in (None, date):
        return None
    return clean_record(aid, row["url"], row["source"], prepared, prepared.published or date)


@remote.on_staging()
def clean_step(staging: str) -> str:
    """Raw responses -> clean text records (the input of extraction)."""
    staging = Path(staging)
    date = read_meta(staging)["date"]
    if not (staging / "raw.parquet").exists():
        return str(staging)  # the run reads an archive: its records were cleaned when staged
    records, rejects, other_day = [], [], 0
    for row in pq.read_table(staging / "raw.parquet").to_pylist():
        out = _clean_raw_row(row, date)
        if out is None:
            other_day += 1
        elif "stage" in out:
            rejects.append(out)
        else:
            records.append(out)
    write_jsonl(staging / CLEAN, records)
    write_jsonl(rejects_file(staging, "clean"), rejects)
    log.info(
        "clean: %d articles, %d rejected, %d left to their own day",
        len(records),
        len(rejects),
        other_day,
    )
    return str(staging)
