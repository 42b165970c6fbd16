"""The offline basemap in Chromium: what it reports is drawn where the data puts it, its names never
overlap, a slider step does not redraw it, and web tiles are requested only when chosen."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from mapgen.basemap import decode_line
from mapgen.build import build_map
from mapgen.render.assets import leaflet_bytes
from tests.pagedata import page_payload

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aleppo-2016-02"
ROAD_COLOURS = [(0xE6, 0xB0, 0x7E), (0xBB, 0x8A, 0x5C), (0xEF, 0xCB, 0x9C), (0xC4, 0xA0, 0x77),  # 60-basemap.js
                (0xF8, 0xE8, 0xC8), (0xCB, 0xB8, 0x94), (0xFF, 0xFF, 0xFF), (0xC9, 0xC1, 0xB2)]
URBAN = (0xE5, 0xDC, 0xCD)
OSM_TILE = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")
ESRI_TILE = re.compile(r"^https://server\.arcgisonline\.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/\d+/\d+/\d+$")

pytestmark = pytest.mark.browser

# The basemap canvas' pixels at container points [[x, y], ...]: [[r, g, b, a], ...].
PIXELS_JS = """points => {
    const canvas = mapgen.app.basemap._container, r = canvas.getBoundingClientRect(),
          m = mapgen.app.map.getContainer().getBoundingClientRect(), k = canvas.width / r.width;
    const copy = document.createElement('canvas');
    copy.width = canvas.width; copy.height = canvas.height;
    const ctx = copy.getContext('2d', {willReadFrequently: true});
    ctx.drawImage(canvas, 0, 0);
    return points.map(p => Array.from(ctx.getImageData(Math.round((p[0] + m.left - r.left) * k),
                                                       Math.round((p[1] + m.top - r.top) * k), 1, 1).data));
}"""


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    work = tmp_path_factory.mktemp("basemap") / "aleppo-2016-02"
    shutil.copytree(EXAMPLE, work)
    out = work.parent / "aleppo.html"
    build_map(work).save(out)
    return out, page_payload(out.read_text(encoding="utf-8"))


def vertices(payload: dict[str, Any], layer: str, band: int, test: Any) -> list[list[float]]:
    """[lat, lon] of the vertices of the page's features of a layer and band that pass ``test``."""
    geo = payload["basemap"]["geo"]
    scale, arity = geo["bands"][band]["scale"], {"roads": 2, "rivers": 2}[layer]
    return [[y / scale, x / scale] for f in geo["layers"][layer][band] if test(f)
            for part in f[arity:] for x, y in decode_line(part)]


def on_screen(page: Any, latlngs: list[list[float]], margin: int = 60) -> list[list[float]]:
    points = page.evaluate("ll => ll.map(p => { const c = mapgen.app.map.latLngToContainerPoint(p); return [c.x, c.y]; })",
                           latlngs)
    size = page.evaluate("(() => { const s = mapgen.app.map.getSize(); return [s.x, s.y]; })()")
    return [p for p in points if margin < p[0] < size[0] - margin and margin < p[1] < size[1] - margin]


def near(colour: list[int], target: tuple[int, int, int], tolerance: int = 14) -> bool:
    return all(abs(c - t) <= tolerance for c, t in zip(colour[:3], target))


def open_detailed(open_map: Any, out: Path, **options: Any) -> Any:
    """The page once its basemap has drawn everything (geography and names come after the
    incidents, the relief once decoded)."""
    page = open_map(out, **options)
    page.page.evaluate("() => mapgen.app.basemap.showDetail().then(() => true)")
    return page


def set_view(page: Any, lat: float, lon: float, zoom: int) -> None:
    page.evaluate("([lat, lon, z]) => mapgen.app.map.setView([lat, lon], z, {animate: false})", [lat, lon, zoom])
    page.wait_for_timeout(150)


