"""The words of dates, written once, and the patterns of date phrases built from them.

Each pattern finds one kind of phrase, which pipeline.extract.dates resolves against the
publication day: a day and month ("20 June", "June 20th", with or without a year), a date in
ISO figures, a night across two days, a weekday with the word that places it ("last Thursday",
"Thursday of last week", "next Thursday"), a word relative to publication ("yesterday"), a count
of days or weeks ago, last week, and a month alone ("in June"). `pipeline.extract.prefilter`
derives the strings each match must contain: no pattern here has a hand-kept gate.
"""

from __future__ import annotations

import re

from pipeline.extract.patterns import one_of

MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: i for i, names in enumerate(MONTH_NAMES, start=1) for name in names}
# month names that are also common words ("20 may have died", "a march 20 km long"): in lower case
# and without a year they are the words, not the months
COMMON_WORD_MONTHS = frozenset({"may", "march", "mar"})
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# the words that place a weekday before publication or after it ("last Thursday", "Thursday
# last", "next Thursday"); a weekday with none of them ("on Thursday", "this Thursday",
# "Thursday's attack") is the latest one on or before publication
WEEKDAY_LAST = ("last", "past", "previous", "this past")
WEEKDAY_NEXT = ("next", "coming", "this coming")
# the words before "Month Day" that make the month a month and the number a count ("in May 12
# people died"); "until", "by" and "since" are left out: "until May 12" is a day
MONTH_THEN_COUNT = ("in", "during", "throughout")

SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _words(words) -> str:
    return one_of(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{_words(MONTHS)})\.?"
_F = re.I

DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b",
    _F,
)
MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b", _F
)
MONTH_THEN_COUNT_BEFORE = re.compile(rf"\b(?:{_words(MONTH_THEN_COUNT)})\s+$", _F)
ISO_DATE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
WEEKDAY = re.compile(
    rf"\b(?:(?P<before>{_words(WEEKDAY_LAST + WEEKDAY_NEXT)})\s+)?"
    rf"(?P<w>{_words(WEEKDAYS)})\b"
    r"(?:\s+(?:of\s+)?(?P<week>last|this|next)\s+week\b"
    r"|\s+(?P<after>last)\b(?!\s+(?:week|month|year|night)\b))?",
    _F,
)
# what may stand between a weekday and the day and month it names ("Thursday, 20 June",
# "Thursday the 20th of June", "20 June (Thursday)")
BESIDE = re.compile(r"[\s,()\[\]]*(?:the\s+)?", _F)
RELATIVE = re.compile(r"\b(?P<r>yesterday|today|this morning|last night|tonight|overnight)\b", _F)
AGO = re.compile(rf"\b(?P<n>\d+|{_words(SMALL_NUMBERS)})\s+(?P<u>days?|weeks?)\s+ago\b", _F)
LAST_WEEK = re.compile(r"\b(?:last|previous|past) week\b|\bearlier this week\b", _F)
NIGHT_OF = re.compile(
    rf"\bnight of (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–|and|into)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?",
    _F,
)
MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since|early|late|mid-?)\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?\b", _F
)
MONTH_PHRASE = re.compile(rf"(?P<m>{_MONTH})(?:\s+(?P<d>\d{{1,2}}))?(?:,?\s+(?P<y>\d{{4}}))?", _F)
