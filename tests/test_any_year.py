"""Archives of any year from 1990 on go through the real DAGs (`dag.test()` on SQLite): a
backfill over 1999, 2016 and this year, a nightly run reading a 1999 archive, `airflow backfill
create` over old days; and a run that would do nothing says why instead of "succeeded"."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys

import pytest

from pipeline import api, cli, publish, store
from pipeline.runs import orchestrate
from pipeline.settings import EARLIEST_DATE, REPO_ROOT

THIS_YEAR = dt.date.today().year
# invented reports, one per year; each names its own town, day and toll
REPORTS = {
    "1999-05-04": "Gunmen killed four villagers in an attack on a market in the town of Gao on "
    "Monday, local officials said. Two more people were wounded.",
    "2016-06-21": "Soldiers clashed with rebels near the town of Kidal on Monday. Three soldiers "
    "were killed in the fighting, the army said.",
    f"{THIS_YEAR}-01-14": "Police fired tear gas at protesters in Lagos on Tuesday; twelve people "
    "were injured, witnesses said.",
}


def _archive(path):
    lines = [
        json.dumps({"id": f"y{day[:4]}", "url": f"http://archive.test/{day}", "published": day,
                    "text": text})
        for day, text in REPORTS.items()
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return _archive(tmp_path_factory.mktemp("years") / "archive.jsonl")


@pytest.fixture(scope="module")
def backfilled(archive, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("years-data")
    api.backfill(str(archive), "1999-01-01", dt.date.today().isoformat(), str(data_dir))
    return data_dir


def test_a_backfill_over_1999_2016_and_this_year_writes_each_date(backfilled):
    assert store.list_dates(backfilled, "articles") == sorted(REPORTS)
    _, rows = publish.query(
        backfilled,
        'select year(a."date"), f.category, f.best from figures f join articles a '
        "using (article_id) order by 1, 2",
    )
    assert rows == [(1999, "injured", 2), (1999, "killed", 4), (2016, "killed", 3),
                    (THIS_YEAR, "injured", 12)]  # fmt: skip


def test_events_of_old_years_keep_their_own_dates(backfilled):
    _, rows = publish.query(backfilled, 'select year("date"), location from events order by 1')
    assert rows == [(1999, "Gao"), (2016, "Kidal"), (THIS_YEAR, "Lagos")]


def test_a_nightly_run_reads_a_1999_archive_through_the_nightly_dag(archive, tmp_path):
    data_dir = tmp_path / "data"
    api.nightly("1999-05-04", str(REPO_ROOT / "seeds" / "sources.toml"), str(data_dir),
                archive=str(archive))  # fmt: skip
    assert store.list_dates(data_dir, "articles") == ["1999-05-04"]
    _, rows = publish.query(data_dir, "select category, best from figures order by 1")
    assert rows == [("injured", 2), ("killed", 4)]


def test_a_nightly_run_after_one_that_read_an_archive_reads_the_web_again(
    archive, seed_sources, tmp_path
):
    # in one process, a run's conf stays in the tasks' params unless every param is passed
    from pipeline.demo import sample_dates

    day = sample_dates()[0]
    api.nightly("1999-05-04", str(seed_sources), str(tmp_path / "old"), archive=str(archive))
    api.nightly(day, str(seed_sources), str(tmp_path / "web"))
    assert store.list_dates(tmp_path / "web", "articles") == [day]
    _, rows = publish.query(
        tmp_path / "web", "select count(*) from articles where url like '%127.0.0.1%'"
    )
    assert rows[0][0] > 0


def test_airflow_backfill_create_plans_runs_for_old_days(backfilled, archive):
    # the DAGs are in Airflow's metadata DB once a run went through them (the fixture's)
    env = {**os.environ, "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    out = subprocess.run(
        [sys.executable, "-m", "airflow", "backfill", "create", "--dag-id", "news_nightly",
         "--from-date", "2016-06-20", "--to-date", "2016-06-22", "--dry-run",
         "--dag-run-conf", json.dumps({"archive": str(archive)})],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    planned = re.findall(r"^\| (\d{4}-\d{2}-\d{2}) 00:00:00", out.stdout, re.M)
    assert planned == ["2016-06-20", "2016-06-21", "2016-06-22"], out.stdout[-2000:]


def test_a_day_before_1990_is_refused_before_any_run(archive, tmp_path, capsys):
    args = ["backfill", "--archive", str(archive), "--from", "1989-12-31", "--to", "1999-12-31",
            "--data-dir", str(tmp_path)]  # fmt: skip
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "1989-12-31 is before 1990-01-01, the first day the DAGs accept" in err
    assert not (tmp_path / "news.duckdb").exists()
    assert dt.date(1990, 1, 1) == EARLIEST_DATE


@pytest.mark.parametrize(
    ("dates", "says"),
    [
        (["2016-13-01"], "not a date"),
        (["2999-01-01"], "in the future"),
        (["2016-06-22", "2016-06-20"], "ends before it starts"),
    ],
)
def test_run_dates_that_cannot_be_run_say_why(dates, says):
    with pytest.raises(ValueError, match=says):
        orchestrate.check_run_dates(*dates)


def test_a_backfill_whose_range_holds_no_record_fails_and_says_where_the_records_are(
    archive, tmp_path
):
    with pytest.raises(orchestrate.DagRunFailed) as failed:
        api.backfill(str(archive), "2001-01-01", "2002-12-31", str(tmp_path))
    message = str(failed.value)
    assert "every_date_written" in message
    assert "no record of the archive (1 file) falls in 2001-01-01..2002-12-31" in message
    assert f"its 3 dated records run from 1999-05-04 to {max(REPORTS)}" in message


def test_a_backfill_that_wrote_no_date_of_its_records_is_an_error():
    from pipeline.runs.backfill import BackfillWroteNothing, check_backfill

    routed = [{"in_range": 3, "rejected": 0, "outside_range": 0, "first": "2016-06-20",
               "last": "2016-06-22", "dates": ["2016-06-20"]}]  # fmt: skip
    with pytest.raises(BackfillWroteNothing, match="3 records fall in .* but no date was written"):
        check_backfill(routed, [], "2016-06-01", "2016-06-30")
    assert check_backfill(routed, ["2016-06-20"], "2016-06-01", "2016-06-30") == 1


def test_a_dag_run_that_runs_no_task_is_an_error_not_a_success(monkeypatch, tmp_path):
    # what Airflow does with a logical date before the DAG's start_date: no task instance, and
    # the run is marked successful; run_dag must not pass that on as a success
    dag = orchestrate.load_dag("news_publish")
    later = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    for obj in (dag, *dag.tasks):
        monkeypatch.setattr(obj, "start_date", later)
    with pytest.raises(orchestrate.DagRunFailed, match="ran no task .*before the DAG's start_date"):
        orchestrate.run_dag("news_publish", "2016-06-21", {"data_dir": str(tmp_path)}, tmp_path)


def test_a_failed_task_is_named_with_its_reason(monkeypatch, tmp_path):
    from pipeline.runs import publish_steps

    def broken(*_args, **_kwargs):
        raise OSError("disk full while staging")

    monkeypatch.setattr(publish_steps, "stage_step", broken)
    for t in orchestrate.load_dag("news_publish").tasks:  # no retry delays in this test
        monkeypatch.setattr(t, "retries", 0)
    with pytest.raises(orchestrate.DagRunFailed) as failed:
        orchestrate.run_dag("news_publish", "2016-06-21", {"data_dir": str(tmp_path)}, tmp_path)
    assert "stage: OSError: disk full while staging" in str(failed.value)


def test_a_successful_backfill_prints_no_error_line(archive, tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "pipeline", "backfill", "--archive", str(archive),
         "--from", "2016-06-01", "--to", "2016-06-30", "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert "succeeded" in out.stderr
    assert "error" not in out.stderr.lower(), out.stderr[-2000:]
