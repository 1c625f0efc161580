"""Accounts that disagree about one count (pipeline/extract/figures/accounts.py), as behaviour:
templates x open word lists. An incident told two ways ("a bomb killed 3 villagers ... other
sources said 5 villagers were killed") is one figure, best the lowest account, low and high
spanning them, each account kept in `reports` with the words that state it. A claim of more
victims by another voice raises only the high estimate. Near misses keep their counts apart:
other victims, another incident, a count that adds ("also") without another voice, and texts
that report nothing give no figure."""

from __future__ import annotations

import itertools

import pytest

from pipeline.extract.records import extract_records

PUBLISHED = "2025-03-12"
TOWNS = ["Dorvale", "Kessemi", "Abu Tarif", "San Lucio", "Mbarra"]
# victim groups that can be restated by their own noun
VICTIMS = [
    "villagers", "civilians", "soldiers", "police officers", "miners", "students", "passengers",
    "worshippers", "farmers", "traders",
]  # fmt: skip
# (first account, second account): numbers as digits and as words
NUMBERS = [(3, 5, "3", "5"), (12, 20, "12", "20"), (7, 4, "seven", "four"), (2, 9, "two", "9")]
FIRST = [
    "A bomb exploded at a market in {town} on Monday, killing {n1} {v}.",
    "Gunmen attacked {town} on Monday and killed {n1} {v}.",
    "{N1} {v} were killed when fighters stormed {town} on Monday.",
]
# the second account, told as another voice's
OTHER_VOICE = [
    "Other sources said {n2} {v} were killed.",
    "According to other accounts, {n2} {v} died in the attack.",
    "However, residents said {n2} {v} were killed.",
    "Unconfirmed reports said {n2} {v} had been killed.",
    "Conflicting reports put the death toll at {n2}.",
]
# the same count given by two named sources
SOURCE_PAIRS = [
    ("Police", "Hospital officials"), ("The army", "Local residents"),
    ("The governor", "Witnesses"), ("The interior ministry", "Medics"),
]  # fmt: skip


def _killed(text: str) -> list[dict]:
    (out,) = extract_records([{"id": "t", "text": text, "published": PUBLISHED}])
    return [f for f in out["figures"] if f["category"] == "killed" and f["scope"] == "incident"]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _cases(templates: list[str], seconds: list[str]):
    for i, (first, second, v, (a, b, w1, w2)) in enumerate(
        itertools.product(templates, seconds, VICTIMS, NUMBERS)
    ):
        town = TOWNS[i % len(TOWNS)]
        text = f"{first} {second}".format(town=town, n1=w1, N1=_cap(w1), n2=w2, v=v)
        yield text, a, b, w1, w2


def _one_account_each(texts) -> tuple[int, list[str]]:
    failed = []
    total = 0
    for text, a, b, w1, w2 in texts:
        total += 1
        figs = _killed(text)
        ok = len(figs) == 1
        if ok:
            f = figs[0]
            spans = [text[r["span"][0] : r["span"][1]].lower() for r in f["reports"]]
            ok = (
                (f["best"], f["low"], f["high"]) == (min(a, b), min(a, b), max(a, b))
                and f["qualifier"] == "range"
                and len(spans) == 2
                and w1 in spans[0]
                and w2 in spans[1]
            )
        if not ok:
            failed.append(text)
    return total, failed


def test_another_voice_restating_a_count_is_one_figure_with_low_and_high():
    total, failed = _one_account_each(_cases(FIRST, OTHER_VOICE))
    assert total == len(FIRST) * len(OTHER_VOICE) * len(VICTIMS) * len(NUMBERS)
    assert not failed, f"{len(failed)}/{total} failed, e.g. {failed[:3]}"


def test_two_named_sources_giving_different_counts_are_one_figure():
    texts = []
    for s1, s2 in SOURCE_PAIRS:
        first = f"{s1} said {{n1}} {{v}} were killed in an attack on {{town}} on Monday."
        texts.extend(_cases([first], [f"{s2} said {{n2}} {{v}} died."]))
    total, failed = _one_account_each(texts)
    assert not failed, f"{len(failed)}/{total} failed, e.g. {failed[:3]}"


