"""The interface of place sources and input formats, and the registry that names them.

Shaped like geopy's geocoders: a small interface here, one module per format or source, a
registry dict (:data:`FORMAT_TO_READER`) and a lookup (:func:`get_reader_for_format`) that
raises a typed error naming the valid choices.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

from gazetteer.errors import GazetteerError, GazetteerInputError
from gazetteer.model import Place

#: Called with a number of bytes read since the last call.
Progress = Callable[[int], None]

#: How many skipped lines a file report quotes.
MAX_PROBLEMS_QUOTED = 5
#: The longest line read from an import file, in characters: a longer one (a file without line
#: ends, or a damaged archive) is an error, never read into memory whole.
MAX_LINE = 2**20


def bounded_lines(handle: Any, path: str | os.PathLike[str]) -> Iterator[str]:
    """The lines of ``handle``, each read at most :data:`MAX_LINE` characters at a time; a
    longer line raises :class:`GazetteerInputError` naming it."""
    number = 0
    while True:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise GazetteerInputError(f"a line longer than {MAX_LINE // 2**20} M characters: not a place "
                                      "table", file=path, line=number)
        yield line


@dataclass(frozen=True)
class PlaceRecord:
    """A place and every name it is known by (main name first), as a source yields it."""

    place: Place
    names: tuple[str, ...]


@dataclass
class FileReport:
    """What importing one file did: places read, lines skipped and why."""

    path: str
    format: str
    places: int = 0
    skipped: int = 0
    #: Records of kinds not kept (GeoNames streams, hills, buildings...): not errors.
    other: int = 0
    problems: list[str] = field(default_factory=list)

    def skip(self, line: int, message: str) -> None:
        """Count a skipped line and keep the first few reasons."""
        self.skipped += 1
        if len(self.problems) < MAX_PROBLEMS_QUOTED:
            self.problems.append(f"{self.path}:{line}: {message}")


class Reader(Protocol):
    """An input format: recognises its files and yields their places."""

    name: str

    def size(self, path: Path) -> int:
        """Bytes :meth:`read` will report through ``progress`` (for a progress bar)."""

    def read(self, path: Path, report: FileReport,
             progress: Progress | None = None) -> Iterator[PlaceRecord]:
        """Yield the file's places; count bad lines in ``report`` or raise
        :class:`GazetteerInputError`."""


def _registry() -> dict[str, Reader]:
    from gazetteer.sources.csvfile import CsvReader
    from gazetteer.sources.geonames import GeoNamesDumpReader
    from gazetteer.sources.ocha import OchaReader

    return {"geonames": GeoNamesDumpReader(), "csv": CsvReader(), "ocha": OchaReader()}


FORMAT_TO_READER: dict[str, Reader] = {}


def get_reader_for_format(name: str) -> Reader:
    """Return the reader registered for format ``name``.

    Raises
    ------
    GazetteerError
        If no reader has that name; the message lists the valid names.
    """
    if not FORMAT_TO_READER:
        FORMAT_TO_READER.update(_registry())
    try:
        return FORMAT_TO_READER[name]
    except KeyError:
        valid = ", ".join(sorted(FORMAT_TO_READER))
        raise GazetteerError(f"unknown input format {name!r}; valid formats: {valid}") from None


def detect_format(path: str | os.PathLike[str]) -> str:
    """Name the format of ``path`` from its extension, or from its first line.

    Raises
    ------
    GazetteerInputError
        If the file is missing or its format cannot be told.
    """
    p = Path(path)
    if not p.is_file():
        raise GazetteerInputError("no such file", file=p)
    from gazetteer.sources.ocha import is_ocha_header

    ext = p.suffix.lower()
    if ext in (".zip", ".txt", ".tsv"):
        return "geonames"
    if ext == ".gz" and p.name.lower().endswith(".csv.gz"):
        return "ocha"
    try:
        with open(p, encoding="utf-8") as fh:
            first = fh.readline()
    except (UnicodeDecodeError, OSError) as exc:
        if ext == ".csv":
            return "csv"  # the CSV reader names the problem
        raise GazetteerInputError(f"cannot read as text ({exc.__class__.__name__})",
                                  file=p, line=1) from None
    if is_ocha_header(first):
        return "ocha"
    if ext == ".csv":
        return "csv"
    if first.count("\t") >= 18:
        return "geonames"
    if first.count(",") >= 2:
        return "csv"
    raise GazetteerInputError(
        "cannot tell the format: expected a GeoNames dump (.txt/.zip, 19 tab-separated "
        "columns), an OCHA community list (name_en,name_ar,alt_names,lat,lon,admin1,admin2,"
        "admin3,pcode) or a CSV (name,lat,lon[,country,type])", file=p, line=1)


def check_coordinates(lat: float, lon: float) -> str | None:
    """Return a problem description when (lat, lon) is not a WGS84 position, else None."""
    if not (-90.0 <= lat <= 90.0) or lat != lat:
        return f"latitude out of range: {lat}"
    if not (-180.0 <= lon <= 180.0) or lon != lon:
        return f"longitude out of range: {lon}"
    return None


def read_coordinates(raw: dict[str, str], path: str, lineno: int) -> dict[str, float]:
    """``{"lat": ..., "lon": ...}`` from a record's text cells, checked; an error names the field."""
    values = {}
    for key in ("lat", "lon"):
        text = raw[key].strip()
        try:
            values[key] = float(text)
        except ValueError:
            raise GazetteerInputError(f"not a number: {text!r}", file=path, line=lineno, field=key) from None
    problem = check_coordinates(values["lat"], values["lon"])
    if problem:
        raise GazetteerInputError(problem, file=path, line=lineno,
                                  field="lat" if "latitude" in problem else "lon")
    return values
