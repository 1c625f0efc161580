"""A process that parses page after page keeps its freed memory in the heap: with the
allocator's thresholds raised (`pipeline.extract.heap`), an array allocated and freed again and
again takes its page faults once, not at every allocation."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, resource, sys
import numpy as np
from pipeline.extract.heap import keep_heap
kept = keep_heap()
np.ones(6 << 20).sum()  # 48 MiB, past glibc's largest dynamic mmap threshold (32 MiB)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(30):
    np.ones(6 << 20).sum()
import pyarrow as pa
faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
print(json.dumps({"kept": kept, "faults": faults, "arrow": pa.default_memory_pool().backend_name}))
"""


def _probe(**env) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], check=True, capture_output=True, text=True,
        # as a fresh shell has it: this test process chose an Arrow pool when it imported pipeline
        env={**{k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}, **env},
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_freed_arrays_stay_in_the_heap_and_are_not_faulted_in_again():
    defaults, kept = _probe(NEWSFACTS_MALLOC_DEFAULTS="1"), _probe()
    assert (defaults["kept"], kept["kept"]) == (False, True)
    # each allocation mapped and faulted in again: at least once per 2 MiB (a huge page)
    assert defaults["faults"] >= 30 * 24
    assert kept["faults"] < defaults["faults"] // 10


def test_arrow_buffers_come_from_the_c_librarys_heap():
    defaults, kept = _probe(NEWSFACTS_MALLOC_DEFAULTS="1"), _probe()
    assert kept["arrow"] == "system"
    assert defaults["arrow"] != "system"  # pyarrow's own default (mimalloc or jemalloc)
