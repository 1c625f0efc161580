"""Every table the pipeline stores: each column's Arrow type and its one description.

This module is the one place a stored column is defined. The Parquet files are written with
these schemas; the DuckDB views read them (and fall back to an empty relation of the same shape
while a table has no partition yet); and the published file's column comments of every column a
view passes through unchanged are these descriptions (`descriptions`), so the Parquet tables and
the views cannot describe a column in two ways. A view's `-- @column` lines in `sql/views`
describe only what the view derives or renames (`span_start`, `report_date`, the partition
`date`). `{values:Name}` in a description is written as the values of that vocabulary
(`pipeline.vocabulary`). The extraction output these rows come from is declared in
`pipeline.contract`, and `pipeline.runs.rows` builds the rows from it.

Tables are Hive-partitioned by `date` (the day the rows belong to: the publication date for
articles and everything extracted from them, the run date for fetch records and rejects); the
partition value lives in the directory name, not inside the files.
"""

from __future__ import annotations

import pyarrow as pa

from pipeline.vocabulary import render

SPAN = pa.list_(pa.int32(), 2)
# one account of a count that sources give differently (figures.reports)
_REPORT = pa.struct(
    [
        ("best", pa.int64()),
        ("low", pa.int64()),
        ("high", pa.int64()),
        ("qualifier", pa.string()),
        ("source", pa.string()),
        ("span", SPAN),
    ]
)

