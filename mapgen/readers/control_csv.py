"""Read town-level control from CSV: ``place,faction,from,to,status,sources`` (``zones/control.csv``).

``to`` is the last day held (empty: still held); ``sources`` as in the events CSV
(``outlet|url;outlet|url``). Optional ``lat,lon`` (and ``country``) columns place a town without
the gazetteer. The rows become zones later, once their places have coordinates.
"""
from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import Origin
from mapgen.readers.base import Records
from mapgen.readers.csv_events import SourceCache
from mapgen.readers.csvbase import CsvTable, unescape_cell
from mapgen.towncontrol import check_overlaps, control_from_record

REQUIRED = ("place", "faction", "from")
OPTIONAL = ("to", "status", "sources", "lat", "lon", "country")


def is_control_header(header: list[str]) -> bool:
    return all(name in header for name in REQUIRED) and "date" not in header


def read_control_rows(table: CsvTable, tz: ZoneInfo, errors: list[InputError], records: Records) -> None:
    """Validate each row of an opened control table into ``records.control``."""
    if not table.has_columns(REQUIRED, errors):
        return
    known = table.known_columns(REQUIRED, OPTIONAL, records.warnings)
    columns = [(index, name) for index, name in enumerate(table.header) if name in known]
    sources = SourceCache(tz)
    rows = []
    count = 0
    for line, cells in table.rows(errors):
        count += 1
        origin = Origin(table.file, line)
        record: dict[str, Any] = {name: unescape_cell(cells[index]) for index, name in columns}
        try:
            found = sources.get(record["sources"], origin) if record.get("sources") else ()
            rows.append(control_from_record(record, origin, tz, sources=found))
        except InputError as exc:
            errors.append(exc)
    if not count:
        errors.append(table.error("no records (only a header)"))
    check_overlaps(rows, errors)
    records.control.extend(rows)
