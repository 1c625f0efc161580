"""Detection: which sentences report an event, and what each sentence says (its date, roles and
type).

Every sentence is read for event cues (verbs and nouns of the lexicon). A cue counts only when
the text reports it as having happened: a cue under a negation ("has not ruled out the
deployment"), a modal ("may send troops"), an infinitive ("trying to arrange a summit") or a verb
of intent ("is considering", "threatened to") is not an event, nor a noun cue after a background
preposition ("after the riots"). A demonstration that only a cue of several words tells ("staged
a sit-in against the arrest of ...") is read by the sentence's root verb, as is a sentence with
no cue word. A verb reports that something happened; a noun alone ("the bodies of soldiers",
"cut off by fighting") only refers to it, unless the sentence states a date.

Without a parse, no hedge is read: a sentence reports what its words classify as. A sentence that reports nothing keeps its
type unread (`UNREAD`) until `kind_of` asks for it: reading it first would give the same events
(tests/test_events.py checks it).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from pipeline.extract.dates import resolve_date
from pipeline.extract.events.classify import Kind, classify
from pipeline.extract.events.lexicon import (
    BACKGROUND_PREPOSITIONS,
    CLASH,
    DEMONSTRATION,
    DIPLOMACY,
    EXPLOSION,
    FIRE_EXCHANGE,
    HEDGE,
    NEGATIONS,
    REMOTE_WEAPONS,
    RIOT,
    STRATEGIC,
    TERRITORY,
    VIOLENT,
)
from pipeline.extract.events.roles import is_violent_verb, parse_roles

# the words that cue an event, as a single word of the parse
_ANY_CUE = [
    DEMONSTRATION, RIOT, EXPLOSION, CLASH, VIOLENT, TERRITORY, DIPLOMACY, FIRE_EXCHANGE,
    *(rx for _, rx in REMOTE_WEAPONS), *(rx for _, rx in STRATEGIC),
]  # fmt: skip


def read_sentence(text, s, e, doc, published, memo, marks: Marks | None) -> dict:
    """What the sentence text[s:e] says: its "kind" (type and sub-type, or UNREAD when it reports
    no event), "reported", its "roles" and their "agent_spans" and "target_spans", and its
    "date". `marks`: Marks(doc), made once per document by find_events (None without a doc);
    `memo`: shared by the sentences of one document (see _hedge_distance)."""
    sentence = text[s:e]
    date = resolve_date(sentence, published)
    roles, agent_spans, target_spans, reported = None, [], [], True
    if doc is not None:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            verbs = marks.within(marks.violent_verbs, span)
            roles, agent_spans, target_spans = parse_roles(span, text, verbs)
            cue_tokens = _cue_tokens(span, marks)
            # a verb reports that something happened; a noun alone ("the bodies of soldiers",
            # "cut off by fighting") only refers to it, unless the sentence dates it
            reported = any(
                (t.pos_ != "NOUN" or date is not None) and _reported(t, memo) for t in cue_tokens
            )
            if not cue_tokens or (not reported and _demonstration_of_words(sentence, cue_tokens)):
                # a cue of several words ("took control of the town", "staged a sit-in")
                root = span.root
                reported = root.pos_ in ("VERB", "AUX") and _reported(root, memo)
    return {
        "kind": classify(sentence, roles) if reported else UNREAD,
        "sentence": sentence,
        "reported": reported,
        "roles": roles,
        "agent_spans": agent_spans,
        "target_spans": target_spans,
        "date": date,
    }


def _demonstration_of_words(sentence: str, cue_tokens) -> bool:
    """A demonstration that only a cue of several words tells ("staged a sit-in", "took out a
    procession"), not a cue token: "against the arrest" alone does not decide."""
    return bool(DEMONSTRATION.search(sentence)) and not any(
        DEMONSTRATION.fullmatch(t.text) for t in cue_tokens
    )


UNREAD = object()  # the kind of a sentence not classified yet: see kind_of


def kind_of(info: dict) -> Kind | None:
    """A sentence's type. An unreported sentence's is classified only when asked for: the
    grouping never reads it, only the fallback for an article without a reported event does."""
    if info["kind"] is UNREAD:
        info["kind"] = classify(info["sentence"], info["roles"])
    return info["kind"]


# --- hedges -------------------------------------------------------------------------------------

_MAX_HEADS = 23  # the heads above a cue that are read for a hedge
_FAR = 1 << 30  # no hedge up to the root


def _reported(tok, memo: dict[tuple[int, bool], int] | None = None) -> bool:
    """False when the cue word is negated, hypothetical or intended, not reported as done: by
    its own children, or by one of the first heads above it (or a background preposition, for
    a noun cue). `memo` is shared by the cues of one document: see _hedge_distance."""
    noun = tok.pos_ == "NOUN"
    if _hedged_by_children(tok) or (noun and _background_prep(tok)):
        return False
    # above the root the walk stays at the root, so a root cue is also read as its own head
    return _hedge_distance(tok.head, noun, {} if memo is None else memo) >= _MAX_HEADS


def _hedge_distance(node, noun: bool, memo: dict[tuple[int, bool], int]) -> int:
    """Heads climbed from `node` to the first token that hedges what is below it (0: `node`
    itself; _FAR: none up to the root). Cues of a sentence share their way up the parse, so
    `memo` (per token of one document, and per kind of cue) reads each token once."""
    path = []
    while (key := (node.i, noun)) not in memo:
        if (
            _hedged_by_children(node)
            or HEDGE.fullmatch(node.lower_)
            or (noun and _background_prep(node))
        ):
            memo[key] = 0
            break
        if node.head.i == node.i:  # the root (spaCy makes a new Token each time: no `is`)
            memo[key] = _FAR
            break
        path.append(key)
        node = node.head
    distance = memo[key]
    for key in reversed(path):
        distance = min(distance + 1, _FAR)
        memo[key] = distance
    return distance


def _background_prep(node) -> bool:
    """An earlier event, referred to: "after the riots", "amid fighting"."""
    return node.dep_ == "prep" and node.lower_ in BACKGROUND_PREPOSITIONS


def _hedged_by_children(node) -> bool:
    """Whether a child of `node` negates it, or makes it hypothetical or intended."""
    for c in node.children:
        if c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("det", "advmod"):
            return True
        if c.dep_ == "aux" and HEDGE.fullmatch(c.lower_):
            return True
        if c.dep_ == "aux" and c.lower_ == "to" and HEDGE.fullmatch(node.head.lower_):
            return True  # "trying to arrange", "in an effort to negotiate"
    return False


# --- the cue words of a document ----------------------------------------------------------------


class Marks:
    """The tokens of a parsed document whose word is a violent verb (for parse_roles) or an event
    cue, found once per document rather than by reading every token of a sentence twice."""

    def __init__(self, doc):
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array("ORTH").tolist()]  # each token.text
        self.doc = doc
        self.violent_verbs = [i for i, w in enumerate(words) if is_violent_verb(w)]
        self.cues = [i for i, w in enumerate(words) if _is_cue(w)]

    def within(self, marked: list[int], span) -> list:
        """The tokens of `marked` (a list of token indices) inside `span`, in order."""
        a, b = bisect_left(marked, span.start), bisect_left(marked, span.end)
        return [self.doc[i] for i in marked[a:b]]


def _cue_tokens(span, marks: Marks) -> list:
    return [t for t in marks.within(marks.cues, span) if t.pos_ in ("VERB", "NOUN", "AUX")]


# bounded: a long-running worker meets ever new words
@lru_cache(maxsize=1 << 16)
def _is_cue(word: str) -> bool:
    return any(rx.fullmatch(word) for rx in _ANY_CUE)
