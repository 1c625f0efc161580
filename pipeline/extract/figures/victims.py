"""Victims read over the dependency parse: the patient of a casualty predicate, whatever noun
phrase names it.

A predicate of `lexicon` (VICTIM_OF, HIT_VERBS, SUBJECT_OF, STATE_OF) is found by its word
forms and the words that must hang on it ("gunned down", "succumbed to their injuries"). Its
victims are its patient: the object or passive subject of a transitive verb ("the army gunned
down two militants"), the subject of an intransitive one ("two soldiers died"), the noun a
participle or a relative clause modifies ("20 people abducted", "two men who were killed"), the
one a state is told of ("left three dead"). A patient is any noun phrase, with its modifiers and
prepositional phrases ("three members of a peace committee"); only a noun for a place, a thing,
an animal or another sense ("killed the bill") names no victim.

The count comes from the phrase (`counts`: numerals, number words, ranges, vague quantities and
their qualifiers), else from an apposition that states it ("the victims, two women and a
child"). One person named without a count is one ("a policeman", "his son", a name the text
names). Coordinated phrases count each ("a soldier and two militants": 1 and 2). A predicate
denied ("were not hurt"), said of nobody ("no one", "neither ... nor"), or not done (a modal,
"tried to kill") has no victims.

The reading also says which counts are no victims' at all: the doers of a predicate that has
victims ("two gunmen killed a man", "by locals") and the parts of a counted group ("four
people, including two policemen", "five people - three soldiers and two civilians"), so that
`sentence` does not keep them from the regex passes either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from pipeline.extract.figures import lexicon as L
from pipeline.extract.figures import rules as R
from pipeline.extract.figures.counts import Count
from pipeline.extract.relevance import lexicon as RL
from pipeline.vocabulary import FigureCategory as C

OBJECT, SUBJECT, STATE = "object", "subject", "state"
_OBJECTS = {"dobj", "obj", "dative"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_RELATIVES = frozenset({"who", "that", "which", "whom"})
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_SINGLE_DETS = frozenset({"a", "an", "the", "another", "this", "that"})
_NOBODY = RL.plain(L.NOBODY_DETS)
_ALTERNATIVE = frozenset({"or"})
# the dependents inside a noun phrase
_INNER = frozenset({"compound", "amod", "nmod", "npadvmod", "poss", "nummod"})
# between a count and its noun, what shows the count is another phrase's ("Around 7 May 2020
# (as reported), a former councillor")
_BROKEN = re.compile(r"[,;:()\[\]]")
_GROUP_NOUNS = RL.plain(L.GROUP_NOUNS)
_PART_MARKS = RL.plain(L.PART_MARKS)
_FATALLY = RL.plain(L.FATALLY)
# the dependents of a noun that hold its count: "at least 12", "two" of "two cattle thieves"
_NUMBER_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "advmod", "det"}


@dataclass(frozen=True)
class Predicate:
    """What a predicate's victims suffered, where they stand, and the words it needs."""

    category: C
    kind: str  # OBJECT, SUBJECT or STATE
    needs: tuple[frozenset[str], ...] = ()  # words hanging on it, in order ("to", "death")
    hit: bool = False  # "were shot": fate unstated


@dataclass(frozen=True)
class Victims:
    """A group of victims of one predicate: counted (`count`) or named one by one (`n`)."""

    category: C
    hit: bool
    count: Count | None
    n: int  # the count's low end, or how many were named one by one
    who: str | None
    span: tuple[int, int]  # offsets in the text: the phrase and the predicate
    members: tuple[int, ...]  # the count's start, or each named victim's offset
    bare: bool = False  # a number without a noun ("one was burnt alive"): maybe a part


@dataclass(frozen=True)
class Reading:
    victims: tuple[Victims, ...]
    parts: frozenset[int]  # starts of counts that are parts of a counted group
    agents: frozenset[int]  # starts of counts of the doers of a predicate with victims
    unstated: frozenset[int]  # starts of counts of those a predicate denies or only intends

    @property
    def refuted(self) -> frozenset[int]:
        """The starts of the counts that are no victims' count."""
        return self.parts | self.agents | self.unstated


