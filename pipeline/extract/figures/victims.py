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
names; names that share an apposition, "A and B, both teachers"). Coordinated phrases count
each ("a soldier and two militants": 1 and 2), also when the parser hangs the list on the first
item's apposition ("a student, a guard and two porters were hurt"). A predicate denied ("were
not hurt"), said of nobody ("no one", "neither ... nor"), or not done (a modal, "tried to
kill", "enough rounds to kill") has no victims.

The reading also says which counts are no victims' at all: the doers of a predicate that has
victims ("two gunmen killed a man", "by locals") and the parts of a counted group ("four
people, including two policemen", "five people - three soldiers and two civilians", "five
people were killed: three soldiers and two civilians"), so that `sentence` does not keep them
from the regex passes either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from pipeline.extract.figures import lexicon as L
from pipeline.extract.figures import rules as R
from pipeline.extract.figures.arguments import (
    NOUN_TAGS,
    RELATIVES,
    arguments,
    conjuncts,
    numeral,
    of_phrase,
    own,
    told_apart,
)  # fmt: skip
from pipeline.extract.figures.counts import Count
from pipeline.extract.figures.predicates import (
    OBJECT,
    STATE,
    SUBJECT,
    alternative,
    match_predicate,
    not_done,
    predicates,
)  # fmt: skip
from pipeline.extract.relevance import lexicon as RL
from pipeline.vocabulary import FigureCategory as C

_SINGLE_DETS = frozenset({"a", "an", "the", "another", "this", "that"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
_NOBODY = RL.plain(L.NOBODY_DETS)
# between a count and its noun, what shows the count is another phrase's ("Around 7 May 2020
# (as reported), a former councillor")
_BROKEN = re.compile(r"[,;:()\[\]]")
_GROUP_NOUNS = RL.plain(L.GROUP_NOUNS)
# the names the entity stage gives to no people: "6 May", "three provinces"
_NOT_PEOPLE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "GPE", "LOC", "FAC"})
_PART_MARKS = RL.plain(L.PART_MARKS)
_SINGULAR_AUX = frozenset({"was", "is", "has"})
# the words of an apposition that tell each of the names before it a person: "both teachers"
_EACH_DETS = frozenset({"both", "all", "each"})
_CAUSE_DEPS = frozenset({"prep", "agent", "advcl", "advmod", "npadvmod", "conj"})
# the words of a violent or sudden death
_CAUSES = (
    RL.VIOLENCE_NOUNS | RL.DISASTER_NOUNS | RL.WEAPON_NOUNS | RL.CONFLICT_NOUNS | RL.CASUALTY_NOUNS
)
_ANYONE = RL.plain(L.ANYONE)
# the dependents of a noun that hold its count: "at least 12", "two" of "two cattle thieves"
_NUMBER_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "advmod", "det"}


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
    bare: bool = False  # only confirms the passes: "one was burnt alive", "a veteran died"
    # a casualty participle before its noun only describes them ("two injured soldiers died")
    described: bool = False


@dataclass(frozen=True)
class Reading:
    victims: tuple[Victims, ...]
    parts: frozenset[int]  # starts of counts that are parts of a counted group
    agents: frozenset[int]  # starts of counts of the doers of a predicate with victims
    unstated: frozenset[int]  # starts of counts of those a predicate denies or only intends
    inner: frozenset[int] = frozenset()  # starts of counts in a group's modifiers ("aged 18")

    @property
    def refuted(self) -> frozenset[int]:
        """The starts of the counts that are no victims' count."""
        return self.parts | self.agents | self.unstated | self.inner


NOTHING = Reading((), frozenset(), frozenset(), frozenset())


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
    """Whether a span the small model tags as a quantity or a time counts people: "9 migrants"
    (its last word names people), "19 night watchmen", "between 16 and 21 farmers" (it ends
    before the noun its count hangs on)."""
    last = span[-1]
    if last.lower_ in person_nouns():
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    # "between 16 and 21 farmers": the range's first number may be the one on the noun
    return (
        after is not None and after.tag_ in NOUN_TAGS
        and (last.head.i == after.i or any(t.like_num and t.head.i == after.i for t in span))
    )  # fmt: skip


