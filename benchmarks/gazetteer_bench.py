"""Benchmark of the gazetteer: accuracy on real report spellings, and speed.

Imports the SY and TR GeoNames-format dumps from ``<repo>/../shared/data/geonames-format``
into a temporary MAPGEN_HOME, then measures:

* accuracy on ``benchmarks/data/report_spellings.csv`` (ground truth from Wikipedia, fixed
  before any tuning): share within 5 km of the truth, confidently wrong (> 5 km), resolved into
  the wrong country, ambiguous, unresolved -- with the built-in default alone and with SY+TR;
* import time (SY, TR and OCHA's Syrian communities in one import), database open time, resolutions per second on one core (distinct names the
  first time they are seen, and names seen before), counted in CPU seconds of this process;
* the first-time speed of the Python sources of the compiled modules too (see
  ``gazetteer/native.py``), in a child process on the same database, in the same run.

Run: ``PYTHONPATH=. python benchmarks/gazetteer_bench.py [--show-misses]``
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.shared_data import DUMPS, OCHA  # noqa: E402
from gazetteer import native, open_gazetteer  # noqa: E402
from gazetteer.normalize import clear_caches as clear_key_caches  # noqa: E402
from gazetteer.resolve import haversine_km  # noqa: E402

TEST_SET = REPO / "benchmarks" / "data" / "report_spellings.csv"
WITHIN_KM = 5.0
REGION = ("SY", "TR")


@dataclass(frozen=True)
class Row:
    query: str
    place: str
    country: str
    lat: float
    lon: float


def load_rows(path: Path = TEST_SET) -> list[Row]:
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return [Row(r["query"], r["place"], r["country"], float(r["lat"]), float(r["lon"]))
            for r in csv.DictReader(lines)]


def evaluate(rows: list[Row], results: list) -> dict[str, object]:
    counts = {"n": len(rows), "within": 0, "wrong": 0, "wrong_country": 0, "ambiguous": 0,
              "unresolved": 0}
    misses = []
    for row, res in zip(rows, results):
        if res.status != "resolved":
            counts[res.status] += 1
            misses.append((row, res, None))
            continue
        d = float(haversine_km(row.lat, row.lon, res.place.lat, res.place.lon))
        if d <= WITHIN_KM:
            counts["within"] += 1
        else:
            counts["wrong"] += 1
            misses.append((row, res, d))
        if res.place.country != row.country:
            counts["wrong_country"] += 1
    counts["misses"] = misses
    return counts


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def accuracy_line(label: str, c: dict) -> str:
    n = c["n"]
    return (f"| {label} | {n} | {pct(c['within'], n)} | {pct(c['wrong'], n)} | "
            f"{c['wrong_country']} | {pct(c['ambiguous'], n)} | {pct(c['unresolved'], n)} |")


def run_modes(gz, rows: list[Row]) -> dict[str, dict]:
    names = [r.query for r in rows]
    return {
        "each name alone, no hints": evaluate(rows, [gz.resolve(n) for n in names]),
        "each name alone, countries SY,TR": evaluate(
            rows, [gz.resolve(n, countries=REGION) for n in names]),
        "resolve_many (whole set as one report), countries SY,TR": evaluate(
            rows, gz.resolve_many(names, countries=REGION)),
    }


# Speeds are per CPU second of this process (time.process_time): one core, and not skewed by
# other jobs on a shared machine.
def speed(gz, names: list[str], seconds: float = 1.5) -> float:
    """Resolutions/s of names seen before (a report re-resolved on each rebuild)."""
    for n in names:
        gz.resolve(n, countries=REGION)
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for n in names:
            gz.resolve(n, countries=REGION)
        done += len(names)
    return done / (time.process_time() - start)


#: First-time speed is measured on this many disjoint samples of distinct names ...
COLD_SAMPLES = 5
COLD_SAMPLE_SIZE = 2000
#: ... each resolved from scratch this many times, the fastest kept (as timeit does: slower
#: runs measure what else the machine was doing).
COLD_REPEATS = 3


def cold_speed(gz, names: list[str]) -> list[tuple[int, float]]:
    """Resolutions/s of distinct names, each seen for the first time.

    The names are split into COLD_SAMPLES disjoint samples. Before each run of a sample the
    gazetteer's per-name cache and the normaliser's key caches are emptied, so every name
    is normalised, looked up in the database and ranked from scratch; each is resolved once
    with countries SY,TR. Each sample is run COLD_REPEATS times. Returns (names, CPU seconds
    of the fastest run) per sample.
    """
    rates = []
    for k in range(COLD_SAMPLES):
        sample = names[k * COLD_SAMPLE_SIZE:(k + 1) * COLD_SAMPLE_SIZE]
        runs = []
        for _ in range(COLD_REPEATS):
            gz._cache.clear()
            clear_key_caches()
            start = time.process_time()
            for n in sample:
                gz.resolve(n, countries=REGION)
            runs.append(time.process_time() - start)
        rates.append((len(sample), min(runs)))
    return rates


def context_speed(gz, names: list[str], rounds: int = 5) -> float:
    """Names/s through resolve_many (each name ranked again with the others as context)."""
    gz.resolve_many(names, countries=REGION)
    start = time.process_time()
    for _ in range(rounds):
        gz.resolve_many(names, countries=REGION)
    return rounds * len(names) / (time.process_time() - start)


def sample_names(k: int = 5000, seed: int = 8) -> list[str]:
    """Distinct names from the dumps, as a report would use them."""
    names = []
    for cc in REGION:
        with open(DUMPS / f"{cc}.txt", encoding="utf-8") as fh:
            for line in fh:
                cols = line.split("\t")
                names.append(cols[1])
                names.extend(a for a in cols[3].split(",")[:2] if a.isascii() and a)
    rng = random.Random(seed)
    names = sorted(set(names))
    rng.shuffle(names)
    return names[:k]


def cold_rate(cold: list[tuple[int, float]]) -> float:
    """All names over all CPU time of :func:`cold_speed`'s samples."""
    return sum(n for n, _ in cold) / sum(c for _, c in cold)


