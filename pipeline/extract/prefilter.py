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
unknown. A set of a few strings is tested string by string; one of many, with one search of a
pattern made of them (`patterns.one_of` tries them by first letter). `may_match_any` tests several patterns at once: a text that holds no
string of the first set of any of them matches none.

`endings(rx)` derives, the same way, what every match of a pattern ENDS with, for a pattern
anchored at the end of the words before something ("killing 12": `\b(?:killing|...)\s+$`,
searched in a window that ends at the number). It reads the parse tree from its end: the trailing
spaces are taken off, then the known strings of the last pieces are put together backwards ("to",
"rose to", "the toll rose to") until a piece whose strings are not known; an alternation unites
its branches' endings, a piece that may be absent adds the endings of what comes before it.
`patterns.ends_with_word(window, endings(rx))` is then False only where `rx` cannot match at the
end of the window. A pattern not anchored so, or whose endings cannot be read, gets None: it has
no such gate and is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import product
from re import _constants as _c  # the parser that re.compile itself uses (Python 3.11)
from re import _parser

from pipeline.extract.patterns import folded, one_of

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
    entry = _WORDS.get(id(rx)) or _entry(rx)  # this runs for every search: kept short
    for test in entry[2]:
        if test.__class__ is tuple:  # a few strings: each tested
            for w in test:
                if w in lowered_text:
                    break
            else:
                return False
        elif test(lowered_text) is None:  # many: one search
            return False
    return True


def may_match_any(rxs: tuple[re.Pattern, ...], lowered_text: str | None) -> bool:
    """False only when none of the patterns `rxs` can match the text whose `lowered` is given:
    the text holds no string of the first set of any of them (one search for them all)."""
    if lowered_text is None:
        return True
    entry = _ANY.get(id(rxs))  # by id, like _WORDS: hashing the patterns would read their code
    if entry is None:
        sets = [words(rx) for rx in rxs]
        if all(sets):
            union = sorted({w for s in sets for w in s[0]})
            test = re.compile(one_of(re.escape(w) for w in union)).search
        else:
            test = lambda text: True  # noqa: E731 - a pattern with no known strings
        entry = _ANY[id(rxs)] = (rxs, test)
    return entry[1](lowered_text) is not None


_ANY: dict[int, tuple[tuple[re.Pattern, ...], Callable]] = {}


def search(rx: re.Pattern, text: str, lowered_text: str | None) -> re.Match | None:
    """`rx.search(text)`, None without searching when `may_match` says it cannot match."""
    return rx.search(text) if may_match(rx, lowered_text) else None


def finditer(rx: re.Pattern, text: str, lowered_text: str | None) -> Iterable[re.Match]:
    """`rx.finditer(text)`, empty without searching when `may_match` says it cannot match."""
    return rx.finditer(text) if may_match(rx, lowered_text) else ()


# keyed by id: hashing a compiled pattern reads its whole code; the entry keeps the pattern alive,
# so its id is not reused. Meant for module-level patterns, whose number is fixed.
_WORDS: dict[int, tuple[re.Pattern, tuple[tuple[str, ...], ...], tuple[Callable, ...]]] = {}


