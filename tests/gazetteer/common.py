"""Shared fixtures data for the gazetteer tests: paths and a few real GeoNames dump lines."""
from __future__ import annotations

from pathlib import Path

from gazetteer.resolve import haversine_km

REPO = Path(__file__).resolve().parents[2]
#: Real GeoNames-format rows (SY, TR) cut from the full dumps: see tests/data/SOURCE.md.
DUMPS = REPO / "tests" / "data" / "geonames-format"
TEST_SET = REPO / "benchmarks" / "data" / "report_spellings.csv"


def dump_lines(country: str, geonameids: set[int]) -> list[str]:
    """Return the lines of the real ``country`` dump whose geonameid is in ``geonameids``."""
    out = []
    with open(DUMPS / f"{country}.txt", encoding="utf-8") as fh:
        for line in fh:
            gid = int(line.split("\t", 1)[0])
            if gid in geonameids:
                out.append(line)
    return out


# Kafr Naya, Huraytan, I'zaz, Tall Rif'at, Nubul, Aleppo city and governorate (SY);
# Kilis town and province (TR).
SAMPLE_SY = {168652, 169858, 172082, 163476, 166331, 170063, 170062}
SAMPLE_TR = {307864, 443213}


def km(place, point: tuple[float, float]) -> float:
    """Distance in km from a resolved place to a point (lat, lon)."""
    return float(haversine_km(place.lat, place.lon, point[0], point[1]))
