"""Events: what happened, where, when and who did it, one record per article for now.

The event sentence is the first sentence that carries an event cue (an attack, a clash, a
protest, a meeting...), else the first sentence. Its type is ACLED's (plus Diplomacy), chosen by
weighted cues over that sentence and the lead of the article; its date is the first date stated
in it, resolved against the publication date (else the publication date itself); its location is
the first place named in it (a town before a country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import places
from pipeline.dates import resolve_date

_VICTIM = (
    r"(?:man|woman|men|women|boy|girl|child|children|civilians?|villagers?|farmers?|merchant|youths?|"
    r"prisoners?|detainees?|village|home|house|houses|"
    r"trader|shopkeeper|driver|student|teacher|journalist|resident|residents|family|person|"
    r"people|worshippers|passengers|pedestrian|vendor|herders?|fishermen)"
)
_COMBATANT = (
    r"(?:militants?|fighters?|insurgents?|rebels?|terrorists?|soldiers?|troops|policemen|"
    r"police officers|policewoman|gunmen|jihadists?|combatants?|members of|commanders?|army|military|"
    r"forces|positions|personnel|militia\w*|gang members?|drug traffickers?|suspects?)"
)
# (type, sub_type, pattern, weight); the first type wins a tie
_CUES: list[tuple[str, str, str, float]] = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"air ?strikes?|air raids?|drones?|shell(?:ed|ing|s)|artillery|missiles?|rockets?|"
     r"mortars?|bomb\w*|explosi\w+|exploded|blast|ieds?|landmines?|land mines?|mines?|"
     r"grenades?|suicide|detonat\w*|bombard\w*|booby-trapped", 3.0),
    ("Riots", "Violent demonstration",
     r"riot\w*|mobs?|torched|set (?:fire|ablaze)|vandali[sz]\w*|looted|pelted|"
     r"(?:threw|hurled|throwing|hurling) (?:stones|rocks|bricks)|stone-pelting|burn(?:ed|t|ing) tyres|"
     r"lynch\w*|violent (?:demonstration|protest)\w*", 3.0),
    ("Protests", "Peaceful protest",
     r"protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march(?:ed|ers)?|sit-in|picket\w*|"
     r"strikes? (?:by|over|for|against)|went on strike|striking|petition\w*|gathered to", 2.5),
    ("Battles", "Armed clash",
     r"clash\w*|fighting|fought|battles?|exchanges? of fire|exchang\w+ fire|gunfights?|encounter|"
     r"thwarted|incursion|frontline|front line|"
     r"firefights?|shoot-?outs?|ambush\w*|offensive|repelled|repulsed|engaged|counter-?attack\w*|"
     rf"attack\w* (?:on |against )?(?:a |an |the )?(?:\w+ )?(?:military|army|police|troops|"
     r"soldiers|base|checkpoint|position|post|outpost|convoy|patrol)\w*|operations? against|"
     rf"(?:military|security|joint|police) operations?|{_COMBATANT} (?:were |was )?killed|"
     rf"(?:killed|killing) (?:\w+ )?(?:\w+ )?{_COMBATANT}|armed groups?", 2.0),
    ("Violence against civilians", "Attack",
     r"shot (?:dead|to death)|drive-by|shot and killed|abduct\w*|kidnap\w*|massacre\w*|"
     r"executed|murder\w*|assassinat\w*|stabbed|hacked|beheaded|tortur\w*|raped|rape|assault\w*|"
     r"beat(?:en)?|"
     r"bod(?:y|ies) of|found dead|gunmen|armed men|hostages?|"
     rf"(?:killed|killing|shot|attacked|injured|wounded) (?:a |an |two |three |the )?(?:\w+ )?{_VICTIM}|"
     rf"{_VICTIM} (?:was |were )?(?:shot|killed|attacked|injured|wounded)", 2.0),
    ("Strategic developments", "Other",
     r"arrest\w*|detain\w*|seized|seizure|took control|captured (?:the )?(?:town|city|village|base)|"
     r"withdr[ae]w\w*|deployed|deployment|recruit\w*|surrender\w*|defect\w*|looting|"
     r"curfew|state of emergency|disarm\w*|agreement|handed over|released|established|"
     r"set up|non-violent|headquarters|patrol\w*|confiscated|dismantled|destroyed|burned|"
     r"burnt|raid\w*|occupied|took over", 1.0),
    ("Diplomacy", "Talks",
     r"talks|summit|met with|meeting|negotiat\w*|peace (?:deal|agreement|talks|plan|process)|"
     r"envoy|diplomat\w*|visit\w*|bilateral|foreign ministers?|signed (?:a|an|the) "
     r"(?:deal|agreement|accord)", 1.2),
]  # fmt: skip
_CUE_RES = [(t, st, re.compile(rf"\b(?:{p})\b", re.I), w) for t, st, p, w in _CUES]
_VIOLENCE = re.compile(r"\b(?:killed|dead|died|injured|wounded|attack\w*|shot|fire)\b", re.I)


@dataclass
class Event:
    type: str
    sub_type: str | None
    date: str | None
    date_precision: str | None
    location: str | None
    country: str | None
    actors: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)

    def as_contract(self) -> dict:
        return {
            "type": self.type,
            "sub_type": self.sub_type,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location,
            "country": self.country,
            "actors": self.actors,
            "span": list(self.span),
        }


def classify(text: str) -> tuple[str, str] | None:
    """ACLED type and sub-type of a passage by weighted cues; None if nothing matches."""
    scores: dict[str, float] = {}
    subs: dict[str, str] = {}
    for etype, sub, rx, weight in _CUE_RES:
        n = len(rx.findall(text))
        if n:
            scores[etype] = scores.get(etype, 0) + weight * (1 + 0.25 * (n - 1))
            subs.setdefault(etype, sub)
    if not scores:
        return None
    # talks that mention violence are usually about the violence: halve the Diplomacy cue
    if "Diplomacy" in scores and _VIOLENCE.search(text) and len(scores) > 1:
        scores["Diplomacy"] *= 0.5
    best = max(scores, key=lambda t: (scores[t], -[c[0] for c in _CUES].index(t)))
    return best, subs[best]


def find_events(text, sentences, entities, published, title=None) -> list[Event]:
    """The article's main event (a list, so more events per article can come later)."""
    if not sentences:
        return []
    lead = text[sentences[0][0] : sentences[min(2, len(sentences) - 1)][1]]
    s_start, s_end = next(((s, e) for s, e in sentences if classify(text[s:e])), sentences[0])
    sentence = text[s_start:s_end]
    kind = classify(f"{title or ''}\n{sentence}\n{lead}") or ("Strategic developments", "Other")
    # the event's date: stated in its sentence, else in the next sentence about the same kind of
    # event ("Trump met Putin in Alaska on Friday"), else in the lead
    same_kind = (
        text[s:e]
        for s, e in sentences[:8]
        if s > s_start and (classify(text[s:e]) or ("",))[0] == kind[0]
    )
    resolved = resolve_date(sentence, published)
    for candidate in same_kind:
        if resolved:
            break
        resolved = resolve_date(candidate, published)
    resolved = resolved or resolve_date(lead, published)
    if resolved:
        date, precision = resolved[0].isoformat(), resolved[1]
    elif published:
        date, precision = published[:10], "day"
    else:
        date, precision = None, None
    location, country = _location(entities, s_start, s_end)
    actors = [
        e.name
        for e in entities
        if e.type in ("ORG", "NORP", "PERSON")
        and places.normalize(e.name) not in places.news_outlets()
        and any(s_start <= a < s_end for a, _ in e.mentions)
    ]
    return [Event(kind[0], kind[1], date, precision, location, country, actors, (s_start, s_end))]


def _location(entities, s_start, s_end) -> tuple[str | None, str | None]:
    in_sentence = [
        (min(a for a, _ in e.mentions if s_start <= a < s_end), e)
        for e in entities
        if e.type in ("GPE", "LOC", "FAC") and any(s_start <= a < s_end for a, _ in e.mentions)
    ]
    in_sentence.sort(key=lambda p: p[0])
    towns = [e for _, e in in_sentence if places.country_of_country_name(e.name) is None]
    place = towns[0] if towns else (in_sentence[0][1] if in_sentence else None)
    country = place.country if place else None
    if country is None:
        # the country named most often; on a tie, the one named first
        counts = [
            (len(e.mentions), -e.mentions[0][0], e.country)
            for e in entities
            if e.country and e.type in ("GPE", "LOC")
        ]
        country = max(counts)[2] if counts else None
    return (place.name if place else None), country
