"""The fixture map in a real browser: slider, page API, zones, popups with links, no network."""
from __future__ import annotations

from pathlib import Path

import pytest

from mapgen.build import build_map
from tests.conftest import write_project
from tests.fixtures import EXPECTED, PROJECT

pytestmark = pytest.mark.browser


@pytest.fixture
def fixture_map(tmp_path: Path) -> Path:
    project = write_project(tmp_path / "fixture", PROJECT)
    out = tmp_path / "out" / "fixture.html"
    build_map(project).save(out)
    return out


def test_page_api_dates_match_the_fixture(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    first = page.state()
    assert first["date"] == "2016-02-04", "opens at the last date"
    for iso, (incidents, zones) in EXPECTED.items():
        state = page.set_date(iso)
        assert state["date"] == iso
        assert set(state["incidents"]) == incidents, iso
        assert set(state["drawn"]) == incidents, f"{iso}: drawn on the canvas"
        assert set(state["zones"]) == zones, iso
    page.assert_clean()


def test_slider_by_keyboard_and_input(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    slider = page.page.locator("input.mapgen-range")
    assert slider.get_attribute("aria-label") == "Date"
    slider.focus()
    page.page.keyboard.press("Home")
    state = page.wait_ready()
    assert state["date"] == "2016-02-01"
    assert set(state["incidents"]) == EXPECTED["2016-02-01"][0]
    page.page.keyboard.press("ArrowRight")
    assert page.wait_ready()["date"] == "2016-02-02"
    page.page.keyboard.press("End")
    assert page.wait_ready()["date"] == "2016-02-04"
    slider.fill("2")
    state = page.wait_ready()
    assert state["date"] == "2016-02-03"
    assert set(state["zones"]) == EXPECTED["2016-02-03"][1]
    assert "3 Feb 2016" in page.page.locator("output.mapgen-date").inner_text()
    page.page.locator("button.mapgen-prev").click()
    assert page.wait_ready()["date"] == "2016-02-02"
    page.assert_clean()


def click_popup(page, lat: float, lon: float):
    """Click the map at (lat, lon) like a reader and return the popup that opens."""
    x, y = page.page.evaluate(
        "([lat, lon]) => { const p = mapgen.app.map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
        [lat, lon])
    page.page.mouse.click(x, y)
    popup = page.page.locator(".leaflet-popup-content .mapgen-popup")
    popup.wait_for(timeout=5000)
    return popup


def test_click_opens_popup_with_source_links(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    page.set_date("2016-02-01")
    popup = click_popup(page, 36.5, 37.0)
    assert popup.get_attribute("data-incident") == "f-1"
    assert popup.locator("h3").inner_text() == "Strike on Alpha"
    links = popup.locator("a")
    assert links.count() == 2
    assert links.nth(0).get_attribute("href") == "https://example.org/f-1"
    assert links.nth(0).inner_text() == "Example News"
    assert links.nth(1).get_attribute("href") == "http://example.net/report?id=1&x=2"
    text = popup.inner_text()
    assert "1 Feb 2016" in text and "Alpha" in text and "Air force" in text
    assert page.state()["selected"] == "f-1"
    page.assert_clean()


def test_zone_popup_lists_status_and_sources(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    page.set_date("2016-02-01")
    popup = click_popup(page, 36.05, 37.25)
    assert popup.get_attribute("data-zone") == "gov-before"
    assert "assessed" in popup.inner_text()
    assert popup.locator("a").get_attribute("href") == "https://example.org/control"
    page.assert_clean()


def test_unusual_characters_survive_into_the_page(tmp_path: Path, open_map) -> None:
    """Line and paragraph separators, NEL and control-like characters must not break the data."""
    text = "Line\u2028sep\u2029para\x85nel\x1cfs \u00e9\u0130 </script><!-- & \"quoted\""
    import yaml

    events = tmp_path / "odd.yaml"
    events.write_text(yaml.safe_dump({"incidents": [{"id": "odd", "date": "2016-02-01", "lat": 36.2,
                                                     "lon": 37.1, "type": "statement", "title": text}]},
                                     allow_unicode=True), encoding="utf-8")
    out = tmp_path / "odd.html"
    build_map(events).save(out)
    page = open_map(out)
    page.page.evaluate("mapgen.openIncident('odd')")
    title = page.page.locator(".mapgen-popup h3").text_content()
    assert title == text
    page.assert_clean()


def test_stacked_incidents_open_a_list_then_the_chosen_one(tmp_path: Path, open_map) -> None:
    import yaml

    rows = [{"id": f"s{n}", "date": f"2016-02-0{n}", "lat": 36.3, "lon": 37.1, "type": "shelling",
             "title": f"Shelling {n}", "sources": [{"outlet": "Wire", "url": f"https://example.org/{n}"}]}
            for n in (1, 2, 3)]
    events = tmp_path / "stack.yaml"
    events.write_text(yaml.safe_dump({"incidents": rows}), encoding="utf-8")
    out = tmp_path / "stack.html"
    build_map(events).save(out)
    page = open_map(out)
    page.set_date("2016-02-02")
    popup = click_popup(page, 36.3, 37.1)
    assert popup.locator("h3").inner_text() == "2 incidents here"
    titles = popup.locator(".mapgen-stack-title").all_inner_texts()
    assert titles == ["Shelling 2", "Shelling 1"], "only what is drawn at that date, newest first"
    popup.locator(".mapgen-stack-item").nth(1).click()
    chosen = page.page.locator(".leaflet-popup-content .mapgen-popup[data-incident='s1']")
    chosen.wait_for(timeout=5000)
    assert chosen.locator("a").get_attribute("href") == "https://example.org/1"
    assert page.state()["selected"] == "s1"
    page.assert_clean()


def test_the_opening_view_leaves_no_place_under_the_date_slider(tmp_path: Path, open_map) -> None:
    import yaml

    # from Mount Hermon and Damascus in the south-west to the Tishreen Dam in the north-east:
    # the south-western places lie where the slider sits over the map (bottom left)
    points = {"hermon": (33.416, 35.858), "jobar": (33.531, 36.337), "t4": (34.523, 37.630),
              "duhur": (35.741, 37.045), "dam": (36.381, 38.183)}
    rows = [{"id": key, "date": "2016-02-09", "lat": lat, "lon": lon, "type": "clashes",
             "title": key} for key, (lat, lon) in points.items()]
    events = tmp_path / "view.yaml"
    events.write_text(yaml.safe_dump({"incidents": rows}), encoding="utf-8")
    out = tmp_path / "view.html"
    build_map(events).save(out)
    page = open_map(out, width=1280, height=800)
    hidden = page.page.evaluate("""() => {
        const map = mapgen.app.map, inc = mapgen.app.clock.inc;
        const box = map.getContainer().getBoundingClientRect();
        const s = document.querySelector('.mapgen-slider').getBoundingClientRect();
        const out = [];
        for (let i = 0; i < inc.n; i++) {
            const p = map.latLngToContainerPoint([inc.lat(i), inc.lon(i)]);
            const x = p.x + box.left, y = p.y + box.top;
            const under = x >= s.left && x <= s.right && y >= s.top && y <= s.bottom;
            if (under || x < box.left || x > box.right || y < box.top || y > box.bottom) {
                out.push(inc.id(i));
            }
        }
        return out;
    }""")
    assert hidden == []
    page.assert_clean()
    # on a phone the slider sits below the map: no room is kept for it, the places are centred
    phone = open_map(out, width=375, height=667, touch=True)
    offset = phone.page.evaluate("""() => {
        const map = mapgen.app.map, inc = mapgen.app.clock.inc, lats = [], lons = [];
        for (let i = 0; i < inc.n; i++) { lats.push(inc.lat(i)); lons.push(inc.lon(i)); }
        const bounds = L.latLngBounds([[Math.min(...lats), Math.min(...lons)],
                                       [Math.max(...lats), Math.max(...lons)]]);
        return map.latLngToContainerPoint(bounds.getCenter()).y - map.getSize().y / 2;
    }""")
    assert abs(offset) < 5, offset
    phone.assert_clean()
