"""How the bench measures: documents per second of CPU time, the best of alternated rounds,
a process's peak RSS, and a measure taken in a fresh process (whose peak RSS is then its own).

A fresh process is `python -m tools.bench --child KIND ARGS...` (`tools.bench.children`); it
prints its result as JSON on the last line of stdout, and its progress log on stderr, which
passes through.
"""

from __future__ import annotations

import json
import logging
import resource
import subprocess
import sys
import time

log = logging.getLogger(__name__)

RATIO_ROUNDS = 3
CHILD_COMMAND = (sys.executable, "-m", "tools.bench", "--child")


def cpu_rate(n: int, fn) -> tuple[float, object]:
    """Items per second of this process's CPU time: on a shared machine, other processes slow
    the wall clock of whichever side runs while they do, not its CPU time."""
    started = time.process_time()
    result = fn()
    return n / max(time.process_time() - started, 1e-9), result


def best_of(n: int, ours, bare, rounds: int = RATIO_ROUNDS) -> tuple[float, float, object]:
    """(ours/s, bare/s, our result): alternated, the best of `rounds` runs each. Even CPU-time
    rates swing by a third from one run to the next on a shared machine (caches, clock), so one
    slow run of either side must not decide the ratio."""
    best_ours = best_bare = 0.0
    result = None
    for k in range(max(rounds, 1)):
        rate, result = cpu_rate(n, ours)
        bare_rate = cpu_rate(n, bare)[0]
        log.info("round %d/%d: ours %.1f/s, bare %.1f/s (CPU)", k + 1, rounds, rate, bare_rate)
        best_ours = max(best_ours, rate)
        best_bare = max(best_bare, bare_rate)
    return best_ours, best_bare, result


def peak_rss_mib() -> float:
    """This process's peak RSS. Linux's VmHWM starts afresh at exec; ru_maxrss would carry the
    peak of the parent that forked a bench child (spaCy loaded) into the child's figure."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_fresh_process(args: list[str]) -> dict:
    """Run `python -m tools.bench --child ARGS...` and wait for it; its JSON result."""
    # stderr is the child's progress log, passed through
    done = subprocess.run([*CHILD_COMMAND, *args], check=True, stdout=subprocess.PIPE, text=True)
    return child_result(done.stdout)


def start_fresh_process(args: list[str]) -> subprocess.Popen:
    """Start `python -m tools.bench --child ARGS...` without waiting (see `child_result`)."""
    return subprocess.Popen([*CHILD_COMMAND, *args], stdout=subprocess.PIPE, text=True)


def child_result(stdout: str) -> dict:
    """A child's JSON result: the last line it printed."""
    return json.loads(stdout.strip().splitlines()[-1])
