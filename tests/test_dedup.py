"""Duplicates: a syndicated copy is the same story; a different story is not; the first copy
wins, within a day and against the days before."""

from __future__ import annotations

import json

import pytest

from pipeline import store
from pipeline.clean.page import clean_html
from pipeline.dedup.articles import Candidate, find_duplicates, signature
from pipeline.runs import extraction, staging
from pipeline.settings import SEEDS_DIR


def seed_texts() -> dict[str, str]:
    pages = sorted((SEEDS_DIR / "site").glob("*/articles/*.html"))
    return {p.stem: clean_html(p.read_text(encoding="utf-8")).text for p in pages}


def syndicated(text: str, outlet: str = "the Coastline Courier") -> str:
    """How a copy differs on another site: its own first paragraph, a cut ending, a sign-off."""
    paragraphs = text.split("\n")
    intro = f"Reporting for {outlet}, our correspondents followed the developments through the day."
    return "\n".join([intro, *paragraphs[1:-1], f"This story first appeared on {outlet}'s wire."])


def candidates(texts: dict[str, str], day: str = "2026-03-02") -> list[Candidate]:
    return [Candidate(k, str(hash(t)), signature(t), (day, k)) for k, t in texts.items()]


@pytest.fixture(scope="module")
def texts():
    return seed_texts()


def test_near_duplicate_precision_and_recall_on_syndicated_copies(texts):
    """Every sample article and its syndicated copy: the copies are found, nothing else is."""
    copies = {f"copy-{k}": syndicated(t) for k, t in texts.items()}
    found = find_duplicates(candidates(texts) + candidates(copies, "2026-03-03"), [])
    true_pairs = {(f"copy-{k}", k) for k in texts}
    hits = set(found.items())
    precision = len(hits & true_pairs) / max(len(hits), 1)
    recall = len(hits & true_pairs) / len(true_pairs)
    assert precision == 1.0
    assert recall >= 0.9


def test_the_same_event_rewritten_by_another_outlet_is_not_a_text_duplicate(texts):
    pair = {k: t for k, t in texts.items() if "kharkiv" in k}
    assert len(pair) == 2
    assert find_duplicates(candidates(pair), []) == {}


def test_exact_copies_point_at_the_earliest_and_chains_at_the_origin(texts):
    text = next(iter(texts.values()))
    cands = [
        Candidate("late", "same", signature(text), ("2026-03-04", "late")),
        Candidate("early", "same", signature(text), ("2026-03-02", "early")),
        Candidate("middle", "other", signature(syndicated(text)), ("2026-03-03", "middle")),
    ]
    assert find_duplicates(cands, []) == {"late": "early", "middle": "early"}


def _run_day(data_dir, day: str, records: list[dict]) -> None:
    staged = staging.new_staging(data_dir, day, "t")
    (staged / staging.CLEAN).write_text("".join(json.dumps(r) + "\n" for r in records))
    extraction.extract_step(str(staged))
    staging.commit_step(str(staged))


def test_a_copy_published_days_later_is_marked_from_stored_signatures(texts, tmp_path):
    key = sorted(texts)[3]
    original = {"id": "orig", "url": "http://a.test/1", "source": "a", "text": texts[key],
                "published": "2026-03-02"}  # fmt: skip
    copy = {"id": "copy", "url": "http://b.test/9", "source": "b", "text": syndicated(texts[key]),
            "published": "2026-03-05"}  # fmt: skip
    other = {"id": "other", "url": "http://b.test/10", "source": "b",
             "text": texts[sorted(texts)[7]], "published": "2026-03-05"}  # fmt: skip
    _run_day(tmp_path, "2026-03-02", [original])
    _run_day(tmp_path, "2026-03-05", [copy, other])
    rows = store.read_columns(tmp_path, "articles", ["article_id", "dup_of"]).to_pylist()
    assert {r["article_id"]: r["dup_of"] for r in rows} == {
        "orig": None,
        "copy": "orig",
        "other": None,
    }
    figures = store.read_columns(tmp_path, "figures", ["article_id", "dup_of"]).to_pylist()
    assert {r["dup_of"] for r in figures if r["article_id"] == "copy"} <= {"orig"}