NOTHING = Reading((), frozenset(), frozenset(), frozenset())


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


@cache
def not_victims() -> frozenset[str]:
    """Nouns that name no victim: places, vehicles, hazards, animals, things, other senses."""
    senses = ("business", "debate", "culture", "nature")
    words = RL.TARGET_NOUNS | RL.HAZARD_NOUNS | RL.plain(L.NOT_VICTIMS)
    words |= frozenset().union(*(RL.OTHER_SENSE[s] for s in senses))
    return words - RL.PERSON_NOUNS - RL.plain(L.PEOPLE_OF_OTHER_SENSES)


@cache
def person_nouns() -> frozenset[str]:
    """The nouns for one person, of both lexicons (one victim told without a count)."""
    words = {w for w in L.PERSON_NOUNS.split("|") if " " not in w}
    return frozenset(words) | RL.PERSON_NOUNS


def counts_people(span) -> bool:
    """Whether a span the small model tags as a quantity counts people: "9 migrants" (its last
    word names people), "ninety-five night watchmen" (it ends inside a longer noun)."""
    last = span[-1]
    if last.lower_ in person_nouns():
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.tag_ in _NOUN_TAGS and last.head.i == after.i


def read_victims(tokens: Iterable, counts: list[Count], persons: list[tuple[int, int]]) -> Reading:
    """The victims of every casualty predicate among `tokens` (a sentence of a parsed Doc),
    counted from `counts` (the sentence's counts), with the counts that are no victims'."""
    table = predicates()
    found: dict[tuple[int, ...], Victims] = {}
    parts: set[int] = set()
    agents: set[int] = set()
    unstated: set[int] = set()
    for tok in tokens:
        preds = table.get(tok.lower_)
        if not preds or tok.tag_ in _NOUN_TAGS:
            continue
        match = _predicate(tok, preds)
        if match is None:
            continue
        pred, last = match
        end = last.idx + len(last)
        patients, doers = _arguments(tok, pred.kind)
        if last.i != tok.i and (whose := _of_phrase(last)):
            patients = whose  # "claimed the lives of five traders"
        verb = tok.head if pred.kind == STATE and tok.dep_ != "ROOT" else tok
        if _not_done(tok) or _not_done(verb):  # "five were not hurt", "tried to kill two"
            unstated |= _counts_of(patients, counts)
            continue
        groups = [g for h in patients for g in _victims(h, pred, tok, end, counts, persons, parts)]
        if not groups:
            continue
        for v in groups:
            if v.members not in found or _rank(v) < _rank(found[v.members]):
                found[v.members] = v
        agents |= _counts_within(doers, counts, tok)
    patients = {v.count.start for v in found.values() if v.count is not None}
    victims = tuple(v for v in found.values() if not (v.count and v.count.start in parts))
    return Reading(victims, frozenset(parts), frozenset(agents - patients),
                   frozenset(unstated - patients))  # fmt: skip


def _of_phrase(noun) -> list:
    """The objects of the "of" that hangs on a predicate's noun ("the lives of five traders")."""
    return [o for p in noun.children if p.lower_ == "of" for o in _own(p, {"pobj"})]


def _rank(v: Victims) -> int:
    return len(L.VICTIM_PRIORITY) if v.hit else L.VICTIM_PRIORITY.index(v.category)


def _predicate(tok, preds: tuple[Predicate, ...]) -> tuple[Predicate, object] | None:
    """The predicate `tok` heads, the one with the most words found hanging on it in its clause
    ("hacked five men and a boy to death"), and its last word; None when every one of them
    needs words that are not there. A hit told fatal ("fatally shot") is a killing."""
    best: tuple[Predicate, object] | None = None
    near = sorted(_clause_words(tok), key=lambda t: t.i) if any(p.needs for p in preds) else []
    # a word deep in a noun phrase is none of the predicate's ("with non-life threatening
    # injuries"); near the verb it may be ("took four rulers captive")
    near = [t for t in near if t.dep_ not in _INNER or tok.i in (t.head.i, t.head.head.i)]
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


