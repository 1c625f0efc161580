"""One sentence's reading: which incidents it reports as having happened, read over the parse.

A sentence reports an incident when a predicate of the incident lexicons (a verb, or a noun such
as "attack", "floods", "talks") is used in its literal sense (`senses`, over the arguments the
parse gives: `arguments`) and is reported as done and told as news (`frames`). People killed,
hurt or displaced are read with their cause: with an armed actor or a violent word beside them
they are violence, with a hazard a disaster.

Each reading keeps the sentence, the word that triggered it, its kind (violence, protest,
disaster, strategic, diplomacy, casualty), a disaster's sub-type and a strength in 0..1 that
grows with what corroborates it (an armed actor, a place).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pipeline.extract.relevance import lexicon as L
from pipeline.extract.relevance.arguments import Classes
from pipeline.extract.relevance.frames import (
    Frame,
    frame,
    in_named_war,
    main_clause,
    reported,
    told_in_past,
)
from pipeline.extract.relevance.senses import cause_of, kind_of, victims_only


@dataclass(frozen=True)
class Reading:
    """An incident a sentence reports (see the module docstring)."""

    kind: str  # violence | protest | disaster | strategic | diplomacy | casualty
    start: int  # the sentence, as character offsets
    end: int
    trigger: str  # the word that reported it, as written
    strength: float
    sub_type: str | None = None  # for a disaster: Flood, Storm, ...


def read(
    sent, labels: dict[int, str], published: dt.date | None, quiet: bool = False
) -> tuple[Frame, list[Reading]]:
    """The frame of one sentence (a spaCy Span) and the incidents it reports. `quiet`: the
    article is a sport, culture or review page; only a sentence with armed actors in it reports
    an incident."""
    fr = frame(sent, labels, published)
    if fr.culture or (quiet and not fr.armed):
        return replace(fr, culture=True), []  # its date still sets the time of what follows
    if fr.rate:  # "malaria kills 600,000 people a year": a rate, not an occurrence
        return fr, []
    classes = Classes(labels)
    found: list[Reading] = []
    words = {t.lower_ for t in sent}
    kinds = [(tok, kind_of(tok, classes, fr)) for tok in sent]
    kinds = [(tok, k) for tok, k in kinds if k is not None and reported(tok)]
    candidates = len(kinds)
    kinds = [(tok, k) for tok, k in kinds if not told_in_past(tok, published)]
    if words & L.HISTORY_WORDS:  # "a historian recalled that the war killed millions"
        kinds = [(tok, k) for tok, k in kinds if main_clause(tok)]
    kinds = [(tok, k) for tok, k in kinds if not in_named_war(tok, classes)]
    if len(kinds) < candidates and not kinds:  # what it tells is dated in the past
        fr = replace(fr, dated="past")
    elif kinds and fr.recent_day:  # "On 6 May, a rally was held in memory of those killed in 1972"
        fr = replace(fr, dated="recent")
    if any(k == "disaster" for _, k in kinds):  # "killed when their helicopter crashed"
        kinds = [(tok, "casualty" if k == "violence" and victims_only(tok, classes) else k)
                 for tok, k in kinds]  # fmt: skip
    hurt = any(k == "casualty" for _, k in kinds) and not words & L.NATURAL_DEATH
    if hurt:  # people killed, hurt or displaced: what caused it says which incident it is
        kinds += [(tok, k) for tok in sent if (k := cause_of(tok, fr)) and reported(tok)]
    disaster = any(k == "disaster" for _, k in kinds)
    for tok, kind in kinds:
        if kind == "casualty" and not disaster and (words & L.VIOLENCE_MARKS or fr.armed):
            kind = "violence"  # "found dead with gunshot wounds", "left 3 militants dead"
        elif kind == "casualty" and words & L.HAZARD_MARKS:
            kind = "disaster"  # "drowned", "were evacuated because of forest fires"
        if kind == "casualty" and words & L.NATURAL_DEATH:
            continue  # "died peacefully at home"
        sub = L.DISASTER_SUB_TYPES.get(tok.lower_) if kind == "disaster" else None
        strength = min(0.55 + 0.15 * fr.armed + 0.1 * fr.place + 0.1 * (kind != "casualty"), 0.95)
        found.append(Reading(kind, sent.start_char, sent.end_char, tok.text, round(strength, 2),
                             sub))  # fmt: skip
    if fr.past and not found:  # the sentence tells only of the past
        return fr, []
    return replace(fr, past=False), found
