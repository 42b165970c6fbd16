"""Draw a built map as a static PNG at a chosen date, with the installed headless Chromium.

>>> snapshot_html("output/aleppo.html", "output/aleppo.png", date="2016-02-04")  # doctest: +SKIP

For print, social cards and READMEs. The page is opened from disk with every outside request
blocked (maps are self-contained), the date is set through the page API, and the PNG is taken once
the time layer reports that drawing is finished. Playwright drives Chromium; no browser download.
"""
from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mapgen.errors import MapgenError
from mapgen.writefile import write_atomic

CHROMIUM_ENV = "MAPGEN_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]
MAX_SIDE = 8000


class SnapshotError(MapgenError):
    """The snapshot could not be taken (no Chromium, a date outside the map, a page that fails)."""


def find_chromium(path: str | None = None) -> str:
    """The Chromium executable: ``path``, else ``$MAPGEN_CHROMIUM``, else /usr/bin/chromium."""
    candidate = path or os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    found = shutil.which(candidate)
    if found:
        return found
    raise SnapshotError(f"Chromium not found at {candidate}: install the chromium package "
                        f"or set {CHROMIUM_ENV} to its path")


def snapshot_html(page_path: str | Path, out: str | Path, *, date: str | None = None, width: int = 1200,
                  height: int = 800, chromium: str | None = None, timeout: float = 30.0) -> Path:
    """Write a ``width`` x ``height`` PNG of the map page ``page_path`` at ``date`` (default: last day).

    Raises :class:`SnapshotError` with a one-line message when Chromium or Playwright is missing,
    the date is not in the map, or the page reports an error.
    """
    if not (16 <= width <= MAX_SIDE and 16 <= height <= MAX_SIDE):
        raise SnapshotError(f"width and height must be between 16 and {MAX_SIDE} pixels")
    page_path = Path(page_path).resolve()
    if not page_path.is_file():
        raise SnapshotError(f"{page_path}: no such map page")
    executable = find_chromium(chromium)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise SnapshotError("snapshots need the playwright Python package (pip install 'mapgen[snapshot]'); "
                            "it drives the installed Chromium") from None

    # Playwright's sync API refuses to run where an asyncio loop is running (Jupyter, or another
    # Playwright session in this thread): draw in a worker thread of our own.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mapgen-snapshot") as pool:
        png = pool.submit(_draw, page_path, date, width, height, executable, timeout).result()
    return write_atomic(out, png)


def _draw(page_path: Path, date: str | None, width: int, height: int, executable: str, timeout: float) -> bytes:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
                context.route("**/*", lambda route: route.continue_()
                              if route.request.url.startswith(("file:", "data:", "blob:", "about:"))
                              else route.abort())
                page = context.new_page()
                page.on("pageerror", lambda e: problems.append(str(e)))
                page.goto(page_path.as_uri())
                if page.evaluate("typeof window.L === 'undefined'"):
                    raise SnapshotError(f"{page_path.name} loads Leaflet from the network (built with --cdn?); "
                                        "snapshot a self-contained build")
                page.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready",
                                       timeout=timeout * 1000)
                if date is not None:
                    days = page.evaluate("mapgen.days()")
                    if date not in days:
                        raise SnapshotError(f"date {date} is not in the map ({days[0]} to {days[-1]})")
                    page.evaluate("d => mapgen.setDate(d)", date)
                page.evaluate("document.documentElement.classList.add('mapgen-snapshot')")
                page.evaluate("mapgen.app.map.invalidateSize({animate: false})")
                page.wait_for_function("mapgen.state().ready", timeout=timeout * 1000)
                # the basemap's relief is decoded once the page is drawn: wait for it too
                page.evaluate("() => mapgen.app.basemap ? mapgen.app.basemap.showDetail().then(() => true) : true")
                # two frames: the canvas and the controls have painted
                page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                if problems:
                    raise SnapshotError(f"the map page failed: {problems[0]}")
                return page.screenshot(type="png", full_page=False)
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SnapshotError(f"Chromium could not draw the map: {first}") from None


__all__ = ["SnapshotError", "find_chromium", "snapshot_html"]
