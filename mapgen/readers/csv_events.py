"""Read incidents from a plain CSV table: ``id,date,type`` plus ``place`` or ``lat,lon``.

Optional columns, in any order: ``end, time_precision, geo_precision, actors, title,
description, fatalities, sources, review``. ``actors`` are separated by ``;``; ``sources`` are
``outlet|url`` pairs separated by ``;`` (a third part, ``outlet|url|published``, keeps the
publication time). Cells that :mod:`mapgen.writers` guarded against spreadsheet formulas (a
leading ``'``) are read back as written.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import Origin, Source, incident_from_record, parse_sources
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.csvbase import CsvTable, open_table, unescape_cell

REQUIRED = ("id", "date", "type")
OPTIONAL = ("place", "lat", "lon", "end", "time_precision", "geo_precision", "actors", "title",
            "description", "fatalities", "sources", "review")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


def split_sources(text: str) -> list[dict[str, str]]:
    """``"SOHR|https://...;Reuters|https://..."`` -> ``[{"outlet": ..., "url": ...}, ...]``.

    A part without ``|`` is an outlet name, or a URL when it starts with http(s)://.
    """
    items = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "|" not in part:
            lowered = part.lower()
            items.append({"url": part} if lowered.startswith(("http://", "https://")) else {"outlet": part})
            continue
        outlet, _, rest = part.partition("|")
        url, _, published = rest.partition("|")
        item = {"outlet": outlet.strip(), "url": url.strip()}
        if published.strip():
            item["published"] = published.strip()
        items.append(item)
    return items


class SourceCache:
    """Parsed ``sources`` cells by their text: feeds are full of repeated outlets and links."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._cache: dict[str, list[Source]] = {}

    def get(self, text: str, origin: Origin, field_name: str = "sources") -> list[Source]:
        found = self._cache.get(text)
        if found is None:
            found = list(parse_sources(split_sources(text), origin, self.tz, field_name))
            if len(self._cache) < 50_000:
                self._cache[text] = found
        return found


def parse_review(value: str, origin: Origin) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise origin.error("review", f"must be true or false, not {value[:20]!r}")


def read_event_rows(table: CsvTable, tz: ZoneInfo, errors: list[InputError], records: Records) -> None:
    """Validate each row of an opened plain-CSV table into ``records``."""
    try:
        table.require(*REQUIRED)
        if "place" not in table.header and not ("lat" in table.header and "lon" in table.header):
            raise table.error("needs a place column or lat and lon columns")
    except InputError as exc:
        errors.append(exc)
        return
    known = set(REQUIRED) | set(OPTIONAL)
    for name in table.header:
        if name not in known:
            records.warnings.append(table.error(f"unknown column {name!r} ignored"))
    columns = [(index, name) for index, name in enumerate(table.header) if name in known]
    sources = SourceCache(tz)
    file = table.file
    count = 0
    for line, cells in table.rows(errors):
        origin = Origin(file, line)
        record: dict[str, Any] = {}
        for index, name in columns:
            value = cells[index]
            if value:
                if value[0] == "'":
                    value = unescape_cell(value)
                record[name] = value
        count += 1
        try:
            text = record.get("sources")
            if text is not None:
                record["sources"] = sources.get(text, origin)
            if "review" in record:
                record["review"] = parse_review(record["review"], origin)
            records.incidents.append(incident_from_record(record, origin, tz))
        except InputError as exc:
            errors.append(exc)
    if not count:
        errors.append(table.error("no records (only a header)"))


def read_csv_events(path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
    """Read a plain incidents CSV; each bad row adds one error and is left out."""
    records = Records()
    try:
        table = open_table(path)
    except InputError as exc:
        errors.append(exc)
        return records
    read_event_rows(table, tz, errors, records)
    return records
