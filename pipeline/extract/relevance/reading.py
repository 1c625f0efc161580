"""One sentence's reading: which incidents it reports as having happened, read over the parse.

A sentence reports an incident when a predicate of the incident lexicons (a verb, or a noun such
as "attack", "floods", "talks") is used in its literal sense and reported as done:

- literal sense, from its arguments. A verb of plain violence ("killed", "stabbed", "abducted")
  is literal unless its patient belongs to another sense (a bill, profits, an animal, a plan). A
  violent verb with common other senses ("attacked", "shot", "struck", "exploded", "battled")
  needs positive evidence: a person, an armed actor, a place or building as its target, or an
  armed actor or a weapon as its agent ("a missile struck a school", not "struck a deal",
  "shares shot up", "attacked the proposal", "battled to a draw"). A disaster verb needs a
  hazard, a vehicle or a building ("the bus overturned", not "talks collapsed"); a protest verb
  people, and no sport; a diplomatic one governments, envoys or armed parties, not trade.
  An event noun needs what makes it one: an argument or a compound naming a victim, a target,
  a weapon or a place ("an attack on a convoy", "a bomb blast", "floods in Sylhet"), or a verb
  saying it happened ("fighting broke out", "the fire gutted"); a compound that changes its
  sense ("heart attack", "price war", "trade talks", "labour strike" is a protest) decides.
- reported as done: not negated ("no shots were fired"), not under a modal or the future ("could
  be forced from their homes", "will play"), not in a conditional clause ("if a storm hits"), not
  the complement of a verb of intent or warning ("threatened to attack", "is scheduled to open").
- told as news: a sentence set in the past (an earlier year, decades, an anniversary), about a
  film, book or exhibition, or in a sport frame (a match, a team, a score) reports no incident
  of its own, unless security forces take part.

Each reading keeps the sentence, the word that triggered it, its kind (violence, protest,
disaster, strategic, diplomacy, casualty), a disaster's sub-type and a strength in 0..1 that
grows with what corroborates it (an armed actor, a place).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.extract.relevance import lexicon as L

_OBJECTS = {"dobj", "obj", "attr", "oprd", "dative"}
_ARG_PREPS = {"on", "against", "at", "in", "into", "near", "with", "by", "of", "from", "between",
              "outside", "inside", "across", "around", "towards", "toward"}  # fmt: skip
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "you", "it"}
_PERSON_PRONOUNS = _PRONOUNS - {"it"}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
_SCORES = re.compile(r"(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.%])")
_WEAPON_COMPOUNDS = L.plain(
    "bomb suicide car gun knife drone rocket mortar grenade machete militant rebel jihadist "
    "terror terrorist arson grenade missile artillery sniper ied roadside truck mob"
)
_PROTEST_CONTEXT = L.plain("against over outside streets") | L.inflected(
    "demand denounce condemn protest oppose reject demonstrate ask call seek press urge"
)
_ROADS = L.plain(
    "road roads highway highways street streets bridge bridges junction route boulevard "
    "avenue entrance entrances roundabout intersection crossing"
)
_CRIME = L.plain(
    "narcotics drug drugs fraud theft burglary traffic dui shoplifting warrant warrants "
    "trafficking marijuana cocaine heroin methamphetamine"
)
_DATES = {"DATE", "TIME"}
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """An incident a sentence reports (see the module docstring)."""

    kind: str  # violence | protest | disaster | strategic | diplomacy | casualty
    start: int  # the sentence, as character offsets
    end: int
    trigger: str  # the word that reported it, as written
    strength: float
    sub_type: str | None = None  # for a disaster: Flood, Storm, ...


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

    @property
    def no_news(self) -> bool:
        return self.past or self.culture


@dataclass(frozen=True)
class _Args:
    agents: frozenset[str]  # the classes of the agents' head words
    patients: frozenset[str]
    pronoun_only: bool  # every argument is a pronoun
    words: int = 0  # how many argument words there are, whatever their class

    @property
    def any(self) -> frozenset[str]:
        return self.agents | self.patients


class _Classes:
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
        if w in L.ARMED_NOUNS or (w == "force" and any(
            c.lower_ in L.FORCE_KINDS for c in tok.children if c.dep_ in ("compound", "amod")
        )):  # "air force", "police force"
            out.add("armed")
        if w in L.TARGET_NOUNS or label in ("GPE", "LOC", "FAC"):
            out.add("target")
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


def _expand(tok) -> list:
    """A token and the tokens coordinated with it ("soldiers and civilians"), and what a
    quantity counts ("a total of 26,438 people", "dozens of villagers")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out += _expand(child)
        elif tok.lower_ in _QUANTITIES and child.dep_ == "prep" and child.lower_ == "of":
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def _arguments(pred, classes) -> _Args:
    """The classes of a verb's agents (active subject, a passive's "by" phrase) and patients
    (object, passive subject, objects of the prepositions that carry a target)."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children)
    agents, patients = [], []
    for child in pred.children:
        if child.dep_ in ("nsubj", "csubj"):
            agents += _expand(child)
        elif child.dep_ == "nsubjpass" or child.dep_ in _OBJECTS:
            patients += _expand(child)
        elif child.dep_ == "agent":
            agents += [g for p in child.children if p.dep_ == "pobj" for g in _expand(p)]
        elif child.dep_ == "prep" and child.lower_ in _ARG_PREPS:
            patients += [g for p in child.children if p.dep_ == "pobj" for g in _expand(p)]
    if not patients:  # "killed and ate a rabbit": the object hangs on the other verb
        for other in [c for c in pred.children if c.dep_ == "conj"] + (
            [pred.head] if pred.dep_ == "conj" else []
        ):
            patients += [g for c in other.children if c.dep_ in _OBJECTS for g in _expand(c)]
    if not agents and not passive and pred.dep_ in ("xcomp", "conj", "advcl"):
        # "gunmen stormed the village and killed five", "people were forced to flee": the
        # subject is shared
        subjects = ("nsubj", "nsubjpass") if pred.dep_ == "xcomp" else ("nsubj",)
        agents += [g for c in pred.head.children if c.dep_ in subjects for g in _expand(c)]
    if pred.dep_ in ("relcl", "acl", "amod"):  # the noun the clause hangs on
        relative = [c for c in pred.children if c.lower_ in ("who", "that", "which")]
        if pred.tag_ == "VBG" or any(c.dep_ == "nsubj" for c in relative):
            agents += _expand(pred.head)  # "gunmen who attacked", "militants attacking"
        else:
            patients += _expand(pred.head)  # "people displaced", "who were killed", "attacked merchants"
    if pred.dep_ == "conj" and not patients and passive:  # "was tied up and beaten"
        patients += [g for c in pred.head.children if c.dep_ == "nsubjpass" for g in _expand(c)]
    words = agents + patients
    a = frozenset().union(*(classes(t) for t in agents if t.lower_ not in _PRONOUNS))
    p = frozenset().union(*(classes(t) for t in patients if t.lower_ not in _PRONOUNS))
    pronoun_only = bool(words) and all(t.lower_ in _PRONOUNS for t in words)
    if any(t.lower_ in _PERSON_PRONOUNS for t in patients):  # "he was shot dead": a victim
        p |= {"pronoun"}
    return _Args(a, p, pronoun_only, len(words))


_SENSES = frozenset(L.OTHER_SENSE)


def reported(tok) -> bool:
    """Whether the clause of `tok` (a verb, or a noun through the verb that governs it) tells it
    as having happened: not negated, not modal or future, not conditional, not an intent."""
    verb = tok
    for _ in range(4):  # a noun's clause: the verb that governs it ("killed in an attack")
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    if verb is not tok and verb.lower_ in L.INTENT_VERBS and any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children
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
            if child.dep_ in ("nsubj", "nsubjpass") and (
                w in L.NOBODY or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
            ):  # "no one was hurt", "no shots were fired"
                return False
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


def frame(sent, labels: dict[int, str], published: dt.date | None) -> Frame:
    words = [t.lower_ for t in sent]
    sport = sum(w in L.SPORT_WORDS for w in words) + len(_SCORES.findall(sent.text))
    # a year after "since" dates a running total, not the sentence
    years = [int(m.group(1)) for i, w in enumerate(words)
             if (m := _YEAR.match(w)) and (i == 0 or words[i - 1] != "since")]  # fmt: skip
    recent = published is None or any(y >= published.year - 1 for y in years)
    past = (bool(years) and not recent) or any(w in L.HISTORY_WORDS for w in words) or (
        "ago" in words and bool({"years", "decades", "centuries"} & set(words))
    )
    rate = bool({"a", "per"} & set(words) and {"year", "day", "week"} & set(words)) and (
        any(w in L.RATE_WORDS for w in words) or "a year" in sent.text.lower()
    )
    return Frame(
        sport=sport >= 2,
        culture=any(w in L.CULTURE_FRAME for w in words),
        past=past,
        rate=rate,
        conditional=any(t.dep_ == "mark" and t.lower_ in L.CONDITION_MARKS for t in sent) or any(
            t.dep_ == "ROOT" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in L.MODALS
                                     for c in t.children) for t in sent
        ),
        armed=any(w in L.ARMED_NOUNS for w in words),
        place=any((labels.get(t.i) or t.ent_type_) in ("GPE", "LOC", "FAC") for t in sent),
    )


def read(
    sent, labels: dict[int, str], published: dt.date | None, quiet: bool = False
) -> tuple[Frame, list[Reading]]:
    """The frame of one sentence (a spaCy Span) and the incidents it reports. `quiet`: the
    article is a sport, culture or review page; only a sentence with armed actors in it reports
    an incident."""
    fr = frame(sent, labels, published)
    if fr.culture or (quiet and not fr.armed):
        return Frame(fr.sport, True, fr.past, fr.rate, fr.conditional, fr.armed, fr.place), []
    classes = _Classes(labels)
    found: list[Reading] = []
    words = {t.lower_ for t in sent}
    kinds = [(tok, _kind(tok, classes, fr)) for tok in sent]
    kinds = [(tok, k) for tok, k in kinds
             if k is not None and reported(tok) and not _past(tok, published)]  # fmt: skip
    if words & L.HISTORY_WORDS:  # "a historian recalled that the war killed millions"
        kinds = [(tok, k) for tok, k in kinds if _main_clause(tok)]
    kinds = [(tok, k) for tok, k in kinds if not _in_named_war(tok, classes)]
    if any(k == "disaster" for _, k in kinds):  # "killed when their helicopter crashed"
        kinds = [(tok, "casualty" if k == "violence" and _victims_only(tok, classes) else k)
                 for tok, k in kinds]  # fmt: skip
    hurt = any(k == "casualty" for _, k in kinds) and not fr.rate
    if hurt:  # people killed, hurt or displaced: what caused it says which incident it is
        kinds += [(tok, k) for tok in sent if (k := _cause(tok, fr)) and reported(tok)]
    disaster = any(k == "disaster" for _, k in kinds)
    for tok, kind in kinds:
        if kind == "casualty" and not disaster and (words & L.VIOLENCE_MARKS or fr.armed):
            kind = "violence"  # "found dead with gunshot wounds", "left 3 militants dead"
        elif kind == "casualty" and words & L.HAZARD_MARKS:
            kind = "disaster"  # "drowned", "were evacuated because of forest fires"
        if kind == "casualty" and (fr.rate or words & L.NATURAL_DEATH):
            continue  # "deaths a year", "died peacefully at home"
        sub = L.DISASTER_SUB_TYPES.get(tok.lower_) if kind == "disaster" else None
        strength = min(0.55 + 0.15 * fr.armed + 0.1 * fr.place + 0.1 * (kind != "casualty"), 0.95)
        found.append(Reading(kind, sent.start_char, sent.end_char, tok.text, round(strength, 2),
                             sub))  # fmt: skip
    if fr.past and not found:  # the sentence tells only of the past
        return fr, []
    return Frame(fr.sport, fr.culture, False, fr.rate, fr.conditional, fr.armed, fr.place), found


def _victims_only(tok, classes) -> bool:
    """A killing with no armed agent or weapon: victims of what the sentence says happened."""
    if tok.lower_ not in L.forms("kill") | L.forms("injure") | L.forms("wound"):
        return False
    args = _arguments(tok, classes)
    return not args.agents & {"armed", "weapon", "person"}


def _main_clause(tok) -> bool:
    """Whether `tok` is the sentence's main verb or one of its arguments (not a clause inside)."""
    node = tok
    for _ in range(4):
        if node.dep_ == "ROOT":
            return True
        if node.dep_ in ("relcl", "advcl", "ccomp", "acl", "xcomp", "conj", "parataxis"):
            return False
        node = node.head
    return False


