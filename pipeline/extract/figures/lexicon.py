"""The words of the figures stage, written once as data: what a count's cue says it counts, how
a number is qualified, the nouns for one person, the verbs that tell one victim without a count,
the words that make a number no count, and those that make a figure a running total or an update.

Each entry is an alternation of words or short phrases ("killed|dead|died"), a regex fragment
where a word has forms ("deaths?"). `rules` builds every pattern from these entries (`one_of`
tries a long one by first letter), and every word gate of the stage is derived from the
compiled patterns by `pipeline.extract.prefilter`: a new word here is one edit, and a test that
states what it finds. Categories, qualifiers and scopes are those of `pipeline.vocabulary`.
"""

from __future__ import annotations

from pipeline.vocabulary import FigureCategory as C
from pipeline.vocabulary import Qualifier as Q

# --- what a count counts ----------------------------------------------------------------------

# the cue after a count: "12 people were killed", "2 fatalities", "300 families fled"
CUES_AFTER: dict[C, str] = {
    C.KILLED: r"killed|dead|died|dies|deaths?|fatalities|fatality|slain|murdered|executed|"
    r"shot(?:\s+[\w-]+){0,5}?\s+and\s+(?:later\s+)?died|(?:shot|stabbed|beaten|hacked) and killed|"
    r"corpses|"
    r"shot to death|(?:stabbed|beaten|hacked|tortured|burned|burnt) to death|"
    r"fatally (?:shot|wounded|injured|assaulted|stabbed|attacked|beaten)|assassinated|"
    r"lost their lives|perished|drowned|bodies|lives|massacred|shot dead|beheaded|lynched|"
    r"fatal(?:ly)?\s+(?:gunshot\s+)?(?:injuries|injury|wounds?)|fatally",
    # "were shot" without "dead"/"and killed"/"to death" is shot and alive: wounded
    C.INJURED: r"injured|wounded|hurt|injuries|hospitali[sz]ed|maimed|"
    r"shot(?!\s+(?:dead|and\s+killed|to\s+death|and\s+fatally|dead))",
    C.MISSING: r"missing|unaccounted for",
    C.DISPLACED: r"displaced|homeless|evacuated|uprooted|forced to flee|fled|fleeing|refugees|"
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
    C.CAPTURED: r"kidnapped|abducted|taken hostage|hostages?|captured|seized",
    C.ARRESTED: r"arrested|detained|arrests|detentions|taken into custody|rounded up",
    C.CASUALTIES: r"casualties",
    C.AFFECTED: r"affected",
}
# the cue before a count: "killing 12", "the death toll rose to 40", "displacing 300"
CUES_BEFORE: dict[C, str] = {
    C.KILLED: r"killing|killed|kill|kills|massacring|executing|executed|murdered|murdering|"
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
    C.INJURED: r"injuring|injured|wounding|wounded|hurting|"
    r"(?:number of )?(?:injured|wounded)\s+(?:rose|risen|climbed|reached|stands)(?:\s+to|\s+at)?",
    C.DISPLACED: r"displacing|displaced|uprooting|forcing|evacuating|evacuated|"
    r"(?:evacuations?|relocation|displacement|resettlement)\s+of(?:\s+(?:a further|another|a total of))?|"
    r"number of (?:\w+\s+)?(?:displaced|evacuated|idps|evacuees|refugees)(?:\s+\w+){0,4}?\s+"
    r"(?:is|was|stands at|stood at|reached|to be|at|of)|(?:idps|evacuees|displaced people)\s+(?:total(?:led|ed)?|numbered)",
    C.CAPTURED: r"abducting|abducted|kidnapping|kidnapped|capturing|captured|seizing",
    C.ARRESTED: r"arresting|arrested|detaining|detained|rounding up|rounded up|taking into custody",
    C.AFFECTED: r"affecting|affected",
}
# the cues after a count whose words after it may name the agent, not the victims ("two armed
# men ... shot and killed a man": the number did the killing)
ACTIVE_CUES = (C.KILLED, C.INJURED, C.CAPTURED, C.ARRESTED)
# words that may stand between a count and its cue: "12 were reportedly killed"
FILLERS = (
    r"were|was|have|has|had|are|is|been|being|be|reportedly|also|later|all|of them|each|"
    r"already|still|newly|recently|temporarily|ordered to|registered as|who|that|of whom|to be|"
    r"(?:estimated|said|believed|thought|reported|known|feared) to (?:have been|be)|"
    r"of those|of which|of the(?:\s+[\w-]+)?\s+(?:victims|wounded|injured|people|passengers|"
    r"hostages|workers|men|women|children|officers|soldiers)|"
    r"subsequently|allegedly|confirmed|believed to be|feared|found|left|got|people|persons|"
    r"shot and|stabbed and|beaten and|abducted and|kidnapped and|tortured and|summarily|"
    r"were reported|now|so far|in total|more"
)
# what a count of people is not: "300 cattle", "12 villages"
NOT_PEOPLE = (
    r"livestock|cattle|cows?|goats?|sheep|camels?|animals?|dogs?|chickens?|poultry|"
    r"donkeys?|horses?|pigs?|birds?|fish|elephants?|rhinos?|districts?|provinces?|villages?|"
    r"houses?|homes?|hectares?|acres?|buildings?|schools?|vehicles?|crops?|regions?|states?|"
    r"countries|towns?|cities|communities"
)
# one person, after a count larger than one: "52 County jail officer wounded" is not 52
SINGULAR_NOUNS = (
    r"man|woman|boy|girl|child|officer|soldier|student|teen|teenager|baby|person|victim|"
    r"driver|guard|deputy|trooper|resident|worker|civilian"
)

