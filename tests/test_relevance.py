"""Relevance, article by article: what decides it, and what it lets through. Every text here is
written for this suite: a page that reports nothing gets nothing; a disaster is a Disaster with
its sub-type and no actors; background, conditions and rates give no figure; an incident count
beyond any one incident is dropped."""

from __future__ import annotations

import pytest

from pipeline.extract.records import extract_records

PUBLISHED = "2026-03-04"


def extract(text: str, published: str = PUBLISHED) -> dict:
    return next(extract_records([{"id": "t", "text": text, "published": published}]))


SPORT_PAGE = (
    "Riverside United battled to a 2-2 draw with Kingsbridge City on Saturday. Diego Alvares "
    "shot past the keeper twice in the first half, and fans stormed the pitch at the final "
    "whistle. The coach, under fire after three straight defeats, said the squad had shown "
    "character. The league leaders visit the stadium next week."
)
BUSINESS_PAGE = (
    "Norvale Foods shares shot up 18 percent on Tuesday after the company struck a deal with "
    "its lenders. The supermarket chain has been locked in a price war with Halvorsen Retail "
    "that analysts said had killed its profits last year. Sales exploded in the final quarter."
)
FLOOD_PAGE = (
    "Floods swept through the district of Sylhet on Tuesday, killing nine people, officials "
    "said. About 2,000 residents were moved to shelters after the river burst its banks. "
    "Rescue teams were searching for four people still missing."
)
BUS_PAGE = (
    "A bus overturned on a mountain road near Cusco on Monday, killing 11 passengers and "
    "injuring 20 others, police said. The driver lost control on a sharp bend."
)


@pytest.mark.parametrize("page", [SPORT_PAGE, BUSINESS_PAGE])
def test_a_page_that_reports_no_incident_gets_no_event_and_no_figure(page):
    out = extract(page)
    assert out["relevance"] == "none"
    assert out["relevance_score"] == 0.0 and out["relevance_evidence"] == []
    assert out["events"] == [] and out["figures"] == []
    assert out["entities"]  # the page is still read for its names


def test_a_flood_is_a_disaster_with_its_sub_type_and_no_actors():
    out = extract(FLOOD_PAGE)
    assert out["relevance"] == "disaster" and 0 < out["relevance_score"] <= 1
    assert {str(e["type"]) for e in out["events"]} == {"Disaster"}
    assert all(e["sub_type"] == "Flood" and not e["actors"] for e in out["events"])
    assert all(e[k] is None for e in out["events"] for k in ("actor1", "actor2", "actor1_kind"))
    assert ("killed", 9) in {(str(f["category"]), f["best"]) for f in out["figures"]}


def test_a_road_accident_is_a_disaster_never_violence_against_civilians():
    out = extract(BUS_PAGE)
    assert out["relevance"] == "disaster"
    assert [(str(e["type"]), e["sub_type"]) for e in out["events"]] == [
        ("Disaster", "Transport accident")
    ]
    figures = {(str(f["category"]), f["best"]) for f in out["figures"]}
    assert {("killed", 11), ("injured", 20)} <= figures


def test_the_evidence_is_the_sentences_that_decided_it():
    out = extract("The weather was fine. " + FLOOD_PAGE)
    text = out["text"]
    sentences = [text[s:e] for s, e in out["relevance_evidence"]]
    assert sentences and all("weather" not in s for s in sentences)
    assert any("Floods swept" in s for s in sentences)


def test_a_background_sentence_gives_no_event_and_no_figure_beside_todays_incident():
    out = extract(
        "Gunmen killed five villagers in an attack on the town of Dogo on Monday, police said. "
        "Ten years ago fighting in the same district killed hundreds of people."
    )
    assert out["relevance"] == "conflict"
    assert {(str(f["category"]), f["best"]) for f in out["figures"]} == {("killed", 5)}


def test_a_figure_under_a_modal_or_a_condition_is_dropped():
    out = extract(
        "Police fired tear gas at protesters in Lyon on Monday; 12 people were injured. "
        "Officials warned that thousands could be forced from their homes if the strike spreads."
    )
    figures = {(str(f["category"]), f["best"]) for f in out["figures"]}
    assert ("injured", 12) in figures
    assert not any(c == "displaced" for c, _ in figures)


def test_an_incident_count_beyond_any_incident_is_dropped(caplog):
    caplog.set_level("INFO", logger="pipeline.extract.relevance.judge")
    out = extract(
        "Gunmen attacked a market in Kidal on Monday. Officials said the attackers killed "
        "2,000,000 people, a figure no one could confirm."
    )
    assert all(f["best"] <= 100_000 for f in out["figures"] if str(f["scope"]) == "incident")
    assert any("beyond any one incident" in m for m in caplog.messages)


def test_a_huge_running_total_needs_its_as_of_date():
    page = ("Gunmen attacked a market in Kidal on Monday, killing four people. The conflict has "
            "killed more than 3,000,000 people, {}.")  # fmt: skip
    undated = extract(page.format("a historian said"))
    dated = extract(page.format("according to a United Nations count as of 1 March"))
    assert [f["best"] for f in undated["figures"]] == [4]
    totals = [f for f in dated["figures"] if str(f["scope"]) == "cumulative"]
    assert [(f["best"], bool(f["as_of"])) for f in totals] == [(3_000_000, True)]


