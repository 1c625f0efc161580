"""The speed-up of a second core: one backfill of generated pages with 1 and then 2 worker
processes, run as the backfill DAG's task bodies (routing, then one task per date), timed by the
wall clock. The workers are fresh processes, as Airflow's are."""

from __future__ import annotations

import time
from pathlib import Path

from tools.bench.measure import peak_rss_mib
from tools.bench.stages import ALL_DAYS, RUN_ID


def run_scaling(n: int, days: int, tmp: Path, workers=(1, 2)) -> dict:
    """Backfill N generated pages with 1 and then 2 worker processes (the backfill DAG's task
    bodies: routing, then one task per date): wall time, as a second core is meant to help."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.runs import backfill
    from tools import benchcorpus

    archive = tmp / f"scaling-{n}.jsonl.gz"
    benchcorpus.write_archive(archive, n, days)
    result: dict = {"documents": n, "days": days}
    for w in workers:
        data = str(tmp / f"data-scaling-{w}")
        dates = backfill.route_archive_file(str(archive), *ALL_DAYS, data, RUN_ID)
        started = time.perf_counter()
        # fresh worker processes (as Airflow's are), not forks of this one with its models
        with ProcessPoolExecutor(max_workers=w, mp_context=mp.get_context("forkserver")) as pool:
            peaks = list(pool.map(_backfill_date, dates, [data] * len(dates)))
        result[f"docs_per_s_{w}_workers"] = round(n / (time.perf_counter() - started), 1)
        result[f"peak_rss_per_worker_mib_{w}_workers"] = round(max(peaks))
    if len(workers) == 2:
        result["speedup"] = round(
            result[f"docs_per_s_{workers[1]}_workers"] / result[f"docs_per_s_{workers[0]}_workers"],
            2,
        )
    return result


def _backfill_date(date: str, data_dir: str) -> float:
    """One backfill task in a worker process; the worker's peak RSS so far."""
    from pipeline.runs import backfill

    backfill.backfill_date(date, data_dir, RUN_ID)
    return peak_rss_mib()
