"""``mapgen export``: write a source's incidents (and zones) as GeoJSON or CSV."""
from __future__ import annotations

from pathlib import Path

import click

from mapgen.cli.options import run_guarded, timezone_option


@click.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True,
              help="File to write: .geojson (incidents and zones) or .csv (incidents; formula-safe).")
@timezone_option
@click.option("--resolve", "resolve", is_flag=True,
              help="Give incidents named only by place their coordinates (places.yaml, pins, "
                   "gazetteer) and add the zones derived from zones/control.csv.")
@click.option("--repair", is_flag=True, help="Repair invalid zone polygons instead of rejecting them.")
@click.pass_context
@run_guarded
def export(ctx: click.Context, source: str, out: str, timezone: str | None, resolve: bool,
           repair: bool) -> None:
    """Export the incidents and zones of SOURCE to GeoJSON or CSV; importing the file again gives
    the same incidents. CSV cells that a spreadsheet would run as formulas start with '.

    \b
    Example:
      mapgen export examples/aleppo-2016-02 -o output/aleppo-incidents.csv
    """
    from mapgen.errors import MapgenError
    from mapgen.readers import ReadOptions
    from mapgen.source import load_source
    from mapgen.writefile import write_atomic
    from mapgen.writers import FORMATS, features_geojson, incidents_csv

    target = Path(out)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise MapgenError(f"{out}: unknown export format {target.suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(FORMATS))}")
    from mapgen.build import check_outputs

    check_outputs(source, [target])  # never over what it reads
    loaded = load_source(source, timezone=timezone, options=ReadOptions(repair=repair))
    for warning in loaded.warnings:
        click.echo(f"warning: {warning}", err=True)
    incidents, zones = loaded.incidents, list(loaded.zones)
    if resolve:
        from mapgen.control_zones import all_zones
        from mapgen.resolve import resolve_places

        resolved = resolve_places(loaded, home=ctx.obj.get("home"))
        incidents = resolved.incidents
        zones = all_zones(loaded.config, zones, resolved.control)
    tz = loaded.config.zone
    if kind == "csv":
        text = incidents_csv(incidents, tz)
        skipped = len(zones) + (0 if resolve else len(loaded.control))
        if skipped:
            click.echo(f"note: CSV holds incidents only; {skipped} zone rows left out "
                       "(export to .geojson to keep them)", err=True)
        zones = []
    else:
        text = features_geojson(incidents, zones, tz)
    write_atomic(target, text.encode("utf-8"))
    click.echo(f"wrote {target} ({len(incidents)} incidents, {len(zones)} zone versions)")