def _clause_words(tok) -> list:
    """The words that hang on `tok`, directly or through others, short of another verb's."""
    out, todo = [], list(tok.children)
    while todo:
        t = todo.pop()
        out.append(t)
        if t.pos_ not in ("VERB", "AUX"):
            todo.extend(t.children)
    return out


def _not_done(tok) -> bool:
    """Denied ("were not killed"), under a modal or a condition, only intended ("tried to
    kill", "threatened to displace"), or one of alternatives ("killing or injuring three"): no
    victims."""
    table = predicates()
    if _alternative(tok) and any(c.dep_ == "conj" and c.lower_ in table for c in tok.children):
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else tok
    if tok.dep_ == "conj" and tok.head.lower_ in table and before.lower_ in _ALTERNATIVE:
        return True
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in RL.MODALS and c.dep_ == "aux"):
            return True
        if c.dep_ == "mark" and c.lower_ in RL.CONDITION_MARKS:
            return True
    return tok.dep_ == "xcomp" and tok.head.lower_ in RL.INTENT_VERBS


def _alternative(tok) -> bool:
    return any(c.dep_ == "cc" and c.lower_ in _ALTERNATIVE for c in tok.children)


def _own(tok, deps: set[str]) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _arguments(tok, kind: str) -> tuple[list, list]:
    """The heads of the patients and of the agents of the predicate `tok`."""
    if kind == STATE:
        return _state_patients(tok), []
    if tok.dep_ in ("acl", "relcl", "amod") and (tok.head.tag_ in _NOUN_TAGS or _numeral(tok.head)):
        return _modified(tok, kind)
    if kind == SUBJECT:
        return (_own(tok, _SUBJECTS) or _shared_subjects(tok)), []
    agents = [p for a in _own(tok, {"agent"}) for p in _own(a, {"pobj"})]
    if _passive(tok):
        patients = _own(tok, {"nsubjpass"})
        return (_listed_before(tok, patients) + patients or _shared_subjects(tok)), agents
    patients = _own(tok, _OBJECTS) or _shared_objects(tok)
    subjects = _own(tok, {"nsubj"}) or _shared_subjects(tok)
    if patients:
        return patients, agents + subjects
    if tok.tag_ in ("VBN", "VBD") and not agents and not _conj_verbs(tok):
        return _own(tok, {"nsubj"}), []  # a headline's passive: "Two soldiers killed in raid"
    return [], []


def _passive(tok) -> bool:
    """A passive verb, or one coordinated with a passive without a subject of its own ("were
    shot and killed")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.dep_ == "conj" and not _own(tok, _SUBJECTS) and _passive(tok.head)


def _listed_before(tok, patients: list) -> list:
    """The first items of a list the parser hangs on the verb instead of on its subject: in
    "three herders, two traders and a child were killed", "three herders"."""
    if not patients:
        return []
    first = min(p.left_edge.i for p in patients)
    return [
        c for c in tok.children
        if c.dep_ in ("npadvmod", "dep") and c.tag_ in ("NN", "NNS") and not c.ent_type_
        and c.right_edge.i < first
        and c.doc[c.right_edge.i + 1].text == ","
    ]  # fmt: skip


def _conj_verbs(tok) -> list:
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _state_patients(tok) -> list:
    """Whom a state is told of: "three are dead" (its subject), "two injured soldiers" (its
    noun), "left three soldiers dead" (the object of the verb it completes), "were shot dead"."""
    own = _own(tok, _SUBJECTS)
    if own:
        return own
    if tok.dep_ == "amod" and tok.head.tag_ in _NOUN_TAGS:
        return [tok.head]
    if tok.dep_ in ("acomp", "oprd", "xcomp", "advmod", "ccomp", "attr", "advcl"):
        head = tok.head
        return _own(head, _OBJECTS) or _own(head, _SUBJECTS) or _shared_subjects(head)
    return []


def _modified(tok, kind: str) -> tuple[list, list]:
    """A participle or relative clause on a noun: "people killed", "men who were killed" and
    "people fleeing the fighting" are victims; "gunmen who killed two" and "militants attacking"
    are doers, and the clause's object the victims."""
    subjects = _own(tok, {"nsubj"})
    relative = [s for s in subjects if s.lower_ in _RELATIVES]
    noun = _phrase_head(tok.head) if tok.head.tag_ in _NOUN_TAGS else tok.head
    if kind == SUBJECT:
        return ([noun] if not subjects or relative else subjects), []
    if tok.tag_ == "VBG" or relative:
        return _own(tok, _OBJECTS), [noun]
    if subjects:  # "the two men police arrested"
        return [noun], subjects
    return [noun], [p for a in _own(tok, {"agent"}) for p in _own(a, {"pobj"})]


