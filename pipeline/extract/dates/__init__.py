"""Dates stated in news text, resolved against the publication date.

`resolve_date(text, published)` gives the first date a sentence states, as (date, precision); a
date that cannot be resolved is None, never a guess. Each rule is a general reading of a phrase:

- A day and month: "on 9 May 2020", "June 20th, 2019" -> that day. Without a year ("on 20 June",
  "June 20th", "the 20th of June") the nearest such day in the past: the latest one not after
  publication, but for one day of slack for time zones (a report stamped 31 December may tell of
  "1 January"); 29 February looks back to the last leap year. "may" and "march" in lower case
  without a year are the words ("20 may have died"), and "in May 12 people died" is a month and
  a count. A day and month beside a weekday ("Thursday, 20 June") is the date of both.
- A weekday: "on Thursday", "this Thursday", "Thursday night", "Thursday's attack" -> the latest
  Thursday on or before publication, so the publication day itself when it is a Thursday (news
  reports what has happened). "last Thursday" ("past", "previous", "Thursday last") -> the latest
  one strictly before publication: a week before when publication is a Thursday. "Thursday of
  last week" (this, next week) -> that day of the week named, weeks beginning on Monday; "next
  Thursday" ("coming") -> the first one after publication.
- Relative words: "yesterday" -1, "last night" -1, "today", "this morning", "tonight",
  "overnight" 0; "three days ago"; "last week" -7 (precision week); "on the night of 5 to 6
  March" -> the 5th.
- "in June" -> the latest June not after publication's month (precision month), only when
  nothing in the sentence names a day.

The tense is not read: "parliament will vote on 20 June" is dated as the same words in the past
would be, the events stage's hedges (pipeline.extract.events.detect) keep such a clause from
reporting an event.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.extract import prefilter
from pipeline.extract.dates import lexicon as L
from pipeline.extract.patterns import folded

MONTHS = L.MONTHS
WEEKDAYS = L.WEEKDAYS
SLACK_DAYS = 1  # time zones: a date stated without a year may be the day after publication
LEAP_CYCLE = 8  # years to look back for a 29 February (a century year may skip a leap day)

Hit = tuple[int, int, dt.date, str]  # (start, end, date, precision) of a date phrase


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    return L.MONTHS.get(folded(name).rstrip("."))


def _shift(ref: dt.date, days: int) -> dt.date | None:
    """`days` after ref (before it when negative); None off the calendar (a publication date of
    0001-01-01)."""
    try:
        return ref + dt.timedelta(days=days)
    except OverflowError:
        return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_past(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The day `month`/`day` of the year that puts it nearest before publication: the latest
    one not after publication but for the day of slack. None for a day no year has."""
    latest = _shift(ref, SLACK_DAYS) or ref
    for year in range(latest.year, max(latest.year - LEAP_CYCLE, dt.MINYEAR - 1), -1):
        d = _day(year, month, day)
        if d is not None and d <= latest:
            return d
    return None


