"""Synthetic data directories: Parquet partitions written straight from rows, without the
extraction, for the publishing tests (a small world whose answers are known) and `make bench`
(a generated world of any size, e.g. 1 million figures).

Both write the same tables as a run does (`pipeline.store`, `pipeline.schemas`), so the views,
marts and checks read them exactly as they read the nightly run's output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from pipeline import schemas, store
from pipeline.vocabulary import ActorKind, EventType
from pipeline.vocabulary import FigureCategory as C

PARTITIONED = ("articles", "entities", "figures", "events", "rejects")


def write_world(data_dir: str | Path, world: dict[str, list[dict]]) -> Path:
    """Write the rows of `world` ({table: [row, ...]}, each row with its `date`) as partitions.
    A figure or event given `evidence` but no `span` gets the span where the evidence first
    occurs in its article's text, and an article's `relevance_evidence` given as sentences gets
    their spans, so hand-written fixtures stay consistent."""
    data_dir = Path(data_dir)
    dates = {t: [f.name for f in schemas.schema(t) if pa.types.is_date(f.type)] for t in world}
    texts = {a["article_id"]: a.get("text") or "" for a in world.get("articles", [])}
    for table, rows in world.items():
        by_date: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            row = dict(row)
            for name in dates[table]:  # ISO strings in JSON fixtures
                if isinstance(row.get(name), str):
                    row[name] = dt.date.fromisoformat(row[name])
            if table in ("figures", "events") and row.get("evidence") and not row.get("span"):
                row["span"] = _span_of(texts.get(row["article_id"], ""), row["evidence"])
            if table == "articles" and row.get("relevance_evidence"):
                row["relevance_evidence"] = [
                    _span_of(row["text"], s) if isinstance(s, str) else s
                    for s in row["relevance_evidence"]
                ]
            by_date[row.pop("date")].append(row)
        for date, day_rows in by_date.items():
            staged = data_dir / "_staging" / f"world-{table}-{date}.parquet"
            store.write_table(staged, table, day_rows)
            store.replace_partition(data_dir, table, date, staged)
            staged.unlink()
    return data_dir


def _span_of(text: str, words: str) -> list[int] | None:
    """[start, end) of the first occurrence of `words` in `text`, or None."""
    start = text.find(words)
    return [start, start + len(words)] if start >= 0 else None


def load_world(path: str | Path) -> dict[str, list[dict]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# --- generated worlds for the benchmark -----------------------------------------------------

EVENT_TYPES = list(EventType)
CATEGORIES = [C.KILLED, C.INJURED, C.MISSING, C.DISPLACED, C.ARRESTED]
PUBLISHERS = [f"Outlet {i:02d}" for i in range(40)]
COUNTRIES = [
    "AFG", "BFA", "COD", "COL", "ETH", "HTI", "IND", "IRQ", "ISR", "MEX", "MLI", "MMR", "NGA",
    "PAK", "PHL", "SDN", "SOM", "SSD", "SYR", "UKR", "YEM", "BGD", "CMR", "ECU", "KEN",
]  # fmt: skip


# every generated article tells the same report; its figures all point at the same words
REPORT = "Attackers struck the town of Placeville, killing 12 people and wounding 30 others."
REPORT_EVIDENCE = "killing 12 people"
EVIDENCE_SPAN = [
    REPORT.index(REPORT_EVIDENCE),
    REPORT.index(REPORT_EVIDENCE) + len(REPORT_EVIDENCE),
]
FIRST_DAY = np.datetime64("2025-01-01")
ENTITIES_PER_ARTICLE = 3  # two actors, then the place


def generate(
    data_dir: str | Path, n_figures: int, days: int = 120, seed: int = 7,
    figures_per_article: int = 4,
) -> dict[str, int]:  # fmt: skip
    """A data directory with about `n_figures` figures over `days` days: one event and
    `figures_per_article` figures per article, three entities per article, 5% syndicated copies,
    and events that several articles report (same type, day, country and place)."""
    rng = np.random.default_rng(seed)
    articles = _draw_articles(rng, max(1, n_figures // figures_per_article), days)
    # the draws come in this order (articles, figures, entities): the same seed, the same world
    figures, figure_dates = _figure_columns(rng, articles, figures_per_article)
    entities, entity_dates = _entity_columns(rng, articles)
    tables = {
        "articles": (_article_columns(articles), articles.dates),
        "events": (_event_columns(articles), articles.dates),
        "figures": (figures, figure_dates),
        "entities": (entities, entity_dates),
    }
    data_dir = Path(data_dir)
    return {
        table: _write_partitions(data_dir, table, columns, row_dates)
        for table, (columns, row_dates) in tables.items()
    }


@dataclass(frozen=True)
class GeneratedArticles:
    """What is drawn once per article; element i of each array belongs to article i, and the
    articles are sorted by day."""

    ids: np.ndarray
    day_of: np.ndarray  # days after FIRST_DAY
    dates: np.ndarray  # ISO days, as partition names
    publisher: np.ndarray  # index into PUBLISHERS
    dup_of: np.ndarray  # the article a syndicated copy repeats, else None
    country: np.ndarray  # index into COUNTRIES
    place_names: np.ndarray
    event_type: np.ndarray  # index into EVENT_TYPES
    event_lag: np.ndarray  # days between the event and its report
    actor_a: np.ndarray
    actor_b: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def event_ids(self) -> np.ndarray:
        return np.char.add(self.ids, "#0")


def _draw_articles(rng: np.random.Generator, n_articles: int, days: int) -> GeneratedArticles:
    # one draw after the other, in this order: the same seed gives the same articles
    day_of = np.sort(rng.integers(0, days, n_articles))
    publisher = rng.integers(0, len(PUBLISHERS), n_articles)
    is_copy = rng.random(n_articles) < 0.05
    country = rng.integers(0, len(COUNTRIES), n_articles)
    place = rng.integers(0, 30, n_articles)  # 30 places per country: reports of one event merge
    event_type = rng.integers(0, len(EVENT_TYPES), n_articles)
    event_lag = rng.integers(0, 3, n_articles)
    actor_a = rng.integers(0, 300, n_articles)
    actor_b = rng.integers(0, 300, n_articles)
    article_ids = np.char.add("a", np.arange(n_articles).astype(str))
    is_copy[0] = False
    # a copy points at the article before it (an earlier or same-day article)
    dup_of = np.where(is_copy, np.roll(article_ids, 1), None)
    return GeneratedArticles(
        ids=article_ids,
        day_of=day_of,
        dates=(FIRST_DAY + day_of).astype(str),
        publisher=publisher,
        dup_of=dup_of,
        country=country,
        place_names=np.char.add("Place ", place.astype(str)),
        event_type=event_type,
        event_lag=event_lag,
        actor_a=actor_a,
        actor_b=actor_b,
    )


def _article_columns(articles: GeneratedArticles) -> dict[str, pa.Array]:
    n, ids = len(articles), articles.ids
    publishers = [PUBLISHERS[p] for p in articles.publisher]
    return {
        "article_id": pa.array(ids, pa.string()),
        "url": pa.array(np.char.add("https://news.example/", ids), pa.string()),
        "source": pa.array(publishers, pa.string()),
        "title": pa.array(np.char.add("Report ", ids), pa.string()),
        "site_name": pa.array(publishers, pa.string()),
        "published": pa.array(articles.dates.astype("datetime64[D]"), pa.date32()),
        "published_from": pa.array(["page"] * n, pa.string()),
        "language": pa.array(["en"] * n, pa.string()),
        "status": pa.array(["ok"] * n, pa.string()),
        "text": pa.array([REPORT] * n, pa.string()),
        "relevance": pa.array(["conflict"] * n, pa.string()),  # every one reports an attack
        "relevance_score": pa.array([0.9] * n, pa.float64()),
        "relevance_evidence": pa.array([[[0, len(REPORT)]]] * n, pa.list_(schemas.SPAN)),
        "dup_of": pa.array(articles.dup_of, pa.string()),
    }


def _event_columns(articles: GeneratedArticles) -> dict[str, pa.Array]:
    """One event per article, reported `event_lag` days after it happened."""
    n = len(articles)
    event_day = FIRST_DAY + np.maximum(articles.day_of - articles.event_lag, 0)
    actor1 = [f"Actor {a}" for a in articles.actor_a]
    actor2 = [f"Actor {b}" for b in articles.actor_b]
    actors = [list(pair) for pair in zip(actor1, actor2, strict=True)]
    return {
        "event_id": pa.array(articles.event_ids, pa.string()),
        "article_id": pa.array(articles.ids, pa.string()),
        "type": pa.array([EVENT_TYPES[t] for t in articles.event_type], pa.string()),
        "event_date": pa.array(event_day.astype("datetime64[D]"), pa.date32()),
        "date_precision": pa.array(["day"] * n, pa.string()),
        "location": pa.array(articles.place_names, pa.string()),
        "country": pa.array([COUNTRIES[c] for c in articles.country], pa.string()),
        "actors": pa.array(actors, pa.list_(pa.string())),
        "actor1": pa.array(actor1, pa.string()),
        "actor1_kind": pa.array([ActorKind.ARMED_GROUP.value] * n, pa.string()),
        "actor2": pa.array(actor2, pa.string()),
        "actor2_kind": pa.array([ActorKind.STATE_FORCES.value] * n, pa.string()),
        "span": pa.array([[0, len(REPORT)]] * n, schemas.SPAN),
        "evidence": pa.array([REPORT] * n, pa.string()),
        "dup_of": pa.array(articles.dup_of, pa.string()),
    }


def _figure_columns(
    rng: np.random.Generator, articles: GeneratedArticles, per_article: int
) -> tuple[dict[str, pa.Array], np.ndarray]:
    """`per_article` figures of each article's event (one category each, in turn), one in ten
    a cumulative total fifty times larger; the columns and each row's day."""
    of = np.repeat(np.arange(len(articles)), per_article)  # the article of each figure
    k = np.tile(np.arange(per_article), len(articles))
    n = len(of)
    best = rng.geometric(0.08, n).astype(np.int64)
    scope = np.where(rng.random(n) < 0.1, "cumulative", "incident")
    best = np.where(scope == "cumulative", best * 50, best)
    ids = articles.ids[of]
    columns = {
        "figure_id": pa.array(np.char.add(np.char.add(ids, "#"), k.astype(str)), pa.string()),
        "article_id": pa.array(ids, pa.string()),
        "category": pa.array([CATEGORIES[c] for c in k % len(CATEGORIES)], pa.string()),
        "best": pa.array(best, pa.int64()),
        "low": pa.array(best, pa.int64()),
        "high": pa.array(best, pa.int64()),
        "qualifier": pa.array(["exact"] * n, pa.string()),
        "who": pa.array(["people"] * n, pa.string()),
        "scope": pa.array(scope, pa.string()),
        "span": pa.array([EVIDENCE_SPAN] * n, schemas.SPAN),
        "evidence": pa.array([REPORT_EVIDENCE] * n, pa.string()),
        "event_id": pa.array(articles.event_ids[of], pa.string()),
        "dup_of": pa.array(articles.dup_of[of], pa.string()),
    }
    return columns, articles.dates[of]


