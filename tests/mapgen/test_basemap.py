"""The bundled basemap: its line encoding, the cut to a map's region, and the map.yaml choice."""
from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapgen.basemap import (BANDS, COUNTRY_SCALE, LEVANT_FILE, ONLINE_LAYERS, _countries, band_boxes,
                            basemap_for, decode_line, encode_line, encode_lines, levant_for, polygon_rings)
from mapgen.config import config_from_mapping
from mapgen.errors import InputError

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aleppo-2016-02"
NORTH_ALEPPO_VIEW = [[36.18, 36.75], [36.72, 37.62]]  # the example's view
DAMASCUS = (36.29, 33.51)  # lon, lat
AZAZ = (37.046, 36.587)


def points_of(layer: list[list], arity: int, scale: int) -> list[tuple[float, float]]:
    return [(x / scale, y / scale) for feature in layer for part in feature[arity:]
            for x, y in decode_line(part)]


@given(st.lists(st.tuples(st.integers(-1_800_000, 1_800_000), st.integers(-900_000, 900_000)), max_size=40))
def test_lines_round_trip(points: list[tuple[int, int]]) -> None:
    text = encode_line(points)
    assert decode_line(text) == points
    assert not set(text) & set('"\\<>&')  # carried in JSON and HTML as it is


@given(st.lists(st.lists(st.tuples(st.integers(-18_000_000, 18_000_000), st.integers(-9_000_000, 9_000_000)),
                         max_size=12), max_size=8),
       st.sampled_from([200, 2000, 100_000]))
def test_many_lines_at_once_are_written_as_one_at_a_time(lines: list[list[tuple[int, int]]], scale: int) -> None:
    degrees = [[(x / scale, y / scale) for x, y in line] for line in lines]
    assert encode_lines(degrees, scale) == [encode_line(line) for line in lines]


def test_country_outlines_travel_without_loss() -> None:
    syria = next(f for f in _countries() if f["properties"]["name"] == "Syria")
    rings = polygon_rings(syria["geometry"])
    for ring, text in zip(rings, encode_lines(rings, COUNTRY_SCALE)):
        assert [(x / COUNTRY_SCALE, y / COUNTRY_SCALE) for x, y in decode_line(text)] == [tuple(p) for p in ring]


def test_package_data_stays_small() -> None:
    size = (resources.files("mapgen") / "data" / LEVANT_FILE).stat().st_size
    assert size < 3_000_000


def test_a_northern_aleppo_map_carries_no_damascus_roads() -> None:
    geo = levant_for(NORTH_ALEPPO_VIEW)
    assert geo is not None
    everything = []
    for b, band in enumerate(geo["bands"]):
        roads = points_of(geo["layers"]["roads"][b], 2, band["scale"])
        assert roads, b
        everything += roads
        west, south, east, north = band["box"]
        # each band only near its box (pieces are cut on a grid of BANDS[b]["cell"] degrees)
        cell = BANDS[b]["cell"]
        assert all(west - cell <= x <= east + cell and south - cell <= y <= north + cell for x, y in roads), b
    near = lambda p, q, d: math.hypot(p[0] - q[0], p[1] - q[1]) < d  # noqa: E731
    assert not any(near(p, DAMASCUS, 0.4) for p in everything)  # Damascus and its ring roads
    assert min(y for _, y in everything) > 33.99  # nothing south of Homs' province
    assert any(near(p, AZAZ, 0.02) for p in points_of(geo["layers"]["roads"][2], 2, geo["bands"][2]["scale"]))
    assert all(t[1] > 34.0 for t in geo["towns"])
    assert "Damascus" not in {t[3] for t in geo["towns"]}
    assert {"Aleppo", "Azaz", "Kilis", "Afrin"} <= {t[3] for t in geo["towns"]}


def test_the_finest_band_is_the_nearest() -> None:
    boxes = band_boxes(NORTH_ALEPPO_VIEW)
    for outer, inner in zip(boxes, boxes[1:]):
        assert outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]
    (south, west), (north, east) = NORTH_ALEPPO_VIEW
    assert boxes[-1][0] < west and boxes[-1][2] > east and boxes[-1][1] < south and boxes[-1][3] > north


def test_a_map_far_from_the_levant_gets_outlines_only() -> None:
    basemap = basemap_for([[50.0, -1.0], [52.0, 1.0]], [])
    assert basemap["geo"] is None
    names = {f["properties"]["name"] for f in basemap["countries"]["features"]}
    assert "United Kingdom" in names and "Syria" not in names


def test_example_payload_keeps_far_countries_and_a_small_basemap(tmp_path: Path) -> None:
    import shutil

    from mapgen.build import build_map
    from tests.pagedata import page_payload

    work = tmp_path / "aleppo"
    shutil.copytree(EXAMPLE, work)
    payload = page_payload(build_map(work).html)
    basemap = payload["basemap"]
    names = {f["properties"]["name"] for f in basemap["countries"]["features"]}
    assert {"Syria", "Turkey", "United Kingdom", "Russia"} <= names  # London, Moscow in the story
    assert len(json.dumps(basemap["countries"], separators=(",", ":"))) < 120_000  # encoded lines
    assert len(json.dumps(basemap["geo"], separators=(",", ":"))) < 300_000
    assert "OpenStreetMap</a> contributors (ODbL)" in basemap["attribution"]
    assert basemap["choice"] == "offline"
    assert [layer["key"] for layer in basemap["online"]] == list(ONLINE_LAYERS)


@pytest.mark.parametrize("value", ["offline", "streets", "terrain", "satellite"])
def test_basemap_choice_in_map_yaml(value: str) -> None:
    assert config_from_mapping({"basemap": value}, "map.yaml").basemap == value


def test_unknown_basemap_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        config_from_mapping({"basemap": "google"}, "map.yaml")
    assert "map.yaml" in str(err.value) and "basemap" in str(err.value) and "satellite" in str(err.value)
