"""Sharing the fixture map: permalinks, keyboard and touch, the phone layout, embeds, screen readers."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mapgen.build import build_map
from tests.browser.pagehelpers import wait_summary
from tests.conftest import REPO, write_project
from tests.fixtures import EXPECTED, PROJECT

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
AXE_JS = Path(os.environ.get("MAPGEN_AXE_JS", REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"))


@pytest.fixture(scope="module")
def fixture_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("share")
    project = write_project(root / "fixture", PROJECT)
    out = root / "out" / "fixture.html"
    build_map(project, home=str(root / "home")).save(out)
    return out


@pytest.fixture(scope="module")
def example_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Aleppo example, built without touching its folder (for the README picture)."""
    example = REPO / "examples" / "aleppo-2016-02"
    if not example.is_dir():
        pytest.skip("examples/aleppo-2016-02 is not in this checkout")
    root = tmp_path_factory.mktemp("example")
    out = root / "aleppo.html"
    out.write_text(build_map(example, home=str(root / "home")).html, encoding="utf-8")
    return out


def hash_parts(page: Any) -> dict[str, str]:
    text = page.page.evaluate("location.hash").lstrip("#")
    return dict(part.split("=", 1) for part in text.split("&") if "=" in part)


def wait_hash(page: Any, fragment: str) -> dict[str, str]:
    page.page.wait_for_function("f => location.hash.includes(f)", arg=fragment, timeout=5000)
    return hash_parts(page)


def boxes_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


# ---------------------------------------------------------------------------------------- permalinks

def test_permalink_restores_date_view_and_popup(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map, hash="#date=2016-02-02&view=36.45,37.05,11&event=f-1")
    state = page.wait_ready()
    assert state["date"] == "2016-02-02"
    assert set(state["incidents"]) == EXPECTED["2016-02-02"][0]
    assert state["selected"] == "f-1"
    view = page.page.evaluate("() => { const m = mapgen.app.map, c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; }")
    assert view[0] == pytest.approx(36.45, abs=1e-4) and view[1] == pytest.approx(37.05, abs=1e-4)
    assert view[2] == 11
    popup = page.page.locator(".leaflet-popup-content .mapgen-popup")
    assert popup.get_attribute("data-incident") == "f-1"
    assert popup.locator("h3").inner_text() == "Strike on Alpha"
    assert page.page.locator("output.mapgen-date").inner_text() == "2 Feb 2016"
    page.assert_clean()


def test_an_incident_not_shown_moves_the_slider_to_its_date(fixture_map: Path, open_map) -> None:
    """Opening an incident that the slider's date does not show moves to the day it began; a
    permalink that names a date keeps it."""
    page = open_map(fixture_map)
    page.set_date("2016-02-01")
    page.page.evaluate("mapgen.openIncident('f-2')")   # 3 Feb in Damascus
    page.page.wait_for_function("mapgen.state().selected === 'f-2'")
    state = page.wait_ready()
    assert state["date"] == "2016-02-03" and "f-2" in state["incidents"] and "f-2" in state["drawn"]
    assert page.page.locator(".mapgen-popup h3").inner_text() == "Shelling of Bravo"
    page.page.evaluate("mapgen.openIncident('f-1')")   # shown on 3 Feb: the date stays
    page.page.wait_for_function("mapgen.state().selected === 'f-1'")
    assert page.wait_ready()["date"] == "2016-02-03"
    page.assert_clean()
    alone = open_map(fixture_map, hash="#event=f-3")   # no date: the map opens at f-3's day
    alone.page.wait_for_function("mapgen.state().selected === 'f-3'")
    assert alone.wait_ready()["date"] == "2016-02-02"
    alone.assert_clean()
    dated = open_map(fixture_map, hash="#date=2016-02-01&event=f-3")
    dated.page.wait_for_function("mapgen.state().selected === 'f-3'")
    assert dated.wait_ready()["date"] == "2016-02-01"
    dated.assert_clean()


def test_without_a_date_the_map_opens_at_the_last_day(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map, hash="#view=36.3,37.1,10&date=not-a-date&event=no-such-id")
    state = page.wait_ready()
    assert state["date"] == "2016-02-04" and state["selected"] is None
    assert page.page.evaluate("mapgen.app.map.getZoom()") == 10
    page.assert_clean()