def _in_named_war(tok, classes) -> bool:
    """A killing or a fight whose agent or setting is a named war ("The Korean War killed
    millions", "who fought in the Second World War"): history or a running total, not news."""
    related = [c for c in tok.children if c.dep_ in ("nsubj", "agent", "prep")]
    related += [g for c in related for g in c.children if g.dep_ == "pobj"]
    return any(t.ent_type_ == "EVENT" or classes.labels.get(t.i) == "EVENT"
               or (t.lower_ in ("war", "wars") and t.dep_ in ("nsubj", "pobj")) for t in related)


def _past(tok, published: dt.date | None) -> bool:
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
    words = []
    node = tok
    for _ in range(12):  # the predicate's clause and the clauses it sits in, up to the root
        verb = node  # the root of this clause ("fighting killed ...": "killed")
        while not (verb.dep_ == "ROOT" or verb.dep_ in clauses or verb.head is verb):
            verb = verb.head
        stack = [verb]
        while stack:  # this clause, less the clauses inside it
            here = stack.pop()
            words.append(here.lower_)
            stack += [c for c in here.children if c.dep_ not in clauses]
        if verb.head is verb or verb.dep_ == "ROOT":
            break
        node = verb.head
    years = [int(m.group(1)) for i, w in enumerate(words)
             if (m := _YEAR.match(w)) and (i == 0 or words[i - 1] != "since")]  # fmt: skip
    if published and years and max(years) < published.year - 1:
        return True
    if published and not years and "since" not in words:  # "in May" of an article of November
        months = [_MONTHS[w] for w in words if w in _MONTHS]
        if months and min((published.month - m) % 12 for m in months) >= 3:
            return True
    return "ago" in words and bool({"years", "decades", "centuries"} & set(words))


