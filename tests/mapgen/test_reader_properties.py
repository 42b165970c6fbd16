"""Property tests: every reader, fed random, truncated or mangled input, fails only with the
project's own input errors, each naming the file and a line (or feature) -- never another exception."""
from __future__ import annotations

import atexit
import csv
import io
import json
import shutil
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapgen.errors import InputError, InputErrors
from mapgen.readers import ReadOptions, read_file
from mapgen.source import load_source

TZ = ZoneInfo("Asia/Damascus")
ACLED = (Path(__file__).parent / "data" / "acled-aleppo-2016-02.csv").read_text(encoding="utf-8")
EVENTS_CSV = """\
id,date,end,time_precision,type,place,lat,lon,geo_precision,actors,title,description,fatalities,sources,review
e1,2016-02-04,,day,airstrike,Azaz,36.5866,37.0463,exact,Russia;Government,Strikes on Azaz,"Two raids, one 'double tap'",3,SOHR|https://www.syriahr.com/en/1;Reuters|https://www.reuters.com/x|2016-02-04T21:00:00+02:00,false
e2,2016-02-05T10:00:00+02:00,2016-02-05T12:00:00+02:00,exact,shelling,Tell Rifaat,,,near,,'=shells,,,SOHR,true
"""
CONTROL_CSV = """\
place,faction,from,to,status,sources
Azaz,rebels,2016-02-01,2016-02-10,assessed,ISW|https://www.understandingwar.org/a
Azaz,ypg,2016-02-11,,claimed,
Nubl,government,2016-02-03,,contested,SANA|https://sana.sy/en/1
"""
GEOJSON = json.dumps({"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.0463, 36.5866]},
     "properties": {"id": "g1", "date": "2016-02-04", "type": "airstrike", "actors": ["Russia"],
                    "sources": [{"outlet": "SOHR", "url": "https://www.syriahr.com/en/1"}]}},
    {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[[37.0, 36.5], [37.1, 36.5],
                                                                               [37.1, 36.6], [37.0, 36.5]]]]},
     "properties": {"faction": "rebels", "valid_from": "2016-02-01", "valid_to": "2016-02-10"}},
]}, indent=1)
YAML = """\
incidents:
  - id: y1
    date: 2016-02-04
    type: airstrike
    place: Azaz
    sources: [{outlet: SOHR, url: "https://www.syriahr.com/en/1"}]
zones:
  - faction: rebels
    valid_from: 2016-02-01
    geometry: {type: Polygon, coordinates: [[[37.0, 36.5], [37.1, 36.5], [37.1, 36.6], [37.0, 36.5]]]}
"""
SAMPLES = {"events.csv": EVENTS_CSV, "acled.csv": ACLED, "control.csv": CONTROL_CSV,
           "data.geojson": GEOJSON, "data.yaml": YAML}
_DIR = Path(tempfile.mkdtemp(prefix="mapgen-props-"))
atexit.register(shutil.rmtree, _DIR, ignore_errors=True)  # hypothesis needs one folder for all examples
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(name: str, data: bytes, repair: bool = False) -> None:
    path = _DIR / name
    path.write_bytes(data)
    errors: list[InputError] = []
    try:
        read_file(path, TZ, errors, ReadOptions(repair=repair))
    except InputError as exc:
        errors.append(exc)
    try:
        load_source(path, timezone="Asia/Damascus", options=ReadOptions(repair=repair))
    except InputErrors as exc:
        errors.extend(exc.errors)
    for err in errors:
        assert type(err) is InputError, err
        assert err.file == str(path), str(err)
        assert err.record is not None, str(err)
        assert str(err).startswith(f"{path}:{err.record}: ")


names = st.sampled_from(sorted(SAMPLES))


@SETTINGS
@given(name=names, cut=st.floats(0, 1))
def test_truncated_files(name: str, cut: float) -> None:
    data = SAMPLES[name].encode("utf-8")
    _check(name, data[: int(len(data) * cut)])


@SETTINGS
@given(name=names, start=st.floats(0, 1), length=st.integers(0, 40), junk=st.text(max_size=30),
       repair=st.booleans())
def test_mangled_files(name: str, start: float, length: int, junk: str, repair: bool) -> None:
    text = SAMPLES[name]
    at = int(len(text) * start)
    _check(name, (text[:at] + junk + text[at + length:]).encode("utf-8"), repair)


@SETTINGS
@given(name=names, data=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_random_files(name: str, data: bytes) -> None:
    _check(name, data)


cells = st.one_of(st.text(max_size=12), st.sampled_from(
    ["", "2016-02-04", "2016-02-30", "2016-02-04T25:00", "-1", "1e400", "nan", "inf", "91", "3", "²", "week",
     "exact", "region", "x|ftp://a", "SOHR|https://a.b/c|yesterday", "'=1", "true", "maybe", "1;2"]))


@SETTINGS
@given(name=st.sampled_from(["events.csv", "acled.csv", "control.csv"]), data=st.data())
def test_random_cells_under_a_valid_header(name: str, data: st.DataObject) -> None:
    header = SAMPLES[name].splitlines()[0].split(",")
    rows = data.draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header)), min_size=1, max_size=4))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    _check(name, out.getvalue().encode("utf-8"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
coordinates = st.lists(st.lists(st.lists(st.floats(-200, 200) | st.integers(-10**30, 10**30), min_size=0, max_size=3),
                                max_size=6), max_size=2)
geometries = st.one_of(
    st.none(), json_values,
    st.fixed_dictionaries({"type": st.sampled_from(["Point", "Polygon", "MultiPolygon", "LineString"]),
                           "coordinates": json_values | coordinates}))
properties = st.dictionaries(
    st.sampled_from(["id", "date", "start", "end", "type", "place", "time_precision", "geo_precision", "actors",
                     "title", "fatalities", "sources", "review", "faction", "valid_from", "valid_to", "status"]),
    json_values | cells, max_size=10)


@SETTINGS
@given(features=st.lists(st.fixed_dictionaries({"type": st.just("Feature"), "geometry": geometries,
                                                 "properties": properties}) | json_values, max_size=4),
       repair=st.booleans())
def test_random_geojson_features(features: list, repair: bool) -> None:
    _check("data.geojson", json.dumps({"type": "FeatureCollection", "features": features}).encode("utf-8"), repair)
