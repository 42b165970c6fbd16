"""Measure how well the gazetteer places Syrian names it was never tuned on.

Resolves every row of ``benchmarks/data/syria_eval.csv`` (names and true coordinates from
Wikipedia, news and travel pages and Natural Earth, none from GeoNames or OCHA) and of the
117-spelling regression set ``benchmarks/data/report_spellings.csv`` with the map's countries
given as ``SY`` and as ``SY,TR``, in two configurations:

* the built-in default gazetteer only (a fresh install);
* with the SY and TR GeoNames-format dumps imported from ``../shared/data/geonames-format``.

For each category and overall it counts: resolved within 5 km of the truth; resolved 5-25 km
away; resolved more than 25 km away (confidently wrong); ambiguous; unresolved; and how many
answers lie outside the region (lon 25-50, lat 25-45).

With ``--as-project`` it also resolves the names of each region of the set (a 1-degree cell
of the true coordinates, about the area of a map of one front) together, as ``mapgen``
resolves a project's places: each name with the places the region's other names resolved to
as context (other spellings of the same place left out, so that no name is helped by the
answer for its own place).

With ``--as-reports`` it resolves each name as one report of its region would: with the
places of a handful of the region's other places (REPORT_PLACES of them, each named by one
of its spellings) as context, the size of context a dispatch from one front gives.

Run: ``PYTHONPATH=. python benchmarks/place_eval.py [--show-misses] [--as-project]
[--as-reports] [--rows START:END]``
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.shared_data import DUMPS  # noqa: E402
from gazetteer import open_gazetteer  # noqa: E402
from gazetteer.resolve import haversine_km  # noqa: E402

EVAL_SET = REPO / "benchmarks" / "data" / "syria_eval.csv"
SPELLINGS = REPO / "benchmarks" / "data" / "report_spellings.csv"
NEAR_KM = 5.0
FAR_KM = 25.0
REGION_LON = (25.0, 50.0)
REGION_LAT = (25.0, 45.0)
COUNTRY_SETS = (("SY",), ("SY", "TR"))
OUTCOMES = ("within", "mid", "far", "ambiguous", "unresolved")


@dataclass(frozen=True)
class Row:
    query: str
    place: str
    category: str
    lat: float
    lon: float


def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def load_eval(path: Path = EVAL_SET) -> list[Row]:
    """Rows of the evaluation set."""
    return [Row(r["query"], r["place"], r["category"], float(r["lat"]), float(r["lon"]))
            for r in _csv_rows(path)]


def load_spellings(path: Path = SPELLINGS) -> list[Row]:
    """Rows of the 117-spelling regression set, all in one category."""
    return [Row(r["query"], r["place"], "117 spellings", float(r["lat"]), float(r["lon"]))
            for r in _csv_rows(path)]


def outcome(row: Row, res) -> tuple[str, bool, float | None]:
    """Classify one resolution: (outcome, outside the region, distance in km or None)."""
    if res.status != "resolved" or res.place is None:
        return res.status, False, None
    d = float(haversine_km(row.lat, row.lon, res.place.lat, res.place.lon))
    outside = not (REGION_LON[0] <= res.place.lon <= REGION_LON[1]
                   and REGION_LAT[0] <= res.place.lat <= REGION_LAT[1])
    kind = "within" if d <= NEAR_KM else "mid" if d <= FAR_KM else "far"
    return kind, outside, d


def evaluate(gz, rows: list[Row], countries: tuple[str, ...],
             as_project: bool = False, as_map: bool = False,
             as_reports: bool = False) -> dict[str, dict]:
    """Counts per category (and ``all``), with the misses kept for ``--show-misses``; each
    name alone, (``as_project``) with the other names of its region as context,
    (``as_map``) all names at once as one map, as ``mapgen resolve NAME...`` resolves them, or
    (``as_reports``) with a handful of its region's other places as context (see
    :func:`resolve_as_reports`)."""
    table: dict[str, dict] = defaultdict(lambda: {**{k: 0 for k in OUTCOMES}, "n": 0,
                                                  "outside": 0, "misses": []})
    if as_map:
        results = gz.resolve_many([row.query for row in rows], countries=countries)
    elif as_project:
        results = resolve_as_project(gz, rows, countries)
    elif as_reports:
        results = resolve_as_reports(gz, rows, countries)
    else:
        results = [gz.resolve(row.query, countries=countries) for row in rows]
    for row, res in zip(rows, results):
        kind, outside, d = outcome(row, res)
        for key in (row.category, "all"):
            c = table[key]
            c["n"] += 1
            c[kind] += 1
            c["outside"] += outside
            if kind != "within":
                c["misses"].append((row, res, kind, d))
    return dict(table)


#: Size (degrees of latitude and longitude) of the regions whose names are resolved together
#: by ``--as-project``: about 110 x 90 km, the area of a map of one front or countryside.
PROJECT_CELL_DEG = 1.0


def project_groups(rows: list[Row]) -> dict[tuple[int, int], list[int]]:
    """Row indices per region (a PROJECT_CELL_DEG cell of the true coordinates)."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[(int(row.lat // PROJECT_CELL_DEG), int(row.lon // PROJECT_CELL_DEG))].append(i)
    return dict(groups)


