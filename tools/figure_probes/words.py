"""The open word lists of the figure probes, written for this suite: victim phrases with their
one/many forms, casualty predicates in each of their forms, agents, places, days, sources, names,
and counts as digits, words, ranges, approximations and vague quantities. Nothing here is taken
from an evaluation text."""

from __future__ import annotations

import random
from dataclasses import dataclass

PUBLISHED = "2026-03-04"  # a Wednesday: "on Monday" is two days before

# --- who is harmed: each phrase with its one/many forms, "policeman/policemen" ----------------

# armed for a state: the targets of insurgents, bandits and mobs
SECURITY = [
    "soldier/soldiers",
    "Nigerian soldier/soldiers",
    "Malian soldier/soldiers",
    "Kenyan policeman/policemen escorting a bus",
    "police officer/officers",
    "Pakistani paramilitary soldier/soldiers",
    "member/members of the security forces",
    "member/members of a vigilante group",
    "member/members of the Civilian Joint Task Force",
    "pro-government militiaman/militiamen",
    "border guard/guards",
    "customs officer/officers",
    "prison guard/guards",
    "Afghan police officer/officers manning a checkpoint",
    "Somali soldier/soldiers on patrol",
    "gendarme/gendarmes",
    "volunteer/volunteers for the defence of the homeland",
    "army recruit/recruits",
    "off-duty soldier/soldiers",
    "Ukrainian serviceman/servicemen",
    "Congolese soldier/soldiers",
    "Colombian police officer/officers",
    "forest ranger/rangers",
    "security guard/guards at a mining site",
    "traffic policeman/policemen",
    "member/members of a local defence militia",
    "police reservist/reservists",
    "UN peacekeeper/peacekeepers",
    "Indian paramilitary trooper/troopers",
    "Filipino soldier/soldiers",
    "Cameroonian gendarme/gendarmes",
    "Nigerien soldier/soldiers",
    "Chadian soldier/soldiers",
    "Iraqi soldier/soldiers",
    "Syrian government soldier/soldiers",
    "Yemeni soldier/soldiers",
    "member/members of a community watch group",
    "federal police officer/officers",
    "village guard/guards",
    "policeman/policemen guarding a bank",
]
# armed against a state, or criminals: the targets of troops, police and mobs
NONSTATE = [
    "militant/militants",
    "suspected militant/militants",
    "Islamist fighter/fighters",
    "rebel fighter/fighters",
    "insurgent/insurgents",
    "suspected jihadist/jihadists",
    "al-Shabaab fighter/fighters",
    "Houthi fighter/fighters",
    "Kurdish fighter/fighters",
    "militiaman/militiamen",
    "cattle thief/thieves",
    "suspected bandit/bandits",
    "alleged kidnapper/kidnappers",
    "armed robber/robbers",
    "suspected drug trafficker/traffickers",
    "gang member/members",
    "suspected cattle rustler/rustlers",
    "member/members of a criminal gang",
    "suspected car thief/thieves",
    "smuggler/smugglers",
    "fighter/fighters of a rival faction",
    "member/members of an armed group",
]
# civilians who live where it happened: they can also flee it
RESIDENTS = [
    "civilian/civilians",
    "villager/villagers",
    "farmer/farmers",
    "herder/herders",
    "Fulani herder/herders",
    "resident/residents",
    "local resident/residents",
    "resident/residents of a border village",
    "woman/women",
    "child/children",
    "Yazidi villager/villagers",
    "Christian villager/villagers",
    "Palestinian civilian/civilians",
    "Lebanese civilian/civilians",
    "inhabitant/inhabitants of the town",
    "fisherman/fishermen",
]
CIVILIANS = [
    *RESIDENTS,
    "trader/traders",
    "market woman/women",
    "trader/traders at a cattle market",
    "passenger/passengers",
    "bus passenger/passengers",
    "passenger/passengers on a minibus",
    "commuter/commuters",
    "motorist/motorists",
    "truck driver/drivers",
    "commercial motorcyclist/motorcyclists",
    "worshipper/worshippers",
    "worshipper/worshippers at a mosque",
    "worshipper/worshippers attending Sunday mass",
    "pilgrim/pilgrims",
    "student/students",
    "university student/students",
    "pupil/pupils of a secondary school",
    "schoolgirl/schoolgirls",
    "teacher/teachers",
    "health worker/workers",
    "health worker/workers vaccinating children against polio",
    "aid worker/workers",
    "Sudanese aid worker/workers",
    "volunteer/volunteers of the Red Cross",
    "doctor/doctors",
    "nurse/nurses",
    "journalist/journalists",
    "local journalist/journalists",
    "election official/officials",
    "polling officer/officers",
    "member/members of a peace committee",
    "activist/activists of the ruling party",
    "opposition activist/activists",
    "supporter/supporters of the opposition",
    "member/members of the ruling party",
    "local councillor/councillors",
    "village chief/chiefs",
    "traditional ruler/rulers",
    "community leader/leaders",
    "tribal elder/elders",
    "religious leader/leaders",
    "Muslim cleric/clerics",
    "Catholic priest/priests",
    "miner/miners",
    "gold miner/miners",
    "artisanal miner/miners",
    "worker/workers of a mining company",
    "employee/employees of a telecom company",
    "construction worker/workers",
    "road construction worker/workers",
    "Chinese construction worker/workers",
    "Pakistani labourer/labourers",
    "migrant worker/workers",
    "farm labourer/labourers",
    "woodcutter/woodcutters",
    "hunter/hunters",
    "shepherd/shepherds",
    "herdsman/herdsmen",
    "refugee/refugees",
    "Rohingya refugee/refugees",
    "Syrian refugee/refugees",
    "migrant/migrants",
    "asylum seeker/seekers",
    "member/members of the same family",
    "wedding guest/guests",
    "mourner/mourners at a funeral",
    "football fan/fans",
    "customer/customers at a bar",
    "shopkeeper/shopkeepers",
    "street vendor/vendors",
    "taxi driver/drivers",
    "bus driver/drivers",
    "tanker driver/drivers",
    "teenage boy/boys",
    "elderly man/men",
    "young man/men",
    "tourist/tourists",
    "foreign tourist/tourists",
    "Indian national/nationals",
    "Chinese national/nationals",
    "Turkish engineer/engineers",
    "engineer/engineers working on a dam",
    "protester/protesters",
    "anti-government protester/protesters",
    "demonstrator/demonstrators",
    "student protester/protesters",
    "striking worker/workers",
    "prison inmate/inmates",
    "detainee/detainees",
    "displaced person/people living in a camp",
    "Hazara coal miner/miners",
    "Baloch labourer/labourers",
    "staff member/members of an aid agency",
    "UN staff member/members",
    "local government official/officials",
    "tax collector/collectors",
    "night watchman/watchmen",
    "bank customer/customers",
    "member/members of a women's cooperative",
    "hospital patient/patients",
]