def _cause(tok, fr: Frame) -> str | None:
    """A violence or disaster noun in a sentence where people were killed, hurt or displaced:
    the cause ("displaced by fighting", "killed in clashes", "fled the floods")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or fr.sport:
        return None
    w = tok.lower_
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if modifiers & L.NOT_VIOLENT_COMPOUNDS:
        return None
    if (w in L.VIOLENCE_NOUNS or w in L.CONFLICT_NOUNS) and w not in ("strike", "strikes"):
        return "violence"
    if w in L.DISASTER_NOUNS:
        return "disaster"
    return None


def _kind(tok, classes, fr: Frame) -> str | None:
    """The kind of incident `tok` reports in its literal sense, or None."""
    if (classes.labels.get(tok.i) or tok.ent_type_) in _DATES:  # "in March": a month
        return None
    if tok.lower_ in L.DISPLACE_VERBS and tok.dep_ in ("acomp", "oprd", "xcomp") and any(
        c.dep_ == "nsubj" for c in tok.head.children
    ):
        return "casualty"  # "161,000 people remained displaced"
    if tok.pos_ in ("VERB", "AUX"):
        return _verb_kind(tok, classes, fr)
    if tok.pos_ == "ADJ" and tok.lower_ == "dead" and tok.dep_ in ("acomp", "oprd", "xcomp", "amod",
                                                                    "advcl", "ccomp"):  # fmt: skip
        return "casualty"  # "was found dead", "left three dead"
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_kind(tok, classes, fr)
    return None


def _verb_kind(tok, classes, fr: Frame) -> str | None:
    """The kind a verb of the incident lexicons reports, unless its arguments or frame give it
    another sense: a word of incident vocabulary counts until a rule says it does not."""
    w = tok.lower_
    args = _arguments(tok, classes)
    a, p = args.agents, args.patients
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    if w in L.STRONG_VIOLENCE_VERBS:  # "killed 12": a count of people
        args = _Args(a | ({"person"} if "number" in a else set()),
                     p | ({"person"} if "number" in p else set()), args.pronoun_only,
                     args.words)  # fmt: skip
    if w in L.CASUALTY_VERBS | L.DISPLACE_VERBS and "number" in args.any:
        args = _Args(a | {"person"}, p | {"person"}, args.pronoun_only, args.words)
    a, p = args.agents, args.patients
    if w in L.STRONG_VIOLENCE_VERBS | L.WEAK_VIOLENCE_VERBS:
        strong = w in L.STRONG_VIOLENCE_VERBS
        return "violence" if _violent_sense(w, tok, args, particles, fr, strong) else None
    if w in L.THROW_VERBS:  # "threw a grenade at police", "pelted stones"
        return "violence" if p & {"weapon"} and not fr.sport else None
    if w in L.AGENT_VIOLENCE_VERBS:  # "a missile struck a school", not "tariffs hit customers"
        weapon = any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.lower_ in L.WEAPON_NOUNS for g in c.children) for c in tok.children)  # fmt: skip
        if (a & {"weapon", "armed"} or weapon) and not fr.sport:
            return "violence"
        return None
    if w in L.DISASTER_VERBS:
        return "disaster" if _disaster(w, args) else None
    if w in L.PROTEST_VERBS:
        return "protest" if _protest(w, tok, args, fr) else None
    if w in L.STEAL_VERBS and (a & {"armed"} or fr.armed) and not fr.sport:
        return "strategic"  # "militias stole 43 cows"
    if w in L.RELEASE_VERBS and {c.lower_ for c in tok.subtree} & {
        "prisoners", "hostages", "captives", "detainees", "soldiers", "abductees"
    }:
        return "strategic"  # "released 48 soldiers held as prisoners"
    if w in L.forms("set") and {c.lower_ for c in tok.subtree} & {"alight", "ablaze"}:
        return "violence"  # "set alight four suspected thieves"
    if w in L.forms("charge") and any(c.lower_ == "baton" for c in tok.children):
        return "violence"  # "baton charged traders"
    if w in L.ARREST_VERBS:  # of armed men, protesters, activists, or in a violent setting
        words = {t.lower_ for t in tok.sent}
        if p & _SENSES - {"debate"} or words & _CRIME or fr.sport:
            return None
        patients = {t.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                    for t in c.subtree}  # fmt: skip
        if patients & L.CONFLICT_PATIENTS or (a | p) & {"armed"} or words & L.VIOLENCE_MARKS:
            return "strategic"  # by police or troops, of militants, protesters, activists
        return None
    if w in L.SEIZE_VERBS:  # "seized the town", "captured two soldiers", "confiscated arms"
        words = {t.lower_ for t in tok.sent}
        if words & _CRIME or fr.sport or (p & _SENSES and not p & {"target", "weapon"}):
            return None  # "seized drugs", "captured the title"
        if p & {"target", "weapon"} or (p & {"person", "armed"} and (a | p) & {"armed"}):
            return "strategic"
        return None
    if tok.dep_ in ("ROOT", "conj") and any(
        g.lower_ in L.PROTESTER_NOUNS for c in tok.children if c.dep_ == "nsubj" for g in _expand(c)
    ) and not fr.sport:
        return "protest"  # "protesters rejected the proposal", "demonstrators chanted"
    if w in L.MOVE_VERBS and (a | p) & {"armed"} and not fr.sport:
        return "strategic"  # "troops deployed", "reinforcements arrived", "forces withdrew"
    if w in L.forms("take") and "over" in particles and (a & {"armed", "person"}) and p:
        return "protest" if args.agents & {"person"} and not a & {"armed"} else "strategic"
    if w in L.CASUALTY_VERBS | L.DISPLACE_VERBS:
        if tok.dep_ == "amod":
            return None  # "internally displaced persons", "wounded soldiers": who, not what
        if w in L.forms("hurt") and a and not a & {"person", "armed", "weapon", "hazard"}:
            return None  # "tariffs hurt farmers"
        if (a | p) & {"person", "pronoun"} and not (a | p) & {"nature"} and not fr.sport:
            return "casualty"
        return None
    if w in L.DIPLOMACY_VERBS and _diplomatic(tok):
        return "diplomacy"
    return None


def _infinitive(tok) -> bool:
    """ "to fight", "to attack": a purpose or a capability, not a report ("trained to fight")."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _violent_sense(w: str, tok, args: _Args, particles: set[str], fr: Frame, strong: bool) -> bool:
    """Whether a violent verb is used in its literal sense (the module docstring's rules)."""
    a, p = args.agents, args.patients
    victims = {"person", "armed", "target", "pronoun"}
    if _infinitive(tok):
        return False
    if p & _SENSES and not p & victims:
        return False  # "killed the bill", "attacked the proposal", "battles rising costs"
    if not p and a & _SENSES and not a & {"person", "armed", "weapon"}:
        return False  # "the film bombed", "sales exploded"
    if fr.sport and not fr.armed:
        return False
    if strong:
        return not (particles & {"out", "up"} and w in L.forms("shell"))  # "shelled out"
    if a & {"business", "debate"} and not p & victims:
        return False  # "inflation hit 8%"
    if not args.words:
        return False  # "well executed", "a battling display": nothing says who or what
    if w in L.forms("explode") | L.forms("blow"):
        return bool(args.any & {"weapon", "target", "armed", "number"})
    if w in L.forms("execute"):
        return bool(p & {"person", "armed", "pronoun", "number"})
    if w in L.forms("fire"):  # "fired shots at", "opened fire on"; not "fired the coach"
        at = any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in tok.children)
        return bool(p & {"weapon"}) or at or not p
    if w in L.forms("shoot"):
        return "up" not in particles and not any(
            c.dep_ == "prep" and c.lower_ in ("past", "wide") for c in tok.children
        )  # "shares shot up", "shot past the keeper"
    if w in L.forms("hit") | L.forms("strike"):
        objects = {c.lower_ for c in tok.children if c.dep_ in _OBJECTS}
        if objects & {"deal", "agreement", "record", "high", "low", "note", "chord", "target"}:
            return False  # "struck a deal", "hit a record high"
        return not any(c.ent_type_ in ("PERCENT", "MONEY") for c in tok.subtree)
    if w in L.forms("beat"):
        return bool((p | a) & {"person", "pronoun", "armed"}) and not any(
            c.ent_type_ in ("GPE", "ORG", "NORP") for c in tok.children if c.dep_ in _OBJECTS
        )  # "beat Croatia" is a match
    if w in L.forms("fight") | L.forms("battle") | L.forms("clash"):
        return not args.any & _SENSES and not args.pronoun_only
    return True


