"""The one place each vocabulary of the data is spelled: event types and their sub-types, figure
categories, scopes and qualifiers, date and place precisions, entity types and actor kinds,
article relevance.

Each is a `StrEnum`, so a member is its string wherever the data is written (JSON, Parquet,
SQL) and compares equal to it. What reads or checks a value takes it from here: the
accepted-values check and the column comments of the published file are rendered from these
enums (`{vocabulary:Name}` in `sql/`), and `docs/vocabulary.md` is written by
`python -m pipeline.vocabulary` (a test keeps it current). A new value is one edit here.
"""

from __future__ import annotations

import sys
from enum import Enum, IntEnum, StrEnum


class EventType(StrEnum):
    """ACLED's six event types, plus Diplomacy and Disaster."""

    BATTLES = "Battles"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    EXPLOSIONS = "Explosions/Remote violence"
    RIOTS = "Riots"
    PROTESTS = "Protests"
    STRATEGIC = "Strategic developments"
    DIPLOMACY = "Diplomacy"
    DISASTER = "Disaster"


E = EventType
# the sub-types an event of each type may have (ACLED's, and ours for Diplomacy and Disaster)
SUB_TYPES: dict[EventType, tuple[str, ...]] = {
    E.BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    E.VIOLENCE_AGAINST_CIVILIANS: (
        "Attack", "Sexual violence", "Abduction/forced disappearance",
    ),
    E.EXPLOSIONS: (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ),
    E.RIOTS: ("Violent demonstration", "Mob violence"),
    E.PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    E.STRATEGIC: (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
    E.DIPLOMACY: ("Talks", "Agreement", "Statement"),
    E.DISASTER: (
        "Flood", "Storm", "Earthquake", "Landslide", "Fire", "Building collapse",
        "Transport accident", "Epidemic", "Other",
    ),
}  # fmt: skip


class FigureCategory(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    DISPLACED = "displaced"
    CAPTURED = "captured"
    ARRESTED = "arrested"
    CASUALTIES = "casualties"  # killed and injured together
    AFFECTED = "affected"


class Scope(StrEnum):
    INCIDENT = "incident"  # this event
    CUMULATIVE = "cumulative"  # a running total of a conflict or period: never added


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"  # no date stated: in the days before the article
    MONTH = "month"
    YEAR = "year"


class GeoPrecision(IntEnum):
    TOWN = 1  # the town or site itself
    NEAR = 2  # near it, or its district
    REGION = 3  # a region or the country


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    FAC = "FAC"
    EVENT = "EVENT"


class ActorKind(StrEnum):
    """What sort of actor an entity is: a named one, or a group named by its role. The two
    militias are kinds of an event's actors only, as ACLED's codebook reads them (a party's or
    a community's people in a battle or an attack)."""

    NAMED = "named"
    STATE_FORCES = "state_forces"
    ARMED_GROUP = "armed_group"
    UNIDENTIFIED_ARMED_GROUP = "unidentified_armed_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    PROTESTERS = "protesters"
    RIOTERS = "rioters"
    CIVILIANS = "civilians"


class Relevance(StrEnum):
    """Whether an article reports an incident, and of which kind."""

    CONFLICT = "conflict"
    DISASTER = "disaster"
    DIPLOMACY = "diplomacy"
    NONE = "none"


VOCABULARIES: dict[str, type[Enum]] = {
    cls.__name__: cls
    for cls in (
        EventType, FigureCategory, Scope, Qualifier, DatePrecision, GeoPrecision, EntityType,
        ActorKind, Relevance,
    )
}  # fmt: skip


def values(name: str) -> list[str]:
    """The values of the vocabulary `name` (an enum's class name), as strings, in order."""
    return [str(m.value) for m in VOCABULARIES[name]]


def sql_list(name: str) -> str:
    """The values of `name` as a SQL list of literals: ('a', 'b')."""
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values(name)) + ")"


def render(sql: str) -> str:
    """`sql` with `{vocabulary:Name}` written as a SQL list of the values (for checks) and
    `{values:Name}` as "a | b | c" (for column comments)."""
    import re

    sql = re.sub(r"\{vocabulary:(\w+)\}", lambda m: sql_list(m.group(1)), sql)
    return re.sub(r"\{values:(\w+)\}", lambda m: " | ".join(values(m.group(1))), sql)


def markdown() -> str:
    """docs/vocabulary.md: every vocabulary and its values."""
    lines = [
        "# Vocabularies",
        "",
        "Written by `python -m pipeline.vocabulary` from `pipeline/vocabulary.py`, the one place",
        "each value is spelled; the data checks and column comments are rendered from it too.",
        "",
    ]
    for name, cls in VOCABULARIES.items():
        lines += [f"## {name}", ""]
        if cls.__doc__ and cls.__doc__ != Enum.__doc__ and "An enumeration" not in cls.__doc__:
            lines += [" ".join(cls.__doc__.split()), ""]
        lines += [f"- `{m.value}`" for m in cls]
        lines.append("")
    lines += ["## Sub-types of each event type", ""]
    for event_type, subs in SUB_TYPES.items():
        lines.append(f"- **{event_type}**: " + ", ".join(f"`{s}`" for s in subs))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
