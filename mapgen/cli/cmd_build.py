"""``mapgen build``: read a source, resolve places, write the HTML map and its embed snippet."""
from __future__ import annotations

import click

from mapgen.cli.options import run_guarded, timezone_option


@click.command()
@click.argument("source", type=click.Path(exists=False))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write (default: output/<source name>.html).")
@timezone_option
@click.pass_context
@run_guarded
def build(ctx: click.Context, source: str, out: str | None, timezone: str | None) -> None:
    """Build a self-contained HTML map from SOURCE (a map project folder or one events file)."""
    raise click.ClickException("not built yet")
