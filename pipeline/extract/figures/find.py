"""Casualty figures: every stated number of killed, injured, missing, displaced, ... with evidence.

A figure is a number expression tied to a casualty cue in the same sentence, either after it
("12 people were killed", "2 fatalities") or before it ("killing 12", "the death toll rose to 40").
Numbers that are dates, times, ages, money, percentages or measures are never figures.
Each figure keeps the offsets of the words that state it. Guarantees that protect the totals:
- a running total ("since 2022", "so far this year", "as of June") is `scope = cumulative` and is
  never summed with incident figures;
- a later toll update ("the toll rose to 40", "revised to 8") supersedes the earlier incident
  figure of the same category, and a repeated identical incident figure is kept once.

The stage reads one sentence at a time (`sentence`: counts from `counts`, scope, date and source
from `scope`), then makes the article's figures consistent (`reconcile`). Its words are in
`lexicon`, its patterns in `rules`.
"""

from __future__ import annotations

from pipeline.extract.figures.figure import Figure
from pipeline.extract.figures.reconcile import resolve_shot, resolve_totals, resolve_updates
from pipeline.extract.figures.sentence import sentence_figures
from pipeline.vocabulary import Scope

__all__ = ["Figure", "find_figures", "link_events"]


def find_figures(
    text: str,
    sentences: list[tuple[int, int]],
    excluded: list[tuple[int, int]] | None = None,
    published: str | None = None,
    persons: list[tuple[int, int]] | None = None,
    doc=None,
) -> list[Figure]:
    """All casualty figures in `text`, sentence by sentence, in text order. `persons` are the
    spans of people the text names (a named victim is a count of one); `doc` is the text's
    parse, when there is one (victims are then read over it too)."""
    excluded = excluded or []
    persons = persons or []
    figures: list[Figure] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        tokens = None if doc is None else doc.char_span(s_start, s_end, alignment_mode="expand")
        figures.extend(sentence_figures(sentence, s_start, excluded, published, persons, tokens))
    return resolve_shot(resolve_totals(text, resolve_updates(figures)))


def link_events(figures: list[Figure], event_spans: list[tuple[int, int]]) -> None:
    """Set each figure's `event`: the event whose evidence contains the figure or comes last
    before it, else the first event. A running total is linked too, as the context the report
    gives for its event (the marts keep it beside the event's figures, never added to them),
    unless an incident figure of that event and category is larger than it: then it counts
    something else ("12 journalists since 2019" beside "40 people killed") and stays unlinked.
    Indices always point into `event_spans` (None when there are no events)."""
    for f in figures:
        if not event_spans:
            f.event = None
            continue
        before = [i for i, (s, _) in enumerate(event_spans) if s <= f.span[0]]
        f.event = max(before, key=lambda i: event_spans[i][0]) if before else 0
    for c in figures:
        if c.scope != Scope.CUMULATIVE or c.high is None or c.event is None:
            continue
        if any(
            f.scope == Scope.INCIDENT
            and f.event == c.event
            and f.category == c.category
            and (f.low or 0) > c.high
            for f in figures
        ):
            c.event = None
