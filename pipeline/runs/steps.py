"""Runs: the bodies of the DAG tasks, as plain functions over a staging directory.

A run for one date works in `DIR/_staging/<date>-<run>/`: each step reads the previous step's
files there and writes its own, and returns the staging path (tasks pass references, never
articles). Only `commit` touches the published tables, swapping each table's partition for the
date as a whole; only `publish_db` touches `news.duckdb`. A crash anywhere before leaves the last
published data as it was, and rerunning the date gives the same rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import publish, schemas, store
from pipeline.clean.page import Rejected, decode_body
from pipeline.extract.dates import parse_iso
from pipeline.extract.records import extract_records, safe_prepare
from pipeline.ingest.fetch import Fetcher, FetchError, Validators
from pipeline.ingest.sources import Item, SourceError, discover, select_for_date
from pipeline.settings import ExtractOptions, FetchOptions, load_sources
from pipeline.store import remote

log = logging.getLogger(__name__)

DISCOVERED = "discovered.jsonl"
CLEAN = "clean.jsonl"
PROGRESS_EVERY = 50
MAX_OPEN_SHARDS = 64
EXTRACT_TABLES = ("articles", "entities", "figures", "events")


def article_id_for(url: str | None, fallback: str) -> str:
    """Stable id: the same page gets the same id in every run, nightly or backfill."""
    key = url or fallback
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    """Write rows as JSON lines, replacing the file: a retried step starts its output again."""
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def _rejects_file(staging: Path, stage: str) -> Path:
    """Each stage writes its own rejects file, so retrying a stage never doubles them."""
    return staging / f"rejects-{stage}.jsonl"


def _read_jsonl(path: Path) -> Iterator[dict]:
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


def _meta(staging: Path) -> dict:
    meta = json.loads((Path(staging) / "meta.json").read_text())
    return {**meta, "data_dir": remote.local_path(meta["data_dir"])}


# --- nightly: discover -> fetch -> clean ----------------------------------------------------


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
    _write_jsonl(staging / DISCOVERED, (vars(i) for i in chosen))
    _write_jsonl(_rejects_file(staging, "discover"), rejects)
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
    meta = _meta(staging)
    if not (staging / DISCOVERED).exists():
        return str(staging)  # the run reads an archive: nothing to fetch
    options_data = json.loads((staging / "fetch_options.json").read_text())
    options = FetchOptions(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in options_data.items()}
    )
    items = {i["url"]: i for i in _read_jsonl(staging / DISCOVERED)}
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
    _write_jsonl(_rejects_file(staging, "fetch"), rejects)
    log.info(
        "fetch: %d responses (%d kept from before), %d refused, %d already published on another day",
        len(rows), len(kept), len(rejects), seen_elsewhere,
    )  # fmt: skip
    return str(staging)


def _clean_record(aid: str, url: str | None, source: str, prepared, published: str | None) -> dict:
    """A cleaned page as the record extraction reads (the same for nightly and backfill)."""
    art = prepared.article
    return {
        "id": aid, "url": url, "source": source, "text": art.text, "title": art.title,
        "author": art.author, "site_name": art.site_name, "canonical_url": art.canonical_url,
        "published": published, "published_from": prepared.published_from or "run",
    }  # fmt: skip


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
    return _clean_record(aid, row["url"], row["source"], prepared, prepared.published or date)


@remote.on_staging()
def clean_step(staging: str) -> str:
    """Raw responses -> clean text records (the input of extraction)."""
    staging = Path(staging)
    date = _meta(staging)["date"]
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
    _write_jsonl(staging / CLEAN, records)
    _write_jsonl(_rejects_file(staging, "clean"), rejects)
    log.info(
        "clean: %d articles, %d rejected, %d left to their own day",
        len(records),
        len(rejects),
        other_day,
    )
    return str(staging)


# --- extraction, shared by nightly and backfill ---------------------------------------------


# the fields of a clean record that the rows of its article take (the text comes from the output)
_RECORD_FIELDS = ("url", "source", "author", "site_name", "canonical_url", "published_from")
# what event clustering reads of each of the day's events (not the evidence sentence)
_EVENT_FIELDS = ("event_id", "article_id", "type", "event_date", "date_precision", "location",
                 "country", "actors", "admin1")  # fmt: skip


def _chunks_file(staging: Path, table: str) -> Path:
    return staging / f"{table}.chunks.parquet"


@remote.on_staging("signatures")
def extract_step(staging: str, options: ExtractOptions | None = None) -> str:
    """Clean records -> staged Parquet files of articles, entities, figures and events.

    Memory does not grow with the day's texts: the records stream through extraction, and the
    rows of every `stage_chunk_articles` articles are appended to temporary Parquet files in the
    staging dir. The day-level steps (near-duplicates, event clustering) keep only what they read
    of each article (id, text hash, MinHash, date) and event; a last pass copies the temporary
    files, one chunk at a time, into the staged tables with `dup_of` and the clustered event ids
    set, and removes them (a crash leaves them in the staging dir, which a rerun starts again)."""
    from collections import deque

    staging = Path(staging)
    options = options or ExtractOptions()
    meta = _meta(staging)
    total = sum(1 for _ in _read_jsonl(staging / CLEAN))
    pending: deque[dict] = deque()  # small fields of the records inside extraction, in order

    def records() -> Iterator[dict]:
        for rec in _read_jsonl(staging / CLEAN):
            pending.append({k: rec.get(k) for k in _RECORD_FIELDS})
            yield rec

    day = _DayIndex(meta["date"])
    counts: Counter = Counter()
    rejects = []
    chunk: dict[str, list[dict]] = {t: [] for t in EXTRACT_TABLES}
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        append = {
            t: stack.enter_context(store.table_writer(_chunks_file(staging, t), t))
            for t in EXTRACT_TABLES
        }

        def flush() -> None:
            day.add(chunk)
            for table, rows in chunk.items():
                append[table](rows)
                counts[table] += len(rows)
                rows.clear()

        # extraction yields one output per record, in order: each takes the oldest pending one
        for n, out in enumerate(extract_records(records(), options), 1):
            rec = pending.popleft()
            if out["status"] != "ok":
                rejects.append(
                    reject_row(
                        "extract", rec.get("source"), out["reason"], out.get("detail") or "",
                        rec.get("url"), out["id"],
                    )
                )  # fmt: skip
                continue
            _add_rows(chunk, out, rec)
            if len(chunk["articles"]) >= options.stage_chunk_articles:
                flush()
            if n % PROGRESS_EVERY == 0:
                rate = n / (time.monotonic() - started)
                log.info("extracted %d/%d (%.1f docs/s)", n, total, rate)
        flush()
    dup_of, signatures = _mark_duplicates(day.candidates, meta)
    store.write_table(staging / "signatures.parquet", "signatures", signatures)
    event_ids = day.event_ids(dup_of, meta)
    for table in EXTRACT_TABLES:
        _finish_table(staging, table, dup_of, event_ids)
    _write_jsonl(_rejects_file(staging, "extract"), rejects)
    log.info("extract: %s", {**{t: counts[t] for t in EXTRACT_TABLES}, "signatures": len(day)})
    return str(staging)


class _DayIndex:
    """What the day-level steps need of the day's articles and events, chunk by chunk: dedup
    candidates (id, text hash, MinHash, date) and the events' fields that clustering reads."""

    def __init__(self, date: str):
        self.date = date
        self.candidates: list = []
        self.events: list[dict] = []

    def __len__(self) -> int:
        return len(self.candidates)

    def add(self, chunk: dict[str, list[dict]]) -> None:
        from pipeline.dedup.articles import Candidate, signature

        self.candidates += [
            Candidate(a["article_id"], a["text_sha256"], signature(a["text"]),
                      (str(a["published"] or self.date), a["article_id"]))
            for a in chunk["articles"]
        ]  # fmt: skip
        self.events += [{k: e[k] for k in _EVENT_FIELDS} for e in chunk["events"]]

    def event_ids(self, dup_of: dict[str, str], meta: dict) -> dict[str, str]:
        """The clustered id of each of the day's events (a syndicated copy's keep their own)."""
        for e in self.events:
            e["dup_of"] = dup_of.get(e["article_id"])
        own = [e["event_id"] for e in self.events]
        _assign_event_ids({"events": self.events, "figures": []}, meta)
        return {
            old: e["event_id"]
            for old, e in zip(own, self.events, strict=True)
            if old != e["event_id"]
        }


