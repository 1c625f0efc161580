"""Victims read over the dependency parse (issue 19), as a specification: whatever noun phrase
is the patient of a casualty predicate is counted, coordinated phrases add up, the parts of a
counted group and the doers of a predicate are no victims, and a predicate denied or only
intended has none. Every sentence is written for this test from templates and word lists.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from pipeline.extract.figures.find import find_figures
from pipeline.extract.figures.victims import predicates

# victim phrases no surface lexicon lists: multi-word, with a role, "members of X", a nationality
PHRASES = [
    "ferry passengers", "members of a farmers' cooperative", "Chadian herders",
    "volunteers of a relief charity", "employees of a cement factory", "off-duty prison wardens",
    "supporters of the opposition candidate", "bus conductors", "Malian gold miners",
    "schoolteachers from a nearby town",
]  # fmt: skip


def totals(nlp, text: str) -> dict[str, int]:
    """The sum of `best` per category over the text's figures, read with its parse."""
    from pipeline.extract.entities.resolve import find_entities
    from pipeline.extract.records import not_count_spans, sentence_spans

    doc = nlp(text)
    persons = [tuple(m) for e in find_entities(doc) if e.type == "PERSON" for m in e.mentions]
    figs = find_figures(text, sentence_spans(doc), not_count_spans(doc), "2026-03-02", persons, doc)
    out: dict[str, int] = defaultdict(int)
    for f in figs:
        out[str(f.category)] += f.best
    return {c: n for c, n in out.items() if n}


# --- any noun phrase, any predicate of the lexicon ----------------------------------------------


@pytest.mark.parametrize("who", PHRASES)
@pytest.mark.parametrize(
    "template,category",
    [("Four {who} were hacked to death in the night.", "killed"),
     ("Raiders gunned down four {who} on the highway.", "killed"),
     ("Four {who} lost their lives when the convoy was ambushed.", "killed"),
     ("Four {who} kidnapped on the road were freed a week later.", "captured"),
     ("Four {who} were maimed by a roadside bomb.", "injured")],
)  # fmt: skip
def test_any_noun_phrase_is_a_victim_of_a_casualty_predicate(nlp, who, template, category):
    assert totals(nlp, template.format(who=who)) == {category: 4}


def test_the_lexicon_spells_the_inflections_of_each_predicate():
    table = predicates()
    for form in ("gunned", "slain", "lost", "hurt", "succumbed", "drove", "driven"):
        assert form in table, form
    assert "killings" not in table  # a noun is no predicate


# --- coordination and apposition ------------------------------------------------------------------


@pytest.mark.parametrize(
    "victims,n",
    [("a soldier and two militants", 3), ("two men and a woman", 3),
     ("three herders, two traders and a child", 6), ("a nurse and her daughter", 2)],
)  # fmt: skip
@pytest.mark.parametrize(
    "template",
    ["Attackers killed {victims} near the river.", "{Victims} were killed near the river."],
)
def test_coordinated_victims_add_up(nlp, victims, n, template):
    text = template.format(victims=victims, Victims=victims[0].upper() + victims[1:])
    assert totals(nlp, text) == {"killed": n}


def test_an_apposition_states_the_count_of_uncounted_victims(nlp):
    text = "The victims, two women and a boy, were stabbed to death in their home."
    assert totals(nlp, text) == {"killed": 3}


def test_people_named_together_are_each_a_victim(nlp):
    text = "Peter Okonjo and Halima Bello, both nurses, were abducted from a clinic."
    assert totals(nlp, text) == {"captured": 2}


# --- parts, agents, denials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Six people, including two police officers, were shot dead at the market.",
     "Six people were shot dead at the market, among them two police officers.",
     "Six people - four traders and two police officers - were shot dead at the market."],
)  # fmt: skip
def test_parts_are_never_added_to_their_total(nlp, text):
    assert totals(nlp, text) == {"killed": 6}


@pytest.mark.parametrize(
    "text",
    ["Three gunmen killed a shopkeeper in the village.",
     "A shopkeeper was killed by three gunmen in the village.",
     "A shopkeeper was killed by a mob of 40 youths in the village.",
     "Three gunmen who stormed the village killed a shopkeeper."],
)  # fmt: skip
def test_the_doers_of_a_predicate_are_never_victims(nlp, text):
    assert totals(nlp, text) == {"killed": 1}


@pytest.mark.parametrize(
    "text",
    ["Four miners were not hurt in the blast.", "The rebels threatened to kill five hostages.",
     "The militia tried to abduct three nurses.", "No passengers were injured in the crash.",
     "Lawmakers killed the bill on Tuesday.", "Farmers said 300 goats were killed by wolves.",
     "Adebayo shot past the keeper to give the visitors a 2-1 win."],
)  # fmt: skip
def test_what_did_not_happen_or_is_no_person_is_no_figure(nlp, text):
    assert totals(nlp, text) == {}


