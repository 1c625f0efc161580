"""A backfill's dates extracted in parts, side by side, before their day-level steps run.

Extracting a record (cleaning its page, then spaCy, entities, figures, events) depends on no
other record and no other date; the day-level steps of a date (near-duplicates, event
clustering, then the commit) read the dates stored before it. So a backfill plans every date
into parts first (`plan_dates`), extracts the parts of all its dates at once — in one process
pool when it runs in process (`extract_batch` with workers > 1), or one Airflow task per part
on a cluster (`extract_batch` of one part each) — and only then runs each date's day-level
steps over its parts' outputs (`backfill.backfill_date`, through `finish_date`).

Layout, all in the data directory (on object storage, in the bucket):
- `_staging/backfill-<run>/parts/date=D/NNNNN/records.jsonl`: a part's input, the archive
  records still to clean, as (record number, record) pairs; removed once the part is extracted.
- `_staging/D-<run>/parts.json`: the date's plan (its parts and the records left out before
  cleaning, a URL seen twice or published on another day, as reject rows with their numbers).
- `_staging/D-<run>/parts/`: each part's temporary Parquet files (its table rows and its
  articles' MinHash signatures) and `output-NNNNN.json` (its rejects and row counts), written
  last: a part is extracted when all are there.

A part that fails leaves no output: `finish_date` extracts it again in the date's own task, and
the date fails, naming the part and its exception, when it fails again. However the parts are
spread, the date's rows are those of one process.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

from pipeline import store
from pipeline.runs import extraction
from pipeline.runs.staging import new_staging, read_jsonl, rejects_file, write_jsonl
from pipeline.settings import ExtractOptions
from pipeline.store import remote

log = logging.getLogger(__name__)

PLAN = "parts.json"
# records of one part when each part is its own task (a task costs ~20 s before any work)
PART_RECORDS = 2000


class PartFailed(RuntimeError):
    """A part of a date could not be extracted; the message names the date, the part and why."""


def _safe_run(run_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in run_id)


def staging_of(data_dir: str, date: str, run_id: str) -> Path:
    return store.staging_dir(data_dir, _safe_run(run_id), date)


def _inputs_rel(run_id: str, date: str, number: int | None = None) -> str:
    rel = f"_staging/backfill-{_safe_run(run_id)}/parts/date={date}"
    return rel if number is None else f"{rel}/{number:05d}"


def _outputs(staging: Path, number: int) -> list[Path]:
    out = staging / "parts"
    return [out / f"output-{number:05d}.json"] + [
        extraction._chunks_file(out, t, number) for t in extraction.PART_TABLES
    ]


def is_extracted(staging: Path, number: int) -> bool:
    return all(p.exists() for p in _outputs(staging, number))


def part_size(total: int, workers: int, options: ExtractOptions, part_records: int) -> int:
    """Records per part: on a pool (workers > 1), at most `stage_chunk_articles` and four parts
    per worker or more, as a nightly's pool does; one task per part: `part_records`."""
    if workers > 1:
        return max(1, min(options.stage_chunk_articles, -(-total // (4 * workers))))
    return max(1, part_records)


def _plan_pull(date: str, run_id: str, **_) -> list[str]:
    from pipeline.runs.backfill import _shards_rel

    staging = f"_staging/{date}-{_safe_run(run_id)}"
    return [f"{_shards_rel(run_id)}/date={date}", _inputs_rel(run_id, date), staging, "articles"]


@remote.on_data_dir(_plan_pull)
def plan_date(
    date: str, data_dir: str, run_id: str, workers: int, part_records: int = PART_RECORDS
) -> list[int]:
    """A new staging dir for `date` with its archive rejects, its plan, and the inputs of its
    parts (`part_size`): the archive records of its shards, less a page seen twice and a URL
    published as an article of another day (reject rows, numbered). Returns the parts'
    numbers; none for a date whose shards hold only refusals (`backfill_date` merges them)."""
    from pipeline.runs.backfill import _published_elsewhere, shards_dir, skipped_record

    shards = sorted((shards_dir(data_dir, run_id) / f"date={date}").glob("*.jsonl"))
    record_shards = [s for s in shards if not s.name.endswith(".rejects.jsonl")]
    if not record_shards:
        return []
    total = 0
    for shard in record_shards:
        with open(shard, "rb") as f:
            total += sum(1 for _ in f)
    size = part_size(total, workers, ExtractOptions(), part_records)
    staging = new_staging(data_dir, date, run_id)
    rejects = [r for s in shards if s.name.endswith(".rejects.jsonl") for r in read_jsonl(s)]
    write_jsonl(rejects_file(staging, "archive"), rejects)
    inputs = Path(data_dir) / _inputs_rel(run_id, date)
    shutil.rmtree(inputs, ignore_errors=True)
    skip = _published_elsewhere(data_dir, date, shards)
    seen: set[str] = set()
    filtered, parts, handle = [], [], None
    try:
        records = (r for s in record_shards for r in read_jsonl(s))
        for number, rec in enumerate(records):
            left_out = skipped_record(rec, seen, skip)
            if left_out is not None:
                filtered.append((number, left_out))
                continue
            if not parts or parts[-1][1] >= size:
                if handle:
                    handle.close()
                where = Path(data_dir) / _inputs_rel(run_id, date, len(parts))
                where.mkdir(parents=True)
                handle = open(where / "records.jsonl", "w", encoding="utf-8")  # noqa: SIM115
                parts.append([len(parts), 0])
            handle.write(json.dumps([number, rec], ensure_ascii=False) + "\n")
            parts[-1][1] += 1
    finally:
        if handle:
            handle.close()
    plan = {"parts": [{"number": n, "records": k} for n, k in parts], "filtered": filtered}
    (staging / PLAN).write_text(json.dumps(plan, ensure_ascii=False))
    return [n for n, _ in parts]


def plan_dates(
    dates: list[str], data_dir: str, run_id: str, workers: int, part_records: int = PART_RECORDS
) -> list[list[dict]]:
    """Plan every date of a backfill that this run has not committed yet, and group the parts
    into batches for `extract_batch`: with workers > 1, one batch of every part of every date
    (one pool extracts them all); else one batch per part (one task each)."""
    from pipeline.runs.backfill import date_done

    planned = []
    for date in sorted(dates):
        if date_done(data_dir, run_id, date):
            continue
        numbers = plan_date(date, data_dir, run_id, workers, part_records)
        planned += [{"date": date, "part": n} for n in numbers]
    log.info("planned %d parts over %d dates", len(planned), len(dates))
    return [planned] if workers > 1 and planned else [[p] for p in planned]


def batch_label(batch: list[dict]) -> str:
    """How a batch is named in the UI: "2016-04-06 part 2", or "24 parts of 3 dates"."""
    if len(batch) == 1:
        return f"{batch[0]['date']} part {batch[0]['part']}"
    return f"{len(batch)} parts of {len({p['date'] for p in batch})} dates"


def extract_batch(data_dir: str, run_id: str, batch: list[dict], workers: int = 1) -> int:
    """Extract the parts of `batch` ({"date", "part"} each) that are not extracted yet: with
    workers > 1 (and a local data directory), side by side in one pool, forked once spaCy is
    loaded, whatever their dates; else one after another. Every part is tried; then PartFailed
    names those that failed. Returns the number of parts extracted."""
    todo = [
        p for p in batch if not is_extracted(staging_of(data_dir, p["date"], run_id), p["part"])
    ]
    started, failed = time.monotonic(), []
    if workers > 1 and len(todo) > 1 and not remote.is_url(data_dir):
        outcomes = _pooled(data_dir, run_id, todo, workers)
    else:
        outcomes = (_tried(data_dir, run_id, p["date"], p["part"]) for p in todo)
    for p, error in zip(todo, outcomes, strict=True):
        if error:
            failed.append(f"{p['date']} part {p['part']}: {error}")
    log.info("extracted %d parts in %.1fs", len(todo) - len(failed), time.monotonic() - started)
    if failed:
        raise PartFailed(f"{len(failed)} of {len(todo)} parts failed: " + "; ".join(failed))
    return len(todo)


def extract_and_commit(data_dir: str, run_id: str, batch: list[dict], workers: int) -> int:
    """In process (one batch of every date's parts): extract them (`extract_batch`), then commit
    each date whose parts are all extracted, in date order (`backfill.backfill_date`), since a
    date's day-level steps read the dates stored before it and `dag.test()` runs the mapped
    `write_date` tasks in no fixed order (they find these dates done). A date that fails here
    is left to its `write_date` task, which tries again and fails saying why. Raises
    PartFailed, after the commits, when a part failed. Returns the parts extracted."""
    from pipeline.runs.backfill import backfill_date

    failed: PartFailed | None = None
    try:
        extracted = extract_batch(data_dir, run_id, batch, workers)
    except PartFailed as exc:
        failed, extracted = exc, 0
    for date in sorted({p["date"] for p in batch}):
        numbers = [p["part"] for p in batch if p["date"] == date]
        if remote.is_url(data_dir) or all(
            is_extracted(staging_of(data_dir, date, run_id), n) for n in numbers
        ):
            try:
                backfill_date(date, data_dir, run_id, workers)
            except Exception:
                log.exception("backfill of %s: left to its write_date task", date)
    if failed:
        raise failed
    return extracted


def _pooled(data_dir: str, run_id: str, todo: list[dict], workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.extract.records import nlp

    nlp()  # loaded once here, so that forked workers share it instead of each loading it
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(min(workers, len(todo)), mp_context=context) as pool:
        futures = [pool.submit(_tried, data_dir, run_id, p["date"], p["part"]) for p in todo]
        for future in futures:
            try:
                yield future.result()
            except Exception as exc:  # the worker itself died (killed, out of memory)
                yield f"{type(exc).__name__}: {exc}"


def _tried(data_dir: str, run_id: str, date: str, number: int) -> str | None:
    """Extract one part; the exception as text when it fails (logged), else None."""
    try:
        extract_part(date, number, data_dir=data_dir, run_id=run_id)
    except Exception as exc:
        log.exception("extracting %s part %d", date, number)
        return f"{type(exc).__name__}: {exc}"
    return None


@remote.on_data_dir(lambda date, number, run_id, **_: [_inputs_rel(run_id, date, number)])
def extract_part(date: str, number: int, data_dir: str, run_id: str) -> None:
    """Clean and extract one part of a date into the date's staging dir; its output file is
    written last, then its input removed."""
    from pipeline.runs.backfill import clean_archive_record

    staging = staging_of(data_dir, date, run_id)
    source = Path(data_dir) / _inputs_rel(run_id, date, number) / "records.jsonl"
    if not source.exists():
        raise PartFailed(f"{date} part {number}: its input {source.name} is gone; plan it again")
    out = staging / "parts"
    out.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as f:
        records = sum(1 for line in f if line.strip())
    part = extraction._Part(number, 0, None, records)
    output = extraction.extract_part_file(
        source, part, out, date, ExtractOptions(), prepare=clean_archive_record
    )
    target = _outputs(staging, number)[0]
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(output.to_json(), ensure_ascii=False))
    os.replace(tmp, target)
    shutil.rmtree(source.parent, ignore_errors=True)


def _has_input(data_dir: str, run_id: str, part: dict) -> bool:
    where = Path(data_dir) / _inputs_rel(run_id, part["date"], part["part"]) / "records.jsonl"
    return where.exists()


def finish_date(data_dir: str, date: str, run_id: str, workers: int) -> Path:
    """The date's day-level steps over its parts, in this task: a part with no output (its
    task failed, or never ran) is extracted here first; PartFailed when it fails again. A date
    with no plan (its staging dir is gone: a retry after a crash), or with a part to extract
    whose input is gone (extracted by an older release, whose outputs this one does not read),
    is planned again."""
    staging = staging_of(data_dir, date, run_id)
    if not (staging / PLAN).exists():
        plan_date(date, data_dir, run_id, workers)
    plan = json.loads((staging / PLAN).read_text())
    numbers = [p["number"] for p in plan["parts"]]
    missing = [{"date": date, "part": n} for n in numbers if not is_extracted(staging, n)]
    if any(not _has_input(data_dir, run_id, p) for p in missing):
        # its input was removed when it was extracted, by a release whose part outputs were
        # not these files: the date starts again from its shards
        log.warning("%s: parts %s to extract again have no input: planning the date again",
                    date, [p["part"] for p in missing])  # fmt: skip
        numbers = plan_date(date, data_dir, run_id, workers)
        plan = json.loads((staging / PLAN).read_text())
        missing = [{"date": date, "part": n} for n in numbers]
    if missing:
        log.info("%s: extracting %d parts not extracted before", date, len(missing))
        try:
            extract_batch(data_dir, run_id, missing, workers)
        except PartFailed as exc:
            raise PartFailed(f"backfill of {date} failed: {exc}") from exc
    outputs = (
        extraction._PartOutput.from_json(json.loads(_outputs(staging, n)[0].read_text()))
        for n in numbers
    )
    filtered = [(n, row) for n, row in plan["filtered"]]
    extraction.finish_day(staging, outputs, [(staging / "parts", n) for n in numbers], filtered)
    return staging
