"""The extraction contract's output, declared: the JSON object `pipeline extract` writes for each
input record (CONTRACT.md describes it for people), and what a run turns into table rows
(`pipeline.runs.rows`, one builder per table).

An output is a `Record` (status "ok": the clean text and what was extracted from it, every span
an offset pair into that text) or a `Rejected` line (the reason the record was refused). The
vocabularies' values are spelled in `pipeline.vocabulary`; a field typed with one of its enums
holds a member or the member's string, which are equal.
"""

# no `from __future__ import annotations` here: a TypedDict reads NotRequired at runtime
from typing import Literal, NotRequired, TypedDict

from pipeline.vocabulary import (
    ActorKind,
    DatePrecision,
    EntityType,
    EventType,
    FigureCategory,
    GeoPrecision,
    Qualifier,
    Relevance,
    Scope,
)

# [start, end) character offsets into the record's text
Span = list[int]


class Entity(TypedDict):
    """One real-world thing the text names, with every mention of it folded in."""

    id: str  # stable across articles: the same canonical name, type and country give the same id
    name: str  # canonical name, the same string for every mention in the record
    type: EntityType
    kind: ActorKind  # named, or a generic actor named by its role
    country: str | None  # ISO 3166-1 alpha-3 of the place, or of the country it belongs to
    admin1: str | None  # first-level administrative unit of a place, where known
    latitude: float | None
    longitude: float | None
    mentions: list[Span]


class Report(TypedDict):
    """One account of a count that sources give differently."""

    best: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    source: str | None
    span: Span


class Figure(TypedDict):
    """A number of people the text states were killed, injured, displaced..."""

    category: FigureCategory
    best: int  # the stated number; the low end of a range
    low: int
    high: int | None  # null: open-ended ("more than 40")
    qualifier: Qualifier
    who: str | None  # victim group as written
    scope: Scope  # incident (this event) or cumulative (a running total: never added)
    as_of: str | None  # date the figure refers to, when stated (YYYY, YYYY-MM, YYYY-MM-DD)
    source: str | None  # who is quoted for the figure
    span: Span  # the words that state it
    event: int | None  # index into the record's events
    # when accounts disagree ("other sources report 2"), each account folded into this figure:
    # its number, qualifier, source and evidence; best is then the lowest account, high the highest
    reports: NotRequired[list[Report]]


class Event(TypedDict):
    """An incident the text reports."""

    type: EventType
    sub_type: str | None  # finer type (vocabulary.SUB_TYPES)
    date: str | None  # ISO date, resolved against the publication date
    date_precision: DatePrecision
    location: str | None  # place name as written
    geo_precision: GeoPrecision | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO 3166-1 alpha-3
    actor1: str | None  # who acted: an entity's canonical name or a generic phrase
    actor1_kind: ActorKind | None  # its kind: named, state_forces, armed_group, ...
    actor2: str | None  # against whom
    actor2_kind: ActorKind | None
    actors: list[str]
    span: Span  # the sentence that describes it


class Record(TypedDict):
    """The output of a record that passed: its clean text and what was extracted from it."""

    id: str
    status: Literal["ok"]
    reason: None
    url: str | None
    title: str | None
    published: str | None  # ISO date
    published_from: str | None  # where the date came from: input | page | feed | url | crawl
    language: str | None  # ISO 639-1
    text: str  # every span points into it
    author: str | None
    site_name: str | None
    canonical_url: str | None
    entities: list[Entity]
    figures: list[Figure]
    events: list[Event]
    # does the text report an incident, and of which kind; a "none" record has no events and no
    # figures. The three relevance fields are absent when extraction was skipped
    relevance: NotRequired[Relevance]
    relevance_score: NotRequired[float]  # 0..1
    relevance_evidence: NotRequired[list[Span]]  # the sentences that decided it
    # "skipped: unsupported_language": kept with its language, nothing extracted
    extraction: NotRequired[str]


class Rejected(TypedDict):
    """The output of a record that was refused, with why."""

    id: str | None
    status: Literal["rejected"]
    reason: str  # empty, not_article, too_large, bad_record, clean_error, extract_error, ...
    detail: str | None


Output = Record | Rejected
