"""Our cleaning, extraction, entity and event stages against the bare libraries (trafilatura,
spaCy as it ships), on the same generated pages in the same process: docs per CPU second of each
side, the best of alternated rounds (`measure.best_of`), and their ratio."""

from __future__ import annotations

from tools.bench.measure import RATIO_ROUNDS, best_of, cpu_rate

PUBLISHED = "2026-03-02"  # the publication day every sample record claims


def run_ratios(n: int, rounds: int = RATIO_ROUNDS) -> dict:
    """Our cleaning and extraction against the bare libraries on `n` generated pages."""
    import trafilatura

    from pipeline.clean.page import clean_html
    from pipeline.extract.records import extract_records, nlp, stock_model
    from tools import benchcorpus

    pages = [(r["url"], r["html"]) for r in benchcorpus.records(n, seed=7)]
    for url, html in pages[:3]:  # warm up: models, word lists, caches on both sides
        clean_html(html, url=url)
        trafilatura.extract(html, include_comments=False)
    ours_clean, bare_clean, articles = best_of(
        n,
        lambda: [clean_html(h, url=u) for u, h in pages],
        lambda: [trafilatura.extract(h, include_comments=False) for _, h in pages],
        rounds,
    )
    texts = [a.text for a in articles]
    model = nlp()
    model("warm up")
    records = [{"id": str(i), "text": t, "published": PUBLISHED} for i, t in enumerate(texts)]
    bare_model = stock_model()
    bare_model("warm up")
    ours_extract, bare_nlp, _ = best_of(
        n,
        lambda: list(extract_records(records)),
        lambda: list(bare_model.pipe(texts, batch_size=64)),
        rounds,
    )
    bare_ner, ours_ner = _entities_rates(model, texts, rounds)
    our_events = _events_rate(list(model.pipe(texts, batch_size=64)))
    return {
        "documents": n,
        "words_per_document": round(sum(len(t.split()) for t in texts) / max(len(texts), 1)),
        "html_kib_per_page": round(sum(len(h) for _, h in pages) / max(n, 1) / 1024, 1),
        "clean_docs_per_s": round(ours_clean, 1),
        "bare_trafilatura_docs_per_s": round(bare_clean, 1),
        "clean_ratio": round(ours_clean / bare_clean, 2),
        "extract_docs_per_s": round(ours_extract, 1),
        "bare_spacy_docs_per_s": round(bare_nlp, 1),
        "extract_ratio": round(ours_extract / bare_nlp, 2),
        "entities_docs_per_s": round(ours_ner, 1),
        "bare_ner_docs_per_s": round(bare_ner, 1),
        "entities_ratio": round(ours_ner / bare_ner, 2),
        "events_docs_per_s": round(our_events, 1),
        "events_ratio": round(our_events / bare_nlp, 2),
    }


def _entities_rates(model, texts: list[str], rounds: int) -> tuple[float, float]:
    """Entity extraction alone: spaCy with only the pipes NER needs, bare and with our
    document-level consolidation, place rules and generic actors on top."""
    from pipeline.extract.entities.resolve import find_entities

    pipes = [p for p in model.pipe_names if p in ("ner", "paragraph_sentences")]
    with model.select_pipes(enable=pipes):
        ours, bare, _ = best_of(
            len(texts),
            lambda: [find_entities(d) for d in model.pipe(texts, batch_size=64)],
            lambda: list(model.pipe(texts, batch_size=64)),
            rounds,
        )
    return bare, ours


def _events_rate(docs) -> float:
    """Documents per second of the events stage alone (detection, typing, roles, places,
    dates), on documents already parsed, with their sentences and entities."""
    from pipeline.extract.entities.resolve import find_entities
    from pipeline.extract.events.find import find_events
    from pipeline.extract.records import sentence_spans

    prepared = [(d, sentence_spans(d), find_entities(d)) for d in docs]
    rate, _ = cpu_rate(
        len(docs),
        lambda: [find_events(d.text, s, e, PUBLISHED, None, d) for d, s, e in prepared],
    )
    return rate
