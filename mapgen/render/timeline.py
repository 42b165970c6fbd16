"""The time layer as a branca element: the project's Leaflet plugin, its stylesheet and its data."""
from __future__ import annotations

from importlib import resources
from typing import Any

from jinja2 import Template

from mapgen.render.assets import own_asset, plugin_script
from mapgen.render.raw import RawMacroElement
from mapgen.shape import LAZY_TEXT_ID, page_data


def _template() -> Template:
    return Template((resources.files("mapgen") / "templates" / "timeline.html.j2").read_text(encoding="utf-8"))


class TimeLayer(RawMacroElement):
    """Incidents and zones on one clock, a slider and a legend (``mapgen/static/timeline/*.js``).

    The plugin's script goes in the page's head (it only defines the plugin: the browser runs it
    while it still reads the data); the data block and the call that builds the map from it go
    in the body.
    """

    _template = _template()

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "TimeLayer"
        self.payload_text, self.lazy_text = page_data(payload)
        self.deferred = False  # set by render_html: the page is rendered around a mark instead
        self.js = plugin_script()
        self.css = own_asset("mapgen.css")
        # permalinks, frame fit, small screens, screen-reader summary (uses only the page API)
        self.share_js = own_asset("mapgen-share.js")
        self.share_css = own_asset("mapgen-share.css")

    #: stands in for the data while the page around it is rendered (see ``payload``)
    MARK = "\x00mapgen:payload\x00"

    def lazy_block(self) -> str:
        """The popup texts' block, which goes after the page's script (see ``page_data``)."""
        if not self.lazy_text:
            return ""
        return f'<script type="text/plain" id="{LAZY_TEXT_ID}">{self.lazy_text}</script>\n'


    @property
    def payload(self) -> str:
        """The data block's text; while ``deferred``, a mark that render_html replaces with it,
        so that the megabytes of data are copied once, not by every step of rendering."""
        return self.MARK if self.deferred else self.payload_text
