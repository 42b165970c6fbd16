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
