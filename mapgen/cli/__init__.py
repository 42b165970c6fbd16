"""The ``mapgen`` command line: one click group, one module per command, registered here."""
from __future__ import annotations

import logging
import sys

import click

from mapgen.cli.options import run_guarded


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(file_okay=False), envvar="MAPGEN_HOME",
              help="Folder for the gazetteer database and caches (env MAPGEN_HOME).")
@click.option("-v", "--verbose", count=True, help="More log output (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress output.")
@click.version_option(package_name="mapgen")
@click.pass_context
def main(ctx: click.Context, home: str | None, verbose: int, quiet: bool) -> None:
    """Build interactive time-slider conflict maps from reports, events and control zones.

    \b
    Example:
      mapgen build examples/aleppo-2016-02 -o output/aleppo-2016-02.html
    """
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else
                                        logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj["home"] = home
    ctx.obj["quiet"] = quiet or not sys.stderr.isatty()


def _register() -> None:
    from mapgen.cli import cmd_build, cmd_export, cmd_gazetteer, cmd_resolve, cmd_validate
    from mapgen.cli import cmd_ingest, cmd_init, cmd_watch

    main.add_command(cmd_init.init)
    main.add_command(cmd_build.build)
    main.add_command(cmd_validate.validate)
    main.add_command(cmd_export.export)
    main.add_command(cmd_ingest.ingest)
    main.add_command(cmd_watch.watch)
    main.add_command(cmd_resolve.resolve)
    main.add_command(cmd_gazetteer.gazetteer)
    main.add_command(__import__("mapgen.cli.cmd_snapshot", fromlist=["snapshot"]).snapshot)


_register()


def run() -> None:
    """The ``mapgen`` console command: :func:`main`, whose ``build`` then ends the process
    without tearing down the built map (see :mod:`mapgen.cli.quickexit`)."""
    from mapgen.cli import quickexit

    quickexit.enable()
    main()


__all__ = ["main", "run", "run_guarded"]
