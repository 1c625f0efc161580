"""Mentions: the names the model found, cut to the name, with the evidence around each.

spaCy's small model labels each mention on its own. A `Mention` keeps that label (or the label
of the rule that found it), whether a title comes before it ("President Trump"), and the votes
of the words around it that it names a place ("in X" 3, "shelled X" 2, "X, Y" 1; a place-unit
word cut from it 3). The model's mentions of the kept labels (`KEEP_LABELS`) are cut to the name
itself: no leading article, possessive, possessive of a country or known place ("Mozambique's
Zambezia", "Borno's Gwoza") or place-unit word ("Kandahar city", "Barangay Lawa", "Municipality
of X"); a mention never runs across a line break; "Nayrab and Sarmin", "Qoqfin in Idleb" and a
place run into its unit or country without a comma ("Maiduguri Borno", but not "West Java" nor
"Chaki Wardak district") are two; "Al Shabaab militants" names the group "Al Shabaab". A lone common word at the start of a sentence ("Gang violence ...") is no name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.extract import prefilter
from pipeline.extract.entities import actors, lexicon, places
from pipeline.extract.entities.lexicon import alternation
from pipeline.extract.patterns import one_of
from pipeline.vocabulary import EntityType

KEEP_LABELS = frozenset(EntityType)  # the model's labels that are entity types
# labels of a name that may run a place into its region ("Gwoza Borno" comes out as an ORG; a
# PERSON only after "in", "at", "near")
SPLIT_LABELS = frozenset({EntityType.GPE, EntityType.LOC, EntityType.FAC, EntityType.ORG})

# words before a name that make it a person's; tried by first letter (see pipeline.patterns)
_TITLES = re.compile(rf"(?:\b{one_of(lexicon.TITLE_WORDS)}\.?\]?\s*)$", re.I)

PLACE_UNIT = one_of(lexicon.PLACE_UNITS)
_PLACE_BEFORE_WORDS = (*lexicon.PLACE_BEFORE, rf"(?:{PLACE_UNIT})\s+of")
_PLACE_BEFORE_STRONG = re.compile(
    rf"\b{one_of(_PLACE_BEFORE_WORDS)}\s+(?:the\s+)?"
    rf"(?:{alternation(lexicon.PLACE_NARROWERS)}\s+)?$",
    re.I,
)
_PLACE_BEFORE = re.compile(rf"\b{alternation(lexicon.PLACE_BEFORE_WEAK)}\s+(?:the\s+)?$", re.I)
_PLACE_AFTER = re.compile(
    rf"^(?:\s*\((?!(?-i:[A-Z][A-Z0-9&]{{1,8}})\))|,\s+[A-Z]|\s+(?:{PLACE_UNIT})\b)", re.I
)
_PLACE_VERB = re.compile(rf"\b{one_of(lexicon.PLACE_VERBS)}\s+(?:the\s+)?$", re.I)
# words after a name that make it a place: "Kandahar city", "Balkh Province", "Qadis district";
# lower case always, capitalised only for administrative units ("Mexico City" keeps "City")
UNIT_TAIL = re.compile(rf"\s+(?:(?:{PLACE_UNIT})|{'|'.join(lexicon.CAPITALISED_UNITS)})$")
_UNIT_HEAD = re.compile(
    rf"^(?:{alternation(lexicon.UNIT_HEADS)}|{alternation(lexicon.UNIT_HEADS_OF)}\s+of(?:\s+the)?)\s+"
)
_STRIP_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)
_STRIP_TAIL = re.compile(r"(?:[’']s?|\s+)$")
_OWNER = re.compile(r"^([A-Z][\w .-]*?)[’']s\s+(?=[A-Z])")
_ARTICLE_BEFORE = re.compile(rf"(?<![\w-]){alternation(lexicon.CAPITALISED_ARTICLES)}\s$")
_LOCAL_UNIT_AFTER = re.compile(rf"\s+(?i:{alternation(lexicon.LOCAL_UNITS)})\b")
_GROUP_NOUN_END = re.compile(rf"\s+(?:{actors.GROUP_NOUNS})$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # an EntityType: the model's label, or the rule's
    after_title: bool
    place_votes: int = 0
    rule: bool = False  # found by a context pattern, not by the model
    weak: bool = False  # a pattern that only fills gaps between the model's place mentions


def model_mentions(doc, text: str) -> list[Mention]:
    """The model's mentions; `text` is `doc.text` (spaCy builds it anew at each call)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        start, end, unit = _trim(text, ent.start_char, ent.end_char)
        if "\n" in text[start:end]:  # "Maiduguri\nNigerian": a headline ran into the text
            end = start + text[start:end].index("\n")
            start, end, unit = _trim(text, start, end)
        surface = text[start:end]
        if not surface or not any(c.isalpha() for c in surface):
            continue
        if ent.label_ in SPLIT_LABELS and ent.label_ != EntityType.ORG and surface.islower():
            continue  # "agriculture", "metro": a place's name has a capital letter
        label = ent.label_
        if label == EntityType.ORG and (g := _GROUP_NOUN_END.search(surface)):
            end = start + g.start()  # "Al Shabaab militants" -> the group is "Al Shabaab"
        spans = _split_places(text, start, end)
        if len(spans) == 1 and (
            label in SPLIT_LABELS
            or label == EntityType.PERSON
            and _place_votes(text, start, end) >= 3
        ):
            spans = split_region_tail(text, *spans[0])
        for s, e in spans:
            out.append(mention(text, s, e, label, unit))
    return out


def mention(text: str, s: int, e: int, label: str, unit: int = 0, rule: bool = False) -> Mention:
    """The mention text[s:e], with the evidence around it; `unit` adds place votes."""
    before = text[max(0, s - 40) : s]
    return Mention(
        s, e, text[s:e], label, after_title(before), _place_votes(text, s, e) + unit, rule
    )


