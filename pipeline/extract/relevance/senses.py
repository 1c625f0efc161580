"""Which incident a word reports in its literal sense, if any (`kind_of`).

- A verb of plain violence ("killed", "stabbed", "abducted") is literal unless its patient
  belongs to another sense (a bill, profits, an animal, a plan). A violent verb with common
  other senses ("attacked", "shot", "exploded", "battled") is literal unless an argument or the
  frame says otherwise ("shares shot up", "attacked the proposal", "battled to a draw"); "hit",
  "struck", "targeted" need a weapon or an armed actor as agent ("a missile struck a school",
  not "struck a deal", "tariffs hit farmers").
- A disaster verb needs a hazard, a vehicle or a building ("the bus overturned", not "talks
  collapsed"); a protest verb people, no pronoun alone and no sport, and for "marched",
  "rallied", "blocked" what makes them a protest (a demand, a road); an arrest needs armed men,
  protesters or activists, or a violent setting, and never a drug case; a diplomatic verb or
  noun governments, envoys or armed parties talking about war or security, not trade.
- An event noun is literal unless a compound changes its sense ("heart attack", "price war",
  "trade talks"; a "labour strike" is a protest), its argument belongs to another sense ("a
  flood of orders"), or it is the background of other news ("stocks fell amid protests"); a
  few need what makes them an occurrence ("violence erupted", "conducted a patrol", "a protest
  by teachers", "held a sit-in"); a body is news when it is found.
- A capture or a killing told with a complement or a particle ("were taken hostage", "took
  eight villagers captive", "mowed down", "whisked away") is violence against the people it
  names, not what escorts or vehicles do; a strike people go on, a shutdown they observe, a
  human chain with a demand are protests; a base set up by armed men, a town left without a
  fight strategic; sport words that name the victims ("football fans were abducted") leave the
  sentence literal.
- Beside people killed, hurt or displaced, a violence or disaster noun is their cause
  (`cause_of`: "displaced by fighting", "fled the floods"); a killing in a sentence of a crash
  or a flood, with no armed agent, is its victims' (`victims_only`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.relevance import lexicon as L
from pipeline.extract.relevance.arguments import (
    ARG_PREPS,
    OBJECTS,
    SENSES,
    Args,
    arguments,
    captivity,
    expand,
    with_hung_objects,
)
from pipeline.extract.relevance.frames import DATES, Frame, infinitive, sport_outside

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

_NOUN_ARGS = ARG_PREPS | {"for"}


def kind_of(tok, classes, fr: Frame) -> str | None:
    """The kind of incident `tok` reports in its literal sense, or None."""
    if (classes.labels.get(tok.i) or tok.ent_type_) in DATES:  # "in March": a month
        return None
    if (
        tok.lower_ in L.DISPLACE_VERBS
        and tok.dep_ in ("acomp", "oprd", "xcomp")
        and any(c.dep_ == "nsubj" for c in tok.head.children)
    ):
        return "casualty"  # "161,000 people remained displaced"
    if tok.pos_ in ("VERB", "AUX"):
        if tok.lower_ not in L.READ_VERBS:  # no rule reads it: only protesters make it one
            return "protest" if not fr.sport and _by_protesters(tok) else None
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
    args = arguments(tok, classes)
    if "number" in args.any and w in L.STRONG_VIOLENCE_VERBS | L.CASUALTY_VERBS | L.DISPLACE_VERBS:
        args = Args(
            args.agents | ({"person"} if "number" in args.agents else set()),
            args.patients | ({"person"} if "number" in args.patients else set()),
            args.pronoun_only,
            args.words,
        )  # fmt: skip  "killed 12": a count of people
    p = args.patients
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    if captivity(tok) or particles & L.PHRASAL_VIOLENCE.get(w, frozenset()):
        return _phrasal_violence(tok, with_hung_objects(tok, args, classes), particles, fr)
    if w in L.HARM_VERBS and not args.agents & {"armed", "weapon", "person"}:
        return _harm_unsaid(w, tok, args, fr)
    if w in L.STRONG_VIOLENCE_VERBS | L.WEAK_VIOLENCE_VERBS:
        strong = w in L.STRONG_VIOLENCE_VERBS
        return "violence" if _violent_sense(w, tok, args, particles, fr, strong) else None
    if w in L.THROW_VERBS:  # "threw a grenade at police", "pelted stones"
        return "violence" if p & {"weapon"} and not fr.sport else None
    if w in L.AGENT_VIOLENCE_VERBS:  # "a missile struck a school", not "tariffs hit customers"
        weapon = any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.lower_ in L.WEAPON_NOUNS for g in c.children) for c in tok.children)  # fmt: skip
        return (
            "violence" if (args.agents & {"weapon", "armed"} or weapon) and not fr.sport else None
        )
    if w in L.DISASTER_VERBS:
        return "disaster" if _disaster(w, tok, args) else None
    if w in L.PROTEST_VERBS:
        return "protest" if _protest(w, tok, args, fr) else None
    if w in L.CASUALTY_VERBS | L.DISPLACE_VERBS:
        return _casualty_verb(w, tok, args, fr)
    if w in L.DIPLOMACY_VERBS and _diplomatic(tok):
        return "diplomacy"
    return _development(w, tok, args, particles, fr)


def _phrasal_violence(tok, args: Args, particles: set[str], fr: Frame) -> str | None:
    """A capture or a killing told with a verb and its complement ("were taken hostage",
    "mowed down 19 passengers", "were whisked away"): violence against people, unless a vehicle
    did it ("mowed down by a truck"), escorts took someone to safety ("whisked away by his
    bodyguards") or the victims are of another sense ("held the economy hostage")."""
    agents = {t.lower_ for c in tok.children if c.dep_ == "agent" for t in c.subtree}
    if agents & L.ESCORT_NOUNS:
        return None
    if args.agents & {"hazard"} and not args.agents & {"armed", "weapon"}:
        killed = tok.lower_ in L.forms("mow")  # "mowed down by a truck": as "killed by a truck"
        return _harm_unsaid("kill", tok, args, fr) if killed else None
    if not args.patients & {"person", "armed", "pronoun", "number"}:
        return None  # "carried off the trophy": the victims are people
    return "violence" if _violent_sense(tok.lower_, tok, args, particles, fr, True) else None


def _harm_unsaid(w: str, tok, args: Args, fr: Frame) -> str | None:
    """ "were killed", "six were injured", "homes were damaged", "a bus plunged ..., killing
    13": harm whose doer the clause does not name is the casualties of whatever the text says
    caused it (violence beside armed men or weapons, a disaster beside a hazard), not violence
    by itself."""
    if tok.dep_ == "amod" or infinitive(tok):
        return None  # "wounded soldiers": who, not what
    if args.patients & SENSES and not args.patients & {"person", "armed", "target", "pronoun"}:
        return None  # "killed the bill", "damaged his reputation"
    if w in L.forms("destroy") and args.patients & {"weapon"} and not fr.sport:
        return "strategic"  # "destroyed a number of arms and depots": weapons put out of use
    if fr.sport or not args.any & {"person", "armed", "pronoun", "target"}:
        return None
    words = {t.lower_ for t in tok.sent}
    if args.agents & {"hazard"} and not (fr.armed or words & L.VIOLENCE_MARKS):
        return "disaster"  # "floods killed nine", "a bus plunged into a ravine, killing 13"
    return "casualty"


def _casualty_verb(w: str, tok, args: Args, fr: Frame) -> str | None:
    """ "were killed", "died", "fled", "were evacuated": people hurt or displaced."""
    a, p = args.agents, args.patients
    if tok.dep_ == "amod":
        return None  # "internally displaced persons", "wounded soldiers": who, not what
    if w in L.forms("hurt") and a and not a & {"person", "armed", "weapon", "hazard"}:
        return None  # "tariffs hurt farmers"
    if (a | p) & {"person", "pronoun"} and not (a | p) & {"nature"} and not fr.sport:
        return "casualty"
    return None


_HELD = L.plain("prisoners hostages captives detainees soldiers abductees")


def _development(w: str, tok, args: Args, particles: set[str], fr: Frame) -> str | None:
    """Arrests, seizures, thefts by armed men, releases of prisoners, movements of forces, a
    crowd's acts: the strategic developments and protests that are not told with a protest or
    violence verb."""
    a, p = args.agents, args.patients
    if fr.sport:
        return None
    words = {t.lower_ for t in tok.sent}
    if w in L.forms("set") and {c.lower_ for c in tok.subtree} & {"alight", "ablaze"}:
        return "violence"  # "set alight four suspected thieves"
    if w in L.forms("charge") and any(c.lower_ == "baton" for c in tok.children):
        return "violence"  # "baton charged traders"
    if w in L.STEAL_VERBS and (a & {"armed"} or fr.armed):
        return "strategic"  # "militias stole 43 cows"
    if w in L.RELEASE_VERBS and {c.lower_ for c in tok.subtree} & _HELD:
        return "strategic"  # "released 48 soldiers held as prisoners"
    if w in L.ARREST_VERBS:  # of armed men, protesters, activists, or in a violent setting
        if p & SENSES - {"debate"} or words & _CRIME:
            return None
        patients = {t.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                    for t in c.subtree}  # fmt: skip
        if patients & L.CONFLICT_PATIENTS or (a | p) & {"armed"} or words & L.VIOLENCE_MARKS:
            return "strategic"  # by police or troops, of militants, protesters, activists
        return None
    if w in L.SEIZE_VERBS:  # "seized the town", "captured two soldiers", "confiscated arms"
        if p & SENSES and not p & {"target", "weapon"}:
            return None  # "captured the title"
        if words & _CRIME:  # "police forces seized 3 tons of marijuana": by armed men only
            return "strategic" if a & {"armed"} and not fr.sport else None
        armed_men = p & {"person", "armed"} and (a | p) & {"armed"}
        return "strategic" if p & {"target", "weapon"} or armed_men else None
    if _by_protesters(tok):
        return "protest"  # "protesters rejected the proposal", "demonstrators chanted"
    built = w in L.BUILD_VERBS or (w in L.forms("set") and "up" in particles)  # "set up a base"
    if built and (a & {"armed"} or fr.armed) and {
        c.lower_ for c in tok.children if c.dep_ in OBJECTS} & L.MILITARY_SITES:  # fmt: skip
        return "strategic"  # "forces continued work to establish a military post"
    if w in L.MOVE_VERBS and (a | p) & {"armed"}:
        return "strategic"  # "troops deployed", "reinforcements arrived", "forces withdrew"
    if w in L.MOVE_VERBS and _uncontested(tok) and args.any & {"target"} and not args.any & SENSES:
        return "strategic"  # "withdrew from the town without a fight": territory changes hands
    if w in L.forms("take") and "over" in particles and (a & {"armed", "person"}) and p:
        return "strategic" if a & {"armed"} else "protest"  # "demonstrators took over a hall"
    return None


def _by_protesters(tok) -> bool:
    return tok.dep_ in ("ROOT", "conj") and any(
        g.lower_ in L.PROTESTER_NOUNS for c in tok.children if c.dep_ == "nsubj" for g in expand(c)
    )


def _uncontested(tok) -> bool:
    """ "without a fight", "without resistance": a movement no fight contested."""
    return any(
        c.dep_ == "prep" and c.lower_ == "without" and any(
            g.lower_ in L.UNCONTESTED for g in c.children)
        for c in tok.children
    )  # fmt: skip


def _violent_sense(w: str, tok, args: Args, particles: set[str], fr: Frame, strong: bool) -> bool:
    """Whether a violent verb is used in its literal sense (the module docstring's rules)."""
    a, p = args.agents, args.patients
    victims = {"person", "armed", "target", "pronoun"}
    if infinitive(tok):
        return False
    if p & SENSES and not p & victims:
        return False  # "killed the bill", "attacked the proposal", "battles rising costs"
    if not p and a & SENSES and not a & {"person", "armed", "weapon"}:
        return False  # "the film bombed", "sales exploded"
    if fr.sport and not fr.armed and not (strong and _victims_named_by_sport(tok, p)):
        return False
    if any(c.lower_ == "you" for c in tok.children if c.dep_ in OBJECTS):
        return False  # "bombarding you with suggestions": a report's victims are not "you"
    if strong:
        return not (particles & {"out", "up"} and w in L.forms("shell"))  # "shelled out"
    if a & {"business", "debate"} and not p & victims:
        return False  # "inflation hit 8%"
    if not args.words:
        return False  # "well executed", "a battling display": nothing says who or what
    if not p and args.pronoun_only:
        return False  # "they shoot competitively", "we fight on": no victim, no doer named
    if "back" in particles and not a & {"armed", "weapon"}:
        return False  # "the ministry fired back", "she hit back at critics": a reply
    if w in L.forms("explode") | L.forms("blow"):
        return bool(args.any & {"weapon", "target", "armed", "number"})
    if w in L.forms("execute"):
        return bool(p & {"person", "armed", "pronoun", "number"})
    if w in L.forms("fire"):  # "fired shots at", "opened fire on"; not "fired the coach"
        at = any(
            c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in tok.children
        )
        return bool(p & {"weapon"}) or at or not p
    if w in L.forms("shoot"):
        return "up" not in particles and not any(
            c.dep_ == "prep" and c.lower_ in ("past", "wide") for c in tok.children
        )  # "shares shot up", "shot past the keeper"
    if w in L.forms("hit") | L.forms("strike"):
        objects = {c.lower_ for c in tok.children if c.dep_ in OBJECTS}
        if objects & {"deal", "agreement", "record", "high", "low", "note", "chord", "target"}:
            return False  # "struck a deal", "hit a record high"
        return not any(c.ent_type_ in ("PERCENT", "MONEY") for c in tok.subtree)
    if w in L.forms("beat"):
        return bool((p | a) & {"person", "pronoun", "armed"}) and not any(
            c.ent_type_ in ("GPE", "ORG", "NORP") for c in tok.children if c.dep_ in OBJECTS
        )  # "beat Croatia" is a match
    if w in L.forms("fight") | L.forms("battle") | L.forms("clash"):
        return not args.any & SENSES and not args.pronoun_only
    return True


def _victims_named_by_sport(tok, patients) -> bool:
    """ "ten football fans were abducted": the sport words say who the victims are; the rest of
    the sentence tells no match."""
    victims = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    return bool(victims and patients & {"person"}) and not sport_outside(tok.sent, victims)


def _disaster(w: str, tok, args: Args) -> bool:
    both = args.any
    if both & SENSES and not both & {"hazard", "person"}:
        return False  # "talks collapsed", "markets crashed", "sank a putt"
    if w in L.forms("bury"):
        return bool(args.agents & {"hazard"}) or any(  # "buried under rubble", not a grave
            t.lower_ in L.HAZARD_MARKS for t in tok.subtree if t is not tok
        )
    if w in L.forms("overturn") | L.forms("sink") | L.forms("crash") | L.forms("collapse"):
        return bool(both & {"hazard", "target", "person"})  # a bus, a roof; not "exports sank"
    return True


def _protest(w: str, tok, args: Args, fr: Frame) -> bool:
    if fr.sport or args.pronoun_only or args.any & (SENSES - {"debate"}):
        return False
    if args.agents & {"hazard"} and not args.agents & {"person", "armed"}:
        return False  # "debris blocked several roads": a protest is people's act
    if w in L.forms("block") | L.forms("blockade") | L.forms("barricade"):
        blocked = {c.lower_ for c in tok.children if c.dep_ in OBJECTS}
        blocked |= {g.lower_ for c in tok.children if c.dep_ == "prep" for g in c.children}
        return bool(blocked & (_ROADS | L.TARGET_NOUNS))  # "blocked the highway", "the office"
    if w in L.forms("march") | L.forms("rally") | L.forms("gather"):
        context = {t.lower_ for t in tok.subtree}
        return bool(context & _PROTEST_CONTEXT)
    # "demonstrated its skill" is no protest
    return not (w in L.forms("demonstrate") and any(c.dep_ in OBJECTS for c in tok.children))


@dataclass(frozen=True)
class _Noun:
    """An event noun and what surrounds it in the parse."""

    tok: object
    word: str  # its lower case, with "shoot-outs" and "sit-in" put together again
    modifiers: frozenset[str]  # compounds and adjectives
    args: tuple  # the objects of its prepositions
    found: frozenset[str]  # the classes of those and of its compounds and possessor
    classes: object
    fr: Frame

    @property
    def occurs(self) -> bool:  # "fighting broke out", "held a protest"
        return self.tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            self.tok.head.lower_ in L.OCCUR_VERBS
        )