def _finish_table(staging: Path, table: str, dup_of: dict[str, str], event_ids: dict) -> None:
    """The temporary chunks of `table` -> its staged file, with dup_of and event ids set."""
    chunks = _chunks_file(staging, table)
    with (
        pq.ParquetFile(chunks) as parts,
        store.table_writer(staging / f"{table}.parquet", table) as append,
    ):
        for group in range(parts.num_row_groups):
            part = parts.read_row_group(group)
            dups = [dup_of.get(a) for a in part.column("article_id").to_pylist()]
            part = part.set_column(
                part.schema.get_field_index("dup_of"), "dup_of", pa.array(dups, pa.string())
            )
            if table in ("events", "figures") and event_ids:
                ids = [
                    event_ids.get(e, e) if e is not None and d is None else e
                    for e, d in zip(part.column("event_id").to_pylist(), dups, strict=True)
                ]
                part = part.set_column(
                    part.schema.get_field_index("event_id"), "event_id", pa.array(ids, pa.string())
                )
            append(part)
    chunks.unlink()


def _mark_duplicates(today: list, meta: dict) -> tuple[dict[str, str], pa.Table]:
    """The day's articles that copy an earlier one (of the day itself or of the last
    `lookback_days` days): article_id -> dup_of, and the day's signature rows."""
    import pyarrow.compute as pc

    from pipeline.dedup.articles import Candidate, DedupOptions, find_duplicates

    options = DedupOptions()
    day = dt.date.fromisoformat(meta["date"])
    since = (day - dt.timedelta(days=options.lookback_days)).isoformat()
    window = (pc.field("date") >= since) & (pc.field("date") < meta["date"])
    past = store.read_columns(
        meta["data_dir"], "signatures", ["article_id", "text_sha256", "published", "minhash", "dup_of"],
        filter=window,
    )  # fmt: skip
    # the past MinHashes as slices of one array: 128 Python ints per article would not be small
    minhash = past.column("minhash").combine_chunks()
    values = minhash.values.to_numpy(zero_copy_only=False).astype(np.uint32, copy=False)
    offsets = minhash.offsets.to_numpy(zero_copy_only=False)
    earlier = [
        Candidate(aid, sha, values[offsets[i] : offsets[i + 1]], (str(published), aid), dup)
        for i, (aid, sha, published, dup) in enumerate(
            zip(*(past.column(c).to_pylist()
                  for c in ("article_id", "text_sha256", "published", "dup_of")), strict=True)
        )
    ]  # fmt: skip
    dup_of = find_duplicates(today, earlier, options)
    if dup_of:
        log.info("dedup: %d of %d articles are copies of an earlier one", len(dup_of), len(today))
    sigs = np.stack([c.signature for c in today]) if today else np.empty((0, 0), np.uint32)
    offsets = pa.array(np.arange(len(today) + 1, dtype=np.int32) * sigs.shape[1], pa.int32())
    signatures = pa.Table.from_arrays(
        [
            pa.array([c.article_id for c in today], pa.string()),
            pa.array([c.text_sha256 for c in today], pa.string()),
            pa.array([dt.date.fromisoformat(c.order[0]) for c in today], pa.date32()),
            pa.ListArray.from_arrays(offsets, pa.array(sigs.reshape(-1), pa.uint32())),
            pa.array([dup_of.get(c.article_id) for c in today], pa.string()),
        ],
        schema=schemas.schema("signatures"),
    )
    return dup_of, signatures


