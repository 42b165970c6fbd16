"""Input formats: a registry from file kind to reader, in the shape of geopy's geocoder lookup.

Each reader turns one file into validated :class:`~mapgen.model.Incident` and
:class:`~mapgen.model.ControlZone` records. Problems are collected per record into ``errors`` so
that ``mapgen validate`` can report every one in a single pass.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.csvfile import read_csv
from mapgen.readers.geojson import read_geojson
from mapgen.readers.vector import read_vector
from mapgen.readers.yaml_events import read_yaml_events

Reader = Callable[[Path, ZoneInfo, list[InputError], ReadOptions], Records]

READERS: dict[str, Reader] = {
    ".yaml": read_yaml_events,
    ".yml": read_yaml_events,
    ".csv": read_csv,  # plain events, ACLED export or town control, told apart by the header
    ".geojson": read_geojson,
    ".json": read_geojson,
    ".gpkg": read_vector,  # GeoPackage, Shapefile, FlatGeobuf: through pyogrio, imported on use
    ".shp": read_vector,
    ".fgb": read_vector,
}


def reader_for(path: Path) -> Reader:
    """The reader for ``path`` by its suffix; an input error names the formats that exist."""
    try:
        return READERS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise InputError(f"unknown file kind {path.suffix or '(none)'!r}; known: {known}",
                         file=str(path)) from None


def read_file(path: Path, tz: ZoneInfo, errors: list[InputError],
              options: ReadOptions | None = None) -> Records:
    """Read one events or zones file with the reader its suffix names (a regular file: a
    device or pipe, which could be read forever, is an input error)."""
    reader = reader_for(path)
    check_regular(path)
    return reader(path, tz, errors, options or ReadOptions())


def check_regular(path: Path) -> None:
    """Raise an input error unless ``path`` (after links) is a regular file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", file=str(path)) from None
    if not stat.S_ISREG(mode):
        raise InputError("not a regular file (a folder, device or pipe)", file=str(path))


__all__ = ["READERS", "ReadOptions", "Reader", "Records", "check_regular", "read_file", "reader_for"]
