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
import pyarrow as pa

from pipeline import schemas, store
from pipeline.settings import SQL_DIR
from pipeline.vocabulary import render

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
        Model(p, _view_name(p.read_text("utf-8")), render(p.read_text("utf-8")), kind == "marts")
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


def _source_relation(snapshot_dir: Path, table: str, held_back: bool = False) -> str:
    """The rows of a Parquet table in the snapshot, with every column of its schema: partitions
    written before a column was added read it as null (and a column added later in some
    partitions is read in all, `union_by_name`). With `held_back`, without the rows the content
    checks put in `_quarantine` (which must exist in the file by then)."""
    # an empty relation with the table's columns and the partition column
    cols = ", ".join(
        f"cast(null as {duckdb_type}) as {name}"
        for name, duckdb_type in [*_duckdb_types(table), ("date", "DATE")]
    )
    empty = f"(select {cols} where false)"
    if not store.has_partitions(snapshot_dir, table):  # no data yet
        return empty
    glob = str(snapshot_dir.resolve() / table / "date=*" / "*.parquet")
    parquet = (
        f"(select * from read_parquet({_sql_string(glob)}, hive_partitioning = true, "
        f"union_by_name = true, hive_types = {{'date': date}}) union all by name {empty})"
    )
    if not (held_back and table in QUARANTINE_IDS):
        return parquet
    return (
        f"(select * from {parquet} as s where not exists (select 1 from {QUARANTINE_TABLE} q "
        f"where q.table_name = {_sql_string(table)} and q.row_id = s.{QUARANTINE_IDS[table]} "
        "and q.article_id = s.article_id))"
    )


def _duckdb_types(table: str) -> list[tuple[str, str]]:
    con = duckdb.connect()
    rel = con.from_arrow(schemas.schema(table).empty_table())
    types = [(name, str(t)) for name, t in zip(rel.columns, rel.types, strict=True)]
    con.close()
    return types


def _render(sql: str, snapshot_dir: Path, held_back: bool = True) -> str:
    return _SOURCE.sub(lambda m: _source_relation(snapshot_dir, m.group(1), held_back), sql)


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
        hold_back(con, source)
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


# --- data checks: block the publish, or hold rows back ----------------------------------------

BLOCK, QUARANTINE = "block", "quarantine"
_SEVERITY = re.compile(r"^--\s*severity:\s*(\w+)\s*$", re.M)
QUARANTINE_TABLE = "_quarantine"
# the views whose rows a content check may hold back, and the column that names a row (an event
# row is its event_id with its article_id: every report of one event shares the event_id)
QUARANTINE_IDS = {"events": "event_id", "figures": "figure_id"}
QUARANTINE_COLUMNS = ("table_name", "row_id", "article_id", "reason", "date")


@dataclass(frozen=True)
class Check:
    """One sql/checks file. Its header says its severity: `block` (a structural fault the code
    guarantees against: the publish stops) or `quarantine` (a content fault of some rows: they
    are left out of the views and listed in `quarantine`, returning QUARANTINE_COLUMNS)."""

    path: Path
    severity: str

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def sql(self) -> str:
        return render(self.path.read_text(encoding="utf-8"))

    @property
    def description(self) -> str:
        return " ".join(
            line.removeprefix("--").strip()
            for line in self.sql.splitlines()
            if line.startswith("--") and not _SEVERITY.match(line)
        )


def checks(severity: str | None = None) -> list[Check]:
    """The check files (of one severity); a file without a valid severity header is an error."""
    found = []
    for path in check_files():
        m = _SEVERITY.search(path.read_text(encoding="utf-8"))
        if not m or m.group(1) not in (BLOCK, QUARANTINE):
            raise ValueError(f"{path}: the header must say '-- severity: block' or 'quarantine'")
        found.append(Check(path, m.group(1)))
    return [c for c in found if severity in (None, c.severity)]


