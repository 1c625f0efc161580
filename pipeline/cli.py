"""Command line: `python -m pipeline extract|nightly|backfill|query|publish|report|demo`
(see CONTRACT.md)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path


def _extract(args) -> int:
    from pipeline.extract.records import run_extract
    from pipeline.settings import ExtractOptions

    counts = run_extract(args.input, args.output, ExtractOptions(batch_size=args.batch_size))
    summary = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    print(f"extract: {sum(counts.values())} records ({summary})", file=sys.stderr)
    return 0


def _report(data_dir: str, dates: list[str]) -> None:
    """What a run leaves, per date: rejects per reason, and the rows the publish's content
    checks held back (the quarantine view) per check."""
    from pipeline import publish
    from pipeline.runs.staging import reject_counts

    held: dict[str, dict[str, int]] = {}
    if dates and publish.db_path(data_dir).exists():
        _, rows = publish.query(
            data_dir,
            'select cast("date" as varchar), check_name, count(*) from quarantine '
            'where cast("date" as varchar) in (select unnest(?)) group by all',
            [dates],
        )
        for date, check, n in rows:
            held.setdefault(date, {})[check] = n
    for date in dates:
        counts = reject_counts(data_dir, date)
        reasons = ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "none"
        print(f"{date}: rejects by reason: {reasons}", file=sys.stderr)
        if held.get(date):
            checks = ", ".join(f"{k}={v}" for k, v in sorted(held[date].items()))
            print(f"{date}: rows held back by check (see the quarantine view): {checks}",
                  file=sys.stderr)  # fmt: skip


def _nightly(args) -> int:
    from pipeline.api import nightly

    run_id = nightly(args.date, args.sources, args.data_dir, args.archive)
    print(
        f"nightly {args.date}: {run_id} succeeded; published {Path(args.data_dir) / 'news.duckdb'}",
        file=sys.stderr,
    )
    _report(args.data_dir, [args.date])
    return 0


def _backfill(args) -> int:
    from pipeline import store
    from pipeline.api import backfill

    run_id = backfill(args.archive, args.date_from, args.date_to, args.data_dir, args.workers)
    print(f"backfill {args.date_from}..{args.date_to}: {run_id} succeeded", file=sys.stderr)
    dates = [
        d for d in store.list_dates(args.data_dir, "rejects") if args.date_from <= d <= args.date_to
    ]
    _report(args.data_dir, dates)
    return 0


def _query(args) -> int:
    from pipeline.store import remote

    if remote.is_url(args.data_dir):  # the published file, downloaded (it is self-contained)
        with remote.local_copy(f"{args.data_dir.rstrip('/')}/{remote.DB_NAME}") as db:
            return _query_local(args, str(db.parent))
    return _query_local(args, args.data_dir)


def _query_local(args, data_dir: str) -> int:
    from pipeline.publish import export, format_table, query

    if args.format == "table":
        if args.out:
            raise ValueError("--out needs --format csv, json or parquet")
        cols, rows = query(data_dir, args.sql)
        print(format_table(cols, rows, max_width=args.max_width))
        return 0
    n = export(data_dir, args.sql, args.format, args.out)  # no --out: standard output
    where = args.out or "standard output"
    print(f"query: {n} row{'s' * (n != 1)} written to {where} ({args.format})", file=sys.stderr)
    return 0


def _publish(args) -> int:
    from pipeline.publish import publish

    path = publish(args.data_dir)
    print(f"published {path}", file=sys.stderr)
    return 0


def _report_html(args) -> int:
    from pipeline.publish.report import write_report

    path = write_report(args.data_dir, args.out)
    print(f"report: {path}", file=sys.stderr)
    return 0


def _demo(args) -> int:
    from pipeline.demo import run_demo

    return run_demo(args.data_dir)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="JSONL records -> entities, figures, events (JSONL)")
    p.add_argument("--input", required=True, help="input JSONL ('-' = stdin)")
    p.add_argument("--output", required=True, help="output JSONL ('-' = stdout)")
    p.add_argument("--batch-size", type=int, default=64)
    p.set_defaults(func=_extract)

    p = sub.add_parser("nightly", help="run the nightly DAG for one date")
    p.add_argument("--date", required=True, help="logical date, YYYY-MM-DD")
    p.add_argument("--sources", required=True, help="sources TOML file")
    p.add_argument("--data-dir", required=True)
    p.add_argument("--archive", help="read the date's records from this archive, not the web")
    p.set_defaults(func=_nightly)

    p = sub.add_parser("backfill", help="run the backfill DAG over an archive for a date range")
    p.add_argument("--archive", required=True, help="WARC(.gz) or JSONL file, or a directory")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--data-dir", required=True)
    p.add_argument(
        "--workers", type=int, default=None,
        help="processes extracting one date side by side (default: one per core)",
    )  # fmt: skip
    p.set_defaults(func=_backfill)

    p = sub.add_parser("query", help="run SQL on the published news.duckdb (read-only)")
    p.add_argument("--data-dir", required=True)
    p.add_argument("--max-width", type=int, default=60, help="cut cells at this many characters")
    p.add_argument(
        "--format", choices=("table", "csv", "json", "parquet"), default="table",
        help="table (printed, aligned) or a file format for --out",
    )  # fmt: skip
    p.add_argument(
        "--out", help="write the result to this file (with --format csv|json|parquet; "
        "without it, the format goes to standard output)",
    )  # fmt: skip
    p.add_argument("sql", help="one or more queries (SELECT, WITH, DESCRIBE, ...); writes refused")
    p.set_defaults(func=_query)

    p = sub.add_parser(
        "publish", help="rebuild, check and publish news.duckdb from the partitions in DIR"
    )
    p.add_argument("--data-dir", required=True)
    p.set_defaults(func=_publish)

    p = sub.add_parser("report", help="one self-contained HTML page of charts and top events")
    p.add_argument("--data-dir", required=True)
    p.add_argument("--out", required=True, help="the HTML file to write")
    p.set_defaults(func=_report_html)

    p = sub.add_parser("demo", help="serve the sample site, run nightly for each sample date")
    p.add_argument("--data-dir", default="data/demo")
    p.set_defaults(func=_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:  # Airflow's start-up chatter is not the operator's business
        logging.getLogger("airflow").setLevel(logging.WARNING)
        # pages it discards become reject rows with reasons; its own warnings are noise here
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        return args.func(args)
    except BrokenPipeError:  # `pipeline query ... | head`: the reader has all it wanted
        # later writes to the closed pipe (at exit, flushing stdout) must not complain either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as a command killed by the closed pipe exits
    except Exception as exc:  # one clear line for the operator; the traceback with -v
        if args.verbose:
            raise
        print(f"pipeline {args.command}: error: {exc}", file=sys.stderr)
        return 1
