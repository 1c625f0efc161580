"""Cross-article event clustering: every report of one event gets the same `event_id`.

Two event reports (rows of the events table, from different articles) are the same event when

- they have the same type;
- their dates are at most `window_days` apart (a date taken from the publication day, precision
  "week", widens that by `undated_slack_days`);
- their places agree: the same place, or one inside the other (a town and the region or country
  the other names); never two different towns, never two countries;
- their actors overlap when both name actors ("Al Shabaab" and "Al Shabaab militants" overlap);
  a report naming no actor must then agree on a specific place (a town, not only a country).

Clusters grow one new report at a time, in order of date then id: a report joins every event it
matches among the stored reports and the new reports before it (an event matches when one of
its reports is the same event as the new one, it shares no article with the new report's event,
since an article that reports two events reports two events, and its towns agree: a
country-level report may join a town's event, never chain two towns into one). A cluster's
`event_id` is the id of its earliest report (by date, then id), so a report published days
later takes the id its event already has, and rerunning a day gives the same ids. Two stored
reports are never compared again.

Only events that can match are looked at (`_EventIndex`): the events filed under the report's
place names, region, and, within its country, actor words, in its date window, each with the
distinct profiles of its reports. The work grows with the events of a report's place and
country in its window, not with the reports that tell them, the stored days, or the square of
a (type, country) block. A big day is clustered a group of reports at a time (`apart`): only
reports that share an index key, directly or through others, can meet, so the groups give the
ids clustering all of them at once gives, and the memory holds one group's reports.

The thresholds were chosen on invented multi-outlet articles (`seeds/clusters/`); run
`python -m tools.cluster_score` to measure pairwise precision and recall on them.
"""

from __future__ import annotations

import array
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from pipeline.extract.entities import places


@dataclass(frozen=True)
class ClusterOptions:
    window_days: int = 2
    undated_slack_days: int = 3
    require_actor_overlap: bool = True
    # stored reports take a turn too, as every night compared them before blocking: it can
    # merge two stored events that a new report meets only one of (see `cluster`)
    recompare_stored: bool = False


@dataclass(frozen=True, slots=True)
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


@lru_cache(maxsize=1 << 16)
def _words(name: str) -> frozenset[str]:
    # a five-letter stem, so that a country and its people match ("Armenia", "Armenian")
    return frozenset(
        w[:5] for w in re.findall(r"[a-z0-9]+", places.normalize(name)) if w not in _STOP
    )


def actors_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two actor lists share an actor: the same name, or one name's words inside the
    other's ("Al Shabaab" / "Al Shabaab militants"; "gunmen" / "unidentified gunmen")."""
    for x, y in itertools.product(a, b):
        wx, wy = _words(x), _words(y)
        if places.normalize(x) == places.normalize(y) or (wx and wy and (wx <= wy or wy <= wx)):
            return True
    return False


@lru_cache(maxsize=1 << 16)
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


@lru_cache(maxsize=1 << 16)
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
            # a town both name, not a region one of them names ("Texas" / "Texas City")
            return True, not (_is_region(a.location) or _is_region(b.location))
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


def cluster(
    reports: list[EventReport], options: ClusterOptions | None = None, stats: dict | None = None
) -> dict[str, str]:
    """report_id -> event_id for every report. Reports that already carry an event_id (stored
    earlier) keep it. Each new report, in order (date, then id), joins every event it matches
    among the stored reports and the new reports before it: an event whose reports share no
    article with its own, whose towns agree with its own, and one of whose reports is the same
    event as it (`same_event`). Two stored reports are not compared again (they were when the
    later of them was new), so a new report that matches one stored event takes its id even
    where another stored event would match that one; with `recompare_stored`, stored reports
    take their turn too. `stats`, when given, counts the events looked at and the reports
    compared."""
    options = options or ClusterOptions()
    order = sorted(reports, key=lambda r: (r.date or dt.date.max, r.report_id))
    events = _Events(order)
    # reports already stored keep their clusters
    by_event: dict[int, int] = {}
    for i, r in enumerate(order):
        if r.event_id:
            root = by_event.setdefault(r.event_id, i)
            events.union(events.find(root), events.find(i))
    turns = [i for i, r in enumerate(order)
             if r.date and (not r.event_id or options.recompare_stored)]  # fmt: skip
    index = _EventIndex(order, events, options, turns)
    for i, r in enumerate(order):
        if r.event_id and r.date:
            index.add(i)
    counts = stats if stats is not None else {}
    for i in turns:
        _take_turn(i, order, events, index, options, counts)
        if not order[i].event_id:
            index.add(i)
    first: dict[int, EventReport] = {}
    for i, r in enumerate(order):
        root = events.find(i)
        current = first.get(root)
        # the stored id wins, else the earliest report's id
        if current is None or (r.event_id and not current.event_id):
            first[root] = r
    return {r.report_id: first[events.find(i)].event_id or first[events.find(i)].report_id
            for i, r in enumerate(order)}  # fmt: skip


