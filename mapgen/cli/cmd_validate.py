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
@click.option("--all-warnings", is_flag=True, help="List every warning (default: repeated ones summarised "
                                                   "in one line with a count).")
@click.option("--skip-invalid", is_flag=True, help="Check as `build --skip-invalid` would: invalid records are "
                                                   "reported as left out, and only other problems fail.")
@click.pass_context
@run_guarded
def validate(ctx: click.Context, source: str, timezone: str | None, repair: bool, all_warnings: bool,
             skip_invalid: bool) -> None:
    """Check SOURCE and print every problem as file:line: field: message (exit 1 if any).

    Records, places (and town control) are all checked in one pass; warnings, such as a source
    without a URL, are printed but do not fail.

    \b
    Example:
      mapgen validate examples/aleppo-2016-02
    """
    from mapgen.control_zones import all_zones
    from mapgen.problems import reasons, summarise
    from mapgen.readers import ReadOptions
    from mapgen.resolve import resolve_places
    from mapgen.source import load_source

    problems: list[InputError] = []
    loaded = load_source(source, timezone=timezone, options=ReadOptions(repair=repair), problems=problems)
    zone_count = len(loaded.zones)
    try:
        resolved = resolve_places(loaded, home=ctx.obj.get("home"))
        zone_count = len(all_zones(loaded.config, loaded.zones, resolved.control))
    except InputErrors as exc:
        problems.extend(exc.errors)
    warnings = [*loaded.warnings, *_warnings(loaded)]
    if all_warnings:
        shown = [str(w) for w in warnings]
    else:
        shown = summarise(warnings)[:WARNINGS_SHOWN]
    for line in shown:
        click.echo(f"warning: {line}", err=True)
    problems.sort(key=lambda e: (str(e.file or ""), e.record if isinstance(e.record, int) else 0))
    skipped: list[InputError] = []
    if (skip_invalid or loaded.config.on_error == "skip") and problems and all(p.row for p in problems):
        skipped, problems = problems, []
        for line in summarise(skipped):
            click.echo(f"left out: {line}", err=True)
    if problems:
        raise InputErrors(problems)
    bad = {(str(p.file), p.record) for p in skipped}
    kept = sum((str(i.origin.file), i.origin.record) not in bad for i in loaded.incidents)
    click.echo(f"ok: {kept} incidents, {zone_count} zone versions"
               + (f"; {len(skipped)} invalid record{'s' if len(skipped) > 1 else ''} would be left out "
                  f"({reasons(skipped)})" if skipped else "")
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