def _noun(tok, classes, fr: Frame) -> _Noun:
    w = tok.lower_
    if w in ("outs", "out") and any(c.lower_ == "shoot" for c in tok.children):
        w = "shootouts"  # "shoot-outs" as the tokenizer splits it
    if w == "in" and any(c.lower_ == "sit" for c in tok.children):
        w = "sit-in"
    modifiers = {
        c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
    }
    args = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _NOUN_ARGS
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    found = set().union(*(classes(t) for t in args)) if args else set()
    found |= set().union(*(classes(c) for c in tok.children if c.dep_ in ("compound", "poss")))
    return _Noun(tok, w, frozenset(modifiers), tuple(args), frozenset(found), classes, fr)


_EVENT_NOUNS = (L.VIOLENCE_NOUNS | L.PROTEST_NOUNS | L.DISASTER_NOUNS | L.DIPLOMACY_NOUNS
                | L.CASUALTY_NOUNS)  # fmt: skip


def _noun_kind(tok, classes, fr: Frame) -> str | None:
    if tok.lower_ not in L.READ_NOUNS:  # no rule reads it: its phrase is not built
        return None
    n = _noun(tok, classes, fr)
    w = n.word
    if w in L.PROTESTER_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "among":
        return None if fr.sport else "protest"  # "party members were among the protesters"
    if w in L.STRATEGIC_NOUNS:  # "conducted a joint patrol", "reinforcements arrived"
        armed = {c.lower_ for c in tok.children} & {"military", "joint", "army", "police"}
        return "strategic" if n.occurs and (armed or fr.armed) and not fr.sport else None
    if w in L.STOPPAGE_NOUNS | L.FORMATION_NOUNS:
        return None if fr.sport else _stoppage(n)
    if w not in _EVENT_NOUNS:
        return None
    if w in ("strike", "strikes") and (n.modifiers & L.LABOUR_STRIKE or _on_strike(tok)):
        return None if fr.sport else "protest"  # "a general strike", "teachers went on strike"
    if n.modifiers & L.NOT_VIOLENT_COMPOUNDS or n.modifiers & L.OTHER_SENSE["nature"]:
        return None  # "heart attack", "price war", "trade talks", "supernova explosions"
    victims = {"person", "armed", "target", "weapon", "hazard"}
    if n.found & SENSES and not n.found & victims and w not in L.PROTEST_NOUNS:
        return (
            None  # "attacks on his loyalty", "a flood of orders"; "a protest against firms" is one
        )
    if (
        (fr.sport and not fr.armed)
        or "amid" in (tok.head.lower_, tok.head.head.lower_)
        or ("despite" in (tok.head.lower_, tok.head.head.lower_) or tok.head.lower_ == "against")
    ):
        return None  # "stocks fell amid (worsening) protests": the background of other news
    if w in ("violence", "offensive") and not (n.occurs or n.found & {"target", "person", "armed"}):
        return None  # "violence erupted"; not "end the violence"
    if _named(tok):
        return None  # "a veteran of the Korean War": a name, not a report
    for reads in (_casualty_noun, _fire_noun, _violence_noun, _disaster_noun, _protest_noun):
        kind = reads(n)
        if kind is not False:
            return kind
    return "diplomacy" if w in L.DIPLOMACY_NOUNS and _diplomatic(tok) else None


