"""Script-injection strings in every text field stay text: popups, legend, summary, page title, embed."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mapgen.build import build_map
from mapgen.cli import main
from tests.browser.pagehelpers import wait_summary
from tests.conftest import write_project

pytestmark = pytest.mark.browser

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
]
TITLE = "Map " + XSS[0] + XSS[2]

MAP = {
    "title": TITLE,
    "description": XSS[1],
    "credit": XSS[3],
    "timezone": "UTC",
    "factions": {"government": {"label": XSS[1], "color": "#D55E00"},
                 "rebels": {"label": XSS[2], "color": "#009E73"}},
    "event_types": {"airstrike": {"label": XSS[3], "color": "#CC3311"}},
}
PLACES = {"places": [{"name": "Alpha " + XSS[1], "lat": 36.5, "lon": 37.0, "country": "SY"}]}
INCIDENTS = {"incidents": [
    {"id": f"x-{n}", "date": f"2016-02-0{n + 1}", "lat": 36.4 + n / 20, "lon": 37.0 + n / 20,
     "type": "airstrike" if n % 2 else "shelling", "title": text, "description": XSS[(n + 1) % 5],
     "actors": [XSS[(n + 2) % 5], "Air force"],
     "sources": [{"outlet": XSS[(n + 3) % 5], "url": f"https://example.org/x-{n}?a=1&b=2"}]}
    for n, text in enumerate(XSS)
] + [{"id": "x-place", "date": "2016-02-05", "place": "Alpha " + XSS[1], "type": "clashes",
      "title": "At a place", "sources": [{"outlet": XSS[4]}]}]}
ZONES = {"zones": [
    {"id": "z-gov", "faction": "government", "valid_from": "2016-02-01",
     "sources": [{"outlet": XSS[0], "url": "https://example.org/z"}],
     "geometry": {"type": "Polygon", "coordinates": [[[37.3, 36.0], [37.6, 36.0], [37.6, 36.3], [37.3, 36.3], [37.3, 36.0]]]}},
    {"id": "z-reb", "faction": "rebels", "valid_from": "2016-02-01",
     "geometry": {"type": "Polygon", "coordinates": [[[36.6, 36.0], [36.8, 36.0], [36.8, 36.2], [36.6, 36.2], [36.6, 36.0]]]}},
]}


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    project = write_project(root / "hostile", {
        "map.yaml": dump(MAP), "places.yaml": dump(PLACES),
        "events/incidents.yaml": dump(INCIDENTS), "zones/control.yaml": dump(ZONES)})
    out = root / "out" / "hostile.html"
    build_map(project, home=str(root / "home")).save(out, embed_url='https://example.org/m.html?a=1&b="><svg onload=alert(1)>')
    return out


INERT = """() => {
  const bad = [];
  for (const s of document.querySelectorAll('script')) {
    if (s.type !== 'application/json' && s.textContent.includes('alert(1)')) bad.push('script: ' + s.outerHTML.slice(0, 80));
  }
  for (const n of document.querySelectorAll('[onerror], [onload], iframe, object, embed')) bad.push('element: ' + n.outerHTML.slice(0, 80));
  for (const n of document.querySelectorAll('.mapgen-info img, .mapgen-info svg, .leaflet-popup img, .leaflet-popup svg, #mapgen-summary img, #mapgen-summary svg, .leaflet-control-attribution img'))
    bad.push('markup: ' + n.outerHTML.slice(0, 80));
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (!href.startsWith('#') && !/^https?:\\/\\//i.test(href)) bad.push('link: ' + href);
  }
  return bad;
}"""


def test_injection_strings_stay_text_everywhere(hostile: Path, open_map) -> None:
    page = open_map(hostile)
    p = page.page
    assert p.evaluate("document.title") == TITLE
    assert p.locator(".mapgen-info h1").inner_text() == TITLE
    assert p.locator(".mapgen-description").inner_text() == XSS[1]
    legend = p.locator(".mapgen-legend").inner_text()
    for text in (XSS[1], XSS[2], XSS[3]):
        assert text in legend
    assert XSS[3] in p.locator(".leaflet-control-attribution").inner_text()
    summary = wait_summary(page)
    assert f"{XSS[3]}: 2" in summary and XSS[1] in summary and XSS[2] in summary
    for text in XSS[1:]:
        assert text in summary, f"latest titles in the summary: {text}"
    for n, text in enumerate(XSS):
        p.evaluate("id => mapgen.openIncident(id)", f"x-{n}")
        popup = p.locator(f".leaflet-popup-content .mapgen-popup[data-incident='x-{n}']")
        assert popup.locator("h3").inner_text() == text
        body = popup.inner_text()
        assert XSS[(n + 1) % 5] in body and XSS[(n + 2) % 5] in body and XSS[(n + 3) % 5] in body
        assert popup.locator("a").get_attribute("href") == f"https://example.org/x-{n}?a=1&b=2"
        assert p.evaluate(INERT) == []
    p.evaluate("mapgen.openIncident('x-place')")
    assert "Alpha " + XSS[1] in p.locator(".mapgen-popup[data-incident='x-place']").inner_text()
    # a zone popup, by clicking inside the zone
    p.evaluate("mapgen.app.map.closePopup()")
    point = p.evaluate("() => { const q = mapgen.app.map.latLngToContainerPoint([36.15, 37.45]); return [q.x, q.y]; }")
    p.mouse.click(*point)
    zone = p.locator(".leaflet-popup-content .mapgen-popup[data-zone='z-gov']")
    zone.wait_for(timeout=5000)
    assert zone.locator("h3").inner_text() == XSS[1]
    assert XSS[0] in zone.inner_text()
    assert p.evaluate(INERT) == []
    # the permalink carries an id, never markup
    p.evaluate("location.hash = '#date=2016-02-02&event=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'")
    p.wait_for_function("mapgen.state().date === '2016-02-02'")
    assert p.evaluate(INERT) == []
    page.assert_clean()  # no dialog, console error or page error


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attrs.update({f"{tag}.{k}": v for k, v in attrs})
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def test_embed_snippet_and_page_title_are_escaped(hostile: Path) -> None:
    snippet = _Tags()
    snippet.feed(hostile.with_name("hostile.embed.html").read_text())
    assert set(snippet.tags) == {"style", "div", "iframe", "p", "a"}
    assert snippet.attrs["iframe.title"] == TITLE
    assert snippet.attrs["iframe.src"] == 'https://example.org/m.html?a=1&b="><svg onload=alert(1)>'
    head = hostile.read_text().split("</head>")[0]
    page = _Tags()
    page.feed(head)
    assert page.title == TITLE
    assert page.tags.count("title") == 1
    assert "<svg onload" not in head and "<script>alert" not in head


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 'https://example.org/"><svg onload=alert(1)>'])
def test_non_http_source_urls_are_rejected_at_input(tmp_path: Path, url: str) -> None:
    events = {"incidents": [{"id": "a", "date": "2016-02-01", "lat": 36.5, "lon": 37.0, "type": "airstrike",
                             "sources": [{"outlet": "X", "url": url}]}]}
    path = tmp_path / "events.yaml"
    path.write_text(dump(events))
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 1
    assert "sources[1].url" in result.output and "not an http(s) URL" in result.output
    assert not (tmp_path / "m.html").exists()
