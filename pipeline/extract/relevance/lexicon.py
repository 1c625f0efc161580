"""The words relevance reads, written once as data.

Predicates are written as base forms; `forms` spells their inflections (regular English
morphology, and the irregular verbs listed in `_IRREGULAR`), so a sentence is read by its
lower-cased words without a lemmatizer. Word classes name what an argument of a predicate is:
a person or group, an armed actor, a place or building, a weapon, a natural hazard or a vehicle
for disasters; and the frames in which war words are used in another sense (sport, business,
politics, culture, nature and animals).

Every list is general English, written for this project: none names an evaluation example.
"""

from __future__ import annotations

from functools import cache

# irregular verbs: base -> (past, past participle)
_IRREGULAR = {
    "shoot": ("shot", "shot"), "fight": ("fought", "fought"), "strike": ("struck", "struck"),
    "beat": ("beat", "beaten"), "blow": ("blew", "blown"), "hit": ("hit", "hit"),
    "burn": ("burned", "burnt"), "sink": ("sank", "sunk"), "slay": ("slew", "slain"),
    "hold": ("held", "held"), "meet": ("met", "met"), "flee": ("fled", "fled"),
    "bleed": ("bled", "bled"), "steal": ("stole", "stolen"), "break": ("broke", "broken"),
    "shake": ("shook", "shaken"), "sweep": ("swept", "swept"), "throw": ("threw", "thrown"),
    "set": ("set", "set"), "fall": ("fell", "fallen"), "take": ("took", "taken"),
    "overrun": ("overran", "overrun"), "sling": ("slung", "slung"), "lead": ("led", "led"),
    "withdraw": ("withdrew", "withdrawn"), "bring": ("brought", "brought"),
    "seek": ("sought", "sought"), "spread": ("spread", "spread"), "sit": ("sat", "sat"),
    "do": ("did", "done"), "find": ("found", "found"), "leave": ("left", "left"), "send": ("sent", "sent"),
    "tell": ("told", "told"), "say": ("said", "said"), "speak": ("spoke", "spoken"),
    "begin": ("began", "begun"), "rise": ("rose", "risen"), "go": ("went", "gone"),
    "lose": ("lost", "lost"), "hurt": ("hurt", "hurt"), "cut": ("cut", "cut"),
    "drive": ("drove", "driven"),
    "mow": ("mowed", "mown"),
}  # fmt: skip
_DOUBLED = {"stab", "kidnap", "rob", "ban", "grab", "trap", "mob", "club", "drop", "plan", "sit",
            "shut", "hit", "set", "step", "lob", "gun"}  # fmt: skip


@cache
def forms(base: str) -> frozenset[str]:
    """The inflected forms of a verb: kill -> kill, kills, killed, killing; shoot -> shoots,
    shot, shooting; stab -> stabbed, stabbing; bury -> buries, buried, burying."""
    past, participle = _IRREGULAR.get(base, (None, None))
    stem = base + base[-1] if base in _DOUBLED and base[-1] not in "aeiouwy" else base
    if base.endswith("ie"):
        ing, ed = base[:-2] + "ying", base + "d"
    elif base.endswith("e") and not base.endswith("ee"):
        ing, ed = base[:-1] + "ing", base + "d"
    elif base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        ing, ed = base + "ing", base[:-1] + "ied"
    else:
        ing, ed = stem + "ing", stem + "ed"
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        third = base[:-1] + "ies"
    else:
        third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    out = {base, third, ing, past or ed, participle or ed}
    if base[-1] == "l" and base[-2] in "aeiou" and base[-3] not in "aeiou":  # patrolled, patroled
        out |= {base + "ling", base + "led"}
    return frozenset(out)


def inflected(words: str) -> frozenset[str]:
    """Every form of each verb in `words` (space-separated base forms)."""
    return frozenset(f for w in words.split() for f in forms(w))


def plain(words: str) -> frozenset[str]:
    """The words of `words` as written (space-separated)."""
    return frozenset(words.split())


