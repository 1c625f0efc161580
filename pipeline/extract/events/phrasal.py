r"""The words of a killing or an abduction told as a verb and a particle or a predicative noun
("bandits mowed down 19 passengers", "gunmen took eight villagers hostage", "the girls were
whisked away"), as data for events.lexicon, which reads them into its patterns of violence,
killing and abduction.

What the phrases guarantee: each counts only with people (of any side: whether they were armed
decides the type, as for "killed") as its object, or as its subject in the passive; so
"mowed down the opposition", "carried off the trophy", "holding the budget hostage" and "cut
down trees" are no violence. An escort's taking someone away ("whisked away by his
bodyguards", "carried off to hospital") is no abduction, and people mowed down by a vehicle
are an accident's victims, not an attack's.
"""

from __future__ import annotations

# the people a phrase may name besides civilians (events.lexicon.CIVILIAN_PEOPLE_WORDS)
OTHER_VICTIM_WORDS = (
    r"travell?ers?|tourists?|pilgrims?|commuters?|motorists?|brothers|sisters|sons|daughters|"
    r"wives|husbands|parents|relatives|hostages?|crew|soldiers?|troops|policem[ae]n|officers?|"
    r"guards?"
)
KILL_DOWN_VERBS = r"mow(?:s|ed|ing|n)?|gun(?:s|ned|ning)?|cut(?:s|ting)?"
CARRY_AWAY_VERBS = r"whisk(?:s|ed|ing)?|spirit(?:s|ed|ing)?|carr(?:y|ies|ied|ying)"
HOSTAGE_VERBS = r"t(?:ake|akes|aking|aken|ook)|h(?:old|olds|olding|eld)"
# an escort takes someone away for their own good, and a vehicle's victims are an accident's
ESCORT_WORDS = (
    r"(?:by|with) (?:his|her|their|the|a) (?:\w+ )?(?:bodyguards?|guards?|security|aides?|escorts?|"
    r"staff|entourage|convoy|motorcade|handlers|medics|paramedics|rescuers)|"
    r"to (?:safety|(?:a |the )?hospital|a (?:waiting )?car)|on (?:a )?stretchers?"
)
VEHICLE_WORDS = (
    r"by (?:a|an|the) (?:\w+ )?(?:trucks?|lorr(?:y|ies)|cars?|vehicles?|bus|buses|trains?|"
    r"motorcycles?|tankers?|minibus|van)"
)


def phrasal_words(civilian_people: str) -> tuple[str, str]:
    """The lexicons of killings and of abductions told as phrases, with `civilian_people` (a
    lexicon of words for civilians) and OTHER_VICTIM_WORDS as the people they must name."""
    victims = f"{civilian_people}|{OTHER_VICTIM_WORDS}"
    # the object, no prepositional phrase ("by his bodyguards"), no possessive ("workers' hours")
    people = rf"(?!(?:by|with|to|from|on|in|at)\b)(?:\w+ ){{0,3}}\w*(?:{victims})\b(?!['’])"
    passive = rf"\w*(?:{victims}) (?:\w+ ){{0,2}}(?:was|were|had been|ha(?:ve|s) been|being)"
    killing = (
        rf"(?:{KILL_DOWN_VERBS}) down {people}|"
        rf"{passive} (?:mowed|mown|gunned|cut) down(?! (?:{VEHICLE_WORDS}))"
    )
    abduction = (
        rf"(?:{CARRY_AWAY_VERBS}) (?:away|off) {people}(?! (?:{ESCORT_WORDS}))|"
        rf"(?:{CARRY_AWAY_VERBS}) {people} (?:away|off)(?! (?:{ESCORT_WORDS}))|"
        rf"{passive} (?:whisked|spirited|carried) (?:away|off)(?! (?:{ESCORT_WORDS}))|"
        rf"(?:{HOSTAGE_VERBS}) {people} (?:hostages?|captives?)|"
        rf"{passive} (?:taken|held) (?:hostages?|captives?)"
    )
    return killing, abduction
