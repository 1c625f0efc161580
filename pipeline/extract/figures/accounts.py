"""Accounts that disagree about one count. "An IED killed 1 soldier. Other sources report that 2
soldiers were killed" is one incident told two ways: one figure, low 1, high 2, not 3 dead.

Two incident figures of one category and one event are two accounts of the same count when the
later one is told as another voice's — "other sources report", "according to other accounts",
"but residents said", "put the toll at" — or when both name a source and the sources differ
("the police said 3 ... hospital officials said 5"), and their victims can be the same people
(the same noun, or a word for anyone: "2 soldiers" / "3 people", never "2 soldiers" /
"13 militants"). A count that adds to others ("also", "2 more", a part of a total) or that a
sentence places in another incident ("in a separate attack", "elsewhere") is never an account.

The figure kept is the lowest account, as ACLED codes conflicting reports (its best); `low` and
`high` span the accounts' numbers, and `reports` keeps each account's number, source and
evidence, so that every number still points at the words that state it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.extract.figures import lexicon as L
from pipeline.extract.figures import rules as R
from pipeline.extract.figures.figure import Figure
from pipeline.extract.figures.reconcile import is_more
from pipeline.vocabulary import Qualifier, Scope


def reconcile_accounts(
    text: str, figures: list[Figure], sentences: list[tuple[int, int]]
) -> list[Figure]:
    """The article's figures with the accounts of one count folded into one figure each."""
    out: list[Figure] = []
    ends = Counter((f.category, f.span[1]) for f in figures)
    for f in figures:
        found = ((k, _account_of(text, sentences, k, f)) for k in reversed(out))
        earlier, how = next(((k, how) for k, how in found if how), (None, None))
        if earlier is not None and max(ends[(x.category, x.span[1])] for x in (f, earlier)) > 1:
            earlier = None  # counts that one predicate adds up ("five men and four women")
        if earlier is None:
            out.append(f)
            continue
        out[out.index(earlier)] = _folded(earlier, f, adds=how == ADDS)
    return out


RESTATES, ADDS = "restates", "adds"


def _account_of(text: str, sentences: list[tuple[int, int]], a: Figure, b: Figure) -> str | None:
    """Is `b`, told after `a`, another account of `a`'s count: one that gives it otherwise
    (RESTATES), or another voice's claim of more victims (ADDS: "other sources said 8 more
    were killed", which raises the high estimate only)? None when it is a count of its own."""
    if not (
        a.category == b.category
        and a.scope == b.scope == Scope.INCIDENT
        and a.event == b.event
        and a.span[1] != b.span[1]  # one predicate's counts add up
        and not (a.part or b.part or a.hit or b.hit)
        and _same_victims(a.who, b.who)
    ):
        return None
    sentence = _sentence_of(sentences, b.span[0])
    told = text[sentence[0] : sentence[1]] if sentence else text[b.span[0] : b.span[1]]
    if R.OTHER_INCIDENT.search(told):
        return None  # another incident's count
    voice = bool(R.OTHER_ACCOUNT.search(told) or R.CONTRAST_VOICE.search(told))
    if is_more(b) or R.ALSO.search(told):
        return ADDS if voice else None
    sources = [_norm(r["source"]) for r in a.reports] if a.reports else [_norm(a.source)]
    differ = bool(b.source) and all(_other_source(s, _norm(b.source)) for s in sources)
    if a.best != b.best and (voice or differ or R.TOLL_AT.search(told)):
        return RESTATES
    return None


def _folded(a: Figure, b: Figure, adds: bool = False) -> Figure:
    """One figure for two accounts. The lowest number is best, low and high span them all; a
    claim of more victims keeps the first count and adds its number to the high estimate."""
    reports = [*(a.reports or [_report(a)]), _report(b)]
    if adds:
        high = (a.high if a.high is not None else a.best) + _top(_report(b))
        return replace(a, high=high, qualifier=Qualifier.RANGE, update=False, reports=reports)
    lowest = a if a.best <= b.best else b
    return replace(
        lowest,
        best=min(r["best"] for r in reports),
        low=min(r["low"] if r["low"] is not None else r["best"] for r in reports),
        high=max(_top(r) for r in reports),
        qualifier=Qualifier.RANGE,
        update=False,
        reports=reports,
    )


def _top(report: dict) -> int:
    """An account's highest number: its high, or its best when it is open-ended."""
    return report["high"] if report["high"] is not None else report["best"]


def _report(f: Figure) -> dict:
    return {
        "best": f.best,
        "low": f.low,
        "high": f.high,
        "qualifier": f.qualifier,
        "source": f.source,
        "span": list(f.span),
    }


def _same_victims(a: str | None, b: str | None) -> bool:
    """Can two victim phrases name the same people? The same head noun, or a word for anyone."""
    heads = [_head(w) for w in (a, b)]
    if any(h is None for h in heads):
        return all(w is None or not w[:1].isupper() or " " in w for w in (a, b))
    anyone = {_head(w) for w in L.ANYONE.split()} | {"people"}
    return heads[0] == heads[1] or any(h in anyone for h in heads)


def _head(who: str | None) -> str | None:
    if not who:
        return None
    words = [w for w in who.lower().split() if w.isalpha()]
    if not words:
        return None
    last = words[-1]
    if last.endswith("men"):
        return last[:-3] + "man"
    if last.endswith("ies"):
        return last[:-3] + "y"
    return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


def _other_source(a: str | None, b: str | None) -> bool:
    """Two named sources, neither a part of the other's name ("police" / "the city police")."""
    return bool(a and b) and a not in b and b not in a


def _norm(source: str | None) -> str | None:
    if not source:
        return None
    words = source.lower().split()
    return " ".join(w for w in words if w not in {"the", "a", "an"}) or None


def _sentence_of(sentences: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in sentences if s <= at < e), None)
