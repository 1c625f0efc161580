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

Only pairs that can match are compared (`candidate_pairs`): a new report against the reports of
its date window that share its type and a word of its place or, within its country, an actor
word; never two stored reports. The work grows with the day's reports and their neighbours, not
with the stored days or the square of a (type, country) block, and the decisions are those of
comparing every pair of a block with a new report, in the same order.

The thresholds were chosen on invented multi-outlet articles (`seeds/clusters/`); run
`python -m tools.cluster_score` to measure pairwise precision and recall on them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.extract.entities import places


@dataclass(frozen=True)
class ClusterOptions:
    window_days: int = 2
    undated_slack_days: int = 3
    require_actor_overlap: bool = True
    # compare pairs of two stored reports again, as every night did before blocking: it can
    # merge two stored events that a new report meets only one of (see `candidate_pairs`)
    recompare_stored: bool = False


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
    from pipeline.extract.events.place import admin1_names

    key = places.normalize(name)
    return places.country_of_country_name(name) is not None or key in admin1_names()


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
    earlier) keep it, and a new report that matches one joins its event. Only the pairs that
    `candidate_pairs` gives are compared: two stored reports are not compared again (they were
    when the later of them was new), so a new report that matches one stored event takes its id
    even where another stored event would match that one."""
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
    for a, b in candidate_pairs(order, options):
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


# --- which pairs are compared -----------------------------------------------------------------
# A pair can only be one event when it shares a type and its dates lie within the window; its
# places agree only through a place name both give (one name the start of the other, so both
# start with the same word), a town inside the region the other names, or, within one country,
# a report naming no town (a region, the country, nothing): and such a pair must then share an
# actor word. So each new report looks up, day by day in its window, the reports that share
# the first word of its place or region, and, in its country, those that share an actor word
# with it: the work grows with the reports of its window that could match, not with the
# square of a (type, country) block, and two stored reports are never compared again.


def _first_word(name: str) -> str:
    return places.normalize(name).split(" ", 1)[0]


def _actor_keys(report: EventReport) -> set[tuple[str, str]]:
    """Keys two reports share whenever their actors (or named actors) overlap."""
    keys = set()
    for actor in (*report.actors, *named_actors(report.actors)):
        keys.add(("name", places.normalize(actor)))
        keys.update(("word", w) for w in _words(actor))
    return keys


class _Windowed:
    """Reports by key and day (an ordinal), to look up those of a key within a window of days."""

    def __init__(self, window: int) -> None:
        self.days: dict[tuple, list[int]] = {}
        self.offsets = range(-window, window + 1)

    def add(self, key: tuple, day: int, i: int) -> None:
        self.days.setdefault((*key, day), []).append(i)

    def near(self, key: tuple, day: int) -> Iterator[int]:
        for offset in self.offsets:
            yield from self.days.get((*key, day + offset), ())


def candidate_pairs(
    order: list[EventReport], options: ClusterOptions
) -> list[tuple[EventReport, EventReport]]:
    """The pairs that may be one event and hold a new report (one without an event_id; with
    `recompare_stored`, any report), in the order the exhaustive comparison of every (type,
    country) block, each country's block joined to the type's country-less reports, would meet
    them (clustering is greedy: the order of the pairs decides between two clusters a report
    could join)."""
    pools = _Pools(order)
    index = _ReportIndex(order, options.window_days + options.undated_slack_days)
    day = [r.date.toordinal() if r.date else None for r in order]
    week = [r.date_precision == "week" for r in order]
    ranked: dict[tuple[int, int], tuple] = {}
    for i, r in enumerate(order):
        if r.date is None or (r.event_id is not None and not options.recompare_stored):
            continue
        for j in index.candidates(i):
            pair = (i, j) if i < j else (j, i)
            if j == i or pair in ranked or order[j].article_id == r.article_id:
                continue
            apart = abs(day[i] - day[j])
            if apart > options.window_days and (
                apart > options.window_days + options.undated_slack_days or not (week[i] or week[j])
            ):
                continue
            rank = pools.rank(*pair)
            if rank is not None:
                ranked[pair] = rank
    return [(order[rank[-2]], order[rank[-1]]) for rank in sorted(ranked.values())]


class _Pools:
    """Where the exhaustive loop meets a pair: the blocks of (type, country) in the order of
    their first report, each country's block followed by its type's country-less reports."""

    def __init__(self, order: list[EventReport]):
        blocks: dict[tuple, list[int]] = {}
        for i, r in enumerate(order):
            blocks.setdefault((r.type, r.country), []).append(i)
        self.key = [(r.type, r.country) for r in order]
        self.block_no = {key: n for n, key in enumerate(blocks)}
        self.size = {key: len(block) for key, block in blocks.items()}
        self.pos = [0] * len(order)
        for block in blocks.values():
            for p, i in enumerate(block):
                self.pos[i] = p
        # the country-less reports of a type first meet each other in the first block whose
        # pool holds them: their own, or an earlier country's of that type
        self.pool_of_none: dict[str, tuple] = {}
        for key in blocks:
            if key[1] is None or key[1]:
                self.pool_of_none.setdefault(key[0], key)

    def rank(self, i: int, j: int) -> tuple | None:
        """(pool, place, place, first report, second report) where the loop first compares the
        reports i < j; None when it never does (two countries)."""
        ka, kb = self.key[i], self.key[j]
        if ka == kb:  # one block: its order is the reports' order
            key = self.pool_of_none[ka[0]] if ka[1] is None else ka
            offset = self.size[key] if key != ka else 0
            return (self.block_no[key], offset + self.pos[i], offset + self.pos[j], i, j)
        if ka[0] != kb[0] or (ka[1] is not None and kb[1] is not None):
            return None
        country, none = (i, j) if kb[1] is None else (j, i)
        key = self.key[country]
        if not key[1]:
            return None  # a falsy country's block is not joined to the country-less reports
        place = self.size[key] + self.pos[none]
        return (self.block_no[key], self.pos[country], place, country, none)


class _ReportIndex:
    """The reports by type and the first word of their place or region, and, within a
    country, by actor word (all of them, and those naming no town), day by day."""

    def __init__(self, order: list[EventReport], window: int):
        self.order = order
        self.coarse = [not r.location or _is_region(r.location) for r in order]
        self.by_place, self.by_admin1 = _Windowed(window), _Windowed(window)
        self.by_actor, self.coarse_by_actor = _Windowed(window), _Windowed(window)
        self.actor_keys: dict[int, set] = {}
        for i, r in enumerate(order):
            if r.date is None:
                continue  # never the same event as anything
            day = r.date.toordinal()
            if r.location:
                self.by_place.add((r.type, _first_word(r.location)), day, i)
                if r.admin1:
                    self.by_admin1.add((r.type, _first_word(r.admin1)), day, i)
            if r.country:
                self.actor_keys[i] = _actor_keys(r)
                for key in self.actor_keys[i]:
                    self.by_actor.add((r.type, r.country, key), day, i)
                    if self.coarse[i]:
                        self.coarse_by_actor.add((r.type, r.country, key), day, i)

    def candidates(self, i: int) -> Iterator[int]:
        """The reports that may agree with report i on place (with repeats, itself too)."""
        r = self.order[i]
        day = r.date.toordinal()
        if r.location:
            place = _first_word(r.location)
            yield from self.by_place.near((r.type, place), day)
            yield from self.by_admin1.near((r.type, place), day)
            if r.admin1:
                yield from self.by_place.near((r.type, _first_word(r.admin1)), day)
        if r.country:
            index = self.by_actor if self.coarse[i] else self.coarse_by_actor
            for key in self.actor_keys[i]:
                yield from index.near((r.type, r.country, key), day)
