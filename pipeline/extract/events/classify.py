"""Typing: an event's type and sub-type (ACLED's six types and Diplomacy, sub-types from ACLED's
list; pipeline.vocabulary spells them all), read from a passage and its roles.

The sides decide first where the codebook's table does (events.codebook: an exchange of fire
is a battle; a political or identity militia, or a community's people, against an organised
side or a person), after a demonstration or riot (rules 1 and 2) and unless a remote weapon is
the means (rule 3). Otherwise the type follows this precedence, the first rule that holds wins:

1. Riots / Violent demonstration: a demonstration with violence by the crowd (stones thrown,
   fire set, clashes with police), or rioting named as such.
2. Protests: a demonstration otherwise (sub-type Excessive force against protesters when
   protesters are killed, Protest with intervention when police disperse or arrest them,
   else Peaceful protest).
3. Explosions/Remote violence: a remote weapon (air or drone strike, shelling, artillery,
   missile, IED, landmine, suicide bomb, grenade) is the means, even when civilians are the
   victims, as ACLED codes it; unless the text also reports direct fire (small arms, machine
   guns, an exchange of fire) between armed sides, which makes it a Battle.
4. Riots / Mob violence: a crowd (villagers, a mob, a group of residents) attacks or clashes
   and no armed group takes part.
5. Battles / Armed clash: a clash (an ambush only when its target is armed: "ambushed a bus"
   is an attack), or violence whose target is armed (soldiers, police,
   militants, a checkpoint); Government regains territory (state forces) / Non-state actor
   overtakes territory (any other side) when a side takes a place by force.
6. Violence against civilians: violence whose target is unarmed (Abduction/forced
   disappearance, Sexual violence, else Attack).
7. Strategic developments: arrests, looting or destruction of property, seizures, territory
   changing hands without a fight, deployments, agreements (the cue's sub-type).
8. Diplomacy: meetings, talks, summits, visits, negotiations, with no violence in the event.

Every (type, sub-type) the rules conclude is a `Kind`, written once: the named kinds of
events.codebook, and one per entry of the lexicon's tables of remote weapons and strategic
developments; tests/test_events.py checks that pipeline.vocabulary.SUB_TYPES lists each, and
that RANK ranks each type. An event spread over several sentences takes the type of its first
sentence unless the whole passage ranks higher in RANK (`precedence`): a protest whose crowd
then throws stones is a riot.
"""

from __future__ import annotations

import re
from functools import cached_property

from pipeline.extract import prefilter
from pipeline.extract.events.codebook import (
    ABDUCTION_OF_CIVILIANS,
    ARMED_CLASH,
    ATTACK_ON_CIVILIANS,
    DIPLOMATIC_AGREEMENT,
    DISRUPTED_WEAPONS_USE,
    EXCESSIVE_FORCE,
    EXPLOSIVE,
    MOB_VIOLENCE,
    ORGANISED,
    PEACEFUL_PROTEST,
    PROTEST_WITH_INTERVENTION,
    SEXUAL_VIOLENCE_AGAINST_CIVILIANS,
    TALKS,
    TERRITORY_OVERTAKEN,
    TERRITORY_REGAINED,
    TERRITORY_TRANSFERRED,
    VIOLENT_DEMONSTRATION,
    Kind,
    Side,
    decide,
)
from pipeline.extract.events.lexicon import (
    ABDUCTION,
    AIR_SHOTS,
    AMBUSH,
    ARMED,
    ARMED_VICTIM,
    CIVILIAN,
    CLASH,
    CLASH_VERB,
    CROWD,
    CROWD_ACT,
    DEMONSTRATION,
    DIPLOMACY,
    DISPUTE,
    DISRUPTED_WEAPONS,
    EXPLOSION,
    FIRE_EXCHANGE,
    GRIEVANCE,
    GUNMEN,
    INCENDIARY,
    INTERVENTION,
    KILLING,
    MOB_ACT,
    OFF_DUTY,
    PEOPLES,
    PREMATURE,
    PROTEST_BURNING,
    PROTESTER,
    PROTESTERS_DETAINED,
    PROTESTING,
    REMOTE_STRIKE,
    REMOTE_WEAPONS,
    RIOT,
    RIOT_POLICE,
    SETTING,
    SEXUAL_VIOLENCE,
    SHOT_DOWN,
    SHOT_OR_DEAD,
    SMALL_ARMS,
    STATE,
    STRATEGIC,
    SUSPECT,
    TERRITORY,
    VIOLENT,
)
from pipeline.extract.events.roles import Roles, regex_roles
from pipeline.extract.events.sides import first_side, means_of
from pipeline.vocabulary import EventType