# reports looked at together at most (unless one neighbourhood has more): see `apart`
GROUP_REPORTS = 1 << 12


def apart(reports: Iterable[tuple[tuple, str | None]], size: int | None = None) -> np.ndarray:
    """For each report, the number of its group, -1 for none: groups of reports that `cluster`
    takes apart with the result it gives on all of them at once.

    `reports`: each report's profile, (type, location, admin1, country, actors), and its
    stored event id, None for a new report. A report is looked at only with reports that
    share a key of `_EventIndex` with it (filed or sought) and, when stored, with its stored
    event's other reports: the reports so linked, directly or through others, form a
    neighbourhood, and no report of one can join an event of another. A group is whole
    neighbourhoods with a new report, filled up to `size` reports (`GROUP_REPORTS`; one
    neighbourhood may have more); a report linked to no other keeps its own id and is in
    none, as are neighbourhoods of stored reports only. So a big day's clustering holds one group's reports at a time,
    not the day's and its window's."""
    size = size or GROUP_REPORTS
    parent: list[int] = []
    nodes: dict = {}  # a key, or ("event", a stored event id) -> its node

    def find(x: int) -> int:
        return _root(parent, x)

    def union(x: int, item) -> int:
        y = nodes.get(item)
        if y is None:
            y = nodes[item] = len(parent)
            parent.append(y)
        if x < 0:
            return y
        x, y = find(x), find(y)
        parent[y] = x
        return x

    by_profile: dict[tuple, int] = {}  # a profile -> the node of its keys, -1 for none
    rows, stored = array.array("q"), array.array("b")
    for profile, event in reports:
        x = by_profile.get(profile)
        if x is None:
            kind, location, admin1, country, actors = profile
            r = EventReport("", "", kind, None, None, location, country, actors, None, admin1)
            x, coarse = -1, _is_coarse(location)
            for key in {*_filed(r, coarse), *_sought(r, coarse)}:
                x = union(x, key)
            by_profile[profile] = x
        if event is not None:
            x = union(x, ("event", event))
        rows.append(x)
        stored.append(event is not None)
    roots = np.array([find(x) for x in range(len(parent))] + [-1], np.int64)
    labels = roots[np.frombuffer(rows, np.int64)]  # a row of no node: -1, the last root
    is_new = np.frombuffer(stored, np.int8) == 0
    del rows, stored, by_profile
    nodes.clear()
    # whole neighbourhoods with a new report and another report, numbered in turn, a number
    # filled up to `size` reports
    kinds, which, counts = np.unique(labels, return_inverse=True, return_counts=True)
    with_new = np.zeros(len(kinds), bool)
    np.logical_or.at(with_new, which, is_new)
    taken = (kinds >= 0) & (counts >= 2) & with_new
    sizes = np.where(taken, counts, 0)
    numbers = (np.cumsum(sizes) - sizes) // size
    numbers[taken] = np.unique(numbers[taken], return_inverse=True)[1]
    numbers[~taken] = -1
    return numbers[which].astype(np.int32)


def _take_turn(i: int, order, events: _Events, index: _EventIndex, options, counts) -> None:
    """Report i joins the events it matches, in the order of their first report."""
    r = order[i]
    candidates = index.candidates(i)
    counts["turns"] = counts.get("turns", 0) + 1
    counts["events_seen"] = counts.get("events_seen", 0) + len(candidates)
    decided: dict[tuple, bool] = {}  # same_event depends on the other report's profile only
    for root in sorted(candidates, key=events.first.__getitem__):
        mine, theirs = events.find(i), events.find(root)
        if mine == theirs or not events.may_join(mine, theirs):
            continue
        for profiles in candidates[root]:
            if any(_decide(r, other, profile, decided, options, counts)
                   for profile, other in _items(profiles)):  # fmt: skip
                events.union(mine, theirs)
                break


