"""What the three DAG files share: the asset they hand over on, the first day they accept, their
retry policy and the failure callback that lets `orchestrate.run_dag` say why a run failed.

Imported by the DAG files at parse time, so it imports nothing heavy (only `airflow.sdk`).
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from airflow.sdk import Asset

from pipeline.settings import EARLIEST_DATE

# every DAG starts on the first day the pipeline accepts (see settings.EARLIEST_DATE)
START_DATE = dt.datetime(EARLIEST_DATE.year, EARLIEST_DATE.month, EARLIEST_DATE.day)

# the news_publish DAG runs when this asset is updated: it builds, audits and swaps news.duckdb
NEWS_PARTITIONS = Asset(name="news_partitions", uri="file:///newsfacts/partitions")
NEWS_DB = Asset(name="news_duckdb", uri="file:///newsfacts/news.duckdb")


def record_failure(context) -> None:
    """Task failure callback: keep the exception of a task run in process, so that `run_dag`
    names the reason beside the failed task (in a scheduler's worker it only logs)."""
    from pipeline.runs.orchestrate import remember_failure

    remember_failure(context["ti"].task_id, context.get("exception"))


def default_args(retries: int = 2) -> dict:
    """Retries with exponential backoff (a flaky site, a busy object store), and the failure
    callback."""
    return {
        "retries": retries,
        "retry_delay": timedelta(seconds=30),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(minutes=10),
        "on_failure_callback": record_failure,
    }
