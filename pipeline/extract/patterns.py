"""Building blocks of the extraction stages' regular expressions.

`one_of` writes a long alternation of words ("man|woman|boy|...") so that the regex engine tries
only the words that begin with the letter in front of it: Python's engine otherwise enters every
word in turn at every place it tries, and under re.IGNORECASE it cannot skip a word whose first
letter differs. The matches are the same, in the same order of preference: the words are grouped
by first letter, and words that begin with different letters never match at the same place (under
re.IGNORECASE no character matches two different ASCII letters; tests/test_patterns.py checks
every Unicode character), so only their order within a group matters, and that is kept.

`folded` is the text that substring gates test: a gate skips a costly pattern when the text holds
none of the words every match of the pattern contains. `finditer_from` goes further for a pattern
whose matches all begin with one of a few words ("village of X"): it tries the pattern only where
one of them begins, not at every character of a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# an alternative this module may group: a plain first letter (not one a quantifier makes optional)
_PLAIN_START = re.compile(r"[A-Za-z](?![?*+{])")


def folded(text: str) -> str:
    """The lower case of `text`, with the non-ASCII letters that re.IGNORECASE matches to ASCII
    ones written as those (the Turkish dotted and dotless i, the long s; the Kelvin sign's lower
    case is "k"), and as long as `text`, character for character: a word that an IGNORECASE
    pattern (or a case-sensitive one) matches in `text` is in `folded(text)`, at the same place.
    tests/test_patterns.py checks every Unicode character."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if "\u0130" in text:  # "İ": its lower case is two characters, "i" and a dot
        lowered = text.replace("\u0130", "i").lower()
    return lowered.replace("\u0131", "i").replace("\u017f", "s")


def ends_with_word(text: str, endings: tuple[str, ...]) -> bool:
    """Whether `text` ends with one of `endings` (in `folded` case) and then at least one space:
    the gate for a pattern anchored at the end of the words before something ("killing 12", "in
    X"), all of whose matches end so."""
    words = text.rstrip()
    return len(words) < len(text) and folded(words).endswith(endings)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: "a|b(?:c|d)|[|]" -> ["a", "b(?:c|d)", "[|]"]."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member, not its end
            i += 2 if pattern.startswith("[^", i) else 1
            i = pattern.index("]", i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def one_of(words: str | Iterable[str]) -> str:
    """A non-capturing alternation of `words` (regex fragments, or one pattern "a|b|c") that
    matches what "(?:a|b|c)" matches, in the same order of preference. Runs of words that begin
    with a plain letter are grouped by that letter; any other word keeps its place."""
    items = alternatives(words) if isinstance(words, str) else list(words)
    parts: list[str] = []
    run: dict[str, list[str]] = {}

    def close_run() -> None:
        for first, rests in run.items():
            parts.append(first + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})"))
        run.clear()

    for item in items:
        if not _PLAIN_START.match(item):
            close_run()
            parts.append(item)
            continue
        first = item[0]
        if first.swapcase() in run:
            raise ValueError(f"{first!r} and {first.swapcase()!r} in one run: {item!r}")
        run.setdefault(first, []).append(item[1:])
    close_run()
    return f"(?:{'|'.join(parts)})"


def positions(text: str, words: Iterable[str]) -> list[int]:
    """Every place where one of `words` begins in `text`, in order (overlapping ones too)."""
    found = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def finditer_from(rx: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`rx.finditer(text)` for a pattern whose every match is non-empty and begins at one of
    `starts` (in order): the search would find no match elsewhere, and at a place where it finds
    one, that match is `rx.match(text, place)` (which sees the text before it, as \\b does)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = rx.match(text, start)
        if m:
            yield m
            end = m.end()
