"""Events: what happened, where, when, who did it to whom; one record per event the text reports.

`find_events` ties the steps together: each sentence is read (detect: is an event reported, its
type by classify, its roles, its date), the sentences are grouped into events (group), and each
group becomes an Event with the type of its whole passage by precedence (classify), a date
(date), a place (place), and actor1 and actor2 with their kinds (roles). Two groups of the same
type, day and place are one event.

Order: the first-reported violent event first (scorers and analysts take events[0] as the main
event), then the others in the order the text reports them. A protest reported first stays the
main event; talks and strategic developments reported first give way to the first violent event
that its own sentences date, unless it is background (dated over a month before publication).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.events.classify import VIOLENT_TYPES, classify, head_stands, precedence
from pipeline.extract.events.date import carry_dates, days_between, event_date
from pipeline.extract.events.detect import Marks, kind_of, read_sentence
from pipeline.extract.events.group import Group, group_sentences
from pipeline.extract.events.place import locate
from pipeline.extract.events.roles import Roles, as_crowd, name_actors
from pipeline.extract.events.sides import as_side
from pipeline.vocabulary import ActorKind, EventType


@dataclass
class Event:
    """One event, as the contract writes it (`as_contract`)."""

    type: EventType
    sub_type: str | None
    date: str | None
    date_precision: str | None
    location: str | None
    country: str | None
    actors: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    actor1: str | None = None  # who acted (its kind: actor1_kind)
    actor2: str | None = None  # against whom (its kind: actor2_kind)
    geo_precision: int | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    stated_date: bool = False  # its own sentences date it (not the sentences before)
    admin1: str | None = None  # from the place linker, where known
    latitude: float | None = None
    longitude: float | None = None
    actor1_kind: ActorKind | None = None
    actor2_kind: ActorKind | None = None

    def as_contract(self) -> dict:
        return {
            "type": self.type,
            "sub_type": self.sub_type,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location,
            "geo_precision": self.geo_precision,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "country": self.country,
            "actor1": self.actor1,
            "actor1_kind": self.actor1_kind,
            "actor2": self.actor2,
            "actor2_kind": self.actor2_kind,
            "actors": self.actors,
            "span": list(self.span),
        }


def find_events(text, sentences, entities, published, title=None, doc=None) -> list[Event]:
    """The events the article reports, the main (first-reported violent) one first."""
    if not sentences:
        return []
    memo: dict[tuple[int, bool], int] = {}  # per token of `doc`: see detect._hedge_distance
    marks = Marks(doc) if doc is not None else None
    parsed = [read_sentence(text, s, e, doc, published, memo, marks) for s, e in sentences]
    carry_dates(parsed)
    groups = group_sentences(text, sentences, parsed)
    events = [
        _build(text, g, parsed, sentences, entities, published, title, doc, i == 0)
        for i, g in enumerate(groups)
    ]
    events = _dedupe(events)
    violent = [
        ev
        for ev in events
        if ev.type in VIOLENT_TYPES and ev.stated_date and not _background(ev, published)
    ]
    # a protest reported first stays the main event; talks and arrests give way to violence
    if violent and events[0].type in (EventType.DIPLOMACY, EventType.STRATEGIC):
        events.remove(violent[0])
        events.insert(0, violent[0])
    return events


def _background(ev: Event, published: str | None) -> bool:
    """An event dated over a month before publication is background, never the main event."""
    gap = days_between(ev.date, published)
    return gap is not None and gap > 31 and ev.date_precision != "week"


def _build(text, group: Group, parsed, sentences, entities, published, title, doc, first) -> Event:
    infos = [parsed[sentences.index(se)] for se in group.sentences]
    kind = _kind(text, group, infos, doc, title, first)
    date, precision = event_date(infos, published)
    location, country, precision_geo, place = locate(entities, group.sentences, text)
    actor1, actor2 = name_actors(entities, infos, text)
    actor1 = as_crowd(actor1, kind[0])  # "residents" who protest are protesters
    # "UWL activists" who attack are a political militia (events.codebook); whom a militia
    # attacks stays a civilian, whom it fights is one too
    actor1 = as_side(actor1, kind[0])
    actor2 = as_side(actor2, kind[0]) if kind[0] == EventType.BATTLES else actor2
    # who acted and who suffered; the other names of the sentence are in `entities`
    actors = [a.name for a in (actor1, actor2) if a is not None]
    return Event(
        kind[0], kind[1], date, precision, location, country, actors,
        (group.start, group.end), actor1 and actor1.name, actor2 and actor2.name, precision_geo,
        group.sentences, any(i["date"] for i in infos),
        getattr(place, "admin1", None), getattr(place, "latitude", None),
        getattr(place, "longitude", None), actor1 and actor1.kind, actor2 and actor2.kind,
    )  # fmt: skip


def _kind(text, group: Group, infos, doc, title, first) -> tuple[str, str]:
    """The event's type: its first sentence's, or its whole passage's where that ranks higher
    (classify.precedence); the first event's, where it is not violent, its headline's when the
    headline names violence."""
    passage = text[group.start : group.end]
    roles = Roles()
    for i in infos:
        if i["roles"]:
            roles.agents += i["roles"].agents
            roles.targets += i["roles"].targets
    head = group.kind
    only = infos[0] if len(infos) == 1 else None
    if head_stands(head):
        kind = head  # what the whole passage reads as would not change it
    elif (
        only is not None
        and (group.start, group.end) == group.sentences[0]
        and (doc is None or only["roles"] is not None)
    ):
        # the same passage with the same roles: classify already read it
        kind = precedence(head, kind_of(only))
    else:
        kind = precedence(head, classify(passage, roles if doc is not None else None))
    if first and title and kind[0] not in VIOLENT_TYPES:
        # a headline can name the violence that a quiet first sentence leaves out
        with_title = classify(f"{title}\n{passage}")
        if with_title and with_title[0] in VIOLENT_TYPES and head[0] != EventType.DIPLOMACY:
            kind = with_title
    return kind


def _dedupe(events: list[Event]) -> list[Event]:
    """Two groups that are the same event (same type, date and place) are one."""
    out: list[Event] = []
    for ev in events:
        same = next(
            (
                o
                for o in out
                if o.type == ev.type
                and o.date == ev.date
                and (o.location == ev.location or not ev.location)
                and o.date_precision == ev.date_precision == "day"
            ),
            None,
        )
        if same is None:
            out.append(ev)
        else:
            same.sentences += ev.sentences
            same.actors += [a for a in ev.actors if a not in same.actors]
    return out
