"""Options and error handling shared by every command: input errors become one line and exit 1."""
from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import click

from mapgen.errors import InputErrors, MapgenError

F = TypeVar("F", bound=Callable[..., Any])


def run_guarded(func: F) -> F:
    """Turn the project's own errors into a one-line message on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputErrors as exc:
            for err in exc.errors:
                click.echo(f"error: {err}", err=True)
            raise SystemExit(1) from None
        except (MapgenError, OSError) as exc:
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(1) from None
        except _gazetteer_error() as exc:  # type: ignore[misc]
            click.echo(f"error: {exc}", err=True)
            raise SystemExit(1) from None

    return wrapper  # type: ignore[return-value]


def _gazetteer_error() -> type[BaseException]:
    try:
        from gazetteer import GazetteerError
    except ImportError:  # pragma: no cover - gazetteer is part of the same distribution
        return MapgenError
    return GazetteerError


timezone_option = click.option(
    "--timezone", "timezone", default=None,
    help="IANA time zone for dates without an offset (single-file sources; map.yaml sets it for projects).")
