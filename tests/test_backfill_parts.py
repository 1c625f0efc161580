"""A backfill's dates extracted in parts, side by side (one pool over every date's parts, or
one task per part), then committed date by date: the same rows as one process date by date; a
part that fails fails only its date, saying which part and why, and is extracted again by its
date's task; reruns redo nothing."""

from __future__ import annotations

import json

import pytest

from pipeline import store
from pipeline.runs import backfill, parts
from pipeline.runs.staging import STAGED_TABLES
from tools.benchcorpus import text_records

DATES = ["2025-06-01", "2025-06-02", "2025-06-03"]


def _archive(path):
    """Eighteen generated briefs over three dates, plus, on the second date, a URL crawled
    twice and a record with no text (left out before cleaning, and refused by cleaning)."""
    records = [{**r, "url": f"http://parts.test/{r['id']}"} for r in text_records(18, days=3)]
    records.insert(7, {**records[4], "id": "again"})
    records.insert(9, {"id": "blank", "url": "http://parts.test/blank", "text": "  ",
                       "published": DATES[1]})  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _routed(tmp_path, run_id="r1"):
    data_dir = str(tmp_path / "data")
    backfill.route_file(_archive(tmp_path / "a.jsonl"), DATES[0], DATES[-1], data_dir, run_id)
    return data_dir


def _rows(data_dir) -> dict:
    out = {}
    for table in STAGED_TABLES:
        for date in DATES:
            path = store.partition_dir(data_dir, table, date) / "part-0.parquet"
            if path.exists():
                out[(table, date)] = store.read_table(path, table).to_pylist()
    return out


def _commit_in_date_order(data_dir, run_id="r1", workers=1):
    for date in DATES:
        backfill.backfill_date(date, data_dir, run_id, workers)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    """Each date planned, extracted and committed by its own task in one process, in order."""
    data_dir = _routed(tmp_path_factory.mktemp("one"))
    _commit_in_date_order(data_dir)
    return _rows(data_dir)


def _as_before(data_dir: str, run_id: str = "r1") -> None:
    """Each date cleaned in this process, then extracted by `extract_step` and committed: the
    backfill before its dates were planned into parts."""
    from pipeline.runs.extraction import extract_step
    from pipeline.runs.staging import (
        commit_step,
        new_staging,
        read_jsonl,
        rejects_file,
        write_jsonl,
    )

    for date in DATES:
        shards = sorted((backfill.shards_dir(data_dir, run_id) / f"date={date}").glob("*.jsonl"))
        staging = new_staging(data_dir, date, run_id)
        write_jsonl(rejects_file(staging, "archive"), [])
        records = (r for s in shards for r in read_jsonl(s))
        skip = backfill._published_elsewhere(data_dir, date, shards)
        backfill.prepare_archive_records(staging, records, skip=skip)
        commit_step(extract_step(str(staging)))


def test_planned_parts_give_the_rows_of_the_backfill_before_parts(one_process, tmp_path):
    data_dir = _routed(tmp_path)
    _as_before(data_dir)
    assert _rows(data_dir) == one_process


def test_the_reference_backfill_has_articles_events_and_both_kinds_of_rejects(one_process):
    assert all(one_process.get(("articles", d)) for d in DATES)
    reasons = {(r["stage"], r["reason"]) for r in one_process[("rejects", DATES[1])]}
    assert ("archive", "duplicate_url") in reasons and ("clean", "empty") in reasons
    assert sum(len(one_process.get(("events", d), [])) for d in DATES) > 0


def test_every_dates_parts_extracted_by_one_pool_give_the_rows_of_one_process(
    one_process, tmp_path
):
    data_dir = _routed(tmp_path)
    batches = parts.plan_dates(DATES, data_dir, "r1", workers=2)
    assert len(batches) == 1  # one batch: one pool over the parts of all three dates
    assert {p["date"] for p in batches[0]} == set(DATES) and len(batches[0]) > len(DATES)
    assert parts.extract_batch(data_dir, "r1", batches[0], workers=2) == len(batches[0])
    _commit_in_date_order(data_dir, workers=2)
    assert _rows(data_dir) == one_process


def test_one_task_per_part_gives_the_rows_of_one_process(one_process, tmp_path):
    data_dir = _routed(tmp_path)
    batches = parts.plan_dates(DATES, data_dir, "r1", workers=1, part_records=2)
    assert all(len(b) == 1 for b in batches) and len(batches) >= 9  # parts of two records
    for batch in reversed(batches):  # in any order, as a cluster's workers pick them
        parts.extract_batch(data_dir, "r1", batch)
    _commit_in_date_order(data_dir)
    assert _rows(data_dir) == one_process


def test_a_plan_puts_every_kept_record_in_one_part_in_order(tmp_path):
    data_dir = _routed(tmp_path)
    numbers = parts.plan_date(DATES[1], data_dir, "r1", workers=1, part_records=2)
    staging = parts.staging_of(data_dir, DATES[1], "r1")
    plan = json.loads((staging / parts.PLAN).read_text())
    inputs = [
        json.loads(line)
        for n in numbers
        for line in (
            backfill.Path(data_dir) / parts._inputs_rel("r1", DATES[1], n) / "records.jsonl"
        )
        .read_text()
        .splitlines()
    ]
    kept = [n for n, _ in inputs]
    left_out = [n for n, _ in plan["filtered"]]
    assert [row["reason"] for _, row in plan["filtered"]] == ["duplicate_url"]
    assert sorted(kept + left_out) == list(range(len(kept) + len(left_out)))
    assert kept == sorted(kept) and [p["records"] for p in plan["parts"]][:-1] == [2] * (
        len(numbers) - 1
    )


