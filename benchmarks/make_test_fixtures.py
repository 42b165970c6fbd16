"""Cut the small real data extracts the tests run on (``tests/data``) from the full data files.

The tests must run in a fresh clone with nothing beside it, so they use extracts committed under
``tests/data``:

* ``geonames-format/SY.txt`` and ``TR.txt``: every row of the SY and TR GeoNames-format dumps
  inside the box lat 35.9-36.9, lon 36.4-37.6 (Aleppo, Azaz, Kilis and their countryside), plus
  every row, anywhere in the two countries, that a test needs: rows whose name or alternate name
  is one of the names the tests resolve (so a test sees the same namesakes as the full dump),
  rows within 5 km of a true point the tests check against, and rows within 2 km of every
  answer (and alternative) the full dumps give for those names;
* ``ocha-syria-communities/communities.csv``: the OCHA communities inside the same box plus the
  communities carrying a needed name.

Rows are copied unchanged, in the order of the source files. Run from the repository:
``python benchmarks/make_test_fixtures.py`` (reads the full data folder beside the checkout,
as the benchmarks do; the tests themselves never read it).
"""
from __future__ import annotations

import csv
import math
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
HERE = REPO / "tests" / "data"
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
              REPO.parent / "shared")
SRC_DUMPS = SHARED / "data" / "geonames-format"
SRC_OCHA = SHARED / "data" / "ocha-syria-communities" / "communities.csv"
OUT_DUMPS = HERE / "geonames-format"
OUT_OCHA = HERE / "ocha-syria-communities"

BOX = (35.9, 36.9, 36.4, 37.6)  # lat min, lat max, lon min, lon max
NEAR_KM = 5.0
ANSWER_KM = 2.0

#: Names the tests resolve or look up that may lie outside the box (as the tests write them).
TEST_NAMES = [
    # gazetteer and CLI tests
    "Aleppo", "Suran", "Zahraa", "Azaz", "A'zaz", "Beirut", "Qamishlo", "Al Qamishli", "Homs",
    "Kafer Naya", "Nubl", "Tell Rifaat", "Tal Rifaat", "Anadan", "Bab al-Hawa", "Bab al-Salameh",
    "Menagh", "Minakh", "Mayer", "Rabia", "Salma", "Kasr Testiya", "Qasr Testiyeh", "حريتان",
    # names of places in the gazetteer's accuracy tests
    "Hraytan", "Hreitan", "Killis", "Kilis", "Latakia", "Sharm el-Sheikh", "Ankara", "Moscow",
    "Brussels", "Bangkok", "London", "Syria", "Turkey", "Jordan", "Lebanon", "Egypt", "Sinai",
    # names in the ingest tests' own texts
    "Sheikh Maqsood", "Abu al-Duhur", "Deir Hafer", "Manbij", "Madaya", "Darayya", "East Ghouta",
    "Fuaa", "Kefraya", "Marea",
]


def fold(name: str) -> str:
    """Lower-case, accents and punctuation removed: enough to find a name's rows."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", "", text)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(a))


def needed() -> tuple[set[str], list[tuple[float, float]], list[str]]:
    """Folded names, true points and the names as written that the tests use."""
    raw = list(TEST_NAMES)
    names = {fold(n) for n in TEST_NAMES}
    points: list[tuple[float, float]] = []
    with open(REPO / "benchmarks" / "data" / "report_spellings.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            names |= {fold(row["query"]), fold(row["place"])}
            raw.append(row["query"])
            points.append((float(row["lat"]), float(row["lon"])))
    for path in sorted((REPO / "tests" / "ingest" / "data").glob("*.annotation.yaml")):
        ann = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, place in (ann.get("places") or {}).items():
            names.add(fold(key))
            points.append((float(place["lat"]), float(place["lon"])))
        for entry in ann.get("entries") or []:
            for mention in entry.get("mentions") or []:
                names.add(fold(mention[0]))
                raw.append(str(mention[0]))
    names.discard("")
    return names, points, list(dict.fromkeys(raw))


def answer_points(raw_names: list[str]) -> list[tuple[float, float]]:
    """Where the full SY and TR dumps place each name (answers and alternatives)."""
    sys.path.insert(0, str(REPO))
    from gazetteer import open_gazetteer

    points = []
    with tempfile.TemporaryDirectory(prefix="fixtures-") as home:
        with open_gazetteer(home) as gz:
            gz.import_files([SRC_DUMPS / "SY.txt", SRC_DUMPS / "TR.txt"])
            for name in raw_names:
                for countries in ((), ("SY",), ("SY", "TR")):
                    res = gz.resolve(name, countries=countries)
                    for place in ([res.place] if res.place is not None else []) + list(res.alternatives):
                        if place.country in ("SY", "TR"):
                            points.append((place.lat, place.lon))
    return list(dict.fromkeys(points))


def keep(lat: float, lon: float, row_names: list[str], names: set[str],
         points: list[tuple[float, float]], answers: list[tuple[float, float]]) -> bool:
    if BOX[0] <= lat <= BOX[1] and BOX[2] <= lon <= BOX[3]:
        return True
    if any(fold(n) in names for n in row_names if n):
        return True
    return (any(km(lat, lon, plat, plon) <= NEAR_KM for plat, plon in points)
            or any(km(lat, lon, alat, alon) <= ANSWER_KM for alat, alon in answers))


def cut_dump(country: str, names: set[str], points: list[tuple[float, float]],
             answers: list[tuple[float, float]]) -> int:
    OUT_DUMPS.mkdir(parents=True, exist_ok=True)
    kept = 0
    with open(SRC_DUMPS / f"{country}.txt", encoding="utf-8") as src, \
            open(OUT_DUMPS / f"{country}.txt", "w", encoding="utf-8", newline="") as dst:
        for line in src:
            cols = line.rstrip("\n").split("\t")
            row_names = [cols[1], cols[2], *cols[3].split(",")]
            if keep(float(cols[4]), float(cols[5]), row_names, names, points, answers):
                dst.write(line)
                kept += 1
    return kept


def cut_ocha(names: set[str], points: list[tuple[float, float]],
             answers: list[tuple[float, float]]) -> int:
    OUT_OCHA.mkdir(parents=True, exist_ok=True)
    with open(SRC_OCHA, encoding="utf-8", newline="") as fh:
        lines = fh.read().splitlines(keepends=True)
    kept = [lines[0]]
    for line, row in zip(lines[1:], csv.DictReader(lines)):
        row_names = [row["name_en"], row["name_ar"], *row["alt_names"].split(";")]
        if keep(float(row["lat"]), float(row["lon"]), row_names, names, points, answers):
            kept.append(line)
    (OUT_OCHA / "communities.csv").write_text("".join(kept), encoding="utf-8", newline="")
    return len(kept) - 1


def main() -> int:
    if not SRC_DUMPS.is_dir() or not SRC_OCHA.is_file():
        print(f"shared data not found under {SHARED}", file=sys.stderr)
        return 2
    names, points, raw = needed()
    answers = answer_points(raw)
    counts = {f"geonames-format/{cc}.txt": cut_dump(cc, names, points, answers) for cc in ("SY", "TR")}
    counts["ocha-syria-communities/communities.csv"] = cut_ocha(names, points, answers)
    for path, n in counts.items():
        size = (HERE / path).stat().st_size
        print(f"{path}: {n} rows, {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