# --- casualty predicates, read over the parse (`victims`) ------------------------------------

# Each entry is a verb's base form and the words that must hang on it in the parse, in order
# ("gun down", "succumb to injuries"; "a|b" for either word); `relevance.lexicon.forms` spells
# its inflections. What its victims suffered is the category it is listed under.
# A transitive predicate's victims are its object, its passive subject, or the noun its
# participle modifies: "the army gunned down two militants", "two militants were gunned down",
# "20 people abducted in the raid".
VICTIM_OF: dict[C, str] = {
    C.KILLED: "kill, murder, slay, shoot dead, claim lives|life, cost lives|life, take lives|life, execute, assassinate, behead, decapitate, lynch, massacre, "
    "slaughter, strangle, gun down, mow down, cut down, shoot to death, stab to death, "
    "beat to death, hack to death, burn to death, club to death, bludgeon to death, "
    "torture to death, stone to death, burn alive, bury alive",
    C.INJURED: "injure, wound, hurt, maim, hospitalise, hospitalize",
    C.CAPTURED: "abduct, kidnap, capture, take hostage, hold hostage, take captive, "
    "carry off, whisk away, seize",
    C.ARRESTED: "arrest, detain, apprehend, take into custody, round up",
    C.DISPLACED: "displace, uproot, evacuate, relocate, force from homes|home|villages, "
    "drive from homes|home|villages",
}
# hit by gunfire, the fate unstated ("two men were shot": see reconcile.resolve_shot)
HIT_VERBS = "shoot"
# hit by gunfire, told of the victim: "two men sustained gunshot wounds"
HIT_SUBJECT_OF = (
    "sustain gunshot wound|wounds, suffer gunshot wound|wounds, receive gunshot wound|wounds"
)
# a hit told fatal: "fatally shot" is a killing
FATALLY = "fatally mortally"
# an intransitive predicate's victims are its subject: "two soldiers died"
SUBJECT_OF: dict[C, str] = {
    C.KILLED: "die, perish, drown, lose lives|life, succumb to injuries|injury|wounds|wound|burns",
    C.INJURED: "sustain injuries|injury|wounds|wound|burns, suffer injuries|injury|wounds|wound|burns",
    C.DISPLACED: "flee homes|home|houses|villages|fighting|violence|clashes|attacks|conflict, "
    "abandon homes|houses|villages, seek refuge|shelter|safety",
}
# a state the victims are told to be in, as an adjective: "two are dead", "left three dead",
# "were shot dead", "five remain missing", "two injured soldiers"
STATE_OF: dict[C, str] = {
    C.KILLED: "dead",
    C.INJURED: "injured wounded hurt",
    C.MISSING: "missing unaccounted",
    C.DISPLACED: "displaced homeless",
}
# categories a noun can name as the status of whom it counts ("refugees", "hostages"): a
# count of them that is the patient of another predicate counts that predicate's victims
STATUS_CATEGORIES = (C.DISPLACED, C.CAPTURED, C.MISSING)
# when one group of victims is the patient of several predicates ("were shot and killed",
# "abducted and killed"), the figure is the first category of this order; a hit comes last
VICTIM_PRIORITY = (C.KILLED, C.INJURED, C.MISSING, C.CAPTURED, C.ARRESTED, C.DISPLACED)
# heads of a phrase that counts what another noun names: "a total of 26 people", "a group of
# five men" (a number of people states no count: `numbers`)
GROUP_NOUNS = "total group groups number batch"
# before a group of victims, what makes it nobody: "no civilians were hurt", "none of them"
NOBODY_DETS = "no neither none nobody"
# the nouns a victim is not, beside the relevance lexicon's places, vehicles, animals and
# other senses ("killed the bill"): a count of these is no count of people
NOT_VICTIMS = (
    "livestock cattle cow cows goat goats sheep camel camels animal animals dog dogs "
    "chicken chickens poultry donkey donkeys horse horses pig pigs bird birds fish elephant "
    "elephants rhino rhinos province provinces hectare hectares acre acres crop crops state "
    "states country countries time engine lights mood buzz chance chances birds"
)
# people among the words the relevance lexicon gives other senses ("critics slammed the bill")
PEOPLE_OF_OTHER_SENSES = (
    "critics lawmakers senators rivals investors investor player players actor actress"
)
# nouns for victims of any kind: a list after a count of them breaks it down ("five people,
# three guards and two cooks"), after a count of one kind it goes on ("five guards, three cooks")
ANYONE = "people persons victims casualties individuals others"
# a phrase that names some of a counted group: "four people, including two policemen"
PART_MARKS = "including include includes among incl mostly mainly notably"

