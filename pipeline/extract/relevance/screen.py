"""Screens before the parse: a text with no word of the incident lexicons reports no incident;
nor does one whose sentences that hold such words read as no incident, parsed on their own.

Every reading (`reading`, `senses`) is triggered by a word of the predicate lexicons (a violent,
protest, disaster, arrest, movement, casualty, displacement or diplomatic verb; an event noun;
"dead"; "fire"), and every figure that counts as a casualty has one of the casualty words. A
text holding none of these words is judged `none` without the parser: its entities come from the
named-entity recognizer alone (its own token vectors), at about half the cost of the whole
pipeline, and no figure or event is looked for (`tests/test_relevance.py` checks that the screen
never changes a relevance the full path would give).

`pre_read` goes one step further for a text that holds such words: it parses only the sentences
that hold them (a page about a football "battle" or a "price war" has a few) and reads them as
the full path does (`reading.read`). When none reads as an incident, and none could hold a
casualty figure (a casualty word beside a number), the page is `none` at the cost of its names
and a few parsed sentences. A page whose incident words fill many of its sentences is parsed
whole at once: reading them twice would cost more than it saves. The readings of a sentence
parsed alone may differ from its reading in the page; the full path is therefore taken on any
reading at all, and the judgement there decides.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from pipeline.extract.patterns import folded
from pipeline.extract.relevance import lexicon as L

_WORD = re.compile(r"[a-z][a-z'-]*")
# words of the figures' casualty cues that the relevance lexicons do not list
_FIGURE_WORDS = L.plain(
    "lives life succumbed fatally slain gunned toll fatalities victims victim hostage hostages "
    "missing abducted kidnapped captured arrested detained affected homeless refuge camp camps "
    "shelter shelters sheltering sites relocated relocation uprooted homes"
)


@cache
def triggers() -> frozenset[str]:
    """Every word that can start a reading or a casualty figure."""
    return (
        L.STRONG_VIOLENCE_VERBS | L.WEAK_VIOLENCE_VERBS | L.AGENT_VIOLENCE_VERBS | L.THROW_VERBS
        | L.PROTEST_VERBS | L.DISASTER_VERBS | L.ARREST_VERBS | L.SEIZE_VERBS | L.MOVE_VERBS
        | L.STEAL_VERBS | L.RELEASE_VERBS | L.DEPLOY_VERBS | L.CASUALTY_VERBS | L.DISPLACE_VERBS
        | L.DIPLOMACY_VERBS | L.VIOLENCE_NOUNS | L.PROTEST_NOUNS | L.DISASTER_NOUNS
        | L.DIPLOMACY_NOUNS | L.CASUALTY_NOUNS | L.STRATEGIC_NOUNS | L.CONFLICT_NOUNS
        | L.PROTESTER_NOUNS | L.HARM_VERBS | L.BUILD_VERBS | _FIGURE_WORDS | L.CAPTIVE_NOUNS
        | frozenset(L.PHRASAL_VIOLENCE) | L.STOPPAGE_NOUNS | L.FORMATION_NOUNS | L.MILITARY_SITES
        | L.plain("dead alight ablaze baton shoot outs sit-in sit fire fires over")
    )  # fmt: skip


def may_report(text: str) -> bool:
    """False when `text` holds no word that could report an incident: it is `none`."""
    return not set(_WORD.findall(folded(text))).isdisjoint(triggers())


# a page whose incident words fill more of its sentences than this is parsed whole at once
MAX_TRIGGER_SHARE = 0.5
_SENTENCE_END = re.compile(r"(?<=[.!?\"”'’])\s+(?=[A-Z0-9\"“‘'(])")
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|scores|hundreds?|thousands?|millions?)\b", re.IGNORECASE)  # fmt: skip


@cache
def _casualty_words() -> frozenset[str]:
    """The words a casualty figure's cue may hold: beside a number, a sentence may state one."""
    return (
        L.STRONG_VIOLENCE_VERBS | L.CASUALTY_VERBS | L.DISPLACE_VERBS | L.CASUALTY_NOUNS
        | _FIGURE_WORDS | L.plain("dead")
    )  # fmt: skip


def _sentences(text: str) -> list[str]:
    """Sentences without a parse: paragraphs, split after an end mark before a capital."""
    return [s for para in text.split("\n") for s in _SENTENCE_END.split(para) if s.strip()]


def trigger_sentences(text: str) -> list[str] | None:
    """The sentences of `text` that hold an incident word, or None when the page must be parsed
    whole (many such sentences, or one that may state a casualty figure)."""
    sentences = _sentences(text)
    found = []
    for sentence in sentences:
        words = set(_WORD.findall(folded(sentence)))
        if words.isdisjoint(triggers()):
            continue
        if not words.isdisjoint(_casualty_words()) and _NUMBER.search(sentence):
            return None
        found.append(sentence)
    if len(found) > MAX_TRIGGER_SHARE * max(len(sentences), 1):
        return None
    return found


def pre_read(model, pages: list[tuple[str, str | None]]) -> list[bool]:
    """For each (text, published) page: True when it may report an incident and must be parsed
    whole, False when it reads as `none` from its incident words' sentences alone."""
    from pipeline.extract.relevance.judge import genre_is_quiet
    from pipeline.extract.relevance.reading import read

    plans = [trigger_sentences(text) for text, _ in pages]
    batch = [s for plan in plans if plan for s in plan]
    docs = iter(model.pipe(batch, batch_size=64))
    out = []
    for (text, published), plan in zip(pages, plans, strict=True):
        if plan is None:
            out.append(True)
            continue
        day = dt.date.fromisoformat(published[:10]) if published else None
        quiet = genre_is_quiet(_WORD.findall(text.lower()))
        found = False
        for doc in (next(docs) for _ in plan):  # consume this page's docs whatever is found
            found = found or any(read(sent, {}, day, quiet)[1] for sent in doc.sents)
        out.append(found)
    return out
