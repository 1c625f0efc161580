"""Entities: one canonical entity per real-world thing in a document, with one type and country.

spaCy's small model labels each mention on its own, so "Trump" comes out PERSON in one sentence
and ORG in the next. Here mentions are first grouped (same name; a surname or first name of a
longer PERSON-like name; abbreviations of the same country), then the group's type is decided by a
document-level vote in which strong evidence weighs more than a single label: a full name, a
title before the name ("President Trump"), a country table, a list of news outlets.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline import places

KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_TITLES = re.compile(
    r"(?:\b(?:president|mr|mrs|ms|dr|prime minister|minister|gen|general|senator|sen|governor|gov|"
    r"king|queen|prince|pope|sheikh|chancellor|secretary|colonel|col|commander|chief|judge|"
    r"spokesman|spokeswoman|mayor|ambassador|envoy|lt|lieutenant|captain|capt|sgt|sergeant|"
    r"major|maj|rep|representative|premier|leader|emir|ayatollah|imam|pastor|bishop|"
    r"archbishop|inspector|commissioner|superintendent|officer|detective|deputy)\.?\]?\s*)$",
    re.I,
)
_EVENT_WORDS = re.compile(
    r"\b(?:war|battle|summit|conference|olympics|cup|revolution|crisis|uprising|offensive|"
    r"games|massacre|genocide|accord|accords|agreement|treaty|election|elections)$",
    re.I,
)
_PLACE_UNIT = (
    r"village|town|city|district|province|region|area|settlement|municipality|county|state|"
    r"states|governorate|subdivision|section|neighbou?rhood|camp|locality|sub-county|commune|"
    r"department|lga|suburb|countryside|outskirts|island|valley|border|highway|road"
)
_PLACE_BEFORE_STRONG = re.compile(
    rf"\b(?:in|at|near|outside|around|towards|(?:{_PLACE_UNIT})\s+of)\s+(?:the\s+)?$", re.I
)
_PLACE_BEFORE = re.compile(r"\b(?:from|to|of|between|and|across|into)\s+(?:the\s+)?$", re.I)
_PLACE_AFTER = re.compile(rf"^(?:\s*\(|,\s+[A-Z]|\s+(?:{_PLACE_UNIT})\b)", re.I)
_STRIP_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)
_STRIP_TAIL = re.compile(r"(?:[’']s?|\s+)$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    after_title: bool
    place_votes: int = 0


@dataclass
class Entity:
    name: str
    type: str
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def as_contract(self) -> dict:
        return {
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "mentions": [list(m) for m in self.mentions],
        }


def _mentions(doc) -> list[Mention]:
    text = doc.text
    out = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        lead = _STRIP_LEAD.match(surface)
        if lead:
            start += lead.end()
        tail = _STRIP_TAIL.search(text[start:end])
        if tail and tail.start() > 0:
            end = start + tail.start()
        surface = text[start:end]
        if not surface or not any(c.isalpha() for c in surface):
            continue
        for s, e in _split_places(text, start, end):
            before = text[max(0, s - 40) : s]
            out.append(
                Mention(
                    s,
                    e,
                    text[s:e],
                    ent.label_,
                    bool(_TITLES.search(before)),
                    _place_votes(text, s, e),
                )
            )
    return out


def _split_places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Nayrab and Sarmin' -> two mentions; 'Bouloye-Thiouly (Dori, Seno' -> 'Bouloye-Thiouly'."""
    surface = text[start:end]
    cut = surface.find(" (")
    if cut > 0:
        return [(start, start + cut)]
    parts = surface.split(" and ")
    if len(parts) == 2 and all(p[:1].isupper() for p in parts) and _place_votes(text, start, end):
        return [(start, start + len(parts[0])), (end - len(parts[1]), end)]
    return [(start, end)]


def _place_votes(text: str, start: int, end: int) -> int:
    """Evidence from the words around a mention that it names a place: "in X", "X district"."""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    votes = 0
    if (
        _PLACE_BEFORE_STRONG.search(before)
        or _PLACE_BEFORE.search(before)
        and _PLACE_AFTER.match(after)
    ):
        votes += 2
    if _PLACE_AFTER.match(after):
        votes += 1
    return votes


