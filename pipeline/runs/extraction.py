"""The extract step of a date, shared by the nightly run and the backfill: clean records ->
staged Parquet files of articles, entities, figures and events, then the day-level steps.

1. The date's clean records stream through extraction (`pipeline.extract.records`); each
   output becomes table rows (`rows`) and each article its MinHash signature, appended every
   `stage_chunk_articles` articles to temporary Parquet files, so memory does not grow with
   the day's texts. With
   `ExtractOptions.workers` > 1 the records are split into parts of `stage_chunk_articles`
   records, extracted side by side by a process pool, each part into files of its own
   (`extract_part_file`; a backfill's parts, which also clean their records, are planned and
   run by `pipeline.runs.parts`, every date's at once).
2. Near-duplicates (`pipeline.dedup.articles`): each article that copies an earlier one, of the
   day or of the `lookback_days` before it, gets `dup_of`. The day's signatures are read back
   from the parts' files as arrays, the stored days' one date at a time; they are staged for
   the days after.
3. Event ids (`pipeline.dedup.events`): every report of one event, today's and those stored for
   the clustering window before, shares one `event_id` (a stored event keeps its id, a
   syndicated copy keeps its own); figures follow their event. The day's events are read back
   from the parts' files too, only the columns clustering reads.
4. The temporary files are copied, one chunk at a time and in the records' order, into the
   staged tables with `dup_of` and the event ids set. Rejected records become reject rows.
Steps 2-4 are `finish_day`, over the parts' outputs in order, however they were extracted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schemas, store
from pipeline.extract.records import extract_records
from pipeline.runs import rows
from pipeline.runs.staging import (
    CLEAN,
    PROGRESS_EVERY,
    read_meta,
    reject_row,
    rejects_file,
    write_jsonl,
)
from pipeline.settings import ExtractOptions
from pipeline.store import remote

log = logging.getLogger(__name__)

EXTRACT_TABLES = ("articles", "entities", "figures", "events")
# the tables of a part's temporary files: the extracted ones and the articles' signatures
PART_TABLES = (*EXTRACT_TABLES, "signatures")
# what event clustering reads of each of the day's events (not the evidence sentence)
_EVENT_FIELDS = ("event_id", "article_id", "type", "event_date", "date_precision", "location",
                 "country", "actors", "admin1")  # fmt: skip


def _chunks_file(where: Path, table: str, part: int) -> Path:
    return Path(where) / f"{table}.chunks-{part:05d}.parquet"


@remote.on_staging("signatures")
def extract_step(staging: str, options: ExtractOptions | None = None) -> str:
    """Clean records -> staged Parquet files of articles, entities, figures and events.

    The day's records are extracted in parts of `stage_chunk_articles` records: in this process,
    or, with `options.workers` > 1, by a pool of that many processes, each reading its part's
    lines of the clean records file and appending its rows to temporary Parquet files of its
    own. Memory does not grow with the day's texts: the day-level steps (near-duplicates, event
    clustering) read back only what they need of each article (id, text hash, MinHash, date)
    and event, and run once, in this process, over every part in order (`finish_day`). However
    many processes, the same rows."""
    staging = Path(staging)
    options = options or ExtractOptions()
    parts = _plan_parts(staging / CLEAN, options)
    outputs = _extracted_parts(staging, parts, options)
    finish_day(staging, outputs, [(staging, p.number) for p in parts])
    return str(staging)


def finish_day(staging: Path, outputs, part_files: list[tuple[Path, int]], filtered=None) -> None:
    """The day-level steps over the extracted parts' outputs (in the records' order), then a
    last pass that copies the parts' temporary files (`part_files`: the directory and number of
    each part, in order), one row group at a time, into the staged tables with `dup_of` and
    the clustered event ids set. `filtered`: (record number, reject row) pairs of records left
    out before cleaning, merged in order with the parts' cleaning rejects into the date's
    `clean` rejects (a backfill's parts clean their records; a nightly's are clean already)."""
    from pipeline.extract.heap import keep_heap

    keep_heap()  # also where no page was parsed in this process (a cluster's day-level task)
    meta = read_meta(staging)
    counts: Counter = Counter()
    rejects: list[dict] = []
    cleaned: list = list(filtered or [])
    for part in outputs:
        rejects += part.rejects
        cleaned += part.clean_rejects
        counts.update(part.counts)

    def files(table: str) -> list[Path]:
        return [_chunks_file(where, table, number) for where, number in part_files]

    dup_of = _mark_duplicates(files("signatures"), meta)
    event_ids = _event_ids(files("events"), dup_of, meta, staging)
    for table in PART_TABLES:
        _finish_table(staging, table, files(table), dup_of, event_ids)
    for table in PART_TABLES:  # the events' files are read by the figures' and their own
        for chunks in files(table):
            chunks.unlink()
    if filtered is not None:
        write_jsonl(rejects_file(staging, "clean"), [row for _, row in sorted(cleaned, key=_seq)])
    write_jsonl(rejects_file(staging, "extract"), rejects)
    log.info("extract: %s", {t: counts[t] for t in PART_TABLES})


_SIGNATURE_FIELDS = ("article_id", "text_sha256", "published", "minhash")


def _read_chunks(chunk_files: list[Path], table: str, columns) -> pa.Table:
    """Some columns of `table`'s temporary files (the parts', in order), as one Arrow table:
    no Python object per row."""
    empty = schemas.schema(table).empty_table().select(list(columns))
    return pa.concat_tables(
        [empty, *(pq.read_table(f, columns=list(columns), use_threads=False) for f in chunk_files)]
    )


def _seq(pair) -> int:
    return pair[0]


@dataclass(frozen=True)
class _Part:
    """Lines [start, end) (bytes; end None = to the end) of the clean records file."""

    number: int
    start: int
    end: int | None
    records: int


@dataclass
class _PartOutput:
    """What the day-level steps take of one extracted part besides its files, in the order of
    its records: its extract rejects, its row counts, and (`clean_rejects`) the (record number,
    reject row) of records that cleaning refused."""

    rejects: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    clean_rejects: list = field(default_factory=list)

    def to_json(self) -> dict:
        """A JSON form, for a part extracted by another task (the same values come back)."""
        return {"rejects": self.rejects, "counts": dict(self.counts),
                "clean_rejects": self.clean_rejects}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> _PartOutput:
        clean_rejects = [(n, row) for n, row in data["clean_rejects"]]
        return cls(data["rejects"], Counter(data["counts"]), clean_rejects)


def _plan_parts(clean: Path, options: ExtractOptions) -> list[_Part]:
    """One part for the whole file in one process (with one worker, or a date of no more than
    `stage_chunk_articles` records: a pool would cost more than it saves); else parts of at
    most `stage_chunk_articles` records, four per worker or more, so that the workers finish
    together."""
    with open(clean, "rb") as f:
        offsets = [0]
        for line in f:
            offsets.append(offsets[-1] + len(line))
    total = len(offsets) - 1
    if options.workers <= 1 or total <= options.stage_chunk_articles:
        return [_Part(0, 0, None, total)]
    size = min(options.stage_chunk_articles, -(-total // (4 * options.workers)))
    return [
        _Part(n, offsets[first], offsets[min(first + size, total)], min(size, total - first))
        for n, first in enumerate(range(0, total, size))
    ]


def _extracted_parts(staging: Path, parts: list[_Part], options: ExtractOptions):
    """Each part's output, in order: in this process, or from a pool of `options.workers`."""
    if len(parts) == 1:
        yield _extract_part(str(staging), parts[0], options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.extract.records import nlp

    nlp()  # loaded once here, so that forked workers share it instead of each loading it
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    workers = min(options.workers, len(parts))
    started = time.monotonic()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        futures = [pool.submit(_extract_part, str(staging), p, options) for p in parts]
        done = 0
        total = sum(p.records for p in parts)
        try:
            for part, future in zip(parts, futures, strict=True):
                yield future.result()
                done += part.records
                rate = done / (time.monotonic() - started)
                log.info("extracted %d/%d (%.1f docs/s, %d processes)", done, total, rate, workers)
        finally:  # a failed part fails the date: the parts not started yet are not run
            for future in futures:
                future.cancel()


def _part_records(clean: Path, part: _Part) -> Iterator[dict]:
    with open(clean, "rb") as f:
        f.seek(part.start)
        position = part.start
        for line in f:
            if part.end is not None and position >= part.end:
                return
            position += len(line)
            if line.strip():
                yield json.loads(line)


def _extract_part(staging: str, part: _Part, options: ExtractOptions) -> _PartOutput:
    """Extract one part of a staging dir's clean records (the nightly's, in its pool)."""
    staging = Path(staging)
    return extract_part_file(staging / CLEAN, part, staging, read_meta(staging)["date"], options)


def extract_part_file(
    source: Path, part: _Part, out: Path, date: str, options: ExtractOptions, prepare=None
) -> _PartOutput:
    """Extract one part's records of the JSONL file `source`: rows appended to its temporary
    Parquet files in `out` every `stage_chunk_articles` articles; returns what the day-level
    steps take of it besides the files. With `prepare`, the file's lines are (number, record)
    pairs to clean first: `prepare(record)` returns a clean record, or a reject row (it has a
    "stage")."""
    from collections import deque

    pending: deque[rows.Page] = deque()  # the pages of the records inside extraction, in order
    output = _PartOutput()

    def records() -> Iterator[dict]:
        for rec in _part_records(source, part):
            if prepare is not None:
                number, rec = rec
                rec = prepare(rec)
                if "stage" in rec:
                    output.clean_rejects.append((number, rec))
                    continue
            pending.append({k: rec.get(k) for k in rows.PAGE_FIELDS})
            yield rec

    chunk: dict[str, list[dict]] = {t: [] for t in EXTRACT_TABLES}
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        append = {
            t: stack.enter_context(store.table_writer(_chunks_file(out, t, part.number), t))
            for t in PART_TABLES
        }

        def flush() -> None:
            append["signatures"](_signature_rows(chunk["articles"], date))
            output.counts["signatures"] += len(chunk["articles"])
            for table, table_rows in chunk.items():
                append[table](table_rows)
                output.counts[table] += len(table_rows)
                table_rows.clear()

        # extraction yields one output per record, in order: each takes the oldest pending one
        for n, out_rec in enumerate(extract_records(records(), options), 1):
            rec = pending.popleft()
            if out_rec["status"] != "ok":
                output.rejects.append(
                    reject_row(
                        "extract", rec.get("source"), out_rec["reason"],
                        out_rec.get("detail") or "", rec.get("url"), out_rec["id"],
                    )
                )  # fmt: skip
                continue
            for table, new in rows.record_rows(out_rec, rec).items():
                chunk[table] += new
            if len(chunk["articles"]) >= options.stage_chunk_articles:
                flush()
            if n % PROGRESS_EVERY == 0:
                rate = n / (time.monotonic() - started)
                log.info("extracted %d/%d (%.1f docs/s)", n, part.records, rate)
        flush()
    return output


def _signature_rows(articles: list[dict], date: str) -> pa.Table:
    """The `signatures` rows of some articles: the MinHash of each text, and the date that
    orders the copies (its publication day, else the date's)."""
    from pipeline.dedup.articles import NUM_PERM, signature

    sigs = [signature(a["text"]) for a in articles]
    minhash = np.stack(sigs) if sigs else np.empty((0, NUM_PERM), np.uint32)
    offsets = pa.array(np.arange(len(sigs) + 1, dtype=np.int32) * NUM_PERM, pa.int32())
    day = dt.date.fromisoformat(date)
    return pa.Table.from_arrays(
        [
            pa.array([a["article_id"] for a in articles], pa.string()),
            pa.array([a["text_sha256"] for a in articles], pa.string()),
            pa.array([a["published"] or day for a in articles], pa.date32()),
            pa.ListArray.from_arrays(offsets, pa.array(minhash.reshape(-1), pa.uint32())),
            pa.nulls(len(articles), pa.string()),
        ],
        schema=schemas.schema("signatures"),
    )


def _finish_table(
    staging: Path, table: str, chunk_files: list[Path], dup_of: dict[str, str], event_ids: DayIds
) -> None:
    """The temporary chunks of `table` (the parts' files, in order) -> its staged file, with
    dup_of and event ids set (`finish_day` removes the chunks once every table is done)."""
    with store.table_writer(staging / f"{table}.parquet", table) as append:
        for number, chunks in enumerate(chunk_files):
            ids = event_ids.of_part(number) if table in ("events", "figures") else _NO_IDS
            with pq.ParquetFile(chunks) as parts:
                for group in range(parts.num_row_groups):
                    rows = parts.read_row_group(group, use_threads=False)
                    append(_with_day_ids(table, rows, dup_of, ids))


_NO_IDS = (pa.array([], pa.string()), pa.array([], pa.string()))


def _with_day_ids(table: str, part: pa.Table, dup_of: dict[str, str], event_ids):
    """`part` with `dup_of` set and, in events and figures, the clustered event ids
    (`event_ids`: the old and new ids of the part's events whose id changes)."""
    import pyarrow.compute as pc

    dups = pa.array([dup_of.get(a) for a in part.column("article_id").to_pylist()], pa.string())
    part = part.set_column(part.schema.get_field_index("dup_of"), "dup_of", dups)
    old, new = event_ids
    if table in ("events", "figures") and len(old):
        current = part.column("event_id")
        clustered = pc.coalesce(pc.take(new, pc.index_in(current, value_set=old)), current)
        # a syndicated copy's rows keep their own ids (marts count copies)
        ids = pc.if_else(pc.is_null(dups), clustered, current)
        part = part.set_column(part.schema.get_field_index("event_id"), "event_id", ids)
    return part


def _mark_duplicates(chunk_files: list[Path], meta: dict) -> dict[str, str]:
    """The day's articles (their signatures: the parts' temporary files `chunk_files`) that
    copy an earlier one, of the day itself or of the last `lookback_days` days: article_id ->
    dup_of. The stored days' signatures are read one date at a time, oldest first."""
    from pipeline.dedup.articles import (
        DedupOptions,
        SignatureFiles,
        Signatures,
        find_duplicates_in,
    )

    options = DedupOptions()
    day = dt.date.fromisoformat(meta["date"])
    dates = [(day - dt.timedelta(days=k)).isoformat() for k in range(options.lookback_days, 0, -1)]
    stored = (_stored_signatures(meta["data_dir"], d) for d in dates)
    # the ids, hashes and dates in memory, the signatures read from the files a chunk at a time
    ids = _read_chunks(chunk_files, "signatures", ["article_id", "text_sha256", "published"])
    with SignatureFiles(chunk_files) as signatures:
        today = Signatures(ids.column("article_id"), ids.column("text_sha256"),
                           ids.column("published"), signatures, [])  # fmt: skip
        del ids
        dup_of = find_duplicates_in(today, stored, options)
    if dup_of:
        log.info("dedup: %d of %d articles are copies of an earlier one", len(dup_of), len(today))
    return dup_of


def _stored_signatures(data_dir: str, date: str):
    from pipeline.dedup.articles import Signatures

    columns = [*_SIGNATURE_FIELDS, "dup_of"]
    return Signatures.from_arrow(store.read_partition(data_dir, "signatures", date, columns))


def _event_ids(
    chunk_files: list[Path], dup_of: dict[str, str], meta: dict, where: Path | None = None
) -> DayIds:
    """The clustered id of each of the day's events (the parts' temporary files `chunk_files`)
    whose id changes, by part (`DayIds`); a syndicated copy's keep their own (marts count
    copies).

    The day's events are clustered with the events stored for the days of the clustering
    window before the date (`pipeline.dedup.events`; a stored event keeps its id), a group of
    reports that may be clustered with each other at a time (`events.apart`): the events are
    read a batch at a time, once to find the groups, once to write each group's rows to a
    temporary file of its own (in `where`, by default the files' folder), and each group is
    clustered from its file. The memory grows with a group, not with the day and its window."""
    import pyarrow.compute as pc

    from pipeline.dedup.events import ClusterOptions, apart

    options = ClusterOptions()
    copies = pa.array(list(dup_of), pa.string())

    def batches() -> Iterator[pa.RecordBatch]:
        """The window's stored events, then the day's but syndicated copies' (`_SPILLED`)."""
        for batch in _stored_events(meta, options):
            yield _spilled(batch, part=-1, first=0)
        for number, chunks in enumerate(chunk_files):
            with pq.ParquetFile(chunks) as part:
                read = part.iter_batches(_BATCH, columns=list(_EVENT_FIELDS), use_threads=False)
                first = 0
                for batch in read:
                    rows = _spilled(batch, part=number, first=first)
                    first += batch.num_rows
                    if len(copies):
                        rows = rows.filter(
                            pc.invert(pc.is_in(rows.column("article_id"), value_set=copies))
                        )
                    yield rows

    groups = apart(_profiles(batches()))
    changed: list[pa.Table] = []
    if (groups >= 0).any():
        sizes = np.bincount(groups[groups >= 0])
        log.info("clustering: %d reports, %d of them in %d groups of up to %d",
                 len(groups), sizes.sum(), len(sizes), sizes.max())  # fmt: skip
        folder = where or (chunk_files[0].parent if chunk_files else None)
        with tempfile.TemporaryDirectory(prefix="clusters-", dir=folder) as tmp:
            files = _write_groups(batches(), groups, Path(tmp))
            del groups
            changed = [_clustered(path, options) for path in files]
    return DayIds(changed, chunk_files)


def _clustered(path: Path, options) -> pa.Table:
    """The part, row (in the part's file) and new id of the day's reports of one group's file
    whose id changes when the group is clustered, in the order of the parts."""
    from pipeline.dedup.events import cluster

    with pa.memory_map(str(path)) as source:
        group = pa.ipc.open_file(source).read_all()
    stored = group.column("stored").to_numpy(zero_copy_only=False)
    parts, positions = group.column("part").to_numpy(), group.column("row").to_numpy()
    reports = _reports(group, stored)
    del group
    clustered = cluster(reports, options)
    rows = [k for k, r in enumerate(reports)
            if not stored[k] and clustered[r.report_id] != r.report_id]  # fmt: skip
    new = pa.array([clustered[reports[k].report_id] for k in rows], pa.string())
    # a group's file has its rows in the order of the parts: so has this table
    return pa.table({
        "part": pa.array(parts[rows], pa.int32()), "row": pa.array(positions[rows], pa.int32()),
        "new": new.dictionary_encode(),
    })  # fmt: skip


class DayIds:
    """The day's events whose clustered id is not their own, kept as each group's part, row
    and new id (an index into the group's distinct ids): no Python object, and no id string,
    per event. `of_part` gives one part's old and new ids, the old read from the part's
    events file (`event_files`, in order)."""

    def __init__(self, changed: list[pa.Table], event_files: list[Path]) -> None:
        self.changed = [t for t in changed if t.num_rows]
        self.parts = [t.column("part").to_numpy() for t in self.changed]
        self.event_files = list(event_files)

    def __len__(self) -> int:
        return sum(t.num_rows for t in self.changed)

    def of_part(self, number: int) -> tuple[pa.Array, pa.Array]:
        rows, new = [], []
        for table, parts in zip(self.changed, self.parts, strict=True):
            lo, hi = np.searchsorted(parts, [number, number + 1]).tolist()
            if hi > lo:
                rows.append(table.column("row").slice(lo, hi - lo))
                new.append(table.column("new").slice(lo, hi - lo).cast(pa.string()))
        if not rows:
            return _NO_IDS
        with pq.ParquetFile(self.event_files[number]) as part:
            own = part.read(columns=["event_id"], use_threads=False).column("event_id")
        positions = pa.chunked_array([c for r in rows for c in r.chunks], pa.int32())
        return (
            own.take(positions).combine_chunks(),
            pa.chunked_array([c for n in new for c in n.chunks], pa.string()).combine_chunks(),
        )


_BATCH = 1 << 14  # events read at once
# the clustering's columns, whether the row is stored, and the number of the day's part file
# and the row's in it
_SPILLED = pa.schema(
    [schemas.schema("events").field(c) for c in _EVENT_FIELDS]
    + [pa.field("stored", pa.bool_()), pa.field("part", pa.int32()), pa.field("row", pa.int32())]
)


def _spilled(batch: pa.RecordBatch, part: int, first: int) -> pa.RecordBatch:
    """`batch` with `stored`, `part` (-1: a stored event) and `row` (from `first` on)."""
    columns = [batch.column(c) for c in _EVENT_FIELDS]
    n = batch.num_rows
    where = [
        np.full(n, part < 0),
        np.full(n, part, np.int32),
        np.arange(first, first + n, dtype=np.int32),
    ]
    return pa.RecordBatch.from_arrays([*columns, *map(pa.array, where)], schema=_SPILLED)


def _write_groups(batches, groups: np.ndarray, tmp: Path) -> list[Path]:
    """Each group's rows (`groups`: each row's group, -1 for none) to a file of its own."""
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
    start = 0
    try:
        for batch in batches:
            numbers = groups[start : start + batch.num_rows]
            start += batch.num_rows
            for number in np.unique(numbers[numbers >= 0]).tolist():
                if number not in writers:
                    writers[number] = pa.ipc.new_file(str(tmp / f"group-{number}.arrow"), _SPILLED)
                writers[number].write_batch(batch.filter(pa.array(numbers == number)))
    finally:
        for writer in writers.values():
            writer.close()
    return [tmp / f"group-{number}.arrow" for number in sorted(writers)]


def _stored_events(meta: dict, options) -> Iterator[pa.RecordBatch]:
    """The clustering's columns of the events stored for the days of the clustering window
    before the date, but syndicated copies' (their rows keep their own ids)."""
    import pyarrow.compute as pc

    day = dt.date.fromisoformat(meta["date"])
    since = (day - dt.timedelta(days=options.window_days + options.undated_slack_days)).isoformat()
    window = (pc.field("date") >= since) & (pc.field("date") < meta["date"])
    window &= pc.field("dup_of").is_null()
    yield from store.scan_columns(meta["data_dir"], "events", list(_EVENT_FIELDS), filter=window)


def _profiles(batches) -> Iterator[tuple[tuple, str | None]]:
    """Each report's (type, location, admin1, country, actors) and stored event id (None for
    the day's), a batch of rows at a time (each repeated value of a batch one object)."""
    for batch in batches:
        columns = [_shared_values(batch.column(c))
                   for c in ("type", "location", "admin1", "country", "actors")]  # fmt: skip
        stored = batch.column("stored").to_pylist()
        if any(stored):  # only a stored report's event id is read
            ids = batch.column("event_id").to_pylist()
            events = [e if old else None for e, old in zip(ids, stored, strict=True)]
        else:
            events = [None] * batch.num_rows
        yield from zip(zip(*columns, strict=True), events, strict=True)


def _reports(events: pa.Table, stored: np.ndarray) -> list:
    """Event reports from the clustering's columns of `events` (`stored`: which rows are
    stored reports), each repeated value (a type, a place, a date, an actor list) one shared
    object. A stored report keeps its event's id."""
    from pipeline.dedup.events import EventReport

    columns = [_shared_values(events.column(c)) for c in _EVENT_FIELDS]
    out = []
    for old, eid, aid, kind, date, precision, location, country, actors, admin1 in zip(
        stored.tolist(), *columns, strict=True
    ):
        if old:
            out.append(EventReport(f"stored:{eid}:{aid}", aid, kind, date, precision,
                                   location, country, actors, eid, admin1))  # fmt: skip
        else:
            out.append(EventReport(eid, aid, kind, date, precision, location, country, actors,
                                   None, admin1))  # fmt: skip
    return out


def _shared_values(column: pa.ChunkedArray) -> list:
    """A column's values as Python objects, one object for each distinct value (a list value
    becomes a tuple)."""
    if pa.types.is_list(column.type):
        pool: dict = {}
        return [pool.setdefault(t, t) for t in map(_as_tuple, column.to_pylist())]
    return store.shared_values(column)


def _as_tuple(actors) -> tuple:
    return tuple(actors or ())
