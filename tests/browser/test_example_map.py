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
    _, out = example
    page = open_map(out)
    for zoom_change in (0, -1, 1):
        if zoom_change:
            page.page.evaluate("z => mapgen.app.map.setZoom(mapgen.app.map.getZoom() + z, {animate: false})",
                               zoom_change)
            page.page.wait_for_timeout(300)
        boxes = page.page.evaluate("""() => [...document.querySelectorAll('.mapgen-place-label')]
            .filter(n => getComputedStyle(n).visibility !== 'hidden')
            .map(n => n.firstElementChild.getBoundingClientRect())
            .map(r => [r.left, r.top, r.right, r.bottom])""")
        assert len(boxes) >= 5
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                p, q = boxes[a], boxes[b]
                overlap = min(p[2], q[2]) - max(p[0], q[0]) > 1 and min(p[3], q[3]) - max(p[1], q[1]) > 1
                assert not overlap, (p, q)
    page.assert_clean()
