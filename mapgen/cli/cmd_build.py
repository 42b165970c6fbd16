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
@click.option("--no-cache", is_flag=True, help="Read every file again (the build cache is under MAPGEN_HOME).")
@click.option("--skip-invalid", is_flag=True,
              help="Leave invalid records out (listed in OUT.skipped.csv) instead of stopping; "
                   "map.yaml's on_error: skip does the same.")
@click.pass_context
@run_guarded
def build(ctx: click.Context, source: str, out: str | None, timezone: str | None, title: str | None,
          repin: bool, repair: bool, embed_url: str | None, cdn: bool, no_cache: bool,
          skip_invalid: bool) -> None:
    """Build a self-contained HTML map from SOURCE (a map project folder or one events file).

    \b
    Example:
      mapgen build examples/aleppo-2016-02 -o output/aleppo-2016-02.html

    Beside the map, OUT.build.json records every incident and zone version built; each build
    prints what was added, changed or removed since the previous one.
    """
    from mapgen.build import default_output, paused_gc
    from mapgen.readers import ReadOptions
    from mapgen.rebuild import build_and_record
    from mapgen.render.preload import one_shot_build

    from mapgen.cli import quickexit

    one_shot_build()  # folium is imported only if the page must be rendered, and then lean
    # also while saving: a collection over the built map would only cost time; and not turned
    # back on when the process ends after the build
    with paused_gc(resume=not quickexit.enabled()):
        outcome = build_and_record(source, out or default_output(source), timezone=timezone,
                                   home=ctx.obj.get("home"), repin=repin, title=title,
                                   options=ReadOptions(repair=repair), embed_url=embed_url,
                                   use_cache=not no_cache, cdn=cdn, skip_invalid=skip_invalid)
    doc, written = outcome.doc, outcome.written
    from mapgen.errors import printable
    from mapgen.problems import reasons, summarise

    for line in summarise([*doc.source.warnings, *doc.place_warnings]):  # repaired polygons, stray
        # places; repeats in one line
        click.echo(f"warning: {printable(line)}", err=True)
    for warning in outcome.warnings:  # e.g. a damaged cache entry, ignored and rebuilt
        click.echo(f"warning: {printable(str(warning))}", err=True)
    summary = f"{doc.incident_count} incidents, {doc.zone_count} zone versions"
    if doc.left_out_for_review:
        summary += f"; left out {doc.left_out_for_review} incidents marked review: true"
    click.echo(f"map: {written[0]}  ({summary})")
    click.echo(f"embed snippet: {written[1]}")
    for path in written[2:]:
        if path.name.endswith(".skipped.csv"):
            click.echo(f"left out {len(doc.skipped)} invalid record{'s' if len(doc.skipped) > 1 else ''} "
                       f"({reasons(doc.skipped)}): {path}", err=True)
        else:
            click.echo(f"place pins: {path}")
    for line in outcome.changes.lines():
        click.echo(line)
    quickexit.finish(0)  # in the console command: the files are written; skip freeing the map
