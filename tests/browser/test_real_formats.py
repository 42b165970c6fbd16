"""Real-format files in a real browser: UCDP GED's codes read as words, vague places as regions."""
from __future__ import annotations

from pathlib import Path

import pytest

from mapgen.build import build_map

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent.parent / "mapgen" / "data"


def test_ucdp_map_legend_and_popups(tmp_path: Path, open_map) -> None:
    out = tmp_path / "ged.html"
    build_map(DATA / "ucdp-ged-aleppo-2016-02.csv", timezone="Asia/Damascus").save(out)
    page = open_map(out)
    legend = page.page.locator(".mapgen-legend").inner_text()
    for words in ("State-based violence", "Non-state violence", "One-sided violence"):
        assert words in legend
    state = page.set_date("2016-02-15")
    # known only to the year and the country: shown through the whole year, as a region
    assert {"ged-160506", "ged-160505", "ged-160504"} <= set(state["incidents"])
    page.page.evaluate("mapgen.openIncident('ged-160506')")
    popup = page.page.locator(".leaflet-popup-content .mapgen-popup[data-incident='ged-160506']")
    popup.wait_for()
    text = popup.inner_text()
    assert "region; approximate" in text
    # known only to the year: the popup gives the whole span, not a "month of" its first day
    assert "some time between 1 Jan 2016 and 31 Dec 2016 (approximate)" in text
    assert "month of" not in text
    assert "Deaths: 100 (best estimate; low 90, high 150)" in text
    assert "Conflict: Syria: Government." in text and "Government of Syria - IS" in text
    assert "Syrian Observatory for Human Rights" in text
    page.assert_clean()


def test_old_acled_file_in_windows_1252(tmp_path: Path, open_map) -> None:
    out = tmp_path / "acled.html"
    build_map(DATA / "acled-v6-windows-1252.csv", timezone="Africa/Tripoli").save(out)
    page = open_map(out)
    legend = page.page.locator(".mapgen-legend").inner_text()
    for words in ("Clashes", "Territorial change", "Protest", "Violence against civilians", "Strategic development"):
        assert words in legend
    assert "Battle-" not in legend
    page.page.evaluate("mapgen.openIncident('LBY1001')")
    popup = page.page.locator(".leaflet-popup-content .mapgen-popup[data-incident='LBY1001']")
    popup.wait_for()
    assert "Benghazi’s Bu Atni" in popup.inner_text()
    page.assert_clean()


def test_acled_month_precision_names_its_month(tmp_path: Path, open_map) -> None:
    out = tmp_path / "acled-month.html"
    build_map(DATA / "acled-aleppo-2016-02.csv", timezone="Asia/Damascus").save(out)
    page = open_map(out)
    page.page.evaluate("mapgen.openIncident('SYR20533')")
    popup = page.page.locator(".leaflet-popup-content .mapgen-popup[data-incident='SYR20533']")
    popup.wait_for()
    # ACLED time_precision 3: some time in February 2016, the whole month inside the map's days
    assert "some time between 1 Feb 2016 and 29 Feb 2016 (approximate)" in popup.inner_text()
    page.assert_clean()
