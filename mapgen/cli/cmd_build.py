"""``mapgen build``: read a source, resolve places, write the HTML map and its embed snippet."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option


@click.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write (default: output/<source name>.html).")
@timezone_option
@click.option("--title", default=None, help="Map title (default: map.yaml's title or the file name).")
@click.option("--repin", is_flag=True, help="Re-resolve every place name and rewrite places.lock.yaml.")
@click.option("--repair", is_flag=True, help="Repair invalid zone polygons instead of rejecting them.")
@click.option("--embed-url", default=None,
              help="Public address of the map for the embed snippet (may end in a #date=... permalink).")
@click.option("--cdn", is_flag=True, help="Load Leaflet from a CDN (pinned, with integrity hashes) instead of inlining it.")
@click.pass_context
@run_guarded
def build(ctx: click.Context, source: str, out: str | None, timezone: str | None, title: str | None,
          repin: bool, repair: bool, embed_url: str | None, cdn: bool) -> None:
    """Build a self-contained HTML map from SOURCE (a map project folder or one events file).

    \b
    Example:
      mapgen build examples/aleppo-2016-02 -o output/aleppo-2016-02.html
    """
    from mapgen.build import build_map, default_output
    from mapgen.readers import ReadOptions

    doc = build_map(source, timezone=timezone, home=ctx.obj.get("home"), repin=repin, title=title,
                    options=ReadOptions(repair=repair), cdn=cdn)
    for warning in doc.source.warnings:  # e.g. repaired polygons
        click.echo(f"warning: {warning}", err=True)
    written = doc.save(out or default_output(source), embed_url=embed_url)
    summary = f"{doc.incident_count} incidents, {doc.zone_count} zone versions"
    if doc.left_out_for_review:
        summary += f"; left out {doc.left_out_for_review} incidents marked review: true"
    click.echo(f"map: {written[0]}  ({summary})")
    click.echo(f"embed snippet: {written[1]}")
    if len(written) > 2:
        click.echo(f"place pins: {written[2]}")
