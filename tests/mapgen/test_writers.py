"""CSV and GeoJSON writers: formula-safe cells, and export -> import gives the same incidents."""
from __future__ import annotations

import atexit
import csv
import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from mapgen.model import Origin, incident_from_record
from mapgen.readers import read_file
from mapgen.readers.csvbase import FORMULA_STARTS, unescape_cell
from mapgen.timeparse import MAX_YEAR, MIN_YEAR
from mapgen.writers import escape_cell, features_geojson, incidents_csv

TZ = ZoneInfo("Asia/Damascus")
_DIR = Path(tempfile.mkdtemp(prefix="mapgen-writers-"))
atexit.register(shutil.rmtree, _DIR, ignore_errors=True)  # hypothesis needs one folder for all examples


@given(st.text(max_size=20))
def test_escape_is_undone_exactly_and_never_leaves_a_formula(value: str) -> None:
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    if escaped and escaped[0] in FORMULA_STARTS:
        float(escaped)  # only plain numbers may start with + or -


def test_dangerous_cells_are_guarded() -> None:
    assert escape_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert escape_cell("@SUM(A1)") == "'@SUM(A1)"
    assert escape_cell("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0"
    assert escape_cell("\tx") == "'\tx" and escape_cell("\rx") == "'\rx"
    assert escape_cell("-37.25") == "-37.25" and escape_cell("-") == "'-"
    assert escape_cell("'=x") == "''=x" and escape_cell("'plain") == "'plain"


RECORDS = [
    {"id": "w1", "date": "2016-02-04", "type": "airstrike", "place": "Azaz", "lat": 36.5866, "lon": 37.0463,
     "title": "=1+1", "description": "line one\nline two, \"quoted\"", "fatalities": 0, "actors": "Russia;Syria",
     "sources": [{"outlet": "SOHR", "url": "https://www.syriahr.com/en/1", "published": "2016-02-04T23:34:00Z"}]},
    {"id": "w2", "start": "2016-02-05T10:00:00+00:00", "end": "2016-02-05T13:30:00+00:00", "type": "shelling",
     "lat": -33.5, "lon": -70.25, "geo_precision": "near", "title": "@night", "review": True},
    {"id": "w3", "date": "2016-02-01", "time_precision": "month", "type": "displacement", "place": "-Idlib",
     "geo_precision": "region", "sources": [{"outlet": "UNHCR"}]},
    {"id": "w4", "date": "2016-02-06", "end": "2016-02-09", "type": "clashes", "place": "Hraytan"},
]


def _incidents() -> list:
    return [incident_from_record(r, Origin("fixture", n), TZ) for n, r in enumerate(RECORDS, 1)]


def _reread(path: Path, text: str) -> list:
    path.write_text(text, encoding="utf-8")
    errors: list = []
    records = read_file(path, TZ, errors)
    assert errors == []
    return records.incidents


def test_csv_round_trip_and_no_formula_cells(tmp_path: Path) -> None:
    incidents = _incidents()
    text = incidents_csv(incidents, TZ)
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        for cell in row:
            assert not cell or cell[0] not in "=+@\t\r" and (cell[0] != "-" or float(cell) < 0)
    assert _reread(tmp_path / "out.csv", text) == incidents


def test_geojson_round_trip(tmp_path: Path) -> None:
    incidents = _incidents()
    assert _reread(tmp_path / "out.geojson", features_geojson(incidents, [], TZ)) == incidents


texts = st.text(st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from("=+-@'\t\r\n;|,\""),
                max_size=15)


@settings(max_examples=60, deadline=None)
@given(title=texts, description=texts, place=texts.filter(lambda t: t.strip() and not set(t) & {";", "|"}),
       day=st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 1)), hours=st.integers(0, 23), precision=st.sampled_from(["exact", "day", "week", "month"]),
       fatalities=st.none() | st.integers(0, 10_000), lat=st.floats(-90, 90), lon=st.floats(-180, 180),
       located=st.booleans(), suffix=st.sampled_from([".csv", ".geojson"]))
def test_random_incidents_round_trip(title: str, description: str, place: str, day, hours: int, precision: str,
                                     fatalities, lat: float, lon: float, located: bool, suffix: str) -> None:
    record = {"id": "r1", "date": f"{day.isoformat()}T{hours:02d}:00:00", "time_precision": precision,
              "type": "clashes", "place": place, "title": title, "description": description,
              "fatalities": fatalities}
    if located:
        record.update(lat=lat, lon=lon)
    incident = incident_from_record(record, Origin("fixture", 1), TZ)
    text = incidents_csv([incident], TZ) if suffix == ".csv" else features_geojson([incident], [], TZ)
    assert _reread(_DIR / f"one{suffix}", text) == [incident]


def test_zones_round_trip_through_geojson(tmp_path: Path) -> None:
    from mapgen.control_zones import zones_from_control
    from mapgen.model import zone_from_record
    from mapgen.towncontrol import control_from_record

    square = {"type": "Polygon", "coordinates": [[[37.0, 36.5], [37.1, 36.5], [37.1, 36.6], [37.0, 36.6], [37.0, 36.5]]]}
    drawn = zone_from_record({"id": "z1", "faction": "rebels", "geometry": square, "valid_from": "2016-02-01",
                              "valid_to": "2016-02-10", "status": "contested",
                              "sources": [{"outlet": "ISW", "url": "https://www.understandingwar.org/a"}]},
                             Origin("fixture", 1), TZ)
    towns = [control_from_record({"place": "Azaz", "faction": "rebels", "from": "2016-02-01", "lat": 36.5866,
                                  "lon": 37.0463, "country": "SY"}, Origin("control.csv", 2), TZ),
             control_from_record({"place": "Nubl", "faction": "government", "from": "2016-02-03", "lat": 36.3739,
                                  "lon": 36.9958, "country": "SY"}, Origin("control.csv", 3), TZ)]
    zones = [drawn, *zones_from_control(towns, radius_km=10)]
    path = tmp_path / "zones.geojson"
    path.write_text(features_geojson([], zones, TZ), encoding="utf-8")
    errors: list = []
    again = read_file(path, TZ, errors).zones
    assert errors == [] and len(again) == 3
    assert again == zones  # ids, validity, status, sources and exact coordinates
