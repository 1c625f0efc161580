"""The demo: serve the bundled sample site on 127.0.0.1, run the nightly DAG for every sample
date through Airflow, then show what an analyst sees in `news.duckdb`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from pipeline.settings import SEEDS_DIR

ANALYST_QUERIES = [
    (
        "Articles per day and source",
        """select "date", source, count(*) as articles,
                  count(*) filter (where dup_of is not null) as duplicates
           from articles group by all order by all""",
    ),
    (
        "Articles per relevance (a none article yields no events and no figures)",
        """select a.relevance, count(*) as articles,
                  count(*) filter (where a.dup_of is not null) as duplicates,
                  count(e.article_id) as with_events, count(f.article_id) as with_figures
           from articles a
           left join (select distinct article_id from events) e on e.article_id = a.article_id
           left join (select distinct article_id from figures) f on f.article_id = a.article_id
           group by all order by articles desc, a.relevance""",
    ),
    (
        "Most mentioned named entities",
        """select name, type, country, count(distinct article_id) as articles,
                  sum(mention_count) as mentions
           from entities where kind = 'named'
           group by all order by articles desc, mentions desc, name, type limit 12""",
    ),
    (
        "Generic actors (groups named by role), by kind",
        """select kind, count(distinct article_id) as articles,
                  string_agg(distinct name, ', ' order by name) as written_as
           from entities where kind <> 'named' group by all order by articles desc""",
    ),
    (
        "Casualty figures with the words that state them",
        """select a."date", f.category, f.best, f.qualifier, f.scope, f.evidence
           from figures f join articles a using (article_id)
           order by a."date", f.category, f.best desc, f.qualifier, f.evidence""",
    ),
    (
        "Deaths per country: each event once, its reconciled best (running totals never summed)",
        """select coalesce(country, '(unknown)') as country, sum(best) as killed_best,
                  count(*) as events, sum(n_articles) as articles
           from event_casualties where category = 'killed'
           group by all order by killed_best desc, country""",
    ),
    (
        "Events reconciled across sources (event_casualties)",
        """select "date", type, location, country, category, low, best, high, n_articles, n_sources
           from event_casualties order by "date", type, location, category""",
    ),
    (
        "Rows held back by the data checks (left out of every view above; see docs/analysts.md)",
        """select check_name, table_name, count(*) as n, min(reason) as example
           from quarantine group by all order by n desc, check_name""",
    ),
    (
        "Rejected inputs, with their reasons",
        """select "date", stage, reason, url from rejects order by all""",
    ),
]


def sample_dates() -> list[str]:
    with open(SEEDS_DIR / "catalog.jsonl", encoding="utf-8") as f:
        return sorted({json.loads(line)["published"] for line in f if line.strip()})


def run_demo(data_dir: str) -> int:
    from pipeline import api
    from pipeline.demo.site import serve_site, sources_for
    from pipeline.publish import format_table, query

    data = Path(data_dir)
    data.mkdir(parents=True, exist_ok=True)
    dates = sample_dates()
    started = time.monotonic()
    with serve_site() as base:
        sources = data / "sources.toml"
        sources.write_text(sources_for(base), encoding="utf-8")
        print(
            f"Serving the sample site at {base}; running news_nightly for {', '.join(dates)}",
            file=sys.stderr,
        )
        for date in dates:
            t = time.monotonic()
            api.nightly(date, str(sources), str(data))
            print(f"  {date}: done in {time.monotonic() - t:.1f}s", file=sys.stderr)
    print(
        f"\nAll runs done in {time.monotonic() - started:.0f}s. Published {data / 'news.duckdb'}\n"
    )
    for title, sql in ANALYST_QUERIES:
        cols, rows = query(data, sql)
        print(f"== {title}\n{format_table(cols, rows, max_width=70)}\n")
    print(f'Try your own: .venv/bin/python -m pipeline query --data-dir {data} "select ..."')
    return 0
