"""`pipeline query`, `publish.connect` and the report open the published file for queries only:
a statement that could write (a file, a database, the published views) is refused with a clear
message, nothing is written, and the published file stays byte-identical. Also the manners of
`pipeline query` on the command line (empty SQL, a closed pipe, standard output, a missing
folder)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import cli, publish
from pipeline.settings import REPO_ROOT
from tools import synthetic

WORLD = Path(__file__).parent / "fixtures" / "world.json"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("read-only")
    synthetic.write_world(data_dir, synthetic.load_world(WORLD))
    publish.publish(data_dir)
    return data_dir


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(*dirs: Path) -> set[Path]:
    return {p for d in dirs for p in d.rglob("*")}


def writes(data_dir: Path, outside: Path) -> list[str]:
    """The statements of the issue, and their neighbours: each would write somewhere."""
    snapshot = publish.query(data_dir, "select snapshot from publication")[1][0][0]
    part = next(Path(snapshot).rglob("*.parquet"))
    db = data_dir / "news.duckdb"
    return [
        f"COPY (select * from figures) TO '{outside / 'out.csv'}'",
        f"COPY (select 1 as a) TO '{part}' (format parquet)",  # over a frozen partition
        f"ATTACH '{outside / 'new.duckdb'}' AS x; CREATE TABLE x.t AS SELECT 1",
        f"USE memory; DETACH news; ATTACH '{db}' AS rw; DROP VIEW rw.top_actors",
        f"ATTACH '{db}' AS rw (READ_ONLY false)",
        "CREATE TABLE t AS SELECT 1",
        "CREATE TABLE memory.t AS SELECT 1",
        "DROP VIEW top_actors",
        f"EXPORT DATABASE '{outside / 'export'}'",
        "SET enable_external_access = true",
        "INSTALL httpfs",
        "CHECKPOINT",
        "select 1; DROP VIEW figures",
    ]


def test_each_writing_statement_is_refused_by_pipeline_query_and_nothing_changes(
    published, tmp_path, capsys
):
    before, files = digest(published / "news.duckdb"), files_under(published)
    for sql in writes(published, tmp_path):
        assert cli.main(["query", "--data-dir", str(published), sql]) == 1, sql
        err = capsys.readouterr().err
        assert "refused: the published file is read-only" in err, (sql, err)
    assert digest(published / "news.duckdb") == before
    assert files_under(published) == files
    assert list(tmp_path.iterdir()) == []
    assert publish.query(published, "select count(*) from top_actors")[1][0][0] > 0


def test_each_writing_statement_is_refused_through_publish_connect(published, tmp_path):
    before = digest(published / "news.duckdb")
    for sql in writes(published, tmp_path):
        with publish.connect(published) as con, pytest.raises(publish.ReadOnlyError):
            con.execute(sql)
    assert digest(published / "news.duckdb") == before
    assert list(tmp_path.iterdir()) == []


def test_duckdb_itself_refuses_files_outside_the_snapshot_even_past_the_statement_check(
    published, tmp_path
):
    # the second lock: the connection inside, as DuckDB configured it, opens no other file
    con = publish.connect(published)._con
    for sql in (f"COPY (select 1) TO '{tmp_path / 'x.csv'}'",
                f"ATTACH '{tmp_path / 'new.duckdb'}' AS x",
                "select * from read_csv('/etc/hostname')",
                "SET enable_external_access = true", "SET lock_configuration = false"):  # fmt: skip
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("CREATE TABLE news.t AS SELECT 1")
    assert list(tmp_path.iterdir()) == []
    assert con.execute("select count(*) from figures").fetchall()[0][0] > 0  # views still read


def test_queries_of_every_kind_still_run(published):
    for sql in ("select count(*) from figures", "from events limit 1", "describe figures",
                "show tables", "summarize select best from figures", "explain select 1",
                "with t as (select 1 as a) select a from t", "values (1), (2)"):  # fmt: skip
        cols, _ = publish.query(published, sql)
        assert cols, sql


def test_an_empty_query_says_so(published, capsys):
    for sql in ("", "   ", ";", "-- only a comment"):
        assert cli.main(["query", "--data-dir", str(published), sql]) == 1
        assert "no SQL statement given" in capsys.readouterr().err


def test_a_query_piped_into_head_ends_quietly(published):
    cmd = (f"{sys.executable} -m pipeline query --data-dir {published} "
           "'select * from range(200000)' | head -n 3")  # fmt: skip
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=REPO_ROOT)
    assert out.stdout.splitlines()[0].strip() == "range"
    assert out.stderr == ""


def test_an_output_file_in_a_missing_folder_is_named(published, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "deaths.csv"
    args = ["query", "--data-dir", str(published), "--format", "csv", "--out", str(out),
            "select 1 as a"]  # fmt: skip
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert f"the folder {out.parent} does not exist" in err
    assert not (tmp_path / "no-such-folder").exists()


def test_the_report_reads_through_the_same_lock(published, tmp_path, monkeypatch):
    from pipeline.publish import report

    seen = []
    real = publish.connect

    def spy(data_dir):
        con = real(data_dir)
        seen.append(type(con))
        return con

    monkeypatch.setattr(publish, "connect", spy)
    report.write_report(published, tmp_path / "report.html")
    assert seen == [publish.ReadOnlyConnection]
