"""The `pipeline extract` command keeps CONTRACT.md: one output line per input line, entities with
one canonical name and type, the one figure the article states, and bad lines rejected."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES

from pipeline.settings import REPO_ROOT


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[dict]:
    tmp = tmp_path_factory.mktemp("contract")
    text = (FIXTURES / "contract_article.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "ruto", "text": text, "published": "2026-05-13"}),
        "{this is not json",
        json.dumps({"id": "no-body"}),
        json.dumps({"text": "An article without an id."}),
        json.dumps({"id": "after", "text": "Two people were killed in Mombasa on Monday."}),
    ]
    (tmp / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--input", str(tmp / "in.jsonl"),
         "--output", str(tmp / "out.jsonl")],
        cwd=REPO_ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return [json.loads(line) for line in (tmp / "out.jsonl").read_text().splitlines()]


def _entity(out: dict, name: str) -> dict:
    matches = [e for e in out["entities"] if e["name"] == name]
    assert matches, f"no entity {name!r} in {[e['name'] for e in out['entities']]}"
    return matches[0]


def test_one_output_line_per_input_line_in_order(extracted):
    assert [o["status"] for o in extracted] == ["ok", "rejected", "rejected", "rejected", "ok"]
    assert extracted[0]["id"] == "ruto" and extracted[-1]["id"] == "after"


def test_broken_records_are_rejected_with_a_reason_and_the_run_goes_on(extracted):
    assert {o["reason"] for o in extracted[1:4]} == {"bad_record"}
    assert extracted[2]["id"] == "no-body"
    assert extracted[-1]["figures"][0]["best"] == 2


def test_head_of_state_is_one_person_entity_for_every_mention(extracted):
    out = extracted[0]
    ruto = _entity(out, "William Ruto")
    assert ruto["type"] == "PERSON"
    assert ruto["country"] == "KEN"
    text = out["text"]
    assert len(ruto["mentions"]) == text.count("Ruto")
    others = [e for e in out["entities"] if e is not ruto]
    assert not any("Ruto" in text[s:e] for o in others for s, e in o["mentions"])


def test_news_outlet_is_an_organisation_not_a_person(extracted):
    assert _entity(extracted[0], "Reuters")["type"] == "ORG"


@pytest.mark.parametrize(
    "name,country",
    [("Haiti", "HTI"), ("Kenya", "KEN"), ("United States", "USA"), ("Nairobi", "KEN")],
)
def test_places_are_linked_to_their_country(extracted, name, country):
    ent = _entity(extracted[0], name)
    assert ent["type"] == "GPE"
    assert ent["country"] == country


def test_us_abbreviation_is_the_same_entity_as_the_full_name(extracted):
    out = extracted[0]
    us = _entity(out, "United States")
    assert {out["text"][s:e] for s, e in us["mentions"]} >= {"United States", "U.S."}


def test_the_cumulative_toll_is_the_only_figure(extracted):
    out = extracted[0]
    assert len(out["figures"]) == 1
    fig = out["figures"][0]
    assert (fig["category"], fig["best"], fig["low"], fig["high"]) == ("killed", 5600, 5600, None)
    assert fig["qualifier"] == "more_than"
    assert fig["scope"] == "cumulative"
    assert fig["source"] == "the United Nations"
    s, e = fig["span"]
    assert out["text"][s:e].startswith("killed more than 5,600 people")


def test_word_glued_at_a_lost_line_break_is_repaired(extracted):
    text = extracted[0]["text"]
    assert "situation in the capital" in text
    assert "situationin" not in text


def test_offsets_point_into_the_returned_text(extracted):
    out = extracted[0]
    for ent in out["entities"]:
        for s, e in ent["mentions"]:
            assert 0 <= s < e <= len(out["text"])
    ev = out["events"][0]
    assert ev["date"] == "2026-05-12"  # "on Tuesday", resolved against the publication date


def _keys(shape) -> tuple[set[str], set[str]]:
    """The required keys of a TypedDict and all of its keys."""
    return set(shape.__required_keys__), set(shape.__annotations__)


def test_every_output_line_has_the_shape_pipeline_contract_declares(extracted):
    from pipeline import contract

    for out in extracted:
        shape = contract.Record if out["status"] == "ok" else contract.Rejected
        required, every = _keys(shape)
        assert required <= set(out) <= every, out.get("id")
        if shape is contract.Rejected:
            continue
        for field, item_shape in (("entities", contract.Entity), ("figures", contract.Figure),
                                  ("events", contract.Event)):  # fmt: skip
            for item in out[field]:
                assert set(item) == _keys(item_shape)[1], field
    assert any(out["events"] and out["figures"] for out in extracted if out["status"] == "ok")
