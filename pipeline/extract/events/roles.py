"""Roles: who acted and against whom, and the event's actor1 and actor2 with their kinds.

Roles come from the dependency parse: the subject of an active violent verb (or the "by" agent
of a passive one) is an agent, its object (or passive subject) a target; of a noun cue ("an
attack on a checkpoint by militants"), the possessor, the "by" phrase and the subject of a verb
that does the act ("gunmen opened fire") act, as does the "from" phrase of "under attack from"
(whose subject suffers: "a patrol came under attack from militants");
the "on", "against", "with" or "between" phrase
suffers. A victim's verb that never goes without its object, with a subject and no auxiliary or
object, is a headline's passive ("Two soldiers killed in ambush"): its subject suffers, as does
the noun a passive participle modifies ("the man killed in the attack"). Each role is a
`Phrase`: the noun phrase (its modifiers, compounds, appositions and an "of" complement, never a
relative clause) and its head word. Without a parse, `regex_roles` reads targets from the words
next to a violent verb ("killed two farmers", "two farmers were killed"), for the typing rules
only.

actor1 is the first agent of an event's sentences that names an actor, actor2 the first target
that names another one. Each is an `Actor`, a name and its kind (`ActorKind`), found in this
order:

1. an entity the phrase names: at its head ("the Taliban") first; off the head, a generic group
   of a person, group or site noun ("a police checkpoint": "police"), or an organisation of an
   armed, member or site noun ("a Taliban commander", "members of Al Sham Corps"), never a
   person's or people's name there ("Trump supporters": the supporters act). The name is the
   entity's canonical name; the kind a generic group's own (entities.actors), for a named
   organisation the kind of the generic group the text names after it ("Taliban militants" make
   the Taliban an armed group), else `named` (persons, peoples, organisations, states);
2. a nationality or side adjective ("Russian", "pro-Houthi") is no actor alone: with a force
   word (FORCE_WORDS: forces, troops, military...) within three words after it in the phrase
   (not "Saudi-led") it names that side's forces, "Russian forces": state forces of a country's
   people, else an armed group; without one, nothing;
3. else a generic phrase, as written without determiners and counts ("Nearly 100 people" ->
   "people"), when its head is a person or group noun (after "members of", "a group of", its
   complement's); its kind the first of ACTOR_KIND_WORDS its words name ("armed men": an
   unidentified armed group); forces or a site that a state's word owns ("regime forces",
   "governmental positions") are state forces; a phrase of no kind ("forces" alone, "a
   checkpoint") is no actor. A capital that only begins the sentence is dropped.

Civilians who act in a protest or a riot are protesters or rioters (`as_crowd`, by the event's
type).

Never an actor: a place (a town, a region, a territory, also where the model took a province's
name or a town's one-word name for a person's or organisation's; a country only as the state at
the head of the phrase, never as a modifier: "the US dollar"), a news outlet, a building, a
weapon, a pronoun or possessive ("their positions"), a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract import prefilter
from pipeline.extract.entities import places
from pipeline.extract.events.lexicon import (
    ACT_ALONE,
    ACTOR_KINDS,
    AIMED,
    ARMED_PEOPLE,
    ARMED_SITE,
    CIVILIAN_PEOPLE,
    COLLECTIVE,
    CROWD,
    FIRED_AT,
    FORCE,
    GUNMEN,
    HEADLINE_PASSIVE,
    LIGHT_VERB,
    PHRASE_DROP,
    PRONOUNS,
    PROTESTER,
    STATE_OWNER,
    VICTIM_AFTER,
    VICTIM_BEFORE,
    VIOLENT_VERB,
)
from pipeline.vocabulary import ActorKind, EntityType, EventType


@dataclass
class Roles:
    """Who acted and against whom in a passage, as phrases (what the typing rules read)."""

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


class Phrase(NamedTuple):
    """A role's noun phrase: [start, end) in the text, and [head_start, head_end) of its head."""

    start: int
    end: int
    head_start: int
    head_end: int