def words(rx: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Sets (as sorted tuples) of lowercase strings such that `lowered(text)` holds one string of
    each set wherever `rx` matches in `text`; () when nothing is known."""
    return (_WORDS.get(id(rx)) or _entry(rx))[1]


def _entry(rx: re.Pattern):
    sets = _derive(rx)
    tests = tuple(_test(options) for options in sets)
    entry = _WORDS[id(rx)] = (rx, sets, tests)
    return entry


_FEW = 30  # a set of more strings is tested with one search, its strings tried by first letter


def _test(options: tuple[str, ...]) -> tuple[str, ...] | Callable:
    """What `may_match` runs for one set: its strings, or the search of a pattern made of them
    (for many strings, one search costs less than a test for each)."""
    if len(options) <= _FEW:
        return options
    return re.compile(one_of(re.escape(w) for w in options)).search


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


# --- endings: what every match ends with --------------------------------------------------------


@dataclass(frozen=True)
class _Ends:
    """How the matches of a piece of pattern end, as far as its parse tells: each match is one of
    the strings of `whole` (its full text), or ends with one of the strings of `tail`."""

    whole: frozenset[str]
    tail: frozenset[str]


_ENDS_EMPTY = _Ends(frozenset({""}), frozenset())


def endings(rx: re.Pattern) -> tuple[str, ...] | None:
    r"""For a pattern anchored at the end of the text after one space or more (`...\s+$`): the
    lowercase strings one of which ends every match once its trailing spaces are taken off, so
    that `patterns.ends_with_word(text, endings(rx))` is False only where `rx` cannot match at the
    end of `text`. None when the pattern is not so anchored or its endings cannot be read (then
    there is no gate: the pattern is always searched)."""
    entry = _ENDINGS.get(id(rx))
    if entry is None:
        entry = _ENDINGS[id(rx)] = (rx, _derive_endings(rx))
    return entry[1]


_ENDINGS: dict[int, tuple[re.Pattern, tuple[str, ...] | None]] = {}


def _derive_endings(rx: re.Pattern) -> tuple[str, ...] | None:
    if not isinstance(rx.pattern, str):
        return None
    items = list(_parser.parse(rx.pattern, rx.flags))
    if not items or items[-1] != (_c.AT, _c.AT_END):
        return None  # a match may end before the end of the text
    items.pop()
    if not _space_last(items):
        return None  # a match may end without a space
    ends = _ends_of(items, stripped=True)
    if ends is None or "" in ends.whole:
        return None  # a match may be spaces only: its last word is before it, unknown
    found = ends.whole | ends.tail
    # a string that ends with another one of the set adds no test
    return tuple(sorted(w for w in found if not any(o != w and w.endswith(o) for o in found)))


def _is_spaces(op, av) -> bool:
    r"""Whether a piece matches one space or more and nothing else (`\s+`, " ")."""
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, item = av
        return low >= 1 and len(item) == 1 and _is_spaces(*item[0])
    if op is _c.LITERAL:
        return chr(av).isspace()
    if op is _c.IN:
        return all(
            (o is _c.LITERAL and chr(a).isspace()) or (o is _c.CATEGORY and a is _c.CATEGORY_SPACE)
            for o, a in av
        )
    return False


def _space_last(items) -> bool | None:
    """Whether every match of the sequence `items` ends with a space; None when it may be
    empty (then what comes before it decides)."""
    for op, av in reversed(list(items)):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if _is_spaces(op, av):
            return True
        if op is _c.SUBPATTERN:
            inner = _space_last(av[-1])
        elif op is _c.BRANCH:
            found = {_space_last(a) for a in av[1]}
            inner = found.pop() if len(found) == 1 else False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            inner = _space_last(av[2])
            if inner and av[0] == 0:
                continue  # absent, or present and ending with a space: what is before decides
        else:
            return False
        if inner is not None:
            return inner
    return None


def _ends_of(items, stripped: bool) -> _Ends | None:
    """How the matches of the sequence `items` end; `stripped`: with their trailing spaces taken
    off (what follows them in the match is spaces only). Read from the last piece backwards: a
    piece whose strings are known is prepended to the known endings; one whose strings are not
    closes them."""
    whole: frozenset[str] = frozenset({""})  # the full text of the pieces read so far
    tail: set[str] = set()
    for op, av in reversed(list(items)):
        grown: set[str] = set()
        for after in whole:
            piece = _ends_piece(op, av, stripped and after == "")
            if piece is None:
                if after == "":
                    return None  # nothing known ends the match
                tail.add(after)  # the piece is unknown: what follows it ends the match
                continue
            grown |= {w + after for w in piece.whole}
            tail |= {w + after for w in piece.tail}
        if len(grown) > _MAX_STRINGS:
            if "" in whole:
                return None
            return _Ends(frozenset(), frozenset(tail | whole))
        whole = frozenset(grown)
        if not whole:
            break
    return _Ends(whole, frozenset(tail))


def _ends_piece(op, av, stripped: bool) -> _Ends | None:
    if stripped and _is_spaces(op, av):
        return _ENDS_EMPTY  # taken off with the trailing spaces
    if op is _c.LITERAL:
        if av >= 128:
            return None
        ch = chr(av).lower()
        return _ENDS_EMPTY if stripped and ch.isspace() else _Ends(frozenset({ch}), frozenset())
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _ENDS_EMPTY
    if op is _c.SUBPATTERN:
        return _ends_of(av[-1], stripped)
    if op is _c.ATOMIC_GROUP:
        return _ends_of(av, stripped)
    if op is _c.BRANCH:
        branches = [_ends_of(a, stripped) for a in av[1]]
        if any(b is None for b in branches):
            return None
        return _Ends(
            frozenset().union(*(b.whole for b in branches)),
            frozenset().union(*(b.tail for b in branches)),
        )
    if op is _c.IN:
        chars = _letters(av)
        return _Ends(chars, frozenset()) if chars else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _ends_repeat(av, stripped)
    return None


def _ends_repeat(av, stripped: bool) -> _Ends | None:
    low, high, item = av
    inner = _ends_of(item, stripped)
    if inner is None:
        return None
    if high == 1:  # "s?", "(?:of )?": its text, or nothing when low is 0
        return _Ends(inner.whole | ({""} if low == 0 else set()), inner.tail)
    # several times: the last time ends the match, its text is no longer the whole
    empty = low == 0 or "" in inner.whole
    return _Ends(frozenset({""}) if empty else frozenset(), inner.whole - {""} | inner.tail)


def _letters(items) -> frozenset[str] | None:
    """The lowercase ASCII characters a small class matches, digits left out (\\d also matches
    other scripts' digits, which `folded` text keeps)."""
    chars = _class(items)
    if chars is None or any(c.isdigit() for c in chars):
        return None
    return chars
