"""Allocator settings for a process that parses many pages.

glibc gives an allocation above its mmap threshold its own mapping, returned to the kernel when
freed, and trims the top of the heap when enough of it is free; a parse builds and drops arrays
of up to a few MiB per page, so a process that parses thousands of pages takes page faults for
that memory again at every page. Measured on 400 generated pages through `pipeline backfill
--workers 1`: 21.3 s of system time next to 42.4 s of user time; with both thresholds raised,
5.5 s (user time the same, peak RSS +15%); on 10,000 pages in one process the system time had
been 539 s of 1,333 s of CPU. `keep_heap()` raises them once per process, before the model
loads (forked workers inherit them); where the C library is not glibc it does nothing.

Arrow's buffers come from that same heap too (its "system" memory pool, chosen in
`pipeline/__init__.py` before pyarrow makes its first buffer) instead of mimalloc, which keeps
what Arrow frees for Arrow alone: the day-level steps read and write Parquet between phases of
Python objects and numpy arrays, and with one heap each phase reuses what the one before
freed. The day-level steps of 2,000 generated pages, replayed: peak RSS 329 -> 235 MiB, the
same rows. NEWSFACTS_MALLOC_DEFAULTS=1 keeps the C library's own settings and Arrow's default
pool, to compare.
"""

from __future__ import annotations

import ctypes
import logging
import os
from functools import cache

log = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
HEAP_THRESHOLD = 1 << 30  # bytes: allocations below it come from the heap, which keeps them


@cache
def keep_heap() -> bool:
    """Raise glibc's mmap and trim thresholds for this process; whether they were set."""
    if os.environ.get("NEWSFACTS_MALLOC_DEFAULTS") == "1":
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        done = libc.mallopt(M_MMAP_THRESHOLD, HEAP_THRESHOLD) == 1
        done = libc.mallopt(M_TRIM_THRESHOLD, HEAP_THRESHOLD) == 1 and done
    except (OSError, AttributeError):
        return False  # not glibc: its defaults stay
    if not done:
        log.warning("allocator thresholds not raised (mallopt refused them)")
    return done
