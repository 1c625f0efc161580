"""The arguments of a casualty predicate in the dependency parse: the heads of its patients
(object, passive subject, subject of an intransitive, the noun a participle or relative clause
modifies, the bearer of a state) and of its doers, and the phrases coordinated with a patient.

The small model slips in a few regular ways, repaired here as patterns: a reported clause's
subject read as the object of "said" (also before an aside), a list's first item hung on the
verb, a participle hung on the end of "X of Y" or of what its noun was doing ("guards manning a
gate injured"), a counted noun coordinated with the object inside a modifier or with the verb, a
verb read as a modifier of the words it needs ("sustained gunshot wounds"), a participle made
the clause's subject, an elided passive read as a modifier ("twelve injured and nine others
abducted"), a range read as a preposition ("killing between 16 and 21 farmers").
"""

from __future__ import annotations

from pipeline.extract.figures.predicates import STATE, SUBJECT, alternative, predicates
from pipeline.extract.relevance import lexicon as RL

OBJECTS = {"dobj", "obj", "dative"}
SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVES = frozenset({"who", "that", "which", "whom"})
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
# the tags of a finite auxiliary: a clause that has one has a subject of its own
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# the words of a phrase that names the whole of what follows it, never one of a list
_WHOLE = frozenset({"both", "all"})


def own(tok, deps: set[str]) -> list:
    """The dependents of `tok` of the relations `deps`."""
    return [c for c in tok.children if c.dep_ in deps]


def of_phrase(noun) -> list:
    """The objects of the "of" that hangs on a predicate's noun ("the lives of five traders")."""
    return [o for p in noun.children if p.lower_ == "of" for o in own(p, {"pobj"})]


def arguments(tok, kind: str) -> tuple[list, list]:
    """The heads of the patients and of the agents of the predicate `tok`."""
    patients, doers = _arguments(tok, kind)
    return [*(d for p in patients for d in _split_before(p)), *patients], doers


def _split_before(noun) -> list:
    """The first half of a coordination the parser split at "and": in "officials told
    reporters two men and a woman were killed", "two men" is read as the object of "told"."""
    if noun.left_edge.i == 0:
        return []
    before = noun.doc[noun.left_edge.i - 1]
    first = before.head
    if before.dep_ != "cc" or first.tag_ not in NOUN_TAGS or own(first, {"conj"}):
        return []
    return [first]


def _arguments(tok, kind: str) -> tuple[list, list]:
    if kind == STATE:
        return _state_patients(tok), []
    if tok.dep_ == "amod" and tok.head.i > tok.i and _needs(tok, tok.head):
        return _verb_as_modifier(tok), []
    if tok.dep_ in ("acl", "relcl", "amod") and (tok.head.tag_ in NOUN_TAGS or numeral(tok.head)):
        return _modified(tok, kind)
    if kind == SUBJECT:
        return (own(tok, SUBJECTS) or _clausal_subject(tok) or _shared_subjects(tok)), []
    agents = [p for a in own(tok, {"agent"}) for p in own(a, {"pobj"})]
    if _passive(tok):
        patients = own(tok, {"nsubjpass"}) or _clausal_subject(tok)
        return (_listed_before(tok, patients) + patients or _shared_subjects(tok)), agents
    patients = own(tok, OBJECTS) or _shared_objects(tok) or _range_objects(tok)
    subjects = own(tok, {"nsubj"}) or _shared_subjects(tok)
    if patients:
        return patients, agents + subjects
    if tok.tag_ in ("VBN", "VBD") and not agents and not _conj_verbs(tok):
        # a headline's passive: "Two soldiers killed in raid", never "Okafor shot past the keeper"
        counted = [n for n in own(tok, {"nsubj"}) if numeral(n) or own(n, {"nummod"})]
        return (own(tok, {"nsubj"}) if tok.tag_ == "VBN" else counted), []
    return [], []


def _needs(tok, word) -> bool:
    """Whether `word` is one of the words a predicate `tok` may need ("wounds" of "sustained")."""
    return any(word.lower_ in words for p in predicates()[tok.lower_] for words in p.needs)