def _decide(r, other, profile, decided, options, counts) -> bool:
    if profile not in decided:
        counts["compared"] = counts.get("compared", 0) + 1
        decided[profile] = same_event(r, other, options)
    return decided[profile]


class _Events:
    """Union-find over the reports (by position in order): each event's articles, towns and
    first report. An event of one report keeps no set of its own (its article and town are
    its report's): most of a big day's reports are never merged with another."""

    def __init__(self, order: list[EventReport]) -> None:
        self.order = order
        self.parent = list(range(len(order)))
        self.first = self.parent.copy()
        # the articles and the specific places (towns) of each merged event, by root: a
        # country-level report may join a town's event, never chain two towns into one
        self.articles: dict[int, set[str]] = {}
        self.spots: dict[int, set[str]] = {}

    def find(self, x: int) -> int:
        return _root(self.parent, x)

    def articles_of(self, root: int) -> set[str]:
        merged = self.articles.get(root)
        return merged if merged is not None else {self.order[root].article_id}

    def spots_of(self, root: int) -> set[str]:
        merged = self.spots.get(root)
        if merged is not None:
            return merged
        location = self.order[root].location
        return {places.normalize(location)} if location and not _is_region(location) else set()

    def may_join(self, a: int, b: int) -> bool:
        """Two events of no common article whose towns agree."""
        if not self.articles_of(a).isdisjoint(self.articles_of(b)):
            return False  # would merge two events of one article
        spots_a, spots_b = self.spots_of(a), self.spots_of(b)
        return not (spots_a and spots_b and not _spots_agree(spots_a, spots_b))

    def union(self, a: int, b: int) -> None:
        if a == b:
            return
        articles_a, articles_b = self.articles_of(a), self.articles_of(b)
        if len(articles_a) < len(articles_b):
            a, b = b, a
            articles_a, articles_b = articles_b, articles_a
        self.parent[b] = a
        self.articles[a] = articles_a | articles_b
        self.spots[a] = self.spots_of(a) | self.spots_of(b)
        self.first[a] = min(self.first[a], self.first[b])
        self.articles.pop(b, None)
        self.spots.pop(b, None)


def _root(parent: list[int], x: int) -> int:
    """x's root in the union-find `parent` (halving the path on the way)."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _spots_agree(a: set[str], b: set[str]) -> bool:
    return all(_same_name(x, y) for x in a for y in b)


# --- which events are looked at ----------------------------------------------------------------
# A report can only be the same event as another when they share a type and their dates lie
# within the window (a "week" date widens it); their places agree only through a place name
# both give (equal, or one the other's first words: "Mogadishu" / "Mogadishu Port") in countries
# that do not differ, a town inside the region the other names, or, within one country, a
# report naming no town (a region, the country, nothing): and such a pair must then share an
# actor word. So the index files each report under those keys, by day and date precision, and
# under each key keeps the events (not the reports) filed there, each with the distinct
# profiles of its reports (same_event reads nothing else of them). A turn looks up its keys in
# its window: the work grows with the events of its place and country in the window, not with
# the reports that tell them, nor with the stored days.


@lru_cache(maxsize=1 << 16)
def _actor_keys(actors: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Keys two reports share whenever their actors (or named actors) overlap."""
    keys = set()
    for actor in (*actors, *named_actors(actors)):
        keys.add(("name", places.normalize(actor)))
        keys.update(("word", w) for w in _words(actor))
    return frozenset(keys)


def _prefixes(name: str) -> list[str]:
    """The names of which `name` is a longer form ("mogadishu" of "mogadishu port")."""
    return [name[:k] for k, c in enumerate(name) if c == " " and k]


def _profile(r: EventReport) -> tuple:
    return (r.date, r.date_precision, r.location, r.country, r.admin1, r.actors)


# An event's profiles under one key: its one report (most events of a big day), or a dict
# profile -> report once it has two or more.
def _items(profiles) -> Iterator[tuple[tuple, EventReport]]:
    if isinstance(profiles, dict):
        yield from profiles.items()
    else:
        yield _profile(profiles), profiles


def _as_dict(profiles) -> dict[tuple, EventReport]:
    return profiles if isinstance(profiles, dict) else {_profile(profiles): profiles}


