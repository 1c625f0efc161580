"""docs/analysts.md: its eleven questions run against a data directory the tests build, and each
answer is the one worked out by hand from tests/fixtures/world.json."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pipeline import publish
from pipeline.settings import REPO_ROOT
from tools import synthetic

DOC = REPO_ROOT / "docs" / "analysts.md"
WORLD = Path(__file__).parent / "fixtures" / "world.json"
# events are keyed by the clustered event_id: the three Northtown reports share the earliest one's
NORTHTOWN = "h1#0"
D = dt.date.fromisoformat

ANSWERS = {
    1: [("UKR", 13, 12, 16), ("SDN", 5, 5, 5)],
    2: [(D("2026-03-30"), 13, 12, 16, 1, 3)],
    3: [(NORTHTOWN, 3, 3), ("h2#0", 1, 1), ("h3#0", 1, 1)],
    4: [("Northern Army", "state_forces", 3, 3, 0, 18, ["SDN", "UKR"]),
        ("River Front", "armed_group", 2, 0, 2, 5, ["SDN"]),
        ("civilians", "civilians", 1, 0, 1, 13, ["UKR"]),
        ("Southport Police", "state_forces", 1, 1, 0, 0, ["MEX"]),
        ("protesters", "protesters", 1, 0, 1, 0, ["MEX"])],
    5: [(NORTHTOWN, "injured", 20, 25, None, 3), (NORTHTOWN, "killed", 12, 13, 16, 3)],
    6: [("Harbor Times", 12, "killed 12 civilians", "https://harbor.test/h1"),
        ("Meridian Post", 14, "Between 14 and 16 civilians died", "https://meridian.test/m1")],
    7: [(D("2026-04-01"), "killed", 4000, "more_than", "killed more than 4,000 people since 2024")],
    8: [(D("2026-04-01"), "Copy Wire", 1, 1), (D("2026-04-01"), "Harbor Times", 1, 0),
        (D("2026-04-01"), "Meridian Post", 1, 0), (D("2026-04-02"), "Harbor Times", 2, 0),
        (D("2026-04-03"), "Harbor Times", 1, 0), (D("2026-04-03"), "Meridian Post", 1, 0)],
    9: [("Northtown", "UKR", 2, 4), ("Eastville", "SDN", 1, 1), ("Lakeside", None, 1, 1),
        ("Southport", "MEX", 1, 1)],
    10: [("fetch", "http_404", 2), ("clean", "not_article", 1)],
    # the copy c1 and the marathon h5 (relevance none) give no row
    11: [(D("2026-04-01"), "h1", "conflict", 0.95,
          "Artillery shelling killed 12 civilians in Northtown on Monday."),
         (D("2026-04-01"), "m1", "conflict", 0.9,
          "Between 14 and 16 civilians died when shells hit Northtown on Monday, local officials said."),
         (D("2026-04-02"), "h2", "conflict", 0.9,
          "Clashes between the Northern Army and the River Front killed 5 soldiers near Eastville on Tuesday."),
         (D("2026-04-03"), "m2", "conflict", 0.8,
          "Police arrested 20 protesters in Southport on Thursday after a march against fuel prices."),
         (D("2026-04-03"), "h3", "diplomacy", 0.7,
          "Envoys of the Northern Army and the River Front met in Lakeside on Thursday to discuss a ceasefire.")],
}  # fmt: skip


def doc_questions() -> list[tuple[int, str, str]]:
    """(number, title, sql) of each '### N. question' section with its sql block."""
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"^### (\d+)\. (.+?)$.*?```sql\n(.*?)```", text, re.M | re.S)
    return [(int(n), title, sql) for n, title, sql in found]


@pytest.fixture(scope="module")
def world_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("world")
    synthetic.write_world(data_dir, synthetic.load_world(WORLD))
    publish.publish(data_dir)
    return data_dir


def test_the_doc_asks_eleven_questions():
    assert [n for n, _, _ in doc_questions()] == list(range(1, 12))


@pytest.mark.parametrize("number", range(1, 12))
def test_each_question_gets_its_answer(world_dir, number):
    _, title, sql = next(q for q in doc_questions() if q[0] == number)
    _, rows = publish.query(world_dir, sql)
    assert rows == ANSWERS[number], title


def test_question_1_leaves_a_country_open_ended_when_one_of_its_events_is(tmp_path):
    # sum() skips nulls: an open-ended report must make the country's high end null, not smaller
    world = synthetic.load_world(WORLD)
    eastville = next(f for f in world["figures"] if f["category"] == "killed"
                     and f["article_id"] == "h2")  # fmt: skip
    eastville.update(qualifier="more_than", high=None)
    synthetic.write_world(tmp_path, world)
    publish.publish(tmp_path)
    _, _, sql = next(q for q in doc_questions() if q[0] == 1)
    _, rows = publish.query(tmp_path, sql)
    assert ("SDN", 5, 5, None) in rows
    assert ("UKR", 13, 12, 16) in rows