@dataclass(frozen=True)
class Victims:
    """A victim phrase: `one` for one person, `many` for a group ("Kenyan policemen ...")."""

    one: str
    many: str

    @staticmethod
    def parse(spec: str) -> Victims:
        words = spec.split(" ")
        head = next(i for i, w in enumerate(words) if "/" in w)
        one, many = words[head].split("/")
        return Victims(
            " ".join([*words[:head], one, *words[head + 1 :]]),
            " ".join([*words[:head], many, *words[head + 1 :]]),
        )

    @property
    def a(self) -> str:
        """One of them with its article: "a Kenyan policeman ...", "an Iraqi soldier"."""
        return f"{article(self.one)} {self.one}"


def article(word: str) -> str:
    w = word.lower()
    vowel = w[0] in "aeio" or w.startswith(("una", "unid", "und", "unem", "unl"))
    return "an" if vowel else "a"


def _victims(specs: list[str]) -> list[Victims]:
    return [Victims.parse(s) for s in dict.fromkeys(specs)]


V_SECURITY, V_NONSTATE, V_RESIDENTS = _victims(SECURITY), _victims(NONSTATE), _victims(RESIDENTS)
V_CIVILIANS = _victims(CIVILIANS)
V_ALL = _victims(SECURITY + NONSTATE + CIVILIANS)

