"""The codebook's decision table (pipeline/extract/events/codebook.py) and the sides it reads
(events.sides), as specifications: who acted against whom, then how."""

from __future__ import annotations

import pytest

from pipeline.extract import prefilter
from pipeline.extract.events.codebook import (
    ARMED_CLASH,
    ATTACK_ON_CIVILIANS,
    MOB_VIOLENCE,
    Means,
    Side,
    decide,
)
from pipeline.extract.events.sides import first_side, means_of, side_of

GUNS = Means(fire_exchange=False, firearms=True, clash=False, against_persons=True)
STICKS = Means(fire_exchange=False, firearms=False, clash=False, against_persons=True)
CLASH_WITH_STICKS = STICKS._replace(clash=True)
EXCHANGE = Means(fire_exchange=True, firearms=True, clash=True, against_persons=False)


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("supporters of the Harmony Party", Side.POLITICAL_MILITIA),
        ("ruling party cadres", Side.POLITICAL_MILITIA),
        ("KDL activists", Side.POLITICAL_MILITIA),
        ("workers of the TNA", Side.POLITICAL_MILITIA),
        ("Supporters of the opposition", Side.POLITICAL_MILITIA),
        ("Lomba clan militiamen", Side.IDENTITY_MILITIA),
        ("armed herders", Side.IDENTITY_MILITIA),
        ("a village self-defence group", Side.IDENTITY_MILITIA),
        ("youths of the Ekiti community", Side.COMMUNAL_GROUP),
        ("two rival groups", Side.COMMUNAL_GROUP),
        ("rival armed factions", Side.IDENTITY_MILITIA),
        ("the office of the Harmony Party", Side.PROPERTY),
        ("the house of a local leader", Side.PROPERTY),
        ("a local leader of the Harmony Party", Side.CIVILIANS),
        ("a mob", Side.RIOTERS),
        ("gunmen", Side.UNIDENTIFIED_ARMED_GROUP),
        ("soldiers", Side.STATE_FORCES),
        ("fighters of the Nalu Liberation Front", Side.REBEL_GROUP),
        ("members of the Amani People's Army", Side.REBEL_GROUP),
        ("two farmers", Side.CIVILIANS),
        ("the Harmony Party", Side.POLITICAL_MILITIA),
        ("an off-duty soldier", Side.CIVILIANS),
        ("the weather", None),
    ],
)
def test_a_phrase_names_its_side(phrase, side):
    assert side_of(phrase) == side


def test_words_of_a_party_name_are_not_its_members():
    # "Workers" in "United Workers' League" names the party, not its people
    assert side_of("a United Workers' League activist") == Side.CIVILIANS
    assert side_of("ADF members") != Side.POLITICAL_MILITIA


def test_the_target_is_a_person_before_a_thing():
    assert first_side(["a market", "traders"]) == Side.CIVILIANS
    assert first_side(["a market"]) == Side.PROPERTY
    assert first_side(["sticks"]) is None


@pytest.mark.parametrize("actor1", list(Side) + [None])
def test_an_exchange_of_fire_is_a_battle_whoever_fires(actor1):
    assert decide(actor1, None, EXCHANGE) == ARMED_CLASH


@pytest.mark.parametrize(
    "actor1, actor2, means, kind",
    [
        # an identity militia is armed: against an organised side or in a clash, a battle
        (Side.IDENTITY_MILITIA, Side.STATE_FORCES, STICKS, ARMED_CLASH),
        (Side.IDENTITY_MILITIA, None, CLASH_WITH_STICKS, ARMED_CLASH),
        # a party's people or a community's fight as an armed side only when they fire
        (Side.POLITICAL_MILITIA, Side.POLITICAL_MILITIA, GUNS, ARMED_CLASH),
        (Side.POLITICAL_MILITIA, Side.POLITICAL_MILITIA, STICKS, MOB_VIOLENCE),
        (Side.COMMUNAL_GROUP, Side.COMMUNAL_GROUP, CLASH_WITH_STICKS, MOB_VIOLENCE),
        (Side.COMMUNAL_GROUP, None, GUNS._replace(clash=True), ARMED_CLASH),
        # a militia's one-sided violence against a person is violence against civilians
        (Side.POLITICAL_MILITIA, Side.CIVILIANS, STICKS, ATTACK_ON_CIVILIANS),
        (Side.IDENTITY_MILITIA, Side.CIVILIANS, GUNS, ATTACK_ON_CIVILIANS),
        (Side.COMMUNAL_GROUP, Side.CIVILIANS, STICKS, ATTACK_ON_CIVILIANS),
        # organised sides that are no militia, in violence: a battle
        (Side.STATE_FORCES, Side.REBEL_GROUP, GUNS, ARMED_CLASH),
        (Side.UNIDENTIFIED_ARMED_GROUP, Side.STATE_FORCES, STICKS, ARMED_CLASH),
        # anyone against a mob: the mob's riot
        (Side.STATE_FORCES, Side.RIOTERS, GUNS, MOB_VIOLENCE),
        # a party's people destroying property are a mob
        (Side.POLITICAL_MILITIA, Side.PROPERTY, STICKS._replace(against_persons=False),
         MOB_VIOLENCE),
    ],
)  # fmt: skip
def test_the_decision_table(actor1, actor2, means, kind):
    assert decide(actor1, actor2, means) == kind