def _phrase(tok) -> Phrase:
    """The noun phrase headed by `tok`: its left modifiers, compounds, appositions and an 'of'
    complement ('members of Al Sham Corps'), without relative clauses."""
    doc = tok.doc
    left, right = tok.left_edge.i, _right_end(tok)
    end = doc[right].idx + len(doc[right].text)
    return Phrase(doc[left].idx, end, tok.idx, tok.idx + len(tok.text))


def _right_end(tok) -> int:
    """Index of the last token of the name `tok` heads (never of a relative clause in it)."""
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos"):
            right = max(right, _right_end(child))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for p in child.children:
                if p.dep_ == "pobj":
                    right = max(right, _right_end(p))
    return right


def _passive(verb) -> bool:
    """A passive verb, or a headline's: a victim's verb that never goes without its object
    ("killed", "abducted"), with a subject and neither an auxiliary nor an object ("Two soldiers
    killed in ambush", "Nearly 100 people killed in Kano")."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"nsubjpass", "auxpass"}:
        return True
    return (
        "nsubj" in deps
        and not deps & {"aux"}
        and verb.tag_ in ("VBN", "VBD")
        and HEADLINE_PASSIVE.fullmatch(verb.text) is not None
        and not _has_object(verb)
    )


def _has_object(verb) -> bool:
    """An object, or a count the parse reads as a preposition ("abducted between 30 and 40
    civilians")."""
    return any(
        c.dep_ in ("dobj", "dative")
        or c.dep_ == "prep"
        and c.lower_ == "between"
        and any(_counted(p) for p in _pobjs(c))
        for c in verb.children
    )


def _modified_noun_role(verb) -> str | None:
    """The role of the noun a violent participle or clause modifies: "the man killed in the
    attack", "20 people arrested" suffer; with an object, or of an act done without one, a clause the parse hung on
    its subject acts ("Armed men killed two farmers", "Hundreds of teachers protested" read as
    "men [killed two farmers]", "teachers [protested]")."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if _has_object(verb) or ACT_ALONE.fullmatch(verb.text):
        return "agent"
    return "target" if verb.tag_ == "VBN" else None  # a passive participle


def _pobjs(prep) -> list:
    """The objects of a preposition, and the one of a count inside it: "on between 30 and 40
    civilians" (spaCy reads "between" as a second preposition)."""
    out = []
    for p in prep.children:
        if p.dep_ == "pobj":
            out.append(p)
        elif p.dep_ == "prep" and p.lower_ == "between":
            out += [q for q in p.children if q.dep_ == "pobj"]
    return out


def _counted(tok) -> bool:
    return any(c.dep_ == "nummod" for c in tok.children)


_NOT_ACTOR_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY"}
_TARGET_PREPS = ("with", "on", "against", "upon")


def parse_roles(
    sent, text: str | None = None, verbs: list | None = None
) -> tuple[Roles, list[Phrase], list[Phrase]]:
    """Roles of a parsed sentence (a spaCy Span): phrases, and the `Phrase` of each for actor1
    (agents) and actor2 (targets), in the order the verbs come. `verbs`: the sentence's tokens
    whose word is a violent verb, when the caller has them (see detect.Marks)."""
    roles = Roles()
    agent_spans: list[Phrase] = []
    target_spans: list[Phrase] = []
    # Doc.text joins every token of the document: pass the text in when calling per sentence
    text = sent.doc.text if text is None else text

    def add(kind, tok):
        span = _phrase(tok)
        phrase = text[span.start : span.end]
        (roles.agents if kind == "agent" else roles.targets).append(phrase)
        (agent_spans if kind == "agent" else target_spans).append(span)

    if verbs is None:
        verbs = [tok for tok in sent if is_violent_verb(tok.text)]
    for tok in verbs:
        if tok.pos_ in ("VERB", "AUX"):
            _verb_roles(tok, add)
        elif tok.pos_ == "NOUN":
            _noun_roles(tok, add)
    return roles, agent_spans, target_spans


def _verb_roles(verb, add) -> None:
    """The agents and targets of a violent verb, given to `add(kind, token)` in order."""
    children = list(verb.children)
    passive = _passive(verb)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        passive = passive or _passive(verb.head)
    for s in subjects:
        add("target" if passive else "agent", s)
    if not subjects and (role := _modified_noun_role(verb)):
        add(role, verb.head)
    for c in children:
        if c.dep_ == "dobj":
            add("target", c)
        elif c.dep_ == "agent":
            for p in _pobjs(c):
                add("agent", p)
        elif c.dep_ == "prep" and (
            c.lower_ in _TARGET_PREPS or c.lower_ == "at" and AIMED.fullmatch(verb.text)
        ):
            for p in _pobjs(c):
                if p.ent_type_ not in _NOT_ACTOR_ENTS:
                    add("target", p)
        elif c.dep_ == "prep" and c.lower_ == "between":
            # "abducted between 30 and 40 civilians": a count read as a preposition
            for p in _pobjs(c):
                if _counted(p):
                    add("target", p)


def _noun_roles(noun, add) -> None:
    """Of a noun cue ("an attack on a checkpoint by militants", "Trump's meeting with
    Zelenskyy"): the possessor and the "by" phrase act, and the subject of a verb that does the
    act ("gunmen opened fire", "militants launched an attack"); the "on", "against", "with" or
    "between" phrase suffers, also where the parse hangs one on the other ("the attack by
    militants on two farmers", "an attack on a teacher by gunmen")."""
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and LIGHT_VERB.fullmatch(verb.text):
        for c in verb.children:
            if c.dep_ == "nsubj" and noun.dep_ == "dobj":
                add("agent", c)
            elif c.dep_ == "agent":  # "an attack carried out by militants"
                for p in _pobjs(c):
                    add("agent", p)
    if _under(noun):  # "a patrol came under attack": the subject suffers
        for c in noun.head.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                add("target", c)
    for c in noun.children:
        if c.dep_ == "poss":
            add("agent", c)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "between"):
            for p in _pobjs(c):
                add("target", p)
                for r in _hung_on(p, ("by",)):
                    add("agent", r)
        elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and _under(noun)):
            for p in _pobjs(c):
                add("agent", p)
                for r in _hung_on(p, ("on", "against")):
                    add("target", r)


