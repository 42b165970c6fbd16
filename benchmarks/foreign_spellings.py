"""Measure how well the gazetteer places Syrian names as other languages spell them.

News in German, French, Spanish, Portuguese, Italian, Turkish, Polish, Dutch or Swedish writes
Syrian places in its own romanisation: Chan Schaichun and Dschisr asch-Schughur (German),
Jisr el-Choghour and Kobané (French), Jan Sheijun (Spanish), Cerablus and Münbiç (Turkish).
Who's On First lists such names for Syrian places (``deu_x_preferred``, ``fra_x_preferred``
...); this script resolves each Latin-script name of those languages alone (countries
``SY,TR``) and compares the answer with the record's own point.

Only populated places (WOF localities, neighbourhoods and the airport campus) are counted:
the districts' and provinces' names ("Distrikt Afrin") are areas whose centroids are no town.
A name is counted once per place and language; names spelled as the record's own name (folded)
are counted apart ("own"), since they measure nothing foreign.

Two configurations, as in ``place_eval.py``:

* the built-in default gazetteer only (a fresh install), where these spellings are not
  stored -- the meaningful figure;
* with the SY and TR GeoNames-format dumps imported: those dumps are built from Who's On First
  and hold most of these names as alternate names, so the figure is high by construction.

Run: ``PYTHONPATH=. python benchmarks/foreign_spellings.py [--show-misses LANG] [--builtin-only]``

Who's On First takes many of these names from Wikipedia's articles in each language, and some
belong to another topic than the place (Koran, Pycnonotidae, Birma-Katze for villages named
Quran, Bulbul, Birman) or to a namesake elsewhere: no gazetteer reaches 100%, and part of the
"> 25 km" column is a record's name given to the wrong one of far-apart namesakes. The
"outside region" column counts the answers (a number, not a share) that lie outside the war's
region (25-45 N, 25-50 E). No foreign spelling's answer does; of the own-name spellings, the
built-in gazetteer alone sends ten there: Dakar (in nine languages) and Dilli, names of
Syrian villages it lacks, are answered as the capitals Dakar and New Delhi.

Built-in alone, countries SY,TR, foreign spellings only (own-name spellings left out), before
the foreign readings (``gazetteer.normalize.foreign_readings``), the articles ech/asch/asz and
the word Scheich:

| lang | n | within 5 km | 5-25 km | > 25 km | ambiguous | unresolved | outside region |
|---|---|---|---|---|---|---|---|
| deu | 112 | 53.6% | 0.0% | 5.4% | 25.0% | 16.1% | 0 |
| fra | 123 | 55.3% | 0.0% | 6.5% | 18.7% | 19.5% | 0 |
| spa | 84 | 47.6% | 0.0% | 8.3% | 23.8% | 20.2% | 0 |
| por | 58 | 31.0% | 0.0% | 1.7% | 44.8% | 22.4% | 0 |
| ita | 55 | 41.8% | 0.0% | 7.3% | 27.3% | 23.6% | 0 |
| tur | 272 | 30.9% | 0.4% | 8.5% | 19.1% | 41.2% | 0 |
| pol | 435 | 37.5% | 0.5% | 6.4% | 25.1% | 30.6% | 0 |
| nld | 47 | 42.6% | 0.0% | 2.1% | 23.4% | 31.9% | 0 |
| swe | 45 | 51.1% | 0.0% | 11.1% | 22.2% | 15.6% | 0 |
| all | 1231 | 40.5% | 0.2% | 6.7% | 23.9% | 28.6% | 0 |

After:

| lang | n | within 5 km | 5-25 km | > 25 km | ambiguous | unresolved | outside region |
|---|---|---|---|---|---|---|---|
| deu | 112 | 53.6% | 0.0% | 5.4% | 25.0% | 16.1% | 0 |
| fra | 123 | 55.3% | 0.0% | 8.1% | 18.7% | 17.9% | 0 |
| spa | 84 | 48.8% | 0.0% | 8.3% | 23.8% | 19.0% | 0 |
| por | 58 | 31.0% | 0.0% | 1.7% | 44.8% | 22.4% | 0 |
| ita | 55 | 41.8% | 0.0% | 7.3% | 27.3% | 23.6% | 0 |
| tur | 272 | 31.2% | 0.4% | 8.5% | 19.1% | 40.8% | 0 |
| pol | 435 | 44.1% | 0.5% | 6.2% | 27.1% | 22.1% | 0 |
| nld | 47 | 42.6% | 0.0% | 2.1% | 23.4% | 31.9% | 0 |
| swe | 45 | 51.1% | 0.0% | 11.1% | 22.2% | 15.6% | 0 |
| all | 1231 | 43.1% | 0.2% | 6.8% | 24.6% | 25.3% | 0 |

(fra's two further "> 25 km" rows are one name, "Ach-Charqiya", given to two villages named
Ash Sharqiyah: read with its article as the English "Ash Sharqiyah" is, it goes where that
spelling goes, to a village a letter away.) With the SY+TR dumps: 75.5% within 5 km, 2.2%
> 25 km, before and after.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.place_eval import FAR_KM, NEAR_KM, OUTCOMES, REGION_LAT, REGION_LON  # noqa: E402
from benchmarks.shared_data import DUMPS, SHARED  # noqa: E402
from gazetteer import open_gazetteer  # noqa: E402
from gazetteer.normalize import exact_key, is_latin  # noqa: E402
from gazetteer.resolve import haversine_km  # noqa: E402

WOF_PLACES = SHARED / "data" / "whosonfirst-admin-region" / "wof_places_sy.ndjson.gz"
LANGUAGES = ("deu", "fra", "spa", "por", "ita", "tur", "pol", "nld", "swe")
PLACE_TYPES = frozenset({"locality", "neighbourhood", "campus"})
COUNTRIES = ("SY", "TR")


@dataclass(frozen=True)
class Spelling:
    lang: str
    query: str
    place: str
    lat: float
    lon: float
    own: bool  # spelled as the record's own name


def load_spellings(path: Path = WOF_PLACES) -> list[Spelling]:
    """The Latin-script names of LANGUAGES for the populated places of ``path``, once per
    place and language."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["placetype"] not in PLACE_TYPES or rec.get("is_deprecated"):
                continue
            own = {exact_key(rec["name"])} | {exact_key(n) for n in
                                              rec["names"].get("eng_x_preferred", [])}
            for lang in LANGUAGES:
                seen = set()
                for name in rec["names"].get(f"{lang}_x_preferred", []):
                    key = exact_key(name)
                    if not key or key in seen or not is_latin(name):
                        continue
                    seen.add(key)
                    out.append(Spelling(lang, name, rec["name"], rec["lat"], rec["lon"],
                                        key in own))
    return out