def _on_strike(tok) -> bool:
    """ "went on strike", "remain on strike": a strike as a state people go into, a labour
    strike, which the package reads as a protest as it does "a general strike"."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lower_ in L.ON_STRIKE_VERBS


def _stoppage(n: _Noun) -> str | None:
    """ "residents observed a shutdown", "lawyers formed a human chain demanding ...": a
    stoppage or a line of people is a protest as people's act, not a state ("the government
    shutdown") nor a rescue ("formed a human chain to pass sandbags")."""
    tok = n.tok
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    subjects = [c for c in governor.children if c.dep_ == "nsubj"]
    if any(c.lower_ in L.GOVERNMENT_NOUNS or n.classes(c) & (SENSES - {"debate"})
           for c in subjects):  # fmt: skip
        return None  # "the government called a shutdown", "the firm held a shutdown"
    if n.word in L.STOPPAGE_NOUNS:
        joined = governor.lower_ in L.JOIN_VERBS and tok.dep_ in ("dobj", "pobj")
        state = n.modifiers & (L.GOVERNMENT_NOUNS | {"federal"})  # "the government shutdown"
        return "protest" if joined and not state else None
    context = {t.lower_ for t in governor.subtree}
    formed = governor.lower_ in L.FORMATION_VERBS and "human" in n.modifiers
    return "protest" if formed and context & _PROTEST_CONTEXT else None


