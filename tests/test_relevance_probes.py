"""Probe suite for relevance: sentences built from templates and open word lists, each
family beside the true incident it resembles. Texts that report no incident (metaphor, another
sense of a war word, sport, business, schedules, conditionals, history, negation, reviews) must
give no event and no figure; the incidents they resemble must still give their event.

Every family is generated from templates x word lists written for this suite (no evaluation
text). `make test` runs the whole suite and enforces the pass rate per family reached when the
rules were written (FLOORS).
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

import pytest

from pipeline.extract.records import extract_records

COMPANIES = [
    "Norvale Foods",
    "Brightline Telecom",
    "Kestrel Motors",
    "Aldenmark Bank",
    "Pyrite Games",
    "Sundara Airways",
    "Halvorsen Retail",
    "Maple & Finch",
]
TEAMS = [
    "Riverside United",
    "Port Vale Rovers",
    "Atletico Sorano",
    "the Lagos Lions",
    "Kingsbridge City",
    "Dynamo Kharan",
    "the Harbour Hawks",
    "Real Costera",
]
PEOPLE = [
    "Senator Marta Ilves",
    "Councillor Ben Okoro",
    "Minister Farid Haddad",
    "the opposition leader, Ana Reyes",
    "Governor Tomas Lind",
    "MP Grace Ndlovu",
]
PLAYERS = ["Diego Alvares", "Kwame Mensah", "Ivan Petrenko", "Luca Bianchi", "Sami Tahir"]
CITIES = ["Kano", "Lyon", "Kharkiv", "Mombasa", "Cebu", "Quetta", "Leeds", "Arequipa"]
TOWNS = ["Dogo", "Bama", "Kenieba", "Tal Afar", "Djibo", "Kidal", "Ayod", "Mopti"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday"]
NUMBERS = [("three", 3), ("five", 5), ("seven", 7), ("12", 12), ("nine", 9), ("four", 4)]
VICTIMS = ["villagers", "civilians", "farmers", "passengers", "worshippers", "traders"]
ARMED = ["Gunmen", "Militants", "Suspected jihadists", "Bandits", "Armed men"]
WARS = [
    "the Second World War",
    "the 1994 genocide",
    "the civil war of the 1990s",
    "the Korean War",
    "the Iran-Iraq war",
    "the partition violence of 1947",
]
FILMS = ["Iron Dawn", "The Last Convoy", "Echoes of Verdun", "Red Valley", "Trench Lines"]
NAMED_WARS = ["Korean War", "Gulf War", "Winter War", "Chaco War", "Second World War"]
HAZARDS = ["A fire", "An earthquake", "A storm", "A landslide", "Flash flooding"]
DISEASES = ["malaria", "tuberculosis", "measles", "cholera"]
MONTHS_GONE = ["1 July", "14 August", "3 September", "22 October"]  # long before March
STAFF = ["teachers", "nurses", "transport workers", "university staff", "dock workers", "doctors"]
FRONTS = ["the Ardan Liberation Front", "the Koro Valley Movement", "the Sahel Patriotic Front"]
FANS = [
    "football fans",
    "supporters of a local football club",
    "players of a village football team",
]


@dataclass(frozen=True)
class Probe:
    family: str
    text: str
    quiet: bool  # True: no event and no figure; False: an event of one of `types`
    types: tuple[str, ...] = ()
    relevance: str | None = None  # when given, the relevance the text must be judged


def _fill(
    family: str, templates: list[str], quiet: bool, types=(), n: int = 24, relevance=None
) -> list[Probe]:
    rng = random.Random(family)
    out = []
    for i in range(n):
        template = templates[i % len(templates)]
        word, count = rng.choice(NUMBERS)
        text = template.format(
            company=rng.choice(COMPANIES),
            company2=rng.choice(COMPANIES),
            team=rng.choice(TEAMS),
            team2=rng.choice(TEAMS),
            person=rng.choice(PEOPLE),
            player=rng.choice(PLAYERS),
            city=rng.choice(CITIES),
            town=rng.choice(TOWNS),
            day=rng.choice(DAYS),
            n=word,
            victims=rng.choice(VICTIMS),
            armed=rng.choice(ARMED),
            war=rng.choice(WARS),
            film=rng.choice(FILMS),
            pct=rng.randint(3, 40),
            year=rng.randint(1950, 2015),
            named_war=rng.choice(NAMED_WARS),
            hazard=rng.choice(HAZARDS),
            disease=rng.choice(DISEASES),
            gone=rng.choice(MONTHS_GONE),
            score=f"{rng.randint(1, 4)}-{rng.randint(0, 3)}",
            staff=rng.choice(STAFF),
            front=rng.choice(FRONTS),
            fans=rng.choice(FANS),
        )
        text = text[0].upper() + text[1:]
        out.append(Probe(family, text, quiet, tuple(types), relevance))
    return list(dict.fromkeys(out))


VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")

FAMILIES: list[Probe] = [
    # --- metaphors and other senses of war words, beside the incidents they resemble ---
    *_fill(
        "metaphor_business",
        [
            "{company} and {company2} are locked in a price war that has cut fares by {pct}%.",
            "{company} struck a deal with its lenders {day}, ending months of talks.",
            "Sales exploded last quarter and {company} shares shot up {pct}% {day}.",
            "{company} fought off a hostile takeover bid from {company2} {day}.",
            "The new phone's killer feature is a battery that lasts three days, {company} said.",
            "{company} said its profits were killed by a strong dollar this year.",
            "Shares in {company} plunged {pct}% {day} after a profit warning.",
            "{company} will cut 1,200 jobs as it battles rising costs, it said {day}.",
        ],
        quiet=True,
    ),
    *_fill(
        "metaphor_politics",
        [
            "{person} attacked the proposal as reckless in a speech {day}.",
            "The bill was killed in committee {day} after {person} withdrew support.",
            "{person} came under fire {day} for remarks about pensions.",
            "{person} fired back at critics {day}, calling the report a hatchet job.",
            "Lawmakers clashed over the budget {day} as {person} walked out of the chamber.",
            "The central bank raised rates {day} to fight inflation, which hit {pct}%.",
            "{person} launched an assault on the government's housing record {day}.",
        ],
        quiet=True,
    ),
    *_fill(
        "metaphor_sport",
        [
            "{team} battled to a 1-1 draw with {team2} {day}.",
            "{player} shot past the keeper to give {team} a {score} win over {team2} {day}.",
            "Fans stormed the pitch after {team} clinched the title {day}.",
            "{team} crushed {team2} {score} {day} to reach the cup final.",
            "{team} were destroyed {score} by {team2} {day}, their worst defeat in years.",
            "{player} was knocked out in the third round of the {city} Open {day}.",
            "{team} beat {team2} {score} {day} in a bruising derby.",
            "The coach of {team} was under fire after {n} straight defeats.",
        ],
        quiet=True,
    ),
    # --- schedules, plans and the future ---
    *_fill(
        "future_schedule",
        [
            "The band will play in {city} on 29 November, the organisers said.",
            "Voters go to the polls in {city} {day} to elect a new mayor.",
            "{person} will visit {city} next month for talks on trade.",
            "A military parade is planned in {city} next week to mark independence day.",
            "The summit is scheduled to open in {city} on 3 June.",
            "An evacuation drill will be held at the {city} port {day}.",
        ],
        quiet=True,
    ),
    # --- conditionals and hypotheticals ---
    *_fill(
        "conditional",
        [
            "If a storm hits, thousands could be forced from their homes in {city}.",
            "A war between the two powers would kill millions, {person} warned {day}.",
            "Up to {n} hundred people could die each winter if the clinics close, doctors said.",
            "Officials said a major earthquake in {city} could kill tens of thousands.",
            "Should the dam fail, {n} villages would be flooded, engineers warned.",
        ],
        quiet=True,
    ),
    # --- history and background ---
    *_fill(
        "history",
        [
            "Ten years ago fighting killed hundreds of people in {town}.",
            "{war} killed millions, a historian reminded the audience {day}.",
            "The museum in {city} remembers the {n} hundred workers who died in a mine fire in {year}.",
            "The veteran, who fought in {war}, died peacefully at home aged 97.",
            "In {year}, a flood swept through {town}, a disaster still marked every spring.",
        ],
        quiet=True,
    ),
    # --- a text that sets itself in the past: what follows an old date is history, until the
    # text tells of something recent ---
    *_fill(
        "retrospective",
        [
            "On {gone} {year}, soldiers stormed {town}. By nightfall, {n} {victims} were dead "
            "and dozens were wounded. A new book retells that day.",
            "The siege of {town} began in {year}. For three months shells fell on the old town, "
            "and {n} hundred people died. Survivors will meet in {city} {day} to remember them.",
            "{person} recalled the night in {year} when troops fired into a crowd in {city}. "
            "{n} protesters were killed. Many more were wounded.",
            "The rebels took {town} in the autumn of {year}. They burned the market and killed "
            "{n} {victims}, witnesses later told a commission.",
        ],
        quiet=True,
    ),
    *_fill(
        "named_war",
        [
            "{person}, a veteran of the {named_war}, died {day} at home in {city}. He was 94.",
            "Veterans of the {named_war} gathered in {city} {day} for a reunion dinner.",
            "A new history of the {named_war} was published {day} to warm reviews.",
        ],
        quiet=True,
    ),
    *_fill(
        "figurative_harm",
        [
            "The new app from {company} keeps bombarding you with notifications, reviewers said.",
            "'My members hunt, they shoot competitively, and they obey the law,' {person} said.",
            "The trade ministry fired back {day}, calling the tariff plan unfair to {company}.",
            "The vaccine is designed to trigger an immune attack on the parasite, {company} said.",
            "It is far cheaper to share river data before the shooting starts, {person} argued.",
        ],
        quiet=True,
    ),
    *_fill(
        "disease_rate",
        [
            "{disease} kills {n} hundred thousand people every year, most of them children.",
            "Researchers in {city} began a trial {day} of a vaccine against {disease}, which "
            "kills thousands of people a year.",
        ],
        quiet=True,
    ),
    *_fill(
        "burial_and_graves",
        [
            "A procession to the cemetery in {city} where the {n} sailors are buried will be "
            "held {day}.",
            "The poet is buried in {town}, and admirers visit the grave every spring.",
        ],
        quiet=True,
    ),
    # --- disasters whose harm is told without its cause: still the disaster's ---
    *_fill(
        "disaster_harm_unsaid",
        [
            "{hazard} struck {town} {day}. {n} people were injured and taken to the clinic.",
            "{hazard} hit {city} {day}, officials said. Nearly 300 homes were damaged.",
            "A bus plunged into a ravine near {town} {day}, killing {n} passengers, firefighters "
            "said. At least 20 others were injured.",
            "Floods swept through {town} {day}, killing {n} people. Mud and debris blocked "
            "several roads into the valley.",
        ],
        quiet=False,
        types=("Disaster",),
        relevance="disaster",
    ),
    *_fill(
        "incident_after_background",
        [
            "{armed} killed {n} {victims} in {town} {day}, officials said. In {year}, the same "
            "group attacked the village. Survivors said the gunmen burned the market.",
            "{armed} attacked a checkpoint in {town} {day}, and soldiers fired back, killing "
            "{n} of them, the army said.",
        ],
        quiet=False,
        types=VIOLENT,
        relevance="conflict",
    ),
    *_fill(
        "outbreak",
        [
            "A {disease} outbreak has killed {n} people in {town} since {day}, health officials "
            "said.",
        ],
        quiet=False,
        types=("Disaster",),
        n=16,
    ),
    # --- developments told without violence: weapons destroyed, posts built, seizures ---
    *_fill(
        "incident_development",
        [
            "Soldiers destroyed {n} weapons caches belonging to rebels near {town} {day}, the "
            "army said.",
            "Troops began building a military post outside {town} {day}, residents said.",
            "Federal police seized {n} tons of cocaine from a truck near {city} {day}; two men "
            "were arrested.",
            "Vans with armed men patrolled the streets of {town} {day} to enforce a curfew.",
        ],
        quiet=False,
        types=("Strategic developments",),
    ),
    *_fill(
        "development_near_miss",
        [
            "The council will build a new bus station in {town} next year.",
            "{company} destroyed its unsold phones {day} to protect the brand, it said.",
            "The museum in {city} opened a new wing {day} after two years of building work.",
            "Customs officers in {city} seized {n} hundred counterfeit handbags {day}.",
        ],
        quiet=True,
    ),
    *_fill(
        "duration_is_no_rate",
        [
            "About {n} hundred traders gathered in {city} {day} to protest against a lockdown "
            "that has lasted for more than a month.",
            "{armed} killed {n} {victims} in {town} {day}, less than a week after a truce.",
        ],
        quiet=False,
        types=("Protests", *VIOLENT),
    ),
    # --- talks whose words name the war they would end: diplomacy, not an incident ---
    *_fill(
        "talks_about_war",
        [
            "The presidents of Rwanda and Congo met in {city} {day} for talks, but earlier "
            "agreements have failed to halt fighting in the east.",
            "Envoys met in {city} {day}; earlier meetings produced agreements on exchanging "
            "prisoners of war and a ceasefire that did not hold.",
        ],
        quiet=False,
        types=("Diplomacy",),
        relevance="diplomacy",
    ),
    # --- negation and nothing happening ---
    *_fill(
        "negation_nothing",
        [
            "No shots were fired and no one was hurt, police in {city} said {day}.",
            "Heavy traffic was reported on the bridge into {city} {day}.",
            "The power cut in {city} {day} caused delays but no injuries.",
            "Police said the parade in {city} {day} passed off without incident.",
        ],
        quiet=True,
    ),
    # --- reviews and culture about war ---
    *_fill(
        "culture",
        [
            "{film}, a film about soldiers killed at the front in {war}, opens in {city} {day}.",
            "A new exhibition in {city} tells the story of {war} through soldiers' letters.",
            "The novel follows a family torn apart by {war}, in which a brother is killed.",
            "Critics praised {film}, whose battle scenes recreate the siege of a city.",
        ],
        quiet=True,
    ),
    # --- the incidents they resemble: each must give its event ---
    *_fill(
        "incident_attack",
        [
            "{armed} killed {n} {victims} in an attack on {town} {day}, local officials said.",
            "{armed} stormed a market in {town} {day} and shot dead {n} {victims}, police said.",
            "{n} {victims} were killed when {armed} opened fire in {town} {day}.",
        ],
        quiet=False,
        types=VIOLENT,
    ),
    *_fill(
        "incident_explosion",
        [
            "A bomb exploded at a bus station in {city} {day}, killing {n} people, police said.",
            "An air strike hit a school in {town} {day}, killing {n} civilians.",
            "Shelling killed {n} people in {town} {day}, the regional governor said.",
        ],
        quiet=False,
        types=("Explosions/Remote violence",),
    ),
    *_fill(
        "incident_battle",
        [
            "Soldiers clashed with rebels near {town} {day}; {n} soldiers were killed, the army said.",
            "Fighting between the army and militants in {town} {day} killed {n} fighters.",
        ],
        quiet=False,
        types=("Battles",),
    ),
    *_fill(
        "incident_protest",
        [
            "Thousands of teachers marched through {city} {day} to demand higher pay.",
            "Police fired tear gas at protesters in {city} {day}; {n} people were injured.",
        ],
        quiet=False,
        types=("Protests", "Riots"),
    ),
    *_fill(
        "incident_disaster",
        [
            "Floods swept through {town} {day}, killing {n} people and forcing hundreds from "
            "their homes, officials said.",
            "A bus overturned on a mountain road near {city} {day}, killing {n} passengers.",
            "A landslide buried {n} houses in {town} {day}, and two people died under the mud, "
            "rescuers said.",
        ],
        quiet=False,
        types=("Disaster",),
    ),
]


# --- incidents told with phrasal predicates, and the other senses of their words ---
# relevance decides that these report a conflict incident; which type the events stage gives a
# capture or a "mowed down" is its own codebook's matter (tests/test_type_probes.py)
ANY_CONFLICT = (*VIOLENT, "Protests", "Strategic developments")
FAMILIES += [
    *_fill(
        "incident_captivity",  # take/hold + hostage|captive|prisoner; whisk/spirit/carry + off
        [
            "{n} {victims} were taken hostage near {town} {day}, police said.",
            "{armed} took {n} {victims} hostage near {town} {day}, residents said.",
            "{n} {victims} were taken captive in {town} {day}, officials said.",
            "{armed} took {n} {victims} captive on the outskirts of {town} {day}.",
            "{armed} held {n} {victims} hostage for hours in {town} {day}, the army said.",
            "{n} {victims} were whisked away by {armed} in {town} {day}, witnesses said.",
            "{armed} carried off {n} {victims} near {town} {day}, local leaders said.",
        ],
        quiet=False,
        types=ANY_CONFLICT,
        n=28,
        relevance="conflict",
    ),
    *_fill(
        "incident_phrasal_killing",  # a kill verb told with its particle: "mowed down"
        [
            "{armed} mowed down {n} {victims} near {town} {day}, officials said.",
            "{n} {victims} were mowed down by {armed} in {town} {day}, police said.",
            "{armed} on motorbikes mowed down {n} {victims} at a market in {town} {day}.",
        ],
        quiet=False,
        types=ANY_CONFLICT,
        relevance="conflict",
    ),
    *_fill(
        "incident_sport_victims",  # sport words that name the victims, not a match
        [
            "{n} {fans} were abducted near {town} {day}, the interior ministry said.",
            "{armed} kidnapped {n} {fans} near {town} {day}, police said.",
            "{n} {fans} were killed by {armed} in {town} {day}, officials said.",
        ],
        quiet=False,
        types=ANY_CONFLICT,
        relevance="conflict",
    ),
    *_fill(
        "incident_stoppage",  # a strike, a shutdown, a human chain as people's act
        [
            "{staff} went on strike in {city} {day} against rising fuel prices.",
            "{staff} observed a shutdown in {city} {day} to denounce the arrest of a leader.",
            "{staff} formed a human chain in {city} {day} demanding unpaid salaries.",
            # a labour strike is read as a protest, as "a general strike" already is
            "{staff} at the main hospital in {city} went on strike over pay {day}.",
        ],
        quiet=False,
        types=("Protests", "Riots"),
        relevance="conflict",
    ),
    *_fill(
        "incident_territory",  # a base set up by armed men, a town given up without a fight
        [
            "{armed} set up a new base near {town} {day}, residents said.",
            "Members of {front} withdrew from the town of {town} without a fight {day}.",
            "Rebels of {front} pulled out of {town} {day} and set up a base in the hills.",
        ],
        quiet=False,
        types=("Strategic developments",),
        relevance="conflict",
    ),
    *_fill(
        "other_sense_phrasal",  # the same words in sport, business, politics and culture news
        [
            "{player} went on to score twice as {team} beat {team2} {score} {day}.",
            "{company} set up a base in {city} {day} to serve its West African customers.",
            "{team} withdrew from the tournament {day}, citing travel costs.",
            "A new film about hostages, {film}, opened in cinemas in {city} {day}.",
            "{team} mowed down the opposition in the final {day}, winning {score}.",
            "{person} was whisked away by bodyguards after a speech in {city} {day}.",
            "{player} carried off the trophy after the final in {city} {day}.",
            "{person} accused rivals of holding the budget hostage in a speech {day}.",
            "The old prison in {city} holds {n} hundred prisoners, a report said {day}.",
            "The federal government shutdown entered its third week {day}.",
            "Volunteers formed a human chain to pass sandbags along the river in {town} {day}.",
            "Unions in {city} threatened {day} to go on strike next month.",
        ],
        quiet=True,
        n=36,
    ),
]


@pytest.fixture(scope="module")
def outputs():
    records = [
        {"id": str(i), "text": p.text, "published": "2026-03-04"} for i, p in enumerate(FAMILIES)
    ]
    return list(extract_records(records))


def passed(probe: Probe, out: dict) -> bool:
    if probe.quiet:
        return not out["events"] and not out["figures"]
    if probe.relevance and out["relevance"] != probe.relevance:
        return False
    if probe.relevance == "disaster" and any(e["type"] in VIOLENT for e in out["events"]):
        return False
    return any(e["type"] in probe.types for e in out["events"])


def rates(outputs) -> dict[str, tuple[int, int]]:
    by_family: dict[str, list[bool]] = defaultdict(list)
    for probe, out in zip(FAMILIES, outputs, strict=True):
        by_family[probe.family].append(passed(probe, out))
    return {f: (sum(v), len(v)) for f, v in by_family.items()}


# the pass rate each family reached when the rules were written; a change may not lower one
FLOORS = dict.fromkeys({p.family for p in FAMILIES}, 1.0)


def test_the_probe_families_keep_their_pass_rates(outputs):
    report = []
    for family, (ok, n) in sorted(rates(outputs).items()):
        report.append(f"{family:22} {ok}/{n}")
        assert ok / n >= FLOORS[family], (
            "\n".join(report)
            + "\n"
            + "\n".join(
                f"FAIL {p.text} -> {[str(e['type']) for e in o['events']]}"
                for p, o in zip(FAMILIES, outputs, strict=True)
                if p.family == family and not passed(p, o)
            )
        )


def test_every_family_has_cases_and_quiet_ones_beside_incidents():
    families = {p.family: p.quiet for p in FAMILIES}
    assert sum(families.values()) >= 8 and sum(not q for q in families.values()) >= 5
    assert all(sum(p.family == f for p in FAMILIES) >= 15 for f in families)


def test_a_quiet_text_is_judged_none_with_a_score_of_zero(outputs):
    for probe, out in zip(FAMILIES, outputs, strict=True):
        if probe.quiet and passed(probe, out):
            assert out["relevance"] == "none" and out["relevance_score"] == 0.0, probe.text
