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
no such gate and is always searched. `may_end(rx, text)` is that gate, and reads one more form of
end: optional marks, then spaces or none (a title before a name: `\b(?:mr|gen|...)\.?\]?\s*$`);
the text's trailing spaces, then those marks, the last one first, are taken off before the words
are tested (none of the words ends with a space or one of the marks, or there is no gate).

`starts(rx)` derives, the same way read from the first piece on, what every match BEGINS with
("village", "town", ... for "the village of X"); `finditer_at_starts` then tries the pattern only
where one of them begins in the text (`patterns.finditer_from`), not at every character.

A piece with too many strings to spell out (a lexicon of more than 64 words) ends the reading:
the strings read before it are the edges; when it is the first piece read, its strings cut to
their first (last) letters, as many as keep them under the limit: the gate is weaker, never gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import product
from re import _constants as _c  # the parser that re.compile itself uses (Python 3.11)
from re import _parser

from pipeline.extract.patterns import finditer_from, folded, one_of, positions

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


# --- edges: what every match begins or ends with -------------------------------------------------


@dataclass(frozen=True)
class _Edge:
    """How the matches of a piece of pattern end (or begin), as far as its parse tells: each match
    is one of the strings of `whole` (its full text), or ends (begins) with one of `part`."""

    whole: frozenset[str]
    part: frozenset[str]


_EDGE_EMPTY = _Edge(frozenset({""}), frozenset())
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class _EndGate:
    """What every match of a pattern anchored at the end of the text ends with."""

    words: tuple[str, ...]  # one of these, once the trailing spaces and `marks` are taken off
    marks: tuple[str, ...]  # optional marks the pattern allows after the words, the last one first
    space: bool  # the match ends with a space or more


def endings(rx: re.Pattern) -> tuple[str, ...] | None:
    r"""For a pattern anchored at the end of the text after one space or more (`...\s+$`): the
    lowercase strings one of which ends every match once its trailing spaces are taken off, so
    that `patterns.ends_with_word(text, endings(rx))` is False only where `rx` cannot match at the
    end of `text`. None when the pattern is not so anchored or its endings cannot be read (then
    there is no gate: the pattern is always searched)."""
    gate = _end_gate(rx)
    return gate.words if gate is not None and gate.space and not gate.marks else None


def may_end(rx: re.Pattern, text: str) -> bool:
    r"""False only where `rx`, a pattern anchored at the end of the text, cannot match at the end
    of `text`: the gate of `endings` for a pattern that ends `\s+$`, and for one that ends with
    optional marks and spaces or none (`\.?\]?\s*$`), whether `text`, its trailing spaces and
    then those marks taken off, ends with one of the words before them. True (no gate) where the
    end of the pattern cannot be read."""
    gate = (_END_GATES.get(id(rx)) or _end_entry(rx))[1]  # this runs for every search: kept short
    if gate is None:
        return True
    words = text.rstrip()
    if gate.space and len(words) == len(text):
        return False
    for mark in gate.marks:
        words = words.removesuffix(mark)
    return folded(words).endswith(gate.words)


def starts(rx: re.Pattern) -> tuple[str, ...] | None:
    """The lowercase strings one of which begins every match of `rx` (in `folded` text, at the
    place where the match begins), so that `finditer_at_starts` need try the pattern only where
    one of them begins. None when they cannot be read, or a match may be empty."""
    entry = _STARTS.get(id(rx))
    if entry is None:
        entry = _STARTS[id(rx)] = (rx, _derive_starts(rx))
    return entry[1]


def finditer_at_starts(rx: re.Pattern, text: str, folded_text: str) -> Iterable[re.Match]:
    """`rx.finditer(text)`, the pattern tried only where one of its `starts` begins in
    `folded_text` (`patterns.folded(text)`), not at every character; in full when they are not
    known."""
    words = starts(rx)
    if words is None:
        return rx.finditer(text)
    return finditer_from(rx, text, positions(folded_text, words))


