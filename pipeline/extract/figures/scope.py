"""What every figure of a sentence shares: its scope (a running total "since 2022", "so far this
year" is `cumulative`, never summed with incident figures), the date a total is given as of
("as of June" -> "2025-06") and who gave the count ("according to the health ministry")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.dates import month_as_of
from pipeline.extract.figures import rules as R
from pipeline.vocabulary import Scope


@dataclass(frozen=True)
class Context:
    scope: Scope
    as_of_match: re.Match | None  # "as of June": a count's words run on to it
    as_of: str | None
    source: str | None


def context_of(sentence: str, published: str | None) -> Context:
    """The scope, the "as of" date and the source of a sentence's figures."""
    scope = Scope.CUMULATIVE if R.CUMULATIVE.search(sentence) else Scope.INCIDENT
    as_of_m = R.AS_OF.search(sentence)
    return Context(scope, as_of_m, as_of(as_of_m, published), source_of(sentence))


def as_of(m: re.Match | None, published: str | None) -> str | None:
    """'as of June' -> '2025-06'; 'as of 2 March 2026' and 'as of March 2' -> a day."""
    if m is None:
        return None
    when = m.group("when")
    if m.group("day"):  # "2 March 2026" -> "March 2 2026"
        month, _, year = when.partition(" ")
        when = f"{month} {m.group('day')}" + (f", {year}" if year else "")
    return month_as_of(when, published)


def source_of(sentence: str, at: int | None = None) -> str | None:
    """Who gave the count: "according to X", else "the X said". With `at`, the offset of a
    count in the sentence, the voice told last before it ("the government said 25 were killed,
    but other sources reported 37": 25 is the government's, 37 the other sources'), else the
    first after it."""
    voices = [(m.start(), m.group("src").strip()) for m in R.ACCORDING.finditer(sentence)]
    if not voices or at is not None:
        voices += [(m.start(), m.group("src").strip()) for m in R.SAID.finditer(sentence)]
    if not voices:
        return None
    if at is None:
        return voices[0][1]
    before = [v for v in voices if v[0] <= at]
    return max(before)[1] if before else min(voices)[1]
