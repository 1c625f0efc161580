"""Place: where an event happened, with ACLED-style precision (1 = a town or site, 2 = near a
town or in a district, 3 = a region or the country).

The location is the most specific place named in the event's sentences: the first sentence that
names a town places the event, later ones are context. A country, a continent or sea, a name
ending in a region's unit ("Kachin State"), a first-level division, or a name the text calls a
province anywhere ("Idlib province") is a region (3); a town after "near", "outside", "close
to" ... is near it (2); the start or end of a journey ("travelling from X to Y") is context, as
a region is (3). Among regions, the narrowest: a district before the unit it lies in, a
unit before its country. The country is the place's own, decided for the whole document
(`entities.geo`: a name shared by places in several countries is the one in a country or unit the
text names), else that of the first other place of its sentences that has one; an event whose
sentences name no place takes the country the text mentions most, and no location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.entities import admin1, places
from pipeline.extract.entities.lexicon import INSTITUTION_WORDS
from pipeline.extract.events.lexicon import NEAR, REGION_NAME, REGION_UNIT, WORLD_REGION
from pipeline.extract.patterns import one_of


def locate(entities, sentences, text) -> tuple:
    """(location, country, geo precision, the place's entity) of the event whose sentences are
    `sentences`: the most specific place named in them, its country, its precision."""
    candidates = []
    countries = {ent.country for ent in entities if ent.country}
    for s, e in sentences:
        for ent in entities:
            town = _town_of_institution(ent, countries)
            if ent.type not in ("GPE", "LOC", "FAC") and town is None:
                continue
            hits = [a for a, _ in ent.mentions if s <= a < e]
            if hits:
                candidates.append((_place_level(ent, text, hits[0]), hits[0], town or ent))
        if any(level < 3 for level, _, _ in candidates):
            break  # the first sentence that names a town places the event; later ones are context
    if not candidates:
        counts = [
            (len(ent.mentions), -ent.mentions[0][0], ent.country)
            for ent in entities
            if ent.country and ent.type in ("GPE", "LOC")
        ]
        return None, (max(counts)[2] if counts else None), None, None
    level, _, place = min(
        candidates,
        key=lambda c: (
            c[0],
            _breadth(c[2]) if c[0] == 3 else 0,
            isinstance(c[2], _Town),  # a town named in an institution's name comes after
            c[1],
        ),
    )
    if "\n" in place.name:
        # a name run across a paragraph break ("Maiduguri\nNigerian"): the place is its first line
        name = place.name.split("\n", 1)[0].strip()
        place = type(place)(name, place.type, places.country_of_place(name), place.mentions)
    country = place.country  # decided for the whole document (entities.geo)
    if country is None:
        in_text = [c for lvl, _, c in sorted(candidates, key=lambda c: c[1]) if c.country]
        country = in_text[0].country if in_text else None
    return place.name, country, level, place


@dataclass(frozen=True)
class _Town:
    """The town an institution's name begins with ("Dhing Police Station" -> Dhing)."""

    name: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    type: str = "GPE"


_INSTITUTION_WORD = re.compile(rf"\s{one_of(INSTITUTION_WORDS)}$")


def _town_of_institution(ent, countries: set[str]) -> _Town | None:
    """The town an institution is named after, where the gazetteer has it in the document's
    countries (or it is a known place): the event is in the town, not at "X Police Station"."""
    if ent.type not in ("ORG", "FAC", "GPE") or not _INSTITUTION_WORD.search(ent.name):
        return None
    words = ent.name.split()
    for k in (1, 2):  # "Quetta Civil Hospital": the town is the first word or two
        town = " ".join(words[:k])
        if k >= len(words) or not town[:1].isupper():
            break
        place = places.choose(town, countries)
        if place and not place.unit and (place.country in countries or places.known_place(town)):
            return _Town(
                town, place.country, admin1.name_of(place.admin1), place.latitude, place.longitude
            )
    return None


# a place named as the start or the end of a journey: "from X", "from X to Y"
_JOURNEY_END = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][^,.;:]{0,40}\s+to\s+(?:the\s+)?)?$")


def _breadth(entity) -> int:
    """How wide a region is: 0 a district, 1 a first-level unit or a region of one country, 2 a
    country or a world region. An event is placed in the narrowest ("Borno's X district" in X
    district; "Darfur, Sudan" in Darfur)."""
    name = entity.name
    if (
        places.country_of_country_name(name)
        or places.is_region(name)
        or WORLD_REGION.fullmatch(name)
    ):
        return 2
    return int(admin1.is_region_name(name) or places.is_subdivision(name))


def _place_level(entity, text: str, first: int) -> int:
    """ACLED-style precision of naming this place: 1 town or site, 2 near it or a district,
    3 a region or the country."""
    if places.country_of_country_name(entity.name) is not None:
        return 3
    if entity.country is None and (entity.type == "LOC" or WORLD_REGION.fullmatch(entity.name)):
        return 3  # a continent, sea or region ("Europe", "the Sahel")
    if REGION_NAME.search(entity.name):
        return 3  # "Kachin State", "Idlib Governorate"
    if admin1.is_region_name(entity.name) or any(
        REGION_UNIT.match(text[b : b + 20]) for _, b in entity.mentions
    ):
        return 3  # "Borno", "Cauca"; "Idlib province" anywhere in the text: Idlib is a region
    if _JOURNEY_END.search(text[max(0, first - 60) : first]):
        return 3  # "travelling from X to Y": where a journey began or led, not where it ended
    if NEAR.search(text[max(0, first - 30) : first]):
        return 2
    return 1