# the lexicon's tables, by the kind each entry concludes (most specific first; first in the text)
_REMOTE = [(Kind(EventType.EXPLOSIONS, sub), rx) for sub, rx in REMOTE_WEAPONS]
_DEVELOPMENTS = [(Kind(EventType.STRATEGIC, sub), rx) for sub, rx in STRATEGIC]
# an agreement reported with talks is the talks' (Diplomacy / Agreement)
_AGREEMENT = Kind(EventType.STRATEGIC, "Agreement")

VIOLENT_TYPES = (
    EventType.BATTLES,
    EventType.EXPLOSIONS,
    EventType.VIOLENCE_AGAINST_CIVILIANS,
    EventType.RIOTS,
)

# --- the precedence between a first sentence and its whole passage ------------------------------

# lower ranks first: the order of the rules above (Riots by both of its rules)
RANK: dict[EventType, int] = {
    EventType.RIOTS: 0,
    EventType.PROTESTS: 1,
    EventType.EXPLOSIONS: 2,
    EventType.BATTLES: 4,
    EventType.VIOLENCE_AGAINST_CIVILIANS: 5,
    EventType.STRATEGIC: 6,
    EventType.DIPLOMACY: 7,
}


def head_stands(head: tuple[str, str]) -> bool:
    """Whether `precedence` keeps `head` whatever the whole passage is: talks, strategic
    developments, and the type of the highest rank."""
    if head[0] in (EventType.DIPLOMACY, EventType.STRATEGIC):
        return True  # violence in the sentences after talks or a takeover is another matter
    return RANK[head[0]] == min(RANK.values())


# what the sentences after violence tell that does not change its type: a protest against it
_AFTERMATH = {EventType.PROTESTS: set(VIOLENT_TYPES)}


def precedence(head: tuple[str, str], whole: tuple[str, str] | None) -> tuple[str, str]:
    """The event's type: its first sentence's, unless the whole passage ranks higher (a protest
    whose crowd then throws stones is a riot); never a protest that follows violence (a strike
    called to protest a killing). A protest takes the whole passage's sub-type: the police's
    intervention is told after the protest."""
    if whole is None or head_stands(head) or head[0] in _AFTERMATH.get(whole[0], ()):
        return head
    if whole[0] == head[0] == EventType.PROTESTS:
        return whole  # what the police did comes after: "... Police dispersed them"
    return whole if RANK[whole[0]] < RANK[head[0]] else head


# --- the rules ----------------------------------------------------------------------------------


class _Passage:
    """A passage as classify reads it, each fact read once and only when a rule asks for it
    (each is a pure function of the passage and its roles: reading it later or not at all
    changes no result). A pattern is not searched at all when the prefilter shows it cannot
    match (see pipeline.prefilter)."""

    def __init__(self, text: str, roles: Roles | None):
        self.text = text
        self.lowered = prefilter.lowered(text)
        self._found: dict[int, re.Match | None] = {}  # by id: patterns are module constants
        self.agents = roles.agents if roles is not None else []
        # the targets are the parse's, then the fallback ones of regex_roles
        self._parsed_targets = roles.targets if roles is not None else []
        self._fallback_targets: list[str] | None = None

    def search(self, rx: re.Pattern) -> re.Match | None:
        key = id(rx)
        if key in self._found:
            return self._found[key]
        m = self._found[key] = prefilter.search(rx, self.text, self.lowered)
        return m

    def agent_is(self, rx: re.Pattern) -> bool:
        return any(rx.search(a) for a in self.agents)

    @property
    def targets(self) -> list[str]:
        """The parse's targets, else the fallback ones of regex_roles."""
        if self._parsed_targets:
            return self._parsed_targets
        if self._fallback_targets is None:
            self._fallback_targets = regex_roles(self.text, self.lowered).targets
        return self._fallback_targets

    def target_is(self, rx: re.Pattern) -> bool:
        if any(rx.search(t) for t in self._parsed_targets):
            return True
        if self._fallback_targets is None:
            self._fallback_targets = regex_roles(self.text, self.lowered).targets
        return any(rx.search(t) for t in self._fallback_targets)

    @cached_property
    def crowd(self) -> bool:
        return (
            self.agent_is(CROWD)
            or (not self.agents and bool(self.search(CROWD)) and not self.search(ARMED))
            or self.agent_is(PEOPLES)  # "Palestinians clashed with ...": people
        )

    @cached_property
    def armed_agent(self) -> bool:
        return (
            self.agent_is(ARMED)
            or self.agent_is(GUNMEN)
            or (not self.agents and bool(self.search(GUNMEN)))
        )


def _first_hit(rules: list[tuple[Kind, re.Pattern]], passage: _Passage) -> Kind | None:
    hits = [(m.start(), kind) for kind, rx in rules if (m := passage.search(rx))]
    return min(hits)[1] if hits else None


