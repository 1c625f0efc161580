"""The word lists of the type probes: actors of each ACLED kind (several continents, invented
names among them, cue words in the names), the means, the places and the frames. Written for
this suite; no evaluation text."""

from __future__ import annotations

PUBLISHED = "2026-03-04"

# how a report begins: an ACLED-style note, or a news sentence
OPENINGS = ["On 2 March 2026,", "On Monday,", "Early on Tuesday,", "On 1 March 2026,"]

PLACES = [
    "in Gwoza (Borno)", "near Djibo", "in Mandera county", "in Beni territory",
    "in Quetta", "in the village of Kolo near Kaya", "in Tumaco (Narino)", "in Sylhet district",
    "in Medinipur district", "in Cotabato province", "in Jowhar", "in Kirkuk",
    "in the Dhading area", "in Tillaberi region", "near Ituri's Djugu", "in Tegucigalpa",
]  # fmt: skip

# state forces (national and external), as a phrase that can act
STATE = [
    "police", "soldiers", "army troops", "security forces", "gendarmes",
    "paramilitary troopers", "border guards", "police commandos", "the military",
    "government forces", "Kenyan troops", "French soldiers",
]  # fmt: skip
# the same as a victim: one of them
STATE_ONE = ["a soldier", "a policeman", "two police officers", "a gendarme", "three soldiers"]

# rebel groups: known ones of several continents and invented names (with their cue words:
# "Front", "Army", "Brigade"), with and without a noun that says they are armed
REBELS = [
    "Al-Shabaab militants", "Boko Haram fighters", "ADF rebels", "NPA guerrillas",
    "Maoist insurgents", "Taliban fighters", "ELN guerrillas", "ISWAP fighters",
    "fighters of the Kalanga Liberation Front", "Tesso People's Army rebels",
    "militants of the Red Dawn Brigade", "jihadists", "suspected JNIM militants",
    "the Ogaden Salvation Army", "insurgents", "members of the Sabon Gari Resistance Front",
]  # fmt: skip
# rebel groups by name alone, as the "of" complement of a victim ("members of ...")
NAMED_REBELS = [
    "the Sabon Gari Resistance Front", "the Tesso People's Army", "the Red Dawn Brigade",
    "the Ogaden Salvation Army", "Al-Shabaab", "Boko Haram", "the ADF", "the NPA",
]  # fmt: skip
# a news sentence's day, after the event
DAYS = ["on Monday", "on Sunday night", "early on Tuesday", "late on Saturday"]

# identity militias: communal, ethnic, clan, tribal, self-defence groups
IDENTITY = [
    "Mbare clan militiamen", "armed herders", "communal militiamen from Okoro",
    "Dozo hunters", "a Koglweogo self-defence group", "Kiru community militia",
    "ethnic Tanda militiamen", "armed men of the Ayoka clan", "tribal fighters",
    "a local vigilante group",
]  # fmt: skip
# an armed group no one names
UNIDENTIFIED = ["gunmen", "unidentified gunmen", "armed men", "unknown assailants"]

# political parties (invented, with the cue words of party names)
PARTIES = [
    ("National Unity Party", "NUP"), ("People's Progressive Party", "PPP"),
    ("Jana Sakti Party", "JSP"), ("Democratic Congress", "DC"), ("Green Dawn Party", "GDP"),
    ("United Workers' League", "UWL"),
]  # fmt: skip
# a party's people, as a group that acts: "{party}" is the party's name or its short form
PARTY_GROUPS = [
    "supporters of the {party}", "{party} workers", "{party} activists",
    "members of the {party}", "{party} cadres", "a group of {party} supporters",
]  # fmt: skip
PARTY_ONE = ["a {party} activist", "a local {party} leader", "a {party} worker"]

# an unorganised crowd
MOBS = [
    "a mob", "an angry mob", "villagers", "residents", "a crowd of locals", "a group of youths",
    "angry relatives of the deceased", "a group of villagers", "local residents",
]  # fmt: skip

# unarmed victims
CIVILIANS = [
    "a farmer", "two traders", "a schoolteacher", "three villagers", "worshippers at a church",
    "a local journalist", "a shopkeeper", "two women", "a village headman", "a herder",
    "a motorcycle taxi driver", "a health worker",
]  # fmt: skip

# unarmed victims, many of them (for a plural verb)
CIVILIANS_MANY = [
    "two farmers", "three traders", "four villagers", "two schoolteachers", "five herders",
    "three women", "two brothers", "six passengers",
]  # fmt: skip

# who demonstrates
DEMONSTRATORS = [
    "students", "traders", "teachers", "farmers", "nurses", "residents", "lawyers",
    "workers of a textile factory", "opposition supporters", "members of a women's group",
    "truck drivers", "university staff",
]  # fmt: skip
GRIEVANCES = [
    "against fuel price increases", "over unpaid salaries", "demanding better roads",
    "against the arrest of a local leader", "over power cuts", "against a land acquisition",
    "demanding the release of detained colleagues", "over the killing of a trader",
]  # fmt: skip
# a demonstration, as a predicate of its demonstrators
PEACEFUL_ACTS = [
    "staged a sit-in", "held a rally", "marched to the governor's office",
    "staged a dharna", "formed a human chain", "took out a procession",
    "went on strike", "held a demonstration", "staged a protest",
    "burned an effigy of the minister", "blocked the highway for three hours",
    "observed a shutdown", "held a candlelight vigil", "gheraoed the district office",
]  # fmt: skip
# a demonstration's own violence
CROWD_VIOLENCE = [
    "pelted the police with stones", "torched two buses", "vandalised the district office",
    "set fire to a police vehicle", "clashed with the police", "ransacked a government office",
    "smashed the windows of shops", "attacked a police post",
]  # fmt: skip
# what the police do to a demonstration
INTERVENTIONS = [
    "Police dispersed them with tear gas", "Police arrested 14 of them",
    "Police fired rubber bullets to disperse the crowd", "Police baton-charged the crowd",
]  # fmt: skip
