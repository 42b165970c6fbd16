"""``mapgen watch``: rebuild the map whenever a file of the source changes, and say what changed."""
from __future__ import annotations

import time
from pathlib import Path

import click

from mapgen.cli.options import timezone_option

#: Files a build writes into the source itself; changes to them never trigger a rebuild.
WRITTEN_BY_BUILD = ("places.lock.yaml",)
SIDECARS = (".dbf", ".shx", ".prj", ".cpg")  # a Shapefile's other files


def source_files(source: Path) -> dict[str, tuple[int, int]]:
    """Every file a build of ``source`` reads, with its (size, mtime in ns)."""
    from mapgen.readers import READERS

    if source.is_dir():
        paths = [source / "map.yaml", source / "places.yaml"]
        for sub in ("events", "zones"):
            folder = source / sub
            if folder.is_dir():
                paths += [p for p in folder.iterdir()
                          if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in (*READERS, *SIDECARS)]
    else:
        paths = [source, source.with_name(source.stem + ".places.lock.yaml")]
    stamps = {}
    for path in paths:
        if path.name in WRITTEN_BY_BUILD or path.name.endswith(".places.lock.yaml"):
            continue
        try:
            st = path.stat()
        except OSError:
            continue
        stamps[str(path)] = (st.st_size, st.st_mtime_ns)
    return stamps


def _changed(old: dict[str, tuple[int, int]], new: dict[str, tuple[int, int]]) -> list[str]:
    names = sorted(set(old) | set(new))
    return [Path(n).name for n in names if old.get(n) != new.get(n)]


@click.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write (default: output/<source name>.html).")
@timezone_option
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.5, show_default=True,
              help="Seconds between checks of the source's files.")
@click.option("--once", is_flag=True, help="Build once and exit (status 1 if the build failed).")
@click.option("--max-builds", type=click.IntRange(min=1), default=None,
              help="Exit after this many builds (successful or not).")
@click.pass_context
def watch(ctx: click.Context, source: str, out: str | None, timezone: str | None, interval: float,
          once: bool, max_builds: int | None) -> None:
    """Build SOURCE, then rebuild it every time one of its files changes.

    Each build prints what changed since the previous one. Bad input never stops the watch: the
    problem is printed on one line and the next change is awaited. Stop with Ctrl-C.

    \b
    Example:
      mapgen watch examples/aleppo-2016-02 -o output/aleppo-2016-02.html
    """
    from mapgen.build import default_output
    from mapgen.rebuild import build_and_record

    target = Path(out) if out else default_output(source)
    home = ctx.obj.get("home")
    path = Path(source)
    builds = 0
    failed = False
    limit = 1 if once else max_builds
    try:
        stamps = source_files(path)
        while True:
            ok = _build(build_and_record, source, target, timezone, home)
            failed = not ok
            builds += 1
            if limit is not None and builds >= limit:
                break
            click.echo(f"watching {source} for changes (Ctrl-C to stop)")
            while True:
                time.sleep(interval)
                current = source_files(path)
                changed = _changed(stamps, current)
                if changed:
                    # let an editor finish writing (several files, or one written in parts)
                    time.sleep(min(interval, 0.2))
                    stamps = source_files(path)
                    click.echo(f"changed: {', '.join(changed)}")
                    break
    except KeyboardInterrupt:
        click.echo("stopped")
        return
    if once and failed:
        raise SystemExit(1)


def _build(build_and_record, source: str, target: Path, timezone: str | None, home: str | None) -> bool:
    """One build; any problem of the input is printed, never raised."""
    import sqlite3

    from mapgen.errors import InputErrors, MapgenError, printable

    try:
        from gazetteer import GazetteerError
    except ImportError:  # pragma: no cover - same distribution
        GazetteerError = MapgenError  # type: ignore[misc,assignment]  # noqa: N806
    try:
        outcome = build_and_record(source, target, timezone=timezone, home=home)
    except InputErrors as exc:
        for err in exc.errors:
            click.echo(f"error: {printable(str(err))}", err=True)
        click.echo(f"build failed ({len(exc.errors)} problem{'s' if len(exc.errors) != 1 else ''}); "
                   "the map was not changed", err=True)
        return False
    except (MapgenError, GazetteerError, OSError, ValueError, sqlite3.Error) as exc:
        click.echo(f"error: {printable(str(exc))}", err=True)
        click.echo("build failed; the map was not changed", err=True)
        return False
    doc = outcome.doc
    for warning in [*doc.source.warnings, *outcome.warnings]:
        click.echo(f"warning: {printable(str(warning))}", err=True)
    review = f"; left out {doc.left_out_for_review} marked review: true" if doc.left_out_for_review else ""
    click.echo(f"map: {outcome.written[0]}  ({doc.incident_count} incidents, {doc.zone_count} zone versions"
               f"{review}; {outcome.seconds:.2f} s)")
    for line in outcome.changes.lines():
        click.echo(line)
    return True
