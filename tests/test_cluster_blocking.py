"""Event clustering looks only at the events that can match a report: the result is the one
that comparing each new report, in order, with every report stored or already clustered gives
(joining every event it matches, in the order of their first report), and the work per report
grows with the events of its place and country in its window, not with the reports that tell
them, the stored days, or the square of a (type, country) block."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dedup import events
from pipeline.dedup.events import ClusterOptions, EventReport, cluster

DAY0 = dt.date(2026, 5, 1)


def exhaustive_cluster(reports: list[EventReport], options: ClusterOptions) -> dict[str, str]:
    """The specification: stored reports keep their events; each new report (and, with
    `recompare_stored`, each stored one), in order of date then id, is compared with every
    report stored or clustered before it, and joins each event that has a report matching it,
    no article in common with its own and towns that agree, in the order of the events' first
    report."""
    order = sorted(reports, key=lambda r: (r.date or dt.date.max, r.report_id))
    parent = {r.report_id: r.report_id for r in order}
    members = {r.report_id: {r.article_id} for r in order}
    spots = {
        r.report_id: {events.places.normalize(r.location)}
        if r.location and not events._is_region(r.location) else set()
        for r in order
    }  # fmt: skip
    position = {r.report_id: n for n, r in enumerate(order)}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    by_event: dict[str, str] = {}
    for r in order:
        if r.event_id:
            root = by_event.setdefault(r.event_id, r.report_id)
            if find(root) != find(r.report_id):
                _union(parent, members, find(root), find(r.report_id), spots)
    seen = [r for r in order if r.event_id and r.date]
    for r in order:
        if r.date is None or (r.event_id and not options.recompare_stored):
            continue
        groups: dict[str, list[EventReport]] = {}
        for other in seen:
            if find(other.report_id) != find(r.report_id):
                groups.setdefault(find(other.report_id), []).append(other)
        first = {root: min(position[x] for x in parent if find(x) == root) for root in groups}
        for root in sorted(groups, key=first.__getitem__):
            mine, theirs = find(r.report_id), find(root)
            if mine == theirs or members[mine] & members[theirs]:
                continue
            if (
                spots[mine]
                and spots[theirs]
                and not events._spots_agree(spots[mine], spots[theirs])
            ):
                continue
            if any(events.same_event(other, r, options) for other in groups[root]):
                _union(parent, members, mine, theirs, spots)
        if not r.event_id:
            seen.append(r)
    chosen: dict[str, EventReport] = {}
    for r in order:
        root = find(r.report_id)
        if root not in chosen or (r.event_id and not chosen[root].event_id):
            chosen[root] = r
    return {r.report_id: chosen[find(r.report_id)].event_id or chosen[find(r.report_id)].report_id
            for r in order}  # fmt: skip


def _union(parent, members, a: str, b: str, spots) -> None:
    parent[b] = a
    members[a] |= members.pop(b)
    spots[a] |= spots.pop(b)


PLACES = [
    None,
    "Mogadishu",
    "Mogadishu Port",
    "Mogadishu North",
    "Kismayo",
    "Somalia",
    "Texas",
    "Texas City",
    "Austin",
]
ADMIN1 = [None, "Texas", "Banaadir"]
ACTORS = ["Al Shabaab", "Al Shabaab militants", "gunmen", "unidentified gunmen", "ISWAP",
          "soldiers", "people", "Texas Rangers"]  # fmt: skip


@st.composite
def report_sets(draw) -> list[EventReport]:
    n = draw(st.integers(0, 24))
    out = []
    for i in range(n):
        day = draw(st.one_of(st.none(), st.integers(0, 14)))
        out.append(
            EventReport(
                report_id=f"r{i:02d}",
                article_id=f"a{draw(st.integers(0, 9))}",
                type=draw(st.sampled_from(["Battles", "Riots"])),
                date=None if day is None else DAY0 + dt.timedelta(days=day),
                date_precision=draw(st.sampled_from(["day", "day", "week"])),
                location=draw(st.sampled_from(PLACES)),
                country=draw(st.sampled_from(["SOM", "USA", None])),
                actors=tuple(draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True))),
                event_id=draw(st.sampled_from([None, None, None, "e1", "e2", "e3"])),
                admin1=draw(st.sampled_from(ADMIN1)),
            )
        )
    return out


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report_sets(),
    st.sampled_from(
        [ClusterOptions(), ClusterOptions(window_days=0), ClusterOptions(recompare_stored=True)]
    ),
)
def test_indexed_clustering_decides_as_comparing_each_new_report_with_every_earlier_one(
    reports, options
):
    assert cluster(reports, options) == exhaustive_cluster(reports, options)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report_sets(),
    st.sampled_from(
        [ClusterOptions(), ClusterOptions(window_days=0), ClusterOptions(recompare_stored=True)]
    ),
    st.integers(1, 6),
)
def test_clustering_group_by_group_gives_the_new_reports_the_ids_of_clustering_all_at_once(
    reports, options, size
):
    whole = cluster(reports, options)
    profiles = [((r.type, r.location, r.admin1, r.country, r.actors), r.event_id) for r in reports]
    groups = events.apart(profiles, size)
    assert len(groups) == len(reports)
    by_groups = {r.report_id: r.report_id for r in reports if not r.event_id}
    for number in sorted(set(groups.tolist()) - {-1}):
        group = [r for r, g in zip(reports, groups.tolist(), strict=True) if g == number]
        assert any(not r.event_id for r in group) and len(group) >= 2
        ids = cluster(group, options)
        by_groups.update((r.report_id, ids[r.report_id]) for r in group if not r.event_id)
    assert by_groups == {r.report_id: whole[r.report_id] for r in reports if not r.event_id}


def test_groups_are_filled_up_to_their_size_with_whole_neighbourhoods():
    towns = ["Kismayo", "Baidoa", "Jowhar", "Marka", "Afgooye"]
    reports = [_report(i, towns[i % 5], 0) for i in range(20)]  # five towns, four reports each
    profiles = [((r.type, r.location, r.admin1, r.country, ()), None) for r in reports]
    sizes = {}
    for size in (1, 4, 8, 100):
        groups = events.apart(profiles, size).tolist()
        for town in towns:  # a town's reports are in one group
            assert len({g for r, g in zip(reports, groups, strict=True) if r.location == town}) == 1
        sizes[size] = sorted(groups.count(g) for g in set(groups))
    assert sizes == {1: [4] * 5, 4: [4] * 5, 8: [4, 8, 8], 100: [20]}
    # a report linked to no other, and stored reports alone, are in no group
    alone = [_report(0, None, 0, country=None, actors=()), _report(1, "Kismayo", 0, stored=True),
             _report(2, "Kismayo", 0, stored=True)]  # fmt: skip
    profiles = [((r.type, r.location, r.admin1, r.country, r.actors), r.event_id) for r in alone]
    assert events.apart(profiles, 8).tolist() == [-1, -1, -1]


def _report(i: int, town: str, day: int, stored: bool = False, **kw) -> EventReport:
    return EventReport(
        f"r{i}", f"a{i}", kw.get("type", "Battles"), DAY0 + dt.timedelta(days=day), "day",
        town, kw.get("country", "SOM"), kw.get("actors", ("Al Shabaab",)),
        f"e{i}" if stored else None, None,
    )  # fmt: skip


def _compared(reports: list[EventReport], monkeypatch) -> set[frozenset[str]]:
    """The pairs of reports that clustering compares."""
    compared: set[frozenset[str]] = set()
    same_event = events.same_event

    def recording(a, b, options=None):
        compared.add(frozenset((a.report_id, b.report_id)))
        return same_event(a, b, options)

    monkeypatch.setattr(events, "same_event", recording)
    cluster(reports, ClusterOptions())
    return compared


def test_two_stored_reports_are_never_compared_again(monkeypatch):
    stored = [_report(i, "Kismayo", i % 3, stored=True) for i in range(40)]
    new = [_report(100, "Kismayo", 2)]
    compared = _compared(stored + new, monkeypatch)
    assert compared and all("r100" in pair for pair in compared)


def test_reports_outside_the_date_window_are_not_compared(monkeypatch):
    reports = [_report(1, "Kismayo", 0), _report(2, "Kismayo", 2), _report(3, "Kismayo", 3)]
    assert _compared(reports, monkeypatch) == {frozenset({"r1", "r2"}), frozenset({"r2", "r3"})}


def test_a_country_less_report_is_compared_only_with_reports_of_its_place(monkeypatch):
    reports = [
        _report(1, "Kismayo", 0, country=None),
        _report(2, "Kismayo", 0),
        _report(3, "Mogadishu", 0),
        _report(4, None, 0),  # the country only: it cannot agree with a report of no country
        _report(5, "Kismayo", 0, country="KEN"),
    ]
    compared = _compared(reports, monkeypatch)
    assert {p for p in compared if "r1" in p} == {frozenset({"r1", "r2"}), frozenset({"r1", "r5"})}


def test_towns_that_share_a_first_word_are_not_compared(monkeypatch):
    reports = [
        _report(1, "Al Fashir", 0),
        _report(2, "Al Obeid", 0),
        _report(3, "Al Fashir Camp", 0),
    ]
    assert _compared(reports, monkeypatch) == {frozenset({"r1", "r3"})}


def _work(reports: list[EventReport]) -> float:
    """Events looked at and reports compared, per report."""
    stats: dict = {}
    cluster(reports, ClusterOptions(), stats)
    return (stats["events_seen"] + stats["compared"]) / len(reports)


ACTOR_WORDS = ["gunmen", "armed men", "militants", "attackers", "soldiers", "fighters"]


def _coverage(n: int) -> list[EventReport]:
    """n reports over five days of the same 48 incidents (12 towns in each of 4 countries, one a
    day each): the busier the day, the more outlets tell each incident; one report in five names
    only the country."""
    out = []
    for i in range(n):
        country = ["SOM", "NGA", "MLI", "SDN"][i % 4]
        town = None if i % 5 == 0 else f"{country} town {(i // 4) % 12}"
        actors = (ACTOR_WORDS[i % len(ACTOR_WORDS)], "people")
        out.append(_report(i, town, (i // 48) % 5, country=country, actors=actors))
    return out


def _more_incidents(n: int) -> list[EventReport]:
    """n reports over five days in n / 4 towns of n / 400 countries, a few named groups."""
    groups = ["Al Shabaab", "ISWAP", "Boko Haram", "ADF"]
    return [
        _report(i, f"Town{i % (n // 4)}", i % 5, country=f"C{i % (n // 400)}",
                actors=(groups[i % len(groups)],))
        for i in range(n)
    ]  # fmt: skip


def test_work_per_report_does_not_grow_with_the_outlets_telling_the_same_incidents():
    small, large = _work(_coverage(480)), _work(_coverage(3840))
    assert large <= small * 1.15
    assert large < 20


def test_work_per_report_does_not_grow_with_the_incidents_of_a_busier_day():
    small, large = _work(_more_incidents(400)), _work(_more_incidents(3200))
    assert large <= small * 1.15
