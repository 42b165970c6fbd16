"""The Python API: load a project as GeoDataFrames, build from them, read and write GIS files."""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from click.testing import CliRunner

import mapgen
from mapgen.cli import main
from mapgen.control_zones import all_zones
from mapgen.errors import InputErrors
from mapgen.frames import INCIDENT_COLUMNS, ZONE_COLUMNS
from mapgen.resolve import resolve_places
from mapgen.source import load_source
from tests.conftest import write_project as write_project_files

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "aleppo-2016-02"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> mapgen.Project:
    return mapgen.load(EXAMPLE, home=str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list]:
    """The example's incidents and zones as the build sees them (placed, zones derived)."""
    loaded = load_source(EXAMPLE)
    resolved = resolve_places(loaded, home=str(tmp_path_factory.mktemp("home")), include_review=False)
    return resolved.incidents, all_zones(loaded.config, loaded.zones, resolved.control)


def test_load_gives_geodataframes(project: mapgen.Project, expected: tuple[list, list]) -> None:
    incidents, zones = expected
    assert isinstance(project.incidents, gpd.GeoDataFrame) and isinstance(project.zones, gpd.GeoDataFrame)
    assert project.incidents.crs.to_epsg() == 4326 and project.zones.crs.to_epsg() == 4326
    assert list(project.incidents.columns) == [*INCIDENT_COLUMNS, "geometry"]
    assert list(project.zones.columns) == [*ZONE_COLUMNS, "geometry"]
    assert list(project.incidents["id"]) == [i.id for i in incidents]
    assert list(project.zones["id"]) == [z.id for z in zones]
    assert str(project.incidents["start"].dt.tz) == "Asia/Damascus"
    first = incidents[0]
    row = project.incidents.iloc[0]
    assert (row.geometry.x, row.geometry.y) == (first.lon, first.lat)
    assert row["start"].to_pydatetime() == first.start and row["end"].to_pydatetime() == first.end
    open_ended = project.zones[project.zones["valid_to"].isna()]
    assert len(open_ended) == sum(z.valid_to is None for z in zones) > 0
    assert set(project.zones["status"]) <= {"assessed", "claimed", "contested"}
    unplaced = mapgen.load(EXAMPLE, resolve=False)  # incidents named by place have no point yet
    named = [i.place is not None and i.lat is None for i in load_source(EXAMPLE).incidents]
    assert list(unplaced.incidents.geometry.isna()) == named and any(named)
    assert len(unplaced.zones) == len(load_source(EXAMPLE).zones)  # no zones from town control


def test_build_from_the_project_is_the_build_from_the_source(project: mapgen.Project) -> None:
    from_source = mapgen.build_map(EXAMPLE, cache=None)
    from_frames = mapgen.build_map(project)
    assert from_frames.html == from_source.html


def test_build_from_filtered_frames(project: mapgen.Project) -> None:
    frame = project.incidents
    airstrikes = frame[frame["type"] == "airstrike"]
    assert 0 < len(airstrikes) < len(frame)
    doc = mapgen.build_map(airstrikes, zones=project.zones, timezone="Asia/Damascus", title="Air strikes")
    assert [i.id for i in doc.incidents] == list(airstrikes["id"])
    assert doc.zone_count == len(project.zones)
    assert "Air strikes" in doc.html
    project.incidents = airstrikes
    try:
        assert mapgen.build_map(project).incident_count == len(airstrikes)
    finally:
        project.incidents = frame