def resolve_as_project(gz, rows: list[Row], countries: tuple[str, ...]) -> list:
    """Resolve the names of each region together, as ``mapgen`` resolves a project's places
    (:meth:`gazetteer.api.Gazetteer.resolve_many`): a first pass resolves each name alone, a
    second resolves it again with the places the region's other names resolved to as context.
    Names of the same place (other spellings of it) are left out of each other's context, so
    no name is helped by the answer for its own place."""
    first = [gz.resolve(r.query, countries=countries) for r in rows]
    out = list(first)
    for idx in project_groups(rows).values():
        for i in idx:
            ctx = [(first[j].place.lat, first[j].place.lon) for j in idx
                   if j != i and rows[j].place != rows[i].place and first[j].place is not None]
            if ctx:
                out[i] = gz.resolve(rows[i].query, countries=countries, context=ctx)
    return out


#: Places named by a report besides the one measured (``--as-reports``): a dispatch from one
#: front names a handful of towns and villages.
REPORT_PLACES = 8


def _stable(text: str) -> int:
    """A number of ``text`` that is the same in every run (unlike ``hash``)."""
    return zlib.crc32(text.encode("utf-8"))


def report_groups(rows: list[Row]) -> list[list[str]]:
    """The places of each region (see :func:`project_groups`), in a fixed shuffled order,
    split into reports of REPORT_PLACES + 1 places."""
    out = []
    for idx in project_groups(rows).values():
        places = sorted({rows[i].place for i in idx}, key=lambda p: (_stable(p), p))
        step = REPORT_PLACES + 1
        out += [places[k:k + step] for k in range(0, len(places), step)]
    return out


def resolve_as_reports(gz, rows: list[Row], countries: tuple[str, ...]) -> list:
    """Resolve each name as a report of its region names it: with the places the other places
    of its report (see :func:`report_groups`) resolved to, each named by one of its spellings
    (a fixed choice per pair of places), as context."""
    first = [gz.resolve(r.query, countries=countries) for r in rows]
    spellings: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        spellings[r.place].append(i)
    out = list(first)
    for report in report_groups(rows):
        for place in report:
            ctx = []
            for other in report:
                if other == place:
                    continue
                named = spellings[other]
                j = named[_stable(place + "|" + other) % len(named)]
                if first[j].place is not None:
                    ctx.append((first[j].place.lat, first[j].place.lon))
            if ctx:
                for i in spellings[place]:
                    out[i] = gz.resolve(rows[i].query, countries=countries, context=ctx)
    return out


def _candidate(place, row: Row) -> str:
    """One alternative of a miss: name, country, feature code, population, source record
    and distance from the true point."""
    ref = place.geonameid or place.ref or ""
    km = float(haversine_km(row.lat, row.lon, place.lat, place.lon))
    return (f"{place.name} ({place.country} {place.feature_code} pop {place.population} "
            f"{place.source} {ref}, {km:.0f} km)")


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def table_lines(label: str, results: dict[str, dict]) -> list[str]:
    lines = [f"### {label}", "",
             "| category | n | within 5 km | 5-25 km | > 25 km (resolved) | ambiguous | "
             "unresolved | outside region |",
             "|---|---|---|---|---|---|---|---|"]
    order = [k for k in ("town", "village", "kurdish", "report", "arabic", "russian", "117 spellings")
             if k in results] + ["all"]
    for key in order:
        c = results[key]
        n = c["n"]
        lines.append(f"| {key} | {n} | {pct(c['within'], n)} | {pct(c['mid'], n)} | "
                     f"{pct(c['far'], n)} | {pct(c['ambiguous'], n)} | "
                     f"{pct(c['unresolved'], n)} | {c['outside']} |")
    return lines + [""]


