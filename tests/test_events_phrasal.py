"""Killings and abductions told as a verb and a particle or a predicative noun (events.phrasal):
violence against the people they name, of the sub-type the phrase says; the same verbs with no
people as their object, or with an escort as their agent, report no violence."""

import re

import pytest

from pipeline.extract.events.classify import classify
from pipeline.extract.events.lexicon import (
    KILLING,
    PHRASAL_ABDUCTION_WORDS,
    PHRASAL_KILLING_WORDS,
    VIOLENT,
)

DOERS = ["Bandits", "Gunmen", "Armed men", "Unknown attackers"]
PEOPLE = ["19 bus passengers", "six farmers", "a schoolteacher", "three market women"]

KILLINGS = ["{doer} mowed down {people} on the road.", "{doer} gunned down {people} at dawn."]
ABDUCTIONS = [
    "{doer} took {people} hostage on the road.",
    "{doer} carried off {people} from the village.",
    "{doer} spirited away {people} at night.",
    "{doer} held {people} hostage for two days.",
]
PASSIVE_ABDUCTIONS = [
    "Six traders were taken captive by {doer_l} on the road.",
    "Two schoolgirls were whisked away by {doer_l} from their school.",
    "Nine villagers were taken hostage by {doer_l}.",
]


def _kind(text: str) -> tuple[str, str | None]:
    kind = classify(text)
    assert kind is not None, text
    return kind.type.value, kind.sub_type


@pytest.mark.parametrize("template", KILLINGS)
@pytest.mark.parametrize("doer", DOERS)
@pytest.mark.parametrize("people", PEOPLE)
def test_a_phrasal_killing_of_people_is_an_attack(template, doer, people):
    text = template.format(doer=doer, people=people)
    assert _kind(text) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("template", ABDUCTIONS)
@pytest.mark.parametrize("doer", DOERS)
@pytest.mark.parametrize("people", PEOPLE)
def test_a_phrasal_abduction_of_people_is_an_abduction(template, doer, people):
    text = template.format(doer=doer, people=people)
    assert _kind(text) == ("Violence against civilians", "Abduction/forced disappearance")


@pytest.mark.parametrize("template", PASSIVE_ABDUCTIONS)
@pytest.mark.parametrize("doer", DOERS)
def test_people_taken_away_in_the_passive_are_abducted(template, doer):
    text = template.format(doer_l=doer.lower())
    assert _kind(text) == ("Violence against civilians", "Abduction/forced disappearance")


def test_people_mowed_down_in_the_passive_are_killed():
    assert KILLING.search("Nineteen passengers were mowed down by bandits.")


@pytest.mark.parametrize(
    "text",
    [
        "The champions mowed down the opposition in the final.",
        "The home side carried off the trophy on Sunday.",
        "Loggers cut down two hundred trees near the river.",
        "The opposition is holding the budget hostage in parliament.",
        "The minister was whisked away by his bodyguards after the speech.",
        "Two elderly residents were carried off to hospital on stretchers.",
        "The firm cut down workers' hours this winter.",
        "A pedestrian was mowed down by a truck on the highway.",
    ],
)
def test_the_same_verbs_without_people_or_with_an_escort_are_no_violence(text):
    for words in (PHRASAL_KILLING_WORDS, PHRASAL_ABDUCTION_WORDS):
        assert not re.search(rf"\b(?:{words})\b", text, re.I), text
    if "hostage" not in text:  # the single word "hostage" is an abduction cue of its own
        assert not VIOLENT.search(text), text