# --- predicates ------------------------------------------------------------------------------

# violence whose literal sense needs no more than a victim: only a patient of another sense (a
# bill, profits, an animal, a plan) makes it something else
STRONG_VIOLENCE_VERBS = inflected(
    "kill murder assassinate behead decapitate slaughter massacre stab lynch torture abduct "
    "kidnap rape wound injure maim ambush shell bomb detonate loot ransack torch behead "
    "strangle bludgeon gun lacerate mutilate abduct maul"
)
# violence whose words have common other senses: they need positive evidence (a person, an
# armed actor, a place or building as target; an armed actor or a weapon as agent)
WEAK_VIOLENCE_VERBS = inflected(
    "attack assault storm fire shoot beat clash fight battle explode destroy raid overrun "
    "burn damage besiege invade bombard execute vandalize vandalise occupy blow raze hack"
)
THROW_VERBS = inflected("throw hurl pelt lob")
# harm that the clause may tell without its doer ("were killed", "homes were damaged"): without
# an armed actor, a weapon or a person as agent its cause is what the rest of the text says
HARM_VERBS = inflected("kill wound injure damage destroy")
# what people do with a protest: "took part in a march", "joined the rally", "staged a sit-in",
# "observed a hartal", "enforced a shutdown"
JOIN_VERBS = inflected(
    "participate join take stage hold organise organize perform do lead attend call mount "
    "observe enforce"
)
# a stoppage is a protest only as people's act ("observed a shutdown"), never as a state
# ("the government shutdown"); a line of people is one only with a demand ("formed a human chain
# against ...")
STOPPAGE_NOUNS = plain("shutdown shutdowns")
FORMATION_NOUNS = plain("chain chains cordon")
FORMATION_VERBS = inflected("form make create hold join")
# a strike told as a state people go into: "went on strike", "remain on strike"
ON_STRIKE_VERBS = inflected("go be remain stay come continue")
# violent verbs whose other senses are the common ones: only a weapon or an armed actor as agent
# ("a missile struck a school", "militants targeted a convoy") makes them violent
AGENT_VIOLENCE_VERBS = inflected("hit strike target")
FIRE_VERBS = inflected("exchange open return trade")
FIRE_NOUNS = plain("exchange exchanges burst bursts hail volley volleys")
SAY_VERBS = inflected("say tell speak announce declare address")
PROTEST_VERBS = inflected(
    "protest demonstrate picket riot march rally block blockade barricade gather gherao"
)
DISASTER_VERBS = inflected(
    "flood inundate collapse crash derail capsize sink overturn collide erupt drown bury"
)
ARREST_VERBS = inflected("arrest detain apprehend")
STEAL_VERBS = inflected("steal rustle loot")
RELEASE_VERBS = inflected("release free exchange swap")  # prisoners, hostages
SEIZE_VERBS = inflected("seize capture confiscate recapture retake dismantle defuse")
# what armed forces build: news of a base or a position ("established a military post")
BUILD_VERBS = inflected("establish build erect construct fortify")
MILITARY_SITES = plain(
    "post posts outpost outposts base bases checkpoint checkpoints position positions camp "
    "camps trench trenches barracks headquarters fortification fortifications"
)
# a capture told as a verb and a predicative noun: "were taken hostage", "took eight villagers
# captive", "held them prisoner"
CAPTIVITY_VERBS = inflected("take hold keep")
CAPTIVE_NOUNS = plain("hostage hostages captive captives prisoner prisoners")
# a killing or an abduction told as a verb and a particle ("mowed down", "whisked away"): the
# verb alone has a harmless sense ("mowed the lawn", "whisked the eggs")
PHRASAL_VIOLENCE = {
    **dict.fromkeys(inflected("mow"), plain("down")),
    **dict.fromkeys(inflected("whisk spirit"), plain("away off")),
    **dict.fromkeys(inflected("carry"), plain("off")),
}
# who whisks a person away to safety, not into captivity: "whisked away by his bodyguards"
ESCORT_NOUNS = plain(
    "bodyguard bodyguards escort escorts aide aides handlers staff detail entourage "
    "organisers organizers stewards security"
)
# a movement that a fight did not contest is news of territory: "withdrew without a fight"
UNCONTESTED = plain("fight resistance shot shots battle struggle")
DEPLOY_VERBS = inflected("deploy")
MOVE_VERBS = inflected(
    "deploy arrive enter withdraw advance reposition redeploy station mobilize "
    "mobilise retreat move intercept patrol"
)
DIPLOMACY_VERBS = inflected("meet negotiate mediate broker sign")
CASUALTY_VERBS = inflected("die wound injure hurt perish")
DISPLACE_VERBS = inflected("displace flee evacuate")

