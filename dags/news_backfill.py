"""
### news_backfill

Backfill historical archives (JSONL dumps of input records, or directories of them) for a date
range: route each record to its publication date, then for every date that has records clean,
extract and swap that date's partitions in whole, exactly as the nightly run does; publish
`news.duckdb` and run the data checks. Dates run as mapped tasks, so a failed date is retried
alone; a second backfill of the same range gives the same rows.

Params: `archive` (file or directory), `date_from`, `date_to` (YYYY-MM-DD), `data_dir`.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.sdk import Asset, dag, get_current_context, task

NEWS_DB = Asset(name="news_duckdb", uri="file:///newsfacts/news.duckdb")


def _param(name: str) -> str:
    return get_current_context()["params"][name]


@dag(
    dag_id="news_backfill",
    schedule=None,
    start_date=datetime(2025, 1, 1),
    catchup=False,
    default_args={
        "retries": 2,
        "retry_delay": timedelta(seconds=30),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(minutes=10),
    },
    params={
        "archive": "",
        "date_from": "",
        "date_to": "",
        "data_dir": os.environ.get("NEWSFACTS_DATA_DIR", "data"),
    },
    doc_md=__doc__,
    tags=["newsfacts", "backfill"],
)
def news_backfill():
    @task
    def split_archive() -> list[str]:
        from pipeline import runs

        ctx = get_current_context()
        p = ctx["params"]
        return runs.split_archive(
            p["archive"], p["date_from"], p["date_to"], p["data_dir"], ctx["run_id"]
        )

    @task
    def extract(staging: str) -> str:
        from pipeline import runs

        return runs.extract_step(staging)

    @task
    def write_partitions(staging: str) -> dict[str, str]:
        from pipeline import runs

        return runs.commit_step(staging)

    @task(outlets=[NEWS_DB], trigger_rule="all_done")
    def publish(committed) -> str:
        from pipeline import runs

        return runs.publish_step(_param("data_dir"))

    @task(retries=0)
    def data_checks(db: str) -> dict[str, int]:
        from pipeline import runs

        return runs.checks_step(_param("data_dir"))

    staged = extract.expand(staging=split_archive())
    data_checks(publish(write_partitions.expand(staging=staged)))


news_backfill()
