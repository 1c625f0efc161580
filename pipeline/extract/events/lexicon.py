r"""The words of the events stage, each lexicon written once, as data: the cues of each kind of
event, the words that name who acts and who suffers, the hedges that keep a cue from being
reported, and the words around a place.

A lexicon is an alternation of regular-expression fragments, in the order they are tried
("kill\w*|shot|..."); a table maps a sub-type to its lexicon, most specific first. The modules
that apply the rules (detect, classify, roles, place) hold no lexicon of their own (a rule on the
parse names the few prepositions it reads): they import the patterns at the end of this module,
built from the lexicons; a phrase of a few fixed words ("shot down") is written there whole.

What the patterns guarantee:
- a lexicon of words becomes a pattern of whole words, case-insensitive (`whole_words`), its
  words grouped by first letter with `pipeline.extract.patterns.one_of`: the same matches, in the
  same order of preference, as the plain alternation (tests/test_prefilter.py checks every pattern
  here against its plain spelling);
- one lexicon gives one pattern object (rules and the prefilter key patterns by identity);
- no pattern has a hand-kept gate: `pipeline.extract.prefilter` derives from each pattern the
  strings that every match contains and skips a search in a text without them.

A new word goes into its lexicon, and every pattern built from the lexicon reads it. A new
sub-type of remote violence or of strategic development is a new entry of REMOTE_WEAPON_WORDS or
STRATEGIC_WORDS, keyed by the sub-type, which pipeline.vocabulary.SUB_TYPES must list (tested).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.extract.events.phrasal import phrasal_words
from pipeline.extract.patterns import one_of
from pipeline.vocabulary import ActorKind

# --- what happened: the cues of each kind of event --------------------------------------------

# remote weapons by sub-type (Explosions/Remote violence), most specific first
REMOTE_WEAPON_WORDS: dict[str, str] = {
    "Suicide bomb": r"suicide (?:bomb\w*|attack\w*|vests?|car)|self-detonat\w*|"
                    r"blew (?:himself|herself|themselves) up",
    "Air/drone strike": r"air ?strikes?|air ?raids?|airstrikes?|drone (?:strikes?|attacks?)|"
                        r"drones?|warplanes?|war planes?|fighter jets?|jets|gunships?|"
                        r"aerial (?:bombardment|attacks?|bombing)s?|bombed from the air",
    "Remote explosive/landmine/IED":
        r"ieds?|vbieds?|improvised explosive\w*|roadside bombs?|car bombs?|landmines?|"
        r"land mines?|mines?|explosive devices?|booby-?trap\w*|sticky bombs?|magnetic bombs?|"
        r"(?:bomb|explosive|device)s? (?:exploded|went off|detonated|planted)|planted (?:a )?bomb",
    "Grenade": r"(?:hand )?grenades?(?! launchers?)",
    "Shelling/artillery/missile attack":
        r"grenade launchers?|shell(?:ed|ing|s)?|artillery|missiles?|rockets?|mortars?|bombard\w*|"
        r"projectiles?|howitzers?|mlrs|grad|katyushas?|bombed|bombing",
}  # fmt: skip
# an explosion whose weapon is not named
EXPLOSION_WORDS = r"explosions?|explosives?|exploded|blasts?|detonat\w*|bombs?"
CLASH_WORDS = (
    r"clash\w*|fighting|fought|battles?|battled|exchanges? of (?:gun)?fire|exchang\w+ (?:gun)?fire|"
    r"gun ?fights?|gun ?battles?|fire ?fights?|shoot-?outs?|engaged|repel\w*|"
    r"repuls\w*|counter-?attack\w*|cross-?fire|skirmish\w*|fighters? (?:from|of) both|"
    r"returned fire|responded with (?:gun)?fire|fire fight|in both directions|thwart\w*|"
    r"foiled (?:an? )?(?:\w+ )?attack|responded to (?:\w+ )?fire"
)
# an ambush: a clash when its target is armed, an attack when it is not ("ambushed a bus")
AMBUSH_WORDS = r"ambush\w*"
# a clash as what the sentence reports (not only its setting)
CLASH_VERB_WORDS = (
    r"clashed|clashing|fought|battled|exchang\w* (?:gun)?fire|ambushed|repelled|repulsed|engaged|"
    r"thwart\w*|during (?:the )?(?:\w+ )?(?:clashes|fighting)|"
    r"counter-?attacked|skirmished|returned fire|in both directions|exchanges? of (?:gun)?fire|"
    r"gun ?battles?|gun ?fights?|fire ?fights?|shoot-?outs?"
)
# the fighting as the setting of what happened: "as fighting between gangs went on"
SETTING_PHRASES = (
    r"(?:as|amid|while|with|where)\s+(?:\w+\s+){0,3}(?:fighting|clashes|violence|"
    r"war|conflict)"
)
# direct fire: with remote weapons, it makes a battle
SMALL_ARMS_WORDS = (
    r"small arms|(?<!heavy )machine ?guns?|gunfire|rifles?|opened fire|fired (?:at|on|upon)|"
    r"firearms?|ak-?47s?|gun ?shots?|shots|sniper\w*|light weapons|exchange of fire"
)
VIOLENT_WORDS = (
    r"kill\w*|shot|shoot\w*|attack\w*|murder\w*|assassinat\w*|executed|execution|massacre\w*|"
    r"stabb?\w*|hack\w*|behead\w*|tortur\w*|beat|beaten|beating|lynch\w*|wound\w*|injur\w*|"
    r"abduct\w*|kidnap\w*|rap(?:e|ed|ing)|sexual\w*|assault\w*|ambush\w*|opened fire|fired|"
    r"hostages?|slain|slit|strangled|burn(?:ed|t) (?:alive|to death)|gunned down|raided|raid|"
    r"dead|died|death|bod(?:y|ies)|corpses?|targeted|struck|hit|clash\w*|fighting|"
    r"(?:head|body|bodies|corpse|remains) (?:\w+ )?(?:was|were) found"
)
# a killing (Violence against civilians / Attack when the target is not armed)
KILLING_WORDS = (
    r"kill\w*|shot|shoot\w*|attack\w*|murder\w*|assassinat\w*|executed|massacre\w*|stabb?\w*|"
    r"hack\w*|behead\w*|tortur\w*|beat|beaten|lynch\w*|wound\w*|injur\w*|assault\w*|"
    r"dead|died|bod(?:y|ies)|corpses?|slain|gunned down|strangled|threat\w*|"
    r"(?:head|body|bodies|corpse|remains) (?:\w+ )?(?:was|were) found|"
    r"found (?:the )?(?:\w+ )?(?:body|bodies|corpses?|head|remains)"
)
ABDUCTION_WORDS = (
    r"abduct\w*|kidnap\w*|hostages?|taken captive|forced(?:ly)? disappear\w*|"
    r"went missing|held captive"
)
SEXUAL_VIOLENCE_WORDS = (
    r"rap(?:e|ed|ing|es)|sexual(?:ly)? (?:assault\w*|abus\w*|violence|harass\w*)|gang-?raped"
)
# the victim belonged to an armed group (a gang, a cartel): ACLED codes gang on gang as a clash
ARMED_VICTIM_PHRASES = (
    r"(?:victims?|he|the man|the deceased)\s+(?:\w+\s+){0,6}(?:member of (?:a |the )?\w* ?(?:gang|cartel)|"
    r"involved in (?:a )?(?:gang|drug trafficking)|charges? (?:against him )?for (?:\w+ ){0,3}"
    r"(?:drug trafficking|crimes)|convicted of|criminal record)"
)
DEMONSTRATION_WORDS = (
    r"protest\w*|demonstrat(?:ed|ing|ion|ions|ors?|e|es)|rall(?:y|ied|ies|ying)|"
    r"marched|marches|marchers|marching|sit-?ins?|picket\w*|went on (?:a )?strike|"
    r"(?:on|staged|launched|called) (?:a )?(?:\w+ )?strike|strikes? (?:by|over|for|against)|"
    r"striking (?:\w+ )?(?:workers|teachers|doctors|nurses|drivers|employees|staff)|"
    r"hunger strike|boycott\w*|chant\w*|slogans?|placards?|banners|vigils?|"
    r"dharnas?|hartals?|bandhs?|gherao\w*|human chains?|shutter-?down|effig(?:y|ies)|"
    r"motorcades?|walk-?outs?|memorand(?:um|a)|sloganeering|"
    r"took out (?:a |an )?(?:\w+ )?(?:procession|rally|march)|"
    r"observed (?:a |an )?(?:\w+ )?(?:shutdown|strike|hartal|bandh)|"
    r"gathered (?:to|in front|outside|at)|blocked (?:the |a |some |several )?(?:\w+ )?"
    r"(?:roads?|streets?|highways?|entrances?|traffic|bridges?)|blockad\w*|"
    r"rioters|riots?|rioting"
)
RIOT_WORDS = (
    r"riots?|rioted|rioting|rioters|violent (?:protests?|demonstrations?|clash\w*)|"
    r"turned (?:violent|unruly)|went on (?:a|the) rampage|rampag\w*"
)
# the police intervening in a protest
INTERVENTION_WORDS = (
    r"dispers\w*|tear ?gas|teargas|tear-gassed|water cannons?|rubber bullets|batons?|lathi\w*|"
    r"baton-charg\w*|intervened|cracked down|broke up|crackdown|fired (?:in the air|warning shots)"
)
# an arrest is an intervention when the protesters are the ones arrested (not "against the
# arrest of a leader"): "detained 11 protesters", "arrested 14 of them", "were arrested by police"
DETAINED_WORDS = r"arrested|detained|rounded up|picked up|took into custody"
DETAINED_PEOPLE_WORDS = (
    r"protesters|protestors|demonstrators|participants|marchers|them|people|activists|students|"
    r"workers|organi[sz]ers|strikers"
)
# protesters shot or killed: excessive force
SHOT_OR_DEAD_WORDS = r"killed|killing|shot dead|shot|died|dead"
# a crowd's own violence: its subject, then its act, or a phrase that says it alone
CROWD_SUBJECT_WORDS = (
    r"protesters?|protestors?|demonstrators?|they|crowds?|mobs?|youths?|villagers|locals|"
    r"residents|students|workers|supporters|people|rioters|group|groups|relatives|prisoners|"
    r"inmates|members|fans|neighbou?rs|cadres|traders|farmers|teachers|nurses|"
    r"doctors|lawyers|drivers|employees|staff|women|men|demonstrating|protesting|marching"
)
CROWD_ACT_WORDS = (
    r"threw|throwing|hurl\w*|pelt\w*|torch\w*|set|setting|burn\w*|vandali[sz]\w*|loot\w*|"
    r"stormed|ransack\w*|clash\w*|attack\w*|assault\w*|beat|damag\w*|smash\w*|block\w* and|"
    r"firebomb\w*"
)
CROWD_VIOLENCE_PHRASES = (
    r"clash\w* (?:between|with)|stone-?pelting|pelted|hurled|threw stones|ablaze|on fire|"
    r"vandalism|arson|stone-?throwing|"
    r"street-?fights?|brawl"
)
MOB_ACT_WORDS = r"attack\w*|beat\w*|lynch\w*|assault\w*|mobs?|stoned|hacked|chased"
# a clash or a dispute between people who are not armed groups: mob violence
DISPUTE_WORDS = (
    r"(?:land|property|water|border|family|personal|old|political) (?:dispute|feud|"
    r"rivalry)|disputes?|feuds?|scuffl\w*|brawls?|altercations?|quarrel\w*|"
    r"argument|enmity"
)
# what a crowd acts over or against: its violence is a violent demonstration
GRIEVANCE_WORDS = (
    r"demand\w*|denounc\w*|against|over|protest\w*|anger\w*|angry|opposing|"
    r"demonstrat\w*|condemn\w*|in response to"
)
# a side taking a place
TERRITORY_VERBS = (
    r"took|taken|take|seized|seize|regained|retook|recaptured|captured|overran|overrun"
)
TERRITORY_PLACES = (
    r"town|city|village|base|area|district|hill|positions?|territory|camp|region|locality"
)
# weapons seized, defused, or gone off in their makers' hands
DISRUPTED_WEAPON_WORDS = (
    r"defus\w*|dismantl\w*|deactivat\w*|disarm\w*|"
    r"(?:seized|recovered|found|confiscated) (?:\w+ )?(?:weapons|arms|explosives|ammunition|"
    r"rifles|grenades|guns|an? ied|bombs?)|confiscat\w*|(?:weapons|arms|ammunition) cache|"
    r"shot down|intercepted|exploded prematurely|premature(?:ly)? (?:detonat\w*|explo\w*)|"
    r"while (?:planting|assembling|making|handling|transporting)|"
    r"(?:did not|didn't|failed to) explode"
)
# strategic developments by sub-type, in the order the rules read them
STRATEGIC_WORDS: dict[str, str] = {
    "Other": r"(?:released|freed|exchanged) (?:\w+ ){0,3}(?:prisoners|detainees|hostages|"
             r"soldiers|captives)|warning shots",
    "Disrupted weapons use": DISRUPTED_WEAPON_WORDS,
    "Arrests": r"arrest\w*|detain\w*|apprehend\w*|taken into custody|rounded up|nabbed",
    "Looting/property destruction":
        r"loot\w*|ransack\w*|set (?:on )?fire|firebomb\w*|set (?:\w+ ){1,4}(?:on fire|ablaze|alight)|torched|"
        r"burn(?:ed|t)|destroy\w*|demolish\w*|vandali[sz]\w*|stole|stolen|steal\w*|robb?\w*|"
        r"seized (?:\w+ )?(?:cattle|livestock|goods|property|crops|vehicles?|land)|"
        r"razed|bulldoz\w*|extort\w*|damag\w*|pillag\w*",
    "Non-violent transfer of territory":
        r"took (?:over|control)|withdr[ae]w\w*|retreat\w*|handed over|pulled out|"
        r"entered (?:the )?(?:town|city|village)|taken over",
    "Agreement": r"agreements?|ceasefire|cease-fire|truce|peace (?:deal|accord)|accords?|"
                 r"signed|reconcil\w*|prisoner (?:exchange|swap)",
    "Headquarters or base established": r"established|set up (?:a |an |their )?(?:\w+ )?"
                                        r"(?:base|headquarters|camp|checkpoint)",
    "Change to group/activity":
        r"deploy\w*|recruit\w*|patrol\w*|curfew|state of emergency|lockdown|surrender\w*|"
        r"defect\w*|mobili[sz]\w*|reinforcements?|banned|suspended|threat\w*|warned|"
        r"train(?:ed|ing)|graduat\w*|launched|fortif\w*|convoy|military exercises?|drills?",
}  # fmt: skip
DIPLOMACY_WORDS = (
    r"talks|summits?|met|meets|meeting|meetings|negotiat\w*|envoys?|diplomat\w*|visit\w*|"
    r"bilateral|foreign ministers?|phone (?:call|conversation)s?|spoke (?:with|by phone|to)|"
    r"hosted|delegations?|peace (?:plan|process|talks|conference)|get-together|sat down with|"
    r"welcomed|received (?:the )?(?:\w+ )?(?:president|prime minister|minister|delegation)"
)

# --- who: the actors and the targets ----------------------------------------------------------

# people under arms: a state's ...
STATE_FORCE_WORDS = (
    r"soldiers?|troops?|army|military|militar(?:y|ies)|police\w*|policem[ae]n|policewom[ae]n|"
    r"officers?|cops?|security|guards?|gendarm\w*|commanders?|convoys?|patrols?|units?|"
    r"battalions?|brigades?|regiments?|marines|snipers?|personnel|servicem[ae]n|recruits?|navy|"
    r"air force|coalition|rangers?"
)
# ... or an armed group's ...
ARMED_GROUP_WORDS = (
    r"militants?|insurgents?|rebels?|fighters?|jihadists?|terrorists?|militias?|militiam[ae]n|"
    r"combatants?|guerrill?as?|paramilitar\w*|gang members?|cartels?|gangs?|bandits?|vigilantes?|"
    # the names of armed groups: "the X Liberation Front", "the Y People's Army"
    r"(?:liberation|resistance|salvation|revolutionary|patriotic|people's) (?:front|army|movement)"
)
# ... or either
ARMED_PEOPLE_WORDS = rf"{STATE_FORCE_WORDS}|{ARMED_GROUP_WORDS}|forces|pro-\w+ elements"
# the places they hold: a target that stands for the forces there
ARMED_SITE_WORDS = (
    r"positions?|checkpoints?|check ?points?|bases?|outposts?|barracks|"
    r"(?:armed|military|security|police) (?:vehicles?|posts?)"
)
ARMED_WORDS = f"{ARMED_PEOPLE_WORDS}|{ARMED_SITE_WORDS}"
GUNMEN_WORDS = (
    r"gunm[ae]n|armed (?:men|man|group|groups|assailants?|individuals?|persons?|bandits?|gang)|"
    r"assailants?|attackers?|perpetrators?|unknown (?:men|persons?|people|individuals?|assailants?)|"
    r"unidentified (?:\w+ )?(?:men|man|persons?|people|individuals?|assailants?|attackers?|"
    r"gunm[ae]n|armed group)|hitm[ae]n|kidnappers?|abductors?"
)
PROTESTER_WORDS = r"protesters?|protestors?|demonstrators?|marchers|participants|strikers"
# people named by what they were doing: "police fired on traders protesting ..."
PROTESTING_WORDS = r"protesting|demonstrating|marching|rallying"
CROWD_WORDS = (
    r"mobs?|crowds?|angry (?:\w+ )?(?:people|residents|villagers|youths?|locals|men)|"
    r"group of (?:\w+ )?(?:people|locals|residents|villagers|youths?|men|citizens|persons|women|"
    r"students|supporters|individuals)|villagers|locals|residents|youths?|supporters|relatives|"
    r"community members|members of (?:the )?(?:\w+ )?(?:community|communities|families|party|"
    r"clan|tribe)|communal|neighbou?rs|family members|students|workers|party workers|"
    r"activists|cadres|people|prisoners|inmates|detainees|fans|labou?rers|traders|farmers|"
    r"(?:two|rival) (?:\w+ )?groups|groups of (?:\w+ )?(?:people|villagers|locals|laborers|"
    r"labourers|workers|residents|youths?|supporters)|members of (?:the )?(?:\w+ )?(?:\w+ )?party"
)
# the people a violent act may target when they are not armed ...
CIVILIAN_PEOPLE_WORDS = (
    r"civilians?|m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|kids?|babies|baby|villagers?|"
    r"farmers?|residents?|people|persons?|person|individuals?|students?|teachers?|journalists?|"
    r"reporters?|workers?|traders?|vendors?|merchants?|shopkeepers?|drivers?|famil(?:y|ies)|"
    r"passengers?|worshipp?ers|pastors?|priests?|imams?|doctors?|nurses?|activists?|leaders?|"
    r"herders?|fishermen|teenagers?|elderly|victims?|couple|husband|wife|son|daughter|father|"
    r"mother|brother|sister|youths?|locals?|citizens?|refugees|displaced|migrants?|patients?|"
    r"councill?or|mayor|candidate"
)
# ... and their homes and gathering places: a civilian target, never an actor
CIVILIAN_PLACE_WORDS = r"homes?|houses?|village|market|school|church|mosque|hospital"
CIVILIAN_WORDS = f"{CIVILIAN_PEOPLE_WORDS}|{CIVILIAN_PLACE_WORDS}"
# a killing or an abduction told as a verb and a particle ("mowed down", "took ... hostage",
# "whisked away"), with people as its object or its passive subject (events.phrasal)
PHRASAL_KILLING_WORDS, PHRASAL_ABDUCTION_WORDS = phrasal_words(CIVILIAN_PEOPLE_WORDS)
# ... read with the single words
VIOLENT_OR_PHRASAL_WORDS = f"{PHRASAL_KILLING_WORDS}|{PHRASAL_ABDUCTION_WORDS}|{VIOLENT_WORDS}"
KILLING_OR_PHRASAL_WORDS = f"{PHRASAL_KILLING_WORDS}|{KILLING_WORDS}"
ABDUCTION_OR_PHRASAL_WORDS = f"{PHRASAL_ABDUCTION_WORDS}|{ABDUCTION_WORDS}"
# the kind of a generic actor: the first kind whose words its phrase has ("armed men" are an
# unidentified armed group before they are men; "rebel positions" an armed group's) ...
ACTOR_KIND_WORDS: dict[ActorKind, str] = {
    ActorKind.PROTESTERS: PROTESTER_WORDS,
    ActorKind.RIOTERS: r"rioters?|mobs?",
    ActorKind.UNIDENTIFIED_ARMED_GROUP: GUNMEN_WORDS,
    ActorKind.ARMED_GROUP: (
        rf"{ARMED_GROUP_WORDS}|extremists?|separatists?|pirates?|(?:pro|anti)-\w+"
    ),
    ActorKind.STATE_FORCES: STATE_FORCE_WORDS,
    ActorKind.CIVILIANS: rf"{CIVILIAN_PEOPLE_WORDS}|{CROWD_WORDS}",
}
# ... else forces or a site that these words own are a state's ("regime forces", "governmental
# positions"); forces or a site with none ("forces" alone, "a checkpoint") name no actor
STATE_OWNER_WORDS = r"regime|government\w*|govt|state|federal|national|official"
# the head of a phrase that stands for the people of its "of" complement: "members of the
# militia", "a group of armed men", "dozens of protesters"
COLLECTIVE_WORDS = (
    r"members?|group|groups|band|dozens|hundreds|thousands|scores|number|crowds?|mobs?|some|"
    r"many|several|most|all|both|each|one|two|three|four|five|six|seven|eight|nine|ten"
)
# a nationality adjective ("Russian") names the state's forces only with one of these after it
FORCE_WORDS = (
    r"forces|troops|soldiers|military|militar(?:y|ies)|army|navy|air force|elements|units|"
    r"personnel"
)
# the state, as the target of a crowd: a violent demonstration
STATE_WORDS = (
    r"police\w*|policem[ae]n|officers?|authorities|officials?|government|security forces|"
    r"soldiers?|troops|army|gendarm\w*|station|office|offices|headquarters"
)
# the sides of the codebook (events.sides): a group named by a political party ...
PARTY_WORDS = r"party|parties|league|congress|ruling|opposition"
# ... and the words that make its people a group that acts ("supporters of the X party",
# "X cadres"); after a short form in capitals too ("UWL supporters")
PARTY_SUPPORTER_WORDS = r"supporters|workers|activists|cadres|loyalists|followers"
PARTY_MEMBER_WORDS = rf"{PARTY_SUPPORTER_WORDS}|members|youth wing"
# a group named by its community, clan, tribe or people, or one that guards it
IDENTITY_WORDS = (
    r"clans?|sub-?clans?|tribal|tribes?|tribesm[ae]n|communal|ethnic|vigilantes?|"
    r"self-defen[cs]e|hunters|armed (?:herders|youths|villagers|farmers|residents|civilians)|"
    r"(?:community|village) (?:militias?|militiam[ae]n|guards|defen[cs]e)"
)
# people who fight as a group of their own: "two families", "rival groups"
RIVAL_GROUP_WORDS = r"(?:two|rival|both|the two) (?:\w+ )?(?:groups|families|factions|sides)"
# the people of a named community: "youths of the Bobo community", "the Ayoka clan"
COMMUNITY_WORDS = r"community|communities|clan|tribe|ethnic group"
# a thing, not a person: what a target is when only property suffers
PROPERTY_WORDS = (
    r"offices?|houses?|homes?|shops?|stores?|vehicles?|cars?|bus|buses|trucks?|propert(?:y|ies)|"
    r"buildings?|stalls?|kiosks?|businesses|premises|market|crops|motorcycles?|statues?"
)
# an exchange of fire: both sides shoot, so both are armed
FIRE_EXCHANGE_WORDS = (
    r"exchang\w* (?:gun)?fire|exchanges? of (?:gun)?fire|gun ?fights?|gun ?battles?|"
    r"shoot-?outs?|fire ?fights?|traded (?:gun)?fire|fired at each other|armed clash\w*|"
    r"opened fire on each other|encounters?"
)
# direct fire and the weapons of a fight hand to hand: violence against a person
FIREARM_WORDS = (
    r"shot|shoot\w*|gun\w*|fired|firing|opened fire|rifles?|pistols?|bullets?|"
    r"exchang\w* (?:gun)?fire"
)

# ACLED counts security forces who are not on duty as civilians
OFF_DUTY_WORDS = r"off-?duty|former|retired|ex-\w+|demobili[sz]ed"
# a suspect is not an armed side
SUSPECT_WORDS = (
    r"suspects?|suspected (?:drug|criminals?|robbers?|thie\w+)|drug (?:dealers?|peddlers?)"
)

# --- hedges: a cue that is not reported as done ------------------------------------------------

# verbs (and modals) whose complement has not happened (yet)
HEDGE_WORDS = (
    r"plan\w*|threat\w*|vow\w*|want\w*|consider\w*|propos\w*|arrang\w*|seek\w*|sought|hop\w*|"
    r"attempt\w*|effort|efforts|try|trying|tried|ruled|rule|would|could|may|might|will|shall|"
    r"should|can|must|urg\w*|call\w* for|expect\w*|prepar\w*|aim\w*|intend\w*|push|pushing|"
    r"demand\w*|warn\w*|fear\w*|willing|open|possible|potential|future|prevent\w*|fail\w*|"
    r"halt\w*|stop\w*|end|ending|avert\w*|avoid\w*"
)
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# before a noun cue, these refer to an earlier event: "after the riots", "amid fighting"
BACKGROUND_PREPOSITIONS = frozenset(
    {"after", "following", "since", "amid", "despite", "over", "against"}
)

# --- roles: the verbs whose subject and object are the actors ---------------------------------

VIOLENT_VERB_WORDS = (
    r"kill\w*|shot|shoot\w*|attack\w*|murder\w*|assassinat\w*|execut\w*|massacre\w*|stabb?\w*|"
    r"hack\w*|behead\w*|tortur\w*|beat|beaten|lynch\w*|wound\w*|injur\w*|abduct\w*|kidnap\w*|"
    r"rap(?:e|ed)|assault\w*|ambush\w*|fired|fire|clash\w*|fought|target\w*|struck|hit|raid\w*|"
    r"gunned|slain|bomb\w*|shell\w*|seiz\w*|captur\w*|arrest\w*|abduct\w*|loot\w*|torch\w*|"
    r"burn\w*|destroy\w*|battl\w*|claim\w*|pelt\w*|hurl\w*|threw|vandali[sz]\w*|set|"
    r"ransack\w*|recaptur\w*|retook|overr[au]n|"
    r"met|meet\w*|protest\w*|demonstrat\w*|rall\w*|marched|"
    r"talk\w*|negotiat\w*|visit\w*|hosted|strike|strikes"
)
# verbs whose "at" phrase is the target: "fired at the police"
AIMED_WORDS = r"fired|fire|firing|shot|shooting|threw|throwing|hurled|pelted|aimed"
# without a parse: the words after these forms are the victims ("killed two farmers") ...
VICTIM_AFTER_VERBS = (
    r"kill(?:ed|ing|s)?|shot(?: dead)?|shoot(?:ing|s)?|attack(?:ed|ing|s)?|"
    r"murder(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|wound(?:ed|ing|s)?|"
    r"injur(?:ed|ing|es)|ambush(?:ed|ing|es)?|target(?:ed|ing|s)?|assault(?:ed|ing|s)?|"
    r"fired (?:at|on|upon)|opened fire (?:at|on)|attack (?:on|against)|raid\w* (?:on)?"
)
# ... and the words before these passive ones ("two farmers were killed")
VICTIM_BEFORE_VERBS = (
    r"kill\w*|shot|attack\w*|murder\w*|abduct\w*|kidnap\w*|wound\w*|injur\w*|ambush\w*|"
    r"target\w*|beaten|stabbed|hacked|executed|found dead|gunned down|slain"
)
# a phrase that begins with a pronoun, a possessive or a demonstrative names no actor: it refers
# to one named elsewhere ("their positions", "those on board")
PRONOUNS = frozenset({
    "who", "which", "that", "it", "this", "he", "she", "they", "them", "him", "her", "we", "i",
    "you", "his", "its", "their", "our", "my", "your", "those", "these", "whom", "whose",
})  # fmt: skip
# the words a generic actor phrase drops in front: "the", "several", a count and the words
# around it ("nearly 100", "between 30 and 40", "dozens of"): an actor is never a victim's count;
# and "dead" of "shot dead two farmers"
NUMBER_WORDS = (
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|dozen"
)
PHRASE_DROP_WORDS = (
    rf"the|a|an|some|several|many|few|at least|at most|about|around|nearly|almost|approximately|"
    rf"roughly|over|more than|fewer than|less than|up to|an estimated|estimated|between|and|or|"
    rf"to|of|dead|{NUMBER_WORDS}|dozens|hundreds|thousands|scores|number|group|groups"
)

# verbs whose object is the violent act itself: their subject does it ("gunmen opened fire",
# "militants launched an attack", "an attack carried out by militants")
LIGHT_VERB_WORDS = (
    r"open(?:ed|s|ing)?|launch\w*|carr(?:y|ied|ies|ying)|conduct\w*|stag(?:e|ed|es|ing)|"
    r"mount\w*|unleash\w*|perpetrat\w*|commit\w*"
)
# verbs of an act its subject does without an object: the noun such a participle modifies acts
# ("Hundreds of teachers protested ...", read as "teachers [protested ...]")
ACT_ALONE_WORDS = (
    r"protest(?:ed|ing)|demonstrat(?:ed|ing)|rall(?:ied|ying)|march(?:ed|ing)|clash(?:ed|ing)|"
    r"fought|fighting|riot(?:ed|ing)|battl(?:ed|ing)"
)
# a victim's verb that never goes without its object: with a subject and none, a headline's
# passive ("Two soldiers killed in ambush"); not "attacked", "shot", which go without one
HEADLINE_PASSIVE_WORDS = (
    r"killed|murdered|abducted|kidnapp?ed|wounded|injured|executed|beheaded|stabbed|lynched|"
    r"tortured|slain"
)

# --- places ------------------------------------------------------------------------------------

# before a place: the event was near it, not in it
NEAR_WORDS = r"near|outside|outskirts of|close to|around|area of|vicinity of"
# after a name: the name is a region ("Idlib province")
REGION_UNIT_WORDS = (
    r"province|region|state|district|governorate|county|department|oblast|prefecture"
)
# the last word of a region's own name ("Kachin State")
REGION_NAME_UNITS = r"State|Province|Region|Governorate|Oblast|Prefecture|Department|Territory"
WORLD_REGION_WORDS = (
    r"Europe|Africa|Asia|Americas?|Latin America|Middle East|Near East|Far East|"
    r"Sahel|Balkans|Caucasus|Gulf|Horn of Africa|Maghreb|Levant|Eastern Europe|West Africa|"
    r"East Africa|Central Asia|South Asia|Southeast Asia|Central America|South America|"
    r"North America|Caribbean|Arctic|Pacific|Atlantic|Mediterranean|Black Sea|Red Sea"
)


# --- the patterns, built from the lexicons above ------------------------------------------------


@cache  # one pattern per lexicon: STRATEGIC's "Disrupted weapons use" is DISRUPTED_WEAPONS
def whole_words(words: str) -> re.Pattern:
    """Any of `words` (a lexicon) as a whole word, case-insensitive."""
    return re.compile(rf"\b{one_of(words)}\b", re.I)


REMOTE_WEAPONS = [(sub, whole_words(words)) for sub, words in REMOTE_WEAPON_WORDS.items()]
EXPLOSION = whole_words(EXPLOSION_WORDS)
CLASH = whole_words(CLASH_WORDS)
CLASH_VERB = whole_words(CLASH_VERB_WORDS)
SETTING = whole_words(SETTING_PHRASES)
SMALL_ARMS = whole_words(SMALL_ARMS_WORDS)
VIOLENT = whole_words(VIOLENT_OR_PHRASAL_WORDS)
KILLING = whole_words(KILLING_OR_PHRASAL_WORDS)
ABDUCTION = whole_words(ABDUCTION_OR_PHRASAL_WORDS)
SEXUAL_VIOLENCE = whole_words(SEXUAL_VIOLENCE_WORDS)
ARMED_VICTIM = whole_words(ARMED_VICTIM_PHRASES)
# "march" is a cue as a verb of protest, before these words (not the month of March)
DEMONSTRATION = re.compile(
    rf"\b{one_of(DEMONSTRATION_WORDS)}\b|\b[Mm]arch (?:on|to|through|against|in protest)\b", re.I
)
RIOT = whole_words(RIOT_WORDS)
INTERVENTION = whole_words(INTERVENTION_WORDS)
PROTESTERS_DETAINED = re.compile(
    rf"\b{one_of(DETAINED_WORDS)} (?:\w+ ){{0,3}}{one_of(DETAINED_PEOPLE_WORDS)}\b"
    rf"|\b{one_of(DETAINED_PEOPLE_WORDS)}\b[^.;]{{0,40}}? (?:were|was) {one_of(DETAINED_WORDS)}\b"
    rf"|\b(?:were|was) {one_of(DETAINED_WORDS)} by (?:the )?(?:\w+ )?police\b",
    re.I,
)
SHOT_OR_DEAD = whole_words(SHOT_OR_DEAD_WORDS)
CROWD_ACT = re.compile(
    rf"\b{one_of(CROWD_SUBJECT_WORDS)}\b[^.;]{{0,60}}?\b{one_of(CROWD_ACT_WORDS)}"
    rf"|\b{one_of(CROWD_VIOLENCE_PHRASES)}\b",
    re.I,
)
MOB_ACT = whole_words(MOB_ACT_WORDS)
DISPUTE = whole_words(DISPUTE_WORDS)
GRIEVANCE = whole_words(GRIEVANCE_WORDS)
TERRITORY = re.compile(
    rf"\b(?:{one_of(TERRITORY_VERBS)} (?:full |complete )?(?:control (?:of|over) )?(?:the |an? )?"
    rf"(?:\w+ )?{one_of(TERRITORY_PLACES)})\b",
    re.I,
)
DISRUPTED_WEAPONS = whole_words(DISRUPTED_WEAPON_WORDS)
# a bomb that went off in its makers' hands, and a drone or a plane shot down: no killing
PREMATURE = re.compile(r"prematurely|while (?:planting|assembling|making)", re.I)
SHOT_DOWN = re.compile(r"\bshot down\b", re.I)
# an air or drone strike is no strike of workers ("a drone strike by the army"): read as one word
REMOTE_STRIKE = re.compile(r"\b(?:air|drone|missile|aerial) ?(strikes?)\b", re.I)
# a petrol bomb or a Molotov cocktail sets fire; it is no explosive (ACLED codes its use by who
# threw it at what): read as one word that no explosion pattern matches
INCENDIARY = re.compile(
    r"\b(?:petrol|fire|gasoline|molotov)[ -]?bomb(s?)\b|\bmolotov cocktail(s?)\b", re.I
)
# riot police are police, not a riot: read as police
RIOT_POLICE = re.compile(
    r"\b(?:anti-?)?riot (?:police\w*|gear|squads?|units?|control|officers|troops|forces)\b", re.I
)
# an effigy burnt in a protest harms no one and nothing of anyone's: read as the protest's act
# (tyres burnt on a road are not: ACLED codes them as a violent demonstration)
PROTEST_BURNING = re.compile(
    r"\b(?:burn\w*|torch\w*|set fire to|set ablaze) (?:an? |the |their |some )?(?:\w+ )?"
    r"effig(?:y|ies)\b",
    re.I,
)
# shots into the air hurt no one: read as warning shots
AIR_SHOTS = re.compile(
    r"\bfir(?:ed|ing) (?:\w+ ){0,5}(?:in|into) the air\b|\bopened fire in the air\b", re.I
)
STRATEGIC = [(sub, whole_words(words)) for sub, words in STRATEGIC_WORDS.items()]
DIPLOMACY = whole_words(DIPLOMACY_WORDS)

PARTY = whole_words(PARTY_WORDS)
# in lower case only: "Workers" in a party's name ("United Workers' League") names no members
PARTY_MEMBER = re.compile(rf"\b{one_of(PARTY_MEMBER_WORDS)}\b")
# a short form in capitals before the party's people: "UWL supporters" (case-sensitive; not
# "members", which an armed group has too: "ADF members")
PARTY_SHORT = re.compile(
    rf"\b[A-Z]{{2,6}}(?:-[A-Z]+)? {one_of(PARTY_SUPPORTER_WORDS)}\b"
    rf"|\b{one_of(PARTY_SUPPORTER_WORDS)} of (?:the )?[A-Z]{{2,6}}\b"
)
# a party's own name ("the Harmony Party"): its people, when the phrase names no one of them
PARTY_NAME = re.compile(r"\b[A-Z][\w'-]* (?:Party|League|Congress)\b")
IDENTITY = whole_words(IDENTITY_WORDS)
COMMUNITY = re.compile(rf"\b[A-Z][\w'-]+ {one_of(COMMUNITY_WORDS)}\b")  # a name before
RIVAL_GROUP = whole_words(RIVAL_GROUP_WORDS)
AMBUSH = whole_words(AMBUSH_WORDS)
PROPERTY = whole_words(PROPERTY_WORDS)
FIRE_EXCHANGE = whole_words(FIRE_EXCHANGE_WORDS)
FIREARM = whole_words(FIREARM_WORDS)
ARMED = whole_words(ARMED_WORDS)
ARMED_PEOPLE = whole_words(ARMED_PEOPLE_WORDS)
GUNMEN = whole_words(GUNMEN_WORDS)
PROTESTER = whole_words(PROTESTER_WORDS)
PROTESTING = whole_words(PROTESTING_WORDS)
CROWD = whole_words(CROWD_WORDS)
CIVILIAN = whole_words(CIVILIAN_WORDS)
CIVILIAN_PEOPLE = whole_words(CIVILIAN_PEOPLE_WORDS)
STATE = whole_words(STATE_WORDS)
OFF_DUTY = whole_words(OFF_DUTY_WORDS)
SUSPECT = whole_words(SUSPECT_WORDS)
# a people named in the plural ("Palestinians", "Indian nationals"): a crowd, not an armed group
PEOPLES = re.compile(r"^(?:\w+ )?(?:[A-Z][a-z]+(?:ans|ians|ese|is|ers)|\w+ nationals)$")

HEDGE = whole_words(HEDGE_WORDS)

VIOLENT_VERB = whole_words(VIOLENT_VERB_WORDS)
AIMED = whole_words(AIMED_WORDS)
HEADLINE_PASSIVE = whole_words(HEADLINE_PASSIVE_WORDS)
LIGHT_VERB = whole_words(LIGHT_VERB_WORDS)
ACT_ALONE = whole_words(ACT_ALONE_WORDS)
VICTIM_AFTER = re.compile(
    rf"\b{one_of(VICTIM_AFTER_VERBS)}\s+"
    r"(?!by\b|in\b|at\b|on\b|near\b|during\b|when\b|as\b|after\b|while\b|and\b|or\b|"
    r"dead\b)"  # "shot dead by soldiers": the soldiers are no victims
    r"((?:\S+\s+){0,5})",
    re.I,
)
VICTIM_BEFORE = re.compile(
    r"((?:\S+\s+){1,4})(?:was|were|had been|have been|has been)\s+(?:\w+ly\s+)?"
    rf"{one_of(VICTIM_BEFORE_VERBS)}",
    re.I,
)
FIRED_AT = re.compile(
    r"\b(?:fired|firing|shot|opened fire|launched)\b[^.;]{0,60}?\b(?:at|on|upon|against)\s+"
    r"((?:\S+\s+){0,4}\S+)",
    re.I,
)
PHRASE_DROP = re.compile(rf"^{one_of(PHRASE_DROP_WORDS)}\s+", re.I)
ACTOR_KINDS = [(kind, whole_words(words)) for kind, words in ACTOR_KIND_WORDS.items()]
ARMED_SITE = whole_words(ARMED_SITE_WORDS)
STATE_OWNER = whole_words(STATE_OWNER_WORDS)
COLLECTIVE = whole_words(COLLECTIVE_WORDS)
FORCE = whole_words(FORCE_WORDS)

NEAR = re.compile(rf"\b{one_of(NEAR_WORDS)}\s+(?:the\s+)?$", re.I)
REGION_UNIT = re.compile(rf"^\s+{one_of(REGION_UNIT_WORDS)}\b", re.I)
REGION_NAME = re.compile(rf"\s{one_of(REGION_NAME_UNITS)}$")
WORLD_REGION = re.compile(rf"(?:the )?{one_of(WORLD_REGION_WORDS)}", re.I)
