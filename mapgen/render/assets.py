"""Third-party browser assets read from installed packages, to inline into self-contained pages."""
from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import lru_cache
from importlib import resources

LEAFLET_VERSION = "1.9.4"
# ``--cdn`` pages load this exact version from here; the integrity hashes are computed from the
# installed package's own files (byte-identical to the release), never fetched.
CDN_BASE = f"https://unpkg.com/leaflet@{LEAFLET_VERSION}/dist/"


def _leaflet_file(name: str) -> str:
    return (resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified script from the ``django-js-lib-leaflet`` package."""
    return re.sub(r"//# sourceMappingURL=\S+", "", _leaflet_file("leaflet.js"))


def sri(data: bytes, algorithm: str = "sha384") -> str:
    """A Subresource Integrity value (``sha384-<base64>``) for ``data``."""
    digest = hashlib.new(algorithm, data).digest()
    return f"{algorithm}-{base64.b64encode(digest).decode('ascii')}"


def leaflet_bytes(name: str) -> bytes:
    """A file of the installed Leaflet release, exactly as shipped."""
    return (resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet" / name).read_bytes()


def cdn_tags() -> str:
    """``<link>`` and ``<script>`` tags for Leaflet on the CDN, pinned and with integrity hashes."""
    css, js = CDN_BASE + "leaflet.css", CDN_BASE + "leaflet.js"
    return (f'<link rel="stylesheet" href="{html.escape(css)}" '
            f'integrity="{sri(leaflet_bytes("leaflet.css"))}" crossorigin="anonymous">\n'
            f'<script src="{html.escape(js)}" '
            f'integrity="{sri(leaflet_bytes("leaflet.js"))}" crossorigin="anonymous"></script>')


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's stylesheet; image URLs are inlined or dropped so the page makes no request."""
    css = _leaflet_file("leaflet.css")
    folder = resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"

    def inline(match: re.Match[str]) -> str:
        name = match.group(1)
        image = folder / name
        if image.is_file():
            data = base64.b64encode(image.read_bytes()).decode("ascii")
            return f"url(data:image/png;base64,{data})"
        return "none"

    return re.sub(r"url\(\s*['\"]?([^'\")]+\.png)['\"]?\s*\)", inline, css)


@lru_cache(maxsize=None)
def own_asset(name: str) -> str:
    """A file of the project's own plugin (``mapgen/static``)."""
    return (resources.files("mapgen") / "static" / name).read_text(encoding="utf-8")


#: the page plugin's parts (``mapgen/static/timeline/``), joined in name order into one script
PLUGIN_FOLDER = "timeline"


@lru_cache(maxsize=None)
def plugin_script(folder: str = PLUGIN_FOLDER) -> str:
    """The project's Leaflet plugin: its parts, one file per concern, joined in name order.

    Each part is written at the top level of its file and shares the plugin's private scope with
    the others: the parts are wrapped together in one function so nothing leaks into the page.
    """
    parts = sorted((p for p in (resources.files("mapgen") / "static" / folder).iterdir()
                    if p.name.endswith(".js")), key=lambda p: p.name)
    body = "\n".join(f"/* --- {p.name} --- */\n{p.read_text(encoding='utf-8')}" for p in parts)
    return f"(function () {{\n'use strict';\n{body}}})();\n"