# --- how a number is qualified ----------------------------------------------------------------

# the words before a number, in the order they are tried
QUALIFIERS: dict[Q, str] = {
    Q.AT_LEAST: r"at least|no fewer than|not less than|a minimum of|at a minimum",
    Q.MORE_THAN: r"more than|over|upwards of|in excess of|above",
    Q.LESS_THAN: r"nearly|almost|fewer than|less than|under|close to|just under",
    Q.AT_MOST: r"up to|as many as|at most|a maximum of",
    Q.APPROX: r"about|around|approximately|roughly|some|an estimated|estimated|nearly about|circa",
}
# after a number, what makes it no count of people: an age, a time, a measure, money, a rank
NOT_A_COUNT_AFTER = (
    r"-?years?\b|-?year-old|yrs?\b|km\b|kilomet|miles?\b|metres?\b|meters?\b|"
    r"percent\b|per cent\b|%|a\.?m\b|p\.?m\b|hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|"
    r"o'clock|kg\b|tons?\b|tonnes?\b|mm\b|cm\b|dollars?\b|euros?\b|pounds?\b|st\b|nd\b|rd\b|th\b|"
    r"times\b|:\d|votes?\b|seats?\b|blocks?\b|y/?o\b"
)
# before a number, likewise: "aged 12", "route 9", "dial 911"
NOT_A_COUNT_BEFORE = (
    r"no\.|number|aged?|ages|age of|who (?:was|is)|route|highway|unit|brigade|battalion|"
    r"district|sector|km|page|gate|street|ar-|ak-|m-|n-|covid-|"
    r"dial(?:l?ed)?|call(?:ed|ing)?|phone|tel\.?|vote of|by a vote of|page"
)
# the month names a day of the month follows ("On March 1, eleven porters were killed")
MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\."
)