def read_victims(tokens: Iterable, counts: list[Count], persons: list[tuple[int, int]]) -> Reading:
    """The victims of every casualty predicate among `tokens` (a sentence of a parsed Doc),
    counted from `counts` (the sentence's counts), with the counts that are no victims'."""
    table = predicates()
    tokens = list(tokens)
    found: dict[tuple[int, ...], Victims] = {}
    ranks: dict[tuple[int, ...], tuple[bool, int]] = {}
    parts: set[int] = set()
    agents: set[int] = set()
    unstated: set[int] = set()
    inner: set[int] = set()
    described: set[tuple[int, ...]] = set()  # members a participle before their noun describes
    for tok in tokens:
        preds = table.get(tok.lower_)
        if not preds or tok.tag_ in NOUN_TAGS:
            continue
        match = match_predicate(tok, preds)
        if match is None:
            continue
        pred, last = match
        end = last.idx + len(last)
        patients, doers = arguments(tok, pred.kind)
        if last.i != tok.i and (whose := of_phrase(last)):
            patients = whose  # "claimed the lives of five traders"
        verb = tok.head if pred.kind == STATE and tok.dep_ != "ROOT" else tok
        if not_done(tok) or not_done(verb):  # "five were not hurt", "tried to kill two"
            unstated |= _counts_of(patients, counts)
            continue
        groups = [
            g for h in patients for g in _victims(h, pred, tok, end, counts, persons, parts, inner)
        ]
        if not groups:
            continue
        # "three displaced people were wounded": a participle before its noun describes the
        # victims of the clause's predicate
        attributive = tok.dep_ == "amod" and tok.head.i > tok.i and last.i == tok.i
        for v in groups:
            if attributive:
                described.add(v.members)
            if v.members not in found or (attributive, _rank(v)) < ranks[v.members]:
                found[v.members], ranks[v.members] = v, (attributive, _rank(v))
        agents |= _counts_within(doers, counts, tok)
    for members, v in found.items():
        if members in described and not ranks[members][0]:
            found[members] = replace(v, described=True)
    parts |= _broken_down(tokens, found.values(), counts)
    patients = {v.count.start for v in found.values() if v.count is not None}
    victims = tuple(v for v in found.values() if not (v.count and v.count.start in parts))
    return Reading(victims, frozenset(parts), frozenset(agents - patients),
                   frozenset(unstated - patients), frozenset(inner - patients))  # fmt: skip


def _broken_down(tokens: list, found: Iterable[Victims], counts: list[Count]) -> set[int]:
    """The counts of a list after a colon that add up to at most a group counted before it: "26
    people were killed: 16 soldiers and 10 civilians" (parts, whatever the parser hangs them
    on)."""
    colons = [t for t in tokens if t.text == ":" and t.i + 1 < len(t.doc)]
    out: set[int] = set()
    for colon in colons:
        heads = [t for t in tokens if t.left_edge.i == colon.i + 1 and t.tag_ in NOUN_TAGS]
        if not heads:
            continue
        noun = max(heads, key=lambda t: t.right_edge.i)  # the phrase that starts there
        listed = [n for h in conjuncts(noun) if (n := _count_of(h, counts))]
        total = sum(n.low for n in listed)
        if len(listed) > 1 and any(
            v.count and v.count.low >= total and v.count.end <= colon.idx for v in found
        ):
            out |= {n.start for n in listed}
    return out


def _rank(v: Victims) -> int:
    return len(L.VICTIM_PRIORITY) if v.hit else L.VICTIM_PRIORITY.index(v.category)


def _counts_of(heads: list, counts: list[Count]) -> set[int]:
    """The starts of the counts of `heads` and the phrases coordinated with them."""
    return {c.start for h in heads for d in conjuncts(h) if (c := _count_of(d, counts))}


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
    spans = [(tok.left_edge.idx if numeral(tok) else tok.idx, tok.idx + len(tok))]
    for c in tok.lefts:
        if c.dep_ in _NUMBER_DEPS:
            spans.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))
    inside = [c for c in counts if any(a <= c.start < b for a, b in spans)]
    if inside:
        text = doc_text(tok.doc)
        inside = [c for c in inside if not _BROKEN.search(text, c.end, tok.idx)]
    return inside[-1] if inside else None


