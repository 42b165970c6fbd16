"""The pipeline end to end: load -> resolve -> shape -> render -> write, as a Python API.

>>> doc = build_map("examples/aleppo-2016-02")      # doctest: +SKIP
>>> doc.save("output/aleppo.html")                  # doctest: +SKIP
>>> doc                                             # in Jupyter: shows the map inline
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from mapgen.annotations import annotation_rows, map_places
from mapgen.basemap import basemap_for
from mapgen.control_zones import all_zones
from mapgen.errors import InputError, InputErrors, OutputError, excerpt
from mapgen.gcpause import paused_gc
from mapgen.model import ControlZone, Incident
from mapgen.readers import ReadOptions
from mapgen.resolve import Resolved, pins_output, resolve_places
from mapgen.shape import build_payload
from mapgen.source import MapSource, load_source
from mapgen.swapped import swapped_warnings
from mapgen.writefile import write_together


@dataclass(repr=False)
class MapDocument:
    """A built map: its HTML, what went into it, and how to save it."""

    html: str
    source: MapSource
    resolved: Resolved
    incidents: list[Incident]
    zones: list[ControlZone]
    left_out_for_review: int = 0
    written: list[Path] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)  # invalid records left out (--skip-invalid)

    @property
    def place_warnings(self) -> list[Any]:
        """Places the gazetteer put far from the rest of the map (printed by ``build``)."""
        return list(self.resolved.strays)

    @property
    def incident_count(self) -> int:
        return len(self.incidents)

    @property
    def zone_count(self) -> int:
        return len(self.zones)

    def save(self, path: str | Path, *, embed_url: str | None = None) -> list[Path]:
        """Write the map, its embed snippet beside it, and the place pins: all or none of them.

        Raises :class:`~mapgen.errors.OutputError` when an output would replace a file of the
        source, or cannot be written (then no file was changed)."""
        out = Path(path)
        check_embed_url(embed_url)
        check_outputs(self.source.path, [out, embed_path(out), skipped_path(out)],
                      is_project=self.source.is_project)
        files = self.outputs(out, embed_url=embed_url)
        self.written = write_together(files)
        forget_skipped(out, self.skipped)
        return self.written

    def outputs(self, path: str | Path, *, embed_url: str | None = None) -> list[tuple[Path, bytes]]:
        """The files :meth:`save` writes, as ``(path, bytes)``: map, embed snippet, and the place
        pins when they changed."""
        out = Path(path)
        url = embed_url or quote(out.name)  # quoted: a file named "javascript:..." stays a relative link
        try:
            files = [(out, self.html.encode("utf-8")),
                     (embed_path(out), embed_snippet(url, self.source.config.title).encode("utf-8"))]
        except UnicodeEncodeError as exc:
            raise OutputError(f"cannot write {out}: the text holds an unpaired surrogate "
                              f"{exc.object[exc.start:exc.end]!a} (not Unicode)") from None
        pins = pins_output(self.source, self.resolved)
        if pins:
            files.append(pins)
        if self.skipped:  # the records a build with skip_invalid left out, beside the map
            from mapgen.problems import skipped_report

            files.append((skipped_path(out), skipped_report(self.skipped).encode("utf-8")))
        return files

    def __repr__(self) -> str:
        """One line (the page itself is in ``.html``; Jupyter shows the map, see _repr_html_)."""
        return (f"<mapgen.MapDocument {self.source.config.title!r}: {self.incident_count} incidents, "
                f"{self.zone_count} zone versions, {len(self.html):,} bytes of HTML>")

    def _repr_html_(self) -> str:
        """Inline display in Jupyter, like a folium map: the page in a sandboxed iframe."""
        doc = html.escape(self.html, quote=True)
        return (f'<iframe srcdoc="{doc}" style="width:100%;height:520px;border:0" '
                f'sandbox="allow-scripts allow-popups" title="{html.escape(self.source.config.title)}"></iframe>')


def skipped_path(out: str | Path) -> Path:
    """``OUT.skipped.csv``: the records a build with ``skip_invalid`` left out, beside the map."""
    out = Path(out)
    return out.with_name(out.stem + ".skipped.csv")
def forget_skipped(out: str | Path, skipped: Sequence[Any]) -> None:
    """Remove a skipped-records report left by an earlier build when nothing is left out now."""
    report = skipped_path(out)
    if not skipped and report.exists():
        report.unlink()


def embed_path(out: str | Path) -> Path:
    """``map.html`` -> ``map.embed.html``."""
    out = Path(out)
    return out.with_name(out.stem + ".embed.html")


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def check_embed_url(url: str | None) -> None:
    """Accept an http(s) address or a relative path for the embed snippet (None: the map's file
    name); raise :class:`~mapgen.errors.InputError` for anything else (``javascript:``, ``data:``...)."""
    if url is None:
        return
    # browsers drop spaces around a link and tabs and line breaks inside it before reading its
    # scheme (" java\tscript:" runs): refuse those outright, then any scheme but http(s)
    scheme = _SCHEME.match(url)
    if (not url.strip() or url != url.strip(" ") or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in url)
            or (scheme and scheme.group(1).lower() not in ("http", "https"))):
        raise InputError(f"{excerpt(url)} is not an http(s) address or a relative path "
                         "(no other schemes, no control characters)", field="--embed-url")


def check_outputs(source: str | Path, outputs: Sequence[str | Path], *, is_project: bool | None = None) -> None:
    """Refuse outputs that would replace what the build reads: for a project folder anything in
    its folder tree, for one events file that file and its pins. Raises
    :class:`~mapgen.errors.OutputError` naming the output."""
    src = Path(source)
    if is_project is None:
        is_project = src.is_dir()
    root = src.resolve()
    protected = {root} if is_project else {root, src.with_name(src.stem + ".places.lock.yaml").resolve()}
    for output in outputs:
        target = Path(output).resolve()
        if target in protected or (is_project and root in target.parents):
            where = "inside the project folder" if is_project else "over the source file"
            raise OutputError(f"{output}: refusing to write an output {where} {source} "
                              "(it would replace what the build reads); write it elsewhere with -o")


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


def build_map(source: Any, *, zones: Any = None, timezone: str | None = None, home: str | None = None,
              repin: bool = False, title: str | None = None, options: ReadOptions | None = None,
              cache: Any = None, cdn: bool = False, skip_invalid: bool = False) -> MapDocument:
    """Build the map for ``source``: a project folder or one events file (a path), a loaded
    source, a :class:`~mapgen.project.Project` (from :func:`mapgen.load`, its frames perhaps
    filtered), or a GeoDataFrame of incidents (with ``zones``, a GeoDataFrame of zone versions).

    Frames are validated as files are. A project's settings (map.yaml) apply; bare frames get the
    defaults, with ``timezone``. ``cdn=True`` loads Leaflet from a pinned CDN address with
    integrity hashes instead of inlining it. ``skip_invalid=True`` (or ``on_error: skip`` in
    map.yaml) leaves invalid records out (bad fields, unknown places) and lists them in
    :attr:`MapDocument.skipped`; problems that are not about one record (a missing column, an
    unreadable file) still stop the build.

    Raises :class:`~mapgen.errors.InputErrors` for bad input, naming file, record and field.
    Incidents marked ``review: true`` are left out and counted. ``cache`` (a
    :class:`~mapgen.buildcache.BuildCache`) keeps parsed files and the page between builds.
    """
    with paused_gc():
        return _build_map(source, zones=zones, timezone=timezone, home=home, repin=repin, title=title,
                          options=options, cache=cache, cdn=cdn, skip_invalid=skip_invalid)


def _build_map(source: Any, *, zones: Any, timezone: str | None, home: str | None, repin: bool,
               title: str | None, options: ReadOptions | None, cache: Any, cdn: bool,
               skip_invalid: bool) -> MapDocument:
    skipped: list[InputError] = []
    from_frames, project_resolution = not isinstance(source, (str, Path, MapSource)), None
    if isinstance(source, MapSource):
        loaded = source
    elif from_frames:
        from mapgen.project import frames_source

        loaded, project_resolution = frames_source(source, zones, timezone=timezone, options=options,
                                                   problems=skipped)
    else:
        loaded = load_source(source, timezone=timezone, options=options, problems=skipped,
                             reader=cache.read if cache is not None else None)
    skip = skip_invalid or loaded.config.on_error == "skip"
    if skipped and (not skip or not all(problem.row for problem in skipped)):
        raise InputErrors(skipped)
    _leave_out(loaded, skipped)  # e.g. the second of two incidents with one id
    if title:
        loaded.config.title = title
    try:
        resolved = resolve_places(loaded, home=home, repin=repin, include_review=False)
    except InputErrors as exc:  # unknown or ambiguous places
        if not skip or not all(problem.row for problem in exc.errors):
            raise
        skipped.extend(exc.errors)
        _leave_out(loaded, exc.errors)
        resolved = resolve_places(loaded, home=home, repin=repin, include_review=False)
    loaded.warnings.extend(swapped_warnings(loaded, home))
    if from_frames:
        # the project's pins are saved with its map; bare frames have no project to pin into
        resolved.pins, resolved.pins_changed = ((project_resolution.pins, project_resolution.pins_changed)
                                                if project_resolution is not None else ({}, False))
    incidents = [i for i in resolved.incidents if not i.review]
    left_out = len(resolved.incidents) - len(incidents)
    zones = all_zones(loaded.config, loaded.zones, resolved.control)
    payload = build_payload(loaded.config, incidents, zones)
    if resolved.uses_ocha:
        from mapgen.shape import credit_line

        payload["credit"] = credit_line(loaded.config.credit, ocha=True)
    if loaded.config.view:
        payload["bounds"] = loaded.config.view
    payload["basemap"] = basemap_for(payload["bounds"], incidents, loaded.config.basemap)
    payload["notes"] = annotation_rows(loaded.config.annotations, map_places(loaded, resolved, incidents))
    if cache is not None:
        from mapgen.shape import page_data

        data_text, lazy_text = page_data(payload)
        page = cache.render(data_text, loaded.config.title, lambda: _render(payload, loaded.config.title, cdn=cdn),
                            lazy_text=lazy_text, cdn=cdn)
    else:
        page = _render(payload, loaded.config.title, cdn=cdn)
    return MapDocument(html=page, source=loaded, resolved=resolved,
                       incidents=incidents, zones=zones, left_out_for_review=left_out, skipped=skipped)


def _leave_out(loaded: MapSource, problems: list[InputError]) -> None:
    """Drop the records that ``problems`` are about (by file and record) from ``loaded``."""
    if not problems:
        return
    bad = {(str(p.file), p.record) for p in problems}

    def keep(items: list[Any]) -> list[Any]:
        return [item for item in items if (str(item.origin.file), item.origin.record) not in bad]

    loaded.incidents = keep(loaded.incidents)
    loaded.zones = keep(loaded.zones)
    loaded.control = keep(loaded.control)


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


__all__ = ["MapDocument", "build_map", "check_embed_url", "check_outputs", "default_output", "embed_path",
           "embed_snippet", "forget_skipped", "paused_gc", "skipped_path"]