def _propagate_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions the model missed of a surname whose full name it found as a PERSON:
    "William Ruto ... Ruto told Reuters" (document-level name propagation)."""
    taken = [(m.start, m.end) for m in mentions]
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) >= 2 and len(m.text.split()[-1]) >= 3
    }
    added = []
    for name in surnames:
        if not name[:1].isupper() or not name.replace("-", "").isalpha():
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            s, e = hit.span()
            if any(ts < e and s < te for ts, te in taken):
                continue
            before = text[max(0, s - 40) : s]
            added.append(Mention(s, e, name, "PERSON", bool(_TITLES.search(before))))
            taken.append((s, e))
    return added


def _drop_capitalised_words(doc, mentions: list[Mention]) -> list[Mention]:
    """A lone common word at the start of a sentence ("Gang violence ...") is not a name."""
    from pipeline.clean import word_zipf

    starts = {s.start_char for s in doc.sents}
    names = Counter(m.text for m in mentions)
    return [
        m
        for m in mentions
        if not (
            m.start in starts
            and " " not in m.text
            and names[m.text] == 1
            and m.label in ("PERSON", "ORG")
            and word_zipf(m.text.lower()) >= 4.0
        )
    ]


def _key(surface: str) -> str:
    return places.normalize(surface)


def _country_key(surface: str) -> str | None:
    hit = places.country_of_country_name(surface)
    return f"country:{hit[0]}" if hit else None


def _group(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Cluster mentions: same name, country aliases, and parts of longer names."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        key = _country_key(m.text) if m.label in ("GPE", "LOC", "ORG", "PERSON") else None
        groups[key or _key(m.text)].append(m)
    # Single-word names join a longer name they are the last (or first) word of, when the
    # longer name looks like a person: "Trump" -> "Donald Trump".
    long_names = {
        k: v
        for k, v in groups.items()
        if not k.startswith("country:") and " " in k and _votes(v)[0] == "PERSON"
    }
    for key in list(groups):
        if key.startswith("country:") or " " in key or key not in groups:
            continue
        owners = [lk for lk in long_names if lk.split()[-1] == key or lk.split()[0] == key]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
    return groups


def _votes(ms: list[Mention]) -> tuple[str, Counter]:
    votes: Counter = Counter()
    for m in ms:
        votes[m.label] += 2 if " " in m.text.strip() else 1
        if m.after_title:
            votes["PERSON"] += 4
        elif m.label != "NORP" or places.normalize(m.text) not in places.demonyms():
            # a gazetteer hit alone does not outvote the model's PERSON ("Jordan", "Paris")
            known = places.country_of_place(m.text) and (m.label != "PERSON" or m.place_votes)
            place = m.place_votes + (3 if known else 0)
            if place:
                votes["LOC" if m.label == "LOC" else "GPE"] += place
    return (votes.most_common(1)[0][0] if votes else "ORG"), votes


def _decide(key: str, ms: list[Mention], doc_countries: frozenset[str] = frozenset()) -> Entity:
    label, votes = _votes(ms)
    names = Counter(m.text for m in ms)
    name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
    country = None
    if key.startswith("country:"):
        code = key.split(":", 1)[1]
        label = "GPE"
        country = code
        shown = places.country_of_country_name(name)
        name = shown[1] if shown else name
    elif any(_key(m.text) in places.news_outlets() for m in ms):
        label = "ORG"  # a news outlet quoted as a source is never a person
    elif label in ("FAC", "ORG", "LOC") and _EVENT_WORDS.search(name):
        label = "EVENT"
    elif places.normalize(name) in places.demonyms():
        label = "NORP"  # "Ukrainian" tagged GPE by the model is still a nationality
    if country is None:
        if label in ("GPE", "LOC", "FAC"):
            country = places.country_of_place(name, doc_countries)
        elif label == "NORP":
            country = places.country_of_demonym(name)
    return Entity(
        name=name, type=label, country=country, mentions=sorted((m.start, m.end) for m in ms)
    )


def _person_countries(doc_text: str, entities: list[Entity]) -> None:
    """'Ukrainian President Volodymyr Zelenskyy' -> the person's country is UKR."""
    for ent in entities:
        if ent.type != "PERSON" or ent.country:
            continue
        for start, _ in ent.mentions:
            before = doc_text[max(0, start - 60) : start]
            m = re.search(
                r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:[’']s)?\s+(?:[A-Za-z.-]+\s+){1,3}$", before
            )
            if m and _TITLES.search(before):
                code = places.country_of_demonym(m.group(1)) or places.country_of_place(m.group(1))
                if code:
                    ent.country = code
                    break


def find_entities(doc) -> list[Entity]:
    """Entities of a spaCy Doc, in order of first mention."""
    mentions = _drop_capitalised_words(doc, _mentions(doc))
    mentions += _propagate_surnames(doc.text, mentions)
    groups = _group(mentions)
    doc_countries = frozenset(k.split(":", 1)[1] for k in groups if k.startswith("country:")) | {
        c for m in mentions if m.label == "NORP" and (c := places.country_of_demonym(m.text))
    }
    entities = [_decide(k, ms, doc_countries) for k, ms in groups.items()]
    _person_countries(doc.text, entities)
    entities.sort(key=lambda e: e.mentions[0])
    return entities
