"""The patterns of the figures stage, built from the words of `lexicon`: where a count's cue,
qualifier and victims sit around it, the ways one victim is told without a count, and the
marks of a running total, an update and a source. Matching code lives in `counts`, `sentence`
and `scope`; no word list is written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.extract.figures import lexicon as L
from pipeline.extract.patterns import one_of

# --- a count's cue and victims ------------------------------------------------------------------

# each category's cues tried by first letter (see pipeline.patterns)
CUE_ALT = "|".join(f"(?P<{c}>{one_of(p)})" for c, p in L.CUES_AFTER.items())
_FILLER = one_of(L.FILLERS)
# words that end a victim group: "two men who shot dead a man" names the killers, not victims
_WHO_WORD = r"(?!(?:and|or|but|said|says|in|at|on|with|by|after|from|as|during|when|while|to|of|who|that|which|whom)\b)[A-Za-z][A-Za-z'’/-]*"
# an aside between the number and its verb: "240 people (including 64 children) were moved",
# "2,800 people, including five with disabilities, took refuge"
_ASIDE = r"(?:\s*\([^()]{1,80}\)|\s*,\s*(?:including|among them|mostly|mainly|many of them)\s[^,;]{1,80},)?"
WHO_AFTER = re.compile(rf"^((?:\s+{_WHO_WORD}){{1,3}})")  # "killing 12 [Afghan soldiers]"
# "12 militants and" before "3 soldiers were killed": the words between two numbers that share a cue
JOINED = re.compile(rf"(?:\s+{_WHO_WORD}){{0,4}}{_ASIDE}\s*(?:,|and|,\s*and|as well as)\s*", re.I)
JOIN_TAIL = re.compile(r"\s*\(.*\)|,.*$|\s+(?:and|as well as)\s*$")
TO = re.compile(r"\s+to\s+")
# after an active verb, an object means the number was the agent: "two gunmen killed a man"
OBJECT_AFTER = re.compile(
    r"^\s+(?:a|an|the|his|her|their|its|one|two|three|four|five|\d+)\b(?!\s+(?:others?|more)\b)",
    re.I,
)
NOT_PEOPLE = re.compile(rf"\b(?:{L.NOT_PEOPLE})\b", re.I)
# "1 resident of Garin Goje was killed": where the victims came from, between number and verb
_FROM_PLACE = (
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:(?:town|village|city|district|province|region|area|camp)\s+of\s+)?"
    r"(?-i:[A-Z][\w'’-]*(?:\s+(?:(?:de|la|del|al|el|du|des|da|do)\s+)*[A-Z][\w'’-]*){0,3})"
    r"(?:\s+in\s+the\s+[\w-]+)?)?"
)
SINGULAR_END = re.compile(rf"\b(?:{L.SINGULAR_NOUNS})$", re.I)
# the cue after a count: "12 [people were killed]"
CUE_AFTER = re.compile(
    rf"^(?P<who>(?:\s+{_WHO_WORD}){{0,5}}?){_FROM_PLACE}{_ASIDE}\s*,?(?:\s+{_FILLER})*\s+"
    rf"(?:{CUE_ALT})\b",
    re.I,
)
# the cue before a count, at the end of the words before it: "[killing] 12"
CUE_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{c}>{one_of(p)})" for c, p in L.CUES_BEFORE.items()) + r")\s+$",
    re.I,
)

# --- a number and its qualifier -----------------------------------------------------------------

QUALIFIER_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{q}>{p})" for q, p in L.QUALIFIERS.items()) + r")\s+$", re.I
)
DIGIT_RANGE = re.compile(r"\s?[-–]\s?(\d{1,6})(?![\d,.])")
BETWEEN = re.compile(r"\bbetween\s+$", re.I)
PART_OF = re.compile(r"\s+of\s+(?:the|those|these|them|which|whom)\b", re.I)
FROM_UPDATE = re.compile(rf"\b(?:{L.UPDATED_FROM})(?:\s+\w+)?\s+from\s+$", re.I)
RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|or|and)\s*$", re.I)
NOT_A_COUNT_AFTER = re.compile(rf"^(?:\s*|-)(?:{L.NOT_A_COUNT_AFTER})", re.I)
# "11/24/2013", "3/4": a number after a slash is part of a date or a fraction
NOT_A_COUNT_BEFORE = re.compile(rf"(?:[$€£¥]|\d/|\b{one_of(L.NOT_A_COUNT_BEFORE)})\s*$", re.I)
# a list of numbers that are not counts: "ages 4, 5 and 7"
LIST_JOIN = re.compile(r"\s*(?:,|and|or|&)\s*")
AGES_BEFORE = re.compile(r"\b(?:ages|aged)\s*$", re.I)
APPOSITION_BEFORE = re.compile(r"[A-Za-z][\w'’-]*,\s*$")
COMMA_AFTER = re.compile(r"\s*,")
MONTH_BEFORE = re.compile(rf"\b(?:{L.MONTHS})\s*$", re.I)
NONE_BEFORE = re.compile(r"\b(?:no|not a single|not one)\s+$", re.I)
YEAR = re.compile(r"(19|20)\d\d")

# --- one victim told without a count ------------------------------------------------------------

# the nouns for one person; tried by first letter (see pipeline.patterns)
_PERSON_BASE = one_of(L.PERSON_NOUNS)
# an age stands for the person ("a 7-year-old was killed") unless a noun follows it
_PERSON_NOUN = (
    rf"(?:{_PERSON_BASE}|[\w]+-(?:year|month|week)-old(?!\s+(?:[\w-]+\s+)?{_PERSON_BASE}\b))"
)
# "of Jubo League", "from Ankhel": a short name after the noun
_OF_NAME = r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
SINGLE_VICTIM = re.compile(
    rf"\b(?P<num>a|an|the|another)\s+(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}){_OF_NAME}"
    rf"(?P<pair>\s+and\s+(?:his|her|their|a|an|another)\s+(?:[\w-]+\s+)?{_PERSON_NOUN}\b)?"
    r"(?:\s+(?:in|at|inside|near|on)\s+the\s+[\w-]+)?"
    r"(?:,\s*(?:\d{1,3}|aged \d{1,3}),)?\s+"
    r"(?:(?:who\s+)?(?:was|has been|had been|is|got|were)\s+(?:(?!(?:fatally|not|never)\b)\w+\s+)?)?"
    r"(?P<cue>" + CUE_ALT + r")\b",
    re.I,
)
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
# a person the text names: "Timothy Agnew was killed", "bullets struck and killed Aynis Vargas"
NAMED_VICTIM = re.compile(
    rf"(?P<who>{_NAME})(?:,\s*\d{{1,3}},)?\s+(?:(?:was|has been|had been)\s+(?:\w+\s+)?)?"
    rf"(?P<cue>{L.KILLED_NAMED})\b"
    rf"|\b(?P<cue2>{L.KILLING_NAMED})\s+(?P<who2>{_NAME})"
)
# "Jason Kimble and Laquintin Carter were injured": named people hurt, one figure per name
NAMED_HURT = re.compile(
    rf"(?P<who>{_NAME})(?:,\s*\d{{1,3}},)?(?:\s+and\s+(?P<who2>{_NAME})(?:,\s*\d{{1,3}},)?)?\s+"
    rf"(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:{L.HURT_NAMED})\b"
)
# active voice: "gunmen shot and killed a civilian", "militants shot dead a school guard"
KILLED_ONE = re.compile(
    rf"\b(?P<cue>{L.KILLING_ONE})\s+"
    rf"(?:(?P<num>a|an|one|the)\s+|(?=[\w]+-(?:year|month)-old\b))"
    rf"(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\b"
    rf"(?P<pair>\s+and\s+(?:his|her|their|a|an|another|one)\s+(?:[\w-]+\s+)?{_PERSON_NOUN}\b)?"
    rf"|\b(?P<cue2>{L.KILLING_ONE_TO_DEATH})\s+"
    rf"(?P<num2>a|an|one|the)\s+(?P<who2>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\s+to death\b"
    rf"|\b(?P<cue3>{L.KILLING_HIM})\s+(?P<who3>him|her)\b",
    re.I,
)
_ZERO_CUE = "|".join(L.NOBODY_WORDS)
# "no one was killed", "no casualties were reported", "neither injuries nor fatalities"
ZERO = re.compile(
    rf"\b(?:no(?:body| one)\s+(?:was|were|has been|had been|is)\s+(?:reported\s+)?(?P<a>{_ZERO_CUE})"
    rf"|no\s+(?:(?:immediate|further|other|reported|known)\s+)?(?:reports?\s+of\s+)?(?P<b>{_ZERO_CUE})"
    rf"(?:\s+or\s+(?P<b2>{_ZERO_CUE}))?"
    rf"(?!\s+(?:{L.NOT_A_REPORT_AFTER}))"
    rf"|neither\s+(?P<c>{_ZERO_CUE})\s+nor\s+(?P<c2>{_ZERO_CUE}))\b",
    re.I,
)
# a death told without a count: "the shooting death of a 17-year-old", "pronounced one man, 22,
# dead", "where she later died", and headlines without an article ("Man fatally shot")
DEATH_OF = re.compile(
    rf"\b(?:{L.DEATH_NOUNS}) of (?P<num>a|an|his|her|their|one)\s+"
    rf"(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\b",
    re.I,
)
PRONOUNCED = re.compile(
    rf"\b(?:{L.DECLARED_DEAD})\s+(?P<num>a|an|one|the|his|her|another|(?=\d+-year-old))"
    r"\s*(?P<who>[\w-]+(?:\s+(?!and\b|or\b)[\w'’-]+){0,5}?)(?:,\s*\d{1,3},)?\s+dead\b",
    re.I,
)
HE_DIED = re.compile(
    r"\b(?P<who>[Hh]e|[Ss]he|the other(?: one)?)\s+(?:later\s+|eventually\s+|ultimately\s+|then\s+)?"
    rf"(?:{L.DIED_LATER})\b"
)
BARE_VICTIM = re.compile(
    rf"(?:^|(?<=[\s:\u2013\u2014-]))(?P<who>(?:[A-Z][\w-]*\s+)?(?:{_PERSON_NOUN}))\s+"
    rf"(?P<cue>{L.BARE_KILLED})\b"
    r"(?!\s+(?:a|an|the|his|her|their|one|two|three|\d+)\b)",
    re.I,
)
# one person hurt, told without a count: "injuring a 4-year-old", "shot a 17-year-old",
# "a man with a gunshot wound", "she remains in critical condition", headlines ("Teen shot in leg")
_ALIVE = (
    r"(?:(?:is|was|remains|remained|were|has been|had been|are)\s+(?:\w+ly\s+)?(?:listed\s+)?in\s+"
    rf"(?:(?:{L.CONDITIONS})\s*)+"
    r"condition|(?:is|was)\s+(?:\w+ly\s+)?(?:recovering|expected to (?:survive|recover|be (?:ok|okay|fine))|"
    r"on the road to recovery)|survived)"
)
HURT_ONE = re.compile(
    rf"\b(?P<cue>{L.HURTING_ONE})\s+(?P<num>a|an|one|another)\s+"
    rf"(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\b"
    rf"|\b(?:a|an|the|another)\s+(?P<who2>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\s+with\s+(?:a\s+)?"
    rf"(?P<how2>(?:(?:{L.WOUNDS})\s+)+)(?:wounds?|injur(?:y|ies))"
    rf"|(?:\b(?:a|an|the|another)\s+(?P<who3>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})|\b(?P<who4>[Hh]e|[Ss]he))"
    rf"\s+{_ALIVE}"
    rf"|\b(?:leaving|left)\s+(?:a|an|the|his|her|their)\s+(?P<who8>(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})"
    rf"\s+in\s+(?:(?:{L.CONDITIONS_LEFT})\s+)+condition"
    rf"|(?:^|(?<=[\s:\u2013\u2014-]))(?P<who5>(?:[A-Z][\w-]*\s+)?{_PERSON_NOUN})\s+"
    r"(?:(?P<cue5>shot|wounded|injured|hurt|grazed)\s+(?:in|at|on|near|during|after|while|by)\b|recovering\b)"
    rf"|\b(?P<who6>[Hh]e|[Ss]he|(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})\b[^.;]{{0,60}}?\b"
    r"(?:with|suffered|suffering|sustained|sustaining|received)\s+(?:a|an)\s+"
    r"(?P<how6>(?:[\w-]+\s+){0,2}?)(?:gunshot|bullet|graze|stab)\s+wound\b"
    r"|\banother\s+(?P<who7>(?:(?:[\w-]+ly)\s+)?)(?:injured|wounded|hurt)\b"
    r"|\b(?:injuring|injured|wounding|wounded|hurting)\s+another\b(?!\s+(?:person|man|woman))",
    re.I,
)
MINOR_WOUND = re.compile(r"minor|non-life", re.I)
BODY_OF = re.compile(
    r"\bbody of (?P<num>a|an)\s+(?P<who>(?:[a-z-]+\s+){0,2}?\w+)\b"
    rf"|\b(?:a|an)\s+(?P<who2>(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})['’]s\s+(?:dead\s+)?body\b",
    re.I,
)
# before a victim named without a count, a word that says it was nobody
NEGATED_SUBJECT = re.compile(r"\b(?:neither|nor|not|neither\b[^.;:!?,]{1,60}\bor)\s+$", re.I)

# --- the victims' words, scope, updates and sources ---------------------------------------------

WHO_STOP = re.compile(
    r"(?:^|(?<=\s))(?:so|far|now|remained|remain|remains|still|have|has|had|were|was|are|is|been|reportedly|"
    r"already|this|last|since|in|on|at|after|during|people|persons)\b.*$",
    re.I,
)
ONLY_PEOPLE = re.compile(r"(?:people|persons)", re.I)
MORE = re.compile(r"(?:other|more|additional|further)\b", re.I)
CUMULATIVE = re.compile(rf"\b(?:{L.CUMULATIVE})", re.I)
UPDATE = re.compile(rf"\b(?:{L.UPDATE})\b", re.I)
AS_OF = re.compile(
    r"\b(?:[Aa]s (?:of|at)|[Bb]y the end of|[Aa]t the end of)\s+"
    r"(?:(?P<day>\d{1,2})\s+)?(?P<when>[A-Z][a-z]+(?:\s+\d{1,2}(?!\d))?(?:,?\s+\d{4})?|\d{4})\b"
)
ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,.;:“”\"]{3,80})", re.I)
SAID = re.compile(
    rf"(?P<src>\b(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,5}}?|(?:(?!(?:{L.CONTRAST}|and|or|that|as|so|if|when)\b)[\w'’-]+\s+){{0,2}}?)"
    rf"(?:{L.SOURCES}))\s+"
    rf"(?:{L.SAID})\b",
    re.I,
)
SUMMARY = re.compile(rf"\b(?:{L.SUMMARY})\b", re.I)


def first_group(m: re.Match, names: Iterable[str]) -> str | None:
    """Which of the named alternatives of a pattern matched: the first name whose group did
    (the names are categories or qualifiers, and what is returned is that member)."""
    for name in names:
        if m.group(name):
            return name
    return None


# --- accounts that disagree (see `accounts`) ----------------------------------------------------

OTHER_ACCOUNT = re.compile(
    rf"\b(?:{L.OTHER_ACCOUNT})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{L.ACCOUNT_NOUNS})\b"
    rf"|\baccording to (?:{L.OTHER_ACCOUNT})\b",
    re.I,
)
# "but residents said", "while the rebels claimed": a second voice
CONTRAST_VOICE = re.compile(
    rf"\b(?:{L.CONTRAST})\s*,?\s+(?:[\w'’-]+\s+){{1,5}}?(?:{L.ACCOUNT_VERBS})\b", re.I
)
TOLL_AT = re.compile(rf"\b(?:{L.TOLL_AT})\b", re.I)
ALSO = re.compile(rf"\b(?:{L.ALSO})\b", re.I)
OTHER_INCIDENT = re.compile(rf"\b(?:{L.OTHER_INCIDENT})\b", re.I)


def told_otherwise(text: str, at: int) -> bool:
    """Do the words just before `at` give the count there as another voice's ("other sources
    put the toll at", "while residents said")?"""
    before = text[max(0, at - 80) : at]
    return bool(OTHER_ACCOUNT.search(before) or CONTRAST_VOICE.search(before))
