"""
### news_backfill

Backfill historical archives (WARC / WARC.gz files as CC-NEWS publishes them, JSONL dumps of
input records, or directories of them) for a date range. One mapped task per archive file streams
its records into per-date shards (a failed file is retried alone); then one mapped task per date
cleans, extracts and swaps that date's partitions in whole, exactly as the nightly run does (a
date this run already committed is not redone when the run is retried). Then the
`news_partitions` asset is updated, on which the `news_publish` DAG builds, audits and publishes
`news.duckdb`. A second backfill of the same range gives the same rows. The run fails, saying
why, when the archive has no record in the range, or has some and no date was written.

Params: `archive` (file or directory), `date_from`, `date_to` (YYYY-MM-DD, from 1990-01-01),
`data_dir`, `extract_workers` (processes that extract one date side by side; `pipeline backfill`
sets it to the machine's cores).
"""

from __future__ import annotations

import contextlib
import os

from airflow.sdk import dag, get_current_context, task

from pipeline.runs.dagkit import NEWS_PARTITIONS, START_DATE, default_args


def _run() -> tuple[dict, str]:
    ctx = get_current_context()
    return ctx["params"], ctx["run_id"]


def _results(mapped) -> list[str]:
    """The dates a mapped write_date returned, read by index (iterating a lazy XCom sequence
    asks for one item past its end, which Airflow's client logs as an error); none when the
    task was skipped (no date planned); a date that failed has no result and is left out."""
    try:
        n = len(mapped)
    except Exception:
        return []
    written = []
    for i in range(n):
        with contextlib.suppress(Exception):
            written.append(mapped[i])
    return sorted(d for d in written if d)


@dag(
    dag_id="news_backfill",
    schedule=None,
    start_date=START_DATE,
    catchup=False,
    default_args=default_args(),
    params={
        "archive": "",
        "date_from": "",
        "date_to": "",
        "data_dir": os.environ.get("NEWSFACTS_DATA_DIR", "data"),
        # processes extracting one date (1 on a cluster, whose slots already fill the cores)
        "extract_workers": 1,
    },
    doc_md=__doc__,
    tags=["newsfacts", "backfill"],
)
def news_backfill():
    @task
    def list_archives() -> list[str]:
        from airflow.sdk.exceptions import AirflowFailException

        from pipeline.ingest.archives import archive_files
        from pipeline.runs.orchestrate import check_run_dates

        params, _ = _run()
        missing = [k for k in ("archive", "date_from", "date_to") if not params.get(k)]
        try:
            if missing:
                raise ValueError(f"news_backfill needs the params {missing}")
            check_run_dates(params["date_from"], params["date_to"])
            return [str(p) for p in archive_files(params["archive"])]
        except (ValueError, FileNotFoundError) as exc:  # a retry would not change the params
            raise AirflowFailException(str(exc)) from exc

    @task
    def route_file(path: str) -> dict:
        from pipeline.runs import backfill

        p, run_id = _run()
        return backfill.route_file(path, p["date_from"], p["date_to"], p["data_dir"], run_id)

    @task
    def plan_dates(routed) -> list[str]:
        return sorted({d for i in range(len(routed)) for d in routed[i]["dates"]})

    @task
    def write_date(date: str) -> str:
        from pipeline.runs import backfill

        params, run_id = _run()
        workers = int(params.get("extract_workers") or 1)
        return backfill.backfill_date(date, params["data_dir"], run_id, workers)

    @task(outlets=[NEWS_PARTITIONS], trigger_rule="all_done")
    def partitions_landed(dates) -> list[str]:
        # runs even when a date failed, so that what was written gets published
        from pipeline.runs import backfill

        params, run_id = _run()
        backfill.finish_backfill(params["data_dir"], run_id)
        written = _results(dates)
        get_current_context()["outlet_events"][NEWS_PARTITIONS].extra = {
            "data_dir": params["data_dir"], "dates": written,
        }  # fmt: skip
        return written

    @task(trigger_rule="none_failed", retries=0)  # a verdict on the archive: a retry won't help
    def every_date_written(routed, dates) -> int:
        # fails (upstream_failed) when a file or a date failed, so the run does too, even though
        # publish still runs to show what was written; and fails, saying why, when there was
        # nothing in the range or nothing of it was written (it runs when no date was planned)
        from pipeline.runs import backfill

        params, _ = _run()
        summaries = [routed[i] for i in range(len(routed))]
        return backfill.check_backfill(
            summaries, _results(dates), params["date_from"], params["date_to"]
        )

    routed = route_file.expand(path=list_archives())
    written = write_date.expand(date=plan_dates(routed))
    partitions_landed(written)
    every_date_written(routed, written)


news_backfill()
