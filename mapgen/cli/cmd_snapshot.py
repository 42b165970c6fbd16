"""``mapgen snapshot``: a static PNG of the map at a chosen date, drawn by headless Chromium."""
from __future__ import annotations

import tempfile
from pathlib import Path

import click

from mapgen.cli.options import run_guarded, timezone_option


@click.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True, help="PNG file to write.")
@click.option("--date", default=None, metavar="YYYY-MM-DD", help="Day to show (default: the map's last day).")
@click.option("--width", type=int, default=1200, show_default=True, help="Image width in pixels.")
@click.option("--height", type=int, default=800, show_default=True, help="Image height in pixels.")
@timezone_option
@click.pass_context
@run_guarded
def snapshot(ctx: click.Context, source: str, out: str, date: str | None, width: int, height: int,
             timezone: str | None) -> None:
    """Write a PNG of SOURCE's map at --date (SOURCE: a map project, an events file or a built .html).

    Uses the installed Chromium (/usr/bin/chromium, or the MAPGEN_CHROMIUM environment variable).

    \b
    Example:
      mapgen snapshot examples/aleppo-2016-02 --date 2016-02-04 -o output/aleppo-2016-02-04.png
    """
    from mapgen.snapshot import find_chromium, snapshot_html

    find_chromium()  # fail fast, before building
    path = Path(source)
    if path.suffix.lower() in (".html", ".htm") and path.is_file():
        written = snapshot_html(path, out, date=date, width=width, height=height)
    else:
        from mapgen.build import build_map
        from mapgen.writefile import write_atomic

        doc = build_map(source, timezone=timezone, home=ctx.obj.get("home"))
        with tempfile.TemporaryDirectory(prefix="mapgen-snapshot-") as tmp:
            page = write_atomic(Path(tmp) / "map.html", doc.html.encode("utf-8"))
            written = snapshot_html(page, out, date=date, width=width, height=height)
    click.echo(f"snapshot: {written}  ({width}x{height}{', ' + date if date else ''})")