# movements of armed forces: news when they happen ("conducted a patrol", "reinforcements
# arrived")
STRATEGIC_NOUNS = plain(
    "patrol patrols reinforcements deployment deployments exercises drills operation operations"
)
FORCE_KINDS = plain(
    "air police security defence defense naval military paramilitary special "
    "joint border national rapid"
)
# what people flee or die of, besides a violent act: read only beside people hurt or displaced
CONFLICT_NOUNS = plain("conflict conflicts war wars insurgency insecurity unrest hostilities")
# the crowd of a protest: a verb of theirs, told as done, is a protest ("protesters rejected")
PROTESTER_NOUNS = plain("protesters protestors demonstrators marchers rioters strikers")
# nouns that name an occurrence in their literal sense, given an argument that makes it one
VIOLENCE_NOUNS = plain(
    "attack attacks assault assaults ambush ambushes raid raids bombing bombings blast blasts "
    "explosion explosions shelling airstrike airstrikes strike strikes clash clashes fighting "
    "gunfight gunfights shootout shootouts shoot-out shoot-outs shooting shootings massacre "
    "massacres killing killings murder murders abduction abductions kidnapping kidnappings "
    "assassination assassinations offensive incursion incursions gunfire firefight firing "
    "skirmish skirmishes torture beheading beheadings lynching stabbing stabbings arson "
    "shootouts shots projectiles bursts brawl brawls scuffle scuffles fistfight melee "
    "looting bombardment violence"
)
PROTEST_NOUNS = plain(
    "protest protests demonstration demonstrations rally rallies march marches riot riots "
    "motorcade motorcades vigil vigils "
    "sit-in strike strikes walkout walkouts blockade blockades unrest dharna dharnas hartal "
    "hartals bandh bandhs gherao procession processions"
)
DISASTER_NOUNS = plain(
    "flood floods flooding earthquake earthquakes quake quakes tremor landslide landslides "
    "mudslide mudslides storm storms cyclone cyclones hurricane hurricanes typhoon typhoons "
    "tornado tornadoes fire fires blaze blazes wildfire wildfires collapse crash crashes "
    "accident accidents derailment capsizing sinking eruption outbreak epidemic avalanche "
    "tsunami downpour downpours rains cholera"
)
DIPLOMACY_NOUNS = plain(
    "talks summit negotiations ceasefire truce agreement accord treaty meeting mediation"
)
CASUALTY_NOUNS = plain(
    "injuries wounds wound fatalities deaths casualties bodies body corpse corpses toll idps "
    "displacement displacements evacuees evacuation evacuations relocation relocations "
    "remains head"
)
# nouns of a dead body: news when found, recovered or left ("the body of a man was found")
BODY_NOUNS = plain("body bodies corpse corpses remains head")
# what a body is, when it is news: found, recovered, dumped
BODY_VERBS = inflected("find discover recover dump pull exhume identify retrieve leave abandon")
# whom an arrest of conflict data concerns: armed men, protesters, activists, opponents
CONFLICT_PATIENTS = plain(
    "militants militant rebels rebel insurgents fighters gunmen members protesters protester "
    "demonstrators demonstrator activists activist opposition journalists journalist "
    "leaders commanders commander suspects jihadists bandits kidnappers terrorists "
    "separatists dissidents students rioters looters cadres soldiers officers"
)
# what makes talks a matter of security, not of trade or a transfer
SECURITY_WORDS = plain(
    "ceasefire truce peace war wars conflict security troops military sanctions nuclear "
    "border hostages prisoners refugees rebels militants army armed fighting violence "
    "peacekeeping peacekeepers withdrawal invasion occupation"
)
# words that make a death or a wound a violent one: "found dead with gunshot wounds"
VIOLENCE_MARKS = plain(
    "gunshot gunshots bullet bullets firearm firearms torture tortured stabbed beheaded "
    "machete knife knives gunmen assailants attackers murdered shot bomb blast explosion "
    "militants militia insurgents rebels executed strangled shooting shootings gunfire "
    "attack attacked stabbing fighting clashes shelling airstrike airstrikes violence "
    "artillery mortar mortars grenade grenades landmine landmines ied ieds explosive "
    "explosives ordnance unexploded rocket rockets missile missiles drone drones"
)
# words that make a death or a displacement a disaster's: "drowned", "swept away by floods"
HAZARD_MARKS = DISASTER_NOUNS | plain(
    "drowned floodwaters landfall crashed overturned collapsed capsized derailed burned "
    "electrocuted trapped rubble debris rainfall winds rain rains"
)