def _phrase_head(noun):
    """The head of the phrase a participle's noun ends: the parser hangs "kidnapped" of "four
    employees of a factory kidnapped" on "factory", the end of the phrase "four employees"
    heads."""
    while noun.dep_ == "pobj" and noun.head.lower_ in ("of", "from"):
        outer = noun.head.head
        if outer.tag_ not in _NOUN_TAGS or not _own(outer, {"nummod"}):
            break
        noun = outer
    return noun


def _shared_subjects(tok) -> list:
    """The subject of the verb a subjectless verb is coordinated with or completes: "were shot
    and killed", "were forced to flee", "stormed the village, killing ..." """
    if _own(tok, _SUBJECTS | {"expl"}):
        return []
    if tok.dep_ in ("conj", "xcomp", "advcl"):
        return _own(tok.head, _SUBJECTS) or _shared_subjects(tok.head)
    if tok.dep_ == "ccomp":
        return _stranded_subject(tok)
    return []


def _stranded_subject(tok) -> list:
    """The subject the parser split from a reported clause: in "officials said seven
    passengers were found dead" it reads "seven passengers" as the object of "said", in
    "...said five guards manning a gate lost their lives" as the subject of "manning"."""
    before = [
        c for c in tok.head.children
        if c.i < tok.i and c.dep_ not in ("punct", "cc", "mark", "advmod", "npadvmod")
    ]  # fmt: skip
    if not before:
        return []
    prev = max(before, key=lambda c: c.i)
    if prev.dep_ == "dobj" and prev.tag_ in _NOUN_TAGS:
        return [prev]
    if prev.dep_ == "prep":  # "said between 20 and 30 pupils were killed"
        return _own(prev, {"pobj"})
    if prev.tag_ == "VBG" and prev.dep_ in ("ccomp", "advcl"):
        return _own(prev, {"nsubj"})
    return []


def _shared_objects(tok) -> list:
    """The object of the verb coordinated with `tok`: "shot and killed two farmers"."""
    for c in tok.children:
        if c.dep_ == "conj" and not _own(c, _SUBJECTS):
            found = _own(c, _OBJECTS)
            if found:
                return found
    if tok.dep_ == "conj" and not _own(tok, _SUBJECTS):
        return _own(tok.head, _OBJECTS)
    return []


def _conjuncts(tok) -> list:
    """A noun and the nouns coordinated with it: "a soldier and two militants", and a counted
    noun the parser coordinated with the object inside its modifier: in "two guards manning a
    gate and three drivers", "three drivers" (never a group's own count: "a gate" has none)."""
    out = [tok]
    if _alternative(tok):
        return out  # "583 families or 2,900 people": the same victims counted twice
    for c in tok.children:
        if c.dep_ == "conj" and (c.tag_ in _NOUN_TAGS or _numeral(c)) and not _told_apart(c):
            out += _conjuncts(c)
        elif c.dep_ in ("acl", "prep") and c.i > tok.i:
            for obj in _own(c, {"dobj", "pobj"}):
                if not _own(obj, {"nummod"}):
                    out += [d for g in _own(obj, {"conj"}) if _own(g, {"nummod"})
                            for d in _conjuncts(g)]  # fmt: skip
    return out


