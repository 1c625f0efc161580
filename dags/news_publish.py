"""
### news_publish

Publishes `news.duckdb` whenever new partitions land: the nightly run and the backfill each end
by updating the `news_partitions` asset, and this DAG runs on it, so both publish the same way.

Write-audit-publish, one task each: `stage` freezes the partitions (hard links, no copy) and
builds a candidate file with every view, mart and comment; `audit` runs `sql/checks/*.sql` on the
candidate and fails, logging the failing rows, when one returns rows (the published file stays as
it was); `swap` moves the audited candidate over `news.duckdb` in one rename.

The data directory comes from the triggering asset events (`extra["data_dir"]`), else from the
`data_dir` param (a manual run, or `pipeline nightly` / `backfill`, which run this DAG in process
after theirs).
"""

from __future__ import annotations

import os

from airflow.sdk import dag, get_current_context, task

from pipeline.runs.dagkit import NEWS_DB, NEWS_PARTITIONS, START_DATE, default_args


def _data_dirs() -> list[str]:
    """The data directories the triggering events name (one per directory), else the param."""
    ctx = get_current_context()
    events = ctx.get("triggering_asset_events") or {}
    dirs = sorted(
        {
            e.extra["data_dir"]
            for evs in events.values()
            for e in evs
            if (e.extra or {}).get("data_dir")
        }
    )
    return dirs or [ctx["params"]["data_dir"]]


@dag(
    dag_id="news_publish",
    schedule=[NEWS_PARTITIONS],
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,  # two publishes never race for the same file
    default_args=default_args(),
    params={"data_dir": os.environ.get("NEWSFACTS_DATA_DIR", "data")},
    doc_md=__doc__,
    tags=["newsfacts", "publish"],
)
def news_publish():
    @task
    def stage() -> list[str]:
        from pipeline.runs import publish_steps

        return [publish_steps.stage_step(d) for d in _data_dirs()]

    @task(retries=0)  # a failing check is a verdict on the data, not a flaky task
    def audit(candidates: list[str]) -> list[dict[str, int]]:
        from pipeline.runs import publish_steps

        return [publish_steps.audit_step(c) for c in candidates]

    @task(outlets=[NEWS_DB])
    def swap(candidates: list[str], audited: list[dict[str, int]]) -> list[str]:
        from pipeline.runs import publish_steps

        return [publish_steps.swap_step(c) for c in candidates]

    candidates = stage()
    swap(candidates, audit(candidates))


news_publish()
