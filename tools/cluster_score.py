"""Measure the event clustering (`pipeline.dedup.events`) on invented multi-outlet articles
(`seeds/clusters/`) or on the sample site's catalogue: pairwise precision and recall per date
window, with and without actor overlap.

    python -m tools.cluster_score [--articles FILE | --catalog]
"""

from __future__ import annotations

import datetime as dt
import itertools
import json

from pipeline.dedup.events import ClusterOptions, EventReport, cluster


def pairwise_scores(predicted: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    """Precision and recall of 'same event' over all pairs of reports."""
    ids = sorted(truth)
    tp = fp = fn = 0
    for x, y in itertools.combinations(ids, 2):
        p = predicted.get(x) == predicted.get(y)
        t = truth[x] == truth[y]
        tp += p and t
        fp += p and not t
        fn += t and not p
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "pairs_true": tp + fn,
        "pairs_predicted": tp + fp,
    }


def reports_from_output(out: dict) -> list[EventReport]:
    """The event reports of one contract output record."""
    return [
        EventReport(
            f"{out['id']}#v{i}",
            out["id"],
            ev["type"],
            dt.date.fromisoformat(ev["date"]) if ev.get("date") else None,
            ev.get("date_precision"),
            ev.get("location"),
            ev.get("country"),
            tuple(ev.get("actors") or ()),
            None,
            ev.get("admin1"),
        )  # fmt: skip
        for i, ev in enumerate(out.get("events", []))
    ]


def _read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _catalog_records() -> list[dict]:
    """The sample site's articles, labelled with their story: an article and the one it is
    `same_story_as` share a label."""
    from pipeline.settings import SEEDS_DIR

    catalog = [
        c for c in _read_jsonl(SEEDS_DIR / "catalog.jsonl")
        if c.get("kind") == "article" and c.get("event_type")
    ]  # fmt: skip
    label = {c["url"]: c["url"] for c in catalog}
    for c in catalog:
        if c.get("same_story_as") in label:
            label[c["url"]] = label[c["same_story_as"]]
    return [
        {"id": c["url"].rsplit("/", 1)[-1][:40], "event": label[c["url"]],
         "published": c["published"],
         "html": (SEEDS_DIR / "site" / c["url"].split("/", 3)[-1]).read_text(encoding="utf-8")}
        for c in catalog
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Measure clustering on the invented multi-outlet articles (or the sample site's
    catalogue): pairwise precision/recall per date window, with and without actor overlap."""
    import argparse

    from pipeline.extract.records import extract_records
    from pipeline.settings import SEEDS_DIR

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--articles", default=str(SEEDS_DIR / "clusters" / "articles.jsonl"))
    parser.add_argument(
        "--catalog", action="store_true",
        help="measure on the sample site instead (seeds/catalog.jsonl: same_story_as)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    records = _catalog_records() if args.catalog else _read_jsonl(args.articles)
    truth_by_article = {r["id"]: r["event"] for r in records}
    fields = ("id", "text", "html", "published")
    outputs = list(extract_records([{k: r[k] for k in fields if k in r} for r in records]))
    # the main event of each article is the one the article's truth label describes
    reports = [rep for out in outputs for rep in reports_from_output(out)[:1]]
    truth = {rep.report_id: truth_by_article[rep.article_id] for rep in reports}
    for rep in reports:
        print(f"{rep.report_id:8} {rep.type:28} {rep.date} {rep.location} {rep.country} "
              f"{list(rep.actors)[:3]}")  # fmt: skip
    for window in (0, 1, 2, 3, 5):
        for overlap in (True, False):
            options = ClusterOptions(window_days=window, require_actor_overlap=overlap)
            scores = pairwise_scores(cluster(reports, options), truth)
            print(f"window {window} actor overlap {overlap!s:5}  {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
