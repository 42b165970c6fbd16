"""Accuracy of `mapgen ingest` against hand annotations: places found and resolved, and stamps.

Imports the SY and TR GeoNames dumps from ../shared/data into a temporary MAPGEN_HOME, ingests
the seed live blog (../shared/seed; its annotation is benchmarks/data/seed-annotation.yaml)
and the reports in tests/ingest/data, and prints precision
and recall per report and overall, with every miss and every wrong place.

    python benchmarks/ingest_accuracy.py [--home DIR]   # --home reuses an imported database
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The shared data folder sits beside the checkout (or beside the folder holding a worktree);
# MAPGEN_SHARED names another.
SHARED = Path(os.environ.get("MAPGEN_SHARED") or next(
    (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()), REPO.parent / "shared"))
DATA = REPO / "tests" / "ingest" / "data"
#: The seed live blog's annotation (the blog itself stays in the shared folder).
SEED_ANNOTATION = REPO / "benchmarks" / "data" / "seed-annotation.yaml"
sys.path.insert(0, str(REPO))

DUMPS = [SHARED / "data" / "geonames-format" / "SY.txt", SHARED / "data" / "geonames-format" / "TR.txt"]


def documents() -> list[tuple[Path, Path]]:
    """(report, annotation) pairs: the seed and every annotated report of the test data."""
    from mapgen.ingest.evaluate import load_annotation

    pairs = [(SHARED / "seed" / "live-blog-2016-02-04.txt", SEED_ANNOTATION)]
    for annotation in sorted(DATA.glob("*.annotation.yaml")):
        pairs.append((DATA / load_annotation(annotation)["report"], annotation))
    return pairs


def prepare_home(home: Path) -> float:
    """Import the dumps into ``home`` unless done before; return the seconds it took."""
    from gazetteer import open_gazetteer

    marker = home / ".ingest-accuracy-imported"
    if marker.exists():
        return 0.0
    started = time.perf_counter()
    with open_gazetteer(home) as gaz:
        gaz.import_files([str(p) for p in DUMPS])
    marker.write_text("SY TR\n", encoding="utf-8")
    return time.perf_counter() - started


def run(home: Path, verbose: bool = True) -> list:
    from gazetteer import open_gazetteer
    from mapgen.ingest import ingest_file
    from mapgen.errors import InputError
    from mapgen.ingest.evaluate import Evaluation, evaluate, format_row, load_annotation, refused

    total = Evaluation("all reports")
    rows = []
    with open_gazetteer(home) as gaz:
        for report, annotation_path in documents():
            annotation = load_annotation(annotation_path)
            started = time.perf_counter()
            try:
                result = ingest_file(report, published=annotation.get("published"), gazetteer=gaz,
                                     timezone=annotation.get("timezone", "UTC"))
            except InputError as exc:   # a report refused (e.g. no time found) scores nothing
                ev = refused(annotation, report.name, str(exc))
            else:
                ev = evaluate(result, annotation, report.name)
            seconds = time.perf_counter() - started
            rows.append(ev)
            total.add(ev)
            if verbose:
                print(format_row(ev) + f"  [{seconds:.2f} s]")
                for line in ev.places.misses:
                    print(f"    missed: {line}")
                for line in ev.places.wrong:
                    print(f"    wrong:  {line}")
                for line in ev.stamps.misses + ev.stamps.wrong:
                    print(f"    stamp:  {line}")
                for role in ("near", "speaker", "past"):
                    for line in getattr(ev, role).misses:
                        print(f"    {role} missed: {line}")
                    for line in getattr(ev, role).wrong:
                        print(f"    {role} wrong:  {line}")
                for line in ev.incidents.wrong:
                    print(f"    not an incident, drafted: {line}")
    if verbose:
        print(format_row(total))
    rows.append(total)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None, help="gazetteer home to (re)use")
    args = parser.parse_args()
    for dump in DUMPS:
        if not dump.exists():
            print(f"missing {dump}", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory(prefix="mapgen-ingest-acc-") as tmp:
        home = args.home or Path(tmp)
        home.mkdir(parents=True, exist_ok=True)
        os.environ["MAPGEN_HOME"] = str(home)
        seconds = prepare_home(home)
        if seconds:
            print(f"imported SY+TR GeoNames dumps in {seconds:.1f} s")
        total = run(home)[-1]
    ok = total.places.precision >= 0.9 and total.places.recall >= 0.9 and total.stamps.recall == 1.0
    print("targets (places P,R >= 0.9; every stamp):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
