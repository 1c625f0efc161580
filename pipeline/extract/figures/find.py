"""Casualty figures: every stated number of killed, injured, missing, displaced, ... with evidence.

A figure is a number expression tied to a casualty cue in the same sentence, either after it
("12 people were killed", "2 fatalities") or before it ("killing 12", "the death toll rose to 40").
Numbers that are dates, times, ages, money, percentages or measures are never figures.
Each figure keeps the offsets of the words that state it. Guarantees that protect the totals:
- a running total ("since 2022", "so far this year", "as of June") is `scope = cumulative` and is
  never summed with incident figures;
- a later toll update ("the toll rose to 40", "revised to 8") supersedes the earlier incident
  figure of the same category, and a repeated identical incident figure is kept once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from pipeline.extract.dates import month_as_of
from pipeline.extract.numbers import NUMBER_RE, parse_number, vague_qualifier
from pipeline.extract.patterns import ends_with_word, folded, one_of

CATEGORY_CUES: dict[str, str] = {
    "killed": r"killed|dead|died|dies|deaths?|fatalities|fatality|slain|murdered|executed|"
    r"shot(?:\s+[\w-]+){0,5}?\s+and\s+(?:later\s+)?died|(?:shot|stabbed|beaten|hacked) and killed|"
    r"corpses|"
    r"shot to death|(?:stabbed|beaten|hacked|tortured|burned|burnt) to death|"
    r"fatally (?:shot|wounded|injured|assaulted|stabbed|attacked|beaten)|assassinated|"
    r"lost their lives|perished|drowned|bodies|lives|massacred|shot dead|beheaded|lynched|"
    r"fatal(?:ly)?\s+(?:gunshot\s+)?(?:injuries|injury|wounds?)|fatally",
    # "were shot" without "dead"/"and killed"/"to death" is shot and alive: wounded
    "injured": r"injured|wounded|hurt|injuries|hospitali[sz]ed|maimed|"
    r"shot(?!\s+(?:dead|and\s+killed|to\s+death|and\s+fatally|dead))",
    "missing": r"missing|unaccounted for",
    "displaced": r"displaced|homeless|evacuated|uprooted|forced to flee|fled|fleeing|refugees|"
    r"forced from their homes|displacements|idps|evacuees|evacuate|relocated|resettled|"
    r"(?:sought|seeking|took|taken|taking|found) (?:refuge|shelter)|"
    r"(?:staying|living|sheltering|sheltered|housed|accommodated|remain|remained|still) "
    r"(?:\w+\s+){0,3}?in (?:\w+\s+){0,3}?(?:shelters|camps|evacuation cent(?:re|er)s|tents)|"
    r"accommodated (?:\w+\s+){0,4}?(?:shelters|camps|cent(?:re|er)s)|(?:forced )?into (?:\w+\s+)?shelters|"
    r"(?:had |were forced |been forced |forced |ordered |were ordered )?to (?:evacuate|flee|leave their homes)|"
    r"lost their homes|moved to (?:safer|higher) (?:places|ground|areas)|from their homes|"
    r"(?:moved|taken|relocated|brought) to (?:\w+\s+){0,3}?(?:shelters|camps|evacuation cent(?:re|er)s|"
    r"hotels|safer (?:places|areas|ground))|staying with (?:host families|relatives)|"
    r"living in (?:\w+\s+){0,2}?(?:collective|displacement|idp) (?:sites|cent(?:re|er)s|camps)|"
    r"affected and (?:evacuated|displaced)",
    "captured": r"kidnapped|abducted|taken hostage|hostages?|captured|seized",
    "arrested": r"arrested|detained|arrests|detentions|taken into custody|rounded up",
    "casualties": r"casualties",
    "affected": r"affected",
}
_LEFT_CUES: dict[str, str] = {
    "killed": r"killing|killed|kill|kills|massacring|executing|executed|murdered|murdering|"
    r"fatally (?:wounding|wounded|injuring|injured|shooting|shot|stabbing|stabbed)|"
    # a coder's statement of the count: "unknown fatalities coded as 10" (it supersedes the rest)
    r"(?:fatalities|fatality|deaths)(?:\s+[\w-]+){0,3}?\s+coded\s+(?:as|to|at)|"
    r"beheaded|assassinated|shot dead|shot and killed|stabbed to death|claiming the lives of|"
    r"(?:fatalities|deaths|dead)(?:\s+\w+){0,2}?\s+(?:range|ranging|vary|varying|varies)\s+(?:from|between)|"
    r"claimed the lives of|(?:death|fatality) toll(?:\s+\w+){0,4}?\s+(?:to|at|of|reached|hit|from)|"
    r"(?:the\s+)?bodies of|"
    r"toll\s+(?:has\s+|had\s+|have\s+)?(?:rose|risen|climbed|reached|jumped|increased|stands|stood)"
    r"(?:\s+to|\s+at|\s+from(?:\s+\S+\s+to)?)?|"
    r"(?:revised|raised|put|puts|putting|updated|lowered|brought|bringing)\s+(?:the\s+)?"
    r"(?:death\s+|overall\s+|final\s+)?toll\s+(?:to|at)|toll\s+(?:is|was|now)\s+(?:now\s+)?(?:at\s+)?|"
    r"(?:number of )?(?:dead|deaths|fatalities)\s+(?:rose|risen|climbed|reached|stands)(?:\s+to|\s+at)?",
    "injured": r"injuring|injured|wounding|wounded|hurting|"
    r"(?:number of )?(?:injured|wounded)\s+(?:rose|risen|climbed|reached|stands)(?:\s+to|\s+at)?",
    "displaced": r"displacing|displaced|uprooting|forcing|evacuating|evacuated|"
    r"(?:evacuations?|relocation|displacement|resettlement)\s+of(?:\s+(?:a further|another|a total of))?|"
    r"number of (?:\w+\s+)?(?:displaced|evacuated|idps|evacuees|refugees)(?:\s+\w+){0,4}?\s+"
    r"(?:is|was|stands at|stood at|reached|to be|at|of)|(?:idps|evacuees|displaced people)\s+(?:total(?:led|ed)?|numbered)",
    "captured": r"abducting|abducted|kidnapping|kidnapped|capturing|captured|seizing",
    "arrested": r"arresting|arrested|detaining|detained|rounding up|rounded up|taking into custody",
    "affected": r"affecting|affected",
}
# each category's cues tried by first letter (see pipeline.patterns)
_CUE_ALT = "|".join(f"(?P<{c}>{one_of(p)})" for c, p in CATEGORY_CUES.items())
_FILLER_WORDS = (
    r"were|was|have|has|had|are|is|been|being|be|reportedly|also|later|all|of them|each|"
    r"already|still|newly|recently|temporarily|ordered to|registered as|who|that|of whom|to be|"
    r"(?:estimated|said|believed|thought|reported|known|feared) to (?:have been|be)|"
    r"of those|of which|of the(?:\s+[\w-]+)?\s+(?:victims|wounded|injured|people|passengers|"
    r"hostages|workers|men|women|children|officers|soldiers)|"
    r"subsequently|allegedly|confirmed|believed to be|feared|found|left|got|people|persons|"
    r"shot and|stabbed and|beaten and|abducted and|kidnapped and|tortured and|summarily|"
    r"were reported|now|so far|in total|more"
)
_FILLER = one_of(_FILLER_WORDS)
# words that end a victim group: "two men who shot dead a man" names the killers, not victims
_WHO_WORD = r"(?!(?:and|or|but|said|says|in|at|on|with|by|after|from|as|during|when|while|to|of|who|that|which|whom)\b)[A-Za-z][A-Za-z'’/-]*"
# an aside between the number and its verb: "240 people (including 64 children) were moved",
# "2,800 people, including five with disabilities, took refuge"
_ASIDE = r"(?:\s*\([^()]{1,80}\)|\s*,\s*(?:including|among them|mostly|mainly|many of them)\s[^,;]{1,80},)?"
_WHO_AFTER = re.compile(rf"^((?:\s+{_WHO_WORD}){{1,3}})")  # "killing 12 [Afghan soldiers]"
# "12 militants and" before "3 soldiers were killed": the words between two numbers that share a cue
_JOINED = re.compile(rf"(?:\s+{_WHO_WORD}){{0,4}}{_ASIDE}\s*(?:,|and|,\s*and|as well as)\s*", re.I)
_JOIN_TAIL = re.compile(r"\s*\(.*\)|,.*$|\s+(?:and|as well as)\s*$")
_TO = re.compile(r"\s+to\s+")
# after an active verb, an object means the number was the agent: "two gunmen killed a man"
_OBJECT_AFTER = re.compile(
    r"^\s+(?:a|an|the|his|her|their|its|one|two|three|four|five|\d+)\b(?!\s+(?:others?|more)\b)",
    re.I,
)
_NOT_PEOPLE = re.compile(
    r"\b(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|dogs?|chickens?|poultry|"
    r"donkeys?|horses?|pigs?|birds?|fish|elephants?|rhinos?|districts?|provinces?|villages?|"
    r"houses?|homes?|hectares?|acres?|buildings?|schools?|vehicles?|crops?|regions?|states?|"
    r"countries|towns?|cities|communities)\b",
    re.I,
)
# "1 resident of Garin Goje was killed": where the victims came from, between number and verb
_FROM_PLACE = (
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:(?:town|village|city|district|province|region|area|camp)\s+of\s+)?"
    r"(?-i:[A-Z][\w'’-]*(?:\s+(?:(?:de|la|del|al|el|du|des|da|do)\s+)*[A-Z][\w'’-]*){0,3})"
    r"(?:\s+in\s+the\s+[\w-]+)?)?"
)
_SINGULAR_END = re.compile(
    r"\b(?:man|woman|boy|girl|child|officer|soldier|student|teen|teenager|baby|person|victim|"
    r"driver|guard|deputy|trooper|resident|worker|civilian)$",
    re.I,
)
_RIGHT = re.compile(
    rf"^(?P<who>(?:\s+{_WHO_WORD}){{0,5}}?){_FROM_PLACE}{_ASIDE}\s*,?(?:\s+{_FILLER})*\s+"
    rf"(?:{_CUE_ALT})\b",
    re.I,
)
_LEFT = re.compile(
    r"\b(?:" + "|".join(f"(?P<{c}>{one_of(p)})" for c, p in _LEFT_CUES.items()) + r")\s+$", re.I
)
_QUALIFIERS = [
    ("at_least", r"at least|no fewer than|not less than|a minimum of|at a minimum"),
    ("more_than", r"more than|over|upwards of|in excess of|above"),
    ("less_than", r"nearly|almost|fewer than|less than|under|close to|just under"),
    ("at_most", r"up to|as many as|at most|a maximum of"),
    (
        "approx",
        r"about|around|approximately|roughly|some|an estimated|estimated|nearly about|circa",
    ),
]
_QUAL_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{q}>{p})" for q, p in _QUALIFIERS) + r")\s+$", re.I)
# the last words of the qualifiers and of the cues before a number (see _search_before)
_QUAL_ENDINGS = ("least", "than", "of", "minimum", "over", "above", "nearly", "almost", "under",
                 "to", "as", "most", "about", "around", "approximately", "roughly", "some",
                 "estimated", "circa")  # fmt: skip
_LEFT_ENDINGS = ("kill", "kills", "killing", "killed", "massacring", "executing", "executed",
                 "murdered", "murdering", "wounding", "wounded", "injuring", "injured",
                 "shooting", "shot", "stabbing", "stabbed", "as", "to", "at", "beheaded",
                 "assassinated", "dead", "death", "of", "from", "between", "reached", "hit",
                 "rose", "risen", "climbed", "jumped", "increased", "stands", "stood", "is", "was",
                 "now", "hurting", "displacing", "displaced", "uprooting", "forcing", "evacuating",
                 "evacuated", "further", "another", "be", "total", "totalled", "totaled",
                 "numbered", "abducting", "abducted", "kidnapping", "kidnapped", "capturing",
                 "captured", "seizing", "arresting", "arrested", "detaining", "detained", "up",
                 "custody", "affecting", "affected")  # fmt: skip
_DIGIT_RANGE = re.compile(r"\s?[-–]\s?(\d{1,6})(?![\d,.])")
MAX_COUNT = 10_000_000_000  # more people than live on Earth: not a count of victims
_WINDOW = 120  # characters before a number in which its qualifier or cue is looked for
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_PART_OF = re.compile(r"\s+of\s+(?:the|those|these|them|which|whom)\b", re.I)
_FROM_UPDATE = re.compile(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|revised|raised|went up|grew|updated)"
    r"(?:\s+\w+)?\s+from\s+$",
    re.I,
)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|or|and)\s*$", re.I)
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*|-)(?:-?years?\b|-?year-old|yrs?\b|km\b|kilomet|miles?\b|metres?\b|meters?\b|"
    r"percent\b|per cent\b|%|a\.?m\b|p\.?m\b|hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|"
    r"o'clock|kg\b|tons?\b|tonnes?\b|mm\b|cm\b|dollars?\b|euros?\b|pounds?\b|st\b|nd\b|rd\b|th\b|"
    r"times\b|:\d|votes?\b|seats?\b|blocks?\b|y/?o\b)",
    re.I,
)
_NOT_A_COUNT_WORDS = (
    r"no\.|number|aged?|ages|age of|who (?:was|is)|route|highway|unit|brigade|battalion|"
    r"district|sector|km|page|gate|street|ar-|ak-|m-|n-|covid-|"
    r"dial(?:l?ed)?|call(?:ed|ing)?|phone|tel\.?|vote of|by a vote of|page"
)
_NOT_A_COUNT_BEFORE = re.compile(rf"(?:[$€£¥]|\b{one_of(_NOT_A_COUNT_WORDS)})\s*$", re.I)
# the nouns for one person; tried by first letter (see pipeline.patterns)
_PERSON_WORDS = (
    r"man|woman|boy|girl|child|baby|civilian|soldier|policeman|policewoman|police officer|"
    r"officer|farmer|student|person|resident|teacher|trader|merchant|journalist|doctor|nurse|"
    r"worker|driver|fisherman|herder|villager|pastor|priest|imam|militant|fighter|member|leader|"
    r"activist|protester|official|guard|youth|teenager|minor|elderly man|elderly woman|"
    r"passer-by|passerby|motorcyclist|individual|male|female|operator|adolescent|robber|thief|"
    r"kidnapper|criminal|gang member|gangster|smuggler|poacher|demonstrator|bodyguard|shepherd|customer|shopkeeper|vendor|commander|lawyer|judge|"
    r"politician|candidate|mayor|victim|suspect|prisoner|detainee|inmate|councill?or|trafficker|"
    r"personnel|chief|gendarme|militiaman|rebel|insurgent|jihadist|gunman|bandit|worshipper|"
    r"miner|herdsman|cleric|elder|businessman|businesswoman|contractor|engineer|employee|"
    r"teen|teenage boy|teenage girl|toddler|infant|wife|husband|girlfriend|boyfriend|father|"
    r"mother|son|daughter|stepson|stepdaughter|brother|sister|grandmother|grandfather|uncle|"
    r"aunt|nephew|niece|cousin|friend|neighbou?r|deputy|sergeant|trooper|owner|clerk|"
    r"bystander|patron|security guard|pedestrian|cyclist|tourist|pilgrim|refugee|migrant|"
    r"watchman|porter|hiker|sailor|passenger|motorist|gardener|labou?rer|farmhand|cashier|"
    r"courier|waiter|waitress|bartender|firefighter|paramedic|medic|cook|chef|janitor|"
    r"salesman|saleswoman|mechanic|carpenter|builder|fisher|hunter|ranger|warden|soldier|"
    r"recruit|cadet|conscript|volunteer|aid worker|photographer|reporter|cameraman|"
    r"grandson|granddaughter|roommate|coworker|co-worker|classmate|sophomore|freshman|"
    r"senior|junior|pupil|toddler|newborn|homeowner|tenant|landlord|resident"
)
_PERSON_BASE = one_of(_PERSON_WORDS)
# an age stands for the person ("a 7-year-old was killed") unless a noun follows it
_PERSON_NOUN = (
    rf"(?:{_PERSON_BASE}|[\w]+-(?:year|month|week)-old(?!\s+(?:[\w-]+\s+)?{_PERSON_BASE}\b))"
)
# "of Jubo League", "from Ankhel": a short name after the noun
_OF_NAME = r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
_SINGLE_VICTIM = re.compile(
    rf"\b(?P<num>a|an|the|another)\s+(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}){_OF_NAME}"
    rf"(?P<pair>\s+and\s+(?:his|her|their|a|an|another)\s+(?:[\w-]+\s+)?{_PERSON_NOUN}\b)?"
    r"(?:\s+(?:in|at|inside|near|on)\s+the\s+[\w-]+)?"
    r"(?:,\s*(?:\d{1,3}|aged \d{1,3}),)?\s+"
    r"(?:(?:who\s+)?(?:was|has been|had been|is|got|were)\s+(?:(?!(?:fatally|not|never)\b)\w+\s+)?)?"
    r"(?P<cue>" + _CUE_ALT + r")\b",
    re.I,
)
_VICTIM_VERB = (
    r"killed|shot dead|pronounced dead|fatally (?:shot|wounded|stabbed|injured)|found dead|"
    r"murdered|slain|shot and killed|stabbed to death|beaten to death|died"
)
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
# a person the text names: "Timothy Agnew was killed", "bullets struck and killed Aynis Vargas"
_NAMED_VICTIM = re.compile(
    rf"(?P<who>{_NAME})(?:,\s*\d{{1,3}},)?\s+(?:(?:was|has been|had been)\s+(?:\w+\s+)?)?"
    rf"(?P<cue>{_VICTIM_VERB})\b"
    rf"|\b(?P<cue2>killed|killing|shot and killed|struck and killed|fatally shot|murdered|"
    rf"stabbed to death)\s+(?P<who2>{_NAME})"
)
# "Jason Kimble and Laquintin Carter were injured": named people hurt, one figure per name
_NAMED_HURT = re.compile(
    rf"(?P<who>{_NAME})(?:,\s*\d{{1,3}},)?(?:\s+and\s+(?P<who2>{_NAME})(?:,\s*\d{{1,3}},)?)?\s+"
    r"(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:injured|wounded|hurt)\b"
)
# active voice: "gunmen shot and killed a civilian", "militants shot dead a school guard"
_KILLED_ONE = re.compile(
    r"\b(?P<cue>killed|killing|shot dead|shot and killed|stabbed to death|murdered|executed|"
    r"assassinated|beheaded|lynched|hacked to death|beat to death|beaten to death|fatally shot|"
    r"fatally stabbed)\s+"
    rf"(?:(?P<num>a|an|one|the)\s+|(?=[\w]+-(?:year|month)-old\b))"
    rf"(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\b"
    rf"(?P<pair>\s+and\s+(?:his|her|their|a|an|another|one)\s+(?:[\w-]+\s+)?{_PERSON_NOUN}\b)?"
    rf"|\b(?P<cue2>stabbed|beat|beaten|hacked|tortured|burned|burnt|bludgeoned|shot|strangled)\s+"
    rf"(?P<num2>a|an|one|the)\s+(?P<who2>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\s+to death\b"
    r"|\b(?P<cue3>killing|killed|executing|executed|shooting dead)\s+(?P<who3>him|her)\b",
    re.I,
)
# explicit zeros: "no one was killed", "no casualties were reported", "neither injuries nor
# fatalities were reported" -> figures of 0 (the report says nobody, which is not "no figure")
_ZERO_WORDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "fatalities": "killed",
    "fatality": "killed", "deaths": "killed", "death": "killed", "lives": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "injury": "injured", "casualties": "casualties", "casualty": "casualties",
}  # fmt: skip
_ZERO_CUE = r"killed|dead|died|fatalit(?:y|ies)|deaths?|lives|injured|wounded|hurt|injur(?:y|ies)|casualt(?:y|ies)"
_ZERO = re.compile(
    rf"\b(?:no(?:body| one)\s+(?:was|were|has been|had been|is)\s+(?:reported\s+)?(?P<a>{_ZERO_CUE})"
    rf"|no\s+(?:(?:immediate|further|other|reported|known)\s+)?(?:reports?\s+of\s+)?(?P<b>{_ZERO_CUE})"
    rf"(?:\s+or\s+(?P<b2>{_ZERO_CUE}))?"
    r"(?!\s+(?:penalty|penalties|toll|threats?|sentences?|certificates?|squads?|row|warrants?|"
    r"benefits?|insurance|list|camps?|wish|march|metal|end))"
    rf"|neither\s+(?P<c>{_ZERO_CUE})\s+nor\s+(?P<c2>{_ZERO_CUE}))\b",
    re.I,
)
# a death told without a count: "the shooting death of a 17-year-old", "pronounced one man, 22,
# dead", "where she later died", and headlines without an article ("Man fatally shot")
_DEATH_OF = re.compile(
    rf"\b(?:death|killing|murder|slaying) of (?P<num>a|an|his|her|their|one)\s+"
    rf"(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\b",
    re.I,
)
_PRONOUNCED = re.compile(
    r"\b(?:pronounced|declared|left|leaving)\s+(?P<num>a|an|one|the|his|her|another|(?=\d+-year-old))"
    r"\s*(?P<who>[\w-]+(?:\s+(?!and\b|or\b)[\w'’-]+){0,5}?)(?:,\s*\d{1,3},)?\s+dead\b",
    re.I,
)
_HE_DIED = re.compile(
    r"\b(?P<who>[Hh]e|[Ss]he|the other(?: one)?)\s+(?:later\s+|eventually\s+|ultimately\s+|then\s+)?"
    r"(?:died|(?:was|had been)\s+(?:pronounced dead|killed|shot and killed|fatally (?:shot|wounded)|"
    r"shot dead|declared dead|found dead))\b"
)
_BARE_VICTIM = re.compile(
    rf"(?:^|(?<=[\s:\u2013\u2014-]))(?P<who>(?:[A-Z][\w-]*\s+)?(?:{_PERSON_NOUN}))\s+"
    r"(?P<cue>(?:has\s+)?(?:dies|died)|killed|fatally (?:shot|stabbed|wounded|injured|struck|hit)|"
    r"shot (?:and killed|dead|to death)|found dead|dead|"
    # "Teen shot in southeast Wichita has died", "9-year-old shot by sibling dies"
    r"(?:shot|stabbed|wounded|injured|hurt)\b[^.;,:]{0,50}?\b(?:has died|have died|dies|died))\b"
    r"(?!\s+(?:a|an|the|his|her|their|one|two|three|\d+)\b)",
    re.I,
)
# one person hurt, told without a count: "injuring a 4-year-old", "shot a 17-year-old",
# "a man with a gunshot wound", "she remains in critical condition", headlines ("Teen shot in leg")
_ALIVE = (
    r"(?:(?:is|was|remains|remained|were|has been|had been|are)\s+(?:\w+ly\s+)?(?:listed\s+)?in\s+"
    r"(?:(?:critical|serious|stable|fair|good|grave|satisfactory|extremely|very|temporary|but|and|,)\s*)+"
    r"condition|(?:is|was)\s+(?:\w+ly\s+)?(?:recovering|expected to (?:survive|recover|be (?:ok|okay|fine))|"
    r"on the road to recovery)|survived)"
)
_HURT_ONE = re.compile(
    rf"\b(?P<cue>injuring|injured|wounding|wounded|shot|hurting)\s+(?P<num>a|an|one|another)\s+"
    rf"(?P<who>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\b"
    rf"|\b(?:a|an|the|another)\s+(?P<who2>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})\s+with\s+(?:a\s+)?"
    r"(?P<how2>(?:(?:non-life-threatening|non-life threatening|minor|serious|critical|gunshot|bullet|"
    r"stab)\s+)+)(?:wounds?|injur(?:y|ies))"
    rf"|(?:\b(?:a|an|the|another)\s+(?P<who3>(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN})|\b(?P<who4>[Hh]e|[Ss]he))"
    rf"\s+{_ALIVE}"
    rf"|\b(?:leaving|left)\s+(?:a|an|the|his|her|their)\s+(?P<who8>(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})"
    r"\s+in\s+(?:(?:critical|serious|stable|fair|grave|extremely|very|but|and)\s+)+condition"
    rf"|(?:^|(?<=[\s:\u2013\u2014-]))(?P<who5>(?:[A-Z][\w-]*\s+)?{_PERSON_NOUN})\s+"
    r"(?:(?P<cue5>shot|wounded|injured|hurt|grazed)\s+(?:in|at|on|near|during|after|while|by)\b|recovering\b)"
    rf"|\b(?P<who6>[Hh]e|[Ss]he|(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})\b[^.;]{{0,60}}?\b"
    r"(?:with|suffered|suffering|sustained|sustaining|received)\s+(?:a|an)\s+"
    r"(?P<how6>(?:[\w-]+\s+){0,2}?)(?:gunshot|bullet|graze|stab)\s+wound\b"
    r"|\banother\s+(?P<who7>(?:(?:[\w-]+ly)\s+)?)(?:injured|wounded|hurt)\b"
    r"|\b(?:injuring|injured|wounding|wounded|hurting)\s+another\b(?!\s+(?:person|man|woman))",
    re.I,
)
_BODY_OF = re.compile(
    r"\bbody of (?P<num>a|an)\s+(?P<who>(?:[a-z-]+\s+){0,2}?\w+)\b"
    rf"|\b(?:a|an)\s+(?P<who2>(?:[\w-]+\s+){{0,2}}?{_PERSON_NOUN})['’]s\s+(?:dead\s+)?body\b",
    re.I,
)
_CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:[\w'’-]+\s+){0,4}?(?:\d{4}|war|conflict|start|beginning|outbreak|fighting|invasion|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"last year|the start|early|late|it began|began)|so far this year|this year alone|to date|"
    r"as of\b|in total since|over the course of the war|throughout the (?:war|conflict)|"
    r"(?:war|conflict|fighting|insurgency|violence|crisis|epidemic|civil war)\b[^.;]{0,80}?\b(?:has|have|had)\s+"
    r"(?:already\s+)?(?:killed|claimed|left|displaced|forced|uprooted|caused|seen)|cumulative|"
    r"total (?:death )?toll (?:of|for) the (?:war|conflict)|in the past (?:\w+\s+)?(?:years|decade))",
    re.I,
)
_UPDATE = re.compile(
    r"\b(?:toll|rose|risen|climbed|revised|raised|increased|jumped|updated|reached|coded)\b", re.I
)
_AS_OF = re.compile(
    r"\b(?:[Aa]s (?:of|at)|[Bb]y the end of|[Aa]t the end of)\s+"
    r"(?:(?P<day>\d{1,2})\s+)?(?P<when>[A-Z][a-z]+(?:\s+\d{1,2}(?!\d))?(?:,?\s+\d{4})?|\d{4})\b"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,.;:“”\"]{3,80})", re.I)
_SAID = re.compile(
    r"(?P<src>\b(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?(?:official|officials|ministry|spokesman|"
    r"spokeswoman|spokesperson|police|army|military|hospital|authorities|agency|office|"
    r"governor|minister|sources?|witness(?:es)?|residents?|medics?|doctors?|department|"
    r"council|committee|group|commission|monitor|observatory|mission|service|services))\s+"
    r"(?:said|says|told|reported|confirmed|stated|announced)\b",
    re.I,
)


@dataclass
class Figure:
    category: str
    best: int
    low: int | None
    high: int | None
    qualifier: str
    who: str | None
    scope: str
    as_of: str | None
    source: str | None
    span: tuple[int, int]
    update: bool = False
    hit: bool = False  # "were shot": hit by gunfire, fate unstated (see _resolve_shot)
    part: bool = False  # "two of the victims died": part of a group counted elsewhere
    event: int | None = None

    def as_contract(self) -> dict:
        return {
            "category": self.category,
            "best": self.best,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "who": self.who,
            "scope": self.scope,
            "as_of": self.as_of,
            "source": self.source,
            "span": list(self.span),
            "event": self.event,
        }


@dataclass
class _Number:
    start: int
    end: int
    low: int
    high: int | None  # set for ranges
    qual_start: int
    qualifier: str


def _group(m: re.Match, names) -> str | None:
    for name in names:
        if m.group(name):
            return name
    return None


# before a victim named without a count, a word that says it was nobody
_NEGATED_SUBJECT = re.compile(r"\b(?:neither|nor|not|neither\b[^.;:!?,]{1,60}\bor)\s+$", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|&)\s*")
_AGES_BEFORE = re.compile(r"\b(?:ages|aged)\s*$", re.I)
_APPOSITION_BEFORE = re.compile(r"[A-Za-z][\w'’-]*,\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
_NONE_BEFORE = re.compile(r"\b(?:no|not a single|not one)\s+$", re.I)
_YEAR = re.compile(r"(19|20)\d\d")


def _numbers_in(sentence: str, offset: int, excluded: list[tuple[int, int]]) -> list[_Number]:
    found: list[_Number] = []
    not_count_end = -1  # end of the last number that is not a count ("ages 4 and 5")
    for m in NUMBER_RE.finditer(sentence):
        value = parse_number(m.group(0))
        if value is None or value > MAX_COUNT:
            continue
        # "15-20": NUMBER never matches after a hyphen, so the high end is read here
        dash = _DIGIT_RANGE.match(sentence, m.end())
        s, e = m.start() + offset, m.end() + offset
        after, before = (
            sentence[m.end() : m.end() + 12],
            sentence[max(0, m.start() - 12) : m.start()],
        )
        listed = not_count_end >= 0 and _LIST_JOIN.fullmatch(sentence, not_count_end, m.start())
        if listed or _AGES_BEFORE.search(before):
            not_count_end = m.end()  # "ages 4, 5 and 7": the whole list is ages
            continue
        if _NOT_A_COUNT_BEFORE.search(before):
            continue
        if _NOT_A_COUNT_AFTER.match(after):
            continue
        if _APPOSITION_BEFORE.search(before) and _COMMA_AFTER.match(after):
            continue  # "Michael Cattron, 6, was...", "the victim, 34, died": an age in apposition
        if _NONE_BEFORE.search(before):
            continue  # "no one was killed" states that nobody was
        in_excluded = any(xs <= s < xe for xs, xe in excluded)  # the number starts inside
        looks_like_year = _YEAR.fullmatch(m.group(0)) is not None
        if in_excluded or looks_like_year:
            continue
        if dash and _NOT_A_COUNT_AFTER.match(sentence[dash.end() :]) is None:
            high = int(dash.group(1))
            if high > value:  # "15-20 people were wounded"
                q = _search_before(_QUAL_RE, sentence, m.start(), _QUAL_ENDINGS)
                qual_start = q.start() + offset if q else s
                found.append(_Number(s, dash.end() + offset, value, high, qual_start, "range"))
                continue
        if found and _RANGE_JOIN.match(sentence[found[-1].end - offset : m.start()]):
            prev = found[-1]
            # "the toll rose from 12 to 15" is an update, not a range
            rising = _search_before(_FROM_UPDATE, sentence, prev.qual_start - offset, ("from",))
            if value > prev.low and not rising:  # "30 to 40", "8-10", "between 30 and 40"
                between = _search_before(_BETWEEN, sentence, prev.start - offset, ("between",))
                prev.high, prev.end, prev.qualifier = value, e, "range"
                if between:
                    prev.qual_start = between.start() + offset
                continue
        q = _search_before(_QUAL_RE, sentence, m.start(), _QUAL_ENDINGS)
        qualifier, qual_start = vague_qualifier(m.group(0)) or "exact", s
        if q:
            qualifier = _group(q, [name for name, _ in _QUALIFIERS])
            qual_start = q.start() + offset
        found.append(_Number(s, e, value, None, qual_start, qualifier))
    return found


def _bounds(n: _Number) -> tuple[int, int | None, int | None]:
    """best, low, high from the wording."""
    if n.qualifier == "range":
        return n.low, n.low, n.high
    if n.qualifier in ("at_least", "more_than"):
        return n.low, n.low, None
    if n.qualifier in ("less_than", "at_most"):
        return n.low, None, n.low
    return n.low, n.low, n.low


def find_figures(
    text: str,
    sentences: list[tuple[int, int]],
    excluded: list[tuple[int, int]] | None = None,
    published: str | None = None,
    persons: list[tuple[int, int]] | None = None,
) -> list[Figure]:
    """All casualty figures in `text`, sentence by sentence, in text order. `persons` are the
    spans of people the text names (a named victim is a count of one)."""
    excluded = excluded or []
    persons = persons or []
    figures: list[Figure] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        figures.extend(_sentence_figures(sentence, s_start, excluded, published, persons))
    return _resolve_shot(_resolve_totals(text, _resolve_updates(figures)))


# Words one of which every match of a costly pattern contains: a sentence with none of them is
# not searched with it (most sentences of an article name no victim). tests/test_figures.py
# spells out every way each pattern can match and checks that it holds one of its words.
# every match of CATEGORY_CUES holds one of these
_CUE_WORDS = ("kill", "dead", "died", "dies", "death", "fatal", "slain", "murder", "execut",
              "corpse", "assassin", "lives", "perish", "drown", "bodies", "massacr", "behead",
              "lynch", "injur", "wound", "hurt", "hospitali", "maim", "shot", "missing",
              "unaccounted", "displace", "homeless", "evacu", "uproot", "flee", "fled", "refuge",
              "homes", "idps", "relocated", "resettled", "shelter", "camps", "tents", "hotels",
              "safer", "accommodated", "moved", "staying", "living", "affected", "kidnap",
              "abduct", "hostage", "captured", "seized", "arrest", "detained", "detention",
              "custody", "rounded", "casualties")  # fmt: skip
_ZERO_GATE = ("killed", "dead", "died", "fatalit", "death", "lives", "injur", "wounded", "hurt",
              "casualt")  # fmt: skip
_NAMED_VICTIM_WORDS = ("kill", "dead", "death", "fatally", "murdered", "slain", "died")
_NAMED_HURT_WORDS = ("injured", "wounded", "hurt")
_HURT_ONE_WORDS = ("injur", "wound", "shot", "hurt", "condition", "recover", "expected",
                   "survived", "grazed")  # fmt: skip
# one victim told without a count, explicit active killings first ("shot dead a shopkeeper
# were arrested" is a killing)
_SINGLES = (
    (_KILLED_ONE, ("kill", "dead", "death", "murdered", "execut", "assassinated", "beheaded",
                   "lynched", "fatally")),
    (_SINGLE_VICTIM, _CUE_WORDS),
    (_BODY_OF, ("body",)),
    (_DEATH_OF, ("death of", "killing of", "murder of", "slaying of")),
    (_PRONOUNCED, ("dead",)),
    (_BARE_VICTIM, ("die", "killed", "fatally", "shot", "dead")),
    (_HE_DIED, ("died", "dead", "killed", "fatally")),
)  # fmt: skip


_GATES = (_NAMED_VICTIM_WORDS, _NAMED_HURT_WORDS, _HURT_ONE_WORDS, _ZERO_GATE,
          *(words for _, words in _SINGLES))  # fmt: skip
# a sentence with no number and none of these words holds no figure (a word that holds another
# one of them adds no test)
_VICTIM_WORDS = tuple(
    w
    for w in dict.fromkeys(w for words in _GATES for w in words)
    if not any(o != w and o in w for words in _GATES for o in words)
)


def _gated(
    rx: re.Pattern, words: tuple[str, ...], sentence: str, lowered: str
) -> Iterable[re.Match]:
    """`rx.finditer(sentence)`, skipped when the sentence holds none of `words`, one of which
    every match of `rx` contains. `lowered` is `folded(sentence)`: a word that `rx` matches,
    in any case, is in it."""
    if not any(w in lowered for w in words):
        return ()
    return rx.finditer(sentence)


def _context(sentence: str, published: str | None):
    """What every figure of a sentence shares: scope, the "as of" match, as_of and source."""
    scope = "cumulative" if _CUMULATIVE.search(sentence) else "incident"
    as_of_m = _AS_OF.search(sentence)
    return scope, as_of_m, _as_of(as_of_m, published), _figure_source(sentence)


def _sentence_figures(sentence, offset, excluded, published, persons) -> list[Figure]:
    numbers = _numbers_in(sentence, offset, excluded)
    lowered = folded(sentence)
    if not numbers and not any(w in lowered for w in _VICTIM_WORDS):
        return []  # every pattern below needs a number or one of these words
    cats: list[tuple[str, str | None, int] | None] = []
    lefts: dict[int, re.Match | None] = {}  # the cue before a number, searched once
    for n in numbers:
        rest = sentence[n.end - offset :]
        right = _RIGHT.match(rest[:120])
        if (
            right
            and right.group("who").strip()
            and _group(right, CATEGORY_CUES) in ("killed", "injured", "captured", "arrested")
            and _OBJECT_AFTER.match(rest[right.end() :])
        ):
            right = None  # "two armed men ... shot and killed a man": the number did the killing
        if right:
            cat = _group(right, CATEGORY_CUES)
            who = right.group("who").strip() or None
            if who and n.low > 1 and _SINGULAR_END.search(who):
                cats.append(None)  # "52 Fresno County Jail officer wounded": not a count of 52
                continue
            if who and _NOT_PEOPLE.search(who):
                cats.append(None)
                continue
            hit = cat == "injured" and right.group("injured").lower().startswith("shot")
            cats.append((cat, who, n.end + right.end(), hit))
            continue
        left = _left_cue(sentence, n.qual_start - offset, lefts)
        if left:
            cat = _group(left, _LEFT_CUES)
            who_m = _WHO_AFTER.match(rest)
            who = who_m.group(1).strip() if who_m else None
            if who and _NOT_PEOPLE.search(who):
                cats.append(None)
                continue
            cats.append((cat, who, n.end + (who_m.end() if who_m else 0), False))
            continue
        cats.append(None)
    # "12 militants and 3 soldiers were killed": a number joined by "and" shares the next cue
    for i in range(len(numbers) - 2, -1, -1):
        j = i + 1  # the next number outside an aside ("4 people (including 1 journalist) and")
        while j < len(numbers) - 1:
            gap = sentence[numbers[i].end - offset : numbers[j].start - offset]
            if gap.count("(") <= gap.count(")"):
                break
            j += 1
        if cats[i] is None and cats[j] is not None:
            between = sentence[numbers[i].end - offset : numbers[j].qual_start - offset]
            if _JOINED.fullmatch(between):
                who = _JOIN_TAIL.sub("", between).strip(" ,")
                who = who or None
                cats[i] = (cats[j][0], who, *cats[j][2:])
    for i in range(1, len(numbers)):
        between = sentence[numbers[i - 1].end - offset : numbers[i].qual_start - offset]
        rising = _search_before(
            _FROM_UPDATE, sentence, numbers[i - 1].qual_start - offset, ("from",)
        )
        if cats[i] is None and cats[i - 1] and rising and _TO.fullmatch(between):
            cats[i] = cats[i - 1]  # "rose from 12 to 15": 15 is the same count, updated
    context = None

    def shared():  # read once, when the sentence has a figure
        nonlocal context
        context = context or _context(sentence, published)
        return context

    out: list[Figure] = []
    for n, cat in zip(numbers, cats, strict=True):
        if cat is None:
            continue
        scope, as_of_m, as_of, source = shared()
        left_ctx = sentence[max(0, n.qual_start - offset - 40) : n.qual_start - offset]
        update = bool(_UPDATE.search(left_ctx))
        if n.low == 0 and not update:
            continue  # "0" alone is no report; "revised the toll to 0", "coded as 0" is one
        category, who, cue_end, hit = cat
        who = _clean_who(who)
        end = cue_end
        if as_of_m and 0 <= as_of_m.start() + offset - cue_end <= 2:
            end = as_of_m.end() + offset
        best, low, high = _bounds(n)
        out.append(
            Figure(
                category=category,
                best=best,
                low=low,
                high=high,
                qualifier=n.qualifier,
                who=who,
                scope=scope,
                as_of=as_of,
                source=source,
                span=(min(n.qual_start, _left_cue_start(sentence, offset, n, lefts)), end),
                update=update,
                hit=hit,
                part=bool(_PART_OF.match(sentence, n.end - offset)),
            )
        )
    for m in _gated(_NAMED_VICTIM, _NAMED_VICTIM_WORDS, sentence, lowered):
        who = "who" if m.group("who") else "who2"
        ws, we = m.start(who) + offset, m.end(who) + offset
        if not any(ps <= ws and we <= pe for ps, pe in persons):
            continue  # only a name the entity stage calls a person
        s, e = m.start() + offset, m.end() + offset
        if any(f.span[0] < e and s < f.span[1] for f in out):
            continue
        scope, _, as_of, source = shared()
        out.append(Figure("killed", 1, 1, 1, "exact", m.group(who), scope, as_of, source, (s, e)))
    for m in _gated(_NAMED_HURT, _NAMED_HURT_WORDS, sentence, lowered):
        names = [g for g in ("who", "who2") if m.group(g)]
        if not all(
            any(ps <= m.start(g) + offset and m.end(g) + offset <= pe for ps, pe in persons)
            for g in names
        ):
            continue  # only names the entity stage calls people
        s, e = m.start() + offset, m.end() + offset
        if any(f.span[0] < e and s < f.span[1] for f in out):
            continue
        n, who = len(names), " and ".join(m.group(g) for g in names)
        scope, _, as_of, source = shared()
        out.append(Figure("injured", n, n, n, "exact", who, scope, as_of, source, (s, e)))
    singles = [m for rx, words in _SINGLES for m in _gated(rx, words, sentence, lowered)]
    for m in singles:
        category = _group(m, CATEGORY_CUES) if m.re is _SINGLE_VICTIM else "killed"
        s, e = m.start() + offset, m.end() + offset
        if any(f.span[0] < e and s < f.span[1] for f in out):
            continue
        groups = m.groupdict()
        who = next(groups[g] for g in ("who", "who2", "who3") if groups.get(g)).strip()
        cue = groups.get("cue") or ""
        hit = category == "injured" and cue.lower().startswith("shot")
        n = 2 if groups.get("pair") else 1  # "killing a woman and her son"
        if m.re is _SINGLE_VICTIM and _NEGATED_SUBJECT.search(
            sentence, max(0, m.start() - 80), m.start()
        ):
            n, hit = 0, False  # "neither the driver nor the passenger was hurt": nobody was
        scope, _, as_of, source = shared()
        out.append(Figure(category, n, n, n, "exact", who, scope, as_of, source, (s, e), hit=hit))
    for m in _gated(_HURT_ONE, _HURT_ONE_WORDS, sentence, lowered):
        s, e = m.start() + offset, m.end() + offset
        if any(f.span[0] < e and s < f.span[1] for f in out):
            continue
        who = next(
            (
                m.group(g)
                for g in ("who", "who2", "who3", "who4", "who5", "who6", "who8")
                if m.group(g)
            ),
            "another",
        )
        cue = m.group("cue") or m.group("cue5") or ""
        how = (m.group("how2") or "") + (m.group("how6") or "")
        # shot, or a gunshot wound of unstated gravity: the victim may be among the dead
        hit = cue.lower() == "shot" or (
            bool(m.group("who6") or m.group("how2")) and not re.search(r"minor|non-life", how, re.I)
        )
        scope, _, as_of, source = shared()
        f = Figure("injured", 1, 1, 1, "exact", who.strip(), scope, as_of, source, (s, e), hit=hit)
        out.append(f)
    for m in _gated(_ZERO, _ZERO_GATE, sentence, lowered):
        s, e = m.start() + offset, m.end() + offset
        _, _, as_of, source = shared()
        words = [m.group(g) for g in ("a", "b", "b2", "c", "c2") if m.group(g)]
        for category in dict.fromkeys(_ZERO_WORDS[folded(w)] for w in words):
            out.append(Figure(category, 0, 0, 0, "exact", None, "incident", as_of, source, (s, e)))
    out.sort(key=lambda f: f.span)
    return out


_WHO_STOP = re.compile(
    r"(?:^|(?<=\s))(?:so|far|now|remained|remain|remains|still|have|has|had|were|was|are|is|been|reportedly|"
    r"already|this|last|since|in|on|at|after|during|people|persons)\b.*$",
    re.I,
)


def _clean_who(who: str | None) -> str | None:
    """The victim group as written, without the verbs and adverbs that followed it:
    "civilians were reportedly" -> "civilians"; "people" alone says nothing -> None."""
    if not who:
        return None
    if re.fullmatch(r"(?:people|persons)", who.strip(), re.I):
        return None
    cleaned = _WHO_STOP.sub("", who).strip(" ,")
    return cleaned or None


def _as_of(m: re.Match | None, published: str | None) -> str | None:
    """'as of June' -> '2025-06'; 'as of 2 March 2026' and 'as of March 2' -> a day."""
    if m is None:
        return None
    when = m.group("when")
    if m.group("day"):  # "2 March 2026" -> "March 2 2026"
        month, _, year = when.partition(" ")
        when = f"{month} {m.group('day')}" + (f", {year}" if year else "")
    return month_as_of(when, published)


def _left_cue(sentence: str, end: int, seen: dict[int, re.Match | None]) -> re.Match | None:
    """The cue that ends just before `end` ("killing 12"), searched once per place."""
    if end not in seen:
        seen[end] = _search_before(_LEFT, sentence, end, _LEFT_ENDINGS)
    return seen[end]


def _left_cue_start(sentence: str, offset: int, n: _Number, seen) -> int:
    left = _left_cue(sentence, n.qual_start - offset, seen)
    return left.start() + offset if left else n.qual_start


def _search_before(
    rx: re.Pattern, sentence: str, end: int, endings: tuple[str, ...]
) -> re.Match | None:
    """`rx` (anchored at its end) searched in the words just before `end`: a window, not the
    whole sentence, so a long list of numbers stays linear. The match's positions are those of
    the whole sentence. Every match of `rx` is one of `endings` followed by spaces: a window
    that does not end so is not searched."""
    start = max(0, end - _WINDOW)
    if not ends_with_word(sentence[start:end], endings):
        return None
    return rx.search(sentence, start, end)


def _figure_source(sentence: str) -> str | None:
    m = _ACCORDING.search(sentence)
    if m:
        return m.group("src").strip()
    m = _SAID.search(sentence)
    return m.group("src").strip() if m else None


_SUMMARY = re.compile(
    r"\b(?:fatalities|deaths|death toll|toll|in total|a total of|total|in all|altogether|overall)\b",
    re.I,
)


def _resolve_totals(text: str, figures: list[Figure]) -> list[Figure]:
    """Parts of a stated total are not added to it: "a man and a woman were shot dead ...
    2 fatalities" is 2, "killing one ... 11 were also killed ... 12 fatalities" is 12. Figures
    that share one verb ("3 policemen, 2 militiamen and 1 soldier were killed") are one unit
    whose parts add up; they are never parts of one another."""
    dropped: set[int] = set()
    for category in {f.category for f in figures}:
        incident = [f for f in figures if f.category == category and f.scope == "incident"]
        units: dict[int, list[Figure]] = {}
        for f in incident:
            units.setdefault(f.span[1], []).append(f)
        if len(units) < 2:
            continue

        def value(unit: list[Figure], dropped: set[int] = dropped) -> int:
            return sum(f.best for f in unit if id(f) not in dropped)

        # "2 other policemen were killed" adds to a count: it is never the total of others
        totals = [u for u in units.values() if not any(_is_more(f) for f in u)]
        if not totals:
            continue
        total = max(totals, key=lambda u: (value(u), max(f.span[0] for f in u)))
        # "one of the men who died" is one of a group the article counts elsewhere
        dropped |= {id(f) for f in incident if f.part and f not in total and f.best < value(total)}
        parts = [u for u in units.values() if u is not total and value(u) > 0]
        if any(_is_more(f) and value(u) >= value(total) for u in parts for f in u):
            continue  # "2 killed ... 2 other policemen killed" is 4, not one figure told twice
        span = (min(f.span[0] for f in total), max(f.span[1] for f in total))
        stated_total = _SUMMARY.search(text[span[0] : span[1]])
        if parts and (
            sum(value(u) for u in parts) == value(total)
            or (stated_total and all(value(u) < value(total) for u in parts))
        ):
            dropped |= {id(f) for u in parts for f in u}
    return [f for f in figures if id(f) not in dropped]


def _is_more(f: Figure) -> bool:
    """'2 other policemen', 'three more', 'another 5': a count added to those told before."""
    return bool(f.who and re.match(r"(?:other|more|additional|further)\b", f.who, re.I))


def _resolve_updates(figures: list[Figure]) -> list[Figure]:
    """Drop incident figures superseded by a later toll update, and exact repeats."""
    kept: list[Figure] = []
    for f in figures:
        if f.scope == "incident":
            same = [k for k in kept if k.scope == "incident" and k.category == f.category]
            if not _is_more(f) and any(
                k.best == f.best and k.qualifier == f.qualifier for k in same
            ):
                continue  # the same number restated ("... 2 fatalities.")
            if f.update and same:
                kept = [k for k in kept if k not in same]
        kept.append(f)
    return kept


def _resolve_shot(figures: list[Figure]) -> list[Figure]:
    """ "N were shot" counts the dead with the wounded. With no death in the article they are all
    wounded; with K dead, "5 shot" is casualties 5 and wounded 5 - K ("five shot, one fatally"),
    and a victim shot who then died ("a boy was shot ... he died") is not also wounded."""
    dead = max(
        (f.best for f in figures if f.category == "killed" and f.scope == "incident"), default=0
    )
    if not dead:
        return figures
    stated_wounded = any(
        f.category == "injured" and not f.hit and f.scope == "incident" and f.best > 0
        for f in figures
    )
    out: list[Figure] = []
    for f in figures:
        if not (f.hit and f.scope == "incident"):
            out.append(f)
            continue
        out.append(replace(f, category="casualties", hit=False))
        if f.best > dead and not stated_wounded:
            rest = f.best - dead
            low = f.low - dead if f.low is not None else None
            high = f.high - dead if f.high is not None else None
            out.append(replace(f, category="injured", best=rest, low=low, high=high, hit=False))
    return out


def link_events(figures: list[Figure], event_spans: list[tuple[int, int]]) -> None:
    """Set each figure's `event`: the event whose evidence contains the figure or comes last
    before it, else the first event. A running total is linked too, as the context the report
    gives for its event (the marts keep it beside the event's figures, never added to them),
    unless an incident figure of that event and category is larger than it: then it counts
    something else ("12 journalists since 2019" beside "40 people killed") and stays unlinked.
    Indices always point into `event_spans` (None when there are no events)."""
    for f in figures:
        if not event_spans:
            f.event = None
            continue
        before = [i for i, (s, _) in enumerate(event_spans) if s <= f.span[0]]
        f.event = max(before, key=lambda i: event_spans[i][0]) if before else 0
    for c in figures:
        if c.scope != "cumulative" or c.high is None or c.event is None:
            continue
        if any(
            f.scope == "incident"
            and f.event == c.event
            and f.category == c.category
            and (f.low or 0) > c.high
            for f in figures
        ):
            c.event = None
