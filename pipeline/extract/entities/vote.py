"""The type vote: one type for a group of mentions, decided over the whole document.

spaCy's small model labels each mention on its own, so "Trump" comes out PERSON in one sentence
and ORG in the next. A group's type is decided by a vote in which strong evidence weighs more
than a single label: each mention's label counts 1 (2 for a name of several words; a place found
by its wording counts no label); a title before a mention counts 4 for PERSON; the place votes of the words around a mention, and 3 for a
name the gazetteer knows (a town of 15,000+, or any town in a unit the document names: "Tibu"
beside "Norte de Santander"), count for GPE (LOC where the model said LOC). A gazetteer hit alone does
not outvote the model's PERSON ("Jordan"), unless the name is one word that names a city of a
million people or more by its own name ("Kyiv said"), nor makes a nationality a place.

Then the evidence that settles a type outright: a country's names are a GPE with that country; a
news outlet quoted as a source is an ORG; a name that ends in an event word ("the Gulf War")
is an EVENT, not an ORG, FAC or LOC; a nationality is NORP; a world region is LOC with no
country. A place's country is the gazetteer's (the document's own countries first), with admin1
and coordinates where the gazetteer has them; a NORP's is its demonym's; a PERSON's is the
leaders table's for a full name. The name shown is the one of most words written (then the most
frequent, then the longest); an abbreviation shows the full name that the document or the usual
list gives, a country its usual name.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.extract.entities import lexicon, places
from pipeline.extract.entities.entity import Entity
from pipeline.extract.entities.lexicon import alternation
from pipeline.extract.entities.mentions import Mention
from pipeline.vocabulary import EntityType as T

_EVENT_WORDS = re.compile(rf"\b{alternation(lexicon.EVENT_WORDS)}$", re.I)


def type_vote(ms: list[Mention], units: frozenset[str] = frozenset()) -> tuple[str, Counter]:
    """The type that the mentions of one group vote for (ORG with no vote), and the votes;
    `units` are the units the document names (a town in one of them is a known place)."""
    votes: Counter = Counter()
    for m in ms:
        if not m.rule:
            votes[m.label] += 2 if " " in m.text.strip() else 1
        if m.after_title:
            votes[T.PERSON] += 4
        elif m.label != T.NORP or places.normalize(m.text) not in places.demonyms():
            # a gazetteer hit alone does not outvote the model's PERSON ("Jordan", "Paris")
            # unless it is a city of millions named by itself ("relations with Kyiv")
            known = (places.known_place(m.text) or places.town_in_units(m.text, units)) and (
                m.label != T.PERSON or m.place_votes or places.is_big_city(m.text)
            )
            place = m.place_votes + (3 if known else 0)
            if place:
                votes[T.LOC if m.label == T.LOC else T.GPE] += place
    return (votes.most_common(1)[0][0] if votes else T.ORG), votes


def decide(
    ms: list[Mention],
    country: str | None = None,
    doc_countries: frozenset[str] = frozenset(),
    full: str = "",
    units: frozenset[str] = frozenset(),
) -> Entity:
    """The entity of one group of mentions: `country` is the group's when it is a country's
    names, `doc_countries` the countries the document names, `full` the full name of an
    abbreviation, `units` the units the document names."""
    label, _ = type_vote(ms, units)
    names = Counter(m.text for m in ms)
    name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
    if full:  # "ADF" alone -> Allied Democratic Forces
        name = full if len(full.split()) >= len(name.split()) else name
        label = T.ORG
    if country is not None:
        label = T.GPE
        shown = places.country_of_country_name(name)
        name = shown[1] if shown else name
    elif any(places.normalize(m.text) in places.news_outlets() for m in ms):
        label = T.ORG  # a news outlet quoted as a source is never a person
    elif label in (T.FAC, T.ORG, T.LOC) and _EVENT_WORDS.search(name):
        label = T.EVENT
    elif places.normalize(name) in places.demonyms():
        label = T.NORP  # "Ukrainian" tagged GPE by the model is still a nationality
    elif places.is_region(name):
        label = T.LOC  # "Europe", "the Sahel": a place that is no one country
    entity = Entity(
        name=name, type=label, country=country, mentions=sorted((m.start, m.end) for m in ms)
    )
    if country is None:
        if label in (T.GPE, T.LOC, T.FAC):
            entity.country = places.country_of_place(name, doc_countries)
            hit = places.locate(name, entity.country)
            if hit:
                entity.admin1, entity.latitude, entity.longitude = hit
        elif label == T.NORP:
            entity.country = places.country_of_demonym(name)
        elif label == T.PERSON:
            entity.country = places.country_of_leader(name)
    return entity