def _under(noun) -> bool:
    """ "came under attack from militants": the "from" phrase of a noun under "under" acts."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under"


def _hung_on(tok, preps: tuple[str, ...]) -> list:
    """The objects of the prepositions `preps` that the parse hung on `tok` rather than on the
    noun cue before it."""
    return [r for q in tok.children if q.dep_ == "prep" and q.lower_ in preps for r in _pobjs(q)]


# --- actor1 and actor2 --------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Who acted or suffered: an entity's canonical name or a generic phrase, and its kind."""

    name: str
    kind: ActorKind


def name_actors(entities, infos, text) -> tuple[Actor | None, Actor | None]:
    """actor1 (the first agent of the event's sentences that names an actor) and actor2 (the
    first target that names another one). `infos`: the sentences' readings
    (detect.read_sentence), with the `Phrase` of each agent and target in "agent_spans" and
    "target_spans"."""
    named_kinds = _named_kinds(entities)
    actor1 = actor2 = None
    for i in infos:
        for phrase in i["agent_spans"]:
            if actor1 is None:
                actor1 = _actor(entities, Phrase(*phrase), text, named_kinds)
        for phrase in i["target_spans"]:
            if actor2 is None:
                found = _actor(entities, Phrase(*phrase), text, named_kinds)
                if found is not None and (actor1 is None or found.name != actor1.name):
                    actor2 = found
    return actor1, actor2


def as_crowd(actor: Actor | None, event_type: str) -> Actor | None:
    """actor1 of a protest or a riot: civilians who act there are protesters or rioters
    ("residents blocked the road", "villagers lynched a thief"); any other actor as it is."""
    kind = _CROWD_KINDS.get(event_type)
    if actor is None or kind is None or actor.kind != ActorKind.CIVILIANS:
        return actor
    return Actor(actor.name, kind)


