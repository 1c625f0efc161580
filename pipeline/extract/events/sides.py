"""Sides: the ACLED actor kind (codebook.Side) of a role's phrase, read from its words, and the
means of a passage, for the decision table of events.codebook.

A phrase's side, the first that holds:
1. property, when the phrase before its "of" complement names a thing ("the office of the
   party", "the house of a local leader"), not a person;
2. a political militia: a party's people named by their party ("supporters of the National
   Unity Party", "ruling party cadres", "UWL activists"): a party word (party, league,
   congress, ruling, opposition) with a member word, or a short form in capitals before one;
   forces off duty ("a retired soldier") are civilians; a party's own name ("the Harmony
   Party") is its people, unless the phrase names a person ("a Harmony Party leader", "a
   leader of the Harmony Party");
3. an identity militia: a clan's or tribe's people, a community's armed men ("Mbare clan
   militiamen", "tribal fighters", "vigilantes", "armed herders"); else a communal group, the
   people of a community named by it ("youths of the Bobo community"), or rivals who fight
   as a group of their own ("two families", "rival groups"): an identity militia when their
   own words say they are armed ("rival armed factions");
4. the kind of a generic actor (roles' ACTOR_KIND_WORDS): protesters, rioters, an
   unidentified armed group, a rebel group (any other armed group), state forces, civilians.
A phrase of none of these has no side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract import prefilter
from pipeline.extract.events.codebook import Means, Side
from pipeline.extract.events.lexicon import (
    ACTOR_KINDS,
    ARMED,
    CIVILIAN_PEOPLE,
    CLASH,
    COMMUNITY,
    FIRE_EXCHANGE,
    FIREARM,
    GUNMEN,
    IDENTITY,
    KILLING,
    OFF_DUTY,
    PARTY,
    PARTY_MEMBER,
    PARTY_NAME,
    PARTY_SHORT,
    PROPERTY,
    RIVAL_GROUP,
    VIOLENT,
)
from pipeline.extract.events.roles import Actor
from pipeline.vocabulary import ActorKind, EventType

_GENERIC = {
    ActorKind.PROTESTERS: Side.PROTESTERS,
    ActorKind.RIOTERS: Side.RIOTERS,
    ActorKind.UNIDENTIFIED_ARMED_GROUP: Side.UNIDENTIFIED_ARMED_GROUP,
    ActorKind.ARMED_GROUP: Side.REBEL_GROUP,
    ActorKind.STATE_FORCES: Side.STATE_FORCES,
    ActorKind.CIVILIANS: Side.CIVILIANS,
}
_OF = re.compile(r"\s+of\s+", re.I)
_ARMED_WORD = re.compile(r"\barmed\b", re.I)


@lru_cache(maxsize=1 << 14)
def side_of(phrase: str) -> Side | None:
    """The side a role's phrase names (the module docstring), or None."""
    own = _OF.split(phrase, maxsplit=1)[0]  # "the house" of "the house of a local leader"
    if PROPERTY.search(own) and not any(rx.search(own) for _, rx in ACTOR_KINDS):
        return Side.PROPERTY
    lowered_first = phrase[:1].lower() + phrase[1:]  # "Supporters of ..." begins a sentence
    if PARTY_MEMBER.search(lowered_first) and (PARTY.search(phrase) or PARTY_SHORT.search(phrase)):
        return Side.POLITICAL_MILITIA
    if OFF_DUTY.search(phrase):
        return Side.CIVILIANS  # ACLED counts forces off duty as civilians
    if PARTY_NAME.search(phrase) and not _ends_with(CIVILIAN_PEOPLE, own):
        return Side.POLITICAL_MILITIA  # "the Harmony Party", not "a Harmony Party leader"
    if IDENTITY.search(phrase):
        return Side.IDENTITY_MILITIA
    if COMMUNITY.search(phrase) or RIVAL_GROUP.search(phrase):
        # "rival armed factions", "two groups of gunmen": armed by their own words
        armed = ARMED.search(phrase) or GUNMEN.search(phrase) or _ARMED_WORD.search(phrase)
        return Side.IDENTITY_MILITIA if armed else Side.COMMUNAL_GROUP
    for kind, rx in ACTOR_KINDS:
        if rx.search(phrase):
            return _GENERIC[kind]
    return None


def _ends_with(rx: re.Pattern, words: str) -> bool:
    return any(m.end() == len(words) for m in rx.finditer(words))


def first_side(phrases: list[str]) -> Side | None:
    """The side of the first phrase that names one, property only when no phrase names an
    actor ("stormed a market and opened fire on traders": the traders suffer)."""
    sides = [side for phrase in phrases if (side := side_of(phrase)) is not None]
    return next((side for side in sides if side != Side.PROPERTY), sides[0] if sides else None)


_EACH_OTHER = re.compile(r"\beach other\b|\bone another\b", re.I)


def means_of(text: str, lowered: str, persons_hurt: bool) -> Means:
    """How the sides met in `text`: an exchange of fire, firearms, a clash between them, people
    attacked. `persons_hurt`: whether a target is a person."""
    fought = bool(prefilter.search(CLASH, text, lowered))
    clash = fought or bool(_EACH_OTHER.search(text))  # "each other" says who, not what
    return Means(
        fire_exchange=bool(prefilter.search(FIRE_EXCHANGE, text, lowered)),
        firearms=bool(prefilter.search(FIREARM, text, lowered)),
        clash=clash,
        against_persons=persons_hurt or bool(prefilter.search(KILLING, text, lowered)),
        violent=fought or bool(prefilter.search(VIOLENT, text, lowered)),
    )


# an event's actor whose words make it a militia (events.codebook): its kind in that event
_MILITIA_KINDS = {
    Side.POLITICAL_MILITIA: ActorKind.POLITICAL_MILITIA,
    Side.IDENTITY_MILITIA: ActorKind.IDENTITY_MILITIA,
    Side.COMMUNAL_GROUP: ActorKind.IDENTITY_MILITIA,
}
_ARMED_EVENTS = (
    EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.EXPLOSIONS,
)  # fmt: skip
_REFINED = (ActorKind.NAMED, ActorKind.CIVILIANS, ActorKind.ARMED_GROUP)


def as_side(actor: Actor | None, event_type: str) -> Actor | None:
    """An event's actor with the codebook's kind: a party's or a community's people who fight or
    attack ("UWL activists", "the Harmony Party", "Mbare clan militiamen") are a political or
    an identity militia; in a riot they are rioters. Any other actor as it is."""
    if actor is None or actor.kind not in _REFINED:
        return actor
    side = side_of(actor.name)
    if side not in _MILITIA_KINDS:
        return actor
    if event_type == EventType.RIOTS:
        return Actor(actor.name, ActorKind.RIOTERS)
    if event_type in _ARMED_EVENTS:
        return Actor(actor.name, _MILITIA_KINDS[side])
    return actor