def _told_apart(noun, pred_tok=None) -> bool:
    """Whether a noun carries a casualty predicate of its own: "3 wounded" in "one dead, 3
    wounded" is no victim of "dead"."""
    table = predicates()
    return any(
        c.dep_ in ("acl", "relcl") and c.lower_ in table and (pred_tok is None or c.i != pred_tok.i)
        for c in noun.children
    )


def _counts_of(heads: list, counts: list[Count]) -> set[int]:
    """The starts of the counts of `heads` and the phrases coordinated with them."""
    return {c.start for h in heads for d in _conjuncts(h) if (c := _count_of(d, counts))}


def _counts_within(heads: list, counts: list[Count], pred) -> set[int]:
    """The starts of the counts anywhere in the phrases of `heads` outside the predicate's own
    clause: "the attackers, numbering about 50", "a mob of 40 youths", not "five" of "the
    attack that left five injured" (those of victims are taken out by the caller)."""
    clause = (pred.left_edge.idx, pred.right_edge.idx + len(pred.right_edge))
    out: set[int] = set()
    for h in heads:
        start, end = h.left_edge.idx, h.right_edge.idx + len(h.right_edge)
        modifies = start <= pred.idx < end  # the predicate is a clause on the doer
        out |= {
            c.start for c in counts
            if start <= c.start < end and not (modifies and clause[0] <= c.start < clause[1])
        }  # fmt: skip
    return out


def _count_of(tok, counts: list[Count]) -> Count | None:
    """The count of a noun: its own numeral with what qualifies it ("at least 12 people", "two
    cattle thieves") or the noun itself ("12", "dozens of villagers"), the last when several;
    never a number of another phrase before it ("a 911 call", "the 1100 block of a street")."""
    spans = [(tok.left_edge.idx if _numeral(tok) else tok.idx, tok.idx + len(tok))]
    for c in tok.lefts:
        if c.dep_ in _NUMBER_DEPS:
            spans.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))
    text = tok.doc.text
    inside = [
        c for c in counts
        if any(a <= c.start < b for a, b in spans) and not _BROKEN.search(text, c.end, tok.idx)
    ]  # fmt: skip
    return inside[-1] if inside else None


def _numeral(tok) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ == "CARDINAL"


def _nobody(tok) -> bool:
    return tok.lower_ in _NOBODY or any(
        c.lower_ in _NOBODY and c.dep_ in ("det", "preconj", "neg") for c in tok.children
    )


def _victims(head, pred, tok, end, counts, persons, parts: set[int]) -> Iterator[Victims]:
    """The victims of the patient `head` and the phrases coordinated with it (each counted
    phrase a group, the people named one by one together), or of its apposition when it has no
    count; the counts of its parts go to `parts`."""
    if head.pos_ == "PRON" or head.lower_ in _RELATIVES or _nobody(head):
        return
    conj = _conjuncts(head)
    own = _count_of(head, counts)
    appos = [c for c in head.children if c.dep_ == "appos"]
    if own is None and _single(head, persons) == 0:
        if appos:  # "the victims, two women and a child, ..."
            conj = [c for a in appos for c in _conjuncts(a)]
    elif own is not None and _listed(appos, own, counts):
        conj += [c for a in appos for c in _conjuncts(a)]
    last = conj[-1]
    coord_end = last.idx + len(last)
    singles: list = []
    for h in conj:
        noun = _counted_noun(h)
        if noun.lower_ in not_victims() or R.NOT_PEOPLE.fullmatch(noun.text):
            continue
        if _told_apart(h, tok) or (pred.hit and not _person(noun, persons)):
            continue  # "fired a dozen bullets", "shot a video": a hit is of people
        count = _count_of(h, counts)
        if count is None:
            n = _single(h, persons)
            if n:
                singles.append((h, n))
            continue
        if count.low == 0:
            continue
        if not (h.i == head.i and _listed(appos, count, counts)):
            parts |= _parts(h, tok, counts)
        span = (min(count.qual_start, tok.idx), max(end, coord_end))
        yield Victims(pred.category, pred.hit, count, count.low, _who(h, count.end), span,
                      (count.start,), bare=_numeral(h))  # fmt: skip
    if singles:
        first = singles[0][0]
        start = min(first.left_edge.idx, tok.idx)
        who = " and ".join(_who(h, None) or h.text for h, _ in singles)
        yield Victims(pred.category, pred.hit, None, sum(n for _, n in singles), who,
                      (start, max(end, coord_end)), tuple(h.idx for h, _ in singles))  # fmt: skip


