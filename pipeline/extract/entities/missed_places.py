"""Places the model missed but the wording gives away, merged with the model's mentions.

Conflict reports name small places in set forms: "Qadis district", "the village of Turaybikh",
"Barangay Lawa", "the Tripoli-Beirut highway", a hierarchy after a place "(Abadam LGA, Borno)", a
list after a place "Bulan, Sorsogon", another spelling "Inalabag [Tin Elebag]", a name before
the country, unit or known town it is in ("the market of Gwoza in Borno", "in X Borno"), a
country or unit right after a place ("X Borno State"). Each becomes a GPE
mention found by rule, with three place votes. Weaker wording ("in Boa Vista, Roraima", "between
Kahil and Mseifra") only fills gaps and joins a place the model cut in pieces. A place name here
never runs across a line break and does not begin with a common capitalised word ("On", "The").

The merge keeps every model mention the rules do not cover; a rule place that covers model
mentions replaces them ("Mogadishu-Hodan" over "Mogadishu") unless one is a titled person, and a
rule place on the model's own span adds its votes to the model's mention.
"""

from __future__ import annotations

import re

from pipeline.extract import prefilter
from pipeline.extract.entities import lexicon, places
from pipeline.extract.entities.lexicon import alternation
from pipeline.extract.entities.mentions import (
    PLACE_UNIT,
    UNIT_TAIL,
    Mention,
    is_region,
    mention,
    split_region_tail,
    trim_place,
)
from pipeline.extract.patterns import folded, one_of
from pipeline.vocabulary import EntityType as T

# a name as conflict reports write place names: "Ain al Arab", "Busra Esh-Sham", "al-Hasakeh"
_PW = rf"(?:{alternation(lexicon.ARTICLES)}-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
_PLINK = alternation(lexicon.PLACE_NAME_LINKS)
_GEO_UNIT = one_of(lexicon.UNITS_BEFORE_OF)
_SP = r"[^\S\n]+"  # spaces within a line: a name never runs across a line break
_PNAME = rf"{_PW}(?:{_SP}(?:{_PLINK}{_SP})?{_PW}){{0,4}}"
# "Qadis district", "Damboa - Maiduguri road", "Sonora states"; a name begins with a capital or
# an article ("al-"): the engine passes other places at once
_NAME_THEN_UNIT = re.compile(
    rf"(?=[A-Zae])(?P<name>{_PNAME})(?:\s*[-–]\s*(?P<name2>{_PNAME}))?\s+(?:{PLACE_UNIT})\b"
)
# "the village of Turaybikh", "in the countryside of Ein Issa", "Barangay Lawa"
_UNIT_THEN_NAME = re.compile(
    rf"\b(?i:(?:{_GEO_UNIT})\s+of)\s+(?:the\s+)?(?P<name>{_PNAME})"
    rf"|\b{alternation(lexicon.UNIT_HEADS_THAT_FIND)}\s+(?P<name2>{_PNAME})"
)
_ROAD = re.compile(
    r"(?P<a>[A-Z][\w'’]+)-(?P<b>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)"
    rf"(?:\s+\([^)]{{0,60}}\))?\s+{alternation(lexicon.ROAD_WORDS)}\b"
)
# "(Abadam LGA, Borno)", "(Beni, Nord-Kivu)": the place hierarchy after a place name
_HIERARCHY = re.compile(
    rf"\(\s*(?P<inner>{_PNAME}(?:\s+\w+)?(?:\s*,\s*{_PNAME}(?:\s+\w+)?){{0,3}})\s*\)"
)
_CHAIN = re.compile(
    rf",\s*(?P<name>{_PNAME})"
    rf"(?=\s*(?:[,.;:()]|$|\n|\s+{alternation(lexicon.PLACE_LIST_ENDERS)}\b))"
)
_ARTICLE = re.compile(rf"^{alternation(lexicon.CAPITALISED_ARTICLES)}$")  # "At Tuhayta"
# "in Boa Vista, Roraima", "in Tizi Ouzou (Tizi Ouzou)": a name after "in" that ends a clause
_IN_NAME = re.compile(
    rf"\b{alternation(lexicon.CLAUSE_PLACE_BEFORE)}\s+(?P<name>{_PNAME})(?=\s*(?:[,(\[]|\.(?:\s|$)))"
)
# "between Kahil and Mseifra", "from Anet to Abyei town"
_PAIR = re.compile(rf"\b(?:between|from)\s+(?P<name>{_PNAME})\s+(?:and|to)\s+(?P<name2>{_PNAME})")
# "of Gwoza in Borno", "near Dera Bugti, Balochistan": a name followed by the place it is in
_NAME_IN_PLACE = re.compile(
    rf"\b(?i:{one_of(lexicon.CONTAINED_PLACE_BEFORE)})\s+(?P<name>{_PNAME})"
    rf"(?:{_SP}in{_SP}|,{_SP})(?:the{_SP})?(?P<container>{_PNAME})"
)
_CAPITAL_NAMED = re.compile(rf"\bcapital,?{_SP}(?P<name>{_PNAME})")
_IN_PLACE_RUN = re.compile(
    rf"\b(?i:{one_of(lexicon.CLAUSE_PLACE_BEFORE)})\s+(?P<name>{_PW}(?:{_SP}{_PW}){{1,3}})"
)
_NEXT_NAME = re.compile(rf"{_SP}(?P<name>[A-Z][\w'’-]*(?:{_SP}[A-Z][\w'’-]*)?)\b")
_COMMON_CAPS = re.compile(rf"^{alternation(lexicon.COMMON_CAPITALISED)}$")
_BRACKETED = re.compile(rf"\[(?P<name>{_PNAME})\]")
_UNIT_BEFORE = re.compile(rf"\b(?:{PLACE_UNIT})\s+$")


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
    start, stop, _ = trim_place(text, start, stop)
    return split_region_tail(text, start, stop)


