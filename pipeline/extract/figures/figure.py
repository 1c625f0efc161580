"""One casualty figure as the stage reports it: what was counted, how many, in what scope,
and the offsets of the words that state it."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.vocabulary import FigureCategory, Qualifier, Scope


@dataclass
class Figure:
    category: FigureCategory
    best: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    who: str | None
    scope: Scope
    as_of: str | None
    source: str | None
    span: tuple[int, int]
    update: bool = False
    hit: bool = False  # "were shot": hit by gunfire, fate unstated (see reconcile.resolve_shot)
    part: bool = False  # "two of the victims died": part of a group counted elsewhere
    counted_at: int | None = None  # where its count starts, when it was read from one
    event: int | None = None
    # the accounts folded into this figure when sources disagree (see `accounts`), else None
    reports: list[dict] | None = None

    def as_contract(self) -> dict:
        return {
            "category": self.category,
            "best": self.best,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "who": self.who,
            "scope": self.scope,
            "as_of": self.as_of,
            "source": self.source,
            "span": list(self.span),
            "event": self.event,
            "reports": self.reports or [],
        }
