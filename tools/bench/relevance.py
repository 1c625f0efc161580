"""What a page that reports no incident costs beside one that reports a conflict: the sample
site's articles (seeds/catalog.jsonl says which are which), cleaned once, then extracted by
class, as CPU milliseconds per 1,000 characters of article text (pages differ in length), the
best of alternated rounds. The screen before the parse (`pipeline.extract.relevance.screen`)
is what makes the difference; the share of `none` pages it caught is reported beside it. The
sample site's `none` pages are written to look like incidents (a war film's review, a football
"battle", an obituary of a veteran): they are the worst case, which the screens rarely catch;
ordinary pages are caught far more often (the README gives the HTML dev pages' figures)."""

from __future__ import annotations

import json
import time

from tools.bench.measure import RATIO_ROUNDS


def run_relevance_costs(rounds: int = RATIO_ROUNDS) -> dict:
    from pipeline.clean.page import clean_html
    from pipeline.extract.records import extract_records, nlp
    from pipeline.extract.relevance.screen import may_report, pre_read
    from pipeline.settings import SEEDS_DIR

    catalog = [json.loads(line) for line in (SEEDS_DIR / "catalog.jsonl").open()]
    texts: dict[str, list[str]] = {"none": [], "conflict": []}
    for page in catalog:
        if page["kind"] == "article" and page.get("relevance") in texts:
            html = (SEEDS_DIR / "site" / page["url"].split("/", 3)[-1]).read_text()
            texts[page["relevance"]].append(clean_html(html, url=page["url"]).text)
    list(extract_records([{"id": "w", "text": t} for t in texts["conflict"][:2]]))  # warm up
    best = {k: float("inf") for k in texts}
    for _ in range(max(rounds, 1)):
        for k, group in texts.items():
            records = [{"id": str(i), "text": t} for i, t in enumerate(group)]
            started = time.process_time()
            list(extract_records(records))
            per_kchar = (time.process_time() - started) * 1000 / (sum(map(len, group)) / 1000)
            best[k] = min(best[k], per_kchar)
    caught = sum(not may_report(t) or not whole for t, whole in zip(
        texts["none"], pre_read(nlp(), [(t, None) for t in texts["none"]]), strict=True))  # fmt: skip
    return {
        "pages": {k: len(v) for k, v in texts.items()},
        "none_ms_per_kchar": round(best["none"], 2),
        "conflict_ms_per_kchar": round(best["conflict"], 2),
        "none_cost_ratio": round(best["none"] / best["conflict"], 2),
        "none_screened": round(caught / max(len(texts["none"]), 1), 2),
    }
