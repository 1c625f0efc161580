"""How a sentence and its predicates are told: as done and as news, or not.

- reported as done (`reported`): not negated ("no shots were fired"), not under a modal or the
  future ("could be forced from their homes", "will play"), not in a conditional clause ("if a
  storm hits"), not the complement of a verb of intent or warning ("threatened to attack", "is
  scheduled to open");
- told as news (`frame`, `told_in_past`): a sentence or clause set in the past (an earlier
  year, decades ago, a month long gone, an anniversary), a killing by a named war ("the Korean
  War killed millions"), a sentence about a film, book or exhibition, or in a sport frame (a
  match, a team, a score) reports no incident of its own; nor does a rate ("deaths a year");
- dated (`Frame.dated`): the time a sentence sets itself in, by the last date it names ("past"
  for an earlier year or a month long gone, "recent" for a weekday or a recent day); a sentence
  that names none is set in the time of the last one that did (`judge._retrospective`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.extract.relevance import lexicon as L

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")

_EARLY_YEAR = re.compile(r"^(1[0-7]\d\d)s?$")

_SCORES = re.compile(r"(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.%])")

DATES = {"DATE", "TIME"}

_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
         "yesterday", "tonight", "overnight"}  # fmt: skip
_THIS = {"this", "last", "earlier", "late"}
_SPANS = {"week", "weekend", "night", "morning", "afternoon", "evening"}

# "700,000 deaths a year", "every year", "per day", "annually": a rate, not an occurrence
_RATE = re.compile(
    r"(?<!\bthan )(?<!\bfor )(?<!\bwithin )(?<!\bin )(?<!\bover )(?<!\babout )(?<!\bafter )"
    r"(?<!\bnearly )(?<!\balmost )(?<!\bunder )(?<!\bjust )(?<!\bonly )"  # a duration
    r"\b(?:a|an|per|every|each)\s+(?:single\s+)?(?:year|day|week|month)\b"
    r"(?!\s+(?:after|before|earlier|later|ago|of))|\b(?:annually|yearly)\b",
    re.IGNORECASE,
)

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}  # fmt: skip
_MONTHS |= {m[:3] + ".": i for m, i in _MONTHS.items() if len(m) > 4} | {"sept.": 9}


def _month(tok) -> int | None:
    """The month a token names: capitalised, so not a "protest march" or the modal "may"."""
    return _MONTHS.get(tok.lower_) if tok.text[:1].isupper() else None


@dataclass(frozen=True)
class Frame:
    """What a sentence is set in, as far as its words tell."""

    sport: bool
    culture: bool
    past: bool  # an earlier year, decades ago, an anniversary, history
    rate: bool  # a rate ("deaths a year"), not an occurrence
    conditional: bool  # under "if"/"unless", or its main verb under a modal ("could be forced")
    armed: bool  # an armed actor or security forces take part
    place: bool  # names a place
    dated: str | None = None  # the time it sets itself in: "past", "recent" or None (`_dated`)
    recent_day: bool = False  # it names a recent day, wherever in the sentence

    @property
    def no_news(self) -> bool:
        return self.past or self.culture


def reported(tok) -> bool:
    """Whether the clause of `tok` (a verb, or a noun through the verb that governs it) tells it
    as having happened: not negated, not modal or future, not conditional, not an intent."""
    verb = tok
    for _ in range(4):  # a noun's clause: the verb that governs it ("killed in an attack")
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    if (
        verb is not tok
        and verb.lower_ in L.INTENT_VERBS
        and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    ):  # "the summit is scheduled to open"
        return False
    for node in (tok, verb):
        for child in node.children:
            w = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and w == "no"):
                return False
            if child.dep_ in ("aux", "auxpass") and w in L.MODALS:
                return False
            if child.dep_ == "mark" and w in L.CONDITION_MARKS:
                return False
            if child.dep_ == "mark" and w in L.TIME_MARKS and node.tag_ in ("VBZ", "VBP"):
                return False  # "before the shooting starts": not (yet) happened
            if child.dep_ in ("nsubj", "nsubjpass") and (
                w in L.NOBODY or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
            ):  # "no one was hurt", "no shots were fired"
                return False
    if _content(tok) or _content(verb):
        return False
    if tok.dep_ in ("dobj", "xcomp", "pcomp", "ccomp") and tok.head.lower_ in L.STOP_VERBS:
        return False  # "failed to halt fighting": what an effort would stop
    node = verb
    for _ in range(4):  # up through conditional, intent and modal clauses
        if node.dep_ not in ("advcl", "ccomp", "xcomp", "conj", "relcl") or node.head is node:
            break
        if any(c.dep_ == "mark" and c.lower_ in L.CONDITION_MARKS for c in node.children):
            return False
        head = node.head
        if node.dep_ in ("xcomp", "ccomp") and head.lower_ in L.INTENT_VERBS:
            return False
        if node.dep_ in ("conj", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ in L.MODALS for c in head.children
        ):
            return False
        node = head
    return True


def _content(tok) -> bool:
    """ "agreements on exchanging prisoners", "a plan for deploying troops": a gerund that is the
    content of an agreement, a plan or a proposal tells what it provides, not what happened."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp":
        return False
    prep = tok.head
    return prep.dep_ == "prep" and prep.head.lower_ in L.CONTENT_NOUNS


