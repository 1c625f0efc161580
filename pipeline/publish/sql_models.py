"""The models of the published file: one view per `sql/views` file (a staging view over one
Parquet table, `{source:TABLE}`), one per `sql/marts` file (computed once at publish and stored),
in the order they refer to each other, with the data dictionary they carry.

The dictionary of a model is its `-- @view:` line and one description per column: a column the
view passes through unchanged from its Parquet table is described in `pipeline.schemas` (the one
place a stored column is described), every other column by the file's `-- @column NAME:` line
(what the view derives or renames, and every column of a mart). A column is never described in
both places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import schemas
from pipeline.settings import SQL_DIR
from pipeline.vocabulary import render

MART_PREFIX = "_mart_"
SOURCE = re.compile(r"\{source:(\w+)\}")
CREATE_VIEW = re.compile(r"create\s+or\s+replace\s+view\s+(\w+)\s+as", re.I)
_DOC_VIEW = re.compile(r"^--\s*@view:\s*(.+)$", re.M)
_DOC_COLUMN = re.compile(r"^--\s*@column\s+(\w+):\s*(.+)$", re.M)


def sql_literal(value: str) -> str:
    """`value` as a SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Model:
    path: Path
    name: str
    sql: str
    materialized: bool  # a mart: computed once at publish and stored in the file

    @property
    def sources(self) -> set[str]:
        """The Parquet tables the model reads."""
        return set(SOURCE.findall(self.sql))

    @property
    def own_columns(self) -> dict[str, str]:
        """Column -> description, of the columns the file describes (`-- @column`)."""
        return {col: desc.strip() for col, desc in _DOC_COLUMN.findall(self.sql)}

    @property
    def passed_columns(self) -> dict[str, str]:
        """Column -> description (from pipeline.schemas), of the columns of the Parquet tables
        the model reads: a view column of the same name passes that column through."""
        return {
            col: desc for table in sorted(self.sources)
            for col, desc in schemas.descriptions(table).items()
        }  # fmt: skip

    def column_docs(self, columns: list[str]) -> dict[str, str]:
        """The description of each of `columns` (the view's) that has one: its `-- @column`
        line, else that of the stored column it passes through. Raises ValueError when the file
        describes a column its Parquet table describes already."""
        own, passed = self.own_columns, self.passed_columns
        twice = sorted(set(own) & set(passed))
        if twice:
            raise ValueError(
                f"{self.path.name}: {twice} pass through from a Parquet table: describe them in "
                "pipeline/schemas.py only, not with -- @column"
            )
        docs = {c: passed[c] for c in columns if c in passed}
        return {**own, **docs}


def _view_name(sql: str) -> str:
    m = CREATE_VIEW.search(sql)
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
    body = {m.name: CREATE_VIEW.split(m.sql, maxsplit=1)[-1] for m in found}
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


def source_tables() -> set[str]:
    """The Parquet tables the views read."""
    return set().union(*(m.sources for m in models()))


def comments(model: Model, relation: str, columns: list[str], kind: str = "view") -> list[str]:
    """The COMMENT ON statements of `relation` (the model's view, or a table holding its rows),
    whose columns are `columns`."""
    out = []
    doc = _DOC_VIEW.search(model.sql)
    if doc:
        out.append(f"comment on {kind} {relation} is {sql_literal(doc.group(1).strip())}")
    for col, desc in model.column_docs(columns).items():
        out.append(f'comment on column {relation}."{col}" is {sql_literal(desc)}')
    return out
