"""The data checks: `sql/checks/*.sql`, queries that return the rows breaking a rule, and the
audit that runs them on a candidate file before it is published.

Each check's header states its severity. A `block` check is a structural fault the code
guarantees against (orphans, duplicate ids, partition days, accepted values, bounds): one row
and the candidate is thrown away, the published file staying as it was. A `quarantine` check is
a content fault of some rows (an event dated after its article, an implausible count, evidence
not at its span): the build holds those rows back from every view (`candidate.hold_back`) and
lists them in the `quarantine` view, and the rest is published.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.publish.read import db_path, open_read_only
from pipeline.publish.snapshots import discard
from pipeline.settings import SQL_DIR
from pipeline.vocabulary import render

log = logging.getLogger(__name__)

BLOCK, QUARANTINE = "block", "quarantine"
_SEVERITY = re.compile(r"^--\s*severity:\s*(\w+)\s*$", re.M)
QUARANTINE_TABLE = "_quarantine"
# the views whose rows a content check may hold back, and the column that names a row (an event
# row is its event_id with its article_id: every report of one event shares the event_id)
QUARANTINE_IDS = {"events": "event_id", "figures": "figure_id"}
QUARANTINE_COLUMNS = ("table_name", "row_id", "article_id", "reason", "date")


@dataclass(frozen=True)
class Check:
    """One sql/checks file. Its header says its severity: `block` (a structural fault the code
    guarantees against: the publish stops) or `quarantine` (a content fault of some rows: they
    are left out of the views and listed in `quarantine`, returning QUARANTINE_COLUMNS)."""

    path: Path
    severity: str

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def sql(self) -> str:
        return render(self.path.read_text(encoding="utf-8"))

    @property
    def description(self) -> str:
        return " ".join(
            line.removeprefix("--").strip()
            for line in self.sql.splitlines()
            if line.startswith("--") and not _SEVERITY.match(line)
        )


def check_files() -> list[Path]:
    return sorted((SQL_DIR / "checks").glob("*.sql"))


def checks(severity: str | None = None) -> list[Check]:
    """The check files (of one severity); a file without a valid severity header is an error."""
    found = []
    for path in check_files():
        m = _SEVERITY.search(path.read_text(encoding="utf-8"))
        if not m or m.group(1) not in (BLOCK, QUARANTINE):
            raise ValueError(f"{path}: the header must say '-- severity: block' or 'quarantine'")
        found.append(Check(path, m.group(1)))
    return [c for c in found if severity in (None, c.severity)]


@dataclass
class CheckResult:
    name: str
    description: str
    failing_rows: int
    sample: list[tuple]
    columns: list[str] = field(default_factory=list)
    severity: str = BLOCK


class ChecksFailed(RuntimeError):
    """Data checks returned rows: the candidate was not published."""

    def __init__(self, failing: list[CheckResult]):
        self.failing = failing
        lines = [
            f"{r.name}: {r.failing_rows} rows, e.g. {r.sample[:3]} ({r.description})"
            for r in failing
        ]
        super().__init__("data checks failed, the previous publish stays:\n" + "\n".join(lines))


def run_checks_on(
    db: str | Path, sample: int = 20, severity: str | None = None
) -> list[CheckResult]:
    """Run each sql/checks/*.sql (of one severity) against the DuckDB file `db`; a check passes
    with no rows. On a built file the quarantine checks pass: their rows are not in the views."""
    results = []
    con = open_read_only(db)
    try:
        for check in checks(severity):
            cur = con.execute(check.sql)
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
            results.append(
                CheckResult(check.name, check.description, len(rows), rows[:sample], cols,
                            check.severity)
            )  # fmt: skip
    finally:
        con.close()
    return results


def run_checks(data_dir: str | Path) -> list[CheckResult]:
    """The checks against the published file."""
    return run_checks_on(db_path(data_dir))


def quarantined(db: str | Path) -> dict[str, int]:
    """Rows held back per check in a built (candidate or published) file."""
    con = open_read_only(db)
    try:
        return dict(
            con.execute(
                f"select check_name, count(*) from {QUARANTINE_TABLE} group by 1 order by 1"
            ).fetchall()
        )
    finally:
        con.close()


def audit(candidate: str | Path) -> list[CheckResult]:
    """Audit: run the blocking checks on the candidate. When one returns rows, log them, throw
    the candidate away and raise ChecksFailed (the published file is untouched). The rows the
    quarantine checks held back when the candidate was built are logged per check."""
    candidate = Path(candidate)
    for name, n in quarantined(candidate).items():
        log.info("check %-36s %d rows held back (quarantine)", name, n)
    results = run_checks_on(candidate, severity=BLOCK)
    for r in results:
        log.info("check %-36s %s", r.name, "ok" if not r.failing_rows else f"{r.failing_rows} rows")
    failing = [r for r in results if r.failing_rows]
    if failing:
        for r in failing:
            log.error("check %s failed with %d rows (%s)", r.name, r.failing_rows, r.description)
            for row in r.sample:
                log.error("  %s: %s", r.name, dict(zip(r.columns, row, strict=True)))
        discard(candidate)
        raise ChecksFailed(failing)
    return results