# keys a report is filed under, and keys a report looks up: they meet when the places may agree
# (see the comment above); `coarse`: the report names no town (a region, a country, nothing)
def _filed(r: EventReport, coarse: bool) -> Iterator[tuple]:
    for kind, name in (("loc", r.location), ("adm", r.admin1)):
        if name:
            norm = places.normalize(name)
            for country in (r.country, "*"):
                yield (r.type, kind, "=", norm, country)
                yield from ((r.type, kind, ">", p, country) for p in _prefixes(norm))
    if r.country:
        for key in _actor_keys(r.actors):
            yield (r.type, "act", r.country, key)
            if coarse:
                yield (r.type, "coarse", r.country, key)


def _sought(r: EventReport, coarse: bool) -> Iterator[tuple]:
    countries = (r.country, None) if r.country else ("*",)
    for name, kinds in ((r.location, ("loc", "adm")), (r.admin1, ("loc",))):
        if not name:
            continue
        norm = places.normalize(name)
        for kind, country in itertools.product(kinds, countries):
            yield (r.type, kind, "=", norm, country)
            yield (r.type, kind, ">", norm, country)
            yield from ((r.type, kind, "=", p, country) for p in _prefixes(norm))
    if r.country:
        for key in _actor_keys(r.actors):
            yield (r.type, "act" if coarse else "coarse", r.country, key)


def _is_coarse(location: str | None) -> bool:
    return not location or _is_region(location)


class _EventIndex:
    """Events by key (type and place name, region, or country and actor word), day and date
    precision; under each key, each event's distinct report profiles."""

    def __init__(
        self, order: list[EventReport], events: _Events, options: ClusterOptions, turns: list[int]
    ):
        self.order, self.events = order, events
        self.window = options.window_days
        self.wide = options.window_days + options.undated_slack_days
        self.entries: dict[tuple, dict[tuple, dict[int, EventReport | dict]]] = {}
        self.coarse = [_is_coarse(r.location) for r in order]
        self.memo: dict[tuple, frozenset[tuple]] = {}
        # the keys some turn looks up: a report is filed under no other (most stored reports
        # of a small day's window are never looked up)
        self.sought = frozenset().union(*(self._keys(self._sought, i) for i in turns))

    # keys a report is filed under, and keys a report looks up (`_filed`, `_sought`)
    def _filed(self, i: int) -> Iterator[tuple]:
        return _filed(self.order[i], self.coarse[i])

    def _sought(self, i: int) -> Iterator[tuple]:
        return _sought(self.order[i], self.coarse[i])

    def _keys(self, which, i: int) -> frozenset[tuple]:
        """The keys a report is filed under or looks up, once for each place and actor list."""
        r = self.order[i]
        memo = (which.__name__, r.type, r.location, r.admin1, r.country, r.actors)
        if memo not in self.memo:
            self.memo[memo] = frozenset(which(i))
        return self.memo[memo]

    def add(self, i: int) -> None:
        r, root = self.order[i], self.events.find(i)
        day, week = r.date.toordinal(), r.date_precision == "week"
        profile = _profile(r)
        for key in self._keys(self._filed, i) & self.sought:
            entry = self.entries.setdefault(key, {}).setdefault((day, week), {})
            current = entry.setdefault(root, r)
            if current is r:
                continue
            if not isinstance(current, dict):
                if _profile(current) == profile:
                    continue
                current = entry[root] = _as_dict(current)
            current.setdefault(profile, r)

    def candidates(self, i: int) -> dict[int, list]:
        """The events filed under report i's keys within its window: root -> the profiles."""
        r = self.order[i]
        day = r.date.toordinal()
        # a "week" date on either side widens the window
        span = {False: self.wide if r.date_precision == "week" else self.window, True: self.wide}
        found: dict[int, list] = {}
        for key in self._keys(self._sought, i):
            for (d, week), entry in self.entries.get(key, {}).items():
                if abs(d - day) <= span[week]:
                    for root, profiles in self._compact(entry):
                        found.setdefault(root, []).append(profiles)
        return found

    def _compact(
        self, entry: dict[int, EventReport | dict]
    ) -> list[tuple[int, EventReport | dict]]:
        """The entry's events under their current roots (merged events' profiles joined)."""
        find = self.events.find
        for old in [root for root in entry if find(root) != root]:
            profiles, new = entry.pop(old), find(old)
            kept = entry.setdefault(new, profiles)
            if kept is not profiles:
                kept, profiles = _as_dict(kept), _as_dict(profiles)
                if len(kept) < len(profiles):
                    kept, profiles = profiles, kept
                kept.update(profiles)
                entry[new] = kept
        return list(entry.items())
