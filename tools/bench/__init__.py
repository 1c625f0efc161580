"""Benchmarks (`make bench`): our stages against the bare libraries, on the same pages, in one run.

    python -m tools.bench [--docs N] [--backfill N] [--memory] [--figures N] [--json PATH]

The corpus is generated (`tools.benchcorpus`: whole news pages, 400-800 words of invented
article each). Reported, as a table and as JSON (bench-out/bench.json by default):

- ratios (`ratios`), on a sample of the corpus (`--ratio-docs`): cleaning pages/s / bare
  `trafilatura.extract` pages/s (goal >= 0.9), extraction docs/s from the clean texts / bare
  spaCy `nlp.pipe` docs/s (goal >= 0.8), entity extraction / the same bare NER pipes. Rates are
  per second of the process's CPU time, so other work on a shared machine does not tilt a ratio;
  the sides alternate for `--ratio-rounds` rounds (3) and each side's best round counts. Bare
  spaCy is the model package as it ships (`extract.stock_model`): without our paragraph-break
  sentence starts, with its own attribute ruler where ours runs the compiled one;
- stages (`stages`), end to end on `--docs` pages (one backfill of a JSONL archive, in a fresh
  process so its peak RSS is its own): route, clean, extract, write partitions, publish: docs/s
  (CPU) and the peak RSS after each stage;
- `--backfill N` (`scaling`): the same backfill over N pages with 1 and then 2 worker processes
  (wall time: the speed-up of the second core; goal >= 1.7x);
- `--memory` (`memory`): the extraction path (`pipeline extract`, JSONL in and out) in fresh
  processes over `--memory-sizes` pages (10,000 and 50,000 by default): peak RSS of each (goal:
  within 10%); `--memory-path backfill` measures a backfill's extract step over one date of that
  many pages;
- `--day-series SIZES` (`days`): one date of each size through a backfill's extract step on
  `--day-series-workers` processes (default: one per core), the sizes one after the other:
  CPU and wall ms per document, cores used, peak RSS, the day-level steps' share (goals: wall
  per document within 1.15x from the smallest to the largest date, day-level steps < 10%);
- `--figures N` (`queries`): the analyst queries of docs/analysts.md on a generated data
  directory of N figures, on stored marts and on marts computed at query time.

`measure` holds how a rate and a peak RSS are taken and how a fresh process is started;
`children` what such a process (`python -m tools.bench --child KIND ...`) runs; `table` turns
the JSON into the terminal's rows; `cli` reads the flags and runs the parts asked for.

Progress goes to stderr as log lines (each phase, each ratio round, the pipeline's own progress
in the child processes); stdout holds only the table. Importing this package imports nothing
heavy: a child's peak RSS is its work's, not the bench's.
"""
