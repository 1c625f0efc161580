"""Backfill from a JSONL archive through the backfill DAG: records land on their dates, broken
lines become rejects, days outside the range or without records are left alone, reruns change
nothing."""

from __future__ import annotations

import json

import pytest

from pipeline import api, publish, store


def _archive(path):
    records = [
        {"id": "a1", "url": "http://archive.test/a1", "published": "2025-06-01",
         "text": "Three soldiers were killed on Saturday when their convoy hit a landmine "
                 "near Gao, the army said. Two others were wounded."},
        {"id": "a2", "url": "http://archive.test/a2", "published": "2025-06-02",
         "text": "Thousands of teachers marched through Lima on Monday to demand higher pay. "
                 "The protest was peaceful, police said."},
        {"id": "a3", "url": "http://archive.test/a3", "published": "2025-07-15",
         "text": "An article outside the backfill range about floods in Sylhet."},
        {"id": "a4", "url": "http://archive.test/a4",
         "text": "A record without any publication date."},
    ]  # fmt: skip
    lines = [json.dumps(r) for r in records]
    lines.insert(2, "{broken json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("backfill")
    archive = _archive(tmp / "archive.jsonl")
    data_dir = tmp / "data"
    api.backfill(str(archive), "2025-06-01", "2025-06-30", str(data_dir))
    return archive, data_dir


def test_records_land_on_their_publication_dates(backfilled):
    _, data_dir = backfilled
    assert store.list_dates(data_dir, "articles") == ["2025-06-01", "2025-06-02"]
    _, rows = publish.query(data_dir, "select category, best from figures order by best")
    assert rows == [("injured", 2), ("killed", 3)]


def test_broken_and_undated_records_are_rejected_with_reasons(backfilled):
    _, data_dir = backfilled
    _, rows = publish.query(data_dir, "select stage, reason from rejects order by reason")
    assert rows == [("archive", "bad_record"), ("archive", "no_date")]


def test_a_second_backfill_changes_nothing(backfilled):
    archive, data_dir = backfilled
    sql = "select (select count(*) from articles), (select count(*) from figures), " \
          "(select count(*) from rejects)"  # fmt: skip
    before = publish.query(data_dir, sql)[1]
    api.backfill(str(archive), "2025-06-01", "2025-06-30", str(data_dir))
    assert publish.query(data_dir, sql)[1] == before


def test_a_retried_file_rewrites_only_its_own_shards_and_finished_dates_are_not_redone(tmp_path):
    from pipeline.runs import backfill

    archive = _archive(tmp_path / "archive.jsonl")
    data_dir = str(tmp_path / "data")
    for _attempt in range(2):  # the file's task retried: the same shards, not twice the records
        dates = backfill.route_archive_file(
            str(archive), "2025-06-01", "2025-06-30", data_dir, "r1"
        )
    shard = backfill.shards_dir(data_dir, "r1") / "date=2025-06-01"
    assert len([line for f in shard.glob("*.jsonl") for line in f.open()]) == 3  # a1, 2 rejects
    for date in dates:
        backfill.backfill_date(date, data_dir, "r1")
    first = store.partition_dir(data_dir, "articles", "2025-06-01") / "part-0.parquet"
    stamp = first.stat().st_mtime_ns
    assert backfill.backfill_date("2025-06-01", data_dir, "r1") == "2025-06-01"
    assert first.stat().st_mtime_ns == stamp  # committed once by this run: not redone
    backfill.finish_backfill(data_dir, "r1")
    assert not backfill.shards_dir(data_dir, "r1").exists()


def test_an_archive_with_only_broken_records_adds_rejects_and_keeps_the_articles(
    backfilled, tmp_path
):
    _, data_dir = backfilled
    articles = "select article_id from articles order by 1"
    before = publish.query(data_dir, articles)[1]
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    api.backfill(str(broken), "2025-06-01", "2025-06-30", str(data_dir))
    assert publish.query(data_dir, articles)[1] == before
    _, rows = publish.query(data_dir, "select reason, count(*) from rejects group by 1 order by 1")
    assert rows == [("bad_record", 2), ("no_date", 1)]


def test_the_backfill_announces_its_partitions_for_the_publish_dag(backfilled):
    # the asset event that makes a scheduler run news_publish names the data dir and the dates
    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    _, data_dir = backfilled
    with create_session() as session:
        extras = [
            e.extra
            for e in session.query(AssetEvent).join(AssetModel, AssetEvent.asset_id == AssetModel.id)
            .filter(AssetModel.name == "news_partitions", AssetEvent.source_dag_id == "news_backfill")
        ]  # fmt: skip
    assert {"data_dir": str(data_dir.resolve()), "dates": ["2025-06-01", "2025-06-02"]} in extras
    _, rows = publish.query(data_dir, "select data_dir from publication")
    assert rows == [(str(data_dir.resolve()),)]
