"""The words that the entity rules read, each list written once, as data.

Every list is a tuple of regex fragments, one word or phrase each ("neighbou?rhood": an optional
letter; "gas\\s+field": words apart), written in lower case unless it says otherwise and matched
as written unless it says "any case". The patterns of `mentions`, `missed_places`,
`missed_names`, `grouping`, `vote` and `actors` are built from these lists, in their order: where
two words could match at one place, the first wins. A new word is one edit here: the word gates
that skip a search which cannot match are derived from the compiled patterns
(`pipeline.extract.prefilter`), none is kept by hand.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.vocabulary import ActorKind


def alternation(words: Iterable[str]) -> str:
    """`words` as one regex group, "(?:a|b|c)", in their order (`patterns.one_of` writes a long
    list grouped by first letter, for the engine's sake; the matches are the same)."""
    return f"(?:{'|'.join(words)})"


# --- people ----------------------------------------------------------------------------------

# words before a name that make it a person's ("President Trump", "Gen. Musa"); any case
TITLE_WORDS = (
    "president", "mr", "mrs", "ms", "dr", "prime minister", "minister", "gen", "general",
    "senator", "sen", "governor", "gov", "king", "queen", "prince", "pope", "sheikh",
    "chancellor", "secretary", "colonel", "col", "commander", "chief", "judge", "spokesman",
    "spokeswoman", "mayor", "ambassador", "envoy", "lt", "lieutenant", "captain", "capt", "sgt",
    "sergeant", "major", "maj", "rep", "representative", "premier", "leader", "emir", "ayatollah",
    "imam", "pastor", "bishop", "archbishop", "inspector", "commissioner", "superintendent",
    "officer", "detective", "deputy",
)  # fmt: skip

# --- places ----------------------------------------------------------------------------------

# words after a name that make it a place, and are cut from it: "Kandahar city", "Qadis district",
# "the Damboa - Maiduguri road" (capitalised, only CAPITALISED_UNITS are); any case as a cue
# before a name ("in the district of X")
PLACE_UNITS = (
    "village", "town", "city", "district", "sub-?district", "province", "region", "area",
    "settlement", "municipality", "county", "state", "states", "governorate", "subdivision",
    "section", "neighbou?rhood", "camp", "locality", "sub-county", "commune", "department", "lga",
    "suburb", "countryside", "outskirts", "island", "valley", "border", "highway", "road",
    "township", "upazila", "tehsil", "sector", "frontline", "front", "checkpoint", "junction",
    "mountain", "desert", "forest", "market", "square", "vicinity", "environs", "villages",
    "towns", "districts", "provinces", "areas", "regions", "cities", "municipalities",
    "neighbou?rhoods", "community", "mountains", "hills", r"gas\s+field", r"oil\s+field",
)  # fmt: skip
# the units below a first-level one: a name before them may end in its province's name ("Chaki
# Wardak district"); any case
LOCAL_UNITS = (
    "village", "town", "city", "district", "sub-?district", "municipality", "county", "tehsil",
    "upazila", "township", "locality", "commune", "lga", "territory", "woreda", "chiefdom",
)  # fmt: skip
# more unit words, read only between a place and the place that contains it ("Masisi territory
# of North Kivu"): as a cue before or after a name they would make places of other things
CONTAINER_UNITS = (
    "territory", "chiefdom", "woreda", "oblast", "raion", "rayon", "kebele", "zone", "ward",
    r"local\s+government\s+area", "groupement", "sub-?county", "barangay",
)  # fmt: skip
# units that stay unit words when capitalised ("Balkh Province"; "Mexico City" keeps "City");
# written as they are capitalised
CAPITALISED_UNITS = (
    "Province", "District", "Sub-?district", "Governorate", "Township", "Upazila", "Tehsil",
    "Village", "Municipality", "Division", "Commune", "LGA", "Area", "Locality", "Sector",
    "Neighbou?rhood",
)  # fmt: skip
# the capitalised unit word that may end a region's name as news writes it: "Borno State",
# "Idlib Province"
REGION_NAME_ENDINGS = (
    "State", "Province", "Region", "Governorate", "Oblast", "Department", "Division", "County",
)  # fmt: skip
# units written before "of" and a name: "the village of Turaybikh", "the countryside of Ein Issa";
# any case
UNITS_BEFORE_OF = (
    "village", "town", "city", "district", "sub-?district", "province", "region", "area",
    "municipality", "county", "governorate", "neighbou?rhood", "locality", "outskirts",
    "countryside", "vicinity", "suburb", "commune",
)  # fmt: skip
# units written capitalised before "of" and a name that the model takes into the name:
# "Municipality of Sain Alto" is Sain Alto (not "State of", "Department of": names of their own)
UNIT_HEADS_OF = ("Municipality", "District", "Province", "City", "Town", "Village", "Region")
# units written before a name, as they are capitalised: "Barangay Lawa". The first ones find a
# place the model missed; all are cut from a name the model found.
UNIT_HEADS_THAT_FIND = ("Barangay", r"Brgy\.?", "Tambon")
UNIT_HEADS = (*UNIT_HEADS_THAT_FIND, "Kampung", "Desa", "Kelurahan")
# words after "X-Y" that make it a road between two places: "the Tripoli-Beirut highway"
ROAD_WORDS = ("road", "highway", "motorway", "axis", "route")

SIDES = (
    "north", "south", "east", "west", "north-?east", "north-?west", "south-?east", "south-?west",
)  # fmt: skip
SIDE = alternation(SIDES)  # one fragment for any side ("northern" is SIDE + "ern")
# words before a name that make it a place (three votes: "in X", "near X", "north of X"; a unit
# with "of" counts too: "district of X"); any case
PLACE_BEFORE = (
    "in", "at", "near", "outside", "around", "towards", r"close\s+to", r"capital\s+of",
    rf"{SIDE}(?:ern)?\s+of",
)  # fmt: skip
# words between those and the name: "in rural Damascus", "in northern Gaza"; any case
PLACE_NARROWERS = ("rural", rf"{SIDE}(?:ern)?", "central", "greater")
# words before a name that make it a place when a place cue follows it too ("from X, Y"); any case
PLACE_BEFORE_WEAK = ("from", "to", "of", "between", "and", "across", "into")
# what is done to a place, or who live there: "shelled X", "residents of X" (two votes); any case
PLACE_VERBS = (
    "shelled", "shelling", "bombed", "bombarded", "bombing", "raided", "stormed", "overran",
    "besieged", "struck", "hit", "targeted", "attacked", "captured", "recaptured", "seized",
    "entered", "liberated", r"residents\s+of", r"people\s+of", r"outskirts\s+of",
    r"countryside\s+of",
)  # fmt: skip
# words before a name that ends a clause, that make it a place: "in Boa Vista, Roraima"
CLAUSE_PLACE_BEFORE = ("in", "at", "near")
# words before a name that is followed by the place it is in ("of Gwoza in Borno", "near X, Y");
# any case
CONTAINED_PLACE_BEFORE = (
    "in", "at", "near", "of", "from", "outside", "around", "into", "across", "towards", "to",
)  # fmt: skip
# words after a name in a list of places that end the name: "Bulan, Sorsogon on Monday"
PLACE_LIST_ENDERS = ("on", "in", "at", "near")

# Arabic articles that begin a place name ("al-Hasakeh"), and the same capitalised ("At Tuhayta")
ARTICLES = ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az")
CAPITALISED_ARTICLES = tuple(article.capitalize() for article in ARTICLES)
# words that join the words of a place name: "Ain al Arab", "Santa Cruz de la Sierra"
PLACE_NAME_LINKS = (
    "al", "el", "ar", "ash", "az", "ad", "ul", "de", "del", r"de\s+la", "da", "do", "dos", "das",
    "di", "wa",
)  # fmt: skip
# capitalised words that begin a sentence or a heading, not a place name ("On Monday", "Police")
COMMON_CAPITALISED = (
    "On", "In", "At", "The", "A", "An", "This", "That", "It", "He", "She", "They", "We", "I",
    "But", "And", "Or", "As", "After", "Before", "During", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "No", "None",
    "Other", "Some", "Several", "Police", "Army", "Military", "Government", "President",
    "Minister", "Reports?", "Sources?",
)  # fmt: skip

# --- organisations and events ----------------------------------------------------------------

# words that join the capitalised words of a name that a document spells out before its
# abbreviation: "the Allied Democratic Forces (ADF)", "Islamic State in the Greater Sahara (ISGS)"
DEFINED_NAME_LINKS = ("of", "the", "for", "and", "de", "al", "in")
# a name that ends so is an event, not an organisation or place ("the Gulf War"); any case
EVENT_WORDS = (
    "war", "battle", "summit", "conference", "olympics", "cup", "revolution", "crisis",
    "uprising", "offensive", "games", "massacre", "genocide", "accord", "accords", "agreement",
    "treaty", "election", "elections",
)  # fmt: skip
# capitalised words that make a name an organisation's, never a place's, wherever they stand after
# its first word: "United Nations", "Norwegian Refugee Council", "Polisario Front"
ORGANISATION_WORDS = (
    "Nations", "Council", "Committee", "Organi[sz]ation", "Party", "Movement", "Agency", "Fund",
    "Programme", "Program", "Commission", "Alliance", "Coalition", "Front", "Forces", "Brigades?",
    "Militia", "Group", "Mission", "Ministry", "Institute", "Federation", "Association",
    "League", "Corporation", "Company", "Network", "Foundation", "Society", "Cross", "Crescent",
)  # fmt: skip
# the first word of an organisation's name that goes on with "of": "University of X", "Ministry of
# Y" (not "Bank": "Bank of" is rare, "West Bank" a place)
ORGANISATION_HEADS_OF = (
    "University", "Ministry", "Journal", "Institute", "Department", "Office", "Council",
    "Committee", "Commission", "Court", "Academy", "College", "School", "Union", "Church",
)  # fmt: skip
# words before a name that make it a group's, when it is no known place: "linked to al-Qaeda",
# "an affiliate of X", "loyal to X"; any case
GROUP_NAME_BEFORE = (
    r"linked\s+to", r"affiliated\s+(?:to|with)", r"affiliates?\s+of", r"loyal\s+to",
    r"allied\s+(?:to|with)", r"offshoots?\s+of", r"factions?\s+of", r"splinter\s+of",
    r"allegiance\s+to", r"members?\s+of", r"fighters\s+of", r"militants\s+of",
)  # fmt: skip
# endings that make a capitalised word an adjective, not a name: "Soviet-era", "Houthi-led",
# "Russia-backed", "Kenya-based"; any case
COMPOUND_ADJECTIVE_ENDINGS = (
    "era", "style", "led", "backed", "based", "linked", "made", "built", "born", "allied",
    "aligned", "controlled", "held", "run", "funded", "owned", "brokered", "bound", "wide",
    "type", "class", "affiliated", "supported", "dominated", "occupied",
)  # fmt: skip
# the last word of an institution's name that begins with its town's: "Dhing Police Station",
# "Kano Teaching Hospital", "Aydin Governorship"; the event is in the town
INSTITUTION_WORDS = (
    "Station", "Governorship", "Hospital", "Clinic", "College", "University", "School",
    "Prison", "Jail", "Airport", "Airbase", "Barracks", "Stadium", "Mosque", "Church",
    "Cathedral", "Court", "Hall", "Headquarters", "Market",
)  # fmt: skip
# capitals that are not organisations: weapons, vehicles, units, times, titles, numerals
NOT_ORG_ACRONYMS = frozenset(
    [
        "IED", "IEDS", "VBIED", "RPG", "RPGS", "AK", "UAV", "UAVS", "SUV", "SUVS", "GPS", "LGA",
        "LGAS", "TV", "PM", "AM", "GMT", "UTC", "CET", "EST", "PST", "EDT", "BST", "COVID", "CEO",
        "ID", "OK", "HIV", "AIDS", "ICU", "MP", "MPS", "DNA", "KM", "MM", "CM", "KG", "AD", "BC",
        "BCE", "CE", "SMS", "PDF", "FAQ", "USD", "EUR", "GBP", "II", "III", "IV", "VI", "VII",
        "VIII", "IX", "XI", "XII", "XX", "RIP", "ATM", "PhD", "LPG", "VIP", "CCTV",
    ]
)  # fmt: skip

# --- generic actors (see actors) -------------------------------------------------------------

# the head nouns of each kind of group, singular or plural; any case (but lower case where they
# are cut from a name the model ran on: "Al Shabaab militants"). A noun is of the first kind that
# lists it.
GROUP_NOUNS_BY_KIND = {
    ActorKind.STATE_FORCES: (
        "soldiers?", "troops", "servicem[ae]n", "army", "military",
        r"police(?:m[ae]n|\s+officers?|\s+forces)?", r"security\s+(?:forces|personnel|officers?)",
        "gendarmes?", "gendarmerie", "marines", "navy", r"border\s+guards?", r"national\s+guard",
        r"armed\s+forces", "forces", r"regime\s+forces", r"government\s+forces",
        r"military\s+forces", "officers?",
    ),
    ActorKind.ARMED_GROUP: (
        "militants?", "rebels?", "insurgents?", "fighters?", "militias?", "militiam[ae]n",
        "jihadists?", "extremists?", "terrorists?", "guerrillas?", "separatists?", "gunm[ae]n",
        "assailants?", "attackers?", "bandits?", "kidnappers?", "abductors?", "pirates?",
        "vigilantes?", r"gang\s+members?", "gangs?", "hitm[ae]n", r"cartel\s+members?",
        "raiders?", "herders?",
    ),
    ActorKind.PROTESTERS: (
        "protesters?", "protestors?", "demonstrators?", "marchers?", "strikers?",
    ),
    ActorKind.RIOTERS: ("rioters?", "mobs?"),
    ActorKind.CIVILIANS: ("civilians?", "residents?", "villagers?"),
}  # fmt: skip
# nouns that name an actor on their own; "forces", "officers" need a word saying whose; any case
STANDALONE_NOUNS = (
    "soldiers?", "troops", r"police(?:m[ae]n|\s+officers?|\s+forces)?", r"security\s+\w+",
    "gendarmes?", "gendarmerie", r"armed\s+forces", r"regime\s+forces", r"government\s+forces",
    r"military\s+forces", "army", "military", "militants?", "rebels?", "insurgents?", "fighters",
    "militias?", "militiam[ae]n", "jihadists?", "extremists?", "terrorists?", "guerrillas?",
    "separatists?", "gunm[ae]n", "assailants?", "attackers?", "bandits?", "kidnappers?",
    "abductors?", "pirates?", "vigilantes?", r"gang\s+members?", "hitm[ae]n", "protesters?",
    "protestors?", "demonstrators?", "rioters?", "mobs?", "civilians?", "villagers?",
)  # fmt: skip
# state nouns that say nothing alone ("forces"), and those that after a name that is no country
# are that group's fighters ("Houthi forces", "SDF troops"); as written in the text, lower case
WHOSE_NOUNS = ("forces", "officers")
FIGHTER_NOUNS = ("forces", "officers", "fighters", "troops")
# words before a group noun that make the group unidentified ("unknown gunmen")
UNIDENTIFIED_WORDS = ("unidentified", "unknown", "armed", "masked")
# words before a group noun that hedge it, dropped from its name ("suspected militants")
HEDGE_WORDS = ("suspected", "alleged", "presumed")
# every word that may come before a group noun and its named part
GROUP_QUALIFIERS = (*UNIDENTIFIED_WORDS, r"heavily\s+armed", *HEDGE_WORDS)
# words before a group noun that make it a state's ("government forces", "local police")
STATE_WORDS = (
    "government", "govt", "regime", "security", "federal", "state", "national", "military", "army",
    "police", "local", "gendarmerie", "customs", "guard",
)  # fmt: skip
# words that join the capitalised words of a group's name: "Ahl al-Sunna wa al-Jamaa fighters"
GROUP_NAME_LINKS = ("al", "el", "de", "del", "of", "the", "wa", "bin", "ibn", "for", "and")
# words before a group noun that are no part of its name ("Two police officers", "The militants");
# any case
NOT_GROUP_NAME = (
    "the", "a", "an", "of", "and", "for", "this", "that", "these", "those", "his", "her", "their",
    "its", "our", "some", "many", "several", "all", "both", "other", "another", "more", "most",
    "few", "dozens", "scores", "hundreds", "thousands", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
    "fifty", r"\d[\d,.]*",
)  # fmt: skip
# plurals that are not the singular and "s"
PLURALS = {"man": "men", "gunman": "gunmen", "militiaman": "militiamen", "policeman": "policemen"}
