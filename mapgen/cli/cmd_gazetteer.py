"""``mapgen gazetteer``: fill the local gazetteer database (import files, download dumps)."""
from __future__ import annotations

import contextlib
from typing import Callable, Iterator

import click

from mapgen.cli.options import run_guarded


@contextlib.contextmanager
def _progress(quiet: bool, length: int, label: str) -> Iterator[Callable[[int], None] | None]:
    """A click progress bar on a terminal; nothing when piped or ``-q``."""
    if quiet or length <= 0:
        yield None
        return
    with click.progressbar(length=length, label=label, file=click.get_text_stream("stderr"),
                           show_pos=False, show_percent=True) as bar:
        yield bar.update


@click.group("gazetteer")
def gazetteer() -> None:
    """Manage the local gazetteer database (under --home / MAPGEN_HOME).

    \b
    Examples:
      mapgen gazetteer import SY.txt TR.zip my_places.csv
      mapgen gazetteer download SY TR
    """


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.pass_context
@run_guarded
def import_(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Import GeoNames dumps (.txt/.zip) and CSV tables (name,lat,lon[,country,type]).

    All FILES are imported in one transaction: a bad file leaves the database unchanged.

    \b
    Example:
      mapgen gazetteer import ../shared/data/geonames-format/SY.txt TR.zip
    """
    from gazetteer import open_gazetteer

    obj = ctx.obj or {}
    with open_gazetteer(obj.get("home")) as gz:
        total = gz.import_size(files)
        with _progress(obj.get("quiet", True), total, "importing") as progress:
            report = gz.import_files(files, progress=progress)
    for line in report.lines():
        click.echo(line)


@gazetteer.command("download")
@click.argument("countries", nargs=-1, required=True)
@click.option("--url", default=None, metavar="URL",
              help="Folder holding CC.zip dumps (default: env MAPGEN_GEONAMES_URL, else "
                   "GeoNames' export folder).")
@click.pass_context
@run_guarded
def download(ctx: click.Context, countries: tuple[str, ...], url: str | None) -> None:
    """Download GeoNames country dumps (e.g. SY TR) and import them.

    \b
    Example:
      mapgen gazetteer download SY TR LB
    """
    from gazetteer import open_gazetteer
    from gazetteer.db import resolve_home
    from gazetteer.sources.download import download_dumps

    obj = ctx.obj or {}
    home = resolve_home(obj.get("home"))
    quiet = obj.get("quiet", True)
    with _progress(quiet, 0, "downloading") as progress:
        paths = download_dumps(countries, home / "downloads", url=url, progress=progress)
    for p in paths:
        click.echo(f"downloaded {p}")
    with open_gazetteer(home) as gz:
        with _progress(quiet, gz.import_size(paths), "importing") as progress:
            report = gz.import_files(paths, progress=progress)
    for line in report.lines():
        click.echo(line)