def _assign_event_ids(tables: dict[str, list[dict]], meta: dict) -> None:
    """Give every report of one event the same event_id: the day's events are clustered with
    each other and with the events stored for the days of the clustering window before it
    (`pipeline.clusters`); a stored event keeps its id. Figures follow their event."""
    import pyarrow.compute as pc

    from pipeline.dedup.events import ClusterOptions, EventReport, cluster

    options = ClusterOptions()
    day = dt.date.fromisoformat(meta["date"])
    since = (day - dt.timedelta(days=options.window_days + options.undated_slack_days)).isoformat()
    window = (pc.field("date") >= since) & (pc.field("date") < meta["date"])
    columns = ["event_id", "article_id", "type", "event_date", "date_precision", "location",
               "country", "actors", "admin1", "dup_of"]  # fmt: skip
    past = store.read_columns(meta["data_dir"], "events", columns, filter=window).to_pylist()
    # a syndicated copy is not another report: its rows keep their own ids (marts count copies)
    past = [r for r in past if r["dup_of"] is None]
    today = [r for r in tables["events"] if r.get("dup_of") is None]
    reports = [
        EventReport(f"stored:{r['event_id']}:{r['article_id']}", r["article_id"], r["type"],
                    r["event_date"], r["date_precision"], r["location"], r["country"],
                    tuple(r["actors"] or ()), r["event_id"], r["admin1"])
        for r in past
    ] + [
        EventReport(r["event_id"], r["article_id"], r["type"], r["event_date"],
                    r["date_precision"], r["location"], r["country"], tuple(r["actors"] or ()),
                    None, r.get("admin1"))
        for r in today
    ]  # fmt: skip
    ids = cluster(reports, options)
    for row in today:
        row["event_id"] = ids[row["event_id"]]
    for row in tables["figures"]:
        if row["event_id"] is not None and row.get("dup_of") is None:
            row["event_id"] = ids.get(row["event_id"], row["event_id"])


