"""Run the project's Airflow DAGs in process (`dag.test()`), as `pipeline nightly/backfill` do.

Airflow reads its settings when it is first imported, so `prepare_airflow` sets them before:
a local AIRFLOW_HOME under the data directory (unless AIRFLOW_HOME is already set), a SQLite
metadata DB migrated on first use, the project's `dags/` folder, no example DAGs, quiet logs.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import warnings
from functools import cache
from pathlib import Path

from pipeline.settings import DAGS_DIR, EARLIEST_DATE

log = logging.getLogger(__name__)


class DagRunFailed(RuntimeError):
    """A DAG run ended in a state other than success, or ran no task; the message names the
    failed tasks and why each failed."""


# (task id, reason) of each task that failed in this process since the last run_dag began: the
# DAGs' failure callback (pipeline.dagkit.record_failure) fills it during dag.test()
_FAILURES: list[tuple[str, str]] = []


def remember_failure(task_id: str, exc: BaseException | None) -> None:
    reason = f"{type(exc).__name__}: {exc}" if exc is not None else "no exception recorded"
    _FAILURES.append((task_id, reason))


def check_run_dates(*dates: str) -> list[dt.date]:
    """The run dates as dates, or a ValueError that says what is wrong with one: not a
    YYYY-MM-DD date, before EARLIEST_DATE (no DAG runs earlier), after tomorrow (UTC), or a
    range whose start is after its end."""
    days = []
    for text in dates:
        try:
            day = dt.date.fromisoformat(text)
        except (TypeError, ValueError):
            raise ValueError(f"{text!r} is not a date: write it YYYY-MM-DD") from None
        if day < EARLIEST_DATE:
            raise ValueError(f"{day} is before {EARLIEST_DATE}, the first day the DAGs accept")
        tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
        if day > tomorrow:
            raise ValueError(f"{day} is in the future: nothing was published on it yet")
        days.append(day)
    if len(days) == 2 and days[0] > days[1]:
        raise ValueError(f"the range {days[0]}..{days[1]} ends before it starts")
    return days


def prepare_airflow(data_dir: str | Path) -> Path:
    """Set Airflow's environment (before its first import) and return AIRFLOW_HOME."""
    # a data directory on object storage (s3://...) gets its Airflow home in the working directory
    local = Path(".") if str(data_dir).startswith("s3://") else Path(data_dir)
    home = Path(os.environ.get("AIRFLOW_HOME") or local.resolve() / ".airflow")
    home.mkdir(parents=True, exist_ok=True)
    os.environ["AIRFLOW_HOME"] = str(home)
    os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(DAGS_DIR))
    os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING")
    warnings.filterwarnings("ignore", message=r".*httpx.*")
    return home


@cache
def _migrated(home: str) -> bool:
    from airflow.utils import db

    log.info("migrating the Airflow metadata DB in %s", home)
    db.upgradedb()
    return True


@cache
def load_dag(dag_id: str):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS_DIR))
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    return bag.dags[dag_id]


def run_dag(dag_id: str, logical_date: str, conf: dict, data_dir: str | Path) -> str:
    """Run one DAG run to its end; returns its run id. Raises DagRunFailed when the run failed
    (naming each failed task and its exception) or when it ran no task at all, which Airflow
    reports as a success (a logical date before the DAG's start_date gets no task instance)."""
    prepare_airflow(data_dir)
    _migrated(os.environ["AIRFLOW_HOME"])
    dag = load_dag(dag_id)
    day = dt.datetime.fromisoformat(logical_date).replace(tzinfo=dt.UTC)
    _FAILURES.clear()
    # every declared param is passed: in process, a run's conf stays in the tasks' params, so a
    # key one run set (an archive) would otherwise be seen by the next run that leaves it out
    conf = {**{k: dag.params[k] for k in dag.params}, **conf}
    run = dag.test(logical_date=day, run_conf=conf)
    tis = run.get_task_instances()
    if run.state != "success":
        failed = sorted({ti.task_id for ti in tis if ti.state in ("failed", "upstream_failed")})
        why = "".join(f"\n  {task}: {reason}" for task, reason in _FAILURES)
        raise DagRunFailed(f"{dag_id} {logical_date}: run {run.state}; failed tasks: {failed}{why}")
    if not any(ti.state == "success" for ti in tis):
        start = dag.start_date.date() if dag.start_date else None
        why = (
            f"the logical date is before the DAG's start_date {start}"
            if start and day.date() < start
            else f"its {len(tis)} task instances were all skipped or never started"
        )
        raise DagRunFailed(f"{dag_id} {logical_date}: the run ran no task ({why})")
    return run.run_id
