"""Casualty figures: the number, its bounds and category, and the guards that keep totals honest."""

from __future__ import annotations

import pytest

from pipeline.figures import find_figures
from pipeline.numbers import parse_number


def figures_of(nlp, text: str, published: str = "2026-03-02"):
    from pipeline.extract import not_count_spans

    doc = nlp(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return find_figures(text, sentences, not_count_spans(doc), published)


@pytest.mark.parametrize(
    "words,value",
    [("12", 12), ("1,200", 1200), ("2.5 million", 2_500_000), ("twenty-three", 23),
     ("a dozen", 12), ("one hundred and five", 105), ("14 000", 14000), ("seven", 7)],
)  # fmt: skip
def test_numbers_as_news_writes_them(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "sentence,category,best,qualifier",
    [
        ("Twelve people were killed in the attack.", "killed", 12, "exact"),
        ("Gunmen stormed the village, killing at least 9 civilians.", "killed", 9, "at_least"),
        ("More than 40 people were injured.", "injured", 40, "more_than"),
        ("About 2,000 residents fled the fighting.", "displaced", 2000, "approx"),
        ("Thirty-one passengers are still missing.", "missing", 31, "exact"),
        ("Police arrested 27 protesters.", "arrested", 27, "exact"),
        ("The gunmen abducted six people.", "captured", 6, "exact"),
        ("A man was shot dead outside his shop.", "killed", 1, "exact"),
    ],
)
def test_a_figure_is_a_number_tied_to_a_casualty_word(nlp, sentence, category, best, qualifier):
    (fig,) = figures_of(nlp, sentence)
    assert (fig.category, fig.best, fig.qualifier) == (category, best, qualifier)


def test_evidence_spans_the_words_that_state_the_figure(nlp):
    text = "Witnesses said the blast was loud. At least 9 people were killed, police said."
    (fig,) = figures_of(nlp, text)
    assert text[fig.span[0] : fig.span[1]] == "At least 9 people were killed"


def test_ranges_keep_both_ends_and_the_low_end_as_best(nlp):
    (fig,) = figures_of(nlp, "Between 30 and 40 people died when the ferry capsized.")
    assert (fig.best, fig.low, fig.high, fig.qualifier) == (30, 30, 40, "range")


def test_open_ended_figures_have_no_high(nlp):
    (fig,) = figures_of(nlp, "At least 15 soldiers were killed.")
    assert (fig.low, fig.high) == (15, None)


def test_cumulative_totals_are_not_incident_deaths(nlp):
    text = (
        "A drone strike killed four people on Sunday. The war has killed more than 14,000 "
        "civilians since February 2022."
    )
    figs = figures_of(nlp, text)
    assert [(f.best, f.scope) for f in figs] == [(4, "incident"), (14000, "cumulative")]


def test_a_corrected_toll_supersedes_the_earlier_figure(nlp):
    text = "Police said 5 people had died. Officials later revised the death toll to 8."
    figs = figures_of(nlp, text)
    assert [(f.category, f.best) for f in figs] == [("killed", 8)]


def test_a_restated_figure_counts_once(nlp):
    text = "Three soldiers were killed in the ambush near Gao. 3 fatalities."
    assert [f.best for f in figures_of(nlp, text)] == [3]


def test_numbers_joined_by_and_share_the_casualty_word(nlp):
    figs = figures_of(nlp, "12 militants and 3 soldiers were killed in the clash.")
    assert sorted((f.category, f.best) for f in figs) == [("killed", 3), ("killed", 12)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began in 2022 and escalated in 2014.",
        "The convoy travelled 40 km before it was attacked.",
        "Prices rose by 12 percent after the blockade.",
        "More than 200 passengers were on board.",
    ],
)
def test_years_ages_measures_and_counts_of_non_victims_are_not_figures(nlp, sentence):
    assert [(f.category, f.best) for f in figures_of(nlp, sentence)] == []


def test_the_source_of_a_figure_is_kept(nlp):
    (fig,) = figures_of(nlp, "At least 11 people were killed, according to the health ministry.")
    assert fig.source == "the health ministry"


def test_a_hyphenated_range_is_one_figure(nlp):
    (fig,) = figures_of(nlp, "Another 15-20 people were wounded, a doctor said.")
    assert (fig.category, fig.low, fig.high, fig.qualifier) == ("injured", 15, 20, "range")


def test_a_toll_revised_in_the_same_sentence_keeps_only_the_revision(nlp):
    text = "Police earlier said 5 people had died but later revised the toll to 8."
    assert [(f.category, f.best) for f in figures_of(nlp, text)] == [("killed", 8)]


def test_an_age_in_apposition_is_not_a_count(nlp):
    text = "Michael Cattron, 6, was pronounced dead at the hospital. Two others were wounded."
    assert [(f.category, f.best) for f in figures_of(nlp, text)] == [("injured", 2)]


