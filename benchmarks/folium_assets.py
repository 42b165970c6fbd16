"""Serve the CDN files a folium 0.20 TimestampedGeoJson page loads from local npm copies.

The benchmark's browser has no network: ``install(folder)`` fetches the packages once with npm
(exact versions folium pins, where they exist), and ``resolve(url)`` maps each CDN URL to a file.
Substitutes where the exact file is not packaged: jquery-ui 1.10.2 -> jquery-ui-dist 1.12.1,
iso8601.min.js -> iso8601.js, two small stylesheets -> stubs, map tiles -> one grey PNG.
Nothing here is copied into the project: the files live in a temporary folder.
"""
from __future__ import annotations

import os
import struct
import subprocess
import zlib
from pathlib import Path

PACKAGES = ("leaflet@1.9.3", "jquery@3.7.1", "bootstrap@5.2.2", "@fortawesome/fontawesome-free@6.2.0",
            "drmonty-leaflet-awesome-markers@2.0.2", "iso8601-js-period@0.2.1",
            "leaflet-timedimension@1.1.1", "moment@2.18.1", "jquery-ui-dist@1.12.1",
            "highlight.js@8.4.0", "bootstrap3@npm:bootstrap@3.1.1")

PREFIX = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/": "leaflet/",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/": "bootstrap/",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/": "@fortawesome/fontawesome-free/",
    "https://cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/": "leaflet-timedimension/",
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/fonts/": "bootstrap3/dist/fonts/",
}
EXACT = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js": "jquery/dist/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/jquery-ui.min.js": "jquery-ui-dist/jquery-ui.min.js",
    "https://cdn.jsdelivr.net/npm/iso8601-js-period@0.2.1/iso8601.min.js": "iso8601-js-period/iso8601.js",
    "https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js": "moment/min/moment.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/8.4/styles/default.min.css": "highlight.js/styles/default.css",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        "drmonty-leaflet-awesome-markers/js/leaflet.awesome-markers.js",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        "drmonty-leaflet-awesome-markers/css/leaflet.awesome-markers.css",
}
STUB = {
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css": ("text/css", b"/* stub */"),
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css":
        ("text/css", b".awesome-marker i.fa-rotate-0{transform:rotate(0deg)}"),
}
TYPES = {".js": "application/javascript", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
         ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".map": "application/json"}


def _png(size: int = 256, rgb: tuple[int, int, int] = (0xE8, 0xE4, 0xDC)) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


TILE = _png()


def install(folder: str | Path) -> Path:
    """``npm install`` the packages into ``folder`` unless already there; return node_modules."""
    folder = Path(folder)
    modules = folder / "node_modules"
    if (modules / "leaflet-timedimension").is_dir() and (modules / "bootstrap3").is_dir():
        return modules
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "package.json").exists():
        (folder / "package.json").write_text('{"name": "folium-assets", "private": true}\n')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *PACKAGES], cwd=folder, check=True)
    return modules


class Resolver:
    """URL -> (content type, bytes) from the npm copies; None for anything unknown."""

    def __init__(self, modules: str | Path) -> None:
        self.modules = Path(modules)
        self.unknown: set[str] = set()

    def __call__(self, url: str) -> tuple[str, bytes] | None:
        bare = url.split("?")[0].split("#")[0]
        if bare in STUB:
            return STUB[bare]
        rel = EXACT.get(bare)
        if rel is None:
            for prefix, folder in PREFIX.items():
                if bare.startswith(prefix):
                    rel = folder + bare[len(prefix):]
                    break
        if rel is not None:
            path = self.modules / rel
            if path.is_file():
                return TYPES.get(path.suffix, "application/octet-stream"), path.read_bytes()
        elif "tile.openstreetmap.org" in bare and bare.endswith(".png"):
            return "image/png", TILE
        self.unknown.add(url)
        return None


def default_folder() -> Path:
    return Path(os.environ.get("MAPGEN_BENCH_NPM", "/tmp/mapgen-bench-npm"))
