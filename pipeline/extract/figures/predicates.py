"""Casualty predicates in the dependency parse: which words may be one (`lexicon` VICTIM_OF,
HIT_VERBS, HIT_SUBJECT_OF, SUBJECT_OF, STATE_OF, spelled in every inflection), which one a word
heads (the words it needs hang on it in its clause: "gunned down", "hacked five men to death",
"succumbed to their injuries"), and whether it was done at all (not denied, intended, under a
modal or one of alternatives).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline.extract.figures import lexicon as L
from pipeline.extract.relevance import lexicon as RL
from pipeline.vocabulary import FigureCategory as C

# where a predicate's victims stand: its object (or passive subject), its subject, or as the
# bearer of a state ("left three dead")
OBJECT, SUBJECT, STATE = "object", "subject", "state"
ALTERNATIVE = frozenset({"or"})
# the dependents inside a noun phrase
_INNER = frozenset({"compound", "amod", "nmod", "npadvmod", "poss", "nummod"})
_FATALLY = RL.plain(L.FATALLY)


@dataclass(frozen=True)
class Predicate:
    """What a predicate's victims suffered, where they stand, and the words it needs."""

    category: C
    kind: str  # OBJECT, SUBJECT or STATE
    needs: tuple[frozenset[str], ...] = ()  # words hanging on it, in order ("to", "death")
    hit: bool = False  # "were shot": fate unstated


def _entries(phrases: str, category: C, kind: str, hit: bool = False):
    for phrase in phrases.split(","):
        verb, *rest = phrase.split()
        pred = Predicate(category, kind, tuple(frozenset(w.split("|")) for w in rest), hit)
        for form in RL.forms(verb):
            yield form, pred


@cache
def predicates() -> dict[str, tuple[Predicate, ...]]:
    """Every word form that may be a casualty predicate, with the predicates it may be."""
    table: dict[str, list[Predicate]] = {}
    entries = [e for c, p in L.VICTIM_OF.items() for e in _entries(p, c, OBJECT)]
    entries += _entries(L.HIT_VERBS, C.INJURED, OBJECT, hit=True)
    entries += [e for c, p in L.SUBJECT_OF.items() for e in _entries(p, c, SUBJECT)]
    entries += _entries(L.HIT_SUBJECT_OF, C.INJURED, SUBJECT, hit=True)
    entries += [(w, Predicate(c, STATE)) for c, p in L.STATE_OF.items() for w in p.split()]
    for form, pred in entries:
        table.setdefault(form, []).append(pred)
    return {form: tuple(preds) for form, preds in table.items()}


def match_predicate(tok, preds: tuple[Predicate, ...]) -> tuple[Predicate, object] | None:
    """The predicate `tok` heads, the one with the most words found hanging on it in its clause
    ("hacked five men and a boy to death"), and its last word; None when every one of them
    needs words that are not there. A hit told fatal ("fatally shot") is a killing."""
    best: tuple[Predicate, object] | None = None
    near = sorted(clause_words(tok), key=lambda t: t.i) if any(p.needs for p in preds) else []
    # a word deep in a noun phrase is none of the predicate's ("with non-life threatening
    # injuries"); near the verb it may be ("took four rulers captive")
    needed = {w for p in preds for words in p.needs for w in words}
    near = [
        t for t in near
        if t.dep_ not in _INNER or tok.i in (t.head.i, t.head.head.i) or t.head.lower_ in needed
        or (t.dep_ == "amod" and _in_patient(t, tok))
    ]  # fmt: skip
    if tok.dep_ == "amod" and tok.head.i > tok.i and tok.head.lower_ in needed:
        # "two men sustained gunshot wounds" read as "[sustained gunshot] wounds"
        near += [t for t in tok.head.lefts if t.i > tok.i] + [tok.head]
    for pred in preds:
        last = tok
        for words in pred.needs:
            nxt = next(
                (t for t in near if t.i > last.i and t.lower_ in words),
                None,
            )
            if nxt is None:
                break
            last = nxt
        else:
            if best is None or len(pred.needs) > len(best[0].needs):
                best = (pred, last)
    if best and best[0].hit and any(c.lower_ in _FATALLY for c in tok.children):
        best = (Predicate(C.KILLED, best[0].kind), best[1])
    return best


def _in_patient(word, tok) -> bool:
    """Whether `word` sits in the object or passive subject of `tok`: "dead" in "shot twelve
    fighters of a faction dead" may be its own, not "life" in "taken to hospital with non-life
    threatening injuries"."""
    while word.head.i != tok.i and word.head.i != word.i:
        word = word.head
    return word.dep_ in ("dobj", "nsubjpass", "oprd")


def clause_words(tok) -> list:
    """The words that hang on `tok`, directly or through others, short of another verb's."""
    out, todo = [], list(tok.children)
    while todo:
        t = todo.pop()
        out.append(t)
        if t.pos_ not in ("VERB", "AUX"):
            todo.extend(t.children)
    return out


def not_done(tok) -> bool:
    """Denied ("were not killed"), under a modal or a condition, only intended ("tried to
    kill", "threatened to displace"), or one of alternatives ("killing or injuring three"): no
    victims."""
    table = predicates()
    if alternative(tok) and any(c.dep_ == "conj" and c.lower_ in table for c in tok.children):
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else tok
    if tok.dep_ == "conj" and tok.head.lower_ in table and before.lower_ in ALTERNATIVE:
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in RL.MODALS and c.dep_ == "aux"):
            return True
        if c.dep_ == "mark" and c.lower_ in RL.CONDITION_MARKS:
            return True
    # "enough rounds to hurt several people", "orders to kill": an infinitive on a noun
    if tok.dep_ in ("acl", "relcl") and any(c.tag_ == "TO" for c in tok.children):
        return True
    # "tried to kill", "an attempt to assassinate"
    return tok.dep_ in ("xcomp", "acl") and tok.head.lower_ in RL.INTENT_VERBS


def alternative(tok) -> bool:
    """Whether `tok` is coordinated by "or" with what follows it."""
    return any(c.dep_ == "cc" and c.lower_ in ALTERNATIVE for c in tok.children)
