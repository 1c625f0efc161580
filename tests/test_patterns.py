"""The regular-expression building blocks: grouped alternations match what the plain ones match,
in the same order; folded text keeps every word an IGNORECASE pattern can match, at its place."""

from __future__ import annotations

import re
import string
import sys

import pytest

from pipeline.extract.patterns import (
    alternatives,
    finditer_from,
    folded,
    one_of,
    positions,
)

_ASCII_LETTERS = string.ascii_lowercase


def _letters_matched(ch: str) -> set[str]:
    return {x for x in _ASCII_LETTERS if re.fullmatch(x, ch, re.I)}


@pytest.fixture(scope="module")
def ignorecase_letters() -> dict[str, set[str]]:
    """Every character that re.IGNORECASE matches to an ASCII letter -> those letters."""
    any_letter = re.compile("[a-z]", re.I)
    return {
        chr(c): _letters_matched(chr(c))
        for c in range(sys.maxunicode + 1)
        if any_letter.fullmatch(chr(c))
    }


def test_no_character_matches_two_ascii_letters_under_ignorecase(ignorecase_letters):
    # what lets one_of try the words of one first letter only
    assert all(len(letters) == 1 for letters in ignorecase_letters.values())
    non_ascii = {ch for ch in ignorecase_letters if not ch.isascii()}
    assert non_ascii == {"\u0130", "\u0131", "\u017f", "\u212a"}  # İ ı ſ K


def test_folded_writes_what_ignorecase_matches_as_the_ascii_letter(ignorecase_letters):
    for ch, letters in ignorecase_letters.items():
        assert folded(ch) == letters.pop(), repr(ch)
    # one character for one character: a place in folded text is the same place in the text
    assert all(len(folded(chr(c))) == 1 for c in range(sys.maxunicode + 1))
    text = "İSTANBUL — the KİLLED, ſhot and \u212aidnapped ΟΔΟΣ"
    assert len(folded(text)) == len(text)
    assert "killed" in folded(text) and "shot" in folded(text) and "kidnapped" in folded(text)


_WORDS = [
    "teen", "teenage boy", "teenager", "man", "manager", "woman", "mother", "m-", "co-worker",
    "coworker", "councill?or", "neighbou?r", "aged?", "s", "son", "sister", "(?:x|y)z", "ab+c",
    "police officer", "policeman", "pol",
]  # fmt: skip
_TEXTS = [
    "the teenager and a teenage boy met a teen manager and her mother",
    "A Teenage Boy, a TEENAGER, the Manager; the Mother's son, the sister's Councilor",
    "councillor neighbor neighbour aged age m- co-worker coworker xz yz abbbc",
    "a police officer and a policeman; the pol of polite men; \u017fon, \u017fister, İs",
    "",
]


@pytest.mark.parametrize("flags", [0, re.I])
def test_one_of_matches_what_the_plain_alternation_matches_in_the_same_order(flags):
    grouped, plain = one_of(_WORDS), "(?:" + "|".join(_WORDS) + ")"
    assert grouped != plain
    # what comes after decides which word is taken: each one shows the order words are tried in
    for after in ("(.*)", r"\b(.*)", r"(\s+\w+)", r"(\s+(?:and|boy|of)\b)", "(r)", "($)"):
        a, b = re.compile(grouped + after, flags | re.S), re.compile(plain + after, flags | re.S)
        for text in _TEXTS:
            for pos in range(len(text) + 1):
                ma, mb = a.match(text, pos), b.match(text, pos)
                assert (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups()))
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_one_of_keeps_a_word_that_begins_otherwise_at_its_place():
    assert one_of("ab|ac|(?:x)|ad|b?c|\\bd") == "(?:a(?:b|c)|(?:x)|ad|b?c|\\bd)"


def test_one_of_refuses_both_cases_of_one_first_letter():
    with pytest.raises(ValueError):
        one_of("Man|man")


def test_alternatives_split_only_the_top_level():
    assert alternatives(r"a|b(?:c|d)|[|(]|\||e") == ["a", "b(?:c|d)", "[|(]", r"\|", "e"]
    assert alternatives(r"[]|]x|[^]|]y") == ["[]|]x", "[^]|]y"]


def test_positions_include_overlapping_words():
    assert positions("subdistrict district sub-district", ("district", "sub")) == [
        0, 3, 12, 21, 25,
    ]  # fmt: skip


def test_finditer_from_finds_what_finditer_finds_when_matches_begin_at_the_words():
    rx = re.compile(r"\b(?i:village|town)\s+of\s+(?P<name>[A-Z]\w*(?:\s+[A-Z]\w*)*)")
    texts = [
        "the village of Abu Said and the town of Kere, near a township of Lome",
        "VILLAGE OF Mbe; village ofAbe; Village of\nTolo; the town of town of Sam",
        "svillage of Kio, a \u017fub-town of Ba (the Town of Ilo)",
    ]
    for text in texts:
        starts = positions(folded(text), ("village", "town"))
        assert [(m.span(), m.group("name")) for m in finditer_from(rx, text, starts)] == [
            (m.span(), m.group("name")) for m in rx.finditer(text)
        ]