# verbs that say a noun's occurrence happened ("a blast hit", "floods left", "talks were held")
OCCUR_VERBS = inflected(
    "occur happen break erupt hit strike kill leave injure wound destroy damage displace "
    "claim cause trigger spark rock shake sweep continue begin start resume hold stage "
    "arrive reach enter cross bring send draw attract spread turn swell paralyse paralyze "
    "organise organize lead carry launch conduct witness report see mark take tear flatten "
    "raze engulf gut submerge bury cut isolate block affect intensify rage"
)

# --- what an argument is ----------------------------------------------------------------------

PERSON_NOUNS = plain(
    "people person persons man men woman women child children boy boys girl girls baby babies "
    "infant infants teenager teenagers youth youths adult adults resident residents civilian "
    "civilians villager villagers farmer farmers herder herders trader traders vendor vendors "
    "worshipper worshippers worshipers pilgrim pilgrims passenger passengers commuter commuters "
    "student students pupil pupils teacher teachers worker workers miner miners driver drivers "
    "doctor doctors nurse nurses patient patients journalist journalists reporter reporters "
    "official officials leader leaders chief chiefs elder elders priest priests imam imams "
    "pastor pastors monk monks nun nuns member members family families relative relatives "
    "refugee refugees migrant migrants prisoner prisoners inmate inmates detainee detainees "
    "hostage hostages victim victims survivor survivors casualty casualties body bodies "
    "soldier soldiers troop troops serviceman servicemen officer officers policeman policemen "
    "policewoman guard guards fighter fighters militant militants rebel rebels insurgent "
    "insurgents gunman gunmen attacker attackers assailant assailants bandit bandits "
    "jihadist jihadists militiaman militiamen kidnapper kidnappers protester protesters "
    "protestor protestors demonstrator demonstrators rioter rioters mob mobs crowd crowds "
    "supporter supporters activist activists dissident dissidents suspect suspects "
    "gangster gangsters mourners mourner bystander bystanders motorist motorists fisherman "
    "fishermen sailor sailors crew crewmen tourist tourists shopper shoppers customer "
    "customers locals neighbour neighbours neighbor neighbors guerrilla guerrillas "
    "paramilitary paramilitaries cadre cadres pedestrian pedestrians citizen citizens "
    "inhabitants wife husband son daughter mother father brother sister commander commanders "
    "rider riders councillor councilor councilors councillors mayor governor chairman "
    "employee employees staff personnel participants individuals teen teens youngster "
    "youngsters minor minors labourer labourers laborer laborers peasant peasants nomad "
    "nomads cleric clerics scholar scholars lawyer lawyers judge judges candidate "
    "politician politicians opponent opponents partisans cultist cultists smuggler "
    "smugglers trafficker traffickers robber robbers thief thieves poacher poachers "
    "herdsman herdsmen fulani hunters hunter volunteer volunteers medic medics rescuer "
    "rescuers firefighter firefighters gendarme gendarmes marine marines sergeant captain "
    "colonel general lieutenant major corporal private agent agents spy spies male female "
    "males females merchant merchants monitors monitor unionists youths"
)
ARMED_NOUNS = plain(
    "army military police forces troops soldiers militia militias rebels militants insurgents "
    "gunmen fighters jihadists gendarmes gendarmerie guerrillas bandits gangs gang marines "
    "navy paramilitaries security assailants attackers terrorists extremists separatists "
    "cartel cartels vigilantes commandos snipers sniper regime junta mercenaries "
    "reinforcements battalion battalions brigade brigades units contingent guard guards "
    "guardsmen fighters armed"
)
TARGET_NOUNS = plain(
    "village villages town towns city cities market markets school schools mosque mosques "
    "church churches temple temples hospital hospitals clinic camp camps checkpoint "
    "checkpoints base bases convoy convoys vehicle vehicles bus buses car cars truck trucks "
    "home homes house houses building buildings station stations office offices headquarters "
    "outpost outposts position positions compound compounds prison prisons barracks "
    "settlement settlements neighbourhood neighborhood district districts area areas region "
    "post posts patrol patrols hotel hotels restaurant restaurants bank banks farm farms "
    "shop shops shrine shrines port airport bridge bridges road roads highway train trains "
    "boat boats ship ships vessel vessels plane planes helicopter helicopters tank tanks "
    "residence palace parliament embassy consulate apartment apartments property properties "
    "hamlet hamlets community communities locality township depot depots hideout hideouts "
    "cafe cafes warehouse warehouses store stores van vans pickup pickups motorbike "
    "motorbikes motorcycle motorcycles"
)
WEAPON_NOUNS = plain(
    "bomb bombs device devices ied ieds mine mines landmine landmines grenade grenades missile "
    "missiles rocket rockets shell shells mortar mortars drone drones artillery gunfire bullet "
    "bullets explosive explosives airstrike airstrikes bomber bombers blast shrapnel sniper "
    "snipers warplane warplanes jet jets gunship gunships shots shot rounds gas cocktails "
    "stones rocks projectiles projectile weapons arms guns gun rifle rifles"
)
HAZARD_NOUNS = DISASTER_NOUNS | plain(
    "floodwater floodwaters water waters river rivers rain wind winds waves lightning smoke "
    "flames debris rubble roof roofs wall walls dam dams volcano bus buses train trains "
    "truck trucks boat boats ferry ferries vessel vessels plane planes aircraft car cars "
    "lorry lorries minibus building buildings bridge bridges mine tanker vehicle vehicles "
    "house houses home homes structure school tunnel helicopter ship ships coach"
)

