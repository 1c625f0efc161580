r"""A cheap test that skips a regular-expression search which cannot match.

`words(rx)` reads the parse tree of a compiled pattern and derives sets of lowercase strings such
that every match of the pattern contains at least one string of each set: r"\b(?:kill\w*|shot)\b"
gives ({"kill", "shot"},); r"(?:took|seized) (?:\w+ )?(?:town|city)" gives one set for the verb
and one for the place. A text whose lower case holds no string of one of the sets cannot match,
so `search` and `finditer` skip it and return what the full search would: no match.

The text tested is `lowered(text)`, which is `patterns.folded(text)`: its lower case with the few
non-ASCII letters that re.IGNORECASE matches to ASCII ones ("ſ" matches "s", "ı" and "İ" match
"i", the Kelvin sign "k") written as those, so a word a pattern matches is in it whatever the
case. A non-ASCII character of a pattern yields no string. A text with a decimal digit of another
script is never skipped (`lowered` is None), as \d matches it but the strings spell out only
0-9. Whatever the parse tree holds that is not understood yields no string either, so a pattern
this module cannot read is always searched in full.

The derivation, for a piece of pattern: a literal character is itself; a sequence takes one or a
few of its mandatory parts (a run of literals, or a part's own sets); an alternation unites the
sets of its branches (none when one branch has none); a repeat at least once is its item, a
repeat that may be absent has none; \b, lookarounds and the like match the empty string; a class
of at most ten ASCII characters is those characters; anything else (\w, ., back-references) is
unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from re import _constants as _c  # the parser that re.compile itself uses (Python 3.11)
from re import _parser

from pipeline.extract.patterns import folded

_MAX_STRINGS = 64  # a piece with more possible strings is not spelled out
_MAX_SETS = 3  # a sequence contributes at most this many sets (each one costs a test)
_MAX_CLASS = 10  # a character class of more characters gives no strings


@dataclass(frozen=True)
class _Piece:
    """What a piece of pattern must match, as far as its parse tells."""

    exact: frozenset[str] | None  # it matches exactly one of these strings (lower case), if known
    needs: tuple[frozenset[str], ...]  # each of its matches contains a string of each set


_UNKNOWN = _Piece(None, ())
_EMPTY = _Piece(frozenset({""}), ())  # \b, lookarounds: zero width


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def lowered(text: str) -> str | None:
    """The text to test `words` against: `folded(text)`; None (never skipped) when the text holds
    a decimal digit other than 0-9 ("٣"), which \\d matches."""
    if text.isascii():
        return text.lower()
    return None if _OTHER_DIGIT.search(text) else folded(text)


def may_match(rx: re.Pattern, lowered_text: str | None) -> bool:
    """False only when `rx` cannot match the text whose `lowered` is given."""
    if lowered_text is None:
        return True
    entry = _WORDS.get(id(rx))  # words(rx), inlined: this runs for every search
    for options in words(rx) if entry is None else entry[1]:
        for w in options:
            if w in lowered_text:
                break
        else:
            return False
    return True


def search(rx: re.Pattern, text: str, lowered_text: str | None) -> re.Match | None:
    """`rx.search(text)`, None without searching when `may_match` says it cannot match."""
    return rx.search(text) if may_match(rx, lowered_text) else None


def finditer(rx: re.Pattern, text: str, lowered_text: str | None) -> Iterable[re.Match]:
    """`rx.finditer(text)`, empty without searching when `may_match` says it cannot match."""
    return rx.finditer(text) if may_match(rx, lowered_text) else ()


# keyed by id: hashing a compiled pattern reads its whole code; the entry keeps the pattern alive,
# so its id is not reused. Meant for module-level patterns, whose number is fixed.
_WORDS: dict[int, tuple[re.Pattern, tuple[tuple[str, ...], ...]]] = {}


def words(rx: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets (as sorted tuples) of lowercase strings such that `lowered(text)` holds one string of
    each set wherever `rx` matches in `text`; () when nothing is known."""
    entry = _WORDS.get(id(rx))
    if entry is None:
        entry = _WORDS[id(rx)] = (rx, _derive(rx))
    return entry[1]