# --- what happened to them: the casualty predicates -------------------------------------------


@dataclass(frozen=True)
class Predicate:
    """A casualty predicate in each of its forms; None where the form is not English news.
    `many` follows a plural subject, `one` a singular one; `active` and `gerund` hold the
    victims in {v}."""

    category: str
    many: str | None
    one: str | None = None
    active: str | None = None
    gerund: str | None = None
    displacing: bool = False  # takes only residents as victims

    @property
    def generic(self) -> bool:
        """Says what happened, not how: fits a blast as well as gunfire."""
        return self.key in GENERIC

    @property
    def key(self) -> str:
        return self.many or self.active or self.gerund or "?"


P = Predicate
PREDICATES = [
    # killed
    P("killed", "were killed", "was killed", "killed {v}", "killing {v}"),
    P("killed", "were shot dead", "was shot dead", "shot dead {v}", "shooting dead {v}"),
    P("killed", "were gunned down", "was gunned down", "gunned down {v}", "gunning down {v}"),
    P("killed", "were murdered", "was murdered", "murdered {v}"),
    P("killed", "were massacred", None, "massacred {v}", "massacring {v}"),
    P("killed", "were executed", "was executed", "executed {v}", "executing {v}"),
    P("killed", "were beheaded", "was beheaded", "beheaded {v}", "beheading {v}"),
    P("killed", "were hacked to death", "was hacked to death", "hacked {v} to death"),
    P("killed", "were burned to death", "was burned to death", "burned {v} to death"),
    P("killed", "were stabbed to death", "was stabbed to death", "stabbed {v} to death"),
    P("killed", "were beaten to death", "was beaten to death", "beat {v} to death"),
    P("killed", "were lynched", "was lynched", "lynched {v}"),
    P("killed", "were slain", "was slain"),
    P("killed", "were shot and killed", "was shot and killed", "shot and killed {v}"),
    P("killed", "were fatally shot", "was fatally shot", "fatally shot {v}"),
    P("killed", "were burnt alive", "was burnt alive", "burnt {v} alive"),
    P("killed", "were mowed down", None, "mowed down {v}"),
    P("killed", "were killed in action", "was killed in action"),
    P("killed", "were found dead", "was found dead"),
    P("killed", "were confirmed dead", "was confirmed dead"),
    P("killed", "died", "died"),
    P("killed", "lost their lives"),
    P("killed", "succumbed to their injuries"),
    P("killed", "perished", "perished"),
    P("killed", "were shot in the head and died", "was shot in the head and died"),
    P("killed", None, None, "shot {v} dead"),
    P("killed", None, None, "left {v} dead", "leaving {v} dead"),
    P("killed", None, None, "claimed the lives of {v}", "claiming the lives of {v}"),
    # injured
    P("injured", "were wounded", "was wounded", "wounded {v}", "wounding {v}"),
    P("injured", "were injured", "was injured", "injured {v}", "injuring {v}"),
    P("injured", "were seriously injured", "was seriously injured", "seriously injured {v}"),
    P("injured", "were critically wounded", "was critically wounded"),
    P("injured", "were hurt", "was hurt"),
    P("injured", "sustained injuries", "sustained injuries"),
    P("injured", "sustained gunshot wounds", "sustained gunshot wounds"),
    P("injured", "were hospitalised with gunshot wounds", "was hospitalised with gunshot wounds"),
    P("injured", "were shot and wounded", "was shot and wounded", "shot and wounded {v}"),
    P("injured", "suffered serious burns", "suffered serious burns"),
    P("injured", "were maimed", "was maimed", "maimed {v}"),
    P("injured", None, None, "left {v} injured", "leaving {v} injured"),
    # abducted
    P("captured", "were abducted", "was abducted", "abducted {v}", "abducting {v}"),
    P("captured", "were kidnapped", "was kidnapped", "kidnapped {v}", "kidnapping {v}"),
    P("captured", "were taken hostage", "was taken hostage", "took {v} hostage"),
    P("captured", "were whisked away", "was whisked away"),
    P("captured", "were taken captive", "was taken captive", "took {v} captive"),
    P("captured", None, None, "carried off {v}"),
    # displaced
    P("displaced", "were displaced", None, "displaced {v}", "displacing {v}", displacing=True),
    P("displaced", "fled their homes", None, None, None, displacing=True),
    P("displaced", "were forced to flee", None, "forced {v} to flee", "forcing {v} to flee", True),
    P("displaced", "were uprooted", None, "uprooted {v}", None, displacing=True),
    P("displaced", "sought refuge in neighbouring villages", displacing=True),
    P("displaced", "abandoned their homes", displacing=True),
    P("displaced", "were driven from their homes", None, "drove {v} from their homes", None, True),
    P("displaced", "fled to the bush", displacing=True),
    P("displaced", None, None, "forced {v} from their homes", "forcing {v} from their homes", True),
    # missing
    P("missing", "went missing", "went missing"),
    P("missing", "are still missing", "is still missing"),
    P("missing", "were reported missing", "was reported missing"),
    P("missing", "remain unaccounted for", "remains unaccounted for"),
]