def run(gz, rows: list[Row], spellings: list[Row], config: str,
        as_project: bool = False, as_map: bool = False,
        as_reports: bool = False) -> list[tuple[str, dict]]:
    out = []
    for countries in COUNTRY_SETS:
        label = f"{config}, countries {','.join(countries)}"
        out.append((label, evaluate(gz, rows, countries)))
        if as_project:
            out.append((f"{label}, as projects", evaluate(gz, rows, countries, True)))
        if as_map:
            out.append((f"{label}, as one map", evaluate(gz, rows, countries, as_map=True)))
        if as_reports:
            out.append((f"{label}, as reports", evaluate(gz, rows, countries,
                                                         as_reports=True)))
        out.append((f"{label} (117-spelling set)", evaluate(gz, spellings, countries)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="list every row not within 5 km")
    ap.add_argument("--rows", metavar="START:END", default=None,
                    help="measure only these rows of the evaluation set (0-based, END excluded; "
                         "e.g. 320:519 for the held-back batch)")
    ap.add_argument("--as-project", action="store_true",
                    help="also resolve the names of each region (a 1-degree cell of the true "
                         "coordinates) together, each with the others' places as context")
    ap.add_argument("--as-one-map", action="store_true",
                    help="also resolve all the names measured at once, as one map or report "
                         "(as `mapgen resolve NAME...` does: other spellings of a place are "
                         "context too)")
    ap.add_argument("--as-reports", action="store_true",
                    help=f"also resolve each name with {REPORT_PLACES} other places of its "
                         "region (one spelling each) as context, as one report of a front "
                         "names them")
    ap.add_argument("--north-of", metavar="LAT", type=float, default=None,
                    help="measure only the rows whose true point lies north of this latitude "
                         "(e.g. 35.5: northern Syria)")
    args = ap.parse_args(argv)
    if not DUMPS.is_dir():
        print(f"GeoNames-format dumps not found: {DUMPS}", file=sys.stderr)
        return 2
    rows, spellings = load_eval(), load_spellings()
    if args.rows:
        try:
            start, end = (int(x) if x else None for x in args.rows.split(":"))
        except ValueError:
            print(f"--rows: expected START:END, got {args.rows!r}", file=sys.stderr)
            return 2
        rows = rows[start:end]
    if args.north_of is not None:
        rows = [r for r in rows if r.lat >= args.north_of]
    results: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory(prefix="place-eval-") as home:
        os.environ["MAPGEN_HOME"] = home
        gz = open_gazetteer(home)
        results += run(gz, rows, spellings, "built-in default", args.as_project,
                       args.as_one_map, args.as_reports)
        gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"])
        gz.close()
        gz = open_gazetteer(home)
        results += run(gz, rows, spellings, "built-in + SY + TR dumps", args.as_project,
                       args.as_one_map, args.as_reports)
        gz.close()

    places = len({r.place for r in rows})
    print("## Place evaluation\n")
    part = (f", rows {args.rows}" if args.rows else "") + (
        f", north of {args.north_of:g}° N" if args.north_of is not None else "")
    print(f"Evaluation set: {len(rows)} names of {places} places "
          f"({EVAL_SET.relative_to(REPO)}{part}), plus the {len(spellings)}-spelling regression set. "
          f"Distances to the true coordinate; 'outside region' counts answers outside "
          f"lon {REGION_LON[0]:g}-{REGION_LON[1]:g}, lat {REGION_LAT[0]:g}-{REGION_LAT[1]:g}.\n")
    for label, res in results:
        print("\n".join(table_lines(label, res)))
    if args.show_misses:
        for label, res in results:
            print(f"### misses: {label}\n")
            for row, r, kind, d in res["all"]["misses"]:
                got = (f"{r.place.name} ({r.place.country}) {d:.1f} km off"
                       if r.place is not None else
                       "; ".join(_candidate(a, row) for a in r.alternatives[:6]))
                print(f"- [{row.category}] {row.query} ({row.place}): {kind}: {got}")
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
