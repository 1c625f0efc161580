"""The gazetteer's cost (`gazetteer`): building its cache from GeoNames' JSON the first time,
and loading that cache in every later process, each in a fresh process with an empty cache
directory of the bench's own: wall and CPU seconds, the arrays' size, and the process's peak RSS
(Python and numpy alone weigh about 30 MiB of it)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from tools.bench.measure import in_fresh_process, peak_rss_mib


def run_gazetteer(tmp: Path) -> dict:
    """The first build and a later load of the gazetteer, in fresh processes."""
    with _cache_dir(tmp / "gazetteer-cache"):
        first = in_fresh_process(["gazetteer"])
        later = in_fresh_process(["gazetteer"])
    return {"first_build": first, "later_load": later}


def load_in_child() -> dict:
    """Load (or build) the gazetteer in this process: what it cost."""
    from pipeline.extract.entities import gazetteer

    gazetteer.lookup("kabul")
    return {**gazetteer.load_stats(), "peak_rss_mib": round(peak_rss_mib(), 1)}


@contextmanager
def _cache_dir(path: Path):
    before = os.environ.get("NEWSFACTS_CACHE_DIR")
    os.environ["NEWSFACTS_CACHE_DIR"] = str(path)
    try:
        yield
    finally:
        if before is None:
            del os.environ["NEWSFACTS_CACHE_DIR"]
        else:
            os.environ["NEWSFACTS_CACHE_DIR"] = before
