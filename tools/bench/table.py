"""The bench's JSON results as (label, value) rows for the terminal: one section per part that
ran (gazetteer, ratios, relevance, stages, scaling, memory, days, queries), in that order, each goal beside its figure."""

from __future__ import annotations


def table_rows(results: dict) -> list[tuple[str, str]]:
    """The JSON results as (label, value) rows for the terminal."""
    rows: list[tuple[str, str]] = []
    if results.get("gazetteer"):
        rows += _gazetteer_rows(results["gazetteer"])
    if results.get("ratios"):
        rows += _ratio_rows(results["ratios"])
    if results.get("relevance"):
        r = results["relevance"]
        rows += [
            ("relevance sample: none / conflict pages (sample site)",
             f"{r['pages']['none']} / {r['pages']['conflict']}"),
            ("extract CPU ms per 1,000 chars: none / conflict",
             f"{r['none_ms_per_kchar']} / {r['conflict_ms_per_kchar']}"),
            ("none page cost ratio (goal: a fraction)", f"{r['none_cost_ratio']:.2f}"),
            ("none pages screened before the parse", f"{r['none_screened']:.0%}"),
        ]  # fmt: skip
    if results.get("stages"):
        rows += _stage_rows(results["stages"])
    if results.get("scaling"):
        rows += _scaling_rows(results["scaling"])
    if results.get("memory"):
        rows += _memory_rows(results["memory"])
    if results.get("days"):
        rows += _day_rows(results["days"])
    if results.get("days_stored"):
        rows += _day_rows(results["days_stored"])
    rows += results.get("queries", [])
    return rows


def _gazetteer_rows(g: dict) -> list[tuple[str, str]]:
    first, later = g["first_build"], g["later_load"]
    return [
        ("gazetteer: places, names, arrays MiB",
         f"{later['places']:,}, {later['names']:,}, {later['arrays_mb']}"),
        ("gazetteer first build: s (CPU), peak RSS MiB",
         f"{first['load_cpu_seconds']:.2f}, {first['peak_rss_mib']:.0f}"),
        ("gazetteer later load: s (CPU), peak RSS MiB",
         f"{later['load_cpu_seconds']:.3f}, {later['peak_rss_mib']:.0f}"),
    ]  # fmt: skip


def _ratio_rows(r: dict) -> list[tuple[str, str]]:
    return [
        ("ratio sample: pages, words/article, KiB HTML/page",
         f"{r['documents']}, {r['words_per_document']}, {r['html_kib_per_page']}"),
        ("clean docs/s: ours / bare trafilatura.extract",
         f"{r['clean_docs_per_s']} / {r['bare_trafilatura_docs_per_s']}"),
        ("clean ratio (goal >= 0.9)", f"{r['clean_ratio']:.2f}"),
        ("extract docs/s: ours / bare spaCy nlp.pipe",
         f"{r['extract_docs_per_s']} / {r['bare_spacy_docs_per_s']}"),
        ("extract ratio (goal >= 0.8)", f"{r['extract_ratio']:.2f}"),
        ("entities docs/s: ours / bare NER pipes",
         f"{r['entities_docs_per_s']} / {r['bare_ner_docs_per_s']}"),
        ("entities ratio", f"{r['entities_ratio']:.2f}"),
        ("events stage docs/s (on parsed docs)", f"{r['events_docs_per_s']}"),
        ("events stage ratio (to bare spaCy nlp.pipe)", f"{r['events_ratio']:.2f}"),
    ]  # fmt: skip


def _stage_rows(st: dict) -> list[tuple[str, str]]:
    rows = [("end to end: documents (articles)", f"{st['documents']} ({st['articles']})")]
    for stage in ("route", "clean", "extract", "write"):
        rows.append(
            (f"  {stage}: docs/s (CPU), peak RSS MiB",
             f"{st[stage]['docs_per_s']:.1f}, {st[stage]['peak_rss_mib']:.0f}")
        )  # fmt: skip
    rows.append(
        ("  publish: s (CPU), peak RSS MiB",
         f"{st['publish']['cpu_s']:.1f}, {st['publish']['peak_rss_mib']:.0f}")
    )  # fmt: skip
    e = st["end_to_end"]
    rows.append(
        ("  all: docs/s (CPU), wall s, peak RSS MiB",
         f"{e['docs_per_s']:.1f}, {e['wall_s']:.0f}, {e['peak_rss_mib']:.0f}")
    )  # fmt: skip
    return rows


def _scaling_rows(sc: dict) -> list[tuple[str, str]]:
    return [
        (f"backfill {sc['documents']} docs: docs/s with 1 / 2 workers (wall)",
         f"{sc['docs_per_s_1_workers']} / {sc['docs_per_s_2_workers']}"),
        ("2 workers vs 1 (goal >= 1.7)", f"{sc['speedup']:.2f}"),
        ("peak RSS of a worker MiB", str(sc["peak_rss_per_worker_mib_2_workers"])),
    ]  # fmt: skip


def _memory_rows(mem: dict) -> list[tuple[str, str]]:
    what = "backfill extract step, one date of" if mem.get("path") == "backfill" else "extract"
    rows = []
    for n, m in mem.items():
        if n not in ("growth", "pages", "path"):
            rows.append(
                (f"{what} {int(n):,} {mem['pages']}: peak RSS MiB, docs/s (CPU)",
                 f"{m['peak_rss_mib']:.0f}, {m['docs_per_s']:.1f}")
            )  # fmt: skip
    rows.append(("peak RSS growth, largest vs smallest (goal <= 10%)", f"{mem['growth']:+.1%}"))
    return rows


def _day_rows(days: dict) -> list[tuple[str, str]]:
    rows = []
    after = f" after {days['stored_days']} stored dates" if days.get("stored_days") else ""
    for n, m in days["sizes"].items():
        rows += [
            (f"day of {int(n):,} {days['pages']}{after}, {days['workers']} processes: "
             "CPU / wall ms per doc",
             f"{m['cpu_ms_per_doc']:.1f} / {m['wall_ms_per_doc']:.1f}"),
            ("  cores used (CPU / wall)", f"{m['cores_used']:.2f}"),
            ("  peak RSS MiB: step / largest worker",
             f"{m['peak_rss_mib']} / {m['worker_peak_rss_mib']}"),
            ("  day-level steps: share of wall / CPU (goal < 10%)",
             f"{m['day_level_wall_share']:.1%} / {m['day_level_cpu_share']:.1%}"),
        ]  # fmt: skip
    if "wall_growth" in days:
        rows.append(
            ("wall per doc, largest vs smallest day (goal <= 1.15)", f"{days['wall_growth']:.2f}")
        )
    return rows