# --- frames in which these words take another sense -------------------------------------------

SPORT_WORDS = plain(
    "match matches game games goal goals goalkeeper keeper striker midfielder defender coach "
    "season league cup final finals semi-final title champion champions championship "
    "tournament pitch stadium fans squad team teams club clubs derby draw kick-off "
    "touchdown quarterback innings wicket wickets batsman bowler knockout referee playoff "
    "playoffs victory defeat scored scoring scorer points olympics athlete athletes race "
    "racing lap podium medal tennis football soccer rugby cricket basketball baseball boxing "
    "boxer bout offense defense ball rebounds assists dunk pitcher nba nfl fifa uefa inning "
    "player players midfield penalty penalties half-time overtime goalie puck rink nhl mlb "
    "saves helmet helmets quarter court elbow punches victories competitions chances goalscorer "
    "fixture fixtures coaches teammates teammate striker's"
)
OTHER_SENSE = {
    "sport": SPORT_WORDS,
    "business": plain(
        "shares share stock stocks price prices sales profit profits revenue revenues market "
        "markets investors investor company companies firm firms brand brands deal deals "
        "takeover bid bids merger earnings dividend quarter inflation rates economy lenders "
        "startup start-up feature features product products phone phones app apps fares "
        "costs jobs retailer retailers supermarket supermarkets bourse index currency tariff "
        "tariffs exports imports graphics benchmark benchmarks"
    ),
    "debate": plain(
        "proposal proposals bill bills plan plans policy policies law laws budget motion "
        "critics criticism report reports record idea ideas reform reforms remarks claims "
        "decision decisions comments speech argument arguments rivals campaign legislation "
        "lawmakers senators chamber debate vote votes election elections loyalty reputation "
        "credibility chances hopes project opposition administration warrant warrants will "
        "order orders contract contracts strategy strategies move moves"
    ),
    "culture": plain(
        "film films movie movies novel novels book books documentary documentaries exhibition "
        "exhibitions museum museums memoir memoirs episode episodes album albums song songs "
        "painting paintings biopic thriller premiere premieres theatre theater screenplay "
        "actor actress sequel trailer gallery character characters player players enemy "
        "enemies level levels boss bosses quest"
    ),
    "nature": plain(
        "rabbit rabbits deer dog dogs cat cats cattle cow cows goat goats sheep livestock "
        "chicken chickens bird birds fish animal animals wildlife insects mosquitoes rats "
        "bacteria virus cells tumour tumor weeds trees galaxy galaxies star stars planet "
        "supernova supernovae asteroid comet stellar cosmic solar"
    ),
}
CULTURE_FRAME = OTHER_SENSE["culture"] - plain("player players enemy enemies level levels boss")
# modifiers that make an attack, a war or a strike something else
NOT_VIOLENT_COMPOUNDS = plain(
    "heart panic asthma anxiety cyber price trade tariff currency culture bidding talent "
    "format streaming console hunger labour labor general worker workers rail teachers "
    "doctors nurses tax words pillow food water snowball paintball republican democratic "
    "political verbal personal media campaign charm vaccine vaccines flu booster covid "
    "photo warning parting immune"
)
LABOUR_STRIKE = plain("labour labor general worker workers rail teachers doctors nurses hunger")
REMOTE_STRIKE = plain("air drone missile rocket artillery military israeli russian")

