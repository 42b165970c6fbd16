"""``mapgen validate``: check a source and report every problem in one pass."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option


@click.command()
@click.argument("source", type=click.Path(exists=False))
@timezone_option
@click.pass_context
@run_guarded
def validate(ctx: click.Context, source: str, timezone: str | None) -> None:
    """Check SOURCE and print every problem as file:line: field: message."""
    raise click.ClickException("not built yet")
