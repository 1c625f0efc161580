"""Place: where an event happened, with ACLED-style precision (1 = a town or site, 2 = near a
town or in a district, 3 = a region or the country).

The location is the most specific place named in the event's sentences: the first sentence that
names a town places the event, later ones are context. A country, a continent or sea, a name
ending in a region's unit ("Kachin State"), a first-level division, or a name the text calls a
province anywhere ("Idlib province") is a region (3); a town after "near", "outside", "close
to" ... is near it (2). Among regions, a district goes before the unit or country it lies in.
The country is the place's own, decided for the whole document
(`entities.geo`: a name shared by places in several countries is the one in a country or unit the
text names), else that of the first other place of its sentences that has one; an event whose
sentences name no place takes the country the text mentions most, and no location.
"""

from __future__ import annotations

from pipeline.extract.entities import admin1, places
from pipeline.extract.events.lexicon import NEAR, REGION_NAME, REGION_UNIT, WORLD_REGION


def locate(entities, sentences, text) -> tuple:
    """(location, country, geo precision, the place's entity) of the event whose sentences are
    `sentences`: the most specific place named in them, its country, its precision."""
    candidates = []
    for s, e in sentences:
        for ent in entities:
            if ent.type not in ("GPE", "LOC", "FAC"):
                continue
            hits = [a for a, _ in ent.mentions if s <= a < e]
            if hits:
                candidates.append((_place_level(ent, text, hits[0]), hits[0], ent))
        if any(level < 3 for level, _, _ in candidates):
            break  # the first sentence that names a town places the event; later ones are context
    if not candidates:
        counts = [
            (len(ent.mentions), -ent.mentions[0][0], ent.country)
            for ent in entities
            if ent.country and ent.type in ("GPE", "LOC")
        ]
        return None, (max(counts)[2] if counts else None), None, None
    level, _, place = min(candidates, key=lambda c: (c[0], c[0] == 3 and _broad(c[2]), c[1]))
    if "\n" in place.name:
        # a name run across a paragraph break ("Maiduguri\nNigerian"): the place is its first line
        name = place.name.split("\n", 1)[0].strip()
        place = type(place)(name, place.type, places.country_of_place(name), place.mentions)
    country = place.country  # decided for the whole document (entities.geo)
    if country is None:
        in_text = [c for lvl, _, c in sorted(candidates, key=lambda c: c[1]) if c.country]
        country = in_text[0].country if in_text else None
    return place.name, country, level, place


def _broad(entity) -> bool:
    """Whether a region is a country, a first-level unit or a world region, which a district
    named beside it lies in ("Borno's X district" is placed in X district)."""
    name = entity.name
    return bool(
        places.country_of_country_name(name)
        or admin1.is_region_name(name)
        or places.is_subdivision(name)
        or places.is_region(name)
        or WORLD_REGION.fullmatch(name)
    )


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
    if NEAR.search(text[max(0, first - 30) : first]):
        return 2
    return 1
