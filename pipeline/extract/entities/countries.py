"""Countries from the whole document: the ones it names, and those that settle an entity's.

The countries a document names (a country that is no bigger place's name elsewhere, a
nationality, a generic actor's own country) are where its shared place names are looked for
first. A person with no country takes the one of the nationality or country written before
their title ("Ukrainian President Volodymyr Zelenskyy" -> UKR). A country's name that is also a
US state or a big place elsewhere ("Georgia") is settled by the document's other places
("Atlanta" -> USA, "Tbilisi" -> GEO); with no clue it stays unresolved (null), never guessed.
"""

from __future__ import annotations

import re

from pipeline.extract.entities import places
from pipeline.extract.entities.entity import Entity
from pipeline.extract.entities.grouping import country_of_key
from pipeline.extract.entities.mentions import Mention, after_title
from pipeline.vocabulary import ActorKind, EntityType

_OWNER_BEFORE_TITLE = re.compile(
    r"([A-Z][\w.-]+(?:\s+[A-Z][\w-]+)?)(?:[’']s)?\s+(?:[A-Za-z.-]+\s+){1,3}$"
)


def document_countries(
    groups: dict[str, list[Mention]], mentions: list[Mention], generic: list[Entity]
) -> frozenset[str]:
    """The countries a document names: its countries' groups (not "Georgia", which may be a
    place elsewhere), its nationalities, and the countries of its generic actors."""
    return (
        frozenset(
            code
            for k, ms in groups.items()
            if (code := country_of_key(k)) is not None
            and not places.other_countries_of_country_name(ms[0].text)
        )
        | {
            c
            for m in mentions
            if m.label == EntityType.NORP and (c := places.country_of_demonym(m.text))
        }
        | {g.country for g in generic if g.country}
    )


def person_countries(doc_text: str, entities: list[Entity]) -> None:
    """'Ukrainian President Volodymyr Zelenskyy' -> the person's country is UKR."""
    for ent in entities:
        if ent.type != EntityType.PERSON or ent.country:
            continue
        for start, _ in ent.mentions:
            before = doc_text[max(0, start - 60) : start]
            # the title first: it is rare, and cheap to rule out
            if after_title(before) and (m := _OWNER_BEFORE_TITLE.search(before)):
                code = _country_before_title(m.group(1))
                if code:
                    ent.country = code
                    break


def _country_before_title(owner: str) -> str | None:
    """The country of the word before a title: a nationality, a country, a unit or a town of
    one country ("Borno Governor", "Esmeraldas fire chief"); never a town whose name is a
    common word that a title may begin with ("Police Captain")."""
    demonym, country = places.country_of_demonym(owner), places.country_of_country_name(owner)
    if demonym or country:
        return demonym or country[0]
    if " " not in owner and places.is_common_word(owner):
        return None
    found = {c.country for c in places.candidates(owner) if c.population >= places.KNOWN_PLACE}
    return found.pop() if len(found) == 1 else None


def resolve_ambiguous(entities: list[Entity]) -> None:
    """ "Georgia" is a country and a US state: the document's other places decide ("Atlanta" ->
    USA, "Tbilisi" -> GEO); with no clue the country stays unresolved (null), never guessed."""
    for ent in entities:
        if ent.type != EntityType.GPE or ent.kind != ActorKind.NAMED:
            continue
        others = places.other_countries_of_country_name(ent.name)
        if not others:
            continue
        own = ent.country
        clues = {e.country for e in entities if e is not ent and e.country}
        if own in clues:
            continue
        hits = others & clues
        ent.country = hits.pop() if len(hits) == 1 else None
