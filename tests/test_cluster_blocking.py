"""Event clustering compares only the pairs that can be one event and hold a new report: the
result is the one the exhaustive comparison of every (type, country) block gives when it skips
pairs of two stored reports, and the number of pairs grows with the new reports and what lies in
their date window, not with the stored days or the square of a block."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dedup import events
from pipeline.dedup.events import ClusterOptions, EventReport, candidate_pairs, cluster

DAY0 = dt.date(2026, 5, 1)


def exhaustive_cluster(reports: list[EventReport], options: ClusterOptions) -> dict[str, str]:
    """The specification: every pair of every (type, country) block, each country's block joined
    to the type's country-less reports, compared in order; pairs of two stored reports skipped
    unless `recompare_stored` (as every night did before blocking)."""
    order = sorted(reports, key=lambda r: (r.date or dt.date.max, r.report_id))
    parent = {r.report_id: r.report_id for r in order}
    members = {r.report_id: {r.article_id} for r in order}
    spots = {
        r.report_id: {events.places.normalize(r.location)}
        if r.location and not events._is_region(r.location) else set()
        for r in order
    }  # fmt: skip

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    by_event: dict[str, str] = {}
    for r in order:
        if r.event_id:
            root = by_event.setdefault(r.event_id, r.report_id)
            if find(root) != find(r.report_id):
                events._union(parent, members, find(root), find(r.report_id), spots)
    blocks: dict[tuple, list[EventReport]] = {}
    for r in order:
        blocks.setdefault((r.type, r.country), []).append(r)
    for (etype, country), block in blocks.items():
        pool = block + (blocks.get((etype, None), []) if country else [])
        for a, b in itertools.combinations(pool, 2):
            if a.event_id and b.event_id and not options.recompare_stored:
                continue
            ra, rb = find(a.report_id), find(b.report_id)
            if ra == rb or members[ra] & members[rb]:
                continue
            if spots[ra] and spots[rb] and not events._spots_agree(spots[ra], spots[rb]):
                continue
            if events.same_event(a, b, options):
                events._union(parent, members, ra, rb, spots)
    first: dict[str, EventReport] = {}
    for r in order:
        root = find(r.report_id)
        if root not in first or (r.event_id and not first[root].event_id):
            first[root] = r
    return {r.report_id: first[find(r.report_id)].event_id or first[find(r.report_id)].report_id
            for r in order}  # fmt: skip


PLACES = [
    None,
    "Mogadishu",
    "Mogadishu Port",
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
def test_blocked_clustering_decides_as_the_exhaustive_comparison_of_pairs_with_a_new_report(
    reports, options
):
    assert cluster(reports, options) == exhaustive_cluster(reports, options)


def _report(i: int, town: str, day: int, stored: bool = False, **kw) -> EventReport:
    return EventReport(
        f"r{i}", f"a{i}", kw.get("type", "Battles"), DAY0 + dt.timedelta(days=day), "day",
        town, kw.get("country", "SOM"), kw.get("actors", ("Al Shabaab",)),
        f"e{i}" if stored else None, None,
    )  # fmt: skip


def _pairs(reports: list[EventReport]) -> list[tuple[EventReport, EventReport]]:
    order = sorted(reports, key=lambda r: (r.date, r.report_id))
    return candidate_pairs(order, ClusterOptions())


def test_two_stored_reports_are_never_compared_again():
    stored = [_report(i, "Kismayo", i % 3, stored=True) for i in range(40)]
    new = [_report(100, "Kismayo", 2)]
    pairs = _pairs(stored + new)
    assert pairs and all(new[0] in pair for pair in pairs)
    assert len(pairs) == len(stored)


def test_reports_outside_the_date_window_are_not_compared():
    reports = [_report(1, "Kismayo", 0), _report(2, "Kismayo", 2), _report(3, "Kismayo", 3)]
    compared = {(a.report_id, b.report_id) for a, b in _pairs(reports)}
    assert compared == {("r1", "r2"), ("r2", "r3")}


def test_a_country_less_report_is_compared_only_with_reports_of_its_place():
    reports = [
        _report(1, "Kismayo", 0, country=None),
        _report(2, "Kismayo", 0),
        _report(3, "Mogadishu", 0),
        _report(4, None, 0),  # the country only: it cannot agree with a report of no country
        _report(5, "Kismayo", 0, country="KEN"),
    ]
    compared = {frozenset((a.report_id, b.report_id)) for a, b in _pairs(reports)}
    assert {p for p in compared if "r1" in p} == {frozenset({"r1", "r2"}), frozenset({"r1", "r5"})}


def _day_of_towns(n: int) -> list[EventReport]:
    """n reports over five days in n / 4 towns of one country, a few named groups between them."""
    groups = ["Al Shabaab", "ISWAP", "Boko Haram", "ADF"]
    return [
        _report(i, f"Town{i % (n // 4)}", i % 5, actors=(groups[i % len(groups)],))
        for i in range(n)
    ]


def test_pairs_per_report_do_not_grow_with_the_size_of_the_day():
    small, large = _day_of_towns(200), _day_of_towns(1600)
    per_report = [len(_pairs(day)) / len(day) for day in (small, large)]
    assert per_report[1] <= per_report[0] * 1.1
    # the exhaustive loop compared every pair of the block: 1600 * 1599 / 2
    assert len(_pairs(large)) < 1600 * 10