# keyed by id, like _WORDS
_END_GATES: dict[int, tuple[re.Pattern, _EndGate | None]] = {}
_STARTS: dict[int, tuple[re.Pattern, tuple[str, ...] | None]] = {}


def _end_gate(rx: re.Pattern) -> _EndGate | None:
    return (_END_GATES.get(id(rx)) or _end_entry(rx))[1]


def _end_entry(rx: re.Pattern) -> tuple[re.Pattern, _EndGate | None]:
    entry = _END_GATES[id(rx)] = (rx, _derive_end_gate(rx))
    return entry


def _derive_starts(rx: re.Pattern) -> tuple[str, ...] | None:
    if not isinstance(rx.pattern, str):
        return None
    begins = _edge_of(_parser.parse(rx.pattern, rx.flags), forward=True)
    if begins is None or "" in begins.whole:
        return None  # a match may be empty, or begin with anything
    found = begins.whole | begins.part
    # a string that begins with another one of the set adds no place to try
    return tuple(sorted(w for w in found if not any(o != w and w.startswith(o) for o in found)))


def _derive_end_gate(rx: re.Pattern) -> _EndGate | None:
    if not isinstance(rx.pattern, str):
        return None
    items = list(_parser.parse(rx.pattern, rx.flags))
    if not items or items[-1] != (_c.AT, _c.AT_END):
        return None  # a match may end before the end of the text
    items.pop()
    while items and items[-1][0] is _c.SUBPATTERN:  # "(?:...)$": a group is read as its pieces
        items[-1:] = list(items[-1][1][-1])
    if _space_last(items):  # "...\s+$"
        return _gate(_edge_of(items, forward=False, stripped=True), (), space=True)
    if not items or not _is_space_run(*items[-1]):
        return None  # a match may end without a space, and with anything
    items.pop()  # "...\s*$": spaces or none; then the marks before them ("\.?\]?")
    marks = []
    while items and (mark := _optional_mark(*items[-1])):
        marks.append(mark)
        items.pop()
    return _gate(_edge_of(items, forward=False), tuple(marks), space=False)


def _gate(ends: _Edge | None, marks: tuple[str, ...], space: bool) -> _EndGate | None:
    if ends is None or "" in ends.whole:
        return None  # a match may be spaces and marks only: its last word is before it, unknown
    found = ends.whole | ends.part
    if any(w[-1].isspace() or w[-1] in marks for w in found):
        return None  # taking the spaces and marks off the text could cut into the words
    # a string that ends with another one of the set adds no test
    words = tuple(sorted(w for w in found if not any(o != w and w.endswith(o) for o in found)))
    return _EndGate(words, marks, space)


def _is_spaces(op, av) -> bool:
    r"""Whether a piece matches one space or more and nothing else (`\s+`, " ")."""
    if op in _REPEATS:
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


def _is_space_run(op, av) -> bool:
    r"""Whether a piece matches spaces or none, and nothing else (`\s*`)."""
    return op in _REPEATS and len(av[2]) == 1 and _is_spaces(*av[2][0])


def _optional_mark(op, av) -> str | None:
    r"""The mark of an optional mark (`\.?` -> "."): an ASCII character that is no letter, digit
    or space."""
    if op in _REPEATS and av[:2] == (0, 1) and len(av[2]) == 1 and av[2][0][0] is _c.LITERAL:
        ch = chr(av[2][0][1])
        if ch.isascii() and not ch.isalnum() and not ch.isspace():
            return ch
    return None


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
        elif op in _REPEATS:
            inner = _space_last(av[2])
            if inner and av[0] == 0:
                continue  # absent, or present and ending with a space: what is before decides
        else:
            return False
        if inner is not None:
            return inner
    return None


