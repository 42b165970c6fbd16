"""Headless Chromium (Debian's /usr/bin/chromium driven by Playwright) with the network blocked.

``open_map(path)`` loads a generated page from disk, fails the test on any console error, page
error or request that leaves the file, and waits until the time layer has painted
(``touch=True`` emulates a phone: touch events and the mobile viewport).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

CHROMIUM = os.environ.get("MAPGEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _require_chromium() -> None:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


_RUNNING: dict[str, Any] = {}  # one Playwright per test session, also when this fixture is imported elsewhere


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if "browser" in _RUNNING:  # tests/conftest.py re-exports this fixture: share the one browser
        yield _RUNNING["browser"]
        return
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _RUNNING["browser"] = instance
        try:
            yield instance
        finally:
            del _RUNNING["browser"]
            instance.close()


@dataclass
class MapPage:
    page: Any
    problems: list[str] = field(default_factory=list)

    def state(self) -> dict[str, Any]:
        return self.page.evaluate("mapgen.state()")

    def wait_ready(self) -> dict[str, Any]:
        self.page.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready", timeout=15000)
        return self.state()

    def set_date(self, iso: str) -> dict[str, Any]:
        self.page.evaluate("iso => mapgen.setDate(iso)", iso)
        return self.wait_ready()

    def assert_clean(self) -> None:
        assert self.problems == [], "browser problems: " + "; ".join(self.problems)


@pytest.fixture
def open_map(browser: Any) -> Iterator[Callable[..., MapPage]]:
    contexts: list[Any] = []
    pages: list[MapPage] = []

    def _open(path: Path, *, width: int = 1200, height: int = 800, hash: str = "",
              touch: bool = False, reduced_motion: bool = False, init_script: str = "") -> MapPage:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      has_touch=touch, is_mobile=touch,
                                      reduced_motion="reduce" if reduced_motion else "no-preference")
        contexts.append(context)
        if init_script:  # runs in the page before its own scripts
            context.add_init_script(init_script)
        page = context.new_page()
        result = MapPage(page)

        def block(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:", "blob:", "about:")):
                route.continue_()
            else:
                result.problems.append(f"outside request: {url}")
                route.abort()

        context.route("**/*", block)
        page.on("console", lambda m: m.type in ("error", "warning") and result.problems.append(
            f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda e: result.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (result.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(Path(path).resolve().as_uri() + hash)
        result.wait_ready()
        # the popup texts arrive after the first painted frame (with a `text` change event):
        # tests begin once the page has settled
        page.evaluate("() => window.mapgen && mapgen.app && mapgen.app.textLoading"
                      " ? mapgen.app.textLoading.then(() => true) : true")
        pages.append(result)
        return result

    yield _open
    for context in contexts:
        context.close()
