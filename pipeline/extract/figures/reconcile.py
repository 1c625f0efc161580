"""The figures of one article made consistent with each other: a later toll update supersedes
the earlier incident figure of its category, a repeated figure is kept once, the parts of a
stated total are not added to it, and "N were shot" is split into casualties and wounded once
the dead are known."""

from __future__ import annotations

from dataclasses import replace

from pipeline.extract.figures import rules as R
from pipeline.extract.figures.figure import Figure
from pipeline.vocabulary import FigureCategory, Scope


def resolve_updates(figures: list[Figure]) -> list[Figure]:
    """Drop incident figures superseded by a later toll update, and exact repeats."""
    kept: list[Figure] = []
    for f in figures:
        if f.scope == Scope.INCIDENT:
            same = [k for k in kept if k.scope == Scope.INCIDENT and k.category == f.category]
            told = [
                k
                for k in same
                if k.best == f.best and k.qualifier == f.qualifier and not _coordinated(k, f)
            ]
            if not is_more(f) and told:
                if f.hit or not all(k.hit for k in told):
                    continue  # the same number restated ("... 2 fatalities.")
                kept = [k for k in kept if k not in told]  # "shot", then told "hurt": hurt
            if f.update and same:
                kept = [k for k in kept if k not in same]
        kept.append(f)
    return kept


def resolve_totals(text: str, figures: list[Figure]) -> list[Figure]:
    """Parts of a stated total are not added to it: "a man and a woman were shot dead ...
    2 fatalities" is 2, "killing one ... 11 were also killed ... 12 fatalities" is 12. Figures
    that share one verb ("3 policemen, 2 militiamen and 1 soldier were killed") are one unit
    whose parts add up; they are never parts of one another."""
    dropped: set[int] = set()
    for category in {f.category for f in figures}:
        incident = [f for f in figures if f.category == category and f.scope == Scope.INCIDENT]
        units: dict[int, list[Figure]] = {}
        for f in incident:
            if not R.told_otherwise(text, f.counted_at or f.span[1]):  # accounts: not totals
                units.setdefault(f.span[1], []).append(f)
        if len(units) < 2:
            continue

        def value(unit: list[Figure], dropped: set[int] = dropped) -> int:
            return sum(f.best for f in unit if id(f) not in dropped)

        # "2 other policemen were killed" adds to a count: it is never the total of others
        totals = [u for u in units.values() if not any(is_more(f) for f in u)]
        if not totals:
            continue
        # of units of one value, one count is the total and several counts its parts
        total = max(totals, key=lambda u: (value(u), len(u) == 1, max(f.span[0] for f in u)))
        # "one of the men who died" is one of a group the article counts elsewhere
        dropped |= {id(f) for f in incident if f.part and f not in total and f.best < value(total)}
        parts = [u for u in units.values() if u is not total and value(u) > 0]
        if any(is_more(f) and value(u) >= value(total) for u in parts for f in u):
            continue  # "2 killed ... 2 other policemen killed" is 4, not one figure told twice
        span = (min(f.span[0] for f in total), max(f.span[1] for f in total))
        stated_total = R.SUMMARY.search(text[span[0] : span[1]])
        if parts and (
            sum(value(u) for u in parts) == value(total)
            or (stated_total and all(value(u) < value(total) for u in parts))
        ):
            dropped |= {id(f) for u in parts for f in u}
    return [f for f in figures if id(f) not in dropped]


def _coordinated(a: Figure, b: Figure) -> bool:
    """Two counts of one predicate ("four men and four women were hurt"): never each other."""
    counted = a.counted_at is not None and b.counted_at is not None
    return counted and a.counted_at != b.counted_at and a.span[1] == b.span[1]


def is_more(f: Figure) -> bool:
    """'2 other policemen', 'three more', 'another 5': a count added to those told before."""
    return bool(f.who and R.MORE.match(f.who))


def resolve_shot(figures: list[Figure]) -> list[Figure]:
    """ "N were shot" counts the dead with the wounded. With no death in the article they are all
    wounded; with K dead, "5 shot" is casualties 5 and wounded 5 - K ("five shot, one fatally"),
    and a victim shot who then died ("a boy was shot ... he died") is not also wounded."""
    dead = max(
        (
            f.best
            for f in figures
            if f.category == FigureCategory.KILLED and f.scope == Scope.INCIDENT
        ),
        default=0,
    )
    if not dead:
        return figures
    stated_wounded = any(
        f.category == FigureCategory.INJURED and not f.hit and f.scope == Scope.INCIDENT
        and f.best > 0
        for f in figures
    )  # fmt: skip
    out: list[Figure] = []
    for f in figures:
        if not (f.hit and f.scope == Scope.INCIDENT):
            out.append(f)
            continue
        out.append(replace(f, category=FigureCategory.CASUALTIES, hit=False))
        if f.best > dead and not stated_wounded:
            rest = f.best - dead
            low = f.low - dead if f.low is not None else None
            high = f.high - dead if f.high is not None else None
            out.append(
                replace(
                    f, category=FigureCategory.INJURED, best=rest, low=low, high=high, hit=False
                )
            )
    return out
