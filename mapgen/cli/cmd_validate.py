"""``mapgen validate``: check a source and report every problem in one pass."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option
from mapgen.errors import InputError, InputErrors

WARNINGS_SHOWN = 50


@click.command()
@click.argument("source", type=click.Path())
@timezone_option
@click.option("--repair", is_flag=True, help="Check as `build --repair` would: repair invalid "
                                              "zone polygons and report each repair as a warning.")
@click.option("--all-warnings", is_flag=True, help=f"List every warning (default: the first {WARNINGS_SHOWN}).")
@click.pass_context
@run_guarded
def validate(ctx: click.Context, source: str, timezone: str | None, repair: bool, all_warnings: bool) -> None:
    """Check SOURCE and print every problem as file:line: field: message (exit 1 if any).

    Records, places (and town control) are all checked in one pass; warnings, such as a source
    without a URL, are printed but do not fail.

    \b
    Example:
      mapgen validate examples/aleppo-2016-02
    """
    from mapgen.control_zones import all_zones
    from mapgen.readers import ReadOptions
    from mapgen.resolve import resolve_places
    from mapgen.source import load_source

    problems: list[InputError] = []
    loaded = load_source(source, timezone=timezone, options=ReadOptions(repair=repair), problems=problems)
    zone_count = len(loaded.zones)
    strays: list[InputError] = []
    try:
        resolved = resolve_places(loaded, home=ctx.obj.get("home"))
        strays = resolved.strays
        zone_count = len(all_zones(loaded.config, loaded.zones, resolved.control))
    except InputErrors as exc:
        problems.extend(exc.errors)
    warnings = [*loaded.warnings, *strays, *_warnings(loaded)]
    shown = warnings if all_warnings else warnings[:WARNINGS_SHOWN]
    for warning in shown:
        click.echo(f"warning: {warning}", err=True)
    if len(shown) < len(warnings):
        click.echo(f"warning: ... and {len(warnings) - len(shown)} more (--all-warnings lists them)", err=True)
    if problems:
        problems.sort(key=lambda e: (str(e.file or ""), e.record if isinstance(e.record, int) else 0))
        raise InputErrors(problems)
    click.echo(f"ok: {len(loaded.incidents)} incidents, {zone_count} zone versions"
               + (f", {len(loaded.control)} town control rows" if loaded.control else "")
               + (f", {len(warnings)} warning{'s' if len(warnings) > 1 else ''}" if warnings else ""))


def _warnings(loaded) -> list[InputError]:  # type: ignore[no-untyped-def]
    found = []
    for item in [*loaded.incidents, *loaded.zones, *loaded.control]:
        if not item.sources:
            found.append(item.origin.error("sources", "no source given"))
        for number, src in enumerate(item.sources, start=1):
            if not src.url:
                found.append(item.origin.error(f"sources[{number}]", f"{src.outlet!r} has no URL"))
    return found


__all__ = ["validate", "InputErrors"]