def _edge_of(items, forward: bool, stripped: bool = False) -> _Edge | None:
    """How the matches of the sequence `items` begin (`forward`) or end; `stripped`: with their
    trailing spaces taken off (what follows them in the match is spaces only). Read from the
    first piece on (or from the last one back): a piece whose strings are known is joined to the
    known strings; one whose strings are not closes them."""
    whole: frozenset[str] = frozenset({""})  # the full text of the pieces read so far
    part: set[str] = set()
    for op, av in list(items) if forward else reversed(list(items)):
        grown: set[str] = set()
        for known in whole:
            piece = _edge_piece(op, av, forward, stripped and known == "")
            if piece is None:
                if known == "":
                    return None  # nothing known begins (ends) the match
                part.add(known)  # the piece is unknown: what is before (after) it is the edge
                continue
            if forward:
                grown |= {known + w for w in piece.whole}
                part |= {known + w for w in piece.part}
            else:
                grown |= {w + known for w in piece.whole}
                part |= {w + known for w in piece.part}
        if len(grown) > _MAX_STRINGS:
            if "" not in whole:
                return _Edge(frozenset(), frozenset(part | whole))  # the strings read so far
            cut = _shortened(grown, forward)  # a long list of words: their first (last) letters
            return None if cut is None else _Edge(frozenset(), frozenset(part | cut))
        whole = frozenset(grown)
        if not whole:
            break
    return _Edge(whole, frozenset(part))


def _shortened(strings: set[str], forward: bool) -> frozenset[str] | None:
    """`strings` cut to as many of their first (`forward`) or last characters as leaves at most
    _MAX_STRINGS of them: what begins (ends) with a string begins (ends) with those. None when
    one is empty."""
    if "" in strings:
        return None
    for n in range(max(map(len, strings)), 0, -1):
        cut = frozenset(w[:n] if forward else w[-n:] for w in strings)
        if len(cut) <= _MAX_STRINGS:
            return cut
    return None


def _edge_piece(op, av, forward: bool, stripped: bool) -> _Edge | None:
    if stripped and _is_spaces(op, av):
        return _EDGE_EMPTY  # taken off with the trailing spaces
    if op is _c.LITERAL:
        if av >= 128:
            return None
        ch = chr(av).lower()
        return _EDGE_EMPTY if stripped and ch.isspace() else _Edge(frozenset({ch}), frozenset())
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EDGE_EMPTY
    if op is _c.SUBPATTERN:
        return _edge_of(av[-1], forward, stripped)
    if op is _c.ATOMIC_GROUP:
        return _edge_of(av, forward, stripped)
    if op is _c.BRANCH:
        branches = [_edge_of(a, forward, stripped) for a in av[1]]
        if any(b is None for b in branches):
            return None
        return _Edge(
            frozenset().union(*(b.whole for b in branches)),
            frozenset().union(*(b.part for b in branches)),
        )
    if op is _c.IN:
        chars = _letters(av)
        return _Edge(chars, frozenset()) if chars else None
    if op in _REPEATS:
        return _edge_repeat(av, forward, stripped)
    return None


def _edge_repeat(av, forward: bool, stripped: bool) -> _Edge | None:
    low, high, item = av
    inner = _edge_of(item, forward, stripped)
    if inner is None:
        return None
    if high == 1:  # "s?", "(?:of )?": its text, or nothing when low is 0
        return _Edge(inner.whole | ({""} if low == 0 else set()), inner.part)
    # several times: the last (first) time ends (begins) the match, its text is no longer whole
    empty = low == 0 or "" in inner.whole
    return _Edge(frozenset({""}) if empty else frozenset(), inner.whole - {""} | inner.part)


def _letters(items) -> frozenset[str] | None:
    """The lowercase ASCII characters a small class matches, digits left out (\\d also matches
    other scripts' digits, which `folded` text keeps)."""
    chars = _class(items)
    if chars is None or any(c.isdigit() for c in chars):
        return None
    return chars
