"""Zones from town-level control: expected faction at sample points and dates, radius, outline."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pyproj import Geod
from shapely.geometry import Point, shape

from mapgen.basemap import _countries
from mapgen.build import build_map
from mapgen.control_zones import zones_from_control
from mapgen.errors import InputErrors
from mapgen.resolve import resolve_places
from mapgen.source import load_source

TZ = ZoneInfo("Asia/Damascus")
GEOD = Geod(ellps="WGS84")

MAP_YAML = "title: Northern Aleppo\ntimezone: Asia/Damascus\ncontrol_radius_km: 10\n"
# Coordinates from places.yaml (resolution order: project places first), so no gazetteer is needed.
PLACES_YAML = """\
places:
  - {name: Azaz, lat: 36.5866, lon: 37.0463, country: SY}
  - {name: Tell Rifaat, lat: 36.4733, lon: 37.0972, country: SY}
  - {name: Nubl, lat: 36.3739, lon: 36.9958, country: SY}
  - {name: Kilis, lat: 36.7184, lon: 37.1212, country: TR}
  - {name: Mare', lat: 36.4781, lon: 37.1942, country: SY}
"""
CONTROL_CSV = """\
place,faction,from,to,status,sources
Azaz,rebels,2016-02-01,,assessed,ISW|https://www.understandingwar.org/map/a
Tell Rifaat,rebels,2016-02-01,2016-02-14,assessed,ISW|https://www.understandingwar.org/map/a
Tell Rifaat,ypg,2016-02-15,,claimed,Hawar|https://en.hawarnews.com/b
Nubl,government,2016-02-03,,assessed,SANA|https://sana.sy/en/c
Kilis,turkey,2016-02-01,,assessed,
Mare',rebels,2016-02-01,,assessed,
"""
TOWNS = {"Azaz": (37.0463, 36.5866), "Tell Rifaat": (37.0972, 36.4733), "Nubl": (36.9958, 36.3739),
         "Kilis": (37.1212, 36.7184), "Mare'": (37.1942, 36.4781)}


@pytest.fixture(scope="module")
def zones(tmp_path_factory: pytest.TempPathFactory) -> list:
    project = tmp_path_factory.mktemp("control")
    (project / "zones").mkdir()
    (project / "map.yaml").write_text(MAP_YAML, encoding="utf-8")
    (project / "places.yaml").write_text(PLACES_YAML, encoding="utf-8")
    (project / "zones" / "control.csv").write_text(CONTROL_CSV, encoding="utf-8")
    source = load_source(project)
    resolved = resolve_places(source)
    assert {c.place: c.country for c in resolved.control}["Kilis"] == "TR"
    return zones_from_control(resolved.control, radius_km=10)


def _on(zones: list, day: str) -> list:
    moment = dt.datetime.fromisoformat(day).replace(tzinfo=TZ) + dt.timedelta(hours=12)
    return [z for z in zones if z.valid_from <= moment and (z.valid_to is None or moment < z.valid_to)]


def _faction_at(zones: list, day: str, lon: float, lat: float) -> str | None:
    found = [z.faction for z in _on(zones, day) if z.geometry.contains(Point(lon, lat))]
    assert len(found) <= 1, f"zones overlap at {lon},{lat}: {found}"
    return found[0] if found else None


def _offset(town: str, km: float, azimuth: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(*TOWNS[town], azimuth, km * 1000)
    return lon, lat


@pytest.mark.parametrize("day,town,km,azimuth,expected", [
    ("2016-02-02", "Azaz", 2, 200, "rebels"),
    ("2016-02-02", "Tell Rifaat", 3, 180, "rebels"),
    ("2016-02-02", "Nubl", 2, 0, None),            # Nubl is not held by anyone yet
    ("2016-02-05", "Nubl", 2, 0, "government"),
    ("2016-02-14", "Tell Rifaat", 1, 90, "rebels"),  # 'to' is the last day held
    ("2016-02-15", "Tell Rifaat", 1, 90, "ypg"),
    ("2016-02-20", "Kilis", 3, 45, "turkey"),
    ("2016-02-20", "Mare'", 4, 90, "rebels"),
    ("2016-02-20", "Azaz", 12, 270, None),           # beyond the 10 km reach
])
def test_expected_faction_at_sample_points(zones: list, day: str, town: str, km: float, azimuth: float,
                                           expected: str | None) -> None:
    assert _faction_at(zones, day, *_offset(town, km, azimuth)) == expected


def test_versions_change_only_when_control_changes(zones: list) -> None:
    ids = [z.id for z in zones]
    assert len(ids) == len(set(ids))
    assert "control-ypg-claimed-2016-02-15" in ids
    assert "control-government-2016-02-03" in ids
    turkey = [z for z in zones if z.faction == "turkey"]
    assert len(turkey) == 1 and turkey[0].valid_to is None  # Kilis's cell never changed
    ypg = next(z for z in zones if z.faction == "ypg")
    assert ypg.status == "claimed" and [s.outlet for s in ypg.sources] == ["Hawar"]


def test_no_cell_reaches_beyond_its_radius(zones: list) -> None:
    for zone in zones:
        moment = zone.valid_from
        towns = [TOWNS[name] for name, faction, start, end in _rows()
                 if faction == zone.faction and start <= moment and (end is None or moment < end)]
        assert towns
        polygons = getattr(zone.geometry, "geoms", [zone.geometry])
        for polygon in polygons:
            for lon, lat in polygon.exterior.coords:
                nearest = min(GEOD.inv(lon, lat, tlon, tlat)[2] for tlon, tlat in towns)
                assert nearest <= 10_000 + 1, (zone.id, lon, lat, nearest)


def test_no_zone_crosses_the_country_outline(zones: list) -> None:
    outlines = {f["properties"]["iso"]: shape(f["geometry"]) for f in _countries()}
    for zone in zones:
        country = "TR" if zone.faction == "turkey" else "SY"
        outside = zone.geometry.difference(outlines[country]).area
        assert outside < 1e-12, (zone.id, outside)
    # Azaz lies 7 km from the border: its 10 km circle would reach into Turkey without the clip.
    rebels = _on(zones, "2016-02-02")
    assert all(z.geometry.intersection(outlines["TR"]).area < 1e-12 for z in rebels if z.faction == "rebels")


def test_towns_without_a_country_need_map_countries() -> None:
    from mapgen.model import Origin
    from mapgen.towncontrol import TownControl

    row = TownControl("Azaz", "rebels", dt.datetime(2016, 2, 1, tzinfo=TZ), None, lat=36.5866, lon=37.0463,
                      origin=Origin("zones/control.csv", 2))
    with pytest.raises(InputErrors) as info:
        zones_from_control([row])
    assert str(info.value).startswith("zones/control.csv:2: place: no country known for 'Azaz'")
    assert len(zones_from_control([row], countries=("SY",))) == 1


def test_build_draws_derived_zones(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "zones").mkdir(parents=True)
    (project / "map.yaml").write_text(MAP_YAML, encoding="utf-8")
    (project / "places.yaml").write_text(PLACES_YAML, encoding="utf-8")
    (project / "zones" / "control.csv").write_text(CONTROL_CSV, encoding="utf-8")
    doc = build_map(project)
    assert doc.zone_count >= 6
    assert "control-ypg-claimed-2016-02-15" in doc.html


def _rows() -> list[tuple[str, str, dt.datetime, dt.datetime | None]]:
    rows = []
    for line in CONTROL_CSV.splitlines()[1:]:
        place, faction, start, end = line.split(",")[:4]
        begin = dt.datetime.fromisoformat(start).replace(tzinfo=TZ)
        finish = dt.datetime.fromisoformat(end).replace(tzinfo=TZ) + dt.timedelta(days=1) if end else None
        rows.append((place, faction, begin, finish))
    return rows


# -- properties: random towns and dates never give overlapping zones, or zones beyond reach/border --

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mapgen.model import Origin  # noqa: E402
from mapgen.towncontrol import TownControl  # noqa: E402

_SY = next(shape(f["geometry"]) for f in _countries() if f["properties"]["iso"] == "SY")
_towns = st.lists(st.tuples(st.floats(36.2, 36.7), st.floats(36.9, 37.3),  # near Azaz: some cells meet the border
                            st.sampled_from(["rebels", "government", "ypg"]), st.integers(0, 20),
                            st.none() | st.integers(1, 20)),
                  min_size=1, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_towns, st.sampled_from([5.0, 10.0]))
def test_random_control_tables(towns: list, radius_km: float) -> None:
    start = dt.datetime(2016, 2, 1, tzinfo=TZ)
    rows = []
    for n, (lat, lon, faction, first, length) in enumerate(towns):
        begin = start + dt.timedelta(days=first)
        end = begin + dt.timedelta(days=length) if length else None
        rows.append(TownControl(f"T{n}", faction, begin, end, lat=round(lat, 3), lon=round(lon, 3),
                                country="SY", origin=Origin("control.csv", n + 2)))
    zones = zones_from_control(rows, radius_km=radius_km)
    for day in range(0, 42, 3):
        moment = start + dt.timedelta(days=day, hours=12)
        shown = [z for z in zones if z.valid_from <= moment and (z.valid_to is None or moment < z.valid_to)]
        for n, zone in enumerate(shown):
            assert zone.geometry.is_valid and zone.geometry.geom_type in ("Polygon", "MultiPolygon")
            assert zone.geometry.difference(_SY).area < 1e-12
            for other in shown[n + 1:]:
                assert zone.geometry.intersection(other.geometry).area < 1e-9, (zone.id, other.id)
            held = [(r.lon, r.lat) for r in rows if r.faction == zone.faction and r.active_at(moment)]
            for polygon in getattr(zone.geometry, "geoms", [zone.geometry]):
                for lon, lat in polygon.exterior.coords:
                    reach = min(GEOD.inv(lon, lat, tlon, tlat)[2] for tlon, tlat in held)
                    assert reach <= radius_km * 1000 + 1