def _disaster(w: str, args: _Args) -> bool:
    both = args.any
    if both & _SENSES and not both & {"hazard", "person"}:
        return False  # "talks collapsed", "markets crashed", "sank a putt"
    if w in L.forms("overturn") | L.forms("sink") | L.forms("crash") | L.forms("collapse"):
        return bool(both & {"hazard", "target", "person"})  # a bus, a roof; not "exports sank"
    return True


def _protest(w: str, tok, args: _Args, fr: Frame) -> bool:
    if fr.sport or args.pronoun_only or args.any & (_SENSES - {"debate"}):
        return False
    if w in L.forms("block") | L.forms("blockade") | L.forms("barricade"):
        blocked = {c.lower_ for c in tok.children if c.dep_ in _OBJECTS}
        blocked |= {g.lower_ for c in tok.children if c.dep_ == "prep" for g in c.children}
        return bool(blocked & (_ROADS | L.TARGET_NOUNS))  # "blocked the highway", "the office"
    if w in L.forms("march") | L.forms("rally") | L.forms("gather"):
        context = {t.lower_ for t in tok.subtree}
        return bool(context & _PROTEST_CONTEXT)
    if w in L.forms("demonstrate") and any(c.dep_ in _OBJECTS for c in tok.children):
        return False  # "demonstrated its skill"
    return True