_CROWD_KINDS = {EventType.PROTESTS: ActorKind.PROTESTERS, EventType.RIOTS: ActorKind.RIOTERS}


def _actor(entities, phrase: Phrase, text: str, named_kinds: dict[int, ActorKind]) -> Actor | None:
    """The actor a phrase names: an entity, a side's forces, or a generic group (see above)."""
    ent = _entity_at(entities, phrase, text)
    if ent is not None:
        kind = ent.kind if ent.kind != ActorKind.NAMED else named_kinds.get(id(ent), ent.kind)
        return Actor(ent.name, ActorKind(kind))
    return _side_forces(entities, phrase, text) or _generic(entities, phrase, text)


def _named_kinds(entities) -> dict[int, ActorKind]:
    """The kind each named organisation (by id) takes from the generic group the text names
    after it: a group's mention that begins where one of its own begins ("Taliban militants")."""
    group_at: dict[int, ActorKind] = {}
    for group in entities:
        if group.kind != ActorKind.NAMED:
            for start, _ in group.mentions:
                group_at.setdefault(start, ActorKind(group.kind))
    kinds = {}
    for ent in entities:
        if ent.kind == ActorKind.NAMED and ent.type == EntityType.ORG:
            kind = next((group_at[a] for a, _ in ent.mentions if a in group_at), None)
            if kind is not None:
                kinds[id(ent)] = kind
    return kinds


# a phrase's person or organisation names the actor better than a people or a state
_ACTOR_RANK = {"PERSON": 0, "ORG": 0, "NORP": 1, "GPE": 2}


def _entity_at(entities, phrase: Phrase, text: str):
    """The canonical entity the phrase names as an actor, else None: one at its head first; off
    the head (a modifier, the "of" complement), a generic group of a person or group noun or of
    a site ("a police checkpoint"), or an organisation of an armed, member or site noun ("a
    Taliban commander", "members of Al Sham Corps", "the TMF's checkpoint"), never a person's
    or a people's name ("Trump supporters", "Kurdish villagers": those people act). A country
    only at the head (the state), no other place, no news outlet, no nationality adjective."""
    found = []
    head = None  # what the head names, "armed" or "people" or "": read when needed
    for ent in entities:
        if ent.type not in _ACTOR_RANK or places.normalize(ent.name) in places.news_outlets():
            continue
        for a, b in ent.mentions:
            if not (phrase.start <= a and b <= phrase.end) or _adjective(ent, text[a:b]):
                continue
            at_head = a <= phrase.head_start and phrase.head_end <= b
            if ent.type == EntityType.GPE and not places.is_state(ent.name) or _place(ent):
                continue
            if not at_head:
                head = _head_names(text[phrase.start : phrase.head_end]) if head is None else head
                group = ent.kind != ActorKind.NAMED
                if not (group and head or ent.type == EntityType.ORG and head == "armed"):
                    continue
            found.append((not at_head, _ACTOR_RANK[ent.type], a, a - b, ent))
    # the head's name first; then the first name in the phrase, of two starting there the longer
    return min(found, key=lambda f: f[:4])[4] if found else None


def _head_names(words: str) -> str:
    """What the last of `words` (a phrase up to its head) names: "armed" people, members or a
    site ("commander", "members", "checkpoint"), other "people" ("workers"), or nothing ("")."""
    if any(_ends_with(rx, words) for rx in (ARMED_PEOPLE, GUNMEN, COLLECTIVE, ARMED_SITE)):
        return "armed"
    return "people" if _names_people(words) else ""


def _place(ent) -> bool:
    """A place the model took for a name: a province's ("Balochistan"), or a town's or country's
    one-word name as a person's ("Kharkiv"). (An organisation may share a town's name.)"""
    if ent.kind != ActorKind.NAMED or ent.type not in (EntityType.PERSON, EntityType.ORG):
        return False
    if places.is_subdivision(ent.name):
        return True
    one_word = len(ent.name.split()) == 1
    return ent.type == EntityType.PERSON and one_word and places.known_place(ent.name)


_SIDE = re.compile(r"(?:pro|anti)-\S+", re.I)


