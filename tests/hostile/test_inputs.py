"""Every hostile input gets one line naming file, record and field, exit 1, nothing written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.helpers import cli, fenced, one_error, project, snapshot

BOMB = "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
               for p, c in zip([None, *"abcdefgh"], "abcdefghi"))


def _build_fails(tmp_path: Path, source: Path, *needles: str) -> str:
    out = tmp_path / "out" / "map.html"
    line = one_error(cli("build", source, "-o", out), *needles)
    assert not out.exists() and not (tmp_path / "out" / "map.embed.html").exists()
    return line


def test_a_yaml_alias_bomb_is_refused_at_once_in_bounded_memory(tmp_path: Path) -> None:
    bomb = ("incidents:\n  - {id: x, date: 2016-02-01, type: shelling, lat: 36, lon: 37, notes: {"
            + BOMB.replace("\n", ", ").rstrip(", ") + "}, fatalities: *i}\n")  # str() of it: 9^9 values
    source = project(tmp_path / "p", events__incidents_yaml=bomb)
    ran = fenced("build", source, "-o", tmp_path / "out" / "map.html", memory=1024 * 2**20, timeout=60)
    one_error(ran, "incidents.yaml:1:", "aliases expand to more than")


@pytest.mark.parametrize("where", ["map.yaml", "places.yaml", "places.lock.yaml"])
def test_an_alias_bomb_in_any_yaml_file(tmp_path: Path, where: str) -> None:
    source = project(tmp_path / "p")
    (source / where).write_text(BOMB, encoding="utf-8")
    _build_fails(tmp_path, source, where, "aliases expand")


def test_merge_keys_are_still_allowed(tmp_path: Path) -> None:
    events = ("defaults: &d {type: airstrike, place: Alpha}\n"
              "incidents:\n  - <<: *d\n    id: m-1\n    date: 2016-02-01\n    type: shelling\n")
    source = project(tmp_path / "p", events__incidents_yaml=events.replace("defaults: &d", "x: &d"))
    # an unknown top-level key is an error of its own; the anchor is put in a record instead
    events = ("incidents:\n  - &d {id: m-0, date: 2016-02-01, type: airstrike, place: Alpha}\n"
              "  - <<: *d\n    id: m-1\n    type: shelling\n")
    (source / "events" / "incidents.yaml").write_text(events, encoding="utf-8")
    assert cli("build", source, "-o", tmp_path / "m.html").code == 0


def test_a_duplicate_key_is_refused_with_its_line(tmp_path: Path) -> None:
    events = "incidents:\n  - id: d-1\n    date: 2016-02-01\n    place: Alpha\n    type: airstrike\n    date: 2016-02-09\n"
    source = project(tmp_path / "p", events__incidents_yaml=events)
    _build_fails(tmp_path, source, "incidents.yaml:6:", "duplicate key 'date'")


def test_deep_nesting_is_one_line(tmp_path: Path) -> None:
    source = project(tmp_path / "p", events__incidents_yaml="incidents: " + "[" * 5000 + "]" * 5000 + "\n")
    ran = fenced("build", source, "-o", tmp_path / "out" / "map.html", timeout=60)
    one_error(ran, "incidents.yaml")


@pytest.mark.parametrize("value, needle", [
    ("9999-12-31", "outside the years 1000-2999"), ("7000-01-01", "outside the years 1000-2999"),
    ("0999-06-01T00:00:00", "outside the years 1000-2999"), ("2999-12-31T23:00-12:00", "date"),
])
def test_dates_outside_the_range_a_map_holds(tmp_path: Path, value: str, needle: str) -> None:
    for suffix, text in ((".yaml", f"- {{id: x, date: '{value}', type: shelling, lat: 36, lon: 37}}\n"),
                         (".csv", f"id,date,type,lat,lon\nx,{value},shelling,36,37\n")):
        events = tmp_path / f"events{suffix}"
        events.write_text(text, encoding="utf-8")
        ran = cli("build", events, "-o", tmp_path / "out" / "m.html")
        if value.startswith("2999-12-31T23"):  # in range after all: 3000 UTC is still held
            assert ran.code in (0, 1) and "Traceback" not in ran.err
            continue
        one_error(ran, f"events{suffix}:", "date:", needle)


@pytest.mark.parametrize("value", ["3000000000", "99999999999999999999999", "1" * 5000])
def test_fatalities_above_what_the_page_holds(tmp_path: Path, value: str) -> None:
    for suffix, text in ((".yaml", f"- {{id: x, date: 2016-02-01, type: shelling, lat: 36, lon: 37, "
                                   f"fatalities: {value}}}\n"),
                         (".csv", f"id,date,type,lat,lon,fatalities\nx,2016-02-01,shelling,36,37,{value}\n")):
        events = tmp_path / f"events{suffix}"
        events.write_text(text, encoding="utf-8")
        line = one_error(cli("build", events, "-o", tmp_path / "out" / "m.html"), "fatalities:", "0..2147483647")
        assert len(line) < 200


def test_a_lone_surrogate_in_geojson(tmp_path: Path) -> None:
    events = tmp_path / "e.geojson"
    events.write_text('{"type":"Feature","geometry":{"type":"Point","coordinates":[37,36]},\n"properties":'
                      '{"id":"a","date":"2016-02-01","type":"shelling","title":"x\\ud800"}}', encoding="utf-8")
    one_error(cli("build", events, "-o", tmp_path / "out" / "m.html"), "e.geojson:2:", "unpaired surrogate")
    events.write_text(events.read_text().replace("\\ud800", "\\ud83d\\ude00"), encoding="utf-8")  # a pair is fine
    assert cli("build", events, "-o", tmp_path / "out" / "m.html").code == 0


@pytest.mark.parametrize("setting, needle", [
    ("countries: 5", "countries: must be a list of two-letter country codes"),
    ("countries: [Syria]", "countries:"),
    ("title: [a, b]", "title: must be text, not a list"),
    ("description: {a: 1}", "description: must be text, not a mapping"),
    ("credit: true", "credit: must be text"),
    ("timezone: [UTC]", "timezone: must be text"),
    ("window_days: 100000000000000000000", "window_days"),
    ("view: [[.nan, 1], [2, 3]]", "view"),
    ("factions: {rebels: {label: [x], color: '#009E73'}}", "factions.rebels.label: must be text"),
])
def test_map_yaml_types(tmp_path: Path, setting: str, needle: str) -> None:
    source = project(tmp_path / "p", map_yaml=f"{setting}\n")
    _build_fails(tmp_path, source, "map.yaml", needle)


@pytest.mark.parametrize("pin, needle", [
    ("{lat: .nan, lon: 37.0, source: g}", "lat must be a number in -90..90"),
    ("{lat: .inf, lon: 37.0, source: g}", "lat must be a number"),
    ("{lat: 1000, lon: 37.0, source: g}", "lat must be a number"),
    ("{lat: 36.5, lon: -999, source: g}", "lon in -180..180"),
    ("{lat: 36.5, lon: 37.0, source: [g]}", "source and country must be text"),
    ("[1, 2]", "needs lat and lon"),
])
def test_lock_file_values(tmp_path: Path, pin: str, needle: str) -> None:
    events = "incidents:\n  - {id: l-1, date: 2016-02-01, place: Charlie, type: airstrike}\n"
    source = project(tmp_path / "p", events__incidents_yaml=events)
    (source / "places.lock.yaml").write_text(f"places:\n  Charlie: {pin}\n", encoding="utf-8")
    line = _build_fails(tmp_path, source, "places.lock.yaml", "Charlie", needle, "--repin")
    assert "Traceback" not in line


def test_a_lock_file_in_latin_1(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    (source / "places.lock.yaml").write_bytes("places:\n  Alépo: {lat: 36.2, lon: 37.1}\n".encode("latin-1"))
    _build_fails(tmp_path, source, "places.lock.yaml:2:", "not UTF-8")


@pytest.mark.parametrize("record", ["{not json", '{"version": 2, "incidents": [1], "zones": {}}',
                                    '{"version": 2, "incidents": {"a": [1, 2]}, "zones": {}}',
                                    '{"version": 2, "incidents": {}, "zones": {"z": ["h", "f", 3, null]}}',
                                    "\udcff"])
def test_a_malformed_build_record_is_ignored_with_a_warning(tmp_path: Path, record: str) -> None:
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    out.parent.mkdir()
    (tmp_path / "out" / "map.build.json").write_bytes(record.encode("utf-8", "surrogateescape"))
    ran = cli("build", source, "-o", out)
    assert ran.code == 0 and "first build: 4 incidents" in ran.out
    assert ran.err.count("warning:") == 1 and "previous build record ignored" in ran.err
    assert json.loads((tmp_path / "out" / "map.build.json").read_text())["version"] == 2
    assert "warning" not in cli("build", source, "-o", out).err  # the new record reads


def test_csv_cell_and_line_limits(tmp_path: Path) -> None:
    events = tmp_path / "e.csv"
    events.write_text("id,date,type,lat,lon,title\nx,2016-02-01,shelling,36,37," + "t" * 200_000 + "\n",
                      encoding="utf-8")
    ran = cli("build", events, "-o", tmp_path / "out" / "m.html")
    assert ran.code == 1 and "e.csv:2: malformed CSV (a cell longer than 131,072 characters)" in ran.err
    events.write_text("id,date,type,lat,lon,title\nx,2016-02-01,shelling,36,37," + "t," * 700_000 + "\n",
                      encoding="utf-8")
    ran = cli("build", events, "-o", tmp_path / "out" / "m.html")
    assert ran.code == 1 and "e.csv:2: a line longer than 1 M characters" in ran.err


def test_a_device_as_an_events_file(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    ran = fenced("build", link, "-o", tmp_path / "out" / "m.html", timeout=30)
    one_error(ran, "zero.yaml: not a regular file")
    source = project(tmp_path / "p")
    (source / "map.yaml").unlink()
    (source / "map.yaml").symlink_to("/dev/urandom")
    one_error(fenced("build", source, "-o", tmp_path / "out" / "m.html", timeout=30), "map.yaml: not a regular file")


def test_swapped_coordinates_are_a_warning(tmp_path: Path) -> None:
    features = [  # Alpha (places.yaml) is at lat 36.5, lon 37.0: written [lat, lon]
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.5, 37.0]},
         "properties": {"id": "s-1", "date": "2016-02-01", "type": "shelling", "place": "Alpha"}},
        # no place: a point in Syria written [lat, lon] lands in Turkey, outside the map's countries
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.0, 38.5]},
         "properties": {"id": "s-2", "date": "2016-02-01", "type": "shelling"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.0, 36.5]},  # right
         "properties": {"id": "s-3", "date": "2016-02-01", "type": "shelling", "place": "Alpha"}},
    ]
    source = project(tmp_path / "p", events__points_geojson=json.dumps(
        {"type": "FeatureCollection", "features": features}), map_yaml="title: Swapped\ncountries: [SY]\n")
    ran = cli("build", source, "-o", tmp_path / "out" / "m.html")
    assert ran.code == 0
    warnings = [line for line in ran.err.splitlines() if "swapped" in line]
    assert len(warnings) == 2, ran.err
    assert "points.geojson:features[0]: lat/lon: (37, 36.5) lies" in warnings[0] and "'Alpha'" in warnings[0]
    assert "features[1]" in warnings[1] and "outside the map's countries (SY)" in warnings[1]


def test_a_project_with_nothing_hostile_still_builds_the_same(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    before = snapshot(source)
    assert cli("build", source, "-o", tmp_path / "m.html").code == 0
    after = snapshot(source)
    assert {k: v for k, v in after.items() if not k.endswith("places.lock.yaml")} == before