def _named(tok) -> bool:
    """Whether an event noun is (the head of) a name: capitalised inside a sentence and
    modified by a name or an ordinal ("the Korean War", "the Second World War", "the Battle of
    the Somme" is a name only when capitalised)."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return False
    return (
        tok.ent_type_ == "EVENT"
        or any(
            c.dep_ in ("compound", "amod", "nmod") and (c.text[:1].isupper() or c.pos_ == "NUM")
            for c in tok.children
        )
        or tok.lower_ in ("war", "wars", "battle")
        and tok.pos_ == "PROPN"
    )


def _casualty_noun(n: _Noun) -> str | None | bool:
    """ "deaths", "injuries", "displacement", a body found; False when not such a noun."""
    if n.word not in L.CASUALTY_NOUNS:
        return False
    tok = n.tok
    if tok.dep_ == "compound" or n.fr.rate:
        return None  # "body-colour trims", "deaths a year"
    if n.word in L.BODY_NOUNS and not (
        tok.head.lower_ in L.BODY_VERBS or any(c.lower_ in L.BODY_VERBS for c in tok.children)
    ):
        return None  # a body is news when it is found, recovered, dumped
    if n.word == "head" and not {c.lower_ for c in tok.children} & L.plain(
        "human male female severed"
    ):
        return None
    return "casualty"


def _fire_noun(n: _Noun) -> str | None | bool:
    """Fire that is shooting: "exchanged fire", "artillery fire", "Houthi fire", "set on fire"."""
    if n.word not in ("fire", "fires"):
        return False
    tok, head = n.tok, n.tok.head
    shooting = (
        head.lower_ in L.FIRE_VERBS
        or (head.lower_ == "to" and head.head.lower_ in L.inflected("respond"))
        or (head.lower_ == "of" and head.head.lower_ in L.FIRE_NOUNS)
        or (head.lower_ == "on" and head.head.lower_ in L.forms("set"))
        or (tok.dep_ == "dobj" and head.lower_ in L.forms("set"))
        or n.modifiers & (_WEAPON_COMPOUNDS | L.WEAPON_NOUNS | {"heavy", "machine", "machine-gun"})
        or any(t.lower_ in L.ARMED_NOUNS for c in tok.children if c.dep_ == "compound"
               for t in c.subtree)  # "militia members' fire"
        or any(c.dep_ in ("compound", "amod", "poss") and (
            c.ent_type_ in ("NORP", "ORG") or "pro-" in c.lower_
            or c.lower_ in L.ARMED_NOUNS) for c in tok.children)  # "Houthi fire", "rebel fire"
    )  # fmt: skip
    return "violence" if shooting else False


def _violence_noun(n: _Noun) -> str | None | bool:
    if n.word not in L.VIOLENCE_NOUNS:
        return False
    tok = n.tok
    if n.word in ("strike", "strikes") and not n.modifiers & L.REMOTE_STRIKE:
        return None
    if n.word in ("shots", "projectiles", "bursts") and not (
        {t.lower_ for t in tok.subtree} & (L.WEAPON_NOUNS - {"shots", "shot"} | {"fire", "arms"})
        or tok.head.lower_ in L.inflected("fire hear exchange")
    ):
        return None  # "shots involving small arms", "shots were fired"; not vaccine shots
    if tok.dep_ == "compound" and tok.head.lower_ not in ("exchange", "exchanges"):
        return None  # "attack helicopter", "shooting range"
    return "violence"


def _disaster_noun(n: _Noun) -> str | None | bool:
    """Natural hazards and accidents are seldom words of another sense: only a compound ("fire
    brigade"), "under fire", "a flood of emails", a market crash."""
    if n.word not in L.DISASTER_NOUNS:
        return False
    tok = n.tok
    if tok.dep_ == "compound":
        return None
    if n.word in ("fire", "fires") and (
        tok.head.lower_ in ("under", "on") or n.modifiers & {"friendly", "cross", "sniper", "enemy"}
    ):
        return None
    if n.word in ("outbreak", "outbreaks") and any(t.lower_ in L.VIOLENCE_NOUNS for t in n.args):
        return None  # "an outbreak of violence" is read as the violence
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if (
        of
        and n.word not in ("outbreak", "outbreaks", "epidemic")
        and not set().union(*(n.classes(t) for t in of)) & {"person", "target", "hazard"}
    ):
        return None  # "a flood of orders", "a storm of criticism", "the collapse of talks"
    return "disaster"


def _protest_noun(n: _Noun) -> str | None | bool:
    """A protest the text tells of: held, joined, by people, against something, or dated; not
    the month, not a setting ("said at a rally"), not a background ("months of protests")."""
    if n.word not in L.PROTEST_NOUNS:
        return False
    tok, head = n.tok, n.tok.head
    if n.word in ("march", "marches") and tok.text[:1].isupper():
        return None  # the month
    if tok.dep_ == "pobj" and head.lower_ == "at" and head.head.lower_ in L.SAY_VERBS:
        return None  # "said at a rally": a setting, not the news
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in L.plain("months weeks years days wave series")
    ):
        return None  # "months of protests": the background of the news
    governor = head.head if tok.dep_ == "pobj" else head
    joined = governor.lower_ in L.JOIN_VERBS  # "took part in a march", "joined the rally"
    aimed = any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in tok.children)
    dated = any((n.classes.labels.get(t.i) or t.ent_type_) in DATES for t in tok.subtree)
    if n.occurs or joined or aimed or n.found & {"person", "number", "armed"} or dated:
        return "protest"  # "held a protest", "a protest by teachers", "protests on Monday"
    return None


