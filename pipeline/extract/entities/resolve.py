"""Entities: one canonical entity per real-world thing in a document, with one type and country.

spaCy's small model labels each mention on its own, so "Trump" comes out PERSON in one sentence
and ORG in the next. Here mentions are first grouped (same name; a surname or first name of a
longer PERSON-like name; abbreviations of the same country), then the group's type is decided by a
document-level vote in which strong evidence weighs more than a single label: a full name, a
title before the name ("President Trump"), a country table, a list of news outlets.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.extract.entities import actors, places
from pipeline.extract.patterns import (
    ends_with_word,
    finditer_from,
    folded,
    one_of,
    plain_words,
    positions,
)

KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
# words before a name that make it a person's; tried by first letter (see pipeline.patterns)
_TITLE_WORDS = (
    r"president|mr|mrs|ms|dr|prime minister|minister|gen|general|senator|sen|governor|gov|"
    r"king|queen|prince|pope|sheikh|chancellor|secretary|colonel|col|commander|chief|judge|"
    r"spokesman|spokeswoman|mayor|ambassador|envoy|lt|lieutenant|captain|capt|sgt|sergeant|"
    r"major|maj|rep|representative|premier|leader|emir|ayatollah|imam|pastor|bishop|"
    r"archbishop|inspector|commissioner|superintendent|officer|detective|deputy"
)
_TITLES = re.compile(rf"(?:\b{one_of(_TITLE_WORDS)}\.?\]?\s*)$", re.I)
_TITLE_ENDINGS = plain_words(_TITLE_WORDS)  # each match of _TITLES ends with one of them
_EVENT_WORDS = re.compile(
    r"\b(?:war|battle|summit|conference|olympics|cup|revolution|crisis|uprising|offensive|"
    r"games|massacre|genocide|accord|accords|agreement|treaty|election|elections)$",
    re.I,
)
_PLACE_UNITS = (
    r"village|town|city|district|sub-?district|province|region|area|settlement|municipality|"
    r"county|state|states|governorate|subdivision|section|neighbou?rhood|camp|locality|"
    r"sub-county|commune|department|lga|suburb|countryside|outskirts|island|valley|border|"
    r"highway|road|township|upazila|tehsil|sector|frontline|front|checkpoint|junction|"
    r"mountain|desert|forest|market|square|vicinity|environs|villages|towns|districts|"
    r"provinces|areas|regions|cities|municipalities|neighbou?rhoods|community|mountains|hills|"
    r"gas\s+field|oil\s+field"
)
_PLACE_UNIT = one_of(_PLACE_UNITS)
_SIDE = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_PLACE_BEFORE_WORDS = (
    rf"in|at|near|outside|around|towards|close\s+to|capital\s+of|{_SIDE}(?:ern)?\s+of|"
    rf"(?:{_PLACE_UNIT})\s+of"
)
_PLACE_BEFORE_STRONG = re.compile(
    rf"\b{one_of(_PLACE_BEFORE_WORDS)}\s+(?:the\s+)?"
    rf"(?:(?:rural|{_SIDE}(?:ern)?|central|greater)\s+)?$",
    re.I,
)
_PLACE_BEFORE = re.compile(r"\b(?:from|to|of|between|and|across|into)\s+(?:the\s+)?$", re.I)
# the last words of matches of the patterns above (see _ends_with)
_PLACE_BEFORE_STRONG_ENDINGS = ("in", "at", "near", "outside", "around", "towards", "to", "of",
                                "the", "rural", "north", "south", "east", "west", "ern",
                                "central", "greater")  # fmt: skip
_PLACE_BEFORE_ENDINGS = ("from", "to", "of", "between", "and", "across", "into", "the")
_PLACE_AFTER = re.compile(
    rf"^(?:\s*\((?!(?-i:[A-Z][A-Z0-9&]{{1,8}})\))|,\s+[A-Z]|\s+(?:{_PLACE_UNIT})\b)", re.I
)
# words after a name that make it a place: "Kandahar city", "Balkh Province", "Qadis district";
# lower case always, capitalised only for administrative units ("Mexico City" keeps "City")
_UNIT_TAIL = re.compile(
    rf"\s+(?:(?:{_PLACE_UNIT})|Province|District|Sub-?district|Governorate|Township|Upazila|"
    r"Tehsil|Village|Municipality|Division|Commune|LGA|Area|Locality|Sector|Neighbou?rhood)$"
)
_UNIT_HEAD = re.compile(r"^(?:Barangay|Brgy\.?|Tambon|Kampung|Desa|Kelurahan)\s+")
_PLACE_VERBS = (
    r"shelled|shelling|bombed|bombarded|bombing|raided|stormed|overran|besieged|"
    r"struck|hit|targeted|attacked|captured|recaptured|seized|entered|liberated|"
    r"residents\s+of|people\s+of|outskirts\s+of|countryside\s+of"
)
_PLACE_VERB = re.compile(rf"\b{one_of(_PLACE_VERBS)}\s+(?:the\s+)?$", re.I)
_PLACE_VERB_ENDINGS = ("shelled", "shelling", "bombed", "bombarded", "bombing", "raided",
                       "stormed", "overran", "besieged", "struck", "hit", "targeted", "attacked",
                       "captured", "recaptured", "seized", "entered", "liberated", "of",
                       "the")  # fmt: skip
# a name as conflict reports write place names: "Ain al Arab", "Busra Esh-Sham", "al-Hasakeh"
_PW = r"(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_PLINK = r"(?:al|el|ar|ash|az|ad|ul|de|del|de\s+la|da|do|dos|das|di|wa)"
_GEO_UNITS = (
    r"village|town|city|district|sub-?district|province|region|area|municipality|county|"
    r"governorate|neighbou?rhood|locality|outskirts|countryside|vicinity|suburb|commune"
)
_GEO_UNIT = one_of(_GEO_UNITS)
_SP = r"[^\S\n]+"  # spaces within a line: a name never runs across a line break
_PNAME = rf"{_PW}(?:{_SP}(?:{_PLINK}{_SP})?{_PW}){{0,4}}"
# "Qadis district", "Damboa - Maiduguri road", "Sonora states"; a name begins with a capital or
# an article ("al-"): the engine passes other places at once
_NAME_THEN_UNIT = re.compile(
    rf"(?=[A-Zae])(?P<name>{_PNAME})(?:\s*[-–]\s*(?P<name2>{_PNAME}))?\s+(?:{_PLACE_UNIT})\b"
)
# "the village of Turaybikh", "in the countryside of Ein Issa", "Barangay Lawa"
_UNIT_THEN_NAME = re.compile(
    rf"\b(?i:(?:{_GEO_UNIT})\s+of)\s+(?:the\s+)?(?P<name>{_PNAME})"
    rf"|\b(?:Barangay|Brgy\.?|Tambon)\s+(?P<name2>{_PNAME})"
)
# every match of _UNIT_THEN_NAME begins with one of these (in lower case)
_UNIT_THEN_NAME_STARTS = ("village", "town", "city", "district", "sub", "province", "region",
                          "area", "municipality", "county", "governorate", "neighbo", "locality",
                          "outskirts", "countryside", "vicinity", "suburb", "commune", "barangay",
                          "brgy", "tambon")  # fmt: skip
_ROAD = re.compile(
    r"(?P<a>[A-Z][\w'’]+)-(?P<b>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)"
    r"(?:\s+\([^)]{0,60}\))?\s+(?:road|highway|motorway|axis|route)\b"
)
# "(Abadam LGA, Borno)", "(Beni, Nord-Kivu)": the place hierarchy after a place name
_HIERARCHY = re.compile(
    rf"\(\s*(?P<inner>{_PNAME}(?:\s+\w+)?(?:\s*,\s*{_PNAME}(?:\s+\w+)?){{0,3}})\s*\)"
)
_CHAIN = re.compile(rf",\s*(?P<name>{_PNAME})(?=\s*(?:[,.;:()]|$|\n|\s+(?:on|in|at|near)\b))")
_ARTICLE = re.compile(r"^(?:Al|El|Ad|An|Ar|As|Ash|At|Az)$")  # "At Tuhayta", "An Nukhayb"
# "in Boa Vista, Roraima", "in Tizi Ouzou (Tizi Ouzou)": a name after "in" that ends a clause
_IN_NAME = re.compile(rf"\b(?:in|at|near)\s+(?P<name>{_PNAME})(?=\s*(?:[,(\[]|\.(?:\s|$)))")
# "between Kahil and Mseifra", "from Anet to Abyei town"
_PAIR = re.compile(rf"\b(?:between|from)\s+(?P<name>{_PNAME})\s+(?:and|to)\s+(?P<name2>{_PNAME})")
_PAIR_STARTS = ("between", "from")
_COMMON_CAPS = re.compile(
    r"^(?:On|In|At|The|A|An|This|That|It|He|She|They|We|I|But|And|Or|As|After|Before|During|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|No|None|Other|Some|Several|"
    r"Police|Army|Military|Government|President|Minister|Reports?|Sources?)$"
)
_STRIP_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)
_STRIP_TAIL = re.compile(r"(?:[’']s?|\s+)$")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    after_title: bool
    place_votes: int = 0
    rule: bool = False  # found by a context pattern, not by the model
    weak: bool = False  # a pattern that only fills gaps between the model's place mentions


@dataclass
class Entity:
    name: str
    type: str
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "named"  # or a generic actor class: see pipeline.actors
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def id(self) -> str:
        """Stable across articles: the same canonical name, type and country give the same id."""
        key = f"{self.type}|{self.country or ''}|{places.normalize(self.name)}"
        return "ent_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def as_contract(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "mentions": [list(m) for m in self.mentions],
        }


_OWNER = re.compile(r"^([A-Z][\w .-]*?)[’']s\s+(?=[A-Z])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:Al|El|Ad|An|Ar|As|Ash|At|Az)\s$")
_GROUP_NOUN_END = re.compile(rf"\s+(?:{actors.GROUP_NOUNS})$")


def _cut_owner(text: str, start: int, end: int) -> int:
    """ "Mozambique's Zambezia province": a country's possessive is not part of the name."""
    owner = _OWNER.match(text[start:end])
    if owner and places.country_of_country_name(owner.group(1)):
        return start + owner.end()
    return start


