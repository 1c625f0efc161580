"""A screen before the parse: a text with no word of the incident lexicons reports no incident.

Every reading (`reading`, `senses`) is triggered by a word of the predicate lexicons (a violent,
protest, disaster, arrest, movement, casualty, displacement or diplomatic verb; an event noun;
"dead"; "fire"), and every figure that counts as a casualty has one of the casualty words. A
text holding none of these words is judged `none` without the parser: its entities come from the
named-entity recognizer alone (its own token vectors), at about half the cost of the whole
pipeline, and no figure or event is looked for (`tests/test_relevance.py` checks that the screen
never changes a relevance the full path would give).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.extract.patterns import folded
from pipeline.extract.relevance import lexicon as L

_WORD = re.compile(r"[a-z][a-z'-]*")
# words of the figures' casualty cues that the relevance lexicons do not list
_FIGURE_WORDS = L.plain(
    "lives life succumbed fatally slain gunned toll fatalities victims victim hostage hostages "
    "missing abducted kidnapped captured arrested detained affected homeless refuge camp camps "
    "shelter shelters sheltering sites relocated relocation uprooted homes"
)


@cache
def triggers() -> frozenset[str]:
    """Every word that can start a reading or a casualty figure."""
    return (
        L.STRONG_VIOLENCE_VERBS | L.WEAK_VIOLENCE_VERBS | L.AGENT_VIOLENCE_VERBS | L.THROW_VERBS
        | L.PROTEST_VERBS | L.DISASTER_VERBS | L.ARREST_VERBS | L.SEIZE_VERBS | L.MOVE_VERBS
        | L.STEAL_VERBS | L.RELEASE_VERBS | L.DEPLOY_VERBS | L.CASUALTY_VERBS | L.DISPLACE_VERBS
        | L.DIPLOMACY_VERBS | L.VIOLENCE_NOUNS | L.PROTEST_NOUNS | L.DISASTER_NOUNS
        | L.DIPLOMACY_NOUNS | L.CASUALTY_NOUNS | L.STRATEGIC_NOUNS | L.CONFLICT_NOUNS
        | L.PROTESTER_NOUNS | L.HARM_VERBS | L.BUILD_VERBS | _FIGURE_WORDS
        | L.plain("dead alight ablaze baton shoot outs sit-in sit fire fires over")
    )  # fmt: skip


def may_report(text: str) -> bool:
    """False when `text` holds no word that could report an incident: it is `none`."""
    return not set(_WORD.findall(folded(text))).isdisjoint(triggers())
