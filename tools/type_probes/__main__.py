"""python -m tools.type_probes [--family NAME] [--sample N] [--failures K]: the probes through the
production extraction in process; pass rates per family, then the failures by class."""

from __future__ import annotations

import argparse
import time

from tools.type_probes import __doc__ as DOC
from tools.type_probes.cases import all_probes, sample
from tools.type_probes.score import report, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.type_probes", description=DOC)
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--sample", type=int, help="the fixed sample of N per family")
    parser.add_argument("--failures", type=int, default=2, help="examples per failure class")
    args = parser.parse_args(argv)
    probes = all_probes()
    if args.sample:
        probes = sample(probes, args.sample)
    if args.family:
        probes = [p for p in probes if p.family in args.family]
    started = time.perf_counter()
    res = run(probes)
    print(report(res, args.failures))
    print(f"\n{len(probes)} cases in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
