"""The example map tells the day's story: new incidents stand out, a "this day" list, a slider
with a histogram and dates, incidents elsewhere counted, annotations on their dates, and an
embedded map that lets the article scroll."""
from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from mapgen.build import MapDocument, build_map
from mapgen.timeparse import get_zone

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aleppo-2016-02"
TZ = get_zone("Asia/Damascus")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[MapDocument, Path]:
    work = tmp_path_factory.mktemp("story") / "aleppo-2016-02"
    shutil.copytree(EXAMPLE, work)
    doc = build_map(work)
    out = work.parent / "aleppo.html"
    doc.save(out)
    return doc, out


def began_on(doc: MapDocument, iso: str) -> set[str]:
    return {i.id for i in doc.incidents if i.start.astimezone(TZ).date().isoformat() == iso}


# a copy of a canvas's pixels (read from a fresh canvas: one read each)
PIXELS = """selector => { const c = document.querySelector(selector), t = document.createElement('canvas');
    t.width = c.width; t.height = c.height;
    const g = t.getContext('2d', {willReadFrequently: true}); g.drawImage(c, 0, 0);
    return {k: c.width / c.clientWidth, w: c.width, d: g.getImageData(0, 0, c.width, c.height).data}; }"""
# the incidents' pixels in boxes around container points: one RGBA list per box
REGION = "boxes => { const p = (" + PIXELS + """)('canvas.mapgen-points');
    return boxes.map(([x, y, r]) => { const out = [];
        for (let j = Math.round((y - r) * p.k); j < Math.round((y + r) * p.k); j++)
            for (let i = Math.round((x - r) * p.k); i < Math.round((x + r) * p.k); i++)
                for (let c = 0; c < 4; c++) out.push(p.d[(j * p.w + i) * 4 + c]);
        return out; }); }"""


def test_the_days_incidents_stand_out(example, open_map) -> None:
    doc, out = example
    page = open_map(out, reduced_motion=True)
    p = page.page
    page.set_date("2016-02-05")
    today = p.evaluate("mapgen.today()")["incidents"]
    assert set(today) == began_on(doc, "2016-02-05") and today
    drawn = set(page.state()["drawn"])
    on_screen = [i for i in today if i in drawn]
    assert on_screen, "a 5 February incident lies in the opening view"
    points = p.evaluate("""ids => ids.map(id => { const inc = mapgen.app.clock.inc, i = inc.indexOf(id);
        const q = mapgen.app.map.latLngToContainerPoint([inc.lat(i), inc.lon(i)]); return [q.x, q.y, 14]; })""",
                        on_screen)
    fifth = p.evaluate(REGION, points)
    assert p.evaluate("mapgen.state({ids: false}).fresh") == len(today)
    page.set_date("2016-02-04")
    fourth = p.evaluate(REGION, points)
    for a, b in zip(fifth, fourth):
        changed = sum(1 for k in range(0, len(a), 4) if a[k:k + 4] != b[k:k + 4])
        assert changed > len(a) / 4 * 0.2, "the day's incident is drawn differently from the day before"
    page.assert_clean()


