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

The kinds are `ActorKind` (pipeline.vocabulary); the nouns and words read here are written in
`entities.lexicon`. `entities.missed_names` turns what is found here into entities and mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.entities import lexicon
from pipeline.extract.entities.lexicon import FIGHTER_NOUNS, WHOSE_NOUNS, alternation
from pipeline.extract.patterns import one_of
from pipeline.vocabulary import ActorKind as K

GROUP_NOUNS = "|".join(noun for nouns in lexicon.GROUP_NOUNS_BY_KIND.values() for noun in nouns)
_KIND_OF_NOUN = [
    (kind, re.compile(rf"^(?:{'|'.join(nouns)})$", re.I))
    for kind, nouns in lexicon.GROUP_NOUNS_BY_KIND.items()
]
_STANDALONE = re.compile(rf"^{alternation(lexicon.STANDALONE_NOUNS)}$", re.I)
_UNIDENTIFIED = "|".join(lexicon.GROUP_QUALIFIERS)
_CAP = rf"(?:(?:[A-Z]\.){{2,}}|(?:{alternation(lexicon.ARTICLES)}-)?[A-Z][\w'’&-]*)"
_LINK = alternation(lexicon.GROUP_NAME_LINKS)
_NAMED = rf"{_CAP}(?:[^\S\n]+(?:{_LINK}[^\S\n]+)?{_CAP}){{0,5}}"
_PHRASE = re.compile(
    rf"(?<![\w-])(?P<pre>(?:(?i:{_UNIDENTIFIED})\s+)*)"
    rf"(?P<side>(?i:pro|anti)-[\w’'-]+\s+)?"
    rf"(?P<mod>(?:{_NAMED}|{one_of(lexicon.STATE_WORDS)})[^\S\n]+)?"
    rf"(?P<noun>(?i:{one_of(GROUP_NOUNS)}))"
    r"(?![\w-])",
)
# state's words are no name, capitalised too ("Regime forces shelled ...", "Military Police")
_STATE_WORD = re.compile(one_of(lexicon.STATE_WORDS), re.I)
_NOT_MODIFIER = re.compile(rf"(?:{alternation(lexicon.NOT_GROUP_NAME)}[^\S\n]+)*", re.I)
_ARMED_PRE = re.compile(rf"\b{alternation(lexicon.UNIDENTIFIED_WORDS)}\b", re.I)
_DROP_PRE = re.compile(rf"^(?:{alternation(lexicon.HEDGE_WORDS)}\s+)+", re.I)

# the capital first, then the check of the character before it: the engine looks for capitals
# only ("(?<![\w.&-])[A-Z]" would try every place of the text)
_ACRONYM = re.compile(r"[A-Z](?<![\w.&-][A-Z])[A-Z0-9&]{1,6}(?![\w&-])")


@dataclass
class GroupMention:
    start: int
    end: int
    name: str  # the phrase as written, qualifiers like "suspected" dropped
    kind: K
    modifier: str | None  # "Turkish", "ADF", "Islamic State"
    modifier_span: tuple[int, int] | None
    country: str | None = None


def group_key(name: str) -> str:
    """'Unidentified gunman' and 'unidentified gunmen' are one group."""
    words = name.lower().split()
    if words:
        last = words[-1]
        plurals = lexicon.PLURALS
        words[-1] = plurals.get(last, last if last.endswith("s") or last in plurals.values()
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
        state = all(_STATE_WORD.fullmatch(word) for word in mod.split())
        named = mod if mod[:1].isupper() and not state else None
        country = named and (country_of_word(named) or country_of_word(named.split()[0]))
        if kind == K.ARMED_GROUP and pre and _ARMED_PRE.search(pre) and not mod:
            kind = K.UNIDENTIFIED_ARMED_GROUP
        elif named and country and kind == K.ARMED_GROUP and noun.lower() == "fighters":
            kind = K.STATE_FORCES
        elif named and not country and kind == K.STATE_FORCES and noun.lower() in FIGHTER_NOUNS:
            kind = K.ARMED_GROUP  # "Houthi forces", "SDF troops": a named group's fighters
        elif kind == K.STATE_FORCES and noun.lower() in WHOSE_NOUNS and not mod:
            continue  # "forces" alone says nothing about whose
        # "anti-Houthi National Resistance forces" -> "National Resistance forces"
        if mod and (side or lead.end()):
            start = mod_start
        elif mod:
            start = m.start()
        else:
            start = m.start("side") if side else (m.start("pre") if pre else m.start("noun"))
        name = _DROP_PRE.sub("", text[start : m.end()])
        if mod and not named:
            name = name.replace(mod, mod.lower(), 1)  # "Regime forces", "Military Police officers"
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
        if word.upper() in lexicon.NOT_ORG_ACRONYMS or sum(c.isalpha() for c in word) < 2:
            continue
        if line_is_caps(m.start()):
            continue
        out.append(m.span())
    return out