def rule_places(text: str, known: list[Mention]) -> list[Mention]:
    """Places that the model missed but the wording gives away: "X district", "village of X",
    "(X, Y)" after a place, and ", X" continuing a list of places ("Bulan, Sorsogon")."""
    found: list[tuple[int, int]] = []
    lowered = folded(text)
    for matches in (
        _NAME_THEN_UNIT.finditer(text),
        prefilter.finditer_at_starts(_UNIT_THEN_NAME, text, lowered),
    ):
        for m in matches:
            for group in ("name", "name2"):
                if m.group(group):
                    found += _name_spans(text, m.start(group), m.group(group))
    found += _contained_places(text, lowered, known)
    # "the provincial capital, Quelimane": a capital named beside its title
    for m in prefilter.finditer_at_starts(_CAPITAL_NAMED, text, lowered):
        found += _name_spans(text, m.start("name"), m.group("name"))
    # "in Kolvareta Balochistan": a place run into its region after a place word
    for m in prefilter.finditer_at_starts(_IN_PLACE_RUN, text, lowered):
        spans = _name_spans(text, m.start("name"), m.group("name"))
        if len(spans) == 2 and not any(
            k.start < spans[1][1] and spans[0][0] < k.end for k in known
        ):
            found += spans
    # "the Tripoli-Beirut highway": a road between two places
    for m in _ROAD.finditer(text):
        found += _name_spans(text, m.start("a"), m.group("a"))
        found += _name_spans(text, m.start("b"), m.group("b"))
    place_ends = {m.end for m in known if m.place_votes or m.label in (T.GPE, T.LOC)}
    place_ends |= {e for _, e in found}
    for m in _HIERARCHY.finditer(text):
        before = text[: m.start()].rstrip()
        parts = m.group("inner").split(",")
        if len(before) not in place_ends and not re.search(rf"(?:{PLACE_UNIT})$", before, re.I):
            if len(parts) < 2 or any(places.normalize(p) in places.news_outlets() for p in parts):
                continue
            # "Goma (Goma, Nord-Kivu)": a place hierarchy names the place before it too
            prev = re.search(rf"(?P<name>{_PNAME})$", before)
            if prev:
                found += _name_spans(text, prev.start("name"), prev.group("name"))
        pos = m.start("inner")
        for part in parts:
            s = pos + len(part) - len(part.lstrip())
            e = s + len(part.strip())
            cut = UNIT_TAIL.search(text[s:e])
            found.append((s, s + cut.start() if cut and cut.start() else e))
            pos += len(part) + 1
    # "Inalabag [Tin Elebag]": another spelling of the place before it
    for m in _BRACKETED.finditer(text):
        if len(text[: m.start()].rstrip()) in place_ends | {e for _, e in found}:
            found += _name_spans(text, m.start("name"), m.group("name"))
    # "X Borno": a country or unit right after a place, with no comma
    for end in sorted(place_ends | {e for _, e in found}):
        m = _NEXT_NAME.match(text, end)
        names = [m.group("name"), m.group("name").split()[0]] if m else []
        names = [n for n in names if n[:1].isupper() and not _COMMON_CAPS.match(n)]
        region = next((n for n in names if is_region(n)), None)
        if region:  # "X North Kivu", "X Borno State"
            found.append((m.start("name"), m.start("name") + len(region)))
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
        out.append(mention(text, s, e, T.GPE, 3, rule=True))
    return out + _weak_places(text, lowered, known, seen)


