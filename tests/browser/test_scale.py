"""10,000 synthetic incidents in a real browser: what is drawn at a date matches the data.

The expected sets are computed here from the raw records (ISO times), independently of
mapgen's shaping and of the page's search: at the end of day D, cumulative mode shows every
incident that started before that instant; window mode (last N days) shows those that also end
after the start of day D - N + 1 (or start within the window), and fades them with age.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from benchmarks import synthetic
from mapgen.build import build_map

pytestmark = pytest.mark.browser

N = 10_000
WINDOW_DAYS = 7
DATES = ["2024-01-01", "2024-01-09", "2024-03-31", "2024-07-04", "2024-10-27", "2024-12-30"]


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("scale")
    path = synthetic.write(folder / "data.json", N, zones=200, seed=11)
    return {"data": synthetic.load(path), "folder": folder}


def _build(records: dict[str, Any], mode: str) -> Path:
    out = records["folder"] / f"{mode}.html"
    if not out.exists():
        source = synthetic.to_source(records["data"], mode=mode, window_days=WINDOW_DAYS)
        build_map(source).save(out)
    return out


def _day(iso: str, offset: int = 0) -> dt.datetime:
    day = dt.date.fromisoformat(iso) + dt.timedelta(days=offset)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def expected(data: dict[str, Any], iso: str, mode: str) -> tuple[set[str], set[str]]:
    """Incident ids and zone ids shown at the end of day ``iso`` (the synthetic map is in UTC)."""
    end = _day(iso, 1)
    window_start = _day(iso, 1 - WINDOW_DAYS)
    incidents = set()
    for r in data["incidents"]:
        start, finish = dt.datetime.fromisoformat(r["start"]), dt.datetime.fromisoformat(r["end"])
        if start >= end:
            continue
        if mode == "window" and not (finish > window_start or start >= window_start):
            continue
        incidents.add(r["id"])
    last_minute = end - dt.timedelta(minutes=1)
    zones = {z["id"] for z in data["zones"]
             if dt.datetime.fromisoformat(z["from"]) <= last_minute < dt.datetime.fromisoformat(z["to"])}
    return incidents, zones


@pytest.mark.parametrize("mode", ["cumulative", "window"])
def test_incidents_drawn_at_dates_match_the_data(records: dict[str, Any], open_map, mode: str) -> None:
    page = open_map(_build(records, mode))
    assert page.state()["date"] == "2024-12-30", "opens at the last date"
    for iso in DATES:
        state = page.set_date(iso)
        want_incidents, want_zones = expected(records["data"], iso, mode)
        assert state["date"] == iso
        assert state["count"] == len(want_incidents), iso
        assert set(state["incidents"]) == want_incidents, iso
        # the whole data set is in view, so everything shown is drawn on the canvas
        assert set(state["drawn"]) == want_incidents, f"{iso}: drawn"
        assert set(state["zones"]) == want_zones, f"{iso}: zones"
        cheap = page.page.evaluate("mapgen.state({ids: false})")
        assert "incidents" not in cheap and cheap["count"] == len(want_incidents) and cheap["ready"]
    page.assert_clean()


def test_the_legend_explains_the_density_grid_while_it_is_drawn(records: dict[str, Any], open_map) -> None:
    page = open_map(_build(records, "cumulative"))
    row = page.page.locator(".mapgen-legend-density")
    assert page.page.evaluate("mapgen.app.points.aggregated") is True
    assert row.is_visible() and "click to zoom in" in row.inner_text()
    page.page.evaluate("mapgen.app.map.setView([36.2, 37.1], 14, {animate: false})")   # a few on screen
    page.wait_ready()
    page.page.wait_for_function("!mapgen.app.points.aggregated && !document.querySelector('.mapgen-legend-density').offsetParent")
    assert not row.is_visible()
    page.assert_clean()


def test_stepping_backwards_matches_jumping(records: dict[str, Any], open_map) -> None:
    """The slider path (input events, one day at a time) agrees with the data, day by day."""
    page = open_map(_build(records, "cumulative"))
    slider = page.page.locator("input.mapgen-range")
    slider.focus()
    for back in range(1, 6):
        page.page.keyboard.press("ArrowLeft")
        state = page.wait_ready()
        iso = (dt.date(2024, 12, 30) - dt.timedelta(days=back)).isoformat()
        assert state["date"] == iso
        assert set(state["incidents"]) == expected(records["data"], iso, "cumulative")[0], iso
    page.assert_clean()


def test_window_mode_fades_with_age(records: dict[str, Any], open_map) -> None:
    """Read the canvas: isolated solid points are less opaque the older they are."""
    page = open_map(_build(records, "window"))
    iso = "2024-07-04"
    state = page.set_date(iso)
    assert not state["aggregated"], "a week of incidents is drawn point by point"
    end = _day(iso, 1)
    by_id = {r["id"]: r for r in records["data"]["incidents"]}
    shown = [by_id[i] for i in state["drawn"]]
    points = page.page.evaluate(
        "pts => pts.map(p => { const c = mapgen.app.map.latLngToContainerPoint(p); return [c.x, c.y]; })",
        [[r["lat"], r["lon"]] for r in shown])
    solid = []
    for k, (r, (x, y)) in enumerate(zip(shown, points)):
        if r["tp"] not in ("exact", "day") or r["gp"] != "exact":
            continue  # approximate ones are dashed rings with a transparent centre
        if not (20 < x < 1180 and 20 < y < 780):
            continue
        crowded = any(abs(x - x2) < 16 and abs(y - y2) < 16 for j, (x2, y2) in enumerate(points) if j != k)
        if crowded:
            continue
        start, finish = dt.datetime.fromisoformat(r["start"]), dt.datetime.fromisoformat(r["end"])
        last = min(max(finish, start + dt.timedelta(minutes=1)), end)
        solid.append(((end - last).total_seconds(), r["id"], round(x), round(y)))
    assert len(solid) >= 15, "enough isolated points to compare"
    solid.sort()
    alphas = page.page.evaluate(
        """pts => { const c = document.querySelector('canvas.mapgen-points'), r = window.devicePixelRatio || 1;
                    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;  // one readback
                    return pts.map(p => px[(Math.round(p[1] * r) * c.width + Math.round(p[0] * r)) * 4 + 3]); }""",
        [[x, y] for _, _, x, y in solid])
    assert all(a > 0 for a in alphas), "every shown incident is drawn"
    assert alphas == sorted(alphas, reverse=True), list(zip([s[0] for s in solid], alphas))
    assert alphas[0] - alphas[-1] >= 100, "the newest are clearly more opaque than the oldest"
    page.assert_clean()


# Records, in the first animation frame in which the page reports itself drawn, what it has done
# by then (polled from the start of the page, as benchmarks/timeline_bench.py measures page ready).
FIRST_READY = r"""
window.__first = null;
(function poll() {
  requestAnimationFrame(function () {
    var s = null;
    try { s = window.mapgen && mapgen.state && mapgen.state({ids: false}); } catch (e) {}
    if (!s || !s.ready) { poll(); return; }
    window.__first = {texts: s.texts, detail: mapgen.app.basemap.detail, layers: s.basemap.layers.slice(),
                      labels: s.basemap.labels.length,
                      bars: document.querySelectorAll('.mapgen-hist .mapgen-bar').length,
                      counts: mapgen.timeline().counts};
  });
})();
"""
SETTLED = """() => ({texts: mapgen.state().texts, detail: mapgen.app.basemap.detail,
                     layers: mapgen.state().basemap.layers, labels: mapgen.state().basemap.labels.length,
                     bars: document.querySelectorAll('.mapgen-hist .mapgen-bar').length})"""


def test_what_the_first_picture_does_not_need_comes_after_it(records: dict[str, Any], browser) -> None:
    out = _build(records, "cumulative")
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.add_init_script(FIRST_READY)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:", "about:")) else route.abort())
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.resolve().as_uri())
        page.wait_for_function("window.__first !== null", timeout=15000)
        first = page.evaluate("window.__first")
        # the incidents and zones are drawn; popup texts, the histogram and the basemap's
        # geography and names wait until that picture is on screen and the page has loaded
        assert first["texts"] is False and first["detail"] is False and first["bars"] == 0
        assert "roads" not in first["layers"] and first["labels"] == 0
        assert sum(first["counts"]) == N  # mapgen.timeline() counts at once when asked
        page.evaluate("mapgen.app.textLoading.then(() => true)")
        settled = page.evaluate(SETTLED)
        assert settled["texts"] is True and settled["detail"] is True
        assert settled["bars"] == len(first["counts"]) and {"roads", "urban"} <= set(settled["layers"])
        assert settled["labels"] > 0
        assert errors == []
    finally:
        context.close()



# Records the page's first animation frames once its map exists: whether the incidents were
# drawn by then.
FIRST_FRAMES = r"""
window.__frames = [];
(function poll() {
  requestAnimationFrame(function () {
    var s = null;
    try { s = window.mapgen && mapgen.state && mapgen.state({ids: false}); } catch (e) {}
    if (s) window.__frames.push({ready: s.ready, drawn: s.drawnCount});
    if (window.__frames.length < 3) poll();
  });
})();
"""


def test_the_first_frame_of_the_map_shows_its_incidents(records: dict[str, Any], open_map) -> None:
    """The incidents are decoded right after the script that builds the map (in promise jobs,
    not in tasks behind the reading of the rest of the page): the map's first frame has them."""
    page = open_map(_build(records, "cumulative"), init_script=FIRST_FRAMES)
    page.page.wait_for_function("window.__frames.length >= 3")
    frames = page.page.evaluate("window.__frames")
    assert frames[0]["ready"] is True and frames[0]["drawn"] == N, frames
    page.assert_clean()
