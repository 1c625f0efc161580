"""The families of type probes: templates of who acted against whom and by what means, each with
the ACLED type and sub-type the codebook gives it (the decision table of
pipeline.extract.events.codebook), filled from the open lists of `words` with a seeded random
stream per family, so the suite is the same on every run."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from tools.type_probes.words import (
    CIVILIANS,
    CIVILIANS_MANY,
    CROWD_VIOLENCE,
    DAYS,
    DEMONSTRATORS,
    GRIEVANCES,
    IDENTITY,
    INTERVENTIONS,
    MOBS,
    NAMED_REBELS,
    OPENINGS,
    PARTIES,
    PARTY_GROUPS,
    PARTY_ONE,
    PEACEFUL_ACTS,
    PLACES,
    PUBLISHED,
    REBELS,
    STATE,
    STATE_ONE,
    UNIDENTIFIED,
)

BATTLES, VAC, ERV = "Battles", "Violence against civilians", "Explosions/Remote violence"
RIOTS, PROTESTS, STRATEGIC = "Riots", "Protests", "Strategic developments"


@dataclass(frozen=True)
class Probe:
    family: str
    template: str  # "<family>.<n>"
    text: str
    type: str | None  # None: the text reports no event
    sub_type: str | None = None


# the armed sides, by kind: an organised armed group of any kind against another is a battle
ARMED_NONSTATE = {"rebels": REBELS, "identity": IDENTITY, "unidentified": UNIDENTIFIED}
ARMED = {"state": STATE, **ARMED_NONSTATE}

# each family: (template, type, sub_type); slots: {open} {place} {a} {b} {civ} {mob} {p1}
# {p2} {one2} {dem} {why} {act} {violence} {police} {state_one}; {a} and {b} are armed sides
FAMILIES: dict[str, list[tuple[str, str | None, str | None]]] = {
    "battles": [
        ("{open} {a} clashed with {b} {place}.", BATTLES, "Armed clash"),
        ("{open} clashes broke out between {a} and {b} {place}, leaving four dead.",
         BATTLES, "Armed clash"),
        ("{open} {a} and {b} exchanged fire {place}. Two fighters were killed.",
         BATTLES, "Armed clash"),
        ("{open} {a} attacked {b} {place}, and a gunfight followed in which three were killed.",
         BATTLES, "Armed clash"),
        ("{open} {b} were attacked by {a} {place}; {b} returned fire.", BATTLES, "Armed clash"),
        ("{open} {state_one} were killed when {a} ambushed an army patrol {place}.",
         BATTLES, "Armed clash"),
        ("{open} {s} killed five {r} in an encounter {place}.", BATTLES, "Armed clash"),
        ("{open} {state_one} were shot dead by {r} {place}.", BATTLES, "Armed clash"),
        ("{open} {r} attacked a military checkpoint {place}, killing {state_one}.",
         BATTLES, "Armed clash"),
        ("{open} a civilian was killed in crossfire during clashes between {a} and {b} {place}.",
         BATTLES, "Armed clash"),
        ("{open} {s} killed two members of {named} {place}.", BATTLES, "Armed clash"),
        ("{open} two soldiers were killed in an encounter with {r} {place}.",
         BATTLES, "Armed clash"),
        ("{a} and {b} fought for several hours {place} {day}, residents said.",
         BATTLES, "Armed clash"),
        ("{open} fighting erupted between {s} and {named} {place}.", BATTLES, "Armed clash"),
        ("{open} an army patrol came under attack from {r} {place}; two soldiers died.",
         BATTLES, "Armed clash"),
    ],
    "battles_militias": [
        ("{open} {i} clashed with {i2} {place}, killing six.", BATTLES, "Armed clash"),
        ("{open} fighting between {i} and {i2} {place} left three people dead.",
         BATTLES, "Armed clash"),
        ("{open} {i} attacked a police post {place}. A policeman was wounded in the exchange of "
         "fire.", BATTLES, "Armed clash"),
        ("{open} two rival groups exchanged gunfire over a land dispute {place}, killing two.",
         BATTLES, "Armed clash"),
        ("{open} armed supporters of the {p1} and the {p2} exchanged fire {place}, killing one.",
         BATTLES, "Armed clash"),
    ],
    "territory": [
        ("{open} {r} seized the town of Maro after heavy fighting with {s}.",
         BATTLES, "Non-state actor overtakes territory"),
        ("{open} {r} overran an army base {place} after a battle with the troops there.",
         BATTLES, "Non-state actor overtakes territory"),
        ("{open} {s} recaptured the town of Maro from {r} after heavy fighting.",
         BATTLES, "Government regains territory"),
    ],
    "civilians": [
        ("{open} {a} shot dead {civ} {place}.", VAC, "Attack"),
        ("{open} {civ} were killed by {a} {place}.", VAC, "Attack"),
        ("{open} {a} attacked a village {place} and killed nine villagers.", VAC, "Attack"),
        ("{open} {a} hacked {civ} to death with machetes {place}.", VAC, "Attack"),
        ("{open} {a} abducted {civ} {place}.", VAC, "Abduction/forced disappearance"),
        ("{open} {civ} were kidnapped by {a} {place}.", VAC, "Abduction/forced disappearance"),
        ("{open} {a} raped a woman {place}.", VAC, "Sexual violence"),
        ("{open} {a} stormed a market {place} and opened fire on traders, killing four.",
         VAC, "Attack"),
        ("{open} {s} beat {civ} {place} for breaking the curfew.", VAC, "Attack"),
        ("{open} {i} attacked farmers in their fields {place}, killing five.", VAC, "Attack"),
        ("{open} {n} kidnapped {civ} for ransom {place}.", VAC,
         "Abduction/forced disappearance"),
        ("{open} {n} ambushed a bus {place}, killing five passengers.", VAC, "Attack"),
        ("{open} {civ} were found dead {place} a day after {n} abducted them.",
         VAC, "Abduction/forced disappearance"),
        ("{open} a detainee died after {s} tortured him in custody {place}.", VAC, "Attack"),
        ("{n} killed {civ} {place} {day}, police said.", VAC, "Attack"),
    ],
    "party_violence": [
        ("{open} {g1} attacked {one2} with sticks and iron rods {place}, injuring him.",
         VAC, "Attack"),
        ("{open} {one2} was beaten up by {g1} {place}.", VAC, "Attack"),
        ("{open} {g1} attacked {one2} on the road between Kolo and Maro, injuring him.",
         VAC, "Attack"),
        ("{open} {g1} shot dead {one2} {place}.", VAC, "Attack"),
        ("{open} {one2} was hacked to death by {g1} {place}.", VAC, "Attack"),
        ("{open} supporters of the {p1} and the {p2} clashed {place}, pelting each other with "
         "stones. Eight were injured.", RIOTS, "Mob violence"),
        ("{open} a clash broke out between {p1} workers and {p2} workers {place}; five people "
         "were injured.", RIOTS, "Mob violence"),
        ("{open} {g1} ransacked the office of the {p2} {place}.", RIOTS, "Mob violence"),
        ("{open} {g1} set fire to the house of {one2} {place}.", RIOTS, "Mob violence"),
        ("{open} clashes between {p1} and {p2} supporters {place} left ten people injured.",
         RIOTS, "Mob violence"),
    ],
    "mob": [
        ("{open} {mob} lynched a suspected thief {place}.", RIOTS, "Mob violence"),
        ("{open} {mob} beat two men accused of stealing a goat {place}.", RIOTS, "Mob violence"),
        ("{open} two groups of villagers clashed with sticks and stones over a land dispute "
         "{place}. Six were injured.", RIOTS, "Mob violence"),
        ("{open} {mob} set fire to the house of a man accused of witchcraft {place}.",
         RIOTS, "Mob violence"),
        ("{open} a man accused of theft was beaten to death by {mob} {place}.",
         RIOTS, "Mob violence"),
        ("{open} {mob} torched a police post {place} after a man died in custody.",
         RIOTS, None),
        ("{open} {mob} attacked health workers {place}, accusing them of spreading disease.",
         RIOTS, "Mob violence"),
        ("{open} {mob} beat a man to death {place} on suspicion of child theft.",
         RIOTS, "Mob violence"),
        ("{open} {mob} looted a food warehouse {place}.", RIOTS, "Mob violence"),
        ("{open} {mob} hurled petrol bombs at a police post {place}.", RIOTS, None),
        ("{open} {mob} attacked a police team that had come to arrest a suspect {place}.",
         RIOTS, None),
        ("{open} police opened fire on {mob} attacking a police station {place}, killing two.",
         RIOTS, None),
        ("{open} a clash between two families over a water channel {place} left four injured; "
         "they attacked each other with sticks and axes.", RIOTS, "Mob violence"),
    ],
    "violent_demonstration": [
        ("{open} {dem} demonstrating {why} {violence} {place}.", RIOTS, "Violent demonstration"),
        ("{open} {dem} protested {why} {place}. They {violence}.", RIOTS,
         "Violent demonstration"),
        ("{open} a protest by {dem} {why} turned violent {place} when they {violence}.",
         RIOTS, "Violent demonstration"),
        ("{open} a demonstration by {dem} {why} turned violent {place}; several people were "
         "injured.", RIOTS, "Violent demonstration"),
        ("{open} {dem} burnt tyres and blocked the road {place} {why}.",
         RIOTS, "Violent demonstration"),
    ],
    "protests": [
        ("{open} {dem} {act} {place} {why}.", PROTESTS, "Peaceful protest"),
        ("{open} hundreds of {dem} {act} {place} {why}.", PROTESTS, "Peaceful protest"),
        ("{open} {dem} {act} {place} {why}. {police}.", PROTESTS, "Protest with intervention"),
        ("{open} police opened fire on {dem} protesting {why} {place}, killing two of them.",
         PROTESTS, "Excessive force against protesters"),
        ("{open} {g1} held a protest {place} {why}.", PROTESTS, "Peaceful protest"),
    ],
    "remote": [
        ("{open} {s} carried out an airstrike on {r} {place}, killing six.",
         ERV, "Air/drone strike"),
        ("{open} a drone strike by {s} killed {civ} {place}.", ERV, "Air/drone strike"),
        ("{open} {a} shelled residential areas {place}, killing {civ}.",
         ERV, "Shelling/artillery/missile attack"),
        ("{open} mortar shells fired by {a} hit a market {place}.",
         ERV, "Shelling/artillery/missile attack"),
        ("{open} an IED planted by {n} exploded under a bus {place}, killing seven passengers.",
         ERV, "Remote explosive/landmine/IED"),
        ("{open} a roadside bomb hit a police vehicle {place}, wounding three officers.",
         ERV, "Remote explosive/landmine/IED"),
        ("{open} {n} threw a grenade at a bar {place}, injuring five.", ERV, "Grenade"),
        ("{open} a suicide bomber blew himself up at a mosque {place}, killing 12 worshippers.",
         ERV, "Suicide bomb"),
        ("{open} a landmine exploded under a vehicle carrying {civ} {place}.",
         ERV, "Remote explosive/landmine/IED"),
        ("{open} {s} bombed a {r} camp from the air {place}.", ERV, "Air/drone strike"),
    ],
    "strategic": [
        ("{open} {s} arrested four suspected members of {r} {place}.", STRATEGIC, "Arrests"),
        ("{open} {r} looted shops and stole livestock {place}.", STRATEGIC,
         "Looting/property destruction"),
        ("{open} {s} defused an IED planted on a road {place}.", STRATEGIC,
         "Disrupted weapons use"),
        ("{open} {r} set up a new base {place}.", STRATEGIC,
         "Headquarters or base established"),
        ("{open} {r} withdrew from the town of Maro without a fight.", STRATEGIC,
         "Non-violent transfer of territory"),
    ],
    # news sentences with a second sentence of background, aftermath or reaction, which must
    # not change the event's type
    "news": [
        ("{N} killed {civ} {place} {day}, officials said. The area has seen fighting between "
         "{s} and {r} for years.", VAC, "Attack"),
        ("{Dem} marched {place} {day} {why}. Police later arrested three of the organisers.",
         PROTESTS, None),
        ("Two soldiers were killed when {r} attacked an army post {place} {day}. The military "
         "said it killed five attackers.", BATTLES, "Armed clash"),
        ("A bomb planted by {n} exploded at a market {place} {day}, killing {civ}. \"We heard a "
         "loud bang,\" a trader said.", ERV, "Remote explosive/landmine/IED"),
        ("{Mob} beat a man to death {place} {day} after accusing him of stealing a motorcycle, "
         "police said. Officers arrested four suspects.", RIOTS, "Mob violence"),
        ("Supporters of the {p1} attacked an office of the {p2} {place} {day}, smashing "
         "furniture and setting a vehicle ablaze, the party said.", RIOTS, "Mob violence"),
        ("{G1} hacked {one2} to death {place} {day}, his family said. The {p2} called a "
         "strike to protest the killing.", VAC, "Attack"),
        ("{R} abducted 12 students from a school {place} {day}. Troops were deployed to search "
         "for them.", VAC, "Abduction/forced disappearance"),
        ("Security forces shot dead three {r} who attacked a checkpoint {place} {day}.",
         BATTLES, "Armed clash"),
    ],
    # the victim first
    "passive": [
        ("{open} {civs} were shot dead by {a} {place}.", VAC, "Attack"),
        ("{open} an army convoy was ambushed by {r} {place}.", BATTLES, "Armed clash"),
        ("{open} {one2} was stabbed by {g1} {place}.", VAC, "Attack"),
        ("{open} a suspected thief was lynched by {mob} {place}.", RIOTS, "Mob violence"),
        ("{open} {dem} were tear-gassed by police while protesting {why} {place}.",
         PROTESTS, "Protest with intervention"),
        ("{open} a police station was set on fire by {mob} {place}.", RIOTS, None),
        ("{open} two schools were burned down by {r} {place}.", STRATEGIC,
         "Looting/property destruction"),
    ],
    # killings and abductions told as a verb and a particle or a predicative noun ("mowed down",
    # "took ... hostage", "whisked away"), people as the object or the passive subject
    "phrasal": [
        ("{open} {n} mowed down {civ} {place}.", VAC, "Attack"),
        ("{open} {civs} were gunned down by {n} {place}.", VAC, "Attack"),
        ("{open} {n} took {civs} hostage {place}.", VAC, "Abduction/forced disappearance"),
        ("{open} {civs} were taken captive by {n} {place}.", VAC,
         "Abduction/forced disappearance"),
        ("{open} {civs} were whisked away by {n} {place}.", VAC,
         "Abduction/forced disappearance"),
        ("{open} {n} carried off {civ} {place}.", VAC, "Abduction/forced disappearance"),
        ("{open} {n} held {civs} hostage for two days {place}.", VAC,
         "Abduction/forced disappearance"),
        # the same verbs with no people as their object, or escorts as their agent
        ("{open} the home side mowed down the opposition in the cup final {place}.", None, None),
        ("{open} the home side carried off the trophy at the regional games {place}.", None, None),
        ("{open} the minister was whisked away by his bodyguards after a speech {place}.",
         None, None),
        ("{open} the {p1} accused the {p2} of holding the budget hostage.", None, None),
        ("{open} loggers cut down hundreds of trees {place}, officials said.", None, None),
    ],
    "no_event": [
        ("{open} the national football team clashed with its rivals in a friendly match "
         "{place}.", None, None),
        ("{open} {s} said they would deploy more officers {place} next month.", None, None),
        ("{open} a book about {r} was launched at a literary festival {place}.", None, None),
        ("{open} the {p1} said it would hold a rally {place} next week.", None, None),
        ("{open} traders said business was slow {place} because of the rain.", None, None),
        ("{open} the leader of the {p1} attacked the government's fuel policy at a press "
         "conference {place}.", None, None),
        ("{open} {s} held a passing-out parade for new recruits {place}.", None, None),
        ("{open} the {p1} and the {p2} clashed over the budget in parliament.", None, None),
    ],
}  # fmt: skip

PER_TEMPLATE = 24  # cases drawn per template (fewer when its lists run out)


def _slots(rng: random.Random) -> dict[str, str]:
    """One draw of every slot: {a} and {b} are armed sides of two different kinds."""
    ka, kb = rng.sample(list(ARMED), 2)
    (p1, s1), (p2, s2) = rng.sample(PARTIES, 2)
    party1 = rng.choice([p1, s1])
    i, i2 = rng.sample(IDENTITY, 2)
    return {
        "open": rng.choice(OPENINGS),
        "place": rng.choice(PLACES),
        "a": rng.choice(ARMED[ka]),
        "b": rng.choice(ARMED[kb]),
        "s": rng.choice(STATE),
        "r": rng.choice(REBELS),
        "n": rng.choice(REBELS + UNIDENTIFIED),
        "i": i,
        "i2": i2,
        "civ": rng.choice(CIVILIANS),
        "mob": rng.choice(MOBS),
        "p1": p1,
        "p2": p2,
        "g1": rng.choice(PARTY_GROUPS).format(party=party1),
        "one2": rng.choice(PARTY_ONE).format(party=rng.choice([p2, s2])),
        "dem": rng.choice(DEMONSTRATORS),
        "why": rng.choice(GRIEVANCES),
        "act": rng.choice(PEACEFUL_ACTS),
        "violence": rng.choice(CROWD_VIOLENCE),
        "police": rng.choice(INTERVENTIONS),
        "state_one": rng.choice(STATE_ONE),
        "named": rng.choice(NAMED_REBELS),
        "civs": rng.choice(CIVILIANS_MANY),
        "day": rng.choice(DAYS),
    }


def _capitals(slots: dict[str, str]) -> dict[str, str]:
    """Each slot also as a sentence's first word: {N} for {n}, {Dem} for {dem}."""
    out = dict(slots)
    for key, value in slots.items():
        out[_cap(key)] = _cap(value)
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _write(text: str) -> str:
    text = " ".join(text.split())
    return ". ".join(_cap(s) for s in text.split(". "))


