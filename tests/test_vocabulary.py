"""One vocabulary: every value of the data is spelled in pipeline/vocabulary.py, and what checks
or documents the values is generated from it."""

from __future__ import annotations

import re

from pipeline import schemas, vocabulary
from pipeline.publish import checks, models
from pipeline.settings import REPO_ROOT


def test_the_vocabulary_doc_is_written_from_the_enums():
    doc = (REPO_ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    assert doc == vocabulary.markdown(), "run: python -m pipeline.vocabulary > docs/vocabulary.md"


def test_the_accepted_values_check_lists_no_value_by_hand():
    raw = (REPO_ROOT / "sql" / "checks" / "accepted_values.sql").read_text(encoding="utf-8")
    assert "Violence against" not in raw and "'killed'" not in raw
    rendered = next(c for c in checks() if c.name == "accepted_values").sql
    for name in vocabulary.VOCABULARIES:
        assert vocabulary.sql_list(name) in rendered, name


def test_column_comments_name_the_values_from_the_enums():
    # the comments come from the SQL files and, for stored columns, from pipeline/schemas.py
    docs = "\n".join(
        [m.sql for m in models()]
        + [d for table in schemas.TABLES for d in schemas.descriptions(table).values()]
    )
    assert "{values:" not in docs and "{vocabulary:" not in docs
    assert " | ".join(vocabulary.values("FigureCategory")) in docs
    assert " | ".join(vocabulary.values("EventType")) in docs


def test_a_new_value_reaches_the_check_and_the_comments(monkeypatch):
    class Category(vocabulary.StrEnum):
        KILLED = "killed"
        HOSTAGE = "hostage"

    monkeypatch.setitem(vocabulary.VOCABULARIES, "FigureCategory", Category)
    rendered = next(c for c in checks() if c.name == "accepted_values").sql
    assert "('killed', 'hostage')" in rendered
    assert "killed | hostage" in vocabulary.render("-- @column category: {values:FigureCategory}")
    assert schemas.descriptions("figures")["category"] == "killed | hostage"


def test_every_event_type_has_its_sub_types():
    assert set(vocabulary.SUB_TYPES) == set(vocabulary.EventType)
    for subs in vocabulary.SUB_TYPES.values():
        assert subs and all(re.fullmatch(r"[A-Z][\w/ -]+", s) for s in subs)
