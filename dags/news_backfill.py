"""
### news_backfill

Backfill historical archives (WARC / WARC.gz files as CC-NEWS publishes them, JSONL dumps of
input records, or directories of them) for a date range. One mapped task per archive file streams
its records into per-date shards (a failed file is retried alone); then one mapped task per date
cleans, extracts and swaps that date's partitions in whole, exactly as the nightly run does (a
date this run already committed is not redone when the run is retried). Finally the
`news_partitions` asset is updated, on which the `news_publish` DAG builds, audits and publishes
`news.duckdb`. A second backfill of the same range gives the same rows.

Params: `archive` (file or directory), `date_from`, `date_to` (YYYY-MM-DD), `data_dir`.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.sdk import Asset, dag, get_current_context, task

# the news_publish DAG runs when this asset is updated: it builds, audits and swaps news.duckdb
NEWS_PARTITIONS = Asset(name="news_partitions", uri="file:///newsfacts/partitions")


def _run() -> tuple[dict, str]:
    ctx = get_current_context()
    return ctx["params"], ctx["run_id"]


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
    def list_archives() -> list[str]:
        from pipeline.archives import archive_files

        params, _ = _run()
        missing = [k for k in ("archive", "date_from", "date_to") if not params.get(k)]
        if missing:
            raise ValueError(f"news_backfill needs the params {missing}")
        return [str(p) for p in archive_files(params["archive"])]

    @task
    def route_file(path: str) -> list[str]:
        from pipeline import runs

        p, run_id = _run()
        return runs.route_archive_file(path, p["date_from"], p["date_to"], p["data_dir"], run_id)

    @task
    def plan_dates(per_file) -> list[str]:
        return sorted({d for i in range(len(per_file)) for d in per_file[i]})

    @task
    def write_date(date: str) -> str:
        from pipeline import runs

        params, run_id = _run()
        return runs.backfill_date(date, params["data_dir"], run_id)

    @task(outlets=[NEWS_PARTITIONS], trigger_rule="all_done")
    def partitions_landed(dates) -> list[str]:
        # runs even when a date failed, so that what was written gets published
        from pipeline import runs

        params, run_id = _run()
        runs.finish_backfill(params["data_dir"], run_id)
        try:  # a failed date has no result to list
            written = sorted(d for d in dates if d)
        except Exception:
            written = []
        get_current_context()["outlet_events"][NEWS_PARTITIONS].extra = {
            "data_dir": params["data_dir"], "dates": written,
        }  # fmt: skip
        return written

    @task
    def every_date_written(dates) -> int:
        # a leaf that fails (upstream_failed) when a file or a date failed, so the run does too,
        # even though publish still runs to show what was written
        return len(dates)

    dates = plan_dates(route_file.expand(path=list_archives()))
    written = write_date.expand(date=dates)
    partitions_landed(written)
    every_date_written(written)


news_backfill()