def _verb_as_modifier(tok) -> list:
    """The subject of a verb the parser read as a modifier of the words it needs ("sustained"
    of "two men sustained gunshot wounds"): its own, or a noun before it in that phrase."""
    subjects = own(tok, {"nsubj"})
    if subjects:
        return subjects
    before = [c for c in tok.head.lefts if c.i < tok.i and c.tag_ in NOUN_TAGS]
    return before[-1:]


def _clausal_subject(tok) -> list:
    """The noun of a participle the parser made the clause's subject: in "twelve workers
    guarding a gate were wounded", the subject of "guarding"."""
    return [
        s for c in tok.children if c.dep_ in ("csubj", "csubjpass") and c.tag_ == "VBG"
        for s in own(c, {"nsubj"}) if s.i < c.i
    ]  # fmt: skip


def _range_objects(tok) -> list:
    """An object counted by a range the parser read as a preposition of the verb: "killing
    between 16 and 21 farmers"."""
    return [
        o for p in own(tok, {"prep"}) if p.lower_ == "between"
        for o in own(p, {"pobj"}) if o.tag_ in NOUN_TAGS and own(o, {"nummod"})
    ]  # fmt: skip


def _passive(tok) -> bool:
    """A passive verb, or one coordinated with a passive without a subject of its own ("were
    shot and killed")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.dep_ == "conj" and not own(tok, SUBJECTS) and _passive(tok.head)


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
        and not any(d.lower_ in _WHOLE for d in c.children)  # "both men, A and B"
    ]  # fmt: skip


def _conj_verbs(tok) -> list:
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _state_patients(tok) -> list:
    """Whom a state is told of: "three are dead" (its subject), "two injured soldiers" (its
    noun), "left three soldiers dead" (the object of the verb it completes), "were shot dead"."""
    subjects = own(tok, SUBJECTS)
    if subjects:
        return subjects
    if tok.dep_ == "amod" and tok.head.tag_ in NOUN_TAGS:
        return [_phrase_head(tok.head)]  # "left seventeen members of a family dead"
    if tok.dep_ in ("acomp", "oprd", "xcomp", "advmod", "ccomp", "attr", "advcl"):
        head = tok.head
        return own(head, OBJECTS) or own(head, SUBJECTS) or _shared_subjects(head)
    return []


def _modified(tok, kind: str) -> tuple[list, list]:
    """A participle or relative clause on a noun: "people killed", "men who were killed" and
    "people fleeing the fighting" are victims; "gunmen who killed two" and "militants attacking"
    are doers, and the clause's object the victims."""
    subjects = own(tok, {"nsubj"})
    relative = [s for s in subjects if s.lower_ in RELATIVES]
    noun = _phrase_head(tok.head) if tok.head.tag_ in NOUN_TAGS else tok.head
    if tok.dep_ == "amod" and tok.i < noun.i and subjects and not relative:
        return subjects, []  # "twelve injured and nine others abducted": a passive, elided
    if kind == SUBJECT:
        return ([noun] if not subjects or relative else subjects), []
    active = tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and own(tok, {"dobj"})
    if tok.tag_ in ("VBG", "VB") or relative or active:
        # "militants attacking", "gunmen who killed two", "herders injured forty people",
        # "enough rounds to kill two" (its object, whom `not_done` then denies)
        return own(tok, OBJECTS), [noun]
    if subjects:  # "the two men police arrested"
        return [noun], subjects
    return [noun], [p for a in own(tok, {"agent"}) for p in own(a, {"pobj"})]


def _phrase_head(noun):
    """The head of the phrase a participle's noun ends: the parser hangs "kidnapped" of "four
    employees of a factory kidnapped" on "factory", and "injured" of "left five guards manning
    a gate injured" on "gate", the end of the phrase "four employees" or "five guards" heads."""
    while True:
        if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "from"):
            outer = noun.head.head
        elif noun.dep_ == "dobj" and noun.head.dep_ == "acl" and noun.head.tag_ == "VBG":
            if noun.lower_ in RL.PERSON_NOUNS:
                break  # "five guards escorting a journalist kidnapped last week": his
            outer = noun.head.head
        else:
            break
        if outer.tag_ not in NOUN_TAGS or not own(outer, {"nummod"}):
            break
        noun = outer
    return noun


