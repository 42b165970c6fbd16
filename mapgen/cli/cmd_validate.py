"""``mapgen validate``: check a source and report every problem in one pass."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option
from mapgen.errors import InputErrors

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
    from mapgen.problems import summarise
    from mapgen.project import check

    report = check(source, timezone=timezone, home=ctx.obj.get("home"), repair=repair, skip_invalid=skip_invalid)
    warnings = report.warnings
    shown = [str(w) for w in warnings] if all_warnings else summarise(warnings)[:WARNINGS_SHOWN]
    for line in shown:
        click.echo(f"warning: {line}", err=True)
    for line in summarise(report.skipped):
        click.echo(f"left out: {line}", err=True)
    if report.problems:
        raise InputErrors(report.problems)
    click.echo(report.summary())


__all__ = ["validate"]
