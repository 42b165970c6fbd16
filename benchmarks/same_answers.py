"""Check that two versions of the gazetteer give the same answers: dump, then compare.

Resolves every name of ``benchmarks/data/syria_eval.csv``, ``report_spellings.csv`` and the
speed benchmark's 10,000 first-time names, with countries SY,TR, SY alone and none, one by one
and (the evaluation names) with context (``resolve_many``, ``near``, ``view``), and pickles
each answer (status, place, score, alternatives and their scores, match, records of one place,
distance from the context). Run it with each version on the same database, then compare:

    PYTHONPATH=. python benchmarks/same_answers.py dump HOME old.pkl    # in the old checkout
    PYTHONPATH=. python benchmarks/same_answers.py dump HOME new.pkl    # in the new one
    python benchmarks/same_answers.py compare old.pkl new.pkl

A speed-up must leave every answer as it was.
"""
from __future__ import annotations

import csv
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DATA = REPO / "benchmarks" / "data"


def _queries(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [r["query"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))]


def _answer(res) -> tuple:
    return (res.status, res.place, res.score, res.alternatives, res.alternative_scores,
            res.match, res.same_place, res.context_km)


def dump(home: str, out: str) -> int:
    from benchmarks.gazetteer_bench import sample_names
    from gazetteer import open_gazetteer

    evaluated = _queries(DATA / "syria_eval.csv") + _queries(DATA / "report_spellings.csv")
    names = evaluated + sample_names(10_000)
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
    for mode in old:
        for name, x, y in zip(names_a, old[mode], new[mode]):
            total += 1
            if x != y:
                differ += 1
                if differ <= 20:
                    print(f"{mode} {name!r}:\n  old {x[:2]}\n  new {y[:2]}")
    print(f"{len(set(names_a))} distinct names, {total} answers compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "dump":
        raise SystemExit(dump(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        raise SystemExit(compare(sys.argv[2], sys.argv[3]))
    print(__doc__)
    raise SystemExit(2)
