"""The analyst queries of docs/analysts.md, timed on a generated data directory
(`tools.synthetic`): each on the published file (marts stored in it) and on a file whose marts
are views computed from the Parquet partitions at query time, which must give the same answers;
and one question (deaths per country) from its mart and straight from the raw partitions."""

from __future__ import annotations

import time
from pathlib import Path

# deaths per country, from the mart that answers it
DEATHS_PER_COUNTRY_SQL = (
    "select country, sum(best) from daily_casualties where category = 'killed' "
    "group by 1 order by 1"
)


def run_queries(n_figures: int) -> list[tuple[str, str]]:
    """The analyst queries on a generated data dir of `n_figures` figures: each on the published
    file (marts stored in it) and on a file whose marts are views computed from the Parquet
    partitions at query time; the same question (deaths per country) both ways."""
    import tempfile

    from pipeline import publish
    from tools import synthetic

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-q-") as tmp:
        data = Path(tmp) / "data"
        started = time.perf_counter()
        counts = synthetic.generate(data, n_figures, days=365)
        rows.append(("generated rows", ", ".join(f"{k}={v:,}" for k, v in counts.items())))
        rows.append(("generate s", f"{time.perf_counter() - started:.1f}"))
        started = time.perf_counter()
        publish.publish(data)  # stored marts, checks included
        rows.append(
            ("publish s (marts stored, checks run)", f"{time.perf_counter() - started:.1f}")
        )
        snapshot = publish.query(data, "select snapshot from publication")[1][0][0]
        as_views = Path(tmp) / "views.duckdb"
        started = time.perf_counter()
        publish.build(data, as_views, snapshot, materialize=False)
        rows.append(("build s (marts as views)", f"{time.perf_counter() - started:.1f}"))
        stored = publish.connect(data)
        viewed = publish.open_read_only(as_views)
        rows += _stored_and_computed_marts(stored, viewed)
        rows += _mart_and_raw_partitions(stored, snapshot)
        stored.close()
        viewed.close()
    return rows


def analyst_questions() -> list[tuple[str, str]]:
    """(title, sql) of the questions of docs/analysts.md."""
    import re

    from pipeline.settings import REPO_ROOT

    text = (REPO_ROOT / "docs" / "analysts.md").read_text(encoding="utf-8")
    found = re.findall(r"^### (\d+)\. (.+?)$.*?```sql\n(.*?)```", text, re.M | re.S)
    return [(f"{n}. {title}", sql) for n, title, sql in found]


def _stored_and_computed_marts(stored, viewed) -> list[tuple[str, str]]:
    """Each analyst question on the stored marts and on the marts as views: both latencies;
    raises when their answers differ."""
    rows = []
    for title, sql in analyst_questions():
        ms_stored, got = _latency_ms(stored, sql)
        ms_viewed, want = _latency_ms(viewed, sql)
        if sorted(map(repr, got)) != sorted(map(repr, want)):  # ties may come in any order
            raise AssertionError(f"{title}: stored and computed marts disagree")
        rows.append(
            (f"q{title[:58]}", f"{ms_stored:8.1f} ms  (marts as views {ms_viewed:8.1f} ms)")
        )
    return rows


def _mart_and_raw_partitions(stored, snapshot: str) -> list[tuple[str, str]]:
    """Deaths per country from the mart and from the raw partitions: both latencies and their
    ratio; raises when the answers differ."""
    ms_mart, mart = _latency_ms(stored, DEATHS_PER_COUNTRY_SQL)
    ms_raw, raw = _latency_ms(stored, raw_deaths_sql(snapshot))
    if mart != raw:
        raise AssertionError("deaths per country: the mart and the raw partitions disagree")
    return [
        ("deaths per country from the mart ms", f"{ms_mart:.1f}"),
        ("deaths per country from raw partitions ms", f"{ms_raw:.1f}"),
        ("raw / mart", f"{ms_raw / ms_mart:.0f}x"),
    ]


def _latency_ms(con, sql: str, repeat: int = 3) -> tuple[float, list]:
    """Median wall time of `repeat` runs after one warm-up run, and the result."""
    import statistics

    rows = con.execute(sql).fetchall()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        con.execute(sql).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows


def raw_deaths_sql(snapshot: str) -> str:
    """Deaths per country straight from the Parquet files (no view, no mart): each event's
    latest reports reconciled (median of the incident figures of the articles of the last day
    that reported deaths), then added per country, as event_casualties and daily_casualties
    do."""

    def scan(table: str) -> str:
        return (
            f"read_parquet('{snapshot}/{table}/date=*/*.parquet', hive_partitioning = true, "
            "union_by_name = true)"
        )

    return f"""
    with art as (
        select article_id, coalesce(cast(published as date), "date") as report_day
        from {scan("articles")} where dup_of is null
    ),
    ev as (
        select e.event_id, e.article_id, e.country, a.report_day
        from {scan("events")} e join art a using (article_id)
    ),
    per_article as (
        select e.event_id, e.article_id, e.report_day, sum(f.best) as best
        from ev e join {scan("figures")} f
          on f.event_id = e.event_id and f.article_id = e.article_id
        where f.scope = 'incident' and f.category = 'killed'
        group by all
    ),
    latest as (
        select event_id, cast(round(median(best)) as bigint) as best
        from per_article group by event_id, report_day
        qualify report_day = max(report_day) over (partition by event_id)
    ),
    country as (select event_id, any_value(country) as country from ev group by all)
    select country, sum(best) from latest join country using (event_id) group by 1 order by 1"""