def sources_cold_rate(home: str) -> float:
    """First-time resolutions/s of the compiled modules' Python sources, on ``home``: the
    same measure in a child process with MAPGEN_PURE_PYTHON set."""
    out = subprocess.run([sys.executable, __file__, "--cold-only", home], check=True,
                         capture_output=True, text=True,
                         env={**os.environ, native.PURE_PYTHON_ENV: "1"})
    return float(out.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="list every miss")
    ap.add_argument("--cold-only", metavar="HOME", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.cold_only:
        with open_gazetteer(args.cold_only) as gz:
            print(cold_rate(cold_speed(gz, sample_names(COLD_SAMPLES * COLD_SAMPLE_SIZE))))
        return 0
    if not DUMPS.is_dir():
        print(f"GeoNames-format dumps not found: {DUMPS}", file=sys.stderr)
        return 2
    rows = load_rows()
    with tempfile.TemporaryDirectory(prefix="gazetteer-bench-") as home:
        os.environ["MAPGEN_HOME"] = home
        t, c = time.perf_counter(), time.process_time()
        gz = open_gazetteer(home)
        first_open, first_open_cpu = time.perf_counter() - t, time.process_time() - c
        builtin = run_modes(gz, rows)
        t, c = time.perf_counter(), time.process_time()
        report = gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"]
                                 + ([OCHA] if OCHA.is_file() else []))
        import_s, import_cpu = time.perf_counter() - t, time.process_time() - c
        gz.close()
        opens, opens_cpu = [], []
        for _ in range(7):
            t, c = time.perf_counter(), time.process_time()
            gz = open_gazetteer(home)
            opens.append(time.perf_counter() - t)
            opens_cpu.append(time.process_time() - c)
            gz.close()
        gz = open_gazetteer(home)
        full = run_modes(gz, rows)
        cold = cold_speed(gz, sample_names(COLD_SAMPLES * COLD_SAMPLE_SIZE))
        compiled = native.compiled_in_use()
        sources_cold = sources_cold_rate(home) if compiled else None
        warm = speed(gz, [r.query for r in rows])
        many = context_speed(gz, [r.query for r in rows])
        db_mb = gz.path.stat().st_size / 1e6
        gz.close()

    print("## Gazetteer benchmark\n")
    print(f"Test set: {len(rows)} report spellings ({TEST_SET.relative_to(REPO)}), "
          f"correct = resolved within {WITHIN_KM:g} km of the Wikipedia coordinate.\n")
    print("| data | mode | n | within 5 km | confidently wrong | wrong country | ambiguous | "
          "unresolved |")
    print("|---|---|---|---|---|---|---|---|")
    for label, data in (("built-in default", builtin), ("built-in + SY + TR", full)):
        for mode, c in data.items():
            print(accuracy_line(f"{label} | {mode}", c))
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| first open (builds the built-in default) | {first_open:.1f} s "
          f"({first_open_cpu:.1f} s CPU) |")
    print(f"| import SY+TR+OCHA ({report.places} places) | {import_s:.1f} s "
          f"({import_cpu:.1f} s CPU) |")
    print(f"| open (median of 7) | {statistics.median(opens) * 1000:.1f} ms "
          f"({statistics.median(opens_cpu) * 1000:.1f} ms CPU) |")
    cold_rates = [n / cpu for n, cpu in cold]
    print(f"| resolutions/s, distinct names seen for the first time ({COLD_SAMPLES} samples of "
          f"{COLD_SAMPLE_SIZE:,}, fastest of {COLD_REPEATS} runs each: all names / all CPU time; "
          f"samples {min(cold_rates):,.0f}-"
          f"{max(cold_rates):,.0f}; {'compiled' if compiled else 'Python sources'}) | "
          f"{cold_rate(cold):,.0f} |")
    if sources_cold is not None:
        print(f"| the same, the Python sources of the compiled modules (MAPGEN_PURE_PYTHON) | "
              f"{sources_cold:,.0f} (compiled: {cold_rate(cold) / sources_cold:.2f}x) |")
    print(f"| resolutions/s, names seen before (report re-resolved) | {warm:,.0f} |")
    print(f"| names/s through resolve_many ({len(rows)} names as one report, with context) | "
          f"{many:,.0f} |")
    print(f"| database size | {db_mb:.0f} MB |")
    print("\nResolutions/s count CPU seconds of this process (time.process_time), on one core."
          "\nFirst time: distinct names from the SY and TR dumps, each resolved once with"
          "\ncountries SY,TR after the database is open, with the per-name cache and the"
          "\nnormaliser's key caches emptied before each sample: every name is normalised,"
          "\nlooked up in the database and ranked. Seen before: the test set resolved again.")
    if args.show_misses:
        for label, data in (("built-in", builtin), ("SY+TR", full)):
            for mode, c in data.items():
                print(f"\n### misses: {label}, {mode}")
                for row, res, d in c["misses"]:
                    got = (f"{res.place.name} ({res.place.country}) {d:.1f} km off"
                           if res.place is not None else
                           ", ".join(f"{a.name} ({a.country})" for a in res.alternatives[:4]))
                    print(f"- {row.query} [{row.place}]: {res.status}: {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
