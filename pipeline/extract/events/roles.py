"""Roles: who acted and against whom, and the event's actor1 and actor2.

Roles come from the dependency parse: the subject of an active violent verb (or the "by" agent
of a passive one) is an agent, its object (or passive subject) a target; of a noun cue ("an
attack on a checkpoint by militants"), the possessor and the "by" phrase act and the "on",
"against", "with" or "between" phrase suffers. Without a parse, `regex_roles` reads targets from
the words next to a violent verb ("killed two farmers", "two farmers were killed"), for the
typing rules only.

actor1 is the first agent the parse finds in an event's sentences, actor2 the first target, each
written as the canonical entity name when the phrase names an entity (a person, organisation,
nationality or country, never a news outlet), else as the generic phrase ("unidentified
gunmen") when its last word names an armed group, gunmen, a crowd, civilians or protesters;
a pronoun, a number or a weapon is no actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.extract import prefilter
from pipeline.extract.entities import places
from pipeline.extract.events.lexicon import (
    AIMED,
    ARMED,
    CIVILIAN,
    CROWD,
    FIRED_AT,
    GUNMEN,
    PHRASE_DROP,
    PRONOUNS,
    PROTESTER,
    VICTIM_AFTER,
    VICTIM_BEFORE,
    VIOLENT_VERB,
)


@dataclass
class Roles:
    """Who acted and against whom in a passage, as phrases, with their kind."""

    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


# --- without a parse ----------------------------------------------------------------------------


def regex_roles(text: str, lowered: str | None = None) -> Roles:
    """Fallback roles when there is no parse: the words after a violent verb are its target,
    the words before a passive one too. `lowered` is prefilter.lowered(text), if known."""
    lowered = prefilter.lowered(text) if lowered is None else lowered
    roles = Roles()
    for m in prefilter.finditer(VICTIM_AFTER, text, lowered):
        roles.targets.append(m.group(1))
    if prefilter.may_match(VICTIM_BEFORE, lowered):
        for m in _passive_victims(text):
            roles.targets.append(m.group(1))
    for m in prefilter.finditer(FIRED_AT, text, lowered):
        roles.targets.append(m.group(1))
    return roles


# VICTIM_BEFORE tried at the start of a word only (after a space or at the text's start)
_VICTIM_BEFORE_AT_WORD = re.compile(r"(?<!\S)" + VICTIM_BEFORE.pattern, VICTIM_BEFORE.flags)


def _passive_victims(text: str) -> Iterator[re.Match]:
    r"""`VICTIM_BEFORE.finditer(text)`, three times faster. Its first word (\S+ then \s+) runs
    to the end of the word it starts in, so it matches from a point inside a word exactly when
    it matches from any earlier point of that word: after `pos`, the leftmost match starts at
    `pos` or at the start of a later word, the only two places tried here."""
    pos = 0
    while m := VICTIM_BEFORE.match(text, pos) or _VICTIM_BEFORE_AT_WORD.search(text, pos):
        yield m
        pos = m.end()


# --- from the parse -----------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # parse_roles asks it of every word of every sentence
def is_violent_verb(word: str) -> bool:
    return VIOLENT_VERB.fullmatch(word) is not None


def _phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` (its left modifiers, compounds and an
    'of' complement: 'members of Al Sham Corps'), without relative clauses."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            right = max(right, child.right_edge.i)
    doc = tok.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


_NOT_ACTOR_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY"}


def parse_roles(
    sent, text: str | None = None, verbs: list | None = None
) -> tuple[Roles, list[tuple[int, int]], list[tuple[int, int]]]:
    """Roles of a parsed sentence (a spaCy Span): phrases, and their character spans for actor1
    (agents) and actor2 (targets), in the order the verbs come. `verbs`: the sentence's tokens
    whose word is a violent verb, when the caller has them (see detect.Marks)."""
    roles = Roles()
    agent_spans: list[tuple[int, int]] = []
    target_spans: list[tuple[int, int]] = []
    # Doc.text joins every token of the document: pass the text in when calling per sentence
    text = sent.doc.text if text is None else text

    def add(kind, tok):
        span = _phrase(tok)
        phrase = text[span[0] : span[1]]
        (roles.agents if kind == "agent" else roles.targets).append(phrase)
        (agent_spans if kind == "agent" else target_spans).append(span)

    if verbs is None:
        verbs = [tok for tok in sent if is_violent_verb(tok.text)]
    for tok in verbs:
        if tok.pos_ in ("VERB", "AUX"):
            children = list(tok.children)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
            subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and tok.dep_ in ("conj", "xcomp", "advcl"):
                subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                passive = passive or any(c.dep_ == "auxpass" for c in tok.head.children)
            for s in subjects:
                add("target" if passive else "agent", s)
            for c in children:
                if c.dep_ == "dobj":
                    add("target", c)
                elif c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add("agent", p)
                elif c.dep_ == "prep" and (
                    c.lower_ in ("with", "on", "against", "upon")
                    or c.lower_ == "at"
                    and AIMED.fullmatch(tok.text)
                ):
                    for p in c.children:
                        if p.dep_ == "pobj" and p.ent_type_ not in _NOT_ACTOR_ENTS:
                            add("target", p)
        elif tok.pos_ == "NOUN":
            # "an attack on a checkpoint by militants", "Trump's meeting with Zelenskyy"
            for c in tok.children:
                if c.dep_ == "poss":
                    add("agent", c)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "between"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add("target", p)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add("agent", p)
    return roles, agent_spans, target_spans


# --- actor1 and actor2 --------------------------------------------------------------------------


def name_actors(entities, infos, text) -> tuple[str | None, str | None]:
    """actor1 (the first agent the parse finds in the event's sentences) and actor2 (the first
    target), each as an entity's canonical name or a generic phrase. `infos`: the sentences'
    readings (detect.read_sentence), with their "agent_spans" and "target_spans"."""

    def name(span):
        ent = _entity_at(entities, span)
        return ent.name if ent is not None else _generic(text, span)

    actor1 = actor2 = None
    for i in infos:
        for span in i["agent_spans"]:
            if actor1 is None and (n := name(span)):
                actor1 = n
        for span in i["target_spans"]:
            if actor2 is None and (n := name(span)) and n != actor1:
                actor2 = n
    return actor1, actor2


# a phrase's person or organisation names the actor better than its nationality
_ACTOR_RANK = {"PERSON": 0, "ORG": 0, "NORP": 1, "GPE": 2}


def _entity_at(entities, span: tuple[int, int]):
    """The canonical entity named inside a phrase span (not a place), else None."""
    found = []
    for ent in entities:
        if ent.type not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        if places.normalize(ent.name) in places.news_outlets():
            continue
        for a, b in ent.mentions:
            if span[0] <= a and b <= span[1]:
                found.append((_ACTOR_RANK[ent.type], a, a - b, ent))
    # the first name in the phrase; of two starting there, the longer ("Unidentified gunmen")
    return min(found, key=lambda f: f[:3])[3] if found else None


def _generic(text: str, span: tuple[int, int]) -> str | None:
    phrase = text[span[0] : span[1]].strip()
    phrase = re.sub(r"\s+", " ", phrase)
    for _ in range(3):
        phrase = PHRASE_DROP.sub("", phrase)
    words = phrase.split()
    if not words or len(words) > 6 or words[0].lower() in PRONOUNS:
        return None
    if not any(rx.search(words[-1]) for rx in (ARMED, GUNMEN, CROWD, CIVILIAN, PROTESTER)):
        return None  # "a car bomb", "nine": not who acted or suffered
    return phrase
