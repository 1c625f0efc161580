"""Publish: the DuckDB file analysts open, audited by the data checks before it is swapped in.

Write-audit-publish, in three steps that the `news_publish` DAG runs as three tasks:

1. `stage`: freeze the Parquet partitions as a *snapshot* (hard links under
   `DIR/_published/<publish id>/`, no copying) and build a candidate file beside `news.duckdb`:
   one view per `sql/views` file over the snapshot, one per `sql/marts` file computed once and
   stored inside the file (marts are small aggregates; `make bench` measures the gain), and the
   data dictionary as `COMMENT ON` every view and column. Rows a quarantine check finds are
   held back from every view and listed in the `quarantine` view.
2. `audit`: run the blocking `sql/checks/*.sql` against the candidate; any row is a failure,
   logged with its rows, and the candidate is thrown away: the published file stays as it was.
3. `swap`: `os.replace` the candidate over `news.duckdb` and drop snapshots no file points at.

A reader that holds the old file open keeps reading the old snapshot (its partitions are hard
links, so rewriting a partition never changes them); a new connection opens the new file; nothing
ever opens a half-built one. Paths in the views are absolute, so the file opens from any working
directory; if the data directory is moved, the views over Parquet fail ("No files found") until
`pipeline publish --data-dir NEW` rebuilds them, while the marts stored inside still answer.
Readers run queries only (`connect`, `query`, `export`).

The modules: `sql_models` (the SQL files and their data dictionary), `snapshots`, `candidate`
(build, with the quarantine hold-back), `data_checks` (check files, severities, audit),
`release` (stage, swap, publish), `read` (read-only connections, query, export), `report`.
"""

from __future__ import annotations

from pipeline.publish.candidate import build, hold_back
from pipeline.publish.data_checks import (
    BLOCK,
    QUARANTINE,
    QUARANTINE_COLUMNS,
    QUARANTINE_IDS,
    QUARANTINE_TABLE,
    Check,
    CheckResult,
    ChecksFailed,
    audit,
    check_files,
    checks,
    quarantined,
    run_checks,
    run_checks_on,
)
from pipeline.publish.read import (
    DB_NAME,
    EXPORT_FORMATS,
    ReadOnlyConnection,
    ReadOnlyError,
    connect,
    db_path,
    export,
    format_table,
    open_read_only,
    query,
    refuse_writes,
)
from pipeline.publish.release import publish, stage, swap
from pipeline.publish.snapshots import (
    KEEP_SNAPSHOT_AGE,
    KEEP_SNAPSHOTS,
    SNAPSHOTS,
    new_publish_id,
    prune_snapshots,
    snapshot,
)
from pipeline.publish.sql_models import MART_PREFIX, Model, model_files, models, source_tables

__all__ = [
    "BLOCK", "DB_NAME", "EXPORT_FORMATS", "KEEP_SNAPSHOTS", "KEEP_SNAPSHOT_AGE", "MART_PREFIX",
    "QUARANTINE", "QUARANTINE_COLUMNS", "QUARANTINE_IDS", "QUARANTINE_TABLE", "SNAPSHOTS",
    "Check", "CheckResult", "ChecksFailed", "Model", "ReadOnlyConnection", "ReadOnlyError",
    "audit", "build", "check_files", "checks", "connect", "db_path", "export", "format_table",
    "hold_back", "model_files", "models", "new_publish_id", "open_read_only", "prune_snapshots",
    "publish", "quarantined", "query", "refuse_writes", "run_checks", "run_checks_on",
    "snapshot", "source_tables", "stage", "swap",
]  # fmt: skip
