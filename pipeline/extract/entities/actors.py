"""Conflict actors that named-entity recognition misses: generic groups and acronyms.

News and conflict reports name many actors by role rather than by name: "unidentified gunmen",
"Turkish forces", "ADF fighters", "protesters". Analysts need them as actors, so each becomes an
entity of type ORG with a `kind` that says what sort of group it is:

| kind                      | head nouns (singular or plural)                                   |
|---------------------------|-------------------------------------------------------------------|
| `state_forces`            | soldier, troops, army, military, police, security forces, ...     |
| `armed_group`             | militant, rebel, insurgent, fighter, militia, gunman, bandit, ... |
| `unidentified_armed_group`| any armed-group noun after "unidentified", "unknown", "armed" ... |
| `protesters`              | protester, demonstrator, marcher, striker                         |
| `rioters`                 | rioter, mob                                                       |
| `civilians`               | civilian, resident, villager                                      |

Named entities keep `kind = "named"`. A group's country is the one its own words state ("Turkish
forces", "Nigerian Armed Forces", "police in Kenya" is not read); otherwise null, never guessed.
The name is the phrase as written ("ADF fighters"); its named part ("ADF") is a separate ORG.

Acronyms ("JNIM", "QSD", "CJNG") that the model does not tag become ORG mentions: a word of 2-7
capitals that is not a country code, a weapon or unit abbreviation, or part of an all-caps line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.patterns import one_of

_STATE_NOUNS = (
    r"soldiers?|troops|servicem[ae]n|army|military|police(?:m[ae]n|\s+officers?|\s+forces)?|"
    r"security\s+(?:forces|personnel|officers?)|gendarmes?|gendarmerie|marines|navy|"
    r"border\s+guards?|national\s+guard|armed\s+forces|forces|regime\s+forces|"
    r"government\s+forces|military\s+forces|officers?"
)
_ARMED_NOUNS = (
    r"militants?|rebels?|insurgents?|fighters?|militias?|militiam[ae]n|jihadists?|extremists?|"
    r"terrorists?|guerrillas?|separatists?|gunm[ae]n|assailants?|attackers?|bandits?|"
    r"kidnappers?|abductors?|pirates?|vigilantes?|gang\s+members?|gangs?|hitm[ae]n|"
    r"cartel\s+members?|raiders?|herders?"
)
_PROTEST_NOUNS = r"protesters?|protestors?|demonstrators?|marchers?|strikers?"
_RIOT_NOUNS = r"rioters?|mobs?"
_CIVIL_NOUNS = r"civilians?|residents?|villagers?"

GROUP_NOUNS = rf"{_STATE_NOUNS}|{_ARMED_NOUNS}|{_PROTEST_NOUNS}|{_RIOT_NOUNS}|{_CIVIL_NOUNS}"
_KIND_OF_NOUN = [
    ("state_forces", re.compile(rf"^(?:{_STATE_NOUNS})$", re.I)),
    ("armed_group", re.compile(rf"^(?:{_ARMED_NOUNS})$", re.I)),
    ("protesters", re.compile(rf"^(?:{_PROTEST_NOUNS})$", re.I)),
    ("rioters", re.compile(rf"^(?:{_RIOT_NOUNS})$", re.I)),
    ("civilians", re.compile(rf"^(?:{_CIVIL_NOUNS})$", re.I)),
]
# nouns that name an actor on their own; "forces", "officers" need a word saying whose
_STANDALONE = re.compile(
    r"^(?:soldiers?|troops|police(?:m[ae]n|\s+officers?|\s+forces)?|security\s+\w+|gendarmes?|"
    r"gendarmerie|armed\s+forces|regime\s+forces|government\s+forces|military\s+forces|army|"
    r"military|militants?|rebels?|insurgents?|fighters|militias?|militiam[ae]n|jihadists?|"
    r"extremists?|terrorists?|guerrillas?|separatists?|gunm[ae]n|assailants?|attackers?|"
    r"bandits?|kidnappers?|abductors?|pirates?|vigilantes?|gang\s+members?|hitm[ae]n|"
    r"protesters?|protestors?|demonstrators?|rioters?|mobs?|civilians?|villagers?)$",
    re.I,
)
_UNIDENTIFIED = r"unidentified|unknown|armed|masked|heavily\s+armed|suspected|alleged|presumed"
_CAP = r"(?:(?:[A-Z]\.){2,}|(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z][\w'’&-]*)"
_LINK = r"(?:al|el|de|del|of|the|wa|bin|ibn|for|and)"
_NAMED = rf"{_CAP}(?:[^\S\n]+(?:{_LINK}[^\S\n]+)?{_CAP}){{0,5}}"
_STATE_WORDS = r"government|regime|security|federal|state|national|military|army|police|local"
_PHRASE = re.compile(
    rf"(?<![\w-])(?P<pre>(?:(?:{_UNIDENTIFIED})\s+)*)"
    rf"(?P<side>(?:pro|anti)-[\w’'-]+\s+)?"
    rf"(?P<mod>(?:{_NAMED}|{one_of(_STATE_WORDS)})[^\S\n]+)?"
    rf"(?P<noun>(?i:{one_of(GROUP_NOUNS)}))"
    r"(?![\w-])",
)
_NOT_MODIFIER = re.compile(
    r"(?:(?:the|a|an|of|and|for|this|that|these|those|his|her|their|its|our|some|many|several|"
    r"all|both|other|another|more|most|few|dozens|scores|hundreds|thousands|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|\d[\d,.]*)"
    r"[^\S\n]+)*",
    re.I,
)
_ARMED_PRE = re.compile(r"\b(?:unidentified|unknown|armed|masked)\b", re.I)
_DROP_PRE = re.compile(r"^(?:(?:suspected|alleged|presumed)\s+)+", re.I)
_PLURAL = {"man": "men", "gunman": "gunmen", "militiaman": "militiamen", "policeman": "policemen"}

# capitals that are not organisations
_NOT_ORG_ACRONYMS = frozenset(
    [
        "IED",
        "IEDS",
        "VBIED",
        "RPG",
        "RPGS",
        "AK",
        "UAV",
        "UAVS",
        "SUV",
        "SUVS",
        "GPS",
        "LGA",
        "LGAS",
        "TV",
        "PM",
        "AM",
        "GMT",
        "UTC",
        "CET",
        "EST",
        "PST",
        "EDT",
        "BST",
        "COVID",
        "CEO",
        "ID",
        "OK",
        "HIV",
        "AIDS",
        "ICU",
        "MP",
        "MPS",
        "DNA",
        "KM",
        "MM",
        "CM",
        "KG",
        "AD",
        "BC",
        "BCE",
        "CE",
        "SMS",
        "PDF",
        "FAQ",
        "USD",
        "EUR",
        "GBP",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "XX",
        "RIP",
        "ATM",
        "PhD",
        "LPG",
        "VIP",
        "CCTV",
    ]
)
# the capital first, then the check of the character before it: the engine looks for capitals
# only ("(?<![\w.&-])[A-Z]" would try every place of the text)
_ACRONYM = re.compile(r"[A-Z](?<![\w.&-][A-Z])[A-Z0-9&]{1,6}(?![\w&-])")


@dataclass
class GroupMention:
    start: int
    end: int
    name: str  # the phrase as written, qualifiers like "suspected" dropped
    kind: str
    modifier: str | None  # "Turkish", "ADF", "Islamic State"
    modifier_span: tuple[int, int] | None
    country: str | None = None


def group_key(name: str) -> str:
    """'Unidentified gunman' and 'unidentified gunmen' are one group."""
    words = name.lower().split()
    if words:
        last = words[-1]
        words[-1] = _PLURAL.get(last, last if last.endswith("s") or last in _PLURAL.values()
                                else last + "s")  # fmt: skip
    return "group:" + " ".join(words)


def find_groups(text: str, country_of_word) -> list[GroupMention]:
    """Generic actor phrases in `text`. `country_of_word(word)` gives the alpha-3 code of a
    demonym or country name, or None; it decides whether "X forces" are a state's forces."""
    out = []
    for m in _PHRASE.finditer(text):
        pre, side, noun = m.group("pre"), m.group("side"), " ".join(m["noun"].split())
        raw = m.group("mod") or ""
        # "Two police officers", "The militants", "Eight Houthi fighters": not part of a name
        lead = _NOT_MODIFIER.match(raw)
        mod = raw[lead.end() :].strip()
        mod_start = m.start("mod") + lead.end() if raw else -1
        if not (pre or mod or side or _STANDALONE.match(noun)):
            continue
        # the patterns ignore case (lower() would make "İ" two characters)
        kind = next(k for k, pattern in _KIND_OF_NOUN if pattern.match(noun))
        named = mod if mod[:1].isupper() else None
        country = named and (country_of_word(named) or country_of_word(named.split()[0]))
        if kind == "armed_group" and pre and _ARMED_PRE.search(pre) and not mod:
            kind = "unidentified_armed_group"
        elif named and country and kind == "armed_group" and noun.lower() == "fighters":
            kind = "state_forces"
        elif (
            named
            and not country
            and kind == "state_forces"
            and noun.lower()
            in (
                "forces",
                "officers",
                "fighters",
                "troops",
            )
        ):
            kind = "armed_group"  # "Houthi forces", "SDF troops": a named group's fighters
        elif kind == "state_forces" and noun.lower() in ("forces", "officers") and not mod:
            continue  # "forces" alone says nothing about whose
        # "anti-Houthi National Resistance forces" -> "National Resistance forces"
        if mod and (side or lead.end()):
            start = mod_start
        elif mod:
            start = m.start()
        else:
            start = m.start("side") if side else (m.start("pre") if pre else m.start("noun"))
        name = _DROP_PRE.sub("", text[start : m.end()])
        if not named and name[:1].isupper() and not name.split()[0].isupper():
            name = name[0].lower() + name[1:]  # "Gunmen killed ..." at a sentence start
        mod_span = (mod_start, mod_start + len(mod)) if named else None
        out.append(
            GroupMention(m.end() - len(name), m.end(), " ".join(name.split()), kind,
                         named, mod_span, country or None)
        )  # fmt: skip
    return out


def find_acronyms(text: str, line_is_caps) -> list[tuple[int, int]]:
    """Spans of capitalised acronyms that name organisations ("JNIM", "QSD")."""
    out = []
    for m in _ACRONYM.finditer(text):
        word = m.group()
        if word.upper() in _NOT_ORG_ACRONYMS or sum(c.isalpha() for c in word) < 2:
            continue
        if line_is_caps(m.start()):
            continue
        out.append(m.span())
    return out
