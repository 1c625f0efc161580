"""Publishing: every view and column documented and as the contract lists them, each data check
catching its failure (and the previous publish staying), a reader running during a publish,
exports, and the file opened from elsewhere or after the data directory moved."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import logging
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import api, cli, publish
from pipeline.runs.orchestrate import DagRunFailed
from pipeline.settings import REPO_ROOT
from tools import synthetic

WORLD = Path(__file__).parent / "fixtures" / "world.json"

# the contract's columns of each view (CONTRACT.md), under the names the views give them
CONTRACT_COLUMNS = {
    "articles": {"article_id", "url", "title", "published", "language", "source", "text", "dup_of"},
    "entities": {"article_id", "name", "type", "country", "mention_count"},
    "figures": {"article_id", "category", "best", "low", "high", "qualifier", "who", "scope",
                "as_of", "source", "evidence", "event_id"},
    "events": {"event_id", "article_id", "type", "sub_type", "date", "date_precision",
               "location", "country", "admin1", "latitude", "longitude", "geo_precision",
               "actor1", "actor1_kind", "actor2", "actor2_kind", "actors", "evidence",
               "span_start", "span_end"},
    "event_casualties": {"event_key", "category", "low", "best", "high", "n_articles", "n_sources"},
    "daily_casualties": {"date", "country", "category", "n_events", "low", "best", "high"},
    "top_actors": {"actor", "kind", "n_events", "n_acted", "n_targeted", "killed"},
    "event_sources": {"event_key", "publisher", "n_articles", "urls"},
    "event_reports": {"event_key", "event_id", "article_id", "publisher", "url"},
}  # fmt: skip


def world() -> dict:
    return synthetic.load_world(WORLD)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("published")
    synthetic.write_world(data_dir, world())
    publish.publish(data_dir)
    return data_dir


def columns(data_dir, view: str) -> dict[str, str | None]:
    _, rows = publish.query(
        data_dir,
        f"select column_name, comment from duckdb_columns() where table_name = '{view}'",
    )
    return dict(rows)


# --- views and the data dictionary ----------------------------------------------------------


@pytest.mark.parametrize("view", sorted(CONTRACT_COLUMNS))
def test_each_view_has_the_contract_columns(published, view):
    assert CONTRACT_COLUMNS[view] <= set(columns(published, view))


def test_every_view_and_column_carries_a_comment(published):
    _, views = publish.query(
        published,
        "select view_name, comment from duckdb_views() where not internal "
        "and database_name = 'news'",
    )
    assert {v for v, _ in views} >= set(CONTRACT_COLUMNS) | {"fetches", "rejects", "publication"}
    for view, comment in views:
        assert comment, view
    # views and the tables holding the marts' rows: `select * from duckdb_columns()` documents all
    _, undocumented = publish.query(
        published,
        "select table_name, column_name from duckdb_columns() "
        "where database_name = 'news' and comment is null",
    )
    assert undocumented == []


def test_every_view_column_is_described_once_in_schemas_or_in_its_sql_file(published):
    # a column a view passes through from its Parquet table is described in pipeline/schemas.py,
    # one it derives or renames (and every mart column) by an @column line: a column added to a
    # view without a description, a stale @column line or a column described twice is caught
    for model in publish.models():
        own, passed = model.own_columns, model.passed_columns
        view = columns(published, model.name)
        assert not set(own) & set(passed), model.path.name  # described twice
        assert set(own) <= set(view), model.path.name  # a stale @column line
        assert set(view) <= set(own) | set(passed), model.path.name  # undescribed
        for column in set(view) - set(own):
            assert view[column] == passed[column], (model.name, column)


def test_a_sql_file_may_not_describe_a_column_its_parquet_table_describes(tmp_path):
    sql = (
        "-- @view: Articles.\n-- @column title: the headline, in other words\n"
        "create or replace view articles as select title from {source:articles}"
    )
    model = publish.Model(tmp_path / "articles.sql", "articles", sql, materialized=False)
    with pytest.raises(ValueError, match=r"\['title'\] pass through .* pipeline/schemas.py"):
        model.column_docs(["title"])


def test_staging_views_tolerate_new_columns_in_later_partitions(tmp_path):
    data = world()
    synthetic.write_world(tmp_path, data)
    # a newer writer adds a column to one day's figures file: the views read both layouts
    path = tmp_path / "figures" / "date=2026-04-02" / "part-0.parquet"
    table = pq.read_table(path)
    pq.write_table(table.append_column("confidence", [[0.9] * table.num_rows]), path)
    publish.publish(tmp_path)
    assert publish.query(tmp_path, "select count(*) from figures")[1] == [(9,)]


def test_partitions_written_before_a_column_was_added_read_it_as_null(tmp_path):
    # every events file lacks the columns a later release added: the views still publish
    synthetic.write_world(tmp_path, world())
    added = [
        "actor1", "actor1_kind", "actor2", "actor2_kind", "latitude", "longitude", "geo_precision",
        "admin1",
    ]  # fmt: skip
    for path in (tmp_path / "events").glob("date=*/*.parquet"):
        pq.write_table(pq.read_table(path).drop_columns(added), path)
    publish.publish(tmp_path)
    _, rows = publish.query(tmp_path, f"select distinct {', '.join(added)} from events")
    assert rows == [(None,) * len(added)]
    assert publish.query(tmp_path, "select count(*) from events")[1][0][0] == len(world()["events"])


def test_a_figure_keeps_every_account_it_reconciles(tmp_path):
    # "12 killed ... other sources said 15": one figure, each account with its source and words
    data = world()
    text = next(a["text"] for a in data["articles"] if a["article_id"] == "h1")
    figure = next(f for f in data["figures"] if f["figure_id"] == "h1#0")
    start = text.index("killed 12")
    figure.update(high=15, qualifier="range", reports=[
        {"best": 12, "low": 12, "high": 12, "qualifier": "exact", "source": None,
         "span": [start, start + len("killed 12")]},
        {"best": 15, "low": 15, "high": 15, "qualifier": "exact", "source": "other sources",
         "span": [start, start + len("killed 12")]},
    ])  # fmt: skip
    synthetic.write_world(tmp_path, data)
    publish.publish(tmp_path)
    _, rows = publish.query(
        tmp_path,
        "select f.best, f.high, r.best, r.source, "
        "substr(a.text, r.span[1] + 1, r.span[2] - r.span[1]) "
        "from figures f join articles a on a.article_id = f.article_id, unnest(f.reports) as t(r) "
        "where f.figure_id = 'h1#0' order by r.best",
    )
    assert rows == [(12, 15, 12, None, "killed 12"), (12, 15, 15, "other sources", "killed 12")]
    # a figure of a single account has none, and files written before the column read it as empty
    _, rows = publish.query(tmp_path, "select count(*) from figures where len(reports) > 0")
    assert rows == [(1,)]


def test_figures_written_before_accounts_were_kept_still_publish(tmp_path):
    synthetic.write_world(tmp_path, world())
    for path in (tmp_path / "figures").glob("date=*/*.parquet"):
        pq.write_table(pq.read_table(path).drop_columns(["reports"]), path)
    publish.publish(tmp_path)
    _, rows = publish.query(tmp_path, "select count(*), count(reports) from figures")
    assert rows == [(len(world()["figures"]), 0)]


# --- write-audit-publish: one failing case per check ----------------------------------------
# A blocking check (a structural fault the code guarantees against) stops the publish; a
# quarantine check (a content fault of some rows) holds those rows back and the rest publishes.


def _break_categories(w):
    w["figures"][0]["category"] = "wounded"


def _break_partition_dates(w):
    w["figures"][0]["as_of"] = "March 2026"  # not written YYYY[-MM[-DD]]


def _break_bounds(w):
    w["figures"][3]["low"] = 15  # low above best (14)


def _break_negative(w):
    for f in w["figures"]:
        if f["figure_id"] == "h2#0":
            f.update(best=-5, low=-5, high=-5)


def _break_orphans(w):
    ghost = dict(w["figures"][0], figure_id="ghost#0", article_id="ghost", event_id="ghost#0")
    w["figures"].append(ghost)


def _break_unique(w):
    w["entities"].append(dict(w["entities"][0], date="2026-04-02"))


BLOCKING = {
    "accepted_values": _break_categories,
    "partition_dates": _break_partition_dates,
    "figures_bounds_are_ordered": _break_bounds,
    "no_negative_counts": _break_negative,
    "no_orphans": _break_orphans,
    "unique_ids": _break_unique,
}


def _figure(w, figure_id: str) -> dict:
    return next(f for f in w["figures"] if f["figure_id"] == figure_id)


def _event_after_its_article(w):
    w["events"][0]["event_date"] = "2026-05-30"  # h1 was published on 2026-04-01
    return ("events", "h1#0", "h1")


def _as_of_after_its_article(w):
    _figure(w, "h2#0")["as_of"] = "2026-06"
    return ("figures", "h2#0", "h2")


def _evidence_elsewhere(w):
    w["figures"][0]["span"] = [0, 5]  # the words at the span are not the evidence
    return ("figures", w["figures"][0]["figure_id"], w["figures"][0]["article_id"])


def _incident_above_its_total(w):
    total = w["figures"][2]  # the running total of h1, now below the 12 killed in the attack
    total.update(best=10, low=10, high=10, qualifier="exact")
    return ("figures", "h1#0", "h1")


def _implausible_count(w):
    _figure(w, "h2#0").update(best=2_000_000, low=2_000_000, high=2_000_000)
    return ("figures", "h2#0", "h2")


QUARANTINING = {
    "events_dated_after_their_article": _event_after_its_article,
    "figures_dated_after_their_article": _as_of_after_its_article,
    "figures_evidence_matches_text": _evidence_elsewhere,
    "incident_within_cumulative": _incident_above_its_total,
    "implausible_counts": _implausible_count,
}


def test_every_check_states_its_severity_and_has_a_failing_case_here():
    assert sorted(c.name for c in publish.checks(publish.BLOCK)) == sorted(BLOCKING)
    assert sorted(c.name for c in publish.checks(publish.QUARANTINE)) == sorted(QUARANTINING)
    assert len(publish.checks()) == len(publish.check_files())


def test_the_partition_check_starts_on_the_first_day_the_dags_accept():
    from pipeline.settings import EARLIEST_DATE

    sql = (REPO_ROOT / "sql" / "checks" / "partition_dates.sql").read_text()
    assert f"date '{EARLIEST_DATE}'" in sql


@pytest.mark.parametrize("check", sorted(BLOCKING))
def test_a_failing_blocking_check_publishes_nothing_and_logs_its_rows(check, tmp_path, caplog):
    synthetic.write_world(tmp_path, world())
    publish.publish(tmp_path)
    before = publish.query(tmp_path, "select published_at from publication")[1]
    broken = copy.deepcopy(world())
    BLOCKING[check](broken)
    synthetic.write_world(tmp_path, broken)
    with (
        caplog.at_level(logging.ERROR, logger="pipeline.publish"),
        pytest.raises(publish.ChecksFailed) as failed,
    ):
        publish.publish(tmp_path)
    assert [r.name for r in failed.value.failing] == [check]
    assert any(f"check {check} failed" in m for m in caplog.messages)
    assert any(m.startswith(f"  {check}: {{") for m in caplog.messages)  # the failing rows
    # the previous publish stays, and the candidate and its snapshot are gone
    assert publish.query(tmp_path, "select published_at from publication")[1] == before
    assert [r.name for r in publish.run_checks(tmp_path) if r.failing_rows] == []
    assert not list(tmp_path.glob(".news.duckdb.*"))
    assert len(list((tmp_path / publish.SNAPSHOTS).iterdir())) == 1


@pytest.mark.parametrize(
    "field,value", [("relevance", "maybe"), ("relevance_score", 1.5), ("relevance_score", -0.1)]
)
def test_a_relevance_outside_its_values_or_a_score_outside_0_1_publishes_nothing(
    field, value, tmp_path
):
    broken = copy.deepcopy(world())
    broken["articles"][0][field] = value
    synthetic.write_world(tmp_path, broken)
    with pytest.raises(publish.ChecksFailed) as failed:
        publish.publish(tmp_path)
    (check,) = failed.value.failing
    assert check.name == "accepted_values"
    assert [row[0] for row in check.sample] == [f"articles.{field}"]


ROW_ID = {"events": "event_id", "figures": "figure_id"}


@pytest.mark.parametrize("check", sorted(QUARANTINING))
def test_a_quarantine_check_holds_its_rows_back_and_publishes_the_rest(check, tmp_path):
    broken = copy.deepcopy(world())
    table, row_id, article_id = QUARANTINING[check](broken)
    synthetic.write_world(tmp_path, broken)
    publish.publish(tmp_path)
    _, held = publish.query(
        tmp_path,
        "select check_name, table_name, row_id, article_id from quarantine "
        "where check_name = ? order by all",
        [check],
    )
    assert (check, table, row_id, article_id) in held
    shown = f"select count(*) from {table} where {ROW_ID[table]} = ? and article_id = ?"
    assert publish.query(tmp_path, shown, [row_id, article_id])[1] == [(0,)]
    # everything else is published: one row fewer (with its event's figures, for an event)
    for view in ("articles", "events", "figures", "entities"):
        n_held = sum(1 for _, t, _, _ in held if t == view)
        n = publish.query(tmp_path, f"select count(*) from {view}")[1][0][0]
        assert n == len(world()[view]) - n_held, view
    assert [r.name for r in publish.run_checks(tmp_path) if r.failing_rows] == []


def test_a_held_back_event_takes_its_figures_along_and_says_why(tmp_path):
    broken = copy.deepcopy(world())
    _event_after_its_article(broken)
    synthetic.write_world(tmp_path, broken)
    publish.publish(tmp_path)
    _, rows = publish.query(
        tmp_path,
        "select table_name, row_id, reason from quarantine where article_id = 'h1' order by all",
    )
    linked = sorted(f["figure_id"] for f in broken["figures"] if f["event_id"] == "h1#0"
                    and f["article_id"] == "h1")  # fmt: skip
    assert [r[1] for r in rows if r[0] == "figures"] == linked
    assert rows[0][0] == "events" and "2026-05-30" in rows[0][2] and "2026-04-01" in rows[0][2]
    assert all(r[2].startswith("its event h1#0 is held back") for r in rows if r[0] == "figures")
    # the marts never count a held-back row
    _, keys = publish.query(tmp_path, "select distinct event_key from event_casualties")
    assert ("h1#0",) in keys  # the event still stands, from the other articles that report it
    _, ids = publish.query(tmp_path, "select article_ids from event_casualties")
    assert all("h1" not in a for (a,) in ids)


def test_a_failing_check_fails_the_publish_dag(tmp_path):
    synthetic.write_world(tmp_path, world())
    api.publish_run(str(tmp_path), "2026-04-03")
    broken = world()
    _break_orphans(broken)
    synthetic.write_world(tmp_path, broken)
    with pytest.raises(DagRunFailed, match="audit"):
        api.publish_run(str(tmp_path), "2026-04-03")
    assert publish.query(tmp_path, "select count(*) from figures")[1] == [(9,)]


# --- atomic publish --------------------------------------------------------------------------


SQL_READ = (
    "select (select count(*) from articles), (select count(*) from figures), "
    "(select sum(best) from event_casualties where category = 'killed')"
)


def test_a_reader_during_publish_sees_the_old_or_the_new_data_never_a_mix(tmp_path):
    synthetic.write_world(tmp_path, world())
    publish.publish(tmp_path)
    old_handle = publish.connect(tmp_path)
    old = old_handle.execute(SQL_READ).fetchone()

    seen, errors, stop = set(), [], threading.Event()

    def reader():  # new connections, one after another, while publishes run
        while not stop.is_set():
            try:
                con = publish.connect(tmp_path)
                seen.add(con.execute(SQL_READ).fetchone())
                con.close()
            except Exception as exc:  # a half-built or missing file would land here
                errors.append(repr(exc))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        grown = world()
        extra = dict(grown["articles"][0], article_id="h4", url="https://harbor.test/h4")
        grown["articles"].append(dict(extra, date="2026-04-03"))
        grown["figures"].append(
            dict(grown["figures"][7], figure_id="h4#0", article_id="h4", event_id=None,
                 date="2026-04-03", evidence="killed 12 civilians")
        )  # fmt: skip
        synthetic.write_world(tmp_path, grown)
        # the partitions changed under the old file: its snapshot still answers the old way
        assert old_handle.execute(SQL_READ).fetchone() == old
        for _ in range(4):
            publish.publish(tmp_path)
    finally:
        stop.set()
        thread.join()
    new = publish.connect(tmp_path).execute(SQL_READ).fetchone()
    assert errors == []
    assert new != old and seen <= {old, new} and new in seen
    assert old_handle.execute(SQL_READ).fetchone() == old  # the old handle keeps working
    old_handle.close()


def test_old_snapshots_are_pruned_but_recent_and_newest_ones_kept(tmp_path):
    synthetic.write_world(tmp_path, world())
    for _ in range(publish.KEEP_SNAPSHOTS + 3):
        publish.publish(tmp_path)
    root = tmp_path / publish.SNAPSHOTS
    assert len(list(root.iterdir())) == publish.KEEP_SNAPSHOTS + 3  # all younger than a day
    later = dt.datetime.now(dt.UTC) + publish.KEEP_SNAPSHOT_AGE * 2
    assert len(publish.prune_snapshots(tmp_path, now=later)) == 2
    snapshots = sorted(p.name for p in root.iterdir())
    assert len(snapshots) == publish.KEEP_SNAPSHOTS + 1
    current = publish.query(tmp_path, "select snapshot from publication")[1][0][0]
    assert Path(current).name == snapshots[-1]


# --- where the file is opened from ----------------------------------------------------------


def _duckdb_in_subprocess(db: Path, sql: str, cwd: Path) -> subprocess.CompletedProcess:
    code = (
        "import duckdb, sys\n"
        f"con = duckdb.connect({str(db)!r}, read_only=True)\n"
        f"print(con.execute({sql!r}).fetchall())\n"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)


def test_the_file_opens_read_only_from_any_working_directory(published, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = _duckdb_in_subprocess(
        published / "news.duckdb", "select count(*) from figures", elsewhere
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[(9,)]"
    with pytest.raises(publish.ReadOnlyError):  # read-only: nobody writes through it
        publish.connect(published).execute("create table x as select 1")


def test_a_moved_data_dir_keeps_its_marts_and_needs_a_publish_for_its_parquet_views(tmp_path):
    first = tmp_path / "first"
    synthetic.write_world(first, world())
    publish.publish(first)
    moved = tmp_path / "moved"
    shutil.move(first, moved)
    marts = _duckdb_in_subprocess(
        moved / "news.duckdb", "select sum(best) from daily_casualties", tmp_path
    )
    assert marts.returncode == 0 and marts.stdout.strip() == "[(63,)]", marts.stderr
    parquet = _duckdb_in_subprocess(moved / "news.duckdb", "select count(*) from figures", tmp_path)
    assert parquet.returncode != 0 and "No files found" in parquet.stderr
    assert cli.main(["publish", "--data-dir", str(moved)]) == 0
    assert publish.query(moved, "select count(*) from figures")[1] == [(9,)]


# --- pipeline query ----------------------------------------------------------------------------


SQL_DEATHS = "select country, sum(best) as killed from daily_casualties group by 1 order by 1"


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_query_writes_csv_json_and_parquet_files(published, tmp_path, fmt):
    out = tmp_path / f"deaths.{fmt}"
    assert cli.main(["query", "--data-dir", str(published), "--format", fmt, "--out", str(out),
                     SQL_DEATHS + ";"]) == 0  # fmt: skip
    want = [("MEX", 20), ("SDN", 5), ("UKR", 38)]
    if fmt == "csv":
        rows = list(csv.reader(out.open()))
        assert rows[0] == ["country", "killed"]
        assert [(c, int(k)) for c, k in rows[1:]] == want
    elif fmt == "json":
        assert [(r["country"], r["killed"]) for r in json.loads(out.read_text())] == want
    else:
        t = pq.read_table(out).to_pylist()
        assert [(r["country"], r["killed"]) for r in t] == want
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_query_prints_an_aligned_table(published, capsys):
    assert cli.main(["query", "--data-dir", str(published), SQL_DEATHS]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["country", "|", "killed"]
    assert lines[-1] == "(3 rows)"
    # one column boundary for every line: the table is aligned
    assert len({line.index("|") for line in lines[:1] + lines[2:-1]}) == 1
    assert lines[2].endswith(" 20") and lines[4].endswith(" 38")


def test_query_writes_a_file_format_to_standard_output_without_an_output_file(published, capsys):
    assert cli.main(["query", "--data-dir", str(published), "--format", "csv", SQL_DEATHS]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["country,killed", "MEX,20", "SDN,5", "UKR,38"]
    assert "3 rows" in err


def test_analyst_doc_and_readme_agree_on_the_views():
    doc = (REPO_ROOT / "docs" / "analysts.md").read_text(encoding="utf-8")
    for view in CONTRACT_COLUMNS:
        assert f"`{view}`" in doc, view
