"""Options and error handling shared by every command: input errors become one line and exit 1."""
from __future__ import annotations

import errno
import functools
import sqlite3
from typing import Any, Callable, TypeVar

import click

from mapgen.errors import InputErrors, MapgenError, printable

F = TypeVar("F", bound=Callable[..., Any])


def run_guarded(func: F) -> F:
    """Turn the project's own errors into a one-line message on stderr and exit status 1.

    Messages are printed with control characters escaped (input text never drives the terminal);
    a damaged or busy gazetteer database and a full disk also become one line."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputErrors as exc:
            for err in exc.errors:
                click.echo(f"error: {printable(str(err))}", err=True)
            raise SystemExit(1) from None
        except (MapgenError, OSError) as exc:
            click.echo(f"error: {printable(_os_message(exc))}", err=True)
            raise SystemExit(1) from None
        except _gazetteer_error() as exc:  # type: ignore[misc]
            click.echo(f"error: {printable(str(exc))}", err=True)
            raise SystemExit(1) from None
        except sqlite3.Error as exc:  # only the gazetteer keeps a database
            click.echo(f"error: {printable(_database_message(exc))}", err=True)
            raise SystemExit(1) from None

    return wrapper  # type: ignore[return-value]


def _os_message(exc: BaseException) -> str:
    """``OSError``'s text without its ``[Errno N]`` prefix, naming the file."""
    if isinstance(exc, OSError) and not isinstance(exc, MapgenError) and exc.strerror:
        name = exc.filename if exc.filename is not None else ""
        if exc.errno == errno.ENOSPC:
            return f"{name or 'a file'}: no space left on the disk; free some space and run it again"
        return f"{name}: {exc.strerror}" if name else exc.strerror
    return str(exc)


def _database_message(exc: sqlite3.Error) -> str:
    """One line for an SQLite failure, with the way out."""
    from gazetteer.db import DB_FILENAME, database_error, resolve_home

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    home = obj.get("home") if isinstance(obj, dict) else None
    return str(database_error(resolve_home(home) / DB_FILENAME, exc))


def _gazetteer_error() -> type[BaseException]:
    try:
        from gazetteer import GazetteerError
    except ImportError:  # pragma: no cover - gazetteer is part of the same distribution
        return MapgenError
    return GazetteerError


timezone_option = click.option(
    "--timezone", "timezone", default=None,
    help="IANA time zone for dates without an offset (single-file sources; map.yaml sets it for projects).")


def _country_codes(ctx: click.Context, param: click.Parameter,
                   values: tuple[str, ...]) -> tuple[str, ...] | None:
    """``--country SY,TR`` and ``--country SY --country TR`` alike -> ("SY", "TR");
    None when the option is not given (a command may then take its project's countries)."""
    if not values:
        return None
    codes: list[str] = []
    for value in values:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts:
            raise click.BadParameter(f"no country code in {value!r}")
        for part in parts:
            code = part.upper()
            if len(code) != 2 or not code.isalpha():
                raise click.BadParameter(f"not an ISO-3166 alpha-2 code: {part!r}")
            if code not in codes:
                codes.append(code)
    return tuple(codes)


def countries_option(help_text: str) -> Callable[[F], F]:
    """The map's countries, as ``--country`` or ``--countries``, comma-separated or repeated
    (a repeated option adds countries; it never silently replaces the ones before it)."""
    return click.option("--country", "--countries", "countries", multiple=True,
                        callback=_country_codes, metavar="CC[,CC...]", help=help_text)
