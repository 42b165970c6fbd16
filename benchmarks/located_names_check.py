"""Check that a name's location tells namesakes apart: "Aqraba, Daraa Governorate".

Wikipedia titles villages that share a name with their province or district ("Al-Bayda, Tartus
Governorate", "Suran (Azaz District)"), and people paste those titles into a map's places.
This takes every OCHA community whose English name other communities of another province
share (more than 25 km away), writes it with its province ("NAME, PROVINCE Governorate") and
with its district ("NAME, DISTRICT District"), as OCHA's admin columns name them, and resolves
each alone with the map's countries SY,TR: with the built-in default gazetteer (which holds the
OCHA communities), then with the SY and TR dumps imported. An answer is right within 5 km of the
community.

Not an independent measure (the names are OCHA's own): it measures how well the location picks
among namesakes, not how well spellings are read.

Run: ``PYTHONPATH=. python benchmarks/located_names_check.py [--limit N]``
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.shared_data import DUMPS, OCHA  # noqa: E402
from gazetteer import open_gazetteer  # noqa: E402
from gazetteer.normalize import loose_key  # noqa: E402
from gazetteer.resolve import haversine_km  # noqa: E402

NEAR_KM = 5.0
FAR_KM = 25.0
COUNTRIES = ("SY", "TR")


def located_names(limit: int | None = None) -> list[tuple[str, str, float, float]]:
    """(query, unit, lat, lon): communities whose name others share in other provinces."""
    with open(OCHA, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_name[loose_key(r["name_en"])].append(r)
    out = []
    for group in by_name.values():
        if len({r["admin1"] for r in group}) < 2:
            continue
        for r in group:
            lat, lon = float(r["lat"]), float(r["lon"])
            others = [o for o in group if o is not r and o["admin1"] != r["admin1"]]
            if not others or min(float(haversine_km(lat, lon, float(o["lat"]), float(o["lon"])))
                                 for o in others) <= FAR_KM:
                continue
            out.append((f"{r['name_en']}, {r['admin1']} Governorate", "province", lat, lon))
            out.append((f"{r['name_en']}, {r['admin2']} District", "district", lat, lon))
    out.sort()
    return out[:limit] if limit else out


def measure(gz, names) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for query, unit, lat, lon in names:
        res = gz.resolve(query, countries=COUNTRIES)
        if res.place is None:
            k = res.status
        else:
            km = float(haversine_km(lat, lon, res.place.lat, res.place.lon))
            k = "within" if km <= NEAR_KM else "mid" if km <= FAR_KM else "far"
        counts[unit][k] += 1
    return counts


def report(label: str, counts: dict[str, Counter]) -> None:
    print(f"\n#### {label}\n")
    print("| location | n | within 5 km | 5-25 km | > 25 km | ambiguous | unresolved |")
    print("|---|---|---|---|---|---|---|")
    for unit in ("province", "district"):
        c = counts[unit]
        n = sum(c.values())
        cells = " | ".join(f"{100 * c[k] / n:.1f}%" for k in
                           ("within", "mid", "far", "ambiguous", "unresolved"))
        print(f"| {unit} | {n} | {cells} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N names only")
    args = ap.parse_args(argv)
    names = located_names(args.limit)
    print(f"## Located names: {len(names)} OCHA community names with their province or "
          f"district, countries {','.join(COUNTRIES)}")
    with tempfile.TemporaryDirectory(prefix="located-check-") as home:
        os.environ["MAPGEN_HOME"] = home
        gz = open_gazetteer(home)
        report("built-in default", measure(gz, names))
        gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"])
        gz.close()
        gz = open_gazetteer(home)
        report("built-in + SY + TR dumps", measure(gz, names))
        gz.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