def _derive(rx: re.Pattern) -> tuple[tuple[str, ...], ...]:
    if not isinstance(rx.pattern, str):
        return ()
    piece = _sequence(_parser.parse(rx.pattern, rx.flags))
    return tuple(dict.fromkeys(_minimal(s) for s in piece.needs))  # "-" twice is one test


def _minimal(options: frozenset[str]) -> tuple[str, ...]:
    """The set without the strings that contain another of its strings (they add no test)."""
    return tuple(sorted(w for w in options if not any(o != w and o in w for o in options)))


def _score(options: frozenset[str]) -> tuple[int, int]:
    # longer strings are rarer in text; fewer strings are fewer tests
    return min(map(len, options)), -len(options)


def _sequence(items: Iterable) -> _Piece:
    pieces: list[_Piece] = []
    for op, av in items:
        piece = _piece(op, av)
        last = pieces[-1].exact if pieces else None
        if last and piece.exact and len(last) == len(piece.exact) == 1:
            # a word spelled letter by letter is one piece: fewer runs to try below
            joined = frozenset({next(iter(last)) + next(iter(piece.exact))})
            pieces[-1] = _Piece(joined, (joined,) if joined != {""} else ())
        else:
            pieces.append(piece)
    candidates = [(need, i, i) for i, p in enumerate(pieces) for need in p.needs]
    for i in range(len(pieces)):  # every run of pieces whose strings are known
        spelled: set[str] = {""}
        for j in range(i, len(pieces)):
            exact = pieces[j].exact
            if exact is None:
                break
            spelled = {a + b for a, b in product(spelled, exact)}
            if len(spelled) > _MAX_STRINGS:
                break
            candidates.append((frozenset(spelled), i, j))
    needs: list[frozenset[str]] = []
    taken: list[tuple[int, int]] = []
    for need, i, j in sorted(candidates, key=lambda c: _score(c[0]), reverse=True):
        if "" in need or any(i <= b and a <= j for a, b in taken):
            continue  # the empty string is in every text; overlapping parts say little more
        needs.append(need)
        taken.append((i, j))
        if len(needs) == _MAX_SETS:
            break
    exact: frozenset[str] | None = frozenset({""})
    for p in pieces:
        if p.exact is None or exact is None:
            exact = None
            break
        exact = frozenset(a + b for a, b in product(exact, p.exact))
        if len(exact) > _MAX_STRINGS:
            exact = None
    return _Piece(exact, tuple(needs))


def _branch(alternatives: list) -> _Piece:
    pieces = [_sequence(a) for a in alternatives]
    exact = None
    if all(p.exact is not None for p in pieces):
        exact = frozenset().union(*(p.exact for p in pieces))
        exact = exact if len(exact) <= _MAX_STRINGS else None
    if all(p.needs for p in pieces):
        return _Piece(exact, (frozenset().union(*(p.needs[0] for p in pieces)),))
    return _Piece(exact, ())


def _piece(op, av) -> _Piece:
    if op is _c.LITERAL:
        if av >= 128:
            return _UNKNOWN
        s = frozenset({chr(av).lower()})
        return _Piece(s, (s,))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.BRANCH:
        return _branch(av[1])
    if op is _c.IN:
        chars = _class(av)
        return _Piece(chars, (chars,)) if chars else _UNKNOWN
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, item = av
        inner = _sequence(item)
        if low == 0:  # may be absent: no strings, but "s?" is "" or "s"
            if high == 1 and inner.exact is not None:
                return _Piece(inner.exact | {""}, ())
            return _UNKNOWN
        return _Piece(inner.exact if low == high == 1 else None, inner.needs)
    return _UNKNOWN


def _class(items) -> frozenset[str] | None:
    """The lowercase ASCII characters a class matches, if it is a small class of them."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            chars.add(chr(av).lower())
        elif op is _c.RANGE and av[1] < 128:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.update("0123456789")  # `lowered` gives None for a text with another digit
        else:
            return None  # negated, \w, \s, non-ASCII: not spelled out
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars) if chars else None
