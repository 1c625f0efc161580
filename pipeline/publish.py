"""Publish: the DuckDB file analysts open, audited by the data checks before it is swapped in.

Write-audit-publish, in three steps that the `news_publish` DAG runs as three tasks:

1. `stage`: freeze the Parquet partitions as a *snapshot* (hard links under
   `DIR/_published/<publish id>/`, no copying) and build a candidate file beside `news.duckdb`:
   one view per `sql/views` file over the snapshot, one per `sql/marts` file computed once and
   stored inside the file (marts are small aggregates; `make bench` measures the gain), and the
   data dictionary as `COMMENT ON` every view and column.
2. `audit`: run every `sql/checks/*.sql` against the candidate; any row is a failure, logged
   with its rows, and the candidate is thrown away: the published file stays as it was.
3. `swap`: `os.replace` the candidate over `news.duckdb` and drop snapshots no file points at.

A reader that holds the old file open keeps reading the old snapshot (its partitions are hard
links, so rewriting a partition never changes them); a new connection opens the new file; nothing
ever opens a half-built one. Paths in the views are absolute, so the file opens from any working
directory; if the data directory is moved, the views over Parquet fail ("No files found") until
`pipeline publish --data-dir NEW` rebuilds them, while the marts stored inside still answer.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline import schemas, store
from pipeline.settings import SQL_DIR

log = logging.getLogger(__name__)

DB_NAME = "news.duckdb"
SNAPSHOTS = "_published"
# a snapshot is removed once it is older than KEEP_SNAPSHOT_AGE and KEEP_SNAPSHOTS newer ones
# exist: a reader may hold a file open that long, or that many publishes (backfills publish often)
KEEP_SNAPSHOTS = 3
KEEP_SNAPSHOT_AGE = dt.timedelta(hours=24)
MART_PREFIX = "_mart_"
_SOURCE = re.compile(r"\{source:(\w+)\}")
_DOC_VIEW = re.compile(r"^--\s*@view:\s*(.+)$", re.M)
_DOC_COLUMN = re.compile(r"^--\s*@column\s+(\w+):\s*(.+)$", re.M)
_CREATE_VIEW = re.compile(r"create\s+or\s+replace\s+view\s+(\w+)\s+as", re.I)


def db_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / DB_NAME


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# --- models: the SQL files ------------------------------------------------------------------


@dataclass
class Model:
    path: Path
    name: str
    sql: str
    materialized: bool  # a mart: computed once at publish and stored in the file

    @property
    def sources(self) -> set[str]:
        return set(_SOURCE.findall(self.sql))


def _view_name(sql: str) -> str:
    m = _CREATE_VIEW.search(sql)
    if not m:
        raise ValueError("a model file must define one view (create or replace view NAME as)")
    return m.group(1)


def models() -> list[Model]:
    """Every model, staging views and marts, in dependency order (a model comes after the models
    it names)."""
    found = [
        Model(p, _view_name(p.read_text("utf-8")), p.read_text("utf-8"), kind == "marts")
        for kind in ("views", "marts")
        for p in sorted((SQL_DIR / kind).glob("*.sql"))
    ]
    by_name = {m.name: m for m in found}
    body = {m.name: _CREATE_VIEW.split(m.sql, maxsplit=1)[-1] for m in found}
    deps = {
        m.name: {o for o in by_name if o != m.name and re.search(rf"\b{o}\b", body[m.name])}
        for m in found
    }
    ordered: list[Model] = []
    done: set[str] = set()

    def visit(name: str, stack: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in stack:
            raise ValueError(f"models refer to each other in a cycle: {' -> '.join(stack)}")
        for dep in sorted(deps[name]):
            visit(dep, (*stack, name))
        done.add(name)
        ordered.append(by_name[name])

    for m in found:
        visit(m.name, ())
    return ordered


def model_files() -> list[Path]:
    return [m.path for m in models()]


def _comments(sql: str, view: str, kind: str = "view") -> list[str]:
    out = []
    doc = _DOC_VIEW.search(sql)
    if doc:
        out.append(f"comment on {kind} {view} is {_sql_string(doc.group(1).strip())}")
    for col, desc in _DOC_COLUMN.findall(sql):
        out.append(f'comment on column {view}."{col}" is {_sql_string(desc.strip())}')
    return out


# --- snapshots of the Parquet tables --------------------------------------------------------


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # a file system without hard links: a copy keeps the same guarantee
        shutil.copy2(src, dst)


def snapshot(data_dir: Path, tables: set[str], publish_id: str) -> Path:
    """Freeze the current partitions of `tables` under DIR/_published/<publish_id>/ as hard
    links: a partition rewritten later gets a new file, the snapshot keeps the old one."""
    root = data_dir / SNAPSHOTS / publish_id
    for table in sorted(tables):
        for part in sorted((data_dir / table).glob("date=*")):
            files = sorted(part.glob("*.parquet"))
            if not files:
                continue
            target = root / table / part.name
            target.mkdir(parents=True, exist_ok=True)
            for f in files:
                _link_or_copy(f, target / f.name)
    root.mkdir(parents=True, exist_ok=True)
    return root


def _source_relation(snapshot_dir: Path, table: str) -> str:
    if store.has_partitions(snapshot_dir, table):
        glob = str(snapshot_dir.resolve() / table / "date=*" / "*.parquet")
        return (
            f"read_parquet({_sql_string(glob)}, hive_partitioning = true, union_by_name = true, "
            "hive_types = {'date': date})"
        )
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


def _render(sql: str, snapshot_dir: Path) -> str:
    return _SOURCE.sub(lambda m: _source_relation(snapshot_dir, m.group(1)), sql)


def _statements(
    model: Model, snapshot_dir: Path, materialize: bool, self_contained: bool = False
) -> list[str]:
    sql = _render(model.sql, snapshot_dir)
    if not ((model.materialized or self_contained) and materialize):
        return [sql]
    # the mart's rows are stored in a table; the view analysts query reads it
    table = MART_PREFIX + model.name
    stored = _CREATE_VIEW.sub(f"create or replace table {table} as", sql, count=1)
    return [stored, f"create or replace view {model.name} as select * from {table}"]


# --- build, audit, swap ---------------------------------------------------------------------


def build(
    data_dir: str | Path, target: str | Path, snapshot_dir: str | Path | None = None,
    materialize: bool = True, self_contained: bool = False, origin: str | None = None,
) -> list[str]:  # fmt: skip
    """Create every view (and its comments) in a new DuckDB file at `target`, over the Parquet
    files of `snapshot_dir` (the live tables of `data_dir` when None). `self_contained` stores
    every view's rows in the file (as marts are), so it reads no Parquet file once built (a data
    directory on object storage is built from a local copy); `origin` is the data directory
    named in the publication view, when not `data_dir`."""
    data_dir = Path(data_dir).resolve()
    source = Path(snapshot_dir).resolve() if snapshot_dir else data_dir
    views = []
    con = duckdb.connect(str(target))
    try:
        for model in models():
            for stmt in _statements(model, source, materialize, self_contained):
                con.execute(stmt)
            for stmt in _comments(model.sql, model.name):
                con.execute(stmt)
            if (
                model.materialized or self_contained
            ) and materialize:  # the stored rows carry the same dictionary
                for stmt in _comments(model.sql, MART_PREFIX + model.name, kind="table"):
                    con.execute(stmt)
            views.append(model.name)
        _write_publication(con, origin or data_dir, source)
        con.execute("checkpoint")
    finally:
        con.close()
    return views


def _write_publication(con, data_dir: Path | str, source: Path) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute(
        "create or replace table _publication as select ?::timestamp as published_at, "
        "?::varchar as data_dir, ?::varchar as snapshot",
        [now, str(data_dir), str(source)],
    )
    con.execute("create or replace view publication as select * from _publication")
    con.execute(
        "comment on view publication is 'When and from what this file was published (one row)'"
    )
    con.execute("comment on table _publication is 'stored row of the view publication'")
    for col, desc in (
        ("published_at", "when this file was built (UTC)"),
        ("data_dir", "data directory it was built from (absolute path)"),
        ("snapshot", "frozen copy (hard links) of the Parquet partitions the views read"),
    ):
        for rel in ("publication", "_publication"):
            con.execute(f"comment on column {rel}.{col} is {_sql_string(desc)}")


def new_publish_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid.uuid4().hex[:6]


def _candidate_path(data_dir: Path, publish_id: str) -> Path:
    return data_dir / f".{DB_NAME}.{publish_id}.tmp"


def _publish_id_of(candidate: Path) -> str:
    return candidate.name.removeprefix(f".{DB_NAME}.").removesuffix(".tmp")


def source_tables() -> set[str]:
    """The Parquet tables the views read."""
    return set().union(*(m.sources for m in models()))


def stage(data_dir: str | Path, self_contained: bool = False, origin: str | None = None) -> Path:
    """Write: snapshot the partitions and build a candidate file; returns its path (see
    `build` for `self_contained` and `origin`)."""
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    store.finish_interrupted_commits(data_dir)  # never snapshot a date half swapped in
    publish_id = new_publish_id()
    snap = snapshot(data_dir, source_tables(), publish_id)
    candidate = _candidate_path(data_dir, publish_id)
    try:
        build(data_dir, candidate, snap, self_contained=self_contained, origin=origin)
    except BaseException:
        _discard(candidate)
        raise
    return candidate


@dataclass
class CheckResult:
    name: str
    description: str
    failing_rows: int
    sample: list[tuple]
    columns: list[str] = field(default_factory=list)


class ChecksFailed(RuntimeError):
    """Data checks returned rows: the candidate was not published."""

    def __init__(self, failing: list[CheckResult]):
        self.failing = failing
        lines = [
            f"{r.name}: {r.failing_rows} rows, e.g. {r.sample[:3]} ({r.description})"
            for r in failing
        ]
        super().__init__("data checks failed, the previous publish stays:\n" + "\n".join(lines))


def check_files() -> list[Path]:
    return sorted((SQL_DIR / "checks").glob("*.sql"))


def run_checks_on(db: str | Path, sample: int = 20) -> list[CheckResult]:
    """Run each sql/checks/*.sql against the DuckDB file `db`; a check passes with no rows."""
    results = []
    con = open_read_only(db)
    try:
        for path in check_files():
            sql = path.read_text(encoding="utf-8")
            desc = " ".join(
                line.removeprefix("--").strip()
                for line in sql.splitlines()
                if line.startswith("--")
            )
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
            results.append(CheckResult(path.stem, desc, len(rows), rows[:sample], cols))
    finally:
        con.close()
    return results


def run_checks(data_dir: str | Path) -> list[CheckResult]:
    """The checks against the published file."""
    return run_checks_on(db_path(data_dir))


def audit(candidate: str | Path) -> list[CheckResult]:
    """Audit: run the checks on the candidate. When one returns rows, log them, throw the
    candidate away and raise ChecksFailed (the published file is untouched)."""
    candidate = Path(candidate)
    results = run_checks_on(candidate)
    for r in results:
        log.info("check %-36s %s", r.name, "ok" if not r.failing_rows else f"{r.failing_rows} rows")
    failing = [r for r in results if r.failing_rows]
    if failing:
        for r in failing:
            log.error("check %s failed with %d rows (%s)", r.name, r.failing_rows, r.description)
            for row in r.sample:
                log.error("  %s: %s", r.name, dict(zip(r.columns, row, strict=True)))
        _discard(candidate)
        raise ChecksFailed(failing)
    return results


def swap(candidate: str | Path) -> Path:
    """Publish: move the audited candidate over news.duckdb, then drop old snapshots."""
    candidate = Path(candidate)
    final = candidate.parent / DB_NAME
    with open(candidate, "rb") as f:
        os.fsync(f.fileno())
    os.replace(candidate, final)
    prune_snapshots(candidate.parent, keep={_publish_id_of(candidate)})
    return final


def publish(data_dir: str | Path, check: bool = True) -> Path:
    """Write, audit, publish: build a candidate, run the checks on it, swap it in."""
    candidate = stage(data_dir)
    if check:
        audit(candidate)
    return swap(candidate)


def _discard(candidate: Path) -> None:
    for leftover in (candidate, candidate.with_name(candidate.name + ".wal")):
        leftover.unlink(missing_ok=True)
    snap = candidate.parent / SNAPSHOTS / _publish_id_of(candidate)
    shutil.rmtree(snap, ignore_errors=True)


def _snapshot_time(publish_id: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(publish_id.split("-")[0], "%Y%m%dT%H%M%S%fZ").replace(
            tzinfo=dt.UTC
        )
    except ValueError:
        return None


def prune_snapshots(
    data_dir: str | Path, keep: set[str] = frozenset(), now: dt.datetime | None = None
) -> list[str]:
    """Remove the snapshots no reader should still need: not in `keep`, not among the newest
    KEEP_SNAPSHOTS + 1, older than KEEP_SNAPSHOT_AGE, and not of a candidate still being built
    or audited (its .tmp file exists). A candidate untouched for KEEP_SNAPSHOT_AGE was left by
    a killed publish: it is removed with its snapshot."""
    root = Path(data_dir) / SNAPSHOTS
    if not root.is_dir():
        return []
    now = now or dt.datetime.now(dt.UTC)
    in_flight = set()
    for candidate in Path(data_dir).glob(f".{DB_NAME}.*.tmp"):
        touched = dt.datetime.fromtimestamp(candidate.stat().st_mtime, dt.UTC)
        if now - touched > KEEP_SNAPSHOT_AGE:  # left by a publish that was killed: abandoned
            log.warning("removing the abandoned candidate %s and its snapshot", candidate.name)
            _discard(candidate)
        else:
            in_flight.add(_publish_id_of(candidate))
    ids = sorted((p.name for p in root.iterdir() if p.is_dir()), reverse=True)
    protected = set(keep) | set(ids[: KEEP_SNAPSHOTS + 1]) | in_flight
    removed = []
    for i in ids:
        made = _snapshot_time(i)
        if i in protected or (made is not None and now - made < KEEP_SNAPSHOT_AGE):
            continue
        shutil.rmtree(root / i, ignore_errors=True)
        removed.append(i)
    return removed


# --- reading --------------------------------------------------------------------------------


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the DuckDB file at `path`, as it is now.

    `duckdb.connect(path)` reuses a database instance of the same path already open in this
    process, so after a publish it would keep showing the old file; attaching the file to a fresh
    in-memory instance opens whatever file the path names at this moment."""
    con = duckdb.connect()
    try:
        con.execute(f"attach {_sql_string(str(Path(path).resolve()))} as news (read_only)")
        con.execute("use news")
    except BaseException:
        con.close()
        raise
    return con


def connect(data_dir: str | Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the published file (many readers may hold one at once)."""
    path = db_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run `pipeline nightly` or `backfill` first"
        )
    return open_read_only(path)


def query(data_dir: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    con = connect(data_dir)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, cur.fetchall()
    finally:
        con.close()


EXPORT_FORMATS = {
    "csv": "(format csv, header true)",
    "json": "(format json, array true)",
    "parquet": "(format parquet, compression zstd)",
}


def export(data_dir: str | Path, sql: str, fmt: str, out: str | Path) -> int:
    """Write the result of `sql` to `out` as csv, json (one array) or parquet; returns the row
    count. DuckDB writes the file, so types survive (dates, lists, nested values)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {sorted(EXPORT_FORMATS)}")
    body = sql.strip().rstrip(";")
    out = Path(out).resolve()
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
    con = connect(data_dir)
    try:
        con.execute(f"copy ({body}) to {_sql_string(str(tmp))} {EXPORT_FORMATS[fmt]}")
        reader = {"csv": "read_csv", "json": "read_json", "parquet": "read_parquet"}[fmt]
        n = con.execute(f"select count(*) from {reader}({_sql_string(str(tmp))})").fetchone()[0]
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
        con.close()
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