GENERIC = {
    "were killed", "died", "lost their lives", "perished", "succumbed to their injuries",
    "were wounded", "were injured", "were seriously injured", "were critically wounded",
    "were hurt", "sustained injuries", "were displaced", "fled their homes", "were forced to flee",
    "went missing", "are still missing", "were reported missing", "remain unaccounted for",
    "were found dead", "were confirmed dead", "abandoned their homes", "fled to the bush",
}  # fmt: skip


def victims_for(pred: Predicate, kind: str = "any") -> list[Victims]:
    """The victims a predicate takes: residents for displacement; the targets of a state's
    forces (kind "state") or of armed groups ("armed")."""
    if pred.displacing:
        return V_RESIDENTS
    if pred.category == "captured":
        return V_CIVILIANS + V_SECURITY
    if kind == "state":
        return V_NONSTATE
    if kind == "armed":
        return V_CIVILIANS + V_SECURITY
    return V_ALL


# --- who did it: never counted -----------------------------------------------------------------

ARMED = [
    "gunmen",
    "unidentified gunmen",
    "suspected jihadists",
    "bandits",
    "armed bandits",
    "suspected Boko Haram insurgents",
    "al-Shabaab militants",
    "suspected Islamist militants",
    "rebels",
    "armed men on motorcycles",
    "attackers",
    "assailants",
    "suspected herders",
    "militiamen",
    "suspected ADF rebels",
    "fighters of the Rapid Support Forces",
    "members of a rival clan",
    "suspected cult members",
]
STATE = [
    "troops",
    "soldiers",
    "the army",
    "police",
    "security forces",
    "special forces",
    "the military",
    "government forces",
]
# an armed group with a number of its own: the number is never the victims'
NUMBERED_ARMED = [
    "two gunmen on a motorcycle",
    "three masked men",
    "about 50 bandits",
    "a group of some 20 armed men",
    "dozens of gunmen",
    "more than 100 fighters",
    "two suicide bombers",
    "four men in military uniform",
    "a gang of 15 robbers",
    "hundreds of militants",
]

# --- where and when: every case has both ----------------------------------------------------