def _remote_kind(passage: _Passage) -> Kind | None:
    for kind, rx in _REMOTE:  # most specific first
        if passage.search(rx):
            return kind
    if passage.search(EXPLOSION):
        return EXPLOSIVE
    return None


def classify(text: str, roles: Roles | None = None) -> Kind | None:
    """ACLED type and sub-type of a passage by the precedence in the module docstring; None when
    it reports no event."""
    lowered = prefilter.lowered(text)
    if prefilter.may_match(AIR_SHOTS, lowered):
        text = AIR_SHOTS.sub(" warning shots ", text)  # shots into the air hurt no one
    if prefilter.may_match(REMOTE_STRIKE, lowered):
        text = REMOTE_STRIKE.sub(_remote_strike, text)  # "a drone strike by": no walkout
    if prefilter.may_match(RIOT_POLICE, lowered):
        text = RIOT_POLICE.sub("police", text)  # riot police are no riot
    if prefilter.may_match(INCENDIARY, lowered):
        text = INCENDIARY.sub(r"firebomb\1\2", text)  # a petrol bomb is no explosive
    if prefilter.may_match(PROTEST_BURNING, lowered):
        text = PROTEST_BURNING.sub(" held a protest with effigies ", text)
    p = _Passage(text, roles)
    # every return of _classify_reported needs a match of one of _REPORTS: none, no event
    if not any(p.search(rx) for rx in _REPORTS):
        return None
    return _classify_reported(p)


def _remote_strike(m: re.Match) -> str:
    """ "air strike" -> "airstrike", "drone strike" -> "drone attack": no strike of workers."""
    weapon = m.group(0)[: m.start(1) - m.start(0)].strip()
    return "airstrike" if weapon.lower() == "air" else f"{weapon} attack"


def _by_sides(p: _Passage) -> Kind | None:
    """The codebook's decision (events.codebook) from actor1's and actor2's sides and the
    means, where the table decides."""
    actor1 = first_side(p.agents)
    if actor1 is None and p.search(CLASH):
        actor1 = first_side(p.targets)  # "a clash between two families": both are sides
    if actor1 is None and p.search(FIRE_EXCHANGE) is None:
        return None
    actor2 = first_side(p.targets)
    if actor1 in ORGANISED and _mob_among(p):
        actor2 = Side.RIOTERS  # "police opened fire on a mob attacking a station": a riot
    if actor2 in ORGANISED and (p.target_is(OFF_DUTY) or p.target_is(SUSPECT)):
        actor2 = Side.CIVILIANS  # ACLED: forces off duty are civilians, suspects no side
    persons = actor2 in (Side.CIVILIANS, Side.PROTESTERS)
    kind = decide(actor1, actor2, means_of(p.text, p.lowered, persons))
    if kind == ATTACK_ON_CIVILIANS and p.search(SEXUAL_VIOLENCE):
        return SEXUAL_VIOLENCE_AGAINST_CIVILIANS
    if kind == ATTACK_ON_CIVILIANS and p.search(ABDUCTION):
        return ABDUCTION_OF_CIVILIANS
    return kind


def _territory_taken(p: _Passage) -> Kind:
    """A battle in which a side took a place: state forces regain territory, any other side
    overtakes it."""
    state = first_side(p.agents) == Side.STATE_FORCES
    return TERRITORY_REGAINED if state else TERRITORY_OVERTAKEN


def _mob_among(p: _Passage) -> bool:
    """Whether a mob, or a crowd of civilians that acts (not the first agent), takes part."""
    sides = [first_side([phrase]) for phrase in p.targets]
    sides += [
        Side.RIOTERS if side == Side.CIVILIANS and CROWD.search(phrase) else side
        for phrase in p.agents[1:]
        if (side := first_side([phrase])) is not None
    ]
    return Side.RIOTERS in sides


def _protest(p: _Passage, violent: bool) -> Kind:
    """A demonstration's sub-type: protesters shot or killed, the police intervening (the
    protesters dispersed or arrested), else peaceful."""
    protesters = p.search(PROTESTER) or p.search(PROTESTING)
    if violent and protesters and p.search(SHOT_OR_DEAD):
        return EXCESSIVE_FORCE
    if p.search(INTERVENTION) or p.search(PROTESTERS_DETAINED):
        return PROTEST_WITH_INTERVENTION
    return PEACEFUL_PROTEST