def _diplomatic(tok) -> bool:
    """Talks or an agreement between governments, their envoys or armed parties about war or
    security, not about trade, business or sport."""
    words = {t.lower_ for t in tok.sent}
    if (
        infinitive(tok)
        or not words & L.SECURITY_WORDS
        and tok.lower_ not in ("ceasefire", "truce", "peace")
    ):
        return False
    if words & L.NOT_DIPLOMACY or words & L.SPORT_WORDS:
        return False
    if words & L.OTHER_SENSE["business"] - {"deal", "deals"}:
        return False
    parties = [
        t for t in tok.sent if t.ent_type_ in ("GPE", "NORP") or t.lower_ in L.GOVERNMENT_NOUNS
    ]
    return bool(parties)


def cause_of(tok, fr: Frame) -> str | None:
    """A violence or disaster noun in a sentence where people were killed, hurt or displaced:
    the cause ("displaced by fighting", "killed in clashes", "fled the floods")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or fr.sport or _named(tok):
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


def victims_only(tok, classes) -> bool:
    """A killing with no armed agent or weapon: victims of what the sentence says happened."""
    if tok.lower_ not in L.forms("kill") | L.forms("injure") | L.forms("wound"):
        return False
    args = arguments(tok, classes)
    return not args.agents & {"armed", "weapon", "person"}