# --- one victim told without a count ------------------------------------------------------------

# the nouns for one person: "a farmer was killed"
PERSON_NOUNS = (
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
# a person the text names was killed: "Timothy Agnew was killed"
KILLED_NAMED = (
    r"killed|shot dead|pronounced dead|fatally (?:shot|wounded|stabbed|injured)|found dead|"
    r"murdered|slain|shot and killed|stabbed to death|beaten to death|died"
)
# ... or killing a person the text names: "bullets struck and killed Aynis Vargas"
KILLING_NAMED = (
    r"killed|killing|shot and killed|struck and killed|fatally shot|murdered|stabbed to death"
)
# people the text names were hurt: "Jason Kimble and Laquintin Carter were injured"
HURT_NAMED = r"injured|wounded|hurt"
# active voice, one victim after: "gunmen shot and killed a civilian"
KILLING_ONE = (
    r"killed|killing|shot dead|shot and killed|stabbed to death|murdered|executed|"
    r"assassinated|beheaded|lynched|hacked to death|beat to death|beaten to death|fatally shot|"
    r"fatally stabbed"
)
# ... one victim, then "to death": "stabbed a trader to death"
KILLING_ONE_TO_DEATH = r"stabbed|beat|beaten|hacked|tortured|burned|burnt|bludgeoned|shot|strangled"
# ... a victim named by a pronoun: "killing him"
KILLING_HIM = r"killing|killed|executing|executed|shooting dead"
# a death told as a noun: "the shooting death of a 17-year-old"
DEATH_NOUNS = r"death|killing|murder|slaying"
# a victim declared dead: "pronounced one man dead", "leaving a woman dead"
DECLARED_DEAD = r"pronounced|declared|left|leaving"
# a victim the text spoke of before: "he later died"
DIED_LATER = (
    r"died|(?:was|had been)\s+(?:pronounced dead|killed|shot and killed|fatally (?:shot|wounded)|"
    r"shot dead|declared dead|found dead)"
)
# a victim without an article, as headlines write: "Man fatally shot", "Teen shot ... has died"
BARE_KILLED = (
    r"(?:has\s+)?(?:dies|died)|killed|fatally (?:shot|stabbed|wounded|injured|struck|hit)|"
    r"shot (?:and killed|dead|to death)|found dead|dead|"
    # "Teen shot in southeast Wichita has died", "9-year-old shot by sibling dies"
    r"(?:shot|stabbed|wounded|injured|hurt)\b[^.;,:]{0,50}?\b(?:has died|have died|dies|died)"
)
# one person hurt: "injuring a 4-year-old", "a man with a gunshot wound"
HURTING_ONE = r"injuring|injured|wounding|wounded|shot|hurting"
WOUNDS = r"non-life-threatening|non-life threatening|minor|serious|critical|gunshot|bullet|stab"
# a victim still alive: "remains in critical condition", "is expected to survive"
CONDITIONS = (
    r"critical|serious|stable|fair|good|grave|satisfactory|extremely|very|temporary|but|and|,"
)
# ... as said of a victim left so: "leaving a man in critical condition"
CONDITIONS_LEFT = r"critical|serious|stable|fair|grave|extremely|very|but|and"
# explicit zeros: "no one was killed", "no casualties were reported" -> figures of 0 (the report
# says nobody, which is not "no figure"); each word, in the order tried, and what it counts
NOBODY_WORDS: dict[str, C] = {
    "killed": C.KILLED, "dead": C.KILLED, "died": C.KILLED, "fatality": C.KILLED,
    "fatalities": C.KILLED, "deaths": C.KILLED, "death": C.KILLED, "lives": C.KILLED,
    "injured": C.INJURED, "wounded": C.INJURED, "hurt": C.INJURED, "injury": C.INJURED,
    "injuries": C.INJURED, "casualty": C.CASUALTIES, "casualties": C.CASUALTIES,
}  # fmt: skip
# "no death penalty", "no injury list": the noun after such a word says it is no report
NOT_A_REPORT_AFTER = (
    r"penalty|penalties|toll|threats?|sentences?|certificates?|squads?|row|warrants?|"
    r"benefits?|insurance|list|camps?|wish|march|metal|end"
)

# --- scope, updates and sources -----------------------------------------------------------------

# a running total: "since 2022", "so far this year", "the war has killed"
CUMULATIVE = (
    r"since\s+(?:[\w'’-]+\s+){0,4}?(?:\d{4}|war|conflict|start|beginning|outbreak|fighting|invasion|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"last year|the start|early|late|it began|began)|so far this year|this year alone|to date|"
    r"as of\b|in total since|over the course of the war|throughout the (?:war|conflict)|"
    r"(?:war|conflict|fighting|insurgency|violence|crisis|epidemic|civil war)\b[^.;]{0,80}?\b(?:has|have|had)\s+"
    r"(?:already\s+)?(?:killed|claimed|left|displaced|forced|uprooted|caused|seen)|cumulative|"
    r"total (?:death )?toll (?:of|for) the (?:war|conflict)|in the past (?:\w+\s+)?(?:years|decade)"
)
# a later toll: "the toll rose to 40", "revised to 8", "coded as 10" supersedes the earlier count
UPDATE = r"toll|rose|risen|climbed|revised|raised|increased|jumped|updated|reached|coded"
# "the toll rose from 12 to 15": the first number is the earlier count
UPDATED_FROM = r"rose|risen|rising|climbed|increased|jumped|revised|raised|went up|grew|updated"
# a stated total: "... 2 fatalities", "12 in all"
SUMMARY = r"fatalities|deaths|death toll|toll|in total|a total of|total|in all|altogether|overall"
# who said it: "the health ministry said"
SOURCES = (
    r"official|officials|ministry|spokesman|"
    r"spokeswoman|spokesperson|police|army|military|hospital|authorities|agency|office|"
    r"governor|minister|sources?|witness(?:es)?|residents?|medics?|doctors?|department|"
    r"council|committee|group|commission|monitor|observatory|mission|service|services|government"
)
SAID = r"said|says|told|reported|confirmed|stated|announced"

