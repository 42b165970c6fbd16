"""Reader for OCHA community lists: ``name_en,name_ar,alt_names,lat,lon,admin1,admin2,admin3,pcode``.

The layout of UN OCHA's Common Operational Dataset of Syrian communities (admin-4 populated
places, P-codes ``C1001``...), published on HDX under CC BY 3.0 IGO (credit "UN OCHA, via
HDX"). Every community has an English and an Arabic name; the Arabic name is indexed for the
Arabic-script matching. ``alt_names`` holds OCHA's disambiguated forms (``Haritan (Afrin)``,
``حريتان - عفرين``): their qualifier is dropped, and what remains is kept when it differs. An
extra ``kind`` column may be present. The file may be gzip-compressed (``.csv.gz``).
"""
from __future__ import annotations

import csv
import gzip
import io
import re
from pathlib import Path
from typing import IO, Iterator

from gazetteer.errors import GazetteerInputError
from gazetteer.model import Place
from gazetteer.sources.base import FileReport, PlaceRecord, Progress, read_coordinates

#: Columns that make a CSV an OCHA community list (others, such as ``kind``, may follow).
REQUIRED = ("name_en", "name_ar", "lat", "lon", "pcode")
#: Source name of the places read, and the credit their licence asks for.
SOURCE = "ocha"
CREDIT = "UN OCHA, via HDX (CC BY 3.0 IGO)"
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")
_AR_QUALIFIER = re.compile(r"\s+-\s+.*$")


def is_ocha_header(first_line: str) -> bool:
    """True when a CSV's first line names the OCHA community columns."""
    cols = {c.strip().lower() for c in first_line.lstrip("\ufeff").split(",")}
    return set(REQUIRED) <= cols


def country_of(pcode: str) -> str:
    """ISO alpha-2 country of an OCHA P-code: ``SY`` for Syria's ``C1234`` community codes,
    else the code's two leading letters (``LB...``), else ""."""
    code = pcode.strip().upper()
    if code[:1] == "C" and code[1:2].isdigit():
        return "SY"
    return code[:2] if code[:2].isalpha() and code[:2].isascii() else ""


def _bare(alt: str) -> str:
    return _AR_QUALIFIER.sub("", _QUALIFIER.sub("", alt)).strip()


class OchaReader:
    """OCHA community list reader. A bad row is an input error naming file, line and field."""

    name = "ocha"

    def size(self, path: Path) -> int:
        return path.stat().st_size

    def read(self, path: Path, report: FileReport,
             progress: Progress | None = None) -> Iterator[PlaceRecord]:
        try:
            if path.suffix.lower() == ".gz":
                with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as fh:
                    rows = list(csv.reader(fh))
            else:
                with open(path, encoding="utf-8-sig", newline="") as fh:
                    rows = list(csv.reader(fh))
        except (UnicodeDecodeError, OSError, EOFError) as exc:
            raise GazetteerInputError(f"cannot read ({exc.__class__.__name__})",
                                      file=path) from None
        if progress is not None:
            progress(path.stat().st_size)
        yield from read_rows(rows, path, report)


def read_text(fh: IO[str], path: Path, report: FileReport) -> Iterator[PlaceRecord]:
    """Places of an OCHA community list read from an open text file."""
    yield from read_rows(list(csv.reader(fh)), path, report)


def read_rows(rows: list[list[str]], path: Path, report: FileReport) -> Iterator[PlaceRecord]:
    """Places of an OCHA community list given as CSV rows (header first)."""
    if not rows:
        raise GazetteerInputError("no places in file", file=path)
    header = [c.strip().lower() for c in rows[0]]
    col = {name: i for i, name in enumerate(header)}
    missing = [c for c in REQUIRED if c not in col]
    if missing:
        raise GazetteerInputError(f"missing column(s) {', '.join(missing)} of the OCHA "
                                  "community layout", file=path, line=1)
    alt_i = col.get("alt_names")
    for lineno, row in enumerate(rows[1:], 2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) < len(header):
            raise GazetteerInputError(f"wrong column count {len(row)}, expected "
                                      f"{len(header)}", file=path, line=lineno)
        name = row[col["name_en"]].strip()
        if not name:
            raise GazetteerInputError("empty name", file=path, line=lineno, field="name_en")
        values = read_coordinates({key: row[col[key]] for key in ("lat", "lon")}, path, lineno)
        pcode = row[col["pcode"]].strip()
        names = [name]
        arabic = row[col["name_ar"]].strip()
        if arabic:
            names.append(arabic)
        if alt_i is not None:
            for alt in row[alt_i].split(";"):
                bare = _bare(alt)
                if bare and bare not in names:
                    names.append(bare)
        place = Place(name=name, lat=values["lat"], lon=values["lon"],
                      country=country_of(pcode), feature_code="PPL", source=SOURCE, ref=pcode)
        report.places += 1
        yield PlaceRecord(place, tuple(names))


def write_compact(records: list[PlaceRecord], out: IO[bytes]) -> None:
    """Write records as the compact gzip CSV the built-in default ships (see
    ``gazetteer/data/SOURCE-ocha.md``): ``name_en,name_ar,alt_names,lat,lon,pcode``."""
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(("name_en", "name_ar", "alt_names", "lat", "lon", "pcode"))
    for rec in records:
        p = rec.place
        arabic = [n for n in rec.names[1:] if any("\u0600" <= ch <= "\u06ff" for ch in n)]
        alts = [n for n in rec.names[1:] if n not in arabic[:1]]
        w.writerow((p.name, arabic[0] if arabic else "", ";".join(alts),
                    f"{p.lat:.5f}".rstrip("0").rstrip("."), f"{p.lon:.5f}".rstrip("0").rstrip("."),
                    p.ref))
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))
