"""Grouping: which mentions of a document are one entity.

Mentions are one entity when they write the same name (as `places.normalize` writes it), name
the same country ("the U.S.", "US", "United States"; a GPE, LOC, ORG or PERSON mention only), or
are an abbreviation and its full name: the one the document spells out ("the Allied Democratic
Forces (ADF)") or else the usual one (`places.ORG_ALIASES`). A name of one word joins the one
longer name whose first or last word it is, when the type vote makes that name a person's
("Trump" -> "Donald Trump"); with two such names it stays apart.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.extract import prefilter
from pipeline.extract.entities import lexicon, places
from pipeline.extract.entities.lexicon import alternation
from pipeline.extract.entities.mentions import Mention
from pipeline.extract.entities.vote import type_vote
from pipeline.vocabulary import EntityType as T

_COUNTRY = "country:"  # the key of a country's group: "country:" and its alpha-3 code
_DEFINED = re.compile(
    rf"(?P<full>[A-Z][\w'’-]+(?:\s+(?:{alternation(lexicon.DEFINED_NAME_LINKS)}\s+)*"
    r"[A-Z][\w'’-]+){1,8})"
    r"\s+\((?P<abbr>[A-Z][A-Z0-9&]{1,8})\)"
)


def _key(surface: str) -> str:
    return places.normalize(surface)


def _country_key(surface: str) -> str | None:
    hit = places.country_of_country_name(surface)
    return f"{_COUNTRY}{hit[0]}" if hit else None


def country_of_key(key: str) -> str | None:
    """The alpha-3 code of a group of a country's names; None for any other group."""
    return key.split(":", 1)[1] if key.startswith(_COUNTRY) else None


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> full name: the ones a document spells out ("the Allied Democratic Forces
    (ADF)"), then the usual ones (places.ORG_ALIASES)."""
    found = {}
    # a text without brackets spells out no abbreviation (and is not searched)
    for m in prefilter.finditer(_DEFINED, text, prefilter.lowered(text)):
        full, abbr = m.group("full"), m.group("abbr")
        words = [w for w in full.split() if w[:1].isupper()]
        # the full name is the capitalised words whose initials end in the abbreviation's letters
        for i in range(len(words)):
            initials = "".join(w[0] for w in words[i:])
            if initials.upper() == abbr.upper() or (
                len(abbr) >= 2
                and initials[:1] == abbr[:1]
                and len(words) - i <= len(abbr) + 2
                and i == max(0, len(words) - len(abbr) - 2)
            ):
                found[places.normalize(abbr)] = full[full.index(words[i]) :]
                break
    return found


def group(mentions: list[Mention], defined: dict[str, str] | None = None):
    """Cluster mentions: same name, country aliases, abbreviations, parts of longer names.
    Returns the groups by key and the full names that abbreviation groups are to show."""
    defined = defined or {}
    groups: dict[str, list[Mention]] = defaultdict(list)
    full_names: dict[str, str] = {}
    for m in mentions:
        key = _country_key(m.text) if m.label in (T.GPE, T.LOC, T.ORG, T.PERSON) else None
        if key is None and m.text.replace(".", "").isupper():
            full = defined.get(_key(m.text)) or places.org_full_name(m.text)
            if full:
                key = _key(full)
                full_names[key] = full
        groups[key or _key(m.text)].append(m)
    # Single-word names join a longer name they are the last (or first) word of, when the
    # longer name looks like a person: "Trump" -> "Donald Trump".
    long_names = {
        k: v
        for k, v in groups.items()
        if not k.startswith(_COUNTRY) and " " in k and type_vote(v)[0] == T.PERSON
    }
    for key in list(groups):
        if key.startswith(_COUNTRY) or " " in key or key not in groups:
            continue
        owners = [lk for lk in long_names if lk.split()[-1] == key or lk.split()[0] == key]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
    return groups, full_names