def frame(sent, labels: dict[int, str], published: dt.date | None) -> Frame:
    words = [t.lower_ for t in sent]
    sport = sum(w in L.SPORT_WORDS for w in words) + len(_SCORES.findall(sent.text))
    # a year after "since" dates a running total, not the sentence
    years = [int(m.group(1)) for i, w in enumerate(words)
             if (m := _YEAR.match(w)) and (i == 0 or words[i - 1] != "since")]  # fmt: skip
    recent = published is None or any(y >= published.year - 1 for y in years)
    past = (
        (bool(years) and not recent)
        or any(w in L.HISTORY_WORDS for w in words)
        or ("ago" in words and bool({"years", "decades", "centuries"} & set(words)))
    )
    rate = bool(_RATE.search(sent.text))

    return Frame(
        sport=sport >= 2,
        culture=any(w in L.CULTURE_FRAME for w in words),
        past=past,
        rate=rate,
        conditional=any(t.dep_ == "mark" and t.lower_ in L.CONDITION_MARKS for t in sent)
        or any(
            t.dep_ == "ROOT"
            and any(c.dep_ in ("aux", "auxpass") and c.lower_ in L.MODALS for c in t.children)
            for t in sent
        ),
        armed=any(w in L.ARMED_NOUNS for w in words),
        place=any((labels.get(t.i) or t.ent_type_) in ("GPE", "LOC", "FAC") for t in sent),
        dated=(dated := _dated(sent, published))[0],
        recent_day=dated[1],
    )


def _dated(sent, published: dt.date | None) -> tuple[str | None, bool]:
    """The time a sentence sets itself in, by the last date it names: "past" for an earlier
    year, a month three or more months gone, "years ago"; "recent" for a
    weekday, "yesterday", "last night", a day of the last three months; None when it names no
    such date (a year since which a total runs, or the current year alone, dates nothing); and
    whether it names a recent day anywhere."""
    if published is None:
        return None, False
    toks = list(sent)
    words = [t.lower_ for t in toks]
    marks = []
    for k, w in enumerate(words):
        before, after = words[k - 1] if k else "", words[k + 1 : k + 4]
        early = _EARLY_YEAR.match(w) if toks[k].ent_type_ == "DATE" else None
        if (m := _YEAR.match(w) or early) and before != "since":
            # an early year ("1770") only as a date, never a count ("1500 people")
            marks.append("past" if int(m.group(1)) < published.year - 1 else None)
        elif w in _DAYS or (before in _THIS and w in _SPANS):
            marks.append("recent")
        elif (month := _month(toks[k])) and before != "since":  # "since January": a total
            year = next((int(y.group(1)) for a in after
                         if (y := _YEAR.match(a) or _EARLY_YEAR.match(a))), None)  # fmt: skip
            gone = (published.month - month) % 12 if year is None else (
                (published.year - year) * 12 + published.month - month)  # fmt: skip
            day = any(t.like_num and len(t.text) <= 2 for t in toks[max(k - 1, 0) : k + 2])
            marks.append("past" if gone >= 3 else "recent" if day and gone >= 0 else None)
        elif w == "ago" and {"years", "decades", "centuries"} & set(words):
            marks.append("past")
    return next((m for m in reversed(marks) if m), None), "recent" in marks


