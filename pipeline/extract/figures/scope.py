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
    voices: tuple[tuple[int, str], ...]  # (offset, who) of each voice the sentence quotes

    def source_at(self, at: int) -> str | None:
        """Who gave the count at offset `at` of the sentence: the voice told last before it
        ("the government said 25 were killed, but other sources reported 37": 25 is the
        government's, 37 the other sources'), else the first after it."""
        if not self.voices:
            return None
        before = [v for v in self.voices if v[0] <= at]
        return max(before)[1] if before else min(self.voices)[1]


def context_of(sentence: str, published: str | None) -> Context:
    """The scope, the "as of" date and the voices of a sentence's figures."""
    scope = Scope.CUMULATIVE if R.CUMULATIVE.search(sentence) else Scope.INCIDENT
    as_of_m = R.AS_OF.search(sentence)
    return Context(scope, as_of_m, as_of(as_of_m, published), voices_of(sentence))


def as_of(m: re.Match | None, published: str | None) -> str | None:
    """'as of June' -> '2025-06'; 'as of 2 March 2026' and 'as of March 2' -> a day."""
    if m is None:
        return None
    when = m.group("when")
    if m.group("day"):  # "2 March 2026" -> "March 2 2026"
        month, _, year = when.partition(" ")
        when = f"{month} {m.group('day')}" + (f", {year}" if year else "")
    return month_as_of(when, published)


def voices_of(sentence: str) -> tuple[tuple[int, str], ...]:
    """Who the sentence quotes, with where: "according to X" and "the X said"."""
    found = [*R.ACCORDING.finditer(sentence), *R.SAID.finditer(sentence)]
    return tuple((m.start(), m.group("src").strip()) for m in found)
