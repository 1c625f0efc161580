"""Store: Hive-partitioned Parquet tables under the data directory.

Layout: `DIR/<table>/date=YYYY-MM-DD/part-0.parquet`. Writing a date replaces that date's
partition as a whole: the new file is written beside it and swapped in with renames, so a reader
sees the old partition or the new one, a crash leaves the old one, and rerunning a date gives the
same rows, never duplicates. Staging (work in progress of a run) lives under `DIR/_staging/`
and is only moved into the tables by `commit_partitions`.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schemas

PARQUET_OPTIONS = {"compression": "zstd"}


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


def commit_partitions(data_dir: str | Path, date: str, files: dict[str, str]) -> dict[str, str]:
    """Swap each staged table file into its partition for `date`; returns the partition paths."""
    return {t: str(replace_partition(data_dir, t, date, f)) for t, f in files.items()}


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


def read_columns(data_dir: str | Path, table: str, columns: list[str], filter=None) -> pa.Table:
    """Some columns of every partition of `table`, with its `date`; empty when there is none."""
    import pyarrow.dataset as ds

    root = Path(data_dir) / table
    if not has_partitions(data_dir, table):
        fields = [schemas.schema(table).field(c) for c in columns] + [pa.field("date", pa.string())]
        return pa.schema(fields).empty_table()
    part = ds.partitioning(pa.schema([pa.field("date", pa.string())]), flavor="hive")
    dataset = ds.dataset(
        root, format="parquet", partitioning=part, schema=schemas.schema(table).append(
            pa.field("date", pa.string())
        ), exclude_invalid_files=True,
    )  # fmt: skip
    return dataset.to_table(columns=[*columns, "date"], filter=filter)