def test_a_number_split_off_by_the_parser_stays_with_its_sentence(nlp):
    from pipeline.extract import sentence_spans

    text = "Troops clashed with militants near the village (Afgooye, Lower Shabelle). 14 militants were killed."
    doc = nlp(text)
    figs = find_figures(text, sentence_spans(doc), [], "2026-03-02")
    assert [(f.category, f.best) for f in figs] == [("killed", 14)]


def test_impossible_counts_are_not_figures(nlp):
    assert figures_of(nlp, "Some 90000000000000 people were affected by the rumour.") == []


def test_a_long_list_of_numbers_gives_each_its_figure(nlp):
    from pipeline.figures import find_figures

    text = (
        " ".join(f"{i} people were injured in district {i}," for i in range(1, 400))
        + " officials said."
    )
    figs = find_figures(text, [(0, len(text))], [], "2026-03-02")
    assert len(figs) > 300


def test_a_figure_far_into_a_long_sentence_keeps_its_cue_and_evidence(nlp):
    text = (
        "On 5 May, two communal militias clashed in several villages of the adjoining districts "
        "in the south of the province after a dispute over grazing land, killing at least 31, "
        "officials said."
    )
    (fig,) = figures_of(nlp, text)
    assert (fig.category, fig.best, fig.qualifier) == ("killed", 31, "at_least")
    assert text[fig.span[0] : fig.span[1]] == "killing at least 31"


def _with_people(nlp, text):
    from pipeline.entities import find_entities
    from pipeline.extract import not_count_spans, sentence_spans

    doc = nlp(text)
    persons = [tuple(m) for e in find_entities(doc) if e.type == "PERSON" for m in e.mentions]
    return find_figures(text, sentence_spans(doc), not_count_spans(doc), "2026-03-02", persons)


def test_a_named_victim_is_a_death_of_one(nlp):
    figs = _with_people(
        nlp, "Police said Timothy Agnew was shot and killed outside his home on Friday."
    )
    assert [(f.category, f.best, f.who) for f in figs] == [("killed", 1, "Timothy Agnew")]


def test_a_victim_named_again_is_still_one_death(nlp):
    text = "A man was shot dead in Tijuana on Sunday. The victim, 34, died at the scene."
    assert [(f.category, f.best) for f in _with_people(nlp, text)] == [("killed", 1)]


def test_a_name_that_is_not_a_person_is_not_a_victim(nlp):
    assert _with_people(nlp, "The Senate Bill was killed in committee on Tuesday.") == []


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Four people were shot outside the nightclub late on Wednesday.", [("injured", 4)]),
        ("Two men were shot to death in the parking lot.", [("killed", 2)]),
        ("Three people were shot and killed at the party.", [("killed", 3)]),
        ("A 2-year-old girl has been wounded in a shooting, police said.", [("injured", 1)]),
    ],
)
def test_shot_alone_means_wounded_and_shot_dead_means_killed(nlp, sentence, expected):
    assert [(f.category, f.best) for f in figures_of(nlp, sentence)] == expected


def test_an_age_is_not_a_count_but_the_person_is_one(nlp):
    figs = figures_of(nlp, "A 24-year-old man was arrested on 9 May.")
    assert [(f.category, f.best) for f in figs] == [("arrested", 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen shot and killed a civilian travelling on the road to the market.",
        "A local leader of Green Valley Union was stabbed to death by unknown assailants.",
        "A former village councillor was shot dead outside his home.",
        "Militants shot dead a school guard and burned two classrooms.",
    ],
)
def test_one_victim_described_but_not_counted_is_a_death_of_one(nlp, sentence):
    assert [(f.category, f.best) for f in figures_of(nlp, sentence)] == [("killed", 1)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Two men who allegedly shot dead a shopkeeper were arrested later.", [("killed", 1)]),
        ("Two armed men on a motorcycle shot and killed a taxi driver.", [("killed", 1)]),
        ("The raiders burned 20 huts and killed 15 livestock before leaving.", []),
    ],
)
def test_the_killers_and_the_animals_are_not_the_victims(nlp, sentence, expected):
    assert [(f.category, f.best) for f in figures_of(nlp, sentence)] == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("No one was killed in the blast.", [("killed", 0)]),
        ("Neither injuries nor fatalities were reported.", [("injured", 0), ("killed", 0)]),
        ("No casualties were reported after the shelling.", [("casualties", 0)]),
    ],
)
def test_a_report_that_nobody_was_hurt_is_a_figure_of_zero(nlp, sentence, expected):
    assert sorted((f.category, f.best) for f in figures_of(nlp, sentence)) == expected


def test_no_death_penalty_is_not_a_zero(nlp):
    assert figures_of(nlp, "The country has had no death penalty since 1998.") == []