def doc_text(doc) -> str:
    """The parsed text, built once per Doc (spaCy joins its tokens anew at each `doc.text`)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_TEXT = "newsfacts.text"


def _nobody(tok) -> bool:
    return tok.lower_ in _NOBODY or any(
        c.lower_ in _NOBODY and c.dep_ in ("det", "preconj", "neg") for c in tok.children
    )


def _victims(head, pred, tok, end, counts, persons, parts, inner) -> Iterator[Victims]:
    """The victims of the patient `head` and the phrases coordinated with it (each counted
    phrase a group, the people named one by one together), or of its apposition when it has no
    count; the counts of its parts go to `parts`, those of what its modifiers count to `inner`."""
    if head.pos_ == "PRON" or head.lower_ in RELATIVES or _nobody(head):
        return
    conj = conjuncts(head)
    if alternative(head):  # "120 families, or 600 people": the same victims counted again
        parts |= {n.start for c in own(head, {"conj"}) if (n := _count_of(c, counts))}
    total = _count_of(head, counts)
    appos = [c for c in head.children if c.dep_ == "appos"]
    anyone = pred.kind == OBJECT and not pred.hit
    conj = _coordinated(head, tok, conj, appos, total, counts, persons, anyone)
    if total and _breaks_down(head, conj[1:], total, counts):
        parts |= {n.start for h in conj[1:] if (n := _count_of(h, counts))}
        conj = [head]  # "five people, three guards and two cooks, were killed": 5
    named, restated = _named_by_appos(conj, counts)
    persons = persons + named
    parts |= restated
    names = conj[1:] or [c for a in appos for c in conjuncts(a)]
    if total and names and all(_named(h, persons) for h in names) and len(names) == total.low:
        conj = [head, *names]  # "two of the men, A and B, died": the names restate the count
        parts.add(total.start)
    last = conj[-1]
    coord_end = last.idx + len(last)
    groups = {n.start for h in conj if (n := _count_of(h, counts))}
    singles: list = []
    for h in conj:
        noun = _counted_noun(h)
        if not _named(noun, persons) and (
            noun.lower_ in not_victims() or R.NOT_PEOPLE.fullmatch(noun.text)
        ):
            continue  # a thing, unless it is a person's name ("Theo Banks")
        if told_apart(h, tok) or (pred.hit and pred.kind == OBJECT and not _person(noun, persons)):
            continue  # "fired a dozen bullets", "shot a video": a hit is of people
        count = _count_of(h, counts)
        if count is None:
            n = _single(h, persons, anyone=anyone)
            if n:
                singles.append((h, n))
                inner |= _kin_counts(h, counts)
            continue
        if count.low == 0 or noun.ent_type_ in _NOT_PEOPLE_ENTS:
            continue
        if not (h.i == head.i and _listed(head, appos, count, counts)):
            parts |= _parts(h, tok, counts)
        inner |= _inner(h, counts) - groups
        span = (min(count.qual_start, tok.idx), max(end, coord_end))
        yield Victims(pred.category, pred.hit, count, count.low, _who(h, count.end), span,
                      (count.start,), bare=_bare(h))  # fmt: skip
    if len(singles) > 1 and _singular_verb(tok):
        singles = singles[:1]  # "a leader and also the vice-president of the group was killed"
    if singles:
        first = singles[0][0]
        start = min(first.left_edge.idx, tok.idx)
        who = " and ".join(_who(h, None) or h.text for h, _ in singles)
        # "a veteran of the war died at his home": one who died is news when the passes say so,
        # or the words of the verb tell a violent or sudden cause ("died in an ambush")
        bare = pred.kind == SUBJECT and not pred.needs and len(singles) == 1 and not _cause(tok)
        yield Victims(pred.category, pred.hit, None, sum(n for _, n in singles), who,
                      (start, max(end, coord_end)), tuple(h.idx for h, _ in singles),
                      bare=bare)  # fmt: skip


def _coordinated(head, tok, conj: list, appos: list, total, counts, persons, anyone) -> list:
    """The phrases of a patient's coordination, with those of its apposition when that is no
    description of it: "the victims, two women and a child" (a group without a count), "five
    guards, three drivers and two cooks" (a list the parser hung on its first item), "a student,
    a villager and two engineers were wounded" (one person and a list: a plural verb)."""
    listed = [c for a in appos for c in conjuncts(a)]
    if total is not None:
        return conj + listed if _listed(head, appos, total, counts) else conj
    # "a student, a teacher and a farmer was killed" names one person
    plural = any(own(a, {"conj"}) for a in appos) and not _singular_verb(tok)
    # one a lexicon knows, or any one told indefinite ("a ferry pilot, a guard and two
    # porters"), not a group ("the couple, a teacher and her husband")
    one = _single(head, persons) or (
        plural and anyone and _indefinite(head) and _single(head, persons, anyone=True)
    )
    if not one:
        return listed or conj  # "the victims, two women and a child, ..."
    return conj + listed if plural and one == 1 else conj  # not "both men, A and B"