def _entity_columns(
    rng: np.random.Generator, articles: GeneratedArticles
) -> tuple[dict[str, pa.Array], np.ndarray]:
    """Each article's two actors (organisations) and its place; the columns and each row's
    day."""
    of = np.repeat(np.arange(len(articles)), ENTITIES_PER_ARTICLE)  # the article of each entity
    j = np.tile(np.arange(ENTITIES_PER_ARTICLE), len(articles))
    is_place = j == 2
    actor = np.where(j == 0, articles.actor_a[of], articles.actor_b[of])
    names = np.where(is_place, articles.place_names[of], np.char.add("Actor ", actor.astype(str)))
    ids = articles.ids[of]
    columns = {
        "entity_id": pa.array(np.char.add(np.char.add(ids, "#"), j.astype(str)), pa.string()),
        "article_id": pa.array(ids, pa.string()),
        "name": pa.array(names, pa.string()),
        "type": pa.array(np.where(is_place, "GPE", "ORG"), pa.string()),
        "country": pa.array([COUNTRIES[c] for c in articles.country[of]], pa.string()),
        "mention_count": pa.array(rng.integers(1, 6, len(of)), pa.int32()),
        "mentions": pa.array([[[0, 5]]] * len(of), pa.list_(schemas.SPAN)),
        "dup_of": pa.array(articles.dup_of[of], pa.string()),
    }
    return columns, articles.dates[of]


def _write_partitions(
    data_dir: Path, table: str, columns: dict[str, pa.Array], row_dates: np.ndarray
) -> int:
    """Write one generated table, one partition per day (the columns it lacks are null); its
    number of rows."""
    sch = schemas.schema(table)
    full = {name: columns.get(name, pa.nulls(len(row_dates), sch.field(name).type))
            for name in sch.names}  # fmt: skip
    t = pa.table(full, schema=sch)
    # rows are sorted by day: each partition is one contiguous slice
    bounds = np.flatnonzero(np.r_[True, row_dates[1:] != row_dates[:-1], True])
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        staged = data_dir / "_staging" / f"gen-{table}-{row_dates[lo]}.parquet"
        store.write_table(staged, table, t.slice(lo, hi - lo))
        store.replace_partition(data_dir, table, str(row_dates[lo]), staged)
        staged.unlink()
    return t.num_rows