def outcome(row: Spelling, res) -> tuple[str, bool]:
    """(outcome, outside the region) of one resolution."""
    if res.status != "resolved" or res.place is None:
        return res.status, False
    d = float(haversine_km(row.lat, row.lon, res.place.lat, res.place.lon))
    outside = not (REGION_LON[0] <= res.place.lon <= REGION_LON[1]
                   and REGION_LAT[0] <= res.place.lat <= REGION_LAT[1])
    return ("within" if d <= NEAR_KM else "mid" if d <= FAR_KM else "far"), outside


def evaluate(gz, rows: list[Spelling]) -> tuple[dict[str, dict], list]:
    """Counts per language (and ``all``), and the misses."""
    table: dict[str, dict] = defaultdict(lambda: {**{k: 0 for k in OUTCOMES}, "n": 0,
                                                  "outside": 0})
    misses = []
    for row in rows:
        res = gz.resolve(row.query, countries=COUNTRIES)
        kind, outside = outcome(row, res)
        for key in (row.lang, "all"):
            c = table[key]
            c["n"] += 1
            c[kind] += 1
            c["outside"] += outside
        if kind != "within":
            misses.append((row, res, kind))
    return dict(table), misses


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def table_lines(label: str, table: dict[str, dict]) -> list[str]:
    lines = [f"### {label}", "",
             "| lang | n | within 5 km | 5-25 km | > 25 km | ambiguous | unresolved | "
             "outside region |", "|---|---|---|---|---|---|---|---|"]
    for key in [k for k in LANGUAGES if k in table] + ["all"]:
        c = table.get(key)
        if c is None:
            continue
        n = c["n"]
        lines.append(f"| {key} | {n} | {pct(c['within'], n)} | {pct(c['mid'], n)} | "
                     f"{pct(c['far'], n)} | {pct(c['ambiguous'], n)} | "
                     f"{pct(c['unresolved'], n)} | {c['outside']} |")
    return lines + [""]


def _miss_line(row: Spelling, res, kind: str) -> str:
    if res.place is not None:
        d = float(haversine_km(row.lat, row.lon, res.place.lat, res.place.lon))
        got = f"{res.place.name} ({res.place.country}) {d:.0f} km off"
    else:
        got = "; ".join(f"{a.name} ({a.country})" for a in res.alternatives[:4])
    return f"- [{row.lang}] {row.query} ({row.place}): {kind}: {got}"


def report(gz, rows: list[Spelling], config: str, show: set[str]) -> None:
    for label, part in (("foreign spellings", [r for r in rows if not r.own]),
                        ("own-name spellings", [r for r in rows if r.own])):
        table, misses = evaluate(gz, part)
        print("\n".join(table_lines(f"{config}, countries SY,TR: {label}", table)))
        if label == "foreign spellings" and show:
            for row, res, kind in misses:
                if row.lang in show or "all" in show:
                    print(_miss_line(row, res, kind))
            print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", metavar="LANG", action="append", default=[],
                    help="list the foreign spellings of LANG (or 'all') not placed within 5 km")
    ap.add_argument("--builtin-only", action="store_true",
                    help="measure the built-in gazetteer only (no dumps imported)")
    args = ap.parse_args(argv)
    if not WOF_PLACES.is_file():
        print(f"Who's On First places not found: {WOF_PLACES}", file=sys.stderr)
        return 2
    dumps = [DUMPS / "SY.txt", DUMPS / "TR.txt"]
    if not args.builtin_only and not all(path.is_file() for path in dumps):
        print(f"SY and TR dumps not found under {DUMPS} (give --builtin-only to measure the "
              "built-in gazetteer alone)", file=sys.stderr)
        return 2
    rows = load_spellings()
    show = set(args.show_misses)
    with tempfile.TemporaryDirectory(prefix="foreign-spellings-") as home:
        os.environ["MAPGEN_HOME"] = home
        gz = open_gazetteer(home)
        report(gz, rows, "built-in default", show)
        if not args.builtin_only:
            gz.import_files(dumps)
            gz.close()
            gz = open_gazetteer(home)
            report(gz, rows, "built-in + SY + TR dumps", show)
        gz.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
