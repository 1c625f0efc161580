"""The model's attribute ruler as table lookups: the same token attributes in a fraction of the time.

The English model's `attribute_ruler` maps each fine-grained tag to its coarse part of speech and
morphology, then fixes a few dozen exceptions ("ai n't", "gon na", an "it" that is a subject, a
determiner that stands alone). spaCy runs its 179 rules through the general Matcher, whose set
predicates (IN, NOT_IN, REGEX) are Python calls at every token for every rule: about a seventh
of the whole pipeline's time. Each of those rules is a fixed sequence of tokens tested on TAG,
LOWER, DEP or IS_SPACE, so its candidates can be looked up by one attribute of its first token.

`compile_ruler` returns None for a ruler that uses anything else (an operator, another
attribute, an extension attribute): that ruler stays as it is. The result is the stock ruler's
exactly, as in `AttributeRuler.match` and `set_annotations`: every match is found before any is
applied, then they are applied in rule order, a later rule overriding an earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.strings import get_string_id

# the token attributes a compiled rule may test, as Doc.to_array columns
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_ORDER = ("TAG", "LOWER", "DEP", "IS_SPACE")
# the first token's attribute whose value picks a rule's candidates, most selective first
_INDEX_PREFERENCE = ("LOWER", "TAG", "DEP", "IS_SPACE")
_MAX_SEEN = 1 << 16  # a long-running worker meets ever new words


@dataclass(frozen=True)
class _Test:
    """One attribute test of one token: `kind` is eq, in, not_in or regex."""

    column: int  # index into _ORDER
    kind: str
    value: object  # a hash, a frozenset of hashes or a compiled regex
    # a regex's answers by string hash: a regex rule is tried at every token
    seen: dict[int, bool] = field(default_factory=dict, compare=False)

    def holds(self, value: int, strings) -> bool:
        if self.kind == "eq":
            return value == self.value
        if self.kind == "in":
            return value in self.value
        if self.kind == "not_in":
            return value not in self.value
        known = self.seen.get(value)
        if known is None:
            if len(self.seen) >= _MAX_SEEN:
                self.seen.clear()
            known = self.seen[value] = self.value.search(strings[value]) is not None
        return known


@dataclass(frozen=True)
class _Rule:
    order: int  # the rule's position: later rules override earlier ones
    tokens: tuple[tuple[_Test, ...], ...]
    target: int  # which token of the match gets the attributes
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value), normalised by spaCy
    # the tests left once the first token's looked-up value held: (offset, test)
    rest: tuple[tuple[int, _Test], ...] = ()

    def matches_at(self, i: int, n: int, columns: list[list[int]], strings) -> bool:
        if i + len(self.tokens) > n:
            return False
        return all(t.holds(columns[t.column][i + j], strings) for j, t in self.rest)

    @property
    def certain(self) -> bool:
        """One token, and the looked-up value was its only test (most of the tag map)."""
        return len(self.tokens) == 1 and not self.rest


def _test(name: str, value) -> _Test | None:
    column = _ORDER.index(name)
    if name == "IS_SPACE":
        return _Test(column, "eq", int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _Test(column, "eq", get_string_id(value))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()  # fmt: skip
    if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
        return _Test(column, op.lower(), frozenset(get_string_id(v) for v in arg))
    if op == "REGEX" and isinstance(arg, str) and name == "LOWER":
        return _Test(column, "regex", re.compile(arg))
    return None


def _token(spec: dict) -> tuple[_Test, ...] | None:
    if not spec or any(k not in _COLUMNS for k in spec):
        return None  # an operator ("OP"), another attribute, or a wildcard token
    tests = tuple(_test(k, v) for k, v in spec.items())
    return None if None in tests else tests


@dataclass
class CompiledRuler:
    """A spaCy pipeline component with the stock ruler's rules and results."""

    # per column: the first token's value -> its candidate rules, with whether they hold already
    index: list[dict[int, list[tuple[_Rule, bool]]]]
    always: list[_Rule]  # rules whose first token has no value to look up (NOT_IN, REGEX)
    attr_ids: list[int]

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        columns = doc.to_array([_COLUMNS[name] for name in _ORDER]).T.tolist()
        keyed = [(idx, col) for idx, col in zip(self.index, columns, strict=True) if idx]
        strings = doc.vocab.strings
        matches = []
        for i in range(n):
            for idx, col in keyed:
                for rule, certain in idx.get(col[i], ()):
                    if certain or rule.matches_at(i, n, columns, strings):
                        matches.append((rule.order, i, i + len(rule.tokens), rule))
            for rule in self.always:
                if rule.matches_at(i, n, columns, strings):
                    matches.append((rule.order, i, i + len(rule.tokens), rule))
        if not matches:
            return doc
        matches.sort(key=lambda m: m[:3])  # as AttributeRuler.match: by rule, start, end
        values = doc.to_array(self.attr_ids).tolist()
        where = {a: k for k, a in enumerate(self.attr_ids)}
        for _, start, end, rule in matches:
            row = values[(start if rule.target >= 0 else end) + rule.target]
            for attr, value in rule.attrs:
                row[where[attr]] = value
        doc.from_array(self.attr_ids, numpy.array(values, dtype=numpy.uint64))
        return doc


def compile_ruler(ruler) -> CompiledRuler | None:
    """The rules of a spaCy AttributeRuler as lookups, or None when one of them is beyond them."""
    index: list[dict[int, list[tuple[_Rule, bool]]]] = [{} for _ in _ORDER]
    always: list[_Rule] = []
    attr_ids: set[int] = set()
    for order, (pattern, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
        if any(not isinstance(a, int) for a in attrs):
            return None  # extension attributes ("_")
        attr_ids.update(attrs)
        for tokens in pattern["patterns"]:
            compiled = tuple(_token(spec) for spec in tokens) if tokens else (None,)
            target = pattern["index"]
            if None in compiled or not -len(compiled) <= target < len(compiled):
                return None
            key = _lookup_test(compiled[0])
            rest = tuple((j, t) for j, tests in enumerate(compiled) for t in tests if t is not key)
            rule = _Rule(order, compiled, target, tuple(attrs.items()), rest)
            if key is None:
                always.append(rule)
                continue
            for value in [key.value] if key.kind == "eq" else sorted(key.value):
                index[key.column].setdefault(value, []).append((rule, rule.certain))
    return CompiledRuler(index, always, sorted(attr_ids)) if attr_ids else None


def _lookup_test(first: tuple[_Test, ...]) -> _Test | None:
    """The test of the first token whose value can be looked up: an equality or a set."""
    by_name = {_ORDER[t.column]: t for t in first if t.kind in ("eq", "in")}
    return next((by_name[n] for n in _INDEX_PREFERENCE if n in by_name), None)


_FACTORY = "compiled_attribute_ruler"


def _compiled_from_stock(nlp, name: str) -> CompiledRuler:
    return compile_ruler(nlp.get_pipe("attribute_ruler"))


def replace_ruler(model) -> bool:
    """Swap `model`'s attribute_ruler for its compiled form, in place; False (and the model as
    it was) when it has none or one beyond the compiler."""
    from spacy.language import Language

    if "attribute_ruler" not in model.pipe_names:
        return False
    if compile_ruler(model.get_pipe("attribute_ruler")) is None:
        return False
    if _FACTORY not in Language.factories:
        Language.factory(_FACTORY, func=_compiled_from_stock)
    model.add_pipe(_FACTORY, after="attribute_ruler")
    model.remove_pipe("attribute_ruler")
    return True
