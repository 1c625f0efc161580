"""Reading the published file: queries only, for `pipeline query`, the report, analysts'
`publish.connect` and the audit alike.

A read-only connection runs a query and nothing else (see ReadOnlyConnection), and opens the file
the path names at the moment it connects, so a reader that keeps a connection reads one
publication throughout while a new connection sees the newest. Exports stream the rows of a
query into a file that appears whole or not at all.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.publish.sql_models import sql_literal

DB_NAME = "news.duckdb"


def db_path(data_dir: str | Path) -> Path:
    """The published file of a data directory."""
    return Path(data_dir) / DB_NAME


# what a read-only connection runs: SELECT (with WITH, FROM-first, VALUES, DESCRIBE, SHOW and
# SUMMARIZE, which DuckDB parses as SELECT) and EXPLAIN; COPY, ATTACH, DETACH, USE, SET, CREATE,
# INSERT, CALL, EXPORT and the rest are refused before DuckDB sees them
READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})


class ReadOnlyError(PermissionError):
    """A statement that could write was refused: the published file is opened for queries."""


def refuse_writes(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise ReadOnlyError unless every statement of `sql` is a query (ValueError when there is
    none; DuckDB's own ParserException when it does not parse)."""
    if not isinstance(sql, str) or not sql.strip():
        raise ValueError("no SQL statement given")
    statements = con.extract_statements(sql)
    if not statements:
        raise ValueError("no SQL statement given (only comments or semicolons)")
    for statement in statements:
        if statement.type not in READ_STATEMENTS:
            kind = str(statement.type).rsplit(".", 1)[-1]
            raise ReadOnlyError(
                f"{kind} refused: the published file is read-only, only queries run on it "
                "(SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); to save a "
                "result, use `pipeline query --format csv|json|parquet --out FILE`"
            )


class ReadOnlyConnection:
    """A connection to a published file that runs queries only.

    Two locks: every statement is checked to be a query (`refuse_writes`), and DuckDB itself is
    configured so that it could not write anyway: the file is attached read-only, DuckDB may
    open no file outside the snapshot the views read (`enable_external_access = false` with
    `allowed_directories`), extensions are neither installed nor loaded, and the configuration
    is locked. It offers `execute` and the fetch methods of a DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con

    def execute(self, sql: str, parameters=None) -> ReadOnlyConnection:
        refuse_writes(self._con, sql)
        self._con.execute(sql, parameters)
        return self

    @property
    def description(self):
        return self._con.description

    def fetchall(self) -> list[tuple]:
        return self._con.fetchall()

    def fetchone(self) -> tuple | None:
        return self._con.fetchone()

    def fetchmany(self, size: int = 1) -> list[tuple]:
        return self._con.fetchmany(size)

    def to_arrow_table(self):
        return self._con.to_arrow_table()

    def stream(self, sql: str, batch_size: int = 100_000):
        """The result of a query as an Arrow RecordBatchReader: its rows are read as they are
        consumed, never all held at once."""
        refuse_writes(self._con, sql)
        return self._con.sql(sql).to_arrow_reader(batch_size)

    def fetchdf(self):
        return self._con.fetchdf()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> ReadOnlyConnection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_read_only(path: str | Path) -> ReadOnlyConnection:
    """A read-only connection to the DuckDB file at `path`, as it is now (see
    ReadOnlyConnection for what it refuses).

    `duckdb.connect(path)` reuses a database instance of the same path already open in this
    process, so after a publish it would keep showing the old file; attaching the file to a fresh
    in-memory instance opens whatever file the path names at this moment."""
    con = duckdb.connect(
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )
    try:
        con.execute(f"attach {sql_literal(str(Path(path).resolve()))} as news (read_only)")
        con.execute("use news")
        # the views read the snapshot's Parquet files: the one directory DuckDB may open
        has_snapshot = con.execute(
            "select count(*) from duckdb_tables() where database_name = 'news' "
            "and table_name = '_publication'"
        ).fetchall()[0][0]
        snapshot = (
            con.execute("select snapshot from _publication").fetchall() if has_snapshot else []
        )
        allowed = [str(Path(row[0])) + os.sep for row in snapshot if row[0]]
        con.execute(f"set allowed_directories = [{', '.join(map(sql_literal, allowed))}]")
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return ReadOnlyConnection(con)


def connect(data_dir: str | Path) -> ReadOnlyConnection:
    """Read-only connection to the published file (many readers may hold one at once)."""
    path = db_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run `pipeline nightly` or `backfill` first"
        )
    return open_read_only(path)


def query(data_dir: str | Path, sql: str, params=None) -> tuple[list[str], list[tuple]]:
    """Columns and rows of a query on the published file (queries only: see ReadOnlyConnection)."""
    with connect(data_dir) as con:
        cur = con.execute(sql, params)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()


EXPORT_FORMATS = {
    "csv": "(format csv, header true)",
    "json": "(format json, array true)",
    "parquet": "(format parquet, compression zstd)",
}


def export(data_dir: str | Path, sql: str, fmt: str, out: str | Path | None) -> int:
    """Write the result of `sql` to `out` (None: standard output) as csv, json (one array) or
    parquet; returns the row count. The query runs read-only; its rows stream, as Arrow
    batches, into a second DuckDB that has no data of its own and writes the file, so types
    survive (dates, lists, nested values). The file appears whole or not at all."""
    import sys
    import tempfile

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {sorted(EXPORT_FORMATS)}")
    target = Path(out).resolve() if out is not None else None
    if target is not None and not target.parent.is_dir():
        raise FileNotFoundError(f"cannot write {out}: the folder {target.parent} does not exist")
    with (
        connect(data_dir) as con,
        tempfile.TemporaryDirectory(
            prefix=".export-", dir=target.parent if target else None
        ) as tmp,
    ):
        batches = con.stream(sql)
        n = 0

        def counted():
            nonlocal n
            for batch in batches:
                n += batch.num_rows
                yield batch

        part = Path(tmp) / f"result.{fmt}"
        writer = duckdb.connect()
        try:
            writer.register("result", pa.RecordBatchReader.from_batches(batches.schema, counted()))
            writer.execute(f"copy result to {sql_literal(str(part))} {EXPORT_FORMATS[fmt]}")
        finally:
            writer.close()
        if target is None:
            with open(part, "rb") as f:
                shutil.copyfileobj(f, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            os.replace(part, target)
    return n


def format_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """A plain-text table: numbers right-aligned, cells cut at `max_width` characters."""

    def cell(v) -> str:
        s = "" if v is None else str(v).replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    numeric = [
        all(isinstance(r[i], int | float) or r[i] is None for r in rows) and bool(rows)
        for i in range(len(columns))
    ]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return " | ".join(parts).rstrip()

    out = [line(list(columns)), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
