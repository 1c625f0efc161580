"""Dates read in news text, resolved against the publication day: weekdays (the publication day
itself when it is that weekday, unless the text says "last"), days and months without a year
(the nearest one in the past), and texts that state no date. Every sentence here is invented;
the expected days come from walking the calendar a day at a time, not from the code under test."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pipeline.extract.dates import month_as_of, resolve_date
from pipeline.extract.entities.resolve import find_entities
from pipeline.extract.events.find import find_events

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip

# publication days: two weeks across a new year, a leap day's week, and a plain midsummer week
PUBLICATION_DAYS = [
    *(dt.date(2025, 12, 24) + dt.timedelta(days=i) for i in range(14)),
    *(dt.date(2028, 2, 26) + dt.timedelta(days=i) for i in range(7)),
    *(dt.date(2031, 7, 14) + dt.timedelta(days=i) for i in range(7)),
]
# sentences of several registers, each with one slot for the date phrase
TEMPLATES = [
    "Gunmen attacked a checkpoint outside Valdorn {when}, killing two guards.",
    "{When}, hundreds of traders marched through the market of Ostreka.",
    "Two soldiers were wounded when a roadside bomb struck their convoy {when}.",
    "The militia said it had seized the ferry crossing at Kemberi {when}.",
]


def _latest_on_or_before(published: dt.date, weekday: int) -> dt.date:
    day = published
    while day.weekday() != weekday:
        day -= dt.timedelta(days=1)
    return day


def _latest_before(published: dt.date, weekday: int) -> dt.date:
    return _latest_on_or_before(published - dt.timedelta(days=1), weekday)


def _first_after(published: dt.date, weekday: int) -> dt.date:
    day = published + dt.timedelta(days=1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day


def _of_week_before(published: dt.date, weekday: int) -> dt.date:
    monday = published
    while monday.weekday() != 0:
        monday -= dt.timedelta(days=1)
    return monday - dt.timedelta(days=7) + dt.timedelta(days=weekday)


def _in_templates(phrase: str) -> list[str]:
    return [t.format(when=phrase, When=phrase[:1].upper() + phrase[1:]) for t in TEMPLATES]


def _cases(phrasings: list[str]):
    for published, (w, name), phrasing in itertools.product(
        PUBLICATION_DAYS, enumerate(WEEKDAY_NAMES), phrasings
    ):
        for text in _in_templates(phrasing.format(w=name)):
            yield published, w, text


def _resolved(text: str, published: dt.date):
    return resolve_date(text, published.isoformat())


# --- weekdays ---------------------------------------------------------------------------------


def test_a_weekday_is_the_latest_such_day_on_or_before_publication_so_its_own_day_is_that_day():
    plain = ["on {w}", "{w}", "on {w} night", "early on {w}", "this {w}", "on {w} morning"]
    checked = same_day = 0
    for published, w, text in _cases(plain):
        expected = _latest_on_or_before(published, w)
        assert _resolved(text, published) == (expected, "day"), (published, text)
        checked += 1
        same_day += expected == published
    assert same_day == checked // 7  # each publication day was tested on its own weekday


def test_a_weekday_in_a_possessive_is_that_day():
    for published, (w, name) in itertools.product(PUBLICATION_DAYS, enumerate(WEEKDAY_NAMES)):
        text = f"{name}'s attack on the depot at Lussaro left three guards dead."
        assert _resolved(text, published) == (_latest_on_or_before(published, w), "day")


def test_last_weekday_is_the_latest_one_strictly_before_publication_a_week_back_on_its_own_day():
    said_last = ["last {w}", "on {w} last", "this past {w}", "previous {w}", "last {w} night",
                 "late last {w}"]  # fmt: skip
    for published, w, text in _cases(said_last):
        expected = _latest_before(published, w)
        assert _resolved(text, published) == (expected, "day"), (published, text)
    thursday = dt.date(2026, 1, 1)  # a Thursday
    assert _resolved("Rebels shelled Dorvala last Thursday.", thursday)[0] == dt.date(2025, 12, 25)
    assert _resolved("Rebels shelled Dorvala on Thursday.", thursday)[0] == thursday


def test_a_weekday_of_last_week_is_that_day_of_the_week_before_publications():
    for published, w, text in _cases(["on {w} of last week", "{w} last week"]):
        assert _resolved(text, published) == (_of_week_before(published, w), "day"), text


def test_next_weekday_is_the_first_one_after_publication():
    for published, w, text in _cases(["next {w}", "this coming {w}"]):
        assert _resolved(text, published) == (_first_after(published, w), "day"), text


def test_last_before_other_words_does_not_make_a_weekday_last():
    """ "last night", "last year" after a weekday, and "at last" elsewhere, leave it plain."""
    friday = dt.date(2026, 1, 2)
    for text in (
        "The bridge at Ferrow, shelled on Thursday, was finally reopened at last.",
        "On Thursday last year's winner was named.",
    ):
        assert _resolved(text, friday)[0] == dt.date(2026, 1, 1), text


def test_a_weekday_beside_a_day_and_month_names_that_day():
    """ "Thursday, 20 June" in a report published weeks later is 20 June, not the last Thursday."""
    published = dt.date(2031, 7, 14)  # 20 June 2031 is a Friday
    for phrase in ("on Friday, 20 June", "on Friday 20 June", "on Friday (20 June)",
                   "on Friday the 20th of June", "on June 20 (Friday)", "on Friday, June 20th"):  # fmt: skip
        for text in _in_templates(phrase):
            assert _resolved(text, published) == (dt.date(2031, 6, 20), "day"), text


# --- days and months without a year ------------------------------------------------------------

DAY_MONTH_FORMS = ["on {d} {M}", "on {M} {d}", "on {M} {nth}", "on the {nth} of {M}",
                   "on {d} {m}.", "{d} {MU}", "{M} {d}", "on {nth} {M}"]  # fmt: skip


def _day_month(form: str, day: int, month: int) -> str:
    name = MONTH_NAMES[month - 1]
    nth = f"{day}{'th' if day in (11, 12, 13) else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    return form.format(d=day, nth=nth, M=name, m=name[:3], MU=name.upper())


def _nearest_past(published: dt.date, month: int, day: int) -> dt.date:
    """Walking back from the day after publication (a day of slack for time zones)."""
    d = published + dt.timedelta(days=1)
    while (d.month, d.day) != (month, day):
        d -= dt.timedelta(days=1)
    return d


# days and months around the year, with the last days of months and the ends of the year
DAYS_AND_MONTHS = [(1, 1), (2, 1), (31, 12), (30, 12), (28, 2), (15, 3), (30, 4), (9, 5),
                   (20, 6), (31, 7), (1, 8), (12, 9), (31, 10), (11, 11), (24, 12)]  # fmt: skip
YEAR_ROUND = [dt.date(2025, 12, 29) + dt.timedelta(days=5 * i) for i in range(75)]


def test_a_day_and_month_without_a_year_is_the_nearest_one_in_the_past():
    for published, (day, month), form in itertools.product(
        YEAR_ROUND, DAYS_AND_MONTHS, DAY_MONTH_FORMS
    ):
        expected = _nearest_past(published, month, day)
        for text in _in_templates(_day_month(form, day, month)):
            assert _resolved(text, published) == (expected, "day"), (published, text)


def test_near_the_new_year_a_day_and_month_belongs_to_the_year_it_has_passed_in():
    assert _resolved("Riots broke out on 31 December.", dt.date(2026, 1, 2))[0] == dt.date(
        2025, 12, 31
    )
    assert _resolved("Riots broke out on 2 January.", dt.date(2026, 1, 2))[0] == dt.date(2026, 1, 2)
    # the day after publication is a time zone away; two days after is a year back
    assert _resolved("Riots broke out on 1 January.", dt.date(2025, 12, 31))[0] == dt.date(
        2026, 1, 1
    )
    assert _resolved("Riots broke out on 2 January.", dt.date(2025, 12, 31))[0] == dt.date(
        2025, 1, 2
    )


def test_29_february_without_a_year_is_the_last_leap_day_before_publication():
    assert _resolved("Shelling hit Ardel on 29 February.", dt.date(2026, 3, 10))[0] == dt.date(
        2024, 2, 29
    )
    assert _resolved("Shelling hit Ardel on 29 February.", dt.date(2028, 3, 1))[0] == dt.date(
        2028, 2, 29
    )


def test_a_stated_year_is_kept_whatever_the_publication_day():
    for published, (day, month), form in itertools.product(
        YEAR_ROUND[::7], DAYS_AND_MONTHS, ["on {d} {M} 2019", "on {M} {d}, 2019", "{d} {M}, 2019"]
    ):
        text = f"Clashes erupted near Sabrel {_day_month(form, day, month)}."
        assert _resolved(text, published) == (dt.date(2019, month, day), "day"), text


def test_a_month_alone_is_the_latest_such_month_not_after_publications():
    new_year_eve = dt.date(2025, 12, 31)
    assert _resolved("Displacement grew in January.", new_year_eve) == (
        dt.date(2025, 1, 1),
        "month",
    )
    assert _resolved("Displacement grew in December.", new_year_eve) == (
        dt.date(2025, 12, 1),
        "month",
    )
    assert month_as_of("January", "2025-12-31") == "2025-01"
    assert month_as_of("June 3", "2026-05-01") == "2025-06-03"
    assert month_as_of("June 3, 2024", "2026-05-01") == "2024-06-03"


# --- texts that state no date ------------------------------------------------------------------

NO_DATE = [
    "Police said 20 may have died in the collapse at Tirrow.",
    "Officials fear 12 may still be trapped under the rubble.",
    "A march 20 km long wound through the outskirts of Belcade.",
    "Protesters staged a march 3 times larger than the last one.",
    "Gunmen shot dead a shopkeeper in his store in Okanda.",
    "At least 14 people were killed and 30 wounded in the blast.",
    "The army said 300 fighters had surrendered at the 4th checkpoint.",
]


@pytest.mark.parametrize("text", NO_DATE)
def test_a_text_without_a_date_has_none(text):
    for published in PUBLICATION_DAYS[::5]:
        assert _resolved(text, published) is None


def test_a_month_then_a_count_is_not_a_day():
    published = dt.date(2026, 8, 1)
    for phrase in ("In May 12 people died", "During June 30 houses burned",
                   "Throughout July 15 convoys were attacked"):  # fmt: skip
        resolved = _resolved(f"{phrase} in the district of Harrow.", published)
        assert resolved is None or resolved[1] == "month", phrase
    # "until", "by", "since" a day: a day
    assert _resolved("The curfew lasts until May 12.", published) == (dt.date(2026, 5, 12), "day")


# --- the event stage dates its events by the same rules ----------------------------------------


def _event_dates(nlp, text: str, published: dt.date) -> list[str]:
    from pipeline.extract.records import sentence_spans

    doc = nlp(text)
    spans, entities = sentence_spans(doc), find_entities(doc)
    return [ev.date for ev in find_events(text, spans, entities, published.isoformat(), None, doc)]


def test_events_are_dated_by_these_rules(nlp):
    thursday = dt.date(2026, 3, 5)
    cases = [
        ("Gunmen shot dead a teacher in Morrel on Thursday.", "2026-03-05"),
        ("Gunmen shot dead a teacher in Morrel last Thursday.", "2026-02-26"),
        ("On Thursday night, rebels attacked an army post near Castaro.", "2026-03-05"),
        ("On 20 June, soldiers clashed with rebels near Castaro.", "2025-06-20"),
        ("On Friday, 20 June, soldiers clashed with rebels near Castaro.", "2025-06-20"),
    ]
    for text, date in cases:
        assert _event_dates(nlp, text, thursday)[:1] == [date], text
