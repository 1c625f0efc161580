"""`python -m tools.bench`: read the flags, run the parts of the bench they ask for (see
`tools.bench`), write the results as JSON and print them as a table. With `--child KIND ...` it
runs one part in this fresh process instead (`tools.bench.children`)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

import tools.bench
from tools.bench.measure import RATIO_ROUNDS
from tools.bench.table import table_rows

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _log_to_stderr()
    if argv[:1] == ["--child"]:
        from tools.bench.children import child_main

        return child_main(argv[1:])
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as tmp:
        results = run_parts(args, Path(tmp))
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    rows = table_rows(results)
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key.ljust(width)}  {value:>8}", flush=True)
    print(f"(JSON: {out})")
    return 0


def run_parts(args: argparse.Namespace, tmp: Path) -> dict:
    """The parts the flags ask for, in the order of the table; their results by part."""
    from tools.bench import days, gazetteer, memory, queries, ratios, relevance, scaling, stages

    results: dict = {}
    if not args.only_queries:
        log.info("gazetteer: first build of its cache, then a later load (fresh processes)")
        results["gazetteer"] = gazetteer.run_gazetteer(tmp)
        if args.ratio_docs:
            log.info("ratios to the bare libraries: %d pages", args.ratio_docs)
            results["ratios"] = ratios.run_ratios(args.ratio_docs, args.ratio_rounds)
            log.info("relevance: a none page's cost beside a conflict page's (sample site)")
            results["relevance"] = relevance.run_relevance_costs(args.ratio_rounds)
        if args.docs:
            log.info("stages end to end: %d pages over %d days", args.docs, args.days)
            results["stages"] = stages.run_corpus_stages(args.docs, args.days, tmp)
        if args.backfill:
            log.info("backfill of %d pages with 1, then 2 worker processes", args.backfill)
            results["scaling"] = scaling.run_scaling(args.backfill, args.days, tmp)
        if args.memory:
            sizes = [int(x) for x in args.memory_sizes.split(",")]
            log.info("peak memory over %s documents", args.memory_sizes)
            results["memory"] = memory.run_memory(
                sizes, tmp, briefs=args.memory_briefs, path=args.memory_path
            )
        if args.day_series:
            sizes = [int(x) for x in args.day_series.split(",")]
            workers = args.day_series_workers or os.cpu_count() or 1
            log.info("day-size series: dates of %s documents, %d processes", sizes, workers)
            if args.day_series_stored:
                log.info("the same after %d stored dates", args.day_series_stored)
                results["days_stored"] = days.run_stored_series(
                    sizes, args.day_series_stored, tmp, workers, args.day_series_briefs
                )
            else:
                results["days"] = days.run_day_series(sizes, tmp, workers, args.day_series_briefs)
    if args.figures:
        log.info("analyst queries on %d generated figures", args.figures)
        results["queries"] = queries.run_queries(args.figures)
    return results


def _log_to_stderr() -> None:
    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s: %(message)s"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=tools.bench.__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--docs", type=int, default=1000, metavar="N",
        help="generated pages for the end-to-end stages (0: skip them)",
    )  # fmt: skip
    parser.add_argument(
        "--ratio-docs", type=int, default=300, metavar="N",
        help="generated pages for the ratios to the bare libraries (0: skip them)",
    )  # fmt: skip
    parser.add_argument(
        "--ratio-rounds", type=int, default=RATIO_ROUNDS, metavar="K",
        help="alternating runs of each side for the ratios; each side's best counts",
    )  # fmt: skip
    parser.add_argument(
        "--days", type=int, default=6,
        help="days the generated pages span (one backfill task each: 6 splits evenly on 2 workers)",
    )  # fmt: skip
    parser.add_argument(
        "--backfill", type=int, default=0, metavar="N",
        help="also backfill N generated pages with 1 and 2 worker processes",
    )  # fmt: skip
    parser.add_argument(
        "--memory", action="store_true",
        help="also measure the extraction path's peak RSS over --memory-sizes pages",
    )  # fmt: skip
    parser.add_argument("--memory-sizes", default="10000,50000", help="comma-separated sizes")
    parser.add_argument(
        "--memory-path", choices=("extract", "backfill"), default="extract",
        help="what the memory check runs: `pipeline extract`, or a backfill's extract step "
             "over one date of --memory-sizes documents",
    )  # fmt: skip
    parser.add_argument(
        "--memory-briefs", action="store_true",
        help="the memory check on short clean texts (40-120 words) rather than whole pages",
    )  # fmt: skip
    parser.add_argument(
        "--figures", type=int, default=0, metavar="N",
        help="also time the analyst queries on a generated data dir of N figures",
    )  # fmt: skip
    parser.add_argument(
        "--day-series", default="", metavar="SIZES",
        help="comma-separated sizes: one date of each through a backfill's extract step",
    )  # fmt: skip
    parser.add_argument(
        "--day-series-workers", type=int, default=0, metavar="N",
        help="processes extracting each date of the series (0: one per core)",
    )  # fmt: skip
    parser.add_argument(
        "--day-series-briefs", action="store_true",
        help="the day-size series on short clean texts (40-120 words) rather than whole pages",
    )  # fmt: skip
    parser.add_argument(
        "--day-series-stored", type=int, default=0, metavar="K",
        help="the day-size series on dates with K dates of the same size stored before them",
    )  # fmt: skip
    parser.add_argument("--only-queries", action="store_true", help="skip the extraction bench")
    parser.add_argument("--json", default="bench-out/bench.json", help="where the results go")
    return parser
