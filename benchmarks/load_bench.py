"""Benchmark: load and validate 100,000 incidents from CSV (``load_source``), in a fresh process.

Generates a seeded CSV (realistic columns: places, coordinates, mixed time precision, actors,
sources with links), then runs ``load_source`` on it in a new Python process and reports that
process's wall time (import, and load + validate) and peak resident memory.

    PYTHONPATH=. python benchmarks/load_bench.py [-n 100000] [--keep DIR]

Targets: load + validate under 1 s, peak RSS under 250 MB.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TYPES = ["airstrike", "shelling", "clashes", "displacement", "territorial change", "statement"]
TOWNS = [("Azaz", 36.5866, 37.0463), ("Tell Rifaat", 36.4733, 37.0972), ("Nubl", 36.3739, 36.9958),
         ("Hraytan", 36.2917, 37.0975), ("Mare'", 36.4781, 37.1942), ("Anadan", 36.2936, 37.0444),
         ("Bab al-Salameh", 36.6489, 37.0581), ("Kafr Naya", 36.4128, 37.0356), ("Menagh", 36.5214, 37.0417),
         ("Deir Jamal", 36.4300, 37.0580)]
OUTLETS = [("SOHR", "https://www.syriahr.com/en/"), ("Reuters", "https://www.reuters.com/article/"),
           ("Step News Agency", "https://stepagency-sy.net/"), ("SANA", "https://sana.sy/en/?p="),
           ("Anadolu Agency", "https://www.aa.com.tr/en/"), ("Enab Baladi", "https://english.enabbaladi.net/archives/")]
ACTORS = ["Russia", "Government", "Rebels", "YPG", "ISIL", "Turkey", "Hezbollah"]
COLUMNS = ["id", "date", "type", "place", "lat", "lon", "time_precision", "geo_precision", "actors", "title",
           "description", "fatalities", "sources"]


def generate(path: Path, count: int, seed: int = 20160204) -> None:
    """Write ``count`` seeded incidents to ``path``."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for number in range(count):
            town, lat, lon = rng.choice(TOWNS)
            kind = rng.choice(TYPES)
            day = 1 + rng.randrange(730)
            year, doy = (2015, day) if day <= 365 else (2016, day - 365)
            month, dom = divmod(doy - 1, 31)
            date = f"{year}-{month % 12 + 1:02d}-{dom % 28 + 1:02d}"
            precision = rng.choices(["", "week", "month", "exact"], [80, 10, 5, 5])[0]
            if precision == "exact":
                date += f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+02:00"
            outlet, base = rng.choice(OUTLETS)
            sources = f"{outlet}|{base}{rng.randrange(30_000)}"
            if rng.random() < 0.3:
                outlet2, base2 = rng.choice(OUTLETS)
                sources += f";{outlet2}|{base2}{rng.randrange(30_000)}"
            writer.writerow([
                f"ev{number:06d}", date, kind, town,
                f"{lat + rng.uniform(-0.02, 0.02):.5f}", f"{lon + rng.uniform(-0.02, 0.02):.5f}",
                precision, rng.choice(["exact", "exact", "near", "region"]),
                ";".join(rng.sample(ACTORS, rng.randrange(1, 3))), f"{kind.capitalize()} in {town}",
                f"Report {number}: {kind} near {town}, {rng.randrange(1, 9)} km from the front line.",
                rng.choice(["", "0", "1", "2", "5", "12"]), sources,
            ])


def child(path: str) -> None:
    """Run in the fresh process: import, load and validate, then print the measurements as JSON."""
    import resource

    start = time.perf_counter()
    from mapgen.source import load_source

    imported = time.perf_counter()
    cpu = time.process_time()
    source = load_source(path, timezone="Asia/Damascus")
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    heavy = sorted(m for m in ("shapely", "pandas", "geopandas", "pyproj", "folium", "numpy") if m in sys.modules)
    print(json.dumps({"incidents": len(source.incidents), "import_s": imported - start,
                      "load_s": done - imported, "load_cpu_s": cpu, "peak_rss_mb": peak_kb / 1024, "heavy_imports": heavy}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="Folder to keep the generated CSV in.")
    parser.add_argument("--repeat", type=int, default=3, help="Fresh processes to run (best is reported).")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="mapgen-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"incidents-{args.count}.csv"
    if not data.exists():
        generate(data, args.count)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parent.parent), env.get("PYTHONPATH", "")])
    env.setdefault("MAPGEN_HOME", str(folder / "home"))
    runs = []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, "--child", str(data)], env=env, check=True,
                             capture_output=True, text=True)
        runs.append((json.loads(out.stdout), time.perf_counter() - started))
    result, total = min(runs, key=lambda run: run[0]["load_s"])
    size_mb = data.stat().st_size / 1e6
    print(f"file: {data} ({size_mb:.1f} MB, {result['incidents']} incidents)")
    walls = ", ".join(f"{run['load_s']:.3f}" for run, _ in runs)
    print(f"load + validate: {result['load_s']:.3f} s wall (best of {len(runs)}: {walls}), "
          f"{result['load_cpu_s']:.3f} s CPU")
    print(f"import {result['import_s']:.3f} s; whole process {total:.2f} s")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"peak RSS: {max(run['peak_rss_mb'] for run, _ in runs):.0f} MB")
    print(f"heavy modules imported: {', '.join(result['heavy_imports']) or 'none'}")
    ok = result["load_s"] < 1.0 and result["peak_rss_mb"] < 250
    print("target (< 1 s, < 250 MB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
