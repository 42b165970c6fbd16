"""Helpers for browser tests that read what the page tells screen readers."""
from __future__ import annotations

from typing import Any


def wait_summary(page: Any) -> str:
    """The screen-reader summary's text, once it describes the map's current date and count."""
    page.page.wait_for_function("""() => { const s = document.getElementById('mapgen-summary'), st = mapgen.state();
        const count = typeof st.count === 'number' ? st.count : st.incidents.length;
        return s.dataset.date === st.date && Number(s.dataset.count) === count
            && s.dataset.texts === String(!!st.texts); }""", timeout=5000)
    return page.page.locator("#mapgen-summary").text_content()

