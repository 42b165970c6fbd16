"""Plain CSV, town-control CSV and GeoJSON readers: records, and errors that name file and line."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mapgen.errors import InputError
from mapgen.readers import READERS, ReadOptions, read_file
from mapgen.source import load_source

TZ = ZoneInfo("Asia/Damascus")

EVENTS_CSV = """\
title,id,type,date,place,lat,lon,sources,actors,fatalities,time_precision,geo_precision,end
Strikes on Azaz,e1,airstrike,2016-02-04,Azaz,36.5866,37.0463,"SOHR|https://www.syriahr.com/en/1;Reuters|https://www.reuters.com/x|2016-02-04T21:00:00Z",Russia; Government,3,,,
'=1+2 shells,e2,shelling,2016-02-05T10:00:00+02:00,Tell Rifaat,,,SOHR,,,exact,near,2016-02-05T12:00:00+02:00
Week of clashes,e3,clashes,2016-02-01,Hraytan,,,,,,week,region,
"""
POLYGON = {"type": "Polygon", "coordinates": [[[37.0, 36.5], [37.1, 36.5], [37.1, 36.6], [37.0, 36.6], [37.0, 36.5]]]}
BOWTIE = {"type": "Polygon", "coordinates": [[[37.0, 36.5], [37.1, 36.6], [37.1, 36.5], [37.0, 36.6], [37.0, 36.5]]]}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _read(path: Path, repair: bool = False) -> tuple:
    errors: list[InputError] = []
    records = read_file(path, TZ, errors, ReadOptions(repair=repair))
    return records, errors


def test_registry_has_every_format() -> None:
    assert {".yaml", ".yml", ".csv", ".geojson", ".json"} <= set(READERS)


def test_plain_csv_columns_in_any_order(tmp_path: Path) -> None:
    records, errors = _read(_write(tmp_path, "events.csv", EVENTS_CSV))
    assert errors == []
    e1, e2, e3 = records.incidents
    assert (e1.id, e1.type, e1.lat, e1.lon, e1.fatalities) == ("e1", "airstrike", 36.5866, 37.0463, 3)
    assert e1.actors == ("Russia", "Government")
    assert [(s.outlet, s.url) for s in e1.sources] == [
        ("SOHR", "https://www.syriahr.com/en/1"), ("Reuters", "https://www.reuters.com/x")]
    assert e1.sources[1].published == dt.datetime(2016, 2, 4, 21, tzinfo=dt.timezone.utc)
    assert e2.title == "=1+2 shells"  # the formula guard is read back as written
    assert (e2.time_precision, e2.geo_precision, e2.lat) == ("exact", "near", None)
    assert e2.end - e2.start == dt.timedelta(hours=2)
    assert (e3.time_precision, e3.end - e3.start) == ("week", dt.timedelta(days=7))
    assert e1.origin.record == 2 and e3.origin.record == 4


def test_csv_errors_name_line_and_field(tmp_path: Path) -> None:
    text = ("id,date,type,lat,lon,sources\n"
            "a1,2016-02-04,airstrike,36.5,37.0,\n"
            "a2,2016-02-31,airstrike,36.5,37.0,\n"
            "\n"
            "a3,2016-02-04,airstrike,136.5,37.0,\n"
            "a4,2016-02-04,,36.5,37.0,\n"
            "a5,2016-02-04,airstrike,36.5,37.0,SOHR|javascript:alert(1)\n"
            "a6,2016-02-04,airstrike\n")
    records, errors = _read(_write(tmp_path, "bad.csv", text))
    assert [i.id for i in records.incidents] == ["a1"]
    rendered = [str(e) for e in errors]
    path = str(tmp_path / "bad.csv")
    assert rendered[0].startswith(f"{path}:3: date: ")
    assert rendered[1].startswith(f"{path}:5: lat: ")
    assert rendered[2] == f"{path}:6: type: missing"
    assert rendered[3].startswith(f"{path}:7: sources[1].url: not an http(s) URL")
    assert rendered[4] == f"{path}:8: 3 cells where the header has 6"


def test_csv_header_problems(tmp_path: Path) -> None:
    _, errors = _read(_write(tmp_path, "h.csv", "id,date,type\ne1,2016-02-01,airstrike\n"))
    assert [str(e) for e in errors] == [f"{tmp_path / 'h.csv'}:1: needs a place column or lat and lon columns"]
    _, errors = _read(_write(tmp_path, "empty.csv", ""))
    assert str(errors[0]).endswith("empty.csv:1: no records (empty file)")
    records, errors = _read(_write(tmp_path, "extra.csv", "id,date,type,place,colour\ne1,2016-02-01,airstrike,Azaz,red\n"))
    assert errors == [] and "unknown column 'colour' ignored" in str(records.warnings[0])


def test_control_csv(tmp_path: Path) -> None:
    text = ("place,faction,from,to,status,sources\n"
            "Azaz,rebels,2016-02-01,2016-02-10,assessed,ISW|https://www.understandingwar.org/a\n"
            "Azaz,ypg,2016-02-11,,claimed,\n"
            "Nubl,government,2016-02-03,,disputed,\n"
            "Tell Rifaat,rebels,2016-02-05,2016-02-01,,\n"
            "Azaz,isil,2016-02-20,,,\n")
    records, errors = _read(_write(tmp_path, "control.csv", text))
    assert [(c.place, c.faction) for c in records.control] == [("Azaz", "rebels"), ("Azaz", "ypg"), ("Azaz", "isil")]
    assert records.control[0].valid_to == dt.datetime(2016, 2, 11, tzinfo=TZ)  # last day held, inclusive
    assert records.control[1].valid_to is None and records.control[1].status == "claimed"
    messages = [str(e).split("control.csv:")[1] for e in errors]
    assert messages[0].startswith("4: status: 'disputed' is not one of")
    assert messages[1] == "5: to: is before from"
    assert messages[2].startswith("6: from: 'Azaz' is already held by 'ypg'")


def test_geojson_points_and_polygons(tmp_path: Path) -> None:
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.0463, 36.5866]},
         "properties": {"id": "g1", "date": "2016-02-04", "type": "airstrike", "sources": "SOHR|https://www.syriahr.com/en/1"}},
        {"type": "Feature", "geometry": None, "properties": {"id": "g2", "date": "2016-02-04", "type": "shelling", "place": "Azaz"}},
        {"type": "Feature", "geometry": POLYGON,
         "properties": {"faction": "rebels", "valid_from": "2016-02-01", "valid_to": "2016-02-10", "status": "contested"}},
        {"type": "Feature", "geometry": BOWTIE, "properties": {"faction": "ypg", "valid_from": "2016-02-01"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[37, 36], [38, 37]]}, "properties": {}},
    ]}
    path = _write(tmp_path, "data.geojson", json.dumps(data))
    records, errors = _read(path)
    assert [i.id for i in records.incidents] == ["g1", "g2"]
    assert (records.incidents[0].lat, records.incidents[0].lon) == (36.5866, 37.0463)
    assert records.incidents[1].place == "Azaz" and not records.incidents[1].located
    assert len(records.zones) == 1 and records.zones[0].status == "contested"
    assert records.zones[0].valid_to == dt.datetime(2016, 2, 11, tzinfo=TZ)
    assert str(errors[0]).startswith(f"{path}:features[3]: geometry: invalid polygon: Self-intersection")
    assert str(errors[1]).startswith(f"{path}:features[4]: geometry: 'LineString' is not supported")
    # --repair: the bow tie is made valid, and the repair is reported as a warning
    records, errors = _read(path, repair=True)
    assert len(records.zones) == 2 and records.zones[1].geometry.is_valid
    assert records.zones[1].geometry.area == pytest.approx(0.005)
    assert any("features[3]: geometry: repaired invalid polygon (Self-intersection" in str(w)
               for w in records.warnings)


def test_geojson_syntax_error_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.geojson", '{"type": "FeatureCollection",\n "features": [\n  {"type": }\n]}')
    _, errors = _read(path)
    assert str(errors[0]).startswith(f"{path}:3: malformed JSON")


def test_project_reads_every_format_together(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "zones").mkdir()
    _write(tmp_path, "events/a.csv", EVENTS_CSV)
    _write(tmp_path, "events/b.geojson", json.dumps({"type": "Feature", "geometry": POLYGON,
                                                     "properties": {"faction": "rebels", "valid_from": "2016-02-01"}}))
    _write(tmp_path, "zones/control.csv", "place,faction,from,to,status,sources\nAzaz,rebels,2016-02-01,,,\n")
    source = load_source(tmp_path)
    assert (len(source.incidents), len(source.zones), len(source.control)) == (3, 1, 1)


def test_large_reads_leave_the_garbage_collector_as_they_found_it(tmp_path: Path) -> None:
    import gc

    path = _write(tmp_path, "events.csv", EVENTS_CSV)
    assert gc.isenabled()
    _read(path)
    assert gc.isenabled()
    gc.disable()
    try:
        _read(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_source_cache_gives_the_model_s_sources_whether_or_not_it_keeps_caching() -> None:
    from mapgen.model import Origin, parse_sources
    from mapgen.readers.csv_events import SourceCache, split_sources

    cache = SourceCache(TZ)
    cache.PROBE = 50  # small, so that the unique cells below switch caching off
    cells = [f"SOHR|https://www.syriahr.com/en/{n};Reuters|https://www.reuters.com/{n % 7}" for n in range(200)]
    cells += ["SOHR", "x|https://a.example/1|2016-02-04", " |https://a.example/2", "SOHR|https://a.example/3"] * 3
    for n, text in enumerate(cells):
        origin = Origin("s.csv", n)
        assert cache.get(text, origin) == parse_sources(split_sources(text), origin, TZ)
    assert cache._cache is None  # nearly every cell was new
    with pytest.raises(InputError, match=r"s.csv:9: sources\[1\].url: not an http\(s\) URL"):
        cache.get("SOHR|ftp://x", Origin("s.csv", 9))
