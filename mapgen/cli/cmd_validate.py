"""``mapgen validate``: check a source and report every problem in one pass."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option
from mapgen.errors import InputError, InputErrors


@click.command()
@click.argument("source", type=click.Path())
@timezone_option
@click.pass_context
@run_guarded
def validate(ctx: click.Context, source: str, timezone: str | None) -> None:
    """Check SOURCE and print every problem as file:line: field: message (exit 1 if any).

    \b
    Example:
      mapgen validate examples/aleppo-2016-02
    """
    from mapgen.resolve import resolve_places
    from mapgen.source import load_source

    loaded = load_source(source, timezone=timezone)
    resolve_places(loaded, home=ctx.obj.get("home"))
    warnings = _warnings(loaded)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"ok: {len(loaded.incidents)} incidents, {len(loaded.zones)} zone versions"
               + (f", {len(warnings)} warnings" if warnings else ""))


def _warnings(loaded) -> list[InputError]:  # type: ignore[no-untyped-def]
    found = []
    for item in [*loaded.incidents, *loaded.zones]:
        if not item.sources:
            found.append(item.origin.error("sources", "no source given"))
        for number, src in enumerate(item.sources, start=1):
            if not src.url:
                found.append(item.origin.error(f"sources[{number}]", f"{src.outlet!r} has no URL"))
    return found


__all__ = ["validate", "InputErrors"]