# verbs whose complement is not (yet) an occurrence: plans, threats, warnings, fears
INTENT_VERBS = (
    inflected(
        "plan threaten vow warn fear expect want aim seek try attempt hope intend prepare propose "
        "promise schedule plot urge call demand consider"
    )
    | plain("set")
    | plain("due likely about")
)
MODALS = plain("will would could may might should shall can must 'll wo ca")
CONDITION_MARKS = plain("if unless whether")
NOBODY = plain("nobody none")
# what the name of a war or of a massacre of the past is built on ("the Korean War", "the Battle
# of the Somme"): a name of an event without one ("in Tumaco" misread as an event) is no war
WAR_NAME_WORDS = plain(
    "war wars battle battles revolution uprising genocide holocaust intifada rebellion revolt "
    "crusade crusades insurgency conflict massacre siege offensive emergency troubles"
)
HISTORY_WORDS = plain(
    "anniversary anniversaries commemorate commemorates commemorated commemorating "
    "commemoration memorial remembrance historian historians centuries century decades"
)
# a death that is not an incident's: of age or illness, in a study
NATURAL_DEATH = plain(
    "peacefully illness cancer disease diseases aged natural causes hospice sleep participants "
    "study studies trial survived funeral obituary malaria tuberculosis measles infection "
    "infections"
)
# verbs whose object is what an effort would stop, not what happened ("failed to halt fighting",
# "aimed at ending the conflict")
STOP_VERBS = inflected("halt end stop prevent avert curb deter contain reduce")
# nouns whose complement is their content, not an occurrence ("agreements on exchanging
# prisoners", "a plan for deploying troops")
CONTENT_NOUNS = DIPLOMACY_NOUNS | plain(
    "agreements accords deal deals plan plans proposal proposals bill bills law laws "
    "deals framework roadmap offer offers pact pacts"
)
# a clause told in the present under these marks is not a report: "before the shooting starts",
# "until the fighting stops"
TIME_MARKS = plain("before until till once whenever")

