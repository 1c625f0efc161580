"""
### news_nightly

Every night, for the logical date D: read the sources file (feeds, sitemaps, URL lists), take the
items published on D, fetch them politely, clean the HTML into article text, extract entities,
casualty figures and events, and swap D's Parquet partitions in whole. Writing them updates the
`news_partitions` asset, on which the `news_publish` DAG builds, audits and publishes
`news.duckdb`. Rerunning a date replaces its partitions: same rows, never duplicates.

Params: `sources` (path of the sources TOML) and `data_dir` (where the tables live); `archive`
(a WARC/JSONL file or directory) makes the run read that day's records from the archive instead
of the web, so `airflow backfill create --dag-id news_nightly --from-date ... --to-date ...
--dag-run-conf '{"archive": "/path"}'` backfills through the nightly DAG itself.
Tasks pass the path of a staging directory, never articles. All work lives in `pipeline.runs`.
"""

from __future__ import annotations

import os

from airflow.sdk import dag, get_current_context, task
from airflow.timetables.interval import CronDataIntervalTimetable

from pipeline.runs.dagkit import NEWS_PARTITIONS, START_DATE, default_args

DATA_DIR = os.environ.get("NEWSFACTS_DATA_DIR", "data")
SOURCES = os.environ.get("NEWSFACTS_SOURCES", "seeds/sources.toml")
# on a cluster, a pool with few slots caps how many fetch tasks (each polite per host) run at
# once over all workers, so concurrent runs never multiply the load on one site
FETCH_POOL = os.environ.get("NEWSFACTS_FETCH_POOL", "default_pool")


def _params() -> tuple[str, str, str, str]:
    """sources, data_dir, the day the run collects (its logical date: for a scheduled run the
    start of its data interval, for `pipeline nightly --date D` the day D), run id."""
    ctx = get_current_context()
    params = ctx["params"]
    start = ctx.get("logical_date") or ctx.get("data_interval_start")
    if start is None:
        raise ValueError(
            "news_nightly needs a logical date: trigger it with one (the day to collect)"
        )
    return params["sources"], params["data_dir"], start.date().isoformat(), ctx["run_id"]


@dag(
    dag_id="news_nightly",
    # the run for day D starts when D is over (00:00 UTC the next day) and collects D: a data
    # interval, not Airflow 3's default cron trigger whose logical date is the firing time
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    start_date=START_DATE,  # any day from 1990 on can be collected (from an archive)
    catchup=False,
    max_active_runs=1,
    default_args=default_args(),
    params={"sources": SOURCES, "data_dir": DATA_DIR, "archive": ""},
    doc_md=__doc__,
    tags=["newsfacts", "nightly"],
)
def news_nightly():
    @task
    def discover() -> str:
        from pipeline.runs import backfill, nightly

        sources, data_dir, ds, run_id = _params()
        archive = get_current_context()["params"].get("archive")
        if archive:  # `airflow backfill create` with {"archive": PATH}: read it, not the web
            return backfill.archive_day_step(archive, ds, data_dir, run_id)
        return nightly.discover_step(sources, ds, data_dir, run_id)

    @task(pool=FETCH_POOL)
    def fetch(staging: str) -> str:
        from pipeline.runs import nightly

        return nightly.fetch_step(staging)

    @task
    def clean(staging: str) -> str:
        from pipeline.runs import nightly

        return nightly.clean_step(staging)

    @task
    def extract(staging: str) -> str:
        from pipeline.runs import extraction

        return extraction.extract_step(staging)

    @task(outlets=[NEWS_PARTITIONS])
    def write_partitions(staging: str) -> dict[str, str]:
        from pipeline.runs.staging import commit_step

        _, data_dir, ds, _ = _params()
        committed = commit_step(staging)
        get_current_context()["outlet_events"][NEWS_PARTITIONS].extra = {
            "data_dir": data_dir, "dates": [ds],
        }  # fmt: skip
        return committed

    write_partitions(extract(clean(fetch(discover()))))


news_nightly()
