"""What the arguments of a predicate are, read over the parse.

`arguments` gives a verb's agents (active subject, a passive's "by" phrase, the subject shared
with the verb it is coordinated with) and patients (object, passive subject, the objects of the
prepositions that carry a target, the noun a participle or relative clause hangs on), each read
as classes by `Classes`: person, armed, target (a place or building), weapon, hazard, number,
and the other senses (sport, business, debate, culture, nature). A quantity is read through
("a total of 26,438 people", "dozens of villagers"); a pronoun counts as a person only as a
victim ("he was shot dead").
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.relevance import lexicon as L

OBJECTS = {"dobj", "obj", "attr", "oprd", "dative"}

ARG_PREPS = {"on", "against", "at", "in", "into", "near", "with", "by", "of", "from", "between",
              "outside", "inside", "across", "around", "towards", "toward"}  # fmt: skip

PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "you", "it"}

_PERSON_PRONOUNS = PRONOUNS - {"it"}


@dataclass(frozen=True)
class Args:
    agents: frozenset[str]  # the classes of the agents' head words
    patients: frozenset[str]
    pronoun_only: bool  # every argument is a pronoun
    words: int = 0  # how many argument words there are, whatever their class

    @property
    def any(self) -> frozenset[str]:
        return self.agents | self.patients


class Classes:
    """The classes of an argument's head word: person, armed, target, weapon, hazard, number,
    and the other senses (sport, business, debate, culture, nature)."""

    def __init__(self, labels: dict[int, str]):
        self.labels = labels

    def __call__(self, tok) -> set[str]:
        w = tok.lower_
        label = self.labels.get(tok.i) or tok.ent_type_
        out = set()
        if w in L.PERSON_NOUNS or label in ("PERSON", "NORP"):
            out.add("person")
        if any(c.dep_ == "compound" and c.lower_ in L.ARMED_NOUNS for c in tok.children):
            out.add("armed")  # "National Guard officers", "militia members"
        if w in L.ARMED_NOUNS or (
            w == "force"
            and any(
                c.lower_ in L.FORCE_KINDS for c in tok.children if c.dep_ in ("compound", "amod")
            )
        ):  # "air force", "police force"
            out.add("armed")
        if w in L.TARGET_NOUNS or label in ("GPE", "LOC", "FAC"):
            out.add("target")
            if any(g.lower_ in L.ARMED_NOUNS or any(a.lower_ == "armed" for a in g.children)
                   for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children):  # fmt: skip
                out.add("armed")  # "vans with armed men", "a pickup with gunmen"
        if w in L.WEAPON_NOUNS:
            out.add("weapon")
        if w in L.HAZARD_NOUNS:
            out.add("hazard")
        counted = any(c.dep_ == "nummod" and c.like_num for c in tok.children)
        if (tok.like_num or tok.pos_ == "NUM" or counted) and label not in (
            "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL",
        ):  # fmt: skip
            out.add("number")  # "killed 12", "12 were killed": people, for a killing
        for sense, words in L.OTHER_SENSE.items():
            if w in words:
                out.add(sense)
        return out


_QUANTITIES = L.plain(
    "total number group groups dozens hundreds thousands scores majority most some many all "
    "several few couple handful members dozen"
)


def expand(tok) -> list:
    """A token and the tokens coordinated with it ("soldiers and civilians"), and what a
    quantity counts ("a total of 26,438 people", "dozens of villagers")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out += expand(child)
        elif tok.lower_ in _QUANTITIES and child.dep_ == "prep" and child.lower_ == "of":
            out += [e for g in child.children if g.dep_ == "pobj" for e in expand(g)]
    return out


