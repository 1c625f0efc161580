"""Table rows from the contract's output: every column of an extracted table is either a field
of the contract copied by name or a column its builder derives (ids, evidence, dates), so the
Parquet schema, the view and the contract describe one thing."""

from __future__ import annotations

import datetime as dt

from pipeline import contract, schemas
from pipeline.runs import rows

TEXT = "Gunmen killed three farmers near Dogo on Friday, police said."

OUT: contract.Record = {
    "id": "a1", "status": "ok", "reason": None, "url": "http://news.test/a1", "title": "Dogo",
    "published": "2018-09-15", "published_from": "input", "language": "en", "text": TEXT,
    "author": None, "site_name": None, "canonical_url": None,
    "relevance": "conflict", "relevance_score": 0.9, "relevance_evidence": [[0, 61]],
    "entities": [
        {"id": "c-dogo", "name": "Dogo", "type": "GPE", "kind": "named", "country": "NGA",
         "admin1": "Borno", "latitude": 11.5, "longitude": 13.1, "mentions": [[33, 37]]},
    ],
    "figures": [
        {"category": "killed", "best": 3, "low": 3, "high": 3, "qualifier": "exact",
         "who": "farmers", "scope": "incident", "as_of": None, "source": "police",
         "span": [7, 27], "event": 0},
    ],
    "events": [
        {"type": "Violence against civilians", "sub_type": "Attack", "date": "2018-09-14",
         "date_precision": "day", "location": "Dogo", "geo_precision": 1, "admin1": "Borno",
         "latitude": 11.5, "longitude": 13.1, "country": "NGA", "actor1": "gunmen",
         "actor1_kind": "armed_group", "actor2": "farmers", "actor2_kind": "civilians",
         "actors": ["gunmen", "farmers"], "span": [0, 61]},
    ],
}  # fmt: skip
PAGE: rows.Page = {
    "url": "http://news.test/a1", "source": "archive", "author": "A. Writer",
    "site_name": "News Test", "canonical_url": None, "published_from": "input",
}  # fmt: skip


def test_every_column_of_an_extracted_table_is_copied_from_the_contract_or_built():
    built = rows.record_rows(OUT, PAGE)
    for table, table_rows in built.items():
        # dup_of is set by the day-level dedup, after the rows are built
        assert set(table_rows[0]) | {"dup_of"} == set(schemas.columns(table)), table


def test_columns_named_as_a_contract_field_are_that_field():
    assert rows.shared("events", contract.Event) == (
        "type", "sub_type", "date_precision", "location", "country", "actors", "actor1",
        "actor1_kind", "actor2", "actor2_kind", "admin1", "latitude", "longitude", "geo_precision",
        "span",
    )  # fmt: skip
    (event,) = rows.event_rows(OUT)
    assert {k: event[k] for k in rows.shared("events", contract.Event)} == {
        k: OUT["events"][0][k] for k in rows.shared("events", contract.Event)
    }


def test_rows_carry_the_article_ids_the_evidence_at_their_span_and_parsed_dates():
    built = rows.record_rows(OUT, PAGE)
    (article,) = built["articles"]
    assert (article["article_id"], article["published"]) == ("a1", dt.date(2018, 9, 15))
    assert (article["source"], article["author"], article["status"]) == (
        "archive",
        "A. Writer",
        "ok",
    )
    (entity,) = built["entities"]
    assert (entity["entity_id"], entity["canonical_id"], entity["mention_count"]) == (
        "a1#e0", "c-dogo", 1,
    )  # fmt: skip
    (figure,) = built["figures"]
    assert (figure["figure_id"], figure["evidence"], figure["event_id"]) == (
        "a1#f0", "killed three farmers", "a1#v0",
    )  # fmt: skip
    (event,) = built["events"]
    assert (event["event_id"], event["event_date"], event["evidence"]) == (
        "a1#v0",
        dt.date(2018, 9, 14),
        TEXT,
    )


def test_the_article_row_copies_the_relevance_and_the_page_wins_over_the_output():
    assert {"relevance", "relevance_score", "relevance_evidence"} <= set(
        rows.shared("articles", contract.Record)
    )
    (article,) = rows.record_rows({**OUT, "url": "http://elsewhere.test/"}, PAGE)["articles"]
    assert (article["relevance"], article["relevance_score"], article["relevance_evidence"]) == (
        "conflict", 0.9, [[0, 61]],
    )  # fmt: skip
    assert article["url"] == PAGE["url"]


def test_an_article_not_extracted_keeps_its_text_and_language():
    out = {**OUT, "language": "fr", "extraction": "skipped: unsupported_language",
           "entities": [], "figures": [], "events": []}  # fmt: skip
    for field in ("relevance", "relevance_score", "relevance_evidence"):
        del out[field]  # nothing was read: no relevance
    built = rows.record_rows(out, PAGE)
    assert built["articles"][0]["status"] == "non_english"
    assert built["articles"][0]["relevance"] is None
    assert built["entities"] == built["figures"] == built["events"] == []
