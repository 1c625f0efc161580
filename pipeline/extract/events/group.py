"""Grouping: which sentences tell of one event.

A sentence that reports an event opens one; the sentences after it that state no other date and
report nothing of another kind add to it ("They threw stones at the police." after "Villagers
protested ..."), up to four sentences. Violence and protests are one story, and so is a strategic
development after them; talks after violence are not, so a Diplomacy cue after a violent event
opens a new event. A sentence that states another date opens a new event too, except after a
headline that states none (the headline takes the next sentence's date). A reported sentence
without a date of its own, of a kind already reported, adds to that earlier event. A sentence
that reports nothing and states no date adds to the event before it as context (its roles,
places and figures).

An article in which no sentence reports an event still has one: its first sentence whose words
name an event (hedged or not), else its first sentence, typed as its words say (without roles)
or as Strategic developments / Other.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.events.classify import VIOLENT_TYPES, Kind, classify
from pipeline.extract.events.codebook import OTHER_DEVELOPMENT
from pipeline.extract.events.detect import kind_of
from pipeline.vocabulary import EventType


@dataclass
class Group:
    """The sentences of one event: the passage text[start:end] from its first sentence to its
    last, the sentences themselves (an earlier event can take a later sentence), the type of its
    first sentence, and whether one of its sentences states a date."""

    start: int
    end: int
    sentences: list[tuple[int, int]]
    kind: tuple[str, str]
    dated: bool


def group_sentences(text: str, sentences, parsed: list[dict]) -> list[Group]:
    """The events of an article as groups of its sentences, in the order they are reported.
    `parsed`: what each sentence says (detect.read_sentence)."""
    groups: list[Group] = []
    for (s, e), info in zip(sentences, parsed, strict=True):
        reported, date = info["reported"], info["date"]
        # an unreported sentence opens no event and only adds to one: its kind is not read
        kind = kind_of(info) if reported else None
        current = groups[-1] if groups else None
        if current and (kind is None or not reported) and not date and _continues(current):
            current.sentences.append((s, e))  # context of the event: roles, places, figures
            current.end = e
            continue
        if kind is None or not reported:
            continue
        # more of the same event; a headline without a date takes the next sentence's
        headline = current and not current.dated and len(current.sentences) == 1
        if (
            current
            and _compatible(current.kind[0], kind[0])
            and _continues(current)
            and (not date or headline)
        ):
            current.sentences.append((s, e))
            current.end = e
            current.dated = current.dated or bool(date)
            continue
        earlier = next((g for g in groups if g.kind[0] == kind[0]), None)
        if earlier is not None and not date:
            # no date of its own: more about the event of this kind already reported
            earlier.sentences.append((s, e))
            continue
        groups.append(Group(s, e, [(s, e)], kind, bool(date)))
    if not groups:
        groups = [_unreported(text, sentences, parsed)]
    return groups


def _unreported(text: str, sentences, parsed: list[dict]) -> Group:
    """No reported event: the first sentence with any cue, as the old method did."""
    first = next(((s, e) for (s, e), i in zip(sentences, parsed, strict=True) if kind_of(i)), None)
    if first is None:
        first = sentences[0]
        parsed[0]["kind"] = classify(text[first[0] : first[1]]) or OTHER_DEVELOPMENT
    kind: Kind = kind_of(parsed[sentences.index(first)])
    return Group(first[0], first[1], [first], kind, False)


def _continues(group: Group) -> bool:
    # an event spreads over at most four sentences
    return len(group.sentences) < 4


def _compatible(a: str, b: str) -> bool:
    """Whether a sentence of type b can describe more of an event of type a."""
    if a == b:
        return True
    violent = set(VIOLENT_TYPES) | {EventType.PROTESTS}
    if a in violent and b in violent:
        return True
    return a in violent and b == EventType.STRATEGIC