def arguments(pred, classes) -> Args:
    """The classes of a verb's agents (active subject, a passive's "by" phrase) and patients
    (object, passive subject, objects of the prepositions that carry a target)."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children)
    agents, patients = [], []
    children = list(pred.children)
    children += [
        g
        for c in children
        if c.dep_ in ("aux", "auxpass")
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass")
    ]  # fmt: skip  "people remained displaced"
    for child in children:
        if child.dep_ in ("nsubj", "csubj"):
            agents += expand(child)
        elif child.dep_ == "nsubjpass" or child.dep_ in OBJECTS:
            patients += expand(child)
        elif child.dep_ == "agent":
            agents += [g for p in child.children if p.dep_ == "pobj" for g in expand(p)]
        elif child.dep_ == "prep" and child.lower_ in ARG_PREPS:
            patients += [g for p in child.children if p.dep_ == "pobj" for g in expand(p)]
    if not patients:  # "killed and ate a rabbit": the object hangs on the other verb
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children)
        for other in [
            c
            for c in pred.children
            if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ] + (
            [pred.head] if pred.dep_ == "conj" and not own else []
        ):  # fmt: skip  not a clause of its own ("they shoot, and they obey the law")
            patients += [g for c in other.children if c.dep_ in OBJECTS for g in expand(c)]
    if not agents and not passive and pred.dep_ in ("xcomp", "conj", "advcl"):
        # "gunmen stormed the village and killed five", "people were forced to flee": the
        # subject is shared
        subjects = ("nsubj", "nsubjpass") if pred.dep_ == "xcomp" else ("nsubj",)
        agents += [g for c in pred.head.children if c.dep_ in subjects for g in expand(c)]
    if pred.dep_ in ("relcl", "acl", "amod"):  # the noun the clause hangs on
        relative = [c for c in pred.children if c.lower_ in ("who", "that", "which")]
        if pred.tag_ == "VBG" or any(c.dep_ == "nsubj" for c in relative):
            agents += expand(pred.head)  # "gunmen who attacked", "militants attacking"
        else:
            patients += expand(
                pred.head
            )  # "people displaced", "who were killed", "attacked merchants"
    if pred.dep_ == "conj" and not patients and passive:  # "was tied up and beaten"
        patients += [g for c in pred.head.children if c.dep_ == "nsubjpass" for g in expand(c)]
    words = agents + patients
    a = frozenset().union(*(classes(t) for t in agents if t.lower_ not in PRONOUNS))
    p = frozenset().union(*(classes(t) for t in patients if t.lower_ not in PRONOUNS))
    pronoun_only = bool(words) and all(t.lower_ in PRONOUNS for t in words)
    if any(t.lower_ in _PERSON_PRONOUNS for t in patients):  # "he was shot dead": a victim
        p |= {"pronoun"}
    return Args(a, p, pronoun_only, len(words))


def captivity(tok) -> bool:
    """ "were taken hostage", "took eight villagers captive", "held them prisoner": a capture told
    as a verb of taking or holding and a captive noun as its complement, or taken as an object
    ("took 40 prisoners"); not what a place holds ("the jail holds 300 prisoners") nor captives
    taken somewhere ("took the hostages to hospital")."""
    if tok.lower_ not in L.CAPTIVITY_VERBS:
        return False
    # the parse may hang the complement on the object: "took 16 nationals captive"
    trailing = [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.i > c.i]
    for c in [*tok.children, *trailing]:
        if c.lower_ not in L.CAPTIVE_NOUNS or c.dep_ in ("nsubj", "nsubjpass", "pobj"):
            continue
        if c.dep_ != "dobj":
            return True  # "were taken hostage", "held them captive"
        determined = any(g.dep_ in ("det", "poss") for g in c.children)
        singular = c.lower_ in ("hostage", "captive", "prisoner")  # "took 8 villagers hostage"
        if not determined and (singular or tok.lower_ in L.forms("take")):
            return True
    return False


def with_hung_objects(tok, args: Args, classes) -> Args:
    """The parse may hang a phrasal verb's object on its particle ("mowed down nine
    worshippers" read as "down nine worshippers"): those are patients too."""
    hung = [g for c in tok.children if c.dep_ in ("prt", "advmod") for g in c.children
            if g.dep_ in ("npadvmod", "dobj", "pobj")]  # fmt: skip
    found = set().union(*(classes(g) for g in hung)) if hung else set()
    if any(c.like_num for g in hung for c in g.children):
        found.add("number")
    return Args(args.agents, args.patients | found, args.pronoun_only, args.words + len(hung))


SENSES = frozenset(L.OTHER_SENSE)
