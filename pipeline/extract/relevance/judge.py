"""The article's relevance, and what it lets through: events and figures of incidents only.

An article is `conflict` when a sentence reports a violent incident, a protest or riot, or a
strategic development (arrests, seizures, deployments) as having happened (see `reading`);
`disaster` when it reports a natural disaster or accident (and no conflict incident) with
people hurt, killed, missing or displaced; `diplomacy` when it reports talks, meetings or an
agreement between governments, envoys or armed parties and nothing of the above; otherwise
`none`. The score is the strength of the deciding reading (0 for `none`), and the deciding
sentences are kept as evidence.

What it guarantees downstream:
- a `none` article has no event and no figure;
- no event or figure comes from a sentence set in the past (or, in a text that has told of
  nothing recent yet, one that follows an old date), about a film, book or exhibition,
  or (for figures) under a condition or a modal ("could be forced from their homes");
- in a disaster article, an event that no violent reading supports is typed `Disaster` with
  its sub-type, never Violence against civilians, and has no actors;
- a count beyond any one incident is dropped, with a logged reason, unless it is a running
  total as of a date.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from pipeline.extract.relevance import lexicon as L
from pipeline.extract.relevance.reading import Frame, Reading, read
from pipeline.vocabulary import EventType, FigureCategory, Relevance, Scope

log = logging.getLogger(__name__)

# the largest count one incident plausibly has (the publish's implausible_counts check agrees)
MAX_INCIDENT = {FigureCategory.DISPLACED: 50_000_000, FigureCategory.AFFECTED: 50_000_000}
MAX_INCIDENT_OTHER = 100_000
_HURT = {"killed", "injured", "missing", "displaced", "casualties", "affected"}
_CONFLICT = ("violence", "protest", "strategic")
# words that tell an incident with no cause only with a count: "the evacuation" may be a topic,
# "she died on Saturday" an obituary; "three people died", "evacuations of 400 residents" news
_BARE = (L.CASUALTY_NOUNS - L.BODY_NOUNS) | L.forms("die") | L.forms("perish")


@dataclass(frozen=True)
class Judgement:
    relevance: Relevance
    score: float
    readings: tuple[Reading, ...]  # every incident the sentences report
    evidence: tuple[tuple[int, int], ...]  # the sentences that decided the relevance
    frames: dict[tuple[int, int], Frame]  # each sentence's frame
    unstated: frozenset[tuple[int, int]] = frozenset()  # figures under a modal or a condition

    def blocked(self, sentence: tuple[int, int] | None) -> bool:
        """Whether nothing may come from this sentence: set in the past, about a work of
        culture."""
        fr = self.frames.get(sentence) if sentence else None
        return fr is not None and fr.no_news


def judge(doc, sentences: list[tuple[int, int]], entities, published: str | None,
          figures=()) -> Judgement:  # fmt: skip
    """Read every sentence of `doc` and decide the article's relevance (module docstring)."""
    day = dt.date.fromisoformat(published[:10]) if published else None
    labels = {}
    for e in entities:
        for s, t in e.mentions:
            span = doc.char_span(s, t, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                labels[i] = str(e.type)
    words = [t.lower_ for t in doc]
    quiet = genre_is_quiet(words)
    readings: list[Reading] = []
    frames = {}
    for start, end in sentences:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            frames[(start, end)], found = read(span, labels, day, quiet)
            readings += found
    # a stated count of people killed, hurt, missing or displaced is itself a report of an
    # incident, unless its sentence tells of the past, a work of culture, a rate or a condition
    unstated = frozenset(tuple(f.span) for f in figures if not _stated(doc, f.span))
    for f in figures:
        sentence = next(((s, e) for s, e in sentences if s <= f.span[0] < e), None)
        fr = frames.get(sentence)
        if (str(f.category) in _HURT and f.best and str(f.scope) == "incident" and fr is not None
                and not (fr.no_news or fr.rate) and tuple(f.span) not in unstated):  # fmt: skip
            readings.append(Reading("casualty", sentence[0], sentence[1], "figure", 0.6))
    readings = _retrospective(readings, sentences, frames)
    by_kind: dict[str, list[Reading]] = {}
    for r in readings:
        by_kind.setdefault(r.kind, []).append(r)

    def decide(kinds, relevance) -> Judgement:
        found = [r for k in kinds for r in by_kind.get(k, [])]
        best = max(found, key=lambda r: r.strength)
        evidence = tuple(dict.fromkeys((r.start, r.end) for r in found))[:3]
        return Judgement(relevance, best.strength, tuple(readings), evidence, frames, unstated)

    if by_kind.keys() & set(_CONFLICT):
        return decide(_CONFLICT, Relevance.CONFLICT)
    disaster = by_kind.get("disaster", [])
    victims = [f.span[0] for f in figures if str(f.category) in _HURT and f.best]
    hurt = by_kind.get("casualty") or any(r.start <= v < r.end for r in disaster for v in victims)
    if disaster and hurt:
        return decide(("disaster", "casualty"), Relevance.DISASTER)
    if by_kind.get("diplomacy") and set(words) & L.SECURITY_WORDS:  # talks about war, not trade
        return decide(("diplomacy",), Relevance.DIPLOMACY)
    told = [r for r in by_kind.get("casualty", [])
            if r.trigger.lower() not in _BARE or _counted(doc, r)]  # fmt: skip
    if told:  # people killed or hurt, the cause unsaid ("a man was found shot", "3 died")
        return decide(("casualty",), Relevance.CONFLICT)
    return Judgement(Relevance.NONE, 0.0, tuple(readings), (), frames, unstated)


def genre_is_quiet(words: list[str]) -> bool:
    """Whether a page's words (lower case) make it a sport, culture or review page: many of one
    genre's words, few armed actors beside them."""
    armed = sum(w in L.ARMED_NOUNS for w in words)
    genre = max(sum(w in lexicon for w in words) for lexicon in L.GENRES.values())
    return genre >= 6 and genre >= 3 * armed


def _retrospective(readings: list[Reading], sentences, frames) -> list[Reading]:
    """A sentence that does not date itself is set in the time of the last one that did. Until
    the article has told of something recent, what it tells in the past ("On 1 July 1916, ...
    By nightfall, 19,240 were dead") is history, a review or an anniversary, not news: those
    readings go and their sentences report nothing."""
    by_sentence: dict[tuple[int, int], list[Reading]] = {}
    for r in readings:
        by_sentence.setdefault((r.start, r.end), []).append(r)
    past, current, kept = False, False, []
    for sentence in sentences:
        fr = frames.get(sentence)
        if fr is None:
            continue
        if fr.dated:
            past = fr.dated == "past"
        found = by_sentence.get(sentence, [])
        if found and past and not current:
            frames[sentence] = replace(fr, past=True)
            continue
        current = current or bool(found)
        kept += found
    return kept


def _counted(doc, reading) -> bool:
    """Whether a casualty word comes with a count ("evacuations of 400 residents", "three
    people died"): news of people hurt or displaced, where the bare word may be a topic
    ("prevent the evacuation") or one person's death ("she died at home")."""
    span = doc.char_span(reading.start, reading.end, alignment_mode="expand")
    words = [t for t in span or () if t.text == reading.trigger]
    counted = [
        g
        for t in words
        for c in t.children
        if c.dep_ != "prep" or t.pos_ == "NOUN"
        for g in c.subtree
    ]  # fmt: skip  a verb's subject and objects, a noun's "of"
    return any(g.like_num and g.pos_ == "NUM" for g in counted)  # not "the Second World War"


def _stated(doc, span) -> bool:
    """Whether the words of a figure are told as having happened: no verb among them (or, when
    there is none, the verb they hang on) has a modal or a condition of its own ("would kill
    millions", "could be forced from their homes", "if ... thousands die"). "may have killed"
    tells a death whose cause is uncertain: stated."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None:
        return True
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")] or [words.root.head]
    for verb in verbs:
        aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a in L.MODALS for a in aux) and not (
            "have" in aux and any(a in ("may", "might") for a in aux)
        ):
            return False
        if any(c.dep_ == "mark" and c.lower_ in L.CONDITION_MARKS for c in verb.children):
            return False
    return True


def _sentences_of(spans, sentences) -> list[tuple[int, int]]:
    return [(s, e) for s, e in sentences if any(a < e and s < b for a, b in spans)]


def keep_events(judgement: Judgement, events: list, sentences: list[tuple[int, int]]) -> list:
    """The events of a relevant article, less those told only in sentences that report nothing
    new; a disaster article's events typed Disaster where no violence supports them; a
    diplomacy article's events typed as its talks."""
    if judgement.relevance == Relevance.NONE:
        return []
    kept = []
    for event in events:
        own = _sentences_of(event.sentences or [event.span], sentences)
        if own and all(judgement.blocked(s) for s in own):
            continue
        if judgement.relevance == Relevance.DIPLOMACY and event.type != EventType.DIPLOMACY:
            # "met for talks, but agreements failed to halt fighting": no incident was read,
            # only the talks; their parties are not an attack's actors
            event = replace(event, type=EventType.DIPLOMACY, sub_type="Talks")
        found = [r for r in judgement.readings if (r.start, r.end) in own]
        first = [r for r in found if (r.start, r.end) == own[0]] if own else []
        kinds = {r.kind for r in first or found}  # the sentence that opens the event says what
        disaster = "disaster" in kinds or judgement.relevance == Relevance.DISASTER
        if disaster and not kinds & set(_CONFLICT):
            sub = next((r.sub_type for r in found if r.sub_type), None) or next(
                (r.sub_type for r in judgement.readings if r.sub_type), "Other"
            )
            event = replace(event, type=EventType.DISASTER, sub_type=sub, actor1=None,
                            actor2=None, actor1_kind=None, actor2_kind=None, actors=[])  # fmt: skip
        kept.append(event)
    return kept


def keep_figures(judgement: Judgement, figures: list, sentences: list[tuple[int, int]]) -> list:
    """The figures of a relevant article, less those of sentences that report nothing new or
    state a condition, and counts beyond any one incident unless they are running totals as of
    a date."""
    if judgement.relevance == Relevance.NONE:
        return []
    kept = []
    for f in figures:
        sentence = next(((s, e) for s, e in sentences if s <= f.span[0] < e), None)
        if judgement.blocked(sentence) or tuple(f.span) in judgement.unstated:
            continue  # told of the past, of a film, or under a condition
        limit = MAX_INCIDENT.get(f.category, MAX_INCIDENT_OTHER)
        if f.best is not None and f.best > limit and (f.scope == Scope.INCIDENT or not f.as_of):
            log.info("figure dropped: a count of %s %s is beyond any one incident and is not a "
                     "running total as of a date", f.best, f.category)  # fmt: skip
            continue
        kept.append(f)
    return kept
