"""Table rows from the contract's output: one builder per table that extraction fills.

A builder takes a `contract.Record` and returns the rows of its table (`pipeline.schemas`).
A column that has the name of a field of the contract's record, entity, figure or event is that
field, copied as it is (`shared`; a field the output lacks is null); the builder writes only the
columns it derives: ids, the evidence text of a span, dates parsed, what the article row takes
from the page (`Page`), and `dup_of`, which the day-level dedup sets. So a column added to an
extracted table under the name of its new contract field needs no change here.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TypedDict

from pipeline import schemas
from pipeline.contract import Entity, Event, Figure, Record
from pipeline.extract.dates import parse_iso


class Page(TypedDict):
    """What the article row takes from the staged clean record rather than from the output
    (the run knows where the page came from; the output is of its text)."""

    url: str | None
    source: str | None
    author: str | None
    site_name: str | None
    canonical_url: str | None
    published_from: str | None


PAGE_FIELDS = tuple(Page.__annotations__)


@cache
def shared(table: str, shape: type) -> tuple[str, ...]:
    """The columns of `table` that are fields of the contract's `shape`, by name."""
    return tuple(c for c in schemas.columns(table) if c in shape.__annotations__)


def article_row(out: Record, page: Page) -> dict:
    text = out["text"]
    return {
        **{k: out.get(k) for k in shared("articles", Record)},
        "article_id": out["id"], "url": page.get("url"), "source": page.get("source"),
        "title": out.get("title"), "author": page.get("author"),
        "site_name": page.get("site_name"), "canonical_url": page.get("canonical_url"),
        "published": parse_iso(out.get("published")),
        "published_from": page.get("published_from"), "language": out.get("language"),
        "status": "ok" if out.get("extraction") is None else "non_english",
        "text": text, "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "dup_of": None,
    }  # fmt: skip


def entity_rows(out: Record) -> list[dict]:
    aid, copied = out["id"], shared("entities", Entity)
    return [
        {**{k: e.get(k) for k in copied}, "entity_id": f"{aid}#e{i}", "article_id": aid,
         "canonical_id": e["id"], "mention_count": len(e["mentions"])}
        for i, e in enumerate(out["entities"])
    ]  # fmt: skip


def figure_rows(out: Record) -> list[dict]:
    aid, text, copied = out["id"], out["text"], shared("figures", Figure)
    return [
        {**{k: f.get(k) for k in copied}, "figure_id": f"{aid}#f{i}", "article_id": aid,
         "evidence": text[f["span"][0] : f["span"][1]],
         "event_id": None if f["event"] is None else f"{aid}#v{f['event']}"}
        for i, f in enumerate(out["figures"])
    ]  # fmt: skip


def event_rows(out: Record) -> list[dict]:
    aid, text, copied = out["id"], out["text"], shared("events", Event)
    return [
        {**{k: ev.get(k) for k in copied}, "event_id": f"{aid}#v{i}", "article_id": aid,
         "event_date": parse_iso(ev["date"]), "evidence": text[ev["span"][0] : ev["span"][1]]}
        for i, ev in enumerate(out["events"])
    ]  # fmt: skip


def record_rows(out: Record, page: Page) -> dict[str, list[dict]]:
    """Every row an extracted record makes, by table."""
    return {
        "articles": [article_row(out, page)],
        "entities": entity_rows(out),
        "figures": figure_rows(out),
        "events": event_rows(out),
    }