def _add_rows(tables: dict[str, list[dict]], out: dict, rec: dict) -> None:
    aid, text = out["id"], out["text"]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    tables["articles"].append({
        "article_id": aid, "url": rec.get("url"), "source": rec.get("source"),
        "title": out.get("title"), "author": rec.get("author"), "site_name": rec.get("site_name"),
        "canonical_url": rec.get("canonical_url"),
        "published": parse_iso(out.get("published")), "published_from": rec.get("published_from"),
        "language": out.get("language"),
        "status": "ok" if out.get("extraction") is None else "non_english",
        "text": text, "text_sha256": sha, "dup_of": None,
    })  # fmt: skip
    for i, e in enumerate(out["entities"]):
        tables["entities"].append({
            "entity_id": f"{aid}#e{i}", "article_id": aid, "canonical_id": e["id"],
            "name": e["name"], "type": e["type"], "kind": e["kind"], "country": e["country"],
            "admin1": e["admin1"], "latitude": e["latitude"], "longitude": e["longitude"],
            "mention_count": len(e["mentions"]), "mentions": e["mentions"],
        })  # fmt: skip
    for i, f in enumerate(out["figures"]):
        s, e = f["span"]
        tables["figures"].append({
            **{k: f[k] for k in ("category", "best", "low", "high", "qualifier", "who", "scope",
                                 "as_of", "source")},
            "figure_id": f"{aid}#f{i}", "article_id": aid, "span": [s, e], "evidence": text[s:e],
            "event_id": None if f["event"] is None else f"{aid}#v{f['event']}",
        })  # fmt: skip
    for i, ev in enumerate(out["events"]):
        s, e = ev["span"]
        tables["events"].append({
            "event_id": f"{aid}#v{i}", "article_id": aid, "type": ev["type"],
            "sub_type": ev["sub_type"], "event_date": parse_iso(ev["date"]),
            "date_precision": ev["date_precision"], "location": ev["location"],
            "country": ev["country"], "actors": ev["actors"], "span": [s, e], "evidence": text[s:e],
            "actor1": ev.get("actor1"), "actor2": ev.get("actor2"), "admin1": ev.get("admin1"),
            "latitude": ev.get("latitude"), "longitude": ev.get("longitude"),
            "geo_precision": ev.get("geo_precision"),
        })  # fmt: skip