_NOUN_ARGS = _ARG_PREPS | {"for"}


def _noun_kind(tok, classes, fr: Frame) -> str | None:
    w = tok.lower_
    if w in ("outs", "out") and any(c.lower_ == "shoot" for c in tok.children):
        w = "shootouts"  # "shoot-outs" as the tokenizer splits it
    if w == "in" and any(c.lower_ == "sit" for c in tok.children):
        w = "sit-in"
    if w in L.STRATEGIC_NOUNS:  # "conducted a joint patrol", "reinforcements arrived"
        occurs = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lower_ in L.OCCUR_VERBS
        armed = {c.lower_ for c in tok.children} & {"military", "joint", "army", "police"}
        return "strategic" if occurs and (armed or fr.armed) and not fr.sport else None
    if not (w in L.VIOLENCE_NOUNS or w in L.PROTEST_NOUNS or w in L.DISASTER_NOUNS
            or w in L.DIPLOMACY_NOUNS or w in L.CASUALTY_NOUNS):  # fmt: skip
        return None
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
    if w in ("strike", "strikes") and modifiers & L.LABOUR_STRIKE:
        return None if fr.sport else "protest"
    if modifiers & L.NOT_VIOLENT_COMPOUNDS or modifiers & L.OTHER_SENSE["nature"]:
        return None  # "heart attack", "price war", "trade talks", "supernova explosions"
    args = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _NOUN_ARGS
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    found = set().union(*(classes(t) for t in args)) if args else set()
    found |= set().union(*(classes(c) for c in tok.children if c.dep_ in ("compound", "poss")))
    if found & _SENSES and not found & {"person", "armed", "target", "weapon", "hazard"} and not (
        w in L.PROTEST_NOUNS
    ):
        return None  # "attacks on his loyalty", "a flood of orders"; "a protest against firms" is one
    if fr.sport and not fr.armed:
        return None
    if tok.head.lower_ in ("amid", "despite", "against") or tok.head.head.lower_ in (
        "amid", "despite"
    ):
        return None  # "stocks fell amid (worsening) protests": the background of other news
    if w in ("violence", "patrol", "patrols", "reinforcements", "offensive") and not (
        tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lower_ in L.OCCUR_VERBS
        or found & {"target", "person", "armed"}
    ):
        return None  # "violence erupted", "conducted a joint patrol"; not "end the violence"
    if w in L.CASUALTY_NOUNS:
        if tok.dep_ == "compound" or fr.rate:
            return None  # "body-colour trims", "deaths a year"
        if w in L.BODY_NOUNS and not (
            tok.head.lower_ in L.BODY_VERBS or any(c.lower_ in L.BODY_VERBS for c in tok.children)
        ):
            return None  # a body is news when it is found, recovered, dumped
        if w == "head" and not {c.lower_ for c in tok.children} & {"human", "male", "female",
                                                                   "severed"}:  # fmt: skip
            return None
        return "casualty"
    if w in ("fire", "fires") and (
        tok.head.lower_ in L.FIRE_VERBS
        or (tok.head.lower_ == "to" and tok.head.head.lower_ in L.inflected("respond"))
        or (tok.head.lower_ == "of" and tok.head.head.lower_ in L.FIRE_NOUNS)
        or any(t.lower_ in L.ARMED_NOUNS for c in tok.children if c.dep_ == "compound"
               for t in c.subtree)  # "militia members' fire", "an exchange of fire"
        or any(c.dep_ in ("compound", "amod", "poss") and (
            c.ent_type_ in ("NORP", "ORG") or c.lower_.lstrip("pro-") in L.ARMED_NOUNS
            or "pro-" in c.lower_) for c in tok.children)  # "Houthi fire", "rebel fire"
        or modifiers & (_WEAPON_COMPOUNDS | L.WEAPON_NOUNS | {"heavy", "machine", "machine-gun"})
        or (tok.head.lower_ == "on" and tok.head.head.lower_ in L.forms("set"))
        or (tok.dep_ == "dobj" and tok.head.lower_ in L.forms("set"))
    ):
        return "violence"  # "exchanged fire", "artillery fire", "set on fire", "set fire to"
    if w in L.VIOLENCE_NOUNS:
        if w in ("strike", "strikes") and not modifiers & L.REMOTE_STRIKE:
            return None
        if w in ("shots", "projectiles", "bursts") and not (
            {t.lower_ for t in tok.subtree} & (L.WEAPON_NOUNS - {"shots", "shot"} | {"fire", "arms"})
            or tok.head.lower_ in L.inflected("fire hear exchange")
        ):
            return None  # "shots involving small arms", "shots were fired"; not vaccine shots
        if tok.dep_ == "compound" and tok.head.lower_ not in ("exchange", "exchanges"):
            return None  # "attack helicopter", "shooting range"
        return "violence"
    if w in L.DISASTER_NOUNS:
        # natural hazards and accidents are seldom words of another sense: only a compound
        # ("fire brigade"), "under fire", "a flood of emails", a market crash
        if tok.dep_ == "compound":
            return None
        if w in ("fire", "fires") and (tok.head.lower_ in ("under", "on")
                                       or modifiers & {"friendly", "cross", "sniper", "enemy"}):
            return None  # fmt: skip
        if w in ("outbreak", "outbreaks") and any(t.lower_ in L.VIOLENCE_NOUNS for t in args):
            return None  # "an outbreak of violence" is read as the violence
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if of and w not in ("outbreak", "outbreaks", "epidemic") and not set().union(
            *(classes(t) for t in of)
        ) & {"person", "target", "hazard"}:
            return None  # "a flood of orders", "a storm of criticism", "the collapse of talks"
        return "disaster"
    if w in L.PROTEST_NOUNS:
        if w in ("march", "marches") and tok.text[:1].isupper():
            return None  # the month
        if tok.dep_ == "pobj" and tok.head.lower_ == "at" and tok.head.head.lower_ in L.SAY_VERBS:
            return None  # "said at a rally": a setting, not the news
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in (
            "months", "weeks", "years", "days", "wave", "series"
        ):
            return None  # "months of protests": the background of the news
        occurs = tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lower_ in L.OCCUR_VERBS
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head
        joined = governor.lower_ in L.JOIN_VERBS  # "took part in a march", "joined the rally"
        aimed = any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in tok.children)
        dated = any((classes.labels.get(t.i) or t.ent_type_) in _DATES for t in tok.subtree)
        if occurs or joined or aimed or found & {"person", "number", "armed"} or dated:
            return "protest"  # "held a protest", "a protest by teachers", "protests on Monday"
        return None
    if w in L.DIPLOMACY_NOUNS and _diplomatic(tok):
        return "diplomacy"
    return None


def _diplomatic(tok) -> bool:
    """Talks or an agreement between governments, their envoys or armed parties about war or
    security, not about trade, business or sport."""
    words = {t.lower_ for t in tok.sent}
    if _infinitive(tok) or not words & L.SECURITY_WORDS and tok.lower_ not in (
        "ceasefire", "truce", "peace"
    ):
        return False
    if words & L.NOT_DIPLOMACY or words & L.SPORT_WORDS:
        return False
    if words & L.OTHER_SENSE["business"] - {"deal", "deals"}:
        return False
    parties = [t for t in tok.sent if t.ent_type_ in ("GPE", "NORP") or t.lower_ in L.GOVERNMENT_NOUNS]
    return bool(parties)
