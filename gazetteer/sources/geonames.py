"""Reader for GeoNames country dumps (``SY.txt``, ``TR.zip``): 19 tab-separated columns."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO, Iterator

from gazetteer.errors import GazetteerInputError
from gazetteer.model import Place
from gazetteer.normalize import is_arabic, is_latin
from gazetteer.sources.base import FileReport, PlaceRecord, Progress, bounded_lines, check_coordinates

#: Columns of the GeoNames ``geoname`` table, in dump order.
COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
           "feature_class", "feature_code", "country_code", "cc2", "admin1", "admin2",
           "admin3", "admin4", "population", "elevation", "dem", "timezone", "modification_date")
#: Feature classes kept: populated places, admin areas, spots (crossings, bases), areas.
KEPT_CLASSES = frozenset("PASL")
#: Share of bad lines above which a file is rejected rather than partly imported.
MAX_BAD_SHARE = 0.5


def usable_name(name: str) -> bool:
    """True for names worth indexing: Latin-script or Arabic-script, not codes like 'ALP'.

    GeoNames lists a city's airport codes among its alternate names ("DAM" for Damascus,
    "ALP" for Aleppo, "BAT" for Batifa): read as names, a report's "near the Dam" would be
    Damascus. A name of two to four capital letters and nothing else is such a code.

    >>> usable_name("Şam"), usable_name("DAM"), usable_name("Van")
    (True, False, True)
    """
    if not name or len(name) > 200:
        return False
    if len(name) <= _CODE_MAX_LETTERS and name.isascii() and name.isalpha() and name.isupper():
        return False
    return is_arabic(name) or is_latin(name)


#: Letters of the longest code read as one (airport codes have three, ICAO's four).
_CODE_MAX_LETTERS = 4


class GeoNamesDumpReader:
    """GeoNames dump reader (``.txt``, or a ``.zip`` holding one)."""

    name = "geonames"

    def size(self, path: Path) -> int:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as zf:
                return _member(zf, path).file_size
        return path.stat().st_size

    def read(self, path: Path, report: FileReport,
             progress: Progress | None = None) -> Iterator[PlaceRecord]:
        if path.suffix.lower() == ".zip":
            try:
                zf = zipfile.ZipFile(path)
            except zipfile.BadZipFile:
                raise GazetteerInputError("not a zip archive", file=path) from None
            with zf, zf.open(_member(zf, path)) as raw:
                yield from self._lines(io.TextIOWrapper(raw, encoding="utf-8"), path, report,
                                       progress)
        else:
            with open(path, encoding="utf-8") as fh:
                yield from self._lines(fh, path, report, progress)

    def _lines(self, fh: IO[str], path: Path, report: FileReport,
               progress: Progress | None) -> Iterator[PlaceRecord]:
        lineno = 0
        pending = 0
        try:
            for lineno, line in enumerate(bounded_lines(fh, path), 1):
                pending += len(line.encode("utf-8"))
                if progress is not None and pending >= 65536:
                    progress(pending)
                    pending = 0
                if not line.strip() or line.startswith("#"):
                    continue
                rec = self._parse(line.rstrip("\r\n"), lineno, report)
                if rec is not None:
                    report.places += 1
                    yield rec
        except UnicodeDecodeError:
            raise GazetteerInputError("not UTF-8 text", file=path, line=lineno + 1) from None
        if progress is not None and pending:
            progress(pending)
        total = report.places + report.skipped
        if report.skipped and report.skipped > MAX_BAD_SHARE * total:
            first = report.problems[0].split(": ", 1)[1] if report.problems else ""
            raise GazetteerInputError(
                f"not a GeoNames dump: {report.skipped} of {total} lines unreadable "
                f"(first: {first})", file=path)

    def _parse(self, line: str, lineno: int, report: FileReport) -> PlaceRecord | None:
        cols = line.split("\t")
        if len(cols) != len(COLUMNS):
            report.skip(lineno, f"wrong column count {len(cols)}, expected {len(COLUMNS)}")
            return None
        try:
            gid = int(cols[0])
        except ValueError:
            report.skip(lineno, f"geonameid: not an integer: {cols[0][:30]!r}")
            return None
        name = cols[1].strip()
        if not name:
            report.skip(lineno, "name: empty")
            return None
        try:
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            report.skip(lineno, f"latitude/longitude: not a number: {cols[4][:20]!r}, "
                                f"{cols[5][:20]!r}")
            return None
        problem = check_coordinates(lat, lon)
        if problem:
            report.skip(lineno, problem)
            return None
        fclass = cols[6].strip()
        if fclass and fclass not in KEPT_CLASSES:  # hydro, terrain...: left out, not errors
            report.other += 1
            return None
        try:
            population = int(cols[14]) if cols[14].strip() else 0
        except ValueError:
            population = 0
        names = [name]
        for alt in (cols[2], *cols[3].split(",")):
            alt = alt.strip()
            if alt and alt not in names and usable_name(alt):
                names.append(alt)
        place = Place(name=name, lat=lat, lon=lon, country=cols[8].strip().upper(),
                      feature_code=cols[7].strip(), geonameid=gid, population=max(population, 0),
                      source="geonames")
        return PlaceRecord(place, tuple(names))


def _member(zf: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    members = [m for m in zf.infolist()
               if m.filename.lower().endswith(".txt") and "readme" not in m.filename.lower()]
    if not members:
        raise GazetteerInputError("zip archive holds no GeoNames .txt dump", file=path)
    return members[0]