def test_layers_and_names_reported_are_drawn(example, open_map) -> None:
    out, payload = example
    page = open_detailed(open_map, out, width=1280, height=800)
    page.set_date("2016-02-04")
    state = page.state()["basemap"]
    assert state["name"] == "offline"
    assert {"land", "relief", "urban", "rivers", "roads", "borders", "provinces", "towns"} <= set(state["layers"])
    assert {"Azaz", "Kilis", "Afrin", "Aleppo", "Tall Rifat"} <= set(state["labels"])
    assert {"M4", "214"} <= set(state["refs"])
    # the Azaz-Aleppo road (214): its line's pixels are road colours
    road = on_screen(page.page, vertices(payload, "roads", 2, lambda f: f[1] == "214"))
    assert len(road) >= 10
    pixels = page.page.evaluate(PIXELS_JS, road)
    on_road = sum(any(near(p, c) for c in ROAD_COLOURS) for p in pixels)
    assert on_road >= 0.8 * len(pixels), pixels
    # every town name drawn is on the canvas as dark text
    names = page.page.evaluate("mapgen.app.basemapLabels()")
    towns = [n for n in names if n["kind"] == "town"]
    assert len(towns) >= 8
    for town in towns:
        left, top, right, bottom = town["box"]
        grid = [[x, y] for x in range(int(left) + 1, int(right)) for y in range(int(top) + 1, int(bottom))]
        dark = sum(p[3] > 200 and max(p[:3]) < 110 for p in page.page.evaluate(PIXELS_JS, grid))
        assert dark >= 4 * len(town["name"]), town
    # the Euphrates near Jarabulus at zoom 9 (the middle band), Aleppo's built-up area at zoom 12
    set_view(page.page, 36.75, 38.0, 9)
    river = on_screen(page.page, vertices(payload, "rivers", 1, lambda f: f[1] == "Euphrates"))
    assert len(river) >= 5
    pixels = page.page.evaluate(PIXELS_JS, river)
    assert sum(p[2] - p[0] > 25 for p in pixels) >= 0.6 * len(pixels), pixels  # blue-grey water
    assert "rivers" in page.state()["basemap"]["layers"]
    # a Turkish road's number north of the border (D850, by Kilis)
    set_view(page.page, 36.85, 37.25, 10)
    assert "D850" in page.state()["basemap"]["refs"]
    set_view(page.page, 36.205, 37.155, 12)
    box = [[640 + dx, 400 + dy] for dx in range(-150, 151, 10) for dy in range(-100, 101, 10)]
    pixels = page.page.evaluate(PIXELS_JS, box)
    assert sum(near(p, URBAN, 8) for p in pixels) >= 0.25 * len(pixels)
    assert {"urban", "roads"} <= set(page.state()["basemap"]["layers"])
    page.assert_clean()


@pytest.mark.parametrize("zoom", [7, 9, 11, 13])
def test_names_never_overlap(example, open_map, zoom: int) -> None:
    out, _ = example
    page = open_detailed(open_map, out, width=1280, height=800)
    set_view(page.page, 36.45, 37.07, zoom)
    names = page.page.evaluate("mapgen.app.basemapLabels()")
    assert len(names) >= 3
    if zoom >= 11:  # close in, the map still names towns
        assert any(n["kind"] == "town" for n in names)
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            p, q = names[a]["box"], names[b]["box"]
            overlap = min(p[2], q[2]) - max(p[0], q[0]) > 1 and min(p[3], q[3]) - max(p[1], q[1]) > 1
            assert not overlap, (names[a], names[b])
    page.assert_clean()