def _adjective(ent, written: str) -> bool:
    """A nationality or side adjective ("Russian", "pro-Houthi"): no actor by itself. A people
    named in the plural ("Palestinians") or not by a country ("Fulani") is one."""
    if _SIDE.fullmatch(written):
        return True
    return (
        ent.type == EntityType.NORP
        and not written.endswith("s")
        and places.country_of_demonym(written) is not None
    )


def _side_forces(entities, phrase: Phrase, text: str) -> Actor | None:
    """ "Russian forces" for a nationality adjective followed by a force word within three words
    of the phrase ("Russian military drones"; not "Saudi-led"); an armed group for a side that is
    no country's people ("pro-Houthi forces")."""
    for ent in entities:
        for a, b in ent.mentions:
            written = text[a:b]
            if not (phrase.start <= a and b <= phrase.end) or not _adjective(ent, written):
                continue
            after = text[b : phrase.end]
            if after[:1] == "-" or not FORCE.search(" ".join(after.split()[:3])):
                continue
            state = places.country_of_demonym(written) is not None and not _SIDE.fullmatch(written)
            kind = ActorKind.STATE_FORCES if state else ActorKind.ARMED_GROUP
            side = written[0].lower() + written[1:] if _SIDE.fullmatch(written) else written
            return Actor(f"{side} forces", kind)
    return None


def _generic(entities, phrase: Phrase, text: str) -> Actor | None:
    """A generic phrase ("unidentified gunmen", "village teacher") without determiners and
    counts, when its head names people; with its kind, or None when it says nothing of whose."""
    head = text[phrase.head_start : phrase.head_end]
    body = _drop_counts(text[phrase.start : phrase.head_end])
    if not body or COLLECTIVE.fullmatch(head):
        body = _drop_counts(text[phrase.start : phrase.end])  # "dozens of protesters"
    words = body.split()
    if not words or len(words) > 6 or words[0].lower() in PRONOUNS:
        return None
    kind = _kind(body)
    if kind is None:
        return None
    if _capitalised_as_first_word(entities, text, phrase.start, words[0]):
        body = body[0].lower() + body[1:]  # "Police officers fired ..." at a sentence start
    return Actor(body, kind)


def _drop_counts(phrase: str) -> str:
    """The phrase without the determiners and counts in front: "Nearly 100 people" -> "people"."""
    phrase = re.sub(r"\s+", " ", phrase.strip())
    while (shorter := PHRASE_DROP.sub("", phrase)) != phrase:
        phrase = shorter
    return phrase


def _names_people(words: str) -> bool:
    """Whether `words` end in a person or group noun ("air force", "members of the clan")."""
    return any(
        _ends_with(rx, words) for rx in (ARMED_PEOPLE, GUNMEN, PROTESTER, CROWD, CIVILIAN_PEOPLE)
    )


def _kind(phrase: str) -> ActorKind | None:
    """The kind of a generic phrase whose head names people or an armed site: the first of
    ACTOR_KIND_WORDS it names, else state forces for forces or a site a state's word owns."""
    people = _names_people(phrase)
    if not people and not _ends_with(ARMED_SITE, phrase):
        return None  # a building, a weapon, a thing
    for kind, rx in ACTOR_KINDS:
        if rx.search(phrase):
            return kind
    if STATE_OWNER.search(phrase):
        return ActorKind.STATE_FORCES
    return None


def _ends_with(rx: re.Pattern, words: str) -> bool:
    return any(m.end() == len(words) for m in rx.finditer(words))


def _capitalised_as_first_word(entities, text: str, start: int, word: str) -> bool:
    """Whether `word`, at `start`, has a capital only because it begins a sentence: not in
    capitals, not the start of a name ("Kharkiv residents")."""
    if not word[:1].isupper() or word.isupper() or not text.startswith(word, start):
        return False
    before = text[:start].rstrip()
    if before and before[-1] not in ".!?:;\"'”\n":
        return False
    return not any(a == start for e in entities if e.kind == ActorKind.NAMED for a, _ in e.mentions)
