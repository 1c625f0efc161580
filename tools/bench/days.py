"""The day-size series (`--day-series 1000,5000,20000`): one date of each size, generated and
routed and cleaned beforehand, through a backfill's extract step (extraction on
`--day-series-workers` processes, then the day-level steps: near-duplicates and event
clustering) in a fresh process, the sizes one after the other so that each has the cores to
itself (as far as this bench is concerned: on a shared machine the wall clock also carries the
other work, the CPU time does not). For each size: CPU and wall milliseconds per document, the
cores used (CPU / wall), the peak RSS of the step's process and of its largest worker, and the
share of the day-level steps in the step's wall and CPU time. With `--day-series-stored K`, each
size is measured again on a date with K dates of the same size stored before it (backfilled
first with `pipeline backfill`), as a nightly run sees them: the day-level steps read the
stored days' events and signatures of their windows."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from tools.bench.measure import in_fresh_process, peak_rss_mib


def run_day_series(sizes: list[int], tmp: Path, workers: int, briefs: bool = False) -> dict:
    """One date of each of `sizes` documents through the extract step on `workers` processes."""
    from tools import benchcorpus

    result: dict = {"pages": "briefs" if briefs else "pages", "workers": workers, "sizes": {}}
    for n in sizes:
        archive = tmp / f"day-{n}.jsonl"
        benchcorpus.write_archive(archive, n, days=1, briefs=briefs)
        data_dir = str(tmp / f"day-data-{n}")
        staging = in_fresh_process(["backfill-prepare", str(archive), data_dir])["staging"]
        archive.unlink()
        result["sizes"][str(n)] = in_fresh_process(["day-extract", staging, str(workers)])
    walls = [m["wall_ms_per_doc"] for m in result["sizes"].values()]
    result["wall_growth"] = round(walls[-1] / walls[0], 3)
    return result


def run_stored_series(
    sizes: list[int], stored: int, tmp: Path, workers: int, briefs: bool = False
) -> dict:
    """One date of each of `sizes` documents after `stored` dates of as many, backfilled first:
    the same measures as `run_day_series`, and the ratio of its wall ms per document to that
    of the same size with nothing stored (`base`, when measured)."""
    from tools import benchcorpus

    result: dict = {"pages": "briefs" if briefs else "pages", "stored_days": stored,
                    "workers": workers, "sizes": {}}  # fmt: skip
    for n in sizes:
        archive = tmp / f"stored-{n}.jsonl"
        benchcorpus.write_archive(archive, n * (stored + 1), days=stored + 1, briefs=briefs)
        earlier, last = tmp / f"stored-{n}-earlier.jsonl", tmp / f"stored-{n}-last.jsonl"
        dates = _split_last_date(archive, earlier, last)
        data_dir = str(tmp / f"stored-data-{n}")
        command = [sys.executable, "-m", "pipeline", "backfill", "--archive", str(earlier),
                   "--from", dates[0], "--to", dates[-2], "--data-dir", data_dir,
                   "--workers", str(workers)]  # fmt: skip
        started = time.monotonic()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        backfilled = time.monotonic() - started
        staging = in_fresh_process(["backfill-prepare", str(last), data_dir])["staging"]
        for path in (archive, earlier, last):
            path.unlink()
        measured = in_fresh_process(["day-extract", staging, str(workers)])
        result["sizes"][str(n)] = {**measured, "stored_backfill_s": round(backfilled, 1)}
    return result


def _split_last_date(archive: Path, earlier: Path, last: Path) -> list[str]:
    """Write the archive's records of its last date to `last`, the others to `earlier`; the
    dates, in order."""

    def published(line: str) -> str:
        return json.loads(line)["published"][:10]

    # two passes over the file: a big archive of whole pages is not held in memory
    with archive.open(encoding="utf-8") as lines:
        dates = sorted({published(line) for line in lines})
    with (
        archive.open(encoding="utf-8") as lines,
        earlier.open("w", encoding="utf-8") as a,
        last.open("w", encoding="utf-8") as b,
    ):
        for line in lines:
            (b if published(line) == dates[-1] else a).write(line)
    return dates


def day_extract_in_child(staging: str, workers: str) -> dict:
    """A backfill's extract step over a prepared staging folder in this process, the day-level
    steps timed apart: documents, CPU and wall per document, cores used, peak RSS, shares."""
    from pipeline.runs import extraction
    from pipeline.runs import staging as stage_dir
    from pipeline.settings import ExtractOptions

    day_level = {"cpu": 0.0, "wall": 0.0}

    def timed(step):
        def run(*args, **kwargs):
            cpu, wall = time.process_time(), time.monotonic()
            try:
                return step(*args, **kwargs)
            finally:
                day_level["cpu"] += time.process_time() - cpu
                day_level["wall"] += time.monotonic() - wall

        return run

    # the day-level steps, as extract_step calls them (bench only: the step itself is unchanged)
    extraction._mark_duplicates = timed(extraction._mark_duplicates)
    extraction._event_ids = timed(extraction._event_ids)
    n = sum(1 for _ in stage_dir.read_jsonl(Path(staging) / stage_dir.CLEAN))
    before, started = os.times(), time.monotonic()
    extraction.extract_step(staging, ExtractOptions(workers=int(workers)))
    after, wall = os.times(), time.monotonic() - started
    cpu = sum(
        getattr(after, k) - getattr(before, k)
        for k in ("user", "system", "children_user", "children_system")
    )
    return {
        "documents": n,
        "cpu_ms_per_doc": round(1000 * cpu / n, 2),
        "wall_ms_per_doc": round(1000 * wall / n, 2),
        "cores_used": round(cpu / wall, 2),
        "peak_rss_mib": round(peak_rss_mib()),
        # a forked worker's peak counts the pages it shares with this process
        "worker_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "day_level_wall_share": round(day_level["wall"] / wall, 3),
        "day_level_cpu_share": round(day_level["cpu"] / cpu, 3),
    }
