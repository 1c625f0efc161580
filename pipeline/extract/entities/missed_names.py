"""Names the model missed, other than places, and the generic actors as entities.

- A surname of a full name that the model found as a PERSON is a mention wherever it stands as a
  word of its own ("William Ruto ... Ruto told Reuters"), where no other mention is.
- An acronym in capitals ("JNIM", "QSD") is an ORG mention where no other mention is, unless it
  is a weapon, unit or other abbreviation, or stands in an all-caps line (see `actors`).
- A generic actor ("unidentified gunmen", "Turkish forces") is an ORG entity of its kind, one per
  group of the same words; the named part of "Islamic State militants" is an ORG mention where
  the model missed the name or cut it, and never a place's name.
"""

from __future__ import annotations

import re

from pipeline.extract.entities import actors, places
from pipeline.extract.entities.entity import Entity
from pipeline.extract.entities.mentions import Mention, after_title, mention
from pipeline.vocabulary import EntityType


def _name_alone(name: str) -> re.Pattern:
    """`name` as a word of its own ("Ruto", not "Rutoville" or "al-Ruto"): the name first, then
    the check of the character before it, so that the engine looks for the name's letters only
    ("(?<![\\w-])Ruto" would try every place of the text)."""
    escaped = re.escape(name)
    return re.compile(rf"{escaped}(?<![\w-]{escaped})(?![\w-])")


def propagate_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions the model missed of a surname whose full name it found as a PERSON:
    "William Ruto ... Ruto told Reuters" (document-level name propagation)."""
    taken = [(m.start, m.end) for m in mentions]
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.label == EntityType.PERSON
        and len(m.text.split()) >= 2
        and len(m.text.split()[-1]) >= 3
    }
    added = []
    for name in surnames:
        if not name[:1].isupper() or not name.replace("-", "").isalpha():
            continue
        for hit in _name_alone(name).finditer(text):
            s, e = hit.span()
            if any(ts < e and s < te for ts, te in taken):
                continue
            before = text[max(0, s - 40) : s]
            added.append(Mention(s, e, name, EntityType.PERSON, after_title(before)))
            taken.append((s, e))
    return added


def _line_is_caps(text: str):
    lines: dict[int, bool] = {}  # line start -> whether the line is in capitals

    def check(pos: int) -> bool:
        start = text.rfind("\n", 0, pos) + 1
        if start not in lines:
            end = text.find("\n", pos)
            letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
            capitals = sum(c.isupper() for c in letters)
            lines[start] = len(letters) > 12 and capitals > 0.6 * len(letters)
        return lines[start]

    return check


def acronym_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """ORG mentions of the acronyms that no mention covers ("JNIM", "QSD")."""
    taken = [(m.start, m.end) for m in mentions]
    return [
        mention(text, s, e, EntityType.ORG, 0)
        for s, e in actors.find_acronyms(text, _line_is_caps(text))
        if not any(ts < e and s < te for ts, te in taken)
    ]


def _country_of_word(word: str) -> str | None:
    hit = places.country_of_country_name(word)
    return places.country_of_demonym(word) or (hit[0] if hit else None)


def group_entities(text: str, mentions: list[Mention]) -> tuple[list[Entity], list[Mention]]:
    """Generic actors ("unidentified gunmen", "Turkish forces") as entities, and the named part
    of "Islamic State militants" as an ORG mention where the model missed or cut it."""
    groups: dict[str, Entity] = {}
    named: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for g in actors.find_groups(text, _country_of_word):
        key = actors.group_key(g.name)
        ent = groups.get(key)
        if ent is None:
            ent = groups[key] = Entity(g.name, EntityType.ORG, g.country, [], kind=g.kind)
        ent.mentions.append((g.start, g.end))
        if g.modifier_span and not g.country and not places.known_place(g.modifier):
            s, e = g.modifier_span
            inside = [(ts, te) for ts, te in taken if ts < e and s < te]
            if all(s <= ts and te <= e for ts, te in inside) and not any(
                (ts, te) == (s, e) for ts, te in inside
            ):
                named.append(mention(text, s, e, EntityType.ORG, 0))
                taken.append((s, e))
    return list(groups.values()), named
