"""Build the Syrian place-name evaluation set from its hand-transcribed sources.

``syria_eval_raw.tsv`` holds one row per name as read in a public page (Wikipedia articles
and their mirrors, a few news and travel pages): the name, the place meant, its category, the
coordinates exactly as the page prints them (decimal or degrees-minutes-seconds) and the page.
Natural Earth's populated places (public domain, each with its Wikidata id) add the larger
towns. This script parses the coordinates, keeps only points inside Syria's bounding box,
drops repeated (query, place) pairs and writes ``syria_eval.csv``.

None of the coordinates come from GeoNames, the OCHA communities list or Who's On First.

Run: ``python benchmarks/data/make_syria_eval.py`` (reads ``../shared`` only for the Natural
Earth file; the CSV it writes stands alone).
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RAW = HERE / "syria_eval_raw.tsv"
OUT = HERE / "syria_eval.csv"
# The shared data folder sits beside the checkout (or beside the folder holding a worktree).
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
              REPO.parent / "shared")
NATURAL_EARTH = SHARED / "data" / "basemap-levant" / "populated_places.geojson"

LAT_RANGE = (32.3, 37.4)
LON_RANGE = (35.6, 42.4)
CATEGORIES = ("town", "village", "kurdish", "report", "arabic", "russian")
# Rows of the raw file after each of these markers are listed after the Natural Earth rows, batch
# by batch in this order, so that rows already measured keep their positions in the CSV.
LATER_BATCHES = ("# Held-back batch 3", "# Held-back batch 4", "# Held-back batch 5",
                 "# Held-back batch 6", "# Held-back batch 7", "# Held-back batch 8",
                 "# Held-back batch 9",
                 "# Held-back batch 10", "# Held-back batch 11", "# Held-back batch 12",
                 "# Held-back batch 13", "# Held-back batch 14", "# Held-back batch 15",
                 "# Held-back batch 16", "# Held-back batch 17", "# Held-back batch 18")

_DEC = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*$")
_DMS = re.compile(
    r"(\d+)\s*°\s*(?:(\d+(?:\.\d+)?)\s*[′']\s*)?(?:(\d+(?:\.\d+)?)\s*(?:″|''|\")\s*)?([NSEW])")

HEADER = """\
# Syrian place names with true coordinates, for measuring the gazetteer (benchmarks/place_eval.py).
# Fixed before tuning: built from the sources below before the gazetteer was run on it, and not
# to be edited to suit the matcher's results.
# Sources: Wikipedia articles (English, and German/French/Arabic/other editions where noted;
# infobox or lead coordinates, alternative spellings given in the article, Kurdish names given
# in the article), mostly read through public mirrors whose address is given with the article;
# news, travel and wikimapia pages for spellings; Natural Earth populated places
# (public domain, with Wikidata ids) for large towns. No coordinate comes from GeoNames, the
# OCHA communities list or Who's On First, and none from Wikipedia's "Syrian Civil War
# detailed map" module or copies of it.
# Licences: Wikipedia text CC BY-SA (names and coordinates are facts cited per row); Wikidata
# CC0; Natural Earth public domain.
# Categories: town (towns and cities), village, kurdish (Kurdish names and spellings), report
# (spelling variants used in reports and articles: Tal/Tell, Kafr/Kfar/Kefer, -eh/-a, ee/ou,
# French romanisations, former names), arabic (Arabic-script names from the same articles),
# russian (Cyrillic spellings of Russian and Ukrainian writers, batch 18).
# Seventeen held-back batches were added later, each fixed before it was measured: batch 2 (the rows
# after the first marker in syria_eval_raw.tsv; data rows 320-518 here, counted from 0 as
# place_eval.py --rows counts them), batch 3 (the rows after the "Held-back batch 3" marker;
# data rows 548-749, after the Natural Earth rows, so that rows 0-547 are the set as it was
# before batch 3), batch 4 (the rows after the "Held-back batch 4" marker; data rows
# 750-1019, after batch 3, so that rows 0-749 are the set as it was before batch 4), batch 5
# (the rows after the "Held-back batch 5" marker; data rows 1020-1094, after batch 4, so that
# rows 0-1019 are the set as it was before batch 5), batch 6 (the rows after the "Held-back
# batch 6" marker; data rows 1095-1239, after batch 5, so that rows 0-1094 are the set as it was
# before batch 6), batch 7 (the rows after the "Held-back batch 7" marker; data rows 1240-1269,
# after batch 6, so that rows 0-1239 are the set as it was before batch 7) and batch 8 (the rows
# after the "Held-back batch 8" marker; data rows 1270-1303, after batch 7, so that rows 0-1269
# are the set as it was before batch 8) and batch 9 (the rows after the "Held-back batch 9"
# marker; data rows 1304-1524, so that rows 0-1303 are the set as it was before batch 9: 49
# places of every governorate with their article, Arabic and news spellings), batch 10 (the
# rows after the "Held-back batch 10" marker; data rows 1525-1675), batch 11 (the rows
# after the "Held-back batch 11" marker; data rows 1676-1783: 29 places of Idlib, Hama, Homs,
# Latakia, Rif Dimashq, Daraa and Suwayda), batch 12 (the rows after the "Held-back batch
# 12" marker; data rows 1784-1844: 19 places of Hama, Idlib, Homs, Tartus, Rif Dimashq and
# Daraa), batch 13 (the rows after the "Held-back batch 13" marker; data rows 1845-1907: 17
# places of Hama, Homs, Latakia and Rif Dimashq), batch 14 (the rows after the "Held-back
# batch 14" marker; data rows 1908-1935: 5 places of Aleppo, Idlib, al-Hasakah and northern
# Hama), batch 15 (the rows after the "Held-back batch 15" marker; data rows 1936-2036: 18
# places of the Aleppo countryside, Idlib, the northern Latakia hills, Raqqa and al-Hasakah)
# batch 16 (the rows after the "Held-back batch 16" marker; data rows 2037-2097: 10 places
# of the Aleppo countryside, Idlib, Raqqa and al-Hasakah), batch 17 (the rows after the
# "Held-back batch 17" marker; data rows 2098-2223: 19 places of Daraa, Quneitra, as-Suwayda,
# Rif Dimashq, Homs and Hama) and batch 18 (the rows after the "Held-back batch 18" marker;
# data rows 2224 on: 195 Cyrillic spellings of 125 places of the rows before, with their
# coordinates).
# Batch 4
# weights spellings of northern Syrian places (Aleppo, Idlib, Raqqa, Hasakah, northern Hama)
# as news outlets and agencies wrote them, in English, Turkish, French, German, Spanish and
# Portuguese, plus villages and towns named in war reporting with their Arabic and Kurdish
# names. Where a spelling was read only in a news or travel page, the row takes the
# coordinates of the place's article and names both pages. Batch 5 adds towns and villages
# not yet in the set (Daraa, Suwayda, Rif Dimashq, Homs, Hama, Tartus, Latakia, Idlib), each
# under its English article's title, with the spellings the article gives, its Arabic-script
# names and spellings read in news and travel pages. Batch 6 weights villages and small towns of
# every governorate not yet in the set, each under its article's title with the spellings,
# Arabic-script and Kurdish names the article gives, and spellings of villages and towns of the
# 2015-2020 fighting as news outlets and agencies wrote them, with the coordinates of the
# place's article. Batch 7 weights villages and small towns of Raqqa, Deir ez-Zor and
# al-Hasakah, then of the Aleppo countryside, Idlib and northern Hama, not yet in the set, under
# their articles' titles with the spellings, Arabic-script and Kurdish names the articles give,
# and, for about half its rows, spellings of them as news outlets and agencies wrote them in the
# 2012-2020 war reporting, with the coordinates of the place's article. Batch 8 weights villages
# and small towns of Idlib and of the Afrin district not yet in the set, under their articles' titles
# with the spellings, Arabic-script and Kurdish names the articles give, and spellings of them as
# news outlets and agencies wrote them in the 2012-2020 war reporting, with the coordinates of the
# place's article.
# Corrections (each from a second source, never from the gazetteer's data): Dweir Baabda (4
# rows) was first read as 35.56389, 36.10000 from a mirror of the English article, a point
# north-east of Jableh that contradicts the article's own text (Jableh to the north-west,
# Baniyas to the south-west, Baabda to the south) and SANA (about 50 km from Latakia, in
# Jableh's countryside); it now has the Japanese article's 35°14'53"N 36°2'34"E, which agrees
# with both. Abu Hajirat Khuatana keeps its article's 36.66667, 40.34250 although the same
# article puts al-Hasakah about 30 km west of the village (the point lies 37 km west-north-west
# of the city): no second source with coordinates was found, so it is left as read.
# Columns: query (the name as written), place (the place meant), category, lat, lon (WGS84),
# source. Regenerate with benchmarks/data/make_syria_eval.py (from syria_eval_raw.tsv).
"""


def parse_coords(text: str) -> tuple[float, float]:
    """Return (lat, lon) from a page's coordinate text.

    Parameters
    ----------
    text : str
        ``"36.5328 37.4542"`` or ``"36°31′58″N 37°27′15″E"`` (seconds or minutes optional).

    Returns
    -------
    tuple of float
        Latitude and longitude in decimal degrees.
    """
    m = _DEC.match(text)
    if m:
        return float(m.group(1)), float(m.group(2))
    parts = _DMS.findall(text)
    if len(parts) != 2:
        raise ValueError(f"cannot read coordinates {text!r}")
    values = {}
    for deg, minutes, seconds, hemi in parts:
        v = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
        values["lat" if hemi in "NS" else "lon"] = -v if hemi in "SW" else v
    return values["lat"], values["lon"]


def natural_earth_rows() -> list[dict]:
    """Syrian towns of Natural Earth's populated places (English name and alternate names)."""
    if not NATURAL_EARTH.is_file():
        print(f"Natural Earth file not found: {NATURAL_EARTH}", file=sys.stderr)
        return []
    rows = []
    for f in json.loads(NATURAL_EARTH.read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        if p.get("adm0_a3") != "SYR":
            continue
        lon, lat = f["geometry"]["coordinates"]
        source = (f"Natural Earth 10m populated places v4.0.0, Wikidata {p['wikidataid']} "
                  f"(https://www.wikidata.org/wiki/{p['wikidataid']})")
        names = [p["name_en"], p["name"]] + [n for n in (p.get("namealt") or "").split("|") if n]
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            rows.append({"query": name, "place": p["name_en"], "category": "town",
                         "lat": lat, "lon": lon, "source": source})
    return rows


def raw_rows() -> tuple[list[dict], list[list[dict]]]:
    """Rows of the raw file: those written before the first ``LATER_BATCHES`` marker, and each
    later batch's.

    Returns
    -------
    tuple
        The rows listed before the Natural Earth rows, and one list of rows per marker of
        ``LATER_BATCHES`` (in that order), listed after them so that rows already measured keep
        their positions in the CSV.
    """
    earlier: list[dict] = []
    later: list[list[dict]] = [[] for _ in LATER_BATCHES]
    rows = earlier
    with open(RAW, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            for marker, batch in zip(LATER_BATCHES, later):
                if line.startswith(marker):
                    rows = batch
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 5:
                raise ValueError(f"{RAW.name}:{n}: expected 5 tab-separated fields, got {len(cols)}")
            query, place, category, coords, source = cols
            if category not in CATEGORIES:
                raise ValueError(f"{RAW.name}:{n}: unknown category {category!r}")
            lat, lon = parse_coords(coords)
            rows.append({"query": query, "place": place, "category": category,
                         "lat": lat, "lon": lon, "source": source})
    return earlier, later


def main() -> int:
    earlier, later = raw_rows()
    rows = earlier + natural_earth_rows() + [r for batch in later for r in batch]
    kept, seen, dropped = [], set(), []
    for r in rows:
        key = (r["query"].casefold(), r["place"])
        if key in seen:
            continue
        seen.add(key)
        if not (LAT_RANGE[0] <= r["lat"] <= LAT_RANGE[1] and LON_RANGE[0] <= r["lon"] <= LON_RANGE[1]):
            dropped.append(r)
            continue
        kept.append(r)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        w = csv.DictWriter(fh, fieldnames=["query", "place", "category", "lat", "lon", "source"],
                           lineterminator="\n")
        w.writeheader()
        for r in kept:
            w.writerow({**r, "lat": f"{r['lat']:.5f}", "lon": f"{r['lon']:.5f}"})
    counts = {c: sum(r["category"] == c for r in kept) for c in CATEGORIES}
    print(f"{len(kept)} rows -> {OUT.name} {counts}; dropped outside Syria: "
          f"{[d['query'] for d in dropped]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
