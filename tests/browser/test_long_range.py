"""A ten-year range: the slider steps by month, plays in under a minute at top speed, and the
keyboard still moves one day."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from mapgen.build import build_map

pytestmark = pytest.mark.browser

FIRST = dt.date(2010, 1, 1)
DAYS = 3652  # ten years


def _events(n: int = 400) -> tuple[str, list[dt.date]]:
    rows, dates = ["id,date,lat,lon,type,title"], []
    for k in range(n):
        day = FIRST + dt.timedelta(days=(k * 9973) % DAYS)
        dates.append(day)
        rows.append(f"e{k},{day.isoformat()},{36 + (k % 50) / 100:.2f},{37 + (k % 37) / 100:.2f},clashes,Event {k}")
    return "\n".join(rows) + "\n", dates


def test_ten_years_step_by_month(tmp_path: Path, open_map) -> None:
    text, dates = _events()
    source = tmp_path / "decade.csv"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "decade.html"
    build_map(source, home=str(tmp_path / "home")).save(out)
    page = open_map(out)
    p = page.page
    timeline = p.evaluate("mapgen.timeline()")
    days = p.evaluate("mapgen.days()")
    assert timeline["unit"] == "month"
    months = sorted({d.isoformat()[:7] for d in (dt.date.fromisoformat(x) for x in days)})
    assert [s[:7] for s in timeline["steps"]] == months
    assert len(timeline["steps"]) * timeline["stepMs"] < 60_000, "plays in under a minute at top speed"
    per_month = Counter(d.isoformat()[:7] for d in dates)
    assert timeline["counts"] == [per_month.get(m, 0) for m in months]
    bars = p.eval_on_selector_all(".mapgen-hist .mapgen-bar", "bs => bs.map(b => Number(b.dataset.count))")
    assert bars == timeline["counts"]
    # keys: an arrow moves a day, Shift+arrow and Page Up/Down a month (to the step's last day)
    page.set_date("2012-03-10")
    slider = p.locator("input.mapgen-range")
    slider.focus()
    p.keyboard.press("ArrowRight")
    assert page.wait_ready()["date"] == "2012-03-11"
    p.keyboard.press("Shift+ArrowRight")
    assert page.wait_ready()["date"] == "2012-03-31"
    p.keyboard.press("PageUp")
    assert page.wait_ready()["date"] == "2012-04-30"
    p.keyboard.press("PageDown")
    assert page.wait_ready()["date"] == "2012-03-31"
    p.locator("button.mapgen-next").click()
    assert page.wait_ready()["date"] == "2012-04-30"
    assert p.locator("button.mapgen-next").get_attribute("aria-label") == "Next month"
    page.assert_clean()


@pytest.mark.parametrize("width", [1200, 480])
def test_the_date_ticks_never_overlap(tmp_path: Path, open_map, width: int) -> None:
    # from 1 Feb 2016 to 13 Oct 2019: the slider steps by month, and the tick of 2017 lies a
    # quarter of the way along, where the first date's label ("1 Feb 2016") may still reach
    rows = ["id,date,lat,lon,type,title"]
    first, last = dt.date(2016, 2, 1), dt.date(2019, 10, 13)
    for k in range(60):
        day = first + dt.timedelta(days=k * (last - first).days // 59)
        rows.append(f"e{k},{day.isoformat()},36.{k % 50:02d},37.{k % 37:02d},clashes,Event {k}")
    source = tmp_path / "years.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "years.html"
    build_map(source, home=str(tmp_path / "home")).save(out)
    page = open_map(out, width=width)
    ticks = page.page.eval_on_selector_all(
        ".mapgen-ticks .mapgen-tick",
        "ts => ts.filter(t => getComputedStyle(t).visibility !== 'hidden')"
        "        .map(t => { const r = t.getBoundingClientRect();"
        "                    return [t.textContent, r.left, r.right]; })")
    assert ticks[0][0] == "1 Feb 2016" and ticks[-1][0] == "13 Oct 2019"
    for (a, _, a_right), (b, b_left, _) in pairwise(ticks):
        assert a_right <= b_left, (a, b, ticks)
    page.assert_clean()