def infinitive(tok) -> bool:
    """ "to fight", "to attack": a purpose or a capability, not a report ("trained to fight")."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def main_clause(tok) -> bool:
    """Whether `tok` is the sentence's main verb or one of its arguments (not a clause inside)."""
    node = tok
    for _ in range(4):
        if node.dep_ == "ROOT":
            return True
        if node.dep_ in ("relcl", "advcl", "ccomp", "acl", "xcomp", "conj", "parataxis"):
            return False
        node = node.head
    return False


def in_named_war(tok, classes) -> bool:
    """A killing or a fight whose agent or setting is a named war ("The Korean War killed
    millions", "who fought in the Second World War"): history or a running total, not news."""
    related = [c for c in tok.children if c.dep_ in ("nsubj", "agent", "prep")]
    related += [g for c in related for g in c.children if g.dep_ == "pobj"]
    return any(
        ((t.ent_type_ == "EVENT" or classes.labels.get(t.i) == "EVENT") and _war_name(t))
        or (t.lower_ in ("war", "wars") and t.dep_ in ("nsubj", "pobj"))
        for t in related
    )


def _war_name(tok) -> bool:
    """Whether an event name is a war's: built on "war", "battle", "uprising" and the like, not a
    place the recognizer took for an event."""
    words = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    words |= {t.lower_ for e in tok.doc.ents if e.start <= tok.i < e.end for t in e}
    return bool(words & L.WAR_NAME_WORDS)


def sport_outside(sent, inside: set[int]) -> bool:
    """Whether the sentence is in a sport frame by its words outside the tokens `inside` (the
    victims of a violent verb: "ten football fans were abducted" names who, not a match)."""
    words = sum(t.lower_ in L.SPORT_WORDS for t in sent if t.i not in inside)
    return words + len(_SCORES.findall(sent.text)) >= 2


def told_in_past(tok, published: dt.date | None) -> bool:
    """Whether `tok` is told in the past: its clause is dated in an earlier year ("executed in
    1972", "ten years ago"), or it is what an anniversary or a memorial remembers."""
    node = tok
    for _ in range(4):
        if node.lower_ in L.HISTORY_WORDS and node is not tok:
            return True
        if node.head is node:
            break
        node = node.head
    clauses = {"relcl", "advcl", "ccomp", "acl", "conj", "xcomp", "parataxis"}
    words, months = [], []
    node = tok
    for _ in range(12):  # the predicate's clause and the clauses it sits in, up to the root
        verb = node  # the root of this clause ("fighting killed ...": "killed")
        while not (verb.dep_ == "ROOT" or verb.dep_ in clauses or verb.head is verb):
            verb = verb.head
        stack = [verb]
        while stack:  # this clause, less the clauses inside it
            here = stack.pop()
            words.append(here.lower_)
            months += [m] if (m := _month(here)) else []
            stack += [c for c in here.children if c.dep_ not in clauses]
        if verb.head is verb or verb.dep_ == "ROOT":
            break
        node = verb.head
    years = [int(m.group(1)) for i, w in enumerate(words)
             if (m := _YEAR.match(w)) and (i == 0 or words[i - 1] != "since")]  # fmt: skip
    if published and years and max(years) < published.year - 1:
        return True
    if (  # "in May" of an article of November
        published and months and not years and "since" not in words
        and min((published.month - m) % 12 for m in months) >= 3
    ):  # fmt: skip
        return True
    return "ago" in words and bool({"years", "decades", "centuries"} & set(words))