# --- a person's status names who was hurt, not a second category ---------------------------------


@pytest.mark.parametrize(
    "status", ["refugees", "displaced villagers", "asylum seekers", "hostages"]
)
@pytest.mark.parametrize(
    "template,category",
    [("Seven {status} were shot dead at the camp gate.", "killed"),
     ("Shelling wounded seven {status} near the border.", "injured"),
     ("Seven {status} died when the boat capsized.", "killed")],
)  # fmt: skip
def test_a_status_noun_names_the_victims_of_the_predicate(nlp, status, template, category):
    assert totals(nlp, template.format(status=status)) == {category: 7}


def test_a_status_noun_alone_still_counts_its_status(nlp):
    assert totals(nlp, "Fighting forced 300 villagers to flee their homes.") == {"displaced": 300}


# --- one victim told without a count ----------------------------------------------------------


@pytest.mark.parametrize("who", ["a wedding guest", "an inhabitant of the town", "a tax collector",
                                 "the shopkeeper", "his nephew"])  # fmt: skip
@pytest.mark.parametrize(
    "template,category",
    [("Raiders abducted {who} overnight.", "captured"),
     ("{Who} was stabbed to death outside the mosque.", "killed")],
)  # fmt: skip
def test_any_person_named_alone_is_one(nlp, who, template, category):
    text = template.format(who=who, Who=who[0].upper() + who[1:])
    assert totals(nlp, text) == {category: 1}


@pytest.mark.parametrize(
    "text",
    ["A number of traders were killed in the raid.", "The engine died on the highway.",
     "The gunman fired a dozen bullets into the house."],
)  # fmt: skip
def test_a_thing_or_an_uncounted_group_is_no_single_victim(nlp, text):
    assert totals(nlp, text) == {}


# --- restatements, alternatives, lists -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [("About 120 families (some 600 people) were displaced by the clashes.", {"displaced": 120}),
     ("Some 120 families, or 600 people, were displaced by the clashes.", {"displaced": 120}),
     ("The airstrike killed or injured 9 fighters.", {}),
     ("Five guards, three drivers and a cook were abducted at the depot.", {"captured": 9}),
     ("Officials told reporters two guards and a cook were abducted at the depot.",
      {"captured": 3}),
     ("Raiders killed two guards manning a gate and three drivers at the depot.", {"killed": 5})],
)  # fmt: skip
def test_restatements_alternatives_and_lists(nlp, text, expected):
    assert totals(nlp, text) == expected


@pytest.mark.parametrize("n,words", [(19, "19 night watchmen"), (9, "9 migrants")])
def test_a_count_the_tagger_calls_a_time_or_quantity_still_counts_people(nlp, n, words):
    assert totals(nlp, f"Gunmen killed {words} near the border post.") == {"killed": n}


@pytest.mark.parametrize(
    "text,expected",
    [("Rebels made an attempt to assassinate the governor.", {}),
     ("A farmer and also the chairman of the village council was killed.", {"killed": 1}),
     ("A farmer and the chairman of the village council were killed.", {"killed": 2}),
     ("A trader from Kano died of his wounds. The trader from Kano died on Friday.",
      {"killed": 1})],
)  # fmt: skip
def test_intentions_one_person_told_twice_and_restatements(nlp, text, expected):
    assert totals(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("Mr Okafor, a veteran of the civil war, died at his home on Sunday.", {}),
     ("A herder died in an ambush near the river on Sunday.", {"killed": 1}),
     ("Two herders died at the market on Sunday.", {"killed": 2})],
)  # fmt: skip
def test_one_who_died_is_a_victim_when_a_violent_cause_is_told(nlp, text, expected):
    assert totals(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("No fewer than 14 porters were killed on the road.", {"killed": 14}),
     ("About 700 herders abandoned their homes after the raid.", {"displaced": 700}),
     ("Some 700 herders sought refuge in the town after the raid.", {"displaced": 700}),
     ("Twelve porters, aged between 20 and 30, were killed on the road.", {"killed": 12}),
     ("Raiders left nine members of one clan dead near the well.", {"killed": 9}),
     ("Eleven porters died and 3 were wounded on the road.", {"killed": 11, "injured": 3}),
     ("Police killed two gunmen who had wounded three guards.", {"killed": 2, "injured": 3})],
)  # fmt: skip
def test_qualifiers_displacement_ages_and_the_nearest_predicate(nlp, text, expected):
    assert totals(nlp, text) == expected
