"""The pipeline end to end: load -> resolve -> shape -> render -> write, as a Python API.

>>> doc = build_map("examples/aleppo-2016-02")      # doctest: +SKIP
>>> doc.save("output/aleppo.html")                  # doctest: +SKIP
>>> doc                                             # in Jupyter: shows the map inline
"""
from __future__ import annotations

import gc
import html
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from mapgen.basemap import basemap_for
from mapgen.control_zones import all_zones
from mapgen.model import ControlZone, Incident
from mapgen.readers import ReadOptions
from mapgen.resolve import Resolved, resolve_places, write_pins
from mapgen.shape import build_payload
from mapgen.source import MapSource, load_source
from mapgen.writefile import write_atomic


@dataclass
class MapDocument:
    """A built map: its HTML, what went into it, and how to save it."""

    html: str
    source: MapSource
    resolved: Resolved
    incidents: list[Incident]
    zones: list[ControlZone]
    left_out_for_review: int = 0
    written: list[Path] = field(default_factory=list)

    @property
    def incident_count(self) -> int:
        return len(self.incidents)

    @property
    def zone_count(self) -> int:
        return len(self.zones)

    def save(self, path: str | Path, *, embed_url: str | None = None) -> list[Path]:
        """Write the map (atomically), its embed snippet beside it, and the place pins."""
        out = Path(path)
        write_atomic(out, self.html.encode("utf-8"))
        embed = out.with_name(out.stem + ".embed.html")
        write_atomic(embed, embed_snippet(embed_url or out.name, self.source.config.title).encode("utf-8"))
        self.written = [out, embed]
        pins = write_pins(self.source, self.resolved)
        if pins:
            self.written.append(pins)
        return self.written

    def _repr_html_(self) -> str:
        """Inline display in Jupyter, like a folium map: the page in a sandboxed iframe."""
        doc = html.escape(self.html, quote=True)
        return (f'<iframe srcdoc="{doc}" style="width:100%;height:520px;border:0" '
                f'sandbox="allow-scripts allow-popups" title="{html.escape(self.source.config.title)}"></iframe>')


def embed_snippet(url: str, title: str) -> str:
    """A responsive iframe for articles, with a plain link for readers where frames are stripped.

    The frame takes the article column's full width at 4:3 (16:9 on wide screens, 4:5 on phones,
    where a taller map leaves room between its controls), never taller than most of the screen nor
    shorter than a usable map; the page inside fills whatever size the frame gets. ``url`` may carry a permalink hash (``map.html#date=2016-02-04``).
    """
    safe_url, safe_title = html.escape(url, quote=True), html.escape(title, quote=True)
    return (
        '<style>\n'
        '.mapgen-embed{position:relative;width:100%;aspect-ratio:4/3;min-height:320px;max-height:85vh;}\n'
        '@media (max-width:600px){.mapgen-embed{aspect-ratio:4/5;}}\n'
        '@media (min-width:900px){.mapgen-embed{aspect-ratio:16/9;}}\n'
        '.mapgen-embed>iframe{position:absolute;top:0;left:0;width:100%;height:100%;border:0;}\n'
        '</style>\n'
        '<div class="mapgen-embed">\n'
        f'  <iframe src="{safe_url}" title="{safe_title}" loading="lazy" allow="fullscreen" allowfullscreen\n'
        '    referrerpolicy="strict-origin-when-cross-origin"></iframe>\n'
        '</div>\n'
        f'<p class="mapgen-embed-link"><a href="{safe_url}">Open the map: {html.escape(title)}</a></p>\n'
    )


@contextmanager
def paused_gc(resume: bool = True) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a build.

    A build allocates hundreds of thousands of small objects and no reference cycles worth
    collecting; with the collector on, its repeated passes over them take more time than the build.
    Turned back on, it soon makes one pass over everything still alive (a tenth of a second after
    a 100,000-incident build): ``resume=False`` leaves it off, for a process that ends after the
    build (the console command).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and resume:
            gc.enable()


def build_map(source: str | Path | MapSource, *, timezone: str | None = None, home: str | None = None,
              repin: bool = False, title: str | None = None, options: ReadOptions | None = None,
              cache: Any = None, cdn: bool = False) -> MapDocument:
    """Build the map for ``source`` (a project folder, one events file, or a loaded source).

    ``cdn=True`` loads Leaflet from a pinned CDN address with integrity hashes instead of inlining it.

    Raises :class:`~mapgen.errors.InputErrors` for bad input, naming file, record and field.
    Incidents marked ``review: true`` are left out and counted. ``cache`` (a
    :class:`~mapgen.buildcache.BuildCache`) keeps parsed files and the page between builds.
    """
    with paused_gc():
        return _build_map(source, timezone=timezone, home=home, repin=repin, title=title, options=options,
                          cache=cache, cdn=cdn)


def _build_map(source: str | Path | MapSource, *, timezone: str | None, home: str | None, repin: bool,
               title: str | None, options: ReadOptions | None, cache: Any, cdn: bool) -> MapDocument:
    loaded = source if isinstance(source, MapSource) else load_source(
        source, timezone=timezone, options=options, reader=cache.read if cache is not None else None)
    if title:
        loaded.config.title = title
    resolved = resolve_places(loaded, home=home, repin=repin, include_review=False)
    incidents = [i for i in resolved.incidents if not i.review]
    left_out = len(resolved.incidents) - len(incidents)
    zones = all_zones(loaded.config, loaded.zones, resolved.control)
    payload = build_payload(loaded.config, incidents, zones)
    if loaded.config.view:
        payload["bounds"] = loaded.config.view
    payload["basemap"] = basemap_for(payload["bounds"], incidents, loaded.config.basemap)
    if cache is not None:
        from mapgen.shape import page_data

        # the page around the data differs with --cdn: keep its parts apart
        page_key = loaded.config.title + ("\n--cdn" if cdn else "")
        data_text, lazy_text = page_data(payload)
        page = cache.render(data_text, page_key, lambda: _render(payload, loaded.config.title, cdn=cdn),
                            lazy_text=lazy_text)
    else:
        page = _render(payload, loaded.config.title, cdn=cdn)
    return MapDocument(html=page, source=loaded, resolved=resolved,
                       incidents=incidents, zones=zones, left_out_for_review=left_out)


def _render(payload: dict[str, Any], title: str, *, cdn: bool = False) -> str:
    from mapgen.render.preload import import_folium_lazily

    import_folium_lazily()
    from mapgen.render.page import make_map, render_html  # folium stays at the edge

    return render_html(make_map(payload, title=title, cdn=cdn))


def default_output(source: str | Path) -> Path:
    """``output/<name>.html`` for a source path."""
    path = Path(source)
    name = path.name if path.is_dir() else path.stem
    return Path("output") / f"{name or 'map'}.html"


__all__ = ["MapDocument", "build_map", "default_output", "embed_snippet", "paused_gc"]