def test_a_slider_step_does_not_redraw_the_basemap(example, open_map) -> None:
    """Only a change of view redraws the basemap, or a step that names a place for the first time
    (an incident's place is named from its first incident on): from 4 February every place of
    the example has had its first incident."""
    out, _ = example
    page = open_detailed(open_map, out)
    page.set_date("2016-02-04")
    page.page.wait_for_timeout(100)
    page.page.evaluate("""() => { const layer = mapgen.app.basemap, draw = layer._draw;
        window.basemapDraws = 0; layer._draw = function () { window.basemapDraws++; return draw.call(this); }; }""")
    for iso in ("2016-02-05", "2016-02-04", "2016-02-05"):
        page.set_date(iso)
    page.page.wait_for_timeout(100)
    assert page.page.evaluate("window.basemapDraws") == 0
    page.set_date("2016-02-01")  # places of later incidents lose their names
    page.page.wait_for_timeout(100)
    assert page.page.evaluate("window.basemapDraws") == 1
    page.page.evaluate("window.basemapDraws = 0")
    set_view(page.page, 36.5, 37.0, 11)
    assert page.page.evaluate("window.basemapDraws") >= 1
    page.assert_clean()


def test_credit_names_the_basemap_while_it_is_drawn(example, open_map) -> None:
    out, _ = example
    page = open_detailed(open_map, out)
    text = page.page.inner_text(".leaflet-control-attribution")
    assert "Natural Earth | © OpenStreetMap contributors (ODbL) | GeoNames (CC BY 4.0)" in text
    assert "Reporting: EA WorldView" in text  # the map's own credit stays
    page.assert_clean()


def test_switching_to_streets_requests_tiles_only_then(example, open_map) -> None:
    out, _ = example
    page = open_map(out)  # any request at load would fail the test (assert_clean)
    requested: list[str] = []
    png = leaflet_bytes("images/layers.png")

    def tile(route: Any) -> None:
        requested.append(route.request.url)
        route.fulfill(body=png, content_type="image/png")

    page.page.route(re.compile(r"^https://tile\.openstreetmap\.org/"), tile)
    page.page.wait_for_timeout(200)
    assert requested == []
    page.page.get_by_label("Basemap").select_option("streets")  # the labelled switcher
    page.page.wait_for_function("document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    assert requested and all(OSM_TILE.match(url) for url in requested), requested
    text = page.page.inner_text(".leaflet-control-attribution")
    assert "© OpenStreetMap contributors" in text and "Natural Earth" not in text
    state = page.state()["basemap"]
    assert state["name"] == "streets" and "streets" in state["layers"] and "roads" not in state["layers"]
    assert "places" in state["layers"]  # the incidents' place names stay over the tiles
    page.page.get_by_label("Basemap").select_option("offline")
    page.page.wait_for_function("mapgen.state().basemap.name === 'offline'")
    assert "Natural Earth" in page.page.inner_text(".leaflet-control-attribution")
    assert "roads" in page.state()["basemap"]["layers"]
    page.assert_clean()


def test_map_built_with_satellite_opens_on_it(browser, tmp_path: Path) -> None:
    work = tmp_path / "aleppo"
    shutil.copytree(EXAMPLE, work)
    settings = re.sub(r"(?m)^basemap:.*$", "", (work / "map.yaml").read_text(encoding="utf-8"))
    (work / "map.yaml").write_text(settings + "basemap: satellite\n", encoding="utf-8")
    out = tmp_path / "satellite.html"
    build_map(work).save(out)
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    requested: list[str] = []
    others: list[str] = []
    png = leaflet_bytes("images/layers.png")

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            r.continue_()
        elif ESRI_TILE.match(url):
            requested.append(url)
            r.fulfill(body=png, content_type="image/png")
        else:
            others.append(url)
            r.abort()

    context.route("**/*", route)
    try:
        page = context.new_page()
        page.goto(out.resolve().as_uri())
        page.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready", timeout=15000)
        page.wait_for_function("document.querySelectorAll('.leaflet-tile-loaded').length > 0")
        assert requested and not others, others
        assert page.evaluate("mapgen.state().basemap.name") == "satellite"
        assert page.get_by_label("Basemap").input_value() == "satellite"
        text = page.inner_text(".leaflet-control-attribution")
        assert "Esri" in text and "Natural Earth" not in text
    finally:
        context.close()
