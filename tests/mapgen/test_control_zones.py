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
from mapgen.control_zones import SMOOTH_SHARE, zones_from_control
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
    # the smoothing closes notches between circles: it may reach at most its own distance further
    for zone in zones:
        moment = zone.valid_from
        towns = [TOWNS[name] for name, faction, start, end in _rows()
                 if faction == zone.faction and start <= moment and (end is None or moment < end)]
        assert towns
        polygons = getattr(zone.geometry, "geoms", [zone.geometry])
        for polygon in polygons:
            for lon, lat in polygon.exterior.coords:
                nearest = min(GEOD.inv(lon, lat, tlon, tlat)[2] for tlon, tlat in towns)
                assert nearest <= 10_000 * (1 + SMOOTH_SHARE) + 1, (zone.id, lon, lat, nearest)


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
                  min_size=1, max_size=8,
                  unique_by=lambda t: (round(t[0], 2), round(t[1], 2)))  # distinct towns, not one spot twice


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
                    assert reach <= radius_km * 1000 * (1 + SMOOTH_SHARE) + 1


# -- adaptive reach, smoothing, and towns as places rather than strings --

def _row(name: str, lat: float, lon: float, faction: str = "rebels", line: int = 2, first: int = 1,
         last: int | None = None, country: str = "SY") -> TownControl:
    begin = dt.datetime(2016, 2, first, tzinfo=TZ)
    end = dt.datetime(2016, 2, last, tzinfo=TZ) if last else None
    return TownControl(name, faction, begin, end, lat=lat, lon=lon, country=country,
                       origin=Origin("zones/control.csv", line))


def test_adaptive_reach_follows_the_density_of_towns() -> None:
    from mapgen.control_zones import AUTO_MAX_KM, AUTO_MIN_KM, _projection, adaptive_radii

    # a cluster of towns about 2-3 km apart west of Aleppo, and a line of steppe towns 20 km apart
    dense = [(36.95 + 0.03 * i, 36.30 + 0.02 * (i % 2)) for i in range(6)]
    sparse = [(38.6 + 0.224 * i, 35.2) for i in range(4)]
    rows = [_row(f"T{n}", lat, lon) for n, (lon, lat) in enumerate(dense + sparse)]
    project, _ = _projection(rows)
    radii = adaptive_radii(dense + sparse, project)
    assert all(AUTO_MIN_KM * 1000 <= r <= 6000 for r in radii[:6]), radii[:6]
    assert all(18_000 <= r <= AUTO_MAX_KM * 1000 for r in radii[6:]), radii[6:]


def test_sparse_towns_make_one_area_not_a_string_of_discs() -> None:
    # four towns of one faction 20 km apart in the steppe: one connected zone, as a control map draws it
    rows = [_row(f"T{n}", 35.2, 38.6 + 0.224 * n, "isil", line=n + 2) for n in range(4)]
    zone, = zones_from_control(rows)
    assert zone.geometry.geom_type == "Polygon"
    with_fixed = zones_from_control(rows, radius_km=5)[0]
    assert with_fixed.geometry.geom_type == "MultiPolygon" and len(with_fixed.geometry.geoms) == 4


def test_smoothing_fills_the_notches_between_circles() -> None:
    from mapgen.control_zones import geodesic_circle

    rows = [_row("A", 36.40, 37.00, line=2), _row("B", 36.40, 37.10, line=3)]
    zone, = zones_from_control(rows, radius_km=6)
    circles = geodesic_circle(37.00, 36.40, 6000).union(geodesic_circle(37.10, 36.40, 6000))
    assert zone.geometry.contains(circles.buffer(-1e-6))  # everything the towns reach
    # the notch where the circles meet, north of the midpoint, is filled
    assert not circles.contains(Point(37.05, 36.437)) and zone.geometry.contains(Point(37.05, 36.437))
    # a smooth edge: the outline never turns sharply (the circles' union turns ~100 degrees at a cusp)
    assert _sharpest_turn(circles) > 60
    assert _sharpest_turn(zone.geometry) < 30


def _sharpest_turn(polygon) -> float:
    """The largest change of direction (degrees) between consecutive edges of the outline."""
    import math

    coords = list(polygon.exterior.coords)[:-1]
    worst = 0.0
    for n in range(len(coords)):
        (x0, y0), (x1, y1), (x2, y2) = coords[n - 1], coords[n], coords[(n + 1) % len(coords)]
        a = math.atan2(y1 - y0, (x1 - x0) * 0.8)  # lon scaled by cos(36.4 deg)
        b = math.atan2(y2 - y1, (x2 - x1) * 0.8)
        turn = abs(math.degrees((b - a + math.pi) % (2 * math.pi) - math.pi))
        worst = max(worst, turn)
    return worst


