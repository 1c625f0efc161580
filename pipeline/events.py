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

# (type, sub_type, pattern, weight); the first type wins a tie
_CUES: list[tuple[str, str, str, float]] = [
    ("Riots", "Violent demonstration",
     r"riot\w*|rioters|mob|looted|looting|torched|set (?:fire|ablaze)|vandali[sz]ed|"
     r"pelted|hurled stones|threw stones|stone-pelting|burn(?:ed|t) tyres|lynch\w*", 2.0),
    ("Protests", "Peaceful protest",
     r"protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march(?:ed|ers)|sit-in|picket\w*|"
     r"strike|striking workers|petition", 1.5),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"air ?strikes?|airstrikes?|drones?|shell(?:ed|ing|s)|artillery|missiles?|rockets?|"
     r"mortars?|bomb\w*|explosi\w+|blast|ied|landmine|mine|grenade|suicide|detonat\w*|"
     r"air raid", 2.0),
    ("Battles", "Armed clash",
     r"clash\w*|fighting|fought|battle\w*|exchange of fire|gunfight|firefight|ambush\w*|"
     r"offensive|engaged|repelled|counter-?attack\w*|front ?line|assault on (?:a |the )?"
     r"(?:base|position|checkpoint|military|army)", 1.5),
    ("Violence against civilians", "Attack",
     r"shot dead|gunmen|abduct\w*|kidnap\w*|massacre\w*|executed|murder\w*|stabbed|"
     r"civilians?|villagers?|hacked|beheaded|hostage|raped|tortured|killed (?:a|an|two|three)", 1.0),
    ("Strategic developments", "Other",
     r"arrest\w*|detain\w*|seized|took control|captured (?:the )?(?:town|city|village|base)|"
     r"withdr[ae]w\w*|deployed|deployment|recruit\w*|surrender\w*|defect\w*|looting|"
     r"headquarters|established|curfew|state of emergency|disarm\w*", 0.8),
    ("Diplomacy", "Talks",
     r"talks|summit|met with|meeting|negotiat\w*|ceasefire (?:deal|agreement|talks)|"
     r"peace (?:deal|agreement|talks|plan|process)|envoy|diplomat\w*|visit\w*|"
     r"signed (?:a|an|the) (?:deal|agreement|accord)|bilateral|foreign minister", 1.0),
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
    # a protest with violence by the crowd is a riot; a talk that mentions an attack is still talks
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
    resolved = resolve_date(sentence, published) or resolve_date(lead, published)
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
        counts = [
            (len(e.mentions), e.country) for e in entities if e.country and e.type in ("GPE", "LOC")
        ]
        country = max(counts)[1] if counts else None
    return (place.name if place else None), country
