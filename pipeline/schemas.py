"""Arrow schemas of every table the pipeline writes.

One place defines each table: the Parquet files are written with these schemas, the DuckDB views
read them (and fall back to an empty relation of the same shape while a table has no partition
yet), and `data_dictionary` describes each column for `COMMENT ON` in the published DuckDB file.
Tables are Hive-partitioned by `date` (the day the rows belong to: the publication date for
articles and everything extracted from them, the run date for fetch records and rejects); the
partition value lives in the directory name, not inside the files.
"""

from __future__ import annotations

import pyarrow as pa

SPAN = pa.list_(pa.int32(), 2)

# column name -> (arrow type, description)
_TABLES: dict[str, dict[str, tuple[pa.DataType, str]]] = {
    "raw": {
        "url": (pa.string(), "URL as discovered (canonicalised)"),
        "final_url": (pa.string(), "URL after redirects"),
        "source": (pa.string(), "name of the source in the sources file"),
        "status": (pa.int32(), "HTTP status of the final response"),
        "content_type": (pa.string(), "Content-Type header of the response"),
        "fetched_at": (pa.timestamp("us", tz="UTC"), "when the response was received"),
        "feed_published": (pa.string(), "publication date given by the feed or sitemap, if any"),
        "etag": (pa.string(), "ETag header, for conditional GET"),
        "last_modified": (pa.string(), "Last-Modified header, for conditional GET"),
        "sha256": (pa.string(), "sha256 of the body bytes"),
        "body": (pa.binary(), "response body as received (the Parquet column is compressed)"),
    },
    "articles": {
        "article_id": (pa.string(), "stable id: the input id, or a hash of the canonical URL"),
        "url": (pa.string(), "URL the article was fetched from"),
        "source": (pa.string(), "source name (sources file) or archive the article came from"),
        "title": (pa.string(), "headline"),
        "author": (pa.string(), "byline, when the page states one"),
        "site_name": (pa.string(), "publisher name from page metadata"),
        "canonical_url": (pa.string(), "canonical URL the page declares"),
        "published": (pa.date32(), "publication date"),
        "published_from": (
            pa.string(),
            "where the date came from: input | page | feed | url | crawl | run",
        ),
        "language": (pa.string(), "ISO 639-1 language code of the text"),
        "status": (pa.string(), "ok, or non_english (kept, not extracted)"),
        "text": (pa.string(), "clean article text; every offset in other tables points into it"),
        "text_sha256": (pa.string(), "sha256 of the clean text (exact-duplicate key)"),
        "dup_of": (pa.string(), "article_id of the first copy when this article is a duplicate"),
    },
    "entities": {
        "entity_id": (pa.string(), "article_id#index"),
        "article_id": (pa.string(), "article the entity was found in"),
        "canonical_id": (
            pa.string(),
            "stable id of the real-world entity across articles (same name, type, country)",
        ),
        "name": (pa.string(), "canonical name, one per entity in the article"),
        "type": (pa.string(), "PERSON | ORG | GPE | LOC | NORP | FAC | EVENT"),
        "kind": (
            pa.string(),
            "named, or a generic actor: state_forces | armed_group | unidentified_armed_group | "
            "protesters | rioters | civilians",
        ),
        "country": (pa.string(), "ISO 3166-1 alpha-3 of the place or of the country it belongs to"),
        "admin1": (pa.string(), "first-level administrative unit of a place, where known"),
        "latitude": (pa.float64(), "gazetteer latitude of a place, where known"),
        "longitude": (pa.float64(), "gazetteer longitude of a place, where known"),
        "mention_count": (pa.int32(), "number of mentions in the article"),
        "mentions": (pa.list_(SPAN), "[start, end) character offsets of each mention in the text"),
        "dup_of": (pa.string(), "article_id of the first copy when the article is a duplicate"),
    },
    "figures": {
        "figure_id": (pa.string(), "article_id#index"),
        "article_id": (pa.string(), "article stating the figure"),
        "category": (
            pa.string(),
            "killed | injured | missing | displaced | captured | arrested | casualties | affected",
        ),
        "best": (pa.int64(), "best estimate (the stated number; the low end of a range)"),
        "low": (pa.int64(), "lowest value the wording allows"),
        "high": (pa.int64(), "highest value the wording allows; null = open-ended"),
        "qualifier": (
            pa.string(),
            "exact | approx | at_least | more_than | at_most | less_than | range",
        ),
        "who": (pa.string(), "victim group as written"),
        "scope": (pa.string(), "incident (this event) | cumulative (running total)"),
        "as_of": (
            pa.string(),
            "date the figure refers to, when stated (YYYY, YYYY-MM, YYYY-MM-DD)",
        ),
        "source": (pa.string(), "who is quoted for the figure"),
        "span": (SPAN, "[start, end) offsets of the evidence in the article text"),
        "evidence": (pa.string(), "the words of the text that state the figure"),
        "event_id": (pa.string(), "event the figure belongs to"),
        "dup_of": (pa.string(), "article_id of the first copy when the article is a duplicate"),
    },
    "events": {
        "event_id": (
            pa.string(),
            "the event, shared by every article reporting it: the id "
            "(article_id#index) of its earliest report",
        ),
        "article_id": (pa.string(), "article describing the event"),
        "type": (pa.string(), "ACLED event type, or Diplomacy"),
        "sub_type": (pa.string(), "finer type, free text"),
        "event_date": (pa.date32(), "day the event happened (resolved against the publication)"),
        "date_precision": (pa.string(), "day | week | month | year"),
        "location": (pa.string(), "place name as written"),
        "country": (pa.string(), "ISO 3166-1 alpha-3"),
        "actors": (pa.list_(pa.string()), "who acted, as canonical entity names"),
        "actor1": (pa.string(), "who acted (the agent of the violent verb), as an entity name"),
        "actor2": (pa.string(), "against whom (its object or passive subject), or null"),
        "admin1": (pa.string(), "first-level division of the place, where known"),
        "latitude": (pa.float64(), "gazetteer latitude of the place, where known"),
        "longitude": (pa.float64(), "gazetteer longitude of the place, where known"),
        "geo_precision": (pa.int8(), "1 town or site, 2 near it / district, 3 region or country"),
        "span": (SPAN, "[start, end) offsets of the sentence describing the event"),
        "evidence": (pa.string(), "that sentence"),
        "dup_of": (pa.string(), "article_id of the first copy when the article is a duplicate"),
    },
    "signatures": {
        "article_id": (pa.string(), "article the signature belongs to"),
        "text_sha256": (pa.string(), "sha256 of the clean text (exact-duplicate key)"),
        "published": (pa.date32(), "publication date (the earliest copy is the first)"),
        "minhash": (pa.list_(pa.uint32()), "MinHash signature of the text's word 5-grams"),
        "dup_of": (pa.string(), "first copy, when the article is itself a duplicate"),
    },
    "rejects": {
        "stage": (pa.string(), "discover | fetch | clean | extract | archive"),
        "source": (pa.string(), "source name or archive path"),
        "url": (pa.string(), "URL of the item, when there is one"),
        "record_id": (pa.string(), "input record id or archive offset, when there is one"),
        "reason": (pa.string(), "short machine-readable reason, e.g. http_404, not_article"),
        "detail": (pa.string(), "human-readable detail"),
        "raw_sha256": (pa.string(), "sha256 of the raw body it came from, if any (see raw)"),
    },
}

TABLE_DESCRIPTIONS = {
    "raw": "one row per fetched response: re-cleaning never needs the network",
    "articles": "one row per clean article",
    "entities": "one row per entity per article",
    "figures": "one row per casualty figure stated in an article",
    "events": "one row per event described in an article",
    "signatures": "one row per article: its MinHash, for near-duplicate detection in later runs",
    "rejects": "one row per input that was refused, with its reason",
}

TABLES = tuple(_TABLES)


def schema(table: str) -> pa.Schema:
    """The Arrow schema of `table` (without the `date` partition column)."""
    return pa.schema([pa.field(name, typ) for name, (typ, _) in _TABLES[table].items()])


def columns(table: str) -> list[str]:
    return list(_TABLES[table])


def data_dictionary(table: str) -> dict[str, str]:
    """Column name -> description, for COMMENT ON COLUMN and the README's dictionary."""
    return {name: desc for name, (_, desc) in _TABLES[table].items()}


def to_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table of the table's schema."""
    sch = schema(table)
    return pa.Table.from_pylist([{c: r.get(c) for c in sch.names} for r in rows], schema=sch)