def all_probes() -> list[Probe]:
    """Every case of every family, in a fixed order."""
    out: list[Probe] = []
    for family, templates in FAMILIES.items():
        rng = random.Random(f"typeprobes:{family}")
        for n, (template, type_, sub) in enumerate(templates):
            seen: set[str] = set()
            for _ in range(PER_TEMPLATE * 3):
                if len(seen) == PER_TEMPLATE:
                    break
                text = _write(template.format(**_capitals(_slots(rng))))
                if text not in seen:
                    seen.add(text)
                    out.append(Probe(family, f"{family}.{n}", text, type_, sub))
    return out


def sample(probes: list[Probe], per_family: int, seed: str = "typeprobes-sample") -> list[Probe]:
    """A fixed sample: `per_family` cases of each family, drawn with a seeded stream."""
    by_family: dict[str, list[Probe]] = defaultdict(list)
    for p in probes:
        by_family[p.family].append(p)
    out: list[Probe] = []
    for name, items in by_family.items():
        rng = random.Random(f"{seed}:{name}")
        out.extend(rng.sample(items, min(per_family, len(items))))
    return out


def records(probes: list[Probe]) -> list[dict]:
    return [{"id": str(i), "text": p.text, "published": PUBLISHED} for i, p in enumerate(probes)]