@pytest.mark.parametrize("template", FIRST)
def test_another_voices_claim_of_more_victims_raises_only_the_high(template):
    failed = []
    for text, a, b, _, _ in _cases([template], ["Other sources said {n2} more {v} were killed."]):
        figs = _killed(text)
        if [(f["best"], f["low"], f["high"]) for f in figs] != [(a, a, a + b)]:
            failed.append((text, figs))
    assert not failed, f"{len(failed)} failed, e.g. {failed[:2]}"


# near misses: the second count is a count of its own, and the two add up
OTHER_VICTIMS = [("soldiers", "militants"), ("villagers", "gunmen"), ("police officers", "robbers"),
                 ("civilians", "fighters")]  # fmt: skip
OWN_COUNT = [
    # another group of victims, told by another voice
    "Other sources said {n2} {w} were killed.",
    # another incident
    "In a separate attack on {town2}, other sources said {n2} {v} were killed.",
    "Elsewhere, residents said {n2} {v} were killed in a raid.",
    # a count that adds, with no other voice
    "Local officials said {n2} {v} were also killed.",
]


def test_counts_of_other_victims_or_incidents_are_not_accounts():
    failed = []
    for first, second, (v, w), (a, b, w1, w2) in itertools.product(
        FIRST, OWN_COUNT, OTHER_VICTIMS, NUMBERS
    ):
        text = f"{first} {second}".format(
            town="Dorvale", town2="Kessemi", n1=w1, N1=_cap(w1), n2=w2, v=v, w=w
        )
        figs = _killed(text)
        if sorted(f["best"] for f in figs) != sorted([a, b]) or any(f["reports"] for f in figs):
            failed.append((text, [(f["best"], f["high"]) for f in figs]))
    assert not failed, f"{len(failed)} failed, e.g. {failed[:3]}"


@pytest.mark.parametrize("second", OTHER_VOICE)
def test_a_single_account_stays_as_told(second):
    for v, (_, b, _, w2) in itertools.product(VICTIMS, NUMBERS):
        text = f"Fighting broke out in Dorvale on Monday. {second}".format(n2=w2, v=v)
        figs = _killed(text)
        assert [(f["best"], f["reports"]) for f in figs] == [(b, [])], text


@pytest.mark.parametrize(
    "text",
    [
        "Other sources said the market in Dorvale would reopen on Monday.",
        "Conflicting reports about the budget were published by three newspapers on Monday.",
        "However, residents said 40 stalls had been rebuilt since the fire of 2019.",
        "Some reports put the cost of the new bridge at 12 million dollars.",
        "Unconfirmed reports said the coach would leave the club after 5 seasons.",
    ],
)
def test_texts_that_report_no_incident_give_no_figure(text):
    assert _killed(text) == []


@pytest.mark.parametrize(
    ("said", "source"),
    [
        ("Police said", "Police"),
        ("Hospital officials said", "Hospital officials"),
        ("The interior ministry said", "The interior ministry"),
        ("Residents, however, told reporters", None),
        ("But other sources reported", "other sources"),
        ("While local witnesses said", "local witnesses"),
    ],
)
@pytest.mark.parametrize("v", ["people", "soldiers", "miners"])
def test_who_gave_the_count_is_read_with_or_without_an_article(said, source, v):
    text = f"{said} that 4 {v} were killed in Dorvale on Monday."
    assert [f["source"] for f in _killed(text)] == [source], text


@pytest.mark.parametrize(
    ("first", "second"),
    [("The government", "other sources"), ("The army", "residents"), ("Police", "witnesses")],
)
@pytest.mark.parametrize("v", ["people", "villagers", "soldiers"])
def test_each_count_of_a_sentence_takes_the_voice_told_before_it(first, second, v):
    text = (
        f"{first} said 25 {v} were killed in Dorvale on Monday, "
        f"but {second} reported at least 37 were killed."
    )
    (f,) = _killed(text)
    assert [r["source"] for r in f["reports"]] == [first, second], text
    assert (f["best"], f["low"], f["high"]) == (25, 25, 37)
