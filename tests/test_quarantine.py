"""One implausible row never stops a publish: through the real backfill and publish DAGs, pages
whose extraction goes wrong in the ways real news makes it go wrong (a scheduled day read as the
event's date, a historical toll read as an incident's) get those rows held back in the
`quarantine` view, and everything else is published. The faults are injected into the
extraction's output, so this test does not depend on which texts today's rules misread."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline import api, cli, publish
from pipeline.runs import extraction
from pipeline.runs.staging import article_id_for

PUBLISHED = "2018-09-15"
PAGES = {
    "festival": "Organisers of the harbour light festival met city officials on Thursday to agree "
    "the route of the lantern parade. Two stewards were hurt when a lighting rig fell during the "
    "rehearsal, the organisers said.",
    "plague": "Gunmen killed three farmers near the village of Dogo on Friday, police said. The "
    "attack was the second in the district this month.",
    "floods": "Floodwater swept through the market town of Sylhet on Thursday, and rescuers said "
    "six people drowned. Officials said 2,000 people had been moved to shelters.",
}


def misread(outputs):
    """The extraction as a faulty rule would leave it: the festival's event dated on a day
    announced for later (75 days after the article), and the farmers' toll read as the 50
    million of a centuries-old plague."""
    for out in outputs:
        if out.get("id") == aid("festival"):
            for event in out["events"]:
                event["date"] = (dt.date.fromisoformat(PUBLISHED) + dt.timedelta(75)).isoformat()
        if out.get("id") == aid("plague"):
            for figure in out["figures"]:
                if figure["category"] == "killed":
                    figure.update(best=50_000_000, low=50_000_000, high=50_000_000)
        yield out


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("quarantine")
    archive = tmp / "pages.jsonl"
    archive.write_text(
        "".join(
            json.dumps({"id": k, "url": f"http://news.test/{k}", "published": PUBLISHED,
                        "text": text}) + "\n"
            for k, text in PAGES.items()
        ),
        encoding="utf-8",
    )  # fmt: skip
    real = extraction.extract_records
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(extraction, "extract_records", lambda *a, **k: misread(real(*a, **k)))
        api.backfill(str(archive), PUBLISHED, PUBLISHED, str(tmp / "data"))
    return tmp / "data"


def aid(key: str) -> str:
    return article_id_for(f"http://news.test/{key}", "")


def test_the_faulty_rows_are_held_back_with_their_check_and_reason(published):
    _, rows = publish.query(
        published, "select check_name, table_name, article_id, reason from quarantine"
    )
    festival = [r for r in rows if r[2] == aid("festival")]
    assert {r[:2] for r in festival} >= {("events_dated_after_their_article", "events")}
    assert any("2018-11-29" in r[3] and PUBLISHED in r[3] for r in festival)
    plague = [r for r in rows if r[2] == aid("plague")]
    assert ("implausible_counts", "figures") in {r[:2] for r in plague}
    assert any("50000000" in r[3] for r in plague)


def test_the_views_and_marts_leave_them_out_and_keep_the_rest(published):
    _, events = publish.query(published, "select article_id from events")
    assert aid("festival") not in {a for (a,) in events}
    assert aid("floods") in {a for (a,) in events}
    _, killed = publish.query(published, "select max(best) from figures where category = 'killed'")
    assert killed[0][0] < 1000
    _, marts = publish.query(
        published, "select max(best) from event_casualties where category = 'killed'"
    )
    assert marts[0][0] < 1000
    _, articles = publish.query(published, "select count(*) from articles")
    assert articles == [(3,)]  # every page is published; only the faulty rows are held back
    assert [r.name for r in publish.run_checks(published) if r.failing_rows] == []


def test_the_run_summary_names_the_checks_that_held_rows_back(published, capsys):
    cli._report(str(published), [PUBLISHED])
    err = capsys.readouterr().err
    assert f"{PUBLISHED}: rows held back by check (see the quarantine view):" in err
    assert "events_dated_after_their_article=" in err and "implausible_counts=" in err


def test_the_report_shows_what_was_held_back(published, tmp_path):
    from pipeline.publish.report import write_report

    page = write_report(published, tmp_path / "report.html").read_text(encoding="utf-8")
    held = page[page.index('id="held-back"') :]
    assert "events_dated_after_their_article" in held and "implausible_counts" in held