def _cut_owner(text: str, start: int, end: int) -> int:
    """ "Mozambique's Zambezia province", "Borno's Gwoza": the possessive of a country, a unit or
    a known town is not part of the name (the place is in it: see `geo`)."""
    owner = _OWNER.match(text[start:end])
    if owner and (
        places.country_of_country_name(owner.group(1)) or places.known_place(owner.group(1))
    ):
        return start + owner.end()
    return start


def trim_place(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Cut a country's possessive and place-unit words from a name ("Mozambique's Zambezia
    province" -> Zambezia, "Barangay Lawa" -> Lawa, "Municipality of X" -> X; not "District of
    Columbia", a place's own name); the third value is 3 when a unit word was
    cut (evidence that the name is a place), else 0."""
    start = _cut_owner(text, start, end)
    unit = 0
    cut = UNIT_TAIL.search(text[start:end])
    if cut and cut.start() > 0:
        end, unit = start + cut.start(), 3
    head = _UNIT_HEAD.match(text[start:end])
    if head and head.end() < end - start and not places.known_place(text[start:end]):
        start, unit = start + head.end(), 3
    return start, end, unit


def _trim(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Drop leading articles, possessives and place-unit words from a mention; the third value
    is evidence that it names a place (3 when a unit word was cut: "Kandahar city")."""
    surface = text[start:end]
    lead = _STRIP_LEAD.match(surface)
    if lead:
        start += lead.end()
    tail = _STRIP_TAIL.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    start, end, unit = trim_place(text, start, end)
    # "Durayhimi" after "Ad ": the Arabic article belongs to the name
    art = _ARTICLE_BEFORE.search(text[max(0, start - 4) : start])
    if art and unit:
        start -= len(art.group())
    return start, end, unit


def _split_places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Nayrab and Sarmin' -> two mentions; 'Qoqfin in Idleb' -> two; 'Bouloye-Thiouly (Dori,
    Seno' -> 'Bouloye-Thiouly'."""
    surface = text[start:end]
    cut = surface.find(" (")
    if cut > 0:
        return [(start, start + cut)]
    for sep in (" and ", " in ", ", "):
        parts = surface.split(sep)
        if (
            len(parts) == 2
            and all(p[:1].isupper() for p in parts)
            and (sep != " and " or _place_votes(text, start, end))
        ):
            return [(start, start + len(parts[0])), (end - len(parts[1]), end)]
    return [(start, end)]


def split_region_tail(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Maiduguri Borno": a place run into the unit or country it is in, without a comma, is
    two; not a name that is a place as a whole ("West Java", "New Mexico"), nor one whose head is
    common words ("Lake Chad", "Southern Kaduna")."""
    surface = text[start:end]
    words = surface.split(" ")
    if len(words) < 2 or places.known_place(surface) or _LOCAL_UNIT_AFTER.match(text, end):
        return [(start, end)]  # "Chaki Wardak district": a district named after its province
    for k in (3, 2, 1):  # the longer region first: "X North Kivu", not "X North" and "Kivu"
        if k >= len(words):
            continue
        head, tail = " ".join(words[:-k]), " ".join(words[-k:])
        if not head.split()[-1][:1].isupper() or all(
            places.is_common_word(w.lower()) for w in head.split()
        ):
            continue
        if is_region(tail):
            return [(start, start + len(head)), (end - len(tail), end)]
    return [(start, end)]


def is_region(name: str) -> bool:
    """Whether `name` is a country's or a first-level unit's (in news English; "Borno State")."""
    return bool(places.country_of_country_name(name)) or any(
        c.unit and not c.local for c in places.candidates(name)
    )


def _place_votes(text: str, start: int, end: int) -> int:
    """Evidence from the words around a mention that it names a place: "in X", "X district"."""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    votes = 0
    place_after = _PLACE_AFTER.match(after)
    if _ends_with(_PLACE_BEFORE_STRONG, before):
        votes += 3
    elif _ends_with(_PLACE_BEFORE, before) and place_after or _ends_with(_PLACE_VERB, before):
        votes += 2
    if place_after:
        votes += 1
    return votes


def _ends_with(rx: re.Pattern, before: str) -> bool:
    """Whether `rx`, anchored at the end, matches at the end of `before`; not searched when
    `before` does not end as every match of it does (`prefilter.may_end`: most words before a
    name are no cue)."""
    return prefilter.may_end(rx, before) and rx.search(before) is not None


def after_title(before: str) -> bool:
    """Whether a title ("President", "Gen.") ends `before`; searched only when its last word
    is one."""
    return _ends_with(_TITLES, before)


def drop_capitalised_words(doc, mentions: list[Mention]) -> list[Mention]:
    """A lone common word at the start of a sentence ("Gang violence ...", "Sea travel ...") is
    not a name (a place's only where the words around it or the gazetteer say so)."""
    from pipeline.clean.page import word_zipf

    names = Counter(m.text for m in mentions)

    def sentence_start(m: Mention) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        # NER alone sets no sentence starts: then only the text's start is known
        return span is not None and (span.start == 0 or doc[span.start].is_sent_start is True)

    def no_place(m: Mention) -> bool:  # "Sea accidents are common": no place's name
        return m.label in (EntityType.GPE, EntityType.LOC) and not (
            m.place_votes
            or places.known_place(m.text)
            or places.normalize(m.text) in places.demonyms()
        )

    return [
        m
        for m in mentions
        if not (
            " " not in m.text
            and names[m.text] == 1
            and (m.label in (EntityType.PERSON, EntityType.ORG) or no_place(m))
            and sentence_start(m)
            and word_zipf(m.text.lower()) >= 4.0
        )
    ]
