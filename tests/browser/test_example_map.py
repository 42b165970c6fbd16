"""The example map, checked in Chromium against its own data at the start and end of the offensive."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mapgen.build import MapDocument, build_map
from mapgen.timeparse import get_zone

REPO = Path(__file__).resolve().parents[2]  # tests/browser/ -> repo
EXAMPLE = REPO / "examples" / "aleppo-2016-02"
# The countryside north of Aleppo city: the Azaz corridor, Nubl/Zahraa and the Hraytan front.
NORTH_OF_ALEPPO = (36.9, 36.22, 37.25, 36.65)  # west, south, east, north

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[MapDocument, Path]:
    import shutil

    work = tmp_path_factory.mktemp("example") / "aleppo-2016-02"
    shutil.copytree(EXAMPLE, work)  # the build writes its pins beside the source
    doc = build_map(work)
    out = work.parent / "aleppo.html"
    doc.save(out)
    return doc, out


def expected_at(doc: MapDocument, iso: str) -> tuple[set[str], set[str]]:
    tz = get_zone(doc.source.config.timezone)
    day = dt.date.fromisoformat(iso) + dt.timedelta(days=1)
    instant = dt.datetime(day.year, day.month, day.day, tzinfo=tz)
    incidents = {i.id for i in doc.incidents if i.start < instant}
    zones = {z.id for z in doc.zones if z.valid_from < instant and (z.valid_to is None or z.valid_to >= instant)}
    return incidents, zones


def government_area(doc: MapDocument, zone_ids: set[str]) -> float:
    from shapely.geometry import box
    from shapely.ops import unary_union

    shapes = [z.geometry for z in doc.zones if z.id in zone_ids and z.faction == "government"]
    return unary_union(shapes).intersection(box(*NORTH_OF_ALEPPO)).area if shapes else 0.0


def test_example_has_enough_sourced_incidents(example) -> None:
    doc, _ = example
    assert len(doc.incidents) >= 20
    assert all(i.sources for i in doc.incidents)
    days = {i.start.astimezone(get_zone("Asia/Damascus")).date() for i in doc.incidents}
    assert min(days) >= dt.date(2016, 2, 1) and max(days) <= dt.date(2016, 2, 5)


def test_example_in_browser_start_and_end_of_offensive(example, open_map) -> None:
    doc, out = example
    page = open_map(out)
    areas = {}
    for iso in ("2016-02-01", "2016-02-05"):
        state = page.set_date(iso)
        incidents, zones = expected_at(doc, iso)
        assert set(state["incidents"]) == incidents, iso
        assert set(state["zones"]) == zones, iso
        areas[iso] = government_area(doc, set(state["zones"]))
    assert areas["2016-02-05"] > areas["2016-02-01"] > 0
    page.assert_clean()


def test_place_labels_do_not_overlap(example, open_map) -> None:
    """Place names are drawn on the basemap canvas beside their dots, none over another, at the
    opening zoom and one step out and in. Positions are checked against Leaflet's projection of
    each place, widths against a separate measurement, and the text against the canvas pixels."""
    from tests.pagedata import page_payload

    _, out = example
    places = {p[0]: (p[1], p[2]) for p in page_payload(out.read_text(encoding="utf-8"))["basemap"]["places"]}
    page = open_map(out)
    for zoom_change in (0, -1, 1):
        if zoom_change:
            page.page.evaluate("z => mapgen.app.map.setZoom(mapgen.app.map.getZoom() + z, {animate: false})",
                               zoom_change)
            page.page.wait_for_timeout(300)
        labels = page.page.evaluate("""places => {
            const canvas = mapgen.app.basemap._container, r = canvas.getBoundingClientRect(),
                  m = mapgen.app.map.getContainer().getBoundingClientRect(), k = canvas.width / r.width;
            const copy = document.createElement('canvas');  // read once, from a copy
            copy.width = canvas.width; copy.height = canvas.height;
            const scratch = copy.getContext('2d', {willReadFrequently: true});
            scratch.drawImage(canvas, 0, 0);
            const image = scratch.getImageData(0, 0, copy.width, copy.height);
            const measure = document.createElement('canvas').getContext('2d');
            measure.font = '11px "Helvetica Neue", Arial, Helvetica, sans-serif';
            return mapgen.app.placeLabels().map(l => {
                const p = mapgen.app.map.latLngToContainerPoint(places[l.name]);
                let dark = 0;  // dark text pixels inside the label's box
                for (let y = Math.round((l.box[1] + m.top - r.top) * k); y < (l.box[3] + m.top - r.top) * k; y++) {
                    for (let x = Math.round((l.box[0] + m.left - r.left) * k); x < (l.box[2] + m.left - r.left) * k; x++) {
                        if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
                        const i = 4 * (y * image.width + x);
                        if (image.data[i + 3] > 200 && image.data[i] < 110) dark++;
                    }
                }
                return {name: l.name, box: l.box, dot: [p.x, p.y], width: measure.measureText(l.name).width, dark};
            });
        }""", places)
        assert len(labels) >= 5
        for label in labels:
            left, top, right, bottom = label["box"]
            dx, dy = label["dot"]
            beside = abs((top + bottom) / 2 - dy) <= 1.5 and (
                abs(left - (dx + 12)) <= 1.5 or abs(right - (dx - 12)) <= 1.5)  # text 14 px right or left
            above_or_below = abs((left + right) / 2 - dx) <= 1.5 and abs(abs((top + bottom) / 2 - dy) - 22) <= 1.5
            assert beside or above_or_below, label
            assert right - left == pytest.approx(label["width"] + 4, abs=1), label
            assert label["dark"] >= 5 * len(label["name"]), f"{label['name']}: no text drawn"
        for a in range(len(labels)):
            for b in range(a + 1, len(labels)):
                p, q = labels[a]["box"], labels[b]["box"]
                overlap = min(p[2], q[2]) - max(p[0], q[0]) > 1 and min(p[3], q[3]) - max(p[1], q[1]) > 1
                assert not overlap, (labels[a], labels[b])
    page.assert_clean()