@pytest.mark.parametrize(
    ("text", "relevance"),
    [
        ("Thousands of teachers marched through Lima on Monday to demand higher pay.", "conflict"),
        ("Police arrested 14 suspected members of an armed group in Uruapan on Tuesday.",
         "conflict"),
        ("The foreign ministers of Sudan and Chad met in Jeddah on Sunday and agreed a ceasefire "
         "along the border.", "diplomacy"),
        ("Police arrested a man on Tuesday during a narcotics investigation at a local home.",
         "none"),
        ("The two companies held talks on Tuesday about a trade deal.", "none"),
    ],
)  # fmt: skip
def test_each_relevance_and_its_near_miss(text, relevance):
    assert extract(text)["relevance"] == relevance


def test_a_page_with_no_incident_word_skips_the_parse_and_keeps_its_names(monkeypatch):
    from pipeline.extract.relevance import screen

    page = ("The museum in Lyon opened a new wing on Monday. Visitors queued for two hours to see "
            "paintings lent by a gallery in Madrid, the director, Ana Reyes, said.")  # fmt: skip
    assert not screen.may_report(page)
    out = extract(page)
    assert out["relevance"] == "none" and out["events"] == [] and out["figures"] == []
    assert {"Lyon", "Madrid"} <= {e["name"] for e in out["entities"]}


def test_the_screen_lets_through_every_word_a_reading_or_a_casualty_figure_starts_from():
    from pipeline.extract.relevance import screen

    for text in ("Two men were shot dead.", "30 people sought refuge in a camp.",
                 "He succumbed to his injuries.", "Fighting broke out.", "Talks resumed.",
                 "The bus overturned.", "The river flooded the town.", "Protesters chanted."):  # fmt: skip
        assert screen.may_report(text), text


ORDINARY_PAGE = (
    "Kestrel Motors unveiled its new electric hatchback in Lyon on Tuesday. The car goes on sale "
    "in May at a price of 31,000 euros, the company's chief executive, Ana Reyes, said.\n"
    "Analysts said the launch was the opening shot in a price war with Asian rivals. The company "
    "plans to build a second factory near Turin. Reviewers praised the cabin and the range, and "
    "dealers in Milan and Madrid said orders were strong. The model will be shown at the Geneva "
    "show next month, where Kestrel also plans to present a sports version."
)


def _pre_read(text: str, published: str = PUBLISHED) -> bool:
    from pipeline.extract.records import nlp
    from pipeline.extract.relevance import screen

    with nlp().select_pipes(disable=["paragraph_sentences"]):
        return screen.pre_read(nlp(), [(text, published)])[0]


def test_a_page_whose_incident_words_read_as_nothing_is_none_from_those_sentences_alone():
    from pipeline.extract.relevance import screen

    assert screen.may_report(ORDINARY_PAGE)  # "shot", "war": words of the incident lexicons
    assert screen.trigger_sentences(ORDINARY_PAGE) == [
        "Analysts said the launch was the opening shot in a price war with Asian rivals.",
        "The company plans to build a second factory near Turin.",
    ]
    assert not _pre_read(ORDINARY_PAGE)
    out = extract(ORDINARY_PAGE)
    assert out["relevance"] == "none" and out["events"] == [] and out["figures"] == []
    assert {"Lyon", "Turin", "Milan"} <= {e["name"] for e in out["entities"]}


@pytest.mark.parametrize(
    "text",
    [
        FLOOD_PAGE,  # a casualty word beside a number: a figure may be stated
        BUS_PAGE,
        "Gunmen stormed a police post in Kidal on Monday. Residents said the attackers fled "
        "north on motorbikes.",  # an incident read in a sentence of its own
    ],
)
def test_a_page_that_may_report_an_incident_is_parsed_whole(text):
    assert _pre_read(text)


def test_a_page_full_of_incident_words_is_parsed_whole_at_once():
    from pipeline.extract.relevance import screen

    page = "Fighting broke out in Bama. Talks resumed. Protesters chanted. The bus overturned."
    assert screen.trigger_sentences(page) is None


def test_the_pre_read_never_changes_what_the_full_path_decides(monkeypatch):
    """Every quiet page of this suite, and its incident twin, judged with the pre-read and with
    the whole parse forced: the same relevance, events and figures."""
    from pipeline.extract import records

    texts = [SPORT_PAGE, BUSINESS_PAGE, ORDINARY_PAGE, FLOOD_PAGE, BUS_PAGE]
    texts += [p.replace("Tuesday", "Tuesday, when gunmen killed two guards") for p in texts]
    with_pre_read = [extract(t) for t in texts]
    monkeypatch.setattr(records, "pre_read", lambda model, pages: [True] * len(pages))
    whole = [extract(t) for t in texts]

    def key(o):
        return o["relevance"], [e["type"] for e in o["events"]], [f["best"] for f in o["figures"]]

    assert [key(o) for o in with_pre_read] == [key(o) for o in whole]


@pytest.mark.parametrize("place", ["Tumaco", "Ayod", "Kenieba", "Tal Afar"])
def test_an_event_name_without_a_war_word_is_no_named_war(place):
    """The recognizer may take a place for an event; a killing "in" it is still news, while one
    "in the Korean War" is history."""
    from spacy.tokens import Span

    from pipeline.extract.records import nlp
    from pipeline.extract.relevance.arguments import Classes
    from pipeline.extract.relevance.frames import in_named_war

    for name, is_war in ((place, False), ("the Korean War", True)):
        doc = nlp()(f"On Monday, six soldiers were killed in {name}, the army said.")
        start = next(t.i for t in doc if t.text == name.split()[-2 if is_war else 0])
        end = start + (2 if is_war else len(name.split()))
        doc.ents = [Span(doc, start, end, label="EVENT")]
        killed = next(t for t in doc if t.lower_ == "killed")
        assert in_named_war(killed, Classes({})) is is_war, name
