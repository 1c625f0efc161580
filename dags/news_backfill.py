"""
### news_backfill

Backfill historical archives (WARC / WARC.gz files as CC-NEWS publishes them, JSONL dumps of
input records, or directories of them) for a date range. One mapped task per archive file streams
its records into per-date shards (a failed file is retried alone). `plan_parts` then splits every
date's records into parts, and `extract_parts` cleans and extracts them, all dates side by side:
one task running a process pool over every part of every date when `extract_workers` > 1 (in
process, `pipeline backfill`), else one mapped task per part (on a cluster: a big date spreads
over the workers). Then one mapped task per date runs that date's day-level steps
(near-duplicates, event ids) over its parts' outputs and swaps its partitions in whole, exactly as
the nightly run does (in process, the pool's task has already done so for each date, in date
order, since a date's event ids read the dates stored before it and `dag.test()` runs mapped
tasks in no fixed order; on a cluster the dates' tasks run as the scheduler picks them); it extracts again any part left without output, and fails, naming the part
and why, when that part fails again (a part that failed fails only its date). A date this run
already committed is not redone when the run is retried, nor a part already extracted when its
task or its date's task is retried. Then the
`news_partitions` asset is updated, on which the `news_publish` DAG builds, audits and publishes
`news.duckdb`. A second backfill of the same range gives the same rows. The run fails, saying
why, when the archive has no record in the range, or has some and no date was written.

Params: `archive` (file or directory), `date_from`, `date_to` (YYYY-MM-DD, from 1990-01-01),
`data_dir`, `extract_workers` (processes extracting parts side by side in one task; `pipeline
backfill` sets it to the machine's cores), `extract_part_records` (records of a part when each
part is its own task; 0: 2,000).
"""

from __future__ import annotations

import contextlib
import os

from airflow.sdk import dag, get_current_context, task

from pipeline.runs.dagkit import NEWS_PARTITIONS, START_DATE, default_args


def _run() -> tuple[dict, str]:
    ctx = get_current_context()
    return ctx["params"], ctx["run_id"]


def _workers(params: dict) -> int:
    return int(params.get("extract_workers") or 1)


def _part_records(params: dict) -> int:
    from pipeline.runs.parts import PART_RECORDS

    return int(params.get("extract_part_records") or PART_RECORDS)


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
        # processes extracting parts side by side in one task (1 on a cluster, whose slots
        # already fill the cores: there each part is a task of its own)
        "extract_workers": 1,
        # records of a part when each part is its own task (0: parts.PART_RECORDS)
        "extract_part_records": 0,
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
    def plan_parts(dates: list[str]) -> list[list[dict]]:
        from pipeline.runs import parts

        params, run_id = _run()
        return parts.plan_dates(
            dates, params["data_dir"], run_id, _workers(params), _part_records(params)
        )

    @task(map_index_template="{{ parts_label }}")
    def extract_parts(batch: list[dict]) -> int:
        from pipeline.runs import parts

        params, run_id = _run()
        get_current_context()["parts_label"] = parts.batch_label(batch)  # the map index's name
        if _workers(params) > 1:  # in process: then every date's commit, in date order
            return parts.extract_and_commit(params["data_dir"], run_id, batch, _workers(params))
        return parts.extract_batch(params["data_dir"], run_id, batch, _workers(params))

    # all_done: a date whose parts were all extracted is written even when a part of another
    # date failed; a part left without output is extracted again by its date's task
    @task(trigger_rule="all_done")
    def write_date(date: str) -> str:
        from pipeline.runs import backfill

        params, run_id = _run()
        return backfill.backfill_date(date, params["data_dir"], run_id, _workers(params))

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
    dates = plan_dates(routed)
    extracted = extract_parts.expand(batch=plan_parts(dates))
    written = write_date.expand(date=dates)
    extracted >> written
    partitions_landed(written)
    every_date_written(routed, written)


news_backfill()
