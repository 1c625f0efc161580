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

from pipeline.settings import DAGS_DIR

log = logging.getLogger(__name__)


class DagRunFailed(RuntimeError):
    """A DAG run ended in a state other than success; the message names the failed tasks."""


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
    """Run one DAG run to its end; returns its run id or raises DagRunFailed."""
    prepare_airflow(data_dir)
    _migrated(os.environ["AIRFLOW_HOME"])
    dag = load_dag(dag_id)
    day = dt.datetime.fromisoformat(logical_date).replace(tzinfo=dt.UTC)
    run = dag.test(logical_date=day, run_conf=conf)
    if run.state != "success":
        failed = sorted(
            {
                ti.task_id
                for ti in run.get_task_instances()
                if ti.state in ("failed", "upstream_failed")
            }
        )
        raise DagRunFailed(f"{dag_id} {logical_date}: run {run.state}; failed tasks: {failed}")
    return run.run_id
