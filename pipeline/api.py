"""The library API of the two runs: `nightly` and `backfill` run their DAG in process (as
`dag.test()` does, with a local Airflow home) and then the publish DAG, as a scheduler does when
their `news_partitions` asset is updated. The CLI, the demo and the tests call these.

Both are idempotent: running a date twice leaves the same rows as running it once.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


def _dir(data_dir: str) -> str:
    """A local data directory as an absolute path; an object-storage URL as it is."""
    from pipeline.store.remote import is_url

    return data_dir if is_url(data_dir) else str(Path(data_dir).resolve())


def nightly(date: str, sources: str, data_dir: str, archive: str | None = None) -> str:
    from pipeline.runs.orchestrate import check_run_dates, run_dag
    from pipeline.settings import load_sources

    check_run_dates(date)
    if archive and not Path(archive).exists():
        raise FileNotFoundError(f"archive {archive} does not exist")
    load_sources(sources)  # a broken sources file fails here, with its reason, before Airflow
    conf = {"sources": str(Path(sources).resolve()), "data_dir": _dir(data_dir)}
    if archive:
        conf["archive"] = str(Path(archive).resolve())
    run_id = run_dag("news_nightly", date, conf, data_dir)
    publish_run(data_dir, date)
    return run_id


def publish_run(data_dir: str, date: str) -> str:
    """Run the news_publish DAG, as the scheduler does when new partitions land (the
    news_partitions asset): write, audit and publish news.duckdb."""
    from pipeline.runs.orchestrate import run_dag

    return run_dag("news_publish", date, {"data_dir": _dir(data_dir)}, data_dir)


def backfill(
    archive: str, date_from: str, date_to: str, data_dir: str, workers: int | None = None
) -> str:
    """Run the news_backfill DAG in process, each date extracted by `workers` processes (default:
    one per core), then publish."""
    from pipeline.runs.orchestrate import check_run_dates, run_dag

    check_run_dates(date_from, date_to)
    if not Path(archive).exists():
        raise FileNotFoundError(f"archive {archive} does not exist")
    conf = {
        "archive": str(Path(archive).resolve()), "date_from": date_from, "date_to": date_to,
        "data_dir": _dir(data_dir), "extract_workers": workers or os.cpu_count() or 1,
    }  # fmt: skip
    try:
        run_id = run_dag("news_backfill", date_to, conf, data_dir)
    except Exception:
        # the dates that were written are published even when others failed, as the
        # news_partitions asset event makes the scheduler do; the run's failure is what is raised
        try:
            publish_run(data_dir, date_to)
        except Exception as exc:
            log.error("publish after the failed backfill: %s", exc)
        raise
    publish_run(data_dir, date_to)
    return run_id
