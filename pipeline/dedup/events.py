"""Cross-article event clustering: every report of one event gets the same `event_id`.

Two event reports (rows of the events table, from different articles) are the same event when

- they have the same type;
- their dates are at most `window_days` apart (a date taken from the publication day, precision
  "week", widens that by `undated_slack_days`);
- their places agree: the same place, or one inside the other (a town and the region or country
  the other names); never two different towns, never two countries;
- their actors overlap when both name actors ("Al Shabaab" and "Al Shabaab militants" overlap);
  a report naming no actor must then agree on a specific place (a town, not only a country).

Clusters are the connected components of that relation, except that two reports of one article
are never merged (an article that reports two events reports two events). A cluster's
`event_id` is the id of its earliest report (by date, then id), so a report published days
later takes the id its event already has, and rerunning a day gives the same ids.

The thresholds were chosen on invented multi-outlet articles (`seeds/clusters/`); run
`python -m tools.cluster_score` to measure pairwise precision and recall on them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from pipeline.extract.entities import places


@dataclass(frozen=True)
class ClusterOptions:
    window_days: int = 2
    undated_slack_days: int = 3
    require_actor_overlap: bool = True


@dataclass(frozen=True)
class EventReport:
    report_id: str  # article_id#vN: the row's own id before clustering
    article_id: str
    type: str
    date: dt.date | None
    date_precision: str | None
    location: str | None
    country: str | None
    actors: tuple[str, ...] = ()
    event_id: str | None = None  # set for reports already stored: their id is kept
    admin1: str | None = None  # the first-level division of the place, where the linker knows it


_STOP = {
    "the",
    "of",
    "and",
    "forces",
    "group",
    "members",
    "men",
    "armed",
    "a",
    "an",
    "unidentified",
}


def _words(name: str) -> set[str]:
    # a five-letter stem, so that a country and its people match ("Armenia", "Armenian")
    return {w[:5] for w in re.findall(r"[a-z0-9]+", places.normalize(name)) if w not in _STOP}


def actors_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two actor lists share an actor: the same name, or one name's words inside the
    other's ("Al Shabaab" / "Al Shabaab militants"; "gunmen" / "unidentified gunmen")."""
    for x, y in itertools.product(a, b):
        wx, wy = _words(x), _words(y)
        if places.normalize(x) == places.normalize(y) or (wx and wy and (wx <= wy or wy <= wx)):
            return True
    return False


def named_actors(actors: tuple[str, ...]) -> tuple[str, ...]:
    """The actors that are names (Al Shabaab, Boko Haram, Russian), not generic phrases
    (gunmen, protesters, people), which two reports of one event word differently."""
    from pipeline.extract.events.lexicon import ARMED, CIVILIAN, CROWD, GUNMEN, PROTESTER

    generic = (ARMED, GUNMEN, CROWD, CIVILIAN, PROTESTER)
    out = []
    for actor in actors:
        rest = [w for w in actor.split() if not any(rx.fullmatch(w) for rx in generic)]
        if rest and all(w[:1].isupper() for w in rest):
            out.append(" ".join(rest))
    return tuple(out)


def _is_region(name: str) -> bool:
    from pipeline.extract.entities import admin1

    return places.country_of_country_name(name) is not None or admin1.is_region_name(name)


def _same_name(a: str, b: str) -> bool:
    x, y = places.normalize(a), places.normalize(b)
    return x == y or x.startswith(y + " ") or y.startswith(x + " ")


def places_agree(a: EventReport, b: EventReport) -> tuple[bool, bool]:
    """(agree, specific): whether the places are the same or nested, and whether that agreement
    is on a specific place (a town both name), not only on a region or country."""
    if a.country and b.country and a.country != b.country:
        return False, False
    if a.location and b.location:
        if _same_name(a.location, b.location):
            return True, not _is_region(a.location)
        # a town inside the region or country that the other names
        if _inside(a, b) or _inside(b, a):
            return True, False
        if _is_region(a.location) or _is_region(b.location):
            return bool(a.country and a.country == b.country), False
        return False, False
    return bool(a.country and a.country == b.country), False


def _inside(a: EventReport, b: EventReport) -> bool:
    """Whether a's place lies in the region b names ("Kharkiv" in "Kharkiv Oblast")."""
    return bool(a.admin1 and b.location and _same_name(a.admin1, b.location))


def same_event(a: EventReport, b: EventReport, options: ClusterOptions | None = None) -> bool:
    options = options or ClusterOptions()
    if a.article_id == b.article_id or a.type != b.type:
        return False
    if a.date is None or b.date is None:
        return False
    window = options.window_days
    if "week" in (a.date_precision, b.date_precision):
        window += options.undated_slack_days
    if abs((a.date - b.date).days) > window:
        return False
    agree, specific = places_agree(a, b)
    if not agree:
        return False
    named_a, named_b = named_actors(a.actors), named_actors(b.actors)
    if named_a and named_b and options.require_actor_overlap:
        # both name who was involved: one name in common, or they are not the same event
        return actors_overlap(named_a, named_b)
    return specific or actors_overlap(a.actors, b.actors)


def cluster(reports: list[EventReport], options: ClusterOptions | None = None) -> dict[str, str]:
    """report_id -> event_id for every report. Reports that already carry an event_id (stored
    earlier) keep it, and a new report that matches one joins its event."""
    options = options or ClusterOptions()
    order = sorted(reports, key=lambda r: (r.date or dt.date.max, r.report_id))
    parent = {r.report_id: r.report_id for r in order}
    members = {r.report_id: {r.article_id} for r in order}
    # the specific places (towns) of each cluster: a country-level report may join a town's
    # cluster, but never chain two different towns into one event
    spots = {
        r.report_id: {places.normalize(r.location)}
        if r.location and not _is_region(r.location) else set()
        for r in order
    }  # fmt: skip

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # reports already stored keep their clusters
    by_event: dict[str, str] = {}
    for r in order:
        if r.event_id:
            root = by_event.setdefault(r.event_id, r.report_id)
            if root != r.report_id:
                _union(parent, members, find(root), find(r.report_id), spots)
    # blocking: only reports of one type and country can match
    blocks: dict[tuple, list[EventReport]] = {}
    for r in order:
        blocks.setdefault((r.type, r.country), []).append(r)
    for (_, country), block in blocks.items():
        pool = block + (blocks.get((block[0].type, None), []) if country else [])
        for a, b in itertools.combinations(pool, 2):
            ra, rb = find(a.report_id), find(b.report_id)
            if ra == rb or members[ra] & members[rb]:
                continue  # already one event, or would merge two events of one article
            if spots[ra] and spots[rb] and not _spots_agree(spots[ra], spots[rb]):
                continue
            if same_event(a, b, options):
                _union(parent, members, ra, rb, spots)
    first: dict[str, EventReport] = {}
    for r in order:
        root = find(r.report_id)
        current = first.get(root)
        # the stored id wins, else the earliest report's id
        if current is None or (r.event_id and not current.event_id):
            first[root] = r
    return {r.report_id: (first[find(r.report_id)].event_id or first[find(r.report_id)].report_id)
            for r in order}  # fmt: skip


def _union(parent, members, a: str, b: str, spots) -> None:
    parent[b] = a
    members[a] |= members.pop(b)
    spots[a] |= spots.pop(b)


def _spots_agree(a: set[str], b: set[str]) -> bool:
    return all(_same_name(x, y) for x in a for y in b)
