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
from pathlib import Path

import numpy as np
import pyarrow as pa

from pipeline import schemas, store

PARTITIONED = ("articles", "entities", "figures", "events", "rejects")


def write_world(data_dir: str | Path, world: dict[str, list[dict]]) -> Path:
    """Write the rows of `world` ({table: [row, ...]}, each row with its `date`) as partitions.
    A figure or event given `evidence` but no `span` gets the span where the evidence first
    occurs in its article's text, so hand-written fixtures stay consistent."""
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
                start = texts.get(row["article_id"], "").find(row["evidence"])
                if start >= 0:
                    row["span"] = [start, start + len(row["evidence"])]
            by_date[row.pop("date")].append(row)
        for date, day_rows in by_date.items():
            staged = data_dir / "_staging" / f"world-{table}-{date}.parquet"
            store.write_table(staged, table, day_rows)
            store.replace_partition(data_dir, table, date, staged)
            staged.unlink()
    return data_dir


def load_world(path: str | Path) -> dict[str, list[dict]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# --- generated worlds for the benchmark -----------------------------------------------------

EVENT_TYPES = [
    "Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests",
    "Strategic developments", "Diplomacy",
]  # fmt: skip
CATEGORIES = ["killed", "injured", "missing", "displaced", "arrested"]
PUBLISHERS = [f"Outlet {i:02d}" for i in range(40)]
COUNTRIES = [
    "AFG", "BFA", "COD", "COL", "ETH", "HTI", "IND", "IRQ", "ISR", "MEX", "MLI", "MMR", "NGA",
    "PAK", "PHL", "SDN", "SOM", "SSD", "SYR", "UKR", "YEM", "BGD", "CMR", "ECU", "KEN",
]  # fmt: skip


def generate(
    data_dir: str | Path, n_figures: int, days: int = 120, seed: int = 7,
    figures_per_article: int = 4,
) -> dict[str, int]:  # fmt: skip
    """A data directory with about `n_figures` figures over `days` days: one event and
    `figures_per_article` figures per article, three entities per article, 5% syndicated copies,
    and events that several articles report (same type, day, country and place)."""
    rng = np.random.default_rng(seed)
    n_articles = max(1, n_figures // figures_per_article)
    start = np.datetime64("2025-01-01")
    day_of = np.sort(rng.integers(0, days, n_articles))
    dates = (start + day_of).astype(str)
    article_ids = np.char.add("a", np.arange(n_articles).astype(str))
    publisher = rng.integers(0, len(PUBLISHERS), n_articles)
    is_copy = rng.random(n_articles) < 0.05
    is_copy[0] = False
    # a copy points at the article before it (an earlier or same-day article)
    dup_of = np.where(is_copy, np.roll(article_ids, 1), None)
    country = rng.integers(0, len(COUNTRIES), n_articles)
    place = rng.integers(0, 30, n_articles)  # 30 places per country: reports of one event merge
    etype = rng.integers(0, len(EVENT_TYPES), n_articles)
    event_lag = rng.integers(0, 3, n_articles)
    actor_a = rng.integers(0, 300, n_articles)
    actor_b = rng.integers(0, 300, n_articles)
    text = "Attackers struck the town of Placeville, killing 12 people and wounding 30 others."
    said = "killing 12 people"
    evidence_span = [text.index(said), text.index(said) + len(said)]

    def arr(values, typ):
        return pa.array(values, typ)

    tables: dict[str, dict[str, pa.Array]] = {}
    tables["articles"] = {
        "article_id": arr(article_ids, pa.string()),
        "url": arr(np.char.add("https://news.example/", article_ids), pa.string()),
        "source": arr([PUBLISHERS[p] for p in publisher], pa.string()),
        "title": arr(np.char.add("Report ", article_ids), pa.string()),
        "site_name": arr([PUBLISHERS[p] for p in publisher], pa.string()),
        "published": arr(dates.astype("datetime64[D]"), pa.date32()),
        "published_from": arr(["page"] * n_articles, pa.string()),
        "language": arr(["en"] * n_articles, pa.string()),
        "status": arr(["ok"] * n_articles, pa.string()),
        "text": arr([text] * n_articles, pa.string()),
        "dup_of": arr(dup_of, pa.string()),
    }
    event_ids = np.char.add(article_ids, "#0")
    event_day = (start + np.maximum(day_of - event_lag, 0)).astype("datetime64[D]")
    places = np.char.add("Place ", place.astype(str))
    tables["events"] = {
        "event_id": arr(event_ids, pa.string()),
        "article_id": arr(article_ids, pa.string()),
        "type": arr([EVENT_TYPES[t] for t in etype], pa.string()),
        "event_date": arr(event_day, pa.date32()),
        "date_precision": arr(["day"] * n_articles, pa.string()),
        "location": arr(places, pa.string()),
        "country": arr([COUNTRIES[c] for c in country], pa.string()),
        "actors": arr(
            [[f"Actor {a}", f"Actor {b}"] for a, b in zip(actor_a, actor_b, strict=True)],
            pa.list_(pa.string()),
        ),
        "span": arr([[0, len(text)]] * n_articles, schemas.SPAN),
        "evidence": arr([text] * n_articles, pa.string()),
        "dup_of": arr(dup_of, pa.string()),
    }
    fa = np.repeat(np.arange(n_articles), figures_per_article)
    k = np.tile(np.arange(figures_per_article), n_articles)
    n_fig = len(fa)
    best = rng.geometric(0.08, n_fig).astype(np.int64)
    scope = np.where(rng.random(n_fig) < 0.1, "cumulative", "incident")
    best = np.where(scope == "cumulative", best * 50, best)
    tables["figures"] = {
        "figure_id": arr(
            np.char.add(np.char.add(article_ids[fa], "#"), k.astype(str)), pa.string()
        ),
        "article_id": arr(article_ids[fa], pa.string()),
        "category": arr([CATEGORIES[c] for c in k % len(CATEGORIES)], pa.string()),
        "best": arr(best, pa.int64()),
        "low": arr(best, pa.int64()),
        "high": arr(best, pa.int64()),
        "qualifier": arr(["exact"] * n_fig, pa.string()),
        "who": arr(["people"] * n_fig, pa.string()),
        "scope": arr(scope, pa.string()),
        "span": arr([evidence_span] * n_fig, schemas.SPAN),
        "evidence": arr([text[evidence_span[0] : evidence_span[1]]] * n_fig, pa.string()),
        "event_id": arr(event_ids[fa], pa.string()),
        "dup_of": arr(dup_of[fa], pa.string()),
    }
    ea = np.repeat(np.arange(n_articles), 3)
    j = np.tile(np.arange(3), n_articles)
    names = np.where(
        j == 2,
        places[ea],
        np.char.add("Actor ", np.where(j == 0, actor_a[ea], actor_b[ea]).astype(str)),
    )
    tables["entities"] = {
        "entity_id": arr(
            np.char.add(np.char.add(article_ids[ea], "#"), j.astype(str)), pa.string()
        ),
        "article_id": arr(article_ids[ea], pa.string()),
        "name": arr(names, pa.string()),
        "type": arr(np.where(j == 2, "GPE", "ORG"), pa.string()),
        "country": arr([COUNTRIES[c] for c in country[ea]], pa.string()),
        "mention_count": arr(rng.integers(1, 6, len(ea)), pa.int32()),
        "mentions": arr([[[0, 5]]] * len(ea), pa.list_(schemas.SPAN)),
        "dup_of": arr(dup_of[ea], pa.string()),
    }
    row_dates = {
        "articles": dates, "events": dates, "figures": dates[fa], "entities": dates[ea],
    }  # fmt: skip
    data_dir = Path(data_dir)
    counts = {}
    for table, cols in tables.items():
        sch = schemas.schema(table)
        full = {name: cols.get(name, pa.nulls(len(row_dates[table]), sch.field(name).type))
                for name in sch.names}  # fmt: skip
        t = pa.table(full, schema=sch)
        counts[table] = t.num_rows
        d = row_dates[table]
        # rows are sorted by day: each partition is one contiguous slice
        bounds = np.flatnonzero(np.r_[True, d[1:] != d[:-1], True])
        for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
            staged = data_dir / "_staging" / f"gen-{table}-{d[lo]}.parquet"
            store.write_table(staged, table, t.slice(lo, hi - lo))
            store.replace_partition(data_dir, table, str(d[lo]), staged)
            staged.unlink()
    return counts