def _breaks_down(head, rest: list, total: Count, counts: list[Count]) -> bool:
    """Whether the counted groups after a count of anyone and a comma are its parts, however
    the parser hangs them: "five people, three guards and two cooks" (at most five in all),
    not "two people, three guards and two cooks" (a list of seven)."""
    if not rest or _counted_noun(head).lower_ not in _ANYONE:
        return False
    first = rest[0].left_edge
    if first.i == 0 or first.nbor(-1).text != ",":
        return False
    listed = [_count_of(h, counts) for h in rest]
    return all(listed) and sum(n.low for n in listed) <= total.low


def _indefinite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _named_by_appos(conj: list, counts) -> tuple[list[tuple[int, int]], set[int]]:
    """The spans of the names an apposition tells to be people, and the start of its count:
    in "Ann Reed and Joe Kim, both teachers" (or "two teachers", "all three farmers") each name
    is one person, whatever the tagger calls it (the parser hangs the apposition on the first
    name or the last), and "two" counts them again."""
    names = [h for h in conj if h.tag_ == "NNP" and h.ent_type_ not in _NOT_PEOPLE_ENTS]
    if len(names) < 2:
        return [], set()
    for a in (c for h in conj for c in h.children if c.dep_ == "appos"):
        plural = a.tag_ == "NNS" and a.lower_ not in not_victims()
        words = {c.lower_ for c in a.children if c.dep_ in ("det", "predet")}
        count = _count_of(a, counts)
        if plural and (words & _EACH_DETS or count is not None):
            restated = {count.start} if count is not None else set()
            return [(h.left_edge.idx, h.idx + len(h)) for h in names], restated
    return [], set()


def _bare(h) -> bool:
    """Whether a count names its victims by a number alone, or as some of a group told
    elsewhere ("one was burnt alive", "two of the students died"): then it only confirms the
    passes. "Dozens of detainees" names its own."""
    if not numeral(h):
        return False
    noun = _counted_noun(h)
    definite = noun.pos_ == "PRON" or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children
    )
    return noun.i == h.i or definite


def _cause(tok) -> bool:
    """Whether a death is told with a violent or sudden cause ("died in an ambush", "died of
    gunshot wounds"), in the words of the verb, not of its subject ("a veteran of the war")."""
    told = [w for c in tok.children if c.dep_ in _CAUSE_DEPS for w in c.subtree]
    return any(w.lower_ in _CAUSES for w in told)


