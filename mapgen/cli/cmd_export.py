"""``mapgen export``: write a source's incidents (and zones) as GeoJSON, CSV or GeoPackage."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option


@click.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True,
              help="File to write: .geojson (incidents and zones), .csv (incidents; formula-safe) or .gpkg "
                   "(layers incidents and zones).")
@timezone_option
@click.option("--resolve", "resolve", is_flag=True,
              help="Give incidents named only by place their coordinates (places.yaml, pins, "
                   "gazetteer) and add the zones derived from zones/control.csv.")
@click.option("--repair", is_flag=True, help="Repair invalid zone polygons instead of rejecting them.")
@click.pass_context
@run_guarded
def export(ctx: click.Context, source: str, out: str, timezone: str | None, resolve: bool,
           repair: bool) -> None:
    """Export the incidents and zones of SOURCE to GeoJSON, CSV or GeoPackage; importing the file
    again gives the same incidents. CSV cells that a spreadsheet would run as formulas start with '.

    \b
    Example:
      mapgen export examples/aleppo-2016-02 -o output/aleppo-incidents.csv
      mapgen export examples/aleppo-2016-02 --resolve -o output/aleppo.gpkg
    """
    from mapgen.project import export as export_source

    report = export_source(source, out, timezone=timezone, home=ctx.obj.get("home"), resolve=resolve,
                           repair=repair)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(report.summary())