_REAL_EXTRACT_PART = parts.extract_part


def _failing(date, number, data_dir, run_id):
    if (date, number) == (DATES[1], 1):
        raise RuntimeError("the worker ran out of memory")
    return _REAL_EXTRACT_PART(date, number, data_dir=data_dir, run_id=run_id)


def test_a_failed_part_fails_only_its_date_naming_it_and_is_extracted_again_by_its_date(
    one_process, tmp_path, monkeypatch
):
    data_dir = _routed(tmp_path)
    (batch,) = parts.plan_dates(DATES, data_dir, "r1", workers=2)
    monkeypatch.setattr(parts, "extract_part", _failing)
    with pytest.raises(parts.PartFailed, match=rf"{DATES[1]} part 1: RuntimeError: the worker ran"):
        parts.extract_batch(data_dir, "r1", batch, workers=2)
    backfill.backfill_date(DATES[0], data_dir, "r1", 2)  # the other dates are written
    with pytest.raises(parts.PartFailed, match=rf"backfill of {DATES[1]} failed: .* part 1"):
        backfill.backfill_date(DATES[1], data_dir, "r1", 2)
    assert not store.partition_dir(data_dir, "articles", DATES[1]).exists()
    # the date's retry extracts the part again (the other parts are not redone)
    monkeypatch.setattr(parts, "extract_part", _REAL_EXTRACT_PART)
    backfill.backfill_date(DATES[1], data_dir, "r1", 2)
    backfill.backfill_date(DATES[2], data_dir, "r1", 2)
    assert _rows(data_dir) == one_process


def test_a_rerun_of_an_extracted_batch_extracts_nothing(tmp_path):
    data_dir = _routed(tmp_path)
    (batch,) = parts.plan_dates(DATES, data_dir, "r1", workers=2)
    parts.extract_batch(data_dir, "r1", batch, workers=2)
    assert parts.extract_batch(data_dir, "r1", batch, workers=2) == 0
    _commit_in_date_order(data_dir)
    assert parts.plan_dates(DATES, data_dir, "r1", workers=2) == []  # committed: not planned


def test_a_part_extracted_by_the_release_before_signature_files_is_extracted_again(
    one_process, tmp_path
):
    # a backfill interrupted and resumed on a newer release: the older part outputs carried the
    # articles' signatures and events in their JSON file and wrote no signatures file
    data_dir = _routed(tmp_path)
    batches = parts.plan_dates(DATES, data_dir, "r1", workers=1, part_records=2)
    for batch in batches:
        parts.extract_batch(data_dir, "r1", batch)
    old = batches[3][0]
    staging = parts.staging_of(data_dir, old["date"], "r1")
    output, *files = parts._outputs(staging, old["part"])
    signatures = next(f for f in files if f.name.startswith("signatures."))
    signatures.unlink()
    output.write_text(
        json.dumps({**json.loads(output.read_text()), "candidates": [], "events": []})
    )
    with pytest.raises(parts.PartFailed, match="input records.jsonl is gone"):
        parts.extract_batch(data_dir, "r1", [p for b in batches for p in b])
    _commit_in_date_order(data_dir)  # its date is planned again from the shards
    assert _rows(data_dir) == one_process


def _without_event_ids(rows: dict) -> dict:
    # event ids across dates depend on the order the DAG's write_date tasks ran in (a set in
    # dag.test()), as before; within a date they do not
    return {
        k: [{c: v for c, v in r.items() if c != "event_id"} for r in rs] for k, rs in rows.items()
    }


def test_the_backfill_dag_with_one_task_per_part_writes_the_rows_of_one_process(
    one_process, tmp_path
):
    from airflow.models import TaskInstance
    from airflow.utils.session import create_session

    from pipeline.runs.orchestrate import run_dag

    data_dir = str(tmp_path / "data")
    conf = {"archive": _archive(tmp_path / "a.jsonl"), "date_from": DATES[0],
            "date_to": DATES[-1], "data_dir": data_dir, "extract_workers": 1,
            "extract_part_records": 4}  # fmt: skip
    run_id = run_dag("news_backfill", DATES[-1], conf, data_dir)
    with create_session() as session:
        extract = (
            session.query(TaskInstance)
            .filter(TaskInstance.run_id == run_id, TaskInstance.task_id == "extract_parts")
            .all()
        )
    # 6, 7 and 6 records kept: parts of up to four, each its own mapped task instance
    assert len(extract) == 6 and all(ti.state == "success" for ti in extract)
    assert _without_event_ids(_rows(data_dir)) == _without_event_ids(one_process)


def test_the_backfill_dag_in_process_commits_its_dates_in_date_order(one_process, tmp_path):
    # one pool over every date's parts, then the dates committed in date order by that task:
    # the rows, event ids across dates included, of one process run date by date in order
    from pipeline.runs.orchestrate import run_dag

    data_dir = str(tmp_path / "data")
    conf = {"archive": _archive(tmp_path / "a.jsonl"), "date_from": DATES[0],
            "date_to": DATES[-1], "data_dir": data_dir, "extract_workers": 2}  # fmt: skip
    run_dag("news_backfill", DATES[-1], conf, data_dir)
    committed = [
        (store.partition_dir(data_dir, "signatures", d) / "part-0.parquet").stat().st_mtime_ns
        for d in DATES
    ]
    assert committed == sorted(committed)
    assert _rows(data_dir) == one_process
