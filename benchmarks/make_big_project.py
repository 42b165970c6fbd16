"""Write a synthetic map project of N incidents (default 10,000) for rebuild benchmarks.

Places come from the project's own places.yaml (a grid over northern Syria), so a build needs
no gazetteer download; incidents spread over 120 days in 20 events files, with two zone files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

TYPES = ["airstrike", "shelling", "clashes", "territorial change", "displacement", "humanitarian"]


def make_project(root: Path, n: int = 10_000, files: int = 20, seed: int = 7) -> Path:
    rng = random.Random(seed)
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "zones").mkdir(parents=True, exist_ok=True)
    (root / "map.yaml").write_text("title: Rebuild benchmark\ntimezone: Asia/Damascus\ncountries: [SY, TR]\n",
                                   encoding="utf-8")
    places = []
    for i in range(300):
        places.append((f"Place {i:03d}", round(35.5 + (i // 20) * 0.1, 4), round(36.3 + (i % 20) * 0.1, 4)))
    (root / "places.yaml").write_text("places:\n" + "".join(
        f"  - {{name: {name}, lat: {lat}, lon: {lon}, country: SY}}\n" for name, lat, lon in places),
        encoding="utf-8")
    start = dt.date(2016, 1, 1)
    per_file = n // files
    for f in range(files):
        lines = ["incidents:\n"]
        for k in range(per_file):
            i = f * per_file + k
            day = start + dt.timedelta(days=rng.randrange(120))
            name = places[rng.randrange(len(places))][0]
            kind = TYPES[rng.randrange(len(TYPES))]
            lines.append(
                f"  - id: b-{i:05d}\n    date: {day.isoformat()}\n    place: {name}\n    type: {kind}\n"
                f"    title: {kind.capitalize()} near {name}\n    description: Synthetic incident {i}.\n"
                f"    sources: [{{outlet: Bench, url: \"https://example.org/b/{i}\"}}]\n")
        (root / "events" / f"events-{f:02d}.yaml").write_text("".join(lines), encoding="utf-8")
    zones = ["zones:\n"]
    for z in range(6):
        lat, lon = 35.6 + z * 0.2, 36.4 + z * 0.2
        zones.append(
            f"  - id: zone-{z}\n    faction: {'government' if z % 2 else 'rebels'}\n"
            f"    valid_from: 2016-01-{1 + z * 3:02d}\n"
            f"    geometry: {{type: Polygon, coordinates: [[[{lon}, {lat}], [{lon + 0.3}, {lat}], "
            f"[{lon + 0.3}, {lat + 0.3}], [{lon}, {lat + 0.3}], [{lon}, {lat}]]]}}\n")
    (root / "zones" / "control.yaml").write_text("".join(zones), encoding="utf-8")
    return root


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", type=int, default=10_000)
    args = parser.parse_args()
    make_project(args.folder, args.n)
    print(args.folder)
