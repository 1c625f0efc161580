"""Publish: the DuckDB file analysts open, and the data-quality checks run against it.

`DIR/news.duckdb` holds views (sql/views, sql/marts) over the Parquet tables, with the data
dictionary as `COMMENT ON` every view and column. It is built as a new file and moved over the old
one with `os.replace`, so an analyst (or a crash) never sees a half-built database. A table with no
partition yet is an empty relation of the right shape, so every view exists from the first run.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import schemas, store
from pipeline.settings import SQL_DIR

DB_NAME = "news.duckdb"
_SOURCE = re.compile(r"\{source:(\w+)\}")
_DOC_VIEW = re.compile(r"^--\s*@view:\s*(.+)$", re.M)
_DOC_COLUMN = re.compile(r"^--\s*@column\s+(\w+):\s*(.+)$", re.M)


def db_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / DB_NAME


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _source_relation(data_dir: Path, table: str) -> str:
    if store.has_partitions(data_dir, table):
        glob = store.table_glob(data_dir, table)
        return f"read_parquet({_sql_string(glob)}, hive_partitioning = true, union_by_name = true, hive_types = {{'date': date}})"
    # no data yet: an empty relation with the table's columns and the partition column
    cols = ", ".join(
        f"cast(null as {duckdb_type}) as {name}"
        for name, duckdb_type in [*_duckdb_types(table), ("date", "DATE")]
    )
    return f"(select {cols} where false)"


def _duckdb_types(table: str) -> list[tuple[str, str]]:
    con = duckdb.connect()
    rel = con.from_arrow(schemas.schema(table).empty_table())
    types = [(name, str(t)) for name, t in zip(rel.columns, rel.types, strict=True)]
    con.close()
    return types


def model_files() -> list[Path]:
    """View definitions in dependency order: staging views first, then marts."""
    return sorted((SQL_DIR / "views").glob("*.sql")) + sorted((SQL_DIR / "marts").glob("*.sql"))


def _render(sql: str, data_dir: Path) -> str:
    return _SOURCE.sub(lambda m: _source_relation(data_dir, m.group(1)), sql)


def _view_name(sql: str) -> str:
    m = re.search(r"create or replace view\s+(\w+)", sql, re.I)
    if not m:
        raise ValueError("a model file must define one view")
    return m.group(1)


def _comments(sql: str, view: str) -> list[str]:
    out = []
    doc = _DOC_VIEW.search(sql)
    if doc:
        out.append(f"comment on view {view} is {_sql_string(doc.group(1).strip())}")
    for col, desc in _DOC_COLUMN.findall(sql):
        out.append(f'comment on column {view}."{col}" is {_sql_string(desc.strip())}')
    return out


def build(data_dir: str | Path, target: str | Path) -> list[str]:
    """Create every view (and its comments) in a new DuckDB file at `target`."""
    data_dir = Path(data_dir).resolve()
    views = []
    con = duckdb.connect(str(target))
    try:
        for path in model_files():
            sql = path.read_text(encoding="utf-8")
            view = _view_name(sql)
            con.execute(_render(sql, data_dir))
            for stmt in _comments(sql, view):
                con.execute(stmt)
            views.append(view)
    finally:
        con.close()
    return views


def publish(data_dir: str | Path) -> Path:
    """Build a fresh news.duckdb beside the old one, check it opens, then swap it in."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    final = db_path(data_dir)
    tmp = data_dir / f".{DB_NAME}.{uuid.uuid4().hex}.tmp"
    try:
        build(data_dir, tmp)
        os.replace(tmp, final)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            if leftover.exists():
                leftover.unlink()
    return final


@dataclass
class CheckResult:
    name: str
    description: str
    failing_rows: int
    sample: list[tuple]


def run_checks(data_dir: str | Path) -> list[CheckResult]:
    """Run each sql/checks/*.sql against the published file; a check passes with no rows."""
    results = []
    con = connect(data_dir)
    try:
        for path in sorted((SQL_DIR / "checks").glob("*.sql")):
            sql = path.read_text(encoding="utf-8")
            desc = " ".join(
                line.removeprefix("--").strip()
                for line in sql.splitlines()
                if line.startswith("--")
            )
            rows = con.execute(sql).fetchall()
            results.append(CheckResult(path.stem, desc, len(rows), rows[:5]))
    finally:
        con.close()
    return results


def connect(data_dir: str | Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the published file (many readers may hold one at once)."""
    path = db_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run `pipeline nightly` or `backfill` first"
        )
    return duckdb.connect(str(path), read_only=True)


def query(data_dir: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    con = connect(data_dir)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()
    finally:
        con.close()


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
