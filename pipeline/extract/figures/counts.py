"""Numbers in context: which numbers of a sentence are counts of people, each with its
qualifier ("at least 12") or its range ("15-20", "between 30 and 40").

A number is no count when it is a date, a time, an age, money, a percentage, a measure or a
rank, when it lies inside an excluded span (a date or money the entity stage found), or when it
is a year. "The toll rose from 12 to 15" keeps both numbers: the second is an update of the
first, not the top of a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.extract import prefilter
from pipeline.extract.figures import rules as R
from pipeline.extract.figures.lexicon import QUALIFIERS
from pipeline.extract.numbers import NUMBER_RE, parse_number, vague_qualifier
from pipeline.extract.patterns import ends_with_word
from pipeline.vocabulary import Qualifier

MAX_COUNT = 10_000_000_000  # more people than live on Earth: not a count of victims
WINDOW = 120  # characters before a number in which its qualifier or cue is looked for


@dataclass(frozen=True)
class Count:
    """A number of a sentence that may count people; offsets are those of the whole text."""

    start: int
    end: int
    low: int
    high: int | None  # set for ranges
    qual_start: int  # where its qualifier begins (its start when it has none)
    qualifier: Qualifier

    def bounds(self) -> tuple[int, int | None, int | None]:
        """best, low, high from the wording."""
        if self.qualifier == Qualifier.RANGE:
            return self.low, self.low, self.high
        if self.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
            return self.low, self.low, None
        if self.qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
            return self.low, None, self.low
        return self.low, self.low, self.low


def search_before(rx: re.Pattern, sentence: str, end: int) -> re.Match | None:
    """`rx` (anchored at its end, after a space) searched in the words just before `end`: a
    window, not the whole sentence, so a long list of numbers stays linear. The match's
    positions are those of the whole sentence. A window that does not end with one of the words
    every match ends with (`prefilter.endings`) is not searched."""
    start = max(0, end - WINDOW)
    endings = prefilter.endings(rx)
    if endings is not None and not ends_with_word(sentence[start:end], endings):
        return None
    return rx.search(sentence, start, end)


def counts_in(sentence: str, offset: int, excluded: list[tuple[int, int]]) -> list[Count]:
    """The counts of `sentence`, which starts at `offset` of the text, in order. `excluded` are
    spans of the text where no count starts (dates and money the entity stage found)."""
    found: list[Count] = []
    not_count_end = -1  # end of the last number that is not a count ("ages 4 and 5")
    for m in NUMBER_RE.finditer(sentence):
        value = parse_number(m.group(0))
        if value is None or value > MAX_COUNT:
            continue
        before = sentence[max(0, m.start() - 12) : m.start()]
        listed = not_count_end >= 0 and R.LIST_JOIN.fullmatch(sentence, not_count_end, m.start())
        if listed or R.AGES_BEFORE.search(before):
            not_count_end = m.end()  # "ages 4, 5 and 7": the whole list is ages
            continue
        if _not_a_count(sentence, m, before, m.start() + offset, excluded):
            continue
        # "15-20": NUMBER never matches after a hyphen, so the high end is read here
        dash = R.DIGIT_RANGE.match(sentence, m.end())
        if dash and R.NOT_A_COUNT_AFTER.match(sentence[dash.end() :]) is None:
            high = int(dash.group(1))
            if high > value:  # "15-20 people were wounded"
                q = search_before(R.QUALIFIER_BEFORE, sentence, m.start())
                qual_start = q.start() + offset if q else m.start() + offset
                found.append(
                    Count(m.start() + offset, dash.end() + offset, value, high, qual_start,
                          Qualifier.RANGE)
                )  # fmt: skip
                continue
        if found and R.RANGE_JOIN.match(sentence[found[-1].end - offset : m.start()]):
            top = _range_top(sentence, found[-1], value, m.end() + offset, offset)
            if top is not None:  # "30 to 40", "8-10", "between 30 and 40"
                found[-1] = top
                continue
        found.append(_qualified(sentence, m, value, offset))
    return found


def _not_a_count(sentence: str, m: re.Match, before: str, start: int, excluded) -> bool:
    """Whether the words around the number make it no count of people, or it starts inside an
    excluded span, or it is a year."""
    after = sentence[m.end() : m.end() + 12]
    if R.NOT_A_COUNT_BEFORE.search(before) or R.NOT_A_COUNT_AFTER.match(after):
        return True
    if R.APPOSITION_BEFORE.search(before) and R.COMMA_AFTER.match(after):
        return True  # "Michael Cattron, 6, was...", "the victim, 34, died": an age in apposition
    if R.MONTH_BEFORE.search(before) and R.COMMA_AFTER.match(after):
        return True  # "On March 1, eleven porters ...": a day the entity stage left in a count
    if R.NONE_BEFORE.search(before):
        return True  # "no one was killed" states that nobody was
    if any(xs <= start < xe for xs, xe in excluded):  # the number starts inside
        return True
    return R.YEAR.fullmatch(m.group(0)) is not None


def _range_top(sentence: str, prev: Count, value: int, end: int, offset: int) -> Count | None:
    """`prev` with `value` as the top of its range ("30 to 40"), or None when `value` is no top:
    not above it, or "the toll rose from 12 to 15", which is an update."""
    rising = search_before(R.FROM_UPDATE, sentence, prev.qual_start - offset)
    if value <= prev.low or rising:
        return None
    between = search_before(R.BETWEEN, sentence, prev.start - offset)
    qual_start = between.start() + offset if between else prev.qual_start
    return replace(prev, high=value, end=end, qualifier=Qualifier.RANGE, qual_start=qual_start)


def _qualified(sentence: str, m: re.Match, value: int, offset: int) -> Count:
    """A number with the qualifier before it ("at least 12"), or the one its words carry
    ("dozens": at least 12), or exact."""
    q = search_before(R.QUALIFIER_BEFORE, sentence, m.start())
    if q:
        qualifier, qual_start = R.first_group(q, QUALIFIERS), q.start() + offset
    else:
        qualifier, qual_start = vague_qualifier(m.group(0)) or Qualifier.EXACT, m.start() + offset
    return Count(m.start() + offset, m.end() + offset, value, None, qual_start, qualifier)