def _classify_reported(p: _Passage) -> Kind | None:
    """classify's rules, in their order of precedence."""
    demo = p.search(DEMONSTRATION)
    violent = p.search(VIOLENT)
    if p.search(RIOT) or (demo and p.search(CROWD_ACT)):
        # police breaking up a protest by force is an intervention; the crowd's own violence
        # (stones, fire, clashes) makes the riot
        return VIOLENT_DEMONSTRATION
    if not demo and not _remote_kind(p) and (by_sides := _by_sides(p)) is not None:
        return _territory_taken(p) if by_sides == ARMED_CLASH and p.search(TERRITORY) else by_sides
    crowd_riot = not demo and bool(p.search(CROWD_ACT)) and p.crowd and not p.armed_agent
    if crowd_riot and p.search(DISPUTE):
        return MOB_VIOLENCE  # a land dispute that turns violent
    if crowd_riot and (p.search(GRIEVANCE) or p.target_is(STATE)):
        return VIOLENT_DEMONSTRATION
    if crowd_riot and not p.search(SEXUAL_VIOLENCE):
        return MOB_VIOLENCE
    if violent and p.search(DISPUTE) and not p.armed_agent and not p.search(GUNMEN):
        return MOB_VIOLENCE  # a land dispute that turns violent
    if demo:
        return _protest(p, bool(violent))
    remote = _remote_kind(p)
    if (
        remote
        and p.search(DISRUPTED_WEAPONS)
        and (p.search(PREMATURE) or not _killing_not_shot_down(p))
    ):
        # grenades seized, a mine defused, a bomb that went off in its maker's hands
        return DISRUPTED_WEAPONS_USE
    # an ambush is a clash when its target is armed, an attack when it is not
    ambush_on_armed = bool(p.search(AMBUSH)) and (p.target_is(ARMED) or not p.target_is(CIVILIAN))
    clash = bool(p.search(CLASH)) or ambush_on_armed
    direct_fire = clash or bool(p.search(SMALL_ARMS))
    if remote and not (direct_fire and (clash or p.target_is(ARMED))):
        return remote
    if violent or clash or remote or direct_fire:
        if p.search(SEXUAL_VIOLENCE):
            return SEXUAL_VIOLENCE_AGAINST_CIVILIANS
        if p.crowd and not p.armed_agent and (clash or p.search(MOB_ACT)):
            return MOB_VIOLENCE
        if p.search(TERRITORY):
            return _territory_taken(p)
        armed_target = (
            p.target_is(ARMED) and not (p.target_is(SUSPECT) or p.target_is(OFF_DUTY))
        ) or bool(p.search(ARMED_VICTIM))

        def setting_only() -> bool:
            # "a man was shot dead as fighting between gangs went on": the fighting is the
            # setting, unless it is what killed ("fighting between armed groups killed dozens")
            return (
                not p.search(CLASH_VERB)
                and bool(p.search(SETTING))
                and p.target_is(CIVILIAN)
                and not armed_target
                and not p.agent_is(CLASH)
            )

        if (clash and not setting_only()) or armed_target:
            return ARMED_CLASH
        if p.search(ABDUCTION):
            return ABDUCTION_OF_CIVILIANS
        if p.search(KILLING) or p.target_is(CIVILIAN):
            return ATTACK_ON_CIVILIANS
    development = _first_hit(_DEVELOPMENTS, p)
    agreement = development == _AGREEMENT
    if p.search(TERRITORY):
        return TERRITORY_TRANSFERRED
    if development and not agreement:
        return development
    if p.search(DIPLOMACY):
        return DIPLOMATIC_AGREEMENT if agreement else TALKS
    if development:
        return development
    if violent:
        return ATTACK_ON_CIVILIANS
    return None


def _killing_not_shot_down(p: _Passage) -> bool:
    """Whether the passage reports a killing, "shot down" (a drone, a plane) aside."""
    if not prefilter.may_match(SHOT_DOWN, p.lowered):
        return bool(p.search(KILLING))
    return bool(KILLING.search(SHOT_DOWN.sub(" ", p.text)))


# what an event is reported by: each return of _classify_reported but its last (None) comes
# after one of these matched: RIOT or DEMONSTRATION (a demonstration), CROWD_ACT (crowd_riot),
# VIOLENT (a dispute, the last Attack), a REMOTE_WEAPONS pattern or EXPLOSION (`remote`), CLASH
# or SMALL_ARMS (`direct_fire`), FIRE_EXCHANGE (the codebook's first row), a STRATEGIC pattern
# (`development`), TERRITORY or DIPLOMACY. A passage that matches none of them reports no event
# (tests/test_prefilter.py checks it on many texts)
_REPORTS = (
    DEMONSTRATION, RIOT, CROWD_ACT, VIOLENT, CLASH, SMALL_ARMS, EXPLOSION, TERRITORY,
    FIRE_EXCHANGE, DIPLOMACY, *(rx for _, rx in REMOTE_WEAPONS), *(rx for _, rx in STRATEGIC),
)  # fmt: skip
