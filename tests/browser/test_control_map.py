"""Control areas drawn as control maps draw them: the legend explains the statuses, contested
ground is hatched, a zone's popup names its towns, and no Syrian town's zone is drawn in Turkey."""
from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from mapgen.basemap import _countries
from mapgen.build import build_map
from tests.conftest import write_project

pytestmark = pytest.mark.browser

# Real places north of Aleppo (GeoNames coordinates); the map lists both countries, and no row
# says which country a town is in: the zones must still stay on their own side of the border.
PLACES = """\
places:
  - {name: Azaz, lat: 36.5866, lon: 37.0463}
  - {name: Bab al-Salameh, lat: 36.6344, lon: 37.0858}
  - {name: Tell Rifaat, lat: 36.4733, lon: 37.0972}
  - {name: Mare', lat: 36.4781, lon: 37.1942}
  - {name: Kafr Naya, lat: 36.4201, lon: 37.0746}
  - {name: Nubl, lat: 36.3787, lon: 36.9929}
  - {name: Kilis, lat: 36.7184, lon: 37.1212}
"""
CONTROL = """\
place,faction,from,to,status,sources
Azaz,rebels,2016-02-01,,assessed,ISW|https://www.understandingwar.org/a
Bab al-Salameh,rebels,2016-02-01,,assessed,Anadolu|https://www.aa.com.tr/b
Tell Rifaat,rebels,2016-02-01,,assessed,
Mare',rebels,2016-02-01,,assessed,
Kafr Naya,government,2016-02-04,,contested,Al-Masdar News|https://www.almasdarnews.com/c
Nubl,government,2016-02-01,,assessed,SANA|https://sana.sy/d
Kilis,turkey,2016-02-01,,assessed,
"""
# Points in Turkey within a few kilometres of the border north of Azaz and Bab al-Salameh.
TURKISH_POINTS = [(36.655, 37.02), (36.655, 37.08), (36.665, 37.12), (36.67, 37.05)]

# Alpha of the zone canvas at map points (read once, from a copy of the canvas).
ZONE_ALPHA = """points => {
    const canvas = mapgen.app.zoneCanvas._container, r = canvas.getBoundingClientRect(),
          m = mapgen.app.map.getContainer().getBoundingClientRect(), k = canvas.width / r.width;
    const copy = document.createElement('canvas');
    copy.width = canvas.width; copy.height = canvas.height;
    const ctx = copy.getContext('2d', {willReadFrequently: true});
    ctx.drawImage(canvas, 0, 0);
    const image = ctx.getImageData(0, 0, copy.width, copy.height);
    return points.map(([lat, lon]) => {
        const p = mapgen.app.map.latLngToContainerPoint([lat, lon]);
        const x = Math.round((p.x + m.left - r.left) * k), y = Math.round((p.y + m.top - r.top) * k);
        return image.data[4 * (y * image.width + x) + 3];
    });
}"""


@pytest.fixture(scope="module")
def control_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    root = tmp_path_factory.mktemp("control-map")
    project = write_project(root / "p", {
        "map.yaml": "title: Border\ntimezone: Asia/Damascus\ncountries: [SY, TR]\n",
        "places.yaml": PLACES, "zones/control.csv": CONTROL})
    doc = build_map(project)
    out = root / "control.html"
    doc.save(out)
    return doc, out


def test_turkish_points_really_are_in_turkey() -> None:
    outlines = {f["properties"]["iso"]: shape(f["geometry"]) for f in _countries()}
    for lat, lon in TURKISH_POINTS:
        assert outlines["TR"].contains(Point(lon, lat)) and not outlines["SY"].contains(Point(lon, lat))


def test_no_zone_of_a_syrian_town_inside_turkey(control_map, open_map) -> None:
    doc, out = control_map
    page = open_map(out, hash="#date=2016-02-05&view=36.62,37.05,11")
    # what the page drew: the zone canvas's pixels at points just across the border
    alpha = page.page.evaluate(ZONE_ALPHA, TURKISH_POINTS)
    syrian = [z for z in doc.zones if z.faction != "turkey"]
    for (lat, lon), drawn in zip(TURKISH_POINTS, alpha):
        inside = [z.id for z in syrian if z.geometry.contains(Point(lon, lat))]
        assert not inside, (lat, lon, inside)
        kilis = any(z.geometry.contains(Point(lon, lat)) for z in doc.zones if z.faction == "turkey")
        assert drawn == 0 or kilis, (lat, lon, drawn)
    # and the rebels' zone does reach the border on the Syrian side (it is drawn at all)
    assert any(z.geometry.contains(Point(37.06, 36.62)) for z in syrian if z.faction == "rebels")
    page.assert_clean()


def test_legend_explains_contested_and_popup_names_towns(control_map, open_map) -> None:
    doc, out = control_map
    page = open_map(out, hash="#date=2016-02-05")
    legend = page.page.locator(".mapgen-legend").inner_text()
    assert "contested" in legend and "hatched" in legend
    assert "claimed" not in legend  # no claimed zone on this map: nothing to explain
    rebels = next(z for z in doc.zones if z.faction == "rebels")
    assert {t.place for t in rebels.towns} == {"Azaz", "Bab al-Salameh", "Tell Rifaat", "Mare'"}
    # click inside the rebels' zone near Azaz: the popup lists its towns with their sources
    page.page.evaluate("""() => { const m = mapgen.app.map; m.setView([36.58, 37.05], 11, {animate: false}); }""")
    page.page.wait_for_timeout(200)
    point = page.page.evaluate("() => { const p = mapgen.app.map.latLngToContainerPoint([36.56, 37.03]); return [p.x, p.y]; }")
    page.page.mouse.click(*point)
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "4 towns held" in text
    for town in ("Azaz", "Bab al-Salameh", "Tell Rifaat", "Mare'"):
        assert town in text
    assert "since 1 Feb 2016" in text
    links = popup.locator("a").evaluate_all("as => as.map(a => a.href)")
    assert "https://www.understandingwar.org/a" in links and "https://www.aa.com.tr/b" in links
    page.assert_clean()


def test_contested_ground_is_hatched(control_map, open_map) -> None:
    """Inside the contested zone, the canvas shows stripes: alternating strong and faint pixels."""
    doc, out = control_map
    contested = next(z for z in doc.zones if z.status == "contested")
    centre = contested.geometry.representative_point()
    page = open_map(out, hash=f"#date=2016-02-05&view={centre.y:.4f},{centre.x:.4f},13")
    page.page.evaluate("() => mapgen.app.map.invalidateSize()")
    pixel = page.page.evaluate("([lat, lon]) => { const p = mapgen.app.map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
                               [centre.y, centre.x])
    # 24 pixels in a row through the centre, as map positions
    points = page.page.evaluate("""([x, y]) => Array.from({length: 24}, (_, i) => {
        const ll = mapgen.app.map.containerPointToLatLng([x - 12 + i, y]); return [ll.lat, ll.lng]; })""", pixel)
    values = page.page.evaluate(ZONE_ALPHA, points)
    assert min(values) > 0  # the whole area is tinted
    assert max(values) - min(values) > 80, values  # and striped
    page.assert_clean()