# --- accounts that disagree ---------------------------------------------------------------------

# "other sources report 2 killed" after "1 soldier was killed": another account of the same count
OTHER_ACCOUNT = (
    r"other|another|different|differing|conflicting|contradictory|contrasting|alternative|"
    r"independent|unconfirmed|unofficial|separate|some|rival"
)
ACCOUNT_NOUNS = (
    r"sources?|reports?|accounts?|estimates?|tall(?:y|ies)|figures?|counts?|witnesses|"
    r"residents|officials|media|outlets|monitors?|groups?|observers|activists|medics"
)
# "but police said", "while residents put": a second voice within the story
CONTRAST = r"but|while|whereas|however|though|although|yet"
ACCOUNT_VERBS = (
    r"said|say|says|reported|report|reports|put|puts|placed|places|gave|gives|estimated|"
    r"estimates|counted|counts|told|cited|cite|cites|claimed|claim|claims|suggested|suggest"
)
# "put the death toll at", "gave a toll of", "estimated the number of dead at"
TOLL_AT = (
    r"(?:put|puts|putting|placed|places|gave|gives|giving|estimated|estimates|estimating)\s+"
    r"(?:the|a|its|their|his|her)\s+(?:\w+\s+){0,2}?(?:toll|number|count|tally|figure)"
)
# what adds to a count rather than restating it: "13 militants were also killed"
ALSO = r"also|too|as well|in addition|additionally|besides"
# a sentence about another incident: "in a separate attack", "elsewhere"
OTHER_INCIDENT = (
    r"(?:separate|second|another|earlier|later|previous|other|different|third|new)\s+"
    r"(?:\w+\s+)?(?:attack|attacks|incident|incidents|blast|explosion|clash|clashes|raid|"
    r"strike|ambush|shooting|bombing|operation|village|town|district|area|province|assault)|"
    r"elsewhere|meanwhile|in a separate|the (?:next|following|previous) day"
)