def test_bad_frame_rows_are_named(project: mapgen.Project) -> None:
    frame = project.incidents.copy()
    label = frame.index[3]
    frame.loc[label, "geo_precision"] = "far"
    frame.loc[frame.index[5], "id"] = frame.loc[frame.index[4], "id"]
    with pytest.raises(InputErrors) as caught:
        mapgen.build_map(frame)
    lines = [str(e) for e in caught.value.errors]
    assert f"<incidents>:row {label}: geo_precision: 'far' is not one of exact, near, region" in lines
    assert any(line.startswith(f"<incidents>:row {frame.index[5]}: id: duplicate incident id") for line in lines)
    with pytest.raises(InputErrors, match="expected EPSG:4326"):
        mapgen.build_map(project.incidents.to_crs(3857))
    doc = mapgen.build_map(frame, skip_invalid=True)  # the bad rows left out, and said why
    assert len(doc.skipped) == 2 and doc.incident_count == len(frame) - 2 - int(frame["review"].sum())


def test_build_from_a_plain_dataframe_with_lat_lon() -> None:
    import pandas as pd

    frame = pd.DataFrame({"id": ["azaz-1", "kilis-1"], "date": ["2016-02-04", "2016-02-05"],
                          "type": ["airstrike", "shelling"], "lat": [36.58662, 36.71611],
                          "lon": [37.04628, 37.115], "sources": ["SOHR|https://www.syriahr.com/en/1", ""]})
    doc = mapgen.build_map(frame, timezone="Asia/Damascus")
    assert [(i.id, i.lat, i.lon) for i in doc.incidents] == [("azaz-1", 36.58662, 37.04628),
                                                              ("kilis-1", 36.71611, 37.115)]
    with pytest.raises(mapgen.MapgenError, match="cannot build a map from int"):
        mapgen.build_map(42)


def test_frames_round_trip_across_a_daylight_saving_change(tmp_path: Path) -> None:
    """Damascus skipped midnight on 25 March 2016: days ending then come back as the same values."""
    from mapgen.frames import incidents_frame, records_from_frame, zones_frame

    project = write_project_files(tmp_path / "dst", {
        "map.yaml": "timezone: Asia/Damascus\n",
        "events/a.csv": "id,date,type,lat,lon,time_precision\nd1,2016-03-24,airstrike,36.5,37.0,day\n"
                        "w1,2016-03-20,shelling,36.5,37.0,week\n",
        "zones/z.geojson": '{"type":"Feature","properties":{"faction":"rebels","valid_from":"2016-03-20",'
                           '"valid_to":"2016-03-24"},"geometry":{"type":"Polygon","coordinates":'
                           '[[[37.0,36.5],[37.1,36.5],[37.1,36.6],[37.0,36.5]]]}}',
    })
    loaded = load_source(project)
    tz = loaded.config.zone
    assert loaded.incidents[0].end.day == 25 and loaded.zones[0].valid_to.day == 25
    errors: list = []
    back = records_from_frame(incidents_frame(loaded.incidents, tz), "<f>", tz, errors)
    zones = records_from_frame(zones_frame(loaded.zones, tz), "<z>", tz, errors)
    assert not errors and back.incidents == loaded.incidents and zones.zones == loaded.zones


def test_repr_is_one_line_and_jupyter_shows_the_map(project: mapgen.Project) -> None:
    doc = mapgen.build_map(project)
    text = repr(doc)
    assert "\n" not in text and len(text) < 200 and f"{doc.incident_count} incidents" in text
    assert doc._repr_html_().startswith("<iframe srcdoc=") and len(doc._repr_html_()) > len(doc.html)
    assert "\n" not in repr(project) and "27 incidents" in repr(project)


