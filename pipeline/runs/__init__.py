"""Runs: the bodies of the DAG tasks, as plain functions over a staging directory, and running
the DAGs in process.

- `staging`: the staging dir of a run for one date, its JSONL files and reject rows, and
  `commit_step`, the one step that swaps the date's partitions in;
- `nightly`: discover -> fetch -> clean, from the web;
- `backfill`: archives routed into per-date shards, each date cleaned, extracted, committed;
- `extraction`: the extract step both share, with the day-level dedup and event ids;
- `rows`: the contract's output (`pipeline.contract`) as table rows;
- `publish_steps`: stage, audit, swap (`pipeline.publish`);
- `orchestrate`: the DAGs run in process; `dagkit`: what the DAG files share.

Importing this package imports nothing heavy: the DAG files import `dagkit` at parse time and
the other modules inside their task bodies.
"""
