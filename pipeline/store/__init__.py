"""Store: Hive-partitioned Parquet tables under the data directory.

Layout: `DIR/<table>/date=YYYY-MM-DD/part-0.parquet`. Writing a date replaces that date's
partition as a whole: the new file is written beside it and swapped in with renames, so a reader
sees the old partition or the new one, a crash leaves the old one, and rerunning a date gives the
same rows, never duplicates. Staging (work in progress of a run) lives under `DIR/_staging/`
and is only moved into the tables by `commit_partitions`, whose journal (`DIR/_commits/`) lets a
commit that a crash cut short between two tables be finished before anything is published.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schemas

log = logging.getLogger(__name__)

PARQUET_OPTIONS = {"compression": "zstd"}
COMMITS = "_commits"  # journals of commits in progress


def partition_dir(data_dir: str | Path, table: str, date: str) -> Path:
    return Path(data_dir) / table / f"date={date}"


def staging_dir(data_dir: str | Path, run_id: str, date: str) -> Path:
    return Path(data_dir) / "_staging" / f"{date}-{run_id}"


def write_table(path: str | Path, table: str, rows: list[dict] | pa.Table) -> Path:
    """Write rows of `table` as one Parquet file at `path` (atomically: temp file + rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = rows if isinstance(rows, pa.Table) else schemas.to_table(table, rows)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(data, tmp, **PARQUET_OPTIONS)
    os.replace(tmp, path)
    return path


@contextlib.contextmanager
def table_writer(path: str | Path, table: str) -> Iterator[Callable[[pa.Table], None]]:
    """Write `table` at `path` piece by piece: the context gives a function that appends an Arrow
    table (or a list of rows) of its schema, one row group each. The file appears at `path`
    when the context ends without an error (temp file + rename), with no row if nothing came."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sch = schemas.schema(table)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    writer = pq.ParquetWriter(tmp, sch, **PARQUET_OPTIONS)

    def append(data: pa.Table | list[dict]) -> None:
        data = data if isinstance(data, pa.Table) else schemas.to_table(table, data)
        if data.num_rows:
            writer.write_table(data.cast(sch) if data.schema != sch else data)

    try:
        yield append
        writer.close()
        os.replace(tmp, path)
    finally:
        writer.close()
        tmp.unlink(missing_ok=True)


def read_table(path: str | Path, table: str) -> pa.Table:
    path = Path(path)
    if not path.exists():
        return schemas.schema(table).empty_table()
    return pq.read_table(path, schema=schemas.schema(table))


def replace_partition(data_dir: str | Path, table: str, date: str, file: str | Path) -> Path:
    """Make `file` the whole partition of `table` for `date`, replacing what was there.
    A partition is one file, swapped in with `os.replace` (atomic on one file system): a reader
    sees the old rows or the new ones, and a crash leaves the old ones."""
    final = partition_dir(data_dir, table, date)
    final.mkdir(parents=True, exist_ok=True)
    target = final / "part-0.parquet"
    incoming = final / f".part-0.parquet.{uuid.uuid4().hex}.tmp"
    shutil.copyfile(file, incoming)
    with open(incoming, "rb") as f:
        os.fsync(f.fileno())
    os.replace(incoming, target)
    for other in final.iterdir():  # leftovers of a crash, or of an older layout
        if other.name != target.name and other.name.endswith((".parquet", ".tmp")):
            other.unlink(missing_ok=True)
    return final


def _journal(data_dir: str | Path, date: str) -> Path:
    return Path(data_dir) / COMMITS / f"{date}.json"


def commit_partitions(data_dir: str | Path, date: str, files: dict[str, str]) -> dict[str, str]:
    """Swap each staged table file into its partition for `date`; returns the partition paths.

    Each table's swap is atomic, the set of them is made so by a journal: it names the staged
    files before the first swap and is removed after the last, so a commit that a crash cut
    short is finished by `finish_interrupted_commits` (the staged files outlive the commit)."""
    journal = _journal(data_dir, date)
    journal.parent.mkdir(parents=True, exist_ok=True)
    entry = {"date": date, "files": {t: str(Path(f).resolve()) for t, f in files.items()}}
    tmp = journal.with_name(f".{journal.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(entry))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, journal)
    committed = {t: str(replace_partition(data_dir, t, date, f)) for t, f in files.items()}
    journal.unlink(missing_ok=True)
    return committed


def finish_interrupted_commits(data_dir: str | Path) -> list[str]:
    """Roll forward the commits a crash cut short (some tables swapped, some not), so no date is
    ever read half old, half new; returns their dates. Publishing calls it first."""
    finished = []
    for journal in sorted((Path(data_dir) / COMMITS).glob("*.json")):
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            files = entry["files"]
            if all(Path(f).exists() for f in files.values()):
                for table, f in files.items():
                    replace_partition(data_dir, table, entry["date"], f)
                finished.append(entry["date"])
                log.warning("finished the interrupted commit of %s", entry["date"])
            elif journal.exists():  # not a commit that just ended: its staged files are gone
                log.error("%s: staged files gone, rerun %s", journal, entry.get("date"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.error("interrupted commit %s not finished: %s", journal, exc)
            continue
        journal.unlink(missing_ok=True)
    return finished


def table_glob(data_dir: str | Path, table: str) -> str:
    return str(Path(data_dir).resolve() / table / "date=*" / "*.parquet")


def has_partitions(data_dir: str | Path, table: str) -> bool:
    root = Path(data_dir) / table
    return root.is_dir() and any(root.glob("date=*/*.parquet"))


def list_dates(data_dir: str | Path, table: str) -> list[str]:
    root = Path(data_dir) / table
    if not root.is_dir():
        return []
    return sorted(p.name.split("=", 1)[1] for p in root.glob("date=*") if p.is_dir())


def read_partition(data_dir: str | Path, table: str, date: str, columns: list[str]) -> pa.Table:
    """Some columns of one date's partition of `table`; empty when there is none. Read in this
    thread: the day-level steps' buffers come from one heap, which each phase reuses."""
    path = partition_dir(data_dir, table, date) / "part-0.parquet"
    if not path.exists():
        return schemas.schema(table).empty_table().select(columns)
    return pq.read_table(path, columns=columns, schema=schemas.schema(table), use_threads=False)


def shared_values(column: pa.ChunkedArray | pa.Array) -> list:
    """A column's values as Python objects, one object for each distinct value (a big day's
    repeated places, dates and types are not one object per row)."""
    encoded = (
        column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    ).dictionary_encode()
    values = encoded.dictionary.to_pylist()
    return [None if i is None else values[i] for i in encoded.indices.to_pylist()]


def read_columns(data_dir: str | Path, table: str, columns: list[str], filter=None) -> pa.Table:
    """Some columns of every partition of `table`, with its `date`; empty when there is none."""
    dataset = _partitions(data_dir, table)
    if dataset is None:
        fields = [schemas.schema(table).field(c) for c in columns] + [pa.field("date", pa.string())]
        return pa.schema(fields).empty_table()
    return dataset.to_table(columns=[*columns, "date"], filter=filter)


def scan_columns(data_dir: str | Path, table: str, columns: list[str], filter=None):
    """`read_columns` a batch of rows at a time (record batches, without `date`), read in this
    thread (see `read_partition`)."""
    dataset = _partitions(data_dir, table)
    if dataset is not None:
        yield from dataset.to_batches(columns=columns, filter=filter, use_threads=False)


def _partitions(data_dir: str | Path, table: str):
    import pyarrow.dataset as ds

    if not has_partitions(data_dir, table):
        return None
    part = ds.partitioning(pa.schema([pa.field("date", pa.string())]), flavor="hive")
    return ds.dataset(
        Path(data_dir) / table, format="parquet", partitioning=part,
        schema=schemas.schema(table).append(pa.field("date", pa.string())),
        exclude_invalid_files=True,
    )  # fmt: skip