@remote.on_staging()
def commit_step(staging: str) -> dict[str, str]:
    """Swap the staged tables (and the run's rejects) into the date's partitions."""
    staging = Path(staging)
    meta = _meta(staging)
    rejects = [r for f in sorted(staging.glob("rejects-*.jsonl")) for r in _read_jsonl(f)]
    store.write_table(staging / "rejects.parquet", "rejects", rejects)
    files = {
        t: str(staging / f"{t}.parquet")
        for t in ("raw", *EXTRACT_TABLES, "signatures", "rejects")
        if (staging / f"{t}.parquet").exists()
    }
    committed = store.commit_partitions(meta["data_dir"], meta["date"], files)
    shutil.rmtree(staging, ignore_errors=True)
    log.info("committed %s for %s", sorted(committed), meta["date"])
    return committed


def publish_step(data_dir: str) -> str:
    """Write, audit and publish news.duckdb in one call (raises ChecksFailed, publishing
    nothing, when a data check returns rows)."""
    return str(publish.publish(data_dir))


def stage_step(data_dir: str) -> str:
    """Write: snapshot the partitions, build a candidate news.duckdb; returns its path."""
    if remote.is_url(data_dir):
        return remote.stage(data_dir, publish.source_tables())
    return str(publish.stage(data_dir))


def audit_step(candidate: str) -> dict[str, int]:
    """Audit: the data checks on the candidate; a failing check logs its rows and raises."""
    if remote.is_url(candidate):
        return {r.name: r.failing_rows for r in remote.audit(candidate)}
    return {r.name: r.failing_rows for r in publish.audit(candidate)}


def swap_step(candidate: str) -> str:
    """Publish: the audited candidate replaces news.duckdb."""
    if remote.is_url(candidate):
        return remote.swap(candidate)
    return str(publish.swap(candidate))


def checks_step(data_dir: str) -> dict[str, int]:
    """Run the data-quality checks on the published file; raise when one returns rows."""
    results = publish.run_checks(data_dir)
    failing = [r for r in results if r.failing_rows]
    if failing:
        raise publish.ChecksFailed(failing)
    return {r.name: r.failing_rows for r in results}


def reject_counts(data_dir: str, date: str) -> Counter:
    path = store.partition_dir(data_dir, "rejects", date) / "part-0.parquet"
    if not path.exists():
        return Counter()
    return Counter(f"{r['stage']}:{r['reason']}" for r in pq.read_table(path).to_pylist())


# --- backfill from archives -----------------------------------------------------------------


def record_date(rec: dict) -> str | None:
    """The day an archive record belongs to: its own publication date, else its crawl date."""
    day = parse_iso(rec.get("published")) or parse_iso(rec.get("crawl_date"))
    return day.isoformat() if day else None


def _shards_rel(run_id: str) -> str:
    safe_run = "".join(c if c.isalnum() or c in "-_" else "_" for c in run_id)
    return f"_staging/backfill-{safe_run}"


def _shards_dir(data_dir: str, run_id: str) -> Path:
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
    root, key = _shards_dir(data_dir, run_id), file_key(path)
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


