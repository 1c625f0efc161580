"""Build: every model of `sql/` created in a new DuckDB file over a snapshot of the Parquet
tables, with the data dictionary as `COMMENT ON` every view and column.

A staging view reads its Parquet table with every column of the table's schema (partitions
written before a column was added read it as null); a mart is computed once and its rows stored
in the file. Before any view is built, the quarantine checks run on the snapshot's rows and what
they return is stored in `_quarantine` (`hold_back`): every view and mart is then built without
those rows, and the `quarantine` view lists them with their check and reason.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import duckdb

from pipeline import schemas, store
from pipeline.publish.data_checks import (
    QUARANTINE,
    QUARANTINE_COLUMNS,
    QUARANTINE_IDS,
    QUARANTINE_TABLE,
    checks,
)
from pipeline.publish.sql_models import (
    CREATE_VIEW,
    MART_PREFIX,
    SOURCE,
    Model,
    comments,
    models,
    sql_literal,
)

log = logging.getLogger(__name__)


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
        f"(select * from read_parquet({sql_literal(glob)}, hive_partitioning = true, "
        f"union_by_name = true, hive_types = {{'date': date}}) union all by name {empty})"
    )
    if not (held_back and table in QUARANTINE_IDS):
        return parquet
    return (
        f"(select * from {parquet} as s where not exists (select 1 from {QUARANTINE_TABLE} q "
        f"where q.table_name = {sql_literal(table)} and q.row_id = s.{QUARANTINE_IDS[table]} "
        "and q.article_id = s.article_id))"
    )


def _duckdb_types(table: str) -> list[tuple[str, str]]:
    con = duckdb.connect()
    rel = con.from_arrow(schemas.schema(table).empty_table())
    types = [(name, str(t)) for name, t in zip(rel.columns, rel.types, strict=True)]
    con.close()
    return types


def _render(sql: str, snapshot_dir: Path, held_back: bool = True) -> str:
    return SOURCE.sub(lambda m: _source_relation(snapshot_dir, m.group(1), held_back), sql)


def _statements(
    model: Model, snapshot_dir: Path, materialize: bool, self_contained: bool = False
) -> list[str]:
    sql = _render(model.sql, snapshot_dir)
    if not ((model.materialized or self_contained) and materialize):
        return [sql]
    # the mart's rows are stored in a table; the view analysts query reads it
    table = MART_PREFIX + model.name
    stored = CREATE_VIEW.sub(f"create or replace table {table} as", sql, count=1)
    return [stored, f"create or replace view {model.name} as select * from {table}"]


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    """The columns of a view or table just created in the file `con` builds."""
    rows = con.execute(
        "select column_name from duckdb_columns() where database_name = current_database() "
        "and schema_name = current_schema() and table_name = ? order by column_index",
        [relation],
    ).fetchall()
    return [name for (name,) in rows]


def _comment(
    con: duckdb.DuckDBPyConnection, model: Model, relation: str, kind: str = "view"
) -> None:
    for stmt in comments(model, relation, _columns(con, relation), kind):
        con.execute(stmt)


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
            _comment(con, model, model.name)
            if (
                model.materialized or self_contained
            ) and materialize:  # the stored rows carry the same dictionary
                _comment(con, model, MART_PREFIX + model.name, kind="table")
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
            con.execute(f"comment on column {rel}.{col} is {sql_literal(desc)}")


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
            f"insert into {QUARANTINE_TABLE} select {sql_literal(check.name)}, {cols} "
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
    _comment(con, doc, QUARANTINE_TABLE, kind="table")
    return counts
