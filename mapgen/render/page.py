"""Assemble the folium map page: inlined Leaflet, the time layer; stable ids."""
from __future__ import annotations

import html
from typing import Any

import folium
from branca.element import Figure

from mapgen.render.assets import cdn_tags, leaflet_css, leaflet_js
from mapgen.render.raw import RawHTML
from mapgen.render.timeline import TimeLayer


def _stable_ids(root: Any) -> None:
    """Replace branca's random element ids with ones derived from the element tree's order."""
    counter = 0

    def walk(element: Any) -> None:
        nonlocal counter
        element._id = f"{counter:04d}"
        counter += 1
        for child in list(element._children.values()):
            walk(child)

    walk(root)


def make_map(payload: dict[str, Any], *, title: str, lang: str = "en", cdn: bool = False) -> folium.Map:
    """A folium map holding the time layer, with every script and style inlined.

    With ``cdn=True`` Leaflet is loaded from a pinned CDN address with integrity hashes instead.
    """
    fmap = folium.Map(location=[0, 0], zoom_start=2, tiles=None, control_scale=True,
                      prefer_canvas=True, min_zoom=2, max_zoom=16, world_copy_jump=False)
    fmap.default_js = []   # no CDN: Leaflet is inlined below; jQuery and Bootstrap are not used
    fmap.default_css = []
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure.title = None    # branca writes its title unescaped; the escaped one is added below
    if cdn:
        figure.header.add_child(RawHTML(cdn_tags()), name="leaflet_cdn")
    else:
        figure.header.add_child(RawHTML(f"<style>{leaflet_css()}</style>"), name="leaflet_css")
        figure.header.add_child(RawHTML(f"<script>{leaflet_js()}</script>"), name="leaflet_js")
    figure.header.add_child(RawHTML(f"<title>{html.escape(title)}</title>"), name="title")
    figure.lang = lang
    TimeLayer(payload).add_to(fmap)
    return fmap


def render_html(fmap: folium.Map) -> str:
    """The page's HTML; identical input gives identical output."""
    figure = fmap.get_root()
    _stable_ids(figure)
    layers = [child for child in fmap._children.values() if isinstance(child, TimeLayer)]
    for layer in layers:
        layer.deferred = True
    try:
        text = _tidy(figure.render(), figure)
    finally:
        for layer in layers:
            layer.deferred = False
    if len(layers) == 1 and text.count(TimeLayer.MARK) == 1:
        # the data has no line breaks nor trailing spaces to tidy: it goes in as it is
        text = text.replace(TimeLayer.MARK, layers[0].payload_text, 1)
    else:
        text = _tidy(figure.render(), figure)
    return _after_script(text, "".join(layer.lazy_block() for layer in layers))


def _after_script(text: str, block: str) -> str:
    """``text`` with ``block`` placed last, after the page's script, before ``</html>``."""
    if not block:
        return text
    end = text.rstrip().rfind("</html>")
    if end < 0:
        return text + block
    return text[:end] + block + text[end:]


def _tidy(text: str, figure: Any) -> str:
    # folium's page has no language and forbids pinch zoom; readers who zoom text need both
    text = text.replace("<html>", f'<html lang="{html.escape(getattr(figure, "lang", "en"), quote=True)}">', 1)
    text = text.replace("initial-scale=1.0, maximum-scale=1.0, user-scalable=no", "initial-scale=1.0", 1)
    # split on "\n" only: str.splitlines() would also break inside text at U+0085, U+001C...
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n") + "\n"
