"""``mapgen init``: start a map project with commented settings and samples, and build it."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded


@click.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--title", default=None, help="Map title (default: from the folder's name).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="HTML file to build (default: output/<folder name>.html).")
@click.option("--no-build", is_flag=True, help="Only write the files.")
@click.pass_context
@run_guarded
def init(ctx: click.Context, folder: str, title: str | None, out: str | None, no_build: bool) -> None:
    """Start a map project in FOLDER (new or empty) and build its map at once.

    Writes map.yaml (every setting, explained in comments), events/incidents.yaml,
    zones/control.csv and places.yaml with a small real sample to replace.

    \b
    Example:
      mapgen init my-map && mapgen build my-map
    """
    from mapgen.starter import init_project

    for path in init_project(folder, title=title):
        click.echo(f"wrote {path}")
    if no_build:
        return
    from mapgen.build import default_output
    from mapgen.rebuild import build_and_record

    outcome = build_and_record(folder, out or default_output(folder), home=ctx.obj.get("home"))
    doc = outcome.doc
    click.echo(f"map: {outcome.written[0]}  ({doc.incident_count} incidents, {doc.zone_count} zone versions)")
    click.echo(f"next: edit {folder}/events and {folder}/zones, then `mapgen build {folder}`")