def _stated(year: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    """The day and month in the stated year, else the nearest in the past (None without a
    publication day)."""
    if year:
        return _day(year, month, day)
    return nearest_past(month, day, ref) if ref else None


def _month_start(year: int | None, month: int, ref: dt.date | None) -> dt.date | None:
    """The first day of the month: in the stated year, else the latest such month not after
    publication's."""
    if not year:
        if ref is None:
            return None
        year = ref.year if month <= ref.month else ref.year - 1
    return _day(year, month, 1) if year >= dt.MINYEAR else None


def _is_common_word(m: re.Match) -> bool:
    """ "20 may have died", "a march 20 km long": a month name that is also a word, in lower
    case and without a year."""
    name = m.group("m")
    return folded(name).rstrip(".") in L.COMMON_WORD_MONTHS and name.islower() and not m.group("y")


def _month_then_count(text: str, m: re.Match) -> bool:
    """ "in May 12 people died": a month, then a count (never with a year)."""
    window = max(0, m.start() - 12), m.start()
    return not m.group("y") and bool(L.MONTH_THEN_COUNT_BEFORE.search(text, *window))


def _calendar_hits(text: str, lowered: str | None, ref: dt.date | None) -> list[Hit]:
    """Days named by the calendar: "the night of 5 to 6 March" (the 5th), "20 June", "June 20,
    2019", "2019-06-20"."""
    hits: list[Hit] = []
    for m in prefilter.finditer(L.NIGHT_OF, text, lowered):
        if month := _month_number(m.group("m")):
            year = int(m.group("y")) if m.group("y") else None
            if d := _stated(year, month, int(m.group("d1")), ref):
                hits.append((m.start(), m.end(), d, "day"))
    for rx in (L.DAY_MONTH, L.MONTH_DAY):
        for m in prefilter.finditer(rx, text, lowered):
            if any(h[0] <= m.start() < h[1] for h in hits) or _is_common_word(m):
                continue  # "6 March" inside "the night of 5 to 6 March"
            if rx is L.MONTH_DAY and _month_then_count(text, m):
                continue
            month = _month_number(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            if month and (d := _stated(year, month, int(m.group("d")), ref)):
                hits.append((m.start(), m.end(), d, "day"))
    for m in prefilter.finditer(L.ISO_DATE, text, lowered):
        if d := parse_iso(m.group(0)):
            hits.append((m.start(), m.end(), d, "day"))
    return hits


def _weekday(ref: dt.date, m: re.Match) -> dt.date | None:
    """The day a weekday phrase names (see the module docstring)."""
    target = L.WEEKDAYS.index(folded(m.group("w")))  # "Thurſday" is a Thursday
    back = (ref.weekday() - target) % 7
    before = " ".join(folded(m.group("before") or "").split())
    if m.group("week"):
        week = {"last": -7, "this": 0, "next": 7}[folded(m.group("week"))]
        return _shift(ref, target - ref.weekday() + week)
    if before in L.WEEKDAY_LAST or m.group("after"):
        return _shift(ref, -(back or 7))
    if before in L.WEEKDAY_NEXT:
        return _shift(ref, (target - ref.weekday()) % 7 or 7)
    return _shift(ref, -back)


def _relative_hits(text: str, lowered: str | None, ref: dt.date, named: list[Hit]) -> list[Hit]:
    """Days named relative to publication: weekdays (but one beside a day and month of `named`,
    "Thursday, 20 June", which names that day), "yesterday", "three days ago", "last week"."""
    hits: list[Hit] = []
    for m in prefilter.finditer(L.WEEKDAY, text, lowered):
        beside = any(
            L.BESIDE.fullmatch(text, m.end(), h[0]) or L.BESIDE.fullmatch(text, h[1], m.start())
            for h in named
        )
        if not beside and (d := _weekday(ref, m)):
            hits.append((m.start(), m.end(), d, "day"))
    for m in prefilter.finditer(L.RELATIVE, text, lowered):
        word = folded(m.group("r"))
        if d := _shift(ref, -1 if word in ("yesterday", "last night") else 0):
            hits.append((m.start(), m.end(), d, "day"))
    for m in prefilter.finditer(L.AGO, text, lowered):
        n = L.SMALL_NUMBERS.get(folded(m.group("n"))) or int(m.group("n"))
        days = n * 7 if folded(m.group("u")).startswith("week") else n
        if d := _shift(ref, -days):
            hits.append((m.start(), m.end(), d, "week" if days >= 7 else "day"))
    for m in prefilter.finditer(L.LAST_WEEK, text, lowered):
        if d := _shift(ref, -7):
            hits.append((m.start(), m.end(), d, "week"))
    return hits


def resolve_date(text: str, published: str | None) -> tuple[dt.date, str] | None:
    """First date stated in `text` -> (date, precision). None when nothing resolves."""
    ref = parse_iso(published)
    lowered = prefilter.lowered(text)  # most sentences state no date: most searches are skipped
    hits = _calendar_hits(text, lowered, ref)
    if ref is not None:
        hits += _relative_hits(text, lowered, ref, hits)
    if not hits:
        for m in prefilter.finditer(L.MONTH_ONLY, text, lowered):
            month = _month_number(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            if month and (d := _month_start(year, month, ref)):
                hits.append((m.start(), m.end(), d, "month"))
    if not hits:
        return None
    first = min(hits, key=lambda h: h[0])
    return first[2], first[3]


def month_as_of(phrase: str, published: str | None) -> str | None:
    """'June' -> '2025-06' (latest June not after publication); 'June 3' -> the nearest 3 June
    in the past; 'June 3, 2024' -> '2024-06-03'; '2024' -> '2024'."""
    ref = parse_iso(published)
    m = L.MONTH_PHRASE.fullmatch(phrase.strip())
    if m and (month := _month_number(m.group("m"))):
        year = int(m.group("y")) if m.group("y") else None
        if not m.group("d"):
            d = _month_start(year, month, ref)
            return d.isoformat()[:7] if d else None
        d = _stated(year, month, int(m.group("d")), ref)
        return d.isoformat() if d else None
    if re.fullmatch(r"\d{4}", phrase.strip()):
        return phrase.strip()
    return None


_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d\d|19\d\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_from_url(url: str | None) -> str | None:
    """The date written in a URL's path (/2025/08/19/, 2025-08-19, 20250819), else None."""
    if not url:
        return None
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    m = _URL_DATE.search(path)
    if not m:
        return None
    d = parse_iso(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
    return d.isoformat() if d else None