def test_slider_rewrites_the_hash_without_adding_history(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    before = page.page.evaluate("history.length")
    slider = page.page.locator("input.mapgen-range")
    slider.focus()
    for _ in range(3):
        page.page.keyboard.press("ArrowLeft")
    assert page.wait_ready()["date"] == "2016-02-01"
    parts = wait_hash(page, "date=2016-02-01")
    lat, lon, zoom = (float(v) for v in parts["view"].split(","))
    center = page.page.evaluate("() => { const c = mapgen.app.map.getCenter(); return [c.lat, c.lng]; }")
    assert (lat, lon) == (pytest.approx(center[0], abs=1e-4), pytest.approx(center[1], abs=1e-4))
    assert zoom == page.page.evaluate("mapgen.app.map.getZoom()")
    assert "event" not in parts
    page.page.evaluate("mapgen.openIncident('f-1')")
    assert wait_hash(page, "event=f-1")["date"] == "2016-02-01"
    assert page.page.evaluate("history.length") == before, "replaceState, not pushState"
    page.assert_clean()


def test_hashchange_moves_the_map(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    page.page.evaluate("location.hash = '#date=2016-02-03&view=36.2,37.2,10&event=f-2'")
    page.page.wait_for_function("mapgen.state().date === '2016-02-03' && mapgen.state().selected === 'f-2'")
    assert page.page.evaluate("mapgen.app.map.getZoom()") == 10
    assert page.page.locator(".mapgen-popup h3").inner_text() == "Shelling of Bravo"
    page.page.evaluate("location.hash = '#date=2016-02-01'")
    page.page.wait_for_function("mapgen.state().date === '2016-02-01' && mapgen.state().selected === null")
    page.assert_clean()


# ---------------------------------------------------------------------------------------- keyboard

def test_every_control_works_by_keyboard(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    p = page.page
    slider = p.locator("input.mapgen-range")
    assert slider.get_attribute("aria-label") == "Date"
    live = p.locator("output.mapgen-date")
    assert live.get_attribute("aria-live") == "polite"
    # tab through the page: every control is reached, in a sensible order
    reached = []
    for _ in range(30):
        p.keyboard.press("Tab")
        reached.append(p.evaluate("(() => { const a = document.activeElement; "
                                  "return a.getAttribute('aria-label') || a.getAttribute('title') || a.textContent.trim().slice(0, 20); })()"))
    for name in ("Zoom in", "Zoom out", "Basemap", "Previous day", "Play", "Next day", "Date", "Hide legend"):
        assert name in reached, f"{name!r} is not reachable by Tab: {reached}"
    # the slider by keys, and the live region follows
    slider.focus()
    p.keyboard.press("Home")
    assert page.wait_ready()["date"] == "2016-02-01"
    assert live.inner_text() == "1 Feb 2016"
    assert slider.get_attribute("aria-valuetext") == "1 Feb 2016: 1 incidents"
    p.keyboard.press("End")
    assert page.wait_ready()["date"] == "2016-02-04"
    # the map itself pans by arrow keys (Leaflet's keyboard handler; it ignores keys while a popup's
    # pan animation runs, so this comes before any popup)
    before = p.evaluate("mapgen.app.map.getCenter().lng")
    p.locator(".leaflet-container").focus()
    p.keyboard.press("ArrowRight")
    p.wait_for_function("b => mapgen.app.map.getCenter().lng > b", arg=before)
    # buttons by Enter and Space
    p.locator("button.mapgen-prev").focus()
    p.keyboard.press("Enter")
    assert page.wait_ready()["date"] == "2016-02-03"
    p.locator("button.mapgen-next").focus()
    p.keyboard.press("Space")
    assert page.wait_ready()["date"] == "2016-02-04"
    # the legend toggle
    toggle = p.locator("button.mapgen-legend-toggle")
    toggle.focus()
    p.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not p.locator(".mapgen-legend").is_visible()
    p.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and p.locator(".mapgen-legend").is_visible()
    # incidents: the summary's list opens a popup, Escape closes it and returns focus
    item = p.locator("#mapgen-summary button[data-incident='f-2']")
    item.focus()
    assert p.locator("#mapgen-summary").bounding_box()["width"] > 100, "summary shows while focused"
    wait_summary(page)
    page.set_date("2016-02-03")  # the list is rebuilt for the new date: focus stays on the same incident
    p.wait_for_function("document.getElementById('mapgen-summary').dataset.date === '2016-02-03'")
    assert p.evaluate("document.activeElement.getAttribute('data-incident')") == "f-2"
    p.keyboard.press("Enter")
    assert page.state()["selected"] == "f-2"
    assert p.evaluate("document.activeElement.closest('.leaflet-popup') !== null"), "focus moves to the popup"
    # another incident from the list while a popup is open: Escape still returns to its button
    p.locator("#mapgen-summary button[data-incident='f-1']").focus()
    p.keyboard.press("Enter")
    assert page.state()["selected"] == "f-1"
    p.keyboard.press("Escape")
    p.wait_for_function("mapgen.state().selected === null")
    assert p.evaluate("document.activeElement.getAttribute('data-incident')") == "f-1"
    # the basemap choice is a labelled list that takes focus
    choice = p.get_by_label("Basemap")
    choice.focus()
    assert choice.is_visible() and p.evaluate("document.activeElement.id") == "mapgen-basemap"
    assert choice.input_value() == "offline"
    page.assert_clean()


def test_summary_tells_what_the_map_shows(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map)
    summary = page.page.locator("#mapgen-summary")
    assert summary.get_attribute("aria-label") == "Map summary"
    assert page.page.locator("a.mapgen-open-full").count() == 0, "the 'open full map' link is for frames only"
    box = summary.bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1, "visually hidden"
    page.set_date("2016-02-03")
    text = wait_summary(page)
    assert "As of 3 Feb 2016, the map shows 3 incidents (" in text
    counts = text.split("3 incidents (", 1)[1].split(").", 1)[0].split(", ")
    assert sorted(counts) == ["Airstrike: 1", "Clashes: 1", "Shelling: 1"]
    assert "Government and allies (1 area, claimed)" in text and "Rebels (1 area, assessed)" in text
    titles = summary.locator("li").all_text_contents()
    assert titles[0].startswith("Shelling of Bravo") and len(titles) == 3
    page.assert_clean()


# ---------------------------------------------------------------------------------------- phones

@pytest.mark.parametrize("reduced", [False, True])
def test_reduced_motion_turns_map_animations_off(fixture_map: Path, open_map, reduced: bool) -> None:
    """A reader who asks the system for less motion gets instant zooms and no fading; others
    keep Leaflet's animations."""
    page = open_map(fixture_map, reduced_motion=reduced)
    options = page.page.evaluate("""() => { const o = mapgen.app.map.options;
        return [o.zoomAnimation, o.fadeAnimation, o.inertia]; }""")
    assert options == ([False, False, False] if reduced else [True, True, True])
    before = page.page.evaluate("mapgen.app.map.getZoom()")
    page.page.locator(".leaflet-control-zoom-in").click()
    # without animation the zoom has happened when the click returns; with it, it is under way
    during = page.page.evaluate("[mapgen.app.map.getZoom(), !!document.querySelector('.leaflet-zoom-anim')]")
    if reduced:
        assert during == [before + 1, False]
    page.page.wait_for_function("z => mapgen.app.map.getZoom() === z", arg=before + 1)
    # a pan (as a popup keeping itself in view makes) jumps, or glides
    gliding = page.page.evaluate("""() => { const m = mapgen.app.map;
        m.panBy([120, 0]); return !!(m._panAnim && m._panAnim._inProgress); }""")
    assert gliding is (not reduced)
    page.page.wait_for_function("!(mapgen.app.map._panAnim && mapgen.app.map._panAnim._inProgress)")
    page.wait_ready()
    page.assert_clean()


def test_touch_taps_move_the_slider_and_buttons(fixture_map: Path, open_map) -> None:
    page = open_map(fixture_map, touch=True, **PHONE)
    p = page.page
    box = p.locator("input.mapgen-range").bounding_box()
    p.touchscreen.tap(box["x"] + 6, box["y"] + box["height"] / 2)
    assert page.wait_ready()["date"] == "2016-02-01"
    p.tap("button.mapgen-next")
    assert page.wait_ready()["date"] == "2016-02-02"
    p.touchscreen.tap(box["x"] + box["width"] * 0.68, box["y"] + box["height"] / 2)
    assert page.wait_ready()["date"] == "2016-02-03"
    p.tap("button.mapgen-prev")
    assert page.wait_ready()["date"] == "2016-02-02"
    assert wait_hash(page, "date=2016-02-02")
    p.tap("button.mapgen-legend-toggle")
    assert p.locator(".mapgen-legend").is_visible()
    page.assert_clean()


@pytest.mark.parametrize("which", ["fixture_map", "example_map"])
def test_phone_layout_leaves_the_map_visible(which: str, request: pytest.FixtureRequest, open_map) -> None:
    page = open_map(request.getfixturevalue(which), touch=True, **PHONE)
    p = page.page
    slider = p.locator(".mapgen-slider").bounding_box()
    info = p.locator(".mapgen-info").bounding_box()
    toggle = p.locator("button.mapgen-legend-toggle")
    assert toggle.get_attribute("aria-expanded") == "false", "legend starts collapsed on a phone"
    assert not boxes_overlap(slider, info)
    for box in (slider, info):
        assert box["x"] >= 0 and box["y"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= PHONE["height"]
    credit = p.locator(".leaflet-control-attribution")
    assert credit.inner_text().strip(), "the credit line survives the move to the slider's corner"
    credit_box = credit.bounding_box()
    assert not boxes_overlap(credit_box, slider) and not boxes_overlap(credit_box, info)
    assert credit_box["x"] + credit_box["width"] <= PHONE["width"] and credit_box["y"] >= 0
    # the slider sits below the map, not over it: the whole map stays visible
    frame = p.evaluate("(() => { const r = mapgen.app.map.getContainer().getBoundingClientRect();"
                       " return {top: r.top, bottom: r.bottom}; })()")
    assert slider["y"] >= frame["bottom"] - 1, (slider, frame)
    assert p.evaluate("mapgen.app.map.getContainer().contains(document.querySelector('.mapgen-slider'))") is False
    controls = p.evaluate("""() => Array.from(mapgen.app.map.getContainer().querySelectorAll('.leaflet-control'))
        .map(c => { const r = c.getBoundingClientRect(); return r.width * r.height; })""")
    map_area = PHONE["width"] * (frame["bottom"] - frame["top"])
    assert sum(controls) < 0.25 * map_area, "controls cover under a quarter of the map"
    # the middle of the map is map, not a control
    assert p.evaluate("document.elementFromPoint(187, 333).closest('.leaflet-control') === null")
    for selector in ("button.mapgen-prev", "button.mapgen-play", "button.mapgen-next", "input.mapgen-range",
                     "button.mapgen-legend-toggle", ".leaflet-control-zoom-in", ".leaflet-control-zoom-out"):
        box = p.locator(selector).bounding_box()
        assert box["width"] >= 32 and box["height"] >= 32, f"{selector} is {box['width']}x{box['height']}"
    toggle.tap()
    opened = p.locator(".mapgen-info").bounding_box()
    assert not boxes_overlap(slider, opened), "the open legend still clears the slider"
    toggle.tap()
    if which == "example_map" and os.environ.get("MAPGEN_UPDATE_PICTURES"):  # the README's picture
        (REPO / "output").mkdir(exist_ok=True)
        p.evaluate("() => mapgen.app.basemap.showDetail().then(() => true)")
        p.screenshot(path=str(REPO / "output" / "phone-375x667.png"))
    page.assert_clean()


# ---------------------------------------------------------------------------------------- embeds

def test_embed_snippet_follows_the_host_page_width(fixture_map: Path, browser: Any) -> None:
    snippet = fixture_map.with_name("fixture.embed.html").read_text()
    host = fixture_map.with_name("host.html")
    host.write_text("<!DOCTYPE html><html lang=en><head><meta name=viewport content='width=device-width'>"
                    "<title>Article</title></head><body style='margin:0'><main style='padding:0 8px'>"
                    f"<h1>An article</h1><p>Text before the map.</p>{snippet}<p>Text after.</p></main></body></html>")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.goto(host.as_uri())
        frame_el = page.locator(".mapgen-embed iframe")
        frame_el.scroll_into_view_if_needed()
        frame = page.frame_locator(".mapgen-embed iframe")
        seen = []
        for width in (1400, 800, 375):
            page.set_viewport_size({"width": width, "height": 900})
            box = frame_el.bounding_box()
            assert box["width"] == pytest.approx(width - 16, abs=1)
            ratio = 4 / 5 if width <= 600 else 16 / 9 if width >= 900 else 4 / 3
            assert box["height"] == pytest.approx(min(max(box["width"] / ratio, 320), 0.85 * 900), abs=1)
            inner = page.frames[1]
            inner.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready")
            inner.wait_for_function("w => mapgen.app.map.getSize().x === w", arg=round(box["width"]))
            size = inner.evaluate("(() => { const c = mapgen.app.map.getContainer(), "
                                  "f = document.querySelector('.mapgen-footer'); "
                                  "return [c.clientWidth, c.clientHeight, mapgen.app.map.getSize().y, "
                                  "f && f.contains(document.querySelector('.mapgen-slider')) ? f.offsetHeight : 0]; })()")
            # a small frame has the slider in a footer below the map; the two fill the frame
            assert (size[3] > 0) == (width <= 600)
            assert size[0] == pytest.approx(box["width"], abs=1)
            assert size[1] + size[3] == pytest.approx(box["height"], abs=1)
            assert size[2] == size[1], "Leaflet knows the new size"
            seen.append((size[0], size[1] + size[3]))
            if width == 375:  # a phone-sized frame gets the compact layout: legend folded, clear of the slider
                assert frame.locator("button.mapgen-legend-toggle").get_attribute("aria-expanded") == "false"
                assert not boxes_overlap(frame.locator(".mapgen-info").bounding_box(),
                                         frame.locator(".mapgen-slider").bounding_box())
        assert len(set(seen)) == 3
        assert frame.locator(".mapgen-slider").is_visible()
        # in the frame, a link opens the reader's current view in its own tab
        frame.locator("button.mapgen-prev").click()
        page.frames[1].wait_for_function("location.hash.includes('date=2016-02-03')")
        full = frame.locator("a.mapgen-open-full")
        assert full.get_attribute("target") == "_blank"
        page.frames[1].wait_for_function(
            "document.querySelector('a.mapgen-open-full').href === location.href")
        assert full.get_attribute("href").startswith(fixture_map.as_uri() + "#date=2016-02-03&view=")
        assert page.locator(".mapgen-embed-link a").get_attribute("href") == "fixture.html"
        assert problems == []
    finally:
        context.close()


# ---------------------------------------------------------------------------------------- axe

AXE_VERSION = "4.11.0"


def _axe_source() -> str:
    if not AXE_JS.is_file() and shutil.which("npm") and "MAPGEN_AXE_JS" not in os.environ:
        # fetch the pinned axe-core from the npm registry into the git-ignored .cache/npm
        subprocess.run(["npm", "install", "--prefix", str(REPO / ".cache" / "npm"), "--no-audit",
                        "--no-fund", "--silent", f"axe-core@{AXE_VERSION}"], check=False, timeout=300)
    if not AXE_JS.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE_JS} is missing: .ci/run installs axe-core with npm")
        pytest.skip(f"axe-core is not installed at {AXE_JS} (npm install --prefix .cache/npm axe-core)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.mark.parametrize("which, size, hash", [
    ("fixture_map", {"width": 1200, "height": 800}, "#date=2016-02-03&event=f-2"),
    ("fixture_map", PHONE, "#date=2016-02-03&event=f-2"),
    ("example_map", PHONE, "#date=2016-02-04&event=hraytan-cluster-bomb"),
], ids=["fixture-desktop", "fixture-phone", "example-phone"])
def test_axe_finds_no_serious_violation(which: str, size: dict[str, int], hash: str,
                                        request: pytest.FixtureRequest, open_map) -> None:
    axe = _axe_source()
    page = open_map(request.getfixturevalue(which), hash=hash, **size)
    assert page.state()["selected"] == hash.rsplit("=", 1)[1], "checked with a popup open"
    # the popup fades in: check the colours it ends with, not a half-transparent frame
    page.page.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
    page.page.add_script_tag(content=axe)
    results = page.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert isinstance(results["violations"], list)  # axe ran
    serious = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.assert_clean()
