"""Build a synthetic 25-year ACLED country file (today's export layout) and time ``mapgen build``.

ACLED's files carry coordinates, so no place is looked up; what is measured is reading the
export (delimiter and encoding checks included), validating it, and writing the map.

    PYTHONPATH=. python benchmarks/acled_bench.py [-n 60000] [--keep DIR] [--repeat 3]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
          "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
          "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
          "tags,timestamp").split(",")
KINDS = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence",
                                                              "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
         ("Strategic developments", "Looting/property destruction")]
TOWNS = [("Aleppo", 36.2021, 37.1343), ("Azaz", 36.5862, 37.0441), ("Idlib", 35.9306, 36.6339),
         ("Hama", 35.1318, 36.7578), ("Homs", 34.7268, 36.7234), ("Raqqa", 35.9528, 39.0079),
         ("Deir ez-Zor", 35.3359, 40.1408), ("Daraa", 32.6189, 36.1021), ("Douma", 33.5711, 36.4019),
         ("Manbij", 36.5281, 37.9549), ("Al Bab", 36.3706, 37.5157), ("Tell Rifaat", 36.4717, 37.0972)]
ACTORS = ["Military Forces of Syria (2000-)", "Hayat Tahrir al Sham", "Islamic State (Syria)",
          "QSD: Syrian Democratic Forces", "Military Forces of Russia (2000-)", "Civilians (Syria)",
          "Protesters (Syria)", "Rebel Groups (Syria)"]
OUTLETS = ["SOHR", "Step News Agency", "SANA", "Reuters", "Syrian Civil Defense", "Enab Baladi"]


def generate(path: Path, count: int, seed: int = 25) -> None:
    rng = random.Random(seed)
    first = dt.date(1997, 1, 1)
    span = (dt.date(2021, 12, 31) - first).days
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(count):
            day = first + dt.timedelta(days=rng.randrange(span))
            kind, sub = rng.choice(KINDS)
            town, lat, lon = rng.choice(TOWNS)
            a1, a2 = rng.sample(ACTORS, 2)
            sources = "; ".join(rng.sample(OUTLETS, rng.randrange(1, 3)))
            deaths = rng.choice([0, 0, 0, 1, 2, 3, 5, 12])
            writer.writerow([
                f"SYR{n + 1}", day.strftime("%d %B %Y"), day.year, rng.choice("1112"), "Political violence",
                kind, sub, a1, "", 1, a2, "", 2, 12, "", 760, "Middle East", "Syria", "Aleppo", "", "", town,
                f"{lat + rng.uniform(-0.05, 0.05):.4f}", f"{lon + rng.uniform(-0.05, 0.05):.4f}",
                rng.choice("1112"), sources, "National",
                f"On {day:%d %B %Y}, {a1} and {a2} were involved in an event near {town}. {deaths} fatalities.",
                deaths, "", 1600000000 + n])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=60_000)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="mapgen-acled-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"acled-syria-1997-2021-{args.count}.csv"
    if not data.exists():
        generate(data, args.count)
    env = dict(os.environ)
    env.setdefault("MAPGEN_HOME", str(folder / "home"))
    exe = [sys.executable, "-m", "mapgen", "-q", "build", str(data), "-o", str(folder / "acled.html"),
           "--no-cache"]
    runs = []
    for _ in range(max(1, args.repeat)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(exe, env=env, check=True, capture_output=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append((wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
    print(f"file: {data} ({data.stat().st_size / 1e6:.1f} MB, {args.count} events, 1997-2021)")
    for wall, cpu in runs:
        print(f"mapgen build: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
