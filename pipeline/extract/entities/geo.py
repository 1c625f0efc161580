"""Where each place of a document is (country, first-level unit, coordinates), decided for the
whole document at once.

The context is what the document names: its countries (by name, nationality, or a generic
actor's own), the units and one-country regions it names ("Chhattisgarh", "North Kivu",
"Darfur"), and the towns that only one country has (big ones first; small ones too when nothing
bigger names a country, as in a short note). Each place is then `places.choose`n in that
context: "Bijapur" in a text that names Chhattisgarh is the Chhattisgarh town, not the bigger
one of Karnataka; "Hays" in a text that names Yemen is not the Kansas town; a name that stays
ambiguous stays without a country.

A place the gazetteer does not know takes the country and unit of the place the text puts it in:
"Masisi, North Kivu", "Masisi territory of North Kivu", "(Abadam LGA, Borno)", or of the owner
before it, "Borno's Gwoza". A country's part ("eastern Democratic Republic of Congo") is in that
country; a LOC ("the Andes") is no town abroad; a town's name in another language ("Campi") is
no clue to the document's countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.entities import admin1, lexicon, places
from pipeline.extract.entities.entity import Entity
from pipeline.extract.patterns import one_of
from pipeline.vocabulary import ActorKind, EntityType

PLACE_TYPES = (EntityType.GPE, EntityType.LOC, EntityType.FAC)
# what may stand between a place and the place that contains it: "Masisi, North Kivu",
# "Masisi territory of North Kivu", "Dar village in Tawila district of"
_LINK_WORD = rf"(?:{one_of((*lexicon.PLACE_UNITS, *lexicon.CONTAINER_UNITS))}|in|of|the|a)"
_CONTAINED_IN = re.compile(rf"^(?:[\s,(]|\b{_LINK_WORD}\b){{1,12}}$", re.I)
_OWNER_BEFORE = re.compile(r"(?P<owner>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)[’']s\s+$")
# a country's part: "eastern Congo", "North-West Syria", "central Mali"
_SIDE_OF = re.compile(rf"^(?i:{one_of(lexicon.PLACE_NARROWERS)})\s+(?P<country>.+)$")


def _is_place(ent: Entity) -> bool:
    return (
        ent.type in PLACE_TYPES
        and ent.kind == ActorKind.NAMED
        and places.country_of_country_name(ent.name) is None
        and not places.is_region(ent.name)
    )


@dataclass(frozen=True)
class Context:
    """What a document names that decides its shared place names."""

    countries: frozenset[str]
    units: frozenset[str]  # GeoNames keys of the units it names ("Chhattisgarh")
    near: frozenset[str]  # GeoNames keys of the units its one-country towns lie in


def context(entities: list[Entity], doc_countries: frozenset[str]) -> Context:
    """The countries and units a document names, for choosing its places."""
    countries, units, near = set(doc_countries), set(), set()
    small: list[places.Candidate] = []
    for ent in entities:
        side = _country_of_side(ent)
        if side and not places.other_countries_of_country_name(side):
            countries.add(places.country_of_country_name(side)[0])  # "eastern DR Congo"
        if not _is_place(ent) or ent.type == EntityType.LOC:
            continue  # a mountain range or a sea that shares a town's name is no clue
        # a town found by another language's name ("Campi") is no clue unless it is big
        found = [
            c
            for c in places.candidates(ent.name)
            if not c.local and (not c.alternate or c.population >= places.BIG_PLACE)
        ]
        if len({c.country for c in found}) > 1:
            # a name shared abroad: a clue when one namesake dwarfs the others ("Naples")
            chosen = places.choose(ent.name)
            if chosen and chosen.population >= places.KNOWN_PLACE:
                countries.add(chosen.country)
            continue
        if not found:
            continue
        best = found[0]
        if best.unit or best.population >= places.KNOWN_PLACE:
            countries.add(best.country)
            if best.admin1 and best.unit:
                units.add(best.admin1)
            elif best.admin1 and len(found) == 1:
                near.add(best.admin1)
        elif len(found) == 1:
            small.append(best)
    if not countries:  # a short note that names no country: its small towns tell it
        countries |= {c.country for c in small}
    near |= {c.admin1 for c in small if c.country in countries and c.admin1}
    return Context(frozenset(countries), frozenset(units), frozenset(near))


def resolve_places(text: str, entities: list[Entity], doc_countries: frozenset[str]) -> None:
    """Give every place of the document its country, unit and coordinates in the document's
    context; one the gazetteer lacks takes those of the place the text puts it in."""
    ctx = context(entities, doc_countries)
    unknown = []
    for ent in entities:
        if _side_of_country(ent, ctx):
            continue
        if not _is_place(ent):
            continue
        place = places.choose(ent.name, ctx.countries, ctx.units, ctx.near)
        if place and ent.type == EntityType.LOC and not place.unit:
            # "the Andes" is no town abroad
            place = place if place.country in ctx.countries else None
        if place is None:
            ent.country = ent.admin1 = ent.latitude = ent.longitude = None
            if not places.candidates(ent.name):
                unknown.append(ent)
            continue
        ent.country = place.country
        ent.admin1 = place.unit or admin1.name_of(place.admin1)
        ent.latitude, ent.longitude = place.latitude, place.longitude
    if unknown:
        _from_container(text, entities, unknown, ctx)


def _country_of_side(ent: Entity) -> str | None:
    """The country's name in a name of its part: "eastern Democratic Republic of Congo"."""
    if ent.type not in PLACE_TYPES or ent.kind != ActorKind.NAMED or places.is_region(ent.name):
        return None  # "South America" is no part of America
    if places.country_of_country_name(ent.name):
        return None  # "North Korea", "South Sudan" are countries of their own
    m = _SIDE_OF.match(ent.name)
    return m.group("country") if m and places.country_of_country_name(m.group("country")) else None


