"""What a fresh bench process runs: `python -m tools.bench --child KIND ARGS...` runs the part
named KIND with ARGS and prints its JSON result as the last line of stdout
(`measure.in_fresh_process` reads it). In a process of its own, a part's peak RSS is its own."""

from __future__ import annotations

import json

from tools.bench import days, memory, stages

CHILDREN = {
    "stages": stages.run_stages,  # ARCHIVE DATA_DIR
    "extract": memory.extract_in_child,  # INPUT OUTPUT
    "backfill-prepare": memory.prepare_backfill_date,  # ARCHIVE DATA_DIR
    "backfill-extract": memory.backfill_extract_in_child,  # STAGING
    "day-extract": days.day_extract_in_child,  # STAGING WORKERS
}


def child_main(argv: list[str]) -> int:
    kind, *rest = argv
    if kind not in CHILDREN:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(CHILDREN[kind](*rest)))
    return 0
