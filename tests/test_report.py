"""`pipeline report`: one self-contained page, rendered for real in headless Chromium (Debian's
`chromium`, installed by `make test`), with its charts drawn and a screenshot taken."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from pipeline import cli, publish
from pipeline.publish.report import sentence_around
from tools import synthetic

WORLD = Path(__file__).parent / "fixtures" / "world.json"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("report-data")
    synthetic.write_world(data_dir, synthetic.load_world(WORLD))
    publish.publish(data_dir)
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert cli.main(["report", "--data-dir", str(data_dir), "--out", str(out)]) == 0
    return out


def chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("chromium")
    assert exe, "chromium is missing: `make test` installs Debian's chromium package"
    cmd = [exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp_path)


def test_the_page_fetches_nothing(report):
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"<(script|img|iframe|link|source|video)[^>]*\s(src|href)=", page, re.I)
    assert "@import" not in page and "url(" not in page
    # the only addresses are links to the articles
    assert set(re.findall(r'href="([^"]+)"', page)) == {
        "https://harbor.test/h1", "https://meridian.test/m1", "https://harbor.test/h2",
    }  # fmt: skip


def test_the_page_shows_the_largest_events_with_their_sentences(report):
    page = report.read_text(encoding="utf-8")
    table = page[page.index('id="largest-events"') :]
    assert table.index("Northtown") < table.index("Eastville")  # 13 killed before 5
    assert "<mark>killed 12 civilians</mark> in Northtown on Monday." in table
    assert "<mark>Between 14 and 16 civilians died</mark>" in table


def test_the_totals_count_the_articles_of_each_relevance(report):
    page = report.read_text(encoding="utf-8")
    counts = dict(re.findall(r'<div id="relevance-(\w+)"><b>([\d,]+)</b>', page))
    # the world: five conflict reports (a copy among them), the Lakeside talks, a marathon
    assert counts == {"conflict": "5", "disaster": "0", "diplomacy": "1", "none": "1"}


def test_chromium_renders_every_chart(report, tmp_path):
    out = chromium(report, tmp_path, "--dump-dom", "--window-size=1200,1800")
    assert out.returncode == 0, out.stderr[-2000:]
    body = re.search(r"<body([^>]*)>", out.stdout).group(1)
    assert 'data-ready="1"' in body  # the inline script ran
    charts = re.search(r'data-charts="([^"]*)"', body).group(1).split()
    drawn = {c.split(":")[0]: c.split(":")[1:] for c in charts}
    assert sorted(drawn) == ["actors-chart", "deaths-chart", "types-chart"]
    for chart_id, (size, _) in drawn.items():
        width, height = map(int, size.split("x"))
        assert width > 300 and height > 50, chart_id  # two bars are 56 high
    # two days of deaths (one country each), four event types, two actors that acted (the
    # Northern Army and the Southport Police; the others were only targets)
    assert {k: int(v[1]) for k, v in drawn.items()} == {
        "deaths-chart": 2, "types-chart": 4, "actors-chart": 2,
    }  # fmt: skip


def test_chromium_takes_a_screenshot_of_the_page(report, tmp_path):
    shot = tmp_path / "report.png"
    out = chromium(report, tmp_path, f"--screenshot={shot}", "--window-size=1100,1600")
    assert out.returncode == 0, out.stderr[-2000:]
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (1100, 1600)
    assert shot.stat().st_size > 20_000  # text and charts, not a blank page


def test_the_evidence_sentence_is_cut_at_sentence_ends():
    text = "First one. Shelling killed 12 people in the town. Last one."
    start = text.index("killed")
    assert sentence_around(text, start, start + 16) == (
        "Shelling ",
        "killed 12 people",
        " in the town.",
    )
    assert sentence_around(text, None, None) == ("", "", "")