@remote.on_data_dir(
    lambda date, run_id, **_: [
        f"{_shards_rel(run_id)}/date={date}", f"{_shards_rel(run_id)}/done/{date}",
        "articles", "signatures", f"rejects/date={date}",
    ]
)  # fmt: skip
def backfill_date(date: str, data_dir: str, run_id: str) -> str:
    """Clean, extract and commit one date from its shards; a date this run finished is skipped."""
    root = _shards_dir(data_dir, run_id)
    done = root / "done" / date
    if done.exists():
        log.info("backfill %s: already committed by this run", date)
        return date
    staging = new_staging(data_dir, date, run_id)
    shards = sorted((root / f"date={date}").glob("*.jsonl"))
    record_shards = [s for s in shards if not s.name.endswith(".rejects.jsonl")]
    rejects = [r for s in shards if s.name.endswith(".rejects.jsonl") for r in _read_jsonl(s)]
    if not record_shards:
        # only refusals (a cut-off file, undated records) landed on this date: they join its
        # rejects, and its articles, from the nightly run or another archive, stay as they are
        _merge_rejects(data_dir, date, rejects, staging)
    else:
        _write_jsonl(_rejects_file(staging, "archive"), rejects)
        records = (r for s in record_shards for r in _read_jsonl(s))
        _prepare_archive_records(
            staging, records, skip=_published_elsewhere(data_dir, date, shards)
        )
        extract_step(str(staging))
        commit_step(str(staging))
    done.parent.mkdir(parents=True, exist_ok=True)
    done.touch()
    return date


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
    root = _shards_dir(data_dir, run_id)
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
    _prepare_archive_records(staging, wanted)
    return str(staging)


def _published_elsewhere(data_dir: str, date: str, shards: list[Path]) -> dict[str, str]:
    """URL -> day, for the shards' URLs already published as articles of another day: one URL is
    one article in one partition, whichever run saw it first."""
    import pyarrow.compute as pc

    urls = {
        r.get("url")
        for s in shards
        if not s.name.endswith(".rejects.jsonl")
        for r in _read_jsonl(s)
    }
    urls.discard(None)
    if not urls:
        return {}
    wanted = pc.field("url").isin(pa.array(sorted(urls), pa.string()))
    rows = store.read_columns(data_dir, "articles", ["url"], filter=wanted).to_pylist()
    return {r["url"]: r["date"] for r in rows if r["date"] != date}


def _prepare_archive_records(
    staging: Path, recs: Iterable[dict], skip: dict[str, str] | None = None
) -> None:
    """Archive records -> the staging dir's clean text records and rejects, streaming."""
    skip = skip or {}
    rejects = []
    seen: set[str] = set()

    def cleaned() -> Iterator[dict]:
        for rec in recs:
            try:
                out = one(rec)
            except Exception as exc:  # one odd record never fails the date
                log.exception("archive record %r", rec.get("id"))
                source, url = rec.get("source") or "archive", rec.get("url")
                out = reject_row(
                    "archive", str(source), "bad_record", repr(exc),
                    url if isinstance(url, str) else None, str(rec.get("id")),
                )  # fmt: skip
            if "stage" in out:
                rejects.append(out)
            else:
                yield out

    def one(rec: dict) -> dict:
        """A clean record, or a reject row (it has a "stage")."""
        rid = str(rec.get("id") or "")
        source = rec.get("source") or "archive"
        url = rec.get("url")
        text_key = hashlib.sha1((rec.get("html") or rec.get("text") or "").encode()).hexdigest()
        aid = article_id_for(url, f"{source}#{rid or text_key}")
        reason, detail = None, ""
        if aid in seen:  # the same page crawled twice (or in two archive files): keep the first
            reason, detail = "duplicate_url", "already taken from an earlier record"
        elif url in skip:
            reason, detail = "already_published", f"an article of {skip[url]}"
        if reason:
            return reject_row("archive", source, reason, detail, url, rid)
        seen.add(aid)
        prepared = safe_prepare({**rec, "id": aid})
        if isinstance(prepared, dict):
            return reject_row(
                "clean", source, prepared["reason"], prepared.get("detail") or "", url, rid
            )
        return _clean_record(aid, url, source, prepared, prepared.published)

    _write_jsonl(staging / CLEAN, cleaned())
    _write_jsonl(_rejects_file(staging, "clean"), rejects)