def _side_of_country(ent: Entity, ctx: Context) -> bool:
    """ "eastern Democratic Republic of Congo", "Northern Mali": a part of a country is in it
    (a name two countries share, "Congo", in the one the document names)."""
    name = _country_of_side(ent)
    if name is None:
        return False
    own = places.country_of_country_name(name)[0]
    named = ({own} | places.other_countries_of_country_name(name)) & ctx.countries
    ent.country = named.pop() if len(named) == 1 else own
    ent.admin1 = ent.latitude = ent.longitude = None
    return True


def _from_container(text: str, entities: list[Entity], unknown: list[Entity], ctx: Context) -> None:
    """A place the gazetteer lacks takes the country and unit of the place that the text puts
    it in: the place after it ("Masisi, North Kivu"), or the owner before it ("Borno's Gwoza")."""
    starts = {}
    for ent in entities:
        if ent.country and ent.type in PLACE_TYPES:
            for s, _ in ent.mentions:
                starts[s] = ent
    for ent in unknown:
        for s, e in ent.mentions:
            container = _after(text, e, starts)
            found = (container.country, container.admin1) if container else _owner(text, s, ctx)
            if found:
                ent.country, ent.admin1 = found
                break


def _after(text: str, end: int, starts: dict[int, Entity]) -> Entity | None:
    gap = text[end : end + 50]
    for offset in range(1, len(gap)):
        if end + offset in starts:
            return starts[end + offset] if _CONTAINED_IN.match(gap[:offset]) else None
    return None


def _owner(text: str, start: int, ctx: Context) -> tuple[str | None, str | None] | None:
    """The country and unit of the owner before a place: "Borno's Gwoza", "Mozambique's X"."""
    m = _OWNER_BEFORE.search(text[max(0, start - 60) : start])
    if not m:
        return None
    words = m.group("owner").split()
    for i in range(len(words)):  # the longest name that ends before the possessive
        owner = " ".join(words[i:])
        country = places.country_of_country_name(owner)
        if country:
            return country[0], None
        place = places.choose(owner, ctx.countries, ctx.units, ctx.near)
        if place and (place.unit or place.population >= places.KNOWN_PLACE):
            return place.country, place.unit or admin1.name_of(place.admin1)
    return None