def _contained_places(text: str, lowered: str, known: list[Mention]) -> list[tuple[int, int]]:
    """A name after a place word and before the country, unit or known town it is in: "the
    market of Gwoza in Borno", "residents of X, Balochistan". Not a name of common words
    ("the Ministry of Health in Kano"), nor one the model calls anything but a place."""
    found = []
    for m in prefilter.finditer_at_starts(_NAME_IN_PLACE, text, lowered):
        container = m.group("container")
        if not (places.country_of_country_name(container) or places.known_place(container)):
            continue
        for s, e in _name_spans(text, m.start("name"), m.group("name")):
            words = text[s:e].split()
            if all(places.is_common_word(w.lower()) for w in words) or any(
                k.start < e and s < k.end and k.label not in (T.GPE, T.LOC, T.FAC) for k in known
            ):
                continue
            if not places.country_of_country_name(text[s:e]):
                found.append((s, e))
    return found


def _weak_places(
    text: str, lowered: str, known: list[Mention], seen: set[tuple[int, int]]
) -> list[Mention]:
    """Places on weaker evidence, which only fill gaps and join a place the model cut in pieces:
    a name after "in" that ends a clause; a pair "between X and Y" after a unit word or with one
    place that stronger evidence found (`seen`: the rule places above)."""
    weak: list[tuple[int, int]] = []
    for m in _IN_NAME.finditer(text):
        weak += _name_spans(text, m.start("name"), m.group("name"))
    strong = {(m.start, m.end) for m in known if m.place_votes >= 3 or m.label in (T.GPE, T.LOC)}
    strong |= set(seen)
    for m in prefilter.finditer_at_starts(_PAIR, text, lowered):
        pair = _name_spans(text, m.start("name"), m.group("name")) + _name_spans(
            text, m.start("name2"), m.group("name2")
        )
        unit_before = _UNIT_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        if unit_before or any(span in strong for span in pair):
            weak += pair
    out = []
    for s, e in sorted(set(weak) - seen):
        weak_place = mention(text, s, e, T.GPE, 2, rule=True)
        weak_place.weak = True
        out.append(weak_place)
    return out


def merge(model: list[Mention], rule: list[Mention]) -> list[Mention]:
    """Model mentions, with rule places added where the model found nothing; a rule place that
    covers model mentions replaces them ("Mogadishu-Hodan" over "Mogadishu"), and a model
    mention that runs places together ("Qoqfin in Idleb") gives way to the rule's places."""
    keep = [m for m in model if not _run_together(m, rule)]
    for r in sorted(rule, key=lambda m: m.start - m.end):
        overlaps = [m for m in keep if m.start < r.end and r.start < m.end]
        if not overlaps:
            keep.append(r)
        elif all(r.start <= m.start and m.end <= r.end for m in overlaps):
            if r.weak and any(
                m.label not in (T.GPE, T.LOC, T.FAC, T.NORP, T.PERSON) for m in overlaps
            ):
                continue
            if all(m.label != T.PERSON or not m.after_title for m in overlaps):
                keep = [m for m in keep if m not in overlaps] + [r]
        elif len(overlaps) == 1 and (overlaps[0].start, overlaps[0].end) == (r.start, r.end):
            overlaps[0].place_votes += r.place_votes  # the model's span, the rule's evidence
    keep.sort(key=lambda m: m.start)
    return keep


def _run_together(m: Mention, rule: list[Mention]) -> bool:
    """Whether the model's mention runs two places of the rules together ("Kolvareta Cauca")."""
    inside = [r for r in rule if not r.weak and m.start <= r.start and r.end <= m.end]
    return len(inside) >= 2 and not (m.label == T.PERSON and m.after_title)
