"""Date: when an event happened.

An event's date is the first date its sentences state (relative ones, "on Monday", "last week",
resolved against publication by pipeline.extract.dates); else the date stated last before it,
since narrative time carries forward ("On 3 May, ... Clashes followed."); without one, the
publication day with precision "week", never passed off as a stated day.
"""

from __future__ import annotations

import datetime as dt


def carry_dates(infos: list[dict]) -> None:
    """Give each sentence's reading (detect.read_sentence) its "context_date": the date the
    sentences before it stated last, or None."""
    context = None  # narrative time carries forward: "On 3 May, ... Clashes followed."
    for info in infos:
        info["context_date"] = context
        context = info["date"] or context


def event_date(infos: list[dict], published: str | None) -> tuple[str | None, str | None]:
    """(ISO date, precision) of the event whose sentences' readings are `infos`."""
    resolved = next((i["date"] for i in infos if i["date"]), None) or infos[0]["context_date"]
    if resolved:
        return resolved[0].isoformat(), resolved[1]
    if published:
        # not stated: the report's day, with a precision that says it was not read
        return published[:10], "week"
    return None, None


def days_between(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
