"""Dates stated in news text, resolved against the publication date.

"on 9 May 2020" -> 2020-05-09 (day); "on Monday" -> the last Monday on or before publication
(news reports past events); "yesterday" -> publication - 1; "three days ago" -> publication - 3;
"last week" -> publication - 7 (week); "on the night of 5 to 6 March" -> 5 March; "in June" -> the
latest June not after publication (month). A date that cannot be resolved is None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.extract import prefilter
from pipeline.extract.patterns import folded

MONTHS = {
    m: i
    for i, names in enumerate(
        [
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
        ],  # fmt: skip
        start=1,
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b",
    re.I,
)
MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I
)
ISO_DATE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
WEEKDAY = re.compile(r"\b(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
RELATIVE = re.compile(r"\b(?P<r>yesterday|today|this morning|last night|tonight|overnight)\b", re.I)
AGO = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+(?P<u>days?|weeks?)\s+ago\b", re.I
)
LAST_WEEK = re.compile(r"\b(?:last|previous|past) week\b|\bearlier this week\b", re.I)
NIGHT_OF = re.compile(
    rf"\bnight of (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–|and|into)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?",
    re.I,
)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since|early|late|mid-?)\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{4}}))?\b", re.I
)


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    return MONTHS.get(folded(name).rstrip("."))


def _back(ref: dt.date, days: int) -> dt.date | None:
    """`days` before ref; None off the calendar (a publication date of 0001-01-01)."""
    try:
        return ref - dt.timedelta(days=days)
    except OverflowError:
        return None


def _latest(year_hint: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    """The date with that month/day: in the stated year, else the latest one not after ref."""
    try:
        if year_hint:
            return dt.date(year_hint, month, day)
        if ref is None:
            return None
        candidate = dt.date(ref.year, month, day)
        if candidate > ref and (candidate - ref).days > 1:
            candidate = dt.date(ref.year - 1, month, day)
        return candidate
    except ValueError:
        return None


def resolve_date(text: str, published: str | None) -> tuple[dt.date, str] | None:
    """First date stated in `text` -> (date, precision). None when nothing resolves."""
    ref = parse_iso(published)
    hits: list[tuple[int, dt.date, str]] = []
    lowered = prefilter.lowered(text)  # most sentences state no date: most searches are skipped
    night = prefilter.search(NIGHT_OF, text, lowered)
    if night and (month := _month_number(night.group("m"))):
        # "on the night of 5 to 6 March": the night began on the 5th
        year = int(night.group("y")) if night.group("y") else None
        if d := _latest(year, month, int(night.group("d1")), ref):
            hits.append((night.start(), d, "day"))
            text = text[: night.start()] + " " * (night.end() - night.start()) + text[night.end() :]
            lowered = prefilter.lowered(text)
    for rx in (DAY_MONTH, MONTH_DAY):
        for m in prefilter.finditer(rx, text, lowered):
            month = _month_number(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            if month and (d := _latest(year, month, int(m.group("d")), ref)):
                hits.append((m.start(), d, "day"))
    for m in prefilter.finditer(ISO_DATE, text, lowered):
        if d := parse_iso(m.group(0)):
            hits.append((m.start(), d, "day"))
    if ref is not None:
        for m in prefilter.finditer(WEEKDAY, text, lowered):
            target = WEEKDAYS.index(folded(m.group("w")))  # "Thurſday" is a Thursday
            if d := _back(ref, (ref.weekday() - target) % 7):
                hits.append((m.start(), d, "day"))
        for m in prefilter.finditer(RELATIVE, text, lowered):
            word = folded(m.group("r"))
            if d := _back(ref, 1 if word in ("yesterday", "last night") else 0):
                hits.append((m.start(), d, "day"))
        for m in prefilter.finditer(AGO, text, lowered):
            n = _SMALL.get(folded(m.group("n"))) or int(m.group("n"))
            days = n * 7 if folded(m.group("u")).startswith("week") else n
            if d := _back(ref, days):
                hits.append((m.start(), d, "week" if days >= 7 else "day"))
        for m in prefilter.finditer(LAST_WEEK, text, lowered):
            if d := _back(ref, 7):
                hits.append((m.start(), d, "week"))
    if not hits:
        for m in prefilter.finditer(MONTH_ONLY, text, lowered):
            month = _month_number(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            if month and (d := _latest(year, month, 1, ref)):
                hits.append((m.start(), d, "month"))
    if not hits:
        return None
    hits.sort(key=lambda h: h[0])
    return hits[0][1], hits[0][2]


def month_as_of(phrase: str, published: str | None) -> str | None:
    """'June' -> '2025-06' (latest June not after publication); 'June 3, 2024' -> '2024-06-03'."""
    ref = parse_iso(published)
    m = re.fullmatch(
        rf"(?P<m>{_MONTH})(?:\s+(?P<d>\d{{1,2}}))?(?:,?\s+(?P<y>\d{{4}}))?", phrase.strip(), re.I
    )
    if m:
        month = _month_number(m.group("m"))
        year = int(m.group("y")) if m.group("y") else None
        day = int(m.group("d")) if m.group("d") else 1
        d = _latest(year, month, day, ref) if month else None
        if d is None:
            return None
        return d.isoformat() if m.group("d") else d.isoformat()[:7]
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