def test_this_day_list_and_taken_ground(example, open_map) -> None:
    doc, out = example
    page = open_map(out)
    p = page.page
    p.locator(".mapgen-today-toggle").click()
    for iso in ("2016-02-03", "2016-02-04", "2016-02-05"):
        page.set_date(iso)
        listed = p.eval_on_selector_all(".mapgen-today-list button[data-incident]",
                                        "bs => bs.map(b => b.dataset.incident)")
        assert sorted(listed) == sorted(began_on(doc, iso))
    page.set_date("2016-02-04")
    taken = page.state()["taken"]
    starts = {z.id for z in doc.zones if z.valid_from.astimezone(TZ).date().isoformat() == "2016-02-04"}
    assert taken and {t["id"] for t in taken} <= starts
    assert any(t["label"] == "taken 4 Feb" for t in taken)
    assert p.locator(".mapgen-today-list button[data-zone]").count() == len(taken)
    # a drawn "taken" label covers no incident's circle
    boxes = [t["box"] for t in taken if t["box"]]
    assert boxes
    dots = p.evaluate("""() => { const app = mapgen.app, inc = app.clock.inc, out = [];
        for (let k = 0; k < app.clock.count; k++) { const i = app.clock.visible[k];
          const c = app.map.latLngToContainerPoint([inc.lat(i), inc.lon(i)]); out.push([c.x, c.y]); }
        return out; }""")
    assert dots
    for x0, y0, x1, y1 in boxes:
        assert not [d for d in dots if x0 - 6 < d[0] < x1 + 6 and y0 - 6 < d[1] < y1 + 6], (x0, y0, x1, y1)
    # so does an annotation's name ("Government advance"), once the place names are drawn
    p.evaluate("() => mapgen.app.basemap.showDetail().then(() => true)")
    notes = p.evaluate("mapgen.app.notes.textBoxes")
    assert [n["text"] for n in notes] == ["Government advance"]
    x0, y0, x1, y1 = notes[0]["box"]
    assert not [d for d in dots if x0 - 6 < d[0] < x1 + 6 and y0 - 6 < d[1] < y1 + 6], notes
    # choosing an incident (by keyboard) opens its popup
    first = p.locator(".mapgen-today-list button[data-incident]").first
    wanted = first.get_attribute("data-incident")
    first.focus()
    p.keyboard.press("Enter")
    p.locator(f".leaflet-popup-content .mapgen-popup[data-incident='{wanted}']").wait_for(timeout=5000)
    page.assert_clean()


def test_histogram_has_a_bar_per_step_with_the_datas_counts(example, open_map) -> None:
    doc, out = example
    page = open_map(out)
    p = page.page
    timeline = p.evaluate("mapgen.timeline()")
    assert timeline["unit"] == "day"
    days = p.evaluate("mapgen.days()")
    assert timeline["steps"] == days
    per_day = Counter(i.start.astimezone(TZ).date().isoformat() for i in doc.incidents)
    bars = p.eval_on_selector_all(".mapgen-hist .mapgen-bar", "bs => bs.map(b => Number(b.dataset.count))")
    assert bars == [per_day.get(d, 0) for d in days] == timeline["counts"]
    ticks = p.eval_on_selector_all(".mapgen-ticks .mapgen-tick", "ts => ts.map(t => t.textContent)")
    assert ticks[0] == "31 Jan 2016" and ticks[-1] == "5 Feb 2016"
    page.assert_clean()


def test_offscreen_incidents_are_counted_by_place(example, open_map) -> None:
    doc, out = example
    page = open_map(out)
    p = page.page
    state = page.set_date("2016-02-05")
    p.wait_for_function("mapgen.state({ids: false}).offscreen.places.length > 0")
    state = page.state()
    off = set(state["incidents"]) - set(state["drawn"])
    by_id = {i.id: i for i in doc.incidents}
    expected = Counter(by_id[i].place for i in off)
    assert state["offscreen"]["count"] == len(off) > 0
    assert dict(state["offscreen"]["places"]) == dict(expected)
    text = p.locator(".mapgen-elsewhere").inner_text()
    assert text.startswith(f"{len(off)} more elsewhere: London {expected['London']}")
    p.locator(".mapgen-elsewhere button", has_text="London").click()
    p.wait_for_function("Math.abs(mapgen.app.map.getCenter().lng - (-0.13)) < 1.5", timeout=5000)
    # the reset button brings the opening view back
    p.locator("button.mapgen-reset-view").click()
    p.wait_for_function("mapgen.app.map.getCenter().lng > 30", timeout=5000)
    page.assert_clean()


def test_hover_shows_a_pointer_and_a_tooltip(example, open_map) -> None:
    doc, out = example
    page = open_map(out)
    p = page.page
    state = page.set_date("2016-02-04")
    target = state["drawn"][-1]
    x, y = p.evaluate("""id => { const inc = mapgen.app.clock.inc, i = inc.indexOf(id);
        const q = mapgen.app.map.latLngToContainerPoint([inc.lat(i), inc.lon(i)]); return [q.x, q.y]; }""", target)
    box = p.locator(".folium-map").bounding_box()
    p.mouse.move(box["x"] + x, box["y"] + y)
    tip = p.locator(".mapgen-tooltip")
    tip.wait_for(state="visible", timeout=3000)
    assert tip.inner_text()
    assert p.evaluate("mapgen.app.map.getContainer().style.cursor") == "pointer"
    p.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
    tip.wait_for(state="hidden", timeout=3000)
    page.assert_clean()