PLACES = [
    ("Gwoza", "Borno state"),
    ("Kajuru", "Kaduna state"),
    ("Djibo", "northern Burkina Faso"),
    ("Mandera", "northeastern Kenya"),
    ("Beni", "North Kivu province"),
    ("Quetta", "Balochistan province"),
    ("Kandahar", "southern Afghanistan"),
    ("Tal Afar", "northern Iraq"),
    ("Sittwe", "Rakhine state"),
    ("Cotabato", "the southern Philippines"),
    ("Culiacan", "Sinaloa state"),
    ("Bamenda", "Cameroon's North-West region"),
    ("Malakal", "Upper Nile state"),
    ("El Fasher", "North Darfur"),
    ("Tillaberi", "western Niger"),
    ("Mopti", "central Mali"),
    ("Jenin", "the occupied West Bank"),
    ("Baidoa", "southwestern Somalia"),
    ("Bunia", "Ituri province"),
    ("Zamfara", "northwestern Nigeria"),
    ("Marib", "central Yemen"),
    ("Kherson", "southern Ukraine"),
    ("Kidal", "northern Mali"),
    ("Dera Ismail Khan", "Khyber Pakhtunkhwa province"),
    ("Tumaco", "southwestern Colombia"),
    ("Gao", "northeastern Mali"),
    ("Bentiu", "Unity state"),
    ("Fada N'Gourma", "eastern Burkina Faso"),
    ("Mocimboa da Praia", "Cabo Delgado province"),
    ("Maiduguri", "northeastern Nigeria"),
]
VILLAGES = [
    "Tunga",
    "Kofa",
    "Dar Salam",
    "Bulo Marer",
    "Ngadda",
    "Sabon Gari",
    "Kpele",
    "Ali Kheyl",
]
DAYS = [
    "on Monday",
    "on Monday night",
    "early on Tuesday",
    "on Tuesday",
    "late on Sunday",
    "on Sunday",
    "on Saturday",
    "on Friday evening",
    "on 2 March",
    "on March 1",
    "early on Monday",
    "on Tuesday morning",
]
SOURCES = [
    "police said",
    "a police spokesman said",
    "local officials said",
    "the army said",
    "the military said in a statement",
    "residents said",
    "witnesses said",
    "a local official told reporters",
    "the regional governor said",
    "hospital sources said",
    "a security source said",
    "the interior ministry said",
    "community leaders said",
    "a spokesman for the state police command said",
]
# a source that opens the sentence: "Police said ..."
SOURCES_FIRST = [
    "Police said",
    "Local officials said",
    "The army said",
    "Residents said",
    "A local government chairman said",
    "A security source told reporters",
    "The state governor said",
    "A hospital official said",
]
NAMES = [
    "Ahmed Musa",
    "John Mwangi",
    "Fatima Diallo",
    "Oleksandr Kovalenko",
    "Maria Gonzalez",
    "Rahul Sharma",
    "Abdullahi Yusuf",
    "Jean-Pierre Mbala",
    "Grace Achieng",
    "Ali Hassan",
    "Carlos Mendoza",
    "Aminata Traore",
    "Mohammed Idris",
    "Samuel Okafor",
    "Nasrullah Khan",
    "Ibrahim Garba",
    "Moses Lokwang",
    "Yusuf Abdi",
]
# the attack that sets the scene: gunfire fits every predicate, a blast only those that do
# not say how ("were killed", not "were beheaded")
GUNFIRE = [
    "gunmen attacked a residential compound {place} {day}",
    "militants stormed a police station {place} {day}",
    "bandits raided a farming community {place} {day}",
    "armed men opened fire on a market {place} {day}",
    "fighters attacked an army base {place} {day}",
    "assailants attacked a checkpoint {place} {day}",
    "gunmen ambushed a convoy {place} {day}",
]
# the incident a predicate took place in, said after it: "were abducted [during a raid]"
HOW = {
    "killed": ["in an attack", "in an ambush", "in an attack on a police post", "in a raid",
               "in an attack by {armed}", "in clashes"],
    "injured": ["in an attack", "in an ambush", "in a raid", "in an attack by {armed}"],
    "captured": ["during a raid", "in a raid on their village", "during an attack by {armed}",
                 "in an ambush"],
    "displaced": ["after an attack on their village", "after clashes", "after a raid by {armed}",
                  "after days of fighting"],
    "missing": ["after an attack", "after an ambush", "after a raid by {armed}"],
}  # fmt: skip
BLASTS = [
    "a bomb exploded at a bus station {place} {day}",
    "an explosive device hit a convoy {place} {day}",
    "shells hit a residential area {place} {day}",
    "a drone strike hit a wedding party {place} {day}",
]

