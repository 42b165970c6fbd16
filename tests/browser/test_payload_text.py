"""Texts survive the packed payload exactly, in the page: template syntax, markup, scripts of
other languages and characters outside the Basic Multilingual Plane (two UTF-16 units each)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mapgen.build import build_map
from mapgen.config import MapConfig
from mapgen.model import Incident, Source
from mapgen.source import MapSource

pytestmark = pytest.mark.browser

TRICKY = [
    ("t-1", "{{ 7*7 }} and {% raw %}", "</script><script>alert(1)</script> & <b>bold</b>"),
    ("t-2", "قصف على إعزاز 🚀", "Ḩuraytān — A‘zāz 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u2028 line"),
    ("t-3", "", "newline\nand\ttab \"quotes\" 'single' \\ backslash"),
]


def test_tricky_text_round_trips_into_popups(tmp_path: Path, open_map) -> None:
    start = dt.datetime(2016, 2, 1, tzinfo=dt.timezone.utc)
    incidents = [
        Incident(id=ident, start=start + dt.timedelta(hours=k), end=start + dt.timedelta(hours=k),
                 time_precision="exact", type="shelling", place="𝒫lace {{x}}", lat=36.5 + k / 10, lon=37.0,
                 geo_precision="exact", actors=("Group «A»", "{% b %}"), title=title, description=desc,
                 fatalities=k, sources=(Source(outlet="Outlet <1>", url=f"https://example.org/{k}?a=1&b=2"),))
        for k, (ident, title, desc) in enumerate(TRICKY)]
    source = MapSource(path=tmp_path / "tricky.json", is_project=False, config=MapConfig(title="Tricky"),
                       incidents=incidents)
    out = tmp_path / "tricky.html"
    build_map(source).save(out)
    page = open_map(out)
    assert set(page.state()["incidents"]) == {"t-1", "t-2", "t-3"}
    for k, (ident, title, desc) in enumerate(TRICKY):
        page.page.evaluate("id => mapgen.openIncident(id)", ident)
        popup = page.page.locator(f'.leaflet-popup-content .mapgen-popup[data-incident="{ident}"]')
        popup.wait_for(timeout=5000)
        assert popup.locator("h3").text_content() == (title or "Shelling")
        if desc:
            assert popup.locator(".mapgen-popup-desc").text_content() == desc
        facts = popup.locator(".mapgen-facts").text_content()
        assert "𝒫lace {{x}}" in facts and "Group «A», {% b %}" in facts and f"Fatalities{k}" in facts
        link = popup.locator(".mapgen-sources a")
        assert link.get_attribute("href") == f"https://example.org/{k}?a=1&b=2"
        assert link.text_content() == "Outlet <1>"
    page.assert_clean()


def test_text_in_arabic_reads_right_to_left_in_popups(tmp_path: Path, open_map) -> None:
    start = dt.datetime(2016, 2, 8, tzinfo=dt.timezone.utc)
    texts = [("ar", "قصف: إعزاز", "قصفت طائرات حربية بلدة إعزاز صباح اليوم، وأفاد ناشطون بمقتل ثلاثة "
                                  "مدنيين وإصابة آخرين في القصف الذي طال السوق القديم.", "إعزاز"),
             ("en", "Shelling: Azaz", "Jets struck Azaz this morning; activists said three civilians were "
                                      "killed and others wounded as the strikes hit the old market.", "Azaz")]
    incidents = [
        Incident(id=ident, start=start, end=start, time_precision="day", type="shelling", place=place,
                 lat=36.58, lon=37.05 + k / 10, geo_precision="near", title=title, description=desc,
                 sources=(Source(outlet="المرصد" if ident == "ar" else "Outlet"),))
        for k, (ident, title, desc, place) in enumerate(texts)]
    source = MapSource(path=tmp_path / "ar.json", is_project=False, config=MapConfig(title="Arabic"),
                       incidents=incidents)
    out = tmp_path / "ar.html"
    build_map(source).save(out)
    page = open_map(out)
    for ident, title, desc, place in texts:
        page.page.evaluate("id => mapgen.openIncident(id)", ident)
        popup = page.page.locator(f'.leaflet-popup-content .mapgen-popup[data-incident="{ident}"]')
        popup.wait_for(timeout=5000)
        direction = "rtl" if ident == "ar" else "ltr"
        for part in (".mapgen-popup-desc", "h3", ".mapgen-facts bdi", ".mapgen-sources bdi"):
            node = popup.locator(part).first
            assert node.evaluate("n => getComputedStyle(n).direction") == (
                direction if part != "h3" else ("rtl" if ident == "ar" else "ltr")), (ident, part)
        # the report's place in its own direction, the map's words after it
        assert popup.locator(".mapgen-facts dd").nth(1).text_content() == f"{place} (near; approximate)"
        assert popup.locator(".mapgen-popup-desc").text_content() == desc
        # an Arabic paragraph's lines start at the right: its short last line ends there
        gaps = popup.locator(".mapgen-popup-desc").evaluate(
            "n => { const r = document.createRange(); r.selectNodeContents(n); const lines = r.getClientRects();"
            " const last = lines[lines.length - 1], b = n.getBoundingClientRect();"
            " return [lines.length, last.left - b.left, b.right - last.right]; }")
        assert gaps[0] >= 2, gaps   # (it wraps)
        if ident == "ar":
            assert gaps[2] < 2 < gaps[1], gaps
        else:
            assert gaps[1] < 2 < gaps[2], gaps
    page.assert_clean()