def test_geopackage_shapefile_and_flatgeobuf_sources(tmp_path: Path, project: mapgen.Project,
                                                    expected: tuple[list, list]) -> None:
    """A project whose incidents are a Shapefile (dates as text: the format has no time zones)
    and a FlatGeobuf, and whose zones are a GeoPackage, all written by geopandas from the example."""
    incidents, zones = expected
    root = tmp_path / "gis"
    (root / "events").mkdir(parents=True)
    (root / "zones").mkdir()
    (root / "map.yaml").write_text((EXAMPLE / "map.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    frame = project.incidents
    # a Shapefile cuts text at 254 characters (and names at 10): the rows whose text fits
    fits = frame[["description", "sources", "title"]].apply(lambda col: col.str.len() <= 254).all(axis=1)
    assert 0 < fits.sum() < len(frame)
    shp = frame[fits].copy()
    for column in ("start", "end"):
        shp[column] = shp[column].map(lambda t: t.isoformat())
    with pytest.warns(UserWarning, match="truncated"):
        shp.to_file(root / "events" / "first.shp", engine="pyogrio")
    frame[~fits].to_file(root / "events" / "second.fgb", engine="pyogrio")
    project.zones.to_file(root / "zones" / "zones.gpkg", layer="zones", engine="pyogrio",
                          geometry_type="Unknown", promote_to_multi=False)
    assert {p.suffix for p in (root / "events").iterdir()} >= {".shp", ".dbf", ".shx", ".fgb"}
    loaded = load_source(root)
    assert sorted(loaded.incidents, key=lambda i: i.id) == sorted(incidents, key=lambda i: i.id)
    assert loaded.zones == zones


def test_errors_in_a_geopackage_name_layer_feature_and_field(tmp_path: Path, project: mapgen.Project) -> None:
    bad = project.zones.copy()
    bad.loc[bad.index[2], "status"] = "rumoured"
    path = tmp_path / "zones.gpkg"
    bad.to_file(path, layer="zones", engine="pyogrio", geometry_type="Unknown", promote_to_multi=False)
    with pytest.raises(InputErrors) as caught:
        load_source(path, timezone="Asia/Damascus")
    assert [str(e) for e in caught.value.errors] == [
        f"{path}:zones[2]: status: 'rumoured' is not one of assessed, claimed, contested"]
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a geopackage")
    with pytest.raises(InputErrors, match=r"broken\.gpkg: cannot read as a GIS vector file"):
        load_source(broken)


def test_export_geopackage_round_trip(tmp_path: Path, expected: tuple[list, list]) -> None:
    incidents, zones = expected
    out = tmp_path / "aleppo.gpkg"
    result = CliRunner().invoke(main, ["export", str(EXAMPLE), "--resolve", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out} ({len(incidents)} incidents, {len(zones)} zone versions)" in result.output
    assert [str(name) for name, _ in pyogrio.list_layers(out)] == ["incidents", "zones"]
    again = load_source(out, timezone="Asia/Damascus")
    assert again.incidents == incidents and again.zones == zones
    assert [z.towns for z in again.zones] == [z.towns for z in zones] and any(z.towns for z in zones)
    assert not list(tmp_path.glob(".aleppo.gpkg*"))  # the temporary file is gone


def test_an_edit_of_a_shapefiles_attributes_alone_is_rebuilt(tmp_path: Path, project: mapgen.Project) -> None:
    frame = project.incidents[project.incidents["description"].str.len() <= 254].iloc[:3].copy()
    for column in ("start", "end"):
        frame[column] = frame[column].map(lambda t: t.isoformat())
    root = tmp_path / "shp"
    (root / "events").mkdir(parents=True)
    (root / "map.yaml").write_text("timezone: Asia/Damascus\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        frame.to_file(root / "events" / "e.shp", engine="pyogrio")
        edited = frame.copy()
        edited["title"] = "Edited in a GIS"
        (tmp_path / "edit").mkdir()
        edited.to_file(tmp_path / "edit" / "e.shp", engine="pyogrio")
    out = tmp_path / "map.html"
    first = CliRunner().invoke(main, ["build", str(root), "-o", str(out)])
    assert first.exit_code == 0, first.output
    (root / "events" / "e.dbf").write_bytes((tmp_path / "edit" / "e.dbf").read_bytes())  # the .shp is untouched
    second = CliRunner().invoke(main, ["build", str(root), "-o", str(out)])
    assert second.exit_code == 0, second.output
    assert "0 incidents added, 3 changed, 0 removed" in second.output  # not answered from the build cache