def _shared_subjects(tok) -> list:
    """The subject of the verb a subjectless verb is coordinated with or completes: "were shot
    and killed", "were forced to flee", "stormed the village, killing ..." """
    if own(tok, SUBJECTS | {"expl"}):
        return []
    for aside in own(tok, {"parataxis"}):  # "nine porters, witnesses say, were stabbed"
        subjects = own(aside, {"nsubj"})
        if len(subjects) > 1:
            return subjects[:1]
    finite = any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in tok.children)
    if tok.dep_ == "advcl" and finite:  # "said 18 soldiers, by one account, were hospitalised"
        return _stranded_subject(tok)
    if tok.dep_ in ("conj", "xcomp", "advcl"):
        return own(tok.head, SUBJECTS) or _shared_subjects(tok.head)
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
    if prev.dep_ == "dobj" and prev.tag_ in NOUN_TAGS:
        return [prev]
    if prev.dep_ == "prep":  # "said between 20 and 30 pupils were killed"
        return own(prev, {"pobj"})
    if prev.tag_ == "VBG" and prev.dep_ in ("ccomp", "advcl"):
        return own(prev, {"nsubj"})
    return []


def _shared_objects(tok) -> list:
    """The object of the verb coordinated with `tok`: "shot and killed two farmers"."""
    for c in tok.children:
        if c.dep_ == "conj" and not own(c, SUBJECTS):
            found = own(c, OBJECTS)
            if found:
                return found
    if tok.dep_ == "conj" and not own(tok, SUBJECTS):
        return own(tok.head, OBJECTS)
    return []


def conjuncts(tok) -> list:
    """A noun and the nouns coordinated with it: "a soldier and two militants", and a counted
    noun the parser coordinated with the object inside its modifier: in "two guards manning a
    gate and three drivers", "three drivers" (never a group's own count: "a gate" has none)."""
    out = [tok]
    if alternative(tok):
        return out  # "583 families or 2,900 people": the same victims counted twice
    for c in tok.children:
        if c.dep_ == "conj" and (c.tag_ in NOUN_TAGS or numeral(c)) and not told_apart(c):
            out += conjuncts(c)
        elif c.dep_ in ("acl", "prep", "relcl") and c.i > tok.i:
            out += _strays(c)
    if tok.dep_ in OBJECTS:
        out += _second_objects(tok)
    return out


def _second_objects(obj) -> list:
    """The counted nouns after an object that the parser hung on its verb: "killed six
    customers at a bar and eight labourers", coordinated inside a modifier of the verb that
    follows the object, or with the verb itself."""
    out = []
    if obj.right_edge.i + 1 < len(obj.doc):
        after = obj.doc[obj.right_edge.i + 1]
        if after.dep_ == "prep" and after.head.i == obj.head.i:
            out += _strays(after)
    for c in obj.head.children:
        if c.dep_ == "conj" and c.i > obj.i and c.tag_ in NOUN_TAGS and own(c, {"nummod"}):
            out += conjuncts(c)
    return out


def _strays(modifier) -> list:
    """The counted nouns the parser coordinated with an uncounted object inside `modifier`
    ("a gate and three drivers"), never a weapon ("with a rifle and two grenades")."""
    out = []
    for d in modifier.subtree:
        stray = d.dep_ == "conj" and d.head.dep_ in ("dobj", "pobj")
        counted = own(d, {"nummod"}) and not own(d.head, {"nummod"})
        if stray and counted and d.lower_ not in RL.WEAPON_NOUNS:
            out += conjuncts(d)
    return out


def told_apart(noun, pred_tok=None) -> bool:
    """Whether a noun carries a casualty participle of its own: "3 wounded" in "one dead, 3
    wounded" is no victim of "dead" (a relative clause is told of it: "two gunmen who had
    wounded three guards were killed")."""
    table = predicates()
    return any(
        c.dep_ == "acl" and c.lower_ in table and (pred_tok is None or c.i != pred_tok.i)
        for c in noun.children
    )


def numeral(tok) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ == "CARDINAL"
