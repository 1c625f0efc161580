"""Entities: one canonical entity per real-world thing in a document, with one type and country.

`find_entities` runs the steps in this order, each in its own module:

1. `mentions`: the model's mentions, cut to the name, with the evidence around each;
2. `missed_places`: places the model missed but the wording gives away, merged in;
3. `missed_names`: generic actors ("unidentified gunmen") as entities, with the named part of
   "Islamic State militants"; then acronyms and surnames of full names the model missed;
4. `grouping`: which mentions are one entity;
5. `vote`: each group's type by a document-level vote, its name and its country;
6. `not_places`: names the model called places or persons that are organisations, groups or
   adjectives ("United Nations", "linked to al-Qaeda", "Soviet-era", "the Houthis");
7. `geo`: each place's country, unit and coordinates in the context of the whole document;
8. `countries`: a person's country from the nationality before their title, and a country's
   name that is also a place elsewhere ("Georgia") settled by the document's other places.

A generic actor that the model found as a name too ("the Nigerian Armed Forces") is one entity:
the named one, an ORG with the actor's kind. Every entity has at least one mention; they come in
order of first mention. The words each rule reads are in `lexicon`.
"""

from __future__ import annotations

from pipeline.extract.entities import (
    countries,
    geo,
    grouping,
    mentions,
    missed_names,
    missed_places,
    not_places,
    places,
)
from pipeline.extract.entities.entity import Entity
from pipeline.extract.entities.vote import decide
from pipeline.vocabulary import EntityType

PLACE_LABELS = (EntityType.GPE, EntityType.LOC)


def find_entities(doc) -> list[Entity]:
    """Entities of a spaCy Doc, in order of first mention."""
    text = doc.text
    found = mentions.drop_capitalised_words(doc, mentions.model_mentions(doc, text))
    found = missed_places.merge(found, missed_places.rule_places(text, found))
    generic, named = missed_names.group_entities(text, found)
    if named:
        spans = {(m.start, m.end) for m in named}
        found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in spans)]
        found += named
    found += missed_names.acronym_mentions(text, found)
    found += missed_names.propagate_surnames(text, found)
    groups, full_names = grouping.group(found, grouping.abbreviations(text))
    doc_countries = countries.document_countries(groups, found, generic)
    units = places.named_units({m.text for m in found if m.label in PLACE_LABELS or m.rule})
    entities = [
        decide(ms, grouping.country_of_key(k), doc_countries, full_names.get(k, ""), units)
        for k, ms in groups.items()
    ]
    not_places.retype(text, entities)
    geo.resolve_places(text, entities, doc_countries)
    countries.person_countries(text, entities)
    countries.resolve_ambiguous(entities)
    _join_generic_actors(entities, generic)
    entities.sort(key=lambda e: e.mentions[0])
    return entities


def _join_generic_actors(entities: list[Entity], generic: list[Entity]) -> None:
    """Add the generic actors to `entities`; one whose mentions are all one named entity's
    ("the Nigerian Armed Forces", found by the model and as a group) gives that entity its kind
    and, where it has none, its country."""
    spans = {m: i for i, e in enumerate(entities) for m in e.mentions}
    for group in generic:
        same = {spans.get(m) for m in group.mentions}
        if len(same) == 1 and None not in same:
            named = entities[same.pop()]
            named.kind, named.country = group.kind, named.country or group.country
            named.type = EntityType.ORG  # "the Nigerian Armed Forces" is an organisation
        else:
            entities.append(group)