@pytest.mark.parametrize(
    "actor1",
    [Side.STATE_FORCES, Side.REBEL_GROUP, Side.RIOTERS, Side.PROTESTERS, Side.CIVILIANS, None],
)
def test_other_sides_against_civilians_are_left_to_the_cue_precedence(actor1):
    # the cues tell an abduction, a killing of a suspect, a mob's lynching apart
    for means in (GUNS, STICKS, CLASH_WITH_STICKS):
        assert decide(actor1, Side.CIVILIANS, means) is None


@pytest.mark.parametrize("actor1", list(Side))
def test_no_violence_is_no_row_of_the_table(actor1):
    # "police arrested three militants": the cues make it an arrest
    quiet = Means(fire_exchange=False, firearms=False, clash=False, against_persons=False,
                  violent=False)  # fmt: skip
    for actor2 in list(Side) + [None]:
        assert decide(actor1, actor2, quiet) is None


@pytest.mark.parametrize(
    "text, fire_exchange, firearms, clash",
    [
        ("The two sides exchanged gunfire for an hour.", True, True, True),
        ("They attacked each other with sticks and axes.", False, False, True),
        ("Gunmen shot a trader.", False, True, False),
        ("A gunfight broke out near the market.", True, True, True),
        ("A clash broke out between two groups.", False, False, True),
        # "between" places, it does not fight
        ("Party workers beat a trader on the road between Kolo and Maro.", False, False, False),
    ],
)
def test_the_means_of_a_passage(text, fire_exchange, firearms, clash):
    m = means_of(text, prefilter.lowered(text), persons_hurt=False)
    assert (m.fire_exchange, m.firearms, m.clash) == (fire_exchange, firearms, clash)


def test_a_protest_against_violence_does_not_make_the_violence_a_protest():
    from pipeline.extract.events.classify import precedence

    killing = ("Violence against civilians", "Attack")
    strike = ("Protests", "Peaceful protest")
    assert precedence(killing, strike) == killing
    # a protest whose crowd then throws stones is still a riot
    riot = ("Riots", "Violent demonstration")
    assert precedence(strike, riot) == riot


def test_the_killed_are_no_targets_of_the_words_after_shot_dead():
    from pipeline.extract.events.roles import regex_roles

    roles = regex_roles("Two farmers were shot dead by army troops near the river.")
    assert not any("troops" in t for t in roles.targets)


@pytest.mark.parametrize(
    "name, kind, event_type, refined",
    [
        ("UWL activists", "civilians", "Violence against civilians", "political_militia"),
        ("the Harmony Party", "named", "Battles", "political_militia"),
        ("Lomba clan militiamen", "armed_group", "Battles", "identity_militia"),
        ("youths of the Ekiti community", "civilians", "Violence against civilians",
         "identity_militia"),
        ("UWL activists", "civilians", "Riots", "rioters"),
        ("UWL activists", "civilians", "Protests", "civilians"),  # as_crowd's to refine
        ("police", "state_forces", "Battles", "state_forces"),
        ("two farmers", "civilians", "Violence against civilians", "civilians"),
    ],
)  # fmt: skip
def test_an_event_actor_takes_the_codebook_kind_its_words_and_the_event_give(
    name, kind, event_type, refined
):
    from pipeline.extract.events.roles import Actor
    from pipeline.extract.events.sides import as_side
    from pipeline.vocabulary import ActorKind

    assert as_side(Actor(name, ActorKind(kind)), event_type).kind == refined


@pytest.mark.parametrize(
    "text, sub_type",
    [
        ("Nurses protested outside the ministry against the arrest of their union leader.",
         "Peaceful protest"),
        ("Farmers protested to demand the release of detained colleagues.", "Peaceful protest"),
        ("Farmers protested in the town. Police detained 12 protesters.",
         "Protest with intervention"),
        ("Farmers protested in the town; ten of them were arrested by the riot police.",
         "Protest with intervention"),
        ("Teachers marched to the ministry and were tear-gassed.", "Protest with intervention"),
        ("Police opened fire on traders protesting a new tax, killing two.",
         "Excessive force against protesters"),
    ],
)  # fmt: skip
def test_a_protest_is_intervened_in_when_its_protesters_are_arrested_not_over_an_arrest(
    text, sub_type
):
    from pipeline.extract.events.classify import classify

    assert classify(text) == ("Protests", sub_type)
