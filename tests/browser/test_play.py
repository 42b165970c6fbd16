"""Play: the clock advances one day at a time at the chosen speed, waits for each drawing, and stops."""
from __future__ import annotations

from pathlib import Path

import pytest

from mapgen.build import build_map
from tests.conftest import write_project
from tests.fixtures import EXPECTED, PROJECT

pytestmark = pytest.mark.browser


def test_play_at_speed_then_pause(tmp_path: Path, open_map) -> None:
    out = tmp_path / "fixture.html"
    build_map(write_project(tmp_path / "fixture", PROJECT)).save(out)
    page = open_map(out)
    page.page.evaluate("""() => {
        window.__dates = [];
        document.addEventListener('mapgen:change', e => window.__dates.push(e.detail.date));
    }""")
    page.page.locator("select.mapgen-speed").select_option("8")
    play = page.page.locator("button.mapgen-play")
    play.click()  # at the last date, play starts again from the first
    page.page.wait_for_function("window.__dates.includes('2016-02-04') && window.__dates.length >= 4",
                                timeout=10000)
    assert play.get_attribute("aria-label") == "Play", "stops by itself at the last date"
    days = sorted(EXPECTED)
    assert page.page.evaluate("window.__dates") == days, "one day at a time, in order"
    state = page.wait_ready()
    assert state["date"] == days[-1] and set(state["incidents"]) == EXPECTED[days[-1]][0]

    page.set_date(days[0])
    page.page.locator("select.mapgen-speed").select_option("1")  # slow enough to pause before the end
    play.click()
    assert play.get_attribute("aria-label") == "Pause"
    page.page.wait_for_function("mapgen.state({ids: false}).index >= 1", timeout=5000)
    play.click()
    stopped = page.page.evaluate("mapgen.state({ids: false}).index")
    page.page.wait_for_timeout(1000)  # more than a play interval at 1x
    assert page.page.evaluate("mapgen.state({ids: false}).index") == stopped, "pause holds the date"
    page.assert_clean()