def _singular_verb(tok) -> bool:
    """Whether the predicate's auxiliary is singular: its coordinated subject is one person."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _SINGULAR_AUX for c in tok.children)


def _listed(head, appos: list, total: Count, counts: list[Count]) -> bool:
    """Whether the counted phrases in apposition to a count continue a list rather than break
    it down: "five guards, three drivers and two cooks" (more than five, or other than five of
    a kind) vs "five people, three guards and two cooks" (its parts)."""
    if not any(own(a, {"conj"}) for a in appos):
        return False  # "100 families (about 400 people)" restates the count
    listed = [
        n.low if (n := _count_of(h, counts)) else _single(h, [])
        for a in appos
        for h in conjuncts(a)
    ]
    if not any(listed):
        return False
    if _counted_noun(head).lower_ in _ANYONE:
        return sum(listed) > total.low
    # of a kind, a comma joins a list with a counted group ("eight traders, a guard and seven
    # drivers") whatever its sum; the parts stand after a dash, a colon or a bracket, and names
    # restate the count ("two men, A and B")
    first = appos[0].left_edge
    comma = first.i > 0 and first.nbor(-1).text == ","
    groups = any(_count_of(h, counts) for a in appos for h in conjuncts(a))
    return sum(listed) != total.low or (comma and groups)


def _counted_noun(tok):
    """What a count counts: "dozens of villagers" and "a total of 26 people" count villagers
    and people; "two cattle thieves" counts thieves."""
    if numeral(tok) or tok.lower_ in _GROUP_NOUNS:
        for prep in own(tok, {"prep"}):
            if prep.lower_ == "of":
                for obj in own(prep, {"pobj"}):
                    return obj
    return tok


def _person(noun, persons: list[tuple[int, int]]) -> bool:
    """Whether a noun names people by the lexicons or a name: what a hit needs."""
    if noun.tag_ == "NNP" and noun.lower_ not in person_nouns():
        return noun.ent_type_ == "PERSON" or any(s <= noun.idx < e for s, e in persons)
    return noun.lower_ in person_nouns() or numeral(noun)


def _named(noun, persons: list[tuple[int, int]]) -> bool:
    """Whether a proper noun is a name the text or the tagger calls a person's."""
    return noun.tag_ in ("NNP", "NNPS") and (
        noun.ent_type_ == "PERSON" or any(s <= noun.idx < e for s, e in persons)
    )


def _single(tok, persons: list[tuple[int, int]], anyone: bool = False) -> int:
    """How many people a phrase without a count names: one for "a policeman", "his son", a name
    the text names; two for "both men"; none for a plural or a thing. `anyone`: the predicate
    is done to people (killed, wounded, abducted), so any noun but a thing's names one ("a
    wedding guest"); else the noun must be one the lexicons know for a person ("a farmer
    died", not "the engine died")."""
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "poss")}
    if tok.i > 0 and tok.nbor(-1).dep_ == "det" and tok.nbor(-1).head.i > tok.i:
        words.add(tok.nbor(-1).lower_)  # "a worshipper" of "[a worshipper sustained] wounds"
    if tok.tag_ == "NNS" and "both" in words:
        return 2
    if _named(tok, persons):
        return 1  # a name the text or the tagger calls a person's
    # "a Rohingya refugee", "executing a shopkeeper": the tagger may take a person noun after
    # a name for a name, or one in an object's place for an adjective
    common = tok.tag_ == "NN" or (
        tok.tag_ in ("NNP", "JJ") and tok.dep_ != "amod" and tok.lower_ in person_nouns()
    )
    if not common or tok.ent_type_ in _NOT_PEOPLE_ENTS or tok.lower_ in _GROUP_NOUNS:
        return 0  # "a number of worshippers" states no count
    if tok.lower_ not in person_nouns() and not (anyone and tok.lower_ not in not_victims()):
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
    return {n.start for p in phrases for h in conjuncts(p) if (n := _count_of(h, counts))}


def _inner(head, counts: list[Count]) -> set[int]:
    """The counts inside the modifiers of a counted group that count something else: "nineteen
    labourers, aged between 18 and 25", "five members of a family of eight"; never those of a
    clause that is a predicate of its own ("two gunmen wounding three guards")."""
    table = predicates()
    mods = [
        c for c in head.children
        if c.dep_ in ("acl", "prep", "amod") and c.i > head.i and c.lower_ not in table
    ]  # fmt: skip
    # a noun coordinated inside them may be a group of its own the parser hung there
    others = [_extent(d) for c in mods for d in c.subtree if d.dep_ == "conj" and d.i != c.i]
    return {
        n.start for n in counts
        if any(a <= n.start < b for a, b in map(_extent, mods))
        and not any(a <= n.start < b for a, b in others)
    }  # fmt: skip


def _kin_counts(person, counts: list[Count]) -> set[int]:
    """The counts of "of" a singular noun in the phrase of one person: "a father of two", "the
    victim, a mother of four", "a leader of 40 fighters" count others than the victim."""
    return {
        n.start for d in person.subtree
        if d.dep_ == "pobj" and d.head.lower_ == "of" and d.head.head.tag_ == "NN"
        and (n := _count_of(d, counts))
    }  # fmt: skip


def _extent(tok) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


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
    text = doc_text(doc)[begin:end].strip(" ,")
    if not text or R.ONLY_PEOPLE.fullmatch(text):
        return None
    return text
