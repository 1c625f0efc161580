"""The words that the entity rules read, each list written once, as data.

Every list is a tuple of regex fragments, one word or phrase each ("neighbou?rhood": an optional
letter; "gas\\s+field": words apart), written in lower case unless it says otherwise and matched
as written unless it says "any case". The patterns of `actors` are built from these lists, in
their order: where two words could match at one place, the first wins. A new word is one edit here; the tests of the
word gates (tests/test_entities.py) say when a hand-kept gate beside a pattern needs it too.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.vocabulary import ActorKind


def alternation(words: Iterable[str]) -> str:
    """`words` as one regex group, "(?:a|b|c)", in their order (`patterns.one_of` writes a long
    list grouped by first letter, for the engine's sake; the matches are the same)."""
    return f"(?:{'|'.join(words)})"


# --- names ---------------------------------------------------------------------------------

# Arabic articles that begin a place name ("al-Hasakeh"), and the same capitalised ("At Tuhayta")
ARTICLES = ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az")
CAPITALISED_ARTICLES = tuple(article.capitalize() for article in ARTICLES)
# capitals that are not organisations: weapons, vehicles, units, times, titles, numerals
NOT_ORG_ACRONYMS = frozenset(
    [
        "IED", "IEDS", "VBIED", "RPG", "RPGS", "AK", "UAV", "UAVS", "SUV", "SUVS", "GPS", "LGA",
        "LGAS", "TV", "PM", "AM", "GMT", "UTC", "CET", "EST", "PST", "EDT", "BST", "COVID", "CEO",
        "ID", "OK", "HIV", "AIDS", "ICU", "MP", "MPS", "DNA", "KM", "MM", "CM", "KG", "AD", "BC",
        "BCE", "CE", "SMS", "PDF", "FAQ", "USD", "EUR", "GBP", "II", "III", "IV", "VI", "VII",
        "VIII", "IX", "XI", "XII", "XX", "RIP", "ATM", "PhD", "LPG", "VIP", "CCTV",
    ]
)  # fmt: skip

# --- generic actors (see actors) -------------------------------------------------------------

# the head nouns of each kind of group, singular or plural; any case (but lower case where they
# are cut from a name the model ran on: "Al Shabaab militants"). A noun is of the first kind that
# lists it.
GROUP_NOUNS_BY_KIND = {
    ActorKind.STATE_FORCES: (
        "soldiers?", "troops", "servicem[ae]n", "army", "military",
        r"police(?:m[ae]n|\s+officers?|\s+forces)?", r"security\s+(?:forces|personnel|officers?)",
        "gendarmes?", "gendarmerie", "marines", "navy", r"border\s+guards?", r"national\s+guard",
        r"armed\s+forces", "forces", r"regime\s+forces", r"government\s+forces",
        r"military\s+forces", "officers?",
    ),
    ActorKind.ARMED_GROUP: (
        "militants?", "rebels?", "insurgents?", "fighters?", "militias?", "militiam[ae]n",
        "jihadists?", "extremists?", "terrorists?", "guerrillas?", "separatists?", "gunm[ae]n",
        "assailants?", "attackers?", "bandits?", "kidnappers?", "abductors?", "pirates?",
        "vigilantes?", r"gang\s+members?", "gangs?", "hitm[ae]n", r"cartel\s+members?",
        "raiders?", "herders?",
    ),
    ActorKind.PROTESTERS: (
        "protesters?", "protestors?", "demonstrators?", "marchers?", "strikers?",
    ),
    ActorKind.RIOTERS: ("rioters?", "mobs?"),
    ActorKind.CIVILIANS: ("civilians?", "residents?", "villagers?"),
}  # fmt: skip
# nouns that name an actor on their own; "forces", "officers" need a word saying whose; any case
STANDALONE_NOUNS = (
    "soldiers?", "troops", r"police(?:m[ae]n|\s+officers?|\s+forces)?", r"security\s+\w+",
    "gendarmes?", "gendarmerie", r"armed\s+forces", r"regime\s+forces", r"government\s+forces",
    r"military\s+forces", "army", "military", "militants?", "rebels?", "insurgents?", "fighters",
    "militias?", "militiam[ae]n", "jihadists?", "extremists?", "terrorists?", "guerrillas?",
    "separatists?", "gunm[ae]n", "assailants?", "attackers?", "bandits?", "kidnappers?",
    "abductors?", "pirates?", "vigilantes?", r"gang\s+members?", "hitm[ae]n", "protesters?",
    "protestors?", "demonstrators?", "rioters?", "mobs?", "civilians?", "villagers?",
)  # fmt: skip
# state nouns that say nothing alone ("forces"), and those that after a name that is no country
# are that group's fighters ("Houthi forces", "SDF troops"); as written in the text, lower case
WHOSE_NOUNS = ("forces", "officers")
FIGHTER_NOUNS = ("forces", "officers", "fighters", "troops")
# words before a group noun that make the group unidentified ("unknown gunmen")
UNIDENTIFIED_WORDS = ("unidentified", "unknown", "armed", "masked")
# words before a group noun that hedge it, dropped from its name ("suspected militants")
HEDGE_WORDS = ("suspected", "alleged", "presumed")
# every word that may come before a group noun and its named part
GROUP_QUALIFIERS = (*UNIDENTIFIED_WORDS, r"heavily\s+armed", *HEDGE_WORDS)
# words before a group noun that make it a state's ("government forces", "local police")
STATE_WORDS = (
    "government", "regime", "security", "federal", "state", "national", "military", "army",
    "police", "local",
)  # fmt: skip
# words that join the capitalised words of a group's name: "Ahl al-Sunna wa al-Jamaa fighters"
GROUP_NAME_LINKS = ("al", "el", "de", "del", "of", "the", "wa", "bin", "ibn", "for", "and")
# words before a group noun that are no part of its name ("Two police officers", "The militants");
# any case
NOT_GROUP_NAME = (
    "the", "a", "an", "of", "and", "for", "this", "that", "these", "those", "his", "her", "their",
    "its", "our", "some", "many", "several", "all", "both", "other", "another", "more", "most",
    "few", "dozens", "scores", "hundreds", "thousands", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
    "fifty", r"\d[\d,.]*",
)  # fmt: skip
# plurals that are not the singular and "s"
PLURALS = {"man": "men", "gunman": "gunmen", "militiaman": "militiamen", "policeman": "policemen"}