def hold_back(con: duckdb.DuckDBPyConnection, snapshot_dir: Path) -> dict[str, int]:
    """Run the quarantine checks on the snapshot's rows and store what they return in
    `_quarantine`, with the figures of every held-back event row; the views built after it
    leave those rows out. Returns the rows held back per check."""
    con.execute(
        f"create or replace table {QUARANTINE_TABLE} (check_name varchar, table_name varchar, "
        'row_id varchar, article_id varchar, reason varchar, "date" date)'
    )
    # the views of every row, for the checks; the build replaces them with the checked views
    for model in models():
        if not model.materialized:
            con.execute(_render(model.sql, snapshot_dir, held_back=False))
    for check in checks(QUARANTINE):
        cols = ", ".join(f'"{c}"' for c in QUARANTINE_COLUMNS)
        con.execute(
            f"insert into {QUARANTINE_TABLE} select {_sql_string(check.name)}, {cols} "
            f"from ({check.sql.strip().rstrip(';')})"
        )
    unknown = con.execute(
        f"select distinct table_name from {QUARANTINE_TABLE} "
        "where table_name not in (select unnest(?))",
        [list(QUARANTINE_IDS)],
    ).fetchall()
    if unknown:
        raise ValueError(f"a quarantine check named views it cannot hold rows of: {unknown}")
    # a held-back event row takes its figures with it: they would point at nothing
    con.execute(
        f"""insert into {QUARANTINE_TABLE}
        select distinct q.check_name, 'figures', f.figure_id, f.article_id,
               'its event ' || q.row_id || ' is held back: ' || q.reason, f."date"
        from figures f
        join {QUARANTINE_TABLE} q
          on q.table_name = 'events' and q.row_id = f.event_id and q.article_id = f.article_id
        where not exists (
            select 1 from {QUARANTINE_TABLE} h
            where h.check_name = q.check_name and h.table_name = 'figures'
              and h.row_id = f.figure_id and h.article_id = f.article_id)"""
    )
    counts = dict(
        con.execute(
            f"select check_name, count(*) from {QUARANTINE_TABLE} group by 1 order by 1"
        ).fetchall()
    )
    for name, n in counts.items():
        log.warning("quarantine: %s held back %d rows (see the quarantine view)", name, n)
    # the table carries the dictionary of the quarantine view that shows it
    doc = next(m for m in models() if m.name == "quarantine")
    for stmt in _comments(doc.sql, QUARANTINE_TABLE, kind="table"):
        con.execute(stmt)
    return counts


def quarantined(db: str | Path) -> dict[str, int]:
    """Rows held back per check in a built (candidate or published) file."""
    con = open_read_only(db)
    try:
        return dict(
            con.execute(
                f"select check_name, count(*) from {QUARANTINE_TABLE} group by 1 order by 1"
            ).fetchall()
        )
    finally:
        con.close()


@dataclass
class CheckResult:
    name: str
    description: str
    failing_rows: int
    sample: list[tuple]
    columns: list[str] = field(default_factory=list)
    severity: str = BLOCK


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


def run_checks_on(
    db: str | Path, sample: int = 20, severity: str | None = None
) -> list[CheckResult]:
    """Run each sql/checks/*.sql (of one severity) against the DuckDB file `db`; a check passes
    with no rows. On a built file the quarantine checks pass: their rows are not in the views."""
    results = []
    con = open_read_only(db)
    try:
        for check in checks(severity):
            cur = con.execute(check.sql)
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
            results.append(
                CheckResult(check.name, check.description, len(rows), rows[:sample], cols,
                            check.severity)
            )  # fmt: skip
    finally:
        con.close()
    return results


def run_checks(data_dir: str | Path) -> list[CheckResult]:
    """The checks against the published file."""
    return run_checks_on(db_path(data_dir))


def audit(candidate: str | Path) -> list[CheckResult]:
    """Audit: run the blocking checks on the candidate. When one returns rows, log them, throw
    the candidate away and raise ChecksFailed (the published file is untouched). The rows the
    quarantine checks held back when the candidate was built are logged per check."""
    candidate = Path(candidate)
    for name, n in quarantined(candidate).items():
        log.info("check %-36s %d rows held back (quarantine)", name, n)
    results = run_checks_on(candidate, severity=BLOCK)
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


# --- reading: queries only ------------------------------------------------------------------

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
        con.execute(f"attach {_sql_string(str(Path(path).resolve()))} as news (read_only)")
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
        con.execute(f"set allowed_directories = [{', '.join(map(_sql_string, allowed))}]")
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
            writer.execute(f"copy result to {_sql_string(str(part))} {EXPORT_FORMATS[fmt]}")
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
