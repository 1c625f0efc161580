"""One backfill of a generated archive, stage by stage, as the backfill DAG's tasks run them
(route, then per date clean, extract and commit; then publish): each stage's documents per CPU
second and the peak RSS once it has run. The backfill runs in a fresh process, so that the peak
RSS is the pipeline's, not the bench's."""

from __future__ import annotations

import time
from pathlib import Path

from tools.bench.measure import in_fresh_process, peak_rss_mib

# the whole archive, whatever days the generated pages claim
ALL_DAYS = ("2000-01-01", "2100-12-31")
RUN_ID = "bench"


def run_corpus_stages(n: int, days: int, tmp: Path) -> dict:
    """`n` generated pages over `days` days, backfilled in a fresh process (`run_stages`)."""
    from tools import benchcorpus

    archive = tmp / f"corpus-{n}.jsonl.gz"
    size = benchcorpus.write_archive(archive, n, days)
    result = in_fresh_process(["stages", str(archive), str(tmp / f"data-stages-{n}")])
    result["archive_mib"] = round(size / 2**20, 1)
    return result


def run_stages(archive: str, data_dir: str) -> dict:
    """One backfill of `archive` in this process, stage by stage, as the backfill DAG's tasks
    run them: route, then per date clean, extract and commit; then publish. Each stage's
    documents per CPU second and the peak RSS once it has run."""
    from pipeline import publish
    from pipeline.runs import backfill, extraction
    from pipeline.runs import staging as stage_dir

    def cpu() -> float:
        return time.process_time()

    out: dict = {}
    started = cpu()
    wall = time.perf_counter()
    dates = backfill.route_archive_file(archive, *ALL_DAYS, data_dir, RUN_ID)
    out["route"] = {"cpu_s": cpu() - started, "peak_rss_mib": peak_rss_mib()}
    spent = {"clean": 0.0, "extract": 0.0, "write": 0.0}
    peaks = {}
    root = backfill.shards_dir(data_dir, RUN_ID)
    n_in = n_ok = 0
    for date in dates:
        staging = stage_dir.new_staging(data_dir, date, RUN_ID)
        shards = sorted((root / f"date={date}").glob("*.jsonl"))
        t = cpu()
        backfill.prepare_archive_records(
            staging, (r for s in shards for r in stage_dir.read_jsonl(s))
        )
        spent["clean"] += cpu() - t
        peaks["clean"] = peak_rss_mib()
        n_in += sum(1 for s in shards for _ in stage_dir.read_jsonl(s))
        t = cpu()
        extraction.extract_step(str(staging))
        spent["extract"] += cpu() - t
        peaks["extract"] = peak_rss_mib()
        n_ok += sum(1 for _ in stage_dir.read_jsonl(staging / stage_dir.CLEAN))
        t = cpu()
        stage_dir.commit_step(str(staging))
        spent["write"] += cpu() - t
        peaks["write"] = peak_rss_mib()
    for stage, seconds in spent.items():
        out[stage] = {"cpu_s": seconds, "peak_rss_mib": peaks.get(stage, 0.0)}
    t = cpu()
    publish.publish(data_dir)
    out["publish"] = {"cpu_s": cpu() - t, "peak_rss_mib": peak_rss_mib()}
    out["documents"], out["articles"] = n_in, n_ok
    for stage in ("route", "clean", "extract", "write"):
        out[stage]["docs_per_s"] = n_in / max(out[stage]["cpu_s"], 1e-9)
    out["end_to_end"] = {
        "cpu_s": cpu() - started,
        "wall_s": time.perf_counter() - wall,
        "docs_per_s": n_in / max(cpu() - started, 1e-9),
        "peak_rss_mib": peak_rss_mib(),
    }
    return out
