"""Spell out the ways a regular expression can match, for the tests of word gates.

A gate skips a costly pattern when a text holds none of the words that every match of the pattern
contains (or ends or begins with). `spellings` lists one text for each way through the pattern:
each alternative of each alternation, each optional part absent and present, each repeat at its
least count, each small class of letters with each of its letters; a class of many characters
stands for one character that is no letter ("_" for \\w, a tab for \\s, "7" for \\d), so a gate
word can only come from letters the pattern itself spells. A gate whose words every spelling holds
is right for the pattern as written; a word the gate lacks shows up as a spelling without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from re import _constants as C
from re import _parser

KEEP = 16  # a long spelling keeps this many characters at each end ("#" stands for the middle)
_STANDINS = ("_", "#", "\t", " ", "7", "%", "q", "Q", "x", "\n")  # tried in this order
_SMALL_CLASS = 12  # a class of at most this many characters is spelled out letter by letter


def spellings(
    rx: re.Pattern, done: Callable[[str], bool] = lambda s: False, limit: int = 400_000
) -> set[str]:
    """The spellings of `rx` (see the module's docstring); a spelling that `done` accepts is
    dropped as soon as it is made (a gate test passes `done` = "holds a gate word")."""
    return _sequence(_parser.parse(rx.pattern, rx.flags), done, limit)


def regrouped(
    modules: Iterable, pairs: list[tuple[str, str]]
) -> Iterator[tuple[str, re.Pattern, re.Pattern]]:
    """(name, pattern, the pattern as first written) for each module-level pattern of `modules`
    that holds a regrouped fragment: each (grouped, plain) pair's grouped fragment is written back
    as its plain one ("(?:k(?:illed|ills)|...)" as "(?:killed|kills|...)")."""
    for module in modules:
        for name, rx in vars(module).items():
            if not isinstance(rx, re.Pattern):
                continue
            source = rx.pattern
            for grouped, plain in pairs:
                source = source.replace(grouped, plain)
            if source != rx.pattern:
                yield name, rx, re.compile(source, rx.flags)


def _shorten(s: str) -> str:
    return s if len(s) <= 2 * KEEP + 1 else s[:KEEP] + "#" + s[-KEEP:]


def _concat(left: set[str], right: set[str], done, limit) -> set[str]:
    out = set()
    for a in left:
        for b in right:
            s = a + b
            if not done(s):
                out.add(_shorten(s))
        if len(out) > limit:
            raise ValueError("too many spellings")
    return out


def _sequence(items, done, limit) -> set[str]:
    out = {""}
    for op, av in items:
        out = _concat(out, _item(op, av, done, limit), done, limit)
    return out


def _item(op, av, done, limit) -> set[str]:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.NOT_LITERAL:
        return {next(c for c in _STANDINS if ord(c) != av)}
    if op is C.ANY:
        return {"#"}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}
    if op is C.SUBPATTERN:
        return _sequence(av[-1], done, limit)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, done, limit)
    if op is C.BRANCH:
        return set().union(*(_sequence(a, done, limit) for a in av[1]))
    if op is C.IN:
        return _class(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, item = av
        once = _sequence(item, done, limit)
        counts = {low} | ({1} if low == 0 and high >= 1 else set())
        out: set[str] = set()
        for n in counts:
            spelled = {""}
            for _ in range(n):
                spelled = _concat(spelled, once, done, limit)
            out |= spelled
        return out
    raise ValueError(f"cannot spell {op}")


def _class(items) -> set[str]:
    members: set[str] = set()
    small = True
    for op, av in items:
        if op is C.LITERAL:
            members.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < _SMALL_CLASS:
            members.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            small = False
    if small and 0 < len(members) <= _SMALL_CLASS:
        return members
    return {next(c for c in _STANDINS if _in_class(items, c))}


def _in_class(items, ch: str) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit |= ord(ch) == av
        elif op is C.RANGE:
            hit |= av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            hit |= bool(re.fullmatch(_CATEGORIES[av], ch))
        else:
            raise ValueError(f"cannot read class item {op}")
    return hit != negate


_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
