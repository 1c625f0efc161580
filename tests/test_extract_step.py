"""The extract step of a run stages a day in chunks: however many articles it holds at a time,
the staged tables have the same rows, duplicates and clustered events included."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.runs import extraction
from pipeline.runs.staging import CLEAN, commit_step, new_staging
from pipeline.settings import ExtractOptions

DAY_BEFORE, DAY = "2026-04-06", "2026-04-07"

_MARKET = (
    "Car bomb hits Kismayo market\n"
    "A car bomb exploded near the fish market in Kismayo on Tuesday morning, killing 9 traders "
    "and wounding 21 others, police said. Al Shabaab said it carried out the attack. The port "
    "city's mayor ordered the market closed for three days while investigators searched the "
    "area, and hospitals asked residents to give blood."
)
_MARKET_OTHER_OUTLET = (
    "Kismayo blast kills nine\n"
    "Nine people died when explosives packed into a car went off beside a crowded fish market "
    "in Kismayo on Tuesday, a police officer told reporters. Al Shabaab militants claimed the "
    "bombing in a message on a radio station they run. At least 21 people were hurt."
)
_PROTEST = (
    "Teachers march in Nairobi over unpaid wages\n"
    "Thousands of teachers marched through central Nairobi on Tuesday to demand wages that "
    "they say are four months late. The union said the strike would go on until the ministry "
    "paid every school. Police watched the march, which ended peacefully outside parliament."
)
_HARVEST = (
    "Rains lift the sorghum harvest in the south\n"
    "Farmers in the southern districts expect the best sorghum harvest in six years after "
    "steady spring rains, the agriculture office said on Monday. Prices at the grain market "
    "have already fallen by a fifth, and traders are renting more storage near the river."
)


def _record(rid: str, text: str, day: str) -> dict:
    return {"id": rid, "url": f"http://chunks.test/{rid}", "source": rid.split("-")[0],
            "text": text, "published": day, "published_from": "input"}  # fmt: skip


def _day_records() -> list[dict]:
    """A day of eight articles: two outlets' reports of one bombing, a syndicated copy of one of
    them (another sign-off), an exact copy of the day before's article, and unrelated stories."""
    return [
        _record("wire-1", _MARKET, DAY),
        _record("coast-2", _MARKET_OTHER_OUTLET, DAY),
        _record("daily-3", _PROTEST, DAY),
        _record("wire-9", _MARKET + "\nCopyright Coast Wire. All rights reserved.", DAY),
        _record("farm-5", _HARVEST, DAY),
        _record("copy-6", _HARVEST, DAY),
        _record("city-7", _PROTEST.replace("Thousands of", "Several thousand"), DAY),
        _record("late-8", _HARVEST + " The office will publish its forecast next week.", DAY),
    ]


def _staged_day(data_dir: Path, options: ExtractOptions) -> dict[str, list[dict]]:
    """Commit the day before, then stage DAY with `options`; the staged tables' rows."""
    for day, records in ((DAY_BEFORE, [_record("farm-0", _HARVEST, DAY_BEFORE)]),
                         (DAY, _day_records())):  # fmt: skip
        staging = new_staging(data_dir, day, "chunks")
        (staging / CLEAN).write_text("".join(json.dumps(r) + "\n" for r in records))
        extraction.extract_step(str(staging), options)
        if day == DAY_BEFORE:
            commit_step(str(staging))
    assert not list(staging.glob("*.chunks*.parquet")), "temporary chunk files left behind"
    tables = {}
    for table in (*extraction.EXTRACT_TABLES, "signatures"):
        rows = pq.read_table(staging / f"{table}.parquet").to_pylist()
        key = "entity_id" if table == "entities" else "figure_id" if table == "figures" else None
        tables[table] = sorted(rows, key=lambda r: (r["article_id"], r.get(key) or "", repr(r)))
    return tables


@pytest.fixture(scope="module")
def one_chunk(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("one-chunk")
    return _staged_day(data_dir, ExtractOptions(stage_chunk_articles=1000))


def test_the_fixture_day_has_copies_and_one_event_reported_by_two_outlets(one_chunk):
    dups = {a["article_id"]: a["dup_of"] for a in one_chunk["articles"] if a["dup_of"]}
    assert dups["wire-9"] == "wire-1"
    assert dups["copy-6"] == "farm-0"  # the day before's article is the first copy
    events = {(e["article_id"], e["type"]): e["event_id"] for e in one_chunk["events"]}
    bombing = "Explosions/Remote violence"
    assert events[("wire-1", bombing)] == events[("coast-2", bombing)]


def test_a_day_staged_two_articles_at_a_time_has_the_same_rows_as_one_chunk(one_chunk, tmp_path):
    chunked = _staged_day(tmp_path, ExtractOptions(stage_chunk_articles=2, batch_size=3))
    assert chunked == one_chunk


def test_a_day_extracted_by_a_pool_of_two_processes_has_the_same_rows_as_one_process(
    one_chunk, tmp_path, caplog
):
    options = ExtractOptions(stage_chunk_articles=2, workers=2)
    with caplog.at_level("INFO", logger="pipeline.runs.extraction"):
        pooled = _staged_day(tmp_path, options)
    # eight parts of one article (four per process at most two), two processes
    assert "8/8" in caplog.text and "2 processes" in caplog.text
    assert pooled == one_chunk


def test_a_pool_reads_the_day_in_parts_that_cover_every_line_once(tmp_path):
    clean = tmp_path / CLEAN
    lines = [json.dumps({"id": f"r{i}", "text": "é" * i}) + "\n" for i in range(40)]
    clean.write_text("".join(lines), encoding="utf-8")
    # parts of at most stage_chunk_articles records, at least four per worker
    parts = extraction._plan_parts(clean, ExtractOptions(stage_chunk_articles=6, workers=2))
    assert [p.records for p in parts] == [5] * 8
    parts = extraction._plan_parts(clean, ExtractOptions(stage_chunk_articles=3, workers=2))
    assert [p.records for p in parts] == [3] * 13 + [1]
    read = [r["id"] for p in parts for r in extraction._part_records(clean, p)]
    assert read == [f"r{i}" for i in range(40)]
    for options in (ExtractOptions(workers=1), ExtractOptions(stage_chunk_articles=40, workers=2)):
        whole = extraction._plan_parts(clean, options)
        assert len(whole) == 1 and whole[0].records == 40


def _failing_second_part(staging, part, options):
    if part.number == 1:
        raise RuntimeError("the second part failed")
    return _REAL_EXTRACT_PART(staging, part, options)


_REAL_EXTRACT_PART = extraction._extract_part


def test_a_part_that_fails_in_the_pool_fails_the_day(tmp_path, monkeypatch):
    monkeypatch.setattr(extraction, "_extract_part", _failing_second_part)
    with pytest.raises(RuntimeError, match="the second part failed"):
        _staged_day(tmp_path, ExtractOptions(stage_chunk_articles=2, workers=2))