def test_one_name_two_places_are_two_towns(tmp_path: Path) -> None:
    """Syria has six Ayn al-Bayda: rows of one name with coordinates far apart are different towns,
    each held by its own side at the same time."""
    rows = [_row("Ayn al-Bayda", 36.05, 36.45, "government", line=2),   # near Jisr al-Shughur
            _row("Ayn al-Bayda", 36.62, 38.20, "isil", line=3)]          # east of Manbij
    zones = zones_from_control(rows)
    assert {z.faction for z in zones} == {"government", "isil"}
    assert all(len(z.towns) == 1 and z.towns[0].place == "Ayn al-Bayda" for z in zones)
    # the same through a project's control.csv with coordinates
    project = tmp_path / "p"
    (project / "zones").mkdir(parents=True)
    (project / "map.yaml").write_text("title: T\ntimezone: Asia/Damascus\ncountries: [SY]\n", encoding="utf-8")
    (project / "zones" / "control.csv").write_text(
        "place,faction,from,to,status,sources,lat,lon\n"
        "Ayn al-Bayda,government,2016-02-01,,assessed,,36.05,36.45\n"
        "Ayn al-Bayda,isil,2016-02-01,,assessed,,36.62,38.20\n", encoding="utf-8")
    doc = build_map(project)
    assert doc.zone_count == 2


def test_one_place_held_twice_is_still_an_error() -> None:
    # the same name within 2 km: one town, held by two sides at once
    with pytest.raises(InputErrors) as info:
        zones_from_control([_row("Kafr Naya", 36.4201, 37.0746, "rebels", line=2),
                            _row("Kafr Naya", 36.4210, 37.0750, "government", line=5, first=3)])
    assert str(info.value).startswith("zones/control.csv:5: from: 'Kafr Naya' is already held by 'rebels'")
    # two spellings resolved to one spot, held by two sides at once
    with pytest.raises(InputErrors) as info:
        zones_from_control([_row("Tell Rifaat", 36.4733, 37.0972, "rebels", line=2),
                            _row("Tall Rifat", 36.4733, 37.0972, "ypg", line=3, first=2)])
    assert "'Tall Rifat' is already held by 'rebels'" in str(info.value)
    # two spellings of one town held alike, and one town handed over in turn: no error
    assert zones_from_control([_row("Tell Rifaat", 36.4733, 37.0972, "rebels", line=2),
                               _row("Tall Rifat", 36.4733, 37.0972, "rebels", line=3)])
    assert zones_from_control([_row("Tell Rifaat", 36.4733, 37.0972, "rebels", line=2, last=10),
                               _row("Tell Rifaat", 36.4733, 37.0972, "ypg", line=3, first=10)])


def test_zone_names_its_towns_since_when_and_sources(zones: list) -> None:
    rebels = next(z for z in _on(zones, "2016-02-02") if z.faction == "rebels")
    towns = {t.place: t for t in rebels.towns}
    assert set(towns) == {"Azaz", "Tell Rifaat", "Mare'"}
    assert [s.outlet for s in towns["Azaz"].sources] == ["ISW"]
    assert towns["Azaz"].since == dt.datetime(2016, 2, 1, tzinfo=TZ)


def test_taken_ground_is_what_the_faction_did_not_hold_the_day_before(tmp_path: Path) -> None:
    # 200 seeded zone versions (20 areas, 4 factions): the sweep over versions sorted by start
    # gives what the definition gives by scanning every version for every version
    from shapely.ops import unary_union

    from benchmarks import synthetic
    from mapgen.shape import MIN_GAIN_DEG2, taken_ground
    from mapgen.timeparse import day_start

    path = synthetic.write(tmp_path / "data.json", 0, zones=200, seed=5)
    source = synthetic.to_source(synthetic.load_columns(path), path=path)
    zones, tz = source.zones, source.config.zone
    gains = taken_ground(zones, tz)
    assert len(gains) > 100
    for zone in zones:
        before = day_start(zone.valid_from, tz)
        shown = [z for z in zones if z.valid_from < before and (z.valid_to is None or z.valid_to >= before)]
        held = [z.geometry for z in shown if z.faction == zone.faction]
        plain = zone.geometry.difference(unary_union(held)) if held else zone.geometry
        parts = [g for g in getattr(plain, "geoms", [plain]) if g.geom_type == "Polygon" and g.area >= MIN_GAIN_DEG2]
        if not shown or not parts:
            assert zone.id not in gains
        else:
            assert gains[zone.id].symmetric_difference(unary_union(parts)).area < 1e-12, zone.id