def _trim_place(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Cut a country's possessive and place-unit words from a name ("Mozambique's Zambezia
    province" -> Zambezia, "Barangay Lawa" -> Lawa); the third value is 3 when a unit word was
    cut (evidence that the name is a place), else 0."""
    start = _cut_owner(text, start, end)
    unit = 0
    cut = _UNIT_TAIL.search(text[start:end])
    if cut and cut.start() > 0:
        end, unit = start + cut.start(), 3
    head = _UNIT_HEAD.match(text[start:end])
    if head and head.end() < end - start:
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
    start, end, unit = _trim_place(text, start, end)
    # "Durayhimi" after "Ad ": the Arabic article belongs to the name
    art = _ARTICLE_BEFORE.search(text[max(0, start - 4) : start])
    if art and unit:
        start -= len(art.group())
    return start, end, unit


def _mentions(doc, text: str) -> list[Mention]:
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
        label = ent.label_
        if label == "ORG" and (g := _GROUP_NOUN_END.search(surface)):
            end = start + g.start()  # "Al Shabaab militants" -> the group is "Al Shabaab"
        for s, e in _split_places(text, start, end):
            out.append(_mention(text, s, e, label, unit))
    return out


def _mention(text: str, s: int, e: int, label: str, unit: int = 0, rule: bool = False):
    before = text[max(0, s - 40) : s]
    return Mention(
        s, e, text[s:e], label, _after_title(before), _place_votes(text, s, e) + unit, rule
    )


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


def _place_votes(text: str, start: int, end: int) -> int:
    """Evidence from the words around a mention that it names a place: "in X", "X district"."""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    votes = 0
    place_after = _PLACE_AFTER.match(after)
    if _ends_with(_PLACE_BEFORE_STRONG, before, _PLACE_BEFORE_STRONG_ENDINGS):
        votes += 3
    elif (
        _ends_with(_PLACE_BEFORE, before, _PLACE_BEFORE_ENDINGS)
        and place_after
        or _ends_with(_PLACE_VERB, before, _PLACE_VERB_ENDINGS)
    ):
        votes += 2
    if place_after:
        votes += 1
    return votes


def _ends_with(rx: re.Pattern, before: str, endings: tuple[str, ...]) -> bool:
    """Whether `rx` (one of `endings`, then spaces, at the end) matches at the end of `before`;
    not searched when `before` does not end so (most words before a name are no cue)."""
    return ends_with_word(before, endings) and rx.search(before) is not None


def _after_title(before: str) -> bool:
    """Whether a title ("President", "Gen.") ends `before`; searched only when its last word
    is one."""
    words = before.rstrip()
    words = words[:-1] if words.endswith("]") else words
    words = words[:-1] if words.endswith(".") else words
    return folded(words).endswith(_TITLE_ENDINGS) and _TITLES.search(before) is not None


def _name_spans(text: str, start: int, name: str) -> list[tuple[int, int]]:
    """A matched place name, without common capitalised words at its start ("On", "The")."""
    words = name.split()
    while (
        words and _COMMON_CAPS.match(words[0]) and (len(words) == 1 or not _ARTICLE.match(words[0]))
    ):
        start = text.index(words[0], start) + len(words[0])
        while start < len(text) and text[start].isspace():
            start += 1
        words = words[1:]
    if not words:
        return []
    stop = text.index(words[-1], start) + len(words[-1])
    start, stop, _ = _trim_place(text, start, stop)
    return [(start, stop)]


_BRACKETED = re.compile(rf"\[(?P<name>{_PNAME})\]")
_UNIT_BEFORE = re.compile(rf"\b(?:{_PLACE_UNIT})\s+$")


def _rule_places(text: str, known: list[Mention]) -> list[Mention]:
    """Places that the model missed but the wording gives away: "X district", "village of X",
    "(X, Y)" after a place, and ", X" continuing a list of places ("Bulan, Sorsogon")."""
    found: list[tuple[int, int]] = []
    lowered = folded(text)
    for matches in (
        _NAME_THEN_UNIT.finditer(text),
        finditer_from(_UNIT_THEN_NAME, text, positions(lowered, _UNIT_THEN_NAME_STARTS)),
    ):
        for m in matches:
            for group in ("name", "name2"):
                if m.group(group):
                    found += _name_spans(text, m.start(group), m.group(group))
    # "the Tripoli-Beirut highway": a road between two places
    for m in _ROAD.finditer(text):
        found += _name_spans(text, m.start("a"), m.group("a"))
        found += _name_spans(text, m.start("b"), m.group("b"))
    place_ends = {m.end for m in known if m.place_votes or m.label in ("GPE", "LOC")}
    place_ends |= {e for _, e in found}
    for m in _HIERARCHY.finditer(text):
        before = text[: m.start()].rstrip()
        parts = m.group("inner").split(",")
        if len(before) not in place_ends and not re.search(rf"(?:{_PLACE_UNIT})$", before, re.I):
            if len(parts) < 2 or any(_key(p) in places.news_outlets() for p in parts):
                continue
            # "Goma (Goma, Nord-Kivu)": a place hierarchy names the place before it too
            prev = re.search(rf"(?P<name>{_PNAME})$", before)
            if prev:
                found += _name_spans(text, prev.start("name"), prev.group("name"))
        pos = m.start("inner")
        for part in parts:
            s = pos + len(part) - len(part.lstrip())
            e = s + len(part.strip())
            cut = _UNIT_TAIL.search(text[s:e])
            found.append((s, s + cut.start() if cut and cut.start() else e))
            pos += len(part) + 1
    # "Inalabag [Tin Elebag]": another spelling of the place before it
    for m in _BRACKETED.finditer(text):
        if len(text[: m.start()].rstrip()) in place_ends | {e for _, e in found}:
            found += _name_spans(text, m.start("name"), m.group("name"))
    # ", X" after a place: up to three in a row
    for _ in range(3):
        ends = place_ends | {e for _, e in found}
        for m in _CHAIN.finditer(text):
            if m.start() in ends and not _COMMON_CAPS.match(m.group("name").split()[0]):
                found += _name_spans(text, m.start("name"), m.group("name"))
    out, seen = [], set()
    for s, e in sorted(set(found)):
        if (s, e) in seen or e <= s:
            continue
        seen.add((s, e))
        out.append(_mention(text, s, e, "GPE", 3, rule=True))
    # weaker evidence: these only fill gaps and join a place the model cut in pieces
    weak: list[tuple[int, int]] = []
    for m in _IN_NAME.finditer(text):
        weak += _name_spans(text, m.start("name"), m.group("name"))
    strong = {(m.start, m.end) for m in known if m.place_votes >= 3 or m.label in ("GPE", "LOC")}
    strong |= set(seen)
    for m in finditer_from(_PAIR, text, positions(lowered, _PAIR_STARTS)):
        pair = _name_spans(text, m.start("name"), m.group("name")) + _name_spans(
            text, m.start("name2"), m.group("name2")
        )
        unit_before = _UNIT_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        if unit_before or any(span in strong for span in pair):
            weak += pair
    for s, e in sorted(set(weak) - seen):
        mention = _mention(text, s, e, "GPE", 2, rule=True)
        mention.weak = True
        out.append(mention)
    return out


def _merge(model: list[Mention], rule: list[Mention]) -> list[Mention]:
    """Model mentions, with rule places added where the model found nothing; a rule place that
    covers model mentions replaces them ("Mogadishu-Hodan" over "Mogadishu"), and a model
    mention that runs places together ("Qoqfin in Idleb") gives way to the rule's places."""
    keep = list(model)
    for r in sorted(rule, key=lambda m: m.start - m.end):
        overlaps = [m for m in keep if m.start < r.end and r.start < m.end]
        if not overlaps:
            keep.append(r)
        elif all(r.start <= m.start and m.end <= r.end for m in overlaps):
            if r.weak and any(
                m.label not in ("GPE", "LOC", "FAC", "NORP", "PERSON") for m in overlaps
            ):
                continue
            if all(m.label != "PERSON" or not m.after_title for m in overlaps):
                keep = [m for m in keep if m not in overlaps] + [r]
        elif len(overlaps) == 1 and (overlaps[0].start, overlaps[0].end) == (r.start, r.end):
            overlaps[0].place_votes += r.place_votes  # the model's span, the rule's evidence
    keep.sort(key=lambda m: m.start)
    return keep


def _name_alone(name: str) -> re.Pattern:
    """`name` as a word of its own ("Ruto", not "Rutoville" or "al-Ruto"): the name first, then
    the check of the character before it, so that the engine looks for the name's letters only
    ("(?<![\\w-])Ruto" would try every place of the text)."""
    escaped = re.escape(name)
    return re.compile(rf"{escaped}(?<![\w-]{escaped})(?![\w-])")


def _propagate_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions the model missed of a surname whose full name it found as a PERSON:
    "William Ruto ... Ruto told Reuters" (document-level name propagation)."""
    taken = [(m.start, m.end) for m in mentions]
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) >= 2 and len(m.text.split()[-1]) >= 3
    }
    added = []
    for name in surnames:
        if not name[:1].isupper() or not name.replace("-", "").isalpha():
            continue
        for hit in _name_alone(name).finditer(text):
            s, e = hit.span()
            if any(ts < e and s < te for ts, te in taken):
                continue
            before = text[max(0, s - 40) : s]
            added.append(Mention(s, e, name, "PERSON", _after_title(before)))
            taken.append((s, e))
    return added


def _drop_capitalised_words(doc, mentions: list[Mention]) -> list[Mention]:
    """A lone common word at the start of a sentence ("Gang violence ...") is not a name."""
    from pipeline.clean.page import word_zipf

    names = Counter(m.text for m in mentions)

    def sentence_start(m: Mention) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        # NER alone sets no sentence starts: then only the text's start is known
        return span is not None and (span.start == 0 or doc[span.start].is_sent_start is True)

    return [
        m
        for m in mentions
        if not (
            " " not in m.text
            and names[m.text] == 1
            and m.label in ("PERSON", "ORG")
            and sentence_start(m)
            and word_zipf(m.text.lower()) >= 4.0
        )
    ]


def _key(surface: str) -> str:
    return places.normalize(surface)


def _country_key(surface: str) -> str | None:
    hit = places.country_of_country_name(surface)
    return f"country:{hit[0]}" if hit else None


_DEFINED = re.compile(
    r"(?P<full>[A-Z][\w'’-]+(?:\s+(?:(?:of|the|for|and|de|al|in)\s+)*[A-Z][\w'’-]+){1,8})"
    r"\s+\((?P<abbr>[A-Z][A-Z0-9&]{1,8})\)"
)


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> full name: the ones a document spells out ("the Allied Democratic Forces
    (ADF)"), then the usual ones (places.ORG_ALIASES)."""
    found = {}
    # a text without a bracket spells out no abbreviation (and is not searched)
    for m in _DEFINED.finditer(text) if "(" in text else ():
        full, abbr = m.group("full"), m.group("abbr")
        words = [w for w in full.split() if w[:1].isupper()]
        # the full name is the capitalised words whose initials end in the abbreviation's letters
        for i in range(len(words)):
            initials = "".join(w[0] for w in words[i:])
            if initials.upper() == abbr.upper() or (
                len(abbr) >= 2
                and initials[:1] == abbr[:1]
                and len(words) - i <= len(abbr) + 2
                and i == max(0, len(words) - len(abbr) - 2)
            ):
                found[places.normalize(abbr)] = full[full.index(words[i]) :]
                break
    return found


def _group(mentions: list[Mention], defined: dict[str, str] | None = None):
    """Cluster mentions: same name, country aliases, abbreviations, parts of longer names.
    Returns the groups and the full names that abbreviation groups are to show."""
    defined = defined or {}
    groups: dict[str, list[Mention]] = defaultdict(list)
    full_names: dict[str, str] = {}
    for m in mentions:
        key = _country_key(m.text) if m.label in ("GPE", "LOC", "ORG", "PERSON") else None
        if key is None and m.text.replace(".", "").isupper():
            full = defined.get(_key(m.text)) or places.org_full_name(m.text)
            if full:
                key = _key(full)
                full_names[key] = full
        groups[key or _key(m.text)].append(m)
    # Single-word names join a longer name they are the last (or first) word of, when the
    # longer name looks like a person: "Trump" -> "Donald Trump".
    long_names = {
        k: v
        for k, v in groups.items()
        if not k.startswith("country:") and " " in k and _votes(v)[0] == "PERSON"
    }
    for key in list(groups):
        if key.startswith("country:") or " " in key or key not in groups:
            continue
        owners = [lk for lk in long_names if lk.split()[-1] == key or lk.split()[0] == key]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
    return groups, full_names


def _votes(ms: list[Mention]) -> tuple[str, Counter]:
    votes: Counter = Counter()
    for m in ms:
        if not m.rule:
            votes[m.label] += 2 if " " in m.text.strip() else 1
        if m.after_title:
            votes["PERSON"] += 4
        elif m.label != "NORP" or places.normalize(m.text) not in places.demonyms():
            # a gazetteer hit alone does not outvote the model's PERSON ("Jordan", "Paris")
            known = places.country_of_place(m.text) and (m.label != "PERSON" or m.place_votes)
            place = m.place_votes + (3 if known else 0)
            if place:
                votes["LOC" if m.label == "LOC" else "GPE"] += place
    return (votes.most_common(1)[0][0] if votes else "ORG"), votes


def _decide(
    key: str, ms: list[Mention], doc_countries: frozenset[str] = frozenset(), full: str = ""
) -> Entity:
    label, votes = _votes(ms)
    names = Counter(m.text for m in ms)
    name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
    if full:  # "ADF" alone -> Allied Democratic Forces
        name = full if len(full.split()) >= len(name.split()) else name
        label = "ORG"
    country = None
    if key.startswith("country:"):
        code = key.split(":", 1)[1]
        label = "GPE"
        country = code
        shown = places.country_of_country_name(name)
        name = shown[1] if shown else name
    elif any(_key(m.text) in places.news_outlets() for m in ms):
        label = "ORG"  # a news outlet quoted as a source is never a person
    elif label in ("FAC", "ORG", "LOC") and _EVENT_WORDS.search(name):
        label = "EVENT"
    elif places.normalize(name) in places.demonyms():
        label = "NORP"  # "Ukrainian" tagged GPE by the model is still a nationality
    elif places.is_region(name):
        label = "LOC"  # "Europe", "the Sahel": a place that is no one country
    entity = Entity(
        name=name, type=label, country=country, mentions=sorted((m.start, m.end) for m in ms)
    )
    if country is None:
        if label in ("GPE", "LOC", "FAC"):
            entity.country = places.country_of_place(name, doc_countries)
            hit = places.locate(name, entity.country)
            if hit:
                entity.admin1, entity.latitude, entity.longitude = hit
        elif label == "NORP":
            entity.country = places.country_of_demonym(name)
        elif label == "PERSON":
            entity.country = places.country_of_leader(name)
    return entity


_OWNER_BEFORE_TITLE = re.compile(
    r"([A-Z][\w.-]+(?:\s+[A-Z][\w-]+)?)(?:[’']s)?\s+(?:[A-Za-z.-]+\s+){1,3}$"
)


def _person_countries(doc_text: str, entities: list[Entity]) -> None:
    """'Ukrainian President Volodymyr Zelenskyy' -> the person's country is UKR."""
    for ent in entities:
        if ent.type != "PERSON" or ent.country:
            continue
        for start, _ in ent.mentions:
            before = doc_text[max(0, start - 60) : start]
            # the title first: it is rare, and cheap to rule out
            if _after_title(before) and (m := _OWNER_BEFORE_TITLE.search(before)):
                code = places.country_of_demonym(m.group(1)) or places.country_of_place(m.group(1))
                if code:
                    ent.country = code
                    break


def _resolve_ambiguous(entities: list[Entity]) -> None:
    """ "Georgia" is a country and a US state: the document's other places decide ("Atlanta" ->
    USA, "Tbilisi" -> GEO); with no clue the country stays unresolved (null), never guessed."""
    for ent in entities:
        if ent.type != "GPE" or ent.kind != "named":
            continue
        others = places.other_countries_of_country_name(ent.name)
        if not others:
            continue
        own = ent.country
        clues = {e.country for e in entities if e is not ent and e.country}
        if own in clues:
            continue
        hits = others & clues
        ent.country = hits.pop() if len(hits) == 1 else None


def _country_of_word(word: str) -> str | None:
    hit = places.country_of_country_name(word)
    return places.country_of_demonym(word) or (hit[0] if hit else None)


def _line_is_caps(text: str):
    lines: dict[int, bool] = {}  # line start -> whether the line is in capitals

    def check(pos: int) -> bool:
        start = text.rfind("\n", 0, pos) + 1
        if start not in lines:
            end = text.find("\n", pos)
            letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
            capitals = sum(c.isupper() for c in letters)
            lines[start] = len(letters) > 12 and capitals > 0.6 * len(letters)
        return lines[start]

    return check


def _acronym_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    taken = [(m.start, m.end) for m in mentions]
    return [
        _mention(text, s, e, "ORG", 0)
        for s, e in actors.find_acronyms(text, _line_is_caps(text))
        if not any(ts < e and s < te for ts, te in taken)
    ]


def _group_entities(text: str, mentions: list[Mention]) -> tuple[list[Entity], list[Mention]]:
    """Generic actors ("unidentified gunmen", "Turkish forces") as entities, and the named part
    of "Islamic State militants" as an ORG mention where the model missed or cut it."""
    groups: dict[str, Entity] = {}
    named: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for g in actors.find_groups(text, _country_of_word):
        key = actors.group_key(g.name)
        ent = groups.get(key)
        if ent is None:
            ent = groups[key] = Entity(g.name, "ORG", g.country, [], kind=g.kind)
        ent.mentions.append((g.start, g.end))
        if g.modifier_span and not g.country and not places.country_of_place(g.modifier):
            s, e = g.modifier_span
            inside = [(ts, te) for ts, te in taken if ts < e and s < te]
            if all(s <= ts and te <= e for ts, te in inside) and not any(
                (ts, te) == (s, e) for ts, te in inside
            ):
                named.append(_mention(text, s, e, "ORG", 0))
                taken.append((s, e))
    return list(groups.values()), named


def find_entities(doc) -> list[Entity]:
    """Entities of a spaCy Doc, in order of first mention."""
    text = doc.text
    mentions = _drop_capitalised_words(doc, _mentions(doc, text))
    mentions = _merge(mentions, _rule_places(text, mentions))
    group_entities, named = _group_entities(text, mentions)
    if named:
        spans = {(m.start, m.end) for m in named}
        mentions = [
            m for m in mentions if not any(s <= m.start and m.end <= e for s, e in spans)
        ] + named
    mentions += _acronym_mentions(text, mentions)
    mentions += _propagate_surnames(text, mentions)
    groups, full_names = _group(mentions, abbreviations(text))
    doc_countries = (
        frozenset(
            k.split(":", 1)[1]
            for k, ms in groups.items()
            if k.startswith("country:") and not places.other_countries_of_country_name(ms[0].text)
        )
        | {c for m in mentions if m.label == "NORP" and (c := places.country_of_demonym(m.text))}
        | {g.country for g in group_entities if g.country}
    )
    entities = [_decide(k, ms, doc_countries, full_names.get(k, "")) for k, ms in groups.items()]
    _person_countries(text, entities)
    _resolve_ambiguous(entities)
    # "the Nigerian Armed Forces" found by the model and as a group: one entity, with its kind
    spans = {m: i for i, e in enumerate(entities) for m in e.mentions}
    for group in group_entities:
        same = {spans.get(m) for m in group.mentions}
        if len(same) == 1 and None not in same:
            named = entities[same.pop()]
            named.kind, named.country = group.kind, named.country or group.country
            named.type = "ORG"  # "the Nigerian Armed Forces" is an organisation, not a place
        else:
            entities.append(group)
    entities.sort(key=lambda e: e.mentions[0])
    return entities
