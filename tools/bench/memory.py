"""Whether the extraction path's memory stays flat as its input grows: `pipeline extract` (or a
backfill's extract step over one date) over generated inputs of each size, each in its own fresh
process, the processes side by side; the peak RSS of each, and the growth from the smallest to
the largest.

The parts that run in the fresh processes are here too (`extract_in_child`,
`prepare_backfill_date`, `backfill_extract_in_child`; `tools.bench.children` runs them)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from tools.bench.measure import child_result, in_fresh_process, peak_rss_mib, start_fresh_process
from tools.bench.stages import ALL_DAYS, RUN_ID


def run_memory(sizes: list[int], tmp: Path, briefs: bool = False, path: str = "extract") -> dict:
    """`pipeline extract` over generated JSONL inputs of each size, each in a fresh process
    (the processes run side by side: each one's peak RSS is its own). `briefs`: short clean
    texts (40-120 words) instead of whole pages: every per-document step but cleaning and most
    of the parsing, at a fraction of the CPU time. `path="backfill"`: instead, a backfill's
    extract step (`extraction.extract_step`: extraction, near-duplicates, event clustering, staged
    Parquet files) over one date holding all the documents, routed and cleaned beforehand in
    another process."""
    from tools import benchcorpus

    result: dict = {"pages": "briefs" if briefs else "pages", "path": path}
    inputs, args = {}, {}
    for n in sizes:
        inputs[n] = tmp / f"memory-{n}.jsonl"
        benchcorpus.write_archive(inputs[n], n, days=1 if path == "backfill" else 5, briefs=briefs)
        if path == "backfill":
            data_dir = str(tmp / f"memory-data-{n}")
            staging = in_fresh_process(["backfill-prepare", str(inputs[n]), data_dir])["staging"]
            args[n] = ["backfill-extract", staging]
        else:
            args[n] = ["extract", str(inputs[n]), str(tmp / f"memory-{n}.out.jsonl")]
    children = {n: start_fresh_process(args[n]) for n in inputs}
    for n, child in children.items():
        out, _ = child.communicate()
        if child.returncode:
            raise subprocess.CalledProcessError(child.returncode, child.args)
        result[str(n)] = child_result(out)
        inputs[n].unlink()
    peaks = [result[str(n)]["peak_rss_mib"] for n in sizes]
    result["growth"] = round(peaks[-1] / peaks[0] - 1, 3)
    return result


def extract_in_child(input_path: str, output_path: str) -> dict:
    """`pipeline extract` of a JSONL file in this process: documents, their rate, peak RSS."""
    from pipeline.extract.records import run_extract

    started = time.process_time()
    counts = run_extract(input_path, output_path)
    n = sum(counts.values())
    return {
        "documents": n,
        "docs_per_s": n / max(time.process_time() - started, 1e-9),
        "peak_rss_mib": peak_rss_mib(),
    }


def prepare_backfill_date(archive: str, data_dir: str) -> dict:
    """One date's records routed and cleaned, ready to extract: the staging folder."""
    from pipeline.runs import backfill
    from pipeline.runs import staging as stage_dir

    (date,) = backfill.route_archive_file(archive, *ALL_DAYS, data_dir, RUN_ID)
    staging = stage_dir.new_staging(data_dir, date, RUN_ID)
    shards = sorted((backfill.shards_dir(data_dir, RUN_ID) / f"date={date}").glob("*.jsonl"))
    backfill.prepare_archive_records(staging, (r for s in shards for r in stage_dir.read_jsonl(s)))
    return {"staging": str(staging)}


def backfill_extract_in_child(staging: str) -> dict:
    """A backfill's extract step over a prepared staging folder in this process: documents,
    their rate, peak RSS."""
    from pipeline.runs import extraction
    from pipeline.runs import staging as stage_dir

    n = sum(1 for _ in stage_dir.read_jsonl(Path(staging) / stage_dir.CLEAN))
    started = time.process_time()
    extraction.extract_step(staging)
    return {
        "documents": n,
        "docs_per_s": n / max(time.process_time() - started, 1e-9),
        "peak_rss_mib": peak_rss_mib(),
    }
