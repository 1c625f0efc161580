"""Backfill from WARC files that the test writes itself (warcio, from pages the sample site's
server returns): three days fill three dates, a truncated file keeps its good records and
reports the bad one, a second run changes nothing, and the nightly DAG reads an archive too."""

from __future__ import annotations

import io
import urllib.request

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline import api, publish, store
from pipeline.ingest.archives import iter_file
from pipeline.settings import SEEDS_DIR

DAYS = ["2025-06-01", "2025-06-02", "2025-06-03"]


def sample_urls(base: str, n: int) -> list[str]:
    pages = sorted((SEEDS_DIR / "site").glob("*/articles/*.html"))[:n]
    return [f"{base}/{p.relative_to(SEEDS_DIR / 'site')}" for p in pages]


def write_warc(path, base, crawl: list[tuple[str, str]], extra: bool = True) -> None:
    """A WARC.gz of (url, day) pages fetched from the local server, plus a 404 and a request."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, day in crawl:
            with urllib.request.urlopen(url) as resp:
                body, ctype = resp.read(), resp.headers["Content-Type"]
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": f"{day}T08:30:00Z"},
            )  # fmt: skip
            writer.write_record(rec)
        if extra:
            missing = StatusAndHeaders(
                "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            )
            writer.write_record(writer.create_warc_record(
                f"{base}/gone.html", "response", payload=io.BytesIO(b"no"), http_headers=missing,
                warc_headers_dict={"WARC-Date": f"{DAYS[0]}T09:00:00Z"},
            ))  # fmt: skip
            writer.write_record(writer.create_warc_record(
                f"{base}/x", "request", payload=io.BytesIO(b"GET /x HTTP/1.1\r\n\r\n"),
            ))  # fmt: skip


@pytest.fixture(scope="module")
def warc_dir(seed_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("warcs")
    urls = sample_urls(seed_site, 9)
    a_pages = [(u, DAYS[i % 3]) for i, u in enumerate(urls[:6])]
    write_warc(root / "crawl-a.warc.gz", seed_site, a_pages)
    # crawl-b crawls urls[0] again: the same page twice is one article
    b_pages = [(urls[6], DAYS[2]), (urls[0], DAYS[0])]
    write_warc(root / "crawl-b.warc.gz", seed_site, b_pages, extra=False)
    write_warc(
        root / "crawl-c.warc.gz", seed_site, [(urls[7], DAYS[2]), (urls[8], DAYS[2])], extra=False
    )
    whole = (root / "crawl-c.warc.gz").read_bytes()
    (root / "crawl-c.warc.gz").write_bytes(whole[: len(whole) * 3 // 4])  # cut off in record 2
    return root


def test_a_truncated_warc_keeps_its_good_records_and_reports_the_bad_one(warc_dir):
    records = list(iter_file(warc_dir / "crawl-c.warc.gz"))
    assert [("reject" in r) for r in records] == [False, True]
    assert records[1]["reject"]["reason"] == "truncated_archive"


@pytest.fixture(scope="module")
def backfilled(warc_dir, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("warc-data")
    api.backfill(str(warc_dir), DAYS[0], DAYS[-1], str(data_dir))
    return data_dir


def test_three_days_of_pages_fill_three_dates(backfilled):
    assert store.list_dates(backfilled, "articles") == DAYS
    _, rows = publish.query(
        backfilled, 'select "date", count(*) from articles group by 1 order by 1'
    )
    assert [n for _, n in rows] == [2, 2, 4]  # crawl-b and the good part of crawl-c add one each


def test_pages_that_are_not_articles_are_rejects_with_reasons(backfilled):
    _, rows = publish.query(
        backfilled, "select reason, count(*) from rejects group by 1 order by 1"
    )
    assert rows == [("duplicate_url", 1), ("http_404", 1), ("truncated_archive", 1)]


def test_a_second_backfill_changes_nothing(backfilled, warc_dir):
    sql = "select article_id, figure_id from figures order by all"
    before = publish.query(backfilled, sql)[1]
    counts = publish.query(backfilled, "select count(*) from articles")[1]
    api.backfill(str(warc_dir), DAYS[0], DAYS[-1], str(backfilled))
    assert publish.query(backfilled, sql)[1] == before
    assert publish.query(backfilled, "select count(*) from articles")[1] == counts


def test_the_nightly_dag_can_read_one_day_of_an_archive(warc_dir, backfilled, tmp_path):
    data_dir = tmp_path / "nightly"
    api.nightly(DAYS[1], str(SEEDS_DIR / "sources.toml"), str(data_dir), archive=str(warc_dir))
    _, rows = publish.query(data_dir, "select url from articles order by url")
    _, want = publish.query(
        backfilled, f"select url from articles where \"date\" = '{DAYS[1]}' order by url"
    )
    assert rows == want