# said the same way in every table extracted from an article
_DUP_OF = (
    "first copy of the article when it is a duplicate: count rows where it is null to count "
    "each story once"
)

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
        "article_id": (pa.string(), "stable id (input id, or a hash of the canonical URL)"),
        "url": (pa.string(), "URL the article was fetched from"),
        "source": (pa.string(), "source name (sources file) or archive it came from"),
        "title": (pa.string(), "headline"),
        "author": (pa.string(), "byline, when stated"),
        "site_name": (pa.string(), "publisher name from page metadata"),
        "canonical_url": (pa.string(), "canonical URL the page declares"),
        "published": (pa.date32(), "publication date"),
        "published_from": (
            pa.string(),
            "where the date came from (input | page | feed | url | crawl | run)",
        ),
        "language": (pa.string(), "ISO 639-1 code of the text"),
        "status": (pa.string(), "ok, or non_english (kept, not extracted)"),
        "text": (pa.string(), "clean article text; all offsets in other views point into it"),
        "text_sha256": (pa.string(), "sha256 of the clean text (exact-duplicate key)"),
        "relevance": (
            pa.string(),
            "{values:Relevance}: the kind of incident the article reports (none: it reports no "
            "incident, and no event or figure is kept from it); null when it was not extracted",
        ),
        "relevance_score": (
            pa.float64(),
            "how strongly the deciding sentences support the relevance, 0..1 (0 for none)",
        ),
        "relevance_evidence": (
            pa.list_(SPAN),
            "[start, end) offsets in articles.text of each sentence that decided the relevance",
        ),
        "dup_of": (
            pa.string(),
            "article_id of the first copy when this article is a duplicate, else null",
        ),
    },
    "entities": {
        "entity_id": (pa.string(), "article_id#index"),
        "article_id": (pa.string(), "article the entity was found in"),
        "canonical_id": (
            pa.string(),
            "stable id of the real-world entity across articles: the same canonical name, type "
            "and country give the same id (join or count on it)",
        ),
        "name": (pa.string(), "canonical name (the same for every mention in the article)"),
        "type": (pa.string(), "{values:EntityType}"),
        "kind": (
            pa.string(),
            "{values:ActorKind} (named, or a generic actor named by its role)",
        ),
        "country": (pa.string(), "ISO 3166-1 alpha-3 of the place or of the country it belongs to"),
        "admin1": (pa.string(), "first-level administrative unit of a place, where known"),
        "latitude": (pa.float64(), "gazetteer latitude of a place, where known"),
        "longitude": (pa.float64(), "gazetteer longitude of a place, where known"),
        "mention_count": (pa.int32(), "number of mentions in the article"),
        "mentions": (
            pa.list_(SPAN),
            "[start, end) character offsets of each mention in articles.text",
        ),
        "dup_of": (pa.string(), _DUP_OF),
    },
    "figures": {
        "figure_id": (pa.string(), "article_id#index"),
        "article_id": (pa.string(), "article stating the figure"),
        "category": (pa.string(), "{values:FigureCategory}"),
        "best": (pa.int64(), "best estimate (the stated number; the low end of a range)"),
        "low": (pa.int64(), "lowest value the wording allows"),
        "high": (
            pa.int64(),
            'highest value the wording allows; null = open-ended ("more than 40")',
        ),
        "qualifier": (pa.string(), "{values:Qualifier}"),
        "who": (pa.string(), "victim group as written"),
        "scope": (
            pa.string(),
            "{values:Scope} (incident: this event; cumulative: a running total, never add it to "
            "incident counts)",
        ),
        "as_of": (
            pa.string(),
            "date the figure refers to, when stated (YYYY, YYYY-MM, YYYY-MM-DD)",
        ),
        "source": (pa.string(), "who is quoted for the figure"),
        "span": (SPAN, "[start, end) offsets of the evidence in articles.text"),
        "evidence": (pa.string(), "the words of the article that state the figure"),
        "event_id": (pa.string(), "event the figure belongs to"),
        "reports": (
            pa.list_(_REPORT),
            "when sources disagree on the count, each account folded into this figure (best is "
            "then the lowest account and high the highest): its best, low, high, qualifier, "
            "source and the span of its evidence in articles.text; empty for a single account",
        ),
        "dup_of": (pa.string(), _DUP_OF),
    },
    "events": {
        "event_id": (
            pa.string(),
            "the event; every article reporting it shares this id (the id, article_id#index, of "
            "its earliest report; see pipeline/dedup/events.py)",
        ),
        "article_id": (pa.string(), "article describing the event"),
        "type": (pa.string(), "{values:EventType} (ACLED's six, Diplomacy, Disaster)"),
        "sub_type": (pa.string(), "finer type, free text"),
        "event_date": (
            pa.date32(),
            "day the event happened, resolved against the publication date",
        ),
        "date_precision": (
            pa.string(),
            "{values:DatePrecision} (week: the article states no date, so the event happened in "
            "the days before its publication)",
        ),
        "location": (pa.string(), "place name as written"),
        "country": (pa.string(), "ISO 3166-1 alpha-3"),
        "actors": (pa.list_(pa.string()), "actor1 and actor2, as a list"),
        "actor1": (
            pa.string(),
            "who acted (the agent of the violent verb), as an entity name or a generic phrase "
            '("unidentified gunmen")',
        ),
        "actor1_kind": (
            pa.string(),
            "{values:ActorKind}: what sort of actor actor1 is (named, or a generic actor named by "
            "its role), null when there is no actor1",
        ),
        "actor2": (pa.string(), "against whom (the object or passive subject), or null"),
        "actor2_kind": (
            pa.string(),
            "{values:ActorKind}: what sort of actor actor2 is, null when there is no actor2",
        ),
        "admin1": (pa.string(), "first-level administrative unit of the place, where known"),
        "latitude": (pa.float64(), "gazetteer latitude of the place, where known"),
        "longitude": (pa.float64(), "gazetteer longitude of the place, where known"),
        "geo_precision": (
            pa.int8(),
            "{values:GeoPrecision}: 1 the town or site itself, 2 near it or its district, 3 a "
            "region or the country",
        ),
        "span": (SPAN, "[start, end) offsets of the evidence in articles.text"),
        "evidence": (pa.string(), "the sentence that describes the event"),
        "dup_of": (pa.string(), _DUP_OF),
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
        "reason": (
            pa.string(),
            "short machine-readable reason (http_404, not_article, too_short, bad_record, ...)",
        ),
        "detail": (pa.string(), "human-readable detail"),
        "raw_sha256": (pa.string(), "sha256 of the raw body it came from (see fetches), if any"),
    },
}

TABLES = tuple(_TABLES)


def schema(table: str) -> pa.Schema:
    """The Arrow schema of `table` (without the `date` partition column)."""
    return pa.schema([pa.field(name, typ) for name, (typ, _) in _TABLES[table].items()])


def columns(table: str) -> list[str]:
    return list(_TABLES[table])


def descriptions(table: str) -> dict[str, str]:
    """Column name -> description, with the vocabularies' values written out: the comment of
    every view column that passes the column through."""
    return {name: render(desc) for name, (_, desc) in _TABLES[table].items()}


def to_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table of the table's schema."""
    sch = schema(table)
    return pa.Table.from_pylist([{c: r.get(c) for c in sch.names} for r in rows], schema=sch)
