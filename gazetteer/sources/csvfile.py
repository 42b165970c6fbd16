"""Reader for CSV place tables: ``name,lat,lon[,country,type]`` with an optional header."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from gazetteer.errors import GazetteerInputError
from gazetteer.model import Place
from gazetteer.sources.base import FileReport, PlaceRecord, Progress, bounded_lines, read_coordinates

#: Header spellings accepted for each column.
HEADER_ALIASES = {
    "name": ("name", "place", "placename"),
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitude", "x"),
    "country": ("country", "country_code", "cc", "iso"),
    "type": ("type", "feature_code", "fcode", "kind"),
    "alternatenames": ("alternatenames", "alternate_names", "aliases", "alt_names"),
}
DEFAULT_ORDER = ("name", "lat", "lon", "country", "type")


class CsvReader:
    """CSV reader. A bad row is an input error naming file, line and field (the file is a
    person's own table, so it is fixed rather than half-imported)."""

    name = "csv"

    def size(self, path: Path) -> int:
        return path.stat().st_size

    def read(self, path: Path, report: FileReport,
             progress: Progress | None = None) -> Iterator[PlaceRecord]:
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.reader(bounded_lines(fh, path))
                rows = list(reader)
        except UnicodeDecodeError:
            raise GazetteerInputError("not UTF-8 text", file=path) from None
        except csv.Error as exc:
            problem = (f"a cell longer than {csv.field_size_limit():,} characters" if "field limit" in str(exc)
                       else str(exc))
            raise GazetteerInputError(f"malformed CSV ({problem})", file=path, line=reader.line_num) from None
        if progress is not None:
            progress(path.stat().st_size)
        rows_numbered = [(i, r) for i, r in enumerate(rows, 1)
                         if r and any(c.strip() for c in r) and not r[0].lstrip().startswith("#")]
        if not rows_numbered:
            raise GazetteerInputError("no places in file", file=path)
        columns, start = _columns(rows_numbered[0][1])
        if start and len(rows_numbered) == 1:
            raise GazetteerInputError("no places in file (only a header)", file=path)
        for lineno, row in rows_numbered[start:]:
            rec = _record(row, columns, path, lineno)
            report.places += 1
            yield rec


def _columns(first: list[str]) -> tuple[dict[str, int], int]:
    """Map column names to indexes; the second value is 1 when ``first`` is a header."""
    lowered = [c.strip().lower() for c in first]
    try:
        float(lowered[1] if len(lowered) > 1 else "")
        return {k: i for i, k in enumerate(DEFAULT_ORDER)}, 0
    except ValueError:
        pass
    columns: dict[str, int] = {}
    for key, aliases in HEADER_ALIASES.items():
        for i, col in enumerate(lowered):
            if col in aliases:
                columns[key] = i
                break
    if not {"name", "lat", "lon"} <= columns.keys():
        columns = {k: i for i, k in enumerate(DEFAULT_ORDER)}
    return columns, 1


def _record(row: list[str], columns: dict[str, int], path: Path, lineno: int) -> PlaceRecord:
    def get(key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    if len(row) < 3:
        raise GazetteerInputError(f"wrong column count {len(row)}, expected at least 3 "
                                  "(name,lat,lon)", file=path, line=lineno)
    name = get("name")
    if not name:
        raise GazetteerInputError("empty name", file=path, line=lineno, field="name")
    values = read_coordinates({"lat": get("lat"), "lon": get("lon")}, path, lineno)
    country = get("country").upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise GazetteerInputError(f"not an ISO-3166 alpha-2 code: {country!r}", file=path,
                                  line=lineno, field="country")
    names = [name] + [a.strip() for a in get("alternatenames").split(";") if a.strip()]
    place = Place(name=name, lat=values["lat"], lon=values["lon"], country=country,
                  feature_code=get("type") or "PPL", source="csv")
    return PlaceRecord(place, tuple(dict.fromkeys(names)))
