"""Check that two versions of the gazetteer give the same answers: dump, then compare.

Resolves every name of ``benchmarks/data/syria_eval.csv``, ``report_spellings.csv`` and the
speed benchmark's 10,000 first-time names, with countries SY,TR, SY alone and none, one by one
and (the evaluation names) with context (``resolve_many``, ``near``, ``view``), and pickles
each answer (status, place, score, alternatives and their scores, match, records of one place,
distance from the context). Run it with each version on the same database, then compare:

    PYTHONPATH=. python benchmarks/same_answers.py dump HOME old.pkl    # in the old checkout
    PYTHONPATH=. python benchmarks/same_answers.py dump HOME new.pkl    # in the new one
    python benchmarks/same_answers.py compare old.pkl new.pkl

A speed-up must leave every answer as it was. A change of the matching may change answers:
``compare`` also counts the changes by class (status before -> after; a place resolved both
times but moved, by how far), and ``dump HOME OUT NAMES`` adds the names of the text file
NAMES (one a line) to those resolved one by one. (When the two versions key names
differently, each needs its own HOME with the same files imported.)
"""
from __future__ import annotations

import csv
import pickle
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DATA = REPO / "benchmarks" / "data"

from gazetteer.resolve import haversine_km  # noqa: E402


def _queries(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [r["query"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))]


def _answer(res) -> tuple:
    return (res.status, res.place, res.score, res.alternatives, res.alternative_scores,
            res.match, res.same_place, res.context_km)


def dump(home: str, out: str, extra: str | None = None) -> int:
    from benchmarks.gazetteer_bench import sample_names
    from gazetteer import open_gazetteer

    evaluated = _queries(DATA / "syria_eval.csv") + _queries(DATA / "report_spellings.csv")
    names = evaluated + sample_names(10_000)
    if extra:
        with open(extra, encoding="utf-8") as fh:
            names += [line.strip() for line in fh if line.strip()]
    answers: dict = {}
    with open_gazetteer(home) as gz:
        for countries in (("SY", "TR"), ("SY",), ()):
            gz._cache.clear()
            answers[countries] = [_answer(gz.resolve(n, countries=countries)) for n in names]
        answers["resolve_many"] = [_answer(r) for r in gz.resolve_many(evaluated,
                                                                        countries=("SY", "TR"))]
        answers["near"] = [_answer(gz.resolve(n, countries=("SY", "TR"), near=(36.2, 37.1)))
                           for n in evaluated]
        answers["view"] = [_answer(gz.resolve(n, countries=("SY", "TR"),
                                              view=[[35.5, 36.0], [37.0, 38.5]]))
                           for n in evaluated]
    with open(out, "wb") as fh:
        pickle.dump((names, answers), fh)
    print(f"{len(names)} names, {sum(len(v) for v in answers.values())} answers -> {out}")
    return 0


def compare(a: str, b: str) -> int:
    with open(a, "rb") as fh:
        names_a, old = pickle.load(fh)
    with open(b, "rb") as fh:
        names_b, new = pickle.load(fh)
    if names_a != names_b:
        print("the dumps hold different names")
        return 1
    differ = total = 0
    classes: Counter = Counter()
    for mode in old:
        for name, x, y in zip(names_a, old[mode], new[mode]):
            total += 1
            if x != y:
                differ += 1
                classes[change_class(x, y)] += 1
                if differ <= 20 or "verbose" in sys.argv:
                    print(f"{mode} {name!r}:\n  old {x[:2]}\n  new {y[:2]}")
    print(f"{len(set(names_a))} distinct names, {total} answers compared, {differ} differ")
    for cls, n in sorted(classes.items(), key=lambda kv: -kv[1]):
        print(f"  {n:6d}  {cls}")
    return 1 if differ else 0


def change_class(old: tuple, new: tuple) -> str:
    """How an answer changed: ``status -> status``, and for a place resolved both times, how
    far it moved (or "same place", when only the score or the alternatives changed)."""
    moved = ""
    if old[0] == new[0] == "resolved":
        d = haversine_km(old[1].lat, old[1].lon, new[1].lat, new[1].lon)
        moved = (" (same place)" if d == 0 else " (moved < 5 km)" if d <= 5
                 else " (moved 5-25 km)" if d <= 25 else " (moved > 25 km)")
    return f"{old[0]} -> {new[0]}{moved}"


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "dump":
        raise SystemExit(dump(*sys.argv[2:]))
    if len(sys.argv) in (4, 5) and sys.argv[1] == "compare":
        raise SystemExit(compare(sys.argv[2], sys.argv[3]))
    print(__doc__)
    raise SystemExit(2)
