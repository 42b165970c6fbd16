"""The ``.csv`` reader: one suffix, three layouts, told apart by the header.

ACLED exports (``event_date, event_type, latitude, longitude``...), town control
(``place, faction, from``...), else the plain incidents table (``id, date, type``...).
"""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.readers.acled import is_acled_header, read_acled_rows
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.control_csv import is_control_header, read_control_rows
from mapgen.readers.csv_events import read_event_rows
from mapgen.readers.csvbase import open_table


def csv_layout(header: list[str]) -> str:
    """``"acled"``, ``"control"`` or ``"events"`` for a lower-cased header."""
    if is_acled_header(header):
        return "acled"
    if is_control_header(header):
        return "control"
    return "events"


def read_csv(path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
    """Read any of the CSV layouts; each bad row adds one error and is left out."""
    records = Records()
    try:
        table = open_table(path)
    except InputError as exc:
        errors.append(exc)
        return records
    layout = csv_layout(table.header)
    reader = {"acled": read_acled_rows, "control": read_control_rows, "events": read_event_rows}[layout]
    reader(table, tz, errors, records)
    return records
