"""The families of figure probes: each a function that writes its cases from templates and the
word lists of `words`, with a seeded random stream of its own, so the suite is the same on every
run. A case (`Probe`) is a text and the counts it states per category."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tools.figure_probes.words import (
    ARMED,
    BLASTS,
    DAYS,
    GUNFIRE,
    HOW,
    NAMES,
    NUMBERED_ARMED,
    PLACES,
    PREDICATES,
    PUBLISHED,
    SOURCES,
    SOURCES_FIRST,
    STATE,
    V_ALL,
    V_CIVILIANS,
    V_NONSTATE,
    V_SECURITY,
    VILLAGES,
    Count,
    Predicate,
    Victims,
    approx,
    cap,
    digits,
    displaced_count,
    in_words,
    plain,
    ranged,
    spelled,
    vague,
    victims_for,
)

# --- a case, its generation and its families -----------------------------------------------------


@dataclass(frozen=True)
class Probe:
    family: str
    template: str  # "<family>.<n>": the template that wrote it
    text: str
    expected: tuple[tuple[str, int], ...]  # (category, count); 0 = "0 or no figure"
    group: str | None = None  # invariance: the variants of one case share it
    tags: tuple[str, ...] = ()  # the predicate, victims and count form used


@dataclass
class Writer:
    """Writes the cases of one family with its own seeded random stream."""

    family: str
    rng: random.Random = field(init=False)
    probes: list[Probe] = field(default_factory=list)
    _texts: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"figprobes:{self.family}")

    def pick(self, items):
        return self.rng.choice(items)

    def place(self) -> str:
        town, region = self.pick(PLACES)
        return self.pick(
            [
                f"in {town}",
                f"near {town}",
                f"in {town}, {region},",
                f"in the village of {self.pick(VILLAGES)} near {town}",
                f"on the outskirts of {town}",
                f"in {town} in {region}",
            ]
        )

    def scene(self, pred: Predicate | None = None) -> dict[str, str]:
        """The slots every template may use: where, when, who says so, who attacked, and the
        attack itself (a blast only for a predicate that does not say how)."""
        s = {
            "place": self.place(),
            "day": self.pick(DAYS),
            "source": self.pick(SOURCES),
            "Source": self.pick(SOURCES_FIRST),
            "armed": self.pick(ARMED),
            "state": self.pick(STATE),
            "name": self.pick(NAMES),
            "name2": self.pick(NAMES),
        }
        s["Day"] = cap(s["day"])
        s["Armed"], s["State"] = cap(s["armed"]), cap(s["state"])
        attacks = GUNFIRE + BLASTS if pred is None or pred.generic else GUNFIRE
        s["attack"] = self.pick(attacks).format(**s)
        how = HOW[pred.category if pred else "killed"]
        # "in an attack by attackers" says nothing
        by = self.pick([a for a in ARMED if a not in ("attackers", "assailants")])
        s["how"] = self.pick(how).format(armed=by)
        # after an active verb, whose subject is the agent already
        s["how_plain"] = self.pick([h for h in how if "{armed}" not in h])
        s["Attack"] = cap(s["attack"])
        return s

    def add(
        self,
        template: int,
        text: str,
        expected: dict[str, int],
        group: str | None = None,
        tags: Iterable[str] = (),
    ) -> None:
        # a place that ends with a comma ("in Gwoza, Borno state,") before a comma or a stop
        text = " ".join(text.split()).replace(",,", ",").replace(", .", ".").replace(",.", ".")
        text = ". ".join(cap(s) for s in text.split(". "))
        probe = Probe(
            self.family,
            f"{self.family}.{template}",
            text,
            tuple(sorted(expected.items())),
            group,
            tuple(tags),
        )
        if probe.text not in self._texts:  # a draw that repeats an earlier case adds nothing
            self._texts.add(probe.text)
            self.probes.append(probe)


FAMILIES: dict[str, Callable[[], list[Probe]]] = {}


def family(fn: Callable[[Writer], None]) -> Callable[[Writer], None]:
    name = fn.__name__

    def build() -> list[Probe]:
        w = Writer(name)
        fn(w)
        return w.probes

    FAMILIES[name] = build
    return fn


@family
def victim_phrases(w: Writer) -> None:
    """Every victim phrase, as the passive subject of a plain predicate."""
    basics = [p for p in PREDICATES if p.many in ("were killed", "were wounded", "were abducted")]
    templates = [
        "{Day}, {n} {v} {pred} {place}, {source}.",
        "{Source} {n} {v} {pred} when {attack}.",
        "{N} {v} {pred} in an attack {place} {day}, {source}.",
    ]
    for i, victims in enumerate(V_ALL):
        for t in (i % 3, (i + 1) % 3):
            pred = w.pick(basics[:2] if victims in V_NONSTATE else basics)
            count = plain(w.rng)
            text = templates[t].format(
                n=count.text, N=count.at_start(), v=victims.many, pred=pred.many, **w.scene(pred)
            )
            w.add(t, text, {pred.category: count.value}, tags=(victims.many, pred.key))


def count_for(w: Writer, pred: Predicate) -> Count:
    """A plain count, in the thousands for the displaced."""
    return displaced_count(w.rng) if pred.displacing else plain(w.rng)


@family
def predicates_passive(w: Writer) -> None:
    """Every predicate after a plural subject ("were gunned down", "lost their lives")."""
    templates = [
        "{Source} {n} {v} {pred} {how} {place} {day}.",
        "{N} {v} {pred} after {attack}, {source}.",
        "{Day}, {n} {v} {pred} {how} {place}, {source}.",
        "At least {bare} {v} {pred} {place} {day} in an attack blamed on {armed}, {source}.",
    ]
    for pred in PREDICATES:
        if not pred.many:
            continue
        for t, template in enumerate(templates):
            count = count_for(w, pred)
            victims = w.pick(victims_for(pred))
            text = template.format(
                n=count.text,
                N=count.at_start(),
                bare=f"{count.value:,}",
                v=victims.many,
                pred=pred.many,
                **w.scene(pred),
            )
            w.add(t, text, {pred.category: count.value}, tags=(pred.key, victims.many))


@family
def predicates_bare(w: Writer) -> None:
    """Every predicate with nothing else that tells of an incident: the predicate alone has to
    make relevance judge the text an incident, and the figure stage read it."""
    templates = [
        "{Source} {n} {v} {pred} {place} {day}.",
        "{Day}, {n} {v} {pred} {place}, {source}.",
        "{Agent} {active} {place} {day}, {source}.",
    ]
    for pred in PREDICATES:
        for t, template in enumerate(templates):
            if not (pred.active if t == 2 else pred.many):
                continue
            agent = w.pick(ARMED)
            count = count_for(w, pred)
            victims = w.pick(victims_for(pred, "armed"))
            text = template.format(
                n=count.text,
                v=victims.many,
                pred=pred.many or "",
                Agent=cap(agent),
                active=(pred.active or "").format(v=f"{count.text} {victims.many}"),
                **w.scene(pred),
            )
            w.add(t, text, {pred.category: count.value}, tags=(pred.key, victims.many))


@family
def predicates_active(w: Writer) -> None:
    """Every active predicate with an armed agent as its subject: the agent is never counted."""
    templates = [
        "{Agent} {pred} {how_plain} {place} {day}, {source}.",
        "{Source} {agent} {pred} {how_plain} {place} {day}.",
        "{Agent} {pred} during a raid {place} {day}, {source}.",
    ]
    for pred in PREDICATES:
        if not pred.active:
            continue
        for t, template in enumerate(templates):
            kind = "state" if pred.category == "killed" and t == 2 else "armed"
            agent = w.pick(STATE if kind == "state" else ARMED)
            count = count_for(w, pred)
            victims = w.pick(victims_for(pred, kind))
            vp = f"{count.text} {victims.many}"
            text = template.format(
                Agent=cap(agent), agent=agent, pred=pred.active.format(v=vp), **w.scene(pred)
            )
            w.add(t, text, {pred.category: count.value}, tags=(pred.key, victims.many))


@family
def predicates_gerund(w: Writer) -> None:
    """Every predicate as a participle after the attack that caused it ("..., killing 12"), and
    as a second active verb of the attackers ("... and killed 12")."""
    templates = [
        "{Attack}, {pred}, {source}.",
        "{Source} {attack}, {pred}.",
        "{Armed} stormed a settlement {place} {day} and {active}, {source}.",
    ]
    for pred in PREDICATES:
        for t, template in enumerate(templates):
            if not (pred.active if t == 2 else pred.gerund):
                continue
            count = count_for(w, pred)
            victims = w.pick(victims_for(pred, "armed"))
            vp = f"{count.text} {victims.many}"
            text = template.format(
                pred=(pred.gerund or "").format(v=vp),
                active=(pred.active or "").format(v=vp),
                **w.scene(pred),
            )
            w.add(t, text, {pred.category: count.value}, tags=(pred.key, victims.many))


@family
def single_victim(w: Writer) -> None:
    """One victim told without a numeral: "a farmer was shot dead", "gunmen killed a trader"."""
    templates = [
        "{One} {pred} {how} {place} {day}, {source}.",
        "{Source} {one} {pred} when {attack}.",
        "{Armed} {active} {how_plain} {place} {day}, {source}.",
        "{Attack}, {gerund}, {source}.",
    ]
    forms = ["one", "one", "active", "gerund"]
    for i in range(130):
        t = i % 4
        pred = w.pick([p for p in PREDICATES if getattr(p, forms[t]) and not p.displacing])
        victims = w.pick(victims_for(pred, "armed"))
        text = templates[t].format(
            One=cap(victims.a),
            one=victims.a,
            pred=pred.one or "",
            active=(pred.active or "").format(v=victims.a),
            gerund=(pred.gerund or "").format(v=victims.a),
            **w.scene(pred),
        )
        w.add(t, text, {pred.category: 1}, tags=(pred.key, victims.one))


# the predicates of the number families: the plain ones of each category
SIMPLE = [
    p
    for p in PREDICATES
    if p.many
    in (
        "were killed",
        "were wounded",
        "were abducted",
        "were shot dead",
        "were injured",
        "were displaced",
        "fled their homes",
    )
]


def _numbers(w: Writer, make: Callable[[random.Random, bool], Count], n: int) -> None:
    """Counts of one form in passive, active and participle sentences (large ones for the
    displaced)."""
    templates = [
        "{Source} {n} {v} {pred} {how} {place} {day}.",
        "{Armed} {active} {how_plain} {place} {day}, {source}.",
        "{Attack}, {gerund}, {source}.",
        "{Day}, {n} {v} {pred} {how} {place}, {source}.",
    ]
    forms = ["many", "active", "gerund", "many"]
    for i in range(n):
        t = i % 4
        pred = w.pick([p for p in SIMPLE if getattr(p, forms[t])])
        victims = w.pick(victims_for(pred, "armed"))
        count = make(w.rng, pred.displacing)
        vp = f"{count.text} {victims.many}"
        text = templates[t].format(
            n=count.text,
            v=victims.many,
            pred=pred.many,
            active=(pred.active or "").format(v=vp),
            gerund=(pred.gerund or "").format(v=vp),
            **w.scene(pred),
        )
        w.add(t, text, {pred.category: count.value}, tags=(count.form, count.text, pred.key))


@family
def numbers_digits(w: Writer) -> None:
    """Counts in digits, with thousands separators for large ones."""

    def make(rng: random.Random, large: bool) -> Count:
        return digits(
            rng.randint(100, 9000)
            if large
            else rng.choice([rng.randint(2, 99), rng.randint(100, 400)])
        )

    _numbers(w, make, 90)


@family
def numbers_words(w: Writer) -> None:
    """Counts in words: "seven", "twenty-three", "three hundred"."""

    def make(rng: random.Random, large: bool) -> Count:
        if large:
            n = rng.randint(2, 9) * rng.choice([100, 1000])
            return Count(
                f"{in_words(n // 1000 or n // 100)} {'thousand' if n >= 1000 else 'hundred'}",
                n,
                "words",
            )
        return spelled(rng.randint(2, 99))

    _numbers(w, make, 90)


@family
def numbers_ranges(w: Writer) -> None:
    """Ranges: "between 10 and 15", "10 to 15", "10-15": best is the low end."""
    _numbers(w, lambda rng, large: ranged(rng, 100, 900) if large else ranged(rng), 90)


@family
def numbers_approx(w: Writer) -> None:
    """Approximations: "about", "at least", "more than", "nearly", "up to" + a number."""
    _numbers(w, lambda rng, large: approx(rng, large), 120)


@family
def numbers_vague(w: Writer) -> None:
    """Vague quantities: "dozens of" 12, "scores of" 20, "several" 3, "a couple of" 2,
    "thousands of" 1,000."""
    _numbers(w, lambda rng, large: vague(rng, large), 90)


# asides between the victims and their predicate, and clauses after it
ASIDES = [
    ", most of them women and children,",
    ", all members of the same family,",
    " who were returning from a market",
    " travelling in a convoy",
    ", police said,",
    ", according to witnesses,",
    " who had gathered for a wedding",
    ", mostly young men,",
    " on their way to a farm",
    " from a nearby village",
    ", aged between 18 and 25,",
    " who were asleep in their homes",
    ", whose bodies were later recovered by relatives,",
    " in a pickup truck",
]
ADVERBS = ["reportedly", "later", "all", "also", "allegedly", "apparently"]
TAILS = [
    " in an ambush on the road to {town}",
    " in the second such attack this week",
    " when their vehicle hit a roadside bomb",
    " as they slept",
    " in a raid that lasted about two hours",
    " at around 10 pm",
    " during an attack by at least 30 gunmen",
    ", two days after a similar attack",
]


@family
def intervening(w: Writer) -> None:
    """Words between the count and its predicate, and after it: asides, relative clauses,
    adverbs, numbers that count no victims (ages, hours, kilometres, the attackers)."""
    templates = [
        "{N} {v}{aside} {pred} {how} {place} {day}, {source}.",
        "{Source} {n} {v} were {adverb} {pred_bare} {how} {place} {day}.",
        "{N} {v} {pred} {place} {day}{tail}, {source}.",
        "{Source} {n} {v}{aside} {pred} {place} {day}{tail}.",
    ]
    preds = [p for p in PREDICATES if p.many and p.many.startswith("were ") and not p.displacing]
    for i in range(130):
        t = i % 4
        pred = w.pick(preds)
        victims = w.pick(victims_for(pred, "armed"))
        count = plain(w.rng)
        text = templates[t].format(
            n=count.text,
            N=count.at_start(),
            v=victims.many,
            aside=w.pick(ASIDES),
            pred=pred.many,
            pred_bare=pred.many.removeprefix("were "),
            adverb=w.pick(ADVERBS),
            tail=w.pick(TAILS).format(town=w.pick(PLACES)[0]),
            **w.scene(pred),
        )
        w.add(t, text, {pred.category: count.value}, tags=(pred.key, victims.many))


def _some(w: Writer, victims: Victims, first: bool = False) -> tuple[str, int]:
    """A group of victims with its size: "a soldier" (1) or "three militants" (3); in words
    when it opens the sentence."""
    n = w.rng.choice([1, 1, *range(2, 9)])
    if n == 1:
        return victims.a, 1
    return f"{(spelled if first else w.pick([digits, spelled]))(n).text} {victims.many}", n


@family
def coordination(w: Writer) -> None:
    """Coordinated victims add up: "a soldier and two militants" = 3, "two men and a woman" = 3,
    "three soldiers, a policeman and two civilians" = 6."""
    templates = [
        "{A} and {b} {pred} {how} {place} {day}, {source}.",
        "{Source} {a}, {b} and {c} {pred} {how} {place} {day}.",
        "{Armed} {active} {how_plain} {place} {day}, {source}.",
        "{Attack}, {gerund}, {source}.",
        "{Source} two men and a woman {pred} {how} {place} {day}.",
    ]
    preds = [p for p in PREDICATES if p.many and p.active and not p.displacing]
    for i in range(130):
        t = i % 5
        pred = w.pick([p for p in preds if t != 3 or p.gerund])
        groups = w.rng.sample(victims_for(pred, "armed"), 3)
        parts = [_some(w, v, first=k == 0) for k, v in enumerate(groups)]
        if t == 4:
            parts[:2] = [("two men", 2), ("a woman", 1)]
        used = parts if t == 1 else parts[:2]
        both = f"{parts[0][0]} and {parts[1][0]}"
        text = templates[t].format(
            A=cap(parts[0][0]),
            a=parts[0][0],
            b=parts[1][0],
            c=parts[2][0],
            pred=pred.many,
            active=pred.active.format(v=both),
            gerund=(pred.gerund or "").format(v=both),
            **w.scene(pred),
        )
        w.add(t, text, {pred.category: sum(c for _, c in used)}, tags=(pred.key,))


# a part of a group, without a count of its own that is not the part's
PART_ONE = [
    "a 12-year-old boy",
    "two brothers",
    "three women",
    "a pregnant woman",
    "their driver",
    "a local chief",
    "an elderly couple",
    "a mother and her baby",
]


@family
def parts(w: Writer) -> None:
    """Parts of a stated total are never added: "Four people, including two policemen" = 4."""
    templates = [
        "{N} people, including {m} {sub}, {pred} {how} {place} {day}, {source}.",
        "{N} people {pred} {how} {place} {day}, among them {m} {sub}, {source}.",
        "{Source} {n} people {pred} {how} {place} {day}, {m} of them {sub}.",
        "{N} {civilians}, including {part}, {pred} {how} {place} {day}, {source}.",
        "{Armed} {active} {how_plain} {place} {day}, including {m} {sub}, {source}.",
        "{Source} {n} people {pred} {how} {place} {day}: {m} {sub} and {k} {sub2}.",
    ]
    preds = [
        p
        for p in PREDICATES
        if p.many
        and p.many.startswith("were ")
        and p.active
        and not p.displacing
        and p.category != "missing"
    ]
    for i in range(130):
        t = i % 6
        pred = w.pick(preds)
        total = w.rng.randint(4, 30)
        m = w.rng.randint(2, total - 2)
        pool = victims_for(pred, "armed")
        victims = w.pick(pool)
        sub, sub2 = w.rng.sample([v for v in pool if v != victims], 2)
        count = w.pick([digits, spelled])(total)
        text = templates[t].format(
            N=count.at_start(),
            n=count.text,
            m=w.pick([str(m), in_words(m)]),
            k=in_words(total - m),
            sub=sub.many,
            sub2=sub2.many,
            v=victims.many,
            civilians=w.pick(V_CIVILIANS).many,
            part=w.pick(PART_ONE),
            pred=pred.many,
            active=pred.active.format(v=f"{count.text} people"),
            **w.scene(pred),
        )
        w.add(t, text, {pred.category: total}, tags=(pred.key,))


@family
def agents(w: Writer) -> None:
    """The agents are never victims, whether numbered or not, active subjects or "by" phrases;
    attackers arrested are an arrest."""
    templates = [
        "{Numbered} {active} in a raid {place} {day}, {source}.",
        "{N} {v} {pred} by {armed} in an attack {place} {day}, {source}.",
        "{N} {v} {pred} by {numbered} in an attack {place} {day}, {source}.",
        "{State} killed {n} {nonstate} who attacked a checkpoint {place} {day}, {source}.",
        "{Source} {n} {v} {pred} when {numbered} opened fire {place} {day}.",
        "Police arrested {m} men suspected of killing {n} {v} {place} {day}, {source}.",
        "Two cattle thieves were killed by locals {place} {day}, {source}.",
    ]
    preds = [
        p
        for p in PREDICATES
        if p.many and p.active and p.many.startswith("were ") and not p.displacing
    ]
    for i in range(130):
        t = i % 7
        pred = w.pick(preds)
        victims = w.pick(victims_for(pred, "armed"))
        count = plain(w.rng)
        m = w.rng.randint(2, 6)
        numbered = w.pick(NUMBERED_ARMED)
        text = templates[t].format(
            Numbered=cap(numbered),
            numbered=numbered,
            active=pred.active.format(v=f"{count.text} {victims.many}"),
            N=count.at_start(),
            n=count.text,
            v=victims.many,
            nonstate=w.pick(V_NONSTATE).many,
            pred=pred.many,
            m=in_words(m),
            **w.scene(pred),
        )
        expected = {pred.category: count.value}
        if t in (3, 5, 6):
            expected = {"killed": 2 if t == 6 else count.value} | (
                {"arrested": m} if t == 5 else {}
            )
        w.add(t, text, expected, tags=(pred.key, numbered if t in (0, 2, 4) else ""))


@family
def negation(w: Writer) -> None:
    """Nobody harmed: a figure of 0 or none; beside a real count, the real count only."""
    templates = [
        ("No one was killed when {attack}, {source}.", {"killed": 0}),
        ("{Attack}, but no one was hurt, {source}.", {"injured": 0}),
        ("There were no casualties after {attack}, {source}.", {"casualties": 0}),
        ("No injuries were reported after {attack}, {source}.", {"injured": 0}),
        (
            "None of the passengers was hurt when gunmen fired on a bus {place} {day}, {source}.",
            {"injured": 0},
        ),
        (
            "The army said none of its soldiers were killed in a clash with {armed} {place} {day}.",
            {"killed": 0},
        ),
        (
            "{N} {nonstate} were killed in a clash with troops {place} {day}, and no soldiers were "
            "hurt, {source}.",
            {"killed": "n", "injured": 0},
        ),
        ("{Attack}, killing {n} {v}, but no one else was injured, {source}.", {"killed": "n"}),
        (
            "Nobody was abducted when {armed} raided a school {place} {day}, {source}.",
            {"captured": 0},
        ),
    ]
    for i in range(108):
        t = i % len(templates)
        template, expected = templates[t]
        count = plain(w.rng)
        text = template.format(
            N=count.at_start(),
            n=count.text,
            v=w.pick(V_CIVILIANS).many,
            nonstate=w.pick(V_NONSTATE).many,
            **w.scene(),
        )
        w.add(t, text, {k: count.value if v == "n" else v for k, v in expected.items()})


@family
def two_categories(w: Writer) -> None:
    """Two or three categories in one sentence, each with its own count."""
    templates = [
        (
            "{N} {v} were killed and {m} others wounded when {attack}, {source}.",
            {"killed": "n", "injured": "m"},
        ),
        (
            "{Attack}, killing {n} {v} and wounding {m} others, {source}.",
            {"killed": "n", "injured": "m"},
        ),
        (
            "{Armed} killed {n} {v} and abducted {m} others {place} {day}, {source}.",
            {"killed": "n", "captured": "m"},
        ),
        (
            "{Source} {n} {v} were killed, {m} injured and {k} others abducted {place} {day}.",
            {"killed": "n", "injured": "m", "captured": "k"},
        ),
        (
            "The attack {place} {day} left {n} {v} dead and {m} injured, {source}.",
            {"killed": "n", "injured": "m"},
        ),
        (
            "{Source} {n} {v} died and {m} were wounded after {attack}.",
            {"killed": "n", "injured": "m"},
        ),
        (
            "{Armed} killed {n} {v} {place} {day}, forcing about {d} residents to flee, {source}.",
            {"killed": "n", "displaced": "d"},
        ),
    ]
    for i in range(112):
        t = i % len(templates)
        template, expected = templates[t]
        n, m, k = plain(w.rng), plain(w.rng), plain(w.rng)
        d = w.rng.randint(2, 40) * 50
        text = template.format(
            N=n.at_start(),
            n=n.text,
            m=m.text,
            k=k.text,
            d=f"{d:,}",
            v=w.pick(V_CIVILIANS + V_SECURITY).many,
            **w.scene(),
        )
        values = {"n": n.value, "m": m.value, "k": k.value, "d": d}
        w.add(t, text, {c: values[key] for c, key in expected.items()})


@family
def two_sentences(w: Writer) -> None:
    """The incident in one sentence, its count in the next; a count restated is one count."""
    templates = [
        (
            "{Attack}, {source}. {N} {v} were killed and several houses were set on fire.",
            {"killed": "n"},
        ),
        (
            "Fighting broke out between soldiers and {armed} {place} {day}. The army said {n} "
            "soldiers were killed.",
            {"killed": "n"},
        ),
        (
            "A bomb exploded at a crowded market {place} {day}. {N} people died and {m} were "
            "wounded, {source}.",
            {"killed": "n", "injured": "m"},
        ),
        (
            "{Armed} raided a school {place} {day}. They abducted {n} {v}, {source}.",
            {"captured": "n"},
        ),
        (
            "{Armed} killed {n} {v} {place} {day}, {source}. The {n} {v} were buried the next day.",
            {"killed": "n"},
        ),
        (
            "Clashes between rival militias erupted {place} {day}. More than {d} residents fled "
            "their homes, {source}.",
            {"displaced": "d"},
        ),
        (
            "{Armed} ambushed a convoy {place} {day}. {N} {v} were killed, {source}. Another "
            "{m} were injured.",
            {"killed": "n", "injured": "m"},
        ),
    ]
    for i in range(112):
        t = i % len(templates)
        template, expected = templates[t]
        n, m = plain(w.rng), plain(w.rng)
        d = w.rng.randint(2, 60) * 50
        text = template.format(
            N=n.at_start(), n=n.text, m=m.text, d=f"{d:,}", v=w.pick(V_CIVILIANS).many, **w.scene()
        )
        values = {"n": n.value, "m": m.value, "d": d}
        w.add(t, text, {c: values[key] for c, key in expected.items()})


@family
def near_misses(w: Writer) -> None:
    """Numbers beside the count that count no victims (cattle, houses, troops, ages, hours,
    kilometres, passengers carried, the attackers), and counts the text does not give ("a
    number of", "many")."""
    templates = [
        (
            "{Armed} killed {n} {v} and stole about 200 cattle {place} {day}, {source}.",
            {"killed": "n"},
        ),
        ("{Armed} burned 30 houses and killed {n} {v} {place} {day}, {source}.", {"killed": "n"}),
        ("A {age}-year-old {one} was shot dead {place} {day}, {source}.", {"killed": 1}),
        (
            "About 200 soldiers were deployed {place} {day} after {armed} killed {n} {v}, "
            "{source}.",
            {"killed": "n"},
        ),
        (
            "{N} {v} were killed {place} {day}, the third attack in two weeks, {source}.",
            {"killed": "n"},
        ),
        ("A number of {v} were killed when {attack}, {source}.", {}),
        ("Many {v} were wounded when {attack}, {source}.", {}),
        ("{Armed} killed {n} {v} on a highway 40 km from {town} {day}, {source}.", {"killed": "n"}),
        (
            "{N} {v} were killed in an attack on a bus carrying 30 passengers {place} {day}, "
            "{source}.",
            {"killed": "n"},
        ),
        ("Gunmen on 20 motorcycles killed {n} {v} {place} {day}, {source}.", {"killed": "n"}),
        (
            "The attackers, numbering about 50, killed {n} {v} {place} {day}, {source}.",
            {"killed": "n"},
        ),
    ]
    ages = [16, 17, 19, 20, 22, 25, 27, 30, 34, 35, 41, 45, 52, 60, 63, 67]
    for i in range(110):
        t = i % len(templates)
        template, expected = templates[t]
        n = plain(w.rng)
        victims = w.pick(V_CIVILIANS)
        text = template.format(
            N=n.at_start(),
            n=n.text,
            v=victims.many,
            one=victims.one,
            age=w.pick(ages),
            town=w.pick(PLACES)[0],
            **w.scene(),
        )
        w.add(t, text, {c: n.value if k == "n" else k for c, k in expected.items()})


# --- invariance: variants of one case that differ in a name, a place or the number --------------

INVARIANT = [
    "{N} {v} {pred} {how} {place} {day}, police spokesman {name} said.",
    "{name}, {one}, {pred_one} {how} {place} {day}, {source}.",
    "{Armed} {active} {how_plain} {place} {day}, {name}, a local official, said.",
    "{N} {v} {pred} when {attack}, according to {name}, a local councillor.",
    "{name} and {name2}, both {v}, {pred} {how} {place} {day}, {source}.",
]
# a named victim is any of these: not "a woman", "a policeman"
_GENDERED = {
    "man",
    "men",
    "woman",
    "women",
    "boy",
    "boys",
    "girl",
    "schoolgirls",
    "fisherman",
    "fishermen",
    "herdsman",
    "herdsmen",
    "policeman",
    "policemen",
    "militiaman",
    "militiamen",
    "serviceman",
    "servicemen",
    "watchman",
    "watchmen",
    "priest",
    "priests",
}


def _neutral(pool: list[Victims]) -> list[Victims]:
    return [v for v in pool if not _GENDERED & set(v.many.split() + v.one.split())]


def _invariant(w: Writer, groups: int, variants: int, vary: str) -> None:
    """`groups` cases, each written `variants` times with only a name, a place or the count
    changed (the count only where the case has one). The cases are plain (a common predicate,
    victims of one or two words), so that what changes is what is measured."""
    preds = [p for p in SIMPLE if p.one and p.active]
    shapes = [0, 2, 3] if vary == "numbers" else list(range(len(INVARIANT)))
    for g in range(groups):
        t = shapes[g % len(shapes)]
        pred = w.pick(preds)
        pool = [v for v in _neutral(victims_for(pred, "armed")) if len(v.many.split()) <= 2]
        victims = w.pick(pool)
        scene = w.scene(pred)
        counts = [plain(w.rng)]
        while len(counts) < variants:
            c = plain(w.rng) if vary == "numbers" else counts[0]
            if vary != "numbers" or c.value not in {x.value for x in counts}:
                counts.append(c)
        for k in range(variants):
            s = dict(scene, name2=NAMES[(g * 5 + k + 9) % len(NAMES)])
            if vary == "names":
                s["name"] = NAMES[(g * 5 + k) % len(NAMES)]
            elif vary == "places":
                town, region = PLACES[(g * 7 + k) % len(PLACES)]
                s["place"] = [f"in {town}", f"near {town}", f"in {town}, {region},"][g % 3]
                s["attack"] = w.pick(GUNFIRE).format(**s)
            count = counts[k]
            text = INVARIANT[t].format(
                N=count.at_start(),
                v=victims.many,
                one=victims.a,
                pred=pred.many,
                pred_one=pred.one,
                active=pred.active.format(v=f"{count.text} {victims.many}"),
                **s,
            )
            value = {1: 1, 4: 2}.get(t, count.value)
            w.add(t, text, {pred.category: value}, group=f"{w.family}:{g}", tags=(pred.key,))


@family
def inv_names(w: Writer) -> None:
    """The same case with other people's names (a source, a victim, two victims)."""
    _invariant(w, 24, 5, "names")


@family
def inv_places(w: Writer) -> None:
    """The same case in other places."""
    _invariant(w, 24, 5, "places")


@family
def inv_numbers(w: Writer) -> None:
    """The same case with other counts (or, for named victims, other days)."""
    _invariant(w, 24, 5, "numbers")


# --- the suite, its sample, and what a pass is ---------------------------------------------------


def all_probes() -> list[Probe]:
    """Every case of every family, in a fixed order."""
    return [p for build in FAMILIES.values() for p in build()]


def sample(probes: list[Probe], per_family: int, seed: str = "figprobes-sample") -> list[Probe]:
    """A fixed sample: `per_family` cases of each family (all of a family that has fewer), drawn
    with a seeded stream; an invariance family keeps whole groups."""
    by_family: dict[str, list[Probe]] = defaultdict(list)
    for p in probes:
        by_family[p.family].append(p)
    out: list[Probe] = []
    for name, items in by_family.items():
        rng = random.Random(f"{seed}:{name}")
        groups = list(dict.fromkeys(p.group for p in items if p.group))
        if groups:
            size = max(1, per_family // max(1, len(items) // len(groups)))
            keep = set(rng.sample(groups, min(size, len(groups))))
            out.extend(p for p in items if p.group in keep)
        else:
            out.extend(rng.sample(items, min(per_family, len(items))))
    return out


def records(probes: list[Probe]) -> list[dict]:
    """The extraction inputs of `probes`: ids in order."""
    return [{"id": str(i), "text": p.text, "published": PUBLISHED} for i, p in enumerate(probes)]