# --- how many: numbers as digits, words, ranges, approximations and vague quantities -------------

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """1..99 in words: "twenty-three"."""
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


@dataclass(frozen=True)
class Count:
    """A count as written ("between 10 and 15") and its `best` ("10")."""

    text: str
    value: int
    form: str  # digits, words, range, approx, vague

    def at_start(self) -> str:
        """The count opening a sentence: in words (news does not open with digits)."""
        if self.text[0].isdigit():
            return f"Some {self.text}" if self.value >= 100 else cap(in_words(self.value))
        return cap(self.text)


def digits(n: int) -> Count:
    return Count(f"{n:,}", n, "digits")


def spelled(n: int) -> Count:
    return Count(in_words(n), n, "words")


def plain(rng: random.Random, low: int = 2, high: int = 19) -> Count:
    n = rng.randint(low, high)
    return rng.choice([digits, spelled])(n)


def ranged(rng: random.Random, low: int = 3, high: int = 40) -> Count:
    a = rng.randint(low, high)
    b = a + rng.choice([1, 2, 3, 5, 10]) * (1 if high < 100 else 50)
    text = rng.choice(
        [f"between {a} and {b}", f"{a} to {b}", f"{a}-{b}", f"between {in_words(a)} and "
         f"{in_words(b)}" if b < 100 else f"between {a} and {b}"]
    )  # fmt: skip
    return Count(text, a, "range")


APPROX = [
    "about",
    "around",
    "at least",
    "more than",
    "over",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "up to",
    "as many as",
    "roughly",
    "no fewer than",
    "close to",
    "approximately",
]
# the README's convention: "dozens" 12, "scores" 20, "several" 3, ...
VAGUE = [
    ("dozens of", 12),
    ("scores of", 20),
    ("several", 3),
    ("a few", 3),
    ("a couple of", 2),
    ("a handful of", 3),
    ("a dozen", 12),
]
VAGUE_LARGE = [("several hundred", 300), ("thousands of", 1000), ("hundreds of", 100),
               ("a few thousand", 3000), ("tens of thousands of", 10_000)]  # fmt: skip


def approx(rng: random.Random, large: bool = False) -> Count:
    """A qualified count; a round one after words that round ("about 50", "at least 7")."""
    qualifier = rng.choice(APPROX)
    if large:
        n = rng.randint(2, 90) * 100
        return Count(f"{qualifier} {n:,}", n, "approx")
    if qualifier in ("at least", "no fewer than"):
        n = rng.randint(2, 60)
    else:
        n = rng.choice([5, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100, 150, 200])
    number = rng.choice([f"{n:,}", in_words(n)]) if n < 100 else f"{n:,}"
    return Count(f"{qualifier} {number}", n, "approx")


def vague(rng: random.Random, large: bool = False) -> Count:
    text, value = rng.choice(VAGUE_LARGE if large else VAGUE)
    return Count(text, value, "vague")


def displaced_count(rng: random.Random) -> Count:
    n = rng.choice([rng.randint(30, 900), rng.randint(1, 60) * 100, rng.randint(1, 40) * 250])
    return rng.choice([digits, digits, lambda v: Count(f"about {v:,}", v, "approx")])(n)


def any_count(rng: random.Random) -> Count:
    return rng.choice([plain, plain, plain, ranged, approx, vague])(rng)


def cap(text: str) -> str:
    return text[0].upper() + text[1:]