def _listed(appos: list, own: Count, counts: list[Count]) -> bool:
    """Whether the counted phrases in apposition to a count continue a list rather than break
    it down: "five guards, three drivers and two cooks" (more than five) vs "five people, three
    guards and two cooks" (its parts)."""
    if not any(_own(a, {"conj"}) for a in appos):
        return False  # "100 families (about 400 people)" restates the count
    listed = [n.low for a in appos for h in _conjuncts(a) if (n := _count_of(h, counts))]
    return bool(listed) and sum(listed) > own.low


def _counted_noun(tok):
    """What a count counts: "dozens of villagers" and "a total of 26 people" count villagers
    and people; "two cattle thieves" counts thieves."""
    if _numeral(tok) or tok.lower_ in _GROUP_NOUNS:
        for prep in _own(tok, {"prep"}):
            if prep.lower_ == "of":
                for obj in _own(prep, {"pobj"}):
                    return obj
    return tok


def _person(noun, persons: list[tuple[int, int]]) -> bool:
    """Whether a noun names people by the lexicons or a name: what a hit needs."""
    if noun.tag_ == "NNP":
        return noun.ent_type_ == "PERSON" or any(s <= noun.idx < e for s, e in persons)
    return noun.lower_ in person_nouns() or _numeral(noun)


def _single(tok, persons: list[tuple[int, int]]) -> int:
    """How many people a phrase without a count names: one for "a policeman", "his son", a name
    the text names; two for "both men"; none for a plural or a thing."""
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "poss")}
    if tok.tag_ == "NNS" and "both" in words:
        return 2
    if tok.tag_ == "NNP" and (
        tok.ent_type_ == "PERSON" or any(s <= tok.idx < e for s, e in persons)
    ):
        return 1  # a name the text or the tagger calls a person's
    if tok.tag_ != "NN" or tok.lower_ not in person_nouns():
        return 0
    poss = any(c.dep_ == "poss" for c in tok.children)
    return 1 if poss or words & _SINGLE_DETS else 0


def _parts(head, tok, counts: list[Count]) -> set[int]:
    """The counts of the parts of a counted group: "including two policemen", "among them three
    children", an apposition that breaks it down, on the noun or on its verb."""
    phrases = [c for c in head.children if c.dep_ == "appos"]
    for c in [*head.children, *tok.children]:
        if c.dep_ in ("prep", "advmod", "advcl", "acl") and c.lower_ in _PART_MARKS:
            phrases += [g for g in c.children if g.dep_ in ("pobj", "dobj", "appos", "nsubj")]
    return {n.start for p in phrases for h in _conjuncts(p) if (n := _count_of(h, counts))}


def _who(tok, count_end: int | None) -> str | None:
    """The victims as written: the words after the count (or the determiner) to the noun, with
    what it is "of" or "from": "members of a peace committee"."""
    doc = tok.doc
    if count_end is None:
        left = [t for t in tok.lefts if t.dep_ not in ("det", "predet", "poss", "nummod")]
        begin = min((t.left_edge.idx for t in left), default=tok.idx)
    else:
        begin = count_end
    end = tok.idx + len(tok)
    noun = _counted_noun(tok)
    if noun.i != tok.i:
        end = noun.idx + len(noun)
        tok = noun
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            end = max(end, c.right_edge.idx + len(c.right_edge))
    text = doc.text[begin:end].strip(" ,")
    if not text or R.ONLY_PEOPLE.fullmatch(text):
        return None
    return text
