"""Names the model calls places, or persons, that the words around them show are something else.

Run on the voted entities, before places are located (`geo`):

- an organisation's word after the first word ("United Nations", "Polisario Front"), or an
  institution's before "of" ("University of X", "Ministry of Y"), makes a name an ORG;
- a group's cue before every mention of a name that no gazetteer knows ("linked to al-Qaeda",
  "an affiliate of X") makes it an ORG;
- a compound adjective ("Soviet-era", "Russia-backed") is no name of a place: it is a NORP,
  with the country of its first part where that is a country or a nationality;
- a one-word PERSON written in the plural after "the" ("the Houthis"), or the plural of
  another entity's name or of a nationality, is a group (ORG), not a person.

A capital written as a person ("relations with Kyiv") is settled earlier, in the type vote.
"""

from __future__ import annotations

import re

from pipeline.extract.entities import lexicon, places
from pipeline.extract.entities.entity import Entity
from pipeline.extract.patterns import one_of
from pipeline.vocabulary import ActorKind, EntityType

_PLACE_TYPES = (EntityType.GPE, EntityType.LOC, EntityType.FAC)
_ORGANISATION_WORD = re.compile(
    rf"\s(?:{one_of(lexicon.ORGANISATION_WORDS)})\b"
    rf"|^(?:{one_of(lexicon.ORGANISATION_HEADS_OF)})\s+of\s"
)
_GROUP_CUE = re.compile(rf"\b(?i:{one_of(lexicon.GROUP_NAME_BEFORE)})\s+(?:the\s+)?$")
_COMPOUND = re.compile(rf"^(?P<stem>.+)-(?i:{one_of(lexicon.COMPOUND_ADJECTIVE_ENDINGS)})$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def retype(text: str, entities: list[Entity]) -> None:
    """Give the names above their type (and drop a place's country from a group's name)."""
    names = {places.normalize(e.name) for e in entities}
    for ent in entities:
        if ent.kind != ActorKind.NAMED:
            continue
        if ent.type in (*_PLACE_TYPES, EntityType.ORG) and _compound_adjective(ent):
            continue
        if ent.type in _PLACE_TYPES:
            _place_or_not(text, ent)
        elif ent.type == EntityType.PERSON and _group_in_plural(text, ent, names):
            ent.type, ent.country = EntityType.ORG, None


def _compound_adjective(ent: Entity) -> bool:
    """ "Soviet-era", "Russia-backed": a NORP, of the country of its first part if any."""
    compound = _COMPOUND.match(ent.name)
    if not compound or places.country_of_country_name(ent.name):
        return False
    stem = compound.group("stem")
    hit = places.country_of_country_name(stem)
    ent.type = EntityType.NORP
    ent.country = hit[0] if hit else places.country_of_demonym(stem)
    ent.admin1 = ent.latitude = ent.longitude = None
    return True


def _place_or_not(text: str, ent: Entity) -> None:
    if places.country_of_country_name(ent.name):
        return
    if _ORGANISATION_WORD.search(ent.name) or (
        not places.known_place(ent.name)
        and all(_GROUP_CUE.search(text[max(0, s - 40) : s]) for s, _ in ent.mentions)
    ):
        ent.type, ent.country = EntityType.ORG, None
        ent.admin1 = ent.latitude = ent.longitude = None


def _group_in_plural(text: str, ent: Entity, names: set[str]) -> bool:
    """ "The Houthis", or "Houthis" beside "Houthi forces": a group called by its plural."""
    name = ent.name.strip()
    if " " in name or len(name) < 4 or not name.endswith("s"):
        return False
    singular = places.normalize(name[:-1])
    if singular in names or singular in places.demonyms():
        return True
    return all(_THE_BEFORE.search(text[max(0, s - 5) : s]) for s, _ in ent.mentions)
