"""Numbers as news writes them: "12", "1,200", "2.5 million", "twenty-three", "a dozen".

`NUMBER` is a regular expression for one number expression; `parse_number` turns its text into
an int (or None when the words are not a number).

Vague quantities are read by one convention (the README's table): "a couple" 2; "a few",
"several", "a handful" 3; "dozens" 12 (as ACLED codes it); "scores" 20; "hundreds" 100;
"thousands" 1,000; "tens of thousands" 10,000; "hundreds of thousands" 100,000; "millions"
1,000,000. Each but "a couple" is a lower bound (`vague_qualifier`). "A number of", "many",
"numerous" and "an unknown number" state no count and are not numbers.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal

from pipeline.extract.patterns import one_of
from pipeline.vocabulary import Qualifier

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
SCALE_ABBREV = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1000}

VAGUE: dict[str, int] = {
    "a couple": 2, "a few": 3, "several": 3, "a handful": 3, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1_000_000,
}  # fmt: skip
_VAGUE_WORDS = (
    r"(?:a couple of|a few|several)\s+(?:hundred|thousand|million)(?!s)|tens of thousands|hundreds of thousands|a couple|a few|several|a handful|dozens|scores|"
    r"hundreds|thousands|millions"
)
_VAGUE = rf"{one_of(_VAGUE_WORDS)}(?:\s+of)?(?!\w)"
_NUMBER_WORDS = sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True)
_WORD = one_of(_NUMBER_WORDS)
# "and" joins number words only after a scale: "one hundred and five", never "six and eight"
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORDNUM = rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million)|(?:{_WORD})(?:(?:{_AND}|[\s-]+)(?:{_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\u202f|\u00a0| )\d{3}(?!\d)|\d+(?:\.\d+)?)"
_DIGITNUM = rf"{_DIGITS}(?:\s*(?:{'|'.join(SCALES)}|mn|bn|m|k)\b)?"
# a number glued to the word before it by lost spacing ("between159,000", "Around1.6 million")
# counts only when its separators or scale make it unmistakable (not "AK47", "COVID19")
_GLUED = r"(?<=[a-z])(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?\s*(?:million|billion)\b)"
# every number begins with a digit or one of these letters: the engine passes other places at once
_FIRST = r"(?=[\dabdefhmnostz])"
NUMBER = rf"{_FIRST}(?:(?<![\w.,-])|{_GLUED})(?:{_VAGUE}|{_DIGITNUM}|{_WORDNUM})(?![\w])"
NUMBER_RE = re.compile(NUMBER, re.I)


_SPACES = re.compile(r"\s+")
_OF_END = re.compile(r"\s+of$")
_VAGUE_SCALE = re.compile(r"(a couple|a few|several)(?: of)? (hundred|thousand|million)")
_DIGITS_UNIT = re.compile(rf"({_DIGITS})\s*([a-z]+)?")
_SEPARATORS = re.compile(r"[,\s\u202f\u00a0]")
_WORD_BREAK = re.compile(r"[\s-]+")
_SCALE_END = re.compile(r"(?: of)? (?:hundred|thousand|million)$")


def parse_number(text: str) -> int | None:
    """'2.5 million' -> 2500000, 'twenty-three' -> 23, 'a dozen' -> 12; None if not a number."""
    s = text.lower().strip()
    vague = _OF_END.sub("", _SPACES.sub(" ", s))
    if vague in VAGUE:
        return VAGUE[vague]
    m = _VAGUE_SCALE.fullmatch(vague)
    if m:  # "several hundred": 3 x 100
        return VAGUE[m.group(1)] * SCALES[m.group(2)]
    m = _DIGITS_UNIT.fullmatch(s)
    if m:
        # Decimal, not float: exact for long digit runs, and no overflow past 1e308
        value = Decimal(_SEPARATORS.sub("", m.group(1)))
        unit = m.group(2)
        if unit:
            scale = SCALES.get(unit) or SCALE_ABBREV.get(unit)
            if scale is None:
                return None
            value *= scale
        return int(value.to_integral_value(ROUND_HALF_EVEN))
    words = [w for w in _WORD_BREAK.split(s) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        words[0] = "one"
    total, current = 0, 0
    seen = False
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def vague_qualifier(text: str) -> Qualifier | None:
    """The qualifier a vague quantity carries ('at_least' for "dozens", 'approx' for "a couple"),
    or None when `text` is a number as such."""
    vague = _OF_END.sub("", _SPACES.sub(" ", text.lower().strip()))
    vague = _SCALE_END.sub("", vague)
    if vague not in VAGUE:
        return None
    return Qualifier.APPROX if vague == "a couple" else Qualifier.AT_LEAST
