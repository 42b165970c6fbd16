"""``build --cdn``: Leaflet from a pinned CDN address, checked by the browser with integrity hashes.

The test machines are offline, so the CDN is played by Playwright: it answers with the installed
package's bytes (the map must work) or with altered bytes (the browser must refuse them).
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mapgen.cli import main
from mapgen.render.assets import CDN_BASE, LEAFLET_VERSION, leaflet_bytes, sri
from tests.conftest import write_project
from tests.fixtures import PROJECT

pytestmark = pytest.mark.browser

# Leaflet's own published integrity values for the 1.9.4 release (its download page): the package's
# files are the release bytes, so the hashes computed from them match what the CDN serves.
PUBLISHED_SHA256 = {
    "leaflet.js": "sha256-20nQCchB9co0qIjJZRGuk2/Z9VM+kNiyxNV1lvTlZBo=",
    "leaflet.css": "sha256-p4NxAoJBhIIN+hmNHrzRCf9tD/miZyoHS5obTRR9BMY=",
}


@pytest.fixture(scope="module")
def cdn_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cdn")
    project = write_project(root / "fixture", PROJECT)
    out = root / "cdn.html"
    result = CliRunner().invoke(main, ["--home", str(root / "home"), "build", str(project), "-o", str(out), "--cdn"])
    assert result.exit_code == 0, result.output
    return out


def test_package_files_are_the_published_release() -> None:
    assert LEAFLET_VERSION == "1.9.4"
    for name, expected in PUBLISHED_SHA256.items():
        assert sri(leaflet_bytes(name), "sha256") == expected


def test_cdn_page_pins_the_version_with_sha384(cdn_map: Path) -> None:
    page = cdn_map.read_text()
    tags = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)" integrity="([^"]+)" '
                      r'crossorigin="anonymous"', page)
    assert [url for url, _ in tags] == [CDN_BASE + "leaflet.css", CDN_BASE + "leaflet.js"]
    assert "leaflet@1.9.4/" in CDN_BASE
    for url, integrity in tags:
        digest = hashlib.sha384(leaflet_bytes(url.rsplit("/", 1)[1])).digest()
        assert integrity == "sha384-" + base64.b64encode(digest).decode()
    assert "Leaflet 1.9.4, a JS library" not in page, "Leaflet is not inlined as well"
    assert 'id="mapgen-data"' in page, "the map's own data and plugin stay inline"


def _open_with_cdn(browser: Any, path: Path, tamper: bool) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 900, "height": 600})
    messages: list[str] = []
    served: list[str] = []

    def cdn(route: Any) -> None:
        url = route.request.url
        if not url.startswith(CDN_BASE):
            messages.append(f"outside request: {url}")
            route.abort()
            return
        name = url[len(CDN_BASE):]
        body = leaflet_bytes(name)
        if tamper and name == "leaflet.js":
            body += b"\n;window.tampered = true;"
        served.append(name)
        route.fulfill(status=200, body=body, headers={
            "Content-Type": "text/css" if name.endswith(".css") else "application/javascript",
            "Access-Control-Allow-Origin": "*"})

    context.route("https://**/*", cdn)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and messages.append(m.text))
    page.on("pageerror", lambda e: messages.append(f"page error: {e}"))
    page.goto(path.as_uri())
    return context, page, messages + served


def test_browser_accepts_the_release_and_refuses_altered_bytes(cdn_map: Path, browser: Any) -> None:
    context, page, _ = _open_with_cdn(browser, cdn_map, tamper=False)
    try:
        page.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready", timeout=15000)
        assert page.evaluate("L.version") == "1.9.4"
        assert page.evaluate("getComputedStyle(document.querySelector('.leaflet-pane')).position") == "absolute", \
            "the CDN stylesheet applied"
    finally:
        context.close()
    context, page, messages = _open_with_cdn(browser, cdn_map, tamper=True)
    try:
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.L") == "undefined"
        assert page.evaluate("window.tampered === undefined")
        assert any("integrity" in m for m in messages), messages
    finally:
        context.close()