def test_annotations_are_drawn_within_their_dates(example, open_map) -> None:
    doc, out = example
    notes = doc.source.config.annotations
    page = open_map(out)
    p = page.page
    for iso in p.evaluate("mapgen.days()"):
        end = dt.datetime.combine(dt.date.fromisoformat(iso) + dt.timedelta(days=1), dt.time(), TZ)
        expected = [n.index for n in notes if (n.valid_from is None or n.valid_from < end)
                    and (n.valid_to is None or n.valid_to >= end)]
        assert page.set_date(iso)["notes"] == expected, iso
    # the corridor's pixels: on its canvas at 3 February, gone on 4 February
    corridor = next(n for n in notes if n.text == "Rebel supply corridor")
    ink = "() => { const d = (" + PIXELS + """)('.leaflet-mapgenNotes-pane canvas').d;
        let n = 0; for (let k = 3; k < d.length; k += 4) if (d[k]) n++; return n; }"""
    page.set_date("2016-02-03")
    with_corridor = p.evaluate(ink)
    page.set_date("2016-02-04")
    without = p.evaluate(ink)
    assert with_corridor > without > 0, corridor.text
    page.assert_clean()


ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head>
<body style="margin:0"><h1>An article</h1><div style="height:1200px">text</div>
<iframe id="map" src="aleppo.html" title="Map" style="width:800px;height:500px;border:0"></iframe>
<div style="height:2000px">more text</div></body></html>"""


def test_wheel_over_an_embedded_map_scrolls_the_article(example, browser) -> None:
    _, out = example
    article = out.parent / "article.html"
    article.write_text(ARTICLE, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(article.as_uri())
        page.evaluate("window.scrollTo(0, 1000)")
        frame = page.frame_locator("#map")
        handle = page.frames[1]
        handle.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready", timeout=15000)
        assert handle.evaluate("mapgen.state({ids: false}).framed") is True
        zoom = handle.evaluate("mapgen.app.map.getZoom()")
        box = page.locator("#map").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        before = page.evaluate("window.scrollY")
        page.mouse.wheel(0, 300)
        page.wait_for_function(f"window.scrollY > {before}", timeout=5000)
        assert handle.evaluate("mapgen.app.map.getZoom()") == zoom, "the wheel alone does not zoom"
        assert frame.locator(".mapgen-gesture-hint").is_visible()
        box = page.locator("#map").bounding_box()  # the article has scrolled under the pointer
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.keyboard.down("Control")
        page.mouse.wheel(0, -300)
        page.keyboard.up("Control")
        handle.wait_for_function(f"mapgen.app.map.getZoom() > {zoom}", timeout=5000)
        assert problems == []
    finally:
        context.close()


def test_incident_places_are_labelled_from_their_first_incident(example, open_map) -> None:
    doc, out = example
    page = open_map(out)
    p = page.page
    first: dict[str, str] = {}
    for i in doc.incidents:
        day = i.start.astimezone(TZ).date().isoformat()
        if i.place and (i.place not in first or day < first[i.place]):
            first[i.place] = day
    for iso in p.evaluate("mapgen.days()"):
        page.set_date(iso)
        shown = p.evaluate("names => names.map(n => mapgen.app.placeShown(n))", sorted(first))
        assert shown == [first[name] <= iso for name in sorted(first)], iso
    assert p.evaluate("mapgen.app.placeShown('Somewhere without incidents')") is True
    # and the basemap draws their names accordingly: none before its place's first incident
    for iso in ("2016-02-01", "2016-02-03", "2016-02-05"):
        page.set_date(iso)
        p.wait_for_timeout(100)  # the names are redrawn in the frame after the change
        drawn = set(p.evaluate("mapgen.app.basemap.shownLabels.map(l => l.name)"))  # incident places
        early = {name for name, day in first.items() if day > iso}
        assert not drawn & early, (iso, drawn & early)
        if iso == "2016-02-05":
            assert "Bab al-Salameh" in drawn or "Azaz" in drawn
    page.assert_clean()
