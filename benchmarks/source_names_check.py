"""Check that the gazetteer places the names its own sources hold, and never far from them.

Takes Syrian names straight from the sources: every populated place's name and first four
alternate names in the SY GeoNames-format dump, and every English name of the OCHA communities
list. A sample of them (fixed seed) is resolved, each alone, with the map's countries SY,TR, the
SY and TR dumps imported. An answer counts as right when it lies within 5 km of any record that
carries the name; "far" when it lies more than 25 km from all of them.

This is not an independent measure of accuracy (the names are the stored ones; the evaluation set
of ``place_eval.py`` is the independent one). It is a wide net for rules that would make a
confident far answer: with thousands of real names and their namesakes, a rule that helps a few
names and misplaces others shows here. ``--save FILE`` keeps each name's answer, and
``--compare FILE`` lists every name whose class changed since that file was saved.

Run: ``PYTHONPATH=. python benchmarks/source_names_check.py [--sample N] [--save FILE]
[--compare FILE]``
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.shared_data import DUMPS, OCHA, SHARED  # noqa: E402
from gazetteer import open_gazetteer  # noqa: E402
from gazetteer.normalize import exact_key, is_arabic  # noqa: E402
from gazetteer.resolve import haversine_km  # noqa: E402

NEAR_KM = 5.0
FAR_KM = 25.0
ALTERNATES_PER_PLACE = 4
SEED = 3

Truth = dict[str, list[tuple[float, float, str]]]


def source_names() -> Truth:
    """Each folded name of the sources with the points of every record that carries it."""
    truth: Truth = defaultdict(list)
    with open(DUMPS / "SY.txt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t")
            if cols[6] != "P":
                continue
            lat, lon = float(cols[4]), float(cols[5])
            alternates = [a for a in cols[3].split(",") if a][:ALTERNATES_PER_PLACE]
            for name in [cols[1], *alternates]:
                truth[exact_key(name)].append((lat, lon, name))
    with open(OCHA, encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            truth[exact_key(row["name_en"])].append((float(row["lat"]), float(row["lon"]),
                                                     row["name_en"]))
    return truth


def sample_names(truth: Truth, size: int) -> list[str]:
    """A fixed sample of the Latin-script names (the same for a given size)."""
    keys = sorted(k for k in truth if k and not is_arabic(k))
    random.Random(SEED).shuffle(keys)
    return keys[:size]


def classify(gz, truth: Truth, keys: list[str]) -> dict[str, list]:
    """Each sampled name's class (within, mid, far, ambiguous, unresolved) and answer."""
    answers: dict[str, list] = {}
    for key in keys:
        name = truth[key][0][2]
        res = gz.resolve(name, countries=("SY", "TR"))
        place = res.place
        if place is None:
            answers[name] = [res.status, None]
            continue
        km = min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon, _ in truth[key])
        kind = "within" if km <= NEAR_KM else "mid" if km <= FAR_KM else "far"
        answers[name] = [kind, f"{place.name} ({place.country}) {place.lat:.3f},{place.lon:.3f}"]
    return answers


def print_changes(before: dict[str, list], answers: dict[str, list]) -> None:
    """Print every name whose class differs from the saved answers ``before``, then the counts."""
    changes = Counter()
    for name, (kind, answer) in sorted(answers.items()):
        was = before.get(name)
        if was and was[0] != kind:
            changes[(was[0], kind)] += 1
            print(f"  {was[0]:>10} -> {kind:<10} {name}: {answer or ''} (was {was[1] or ''})")
    print("changed:", dict(changes) or "none")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=8000, help="names to resolve (default 8000)")
    ap.add_argument("--save", type=Path, help="write each name's answer to this JSON file")
    ap.add_argument("--compare", type=Path, help="list the names whose class changed since "
                                                 "this saved file")
    args = ap.parse_args(argv)
    if not (DUMPS / "SY.txt").is_file() or not OCHA.is_file():
        print(f"source data not found under {SHARED / 'data'}", file=sys.stderr)
        return 2
    if args.compare and not args.compare.is_file():
        print(f"no saved answers to compare with: {args.compare}", file=sys.stderr)
        return 2
    truth = source_names()
    keys = sample_names(truth, args.sample)
    with tempfile.TemporaryDirectory(prefix="source-names-") as home:
        os.environ["MAPGEN_HOME"] = home
        gz = open_gazetteer(home)
        gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"])
        answers = classify(gz, truth, keys)
        gz.close()
    counts = Counter(kind for kind, _ in answers.values())
    n = len(answers)
    print(f"{n} source names, each alone, countries SY,TR, SY+TR dumps imported:")
    for kind in ("within", "mid", "far", "ambiguous", "unresolved"):
        print(f"  {kind:<10} {100 * counts[kind] / n:6.2f}% ({counts[kind]})")
    if args.compare:  # before saving: the two may be the same file
        print_changes(json.loads(args.compare.read_text(encoding="utf-8")), answers)
    if args.save:
        args.save.write_text(json.dumps(answers, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