# the sub-type a disaster word gives
DISASTER_SUB_TYPES = {
    **dict.fromkeys(("flood", "floods", "flooding", "floodwater", "floodwaters", "flooded",
                     "inundated", "downpour", "downpours", "rains"), "Flood"),
    **dict.fromkeys(("storm", "storms", "cyclone", "cyclones", "hurricane", "hurricanes",
                     "typhoon", "typhoons", "tornado", "tornadoes"), "Storm"),
    **dict.fromkeys(("earthquake", "earthquakes", "quake", "quakes", "tremor", "tsunami"),
                    "Earthquake"),
    **dict.fromkeys(("landslide", "landslides", "mudslide", "mudslides", "avalanche", "buried"),
                    "Landslide"),
    **dict.fromkeys(("fire", "fires", "blaze", "blazes", "wildfire", "wildfires"), "Fire"),
    **dict.fromkeys(("collapse", "collapsed", "collapses", "collapsing"), "Building collapse"),
    **dict.fromkeys(("crash", "crashes", "crashed", "accident", "accidents", "derailment",
                     "derailed", "capsizing", "capsized", "sinking", "sank", "sunk",
                     "overturned", "collided"), "Transport accident"),
    **dict.fromkeys(("outbreak", "epidemic", "cholera"), "Epidemic"),
}  # fmt: skip
GOVERNMENT_NOUNS = plain(
    "president minister ministers envoy envoys delegation delegations government governments "
    "officials leaders leader diplomats ambassador ambassadors representatives mediators "
    "secretary chancellor premier negotiators rebels militants forces"
)
NOT_DIPLOMACY = plain(
    "trade tariff tariffs lenders shareholders union unions wage wages pay contract contracts "
    "club clubs transfer player players coach manager"
)

# words that, many times over in one article, say what kind of page it is
GENRES = {
    "sport": SPORT_WORDS
    - plain(
        "court defense offense club clubs team teams match matches "
        "game games final finals race racing set sets draw round points "
        "victory defeat title quarter elbow punches chances"
    ),
    "culture": plain(
        "film movie novel novels book books author chapter chapters reader readers game games "
        "gameplay player players level levels quest boss character characters console "
        "playstation xbox nintendo adventure adventures episode series season review album "
        "director actor actress exhibition museum poet poem story stories fiction"
    ),
}

# the words a rule of `senses` reads by the word itself: any other verb is read only by who does
# it (protesters), any other noun not at all, so `kind_of` builds no arguments for them
READ_VERBS = (
    STRONG_VIOLENCE_VERBS | WEAK_VIOLENCE_VERBS | CASUALTY_VERBS | DISPLACE_VERBS
    | CAPTIVITY_VERBS | frozenset(PHRASAL_VIOLENCE) | HARM_VERBS | THROW_VERBS
    | AGENT_VIOLENCE_VERBS | DISASTER_VERBS | PROTEST_VERBS | DIPLOMACY_VERBS | STEAL_VERBS
    | RELEASE_VERBS | ARREST_VERBS | SEIZE_VERBS | BUILD_VERBS | MOVE_VERBS
    | forms("set") | forms("charge") | forms("take")
)  # fmt: skip
# "out(s)" and "in" are read as the last words of "shoot-outs" and "sit-in"
READ_NOUNS = (
    VIOLENCE_NOUNS | PROTEST_NOUNS | DISASTER_NOUNS | DIPLOMACY_NOUNS | CASUALTY_NOUNS
    | PROTESTER_NOUNS | STRATEGIC_NOUNS | STOPPAGE_NOUNS | FORMATION_NOUNS | {"outs", "out", "in"}
)  # fmt: skip
